"""figures.yml read and checked: every cell a figure names is a concept of some format, every
figure a rate names exists, and no id is given twice. A fault stops the program at import, as a
broken format definition does: no report could be compared with a wrong definition."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictStr, ValidationError

from ..catalogue import formats as F
from ..formats import CellRef, all_formats


class _Def(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FigureDef(_Def):
    id: StrictStr
    label: StrictStr
    cells: tuple[StrictStr, ...] = Field(min_length=1)
    key: StrictBool = False


class RateDef(_Def):
    id: StrictStr
    label: StrictStr
    numerator: tuple[StrictStr, ...] = Field(min_length=1)
    denominator: tuple[StrictStr, ...] = Field(min_length=1)
    key: StrictBool = False


class ChartDef(_Def):
    id: StrictStr
    title: StrictStr
    series: tuple[StrictStr, ...] = Field(min_length=1)


class FiguresDef(_Def):
    figures: tuple[FigureDef, ...] = Field(min_length=1)
    rates: tuple[RateDef, ...] = ()
    charts: tuple[ChartDef, ...] = ()


@dataclass(frozen=True)
class Figure:
    """A sum of concepts: what it is called and the cells it adds up."""

    id: str
    label: str
    cells: tuple[CellRef, ...]
    key: bool = False  # shown in a report's 与上年比较


@dataclass(frozen=True)
class Rate:
    id: str
    label: str
    numerator: tuple[str, ...]  # figure ids
    denominator: tuple[str, ...]
    key: bool = False


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    series: tuple[str, ...]  # figure or rate ids


@dataclass(frozen=True)
class Figures:
    figures: tuple[Figure, ...]
    rates: tuple[Rate, ...]
    charts: tuple[Chart, ...] = ()

    def label(self, id_: str) -> str:
        labels = {f.id: f.label for f in self.figures} | {r.id: r.label for r in self.rates}
        return labels[id_]


class FiguresDefinitionError(Exception):
    """figures.yml cannot be used; the message lists every fault."""


def cell_ref(path: str) -> CellRef:
    """``applications.results.total.total`` → (applications, results.total, total)."""
    table, _, rest = path.partition(".")
    row, _, column = rest.rpartition(".")
    return CellRef(table, row, column)


def parse_figures(text: str, name: str = "figures.yml") -> Figures:
    try:
        raw = FiguresDef.model_validate(yaml.safe_load(text))
    except (ValidationError, yaml.YAMLError) as exc:
        raise FiguresDefinitionError(F.FIGURES_INVALID(file=name, error=exc)) from None
    concepts = frozenset().union(*(fmt.concepts for fmt in all_formats()))
    faults: list[str] = []
    ids: set[str] = set()
    for given in [f.id for f in raw.figures] + [r.id for r in raw.rates]:
        if given in ids:
            faults.append(F.FIGURES_DOUBLED(id=given))
        ids.add(given)
    figure_ids = {f.id for f in raw.figures}
    for figure in raw.figures:
        faults += [F.FIGURES_NOT_A_CONCEPT(id=figure.id, cell=c) for c in figure.cells if cell_ref(c) not in concepts]
    for rate in raw.rates:
        faults += [F.FIGURES_NO_FIGURE(id=rate.id, figure=f) for f in (*rate.numerator, *rate.denominator)
                   if f not in figure_ids]
    rate_ids = {r.id for r in raw.rates}
    for chart in raw.charts:
        faults += [F.FIGURES_NO_FIGURE(id=chart.id, figure=f) for f in chart.series if f not in figure_ids | rate_ids]
    if faults:
        raise FiguresDefinitionError(F.FIGURES_FAULTS(file=name) + "\n" + "\n".join(f"  {f}" for f in faults))
    return Figures(
        figures=tuple(Figure(f.id, f.label, tuple(map(cell_ref, f.cells)), f.key) for f in raw.figures),
        rates=tuple(Rate(r.id, r.label, r.numerator, r.denominator, r.key) for r in raw.rates),
        charts=tuple(Chart(c.id, c.title, c.series) for c in raw.charts),
    )


@cache
def shipped_figures() -> Figures:
    """The figures defined in the package's figures.yml."""
    return parse_figures(resources.files(__package__).joinpath("figures.yml").read_text(encoding="utf-8"))
