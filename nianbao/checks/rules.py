"""The rules around the tables: format and year, deadline, parts, narrative figures, fees, and what
a people's government must report."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from ..formats import format_for_year
from ..model import GOVERNMENT_LEVELS, Body, Report
from ..problems import Locator, Problem
from ..yamlsource import DataPath
from .identities import format_number


def rule_checks(report: Report, body: Body | None, where: Locator) -> Iterator[Problem]:
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
                    expected=" or ".join(format_number(v) for v in sorted(accepted)) + f" (from the table: {what})",
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
