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
- ``consistency.py``, ``outliers.py``: ``identity_errors``, ``carry_over_mismatch``,
  ``narrative_mismatch``, ``yoy_jump``, ``zero_where_peers_large`` and the rates;
- ``copied.py``: the copy indicators of nianbao.copies;
- ``output.py``: the rows the command prints (table, CSV, JSON).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..copies import COPY_OWN_PREVIOUS, COPY_PEER, SECTION5_UNCHANGED, TABLES_UNCHANGED, Figure
from .consistency import consistency_figures
from .copied import copies
from .outliers import RATES, outlier_figures
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

__all__ = ["DEFAULTS", "INDICATORS", "ORDER", "Figure", "Indicator", "QualitySettings", "figures"]

Indicator = Callable[["Dataset", QualitySettings], list[Figure]]


# The consistency and outlier indicators (consistency.py, outliers.py) with their own defaults:
# QualitySettings has no field for their thresholds yet.
def consistency(dataset: Dataset, settings: QualitySettings) -> list[Figure]:
    return consistency_figures(dataset)


def outliers(dataset: Dataset, settings: QualitySettings) -> list[Figure]:
    return outlier_figures(dataset)


INDICATORS: tuple[Indicator, ...] = (
    published, days_late, revisions, years_missing, format_ok, parts_missing, overview_chars, blank_cells,
    fees_item, consistency, outliers, copies,
)

# The order of the rows of one body and year: the table of indicators. An id not listed
# sorts after these, by name.
ORDER: tuple[str, ...] = (
    PUBLISHED_ID, DAYS_LATE, REVISIONS, YEARS_MISSING, FORMAT_OK, PARTS_MISSING, OVERVIEW_CHARS, BLANK_CELLS,
    FEES_ITEM, "identity_errors", "carry_over_mismatch", "narrative_mismatch", "yoy_jump", "zero_where_peers_large",
    COPY_OWN_PREVIOUS, COPY_PEER, SECTION5_UNCHANGED, TABLES_UNCHANGED, *RATES,
)
_PLACE = {indicator: place for place, indicator in enumerate(ORDER)}


def figures(dataset: Dataset, settings: QualitySettings = DEFAULTS) -> list[Figure]:
    """Every indicator's figures for the data set, by body, year and indicator."""
    out = [figure for indicator in INDICATORS for figure in indicator(dataset, settings)]
    return sorted(out, key=lambda f: (f.body, f.year, _PLACE.get(f.indicator, len(ORDER)), f.indicator))
