"""The 数据核对 panel: a view model of a report's check results."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..checks import Outcome, ReportCheck
from ..problems import Problem
from . import environment

_SKIPPED = {"not_stated": "未填写，无法核对", "not_applicable": "不适用", "no_previous": "无上年数据，未核对"}


@dataclass
class Detail:
    where: str
    expected: str
    found: str
    acknowledged: str
    css: str


@dataclass
class Item:
    id: str
    rule: str
    status: str
    css: str
    details: list[Detail] = field(default_factory=list)


@dataclass
class ChecksView:
    summary: str
    items: list[Item]


def _detail(where: str, problem: Problem) -> Detail:
    css = "ack" if problem.acknowledged else ("fail" if problem.severity == "error" else "warn")
    return Detail(where, problem.expected, problem.found, problem.acknowledged, css)


def _identity_item(outcomes: list[Outcome]) -> Item:
    identity = outcomes[0].identity
    item = Item(identity.id, identity.rule, "", "ok")
    flagged = [o for o in outcomes if o.problem is not None]
    for o in flagged:
        assert o.problem is not None
        axis = "列" if identity.each == "column" else "行"
        item.details.append(_detail(f"{axis}：{o.subject_label}", o.problem))
    checked = [o for o in outcomes if o.status in ("holds", "fails", "incomplete")]
    if any(d.css in ("fail", "warn") for d in item.details):
        warn_only = all(d.css != "fail" for d in item.details)
        item.status, item.css = ("需核实", "warn") if warn_only else ("不成立", "fail")
    elif item.details:
        item.status, item.css = "与原文一致（已确认）", "ack"
    elif checked:
        item.status = f"成立（{len(checked)} 处）"
    else:
        reasons = {_SKIPPED[o.status] for o in outcomes if o.status in _SKIPPED}
        item.status, item.css = ("、".join(sorted(reasons)) or "不适用"), "skip"
    return item


def checks_view(result: ReportCheck) -> ChecksView:
    items: list[Item] = []
    by_identity: dict[str, list[Outcome]] = {}
    for outcome in result.outcomes:
        by_identity.setdefault(outcome.identity.id, []).append(outcome)
    for outcomes in by_identity.values():
        items.append(_identity_item(outcomes))
    identity_ids = set(by_identity)
    for problem in result.problems:
        if problem.rule in identity_ids:
            continue
        css = _detail("", problem).css
        status = {"ack": "与原文一致（已确认）", "fail": "不符合", "warn": "需核实"}[css]
        # The maintainer-facing expected/found text stays in the terminal; the page shows the
        # rule and, when acknowledged, the reason.
        detail = Detail(problem.path, "", "", problem.acknowledged, css)
        items.append(Item(problem.rule, problem.message, status, css, [detail] if problem.acknowledged else []))
    held = sum(1 for i in items if i.css == "ok")
    failed = sum(1 for i in items if i.css in ("fail", "warn"))
    acked = sum(1 for i in items if i.css == "ack")
    skipped = sum(1 for i in items if i.css == "skip")
    summary = (f"共 {len(items)} 项核对：{held} 项成立，{failed} 项待核实，"
               f"{acked} 项与原文一致（已确认），{skipped} 项未核对。")
    return ChecksView(summary, items)


def render_checks(result: ReportCheck) -> str:
    return environment().get_template("checks.html.j2").render(view=checks_view(result))
