"""A page this site rendered imports back to the data it was rendered from, in both formats.

The site is built for real (mkdocs build of the 王岗镇 data and the fictional 2021-format body),
then each report page is imported and both data sets are loaded with the core's loader and compared.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nianbao.importer.cli import main
from nianbao.loader import load_data

ROOT = Path(__file__).resolve().parents[2]
BODIES = {"wanggang-zhen": ROOT / "data" / "wanggang-zhen",
          "shili-xian-shujuju": ROOT / "tests" / "fixtures" / "2021" / "shili-xian-shujuju"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    work = tmp_path_factory.mktemp("round-trip")
    data, site = work / "data", work / "site"
    for slug, folder in BODIES.items():
        shutil.copytree(folder, data / slug)
    env = {**os.environ, "NIANBAO_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                          cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return data, site


@pytest.mark.parametrize(("slug", "year"), [("wanggang-zhen", 2020), ("shili-xian-shujuju", 2020),
                                            ("shili-xian-shujuju", 2021), ("shili-xian-shujuju", 2022)])
def test_rendered_page_imports_back_to_its_data(built: tuple[Path, Path], tmp_path: Path, slug: str, year: int):
    data, site = built
    target = tmp_path / "imported"
    shutil.copytree(data / slug, target / slug)  # same body; the report is replaced
    page = site / slug / str(year) / "index.html"
    assert main([str(page), "--data", str(target), "--body", slug, "--force"]) == 0
    original, imported = load_data(data, data), load_data(target, target)
    assert imported.findings.errors == []
    before, after = original.report(slug, year), imported.report(slug, year)
    assert before is not None and after is not None
    assert after.format.id == before.format.id
    assert after.tables == before.tables
    # A page's 修订记录 is the site's record of its corrections, not part of a published report: the
    # page reads back as the report now stands, without it.
    assert after.meta == before.meta.model_copy(update={"revisions": []})
