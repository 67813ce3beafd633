"""Check each report: the format's identities (勾稽关系) plus the rules around them.

Identities come from the format definition; STATED and IMPLIED ones are errors, heuristics and
cross-year checks are warnings. A finding the report's YAML acknowledges (for instance because
the published report says so) no longer fails the build but is still shown on the page.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ..catalogue import rules as R
from ..loader import Dataset
from ..model import Body, Report
from ..problems import Locator, Problem
from ..yamlsource import read_yaml
from .identities import Outcome, evaluate
from .revisions import revision_checks
from .rules import rule_checks, statutory_deadline

__all__ = ["Outcome", "ReportCheck", "check_dataset", "check_report", "evaluate", "statutory_deadline"]


@dataclass(frozen=True)
class ReportCheck:
    report: Report
    outcomes: tuple[Outcome, ...]
    problems: tuple[Problem, ...]  # every finding for this report, acknowledgements applied


# The loader hands back the same objects for files that did not change (mkdocs serve rebuilds),
# so a check of the same report, body and previous report on the same day is the same check. The
# objects are kept with the result, so their ids cannot be reused while the entry lives.
_CHECKED: dict[tuple[int, int, int, date], tuple[object, ReportCheck]] = {}


def check_dataset(data: Dataset, today: date | None = None) -> dict[tuple[str, int], ReportCheck]:
    """Check every report; add the findings to data.findings. Returns the per-report results.

    ``today`` is the day of the build (revisions are not dated after it); tests give one.
    """
    today = today or date.today()
    results = {}
    checked = {}  # only this data set's entries are kept for the next run
    for key, report in sorted(data.reports.items()):
        previous = data.report(report.body, report.year - 1)
        body = data.bodies.get(report.body)
        memo = (id(report), id(body), id(previous), today)
        hit = _CHECKED.get(memo) or ((report, body, previous), check_report(report, body, previous, today))
        checked[memo] = hit
        result = hit[1]
        data.findings.extend(result.problems)
        results[key] = result
    _CHECKED.clear()
    _CHECKED.update(checked)
    return results


def check_report(report: Report, body: Body | None, previous: Report | None,
                 today: date | None = None) -> ReportCheck:
    path = report.path
    where = Locator(report.file, load=(lambda: read_yaml(path)) if path is not None else None)
    outcomes = [o for identity in report.format.identities for o in evaluate(identity, report, previous, where)]
    problems = [o.problem for o in outcomes if o.problem is not None]
    problems += list(rule_checks(report, body, where))
    problems += list(revision_checks(report, where, today or date.today()))
    problems = _acknowledge(problems, report, where)
    acknowledged = {(p.rule, p.cells): p for p in problems if p.acknowledged}
    outcomes = [
        replace(o, problem=acknowledged.get((o.problem.rule, o.problem.cells), o.problem)) if o.problem else o
        for o in outcomes
    ]
    return ReportCheck(report, tuple(outcomes), tuple(problems))


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
            out.append(where.problem(R.STALE_ACKNOWLEDGEMENT, ("acknowledged", i), ack_rule=ack.rule,
                                   ack_cells=ack.cells))
    return out
