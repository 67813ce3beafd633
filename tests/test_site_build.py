"""The end-to-end test: `mkdocs build --strict` of the real data/, then specific cells of the built page.

Cells are found the way a screen reader finds them: the data cell whose `headers` name both the row
header and the column header with the official labels. Numbers are those of the published 王岗镇
2020 report (tests/artifacts has the original), not read back from the YAML.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from nbdata import FIXTURE_2021, SHILI, mkdocs_build

T3_COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
ZEROS = ["0"] * 7
# 三、收到和处理政府信息公开申请情况 as published: row label → the seven columns.
WANGGANG_T3 = {
    "一、本年新收政府信息公开申请数量": ["10", "0", "0", "0", "0", "0", "10"],
    "二、上年结转政府信息公开申请数量": ZEROS,
    "（一）予以公开": ["2", "0", "0", "0", "0", "0", "2"],
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": ["3", "0", "0", "0", "0", "0", "3"],
    "1.属于国家秘密": ZEROS,
    "2.其他法律行政法规禁止公开": ZEROS,
    "3.危及“三安全一稳定”": ZEROS,
    "4.保护第三方合法权益": ZEROS,
    "5.属于三类内部事务信息": ZEROS,
    "6.属于四类过程性信息": ZEROS,
    "7.属于行政执法案卷": ZEROS,
    "8.属于行政查询事项": ZEROS,
    "1.本机关不掌握相关政府信息": ["5", "0", "0", "0", "0", "0", "5"],
    "2.没有现成信息需要另行制作": ZEROS,
    "3.补正后申请内容仍不明确": ZEROS,
    "1.信访举报投诉类申请": ZEROS,
    "2.重复申请": ZEROS,
    "3.要求提供公开出版物": ZEROS,
    "4.无正当理由大量反复申请": ZEROS,
    "5.要求行政机关确认或重新出具已获取信息": ZEROS,
    "（六）其他处理": ZEROS,
    "（七）总计": ["10", "0", "0", "0", "0", "0", "10"],
    "四、结转下年度继续办理": ZEROS,
}
# 二、主动公开政府信息情况: (band, row label, column label) → value.
WANGGANG_T2 = {
    ("第二十条第（一）项", "规章", "本年新制作数量"): "0",
    ("第二十条第（一）项", "规章", "本年新公开数量"): "0",
    ("第二十条第（一）项", "规章", "对外公开总数量"): "0",
    ("第二十条第（一）项", "规范性文件", "本年新制作数量"): "0",
    ("第二十条第（一）项", "规范性文件", "本年新公开数量"): "0",
    ("第二十条第（一）项", "规范性文件", "对外公开总数量"): "0",
    ("第二十条第（五）项", "行政许可", "上一年项目数量"): "0",
    ("第二十条第（五）项", "行政许可", "本年增/减"): "0",
    ("第二十条第（五）项", "行政许可", "处理决定数量"): "0",
    ("第二十条第（五）项", "其他对外管理服务事项", "上一年项目数量"): "0",
    ("第二十条第（五）项", "其他对外管理服务事项", "本年增/减"): "0",
    ("第二十条第（五）项", "其他对外管理服务事项", "处理决定数量"): "0",
    ("第二十条第（六）项", "行政处罚", "上一年项目数量"): "0",
    ("第二十条第（六）项", "行政处罚", "本年增/减"): "+1",
    ("第二十条第（六）项", "行政处罚", "处理决定数量"): "3",
    ("第二十条第（六）项", "行政强制", "上一年项目数量"): "0",
    ("第二十条第（六）项", "行政强制", "本年增/减"): "0",
    ("第二十条第（六）项", "行政强制", "处理决定数量"): "0",
    ("第二十条第（八）项", "行政事业性收费", "上一年项目数量"): "0",
    ("第二十条第（八）项", "行政事业性收费", "本年增/减"): "0",
    ("第二十条第（九）项", "政府集中采购", "采购项目数量"): "7",
    ("第二十条第（九）项", "政府集中采购", "采购总金额"): "461.7 万元",
}
T4_RESULTS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
WANGGANG_T4 = {"行政复议": ["1", "1", "0", "0", "2"], "未经复议直接起诉": ["0", "0", "0", "0", "0"],
               "复议后起诉": ["1", "0", "0", "0", "1"]}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("site")
    proc = mkdocs_build(dest)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return dest


@pytest.fixture(scope="module")
def page(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / "wanggang-zhen" / "2020" / "index.html").read_text(encoding="utf-8"), "lxml")


def refs(td: Tag) -> set[str]:
    return set(" ".join(td.get_attribute_list("headers")).split())


def header_ids(scope: Tag, text: str) -> set[str]:
    return {th["id"] for th in scope.find_all("th", id=True) if th.get_text() == text}


def cell(scope: Tag, *labels: str) -> str:
    """The text of the one data cell whose headers include a header cell with each of the labels."""
    wanted = [header_ids(scope, label) for label in labels]
    assert all(wanted), labels
    found = [td for td in scope.find_all("td") if all(refs(td) & ids for ids in wanted)]
    assert len(found) == 1, (labels, len(found))
    return found[0].get_text()


def table(page: BeautifulSoup, key: str) -> Tag:
    found = page.find("table", id=f"table-{key}")
    assert isinstance(found, Tag), key
    return found


@pytest.mark.parametrize("row", list(WANGGANG_T3))
def test_t3_every_cell(page: BeautifulSoup, row: str):
    t3 = table(page, "applications")
    assert [cell(t3, row, column) for column in T3_COLUMNS] == WANGGANG_T3[row]


def test_t3_named_cell(page: BeautifulSoup):
    t3 = table(page, "applications")
    # （四）无法提供 1.本机关不掌握相关政府信息, 自然人: five requests.
    assert cell(t3, "（四）无法提供", "1.本机关不掌握相关政府信息", "自然人") == "5"
    partly = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    assert cell(t3, "三、本年度办理结果", partly, "申请人情况", "自然人") == "3"


@pytest.mark.parametrize(("band", "row", "column"), list(WANGGANG_T2))
def test_t2_every_cell(page: BeautifulSoup, band: str, row: str, column: str):
    assert cell(table(page, "active_disclosure"), band, row, column) == WANGGANG_T2[(band, row, column)]


@pytest.mark.parametrize("group", list(WANGGANG_T4))
def test_t4_every_cell(page: BeautifulSoup, group: str):
    t4 = table(page, "reviews_litigation")
    assert [cell(t4, group, result) for result in T4_RESULTS] == WANGGANG_T4[group]


def test_t4_litigation_group(page: BeautifulSoup):
    t4 = table(page, "reviews_litigation")
    assert cell(t4, "行政诉讼", "复议后起诉", "总计") == "1"


def test_contact_details(page: BeautifulSoup):
    contact = page.find("section", class_="nb-contact")
    assert contact is not None
    text = contact.get_text()
    for value in ("行政办", "王岗大街 777 号", "150000", "0451-87542911", "南岗区王岗镇人民政府"):
        assert value in text


def test_parts_one_to_five_and_no_six(page: BeautifulSoup):
    article = page.find("article")
    headings = [h.get_text().rstrip("¶") for h in article.find_all("h2")]
    parts = [h for h in headings if re.match(r"[一二三四五六]、", h)]
    assert parts == ["一、政府信息公开总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                     "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进措施"]
    assert article.find(id="part-6") is None


def test_checks_panel_lists_p1_as_acknowledged(page: BeautifulSoup):
    panel = page.find("section", class_="nb-checks")
    (p1,) = [li for li in panel.select("li.nb-check") if li.code and li.code.get_text() == "P.1"]
    assert "nb-check--ack" in p1["class"]
    assert "与原文一致（已确认）" in p1.get_text()
    assert "原文只有五个部分" in p1.get_text()


def test_meta_tags(page: BeautifulSoup):
    meta = {m["name"]: m["content"] for m in page.find_all("meta", attrs={"name": True})}
    assert meta["ArticleTitle"] == "王岗镇人民政府 2020 年度政府信息公开工作年度报告"
    assert meta["PubDate"] == "2021-01-26 00:00"
    assert meta["ColumnType"] == "信息公开年报"


def test_ids_are_unique_on_the_report_page(page: BeautifulSoup):
    ids = [el["id"] for el in page.find_all(id=True)]
    assert [i for i in set(ids) if ids.count(i) > 1] == []


def test_no_external_url_in_any_page(site: Path):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 5
    external = []
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for tag in soup.find_all(True):
            for attr in ("src", "href"):
                value = str(tag.get(attr) or "")
                if re.match(r"\s*(https?:)?//", value, re.I):
                    external.append(f"{path.relative_to(site)}: <{tag.name} {attr}={value}>")
    assert external == []


# --- the 2021 fixture through the same hook --------------------------------------------------------


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("fixture-site")
    proc = mkdocs_build(dest, FIXTURE_2021)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return dest


@pytest.fixture(scope="module")
def page_2021(fixture_site: Path) -> BeautifulSoup:
    return BeautifulSoup((fixture_site / SHILI / "2021" / "index.html").read_text(encoding="utf-8"), "lxml")


def test_fixture_t3_has_25_rows_and_three_other_handling_rows(page_2021: BeautifulSoup):
    t3 = table(page_2021, "applications")
    rows = [tr for tr in t3.find("tbody").find_all("tr") if tr.find("td")]
    assert len(rows) == 25
    other = [th for th in t3.find_all("th") if th.get_text() == "（六）其他处理"]
    assert len(other) == 1 and other[0]["rowspan"] == "3"
    assert cell(t3, "（六）其他处理", "3.其他", "自然人") == "2"
    unpaid = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    assert cell(t3, "（六）其他处理", unpaid, "总计") == "0"
    assert [th for th in t3.find_all("th") if th.get_text() == "三、本年度办理结果"][0]["rowspan"] == "22"


def test_fixture_t2_has_four_bands_and_no_procurement(page_2021: BeautifulSoup):
    t2 = table(page_2021, "active_disclosure")
    assert [th.get_text() for th in t2.select("tr.nb-band th")] == [
        "第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"]
    assert "第二十条第（九）项" not in page_2021.get_text()
    assert cell(t2, "第二十条第（一）项", "行政规范性文件", "现行有效件数") == "18"
    assert cell(t2, "第二十条第（八）项", "行政事业性收费", "本年收费金额（单位：万元）") == "1.25"


def test_fixture_t4_values(page_2021: BeautifulSoup):
    t4 = table(page_2021, "reviews_litigation")
    assert [cell(t4, "复议后起诉", r) for r in T4_RESULTS] == ["1", "2", "1", "1", "5"]


def test_fixture_part_six_and_contact_change(fixture_site: Path, page_2021: BeautifulSoup):
    assert page_2021.find(id="part-6") is not None
    assert "实际收取信息处理费400元" in page_2021.get_text()
    page_2022 = (fixture_site / SHILI / "2022" / "index.html").read_text(encoding="utf-8")
    assert "0999-5550188" in page_2022 and "0999-5550188" not in str(page_2021)
