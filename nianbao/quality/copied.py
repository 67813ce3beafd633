"""The copy indicators (nianbao.copies) as quality indicators: one corpus for the four."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..copies import Corpus, Figure, copy_own_previous, copy_peer, documents, section5_unchanged, tables_unchanged

if TYPE_CHECKING:
    from ..loader import Dataset
    from .settings import QualitySettings


def copies(dataset: Dataset, settings: QualitySettings) -> list[Figure]:
    """copy_own_previous, copy_peer, section5_unchanged and tables_unchanged, the texts normalised once."""
    corpus = Corpus(documents(dataset), settings.copies)
    return [*copy_own_previous(corpus), *copy_peer(corpus), *section5_unchanged(corpus),
            *tables_unchanged(dataset.reports)]
