"""The body of a .docx (word/document.xml) → the common document's blocks, in body order.

Walked element by element as Word lays the body out, so that every table stays between the
paragraphs around it: paragraphs (their runs' text, line breaks as new lines, deleted revisions,
hidden runs and field codes left out, text boxes after their paragraph, pictures kept as images),
tables, and what wraps either (content controls, custom XML). A paragraph numbered by a Word list
gets its number in front of its text (docx_numbering.py); one styled as a title or heading is a
heading. The page header and footer are not in the body: they are not content.

A table is a grid of w:tr rows of w:tc cells over the table's grid columns: a cell covers
w:gridSpan columns (colspan), w:vMerge="restart" begins a cell merged down and each w:vMerge
below it continues that cell (rowspan), w:gridBefore leaves columns empty at a row's start. It is
handed over as the HTML reader hands a table over. A table holding tables, or an article in a
cell, lays the page out: its cells' content is read as blocks, in order, as HTML layout tables are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..catalogue import importer as msg
from .document import (
    MAX_BLOCKS,
    MAX_GRID_CELLS,
    MAX_ROWS,
    MAX_SPAN,
    MAX_TABLES,
    Block,
    GridCell,
    LimitReached,
    check_time,
    expand_spans,
    holds_article,
)
from .docx_numbering import Numbering, Styles, q, to_int, typed_number, val

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
P, TBL, TR, TC, R = q("p"), q("tbl"), q("tr"), q("tc"), q("r")
# Elements whose content is the body's, or a cell's, as if they were not there.
_WRAPPERS = {q("sdt"), q("sdtContent"), q("customXml"), q("ins"), q("moveTo"), _MC + "AlternateContent",
             _MC + "Choice"}
# Inside a paragraph: what is not its text (deleted and moved-away revisions, properties, field
# codes, the copy of a drawing older Word versions read instead of the drawing).
_NOT_TEXT = {q("del"), q("moveFrom"), q("pPr"), q("rPr"), q("delText"), q("instrText"), _MC + "Fallback",
             "{http://schemas.openxmlformats.org/officeDocument/2006/math}oMath",
             "{http://schemas.openxmlformats.org/officeDocument/2006/math}oMathPara"}
_CHARACTERS = {q("t"): None, q("tab"): " ", q("ptab"): " ", q("cr"): "\n", q("noBreakHyphen"): "-",
               q("softHyphen"): ""}
_PICTURES = ("blip", "imagedata", "chart")
_SPACES = re.compile(r"[ \t\r\f\u00a0\u3000\u2002\u2003\u2009\u200b]+")


def read_body(body: Any, styles: Any, numbering: Any) -> tuple[list[Block], list[str]]:
    """The body's blocks and the notes on what was cut at a limit; LimitReached past MAX_BLOCKS
    or MAX_TABLES."""
    styles_read = Styles(styles)
    walker = _Walker(styles_read, Numbering(numbering, styles_read))
    blocks = walker.content(body)
    if len(blocks) > MAX_BLOCKS:
        raise LimitReached(msg.WORD_TOO_MANY_BLOCKS(limit=MAX_BLOCKS))
    return blocks, walker.notes


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


class _Walker:
    def __init__(self, styles: Styles, numbering: Numbering) -> None:
        self.styles = styles
        self.numbering = numbering
        self.notes: list[str] = []
        self.tables = 0

    def content(self, parent: Any) -> list[Block]:
        """The blocks of the body, a cell or a text box. Recursive for a table in a cell: the
        source's check (docx_source) keeps the XML within MAX_DEPTH levels."""
        out: list[Block] = []
        for child in parent:
            check_time()
            tag = child.tag
            if tag == P:
                out += self.paragraph(child)
            elif tag == TBL:
                out += self.table(child)
            elif tag in _WRAPPERS and not _is_toc(child):
                out += self.content(child)
            if len(out) > MAX_BLOCKS:
                break
        return out

    # --- paragraphs ------------------------------------------------------------------------------

    def paragraph(self, p: Any) -> list[Block]:
        ppr = p.find(q("pPr"))
        style = val(ppr.find(q("pStyle"))) if ppr is not None else None
        if self.styles.is_toc(style):
            return []
        number, between = self.numbering.number(p)  # counted even when the paragraph is empty
        pieces: list[str] = []
        boxes: list[Any] = []
        images: list[Block] = []
        _collect(p, pieces, boxes, images)
        lines = [line for line in (_clean(piece) for piece in "".join(pieces).split("\n")) if line]
        if number and lines and not typed_number(lines[0]):
            lines[0] = number + between + lines[0]
        outline = val(ppr.find(q("outlineLvl"))) if ppr is not None else None
        level = self.styles.heading_level(style, to_int(outline))
        blocks = [Block("heading" if level else "paragraph", line, level=level) for line in lines]
        blocks += images
        for box in boxes:
            blocks += self.content(box)
        return blocks

    # --- tables ----------------------------------------------------------------------------------

    def table(self, tbl: Any) -> list[Block]:
        trs = _children(tbl, TR)
        if len(trs) > MAX_ROWS:
            self.notes.append(msg.ROWS_OVER(limit=MAX_ROWS, which=msg.ROWS_OVER_ONE(rows=len(trs))))
            del trs[MAX_ROWS:]
        tcs = [_children(tr, TC) for tr in trs]
        # The grid's positions, from the spans alone: a table past MAX_GRID_CELLS is read cell by
        # cell without its merges, and only so many cells of it, as document.expand_spans does.
        size = sum(min(_number(tr.find(q("trPr")), "gridBefore"), MAX_SPAN)
                   + sum(min(max(1, _number(tc.find(q("tcPr")), "gridSpan", 1)), MAX_SPAN) for tc in row)
                   for tr, row in zip(trs, tcs, strict=True))
        plain = size > MAX_GRID_CELLS
        if plain:
            self.notes.append(msg.GRID_TOO_LARGE(size=size, limit=MAX_GRID_CELLS))
            tcs = _first(tcs, MAX_GRID_CELLS)
        rows: list[_Row] = []
        contents: list[list[Block]] = []  # each cell's blocks, row by row
        for tr, row_tcs in zip(trs, tcs, strict=False):
            check_time()
            trpr = tr.find(q("trPr"))
            row = _Row(before=_number(trpr, "gridBefore"), header=trpr is not None and _on(trpr.find(q("tblHeader"))))
            for tc in row_tcs:
                blocks = self.content(tc)
                contents.append(blocks)
                tcpr = tc.find(q("tcPr"))
                row.cells.append(_Cell("\n".join(b.text for b in blocks if b.kind != "image" and b.text),
                                       _number(tcpr, "gridSpan", 1), _merge(tcpr, "vMerge"), _merge(tcpr, "hMerge")))
            rows.append(row)
        if any(b.kind == "table" for blocks in contents for b in blocks) or any(
                holds_article(cell.text) for row in rows for cell in row.cells):
            return [b for blocks in contents for b in blocks]  # a layout table: its content in order
        self.tables += 1
        if self.tables > MAX_TABLES:
            raise LimitReached(msg.WORD_TOO_MANY_TABLES(limit=MAX_TABLES))
        images = [b for blocks in contents for b in blocks if b.kind == "image"]
        if plain:
            grid = expand_spans([[(cell.text, 1, 1, row.header) for cell in row.cells] for row in rows])
        else:
            grid = grid_of(rows, self.notes)
        return [Block("table", grid=grid), *images]


def _first(rows: list[list[Any]], limit: int) -> list[list[Any]]:
    """The rows up to the one in which the count of cells passes ``limit``."""
    kept: list[list[Any]] = []
    count = 0
    for row in rows:
        if count + len(row) > limit:
            break
        kept.append(row)
        count += len(row)
    return kept


def _collect(el: Any, pieces: list[str], boxes: list[Any], images: list[Block]) -> None:
    """The paragraph's text into ``pieces``, its text boxes into ``boxes``, its pictures into
    ``images``. Recursive over a paragraph's few levels (runs, hyperlinks, fields, revisions)."""
    for child in el:
        tag = child.tag
        if tag in _NOT_TEXT or not isinstance(tag, str):
            continue
        if tag == R and _hidden(child):
            continue
        if tag in _CHARACTERS:
            shown = _CHARACTERS[tag]
            pieces.append((child.text or "") if shown is None else shown)
        elif tag == q("br"):
            # A line break starts a new line; a page or column break is layout only.
            pieces.append("\n" if val(child, "type") in (None, "textWrapping") else "")
        elif tag == q("txbxContent"):
            boxes.append(child)
        else:
            if tag in (q("drawing"), q("pict")):
                _image(child, images)
            _collect(child, pieces, boxes, images)


def _is_toc(el: Any) -> bool:
    """A content control holding a table of contents, as Word's 引用 > 目录 inserts it."""
    if el.tag != q("sdt"):
        return False
    gallery = el.find(f"{q('sdtPr')}/{q('docPartObj')}/{q('docPartGallery')}")
    return gallery is not None and (val(gallery) or "").lower() == "table of contents"


def _hidden(run: Any) -> bool:
    rpr = run.find(q("rPr"))
    return rpr is not None and _on(rpr.find(q("vanish")))


def _image(el: Any, images: list[Block]) -> None:
    """A picture (or a chart) drawn in the paragraph: kept, so that a table published as a picture
    is said to be one."""
    if not any(isinstance(x.tag, str) and x.tag.rsplit("}", 1)[-1] in _PICTURES for x in el.iter()):
        return
    props = next(el.iter(_WP + "docPr"), None)
    alt = (props.get("descr") or props.get("title") or "") if props is not None else ""
    name = props.get("name") or "" if props is not None else ""
    images.append(Block("image", _clean(alt), source=name))


def _on(el: Any) -> bool:
    """A Word on/off property: present and not switched off."""
    return el is not None and val(el) not in ("0", "false", "off")


def _number(props: Any, name: str, default: int = 0) -> int:
    value = val(props.find(q(name))) if props is not None else None
    number = to_int(value, default)
    return default if number is None else max(number, 0)


def _merge(props: Any, name: str) -> str:
    """'restart', 'continue', or '' when the cell is not merged this way."""
    el = props.find(q(name)) if props is not None else None
    if el is None:
        return ""
    return "restart" if val(el) == "restart" else "continue"


def _children(parent: Any, tag: str) -> list[Any]:
    """``parent``'s children of ``tag``, also those wrapped in a content control or custom XML."""
    out = []
    for child in parent:
        if child.tag == tag:
            out.append(child)
        elif child.tag in _WRAPPERS:
            out += _children(child, tag)
    return out


# --- the grid ------------------------------------------------------------------------------------

@dataclass
class _Cell:
    text: str
    span: int  # w:gridSpan
    vmerge: str
    hmerge: str


@dataclass
class _Row:
    before: int  # w:gridBefore
    header: bool  # w:tblHeader: a header row Word repeats on each page
    cells: list[_Cell] = field(default_factory=list)


@dataclass
class _Span:
    row: int
    col: int
    rowspan: int
    colspan: int
    text: str
    header: bool


def grid_of(rows: list[_Row], notes: list[str]) -> list[list[GridCell]]:
    """The rows' cells on the table's grid columns, merged cells as one cell with its spans; the
    table is within MAX_GRID_CELLS positions (checked by the caller), so the map of them is too."""
    owner: dict[tuple[int, int], _Span] = {}
    spans: list[_Span] = []
    clamped: list[int] = []
    for r, row in enumerate(rows):
        check_time()
        c = min(row.before, MAX_SPAN)
        left: _Span | None = None
        for cell in row.cells:
            span = max(1, cell.span)
            if span > MAX_SPAN:
                clamped.append(span)
                span = MAX_SPAN
            target = _merged_into(cell, owner.get((r - 1, c)), left, r, c, span, clamped)
            if target is None:
                target = _Span(r, c, 1, span, cell.text, row.header)
                spans.append(target)
                left = target
            elif cell.text:
                target.text = f"{target.text}\n{cell.text}" if target.text else cell.text
            for k in range(span):
                owner[(r, c + k)] = target
            c += span
    if clamped:
        notes.append(msg.SPANS_CLAMPED(count=len(clamped), limit=MAX_SPAN, largest=max(clamped)))
    lasts = [-1] * len(rows)
    for r, c in owner:
        lasts[r] = max(lasts[r], c)
    starts = {(s.row, s.col): s for s in spans}
    laid: list[list[tuple[str, int, int, bool]]] = []
    for r, last in enumerate(lasts):
        out = []
        for c in range(last + 1):
            start = starts.get((r, c))
            if start is not None:
                out.append((start.text, start.rowspan, start.colspan, start.header))
            elif (r, c) not in owner:
                out.append(("", 1, 1, False))  # a column the row leaves empty (w:gridBefore, a short row)
        laid.append(out)
    # Every position is covered by one cell or a filler: laid out left to right, each cell lands where Word put it.
    return expand_spans(laid, notes)


def _merged_into(cell: _Cell, above: _Span | None, left: _Span | None, r: int, c: int, span: int,
                 clamped: list[int]) -> _Span | None:
    """The cell this one continues, made larger by it: the one above (w:vMerge) when it covers
    the same columns and ends on the row above, the one on the left (the older w:hMerge)."""
    if cell.vmerge == "continue" and above is not None and above.col == c and above.colspan == span \
            and above.row + above.rowspan == r:
        if above.rowspan >= MAX_SPAN:
            clamped.append(above.rowspan + 1)
            return None
        above.rowspan += 1
        return above
    if cell.hmerge == "continue" and left is not None and left.row == r and left.rowspan == 1 \
            and left.col + left.colspan == c and left.colspan + span <= MAX_SPAN:
        left.colspan += span
        return left
    return None
