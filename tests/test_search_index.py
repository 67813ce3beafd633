"""The site search's index (Pagefind, written by the build into pagefind/): what a search can find.

Read from the built index itself: each page's fragment (its indexed text, title, meta and filters)
is a gzip file behind Pagefind's signature. What the page marks data-pagefind-ignore, and every
table, must be in no fragment; the report's prose and headings must be.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from nianbao.search import INDEX_DIR, MANIFEST

REPORT = "wanggang-zhen/2020"
BODY_NAME = "南岗区王岗镇人民政府"
SIGNATURE = b"pagefind_dcd"
# Pagefind puts a zero-width space between the words it segments Chinese text into.
WORD_BREAK = "\u200b"


def fragments(site_dir: Path, bundle: str = "*") -> dict[str, dict[str, Any]]:
    """The fragments of every index (bundle "*"), or of one: "" is pagefind/ itself, "2020" a year's."""
    out = {}
    folders = [site_dir / INDEX_DIR] + [p for p in (site_dir / INDEX_DIR).iterdir() if p.is_dir()] \
        if bundle == "*" else [site_dir / INDEX_DIR / bundle]
    for path in (p for folder in folders for p in (folder / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(SIGNATURE)
        fragment = json.loads(raw[len(SIGNATURE):])
        fragment["text"] = fragment["content"].replace(WORD_BREAK, "")
        out[fragment["url"]] = fragment
    return out


@pytest.fixture(scope="module")
def index(site_dir: Path) -> dict[str, dict[str, Any]]:
    return fragments(site_dir)


@pytest.fixture(scope="module")
def report_html(site_dir: Path) -> BeautifulSoup:
    return BeautifulSoup((site_dir / REPORT / "index.html").read_text(encoding="utf-8"), "lxml")


def test_the_report_is_found_by_its_title_body_and_year(index: dict[str, dict[str, Any]]) -> None:
    fragment = index[f"/{REPORT}/"]
    assert fragment["meta"]["title"] == "王岗镇人民政府 2020 年度政府信息公开工作年度报告"
    assert fragment["meta"]["body"] == BODY_NAME and fragment["meta"]["year"] == "2020"
    assert fragment["filters"] == {
        "年度": ["2020"], "层级": ["乡镇/街道"],
        "地区": ["黑龙江省", "黑龙江省 / 哈尔滨市", "黑龙江省 / 哈尔滨市 / 南岗区"],
    }
    # The body's page is found by its name, and lists its reports.
    body = index["/wanggang-zhen/"]
    assert body["meta"]["title"] == BODY_NAME and "year" not in body["meta"]
    assert body["filters"]["层级"] == ["乡镇/街道"]


def test_prose_and_headings_are_indexed(index: dict[str, dict[str, Any]], report_html: BeautifulSoup) -> None:
    text = index[f"/{REPORT}/"]["text"]
    prose = [p.get_text(strip=True) for p in report_html.select(".nb-prose p")]
    assert prose and all(p in text for p in prose)
    headings = [a["text"] for a in index[f"/{REPORT}/"]["anchors"]]
    assert "四、政府信息公开行政复议、行政诉讼情况" in headings
    # The ¶ of a heading's link is no part of it.
    assert "¶" not in text and not any("¶" in h for h in headings)


def test_tables_check_panel_and_the_other_figures_are_not_indexed(
        index: dict[str, dict[str, Any]], report_html: BeautifulSoup) -> None:
    """Every text that only the left-out parts hold (a table's cells and labels, the 数据核对 panel,
    与上年比较, 数据下载, the contact card) is not in the report's indexed text."""
    content = report_html.select_one("[data-pagefind-body]")
    assert content is not None
    left_out = content.select("[data-pagefind-ignore], table")
    assert {"nb-checks", "nb-contact", "nb-scroll"} <= {c for el in left_out for c in el.get("class", [])}
    kept = BeautifulSoup(str(content), "lxml")
    for el in kept.select("[data-pagefind-ignore], table"):
        el.decompose()
    kept_text = kept.get_text(" ", strip=True)
    only_left_out = {s.strip() for el in left_out for s in el.stripped_strings} - {""}
    only_left_out = {s for s in only_left_out if s not in kept_text and len(s) >= 2}
    # The table's own labels and numbers, the check panel's verdicts, the download links.
    assert len(only_left_out) > 50
    everything = index[f"/{REPORT}/"]["text"]
    found = sorted(s for s in only_left_out if s in everything)
    assert found == []
    # Their headings neither: every report has them, so a search for one would find them all.
    assert not {"数据核对", "与上年比较", "数据下载", "联系方式"} & {a["text"] for a in index[f"/{REPORT}/"]["anchors"]}


def test_the_404_page_is_not_indexed(index: dict[str, dict[str, Any]]) -> None:
    assert not any("404" in url for url in index)
    assert "/how-to-read/" in index  # the site's own pages are found too


def test_each_years_reports_are_an_index_of_their_own(site_dir: Path) -> None:
    """So that a first search fetches one year's entries for 行政, not the whole site's."""
    assert json.loads((site_dir / INDEX_DIR / MANIFEST).read_text(encoding="utf-8")) == {"years": [2020], "others": []}
    assert set(fragments(site_dir, "2020")) == {f"/{REPORT}/"}
    others = fragments(site_dir, "")
    assert "/wanggang-zhen/" in others and f"/{REPORT}/" not in others
    # A body's page is found under each year it has a report of.
    assert others["/wanggang-zhen/"]["filters"]["年度"] == ["2020"]


def test_the_index_is_built_by_the_bundled_binary_without_a_network() -> None:
    """pagefind[extended] brings its binary as a wheel: nothing is fetched to build an index."""
    version = subprocess.run([sys.executable, "-m", "pagefind", "--version"], capture_output=True, text=True,
                             check=True)
    assert version.stdout.startswith("pagefind ")


def test_the_index_is_written_into_the_site_only(site_dir: Path) -> None:
    """Not also into the folder the build runs in (Pagefind's own default, pagefind/)."""
    assert (site_dir / INDEX_DIR / "pagefind.js").is_file()
    assert not (Path(__file__).resolve().parent.parent / INDEX_DIR).exists()
