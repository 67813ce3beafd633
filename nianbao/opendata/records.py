"""A report's cells as records: one per cell of its three tables, in table order, with the body,
the labels and the cell's state, so that a cell that is 0, one left blank and one 不适用 come out
three different ways (状态), and the number itself stays a number (数值)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import cache
from typing import Any

from ..catalogue import opendata as W
from ..cells import Cell
from ..checks.identities import format_number
from ..formats import CellRef, Format, Table
from ..model import Body, Report
from ..revisions import first_published, resolve, revised_cells

# The tidy table's fields, in order: the CSV's header and the JSON's keys (the Chinese names).
FIELDS = (W.F_BODY, W.F_BODY_NAME, W.F_LEVEL, W.F_REGION, W.F_YEAR, W.F_FORMAT, W.F_TABLE, W.F_TABLE_LABEL,
          W.F_ROW, W.F_ROW_LABEL, W.F_COLUMN, W.F_COLUMN_LABEL, W.F_VALUE, W.F_STATUS, W.F_TEXT, W.F_UNIT,
          W.F_CONCEPT, W.F_REVISED, W.F_FIRST_PUBLISHED)
STATUS = {"number": W.STATUS_NUMBER, "blank": W.STATUS_BLANK, "na": W.STATUS_NA}


def row_label(table: Table, row: str) -> str:
    """The row's labels joined, its 第二十条 band first where the table has bands (二)."""
    block = table.row(row)[1]
    labels = (block.band, *table.row_labels[row]) if block.band else table.row_labels[row]
    return W.LABEL_JOIN.zh.join(labels)


def cells_of(report: Report) -> Iterator[tuple[Table, str, str, Cell]]:
    """(table, row key, column key, cell) for every cell the report's values give, in table order."""
    for table in report.format.tables:
        values = report.tables.get(table.key, {})
        for row in table.value_rows:
            cells = values.get(row)
            if cells is None:
                continue  # a row under a group printed as one row, or that group's row
            for column, cell in zip(table.column_keys(row), cells, strict=True):
                yield table, row, column, cell


@cache
def _labels(fmt: Format) -> dict[tuple[str, str], tuple[str, dict[str, tuple[str, str]]]]:
    """(table, row) → the row's label and, by column key, its label and concept: the same for every
    report of the format, so worked out once."""
    out: dict[tuple[str, str], tuple[str, dict[str, tuple[str, str]]]] = {}
    for table in fmt.tables:
        for row in table.value_rows:
            columns = table.column_labels(row)
            out[(table.key, row)] = (row_label(table, row), {
                c: (W.LABEL_JOIN.zh.join(path),
                    f"{table.key}.{row}.{c}" if CellRef(table.key, row, c) in fmt.concepts else "")
                for c, path in columns.items()})
    return out


def records(body: Body, report: Report) -> Iterator[dict[str, Any]]:
    """One record per cell, keyed by the Chinese field names; 数值 is a Decimal or None."""
    names = [f.zh for f in FIELDS]
    for values in values_of(body, report):
        yield dict(zip(names, values, strict=True))


def values_of(body: Body, report: Report) -> Iterator[tuple[Any, ...]]:
    """Each cell's record as a tuple in FIELDS' order."""
    region = W.LABEL_JOIN.zh.join(body.region)
    labels = _labels(report.format)
    # A corrected report's cells hold the figures now; a revised cell also says when it changed and
    # what was first published (修订记录), a blank then written out, never left empty.
    views = resolve(report)
    first = first_published(views)
    revised = {ref: "、".join(views[n - 1].date.isoformat() for n in numbers)
               for ref, numbers in revised_cells(views).items()}
    for table, row, column, cell in cells_of(report):
        row_text, columns = labels[(table.key, row)]
        column_text, concept = columns[column]
        ref = CellRef(table.key, row, column)
        before = first.get(ref) if first else None
        yield (
            report.body, body.name, body.level, region, report.year, report.format.id, table.key, table.caption,
            row, row_text, column, column_text, cell.value if cell.state == "number" else None,
            STATUS[cell.state].zh, cell.text if cell.state != "blank" else "", cell.unit, concept,
            revised.get(ref, "") if revised else "",
            "" if before is None else before.text if before.state != "blank" else W.STATUS_BLANK.zh,
        )


def number_text(value: Decimal | None) -> str:
    return "" if value is None else format_number(value)
