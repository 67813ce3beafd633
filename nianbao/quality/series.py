"""The indicators of a body's series: ``published`` and ``years_missing``, for every year the body
is due to report (scope.py says which)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..catalogue import quality as words
from ..copies import Figure
from .scope import EXEMPT, MISSING, PUBLISHED, series

if TYPE_CHECKING:
    from ..loader import Dataset
    from .settings import QualitySettings

PUBLISHED_ID = "published"
YEARS_MISSING = "years_missing"


def published(dataset: Dataset, settings: QualitySettings) -> list[Figure]:
    """published / missing / exempt for each body and year due; missing is flagged."""
    out = []
    for one in series(dataset):
        body = dataset.bodies.get(one.body)
        for year, state in one.states.items():
            if state == PUBLISHED:
                report = dataset.reports[(one.body, year)]
                date = report.meta.published
                detail = words.PUBLISHED(date=date.isoformat()) if date else words.PUBLISHED_NO_DATE()
                if body is not None and year in body.exempt:
                    detail = words.PUBLISHED_EXEMPT_TOO(published=detail, reason=body.exempt[year])
                if body is not None and not body.exists_in(year):
                    detail = words.PUBLISHED_OUTSIDE(published=detail)
            elif state == EXEMPT:
                assert body is not None  # only body.yml names exempt years
                detail = words.EXEMPT(reason=body.exempt[year])
            else:
                detail = words.MISSING(year=year)
            out.append(Figure(PUBLISHED_ID, one.body, year, state, state == MISSING, detail))
    return out


def years_missing(dataset: Dataset, settings: QualitySettings) -> list[Figure]:
    """For each year due, how many years due up to it have no report (exempt years are not due);
    flagged when any has none."""
    out = []
    for one in series(dataset):
        for year in one.states:
            missing = one.missing_until(year)
            if missing:
                shown = words.JOIN().join(words.YEAR_ITEM(year=y) for y in missing)
                detail = words.YEARS_MISSING(year=year, count=len(missing), years=shown)
            else:
                detail = words.YEARS_NONE_MISSING(year=year, count=len(one.due_until(year)))
            out.append(Figure(YEARS_MISSING, one.body, year, len(missing), bool(missing), detail))
    return out
