"""One source file → report data (and body data), with everything said about it.

Reads the file, builds the document, finds the format by its table labels, reads the tables and
the prose, and puts them in the report's shape. Nothing is dropped silently: what has no place
goes under ``unplaced``; what is missing is named (tables, rows, parts, the date), with the likely
cause (tables as images, a truncated page, not a report at all).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from ..catalogue import Text
from ..catalogue import importer as msg
from ..formats import Format, all_formats, format_for_year, get_format
from ..problems import Problem
from ..text import FILE_MAX_BYTES, FORBIDDEN, NAME_MAX, TEXT_MAX, TITLE_MAX, char_name, fold_line
from .decode import decode_bytes
from .document import MAX_DIGITS, MAX_FILE_BYTES, URL_MAX, Block, Document, GridCell, LimitReached, time_budget
from .docx_source import MAX_WORD_BYTES, WORD_SUFFIXES, read_word
from .fees import read_fees
from .html_source import read_html
from .labels import is_table_label, label_kind
from .pdf_source import read_pdf
from .prose import Prose, lift_part_headings, name_from_title, read_prose, without_page_sections
from .table_reader import TablesRead, detect_format, read_tables
from .text_source import read_text
from .workbook_source import WORKBOOK_SUFFIXES, read_workbook

HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml", ".shtm", ".asp", ".aspx", ".jsp", ".php"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
_KIND = msg.KINDS
UNSUPPORTED: dict[str, Text] = {
    ".xls": _KIND["excel"], ".png": _KIND["image"], ".jpg": _KIND["image"],
    ".jpeg": _KIND["image"], ".gif": _KIND["image"]}


def _read_word(path: Path) -> Document:
    """A Word file; a web page or text saved under a Word name (portals publish such .doc files) is
    read as what it is."""
    return read_word(path, _read_markup)


# Readers of binary files, by suffix: each takes the file's path (its size already checked) and gives
# the document. HTML and text are told apart by their content instead, below.
FILE_READERS: dict[str, Callable[[Path], Document]] = {".pdf": read_pdf, **dict.fromkeys(WORD_SUFFIXES, _read_word)}
FILE_READERS.update(dict.fromkeys(WORKBOOK_SUFFIXES, read_workbook))  # the tables only: importer/workbook.py
# The largest file read, by suffix, and what is said of a larger one: Word files hold pictures,
# which are not read.
SIZE_LIMITS: dict[str, tuple[int, Text]] = dict.fromkeys(WORD_SUFFIXES, (MAX_WORD_BYTES, msg.WORD_FILE_TOO_LARGE))

Status = Literal["imported", "partial", "failed"]


@dataclass
class Imported:
    source: Path
    report: dict[str, Any] = field(default_factory=dict)
    year: int | None = None
    format_note: str = ""
    name: str = ""  # the body's name as the report gives it
    prose: Prose | None = None
    tables: TablesRead | None = None
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    fatal: str = ""  # why nothing can be written
    body_notes: list[str] = field(default_factory=list)  # a new body.yml's guesses, for the maintainer
    acknowledged: list[Problem] = field(default_factory=list)  # findings written as 与原文一致
    open_findings: list[Problem] = field(default_factory=list)  # findings left open (cross-year)

    @property
    def status(self) -> Status:
        if self.fatal:
            return "failed"
        return "partial" if self.errors else "imported"


def read_source(path: Path) -> Document:
    """The source's document; LimitReached when it is past a limit (the file's size first, before
    a byte of it is read)."""
    size = path.stat().st_size
    limit, too_large = SIZE_LIMITS.get(path.suffix.lower(), (MAX_FILE_BYTES, msg.FILE_TOO_LARGE))
    if size > limit:
        raise LimitReached(too_large(size=size, limit=limit))
    reader = FILE_READERS.get(path.suffix.lower())
    doc = reader(path) if reader is not None else _read_markup(path)
    _clean_document(doc)
    doc.blocks = without_page_sections(lift_part_headings(doc.blocks))
    return doc


def _read_markup(path: Path) -> Document:
    """An HTML page or a text file, told apart by the suffix, else by the content."""
    decoded = decode_bytes(path.read_bytes())
    head = decoded.text[:2000].lower()
    is_html = path.suffix.lower() in HTML_SUFFIXES or (
        path.suffix.lower() not in TEXT_SUFFIXES and re.search(r"<(html|body|table|div|p)[\s>]", head) is not None)
    doc = read_html(decoded.text) if is_html else read_text(decoded.text, is_table_label, label_kind)
    doc.warnings = decoded.warnings + doc.warnings
    doc.meta.setdefault("encoding", decoded.encoding)
    return doc


def import_source(path: Path, year: int | None = None) -> Imported:
    result = Imported(source=path)
    kind = UNSUPPORTED.get(path.suffix.lower())
    if kind:
        result.fatal = msg.UNREADABLE_KIND(kind=kind())
        return result
    try:
        with time_budget():
            _read(path, year, result)
    except OSError as exc:
        result.fatal = msg.CANNOT_READ(error=exc.strerror or exc)
    except LimitReached as exc:
        result.fatal = str(exc)
    return result


def _read(path: Path, year: int | None, result: Imported) -> None:
    doc = read_source(path)
    result.warnings += doc.warnings
    result.errors += doc.errors
    format_id, votes = detect_format(doc)
    # The parts are the same in every format; read the prose with the newest to learn the year.
    prose = read_prose(doc.blocks, all_formats()[-1], doc.meta)
    result.prose = prose
    result.year = _year(year, prose, result)
    fmt = _format(format_id, votes, result)
    if fmt is None:
        return
    tables = read_tables(doc, fmt.id)
    prose = read_prose(doc.blocks, fmt, doc.meta)
    result.prose, result.tables = prose, tables
    result.warnings += prose.warnings + tables.warnings
    result.errors += tables.errors
    if not prose.parts and not tables.found:
        result.fatal = _not_a_report(doc, prose)
        return
    _missing(doc, fmt, prose, tables, result)
    result.name = _body_name(prose.signed_by or name_from_title(prose.title) or doc.meta.get("source", ""), result)
    result.report = _report(fmt, prose, tables, doc, result.warnings)
    removed = dict.fromkeys(doc.removed)
    _fit_report(result.report, removed, result.warnings)
    if removed:
        result.warnings.append(_removed_note(list(removed)))
    size = _size(result.report)
    if size > FILE_MAX_BYTES:
        result.fatal = msg.RESULT_TOO_LARGE(size=size, limit=FILE_MAX_BYTES)


def _year(given: int | None, prose: Prose, result: Imported) -> int | None:
    if given is not None:
        if prose.year is not None and prose.year != given:
            result.warnings.append(msg.YEAR_DISAGREES(given=given, stated=prose.year))
        return given
    if prose.year is not None:
        if prose.year_from:
            result.warnings.append(msg.YEAR_FROM_TEXT(year=prose.year, text=prose.year_from))
        return prose.year
    if prose.published is not None:
        source = msg.DATE_CLOSING() if prose.published_from == "closing" else msg.DATE_PAGE()
        result.warnings.append(msg.YEAR_ASSUMED(year=prose.published.year - 1, published=prose.published.isoformat(),
                                                source=source))
        return prose.published.year - 1
    result.fatal = msg.NO_YEAR()
    return None


def _format(format_id: str | None, votes: dict[str, int], result: Imported) -> Format | None:
    shown = msg.S_LIST().join(f"{fid} ×{n}" for fid, n in votes.items())
    if format_id is not None:
        result.format_note = msg.FORMAT_BY_LABELS(format=format_id, votes=shown)
        return get_format(format_id)
    fmt = format_for_year(result.year) if result.year else None
    if fmt is None:
        fmt = all_formats()[-1]
    result.format_note = msg.FORMAT_BY_YEAR(format=fmt.id, votes=shown)
    result.warnings.append(msg.FORMAT_ASSUMED(format=fmt.id, notice=fmt.notice))
    return fmt


def _not_a_report(doc: Document, prose: Prose) -> str:
    text = " ".join(b.text for b in doc.blocks[:40])
    if "年度报告" in text or "年报" in text or "报告" in prose.title:
        if any(b.kind == "image" for b in doc.blocks):
            return msg.NOT_A_REPORT_IMAGES()
        return msg.NOT_A_REPORT_EMPTY()
    return msg.NOT_A_REPORT()


def _missing(doc: Document, fmt: Format, prose: Prose, tables: TablesRead, result: Imported) -> None:
    images = [i for i, b in enumerate(doc.blocks) if b.kind == "image"]
    for part in fmt.parts:
        if not part.table or part.table in tables.found:
            continue
        table = fmt.table(part.table)
        where = prose.part_blocks.get(part.key)
        if where is not None:
            inside = [doc.blocks[i] for i in images if where[0] < i < where[1]]
            if inside:
                srcs = ", ".join(b.source or "?" for b in inside[:3])
                result.errors.append(msg.TABLE_AS_IMAGES(part=part.key, caption=table.caption, count=len(inside),
                                                         sources=srcs))
            else:
                result.errors.append(msg.TABLE_NOT_AFTER_HEADING(part=part.key, caption=table.caption))
        else:
            result.errors.append(msg.TABLE_AND_HEADING_MISSING(part=part.key, caption=table.caption))
    keys = [p.key for p in fmt.parts]
    found = [k for k in keys if k in prose.parts]
    tail = keys[keys.index(found[-1]) + 1:] if found else keys
    if doc.truncated or (prose.published is None and tail and len(tail) >= 2):
        stops = msg.STOPS_IN_PART(part=found[-1]) if found else msg.STOPS_BEFORE()
        result.errors.append(msg.TRUNCATED(stops=stops, parts="、".join(tail) or msg.S_NONE(),
                                           no_date="" if prose.published else msg.TRUNCATED_NO_DATE()))
    if prose.published is None:
        result.errors.append(msg.NO_PUBLISHED())
    if not prose.title:
        result.warnings.append(msg.NO_TITLE())


def _fees(parts: dict[str, dict[str, Any]], warnings: list[str]) -> None:
    """Part 六's 信息处理费 figures, where its text states them (``fees``)."""
    part = parts.get("六")
    if part is None:
        return
    text = "\n".join([part.get("text") or ""] + [s.get("text") or "" for s in part.get("sections", [])])
    if re.search(rf"\d{{{MAX_DIGITS + 1},}}", text.replace(",", "")):
        warnings.append(msg.FEES_TOO_MANY_DIGITS(limit=MAX_DIGITS))
        return
    fees, notes = read_fees(text[:TEXT_MAX])  # what is written of the part, at most
    warnings += notes
    if fees:
        part["fees"] = fees
    elif "信息处理费" in text or "收费通知" in text:
        warnings.append(msg.FEES_NOT_READ())


def _report(fmt: Format, prose: Prose, tables: TablesRead, doc: Document, warnings: list[str]) -> dict[str, Any]:
    report: dict[str, Any] = {"format": fmt.id}
    if prose.title:
        report["title"] = prose.title
    if prose.published is not None:
        report["published"] = prose.published.isoformat()
    if prose.signed_by:
        report["signed_by"] = prose.signed_by
    url = doc.meta.get("url", "")
    if url.startswith(("http://", "https://")):
        report["source_url"] = url
    if prose.preamble:
        report["preamble"] = "\n".join(prose.preamble) + "\n"
    if prose.parts:
        report["parts"] = prose.parts
        _fees(prose.parts, warnings)
    for table in fmt.tables:
        if table.key in tables.values:
            report[table.key] = tables.values[table.key]
    unplaced = tables.unplaced + prose.unplaced
    if unplaced:
        report["unplaced"] = unplaced
    return report



# --- what is written: the characters data files refuse, one-line fields, lengths -------------------
#
# Every string the report is made of comes from the document, so the document is cleaned as it is
# read (the tables and prose readers then never meet such a character); the report is then fitted
# to the field lengths of nianbao.text, and cleaned again, so that no path can skip it.


# A web address as nianbao.model accepts one.
_WEB_ADDRESS = re.compile(r"https?://[^\s<>\"']+")


def _clean_document(doc: Document) -> None:
    """Take the characters data files refuse out of everything the reader produced (white-space
    ones become a space, so that words stay apart); a block left empty goes. Said in ``doc.removed``."""
    removed: dict[str, None] = {}
    blocks: list[Block] = []
    for block in doc.blocks:
        block.text = _clean(block.text, removed)
        block.source = _clean(block.source, removed)
        if block.grid:
            block.grid = [[_clean_cell(cell, removed) for cell in row] for row in block.grid]
        if block.text.strip() or block.kind in ("table", "image"):
            blocks.append(block)
    doc.blocks = blocks
    doc.meta = {key: _clean(value, removed) for key, value in doc.meta.items()}
    doc.removed = list(removed)


def _clean(text: str, removed: dict[str, None]) -> str:
    if not FORBIDDEN.search(text):
        return text
    removed.update(dict.fromkeys(FORBIDDEN.findall(text)))
    return FORBIDDEN.sub(lambda m: " " if m[0].isspace() else "", text)


def _clean_cell(cell: GridCell, removed: dict[str, None]) -> GridCell:
    text = _clean(cell.text, removed)
    return cell if text is cell.text else replace(cell, text=text)


def _removed_note(removed: list[str]) -> str:
    spaced = msg.REMOVED_SPACED() if any(ch.isspace() for ch in removed) else ""
    return msg.REMOVED_CHARS(spaced=spaced, chars="、".join(char_name(ch) for ch in removed))


def _body_name(name: str, result: Imported) -> str:
    name = fold_line(name)
    if len(name) > NAME_MAX:
        result.warnings.append(msg.NAME_TOO_LONG(limit=NAME_MAX, length=len(name)))
        name = name[:NAME_MAX]
    return name


def _fit_report(report: dict[str, Any], removed: dict[str, None], warnings: list[str]) -> None:
    """One-line fields on one line and within their length, text blocks within TEXT_MAX; what is cut
    off goes under unplaced, never lost. Then no string keeps a character data files refuse."""
    unplaced: list[str] = list(report.get("unplaced", []))
    fit = _Fitter(unplaced, warnings)
    for key, limit in (("title", TITLE_MAX), ("signed_by", NAME_MAX)):
        fit.one_line(report, key, key, limit)
    url = report.get("source_url", "")
    if url and (len(url) > URL_MAX or not _WEB_ADDRESS.fullmatch(url)):
        warnings.append(msg.URL_NOT_WRITTEN(limit=URL_MAX))
        unplaced.append(msg.UNPLACED_URL.format(url=report.pop("source_url")))
    fit.block(report, "preamble", "preamble")
    for key, part in (report.get("parts") or {}).items():
        fit.one_line(part, "heading", f"parts.{key}.heading", NAME_MAX)
        fit.block(part, "text", f"parts.{key}.text")
        for n, section in enumerate(part.get("sections", [])):
            fit.one_line(section, "heading", f"parts.{key}.sections[{n}].heading", NAME_MAX)
            fit.block(section, "text", f"parts.{key}.sections[{n}].text")
    if unplaced:
        report["unplaced"] = [piece for entry in unplaced for piece in _pieces(entry)]
    _clean_all(report, removed)


class _Fitter:
    def __init__(self, unplaced: list[str], warnings: list[str]) -> None:
        self.unplaced = unplaced
        self.warnings = warnings

    def one_line(self, owner: dict[str, Any], key: str, where: str, limit: int) -> None:
        if not isinstance(owner.get(key), str):
            return
        text = fold_line(owner[key])
        if len(text) > limit:
            self.warnings.append(msg.LINE_TOO_LONG(where=where, limit=limit, length=len(text)))
            self.unplaced.append(msg.UNPLACED_WHOLE.format(where=where, text=text))
            text = text[:limit]
        if text:
            owner[key] = text
        elif key != "heading":
            del owner[key]

    def block(self, owner: dict[str, Any], key: str, where: str) -> None:
        text = owner.get(key)
        if not isinstance(text, str) or len(text) <= TEXT_MAX:
            return
        kept = text[:TEXT_MAX]
        cut = kept.rfind("\n")
        if cut > 0:
            kept = kept[:cut + 1]  # between paragraphs
        owner[key] = kept
        self.unplaced.append(msg.UNPLACED_REST.format(where=where, limit=TEXT_MAX, text=text[len(kept):]))
        self.warnings.append(msg.TEXT_TOO_LONG(where=where, limit=TEXT_MAX, length=len(text), kept=len(kept)))


def _pieces(entry: str) -> list[str]:
    """An unplaced entry in pieces of at most TEXT_MAX characters."""
    return [entry[i:i + TEXT_MAX] for i in range(0, len(entry), TEXT_MAX)] or [entry]


def _clean_all(value: Any, removed: dict[str, None]) -> Any:
    """``value`` with every string in it cleaned; dicts and lists are cleaned in place. The report
    is a few levels deep: the recursion is bounded by its shape."""
    if isinstance(value, str):
        return _clean(value, removed)
    if isinstance(value, dict):
        for key in list(value):
            value[key] = _clean_all(value[key], removed)
    elif isinstance(value, list):
        value[:] = [_clean_all(item, removed) for item in value]
    return value


def _size(value: Any) -> int:
    """About how many bytes the report takes as YAML: its strings in UTF-8, and a few per item."""
    if isinstance(value, str):
        return len(value.encode("utf-8")) + 4
    if isinstance(value, dict):
        return sum(len(str(k)) + 4 + _size(v) for k, v in value.items())
    if isinstance(value, list):
        return sum(4 + _size(item) for item in value)
    return 8
