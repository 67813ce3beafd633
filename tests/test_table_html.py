"""The statutory tables as HTML: official layout (rowspan/colspan), labels, cell states, header links."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup, Tag
from nbdata import DATA, FIXTURE_2021, SHILI, WANGGANG

from nianbao.cells import BLANK, NA, parse_cell
from nianbao.formats import get_format
from nianbao.loader import load_data
from nianbao.render.table_html import render_table

WANGGANG_2020 = load_data(DATA, DATA.parent).report(WANGGANG, 2020)
SHILI_DATA = load_data(FIXTURE_2021, FIXTURE_2021.parent)
SHILI_2020, SHILI_2021 = SHILI_DATA.report(SHILI, 2020), SHILI_DATA.report(SHILI, 2021)
REPORTS = {"wanggang-2020": WANGGANG_2020, "shili-2020": SHILI_2020, "shili-2021": SHILI_2021}
TABLES = ("active_disclosure", "applications", "reviews_litigation")
WIDTHS = {"active_disclosure": 4, "applications": 10, "reviews_litigation": 15}


def table_of(report, key: str) -> Tag:
    html = render_table(report.format, key, report.tables[key])
    table = BeautifulSoup(html, "lxml").find("table")
    assert isinstance(table, Tag)
    return table


def body_rows(table: Tag) -> list[Tag]:
    """Rows that carry data cells."""
    return [tr for tr in table.find_all("tr") if tr.find("td", class_="nb-num") or tr.find("td", class_="nb-blank")
            or tr.find("td", class_="nb-na")]


def span(cell: Tag, name: str) -> int:
    return int(cell.get(name, 1))


def row_widths(table: Tag) -> list[int]:
    """The width of every row in the HTML table model, counting cells spanning down from rows above."""
    carried: dict[int, int] = {}  # column → rows still covered from above
    widths = []
    for tr in table.find_all("tr"):
        col = 0
        taken = {c for c, left in carried.items() if left > 0}
        for cell in tr.find_all(["th", "td"], recursive=False):
            while col in taken:
                col += 1
            for c in range(col, col + span(cell, "colspan")):
                carried[c] = span(cell, "rowspan")
            col += span(cell, "colspan")
        widths.append(max([col, *[c + 1 for c in taken]]))
        carried = {c: left - 1 for c, left in carried.items() if left - 1 > 0}
    return widths


def refs(td: Tag) -> list[str]:
    """The ids a data cell's headers attribute names (bs4 may give a string or a list)."""
    return " ".join(td.get_attribute_list("headers")).split()


def with_header(table: Tag, header_id: str) -> list[str]:
    return [td.get_text() for td in table.find_all("td") if header_id in refs(td)]


def th_by_text(table: Tag, text: str) -> Tag:
    found = [th for th in table.find_all("th") if th.get_text() == text]
    assert len(found) == 1, (text, len(found))
    return found[0]


@pytest.mark.parametrize("name", list(REPORTS))
@pytest.mark.parametrize("key", TABLES)
def test_every_row_fills_the_grid(name: str, key: str):
    table = table_of(REPORTS[name], key)
    assert set(row_widths(table)) == {WIDTHS[key]}


@pytest.mark.parametrize("name", list(REPORTS))
@pytest.mark.parametrize("key", TABLES)
def test_headers_point_at_header_cells_of_the_same_table(name: str, key: str):
    table = table_of(REPORTS[name], key)
    ids = [el["id"] for el in table.find_all(id=True)]
    assert len(ids) == len(set(ids))
    th_ids = {th["id"] for th in table.find_all("th", id=True)}
    data_cells = table.find_all("td", class_=["nb-num", "nb-blank", "nb-na"])
    assert data_cells
    for td in data_cells:
        named = refs(td)
        assert named and set(named) <= th_ids, td


@pytest.mark.parametrize(("name", "rows", "rowspan"), [("wanggang-2020", 23, 20), ("shili-2021", 25, 22)])
def test_t3_rows_and_rowspan_of_results(name: str, rows: int, rowspan: int):
    table = table_of(REPORTS[name], "applications")
    assert len(body_rows(table)) == rows
    assert all(len(tr.find_all("td")) == 7 for tr in body_rows(table))
    results = th_by_text(table, "三、本年度办理结果")
    assert (span(results, "rowspan"), results["scope"]) == (rowspan, "rowgroup")
    assert span(th_by_text(table, "（三）不予公开"), "rowspan") == 8
    assert span(th_by_text(table, "（四）无法提供"), "rowspan") == 3
    assert span(th_by_text(table, "（五）不予处理"), "rowspan") == 5
    for label in ("一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "四、结转下年度继续办理"):
        assert span(th_by_text(table, label), "colspan") == 3
    for label in ("（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（七）总计"):
        assert span(th_by_text(table, label), "colspan") == 2


def test_t3_2019_other_handling_is_one_row():
    table = table_of(WANGGANG_2020, "applications")
    other = th_by_text(table, "（六）其他处理")
    assert (span(other, "colspan"), span(other, "rowspan"), other["scope"]) == (2, 1, "row")


def test_t3_2021_other_handling_has_three_sub_rows():
    table = table_of(SHILI_2021, "applications")
    other = th_by_text(table, "（六）其他处理")
    assert (span(other, "rowspan"), other["scope"]) == (3, "rowgroup")
    subrows = [other.parent, *other.parent.find_next_siblings("tr", limit=2)]
    assert [tr.find_all("th")[-1].get_text() for tr in subrows] == [
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他",
    ]


@pytest.mark.parametrize("name", ["wanggang-2020", "shili-2021"])
def test_t3_header(name: str):
    table = table_of(REPORTS[name], "applications")
    head = table.find("thead").find_all("tr")
    assert [[(th.get_text(), span(th, "colspan"), span(th, "rowspan")) for th in tr.find_all("th")] for tr in head] == [
        [("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), ("申请人情况", 7, 1)],
        [("自然人", 1, 2), ("法人或其他组织", 5, 1), ("总计", 1, 2)],
        [("商业企业", 1, 1), ("科研机构", 1, 1), ("社会公益组织", 1, 1), ("法律服务机构", 1, 1), ("其他", 1, 1)],
    ]


@pytest.mark.parametrize(("name", "fmt"), [("wanggang-2020", "2019"), ("shili-2021", "2021")])
def test_t3_row_labels_in_order(name: str, fmt: str):
    table = table_of(REPORTS[name], "applications")
    leaves = [tr.find_all("th")[-1].get_text() for tr in body_rows(table)]
    assert leaves == [node.label for _, node, _ in get_format(fmt).table("applications").leaf_rows]


def test_t2_2019_layout():
    table = table_of(WANGGANG_2020, "active_disclosure")
    bands = [th.get_text() for th in table.select("tr.nb-band th")]
    assert bands == ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项",
                     "第二十条第（九）项"]
    assert all(span(th, "colspan") == 4 for th in table.select("tr.nb-band th"))
    heads = [[c.get_text() for c in tr.find_all(["th", "td"])] for tr in table.select("tr.nb-head")]
    assert heads == [
        ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
        ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
        ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
        ["信息内容", "上一年项目数量", "本年增/减", ""],
        ["信息内容", "采购项目数量", "采购总金额", ""],
    ]
    # (八) and (九) have two data columns in a four-column table: the fourth cell stays empty.
    assert len(table.select("td.nb-pad")) == 4
    assert [th.get_text() for th in table.select("th[scope=row]")] == [
        "规章", "规范性文件", "行政许可", "其他对外管理服务事项", "行政处罚", "行政强制", "行政事业性收费",
        "政府集中采购"]


def test_t2_2021_layout():
    table = table_of(SHILI_2021, "active_disclosure")
    bands = [th.get_text() for th in table.select("tr.nb-band th")]
    assert bands == ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"]
    assert "第二十条第（九）项" not in table.get_text()
    heads = [[(c.get_text(), span(c, "colspan")) for c in tr.find_all("th")] for tr in table.select("tr.nb-head")]
    assert heads == [
        [("信息内容", 1), ("本年制发件数", 1), ("本年废止件数", 1), ("现行有效件数", 1)],
        [("信息内容", 1), ("本年处理决定数量", 3)],
        [("信息内容", 1), ("本年处理决定数量", 3)],
        [("信息内容", 1), ("本年收费金额（单位：万元）", 3)],
    ]
    values = [[(td.get_text(), span(td, "colspan")) for td in tr.find_all("td")] for tr in body_rows(table)]
    assert values == [
        [("2", 1), ("1", 1), ("5", 1)], [("6", 1), ("2", 1), ("18", 1)], [("35", 3)], [("12", 3)], [("3", 3)],
        [("1.25", 3)],
    ]
    assert not table.select("td.nb-pad")


@pytest.mark.parametrize("name", ["wanggang-2020", "shili-2021"])
def test_t4_layout(name: str):
    table = table_of(REPORTS[name], "reviews_litigation")
    head = table.find("thead").find_all("tr")
    assert [[(th.get_text(), span(th, "colspan"), span(th, "rowspan")) for th in tr.find_all("th")] for tr in head] == [
        [("行政复议", 5, 1), ("行政诉讼", 10, 1)],
        [("结果维持", 1, 2), ("结果纠正", 1, 2), ("其他结果", 1, 2), ("尚未审结", 1, 2), ("总计", 1, 2),
         ("未经复议直接起诉", 5, 1), ("复议后起诉", 5, 1)],
        [(label, 1, 1) for label in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2],
    ]
    (row,) = body_rows(table)
    assert len(row.find_all("td")) == 15


def test_t4_values_in_their_cells():
    table = table_of(WANGGANG_2020, "reviews_litigation")
    (row,) = body_rows(table)
    assert [td.get_text() for td in row.find_all("td")] == ["1", "1", "0", "0", "2", "0", "0", "0", "0", "0",
                                                            "1", "0", "0", "0", "1"]
    review = th_by_text(table, "行政复议")["id"]
    after = th_by_text(table, "复议后起诉")["id"]
    assert with_header(table, after) == ["1", "0", "0", "0", "1"]
    assert with_header(table, review) == ["1", "1", "0", "0", "2"]


def test_signed_count_keeps_plus_and_amount_keeps_unit():
    table = table_of(WANGGANG_2020, "active_disclosure")
    penalties = th_by_text(table, "行政处罚")["id"]
    procurement = th_by_text(table, "政府集中采购")["id"]
    assert with_header(table, penalties) == ["0", "+1", "3"]
    assert with_header(table, procurement) == ["7", "461.7 万元"]


def test_zero_blank_and_not_applicable_render_differently():
    fmt = get_format("2021")
    values = dict(SHILI_2021.tables["reviews_litigation"])
    values["review"] = (parse_cell("0", "count"), BLANK, NA, parse_cell("1", "count"), BLANK)
    table = BeautifulSoup(render_table(fmt, "reviews_litigation", values), "lxml")
    cells = body_rows(table)[0].find_all("td")[:5]
    # A blank cell shows nothing in the grid; screen readers hear 未填写 (visually hidden text, which
    # the phone layout shows). A zero is marked, so the phone layout can list a row's zeros together.
    assert [(td.get_text(), td["class"], bool(td.select("span.nb-sr-only"))) for td in cells] == [
        ("0", ["nb-num", "nb-zero"], False), ("未填写", ["nb-blank"], True), ("不适用", ["nb-na"], False),
        ("1", ["nb-num"], False), ("未填写", ["nb-blank", "nb-total"], True),
    ]
    # Each value cell names its column for the phone layout, where the header rows are hidden.
    assert [td["data-label"] for td in cells] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    assert cells[0]["data-group"] == "行政复议"
    assert [td.get("data-group") for td in body_rows(table)[0].find_all("td")[5::5]] == [
        "行政诉讼·未经复议直接起诉", "行政诉讼·复议后起诉"]


def test_column_names_on_value_cells_are_short_and_unique():
    table = table_of(SHILI_2021, "applications")
    row = next(tr for tr in body_rows(table) if "（一）予以公开" in [th.get_text() for th in tr.find_all("th")])
    assert [td["data-label"] for td in row.find_all("td")] == [
        "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    assert [td for td in row.find_all("td") if "nb-total" in td["class"]] == row.find_all("td")[-1:]


def test_missing_values_render_an_empty_official_table():
    table = BeautifulSoup(render_table(get_format("2021"), "applications", None), "lxml")
    rows = body_rows(table)
    assert len(rows) == 25
    cells = [td for tr in rows for td in tr.find_all("td")]
    assert {td["class"][0] for td in cells} == {"nb-blank"}
    assert {td.get_text() for td in cells} == {"未填写"}  # the visually hidden text, nothing else


def test_caption_names_the_part():
    table = table_of(SHILI_2021, "applications")
    assert table.caption.get_text() == "三、收到和处理政府信息公开申请情况"
    region = table.parent
    assert region["aria-labelledby"] == table.caption["id"]
    assert region.has_attr("data-search-exclude")
