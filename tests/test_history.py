"""与上年比较 and 历年数据: figures compared only where both years give them whole, large changes said in
words, and the body's charts drawn at build time with a text alternative and their table beside."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from bs4 import BeautifulSoup
from nbdata import DATA, FIXTURE_2021, SHILI, WANGGANG, copy_data, edit

from nianbao.figures.compare import compare, history
from nianbao.loader import load_data
from nianbao.render.history import compare_section, compare_table, history_charts, history_table

FIX = load_data(FIXTURE_2021, FIXTURE_2021.parent)
R2020, R2021, R2022 = (FIX.report(SHILI, y) for y in (2020, 2021, 2022))


def test_the_change_across_the_format_change():
    changes = {c.id: c for c in compare(R2021, R2020)}
    assert changes["received"].delta == Decimal(249 - 211)
    assert changes["received"].before is not None
    # The key figures only, in definition order; every one is given by both formats.
    assert list(changes) == ["received", "handled", "carried_forward", "reviews", "lawsuits", "disclosure_rate",
                             "review_correction_rate", "lawsuit_correction_rate"]


def test_a_first_report_has_nothing_to_compare():
    assert "无法比较" in compare_section([], None, "")


def test_a_large_change_is_said_and_a_small_one_is_not(tmp_path: Path):
    data = copy_data(FIXTURE_2021, tmp_path)
    # 2022: new requests from 274 to 574 (natural persons 300 more), the totals kept consistent.
    text = (data / SHILI / "2022.yml").read_text(encoding="utf-8")
    start = text.index("  new: [")
    new_line = text[start:text.index("\n", start)]
    values = [int(v) for v in new_line.split("[")[1].rstrip("]").split(",")]
    assert values[-1] == 274
    changes = {c.id: c for c in compare(FIX.report(SHILI, 2022), R2021)}
    assert changes["received"].large is None  # 249 → 274: ten per cent
    big = compare(R2021, R2020)
    assert all(c.large is None or abs(c.delta or 0) > 0 for c in big)
    edit(data / SHILI / "2022.yml", new_line, new_line.replace(f"[{values[0]},", f"[{values[0] + 300},", 1)
         .replace(", 274]", ", 574]"))
    edited = load_data(data, data.parent)
    section = compare_section(compare(edited.report(SHILI, 2022), edited.report(SHILI, 2021)), 2021, "")
    assert "本年新收申请由 2021 年度的 249 增至 574，增加 325。" in section


def test_a_blank_cell_shows_a_partial_sum_and_no_change(tmp_path: Path):
    data = copy_data(DATA, tmp_path)
    edit(data / WANGGANG / "2020.yml", "review: [1, 1, 0, 0, 2]", "review: [1, 1, 0, 0, ~]")
    report = load_data(data, data.parent).report(WANGGANG, 2020)
    rows = {tr.th.get_text(): [td.get_text() for td in tr.find_all("td")]
            for tr in BeautifulSoup(compare_table(compare(report, report), 2020, 2020), "lxml").tbody.find_all("tr")}
    assert rows["行政复议"] == ["未填写", "未填写", "—"]
    assert rows["行政复议纠正率"][0] == "无法计算"


def test_the_history_table_and_charts():
    reports = [R2020, R2021, R2022]
    table = BeautifulSoup(history_table(*history(reports)), "lxml")
    assert [th.get_text() for th in table.thead.find_all("th")] == ["项目", "2020", "2021", "2022"]
    first = table.tbody.find("tr")
    assert [first.th.get_text(), *(td.get_text() for td in first.find_all("td"))] == ["本年新收申请", "211", "249",
                                                                                        "274"]
    # Out of the search index, in a region a keyboard reaches when it scrolls on a phone.
    region = table.find("div", class_="nb-scroll")
    assert region["tabindex"] == "0" and region.has_attr("data-search-exclude")
    soup = BeautifulSoup(history_charts(*history(reports)), "lxml")
    charts = soup.find_all("figure", class_="nb-chart")
    assert len(charts) == 3
    for figure in charts:
        svg = figure.find("svg")
        assert svg["role"] == "img"
        ids = svg["aria-labelledby"].split()
        assert [svg.find(id=i).name for i in ids] == ["title", "desc"]
    desc = soup.find(id="chart-applications-desc").get_text()
    assert "本年新收申请 2020 年 211、2021 年 249、2022 年 274" in desc
    # Three years: three points per line, the highest at the top of the plot.
    assert len(soup.find(class_="nb-chart-series-0").find_all("circle")) == 3
