"""The reports compared: each year against the body's previous one exactly, and across bodies
of the same level and region in the same year, candidates found by MinHash LSH and then
compared exactly.

Signatures are one-permutation MinHash with densification (Shrivastava and Li, 2014): each gram
hash falls in one of ``num_perm`` bins and a bin keeps its smallest hash; an empty bin takes the
next full bin's value, shifted by the distance, so that two sets agree in a bin with probability
equal to their Jaccard similarity, as with ``num_perm`` permutations. It costs one pass over
the grams instead of ``num_perm``, which is what lets ten thousand reports go through in
seconds. The index is datasketch's ``MinHashLSH``, which reads only the signature's values.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from datasketch import LeanMinHash, MinHashLSH

from .compare import DEFAULTS, SEPARATOR, CopySettings, Grams, Similarity, gram_hashes, similarity
from .normalise import MIN_LABEL, letters, names_pattern, normalise

if TYPE_CHECKING:
    from ..model import Body, Report

# The parts compared (format-spec: 一 总体情况, 五 存在的主要问题及改进情况, 六 其他需要报告的事项):
# the others are the tables and their captions, which every report shares.
COMPARED_PARTS = ("一", "五", "六")
Key = tuple[str, int]  # (body slug, year)


@dataclass(frozen=True)
class Piece:
    """One text of a report that is compared: a part's text or one of its sections' texts.
    ``path`` names it in the report's data (parts.一.sections.0.text)."""

    part: str
    path: str
    text: str


@dataclass(frozen=True)
class Document:
    """What copy detection reads of one report: who wrote it, its peer group, and its texts."""

    body: str
    year: int
    level: str
    region: tuple[str, ...]
    name: str
    # The body's own names (full, short, its regions): taken out before comparing.
    names: tuple[str, ...]
    pieces: tuple[Piece, ...]
    # The report's own part and section headings: a text that repeats them (（三）政府信息管理)
    # repeats what the format prescribes, so they are taken out with the names.
    headings: tuple[str, ...] = ()

    @property
    def phrases(self) -> tuple[str, ...]:
        """What is taken out of this report's texts besides the template: names, and headings
        long enough not to be ordinary words (MIN_LABEL, as for the tables' labels)."""
        return (*self.names, *(h for h in self.headings if len(letters(h)) >= MIN_LABEL))

    @property
    def key(self) -> Key:
        return (self.body, self.year)

    @property
    def group(self) -> tuple[str, tuple[str, ...], int]:
        """Bodies compared with each other: the same level and region, the same year."""
        return (self.level, self.region, self.year)


def document(report: Report, body: Body) -> Document:
    """The Document of a loaded report and its body."""
    pieces: list[Piece] = []
    headings: list[str] = []
    for key in COMPARED_PARTS:
        part = report.meta.part(key)
        if part is None:
            continue
        headings += [part.heading, *(section.heading for section in part.sections)]
        if part.text:
            pieces.append(Piece(key, f"parts.{key}.text", part.text))
        for index, section in enumerate(part.sections):
            if section.text:
                pieces.append(Piece(key, f"parts.{key}.sections.{index}.text", section.text))
    # Former names too: a renamed body's old reports name it the old way.
    names = tuple(n for n in (body.name, body.short_name, *(f.name for f in body.former_names), *body.region) if n)
    return Document(report.body, report.year, body.level, tuple(body.region), body.name, names, tuple(pieces),
                    tuple(headings))


def normalised_parts(doc: Document) -> dict[str, str]:
    """Each compared part's normalised text, its pieces joined by SEPARATOR."""
    pattern = names_pattern(doc.phrases)
    texts: dict[str, list[str]] = defaultdict(list)
    for piece in doc.pieces:
        texts[piece.part].append(normalise(piece.text, pattern).text)
    return {part: SEPARATOR.join(t) for part, t in texts.items()}


@dataclass(frozen=True)
class Comparison:
    """Report ``a`` against report ``b``: all compared parts together, and part by part."""

    a: Key
    b: Key
    overall: Similarity
    parts: Mapping[str, Similarity] = field(default_factory=dict)

    @property
    def highest(self) -> tuple[str | None, Similarity]:
        """The judged figure with the highest share of ``a`` found in ``b``: the parts together
        (None) or one part (its key). A part copied whole shows even when the others are the
        body's own."""
        best: tuple[str | None, Similarity] = (None, self.overall)
        for part, sim in self.parts.items():
            if sim.judged and (sim.a_in_b or 0.0) > (best[1].a_in_b or 0.0):
                best = (part, sim)
        return best


@dataclass
class _Prepared:
    doc: Document
    parts: dict[str, str]
    grams: dict[str, Grams]
    overall: Grams


_EMPTY = np.empty(0, dtype=np.uint64)
_ROTATION = np.uint64(0x9E3779B97F4A7C15)


def signature(grams: Grams, num_perm: int) -> LeanMinHash:
    """The one-permutation MinHash of a gram set that is not empty (see the module's docstring)."""
    size = np.uint64(num_perm)
    bins = (grams % size).astype(np.intp)
    values = np.full(num_perm, np.iinfo(np.uint64).max, dtype=np.uint64)
    np.minimum.at(values, bins, grams // size)
    full = np.flatnonzero(values != np.iinfo(np.uint64).max)
    if full.size < num_perm:
        everywhere = np.arange(num_perm)
        source = full[np.searchsorted(full, everywhere) % full.size]
        distance = ((source - everywhere) % num_perm).astype(np.uint64)
        values = values[source] + distance * _ROTATION
    return LeanMinHash(seed=0, hashvalues=values, scheme="affine64")


class Corpus:
    """Reports prepared for comparison: normalised once, their gram sets kept.

    ``own_previous()`` pairs each report with the body's latest earlier one; ``peers()`` finds,
    for each report, the most similar report of another body in its group (``Document.group``).
    """

    def __init__(self, documents: Iterable[Document], settings: CopySettings = DEFAULTS) -> None:
        self.settings = settings
        self._docs: dict[Key, _Prepared] = {}
        self._own: dict[Key, Comparison] | None = None
        for doc in documents:
            parts = normalised_parts(doc)
            grams = {part: np.unique(gram_hashes(text)) for part, text in parts.items()}
            overall = np.unique(np.concatenate(list(grams.values()))) if grams else _EMPTY
            self._docs[doc.key] = _Prepared(doc, parts, grams, overall)

    def __len__(self) -> int:
        return len(self._docs)

    def __iter__(self) -> Iterator[Document]:
        return (p.doc for p in self._docs.values())

    def document(self, key: Key) -> Document:
        return self._docs[key].doc

    def normalised(self, key: Key, part: str) -> str:
        """A part's normalised text (pieces joined by SEPARATOR); empty if the report has none."""
        return self._docs[key].parts.get(part, "")

    def grams(self, key: Key, part: str | None = None) -> Grams:
        """The report's gram set: all compared parts, or one."""
        prepared = self._docs[key]
        return prepared.overall if part is None else prepared.grams.get(part, _EMPTY)

    def compare(self, a: Key, b: Key) -> Comparison:
        minimum = self.settings.min_grams
        parts = {part: similarity(self.grams(a, part), self.grams(b, part), minimum) for part in COMPARED_PARTS}
        return Comparison(a, b, similarity(self.grams(a), self.grams(b), minimum), parts)

    def own_previous(self) -> dict[Key, Comparison]:
        """Each report against the body's latest earlier report, compared exactly (once: the
        indicators that read it share the result)."""
        if self._own is None:
            self._own = self._own_previous()
        return self._own

    def _own_previous(self) -> dict[Key, Comparison]:
        by_body: dict[str, list[int]] = defaultdict(list)
        for body, year in self._docs:
            by_body[body].append(year)
        out: dict[Key, Comparison] = {}
        for body, years in by_body.items():
            years.sort()
            for before, year in zip(years, years[1:], strict=False):
                out[(body, year)] = self.compare((body, year), (body, before))
        return out

    def candidates(self) -> set[tuple[Key, Key]]:
        """Pairs of reports (in key order) of different bodies in one group that MinHash LSH
        finds likely similar: in the parts together, or in one part (a part copied whole among
        parts of one's own). Texts too short to judge are left out."""
        settings = self.settings
        sizing = MinHashLSH(threshold=settings.lsh_threshold, num_perm=settings.num_perm)
        bands, rows = sizing.b, sizing.r
        groups: dict[object, list[Key]] = defaultdict(list)
        for key, prepared in self._docs.items():
            groups[prepared.doc.group].append(key)
        pairs: set[tuple[Key, Key]] = set()
        for keys in groups.values():
            if len(keys) < 2:
                continue
            for scope in (None, *COMPARED_PARTS):
                index = MinHashLSH(num_perm=settings.num_perm, params=(bands, rows))
                for key in keys:
                    grams = self.grams(key, scope)
                    if grams.size < settings.min_grams:
                        continue
                    minhash = signature(grams, settings.num_perm)
                    for other in index.query(minhash):
                        pairs.add((min(key, other), max(key, other)))
                    index.insert(key, minhash, check_duplication=False)
        return pairs

    def peers(self) -> dict[Key, Comparison]:
        """For each report with a candidate, the other body's report most like it: the highest
        share of this report found in the other's (``Comparison.highest``), then the highest
        Jaccard of the parts together."""
        best: dict[Key, Comparison] = {}
        for a, b in sorted(self.candidates()):
            forward = self.compare(a, b)
            for comparison in (forward, _swapped(forward)):
                current = best.get(comparison.a)
                if current is None or _rank(comparison) > _rank(current):
                    best[comparison.a] = comparison
        return best


def _swap(sim: Similarity) -> Similarity:
    return Similarity(sim.grams_b, sim.grams_a, sim.shared, sim.minimum)


def _swapped(c: Comparison) -> Comparison:
    return Comparison(c.b, c.a, _swap(c.overall), {part: _swap(sim) for part, sim in c.parts.items()})


def _rank(c: Comparison) -> tuple[float, float]:
    sim = c.highest[1]
    return (sim.a_in_b or 0.0, c.overall.jaccard or 0.0)
