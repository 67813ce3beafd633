"""The supervisor's view: indicators per body and year, as ``Figure``s (nianbao.copies), for
``python -m nianbao quality`` and the pages to come.

    from nianbao.quality import figures, QualitySettings
    rows = figures(dataset, QualitySettings(overview_max_chars=1000))

Every indicator is a plain function ``(dataset, settings) -> list[Figure]``; ``figures`` runs the
functions of ``INDICATORS`` over a loaded data set (reports that did not load have none) and
sorts their figures by body, year and the indicator's place in ``ORDER``. A new indicator is one
more function in ``INDICATORS`` (and its id in ``ORDER``). Never imports mkdocs.

- ``series.py``: ``published`` and ``years_missing``, over the years each body is due to report
  (``scope.py``: body.yml's since / until / exempt within the years the data set covers);
- ``reports.py``: ``days_late``, ``revisions``, ``format_ok``, ``parts_missing``,
  ``overview_chars``, ``blank_cells``, ``fees_item``, one figure per report;
- ``consistency.py``: ``identity_errors``, ``carry_over_mismatch``, ``narrative_mismatch``;
- ``outliers.py``: ``yoy_jump``, ``zero_where_peers_large`` and the rates with their peer groups'
  quartiles;
- ``copied.py``: the copy indicators of nianbao.copies;
- ``output.py``: the rows the command prints (table, CSV, JSON).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..catalogue import rules as R
from ..copies import COPY_OWN_PREVIOUS, COPY_PEER, SECTION5_UNCHANGED, TABLES_UNCHANGED, Figure
from .consistency import CARRY_OVER_MISMATCH, IDENTITY_ERRORS, NARRATIVE_MISMATCH, consistency_figures
from .copied import copies
from .outliers import RATES, YOY_JUMP, ZERO_WHERE_PEERS_LARGE, outlier_figures
from .reports import (
    BLANK_CELLS,
    DAYS_LATE,
    FEES_ITEM,
    FORMAT_OK,
    OVERVIEW_CHARS,
    PARTS_MISSING,
    REVISIONS,
    blank_cells,
    days_late,
    fees_item,
    format_ok,
    overview_chars,
    parts_missing,
    revisions,
)
from .series import PUBLISHED_ID, YEARS_MISSING, published, years_missing
from .settings import DEFAULTS, QualitySettings

if TYPE_CHECKING:
    from ..loader import Dataset
    from ..problems import Problem

__all__ = ["DEFAULTS", "INDICATORS", "ORDER", "Figure", "Indicator", "QualitySettings", "figures", "unread"]

Indicator = Callable[["Dataset", QualitySettings], list[Figure]]


def consistency(dataset: Dataset, settings: QualitySettings) -> list[Figure]:
    """identity_errors, carry_over_mismatch and narrative_mismatch, the reports checked once."""
    return consistency_figures(dataset)


def outliers(dataset: Dataset, settings: QualitySettings) -> list[Figure]:
    """yoy_jump, zero_where_peers_large and the rates, the figures of every report worked out once."""
    return outlier_figures(dataset, settings.outliers)


INDICATORS: tuple[Indicator, ...] = (
    published, days_late, revisions, years_missing, format_ok, parts_missing, overview_chars, blank_cells,
    fees_item, consistency, outliers, copies,
)

# The order of the rows of one body and year: the table of indicators. An id not listed
# sorts after these, by name.
ORDER: tuple[str, ...] = (
    PUBLISHED_ID, DAYS_LATE, REVISIONS, YEARS_MISSING, FORMAT_OK, PARTS_MISSING, OVERVIEW_CHARS, BLANK_CELLS,
    FEES_ITEM, IDENTITY_ERRORS, CARRY_OVER_MISMATCH, NARRATIVE_MISMATCH, YOY_JUMP, ZERO_WHERE_PEERS_LARGE, *RATES,
    COPY_OWN_PREVIOUS, COPY_PEER, SECTION5_UNCHANGED, TABLES_UNCHANGED,
)
_PLACE = {indicator: place for place, indicator in enumerate(ORDER)}


def figures(dataset: Dataset, settings: QualitySettings = DEFAULTS) -> list[Figure]:
    """Every indicator's figures for the data set, by body, year and indicator."""
    out = [figure for indicator in INDICATORS for figure in indicator(dataset, settings)]
    return sorted(out, key=lambda f: (f.body, f.year, _PLACE.get(f.indicator, len(ORDER)), f.indicator))


# Errors of the loader that leave nothing out: the data is read whole, only inconsistent.
_READ_WHOLE = frozenset({R.PARENT_UNKNOWN.id, R.OUTSIDE_YEARS.id, R.REGION_CLASH.id})


def unread(dataset: Dataset) -> list[Problem]:
    """The loader's errors that left a file, a body or a row out of the data set: its figures are
    missing. Call it before the indicators, which may add the checks' findings."""
    return [p for p in dataset.findings.errors if p.rule not in _READ_WHOLE]
