"""The seam to the validator: findings in an imported report, and acknowledging them as 与原文一致.

The importer writes what the source published, right or wrong; what the validator then finds
within the report is in the source, so it is written as an acknowledged finding with the reason
``与原文一致`` (a missing part says which: ``与原文一致：原文没有“六、其他需要报告的事项”。``) and
listed in the summary. Not acknowledged: cross-year findings (the catalogue's ``cross_year``: every
identity that reads last year's report), which depend on other files (last year's report, or one
imported later), and stale acknowledgements. ``validate_imported`` runs the core loader
and checks on the written text in a scratch folder, exactly as ``data/`` would be checked.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..catalogue import importer as msg
from ..catalogue import lookup, messages, rules
from ..checks import check_report
from ..datafiles import report_file_name
from ..formats import get_format
from ..loader import load_data
from ..numerals import NUMERAL, PART_KEYS, numeral_value
from ..problems import Problem


@dataclass(frozen=True)
class Validated:
    findings: list[Problem]  # acknowledgeable findings about the content (rule + cells)
    faults: list[Problem]  # problems of the data itself (shape, types): the importer's to fix


def validate_imported(report_yaml: str, body_yaml: str, year: int, previous_yaml: str | None = None,
                      slug: str = "imported") -> Validated:
    """Load and check one written report the way ``data/`` is checked; split what comes back."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / slug
        folder.mkdir()
        (folder / "body.yml").write_text(body_yaml, encoding="utf-8")
        (folder / report_file_name(year)).write_text(report_yaml, encoding="utf-8")
        if previous_yaml is not None:
            (folder / report_file_name(year - 1)).write_text(previous_yaml, encoding="utf-8")
        data = load_data(Path(tmp), root=Path(tmp))
        faults = list(data.findings.problems)
        report = data.report(slug, year)
        findings: list[Problem] = []
        if report is not None:
            result = check_report(report, data.bodies.get(slug), data.report(slug, year - 1))
            for problem in result.problems:
                if problem.acknowledged or problem.rule == rules.STALE_ACKNOWLEDGEMENT.id:
                    continue
                (findings if problem.cells else faults).append(problem)
    # Only faults in the imported report itself matter here (not in last year's file).
    faults = [p for p in faults if p.file.endswith((f"{year}.yml", "body.yml"))]
    return Validated(findings, faults)


REASON = messages.ACK_REASON
_PART_COUNT = re.compile(rf"({NUMERAL})\s*(?:个|大)?\s*部分")


def acknowledgeable(problem: Problem) -> bool:
    """A finding the source itself contains: naming cells, not a stale acknowledgement, and not
    cross-year (such a finding is about another file, not what this source published)."""
    rule = lookup(problem.rule)
    return (bool(problem.cells) and problem.rule != rules.STALE_ACKNOWLEDGEMENT.id
            and not (rule is not None and rule.cross_year))


def acknowledgement(problem: Problem, report: dict[str, Any]) -> dict[str, str]:
    """The ``acknowledged:`` entry for a finding the source itself contains."""
    reason = REASON
    if problem.rule == rules.PART_MISSING.id:
        key = problem.cells.removeprefix("parts.")
        heading = _part_heading(report, key)  # the format's, not the message's: data are the same in any language
        stated = _PART_COUNT.search(str(report.get("preamble") or ""))
        if stated and (numeral_value(stated[1]) or 0) < len(PART_KEYS):
            reason = msg.ACK_PART_FEWER.format(reason=REASON, count=stated[1], key=key, heading=heading)
        else:
            reason = msg.ACK_PART_NONE.format(reason=REASON, key=key, heading=heading)
    return {"rule": problem.rule, "cells": problem.cells, "reason": reason}


def _part_heading(report: dict[str, Any], key: str) -> str:
    try:
        fmt = get_format(str(report.get("format")))
    except KeyError:
        return ""
    return next((p.heading for p in fmt.parts if p.key == key), "")
