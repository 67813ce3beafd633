"""A text-based PDF report → the common document (paragraphs in reading order, ruled tables as grids).

Read with pdfplumber one page at a time, each page closed once read so that its parsed objects do
not pile up. A page's ruled tables become grids (pdf_grid.py); the rest of its text, less what is
inside a table's box, becomes lines and then paragraphs (pdf_text.py). What repeats at the top or
bottom of the pages (running headers, footers) and page numbers (— 3 —, -3-, 第3页, 3/12) are not
the report's words and are left out.

A scan (pages of images, no text) is refused, and said to be one: there is no OCR. An encrypted,
damaged or empty file, or one that is no PDF at all, is refused with what to do instead.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdfpage import PDFPage
from pdfplumber.page import Page

from ..catalogue import importer as msg
from .document import MAX_BLOCKS, MAX_TABLES, Block, Document, LimitReached, check_time, expand_spans
from .pdf_grid import Piece, find_pieces, join, same_columns, span_rows
from .pdf_text import Line, Margins, chars_to_lines, close_below, continues, is_heading, join_pieces, margins

# A report is 3 to 30 pages; a PDF of more is something else, or a report bound with its annexes.
MAX_PAGES = 100
# The part of the page's height, at its top and at its bottom, where running headers and footers are.
_MARGIN_ZONE = 0.1
_PAGE_NUMBER = re.compile(
    r"^[\s\-—–－·•]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[,，/／]?\s*(?:共\s*)?\d{1,4}\s*页?)?[\s\-—–－·•]*$"
    r"|^(?:page\s*)?\d{1,4}\s*(?:of|/)\s*\d{1,4}$", re.IGNORECASE)


class PdfRefused(LimitReached):
    """The file cannot be read as a PDF report; the message (Chinese) says why and what to do."""


@dataclass
class _Page:
    number: int  # from 1
    height: float
    items: list[Line | Piece]  # top to bottom


def read_pdf(path: Path) -> Document:
    """The PDF's document; PdfRefused for a scan, an encrypted, damaged or non-PDF file."""
    with path.open("rb") as file:
        head = file.read(1024)  # the header only: the file itself is pdfplumber's to read
    if not head:
        raise PdfRefused(msg.PDF_EMPTY())
    if b"%PDF-" not in head:
        raise PdfRefused(msg.PDF_NOT_PDF())
    # pdfminer says on its logger what it makes of broken fonts and streams: not for the user.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    doc = Document(kind="pdf")
    try:
        with pdfplumber.open(path) as pdf:
            pages, scanned = _read_pages(pdf, doc)
    except LimitReached:
        raise
    except Exception as exc:  # pdfminer raises what its parser meets: PSEOF, KeyError, TypeError …
        if isinstance(exc, PDFPasswordIncorrect) or isinstance(exc.__cause__ or exc.__context__, PDFPasswordIncorrect) \
                or "password" in str(exc).lower() or "encrypt" in type(exc).__name__.lower():
            raise PdfRefused(msg.PDF_ENCRYPTED()) from None
        raise PdfRefused(msg.PDF_CORRUPT()) from None
    if not any(page.items for page in pages):
        raise PdfRefused(msg.PDF_SCANNED(pages=len(scanned)) if scanned else msg.PDF_NO_TEXT())
    if scanned:
        doc.errors.append(msg.PDF_SCANNED_PAGES(pages="、".join(map(str, scanned))))
    _drop_running_lines(pages)
    doc.blocks = _blocks(pages, doc.errors)
    return doc


def _read_pages(pdf: Any, doc: Document) -> tuple[list[_Page], list[int]]:
    """Each page's lines and tables, read one page at a time, and the numbers of scanned pages."""
    total = _page_count(pdf)
    pages: list[_Page] = []
    scanned: list[int] = []
    top = 0.0
    for index, page_obj in enumerate(PDFPage.create_pages(pdf.doc)):
        check_time()
        if index >= MAX_PAGES:
            doc.errors.append(msg.PDF_TOO_MANY_PAGES(pages=total or f"{MAX_PAGES}+", limit=MAX_PAGES))
            break
        page = Page(pdf, page_obj, page_number=index + 1, initial_doctop=top)
        try:
            top += page.height
            items = _page_items(page, index + 1)
            if not items and page.images:
                scanned.append(index + 1)
            pages.append(_Page(index + 1, float(page.height), items))
        except LimitReached:
            raise
        except Exception:  # one damaged page: the others are still read
            doc.errors.append(msg.PDF_PAGE_UNREADABLE(page=index + 1))
        finally:
            page.close()
    if pdf.doc.encryption is not None and not pages:
        raise PdfRefused(msg.PDF_ENCRYPTED())
    return pages, scanned


def _page_count(pdf: Any) -> int:
    try:
        count = pdf.doc.catalog["Pages"].resolve()["Count"]
        return int(count)
    except Exception:  # a broken page tree: the count is only for the message
        return 0


def _page_items(page: Page, number: int) -> list[Line | Piece]:
    pieces = find_pieces(page, number)

    def outside(obj: dict[str, Any]) -> bool:
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(p.x0 <= x <= p.x1 and p.top <= y <= p.bottom for p in pieces)

    chars = [c for c in page.chars if outside(c)]
    items: list[Line | Piece] = [*chars_to_lines(chars), *pieces]
    items.sort(key=lambda item: item.top)
    return items


def _drop_running_lines(pages: list[_Page]) -> None:
    """Take out page numbers and what repeats in the top or bottom margin of several pages."""
    seen: dict[str, int] = {}
    for page in pages:
        for key in {_running_key(line) for line in page.items if isinstance(line, Line) and _in_margin(line, page)}:
            seen[key] = seen.get(key, 0) + 1
    for page in pages:
        page.items = [item for item in page.items if not (
            isinstance(item, Line) and _in_margin(item, page)
            and (_PAGE_NUMBER.match(item.text) or seen.get(_running_key(item), 0) >= 2))]


def _in_margin(line: Line, page: _Page) -> bool:
    return line.bottom < page.height * _MARGIN_ZONE or line.top > page.height * (1 - _MARGIN_ZONE)


def _running_key(line: Line) -> str:
    """A header or footer's text with its numbers (page, date) left out, the same on every page."""
    return re.sub(r"\d+", "#", line.text.replace(" ", ""))


def _blocks(pages: list[_Page], notes: list[str]) -> list[Block]:
    """The pages' items as blocks: tables continued on the next page joined, wrapped lines joined."""
    items: list[Line | Piece] = []
    for page in pages:
        for n, item in enumerate(page.items):
            last = items[-1] if items else None
            if (n == 0 and isinstance(item, Piece) and isinstance(last, Piece) and last.page == page.number - 1
                    and same_columns(last, item)):
                items[-1] = join(last, item)
                continue
            items.append(item)
    m = margins([item for item in items if isinstance(item, Line)])
    blocks: list[Block] = []
    lines: list[Line] = []
    tables = 0
    for n, item in enumerate(items):
        check_time()
        if isinstance(item, Piece):
            _flush(lines, m, blocks)
            tables += 1
            if tables <= MAX_TABLES:
                blocks.append(Block("table", grid=expand_spans(span_rows(item), notes)))
            continue
        prev = items[n - 1] if n else None
        if lines and isinstance(prev, Line) and not _same_block(prev, item, m):
            _flush(lines, m, blocks)
        lines.append(item)
        if len(blocks) > MAX_BLOCKS:
            break
    _flush(lines, m, blocks)
    return blocks[:MAX_BLOCKS]


def _same_block(prev: Line, line: Line, m: Margins) -> bool:
    if is_heading(prev, m) or is_heading(line, m):
        # A title set large may wrap: its lines are one heading.
        return is_heading(prev, m) and is_heading(line, m) and abs(prev.size - line.size) < 0.5 \
            and 0 <= line.top - prev.bottom < prev.size
    if not continues(prev, line, m):
        return False
    return line.top < prev.top or close_below(prev, line)  # higher up: the top of the next page


def _flush(lines: list[Line], m: Margins, blocks: list[Block]) -> None:
    if not lines:
        return
    text = join_pieces(line.text for line in lines)
    if is_heading(lines[0], m):
        blocks.append(Block("heading", text, level=1))
    else:
        blocks.append(Block("paragraph", text))
    lines.clear()
