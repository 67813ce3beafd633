"""Reading the statutory tables from YAML, guided by the format definition."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nianbao.cells import BLANK, NA
from nianbao.formats import get_format
from nianbao.problems import Locator
from nianbao.table_values import read_tables
from nianbao.yamlsource import parse_yaml

T4_OK = "reviews_litigation:\n  review: [1, 1, 0, 0, 2]\n  litigation:\n    direct: [0, 0, 0, 0, 0]\n" \
        "    after_review: [1, 0, 0, 0, 1]\n"
T2_2021_OK = ("active_disclosure:\n  regulations: [2, 1, 5]\n  normative_documents: [6, 2, 18]\n"
              "  licensing: 35\n  penalties: [12]\n  enforcement: 不适用\n  fees: ~\n")


def read(text: str, fmt: str = "2021", only: str | None = None):
    doc = parse_yaml(text)
    tables, problems = read_tables(doc.value, get_format(fmt), Locator("data/x/2021.yml", doc))
    if only:
        problems = [p for p in problems if not (p.rule == "P.2" and p.path != only)]
    return tables, problems


def test_t4_values_by_dotted_row_key():
    tables, problems = read(T4_OK, only="reviews_litigation")
    assert problems == []
    t4 = tables["reviews_litigation"]
    assert list(t4) == ["review", "litigation.direct", "litigation.after_review"]
    assert [c.text for c in t4["litigation.after_review"]] == ["1", "0", "0", "0", "1"]


def test_single_column_rows_take_a_bare_value_or_a_list_of_one():
    tables, problems = read(T2_2021_OK, only="active_disclosure")
    assert problems == []
    t2 = tables["active_disclosure"]
    assert t2["licensing"][0].value == Decimal(35)
    assert t2["penalties"][0].value == Decimal(12)
    assert t2["enforcement"] == (NA,)
    assert t2["fees"] == (BLANK,)


def test_missing_tables_are_p2_errors():
    _, problems = read("format: '2021'\n")
    assert [(p.rule, p.path, p.message) for p in problems] == [
        ("P.2", "active_disclosure", "表格缺失：二、主动公开政府信息情况"),
        ("P.2", "applications", "表格缺失：三、收到和处理政府信息公开申请情况"),
        ("P.2", "reviews_litigation", "表格缺失：四、政府信息公开行政复议、行政诉讼情况"),
    ]


def test_missing_row():
    _, problems = read(T4_OK.replace("  review: [1, 1, 0, 0, 2]\n", ""), only="reviews_litigation")
    (p,) = problems
    assert (p.rule, p.path, p.line, p.message) == ("data.missing", "reviews_litigation.review", 1,
                                                    "缺少一行：行政复议")
    assert p.expected == "review: [~, ~, ~, ~, ~]"


def test_unknown_row_suggests_by_key_and_by_label():
    _, problems = read(T4_OK.replace("  review:", "  reveiw:"), only="reviews_litigation")
    unknown = [p for p in problems if p.rule == "data.unknown_key"]
    assert [(p.path, p.hint) for p in unknown] == [("reviews_litigation.reveiw", "是不是想写 review（行政复议）？")]
    _, problems = read(T4_OK.replace("  review:", "  行政复议:"), only="reviews_litigation")
    unknown = [p for p in problems if p.rule == "data.unknown_key"]
    assert [p.hint for p in unknown] == ["是不是想写 review（行政复议）？"]


def test_wrong_number_of_cells():
    _, problems = read(T4_OK.replace("[1, 1, 0, 0, 2]", "[1, 1, 0, 2]"), only="reviews_litigation")
    (p,) = problems
    assert (p.rule, p.path, p.line) == ("data.length", "reviews_litigation.review", 2)
    assert p.message == "行政复议：格数不对"
    assert (p.expected, p.found) == ("5 格（结果维持、结果纠正、其他结果、尚未审结、总计）", "4 格")


def test_row_that_is_not_a_list():
    _, problems = read(T4_OK.replace("[1, 1, 0, 0, 2]", "2"), only="reviews_litigation")
    (p,) = problems
    assert (p.rule, p.path, p.found) == ("data.type", "reviews_litigation.review", "“2”")
    assert (p.message, p.expected) == ("行政复议：一行写成它各格的列表", "[~, ~, ~, ~, ~]")


def test_group_that_is_not_a_mapping():
    _, problems = read(T4_OK.replace("  litigation:\n    direct: [0, 0, 0, 0, 0]\n    after_review: [1, 0, 0, 0, 1]\n",
                                     "  litigation: [0, 0]\n"), only="reviews_litigation")
    (p,) = problems
    assert (p.rule, p.path, p.found) == ("data.type", "reviews_litigation.litigation", "含 2 项的列表")
    assert p.expected == "行：direct, after_review"


def test_a_cell_holds_one_value():
    _, problems = read(T4_OK.replace("[1, 1, 0, 0, 2]", "[1, [1], 0, 0, 2]"), only="reviews_litigation")
    (p,) = problems
    assert (p.rule, p.path) == ("data.type", "reviews_litigation.review.corrected")


def test_bad_cell_names_row_column_and_line():
    _, problems = read(T4_OK.replace("[1, 0, 0, 0, 1]", "[1, 0, -2, 0, 1]"), only="reviews_litigation")
    (p,) = problems
    assert (p.rule, p.path, p.line, p.column) == ("data.cell", "reviews_litigation.litigation.after_review.other",
                                                  5, 26)
    assert p.message == "复议后起诉 / 其他结果：“-2”是负数，这一栏不会是负数"
    assert p.found == "-2"


def test_faulty_rows_are_left_out_and_every_fault_reported():
    text = T4_OK.replace("[1, 1, 0, 0, 2]", "[1, x, 0, 0, 2]").replace("[0, 0, 0, 0, 0]", "[0, 0, 0, 0, y]")
    tables, problems = read(text, only="reviews_litigation")
    assert [p.path for p in problems] == ["reviews_litigation.review.corrected",
                                          "reviews_litigation.litigation.direct.total"]
    assert list(tables["reviews_litigation"]) == ["litigation.after_review"]


@pytest.mark.parametrize("fmt", ["2019", "2021"])
def test_real_and_fixture_tables_read_clean(fmt):
    from nbdata import DATA, FIXTURE_2021, SHILI, WANGGANG

    path = DATA / WANGGANG / "2020.yml" if fmt == "2019" else FIXTURE_2021 / SHILI / "2021.yml"
    doc = parse_yaml(path.read_text(encoding="utf-8"))
    tables, problems = read_tables(doc.value, get_format(fmt), Locator(str(path), doc))
    assert problems == []
    rows = {"2019": 23, "2021": 25}[fmt]
    assert len(tables["applications"]) == rows
    assert all(len(cells) == 7 for cells in tables["applications"].values())
