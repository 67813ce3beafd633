"""Figures that line reports up across years, formats and bodies, defined once (figures.yml).

A figure is a sum of concepts, the cells every format naming them means alike (formats/<id>.yml,
``concepts:``); a rate is a ratio of figures. Comparison, 汇总, charts and exports read these only.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..cells import BLANK, Cell
from ..formats import CellRef
from ..model import Report
from .definition import Figure, Figures, FiguresDefinitionError, Rate, cell_ref, parse_figures, shipped_figures
from .sums import Amount, add

__all__ = [
    "Amount", "Figure", "Figures", "FiguresDefinitionError", "Rate", "RateValue", "add", "cell_ref",
    "concept_value", "figure_values", "parse_figures", "rate_values", "shipped_figures",
]


def concept_value(report: Report, ref: CellRef) -> Amount | None:
    """The report's value of a concept; None when its format does not name that concept.

    A group a format marks collapsible is its row when the report prints it as one, else its rows'
    sum; a cell under a group printed as one row is not stated."""
    fmt = report.format
    if ref not in fmt.concepts:
        return None
    table = fmt.table(ref.table)
    values = report.tables.get(ref.table, {})
    group = table.collapsible_rows.get(ref.row)
    if group is not None and ref.row not in values:
        return add(_cell(report, CellRef(ref.table, leaf, ref.column)) for leaf in group[1])
    return add([_cell(report, ref)])


def _cell(report: Report, ref: CellRef) -> Cell:
    return report.cell(*ref) or BLANK


def figure_values(report: Report, figures: Figures | None = None) -> dict[str, Amount]:
    """Every figure the report's format gives, by id."""
    out: dict[str, Amount] = {}
    for figure in (figures or shipped_figures()).figures:
        parts = [concept_value(report, ref) for ref in figure.cells]
        if all(p is not None for p in parts):
            out[figure.id] = add(p for p in parts if p is not None)
    return out


@dataclass(frozen=True, slots=True)
class RateValue:
    """A rate's numerator and denominator; its value is None when the denominator is 0 or unknown."""

    numerator: Amount
    denominator: Amount

    @property
    def value(self) -> Decimal | None:
        if self.numerator.value is None or not self.denominator.value:
            return None
        return self.numerator.value / self.denominator.value

    @property
    def partial(self) -> bool:
        """Made of partial sums: a floor or a guess, never to be compared as it is."""
        return not (self.numerator.known and self.denominator.known)


def rate_values(figures_of_report: dict[str, Amount], figures: Figures | None = None) -> dict[str, RateValue]:
    """Every rate whose figures the report gives, by id (from figure_values' result, so a region's
    sums give their rates the same way)."""
    out: dict[str, RateValue] = {}
    for rate in (figures or shipped_figures()).rates:
        needed = (*rate.numerator, *rate.denominator)
        if all(f in figures_of_report for f in needed):
            out[rate.id] = RateValue(add(figures_of_report[f] for f in rate.numerator),
                                     add(figures_of_report[f] for f in rate.denominator))
    return out

