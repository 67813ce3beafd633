"""Check each report: the format's identities (勾稽关系) plus the rules around them.

Identities come from the format definition; STATED and IMPLIED ones are errors, heuristics and
cross-year checks are warnings. A finding the report's YAML acknowledges (for instance because
the published report says so) no longer fails the build but is still shown on the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Literal

from .cells import Cell
from .formats import Block, Identity, Term, format_for_year
from .loader import Dataset
from .model import GOVERNMENT_LEVELS, Body, Report
from .problems import Locator, Problem
from .yamlsource import DataPath, read_yaml

Status = Literal["holds", "fails", "incomplete", "not_stated", "not_applicable", "no_previous"]


@dataclass(frozen=True)
class Outcome:
    """One instance of an identity: one column (each: column) or one row (each: row)."""

    identity: Identity
    subject: str
    subject_label: str
    status: Status
    problem: Problem | None = None


@dataclass(frozen=True)
class ReportCheck:
    report: Report
    outcomes: tuple[Outcome, ...]
    problems: tuple[Problem, ...]  # every finding for this report, acknowledgements applied


# The loader hands back the same objects for files that did not change (mkdocs serve rebuilds),
# so a check of the same report, body and previous report is the same check. The objects are
# kept with the result, so their ids cannot be reused while the entry lives.
_CHECKED: dict[tuple[int, int, int], tuple[object, ReportCheck]] = {}


def check_dataset(data: Dataset) -> dict[tuple[str, int], ReportCheck]:
    """Check every report; add the findings to data.findings. Returns the per-report results."""
    results = {}
    checked = {}  # only this data set's entries are kept for the next run
    for key, report in sorted(data.reports.items()):
        previous = data.report(report.body, report.year - 1)
        body = data.bodies.get(report.body)
        memo = (id(report), id(body), id(previous))
        hit = _CHECKED.get(memo) or ((report, body, previous), check_report(report, body, previous))
        checked[memo] = hit
        result = hit[1]
        data.findings.extend(result.problems)
        results[key] = result
    _CHECKED.clear()
    _CHECKED.update(checked)
    return results


def check_report(report: Report, body: Body | None, previous: Report | None) -> ReportCheck:
    path = report.path
    where = Locator(report.file, load=(lambda: read_yaml(path)) if path is not None else None)
    outcomes = [o for identity in report.format.identities for o in evaluate(identity, report, previous, where)]
    problems = [o.problem for o in outcomes if o.problem is not None]
    problems += list(_rule_checks(report, body, where))
    problems = _acknowledge(problems, report, where)
    acknowledged = {(p.rule, p.cells): p for p in problems if p.acknowledged}
    outcomes = [
        replace(o, problem=acknowledged.get((o.problem.rule, o.problem.cells), o.problem)) if o.problem else o
        for o in outcomes
    ]
    return ReportCheck(report, tuple(outcomes), tuple(problems))


# --- identities ------------------------------------------------------------------------------------


def evaluate(identity: Identity, report: Report, previous: Report | None, where: Locator) -> Iterator[Outcome]:
    terms = _expand(identity, report)
    for subject, label in _subjects(identity, report):
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
    rule = f"{identity.rule}；{'列' if identity.each == 'column' else '行'}：{label}"
    lhs_text, rhs_text = _side_text(lhs, identity, report), _side_text(rhs, identity, report)
    if incomplete:
        blanks = [_label(t, identity, report) for t, c in [*lhs, *rhs] if c is not None and c.state == "blank"]
        return where.problem(
            identity.severity, identity.id, path, rule, shown_path=shown,
            expected=f"{lhs_text.names} {_OPS[identity.op]} {rhs_text.names}, every cell stated",
            found="not stated: " + "、".join(blanks),
            hint="a blank cell means the report did not state it; write the number the report gives",
            cells=cells_key,
        )
    left, right = _sum(lhs), _sum(rhs)
    expected = f"{lhs_text.names} {_OPS[identity.op]} {rhs_text.names}"
    if rhs:
        expected += f" = {rhs_text.values}" + (f" = {_num(right)}" if len(rhs) > 1 else "")
    found = f"{lhs_text.names} = {lhs_text.values}" + (f" = {_num(left)}" if len(lhs) > 1 else "")
    return where.problem(
        identity.severity, identity.id, path, rule, shown_path=shown, expected=expected, found=found,
        hint=f"the sides differ by {_num(left - right, signed=True)}; check these cells against the published"
             " report, and acknowledge the finding if the report printed them so",
        cells=cells_key,
    )


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
            values += f"（其余 {len(side) - len(shown)} 项为 0 或未填）"
        return _Side(f"{first} 至 {last} 共 {len(side)} 项", values)
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
    else:
        names = {key: node.label for block in table.blocks for key, node in block.leaf_columns}
    return ("上年" if term.previous_year else "") + names.get(term.key, term.key)


def _short(label: str) -> str:
    numbered = re.match(r"([一二三四五六七八九十]+)、", label)
    if numbered:
        return numbered[1]
    return re.sub(r"（[^（）]*）$", "", label) or label


def _num(value: Decimal, signed: bool = False) -> str:
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


def _subjects(identity: Identity, report: Report) -> list[tuple[str, str]]:
    table = report.format.table(identity.table)
    if identity.each == "column":
        block = table.blocks[0]
        return [(key, node.label) for key, node in block.leaf_columns]
    rows = []
    for key, node, block in table.leaf_rows:
        if identity.rows and key not in identity.rows:
            continue
        if not identity.rows and not _block_has(block, identity):
            continue
        rows.append((key, node.label))
    return rows


def _block_has(block: Block, identity: Identity) -> bool:
    keys = {k for k, _ in block.leaf_columns}
    return all(t.key in keys for t in identity.lhs + identity.rhs)


def _cell_path(report: Report, table: str, row: str, col: str) -> DataPath:
    columns = report.format.table(table).column_keys(row)
    path: DataPath = (table, *row.split("."))
    return path + ((columns.index(col),) if len(columns) > 1 else ())


# --- rules around the tables ----------------------------------------------------------------------


def _rule_checks(report: Report, body: Body | None, where: Locator) -> Iterator[Problem]:
    yield from _format_year(report, where)
    yield from _parts(report, where)
    yield from _narrative(report, where)
    yield from _fees(report, where)
    if body is not None:  # a faulty body.yml is reported by the loader
        yield from _deadline(report, body, where)
        yield from _government_duties(report, body, where)


def _format_year(report: Report, where: Locator) -> Iterator[Problem]:
    expected = format_for_year(report.year)
    if expected is None or expected.id == report.format.id:
        return
    yield where.problem(
        "error", "F.1", ("format",), "报告应使用其年度适用的统一格式",
        expected=f"{expected.id}（{expected.notice}，{expected.name}）for report year {report.year}",
        found=f"{report.format.id}（{report.format.notice}）",
        hint="if the published report used the older tables, keep them and acknowledge this finding",
        cells="format",
    )


def statutory_deadline(year: int, body: Body) -> date:
    """条例 art. 49: departments publish by 31 January, a government's own report by 31 March."""
    return date(year + 1, 3, 31) if body.level in GOVERNMENT_LEVELS else date(year + 1, 1, 31)


def _deadline(report: Report, body: Body, where: Locator) -> Iterator[Problem]:
    published = report.meta.published
    deadline = statutory_deadline(report.year, body)
    if published > deadline:
        yield where.problem(
            "warning", "D.1", ("published",), "《条例》第四十九条：年度报告应于规定期限前公布",
            expected=f"published by {deadline.isoformat()} ({body.level})", found=published.isoformat(),
            hint="check the publication date against the published report", cells="published",
        )
    if published <= date(report.year, 12, 31):
        yield where.problem(
            "error", "D.2", ("published",), "统计时限为本年度1月1日至12月31日，报告应在年度结束后发布",
            expected=f"a date after {report.year}-12-31", found=published.isoformat(),
            hint="is the file name the report year, not the publication year?", cells="published",
        )


def _parts(report: Report, where: Locator) -> Iterator[Problem]:
    for part in report.format.parts:
        given = report.meta.part(part.key)
        if given is None:
            yield where.problem(
                "error", "P.1", ("parts",), f"年度报告应包括第{part.key}部分：{part.heading}",
                shown_path=f"parts.{part.key}", expected=f"parts.{part.key} ({part.heading})", found="nothing",
                hint="if the published report has no such part, acknowledge this finding", cells=f"parts.{part.key}",
            )
        elif not any(phrase in given.heading for phrase in part.phrases):
            yield where.problem(
                "warning", "P.3", ("parts", part.key, "heading"), f"第{part.key}部分应为：{part.heading}",
                expected="a heading with " + " / ".join(part.phrases), found=given.heading,
                hint="is the part under the right number?", cells=f"parts.{part.key}.heading",
            )


def _texts(report: Report) -> Iterator[tuple[DataPath, str]]:
    if report.meta.preamble:
        yield ("preamble",), report.meta.preamble
    for key, part in report.meta.parts.items():
        if part.text:
            yield ("parts", key, "text"), part.text
        for i, section in enumerate(part.sections):
            if section.text:
                yield ("parts", key, "sections", i, "text"), section.text


# Narrative figures matched to cells (format-spec C.3, a heuristic). Each: pattern, what, cells.
_NARRATIVE = (
    (re.compile(r"(?:共|累计|全年)?(?:收到|新收|受理)[^。；，,]{0,10}?申请(?:共|总计|合计)?\s*(\d+)\s*[件个]"),
     "收到申请", (("applications", "new", "total"),), (("applications", "carried_over", "total"),)),
    (re.compile(r"予以公开\s*(\d+)\s*件"), "予以公开", (("applications", "results.disclosed", "total"),), ()),
    (re.compile(r"行政复议(?:申请)?\s*(\d+)\s*[件起]"), "行政复议", (("reviews_litigation", "review", "total"),), ()),
    (re.compile(r"行政诉讼\s*(\d+)\s*[件起]"), "行政诉讼",
     (("reviews_litigation", "litigation.direct", "total"), ("reviews_litigation", "litigation.after_review", "total")),
     ()),
)


def _narrative(report: Report, where: Locator) -> Iterator[Problem]:
    for path, text in _texts(report):
        for pattern, what, cells, optional in _NARRATIVE:
            for match in pattern.finditer(text):
                stated = Decimal(match[1])
                base = [report.cell(*c) for c in cells]
                extra = [report.cell(*c) for c in optional]
                if not all(c is not None and c.is_number for c in base):
                    continue
                total = sum((c.value for c in base if c is not None and c.value is not None), Decimal(0))
                accepted = {total}
                if extra and all(c is not None and c.is_number for c in extra):
                    accepted.add(total + sum((c.value for c in extra if c and c.value is not None), Decimal(0)))
                if stated in accepted:
                    continue
                yield where.problem(
                    "warning", "C.3", path, f"正文中的数字应与表格一致（{what}）",
                    expected=" or ".join(_num(v) for v in sorted(accepted)) + f" (from the table: {what})",
                    found=f"“{match[0]}”",
                    hint="the text and the table disagree; check both against the published report",
                    cells=".".join(str(k) for k in path),
                )


def _fees(report: Report, where: Locator) -> Iterator[Problem]:
    for defined in report.format.parts:
        given = report.meta.part(defined.key)
        if given is not None and given.fees is not None and not defined.fees:
            yield where.problem(
                "error", "data.fees", ("parts", defined.key, "fees"), "信息处理费只在其他需要报告的事项中报告",
                expected="fees under the part the format reports them in"
                + "".join(f" (parts.{p.key})" for p in report.format.parts if p.fees),
                found=f"fees under parts.{defined.key} ({report.format.notice})",
            )
    unpaid = report.cell("applications", "results.other_handling.unpaid_fees", "total")
    part = report.meta.part("六")
    fees = part.fees if part else None
    if unpaid is not None and unpaid.is_number and unpaid.value and unpaid.value > 0:
        notices = fees.notices_count if fees else None
        if notices is None or notices < unpaid.value:
            yield where.problem(
                "error", "C.1", ("parts", "六"), "因逾期未按收费通知缴费而不再处理的申请，须已发出收费通知",
                expected=f"part 六 fees.notices_count ≥ {unpaid.text}", found=str(notices) if notices is not None
                else "no fee notices reported", hint="report the fee notices in part 六 (信息处理费)",
                cells="parts.六.fees",
            )
    if fees and fees.collected_amount_yuan:
        if fees.notices_amount_yuan is not None and fees.collected_amount_yuan > fees.notices_amount_yuan:
            yield where.problem(
                "error", "C.2", ("parts", "六", "fees"), "实际收取的信息处理费不超过收费通知的总金额",
                expected=f"collected ≤ {fees.notices_amount_yuan}", found=str(fees.collected_amount_yuan),
                cells="parts.六.fees",
            )
        if not fees.notices_count:
            yield where.problem(
                "error", "C.2", ("parts", "六", "fees"), "收取了信息处理费，就须发出过收费通知",
                expected="notices_count ≥ 1", found=str(fees.notices_count), cells="parts.六.fees",
            )


def _government_duties(report: Report, body: Body, where: Locator) -> Iterator[Problem]:
    """条例 art. 50(4): a people's government reports 工作考核、社会评议和责任追究结果情况."""
    if not body.name.endswith("人民政府"):
        return
    text = "".join(t for _, t in _texts(report))
    missing = [w for w in ("考核", "评议", "责任追究") if w not in text]
    if missing:
        yield where.problem(
            "warning", "C.4", ("parts", "一"),
            "《条例》第五十条：人民政府的年度报告应包括工作考核、社会评议和责任追究结果情况",
            expected="the report mentions 工作考核、社会评议、责任追究", found="not mentioned: " + "、".join(missing),
            cells="parts.一",
        )


# --- acknowledgements -----------------------------------------------------------------------------


def _acknowledge(problems: list[Problem], report: Report, where: Locator) -> list[Problem]:
    reasons = {(a.rule, a.cells): a.reason for a in report.meta.acknowledged}
    used = set()
    out = []
    for problem in problems:
        key = (problem.rule, problem.cells)
        if problem.cells and key in reasons:
            used.add(key)
            out.append(problem.acknowledge(reasons[key]))
        else:
            out.append(problem)
    for i, ack in enumerate(report.meta.acknowledged):
        if (ack.rule, ack.cells) not in used:
            out.append(where.problem(
                "warning", "A.1", ("acknowledged", i), "an acknowledgement that matches no finding",
                expected="a finding with this rule and these cells", found=f"{{rule: {ack.rule}, cells: {ack.cells}}}",
                hint="the data no longer has this finding: remove the acknowledgement",
            ))
    return out
