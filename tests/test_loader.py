"""Loading data/: every bad input gives a clear error naming the file (and line) and the field."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from nbdata import DATA, FIXTURE_2021, SHILI, WANGGANG, check, copy_data, edit, only

from nianbao.loader import DataDirError, load_data

REPORT = f"{WANGGANG}/2020.yml"
BODY = f"{WANGGANG}/body.yml"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return copy_data(DATA, tmp_path)


def load(data_dir: Path):
    return load_data(data_dir, data_dir.parent)


def open_problems(data_dir: Path):
    return load(data_dir).findings.open


def test_real_data_loads():
    data = load_data(DATA, DATA.parent)
    assert data.findings.problems == []
    assert list(data.bodies) == [WANGGANG]
    report = data.report(WANGGANG, 2020)
    assert (report.year, report.file, report.format.id) == (2020, "data/wanggang-zhen/2020.yml", "2019")
    assert report.meta.published == date(2021, 1, 26)
    assert {slug: where.file for slug, where in data.body_files.items()} == {WANGGANG: "data/wanggang-zhen/body.yml"}


def test_fixture_loads():
    data = load_data(FIXTURE_2021, FIXTURE_2021.parent)
    assert data.findings.problems == []
    assert [r.year for r in data.reports_by_body()[SHILI]] == [2020, 2021, 2022]
    assert [r.format.id for r in data.reports_by_body()[SHILI]] == ["2019", "2021", "2021"]
    # _schema is not a body.
    assert list(data.bodies) == [SHILI]


def test_no_such_folder_is_a_usage_error(tmp_path: Path):
    with pytest.raises(DataDirError, match="没有这个数据文件夹"):
        load_data(tmp_path / "nope")


def test_malformed_yaml(data: Path):
    edit(data / REPORT, "signed_by: 南岗区王岗镇人民政府", "signed_by: [南岗区王岗镇人民政府")
    p = only(open_problems(data), "data.yaml")
    assert (p.file, p.line, p.severity) == ("data/wanggang-zhen/2020.yml", 6, "error")
    assert p.message == "文件的写法有误，读不出来：方括号 [ ] 没有写完整：检查逗号和右括号"
    assert p.hint


def test_duplicate_key(data: Path):
    edit(data / REPORT, "signed_by: 南岗区王岗镇人民政府\n", "signed_by: 南岗区王岗镇人民政府\nsigned_by: 王岗镇\n")
    p = only(open_problems(data), "data.duplicate_key")
    assert p.location == "data/wanggang-zhen/2020.yml:6"
    assert p.message == "键 signed_by 写了两次（第一次在第 5 行）"


def test_unknown_key_did_you_mean(data: Path):
    edit(data / REPORT, "signed_by:", "signed_bi:")
    p = only(open_problems(data), "data.unknown_key")
    assert (p.location, p.path, p.message) == ("data/wanggang-zhen/2020.yml:5", "signed_bi", "不认识的键 signed_bi")
    assert p.hint == "是不是想写 signed_by（落款单位）？"


def test_unknown_body_key_did_you_mean(data: Path):
    edit(data / BODY, "short_name:", "shortname:")
    p = only(open_problems(data), "data.unknown_key")
    assert (p.location, p.path) == ("data/wanggang-zhen/body.yml:3", "shortname")
    assert p.hint == "是不是想写 short_name（简称，如 王岗镇）？"


def test_unknown_nested_key_did_you_mean(data: Path):
    edit(data / BODY, "  phone:", "  phnoe:")
    p = only(open_problems(data), "data.unknown_key")
    assert (p.location, p.path) == ("data/wanggang-zhen/body.yml:10", "contact.phnoe")
    assert p.hint == "是不是想写 phone（电话）？"


def test_unknown_nested_key_expected_describes_the_mapping_it_is_in(data: Path):
    # For a key inside parts.二, "expected" describes the mapping it is in (a part), not `parts`
    # itself (正文各部分，键为 一 至 六), which would point at the wrong level.
    edit(data / REPORT, "    heading: 主动公开政府信息情况", "    heading: 主动公开政府信息情况\n    txet: x")
    p = only(open_problems(data), "data.unknown_key")
    assert (p.path, p.hint) == ("parts.二.txet", "是不是想写 text（正文，一行一段）？")
    assert "键为 一 至 六" not in p.expected
    assert p.expected == "以下之一：heading, text, sections, fees"


def test_unknown_part_key_lists_the_part_keys(data: Path):
    edit(data / REPORT, "  二:\n", "  七:\n")
    p = only(open_problems(data), "data.unknown_key")
    assert (p.location, p.path, p.found) == ("data/wanggang-zhen/2020.yml:26", "parts.七", "七")
    assert p.message == "不认识的键 七"
    assert p.expected == "以下之一：一, 二, 三, 四, 五, 六"


def test_unknown_table_row_did_you_mean(data: Path):
    edit(data / REPORT, "    disclosed: [2", "    disclosd: [2")
    found = open_problems(data)
    p = only(found, "data.unknown_key")
    assert (p.location, p.path) == ("data/wanggang-zhen/2020.yml:61", "applications.results.disclosd")
    assert p.hint == "是不是想写 disclosed（（一）予以公开）？"
    assert p.expected == ("以下之一：disclosed, partly_disclosed, withheld, unavailable, not_processed, "
                          "other_handling, total")
    # A mistyped row is one problem: the row it stands for is not reported missing as well.
    assert [q.rule for q in found] == ["data.unknown_key"]


def test_wrong_type_list_expected(data: Path):
    edit(data / BODY, "region: [黑龙江省, 哈尔滨市, 南岗区]", "region: 黑龙江省")
    p = only(open_problems(data), "data.type")
    assert (p.location, p.path, p.found) == ("data/wanggang-zhen/body.yml:5", "region", "“黑龙江省”")
    assert p.expected == "一个列表（每项一行，以 - 开头）"


def test_wrong_type_mapping_expected(data: Path):
    edit(data / BODY, "contact:\n", "contact: 行政办\nx:\n")
    found = open_problems(data)
    p = only(found, "data.type")
    assert (p.path, p.found, p.expected) == ("contact", "“行政办”", "一组“键: 值”")


def test_wrong_type_row(data: Path):
    edit(data / REPORT, "  carried_over: [0, 0, 0, 0, 0, 0, 0]", "  carried_over: 0")
    p = only(open_problems(data), "data.type")
    assert (p.location, p.path) == ("data/wanggang-zhen/2020.yml:59", "applications.carried_over")
    assert (p.expected, p.found) == ("[~, ~, ~, ~, ~, ~, ~]", "“0”")
    assert p.message == "二、上年结转政府信息公开申请数量：一行写成它各格的列表"


def test_negative_count(data: Path):
    edit(data / REPORT, "  carried_over: [0, 0, 0, 0, 0, 0, 0]", "  carried_over: [0, -1, 0, 0, 0, 0, 0]")
    p = only(open_problems(data), "data.cell")
    assert (p.location, p.path) == ("data/wanggang-zhen/2020.yml:59", "applications.carried_over.commercial")
    assert p.message == "二、上年结转政府信息公开申请数量 / 商业企业：“-1”是负数，这一栏不会是负数"
    assert p.found == "-1"


def test_bad_date_has_a_line(data: Path):
    edit(data / REPORT, "published: 2021-01-26", "published: 2024-13-01")
    (p,) = open_problems(data)
    assert (p.location, p.path, p.found) == ("data/wanggang-zhen/2020.yml:4", "published", "“2024-13-01”")
    assert p.rule == "data.date"
    assert p.message == "没有这一天：2024-13-01（月份 1–12，日期不超过当月天数）"


@pytest.mark.parametrize("value", ["NO", "no", "off", "Yes"])
def test_yaml11_boolean_words_stay_names(data: Path, value: str):
    edit(data / BODY, "short_name: 王岗镇", f"short_name: {value}")
    loaded = load(data)
    assert loaded.findings.problems == []
    assert loaded.bodies[WANGGANG].short_name == value


def test_unquoted_postcode_keeps_leading_zero(data: Path):
    edit(data / BODY, 'postcode: "150000"', "postcode: 010000")
    loaded = load(data)
    assert loaded.findings.problems == []
    assert loaded.bodies[WANGGANG].contact.postcode == "010000"


def test_postcode_too_short(data: Path):
    edit(data / BODY, 'postcode: "150000"', "postcode: 15000")
    p = only(open_problems(data), "data.invalid")
    assert (p.location, p.path, p.message) == ("data/wanggang-zhen/body.yml:9", "contact.postcode",
                                               "这一项的取值不符合要求")
    assert (p.expected, p.found) == ("六位数字的邮编，如 150000", "“15000”")


def test_duplicate_year_yml_and_yaml(data: Path):
    shutil.copy(data / REPORT, data / WANGGANG / "2020.yaml")
    found = open_problems(data)
    p = only(found, "data.duplicate_report")
    assert p.file in ("data/wanggang-zhen/2020.yml", "data/wanggang-zhen/2020.yaml")
    assert p.found == "2020.yml、2020.yaml"


def test_same_body_in_two_folders(data: Path):
    shutil.copytree(data / WANGGANG, data / "wanggang")
    found = load(data)
    p = only(found.findings.open, "data.duplicate_body")
    # Folders are read in name order: the second one is the duplicate.
    assert (p.file, p.path) == ("data/wanggang-zhen/body.yml", "name")
    assert p.found == "南岗区王岗镇人民政府，data/wanggang/body.yml 也是这个名称"
    assert p.found == "南岗区王岗镇人民政府，data/wanggang/body.yml 也是这个名称"
    assert list(found.bodies) == ["wanggang"]


def test_same_body_in_two_folders_points_at_the_name_line(data: Path):
    # The problem is placed with body.yml's parsed document, so it names the line of name:.
    shutil.copytree(data / WANGGANG, data / "wanggang")
    p = only(open_problems(data), "data.duplicate_body")
    assert p.location == "data/wanggang-zhen/body.yml:2"


def test_report_without_body_yml(data: Path):
    (data / BODY).unlink()
    p = only(open_problems(data), "data.no_body")
    assert (p.file, p.expected) == ("data/wanggang-zhen/", "data/wanggang-zhen/body.yml")


@pytest.mark.parametrize(("folder", "hint"), [
    ("王岗镇", "把文件夹改名，如 拼音名 wanggang-zhen 这样的名字"),
    ("Wang Gang", "把文件夹改名，如 wang-gang"),
    ("wanggang_zhen", "把文件夹改名，如 wanggang-zhen"),
    ("-wanggang", "把文件夹改名，如 wanggang"),
])
def test_folder_names_must_be_path_safe(data: Path, folder: str, hint: str):
    (data / WANGGANG).rename(data / folder)
    loaded = load(data)
    p = only(loaded.findings.open, "data.slug")
    assert (p.file, p.found, p.hint) == (f"data/{folder}/", folder, hint)
    assert loaded.bodies == {} and loaded.reports == {}


def test_stray_file_is_an_error(data: Path):
    # An error, so that a report saved under a wrong name is not silently left off the site.
    (data / WANGGANG / "notes.txt").write_text("x", encoding="utf-8")
    p = only(open_problems(data), "data.stray_file")
    assert (p.severity, p.file, p.found) == ("error", "data/wanggang-zhen/notes.txt", "notes.txt")
    assert p.message == "机关文件夹里只能有 body.yml 和报告文件 年度.yml：这个文件不会被读取，网站上也不会有它"
    # An error: a misnamed report would otherwise be missing from the site without a word.
    (data / WANGGANG / "notes.txt").write_text("x", encoding="utf-8")
    p = only(open_problems(data), "data.stray_file")
    assert (p.severity, p.file) == ("error", "data/wanggang-zhen/notes.txt")
    assert p.hint == "报告文件请改名为 年度.yml；不是数据的文件请移出 data/"


@pytest.mark.parametrize(("name", "hint"), [
    ("2023年.yml", "如果这是 2023 年度的报告，请改名为 2023.yml"),
    ("2023.yml.bak", "如果这是 2023 年度的报告，请改名为 2023.yml"),
    ("２０２３.yml", "报告文件请改名为 年度.yml；不是数据的文件请移出 data/"),
])
def test_a_misnamed_report_is_an_error_naming_the_right_name(data: Path, name: str, hint: str):
    (data / WANGGANG / name).write_text((data / REPORT).read_text(encoding="utf-8"), encoding="utf-8")
    loaded = load(data)
    p = only(loaded.findings.open, "data.stray_file")
    assert (p.severity, p.file, p.found, p.hint) == ("error", f"data/wanggang-zhen/{name}", name, hint)
    assert list(loaded.reports) == [(WANGGANG, 2020)]


@pytest.mark.parametrize(("name", "hint"), [
    ("notes.txt", "把它移出 data/，或改名以 _ 开头（如 _notes.txt）"),
    ("2020.yml", "这是机关的数据文件吗？请放进机关的文件夹：data/<机关文件夹>/2020.yml"),
    ("body.yml", "这是机关的数据文件吗？请放进机关的文件夹：data/<机关文件夹>/body.yml"),
])
def test_a_file_directly_in_data_is_an_error(data: Path, name: str, hint: str):
    (data / name).write_text("x: 1\n", encoding="utf-8")
    (data / "_notes.txt").write_text("read by nobody", encoding="utf-8")  # _ and . names are not data
    (data / ".gitkeep").write_text("", encoding="utf-8")
    p = only(open_problems(data), "data.stray_file")
    assert (p.severity, p.file, p.found, p.hint) == ("error", f"data/{name}", name, hint)


def test_empty_report_file(data: Path):
    (data / WANGGANG / "2021.yml").write_text("", encoding="utf-8")
    p = only(open_problems(data), "data.not_mapping")
    assert (p.file, p.found) == ("data/wanggang-zhen/2021.yml", "空文件")


def test_report_year_before_2008(data: Path):
    shutil.copy(data / REPORT, data / WANGGANG / "2007.yml")
    p = only(open_problems(data), "data.year")
    assert (p.file, p.found) == ("data/wanggang-zhen/2007.yml", "2007")


def test_not_utf8(data: Path):
    gbk = (data / REPORT).read_text(encoding="utf-8").encode("gb18030")
    (data / REPORT).write_bytes(gbk)
    with pytest.raises(UnicodeDecodeError) as bad:
        gbk.decode("utf-8")
    p = only(open_problems(data), "data.encoding")
    line = gbk.count(b"\n", 0, bad.value.start) + 1
    assert p.location == f"data/wanggang-zhen/2020.yml:{line}"
    assert p.message == (f"文件不是 UTF-8 编码（第 {bad.value.start + 1} 个字节处）"
                         "：看起来是 GBK（GB2312/GB18030）编码，记事本和 WPS 有时这样保存")
    assert (p.expected, p.found) == ("UTF-8 编码的文本", "GBK 编码的文本")
    assert p.hint


def test_unknown_format_gives_one_error_not_one_per_table(tmp_path: Path):
    # The tables are no unknown keys of the report when its format is missing or unknown: one
    # error about the format, not three misleading ones ("unknown key 'applications'").
    data = copy_data(FIXTURE_2021, tmp_path)
    edit(data / SHILI / "2021.yml", 'format: "2021"', 'format: "2020"')
    found = open_problems(data)
    assert [(p.rule, p.path) for p in found] == [("data.invalid", "format")]
    assert found[0].expected == '格式编号之一：2019、2021（写成带引号的 "2021"）'


def test_every_problem_in_one_pass(data: Path):
    edit(data / REPORT, "signed_by:", "signed_bi:")
    edit(data / REPORT, "  carried_over: [0, 0, 0, 0, 0, 0, 0]", "  carried_over: [0, -1, 0, 0, 0, 0, 0]")
    edit(data / BODY, "level: 乡镇/街道", "level: 乡镇")
    rules = sorted(p.rule for p in open_problems(data))
    assert rules == ["data.cell", "data.choice", "data.unknown_key"]


def test_a_mistyped_key_does_not_hide_the_tables_findings(tmp_path: Path) -> None:
    """One run reports every problem: the unknown key, and the wrong total the tables hold."""
    data = copy_data(DATA, tmp_path)
    edit(data / "wanggang-zhen" / "2020.yml", "\ntitle:", "\ntitel:")
    edit(data / "wanggang-zhen" / "2020.yml", "review: [1, 1, 0, 0, 2]", "review: [1, 1, 0, 0, 3]")
    dataset, _ = check(data)
    assert sorted(p.rule for p in dataset.findings.open) == ["T4.1", "data.unknown_key"]
