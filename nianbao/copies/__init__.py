"""Copy detection (雷同): how much of a report's text is found in the body's previous report, or
in another body's report of the same year, judged fairly to small bodies.

    from nianbao.copies import Corpus, documents, copy_own_previous, copy_peer, passages

    corpus = Corpus(documents(dataset))          # normalised once, 5-gram sets kept
    figures = copy_own_previous(corpus) + copy_peer(corpus) + section5_unchanged(corpus)
    figures += tables_unchanged(dataset.reports)
    shown = passages(corpus.document(a), corpus.document(b))   # for a side-by-side view

- ``normalise`` takes out what every report must contain (normalise.py says what, and why).
- Parts 一, 五 and 六 are compared by their sets of character 5-grams: containment both ways
  (``Similarity.a_in_b``, ``b_in_a``: the direction tells the copy from its source) and Jaccard.
  A text with fewer than ``min_grams`` distinct grams is not judged, and says so.
- Within a body each year is compared with the previous one exactly; across bodies of the same
  level and region in the same year, MinHash LSH (datasketch) proposes the pairs compared exactly.
- ``passages`` marks the runs of 13 characters or more two reports share, in each original text.
- Thresholds are ``CopySettings``; the figures are ``Figure``s with stable indicator ids.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .compare import DEFAULTS, CopySettings, Similarity, similarity
from .corpus import COMPARED_PARTS, Comparison, Corpus, Document, Piece, document
from .indicators import (
    COPY_OWN_PREVIOUS,
    COPY_PEER,
    INDICATORS,
    SECTION5_UNCHANGED,
    TABLES_UNCHANGED,
    Figure,
    copy_own_previous,
    copy_peer,
    section5_unchanged,
    tables_unchanged,
)
from .normalise import Normalised, names_pattern, normalise
from .passages import Passage, Span, passages

if TYPE_CHECKING:
    from ..loader import Dataset

__all__ = [
    "COMPARED_PARTS", "COPY_OWN_PREVIOUS", "COPY_PEER", "DEFAULTS", "INDICATORS", "SECTION5_UNCHANGED",
    "TABLES_UNCHANGED", "Comparison", "CopySettings", "Corpus", "Document", "Figure", "Normalised", "Passage",
    "Piece", "Similarity", "Span", "copy_own_previous", "copy_peer", "document", "documents", "names_pattern",
    "normalise", "passages", "section5_unchanged", "similarity", "tables_unchanged",
]


def documents(dataset: Dataset) -> list[Document]:
    """The Document of every report of a loaded data set whose body was read."""
    return [document(report, dataset.bodies[slug]) for (slug, _), report in sorted(dataset.reports.items())
            if slug in dataset.bodies]
