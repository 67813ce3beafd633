"""The common document both readers produce: blocks in reading order.

A heading or paragraph is one line of text; a table is a grid with every merged cell expanded
(each grid position points at the cell that covers it, so a row can be read with its rowspanned
labels); an image is kept so that tables published as pictures can be recognised.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "table", "image"]


@dataclass(frozen=True)
class GridCell:
    """One source cell: its text and where it starts; ``origin`` is shared by all positions it covers."""

    text: str
    origin: tuple[int, int]
    header: bool = False


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
    kind: Literal["html", "text"] = "text"
    # Page metadata where the page gives it (HTML <title>, <meta name="ArticleTitle"|"PubDate"|…>).
    meta: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    truncated: bool = False  # the page visibly stops early (no closing </html>, unclosed table)


def expand_spans(rows: list[list[tuple[str, int, int, bool]]]) -> list[list[GridCell]]:
    """Lay (text, rowspan, colspan, header) cells out on a grid, as a browser does."""
    grid: dict[tuple[int, int], GridCell] = {}
    width = 0
    for r, row in enumerate(rows):
        c = 0
        for text, rowspan, colspan, header in row:
            while (r, c) in grid:
                c += 1
            cell = GridCell(text, (r, c), header)
            for dr in range(max(1, rowspan)):
                if r + dr >= len(rows):
                    break
                for dc in range(max(1, colspan)):
                    grid.setdefault((r + dr, c + dc), cell)
            c += max(1, colspan)
        width = max(width, c)
    width = max([width] + [c + 1 for (_, c) in grid])
    out: list[list[GridCell]] = []
    for r in range(len(rows)):
        last = max((c for c in range(width) if (r, c) in grid), default=-1)
        out.append([grid.get((r, c), GridCell("", (r, c))) for c in range(last + 1)])
    return out
