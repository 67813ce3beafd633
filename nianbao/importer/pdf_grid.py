"""Ruled tables of a PDF → grids of cells with their spans, joined across page breaks.

pdfplumber's table finder (lines strategy: the ruling lines, and the edges of cells drawn as
rectangles) gives each cell's box, a merged cell's box spanning the boxes beside it. The grid's
columns and rows are the distinct box edges; a cell's colspan and rowspan are the columns and rows
its box covers. A table continued on the next page is a second piece with the same columns: it is
joined to the first, a repeated header dropped, and a merged label cell cut by the page break made
one cell again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .document import MAX_ROWS, MAX_SPAN, check_time
from .labels import is_table_label
from .pdf_text import chars_to_lines, join_pieces

TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": 3,
                  "join_tolerance": 3, "intersection_tolerance": 3, "edge_min_length": 3}
_SAME = 2.5  # points: edges this close are one edge (a border drawn as a thin rectangle has two)
# A value, not a label: numbers, and the marks written for "not stated".
_VALUE = re.compile(r"^[+\-−－]?[0-9０-９][0-9０-９,，.．]*\s*(?:万元|元|件|个|项|%)?$|^[—\-－/／–]+$|^不适用$")


@dataclass
class Cell:
    x0: float
    x1: float
    row: int
    rowspan: int
    text: str


@dataclass
class Piece:
    """One page's part of a table: its cells, row by row, and its box."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    rows: int
    cells: list[Cell] = field(default_factory=list)

    def edges(self) -> list[float]:
        return cluster([c.x0 for c in self.cells] + [c.x1 for c in self.cells])


def cluster(values: list[float]) -> list[float]:
    """The distinct positions among ``values``, those within _SAME of each other taken as one."""
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= _SAME:
            continue
        out.append(v)
    return out


def _index(edges: list[float], v: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - v))


def find_pieces(page: Any, number: int) -> list[Piece]:
    """The page's ruled tables of at least two rows and two columns, top to bottom."""
    pieces = []
    for table in page.find_tables(TABLE_SETTINGS):
        check_time()
        boxes = [box for box in table.cells if box[2] - box[0] > _SAME and box[3] - box[1] > _SAME]
        if not boxes:
            continue
        ys = cluster([b[1] for b in boxes] + [b[3] for b in boxes])
        xs = cluster([b[0] for b in boxes] + [b[2] for b in boxes])
        if len(ys) < 3 or len(xs) < 3:
            continue  # a framed paragraph, not a table: its text stays prose
        x0, top, x1, bottom = table.bbox
        inside = [c for c in page.chars
                  if x0 <= (c["x0"] + c["x1"]) / 2 <= x1 and top <= (c["top"] + c["bottom"]) / 2 <= bottom]
        piece = Piece(number, x0, top, x1, bottom, len(ys) - 1)
        for box in sorted(boxes, key=lambda b: (round(b[1]), b[0])):
            r0, r1 = _index(ys, box[1]), _index(ys, box[3])
            if r1 <= r0 or r0 >= MAX_ROWS:
                continue
            chars = [c for c in inside if box[0] <= (c["x0"] + c["x1"]) / 2 <= box[2]
                     and box[1] <= (c["top"] + c["bottom"]) / 2 <= box[3]]
            text = join_pieces(line.text for line in chars_to_lines(chars))
            piece.cells.append(Cell(box[0], box[2], r0, min(r1 - r0, MAX_SPAN), text))
        piece.rows = min(piece.rows, MAX_ROWS)
        pieces.append(piece)
    return sorted(pieces, key=lambda p: p.top)


def same_columns(first: Piece, second: Piece) -> bool:
    """``second`` (at the top of the next page) continues ``first``: the same width, and its
    column edges among ``first``'s."""
    if abs(first.x0 - second.x0) > 2 * _SAME or abs(first.x1 - second.x1) > 2 * _SAME:
        return False
    edges = first.edges()
    theirs = second.edges()
    matched = sum(1 for v in theirs if min(abs(v - e) for e in edges) <= 2 * _SAME)
    return matched >= 0.8 * len(theirs)


def join(first: Piece, second: Piece) -> Piece:
    """The two pieces as one: ``second``'s rows below ``first``'s, without a header it repeats, a
    label cell cut by the page break joined with its continuation."""
    drop = _repeated_header(first, second)
    if _cut_row(first, second, drop):
        drop = _continue_row(first, second, drop)
    moved = [Cell(c.x0, c.x1, c.row - drop + first.rows, c.rowspan, c.text) for c in second.cells if c.row >= drop]
    ending = _ending(first)
    kept = []
    for cell in moved:
        above = ending.get((round(cell.x0), round(cell.x1)))
        if cell.row == first.rows and above is not None and _one_cell(above.text, cell.text):
            above.rowspan = min(above.rowspan + cell.rowspan, MAX_SPAN)
            above.text = join_pieces([above.text, cell.text])
            continue
        kept.append(cell)
    rows = min(first.rows + second.rows - drop, MAX_ROWS)
    return Piece(second.page, first.x0, first.top, first.x1, second.bottom, rows,
                 first.cells + [c for c in kept if c.row < rows])


def _ending(first: Piece) -> dict[tuple[int, int], Cell]:
    return {(round(c.x0), round(c.x1)): c for c in first.cells if c.row + c.rowspan == first.rows}


def _cut_row(first: Piece, second: Piece, drop: int) -> bool:
    """Word lets a row break across pages: the top row of ``second`` then holds the rest of the
    labels of ``first``'s last row (「3.危」 | 「及“三安全一稳定”」) and no value. Told from a new row
    whose values are blank by its text: neither the cut label nor its rest is a label of its own."""
    top = [c for c in second.cells if c.row == drop and c.text]
    ending = _ending(first)
    if not top or any(_VALUE.match(c.text) for c in top):
        return False
    for cell in top:
        above = ending.get((round(cell.x0), round(cell.x1)))
        if above is None or not above.text or is_table_label(above.text) or is_table_label(cell.text):
            return False
    return True


def _continue_row(first: Piece, second: Piece, drop: int) -> int:
    """Append the cut row's texts to the cells above; a cell merged further down starts one row
    lower, to be joined with the cell above as a merged label cut at the break. The rows to drop."""
    ending = _ending(first)
    for cell in second.cells:
        if cell.row != drop:
            continue
        if cell.text:
            above = ending[(round(cell.x0), round(cell.x1))]
            above.text = join_pieces([above.text, cell.text])
            cell.text = ""
        if cell.rowspan > 1:
            cell.row, cell.rowspan = cell.row + 1, cell.rowspan - 1
    return drop + 1


def _one_cell(above: str, below: str) -> bool:
    """A label cell cut at the page break: one side empty, the other a label (not a value)."""
    if bool(above) == bool(below):
        return False
    return not _VALUE.match(above or below)


def _repeated_header(first: Piece, second: Piece) -> int:
    """How many rows at the top of ``second`` repeat ``first``'s header rows (0 when none)."""
    for k in range(min(first.rows, second.rows) - 1, 0, -1):
        a, b = _band(first, k), _band(second, k)
        if a is not None and a == b and any(text and not _VALUE.match(text) for *_, text in a):
            return k
    return 0


def _band(piece: Piece, k: int) -> list[tuple[int, int, int, int, str]] | None:
    """The cells of the first ``k`` rows, or None when a cell crosses from them into the rest."""
    band = []
    for c in piece.cells:
        if c.row < k:
            if c.row + c.rowspan > k:
                return None
            band.append((c.row, round(c.x0), round(c.x1), c.rowspan, c.text))
    return sorted(band)


def span_rows(piece: Piece) -> list[list[tuple[str, int, int, bool]]]:
    """The piece's rows of (text, rowspan, colspan, header) for document.expand_spans, with every
    position no cell covers (a missing ruling line) filled by an empty cell, so that laying the
    cells out left to right puts each where its box is."""
    edges = piece.edges()
    width = len(edges) - 1
    taken: set[tuple[int, int]] = set()
    starts: dict[tuple[int, int], tuple[str, int, int]] = {}
    for cell in sorted(piece.cells, key=lambda c: (c.row, c.x0)):
        c0, c1 = _index(edges, cell.x0), _index(edges, cell.x1)
        if c1 <= c0 or (cell.row, c0) in taken:
            continue
        colspan = c1 - c0
        for c in range(c0, c1):  # stop short of a position another cell covers
            if (cell.row, c) in taken:
                colspan = c - c0
                break
        rowspan = 1
        while rowspan < min(cell.rowspan, piece.rows - cell.row) and not any(
                (cell.row + rowspan, c) in taken for c in range(c0, c0 + colspan)):
            rowspan += 1
        for r in range(cell.row, cell.row + rowspan):
            for c in range(c0, c0 + colspan):
                taken.add((r, c))
        starts[(cell.row, c0)] = (cell.text, rowspan, min(colspan, MAX_SPAN))
    rows = []
    for r in range(piece.rows):
        row = []
        for c in range(width):
            if (r, c) in starts:
                text, rowspan, colspan = starts[(r, c)]
                row.append((text, rowspan, colspan, False))
            elif (r, c) not in taken:
                row.append(("", 1, 1, False))
        rows.append(row)
    return rows
