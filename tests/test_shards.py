"""Sharded builds: one site per region behind a landing page; unchanged shards are kept."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

from nianbao.search import INDEX_DIR, MANIFEST
from nianbao.shards import DIGEST_FILE, SUMS_CACHE, build_shards, plan_shards

ROOT = Path(__file__).resolve().parent.parent
WANGGANG = ROOT / "data" / "wanggang-zhen"
SHILI = ROOT / "tests" / "fixtures" / "2021" / "shili-xian-shujuju"


def two_regions(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copytree(WANGGANG, data / WANGGANG.name)
    shutil.copytree(SHILI, data / SHILI.name)
    return data


def test_plan_groups_bodies_by_region_and_names_shards_in_pinyin(tmp_path: Path):
    shards = plan_shards(two_regions(tmp_path), depth=2)
    assert [(s.region, s.slug, [b.name for b in s.bodies]) for s in shards] == [
        (("示例省", "示例市"), "shilisheng-shilishi", ["shili-xian-shujuju"]),
        (("黑龙江省", "哈尔滨市"), "heilongjiangsheng-haerbinshi", ["wanggang-zhen"]),
    ]


def test_build_reuse_and_rebuild_only_what_changed(tmp_path: Path):
    data, out = two_regions(tmp_path), tmp_path / "site"
    first = build_shards(data, out, ROOT, depth=2)
    assert [(r.shard.slug, r.status) for r in first] == [
        ("shilisheng-shilishi", "built"), ("heilongjiangsheng-haerbinshi", "built")]
    assert (out / "heilongjiangsheng-haerbinshi" / "wanggang-zhen" / "2020" / "index.html").exists()
    assert (out / "shilisheng-shilishi" / "shili-xian-shujuju" / "2022" / "index.html").exists()
    assert not any(p.name.startswith(".") and p.is_dir() and p.name != SUMS_CACHE
                   for p in out.iterdir())  # no staging left behind
    landing = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "lxml")
    assert [(a.get_text(), a["href"]) for a in landing.select("table a")] == [
        ("示例省 / 示例市", "shilisheng-shilishi/"), ("黑龙江省 / 哈尔滨市", "heilongjiangsheng-haerbinshi/")]
    # Each province's 汇总, a page beside the landing page, made from the data without a site build.
    assert [(a.get_text(), a["href"]) for a in landing.select("ul a")] == [
        ("示例省", "sums-shilisheng.html"), ("黑龙江省", "sums-heilongjiangsheng.html")]
    province = BeautifulSoup((out / "sums-heilongjiangsheng.html").read_text(encoding="utf-8"), "lxml")
    assert [h.get_text() for h in province.select("h2")] == ["2020 年度汇总"]
    assert len(province.select("table.nb-table")) == 3
    assert province.select_one("a[href='heilongjiangsheng-haerbinshi/wanggang-zhen/']") is None  # it reported

    again = build_shards(data, out, ROOT, depth=2)
    assert [r.status for r in again] == ["reused", "reused"]

    report = data / "wanggang-zhen" / "2020.yml"
    report.write_text(report.read_text(encoding="utf-8").replace("461.7 万元", "461.8 万元"), encoding="utf-8")
    third = build_shards(data, out, ROOT, depth=2)
    assert [r.status for r in third] == ["reused", "built"]
    page = (out / "heilongjiangsheng-haerbinshi" / "wanggang-zhen" / "2020" / "index.html").read_text("utf-8")
    assert "461.8 万元" in page
    assert (out / "heilongjiangsheng-haerbinshi" / DIGEST_FILE).exists()


def test_a_failing_shard_keeps_its_last_good_build(tmp_path: Path):
    data, out = two_regions(tmp_path), tmp_path / "site"
    build_shards(data, out, ROOT, depth=2)
    good = (out / "heilongjiangsheng-haerbinshi" / "wanggang-zhen" / "2020" / "index.html").read_bytes()
    report = data / "wanggang-zhen" / "2020.yml"
    report.write_text(report.read_text(encoding="utf-8").replace("    total: [10, 0, 0, 0, 0, 0, 10]",
                                                                 "    total: [9, 0, 0, 0, 0, 0, 10]"),
                      encoding="utf-8")
    results = build_shards(data, out, ROOT, depth=2)
    failed = [r for r in results if r.status == "failed"]
    assert [r.shard.slug for r in failed] == ["heilongjiangsheng-haerbinshi"]
    assert "[T3.4]" in failed[0].log and "wanggang-zhen/2020.yml:83" in failed[0].log
    assert (out / "heilongjiangsheng-haerbinshi" / "wanggang-zhen" / "2020" / "index.html").read_bytes() == good
    # The assembling step lists it as not yet published, and leaves it out of the search.
    landing = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "lxml")
    assert [a["href"] for a in landing.select("table a")] == ["shilisheng-shilishi/"]
    assert "黑龙江省 / 哈尔滨市（暂未发布）" in landing.get_text()
    manifest = json.loads((out / "shilisheng-shilishi" / INDEX_DIR / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["others"] == []


def test_one_search_across_shards(tmp_path: Path, chromium: Any):
    """Each shard's search index names the others', and its search box finds their reports."""
    from browser import RequestLog, serve
    from playwright.sync_api import expect

    data, out = two_regions(tmp_path), tmp_path / "www" / "nianbao"
    build_shards(data, out, ROOT, depth=2)
    hlj, shili = "heilongjiangsheng-haerbinshi", "shilisheng-shilishi"
    manifest = json.loads((out / hlj / INDEX_DIR / MANIFEST).read_text(encoding="utf-8"))
    assert manifest == {"years": [2020], "others": [{"root": f"../{shili}/", "years": [2022, 2021, 2020]}]}
    with serve(tmp_path / "www") as origin:
        base = f"{origin}/nianbao/"
        context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        try:
            log = RequestLog(context, origin)
            page = context.new_page()
            page.goto(f"{base}{hlj}/wanggang-zhen/2020/", wait_until="networkidle")
            box = page.locator("input.md-search__input")
            box.click()
            box.fill("示例县数据局")
            expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=30_000)
            # The other shard's body, by its name: its page and its reports of every year.
            page.locator("select.nb-search-year").select_option(label="全部年度")
            other = page.locator(f'.md-search-result__item > a[href*="/{shili}/shili-xian-shujuju/"]')
            expect(other.first).to_be_visible()
            hrefs = other.evaluate_all("links => links.map(a => a.href)")
            assert f"{base}{shili}/shili-xian-shujuju/" in hrefs and len(hrefs) >= 2, hrefs
            # The pages every shard has are one result each.
            pages = page.eval_on_selector_all(".md-search-result__item > a", "l => l.map(a => a.href)")
            assert len({h.split("/nianbao/", 1)[1].split("/", 1)[1] for h in pages}) == len(pages), pages
            box.fill("王岗镇")
            own = page.locator(f'.md-search-result__item > a[href$="/{hlj}/wanggang-zhen/2020/"]')
            expect(own.first).to_be_visible()
            assert log.external() == []
        finally:
            context.close()
