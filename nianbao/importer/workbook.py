"""An Excel workbook (.xlsx) of a report's statutory tables → the tables, strictly read.

The workbook may be one ``python -m nianbao excel`` wrote, or one a person laid out the same way
by hand in Excel or WPS 表格: labels merged or repeated, small typos in them, blank rows, numbers
typed as text. Each sheet becomes a table block of the common document, its merged cells expanded,
and the shared table reader (``table_reader.py``) matches the labels through the format
definitions, as for a web page or a PDF. Only the values are read differently: a workbook is
typed, not published, so a cell holds exactly what a data file's cell may hold (a number, blank for
not stated, 不适用), and anything else (12件, 十二, a formula, a date, a negative count) is an
error naming the sheet and the cell (``表三!D12``). Nothing is written while any error stands.

The sheet 报告信息 (written by the export) says which body, year and format the workbook is for.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.cell import coordinate_from_string

from ..catalogue import importer as msg
from ..catalogue import workbook as W
from ..cells import NOT_APPLICABLE, CellError, parse_cell
from ..formats import Format, Node, format_for_year, get_format
from ..loader import FIRST_YEAR, LAST_YEAR
from ..paths import SLUG
from .assemble import Imported
from .document import Document, GridCell, LimitReached, time_budget
from .table_reader import detect_format, read_tables
from .values import Value, fold
from .workbook_source import OLD_EXCEL_SUFFIX, WORKBOOK_SUFFIXES, Book, Stored, number_text, read_book

__all__ = ["OLD_EXCEL_SUFFIX", "WorkbookImported", "import_workbook", "is_workbook", "workbook_lines"]

_WHOLE = re.compile(r"0|[1-9][0-9]*")


@dataclass
class WorkbookImported(Imported):
    """An imported workbook: its tables (``report``), and where they go and what changed there."""

    slug: str = ""  # the body's folder, from --body or the workbook's 报告信息
    refs: dict[str, str] = field(default_factory=dict)  # table.row.column → its cell (表三!D12)
    written: str = ""  # "merged", "new" or "unchanged", once written
    changes: list[tuple[str, str | None, str | None]] = field(default_factory=list)  # (cell, old, new)


def is_workbook(path: Path) -> bool:
    return path.suffix.lower() in WORKBOOK_SUFFIXES or path.suffix.lower() == OLD_EXCEL_SUFFIX


def import_workbook(path: Path, year: int | None = None, body: str | None = None) -> WorkbookImported:
    result = WorkbookImported(source=path)
    if path.suffix.lower() == OLD_EXCEL_SUFFIX:
        result.fatal = W.XLS_REFUSED()
        return result
    try:
        with time_budget():
            _import(path, year, body, result)
    except OSError as exc:
        result.fatal = msg.CANNOT_READ(error=exc.strerror or exc)
    except LimitReached as exc:
        result.fatal = str(exc)
    return result


def _import(path: Path, year: int | None, body: str | None, result: WorkbookImported) -> None:
    book = read_book(path)
    doc = book.doc
    result.warnings += doc.warnings
    result.errors += doc.errors
    result.year = _given(year, book, W.META_YEAR, "--year", result, _year)
    result.slug = _given(body, book, W.META_BODY, "--body", result, _slug) or ""
    result.name = str(book.meta.get(W.META_NAME, ("", ""))[1] or "")
    fmt = _format(doc, book, result)
    if fmt is None:
        return
    strict = _StrictCells(book)
    tables = read_tables(doc, fmt.id, strict)
    result.tables = tables
    result.refs = tables.refs
    result.warnings += tables.warnings
    placed = {book.origin.get(ref, ref) for ref in tables.refs.values()}
    stray = [W.STRAY_VALUE(ref=ref, text=_shown(cell)) for ref, cell in book.stored.items()
             if ref not in placed and _holds_value(cell)]
    result.errors = [*result.errors, *strict.errors, *tables.errors, *stray]
    result.report = {"format": fmt.id, **tables.values}
    if not tables.found and not result.errors:
        result.fatal = W.NO_TABLES()
    elif result.year is None and not result.errors:
        result.fatal = W.NO_YEAR_GIVEN()
    if result.errors:
        result.fatal = W.ERRORS_NOTHING_WRITTEN(count=len(result.errors))


def _given(option: Any, book: Book, label: str, name: str, result: WorkbookImported, parse: Any) -> Any:
    """The command line's value, else the workbook's 报告信息 (checked by ``parse``); a difference said."""
    ref, stated = book.meta.get(label, ("", None))
    value = parse(stated, ref, result) if stated not in (None, "") else None
    if option is not None:
        if value is not None and value != option:
            result.warnings.append(W.GIVEN_DIFFERS(option=name, given=option, ref=ref, stated=value))
        return option
    return value


def _year(value: Any, ref: str, result: WorkbookImported) -> int | None:
    text = str(int(value)) if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value).strip()
    if re.fullmatch(r"[0-9]{4}", text) and FIRST_YEAR <= int(text) <= LAST_YEAR:
        return int(text)
    result.errors.append(W.META_BAD_YEAR(ref=ref, value=value))
    return None


def _slug(value: Any, ref: str, result: WorkbookImported) -> str | None:
    text = str(value).strip()
    if SLUG.fullmatch(text):
        return text
    result.errors.append(W.META_BAD_BODY(ref=ref, value=value))
    return None


def _format(doc: Document, book: Book, result: WorkbookImported) -> Format | None:
    """The format by the tables' labels, as for any source; else the workbook's 报告信息; else the year's."""
    found, votes = detect_format(doc)
    shown = msg.S_LIST().join(f"{fid} ×{n}" for fid, n in votes.items())
    ref, stated = book.meta.get(W.META_FORMAT, ("", None))
    stated = str(stated).strip() if stated is not None else ""
    if found is not None:
        if stated and stated != found:
            result.warnings.append(W.META_FORMAT_DIFFERS(ref=ref, stated=stated, found=found))
        result.format_note = msg.FORMAT_BY_LABELS(format=found, votes=shown)
        return get_format(found)
    try:
        fmt: Format | None = get_format(stated)
    except KeyError:
        fmt = format_for_year(result.year) if result.year else None
    if fmt is None:
        result.fatal = W.NO_TABLES()
        return None
    result.format_note = msg.FORMAT_BY_YEAR(format=fmt.id, votes=shown)
    return fmt


# --- the cells, strictly ----------------------------------------------------------------------------


class _StrictCells:
    """Reads a value cell as a data file's cell must be; an error, naming the cell, for anything else."""

    def __init__(self, book: Book) -> None:
        self.book = book
        self.errors: list[str] = []

    def __call__(self, cell: GridCell, column: Node, where: str) -> Value:
        stored = self.book.stored.get(self.book.origin.get(cell.ref, cell.ref))
        if stored is None:
            return Value(None)  # an empty cell, or a column the sheet lacks: not stated
        ref = cell.ref
        value = stored.value
        if stored.formula:  # a formula is text (=SUM(D6:E6)); an array formula keeps its text inside
            self.errors.append(W.FORMULA(ref=ref, formula=getattr(value, "text", value)))
            return Value(None)
        if isinstance(value, bool):
            self.errors.append(W.BOOL_CELL(ref=ref, value=value))
            return Value(None)
        if isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
            midnight = isinstance(value, datetime.datetime) and value.time() == datetime.time()
            shown = value.date() if isinstance(value, datetime.datetime) and midnight else value
            self.errors.append(W.DATE_CELL(ref=ref, value=shown))
            return Value(None)
        text = number_text(value, stored.number_format) if isinstance(value, (int, float)) else fold(str(value))
        if not text:
            return Value(None)
        if text == NOT_APPLICABLE:
            return Value(NOT_APPLICABLE)
        try:
            parse_cell(text, column.kind, column.unit)
        except CellError as exc:
            self.errors.append(W.BAD_CELL(ref=ref, problem=exc.message, column=column.label,
                                          expected=W.EXPECTED[column.kind]()))
            return Value(None)
        return Value(int(text) if _WHOLE.fullmatch(text) else text)


def _holds_value(cell: Stored) -> bool:
    """Whether a cell outside every table holds what belongs in one: a number, a formula, a date,
    a number typed as text. Words (a note, a heading) are left alone."""
    if cell.formula or not isinstance(cell.value, str):
        return cell.value is not None
    text = fold(cell.value)
    return bool(re.fullmatch(r"[+-]?[0-9]+(?:\.[0-9]+)?", text)) or text == NOT_APPLICABLE


def _shown(cell: Stored) -> str:
    if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool) and not cell.formula:
        return number_text(cell.value, cell.number_format)
    return str(cell.value)


# --- the summary ------------------------------------------------------------------------------------

_CHANGES_SHOWN = 20


def workbook_lines(result: WorkbookImported, target: Path | None) -> list[str]:
    """What the summary says of a workbook once written: how the report was written, the cells that
    changed, and the checks of the report as written."""
    if target is None:
        return []
    said = {"merged": W.S_MERGED, "new": W.S_NEW, "unchanged": W.S_UNCHANGED}[result.written or "merged"]
    lines = [said(target=target)]
    if result.changes:
        shown = [W.S_CHANGE(ref=ref, old=_said(old), new=_said(new))
                 for ref, old, new in result.changes[:_CHANGES_SHOWN]]
        more = W.S_MORE(count=len(result.changes)) if len(result.changes) > _CHANGES_SHOWN else ""
        lines.append(W.S_CHANGED(count=len(result.changes), cells=msg.S_LIST().join(shown) + more))
    if not result.open_findings:
        return [*lines, W.S_CHECKS_NONE()]
    lines.append(W.S_CHECKS(count=len(result.open_findings)))
    for problem in result.open_findings:
        where = _cells_at(problem.cells, result.refs) if problem.cells else problem.path
        found = msg.S_FOUND(found=problem.found) if problem.found else ""
        lines.append(W.S_CHECK(rule=problem.rule, where=where, message=problem.message, found=found))
    return lines


def _cells_at(cells: str, refs: dict[str, str]) -> str:
    """A finding's cells with where they are in the workbook: 表三!D5 for one, 表三!D5:D27 for a
    column or a row of them (applications.*.natural_person), when they are on one sheet."""
    found = [ref for path, ref in refs.items() if fnmatchcase(path, cells)]
    sheets = {ref.rpartition("!")[0] for ref in found}
    if len(sheets) != 1:
        return cells
    places = [coordinate_from_string(ref.rpartition("!")[2]) for ref in found]
    columns = [column_index_from_string(column) for column, _ in places]
    rows = [row for _, row in places]
    first = f"{get_column_letter(min(columns))}{min(rows)}"
    last = f"{get_column_letter(max(columns))}{max(rows)}"
    span = first if first == last else f"{first}:{last}"
    return W.AT_CELL(ref=f"{sheets.pop()}!{span}", path=cells)


def _said(value: str | None) -> str:
    return W.BLANK() if value is None else value
