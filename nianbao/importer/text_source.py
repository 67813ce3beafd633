"""Plain text (pasted from a page, Markdown-ish) → the common document.

One paragraph a line. Markdown artefacts are dropped (``#`` heading marks, ``**``, list bullets).
Table rows are lines of cells separated by tabs, by two or more spaces, or by ``|``; a line of
single-space separated cells counts as a row when it ends in numbers or consists of table labels
(``is_label`` tells, from the format definitions). Consecutive rows form one table.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .document import Block, Document, GridCell

_HEADING = re.compile(r"^(#{1,6})\s*(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+•·●▪■]\s+)")
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_VALUE = re.compile(r"^[+\-−－]?[0-9０-９]+(?:[.．][0-9０-９]+)?(?:万元|元|件|个|项)?$|^[—\-－/／]+$|^不适用$")
_SENTENCE = re.compile(r"[。；！？]")


def read_text(text: str, is_label: Callable[[str], bool] = lambda s: False) -> Document:
    doc = Document(kind="text")
    table: list[list[str]] = []

    def flush_table() -> None:
        if table:
            doc.blocks.append(_table_block(table))
            table.clear()

    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.replace("\ufeff", "").rstrip(" \r\n")
        if not line.strip():
            continue  # blank lines separate paragraphs but never end a table: pasted tables have them
        if _PIPE_RULE.match(line):
            continue
        cells = _row_cells(line, is_label)
        if cells is not None:
            table.append(cells)
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
    return doc


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
