"""The benchmark's tuned baseline (bench/run.py): the same reports as nianbao's, in Markdown, in a
site with nianbao's settings and search. Its times are measured by `make bench`, not asserted here:
these tests prove that what it builds is a fair comparison (every figure of the tables, the pages
where nianbao puts them, the real mkdocs.yml, the Pagefind index) and that it builds cleanly.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generate import Generated, generate  # noqa: E402
from run import SITE_HOOK, faster, search_index, write_floor, write_tuned_baseline  # noqa: E402

from nianbao.formats import get_format  # noqa: E402

NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> list[Generated]:
    return generate(tmp_path_factory.mktemp("bench") / "data", 14)  # 2 bodies, both formats


@pytest.fixture(scope="module")
def tuned(made: list[Generated], tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_tuned_baseline(made, tmp_path_factory.mktemp("tuned"))


def _leaves(node: Any) -> list[Any]:
    if isinstance(node, dict):
        return [v for child in node.values() for v in _leaves(child)]
    if isinstance(node, list):
        return [v for child in node for v in _leaves(child)]
    return [node]


def _table_cells(markdown: str) -> list[str]:
    return [cell.strip() for line in markdown.splitlines()
            if line.startswith("|") and not line.startswith("|---")
            for cell in line.strip().strip("|").split(" | ")]


def test_every_figure_of_a_report_is_in_its_markdown_tables(made: list[Generated], tuned: Path):
    for g in made:
        for year, data in g.reports:
            fmt = get_format(data["format"])
            figures = [v for part in fmt.parts if part.table for v in _leaves(data[part.table])]
            expected = Counter(str(v) for v in figures if v is not None and NUMBER.fullmatch(str(v)))
            markdown = (tuned.parent / "docs" / g.spec.slug / f"{year}.md").read_text(encoding="utf-8")
            found = Counter(c for c in _table_cells(markdown) if NUMBER.fullmatch(c))
            assert found == expected, (g.spec.slug, year)
            assert markdown.startswith(f"# {data['title']}\n")
            for part in fmt.parts:
                given = data["parts"].get(part.key)
                if given and given.get("text"):
                    assert given["text"].strip().splitlines()[0] in markdown


def test_the_tuned_baseline_is_nianbaos_site_and_settings_with_the_reports_in_markdown(made: list[Generated],
                                                                                      tuned: Path, tmp_path: Path):
    config = tuned.read_text(encoding="utf-8")
    assert f"INHERIT: {ROOT / 'mkdocs.yml'}\n" in config
    assert f"hooks:\n  - {SITE_HOOK}\n" in config  # the Pagefind index, not Material's search
    assert "not_in_nav: |\n  /*/\n" in config
    floor = write_floor(made, tmp_path)
    assert floor.read_text(encoding="utf-8") == config
    pages = {p.relative_to(tuned.parent / "docs") for p in (tuned.parent / "docs").rglob("*.md")}
    assert pages == {p.relative_to(tmp_path / "docs") for p in (tmp_path / "docs").rglob("*.md")}
    assert {Path(g.spec.slug) / f"{year}.md" for g in made for year, _ in g.reports} <= pages


def test_the_tuned_baseline_builds_without_warnings_and_with_pagefinds_index(made: list[Generated], tuned: Path,
                                                                              tmp_path: Path):
    site = tmp_path / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(tuned), "-d", str(site)],
                          cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "WARNING" not in proc.stderr, proc.stderr[-3000:]
    for g in made:
        for year, data in g.reports:
            page = (site / g.spec.slug / str(year) / "index.html").read_text(encoding="utf-8")
            assert "data-pagefind-body" in page and data["title"] in page
    years = sorted({year for g in made for year, _ in g.reports})
    assert all((site / "pagefind" / str(year) / "pagefind-entry.json").is_file() for year in years)
    what, kb, _ = search_index(site)
    assert what == "pagefind/" and kb > 0


def test_the_search_index_measured_is_pagefinds_folder_or_materials_file(tmp_path: Path):
    assert search_index(tmp_path) == ("none", 0.0, 0.0)
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_bytes(b'{"docs": []}' * 1024)
    what, kb, gz_kb = search_index(tmp_path)
    assert what == "search_index.json" and kb == 12 and 0 < gz_kb < kb
    (tmp_path / "pagefind" / "2025").mkdir(parents=True)  # Pagefind's, when both are there
    (tmp_path / "pagefind" / "pagefind-entry.json").write_bytes(b"x" * 1024)
    (tmp_path / "pagefind" / "2025" / "index.pf_index").write_bytes(b"x" * 2048)
    assert search_index(tmp_path) == ("pagefind/", 3.0, 3.0)


def test_a_ratio_below_one_is_worded_as_slower():
    assert faster(30.0, 10.0) == "3.00× faster than"
    assert faster(10.0, 25.0) == "2.50× slower than"
