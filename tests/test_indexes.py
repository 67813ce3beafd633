"""Index pages at scale: past the home page's limit, bodies are listed on one page per region.

Uses the benchmark's generator, so this also proves that every generated report checks clean.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup

from nianbao.render.indexes import HOME_LIMIT
from nianbao.site import build_site

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generate import generate  # noqa: E402


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("many") / "data"
    generate(data, 7 * (HOME_LIMIT + 5))  # 65 bodies of 7 years each
    return data


def test_generated_data_checks_clean(many: Path):
    build = build_site(many, many)
    assert len(build.data.bodies) == HOME_LIMIT + 5
    assert build.findings.problems == []


def test_home_lists_regions_and_each_region_page_lists_its_bodies(many: Path):
    build = build_site(many, many)
    assert "### 按地区浏览" in build.home_markdown
    assert "/index.md)" in build.home_markdown and "年度报告](" not in build.home_markdown
    regions = [p for p in build.pages if p.src_uri.startswith("regions/")]
    listed = {line.split("](")[1].split(")")[0].rsplit("/", 2)[-2]
              for p in regions for line in p.markdown.splitlines() if line.startswith("- [") and "最新" in line}
    assert listed == set(build.data.bodies)  # every body on exactly the region pages that hold it


def test_region_pages_build_strict_with_every_link_resolved(many: Path, tmp_path: Path):
    site = tmp_path / "site"
    env = {**os.environ, "NIANBAO_DATA": str(many), "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                          cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml")
    first = next(a["href"] for a in home.select("article a") if "regions/" in a["href"])
    region = (site / unquote(first.split("#")[0])).resolve()
    region = region / "index.html" if region.is_dir() else region
    page = BeautifulSoup(region.read_text(encoding="utf-8"), "lxml")
    assert page.select("article a")  # links on to sub-regions or bodies
