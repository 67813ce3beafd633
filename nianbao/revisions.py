"""Corrections of a published report (修订记录): which cells and texts changed, from what to what.

A report's YAML holds its figures and text as they stand now; each revision gives the value
before it (``old``). What a revision changed a place *to* is the old value of the next revision
of the same place, or else the report's own value. The checks, the report page, and whatever
reads both values or counts revisions (open data, a supervisor's view) read them through here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from .cells import Cell, CellError, parse_cell
from .formats import CellRef, Format
from .model import Report, RevisionChange


@dataclass(frozen=True)
class CellChange:
    revision: int  # the revision's position in the file, from 0
    index: int  # the change's position in the revision, from 0
    ref: CellRef
    old: Cell  # before the revision
    new: Cell  # after it: the next revision's old value, or the table's


@dataclass(frozen=True)
class TextChange:
    revision: int
    index: int
    part: str  # 一 … 六: the part's text (parts.<part>.text)
    old: str
    new: str


Change = CellChange | TextChange


@dataclass(frozen=True)
class RevisionView:
    """One revision as a reader sees it; ``number`` counts from 1 in the file's order."""

    number: int
    date: date
    reason: str
    changes: tuple[Change, ...]


def cell_ref(fmt: Format, path: str) -> CellRef | None:
    """The cell a data path (table.row.column) names in a format, or None when it has none."""
    return fmt.cells.get(path.strip())


def cell_labels(fmt: Format, ref: CellRef) -> tuple[str, str]:
    """A cell's official names: its row (with the row groups above it, joined by ·) and its column."""
    table = fmt.table(ref.table)
    return "·".join(table.row_labels[ref.row]), table.column_labels(ref.row)[ref.column][-1]


def old_cell(fmt: Format, ref: CellRef, change: RevisionChange) -> Cell:
    """A change's old value read as a cell of its column; CellError when it is not one."""
    _, block = fmt.table(ref.table).row(ref.row)
    column = dict(block.leaf_columns)[ref.column]
    return parse_cell(change.old, column.kind, column.unit)


def part_text(report: Report, part: str) -> str:
    given = report.meta.part(part)
    return (given.text or "") if given is not None else ""


def same(a: Cell, b: Cell) -> bool:
    """Whether two cells say the same: a plus sign or spacing as printed is no change."""
    return (a.state, a.value, a.unit) == (b.state, b.value, b.unit)


def resolve(report: Report) -> tuple[RevisionView, ...]:
    """The report's revisions with each change's value before and after; a change that names no
    cell of the report, or whose old value is no cell, is left out (the checks report it)."""
    fmt = report.format
    # Each place's changes in date order (the file's order on the same day): (when, revision,
    # change, old value). Each change led to the value the next one started from.
    cells: dict[CellRef, list[tuple[tuple[date, int, int], Cell]]] = defaultdict(list)
    texts: dict[str, list[tuple[tuple[date, int, int], str]]] = defaultdict(list)
    for i, revision in enumerate(report.meta.revisions):
        for j, change in enumerate(revision.changes):
            if change.cell is not None:
                ref = cell_ref(fmt, change.cell)
                if ref is None or report.cell(*ref) is None:
                    continue
                try:
                    cells[ref].append(((revision.date, i, j), old_cell(fmt, ref, change)))
                except CellError:
                    continue
            elif change.part is not None and report.meta.part(change.part) is not None:
                texts[change.part].append(((revision.date, i, j), change.old or ""))
    found: list[list[Change]] = [[] for _ in report.meta.revisions]
    for ref, entries in cells.items():
        entries.sort(key=lambda e: e[0])
        now = report.cell(*ref)
        assert now is not None
        for n, ((_, i, j), old) in enumerate(entries):
            found[i].append(CellChange(i, j, ref, old, entries[n + 1][1] if n + 1 < len(entries) else now))
    for part, text_entries in texts.items():
        text_entries.sort(key=lambda e: e[0])
        for n, ((_, i, j), text) in enumerate(text_entries):
            later = text_entries[n + 1][1] if n + 1 < len(text_entries) else part_text(report, part)
            found[i].append(TextChange(i, j, part, text, later))
    return tuple(
        RevisionView(i + 1, revision.date, revision.reason, tuple(sorted(found[i], key=lambda c: c.index)))
        for i, revision in enumerate(report.meta.revisions)
    )


def revised_cells(revisions: tuple[RevisionView, ...]) -> dict[CellRef, tuple[int, ...]]:
    """Each revised cell and the numbers of the revisions that changed it, in order."""
    out: dict[CellRef, list[int]] = defaultdict(list)
    for revision in revisions:
        for change in revision.changes:
            if isinstance(change, CellChange) and revision.number not in out[change.ref]:
                out[change.ref].append(revision.number)
    return {ref: tuple(numbers) for ref, numbers in out.items()}


def first_published(revisions: tuple[RevisionView, ...]) -> dict[CellRef, Cell]:
    """Each revised cell's value as the report was first published: its earliest revision's old value."""
    earliest: dict[CellRef, tuple[tuple[date, int], Cell]] = {}
    for revision in revisions:
        for change in revision.changes:
            if isinstance(change, CellChange):
                key = (revision.date, revision.number)
                if change.ref not in earliest or key < earliest[change.ref][0]:
                    earliest[change.ref] = (key, change.old)
    return {ref: cell for ref, (_, cell) in earliest.items()}
