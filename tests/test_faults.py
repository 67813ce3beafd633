"""Faults injected by bench/generate.py (``--faults``) are found by ``python -m nianbao quality
--format csv`` under their indicator and body, and nothing is flagged on the bodies left clean:
precision and recall 1.0, over every flagged row of every indicator.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generate import (  # noqa: E402
    COPY_OWN_PREVIOUS,
    SECTION5_UNCHANGED,
    Fault,
    generate_with_faults,
    inject,
    make,
)

REPORTS = 560  # 80 bodies of 7 years, 558 reports once two are missing
SEED = 3
Row = tuple[str, int, str]  # body, year, indicator


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Fault]]:
    out = tmp_path_factory.mktemp("faults") / "data"
    _, faults = generate_with_faults(out, REPORTS, SEED)
    return out, faults


def quality(data_dir: Path) -> list[dict[str, str]]:
    """The rows of ``python -m nianbao quality DATA --format csv``, as a supervisor runs it."""
    run = subprocess.run([sys.executable, "-m", "nianbao", "quality", str(data_dir), "--format", "csv"],
                         capture_output=True, text=True, encoding="utf-8", cwd=ROOT, check=False)
    assert run.returncode == 0, run.stderr
    return list(csv.DictReader(io.StringIO(run.stdout.lstrip("\ufeff"))))


def flagged(data_dir: Path) -> set[Row]:
    rows = quality(data_dir)
    assert rows and {r["flag"] for r in rows} <= {"true", "false"}
    return {(r["body"], int(r["year"]), r["indicator"]) for r in rows if r["flag"] == "true"}


@pytest.fixture(scope="module")
def found(planted: tuple[Path, list[Fault]]) -> set[Row]:
    return flagged(planted[0])


def expected(faults: list[Fault]) -> set[Row]:
    return {(f.body, f.year, f.indicator) for f in faults}


def precision_recall(faults: list[Fault], found: set[Row]) -> tuple[float, float]:
    """Over every row flagged (of any indicator, on any body) against the manifest's rows."""
    want = expected(faults)
    hit = len(want & found)
    return (hit / len(found) if found else 1.0), (hit / len(want) if want else 1.0)


def test_every_kind_of_fault_is_planted_on_bodies_spread_over_the_data(planted: tuple[Path, list[Fault]]) -> None:
    data_dir, faults = planted
    assert len(list(data_dir.glob("*/20[0-9][0-9].yml"))) == REPORTS - 2 >= 500
    assert {f.fault for f in faults} == {"late", "missing", "section5_copied", "peer_copy", "peer_copy_source",
                                        "broken_total", "jump"}
    bodies = sorted({f.body for f in faults})
    assert len(bodies) >= 12
    # The 80 bodies are one province's: its own and its four cities'. The faulty ones are drawn
    # from most of them, at several levels, not from the first bodies of the tree.
    assert len({b.split("-")[1] if b.count("-") > 1 else "province" for b in bodies}) >= 3
    levels = {yaml.safe_load((data_dir / b / "body.yml").read_text(encoding="utf-8"))["level"] for b in bodies}
    assert len(levels) >= 3
    assert {f.indicator for f in faults} == {"days_late", "published", "years_missing", "section5_unchanged",
                                            "copy_own_previous", "copy_peer", "identity_errors", "yoy_jump"}


def test_the_faults_are_found_and_nothing_else(planted: tuple[Path, list[Fault]], found: set[Row]) -> None:
    _, faults = planted
    assert found == expected(faults)
    assert precision_recall(faults, found) == (1.0, 1.0)
    # Indicator by indicator too: each one flags exactly its faults.
    by_indicator: dict[str, list[Fault]] = defaultdict(list)
    for fault in faults:
        by_indicator[fault.indicator].append(fault)
    for indicator, planted_here in by_indicator.items():
        assert precision_recall(planted_here, {r for r in found if r[2] == indicator}) == (1.0, 1.0), indicator
    # A clean body has no flagged row at all, of any indicator.
    assert {r[0] for r in found} == {f.body for f in faults}


def test_a_fault_left_out_of_the_manifest_or_planted_on_a_clean_body_is_caught(
        planted: tuple[Path, list[Fault]], found: set[Row], tmp_path: Path) -> None:
    data_dir, faults = planted
    # A manifest entry left out: its row is flagged all the same, precision drops.
    dropped = [f for f in faults if f.fault != "jump"]
    assert len(dropped) < len(faults)
    assert precision_recall(dropped, found)[0] < 1.0
    # A fault in the manifest that is not in the data (the jump's body left as generated): recall drops.
    assert precision_recall(faults, {r for r in found if r[2] != "yoy_jump"})[1] < 1.0
    # A clean body altered, its part 五 of 2025 copied from 2024: flagged twice, nothing else.
    altered = tmp_path / "data"
    shutil.copytree(data_dir, altered)
    faulty = {f.body for f in faults}
    clean = next(p.name for p in sorted(altered.iterdir()) if p.name not in faulty)
    before, this = (altered / clean / f"{year}.yml" for year in (2024, 2025))
    data = yaml.safe_load(this.read_text(encoding="utf-8"))
    data["parts"]["五"] = yaml.safe_load(before.read_text(encoding="utf-8"))["parts"]["五"]
    this.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    now = flagged(altered)
    assert now - found == {(clean, 2025, SECTION5_UNCHANGED), (clean, 2025, COPY_OWN_PREVIOUS)}
    assert precision_recall(faults, now) == (len(found) / len(now), 1.0)


def test_the_faults_are_the_same_for_a_seed_and_the_clean_bodies_are_untouched() -> None:
    clean = make(REPORTS, SEED)
    faulty = make(REPORTS, SEED)
    faults = inject(faulty, SEED)
    again = make(REPORTS, SEED)
    assert inject(again, SEED) == faults
    assert inject(make(REPORTS, SEED + 1), SEED + 1) != faults
    # A copy's source is written as it was: only the other faulty bodies differ.
    changed = {f.body for f in faults if f.fault != "peer_copy_source"}
    for a, b in zip(clean, faulty, strict=True):
        assert a.body == b.body
        assert (a.reports != b.reports) == (a.spec.slug in changed), a.spec.slug


def test_clean_generated_data_checks_clean_and_nothing_is_flagged(tmp_path: Path) -> None:
    """Without faults: ``check`` exits 0 with no warning, and ``quality`` flags no row, so nothing
    looks copied, jumps or is missing on a generated data set."""
    out = tmp_path / "data"
    _, faults = generate_with_faults(out, REPORTS, SEED + 2, share=0.0)
    assert faults == []
    run = subprocess.run([sys.executable, "-m", "nianbao", "check", str(out)], capture_output=True, text=True,
                         encoding="utf-8", cwd=ROOT, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 个错误，0 个警告" in run.stdout + run.stderr
    assert flagged(out) == set()
