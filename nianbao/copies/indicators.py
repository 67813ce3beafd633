"""The copy indicators, one figure per report: plain functions, stable ids.

- ``copy_own_previous``: the share of this report's text (parts 一, 五, 六 together, normalised)
  found in the body's latest earlier report, or of one part alone where that is higher (a part
  copied whole while the others are new); flagged at ``flag_containment``.
- ``copy_peer``: the same share against the most similar report of another body of the same
  level and region in the same year (MinHash LSH candidates, compared exactly), that body named.
- ``section5_unchanged``: part 五 the same as in the body's latest earlier report once normalised;
  flagged only when it is long enough to judge (``min_grams``), so a small body's one sentence is
  not taken for a copy.
- ``tables_unchanged``: the number of tables with every cell equal to last year's; tables with no
  figure other than 0 (or blank) are left out, since small bodies rightly report zero every year.
  Flagged when every table left is unchanged.

A figure whose comparison cannot be made (no earlier report, text too short, another format)
has the value None, is not flagged, and its detail says why.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..catalogue import copies as words
from .compare import SEPARATOR, Similarity
from .corpus import Comparison, Corpus, Key

if TYPE_CHECKING:
    from ..cells import Cell
    from ..model import Report

COPY_OWN_PREVIOUS = "copy_own_previous"
COPY_PEER = "copy_peer"
SECTION5_UNCHANGED = "section5_unchanged"
TABLES_UNCHANGED = "tables_unchanged"
INDICATORS = (COPY_OWN_PREVIOUS, COPY_PEER, SECTION5_UNCHANGED, TABLES_UNCHANGED)


@dataclass(frozen=True)
class Figure:
    """One indicator's figure for one report. ``other`` is the report it was compared with (the
    previous year's, or the peer's); ``comparison`` the figures behind a copy indicator."""

    indicator: str
    body: str
    year: int
    value: float | int | bool | str | None  # str: a state, such as published/missing/exempt
    flag: bool
    detail: str
    other: Key | None = None
    comparison: Comparison | None = None


def _share(value: float | None) -> str:
    return "" if value is None else f"{value:.0%}"


def _figures(sim: Similarity) -> dict[str, str]:
    return {"a_in_b": _share(sim.a_in_b), "b_in_a": _share(sim.b_in_a),
            "jaccard": "" if sim.jaccard is None else f"{sim.jaccard:.2f}"}


def _flagged(sim: Similarity, corpus: Corpus) -> bool:
    return sim.a_in_b is not None and sim.a_in_b >= corpus.settings.flag_containment


def _scope(part: str | None) -> str:
    return words.ALL_PARTS() if part is None else words.ONE_PART(part=part)


def copy_own_previous(corpus: Corpus) -> list[Figure]:
    """Each report against the body's latest earlier report (see the module's docstring)."""
    pairs = corpus.own_previous()
    out: list[Figure] = []
    for doc in corpus:
        pair = pairs.get(doc.key)
        if pair is None:
            out.append(Figure(COPY_OWN_PREVIOUS, doc.body, doc.year, None, False, words.NO_PREVIOUS()))
            continue
        part, sim = pair.highest
        detail = sim.reason() or words.OWN_PREVIOUS(previous=pair.b[1], scope=_scope(part), **_figures(sim))
        out.append(Figure(COPY_OWN_PREVIOUS, doc.body, doc.year, sim.a_in_b, _flagged(sim, corpus), detail,
                          pair.b, pair))
    return out


def copy_peer(corpus: Corpus) -> list[Figure]:
    """Each report against the most similar report of another body in its group."""
    best = corpus.peers()
    out: list[Figure] = []
    for doc in corpus:
        pair = best.get(doc.key)
        if pair is None:
            size = corpus.grams(doc.key).size
            minimum = corpus.settings.min_grams
            # LSH leaves out a text too short to judge: say so rather than "no similar report".
            detail = words.TOO_SHORT(grams=size, minimum=minimum) if size < minimum else words.NO_PEER()
            out.append(Figure(COPY_PEER, doc.body, doc.year, None, False, detail))
            continue
        part, sim = pair.highest
        peer = corpus.document(pair.b)
        detail = sim.reason() or words.PEER(peer=peer.body, peer_name=peer.name, scope=_scope(part), **_figures(sim))
        out.append(Figure(COPY_PEER, doc.body, doc.year, sim.a_in_b, _flagged(sim, corpus), detail, pair.b, pair))
    return out


def section5_unchanged(corpus: Corpus) -> list[Figure]:
    """Whether part 五 reads the same as in the body's latest earlier report, once normalised."""
    pairs = corpus.own_previous()
    out: list[Figure] = []
    for doc in corpus:
        pair = pairs.get(doc.key)
        if pair is None:
            out.append(Figure(SECTION5_UNCHANGED, doc.body, doc.year, None, False, words.NO_PREVIOUS()))
            continue
        # The same words, however the part is cut into sections.
        this = corpus.normalised(doc.key, "五").replace(SEPARATOR, "")
        before = corpus.normalised(pair.b, "五").replace(SEPARATOR, "")
        if not this and not before:
            out.append(Figure(SECTION5_UNCHANGED, doc.body, doc.year, None, False, words.NO_PART(part="五"),
                              pair.b, pair))
            continue
        same = this == before
        sim = pair.parts["五"]
        detail = (words.SECTION5_SAME if same else words.SECTION5_CHANGED)(previous=pair.b[1])
        if same and not sim.judged:
            detail = words.BOTH(first=detail, second=sim.reason())
        out.append(Figure(SECTION5_UNCHANGED, doc.body, doc.year, same, same and sim.judged, detail, pair.b, pair))
    return out


def _cells(cells: Iterable[Cell]) -> tuple[tuple[str, object, str], ...]:
    # A figure as a number: 48 and 48.0 are the same cell; blank and 不适用 stay apart from 0.
    return tuple((cell.state, cell.value, cell.unit) for cell in cells)


def _has_figure(values: Mapping[str, tuple[Cell, ...]]) -> bool:
    return any(cell.is_number and cell.value for cells in values.values() for cell in cells)


def tables_unchanged(reports: Mapping[Key, Report]) -> list[Figure]:
    """For each report, how many of its tables (those with a figure other than 0) have every cell
    equal to the body's latest earlier report's."""
    by_body: dict[str, list[int]] = defaultdict(list)
    for body, year in reports:
        by_body[body].append(year)
    out: list[Figure] = []
    for body, years in sorted(by_body.items()):
        years.sort()
        for index, year in enumerate(years):
            if index == 0:
                out.append(Figure(TABLES_UNCHANGED, body, year, None, False, words.NO_PREVIOUS()))
                continue
            report, before = reports[(body, year)], reports[(body, years[index - 1])]
            other = (body, before.year)
            if report.format.id != before.format.id:
                detail = words.TABLES_FORMAT(previous=before.year, previous_format=before.format.name)
                out.append(Figure(TABLES_UNCHANGED, body, year, None, False, detail, other))
                continue
            compared = unchanged = 0
            for table in report.format.tables:
                values = report.tables.get(table.key, {})
                if not _has_figure(values):
                    continue
                compared += 1
                previous = before.tables.get(table.key, {})
                if values.keys() == previous.keys() and all(
                        _cells(cells) == _cells(previous[row]) for row, cells in values.items()):
                    unchanged += 1
            if not compared:
                out.append(Figure(TABLES_UNCHANGED, body, year, None, False, words.TABLES_NONE(previous=before.year),
                                  other))
                continue
            detail = words.TABLES(previous=before.year, compared=compared, unchanged=unchanged)
            out.append(Figure(TABLES_UNCHANGED, body, year, unchanged, unchanged == compared, detail, other))
    return out
