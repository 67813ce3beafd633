"""Faults injected by bench/generate.py (``--faults``) are found under their indicator and body,
and nothing is flagged on the bodies left clean: precision and recall 1.0.

What flags a fault here: the copy indicators (nianbao.copies), the checks' findings (D.1 for a
late report, the format's identities for a broken total), a registered body without a report
for a year of its series (published), and new applications more than 5× or under 0.2× last
year's, ignoring figures under 20 (yoy_jump).
"""

from __future__ import annotations

import shutil
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from nianbao.catalogue import rules as R
from nianbao.checks import check_dataset
from nianbao.copies import Corpus, copy_own_previous, copy_peer, documents, section5_unchanged, tables_unchanged
from nianbao.formats import all_formats
from nianbao.loader import load_data

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generate import (  # noqa: E402
    COPY_OWN_PREVIOUS,
    JUMP_BASE,
    SECTION5_UNCHANGED,
    Fault,
    generate_with_faults,
    inject,
    make,
)

REPORTS = 560  # 80 bodies of 7 years
SEED = 3
TODAY = date(2026, 12, 3)
Row = tuple[str, int, str]  # body, year, indicator


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Fault]]:
    out = tmp_path_factory.mktemp("faults") / "data"
    _, faults = generate_with_faults(out, REPORTS, SEED)
    return out, faults


def flagged(data_dir: Path) -> set[Row]:
    """Every (body, year, indicator) flagged on the data folder; a finding of the checks that is
    neither D.1 nor an identity is kept under its own rule id, so that it is seen too."""
    data = load_data(data_dir)
    rows: set[Row] = {(p.file, 0, p.rule) for p in data.findings.problems}  # loading: none expected
    identities = {identity.id for fmt in all_formats() for identity in fmt.identities}
    for (body, year), result in check_dataset(data, TODAY).items():
        for problem in result.problems:
            indicator = ("days_late" if problem.rule == R.DEADLINE.id else
                         "identity_errors" if problem.rule in identities else problem.rule)
            rows.add((body, year, indicator))
    corpus = Corpus(documents(data))
    for figure in (copy_own_previous(corpus) + copy_peer(corpus) + section5_unchanged(corpus)
                   + tables_unchanged(data.reports)):
        if figure.flag:
            rows.add((figure.body, figure.year, figure.indicator))
    years = sorted({year for _, year in data.reports})
    for body, reports in data.reports_by_body().items():
        have = {r.year for r in reports}
        rows.update((body, year, "published") for year in range(min(have), years[-1] + 1) if year not in have)
        for before, this in zip(reports, reports[1:], strict=False):
            a, b = (r.cell("applications", "new", "total") for r in (before, this))
            if a is None or b is None or a.value is None or b.value is None or this.year != before.year + 1:
                continue
            if max(a.value, b.value) >= JUMP_BASE and (b.value > 5 * a.value or 5 * b.value < a.value):
                rows.add((body, this.year, "yoy_jump"))
    return rows


def expected(faults: list[Fault]) -> set[Row]:
    return {(f.body, f.year, f.indicator) for f in faults}


def precision_recall(faults: list[Fault], found: set[Row]) -> tuple[float, float]:
    """Over every row flagged (of any indicator, on any body) against the manifest's rows."""
    want = expected(faults)
    hit = len(want & found)
    return (hit / len(found) if found else 1.0), (hit / len(want) if want else 1.0)


def test_every_kind_of_fault_is_planted_on_bodies_spread_over_the_data(planted: tuple[Path, list[Fault]]) -> None:
    data_dir, faults = planted
    assert {f.fault for f in faults} == {"late", "missing", "section5_copied", "peer_copy", "peer_copy_source",
                                        "broken_total", "jump"}
    bodies = sorted({f.body for f in faults})
    assert len(bodies) >= 12
    # The 80 bodies are one province's: its own and its four cities'. The faulty ones are drawn
    # from most of them, at several levels, not from the first bodies of the tree.
    assert len({b.split("-")[1] if b.count("-") > 1 else "province" for b in bodies}) >= 3
    levels = {yaml.safe_load((data_dir / b / "body.yml").read_text(encoding="utf-8"))["level"] for b in bodies}
    assert len(levels) >= 3
    assert len({f.indicator for f in faults}) == 7


def test_the_faults_are_found_and_nothing_else(planted: tuple[Path, list[Fault]]) -> None:
    data_dir, faults = planted
    found = flagged(data_dir)
    assert found == expected(faults)
    assert precision_recall(faults, found) == (1.0, 1.0)


def test_a_fault_left_out_of_the_manifest_or_planted_on_a_clean_body_is_caught(
        planted: tuple[Path, list[Fault]], tmp_path: Path) -> None:
    data_dir, faults = planted
    # Recall: a manifest entry nothing flags.
    dropped = [f for f in faults if f.fault != "jump"]
    found = flagged(data_dir)
    assert precision_recall(dropped, found)[0] < 1.0
    # Precision: a clean body's part 五 copied from its previous year is flagged, twice.
    altered = tmp_path / "data"
    shutil.copytree(data_dir, altered)
    faulty = {f.body for f in faults}
    clean = next(p.name for p in sorted(altered.iterdir()) if p.name not in faulty)
    before, this = (altered / clean / f"{year}.yml" for year in (2024, 2025))
    data = yaml.safe_load(this.read_text(encoding="utf-8"))
    data["parts"]["五"] = yaml.safe_load(before.read_text(encoding="utf-8"))["parts"]["五"]
    this.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    found = flagged(altered)
    assert found - expected(faults) == {(clean, 2025, SECTION5_UNCHANGED), (clean, 2025, COPY_OWN_PREVIOUS)}
    assert precision_recall(faults, found) == (len(expected(faults)) / len(found), 1.0)


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


def test_clean_generated_data_is_valid_and_nothing_looks_copied(tmp_path: Path) -> None:
    out = tmp_path / "data"
    _, faults = generate_with_faults(out, REPORTS, SEED + 2, share=0.0)
    assert faults == []
    assert flagged(out) == set()
