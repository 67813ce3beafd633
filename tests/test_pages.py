"""Generated pages: Markdown skeleton, HTML blocks, escaping, the 数据核对 panel, contact details."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from nbdata import DATA, FIXTURE_2021, SHILI, WANGGANG, copy_data, edit

from nianbao.checks import check_report
from nianbao.render.checks import render_checks
from nianbao.render.pages import fill, md_text, placeholder, report_page
from nianbao.site import build_site

REAL = build_site(DATA, DATA.parent)
FIX = build_site(FIXTURE_2021, FIXTURE_2021.parent)


def page(build, src_uri: str):
    pages = {p.src_uri: p for p in build.pages}
    assert src_uri in pages, sorted(pages)
    return pages[src_uri]


def test_pages_of_the_real_data():
    uris = {p.src_uri for p in REAL.pages}
    assert {"wanggang-zhen/2020.md", "wanggang-zhen/index.md"} <= uris
    assert "wanggang-zhen/index.md" in REAL.home_markdown or "wanggang-zhen/" in REAL.home_markdown


def test_report_metadata_goes_to_the_theme_not_into_the_markdown():
    p = page(REAL, "wanggang-zhen/2020.md")
    assert not p.markdown.startswith("---")
    assert yaml.safe_load(p.standalone_markdown().split("---\n")[1]) == p.meta
    assert p.meta == {
        "title": "王岗镇人民政府 2020 年度政府信息公开工作年度报告",
        "article_title": "王岗镇人民政府 2020 年度政府信息公开工作年度报告",
        "pub_date": "2021-01-26 00:00",
        "column_type": "信息公开年报",
        "content_source": "南岗区王岗镇人民政府",
    }


def test_report_headings_follow_the_published_parts():
    md = page(REAL, "wanggang-zhen/2020.md").markdown
    headings = [line for line in md.splitlines() if line.startswith("#")]
    assert headings == [
        "# 王岗镇人民政府 2020 年度政府信息公开工作年度报告",
        "## 一、政府信息公开总体情况 {#part-1}",
        "## 二、主动公开政府信息情况 {#part-2}",
        "### 表：主动公开政府信息情况 {#tab-active-disclosure .nb-table-heading data-pagefind-ignore}",
        "## 三、收到和处理政府信息公开申请情况 {#part-3}",
        "### 表：收到和处理政府信息公开申请情况 {#tab-applications .nb-table-heading data-pagefind-ignore}",
        "## 四、政府信息公开行政复议、行政诉讼情况 {#part-4}",
        "### 表：政府信息公开行政复议、行政诉讼情况 {#tab-reviews-litigation .nb-table-heading data-pagefind-ignore}",
        "## 五、存在的主要问题及改进措施 {#part-5}",
        "## 数据核对 {#checks data-pagefind-ignore}",
        "## 与上年比较 {#compare data-pagefind-ignore}",
        "## 数据下载 {#downloads data-pagefind-ignore}",
        "## 联系方式 {#contact data-pagefind-ignore}",
    ]


def test_fixture_report_has_all_six_parts():
    md = page(FIX, f"{SHILI}/2021.md").markdown
    assert [line for line in md.splitlines() if line.startswith("## ")][:6] == [
        "## 一、总体情况 {#part-1}", "## 二、主动公开政府信息情况 {#part-2}",
        "## 三、收到和处理政府信息公开申请情况 {#part-3}", "## 四、政府信息公开行政复议、行政诉讼情况 {#part-4}",
        "## 五、存在的主要问题及改进情况 {#part-5}", "## 六、其他需要报告的事项 {#part-6}",
    ]


def test_every_block_has_one_placeholder_and_is_put_in_place():
    p = page(REAL, "wanggang-zhen/2020.md")
    for key in p.blocks:
        assert p.markdown.count(placeholder(key)) == 1, key
    assert set(p.blocks) >= {"byline", "preamble", "part-1", "part-5", "table-active_disclosure",
                             "table-applications", "table-reviews_litigation", "signature", "checks", "contact"}
    standalone = p.standalone_markdown()
    assert "nianbao:block" not in standalone
    assert standalone.endswith(fill(fill(p.markdown, p.render_content()), p.render_late()))
    # Tables and the check panel are the blocks the hook inserts after the theme (search skips them).
    assert set(p.render_late()) == {"table-active_disclosure", "table-applications", "table-reviews_litigation",
                                    "checks"}


def test_years_nav_links_previous_and_next():
    md = page(FIX, f"{SHILI}/2021.md").markdown
    assert "[‹ 2020 年度报告](2020.md){ rel=prev }" in md
    assert "[2022 年度报告 ›](2022.md){ rel=next }" in md
    assert "[县数据局的全部年度报告](index.md)" in md
    first = page(FIX, f"{SHILI}/2020.md").markdown
    assert "rel=prev" not in first and "[2021 年度报告 ›](2021.md){ rel=next }" in first


def contact_of(p) -> dict[str, str]:
    soup = BeautifulSoup(p.blocks["contact"], "lxml")
    return dict(zip([dt.get_text() for dt in soup.find_all("dt")], [dd.get_text() for dd in soup.find_all("dd")],
                    strict=True))


def test_contact_details_of_the_real_body():
    assert contact_of(page(REAL, "wanggang-zhen/2020.md")) == {
        "机关": "南岗区王岗镇人民政府", "承办机构": "行政办", "地址": "王岗大街 777 号", "邮编": "150000",
        "电话": "0451-87542911",
    }


def test_contact_changes_apply_from_their_year():
    before = contact_of(page(FIX, f"{SHILI}/2021.md"))
    after = contact_of(page(FIX, f"{SHILI}/2022.md"))
    assert before == {"机关": "示例县数据局", "承办机构": "办公室", "地址": "示例县人民路 1 号", "邮编": "099000",
                      "电话": "0999-5550123", "传真": "0999-5550124", "电子邮箱": "xxgk@shujuju.shili.example",
                      "网站": "https://shujuju.shili.example/"}
    assert after == {**before, "地址": "示例县新区政务服务中心 3 楼", "电话": "0999-5550188"}
    # The body page shows the details of the latest report.
    assert contact_of(page(FIX, f"{SHILI}/index.md")) == after


def test_checks_panel_lists_the_acknowledged_p1():
    soup = BeautifulSoup(page(REAL, "wanggang-zhen/2020.md").blocks["checks"], "lxml")
    items = {li.find("code").get_text(): li for li in soup.select("li.nb-check")}
    assert list(items) == ["T3.1", "T3.2", "T3.4", "T4.1", "T2.c", "T2.d", "X.1", "X.3", "X.4", "P.1"]
    p1 = items["P.1"]
    assert "nb-check--ack" in p1["class"]
    assert p1.select_one(".nb-check-status").get_text() == "与原文一致（已确认）"
    assert p1.select_one(".nb-ack").get_text() == "已确认：与原文一致：原文只有五个部分，没有“六、其他需要报告的事项”。"
    assert items["T3.1"].select_one(".nb-check-status").get_text() == "成立（7 处）"
    assert items["X.1"].select_one(".nb-check-status").get_text() == "无上年数据，未核对"
    assert soup.select_one(".nb-checks-summary").get_text() == (
        "共 10 项核对：6 项成立，0 项需核实，1 项与原文一致（已确认），3 项未核对。")


def test_checks_panel_shows_a_warning_with_expected_and_found(tmp_path: Path):
    data = copy_data(FIXTURE_2021, tmp_path)
    edit(data / SHILI / "2022.yml", "carried_over: [5, 2, 1, 1, 1, 1, 11]", "carried_over: [5, 2, 1, 1, 1, 2, 12]")
    edit(data / SHILI / "2022.yml", "carried_forward: [4, 1, 2, 1, 1, 1, 10]",
         "carried_forward: [4, 1, 2, 1, 1, 2, 11]")
    build = build_site(data, tmp_path)
    assert build.findings.errors == [] and len(build.findings.warnings) == 2
    soup = BeautifulSoup(page(build, f"{SHILI}/2022.md").blocks["checks"], "lxml")
    (x1,) = [li for li in soup.select("li.nb-check") if li.find("code").get_text() == "X.1"]
    assert "nb-check--warn" in x1["class"]
    assert x1.select_one(".nb-check-status").get_text() == "需核实"
    assert [d.get_text() for d in x1.select(".nb-check-detail")] == [
        "列：其他：应为 二 = 上年四 = 1；实为 二 = 2", "列：总计：应为 二 = 上年四 = 11；实为 二 = 12"]
    assert "| 2023-01-18 | 2 项需核实 |" in page(build, f"{SHILI}/index.md").markdown


def test_no_pages_when_there_are_errors(tmp_path: Path):
    data = copy_data(DATA, tmp_path)
    edit(data / WANGGANG / "2020.yml", "review: [1, 1, 0, 0, 2]", "review: [1, 1, 0, 0, 3]")
    build = build_site(data, tmp_path)
    assert [p.rule for p in build.findings.errors] == ["T4.1"]
    assert build.pages == () and build.home_markdown == ""


def test_body_page_lists_reports_newest_first():
    md = page(FIX, f"{SHILI}/index.md").markdown
    rows = [line for line in md.splitlines() if line.startswith("| 20")]
    assert [row.split(" | ")[0] for row in rows] == ["| 2022", "| 2021", "| 2020"]
    assert "[示例县数据局2021年政府信息公开工作年度报告](2021.md)" in rows[1]
    assert rows[1].endswith("| 2022-01-20 | 全部成立 |")
    assert "区县部门 · 示例省 / 示例市 / 示例县" in md


# --- text from YAML is never markup ------------------------------------------------------------------


def wanggang_with(**update):
    data = REAL.data
    report = data.report(WANGGANG, 2020)
    body = data.bodies[WANGGANG]
    report = dataclasses.replace(report, meta=report.meta.model_copy(update=update))
    return report_page(report, body, check_report(report, body, None), [2020])


def test_md_text_makes_markdown_inert():
    assert md_text("<b>*x*</b> [a](http://e.example) #1 `c` | _u_") == (
        r"&lt;b&gt;\*x\*&lt;/b&gt; \[a\](http://e.example) \#1 \`c\` \| \_u\_")


def test_script_in_the_preamble_is_escaped():
    p = wanggang_with(preamble="<script>alert(1)</script>\n第二段")
    soup = BeautifulSoup(p.blocks["preamble"], "lxml")
    assert soup.find("script") is None
    assert [para.get_text() for para in soup.find_all("p")] == ["<script>alert(1)</script>", "第二段"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in p.blocks["preamble"]


def test_markup_in_a_heading_is_escaped():
    report = REAL.data.report(WANGGANG, 2020)
    parts = dict(report.meta.parts)
    parts["二"] = parts["二"].model_copy(update={"heading": "主动公开<img src=x onerror=alert(3)>"})
    p = wanggang_with(parts=parts)
    assert "## 二、主动公开&lt;img src=x onerror=alert(3)&gt; {#part-2}" in p.markdown
    assert "<img" not in p.markdown


@pytest.mark.parametrize("field", ["signed_by"])
def test_markup_in_byline_and_signature_is_escaped(field: str):
    p = wanggang_with(**{field: "<b>王岗镇</b>"})
    for key in ("byline", "signature"):
        assert "<b>" not in p.blocks[key] and "&lt;b&gt;王岗镇&lt;/b&gt;" in p.blocks[key]


def test_title_in_the_metadata_is_html_safe():
    # Material prints page.meta.title unescaped (the <title> and the header's md-header__topic).
    p = wanggang_with(title="王岗镇<script>alert(2)</script>报告")
    assert "<script>" not in p.meta["title"]
    assert f"# {md_text('王岗镇<script>alert(2)</script>报告')}" in p.markdown


def test_checks_panel_escapes_the_acknowledgement_reason():
    report = REAL.data.report(WANGGANG, 2020)
    ack = report.meta.acknowledged[0].model_copy(update={"reason": "<script>alert(5)</script>"})
    report = dataclasses.replace(report, meta=report.meta.model_copy(update={"acknowledged": [ack]}))
    html = render_checks(check_report(report, REAL.data.bodies[WANGGANG], None))
    assert "<script>" not in html and "&lt;script&gt;alert(5)&lt;/script&gt;" in html
