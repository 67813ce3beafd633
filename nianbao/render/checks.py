"""The 数据核对 panel: a view model of a report's check results."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..catalogue import identity_rule, lookup
from ..catalogue import statuses as S
from ..checks import Outcome, ReportCheck
from ..problems import Problem
from . import environment


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
    rule: str  # the rule's short title
    status: str
    css: str
    details: list[Detail] = field(default_factory=list)
    explanation: str = ""  # the catalogue's plain words for citizens: what is checked and why
    statement: str = ""  # an identity's arithmetic, as the format states it


@dataclass
class ChecksView:
    summary: str
    items: list[Item]


def _detail(where: str, problem: Problem) -> Detail:
    css = "ack" if problem.acknowledged else ("fail" if problem.severity == "error" else "warn")
    return Detail(where, problem.expected, problem.found, problem.acknowledged, css)


def _identity_item(outcomes: list[Outcome]) -> Item:
    identity = outcomes[0].identity
    rule = identity_rule(identity)
    item = Item(identity.id, rule.title, "", "ok", explanation=rule.citizen, statement=identity.rule)
    flagged = [o for o in outcomes if o.problem is not None]
    for o in flagged:
        assert o.problem is not None
        axis = "列" if identity.each == "column" else "行"
        item.details.append(_detail(f"{axis}：{o.subject_label}", o.problem))
    checked = [o for o in outcomes if o.status in ("holds", "fails", "incomplete")]
    if any(d.css in ("fail", "warn") for d in item.details):
        warn_only = all(d.css != "fail" for d in item.details)
        status = S.TO_VERIFY if warn_only else S.FAILS
        item.status, item.css = status.label(), status.key
    elif item.details:
        item.status, item.css = S.ACKNOWLEDGED.label(), S.ACKNOWLEDGED.key
    elif checked:
        item.status = S.HOLDS_AT(label=S.HOLDS.label(), count=len(checked))
    else:
        reasons = {S.SKIPPED[o.status].label() for o in outcomes if o.status in S.SKIPPED}
        item.status, item.css = ("、".join(sorted(reasons)) or S.NOT_APPLICABLE.label()), "skip"
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
        status = {"ack": S.ACKNOWLEDGED, "fail": S.FAILS, "warn": S.TO_VERIFY}[css]
        # The maintainer-facing wording stays in the terminal; the page shows the rule's title and
        # plain explanation and, when acknowledged, the reason.
        rule = lookup(problem.rule)
        detail = Detail(problem.path, "", "", problem.acknowledged, css)
        items.append(Item(problem.rule, rule.title if rule else problem.message, status.label(), css,
                          [detail] if problem.acknowledged else [], explanation=rule.citizen if rule else ""))
    held = sum(1 for i in items if i.css == "ok")
    failed = sum(1 for i in items if i.css in ("fail", "warn"))
    acked = sum(1 for i in items if i.css == "ack")
    skipped = sum(1 for i in items if i.css == "skip")
    summary = S.PANEL_SUMMARY(items=len(items), holds=held, holds_label=S.HOLDS.label(), open=failed,
                              open_label=S.TO_VERIFY.label(), acked=acked, acked_label=S.ACKNOWLEDGED.label(),
                              skipped=skipped)
    return ChecksView(summary, items)


def render_checks(result: ReportCheck) -> str:
    return environment().get_template("checks.html.j2").render(view=checks_view(result))
