"""A report's figures against the body's previous report, and a body's figures year by year.

Only complete values are compared: a partial sum (a cell left blank) or a rate of one is shown but
never given a change, and a large change is one that a reader should hear about: at least half again
or half less, on figures of 10 or more (small numbers swing), or 20 points on a rate whose
denominator is 10 or more.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from ..model import Report
from . import Amount, RateValue, figure_values, rate_values, shipped_figures

SMALL = Decimal(10)  # below this a figure's swings say little
LARGE_RATIO = Decimal("0.5")
LARGE_POINTS = Decimal("0.2")

Value = Amount | RateValue


def values_of(report: Report) -> dict[str, Value]:
    """Every figure and rate of the report, by id, figures first in definition order."""
    figures = figure_values(report)
    return {**figures, **rate_values(figures)}


@dataclass(frozen=True)
class Change:
    id: str
    label: str
    kind: Literal["figure", "rate"]
    now: Value
    before: Value | None  # None: no previous report, or its format lacks the figure
    delta: Decimal | None  # now − before, when both are complete
    large: Literal["up", "down"] | None = None


def _number(value: Value | None) -> Decimal | None:
    if isinstance(value, Amount):
        return value.value if value.known else None
    if isinstance(value, RateValue):
        return None if value.partial else value.value
    return None


def _large(kind: str, now: Value, before: Value, delta: Decimal) -> Literal["up", "down"] | None:
    direction: Literal["up", "down"] = "up" if delta > 0 else "down"
    if kind == "rate":
        assert isinstance(now, RateValue) and isinstance(before, RateValue)
        bases = [v.denominator.value or Decimal(0) for v in (now, before)]
        return direction if abs(delta) >= LARGE_POINTS and min(bases) >= SMALL else None
    old, new = _number(before), _number(now)
    assert old is not None and new is not None
    if max(old, new) < SMALL or delta == 0:
        return None
    return direction if old == 0 or abs(delta) / old >= LARGE_RATIO else None


def compare(report: Report, previous: Report | None, *, key_only: bool = True) -> list[Change]:
    """The report's (key) figures and rates with last year's values and the change."""
    defs = shipped_figures()
    now_values = values_of(report)
    before_values = values_of(previous) if previous is not None else {}
    items = [(f.id, f.label, "figure", f.key) for f in defs.figures] + [(r.id, r.label, "rate", r.key)
                                                                         for r in defs.rates]
    out: list[Change] = []
    for id_, label, kind, key in items:
        if (key_only and not key) or id_ not in now_values:
            continue
        now, before = now_values[id_], before_values.get(id_)
        a, b = _number(now), _number(before)
        delta = a - b if a is not None and b is not None else None
        large = _large(kind, now, before, delta) if delta is not None and before is not None else None
        out.append(Change(id_, label, kind, now, before, delta, large))  # type: ignore[arg-type]
    return out


def history(reports: list[Report]) -> tuple[list[int], dict[str, dict[int, Value]]]:
    """The years and, by figure or rate id, each year's value (a year whose format lacks it: absent)."""
    years = sorted(r.year for r in reports)
    table: dict[str, dict[int, Value]] = {}
    for report in sorted(reports, key=lambda r: r.year):
        for id_, value in values_of(report).items():
            table.setdefault(id_, {})[report.year] = value
    return years, table
