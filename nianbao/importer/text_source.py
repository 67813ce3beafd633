"""Plain text (pasted from a page, Markdown-ish) → the common document.

One paragraph a line. Markdown artefacts are dropped (``#`` heading marks, ``**``, list bullets).
Table rows are lines of cells separated by tabs, by two or more spaces, or by ``|``; a line of
single-space separated cells counts as a row when it ends in numbers or consists of table labels
(``is_label`` tells, from the format definitions). Consecutive rows form one table.

Text copied out of a PDF has one cell a line: a run of lines that are each a table label or a
value is rebuilt into rows (``kind_of`` tells a label's kind): labels followed by values make a
data row (the last label names the row, group labels before it stay with it, header labels go to a
header row of their own); labels with no values after them make a header row.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..catalogue import importer as msg
from .document import MAX_BLOCKS, MAX_GRID_CELLS, MAX_ROWS, Block, Document, GridCell, LimitReached, check_time

_HEADING = re.compile(r"^(#{1,6})\s*(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+•·●▪■]\s+)")
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_VALUE = re.compile(r"^[+\-−－]?[0-9０-９]+(?:[.．][0-9０-９]+)?(?:万元|元|件|个|项)?$|^[—\-－/／]+$|^不适用$")
_SENTENCE = re.compile(r"[。；！？]")


def read_text(text: str, is_label: Callable[[str], bool] = lambda s: False,
              kind_of: Callable[[str], str] | None = None) -> Document:
    doc = Document(kind="text")
    table = _Rows()

    def flush_table() -> None:
        if table.rows:
            doc.blocks.append(_table_block(table.rows))
            doc.errors += table.notes()
            table.clear()

    lines = _lines(text)
    n = steps = 0
    while n < len(lines):
        steps += 1
        if not steps & 0xFFF:
            check_time()
            _check_blocks(doc)
        line = lines[n]
        wrapped = _wrapped_row(lines, n, is_label)
        if wrapped is not None:
            table.add(wrapped[0])
            n = wrapped[1]
            continue
        n += 1
        cells = _row_cells(line, is_label)
        if cells is not None:
            table.add(cells)
            continue
        flush_table()
        heading = _HEADING.match(line.strip())
        if heading:
            content = _strip_markup(heading[2])
            if content:
                doc.blocks.append(Block("heading", content, level=len(heading[1])))
            continue
        content = _strip_markup(_BULLET.sub("", line, count=1))
        if content:
            doc.blocks.append(Block("paragraph", content))
    flush_table()
    _check_blocks(doc)
    if kind_of is not None:
        doc.blocks = _cells_per_line(doc.blocks, kind_of)
    return doc


def _lines(text: str) -> list[str]:
    """The lines that carry something: blank lines separate paragraphs but never end a table (pasted
    tables have them), and Markdown's |---| rules are layout."""
    lines = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.replace("\ufeff", "").rstrip(" \r\n")
        if line.strip() and not _PIPE_RULE.match(line):
            lines.append(line)
    return lines


def _values_only(line: str) -> list[str] | None:
    """The values of a line that holds only values (「1  0  0」, 「1 | 1 | 0」, 「0」), else None."""
    tokens = [t for t in re.split(r"[\s|\u3000]+", line.strip()) if t]
    return tokens if tokens and all(_VALUE.match(t) for t in tokens) else None


def _wrapped_row(lines: list[str], n: int, is_label: Callable[[str], bool]) -> tuple[list[str], int] | None:
    """A row whose label a PDF reader put on a line of its own, its values on the next line and the
    label's wrapped rest, if any, on the line after (「（二）部分公开（区分处理的，」 「1 0 0 1 0 0 2」
    「只计这一情形，不计其他情形）」) → the row's cells and the index of the line after it.

    Only a table label (or a label completed by the rest) takes the values; a lone value followed by
    more lone values is the one-cell-a-line layout, which _cells_per_line rebuilds."""
    label = lines[n].strip()
    if n + 1 >= len(lines) or _SENTENCE.search(label) or _values_only(label) or _row_cells(label, is_label):
        return None
    values = _values_only(lines[n + 1])
    if values is None or (len(values) == 1 and n + 2 < len(lines) and _values_only(lines[n + 2])):
        return None
    end = n + 2
    if end < len(lines) and not _values_only(lines[end]) and not _SENTENCE.search(lines[end]):
        rest = lines[end].strip()
        if not is_label(rest) and is_label(label + rest):
            return [label + rest, *values], end + 1
    if is_label(label):
        return [label, *values], end
    return None


class _Rows:
    """The rows of the table being read, up to MAX_ROWS rows and MAX_GRID_CELLS cells; the rest are
    counted, for the message."""

    def __init__(self) -> None:
        self.rows: list[list[str]] = []
        self.cells = 0
        self.dropped = 0

    def add(self, cells: list[str]) -> None:
        if len(self.rows) >= MAX_ROWS or self.cells + len(cells) > MAX_GRID_CELLS:
            self.dropped += 1
            return
        self.rows.append(cells)
        self.cells += len(cells)

    def notes(self) -> list[str]:
        if not self.dropped:
            return []
        return [msg.TEXT_TABLE_TOO_LARGE(rows_limit=MAX_ROWS, cells_limit=MAX_GRID_CELLS,
                                         rows=len(self.rows) + self.dropped, kept=len(self.rows))]

    def clear(self) -> None:
        self.rows, self.cells, self.dropped = [], 0, 0


def _check_blocks(doc: Document) -> None:
    if len(doc.blocks) > MAX_BLOCKS:
        raise LimitReached(msg.TEXT_TOO_MANY_BLOCKS(limit=MAX_BLOCKS))


def _is_value(text: str) -> bool:
    return bool(_VALUE.match(text.replace(",", "").replace("，", ""))) or text in ("无",)


def _cells_per_line(blocks: list[Block], kind_of: Callable[[str], str]) -> list[Block]:
    """Runs of one-cell lines (labels and values, as copied out of a PDF) → table blocks."""
    blocks = _join_wrapped_labels(blocks, kind_of)
    out: list[Block] = []
    run: list[Block] = []

    def flush() -> None:
        cells = [b.text for b in run]
        values = sum(1 for c in cells if _is_value(c))
        labels = len(cells) - values
        if values >= 3 and labels >= 2:
            out.append(_table_block(_rows_from_cells(cells, kind_of)))
        else:
            out.extend(run)
        run.clear()

    for block in blocks:
        text = block.text.strip()
        if block.kind == "paragraph" and text and not _SENTENCE.search(text) and (
                _is_value(text) or kind_of(text)):
            run.append(block)
        else:
            flush()
            out.append(block)
    flush()
    return out


def _join_wrapped_labels(blocks: list[Block], kind_of: Callable[[str], str]) -> list[Block]:
    """A long label wrapped over two or three lines (「（二）部分公开（区分处理的，只计这一」 +
    「情形，不计其他情形）」) → one line."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind == "paragraph" and not kind_of(block.text) and not _is_value(block.text):
            joined, end = block.text.strip(), 0
            for j in range(i + 1, min(i + 3, len(blocks))):
                if blocks[j].kind != "paragraph":
                    break
                joined += blocks[j].text.strip()
                if kind_of(joined):
                    end = j + 1
                    break
            if end:
                out.append(Block("paragraph", joined))
                i = end
                continue
        out.append(block)
        i += 1
    return out


def _rows_from_cells(cells: list[str], kind_of: Callable[[str], str]) -> list[list[str]]:
    rows: list[list[str]] = []
    i = 0
    while i < len(cells):
        labels: list[str] = []
        while i < len(cells) and not _is_value(cells[i]):
            labels.append(cells[i])
            i += 1
        values: list[str] = []
        while i < len(cells) and _is_value(cells[i]):
            values.append(cells[i])
            i += 1
        if not values:
            rows.append(labels)
            continue
        # The row: its label (the last one) with the group labels right before it.
        start = len(labels)
        if labels and kind_of(labels[-1]) in ("row", "group"):
            start -= 1
            while start > 0 and kind_of(labels[start - 1]) == "group":
                start -= 1
        if labels[:start]:
            rows.append(labels[:start])
        rows.append(labels[start:] + values)
    return rows


def _strip_markup(text: str) -> str:
    text = text.replace("**", "").replace("__", "")
    return text.strip().strip("\u3000\u00a0").strip()


def _row_cells(line: str, is_label: Callable[[str], bool]) -> list[str] | None:
    """The cells of a table row, or None for prose."""
    if "\t" in line:
        return [_strip_markup(c) for c in line.split("\t")]
    stripped = line.strip()
    if stripped.startswith("|") and stripped.count("|") >= 2:
        return [_strip_markup(c) for c in stripped.strip("|").split("|")]
    if _SENTENCE.search(stripped):
        return None
    if re.search(r"\S {2,}\S", stripped) or "\u3000\u3000" in stripped.strip("\u3000"):
        cells = re.split(r" {2,}|\u3000{2,}", stripped)
        if len(cells) >= 2 and (any(_VALUE.match(c) for c in cells) or sum(map(is_label, cells)) >= 2):
            return [_strip_markup(c) for c in cells]
    tokens = stripped.split()
    if len(tokens) < 2:
        return None
    values = [t for t in tokens if _VALUE.match(t)]
    if len(values) == len(tokens) and len(tokens) >= 3:
        return tokens
    # A label (maybe split by spaces, "(一) 予以公开") followed only by numbers.
    first_value = next((i for i, t in enumerate(tokens) if _VALUE.match(t)), len(tokens))
    if 0 < first_value < len(tokens) and all(_VALUE.match(t) for t in tokens[first_value:]):
        label = "".join(tokens[:first_value])
        if is_label(label):
            return [" ".join(tokens[:first_value]), *tokens[first_value:]]
    if all(is_label(t) for t in tokens) and len(tokens) >= 2:
        return tokens
    return None


def _table_block(rows: list[list[str]]) -> Block:
    grid = [[GridCell(text, (r, c)) for c, text in enumerate(row)] for r, row in enumerate(rows)]
    return Block("table", grid=grid)
