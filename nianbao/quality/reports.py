"""The indicators of one report: when it was published against its deadline, how often it was
revised, whether it uses its year's format and has every part, how long its overview is, how many
number cells it left blank, and whether it reports the fees. One figure per loaded report."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from ..catalogue import quality as words
from ..checks import statutory_deadline
from ..copies import Figure
from ..formats import format_for_year

if TYPE_CHECKING:
    from ..loader import Dataset
    from ..model import Body, Part, Report
    from .settings import QualitySettings

DAYS_LATE = "days_late"
REVISIONS = "revisions"
FORMAT_OK = "format_ok"
PARTS_MISSING = "parts_missing"
OVERVIEW_CHARS = "overview_chars"
BLANK_CELLS = "blank_cells"
FEES_ITEM = "fees_item"

# The word a report's text uses for the fees (国办函〔2020〕109号), where it has no fees figures.
_FEES_WORD = "信息处理费"
# Blank cells named in a figure's detail; the count says how many there are in all.
_SHOWN_CELLS = 5

Measure = Callable[["Report", "Body | None", "QualitySettings"], Figure]


def _each(dataset: Dataset, settings: QualitySettings, measure: Measure) -> list[Figure]:
    return [measure(report, dataset.bodies.get(slug), settings)
            for (slug, _), report in sorted(dataset.reports.items())]


def _days_late(report: Report, body: Body | None, settings: QualitySettings) -> Figure:
    date = report.meta.published
    if body is None:
        return Figure(DAYS_LATE, report.body, report.year, None, False, words.NO_BODY())
    if date is None:
        return Figure(DAYS_LATE, report.body, report.year, None, False, words.NO_DATE())
    deadline = statutory_deadline(report.year, body)
    days = max(0, (date - deadline).days)
    said = words.LATE if days else words.ON_TIME
    detail = said(published=date.isoformat(), deadline=deadline.isoformat(), level=body.level, days=days)
    return Figure(DAYS_LATE, report.body, report.year, days, days > 0, detail)


def days_late(dataset: Dataset, settings: QualitySettings) -> list[Figure]:
    """Days between the deadline of the body's level (checks.statutory_deadline) and the
    publication date, 0 when on time; flagged when late; None without a date or a body."""
    return _each(dataset, settings, _days_late)


def _revisions(report: Report, body: Body | None, settings: QualitySettings) -> Figure:
    count = len(report.meta.revisions)
    dates = words.JOIN().join(r.date.isoformat() for r in report.meta.revisions)
    detail = words.REVISIONS(count=count, dates=dates) if count else words.NO_REVISIONS()
    limit = settings.revisions_flag_at
    return Figure(REVISIONS, report.body, report.year, count, limit is not None and count >= limit, detail)


def revisions(dataset: Dataset, settings: QualitySettings) -> list[Figure]:
    """The number of entries in the report's 修订记录 (revisions:); flagged only at a threshold set."""
    return _each(dataset, settings, _revisions)


def _format_ok(report: Report, body: Body | None, settings: QualitySettings) -> Figure:
    expected = format_for_year(report.year)
    if expected is None:
        return Figure(FORMAT_OK, report.body, report.year, None, False, words.FORMAT_NONE(year=report.year))
    ok = expected.id == report.format.id
    said = words.FORMAT_OK if ok else words.FORMAT_WRONG
    detail = said(year=report.year, expected=expected.name, notice=expected.notice, found=report.format.name)
    return Figure(FORMAT_OK, report.body, report.year, ok, not ok, detail)


def format_ok(dataset: Dataset, settings: QualitySettings) -> list[Figure]:
    """Whether the report uses the format its year requires; flagged when it does not."""
    return _each(dataset, settings, _format_ok)


def _has_text(part: Part) -> bool:
    return bool((part.text or "").strip()) or any((s.text or "").strip() for s in part.sections)


def _parts_missing(report: Report, body: Body | None, settings: QualitySettings) -> Figure:
    faults = []
    for defined in report.format.parts:
        given = report.meta.part(defined.key)
        if given is None:
            faults.append(words.PART_ABSENT(part=defined.key, heading=defined.heading))
        # A part that holds a table (二, 三, 四) may rightly have no text of its own.
        elif not defined.table and not _has_text(given) and given.fees is None:
            faults.append(words.PART_EMPTY(part=defined.key, heading=defined.heading))
    detail = (words.PARTS_MISSING(count=len(faults), parts=words.JOIN().join(faults)) if faults
              else words.PARTS_ALL(format=report.format.name, count=len(report.format.parts)))
    return Figure(PARTS_MISSING, report.body, report.year, len(faults), bool(faults), detail)


def parts_missing(dataset: Dataset, settings: QualitySettings) -> list[Figure]:
    """The parts of the report's format it lacks, or has as a heading without text; flagged when any."""
    return _each(dataset, settings, _parts_missing)


def _texts(part: Part) -> Iterator[str]:
    if part.text:
        yield part.text
    for section in part.sections:
        if section.text:
            yield section.text


def _overview_chars(report: Report, body: Body | None, settings: QualitySettings) -> Figure:
    part = report.meta.part("一")
    if part is None:
        return Figure(OVERVIEW_CHARS, report.body, report.year, None, False, words.OVERVIEW_NONE())
    # Characters a reader reads: the text of the part and its sections, without white space or
    # headings (the headings are the format's).
    count = sum(len("".join(text.split())) for text in _texts(part))
    limit = settings.overview_max_chars
    over = limit is not None and count > limit
    detail = words.OVERVIEW_OVER(count=f"{count:,}", limit=f"{limit:,}") if over else words.OVERVIEW(count=f"{count:,}")
    return Figure(OVERVIEW_CHARS, report.body, report.year, count, over, detail)


def overview_chars(dataset: Dataset, settings: QualitySettings) -> list[Figure]:
    """The length of part 一 (总体情况) in characters; flagged over ``overview_max_chars`` if set."""
    return _each(dataset, settings, _overview_chars)


def _blank_cells(report: Report, body: Body | None, settings: QualitySettings) -> Figure:
    named: list[str] = []
    count = na = zeros = 0
    for table in report.format.tables:
        for row, cells in report.tables.get(table.key, {}).items():
            for column, cell in zip(table.column_keys(row), cells, strict=False):
                if cell.state == "blank":
                    count += 1
                    if len(named) < _SHOWN_CELLS:
                        named.append(words.CELL_ITEM(row=table.row_labels[row][-1],
                                                     column=table.column_labels(row)[column][-1]))
                elif cell.state == "na":
                    na += 1
                elif cell.is_number and cell.value == 0:
                    zeros += 1
    shown = words.JOIN().join(named)
    if count > len(named):
        shown = words.MORE(shown=shown)
    detail = (words.BLANK_CELLS(count=count, cells=shown, na=na, zeros=zeros) if count
              else words.NO_BLANK_CELLS(na=na, zeros=zeros))
    return Figure(BLANK_CELLS, report.body, report.year, count, count > 0, detail)


def blank_cells(dataset: Dataset, settings: QualitySettings) -> list[Figure]:
    """The number cells of the statutory tables left blank (~, not stated); 0 and 不适用 are not
    blank. Flagged when any is."""
    return _each(dataset, settings, _blank_cells)


def _fees_item(report: Report, body: Body | None, settings: QualitySettings) -> Figure:
    home = report.format.fees_part
    if home is None:
        detail = words.FEES_NOT_IN_FORMAT(format=report.format.name)
        return Figure(FEES_ITEM, report.body, report.year, None, False, detail)
    part = report.meta.part(home.key)
    fees = part.fees if part is not None else None
    stated = fees is not None and any(v is not None for v in (fees.notices_count, fees.notices_amount_yuan,
                                                             fees.collected_amount_yuan))
    mentioned = part is not None and any(_FEES_WORD in text for text in _texts(part))
    if stated:
        detail = words.FEES_STATED(part=home.key)
    elif mentioned:
        detail = words.FEES_IN_TEXT(part=home.key)
    else:
        detail = words.FEES_ABSENT(format=report.format.name, part=home.key)
    present = stated or mentioned
    return Figure(FEES_ITEM, report.body, report.year, present, not present, detail)


def fees_item(dataset: Dataset, settings: QualitySettings) -> list[Figure]:
    """Whether a report of a format with a fees item (2021 on: part 六) reports the 信息处理费, as
    figures (fees:) or in the part's text; None for formats without one (2019). Flagged when absent."""
    return _each(dataset, settings, _fees_item)
