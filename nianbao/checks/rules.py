"""The rules around the tables: format and year, deadline, parts, narrative figures, fees, and what
a people's government must report."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from ..catalogue import messages
from ..catalogue import rules as R
from ..formats import format_for_year
from ..model import GOVERNMENT_LEVELS, Body, Report
from ..problems import Locator, Problem
from ..yamlsource import DataPath
from .identities import format_number


def rule_checks(report: Report, body: Body | None, where: Locator) -> Iterator[Problem]:
    yield from _format_year(report, where)
    yield from _published_stated(report, where)
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
    yield where.problem(R.FORMAT_YEAR, ("format",), cells="format", year=report.year, expected=expected.name,
                        notice=expected.notice, found=report.format.name, found_notice=report.format.notice)


def statutory_deadline(year: int, body: Body) -> date:
    """条例 art. 49: departments publish by 31 January, a government's own report by 31 March."""
    return date(year + 1, 3, 31) if body.level in GOVERNMENT_LEVELS else date(year + 1, 1, 31)


def _published_stated(report: Report, where: Locator) -> Iterator[Problem]:
    if report.meta.published is None:
        # The example falls where a report of that year is published: early in the next year.
        # No cells: nothing to acknowledge, the date is filled in once the report is published.
        yield where.problem(R.PUBLISHED_MISSING, ("published",), example=f"{report.year + 1}-01-20")


def _deadline(report: Report, body: Body, where: Locator) -> Iterator[Problem]:
    published = report.meta.published
    if published is None:  # said by _published_stated
        return
    deadline = statutory_deadline(report.year, body)
    if published > deadline:
        yield where.problem(R.DEADLINE, ("published",), cells="published", deadline=deadline.isoformat(),
                            level=body.level, found=published.isoformat())
    if published <= date(report.year, 12, 31):
        yield where.problem(R.PUBLISHED_IN_YEAR, ("published",), cells="published", year=report.year,
                            found=published.isoformat())


def _parts(report: Report, where: Locator) -> Iterator[Problem]:
    for part in report.format.parts:
        given = report.meta.part(part.key)
        if given is None:
            yield where.problem(R.PART_MISSING, ("parts",), shown_path=f"parts.{part.key}", cells=f"parts.{part.key}",
                                part=part.key, heading=part.heading)
        elif not any(phrase in given.heading for phrase in part.phrases):
            yield where.problem(R.PART_HEADING, ("parts", part.key, "heading"), cells=f"parts.{part.key}.heading",
                                part=part.key, heading=part.heading, phrases=" / ".join(part.phrases),
                                found=given.heading)


def _texts(report: Report) -> Iterator[tuple[DataPath, str]]:
    if report.meta.preamble:
        yield ("preamble",), report.meta.preamble
    for key, part in report.meta.parts.items():
        if part.text:
            yield ("parts", key, "text"), part.text
        for i, section in enumerate(part.sections):
            if section.text:
                yield ("parts", key, "sections", i, "text"), section.text


def _narrative(report: Report, where: Locator) -> Iterator[Problem]:
    """Figures the text quotes against the cells the format says they come from (C.3)."""
    for path, text in _texts(report):
        for figure in report.format.narrative:
            for match in figure.pattern.finditer(text):
                stated = Decimal(match[1])
                base = [report.cell(*c) for c in figure.cells]
                extra = [report.cell(*c) for c in figure.extra]
                if not all(c is not None and c.is_number for c in base):
                    continue
                total = sum((c.value for c in base if c is not None and c.value is not None), Decimal(0))
                accepted = {total}
                if extra and all(c is not None and c.is_number for c in extra):
                    accepted.add(total + sum((c.value for c in extra if c and c.value is not None), Decimal(0)))
                if stated in accepted:
                    continue
                yield where.problem(R.NARRATIVE, path, cells=".".join(str(k) for k in path), what=figure.name,
                                    accepted=messages.OR().join(format_number(v) for v in sorted(accepted)),
                                    quote=match[0])


def _fees(report: Report, where: Locator) -> Iterator[Problem]:
    for defined in report.format.parts:
        given = report.meta.part(defined.key)
        if given is not None and given.fees is not None and not defined.fees:
            home = report.format.fees_part
            yield where.problem(
                R.FEES_PLACE, ("parts", defined.key, "fees"), variant="" if home else "no_part",
                heading=home.heading if home else "", part=home.key if home else "", found=defined.key,
                notice=report.format.notice,
            )
    home = report.format.fees_part
    cell = report.format.unpaid_fees_cell
    unpaid = report.cell(*cell) if cell is not None else None
    part = report.meta.part(home.key) if home is not None else None
    fees = part.fees if part else None
    if unpaid is not None and unpaid.is_number and unpaid.value and unpaid.value > 0:
        notices = fees.notices_count if fees else None
        if notices is None or notices < unpaid.value:
            assert home is not None  # a format with the unpaid-fees cell has a fees part (checked at load)
            yield where.problem(R.UNPAID_NEEDS_NOTICE, ("parts", home.key), cells=f"parts.{home.key}.fees",
                                part=home.key, unpaid=unpaid.text,
                                found=str(notices) if notices is not None else messages.NOTHING())
    if fees and home and fees.collected_amount_yuan:
        if fees.notices_amount_yuan is not None and fees.collected_amount_yuan > fees.notices_amount_yuan:
            yield where.problem(R.FEES_OVER_NOTICES, ("parts", home.key, "fees"), cells=f"parts.{home.key}.fees",
                                notices=fees.notices_amount_yuan, found=fees.collected_amount_yuan)
        if not fees.notices_count:
            yield where.problem(R.FEES_WITHOUT_NOTICE, ("parts", home.key, "fees"), cells=f"parts.{home.key}.fees",
                                found=fees.notices_count if fees.notices_count is not None else messages.NOTHING())


def _government_duties(report: Report, body: Body, where: Locator) -> Iterator[Problem]:
    """条例 art. 50(4): a people's government reports 工作考核、社会评议和责任追究结果情况."""
    if not body.name.endswith("人民政府"):
        return
    text = "".join(t for _, t in _texts(report))
    missing = [w for w in ("考核", "评议", "责任追究") if w not in text]
    if missing:
        yield where.problem(R.GOVERNMENT_DUTIES, ("parts", "一"), cells="parts.一", missing="、".join(missing))
