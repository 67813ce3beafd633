"""The seam to the validator: findings in an imported report, and acknowledging them as 与原文一致.

The importer writes what the source published, right or wrong; what the validator then finds is
in the source, so it is written as an acknowledged finding (reason 与原文一致) and listed in the
summary. ``validate_imported`` runs the core loader and checks on the written text in a scratch
folder, exactly as ``data/`` would be checked.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..checks import check_report
from ..loader import load_data
from ..problems import Problem

CN_COUNT = "零一二三四五六七八九十"


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
        (folder / f"{year}.yml").write_text(report_yaml, encoding="utf-8")
        if previous_yaml is not None:
            (folder / f"{year - 1}.yml").write_text(previous_yaml, encoding="utf-8")
        data = load_data(Path(tmp), root=Path(tmp))
        faults = list(data.findings.problems)
        report = data.report(slug, year)
        findings: list[Problem] = []
        if report is not None:
            result = check_report(report, data.bodies.get(slug), data.report(slug, year - 1))
            for problem in result.problems:
                if problem.acknowledged or problem.rule == "A.1":
                    continue
                (findings if problem.cells else faults).append(problem)
    # Only faults in the imported report itself matter here (not in last year's file).
    faults = [p for p in faults if p.file.endswith((f"{year}.yml", "body.yml"))]
    return Validated(findings, faults)


def acknowledgement(problem: Problem, report: dict[str, Any]) -> dict[str, str]:
    """The ``acknowledged:`` entry for a finding the source itself contains."""
    if problem.rule == "P.1":
        count = len(report.get("parts", {}))
        key = problem.cells.removeprefix("parts.")
        heading = problem.message.partition("：")[2]
        reason = f"与原文一致：原文只有{_cn(count)}个部分，没有“{key}、{heading}”。"
    elif problem.found:
        reason = f"与原文一致：{problem.message}（原文：{problem.found}）"
    else:
        reason = f"与原文一致：{problem.message}"
    return {"rule": problem.rule, "cells": problem.cells, "reason": reason}


def _cn(n: int) -> str:
    return CN_COUNT[n] if 0 <= n <= 10 else str(n)
