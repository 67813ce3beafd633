"""`make serve BODY=…`: pages for some bodies only, with every body still checked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nianbao.loader import DataDirError
from nianbao.site import build_site

ROOT = Path(__file__).resolve().parent.parent


def two_bodies(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data" / "wanggang-zhen", data / "wanggang-zhen")
    shutil.copytree(ROOT / "tests" / "fixtures" / "2021" / "shili-xian-shujuju", data / "shili-xian-shujuju")
    return data


def test_only_limits_pages_and_home_listing(tmp_path: Path):
    build = build_site(two_bodies(tmp_path), tmp_path, frozenset({"wanggang-zhen"}))
    # The site-wide 核对规则, 开放数据 and 栏目与键名对照表 pages stay: the nav names them.
    assert sorted(p.src_uri for p in build.pages) == ["guide/keys.md", "opendata.md", "rules.md",
                                                      "wanggang-zhen/2020.md", "wanggang-zhen/index.md"]
    assert "wanggang-zhen/index.md" in build.home_markdown and "shili-xian-shujuju" not in build.home_markdown
    assert len(build.data.reports) == 4  # every report was still loaded and checked


def test_only_still_fails_on_errors_elsewhere(tmp_path: Path):
    data = two_bodies(tmp_path)
    report = data / "shili-xian-shujuju" / "2022.yml"
    report.write_text(report.read_text(encoding="utf-8").replace("format: \"2021\"", "format: \"2031\""),
                      encoding="utf-8")
    build = build_site(data, tmp_path, frozenset({"wanggang-zhen"}))
    assert build.pages == () and build.findings.errors


def test_only_an_unknown_body_is_a_usage_error(tmp_path: Path):
    with pytest.raises(DataDirError, match="没有名为 nosuch 的机关文件夹"):
        build_site(two_bodies(tmp_path), tmp_path, frozenset({"nosuch"}))
