"""Corrections (修订记录): the model, the checks R.1–R.7 on mutated copies of the 2021 fixture, the
values before and after each revision, and the report page (the section, the marks in the tables).

The fixture's 2021 report carries two revisions: 2022-03-15, 表三（一）予以公开 自然人 48 → 46 and
总计 72 → 70; 2022-04-08, part 五's text 每季度检查一次 → 每月检查一次.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from nbdata import FIXTURE_2021, SHILI, copy_data, edit, only, run_cli

from nianbao.cells import Cell
from nianbao.formats import CellRef
from nianbao.loader import load_data
from nianbao.problems import Problem
from nianbao.revisions import CellChange, TextChange, first_published, resolve, revised_cells
from nianbao.schema import schema_files
from nianbao.site import build_site, check_site

S2021 = f"{SHILI}/2021.yml"
DISCLOSED = CellRef("applications", "results.disclosed", "natural_person")
DISCLOSED_TOTAL = CellRef("applications", "results.disclosed", "total")
NATURAL_PERSON = "      - cell: applications.results.disclosed.natural_person\n"
FIRST_CHANGE = NATURAL_PERSON + "        old: 48\n"
# A day long after every date in the fixture: checks that do not test the clock give it.
LATER = date(2030, 1, 1)


@pytest.fixture
def shili(tmp_path: Path) -> Path:
    return copy_data(FIXTURE_2021, tmp_path)


def found(data_dir: Path, today: date = LATER) -> list[Problem]:
    data, _ = check_site(data_dir, data_dir.parent, today=today)
    return data.findings.open


def line_of(path: Path, text: str) -> int:
    """The line (from 1) on which text first appears in the file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def add_revision(data_dir: Path, entry: str) -> Path:
    """Append a revision (YAML lines of one list item, indented by two) to the 2021 report."""
    path = data_dir / S2021
    path.write_text(path.read_text(encoding="utf-8") + entry, encoding="utf-8")
    return path


# --- the fixture's revision -----------------------------------------------------------------------


def test_the_fixture_revision_loads_and_checks_clean():
    data, _ = check_site(FIXTURE_2021, FIXTURE_2021.parent, today=LATER)
    assert data.findings.problems == []
    report = data.report(SHILI, 2021)
    assert report is not None
    cells, text = report.meta.revisions
    assert (cells.date, text.date) == (date(2022, 3, 15), date(2022, 4, 8))
    assert [(c.cell, c.part, c.old) for c in cells.changes] == [
        ("applications.results.disclosed.natural_person", None, "48"),
        ("applications.results.disclosed.total", None, "72")]
    (change,) = text.changes
    assert (change.cell, change.part) == (None, "五") and "每季度检查一次" in (change.old or "")


def test_check_command_on_the_fixture_is_clean():
    result = run_cli("check", "--strict", "tests/fixtures/2021")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 个错误，0 个警告" in result.stdout


def test_each_change_from_the_value_first_published_to_the_value_now():
    report = load_data(FIXTURE_2021, FIXTURE_2021.parent).report(SHILI, 2021)
    assert report is not None
    first, second = views = resolve(report)
    assert (first.number, second.number) == (1, 2)
    assert all(isinstance(c, CellChange) for c in first.changes)
    assert [(c.ref, c.old.text, c.new.text) for c in first.changes if isinstance(c, CellChange)] == [
        (DISCLOSED, "48", "46"), (DISCLOSED_TOTAL, "72", "70")]
    (text,) = second.changes
    assert isinstance(text, TextChange) and text.part == "五"
    assert text.old.endswith("每季度检查一次。") and text.new.endswith("每月检查一次。")
    assert revised_cells(views) == {DISCLOSED: (1,), DISCLOSED_TOTAL: (1,)}


def test_a_cell_revised_twice_links_each_change_to_the_next(shili: Path):
    """The value a revision changed to is the next revision's old value; the last one's, the table's."""
    edit(shili / S2021, FIRST_CHANGE, NATURAL_PERSON + "        old: 47\n")
    add_revision(shili, "  - date: 2022-02-10\n    reason: 首次更正\n    changes:\n"
                        "      - cell: applications.results.disclosed.natural_person\n        old: 48\n")
    data, _ = check_site(shili, shili.parent, today=LATER)
    # Listed out of date order: numbered as listed, linked by date.
    assert [p.rule for p in data.findings.open] == ["R.6"]
    report = data.report(SHILI, 2021)
    assert report is not None
    views = resolve(report)
    changes = {v.number: [c for c in v.changes if isinstance(c, CellChange) and c.ref == DISCLOSED] for v in views}
    assert [(c.old.text, c.new.text) for c in changes[3]] == [("48", "47")]
    assert [(c.old.text, c.new.text) for c in changes[1]] == [("47", "46")]
    assert first_published(views)[DISCLOSED] == Cell("number", 48, "48")
    assert revised_cells(views)[DISCLOSED] == (1, 3)


# --- R.1 to R.7: each can fail ------------------------------------------------------------------------


def test_r1_a_cell_the_format_does_not_have(shili: Path):
    edit(shili / S2021, "cell: applications.results.disclosed.total", "cell: applications.results.disclosed.totl")
    problem = only(found(shili), "R.1")
    assert problem.severity == "error"
    assert problem.location == f"data/{S2021}:{line_of(shili / S2021, 'disclosed.totl')}"
    assert problem.path == "revisions[0].changes[1].cell"
    assert problem.found == "applications.results.disclosed.totl"
    assert problem.expected == "表.行.栏，如 active_disclosure.regulations.made"
    assert "applications.results.disclosed.total（三、本年度办理结果·（一）予以公开 / 总计）" in problem.hint


def test_r1_a_group_row_the_report_gives_row_by_row(shili: Path):
    edit(shili / S2021, "cell: applications.results.disclosed.total", "cell: applications.results.withheld.total")
    problem = only(found(shili), "R.1")
    assert problem.message.startswith("三、本年度办理结果·（三）不予公开：这份报告把这一组逐行填写")
    assert problem.path == "revisions[0].changes[1].cell"


def test_r1_a_part_the_report_does_not_have(shili: Path):
    edit(shili / S2021, "  五:\n    heading: 存在的主要问题及改进情况\n    text: |\n"
                        "      存在的主要问题：个别栏目更新不够及时。\n"
                        "      改进措施：明确栏目责任人，每月检查一次。\n", "")
    problem = only(found(shili), "R.1")
    assert problem.message == "修订记录所指的第五部分在报告中没有"
    assert problem.expected == "报告中有的部分：一、二、三、四、六"
    assert problem.path == "revisions[1].changes[0].part"


@pytest.mark.parametrize(("old", "why"), [("无", "写了“无”"), ("-2", "是负数"), ("4.5", "不是整数")])
def test_r2_an_old_value_that_is_no_cell(shili: Path, old: str, why: str):
    edit(shili / S2021, FIRST_CHANGE, NATURAL_PERSON + f"        old: {old}\n")
    problem = only(found(shili), "R.2")
    assert problem.severity == "error"
    assert problem.message.startswith("三、本年度办理结果·（一）予以公开 / 自然人：修订前的值也照表格的写法：")
    assert why in problem.message
    assert problem.found == old
    assert problem.location.endswith(f":{line_of(shili / S2021, f'old: {old}')}")
    assert problem.path == "revisions[0].changes[0].old"


@pytest.mark.parametrize("old", ["~", "不适用"])
def test_blank_and_not_applicable_are_old_values(shili: Path, old: str):
    edit(shili / S2021, FIRST_CHANGE, NATURAL_PERSON + f"        old: {old}\n")
    assert found(shili) == []
    report = load_data(shili, shili.parent).report(SHILI, 2021)
    assert report is not None
    view, _ = resolve(report)
    assert view.changes[0].old == Cell("blank" if old == "~" else "na", None, "" if old == "~" else "不适用")


def test_r3_an_old_value_equal_to_the_new_is_a_warning(shili: Path):
    edit(shili / S2021, FIRST_CHANGE, NATURAL_PERSON + "        old: +46\n")
    problem = only(found(shili), "R.3")
    assert problem.severity == "warning"
    assert problem.message.startswith("三、本年度办理结果·（一）予以公开 / 自然人：修订前的值与修订后的值相同")
    assert (problem.expected, problem.found) == ("与 46 不同的原值", "46")
    assert problem.path == "revisions[0].changes[0].old"


def test_r3_an_unchanged_text(shili: Path):
    edit(shili / S2021, "每季度检查一次", "每月检查一次")
    problem = only(found(shili), "R.3")
    assert problem.message.startswith("第五部分的正文：修订前的值与修订后的值相同")
    assert problem.path == "revisions[1].changes[0].old"


def test_r4_a_revision_before_publication(shili: Path):
    edit(shili / S2021, "  - date: 2022-03-15", "  - date: 2022-01-19")
    problem = only(found(shili), "R.4")
    assert (problem.severity, problem.expected, problem.found) == ("error", "2022-01-20 或以后的日期", "2022-01-19")
    assert problem.path == "revisions[0].date"
    assert problem.location.endswith(f":{line_of(shili / S2021, 'date: 2022-01-19')}")


def test_r5_a_revision_after_the_day_of_the_build(shili: Path):
    """The day of the build is given, never read from the clock: the test is the same any day."""
    problem = only(found(shili, today=date(2022, 4, 6)), "R.5")
    assert (problem.severity, problem.expected, problem.found) == ("error", "2022-04-06 或以前的日期", "2022-04-08")
    assert problem.path == "revisions[1].date"
    assert [p.path for p in found(shili, today=date(2022, 3, 1))] == ["revisions[0].date", "revisions[1].date"]
    # A day's grace for a build server behind Beijing time.
    assert found(shili, today=date(2022, 4, 7)) == []
    assert found(shili, today=date(2022, 4, 8)) == []


def test_r6_revisions_out_of_date_order(shili: Path):
    path = add_revision(shili, "  - date: 2022-03-01\n    reason: 更正总计\n    changes:\n"
                               "      - cell: reviews_litigation.review.total\n        old: 6\n")
    problem = only(found(shili), "R.6")
    assert (problem.severity, problem.expected, problem.found) == ("warning", "2022-04-08 或以后的日期", "2022-03-01")
    assert problem.path == "revisions[2].date"
    assert problem.location.endswith(f":{line_of(path, 'date: 2022-03-01')}")


def test_r7_one_place_twice_in_a_revision(shili: Path):
    edit(shili / S2021, FIRST_CHANGE, FIRST_CHANGE * 2)
    problem = only(found(shili), "R.7")
    assert problem.severity == "error"
    assert problem.message == "同一条修订中，applications.results.disclosed.natural_person 写了两次"
    assert problem.found == "第 1 处和第 2 处"
    assert problem.path == "revisions[0].changes[1]"


# --- the model: shape, with lines ---------------------------------------------------------------------


def test_a_change_names_a_cell_or_a_part_not_both(shili: Path):
    edit(shili / S2021, "      - part: 五\n", "      - part: 五\n        cell: applications.new.total\n")
    problem = only(found(shili), "data.invalid")
    assert problem.expected.startswith("写 cell（改动的单元格）或 part（改动了正文的部分）之一")
    assert problem.path == "revisions[1].changes[0]"
    assert problem.location.endswith(f":{line_of(shili / S2021, '- part: 五')}")


def test_a_change_without_its_old_value(shili: Path):
    edit(shili / S2021, FIRST_CHANGE, "      - cell: applications.results.disclosed.natural_person\n")
    problem = only(found(shili), "data.missing")
    assert problem.path == "revisions[0].changes[0].old"


@pytest.mark.parametrize(("key", "broken", "rule"), [
    ("date", "  - date: 2022年3月15日", "data.date"), ("changes", "    changes: []", "data.invalid"),
    ("reason", "    reason: ''", "data.invalid"), ("reason", "    reasons: 笔误", "data.unknown_key"),
])
def test_a_faulty_revision_is_reported_and_the_tables_still_checked(shili: Path, key: str, broken: str, rule: str):
    path = shili / S2021
    head, _, tail = path.read_text(encoding="utf-8").partition("revisions:\n")
    first, _, rest = tail.partition("  - date: 2022-04-08")  # the first revision only
    lines = [broken + "\n" if line.strip(" -").startswith(key + ":") else line for line in first.splitlines(True)]
    if key == "changes":  # the change items go with it
        lines = [line for line in lines if not line.startswith("      ")]
    lines.append("  - date: 2022-04-08" + rest)
    path.write_text(head + "revisions:\n" + "".join(lines), encoding="utf-8")
    edit(path, "review: [2, 1, 1, 1, 5]", "review: [2, 1, 1, 1, 6]")
    problems = found(shili)
    problem = only(problems, rule)
    assert problem.path.startswith("revisions[0]")
    assert problem.location.endswith(f":{line_of(path, broken.strip())}")
    assert only(problems, "T4.1")  # one run reports both


# --- the schema -----------------------------------------------------------------------------------------


def test_the_schema_describes_revisions_and_completes_cell_paths():
    schema = json.loads(schema_files()["report.schema.json"])
    assert "revisions" in schema["properties"]
    change = schema["$defs"]["RevisionChange"]
    assert set(change["properties"]) == {"cell", "part", "old"}
    assert change["required"] == ["old"]
    assert change["oneOf"] == [{"required": ["cell"]}, {"required": ["part"]}]
    # 48, ~ and 不适用 all fit, as in a table cell; so does a paragraph of text.
    assert {b["type"] for b in change["properties"]["old"]["anyOf"]} == {"integer", "number", "string", "null"}
    assert schema["$defs"]["Revision"]["required"] == ["date", "reason", "changes"]
    branches = {b["if"]["properties"]["format"]["const"]: b["then"]["properties"] for b in schema["allOf"]}
    cells = {fmt: branch["revisions"]["items"]["properties"]["changes"]["items"]["properties"]["cell"]["enum"]
             for fmt, branch in branches.items()}
    assert "applications.results.disclosed.natural_person" in cells["2021"]
    assert "applications.results.withheld.total" in cells["2021"]  # a group printed as one row
    assert "active_disclosure.procurement.amount" not in cells["2021"]
    assert any(c.startswith("active_disclosure.procurement.") for c in cells["2019"])


# --- the page -------------------------------------------------------------------------------------------

BUILD = build_site(FIXTURE_2021, FIXTURE_2021.parent)


def page(src_uri: str):
    return {p.src_uri: p for p in BUILD.pages}[src_uri]


def test_the_page_has_a_revisions_section_after_the_signature():
    md = page(f"{SHILI}/2021.md").markdown
    headings = [line for line in md.splitlines() if line.startswith("## ")]
    at = headings.index("## 修订记录 {#revisions}")
    assert headings[at - 1] == "## 六、其他需要报告的事项 {#part-6}"
    assert headings[at + 1] == "## 数据核对 {#checks data-pagefind-ignore}"
    assert md.index("nianbao:block signature") < md.index("## 修订记录")
    # Only where there are revisions.
    assert "修订记录" not in page(f"{SHILI}/2022.md").markdown
    assert "revisions" not in page(f"{SHILI}/2022.md").blocks


def test_the_section_lists_date_reason_labels_and_both_values():
    soup = BeautifulSoup(page(f"{SHILI}/2021.md").blocks["revisions"], "lxml")
    first, second = soup.select("li.nb-revision")
    assert (first["id"], second["id"]) == ("revision-1", "revision-2")
    assert first.select_one(".nb-revision-title").get_text() == "修订 1：2022年3月15日"
    assert first.select_one(".nb-revision-title time")["datetime"] == "2022-03-15"
    assert first.select_one(".nb-revision-reason").get_text().startswith("理由：原表三“（一）予以公开”")
    table = first.select_one("table.nb-revision-cells")
    assert [th.get_text() for th in table.select("thead th")] == ["项目", "原公布", "现为"]
    rows = [[cell.get_text(" ") for cell in tr.find_all(["th", "td"])] for tr in table.select("tbody tr")]
    assert rows == [
        ["表：收到和处理政府信息公开申请情况 三、本年度办理结果·（一）予以公开 / 自然人", "48", "46"],
        ["表：收到和处理政府信息公开申请情况 三、本年度办理结果·（一）予以公开 / 总计", "72", "70"],
    ]
    assert table.select_one("tbody th a")["href"] == "#tab-applications"
    assert first.select(".nb-revision-text") == []
    assert second.select_one(".nb-revision-title").get_text() == "修订 2：2022年4月8日"
    assert second.select("table") == []
    text = second.select_one(".nb-revision-text")
    assert text.select_one(".nb-revision-where a")["href"] == "#part-5"
    assert text.select_one(".nb-revision-where").get_text() == "五、存在的主要问题及改进情况（正文）"
    problem = "存在的主要问题：个别栏目更新不够及时。"
    assert [p.get_text() for p in text.select(".nb-revision-old p")] == [
        "原公布", problem, "改进措施：明确栏目责任人，每季度检查一次。"]
    assert [p.get_text() for p in text.select(".nb-revision-new p")] == [
        "现为", problem, "改进措施：明确栏目责任人，每月检查一次。"]
    # The values changed stay out of the search index; the dates and reasons are found. Material's
    # search parser ends an exclusion at the first end tag of the excluded element's tag, so an
    # excluded element holds none of its own tag.
    excluded = soup.select("[data-search-exclude]")
    assert [e["class"] for e in excluded] == [["nb-revision-changes"], ["nb-revision-old"], ["nb-revision-new"]]
    assert all(e.find(e.name) is None for e in excluded)
    for found in soup.select(".nb-revision-reason, .nb-revision-title"):
        assert found.find_parent(attrs={"data-search-exclude": True}) is None
    assert "revisions" in page(f"{SHILI}/2021.md").render_content()


def test_blank_and_not_applicable_are_written_out_in_the_section(shili: Path):
    edit(shili / S2021, FIRST_CHANGE, NATURAL_PERSON + "        old: ~\n")
    edit(shili / S2021, "        old: 72\n", "        old: 不适用\n")
    build = build_site(shili, shili.parent)
    html = {p.src_uri: p for p in build.pages}[f"{SHILI}/2021.md"].blocks["revisions"]
    cells = BeautifulSoup(html, "lxml").select("table.nb-revision-cells tbody td")
    assert [(td.get_text(), td["class"]) for td in cells] == [
        ("未填写", ["nb-blank"]), ("46", ["nb-num"]), ("不适用", ["nb-na"]), ("70", ["nb-num"])]


def test_revised_cells_are_marked_in_the_table_with_a_text_alternative():
    soup = BeautifulSoup(page(f"{SHILI}/2021.md").blocks["table-applications"], "lxml")
    marked = soup.select("td.nb-revised")
    assert [td["data-label"] for td in marked] == ["自然人", "总计"]
    for td in marked:
        assert td.find_parent("tr").find("th", scope="row").get_text() == "（一）予以公开"
        mark = td.select_one("a.nb-rev-mark")
        assert mark["href"] == "#revision-1"
        assert mark.select_one("sup").get_text() == "修1" and mark.select_one("sup")["aria-hidden"] == "true"
        assert mark.select_one(".nb-sr-only").get_text() == "（已修订，见修订记录 1）"
    assert [td.contents[0] for td in marked] == ["46", "70"]  # the value now, as the table shows it
    assert len(soup.select("a.nb-rev-mark")) == 2
    for key in ("active_disclosure", "reviews_litigation"):
        assert "nb-rev-mark" not in page(f"{SHILI}/2021.md").blocks[f"table-{key}"]


def test_a_revised_zero_is_not_listed_with_the_row_zeros(shili: Path):
    """On a phone a row's zeros are listed together by their names; a revised zero stands alone,
    with its mark."""
    add_revision(shili, "  - date: 2022-04-10\n    reason: 更正\n    changes:\n      - cell: "
                        "applications.results.other_handling.unpaid_fees.natural_person\n        old: 1\n")
    build = build_site(shili, shili.parent, today=LATER)
    html = {p.src_uri: p for p in build.pages}[f"{SHILI}/2021.md"].blocks["table-applications"]
    (td,) = BeautifulSoup(html, "lxml").select("td.nb-revised[data-label='自然人'] a[href='#revision-3']")
    cell = td.parent
    assert cell.contents[0] == "0" and "nb-zero" not in cell["class"]


def test_the_byline_names_the_latest_revision():
    soup = BeautifulSoup(page(f"{SHILI}/2021.md").blocks["byline"], "lxml")
    link = soup.select_one("a[href='#revisions']")
    assert link is not None and link.get_text() == "2022年4月8日"
    assert link.parent.get_text() == "最近修订：2022年4月8日"
    assert "最近修订" not in page(f"{SHILI}/2022.md").blocks["byline"]


# --- open data ------------------------------------------------------------------------------------------


def test_open_data_gives_the_value_now_and_the_value_first_published(shili: Path):
    """Each cell's row carries the figure now; a revised one also its revisions' dates and what was
    first published, a blank written out (未填写) so that it is never mistaken for 'not revised'."""
    import csv
    import io

    from nianbao.opendata import open_data_files

    add_revision(shili, "  - date: 2022-05-01\n    reason: 更正\n    changes:\n" + NATURAL_PERSON + "        old: 47\n"
                        "      - cell: reviews_litigation.review.total\n        old: ~\n")
    files = open_data_files(load_data(shili, shili.parent))
    text = files[f"{SHILI}/2021/cells.csv"]
    cells = {(r["表格键"], r["行键"], r["列键"]): r for r in csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))}
    person = cells["applications", "results.disclosed", "natural_person"]
    assert (person["数值"], person["修订日期"], person["原公布"]) == ("46", "2022-03-15、2022-05-01", "48")
    total = cells["applications", "results.disclosed", "total"]
    assert (total["数值"], total["修订日期"], total["原公布"]) == ("70", "2022-03-15", "72")
    review = cells["reviews_litigation", "review", "total"]
    assert (review["数值"], review["修订日期"], review["原公布"]) == ("5", "2022-05-01", "未填写")
    untouched = cells["applications", "new", "total"]
    assert (untouched["修订日期"], untouched["原公布"]) == ("", "")
    assert all(r["修订日期"] == "" for r in csv.DictReader(io.StringIO(files[f"{SHILI}/2022/cells.csv"][1:])))
