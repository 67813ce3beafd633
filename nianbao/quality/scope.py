"""Which years each body must report: the registry (body.yml's since, until and exempt) within the
years the data set covers.

- The data set covers the years from its earliest report to its latest, all bodies together.
- A body is in scope from ``since`` (or, without it, from its first report's year) to ``until``
  (or, without it, the latest year covered), within the years covered. A registered body with
  neither ``since`` nor any report is in scope in the latest year covered only: it is due now,
  and nothing says since when.
- Every year with a report counts too, in scope or not (a report outside since/until is B.1),
  so that every report gets its figures.
- A year in ``exempt`` without a report is exempt, not missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from ..loader import Dataset
    from ..model import Body

State = Literal["published", "missing", "exempt"]
PUBLISHED: State = "published"
MISSING: State = "missing"
EXEMPT: State = "exempt"


@dataclass(frozen=True)
class Series:
    """One body's years: each year's state, oldest first."""

    body: str
    states: Mapping[int, State]

    def missing_until(self, year: int) -> list[int]:
        return [y for y, state in self.states.items() if state == MISSING and y <= year]

    def due_until(self, year: int) -> list[int]:
        """The years up to ``year`` the body had to report (exempt ones left out)."""
        return [y for y, state in self.states.items() if state != EXEMPT and y <= year]


def covered(dataset: Dataset) -> range:
    """The years the data set covers: its earliest report's to its latest's (empty without reports)."""
    years = [year for _, year in dataset.reports]
    return range(min(years), max(years) + 1) if years else range(0)


def in_scope(body: Body | None, report_years: list[int], years: range) -> list[int]:
    """The years a body is due to report (see the module's docstring), oldest first."""
    if body is None or not years:
        return sorted(report_years)
    if body.since is not None:
        first = body.since
    elif report_years:
        first = min(report_years)
    else:
        first = years[-1]
    last = body.until if body.until is not None else years[-1]
    return sorted({y for y in years if first <= y <= last} | set(report_years))


def series(dataset: Dataset) -> list[Series]:
    """Every body's series: the registered bodies', and those whose reports loaded without body.yml."""
    years = covered(dataset)
    by_body: dict[str, list[int]] = {slug: [] for slug in dataset.bodies}
    for slug, year in dataset.reports:
        by_body.setdefault(slug, []).append(year)
    out = []
    for slug, report_years in sorted(by_body.items()):
        body = dataset.bodies.get(slug)
        exempt = body.exempt if body is not None else {}
        states: dict[int, State] = {}
        for year in in_scope(body, report_years, years):
            states[year] = PUBLISHED if year in report_years else EXEMPT if year in exempt else MISSING
        out.append(Series(slug, states))
    return out
