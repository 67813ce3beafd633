"""An Excel workbook (.xlsx) → the common document: one table block per sheet, merged cells expanded.

Each position of a merged cell shows the merged cell's text (so a row reads with its spanned labels,
as in a web page's grid) and is named as itself (表三!A12), so that a message about a row names that
row. What each cell stores (the typed value, a formula, its number format) is kept beside the
document, by the cell's name, for the strict reading of values (``workbook.py``). A title row above
a table is a heading, a note below it a paragraph; the 报告信息 sheet is read as the workbook's meta.
"""

from __future__ import annotations

import datetime
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..catalogue import importer as msg
from ..catalogue import workbook as W
from .document import MAX_FILE_BYTES, MAX_GRID_CELLS, MAX_ROWS, Block, Document, GridCell, LimitReached, check_time
from .labels import is_table_label
from .values import is_value_like

WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm"})
OLD_EXCEL_SUFFIX = ".xls"
# A statutory table's workbook is some 20 KB unpacked per sheet; a zip that unpacks to more than
# this is no such workbook (or a zip bomb), and is refused before it is unpacked.
MAX_UNZIPPED = 50_000_000
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary Office files (.xls, .doc)
_DECIMALS = re.compile(r"0\.(0+)")
# A format that prints a + before a positive number: +0, or as LibreOffice and Excel re-save it, \+0 or "+"0.
_PLUS = re.compile(r'(?:\\|")?\+')
_QUOTED_SUFFIX = re.compile(r'"([^"]*)"\s*$')  # a unit in a custom number format: 0.0" 万元"
_SHEET_NEEDS_QUOTES = re.compile(r"[\s!'()\-,;&+]")


class WorkbookRefused(LimitReached):
    """The file cannot be read as a workbook; the message (Chinese) says why and what to do."""


@dataclass(frozen=True)
class Stored:
    """A cell as the workbook stores it: what was typed, or the formula."""

    value: Any
    formula: bool
    number_format: str


@dataclass
class Book:
    doc: Document
    stored: dict[str, Stored] = field(default_factory=dict)  # a cell's name (表三!D12) → as stored
    origin: dict[str, str] = field(default_factory=dict)  # a merged cell's other positions → its name
    meta: dict[str, tuple[str, Any]] = field(default_factory=dict)  # 报告信息 label → (its value's cell, value)


def read_workbook(path: Path) -> Document:
    """The workbook's document: one table block per sheet (a title row above it as a heading)."""
    return read_book(path).doc


def number_text(value: int | float, number_format: str) -> str:
    """A number cell as the sheet shows it: with the decimals its format gives (1.50), a + where the
    format prints one (an increase, +1), a unit its format appends (0.0" 万元"); else the number
    itself, shortest (461.7, 12)."""
    section = (number_format or "").split(";")[0]
    decimals = _DECIMALS.search(section)
    if decimals:
        text = f"{abs(value):.{len(decimals[1])}f}"
    elif isinstance(value, int) or (float(value).is_integer() and abs(value) < 1e15):
        text = str(abs(int(value)))
    else:
        text = format(abs(Decimal(repr(value))), "f")
    if value < 0:
        text = "-" + text
    elif value > 0 and _PLUS.match(section):
        text = "+" + text
    unit = _QUOTED_SUFFIX.search(section)
    return text + unit[1] if unit and unit[1].strip() not in ("", "+") else text


def read_book(path: Path) -> Book:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise WorkbookRefused(msg.FILE_TOO_LARGE(size=size, limit=MAX_FILE_BYTES))
    with path.open("rb") as file:
        head = file.read(8)
    if head == _OLE2:
        raise WorkbookRefused(W.XLS_INSIDE())
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_UNZIPPED:
            raise WorkbookRefused(W.UNZIPPED_TOO_LARGE(size=unpacked, limit=MAX_UNZIPPED))
        with warnings.catch_warnings():
            # openpyxl says what it leaves out (a WPS extension, a style it does not know): nothing
            # about the tables, and nothing a maintainer can act on.
            warnings.simplefilter("ignore")
            workbook = load_workbook(path, data_only=False)
    except WorkbookRefused:
        raise
    except Exception as exc:  # zipfile, openpyxl and its XML parser each raise their own
        raise WorkbookRefused(W.NOT_XLSX(error=type(exc).__name__)) from None
    book = Book(Document(kind="excel", meta={"source": path.name}))
    for sheet in workbook.worksheets:
        check_time()
        if sheet.title == W.META_SHEET:
            _read_meta(sheet, book)
        else:
            _read_sheet(sheet, book)
    return book


def _name(sheet: Worksheet, coordinate: str) -> str:
    """A cell's name as Excel writes it in a formula: 表三!D12 ('My sheet'!D12)."""
    title = sheet.title
    if _SHEET_NEEDS_QUOTES.search(title):
        title = "'" + title.replace("'", "''") + "'"
    return f"{title}!{coordinate}"


def _read_meta(sheet: Worksheet, book: Book) -> None:
    labels = {W.META_BODY, W.META_NAME, W.META_YEAR, W.META_FORMAT}
    for row in sheet.iter_rows(max_col=2, max_row=min(sheet.max_row, 100)):
        if len(row) == 2 and isinstance(row[0].value, str) and row[0].value.strip() in labels:
            value = row[1]
            book.meta[row[0].value.strip()] = (_name(sheet, value.coordinate), value.value)


def _read_sheet(sheet: Worksheet, book: Book) -> None:
    cells: dict[tuple[int, int], SheetCell] = {
        position: cell for position, cell in sheet._cells.items() if cell.value is not None}
    merges = list(sheet.merged_cells.ranges)
    rows = max([r for r, _ in cells] + [m.max_row for m in merges if (m.min_row, m.min_col) in cells] + [0])
    columns = max([c for _, c in cells] + [m.max_col for m in merges if (m.min_row, m.min_col) in cells] + [0])
    if not rows:
        return
    # The table ends at its rightmost label (a merged one at the merge's end): a number typed beyond
    # it belongs to no column, and is left out of the rows, to be named as such by the import.
    ends = {(m.min_row, m.min_col): m.max_col for m in merges}
    right = max((ends.get(position, position[1]) for position, cell in cells.items()
                 if isinstance(cell.value, str) and cell.data_type != "f" and cell.value.strip()
                 and not is_value_like(cell.value)), default=columns)
    columns = min(columns, right)
    if rows > MAX_ROWS or rows * columns > MAX_GRID_CELLS:
        raise WorkbookRefused(W.SHEET_TOO_LARGE(sheet=sheet.title, rows=rows, columns=columns, limit_rows=MAX_ROWS,
                                                limit_cells=MAX_GRID_CELLS))
    origin: dict[tuple[int, int], tuple[int, int]] = {}
    for merge in merges:
        top = (merge.min_row, merge.min_col)
        for r in range(merge.min_row, min(merge.max_row, rows) + 1):
            for c in range(merge.min_col, min(merge.max_col, columns) + 1):
                origin[(r, c)] = top
    for cell in cells.values():
        book.stored[_name(sheet, cell.coordinate)] = Stored(cell.value, cell.data_type == "f", cell.number_format)
    grid: list[list[GridCell]] = []
    for r in range(1, rows + 1):
        check_time()
        line = []
        for c in range(1, columns + 1):
            top = origin.get((r, c), (r, c))
            # Each position is named as itself, its merged cell's values read from the cell it spans:
            # a row's message then names that row, not the first row of a label spanning it.
            own = _name(sheet, _coordinate(r, c)) if top != (r, c) else ""
            source = cells.get(top)
            name = _name(sheet, source.coordinate) if source is not None else _name(sheet, _coordinate(*top))
            if own:
                book.origin[own] = name
            line.append(GridCell(_text(source), (top[0] - 1, top[1] - 1), ref=own or name))
        grid.append(line)
    _blocks(grid, book.doc)


def _coordinate(row: int, column: int) -> str:
    return f"{get_column_letter(column)}{row}"


def _text(cell: SheetCell | None) -> str:
    """A cell's text for the table reader, which tells labels from values by it: a number as the
    sheet shows it; a formula, date or logical value as blank (it stands where a value does, and
    is refused when read)."""
    if cell is None or cell.value is None or cell.data_type == "f":
        return ""
    value = cell.value
    if isinstance(value, bool) or isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
        return ""
    if isinstance(value, (int, float)):
        return number_text(value, cell.number_format)
    return str(value)


def _blocks(grid: list[list[GridCell]], doc: Document) -> None:
    """The sheet's rows as blocks: a title row above the table (one text across it, no label of any
    table) is a heading, a note below it a paragraph, and the rows between are the table."""

    def lone(row: list[GridCell]) -> str | None:
        texts = {cell.origin: cell.text.strip() for cell in row if cell.text.strip()}
        if len(texts) != 1:
            return None
        text = next(iter(texts.values()))
        return None if is_table_label(text) or is_value_like(text) else text

    start, end = 0, len(grid)
    while start < end and (not any(c.text.strip() for c in grid[start]) or lone(grid[start]) is not None):
        start += 1
    while end > start and (not any(c.text.strip() for c in grid[end - 1]) or lone(grid[end - 1]) is not None):
        end -= 1
    for row in grid[:start]:
        if (text := lone(row)) is not None:
            doc.blocks.append(Block("heading", text))
    if end > start:
        doc.blocks.append(Block("table", grid=grid[start:end]))
    for row in grid[end:]:
        if (text := lone(row)) is not None:
            doc.blocks.append(Block("paragraph", text))
