"""A report's statutory tables as an Excel workbook: ``python -m nianbao excel BODY YEAR``.

One sheet per table, named by its part (表二 表三 表四, so that a message can say ``表三!D12``), the
table's full title in the first row, then the table as the format prints it: the header and label
cells merged exactly as the site lays them out (``render/grid.py`` computes the layout once, for
both), the official labels locked (sheet protection without a password), the value cells open, each
with a data validation of its kind. A first sheet, 报告信息, names the body, the year and the format,
so that ``import`` knows which report the workbook belongs to (``nianbao/importer/workbook.py``).

Values keep what the data file says: a number is a number cell, shown as written (+1 keeps its
sign and 1.50 its decimals through the cell's number format); not stated (``~``) is an empty cell;
不适用 and anything else are text. So the workbook imported back gives the same file.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from .atomic import WriteRefused, write_bytes_atomic
from .catalogue import rules as R
from .catalogue import workbook as W
from .cells import NOT_APPLICABLE
from .datafiles import report_file_name
from .formats import Format, Node, Table, format_for_year, get_format
from .loader import FIRST_YEAR, LAST_YEAR, SLUG, read_body
from .problems import Locator, Problem, display_path, report_text
from .render.grid import Grid, GridCell, table_grid
from .table_values import read_tables
from .yamlsource import YamlSourceError, read_yaml

TITLE_ROW = 1  # the table's full title; the table itself starts on the next row
GENERAL = "General"
META_FIRST_ROW = 3  # the meta sheet: its head, a blank row, then one field a row

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_LABEL_FILL = PatternFill("solid", fgColor="EDEDED")
_LOCKED = Protection(locked=True)
_OPEN = Protection(locked=False)
# Widths in Excel's units (about one Latin character; a Chinese one takes two).
_LABEL_WIDTH = (10, 36)  # a label column: at least, at most (longer labels wrap)
_VALUE_WIDTH = (10, 16)
_LINE_HEIGHT = 15.0  # points per line of 11-point text


class ExcelError(Exception):
    """The workbook cannot be made; the message (catalogue) says why and what to do."""


class ExcelUsageError(ExcelError):
    """The command names no report that can be: a bad folder name or year (exit status 2)."""


@dataclass(frozen=True)
class Exported:
    path: Path
    sheets: tuple[str, ...]
    format: Format
    blank: bool  # the report does not exist yet: blank tables of the year's format


# --- names shared with the import ------------------------------------------------------------------


def sheet_name(fmt: Format, table: Table) -> str:
    part = next((p for p in fmt.parts if p.table == table.key), None)
    return W.SHEET_NAME.format(part=part.key) if part else table.key


def table_title(fmt: Format, table: Table) -> str:
    """The table's full title as the report prints it: 三、收到和处理政府信息公开申请情况."""
    part = next((p for p in fmt.parts if p.table == table.key), None)
    return f"{part.key}、{table.caption}" if part else table.caption


def plus_format(decimals: int) -> str:
    """The number format that shows a positive number with its + (an increase printed as +1)."""
    base = "0." + "0" * decimals if decimals else "0"
    return f"+{base};-{base};{base}"


def decimal_format(decimals: int) -> str:
    return "0." + "0" * decimals


_WHOLE = re.compile(r"([+-]?)(0|[1-9][0-9]{0,14})")
_DECIMAL = re.compile(r"(\+?)(0|[1-9][0-9]*)\.([0-9]{1,6})")


def cell_value(text: str | None, column: Node) -> tuple[int | float | str | None, str]:
    """A data file's cell → the workbook's value and number format, so that reading it back gives
    the same text: a number only where its text is a number's own (no leading zero, at most 15
    digits: Excel's precision), else the text as it is."""
    if text is None:
        return None, GENERAL
    if column.kind in ("count", "signed", "amount"):
        whole = _WHOLE.fullmatch(text)
        if whole and (whole[1] != "-" or (column.kind == "signed" and whole[2] != "0")):
            return int(text), plus_format(0) if whole[1] == "+" else GENERAL
        decimal = _DECIMAL.fullmatch(text) if column.kind == "amount" else None
        if decimal and len(decimal[2] + decimal[3]) <= 15:
            places = len(decimal[3])
            return float(text), plus_format(places) if decimal[1] else decimal_format(places)
    return text, GENERAL


# --- laying the grid out on a sheet ----------------------------------------------------------------


def placed(grid: Grid) -> Iterator[tuple[int, int, GridCell]]:
    """(row, column, cell) for every cell of the grid, 0-based, as a browser lays rowspans and
    colspans out: a cell goes to the first position its row leaves free."""
    taken: set[tuple[int, int]] = set()
    rows = [row for block in grid.blocks for row in (*block.head, *block.body)]
    for r, row in enumerate(rows):
        c = 0
        for cell in row.cells:
            while (r, c) in taken:
                c += 1
            yield r, c, cell
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


# --- the workbook ----------------------------------------------------------------------------------


def build_workbook(fmt: Format, tables: Mapping[str, Any], slug: str, name: str, year: int) -> Workbook:
    """The workbook of one report: its meta sheet, then one sheet per statutory table. ``tables``
    holds the data file's tables as read (every cell a string, or None for not stated)."""
    book = Workbook()
    meta = book.active
    assert meta is not None
    sheets = [sheet_name(fmt, t) for t in fmt.tables]
    _meta_sheet(meta, fmt, slug, name, year, sheets)
    for table in fmt.tables:
        _table_sheet(book.create_sheet(sheet_name(fmt, table)), fmt, table, tables.get(table.key) or {})
    return book


def _meta_sheet(ws: Worksheet, fmt: Format, slug: str, name: str, year: int, sheets: list[str]) -> None:
    ws.title = W.META_SHEET
    ws.cell(1, 1, W.META_HEAD).font = Font(bold=True, size=14)
    fields: list[tuple[str, str | int]] = [(W.META_BODY, slug), (W.META_NAME, name), (W.META_YEAR, year),
                                        (W.META_FORMAT, fmt.id), (W.META_FORMAT_NAME, f"{fmt.name}（{fmt.notice}）")]
    for i, (label, value) in enumerate(fields):
        row = META_FIRST_ROW + i
        head = ws.cell(row, 1, label)
        head.font = Font(bold=True)
        head.fill = _LABEL_FILL
        head.border = _BORDER
        cell = ws.cell(row, 2, value)
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="left")
    widths = (16, 50)  # the labels, the values; the notes span both, so the page prints on A4 upright
    row = META_FIRST_ROW + len(fields) + 1
    for i, note in enumerate(W.META_NOTES):
        text = note.format(sheets="、".join(sheets))
        cell = ws.cell(row + i, 1, text)
        cell.font = Font(bold=i == 0)
        ws.merge_cells(start_row=row + i, start_column=1, end_row=row + i, end_column=len(widths))
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[row + i].height = _LINE_HEIGHT * math.ceil(_width(text) / (sum(widths) - 2))
    for column, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(column)].width = width
    ws.protection.sheet = True  # nothing on this page is to be typed over


def _table_sheet(ws: Worksheet, fmt: Format, table: Table, values: Mapping[str, Any]) -> None:
    collapsed = frozenset(key for key in table.collapsible_rows if isinstance(_at(values, key), list))
    grid = table_grid(table, table_title(fmt, table), sheet_name(fmt, table), collapsed)
    width = grid.width
    title = ws.cell(TITLE_ROW, 1, table_title(fmt, table))
    title.font = Font(bold=True, size=14)
    title.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.merge_cells(start_row=TITLE_ROW, start_column=1, end_row=TITLE_ROW, end_column=width)
    ws.row_dimensions[TITLE_ROW].height = 2 * _LINE_HEIGHT
    labels = max(_label_columns(grid), 1)
    widths = _column_widths(grid, labels)
    for column, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(column)].width = w
    heights: dict[int, float] = {}
    first_value: tuple[int, int] | None = None
    for r, c, cell in placed(grid):
        row, column = TITLE_ROW + 1 + r, 1 + c
        target = ws.cell(row, column)
        target.border = _BORDER
        if cell.slot is not None:
            key, index = cell.slot
            node = table.row(key)[1].leaf_columns[index][1]
            value, number_format = cell_value(_cell_text(values, key, index), node)
            target.value = value
            target.number_format = number_format
            target.protection = _OPEN
            target.alignment = Alignment(horizontal="center", vertical="center")
            _validate(ws, target.coordinate, node)
            first_value = first_value or (row, column)
        else:
            target.value = cell.text or None
            target.protection = _LOCKED
            target.fill = _LABEL_FILL
            row_label = "nb-label" in cell.css
            target.alignment = Alignment(horizontal="left" if row_label else "center", vertical="center",
                                         wrap_text=True)
            if cell.tag == "th" and not row_label:
                target.font = Font(bold=True)
            lines = math.ceil(_width(cell.text) / max(sum(widths[c:c + cell.colspan]) - 1, 1)) if cell.text else 1
            for dr in range(cell.rowspan):
                need = lines * _LINE_HEIGHT / cell.rowspan
                heights[row + dr] = max(heights.get(row + dr, _LINE_HEIGHT), need)
        if cell.rowspan > 1 or cell.colspan > 1:
            ws.merge_cells(start_row=row, start_column=column, end_row=row + cell.rowspan - 1,
                           end_column=column + cell.colspan - 1)
    for row, height in heights.items():
        ws.row_dimensions[row].height = round(height, 1)
    if len(grid.blocks) == 1 and first_value is not None and labels:
        # One header (T3, T4): it and the row labels stay in sight while the values scroll.
        ws.freeze_panes = ws.cell(*first_value).coordinate
    ws.protection.sheet = True
    # Columns and rows may still be widened: a label that wraps badly on one screen is not locked in.
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def _label_columns(grid: Grid) -> int:
    """How many columns the row labels take: the corner's span, or none (T4 is all values)."""
    return max((cell.colspan for block in grid.blocks for row in block.head for cell in row.cells
                if "nb-corner" in cell.css), default=0)


def _column_widths(grid: Grid, labels: int) -> list[float]:
    widths: list[float] = []
    for column in range(grid.width):
        low, high = _LABEL_WIDTH if column < labels else _VALUE_WIDTH
        own = [_width(cell.text) + 2 for _, c, cell in placed(grid) if c == column and cell.colspan == 1 and cell.text]
        widths.append(float(min(max([low, *own]), high)))
    return widths


# Data validation, by the kind of cell: whole numbers ≥ 0, signed whole numbers, amounts ≥ 0, each
# or 不适用 (a custom rule: Excel's "whole number" type would refuse the text 不适用); blank is
# always allowed (not stated). An amount with its own unit is text (461.7 万元): a prompt only.
_RULES = {
    "count": "OR(AND(ISNUMBER({a}),{a}>=0,{a}=INT({a})),{a}=\"{na}\")",
    "signed": "OR(AND(ISNUMBER({a}),{a}=INT({a})),{a}=\"{na}\")",
    "amount": "OR(AND(ISNUMBER({a}),{a}>=0),{a}=\"{na}\")",
}


def _validate(ws: Worksheet, coordinate: str, column: Node) -> None:
    rule = _RULES.get(column.kind)
    check = DataValidation(type="custom" if rule else None,
                           formula1=rule.format(a=coordinate, na=NOT_APPLICABLE) if rule else None,
                           allow_blank=True, showInputMessage=True, showErrorMessage=rule is not None,
                           promptTitle=W.VALIDATION_TITLE, prompt=W.VALIDATION_PROMPT[column.kind],
                           errorTitle=W.VALIDATION_ERROR_TITLE, error=W.VALIDATION_ERROR[column.kind],
                           errorStyle="stop")
    check.add(coordinate)
    ws.add_data_validation(check)


def _at(values: Mapping[str, Any], key: str) -> Any:
    node: Any = values
    for part in key.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node


def _cell_text(values: Mapping[str, Any], key: str, index: int) -> str | None:
    row = _at(values, key)
    if isinstance(row, list):
        return row[index] if index < len(row) else None
    return None if isinstance(row, Mapping) else row  # a one-column row written as one value


# --- the command -----------------------------------------------------------------------------------


def export_workbook(data_dir: Path, slug: str, year: int, out: Path | None, force: bool,
                    root: Path | None = None) -> Exported:
    """Write the workbook of data/<slug>/<year>.yml. Raises ExcelError (and prints the data file's
    problems first, when its tables are faulty)."""
    if not SLUG.fullmatch(slug):
        raise ExcelUsageError(W.EXCEL_BAD_BODY(body=slug))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ExcelUsageError(W.EXCEL_BAD_YEAR(year=year, first=FIRST_YEAR, last=LAST_YEAR))
    folder = data_dir / slug
    if not folder.is_dir():
        raise ExcelUsageError(W.EXCEL_NO_BODY(folder=folder))
    path = folder / report_file_name(year)
    fmt, tables, problems = _read_report(path, year, root or Path.cwd())
    if problems:
        raise ExcelError(report_text(problems) + "\n\n" + W.EXCEL_FAULTY(file=path, count=len(problems)))
    body = read_body(folder)
    target = out if out is not None else Path(f"{slug}-{year}.xlsx")
    if target.exists() and not force:
        raise ExcelError(W.EXCEL_EXISTS(path=target))
    book = build_workbook(fmt, tables, slug, body.name if body is not None else "", year)
    buffer = io.BytesIO()
    book.save(buffer)
    try:
        write_bytes_atomic(target, buffer.getvalue(), within=target.parent)
    except (WriteRefused, OSError) as exc:
        raise ExcelError(W.EXCEL_WRITE_FAILED(path=target, error=getattr(exc, "strerror", None) or exc)) from None
    return Exported(target, tuple(sheet_name(fmt, t) for t in fmt.tables), fmt, blank=not path.exists())


def _read_report(path: Path, year: int, root: Path) -> tuple[Format, dict[str, Any], list[Problem]]:
    """The report's format and tables as read (strings), and the problems of its tables; blank
    tables of the year's format when there is no report yet."""
    if not path.exists():
        fmt = format_for_year(year)
        if fmt is None:
            raise ExcelUsageError(W.EXCEL_NO_FORMAT(year=year))
        return fmt, {}, []
    file = display_path(path, root)
    try:
        doc = read_yaml(path)
    except YamlSourceError as exc:
        raise ExcelError(W.EXCEL_UNREADABLE(file=file, error=exc.message)) from None
    raw = doc.value if isinstance(doc.value, dict) else {}
    try:
        fmt = get_format(str(raw.get("format")))
    except KeyError:
        raise ExcelError(W.EXCEL_NO_FORMAT_KEY(file=file, format=raw.get("format"))) from None
    _, problems = read_tables(raw, fmt, Locator(file, doc))
    # A table the file lacks is exported blank; every other fault would be carried into the workbook.
    problems = [p for p in problems if p.rule != R.TABLE_MISSING.id]
    return fmt, {t.key: raw[t.key] for t in fmt.tables if isinstance(raw.get(t.key), dict)}, problems
