"""A PDF page's characters → lines of text, and lines → the paragraphs they were wrapped from.

A PDF keeps no paragraphs, only glyphs at positions: a line is the glyphs sharing a baseline; a
paragraph is the lines wrapped from it, each ending near the right margin, the next starting at
the left one. A paragraph starts with an indent, after a gap wider than the line spacing, or at a
numbered heading (一、… （一）…); lines are joined without spaces between Chinese characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from statistics import median
from typing import Any

from ..numerals import NUMERAL

_CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\u201c\u201d\u2018\u2019\u2014\u2026]")
# Lines that start a block of their own: part and section headings, as prose.py numbers them.
_HEADING_START = re.compile(rf"^\s*(?:{NUMERAL}+\s*[、.．]|[(（]\s*{NUMERAL}+\s*[)）])")


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # the glyphs' median font size


def is_cjk(ch: str) -> bool:
    return bool(_CJK.match(ch))


def join_pieces(pieces: Iterable[str]) -> str:
    """Wrapped pieces of one text joined: no space where either side is Chinese (a line of Chinese
    breaks anywhere), a space between two Latin words or numbers."""
    out = ""
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if out and not (is_cjk(out[-1]) or is_cjk(piece[0]) or out[-1] in "-/（(" or piece[0] in "）)，。、；：%"):
            out += " "
        out += piece
    return out


def chars_to_lines(chars: list[dict[str, Any]]) -> list[Line]:
    """The glyphs grouped by baseline, each group read left to right, top to bottom."""
    glyphs = [c for c in chars if c.get("upright", True) and c.get("text")]
    glyphs.sort(key=lambda c: (c["top"], c["x0"]))
    groups: list[list[dict[str, Any]]] = []
    top = bottom = 0.0
    for ch in glyphs:
        middle = (ch["top"] + ch["bottom"]) / 2
        if groups and top <= middle <= bottom:
            groups[-1].append(ch)
            bottom = max(bottom, ch["bottom"]) if ch["text"].strip() else bottom
            continue
        groups.append([ch])
        top, bottom = ch["top"], ch["bottom"]
    lines = []
    for group in groups:
        group.sort(key=lambda c: c["x0"])
        text = _line_text(group)
        if not text:
            continue
        visible = [c for c in group if c["text"].strip()]
        lines.append(Line(text, visible[0]["x0"], visible[-1]["x1"], min(c["top"] for c in visible),
                          max(c["bottom"] for c in visible), median(c["size"] for c in visible)))
    return lines


def _line_text(group: list[dict[str, Any]]) -> str:
    out: list[str] = []
    prev: dict[str, Any] | None = None
    space = False
    for ch in group:
        text = ch["text"]
        if not text.strip():
            space = True
            continue
        if prev is not None:
            if text == prev["text"] and abs(ch["x0"] - prev["x0"]) < ch["size"] * 0.3:
                continue  # drawn twice, a little apart: faked bold
            gap = ch["x0"] - prev["x1"]
            # Justified Chinese is spread out a little; a gap of a whole character is a space.
            wide = ch["size"] * (0.9 if is_cjk(text[0]) and is_cjk(prev["text"][-1]) else 0.22)
            space = space or gap > wide
        if space and out:
            out.append(" ")
        space = False
        out.append(text)
        prev = ch
    return "".join(out).strip()


@dataclass
class Margins:
    left: float
    right: float
    size: float  # the body text's font size


def margins(lines: list[Line]) -> Margins:
    """Where the body text's lines start and end, from the lines of every page."""
    if not lines:
        return Margins(0, 0, 12)
    size = median(line.size for line in lines)
    starts = sorted(round(line.x0) for line in lines)
    counts: dict[int, int] = {}
    for x in starts:
        counts[x] = counts.get(x, 0) + 1
    left = float(min(x for x, n in counts.items() if n >= max(counts.values()) / 3))
    ends = sorted(line.x1 for line in lines if len(line.text) >= 10) or [line.x1 for line in lines]
    right = ends[int(len(ends) * 0.9)] if len(ends) > 1 else ends[0]
    return Margins(left, right, size)


def continues(prev: Line, line: Line, m: Margins) -> bool:
    """``line`` is the next line of ``prev``'s paragraph (``same_page``: no page break between)."""
    if _HEADING_START.match(line.text) or abs(line.size - prev.size) > 0.15 * m.size:
        return False
    if prev.x1 < m.right - 1.5 * prev.size:  # ended early: the paragraph's last line
        return False
    if prev.x0 > m.left + 3 * prev.size:  # a centred or right-aligned line, never wrapped
        return False
    return line.x0 <= m.left + 0.6 * line.size  # an indent starts a new paragraph


def close_below(prev: Line, line: Line) -> bool:
    """On one page, ``line`` follows ``prev`` at the line spacing (no gap between paragraphs)."""
    return line.top - prev.bottom < 1.0 * prev.size


def is_heading(line: Line, m: Margins) -> bool:
    """Set in a larger type than the body text: the title and headings."""
    return line.size >= 1.25 * m.size
