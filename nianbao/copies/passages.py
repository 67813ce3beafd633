"""Copied passages, for a side-by-side view: maximal runs of 13 or more characters that two
reports share once normalised, placed back where each report wrote them.

A passage's span in the original covers what normalisation took out inside it (punctuation,
figures, names), so a highlight reads as a piece of the text, not as scattered characters.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from .compare import DEFAULTS, OTHER_SEPARATOR, SEPARATOR, shared_runs
from .corpus import COMPARED_PARTS, Document
from .normalise import Normalised, names_pattern, normalise


@dataclass(frozen=True)
class Span:
    """Characters ``start`` to ``end`` (exclusive) of one text of a report, named by its data path
    (``path``, as Piece.path); ``text`` is what they read."""

    path: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Passage:
    """One copied passage: ``length`` normalised characters, written at ``a`` in the first report
    and at ``b`` in the second."""

    length: int
    a: Span
    b: Span


class _Joined:
    """A report's compared texts normalised and joined, with the way back to each original."""

    def __init__(self, doc: Document, separator: str, parts: tuple[str, ...]) -> None:
        pattern = names_pattern(doc.phrases)
        self.pieces = [p for p in doc.pieces if p.part in parts]
        self.normalised: list[Normalised] = [normalise(p.text, pattern) for p in self.pieces]
        self.starts: list[int] = []
        texts: list[str] = []
        position = 0
        for normal in self.normalised:
            self.starts.append(position)
            texts.append(normal.text)
            position += len(normal.text) + len(separator)
        self.text = separator.join(texts)

    def span(self, start: int, length: int) -> Span:
        index = bisect_right(self.starts, start) - 1
        normal, piece = self.normalised[index], self.pieces[index]
        first = start - self.starts[index]
        begin, end = normal.origin(first), normal.origin(first + length - 1) + 1
        return Span(piece.path, begin, end, piece.text[begin:end])


def passages(a: Document, b: Document, part: str | None = None, minimum: int = DEFAULTS.passage) -> list[Passage]:
    """The passages of at least ``minimum`` characters that ``a`` shares with ``b``, in ``a``'s
    order: in one part (``part``), or anywhere in the compared parts (a passage may have moved
    from one part to another)."""
    parts = COMPARED_PARTS if part is None else (part,)
    left, right = _Joined(a, SEPARATOR, parts), _Joined(b, OTHER_SEPARATOR, parts)
    return [Passage(run.length, left.span(run.a, run.length), right.span(run.b, run.length))
            for run in shared_runs(left.text, right.text, minimum)]
