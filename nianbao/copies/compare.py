"""Exact comparison of two normalised texts: character 5-gram sets, containment both ways,
Jaccard, and the copied passages of 13 characters or more.

A gram is hashed to 64 bits (a polynomial over the code points, then a mixing step), so a set of
grams is a sorted array of distinct integers: ten thousand reports fit in tens of megabytes and
two sets intersect in microseconds. Two different grams share a hash with odds of about one in
2⁶⁴ per pair, far below any figure shown.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ..catalogue import copies as words

Grams = npt.NDArray[np.uint64]
# Characters per gram. Fixed, not a setting: the texts users read speak of 五字片段.
GRAM = 5
# Separates pieces (a part's text and each section's) so that no gram spans two of them.
SEPARATOR = "\x00"
OTHER_SEPARATOR = "\x01"
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
_MIX1, _MIX2 = np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53)


@dataclass(frozen=True)
class CopySettings:
    """Thresholds of copy detection. Each office sets its own; these are the defaults.

    - ``min_grams``: a text with fewer distinct grams (after normalisation) is not judged: a
      small body's three sentences share most of their grams with anyone's.
    - ``passage``: the shortest copied passage marked (13 characters, as CNKI marks them).
    - ``flag_containment``: a text this much contained in another is flagged (0.8).
    - ``lsh_threshold``: the Jaccard similarity MinHash LSH looks for when it proposes pairs of
      bodies to compare exactly, in the parts together and in each part alone. Lower than the
      flag because containment is what is flagged: a part copied whole into one twice as long
      has a Jaccard of 0.5. Lower still finds more pairs and costs more exact comparisons.
    - ``num_perm``, ``seed``: the MinHash signatures' length and seed.
    """

    min_grams: int = 50
    passage: int = 13
    flag_containment: float = 0.8
    lsh_threshold: float = 0.5
    num_perm: int = 128
    seed: int = 1


DEFAULTS = CopySettings()


def gram_hashes(text: str, gram: int = GRAM) -> Grams:
    """The hashes of every gram of ``text`` (pieces joined by SEPARATOR), unsorted, with repeats.
    Grams that span a separator are left out."""
    if len(text) < gram:
        return np.empty(0, dtype=np.uint64)
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    count = len(codes) - gram + 1
    h = codes[:count].copy()
    for k in range(1, gram):
        h = h * _MULTIPLIER + codes[k:k + count]
    h ^= h >> np.uint64(33)
    h *= _MIX1
    h ^= h >> np.uint64(33)
    h *= _MIX2
    h ^= h >> np.uint64(33)
    if SEPARATOR in text:
        separators = np.concatenate(([0], np.cumsum(codes == 0)))
        h = h[separators[gram:gram + count] == separators[:count]]
    return h


def gram_set(text: str, gram: int = GRAM) -> Grams:
    """The distinct grams of ``text``, sorted."""
    return np.unique(gram_hashes(text, gram))


@dataclass(frozen=True)
class Similarity:
    """How two texts A and B compare, by their sets of distinct grams.

    ``a_in_b`` is |A∩B|/|A| (how much of A is found in B), ``b_in_a`` |A∩B|/|B|, ``jaccard``
    |A∩B|/|A∪B|. A copy is contained in its source: a short text copied into a long one has a high
    ``a_in_b`` and a low ``b_in_a``. When either text is too short to judge (fewer than
    ``minimum`` distinct grams) the three figures are None and ``reason()`` says why.
    """

    grams_a: int
    grams_b: int
    shared: int
    minimum: int

    @property
    def judged(self) -> bool:
        return min(self.grams_a, self.grams_b) >= self.minimum

    @property
    def a_in_b(self) -> float | None:
        return self.shared / self.grams_a if self.judged else None

    @property
    def b_in_a(self) -> float | None:
        return self.shared / self.grams_b if self.judged else None

    @property
    def jaccard(self) -> float | None:
        return self.shared / (self.grams_a + self.grams_b - self.shared) if self.judged else None

    def reason(self) -> str | None:
        """Why the pair is not judged, in the language of the run; None when it is."""
        if self.judged:
            return None
        return words.TOO_SHORT(grams=min(self.grams_a, self.grams_b), minimum=self.minimum)


def similarity(a: Grams, b: Grams, minimum: int = DEFAULTS.min_grams) -> Similarity:
    """Compare two gram sets (``gram_set``)."""
    shared = int(np.intersect1d(a, b, assume_unique=True).size) if a.size and b.size else 0
    return Similarity(int(a.size), int(b.size), shared, minimum)


# --- copied passages ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """A maximal run of characters shared by two normalised texts: ``length`` characters from
    ``a`` in the first, from ``b`` in the second."""

    a: int
    b: int
    length: int


def shared_runs(a: str, b: str, minimum: int = DEFAULTS.passage) -> list[Run]:
    """Every run of at least ``minimum`` characters of ``a`` that ``b`` also holds, left to right
    in ``a``, each as long as it goes (the longest where ``b`` holds its start more than once).

    A run could cross from one piece to the next: join the pieces of ``a`` and of ``b`` with
    different separators (SEPARATOR and OTHER_SEPARATOR), which never match."""
    if minimum <= 0 or len(a) < minimum or len(b) < minimum:
        return []
    starts: dict[str, list[int]] = {}
    for j in range(len(b) - minimum + 1):
        starts.setdefault(b[j:j + minimum], []).append(j)
    runs: list[Run] = []
    i = 0
    while i <= len(a) - minimum:
        found = starts.get(a[i:i + minimum])
        if not found:
            i += 1
            continue
        best_j, best = found[0], 0
        for j in found:
            length = minimum
            while i + length < len(a) and j + length < len(b) and a[i + length] == b[j + length]:
                length += 1
            if length > best:
                best_j, best = j, length
        runs.append(Run(i, best_j, best))
        i += best
    return runs
