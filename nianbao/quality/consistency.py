"""Whether a report's figures agree with themselves, with last year's report and with its text:
plain functions of the loaded data set and its check results, one ``Figure`` per report.

- ``identity_errors``: the violations of the tables' own arithmetic (the within-year identities
  the format states or implies, checked by ``nianbao.checks``), counted by rule. Acknowledged
  violations count and flag too: an acknowledgement says the published report prints them so,
  and the published report is what a supervisor judges. The detail says how many were
  acknowledged and how many could not be checked for blank cells (those are not counted).
  Heuristic and cross-year identities are left out: a heuristic may fail legitimately, and the
  cross-year link is ``carry_over_mismatch``'s.
- ``carry_over_mismatch``: this year's 上年结转 against the previous year's 结转下年度, the
  cross-year identity both formats declare between the cells of the figures ``carried_over`` and
  ``carried_forward``. The value is the difference of the totals (None when there is no report of
  the year before, or a total is not a complete figure); flagged when any column differs.
- ``narrative_mismatch``: the figures the text quotes that differ from the tables (the check
  behind rule C.3 of the catalogue), counted; flagged when there is one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from decimal import Decimal

from ..catalogue import quality_checks as words
from ..catalogue import rules as R
from ..catalogue.core import Text
from ..checks import ReportCheck, check_report
from ..copies.indicators import Figure
from ..figures import Amount, add, concept_value, shipped_figures
from ..formats import Format, Identity, Term
from ..loader import Dataset
from ..model import Report

IDENTITY_ERRORS = "identity_errors"
CARRY_OVER_MISMATCH = "carry_over_mismatch"
NARRATIVE_MISMATCH = "narrative_mismatch"
INDICATORS = (IDENTITY_ERRORS, CARRY_OVER_MISMATCH, NARRATIVE_MISMATCH)

# The figures (figures.yml) whose cells the carry-over identity links across two years.
CARRIED_OVER = "carried_over"
CARRIED_FORWARD = "carried_forward"

Key = tuple[str, int]
Checks = Mapping[Key, ReportCheck]


def report_checks(data: Dataset, checks: Checks | None = None) -> Checks:
    """The check results of every report: the ones given (``check_site``'s), else made here
    without adding to ``data.findings``."""
    if checks is not None:
        return checks
    return {key: check_report(report, data.bodies.get(report.body), data.report(report.body, report.year - 1))
            for key, report in data.reports.items()}


def number(value: Decimal) -> int | float:
    """A figure as the quality table gives it: an int when it is whole."""
    return int(value) if value == value.to_integral_value() else float(value)


def shown(amount: Amount | None) -> str:
    """A figure as a detail reads it: blank, 不适用 and a partial sum are said, never shown as 0."""
    if amount is None or amount.state == "blank":
        return words.BLANK()
    if amount.state == "na":
        return words.NOT_APPLICABLE()
    assert amount.value is not None
    if amount.state == "partial":
        return words.PARTIAL(value=number(amount.value), blanks=amount.blanks)
    return str(number(amount.value))


def joined(items: list[str], text: Text = words.LIST) -> str:
    out = items[0]
    for item in items[1:]:
        out = text(first=out, second=item)
    return out


def _counted(identity: Identity) -> bool:
    # The tables' own arithmetic: a heuristic may fail legitimately, a cross-year one is another's.
    return not identity.cross_year and identity.severity == "error"


def identity_errors(data: Dataset, checks: Checks | None = None) -> list[Figure]:
    """Each report's violations of the tables' own arithmetic, by rule (see the module's docstring)."""
    checks = report_checks(data, checks)
    out: list[Figure] = []
    for key in sorted(data.reports):
        report, check = data.reports[key], checks[key]
        failed = [o for o in check.outcomes if _counted(o.identity) and o.status == "fails"]
        incomplete = sum(1 for o in check.outcomes if _counted(o.identity) and o.status == "incomplete")
        acknowledged = sum(1 for o in failed if o.problem is not None and o.problem.acknowledged)
        if failed:
            by_rule = Counter(o.identity.id for o in failed)
            order = [i.id for i in report.format.identities if i.id in by_rule]
            detail = words.IDENTITY_ERRORS(count=len(failed), rules=joined(
                [words.IDENTITY_RULE(rule=rule, count=by_rule[rule]) for rule in order]))
            if acknowledged:
                detail = words.ITEMS(first=detail, second=words.IDENTITY_ACKNOWLEDGED(acknowledged=acknowledged))
        else:
            detail = words.IDENTITY_NONE()
        if incomplete:
            detail = words.ITEMS(first=detail, second=words.IDENTITY_INCOMPLETE(count=incomplete))
        out.append(Figure(IDENTITY_ERRORS, report.body, report.year, len(failed), bool(failed), detail))
    return out


def carry_over_identity(fmt: Format) -> Identity | None:
    """The identity of ``fmt`` that sets this year's ``carried_over`` cells equal to last year's
    ``carried_forward`` ones, column by column; None when the format declares none."""
    defs = {f.id: f for f in shipped_figures().figures}
    this, last = defs[CARRIED_OVER].cells[0], defs[CARRIED_FORWARD].cells[0]
    for identity in fmt.identities:
        if (identity.table == this.table == last.table and identity.each == "column"
                and identity.lhs == (Term(this.row),) and identity.rhs == (Term(last.row, previous_year=True),)):
            return identity
    return None


def _carried(report: Report, figure: str) -> Amount | None:
    cells = next(f.cells for f in shipped_figures().figures if f.id == figure)
    parts = [concept_value(report, ref) for ref in cells]
    return add(p for p in parts if p is not None) if all(p is not None for p in parts) else None


def carry_over_mismatch(data: Dataset, checks: Checks | None = None) -> list[Figure]:
    """This year's 上年结转 against last year's 结转下年度 (see the module's docstring)."""
    checks = report_checks(data, checks)
    labels = {f.id: f.label for f in shipped_figures().figures}
    this_label, last_label = labels[CARRIED_OVER], labels[CARRIED_FORWARD]
    out: list[Figure] = []
    for key in sorted(data.reports):
        report = data.reports[key]
        before_report = data.report(report.body, report.year - 1)
        if before_report is None:
            out.append(Figure(CARRY_OVER_MISMATCH, report.body, report.year, None, False,
                              words.CARRY_NO_PREVIOUS(previous=report.year - 1)))
            continue
        other = (report.body, before_report.year)
        identity = carry_over_identity(report.format)
        if identity is None:
            out.append(Figure(CARRY_OVER_MISMATCH, report.body, report.year, None, False,
                              words.CARRY_NO_IDENTITY(format=report.format.name, this=this_label, last=last_label),
                              other))
            continue
        now, before = _carried(report, CARRIED_OVER), _carried(before_report, CARRIED_FORWARD)
        values = words.CARRY_VALUES(this=this_label, now=shown(now), previous=before_report.year, last=last_label,
                                    before=shown(before))
        outcomes = [o for o in checks[key].outcomes if o.identity is identity]
        failed = [o for o in outcomes if o.status == "fails"]
        value: int | float | None = None
        if now is not None and before is not None and now.known and before.known:
            assert now.value is not None and before.value is not None
            difference = now.value - before.value
            value = number(difference)
            detail = (words.CARRY_SAME(values=values) if not difference else
                      words.CARRY_DIFFERS(values=values, difference=f"{value:+}"))
        else:
            detail = words.CARRY_NOT_COMPARED(values=values)
        if failed:
            detail = words.ITEMS(first=detail, second=words.CARRY_COLUMNS(
                count=len(failed), columns=joined([o.subject_label for o in failed])))
            acknowledged = sum(1 for o in failed if o.problem is not None and o.problem.acknowledged)
            if acknowledged:
                detail = words.ITEMS(first=detail, second=words.IDENTITY_ACKNOWLEDGED(acknowledged=acknowledged))
        out.append(Figure(CARRY_OVER_MISMATCH, report.body, report.year, value, bool(failed), detail, other))
    return out


def narrative_mismatch(data: Dataset, checks: Checks | None = None) -> list[Figure]:
    """The figures each report's text quotes that differ from its tables (see the module's docstring)."""
    checks = report_checks(data, checks)
    out: list[Figure] = []
    for key in sorted(data.reports):
        report = data.reports[key]
        found = [p for p in checks[key].problems if p.rule == R.NARRATIVE.id]
        if not found:
            out.append(Figure(NARRATIVE_MISMATCH, report.body, report.year, 0, False, words.NARRATIVE_NONE()))
            continue
        items = joined([words.NARRATIVE_ITEM(found=p.found, expected=p.expected) for p in found], words.ITEMS)
        detail = words.NARRATIVE(count=len(found), items=items)
        acknowledged = sum(1 for p in found if p.acknowledged)
        if acknowledged:
            detail = words.ITEMS(first=detail, second=words.IDENTITY_ACKNOWLEDGED(acknowledged=acknowledged))
        out.append(Figure(NARRATIVE_MISMATCH, report.body, report.year, len(found), True, detail))
    return out


def consistency_figures(data: Dataset, checks: Checks | None = None) -> list[Figure]:
    """Every consistency indicator's figures: ``identity_errors``, ``carry_over_mismatch``,
    ``narrative_mismatch`` (the checks made once when not given)."""
    checks = report_checks(data, checks)
    return [*identity_errors(data, checks), *carry_over_mismatch(data, checks), *narrative_mismatch(data, checks)]
