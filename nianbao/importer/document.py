"""The common document both readers produce: blocks in reading order.

A heading or paragraph is one line of text; a table is a grid with every merged cell expanded
(each grid position points at the cell that covers it, so a row can be read with its rowspanned
labels); an image is kept so that tables published as pictures can be recognised.

The limits every reader keeps to are here too, with the time budget a source is read within.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Literal

from ..catalogue import importer as msg
from ..cells import MAX_DIGITS as MAX_DIGITS  # digits of one number: the loader's, re-exported here

# --- limits ----------------------------------------------------------------------------------------
# What one source may hold, so that hostile or broken input is read or refused within seconds and
# a few hundred MB. A real report is a page of 50–500 KB, a few thousand elements nested at most
# about 30 deep, a handful of tables of at most about 40 rows and 15 columns, numbers of a few
# digits: every limit is far above that, and far below what makes the importer slow or large.
MAX_FILE_BYTES = 20_000_000  # one source file
MAX_DEPTH = 200  # elements nested in one another, once empty wrappers are taken out
MAX_ELEMENTS = 100_000  # elements of one page: BeautifulSoup needs about 1 KB for each
MAX_PAGE_ELEMENTS = 1_000_000  # elements before rows past MAX_ROWS and empty wrappers are taken out
MAX_TABLES = 500  # tables of one page, layout tables included
MAX_ROWS = 2_000  # rows of one table
MAX_GRID_CELLS = 50_000  # positions of one table's grid, merged cells expanded
MAX_SPAN = 100  # rowspan or colspan of one cell
URL_MAX = 2000  # a web address, as nianbao.model allows one
MAX_BLOCKS = 50_000  # headings, paragraphs, tables and images of one document
TIME_BUDGET = 30.0  # seconds to read one source
# A data table's cells hold labels and numbers; a cell longer than this holds an article (a layout table).
MAX_DATA_CELL = 160
# A long cell of digits is an overlong number (the values reader refuses it), not an article.
_DIGITS_ONLY = re.compile(r"[0-9０-９,，.． +-]+")


def holds_article(cell_text: str) -> bool:
    """The cell is too long for a label or a number: its table lays out an article, not data."""
    return len(cell_text) > MAX_DATA_CELL and not _DIGITS_ONLY.fullmatch(cell_text)


class LimitReached(Exception):
    """The source is past a limit and cannot be read; the message (Chinese) says which and what to do."""


class _Budget:
    deadline = math.inf
    seconds = TIME_BUDGET


@contextmanager
def time_budget(seconds: float | None = None) -> Iterator[None]:
    """Within the block, ``check_time`` raises LimitReached once ``seconds`` (TIME_BUDGET) have passed."""
    seconds = TIME_BUDGET if seconds is None else seconds
    saved = (_Budget.deadline, _Budget.seconds)
    _Budget.deadline, _Budget.seconds = time.monotonic() + seconds, seconds
    try:
        yield
    finally:
        _Budget.deadline, _Budget.seconds = saved


def time_left() -> float:
    """Seconds left of the budget (inf outside one): what a program run for the source may take."""
    return _Budget.deadline - time.monotonic()


def check_time() -> None:
    """Called in every loop over a source's parts: the limits bound the work, this bounds the rest."""
    if time.monotonic() > _Budget.deadline:
        raise LimitReached(msg.TIME_LIMIT(seconds=_Budget.seconds))


BlockKind = Literal["heading", "paragraph", "table", "image"]


@dataclass(frozen=True)
class GridCell:
    """One source cell: its text and where it starts; ``origin`` is shared by all positions it covers."""

    text: str
    origin: tuple[int, int]
    header: bool = False
    # Where the cell is in its source, for messages that name it (a workbook's 表三!D12); "" elsewhere.
    ref: str = ""


@dataclass
class Block:
    kind: BlockKind
    text: str = ""
    level: int = 0  # heading level when known (HTML h1–h6, Markdown #)
    grid: list[list[GridCell]] = field(default_factory=list)  # table rows, spans expanded
    source: str = ""  # e.g. the image's src, for messages

    def rows(self) -> list[list[GridCell]]:
        """Each grid row with consecutive positions of one merged cell collapsed to one cell."""
        out = []
        for row in self.grid:
            collapsed: list[GridCell] = []
            for cell in row:
                if collapsed and collapsed[-1].origin == cell.origin:
                    continue
                collapsed.append(cell)
            out.append(collapsed)
        return out


@dataclass
class Document:
    blocks: list[Block] = field(default_factory=list)
    kind: Literal["html", "text", "pdf", "word", "excel"] = "text"
    # Page metadata where the page gives it (HTML <title>, <meta name="ArticleTitle"|"PubDate"|…>).
    meta: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # what was left out at a limit: a partial import
    removed: list[str] = field(default_factory=list)  # characters data files refuse, taken out of the text
    truncated: bool = False  # the page visibly stops early (no closing </html>, unclosed table)


def expand_spans(rows: list[list[tuple[str, int, int, bool]]], notes: list[str] | None = None) -> list[list[GridCell]]:
    """Lay (text, rowspan, colspan, header) cells out on a grid, as a browser does.

    A grid past MAX_GRID_CELLS is laid out without its merges (and cut to that many cells if it is
    still larger), said in ``notes``: merged cells can make a small table enormous."""
    size = _grid_size(rows)
    if size <= MAX_GRID_CELLS:
        grid, lasts = _layout(rows)
        size = sum(last + 1 for last in lasts)  # a rowspan far right pads every row it covers
        if size <= MAX_GRID_CELLS:
            return _padded(grid, lasts)
    if notes is not None:
        notes.append(msg.GRID_TOO_LARGE(size=size, limit=MAX_GRID_CELLS))
    plain = [[(text, 1, 1, header) for text, _, _, header in row] for row in rows]
    grid, lasts = _layout(_first_cells(plain, MAX_GRID_CELLS))
    return _padded(grid, lasts)


def _layout(rows: list[list[tuple[str, int, int, bool]]]) -> tuple[dict[tuple[int, int], GridCell], list[int]]:
    """The position → cell map, and each row's last column."""
    grid: dict[tuple[int, int], GridCell] = {}
    for r, row in enumerate(rows):
        check_time()
        c = 0
        for text, rowspan, colspan, header in row:
            while (r, c) in grid:
                c += 1
            cell = GridCell(text, (r, c), header)
            for dr in range(min(max(1, rowspan), len(rows) - r)):
                for dc in range(max(1, colspan)):
                    grid.setdefault((r + dr, c + dc), cell)
            c += max(1, colspan)
    lasts = [-1] * len(rows)
    for r, c in grid:
        lasts[r] = max(lasts[r], c)
    return grid, lasts


def _padded(grid: dict[tuple[int, int], GridCell], lasts: list[int]) -> list[list[GridCell]]:
    return [[grid.get((r, c)) or GridCell("", (r, c)) for c in range(last + 1)] for r, last in enumerate(lasts)]


def _grid_size(rows: list[list[tuple[str, int, int, bool]]]) -> int:
    """At most how many positions the cells cover once their merges are expanded."""
    return sum(min(max(1, rowspan), len(rows) - r) * max(1, colspan)
               for r, row in enumerate(rows) for _, rowspan, colspan, _ in row)


def _first_cells(rows: list[list[tuple[str, int, int, bool]]], limit: int) -> list[list[tuple[str, int, int, bool]]]:
    """The rows up to the one in which the count of cells passes ``limit``."""
    kept, count = [], 0
    for row in rows:
        if count + len(row) > limit:
            break
        kept.append(row)
        count += len(row)
    return kept
