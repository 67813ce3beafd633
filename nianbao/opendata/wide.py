"""A statutory table of one report in its own rows and columns, as a supervisor reads it in Excel.

A row per row of the table (groups printed as one row included), a column per leaf column. Where
the table's bands have different columns (二), a row leaves the others' columns empty: an empty
cell is a cell the row does not have. A cell the report left blank reads 未填写 and 不适用 reads
不适用, so neither is taken for 0 or for a missing cell.
"""

from __future__ import annotations

from functools import cache

from ..catalogue import opendata as W
from ..cells import Cell
from ..formats import Table
from ..model import Report
from .records import number_text, row_label


@cache
def columns_of(table: Table) -> list[tuple[str, str]]:
    """(column key, label) of every leaf column of the table's blocks, first seen first (the same for
    every report of the format: worked out once)."""
    seen: dict[str, str] = {}
    for row in table.value_rows:
        for key, path in table.column_labels(row).items():
            seen.setdefault(key, W.LABEL_JOIN.zh.join(path))
    return list(seen.items())


def header(table: Table) -> list[str]:
    return [W.F_ROW.zh, W.F_ROW_LABEL.zh, *(label for _, label in columns_of(table))]


def shown(cell: Cell) -> str:
    if cell.state == "number":
        # A unit the format leaves to the cell (采购总金额 461.7 万元) is part of what it says.
        return cell.text if cell.unit else number_text(cell.value)
    return W.STATUS_BLANK.zh if cell.state == "blank" else W.STATUS_NA.zh


def rows(report: Report, table: Table) -> list[list[str]]:
    keys = [key for key, _ in columns_of(table)]
    values = report.tables.get(table.key, {})
    out = []
    for row in table.value_rows:
        cells = values.get(row)
        if cells is None:
            continue
        given = dict(zip(table.column_keys(row), cells, strict=True))
        out.append([row, row_label(table, row), *(shown(given[k]) if k in given else "" for k in keys)])
    return out
