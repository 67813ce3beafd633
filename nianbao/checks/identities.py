"""The format's identities (勾稽关系), evaluated on one report: each row or column they range over.

STATED and IMPLIED identities are errors; heuristics and cross-year identities are warnings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Literal

from ..catalogue import identity_rule, messages
from ..cells import Cell
from ..formats import Block, Format, Identity, Term
from ..model import Report
from ..numerals import NUMERAL
from ..problems import Locator, Problem
from ..yamlsource import DataPath

Status = Literal["holds", "fails", "incomplete", "not_stated", "not_applicable", "no_previous"]


@dataclass(frozen=True)
class Outcome:
    """One instance of an identity: one column (each: column) or one row (each: row)."""

    identity: Identity
    subject: str
    subject_label: str
    status: Status
    problem: Problem | None = None


def evaluate(identity: Identity, report: Report, previous: Report | None, where: Locator) -> Iterator[Outcome]:
    terms = tuple(_collapse(side, identity, report, previous) for side in _expand(identity, report))
    for subject, label in _collapsed_subjects(subjects(identity, report.format), identity, report):
        if identity.cross_year and previous is None:
            yield Outcome(identity, subject, label, "no_previous")
            continue
        lhs = [(t, _term_cell(identity, t, subject, report, previous)) for t in terms[0]]
        rhs = [(t, _term_cell(identity, t, subject, report, previous)) for t in terms[1]]
        cells = [c for _, c in lhs + rhs]
        if any(c is None for c in cells):
            # Last year's format lacks the cell (2020 has no 现行有效件数), or a faulty row was left out.
            yield Outcome(identity, subject, label, "not_applicable")
            continue
        present = [c for c in cells if c is not None]
        if any(c.state == "na" for c in present):
            yield Outcome(identity, subject, label, "not_applicable")
            continue
        if all(c.state == "blank" for c in present):
            yield Outcome(identity, subject, label, "not_stated")
            continue
        if any(c.state == "blank" for c in present):
            yield Outcome(identity, subject, label, "incomplete", _finding(identity, subject, label, lhs, rhs,
                                                                          report, where, incomplete=True))
            continue
        if _holds(_sum(lhs), identity.op, _sum(rhs)):
            yield Outcome(identity, subject, label, "holds")
            continue
        yield Outcome(identity, subject, label, "fails", _finding(identity, subject, label, lhs, rhs, report, where))


Side = Sequence[tuple[Term, Cell | None]]


def _finding(identity: Identity, subject: str, label: str, lhs: Side, rhs: Side, report: Report, where: Locator,
             incomplete: bool = False) -> Problem:
    """The problem for an identity that fails (or cannot be checked) at one row or column.

    Built only for findings: the text is the expensive part, and most identities hold.
    """
    first_key = lhs[0][0].key
    row, col = (first_key, subject) if identity.each == "column" else (subject, first_key)
    path = _cell_path(report, identity.table, row, col)
    shown = f"{identity.table}.{row}.{col}"
    cells_key = f"{identity.table}.*.{subject}" if identity.each == "column" else f"{identity.table}.{subject}.*"
    rule = identity_rule(identity)
    axis = messages.AXIS[identity.each]()
    lhs_text, rhs_text = _side_text(lhs, identity, report), _side_text(rhs, identity, report)
    relation = f"{lhs_text.names} {_OPS[identity.op]} {rhs_text.names}"
    if incomplete:
        blanks = [_label(t, identity, report) for t, c in [*lhs, *rhs] if c is not None and c.state == "blank"]
        return where.problem(rule, path, shown_path=shown, variant="incomplete", cells=cells_key,
                             statement=identity.rule, axis=axis, label=label, expected=relation,
                             blanks="、".join(blanks))
    left, right = _sum(lhs), _sum(rhs)
    expected = relation
    if rhs:
        expected += f" = {rhs_text.values}" + (f" = {format_number(right)}" if len(rhs) > 1 else "")
    found = f"{lhs_text.names} = {lhs_text.values}" + (f" = {format_number(left)}" if len(lhs) > 1 else "")
    return where.problem(rule, path, shown_path=shown, cells=cells_key, statement=identity.rule, axis=axis,
                         label=label, expected=expected, found=found,
                         difference=format_number(left - right, signed=True))


_OPS = {"=": "=", "<=": "≤", ">=": "≥"}


def _term_cell(identity: Identity, term: Term, subject: str, report: Report, previous: Report | None) -> Cell | None:
    source = previous if term.previous_year else report
    if source is None:
        return None
    row, col = (term.key, subject) if identity.each == "column" else (subject, term.key)
    return source.cell(identity.table, row, col)


def _holds(left: Decimal, op: str, right: Decimal) -> bool:
    return left == right if op == "=" else (left <= right if op == "<=" else left >= right)


def _sum(side: Side) -> Decimal:
    total = Decimal(0)
    for term, cell in side:
        assert cell is not None
        assert cell.value is not None
        total += -cell.value if term.negated else cell.value
    return total


@dataclass(frozen=True)
class _Side:
    names: str
    values: str


def _side_text(side: Side, identity: Identity, report: Report) -> _Side:
    if not side:
        return _Side("0", "0")
    if len(side) > 6:
        # A long sum (T3.4 adds up to 21 rows): name its ends, list only the values that count.
        first, last = _label(side[0][0], identity, report), _label(side[-1][0], identity, report)
        shown = [(t, c) for t, c in side if c is not None and c.value]
        values = "".join((" − " if t.negated else " + ") + c.text for t, c in shown if c is not None)
        values = values.removeprefix(" + ") or "0"
        if len(shown) < len(side):
            values += messages.SUM_REST(count=len(side) - len(shown))
        return _Side(messages.SUM_RANGE(first=first, last=last, count=len(side)), values)
    names = values = ""
    for i, (term, cell) in enumerate(side):
        sign = (" − " if term.negated else " + ") if i else ("−" if term.negated else "")
        names += sign + _label(term, identity, report)
        values += sign + (cell.text if cell is not None and cell.is_number else "?")
    return _Side(names, values)


def _label(term: Term, identity: Identity, report: Report) -> str:
    """A short name for a term: a row's numbering for long T3 labels, else the label."""
    table = report.format.table(identity.table)
    names: dict[str, str] = {}
    if identity.each == "column":
        names = {key: _short(node.label) for key, node, _ in table.leaf_rows}
        names.update((key, _short(node.label)) for key, (node, _) in table.collapsible_rows.items())
    else:
        names = {key: node.label for block in table.blocks for key, node in block.leaf_columns}
    return (messages.PREVIOUS_YEAR() if term.previous_year else "") + names.get(term.key, term.key)


def _short(label: str) -> str:
    numbered = re.match(rf"({NUMERAL}+)、", label)
    if numbered:
        return numbered[1]
    return re.sub(r"（[^（）]*）$", "", label) or label


def format_number(value: Decimal, signed: bool = False) -> str:
    text = format(value.normalize(), "f") if value != value.to_integral() else str(int(value))
    return f"+{text}" if signed and value > 0 else text


def _expand(identity: Identity, report: Report) -> tuple[tuple[Term, ...], tuple[Term, ...]]:
    """Expand 'x.*' into every leaf row under x that the identity does not name elsewhere."""
    table = report.format.table(identity.table)
    named = {t.key for t in identity.lhs + identity.rhs if not t.key.endswith(".*")}
    leaf_rows = [key for key, _, _ in table.leaf_rows]

    def expand(terms: tuple[Term, ...]) -> tuple[Term, ...]:
        out: list[Term] = []
        for term in terms:
            if term.key.endswith(".*"):
                prefix = term.key[:-1]
                out += [replace(term, key=k) for k in leaf_rows if k.startswith(prefix) and k not in named]
            else:
                out.append(term)
        return tuple(out)

    return expand(identity.lhs), expand(identity.rhs)


def subjects(identity: Identity, fmt: Format) -> list[tuple[str, str]]:
    """(key, label) of each column (each: column) or row (each: row) the identity is checked at."""
    table = fmt.table(identity.table)
    if identity.each == "column":
        block = table.blocks[identity.block]
        return [(key, node.label) for key, node in block.leaf_columns]
    rows = []
    for key, node, block in table.leaf_rows:
        if identity.rows and key not in identity.rows:
            continue
        if not identity.rows and not _block_has(block, identity):
            continue
        rows.append((key, node.label))
    return rows


def _group_of(table: str, row: str, report: Report | None) -> str | None:
    """The collapsible group a row belongs to, when this report printed that group as one row."""
    if report is None:
        return None
    values = report.tables.get(table, {})
    for group, (_, leaves) in report.format.table(table).collapsible_rows.items():
        if row in leaves and group in values:
            return group
    return None


def _collapse(terms: tuple[Term, ...], identity: Identity, report: Report,
              previous: Report | None) -> tuple[Term, ...]:
    """Rows of a group the report printed as one row are counted once, as that row (its total)."""
    if identity.each != "column":
        return terms
    out: list[Term] = []
    for term in terms:
        group = _group_of(identity.table, term.key, previous if term.previous_year else report)
        if group is None:
            out.append(term)
        elif (merged := replace(term, key=group)) not in out:
            out.append(merged)
    return tuple(out)


def _collapsed_subjects(subjects: list[tuple[str, str]], identity: Identity,
                        report: Report) -> list[tuple[str, str]]:
    """Row identities check a group printed as one row at that row, not at its unstated rows."""
    if identity.each != "row":
        return subjects
    table = report.format.table(identity.table)
    out: list[tuple[str, str]] = []
    for key, label in subjects:
        group = _group_of(identity.table, key, report)
        if group is None:
            out.append((key, label))
        elif all(group != k for k, _ in out):
            out.append((group, table.collapsible_rows[group][0].label))
    return out


def _block_has(block: Block, identity: Identity) -> bool:
    keys = {k for k, _ in block.leaf_columns}
    return all(t.key in keys for t in identity.lhs + identity.rhs)


def _cell_path(report: Report, table: str, row: str, col: str) -> DataPath:
    columns = report.format.table(table).column_keys(row)
    path: DataPath = (table, *row.split("."))
    return path + ((columns.index(col),) if len(columns) > 1 else ())
