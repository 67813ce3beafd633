"""The rows ``python -m nianbao quality`` prints: one per body, year and indicator, with the columns
``body,year,indicator,value,flag,detail``, as an aligned table, CSV (UTF-8 with a BOM, the open
data's writer) or JSON."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from ..catalogue import quality as words
from ..opendata.files import csv_text, json_text

if TYPE_CHECKING:
    from ..copies import Figure
    from ..loader import Dataset

Shape = Literal["table", "csv", "json"]
SHAPES: tuple[Shape, ...] = ("table", "csv", "json")
HEADER = ("body", "year", "indicator", "value", "flag", "detail")


def select(found: Iterable[Figure], dataset: Dataset, year: int | None = None,
           region: str | None = None) -> list[Figure]:
    """The figures of one year, and of the bodies of a region named at any level (a body whose
    body.yml could not be read has no region, so it is left out when one is asked for)."""
    def wanted(figure: Figure) -> bool:
        if year is not None and figure.year != year:
            return False
        if region is None:
            return True
        body = dataset.bodies.get(figure.body)
        return body is not None and region in body.region

    return [f for f in found if wanted(f)]


def _number(value: float) -> float:
    # A share such as copy containment: four decimals say it, more is noise.
    return round(value, 4)


def _data_value(value: object) -> object:
    """The value as CSV and JSON hold it: a state or a number as it is, true/false, nothing for None."""
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return _number(value)
    return value


def _csv_value(value: object) -> object:
    value = _data_value(value)
    return ("true" if value else "false") if isinstance(value, bool) else value


def csv_output(found: Iterable[Figure]) -> str:
    return csv_text(HEADER, ([f.body, f.year, f.indicator, _csv_value(f.value), _csv_value(f.flag), f.detail]
                             for f in found))


def json_output(found: Iterable[Figure]) -> str:
    return json_text([dict(zip(HEADER, (f.body, f.year, f.indicator, _data_value(f.value), f.flag, f.detail),
                               strict=True)) for f in found])


def _shown(value: object) -> str:
    if value is None:
        return words.NOTHING()
    if isinstance(value, bool):
        return (words.YES if value else words.NO)()
    if isinstance(value, float):
        return str(_number(value))
    return str(value)


def _width(text: str) -> int:
    # A Chinese character takes two columns of a terminal.
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def table_output(found: Iterable[Figure]) -> str:
    """An aligned table for a terminal: the detail last, unpadded, so a long one does not widen the rest."""
    rows = [list(HEADER)] + [[f.body, str(f.year), f.indicator, _shown(f.value), words.FLAGGED() if f.flag else "",
                              f.detail] for f in found]
    widths = [max(_width(row[i]) for row in rows) for i in range(len(HEADER) - 1)]
    lines = ["  ".join([*(_pad(cell, widths[i]) for i, cell in enumerate(row[:-1])), row[-1]]).rstrip()
             for row in rows]
    return "\n".join(lines) + "\n"


def render(found: Iterable[Figure], shape: Shape) -> str:
    if shape == "csv":
        return csv_output(found)
    if shape == "json":
        return json_output(found)
    return table_output(found)
