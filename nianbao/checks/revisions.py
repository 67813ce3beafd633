"""The checks of a report's revisions (修订记录): each names a cell or part the report has, with an
old value that is a cell of its column and differs from what followed it, dated between the
report's publication and the day of the build, oldest first."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from ..catalogue import messages
from ..catalogue import rules as R
from ..cells import CellError
from ..model import Report
from ..numerals import PART_KEYS
from ..problems import Locator, Problem
from ..revisions import CellChange, cell_labels, cell_ref, old_cell, resolve, same
from ..suggest import did_you_mean

# A revision dated today in Beijing may still be tomorrow for a build server on UTC, eight hours
# behind: one day's grace, so that a correction published this morning never stops the build.
GRACE = timedelta(days=1)


def revision_checks(report: Report, where: Locator, today: date) -> Iterator[Problem]:
    revisions = report.meta.revisions
    if not revisions:
        return
    latest: date | None = None
    for i, revision in enumerate(revisions):
        at = ("revisions", i, "date")
        found = revision.date.isoformat()
        published = report.meta.published  # a draft not yet dated (D.3) has nothing to be before
        if published is not None and revision.date < published:
            yield where.problem(R.REVISION_BEFORE_PUBLISHED, at, published=published.isoformat(), found=found)
        if revision.date > today + GRACE:
            yield where.problem(R.REVISION_IN_FUTURE, at, today=today.isoformat(), found=found)
        if latest is not None and revision.date < latest:
            yield where.problem(R.REVISION_ORDER, at, previous=latest.isoformat(), found=found)
        latest = max(latest or revision.date, revision.date)
        yield from _targets(report, i, where)
    for view in resolve(report):
        for change in view.changes:
            unchanged = same(change.old, change.new) if isinstance(change, CellChange) else change.old == change.new
            if not unchanged:
                continue
            if isinstance(change, CellChange):
                row, column = cell_labels(report.format, change.ref)
                what, new = f"{row} / {column}", change.new.text or messages.CELL_BLANK()
            else:
                what, new = messages.PART_TEXT(part=change.part), messages.SAME_TEXT()
            yield where.problem(R.REVISION_UNCHANGED, ("revisions", change.revision, "changes", change.index, "old"),
                                what=what, new=new, found=new)


def _targets(report: Report, i: int, where: Locator) -> Iterator[Problem]:
    """Each change of revision i names a cell or part the report has, once, with an old value that
    reads as a cell of its column."""
    fmt = report.format
    seen: dict[str, int] = {}
    for j, change in enumerate(report.meta.revisions[i].changes):
        path = ("revisions", i, "changes", j)
        target = change.cell.strip() if change.cell is not None else f"parts.{change.part}"
        if target in seen:
            yield where.problem(R.REVISION_TWICE, path, what=target, first=seen[target] + 1, second=j + 1)
            continue
        seen[target] = j
        if change.part is not None:
            if report.meta.part(change.part) is None:
                given = "、".join(k for k in PART_KEYS if report.meta.part(k) is not None)
                yield where.problem(R.REVISION_TARGET, (*path, "part"), variant="part", part=change.part,
                                    parts=given or messages.NOTHING())
            continue
        assert change.cell is not None  # the model holds one of cell and part
        ref = cell_ref(fmt, change.cell)
        if ref is None:
            labels = {p: " / ".join(cell_labels(fmt, r)) for p, r in fmt.cells.items()}
            yield where.problem(R.REVISION_TARGET, (*path, "cell"), format=fmt.name, cell=change.cell,
                                example=next(iter(fmt.cells)), suggestion=did_you_mean(change.cell, labels))
            continue
        row, column = cell_labels(fmt, ref)
        if report.cell(*ref) is None:
            if ref.table not in report.tables:
                continue  # the table is missing or faulty: reported already
            # The format has the cell, the report not: a group printed as one row where the
            # revision names one of its rows, or its rows given where it names the group's row.
            # (Any other row missing was left out as faulty, and its fault is reported already.)
            table = fmt.table(ref.table)
            collapsed = table.collapsed(report.tables[ref.table])
            for group, (_, leaves) in table.collapsible_rows.items():
                if ref.row in leaves and group in collapsed:
                    how = messages.GROUP_AS_ONE_ROW()
                elif ref.row == group and group not in collapsed:
                    how = messages.GROUP_AS_ROWS()
                else:
                    continue
                yield where.problem(R.REVISION_TARGET, (*path, "cell"), variant="row",
                                    row="·".join(table.row_labels[group]), how=how, cell=change.cell)
            continue
        try:
            old_cell(fmt, ref, change)
        except CellError as exc:
            yield where.problem(R.REVISION_OLD_VALUE, (*path, "old"), row=row, column=column, problem=exc.message,
                                expected=exc.expected, found=change.old if change.old is not None else "~")
