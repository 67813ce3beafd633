"""The 修订记录 section of a report page, and the marks on the revised cells of its tables.

Every label is the format's own (revisions.cell_labels); a value is shown as the table shows it,
with blank written out as 未填写, so 0, blank and 不适用 never look alike here either.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from markupsafe import Markup, escape

from ..catalogue import site as words
from ..cells import Cell
from ..model import Report
from ..numerals import PART_NUMBER
from ..revisions import CellChange, RevisionView, cell_labels, revised_cells
from . import environment

Marks = dict[tuple[str, int], str]  # a table's marks: (row key, column index) → the mark's HTML


@dataclass
class CellRow:
    table: str  # 表：… as the page's table heading
    table_anchor: str
    place: str  # row labels / column label
    old: str
    new: str
    old_css: str
    new_css: str


@dataclass
class TextPart:
    where: str
    anchor: str
    old: list[str]
    new: list[str]


@dataclass
class Entry:
    number: int
    title: Markup  # 修订 1：<time>…</time>
    reason: str
    cells: list[CellRow] = field(default_factory=list)
    texts: list[TextPart] = field(default_factory=list)


def anchor(number: int) -> str:
    return f"revision-{number}"


def shown_date(day: date) -> str:
    return words.PAGE_DATE(year=day.year, month=day.month, day=day.day)


def _value(cell: Cell) -> tuple[str, str]:
    if cell.state == "number":
        return cell.text, "nb-num"
    if cell.state == "na":
        return cell.text, "nb-na"
    return words.PAGE_NOT_STATED(), "nb-blank"


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()] or [words.REVISION_NO_TEXT()]


def _entry(report: Report, view: RevisionView) -> Entry:
    when = Markup('<time datetime="{iso}">{shown}</time>').format(iso=view.date.isoformat(),
                                                                  shown=shown_date(view.date))
    # The catalogue's words, a number and the <time> element: nothing from the data but the date.
    entry = Entry(view.number, Markup(words.REVISION_TITLE(number=view.number, date=when)), view.reason)
    for change in view.changes:
        if isinstance(change, CellChange):
            row, column = cell_labels(report.format, change.ref)
            old, old_css = _value(change.old)
            new, new_css = _value(change.new)
            caption = report.format.table(change.ref.table).caption
            entry.cells.append(CellRow(words.REVISION_TABLE(caption=caption),
                                       f"tab-{change.ref.table.replace('_', '-')}", f"{row} / {column}",
                                       old, new, old_css, new_css))
        else:
            part = report.meta.part(change.part)
            heading = f"{change.part}、{part.heading}" if part is not None else change.part
            entry.texts.append(TextPart(words.REVISION_TEXT(part=heading), f"part-{PART_NUMBER[change.part]}",
                                        _paragraphs(change.old), _paragraphs(change.new)))
    return entry


def render_revisions(report: Report, views: tuple[RevisionView, ...]) -> str:
    entries = [_entry(report, view) for view in views]
    return environment().get_template("revisions.html.j2").render(entries=entries, words=words, anchor=anchor)


def table_marks(report: Report, views: tuple[RevisionView, ...]) -> dict[str, Marks]:
    """For each table, the marks of its revised cells by their slot (row key, column index), as
    render_table takes them."""
    out: dict[str, Marks] = {}
    for ref, numbers in revised_cells(views).items():
        index = report.format.table(ref.table).cell_index[(ref.row, ref.column)]
        out.setdefault(ref.table, {})[(ref.row, index)] = mark_html(numbers)
    return out


def mark_html(numbers: tuple[int, ...]) -> str:
    """The mark of a revised cell: a superscript 修1 linking to the entry; a screen reader hears
    the sentence instead (the superscript is hidden from it)."""
    return "".join(
        f'<a class="nb-rev-mark" href="#{anchor(n)}"><sup aria-hidden="true">{escape(words.REVISION_MARK(number=n))}'
        f'</sup><span class="nb-sr-only">{escape(words.REVISION_MARK_SPOKEN(number=n))}</span></a>'
        for n in numbers
    )


def revised_on(views: tuple[RevisionView, ...]) -> Markup | None:
    """The byline's note of the latest revision, linked to the 修订记录 section; None if none."""
    if not views:
        return None
    latest = max(view.date for view in views)
    return Markup('{label}<a href="#revisions"><time datetime="{iso}">{shown}</time></a>').format(
        label=words.REVISED_ON(), iso=latest.isoformat(), shown=shown_date(latest))
