"""Identities (勾稽关系) and the rules around them, on mutated copies of valid data.

Each test breaks one thing in a copy of data/ (2019 format) or of tests/fixtures/2021 (2021 format,
with a 2019-format 2020 report) and asserts the rule id, file:line, data path, and expected vs found.
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from nbdata import DATA, FIXTURE_2021, SHILI, WANGGANG, check, copy_data, edit, only, problems

from nianbao.problems import Problem

W2020 = f"{WANGGANG}/2020.yml"
S2020, S2021, S2022 = (f"{SHILI}/{year}.yml" for year in (2020, 2021, 2022))


@pytest.fixture
def wanggang(tmp_path: Path) -> Path:
    return copy_data(DATA, tmp_path)


@pytest.fixture
def shili(tmp_path: Path) -> Path:
    return copy_data(FIXTURE_2021, tmp_path)


def find(found: list[Problem], rule: str, path: str) -> Problem:
    matching = [p for p in found if p.rule == rule and p.path == path]
    assert len(matching) == 1, "\n\n".join(p.render() for p in found)
    return matching[0]


def statuses(data_dir: Path, body: str, year: int) -> dict[str, Counter[str]]:
    _, results = check(data_dir)
    out: dict[str, Counter[str]] = {}
    for outcome in results[(body, year)].outcomes:
        out.setdefault(outcome.identity.id, Counter())[outcome.status] += 1
    return out


# --- valid data ------------------------------------------------------------------------------------


def test_real_data_has_only_the_acknowledged_p1():
    data, _ = check(DATA)
    assert data.findings.open == []
    (ack,) = data.findings.acknowledged
    assert (ack.rule, ack.cells, ack.location) == ("P.1", "parts.六", "data/wanggang-zhen/2020.yml:8")


def test_fixture_checks_clean_and_every_identity_is_evaluated():
    data, _ = check(FIXTURE_2021)
    assert data.findings.problems == []
    assert statuses(FIXTURE_2021, SHILI, 2020) == {
        "T3.1": {"holds": 7}, "T3.2": {"holds": 23}, "T3.4": {"holds": 7}, "T4.1": {"holds": 3},
        "T2.c": {"holds": 5}, "T2.d": {"holds": 2},
        "X.1": {"no_previous": 7}, "X.3": {"no_previous": 5}, "X.4": {"no_previous": 2},
    }
    # X.1 is checked across the format change; X.2 and T2.b need last year's 现行有效件数, which 2020 lacks.
    assert statuses(FIXTURE_2021, SHILI, 2021) == {
        "T3.1": {"holds": 7}, "T3.2": {"holds": 25}, "T3.4": {"holds": 7}, "T4.1": {"holds": 3},
        "T2.b": {"not_applicable": 2}, "X.1": {"holds": 7}, "X.2": {"not_applicable": 2},
    }
    assert statuses(FIXTURE_2021, SHILI, 2022) == {
        "T3.1": {"holds": 7}, "T3.2": {"holds": 25}, "T3.4": {"holds": 7}, "T4.1": {"holds": 3},
        "T2.b": {"holds": 2}, "X.1": {"holds": 7}, "X.2": {"holds": 2},
    }


# --- T3 -------------------------------------------------------------------------------------------


def test_t3_1_2019(wanggang: Path):
    edit(wanggang / W2020, "  carried_forward: [0, 0, 0, 0, 0, 0, 0]", "  carried_forward: [1, 0, 0, 0, 0, 0, 1]")
    found = problems(wanggang)
    assert sorted(p.path for p in found) == ["applications.results.total.natural_person",
                                             "applications.results.total.total"]
    p = find(found, "T3.1", "applications.results.total.natural_person")
    assert (p.severity, p.location) == ("error", "data/wanggang-zhen/2020.yml:83")
    assert p.message == "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和；列：自然人"
    assert p.expected == "（七）总计 + 四 = 一 + 二 = 10 + 0 = 10"
    assert p.found == "（七）总计 + 四 = 10 + 1 = 11"
    assert p.hint.startswith("两边相差 +1：")
    assert p.cells == "applications.*.natural_person"


def test_t3_1_2021(shili: Path):
    edit(shili / S2021, "carried_forward: [5, 2, 1, 1, 1, 1, 11]", "carried_forward: [6, 2, 1, 1, 1, 1, 12]")
    found = problems(shili)
    p = find(found, "T3.1", "applications.results.total.natural_person")
    assert (p.severity, p.location) == ("error", "data/shili-xian-shujuju/2021.yml:83")
    assert (p.expected, p.found) == ("（七）总计 + 四 = 一 + 二 = 119 + 3 = 122", "（七）总计 + 四 = 117 + 6 = 123")
    assert find(found, "T3.1", "applications.results.total.total").found == "（七）总计 + 四 = 246 + 12 = 258"
    # Next year's carry-over no longer matches: a warning in 2022.yml.
    x1 = find(found, "X.1", "applications.carried_over.natural_person")
    assert (x1.severity, x1.file) == ("warning", "data/shili-xian-shujuju/2022.yml")


def test_t3_2_2019(wanggang: Path):
    edit(wanggang / W2020, "  new: [10, 0, 0, 0, 0, 0, 10]", "  new: [10, 0, 0, 0, 0, 0, 11]")
    found = problems(wanggang)
    p = find(found, "T3.2", "applications.new.total")
    assert (p.severity, p.location) == ("error", "data/wanggang-zhen/2020.yml:58")
    assert p.message.endswith("；行：一、本年新收政府信息公开申请数量")
    assert p.expected == ("总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他"
                          " = 10 + 0 + 0 + 0 + 0 + 0 = 10")
    assert p.found == "总计 = 11"
    assert p.cells == "applications.new.*"


def test_t3_2_2021(shili: Path):
    edit(shili / S2021, "state_secret: [1, 1, 1, 1, 1, 1, 6]", "state_secret: [2, 1, 1, 1, 1, 1, 6]")
    edit(shili / S2021, "not_held: [11, 3, 1, 1, 2, 1, 19]", "not_held: [10, 3, 1, 1, 2, 1, 19]")
    found = problems(shili)
    assert sorted(p.rule for p in found) == ["T3.2", "T3.2"]  # the column sums (T3.4) still hold
    p = find(found, "T3.2", "applications.results.withheld.state_secret.total")
    assert p.location == "data/shili-xian-shujuju/2021.yml:60"
    assert p.expected == ("总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他"
                          " = 2 + 1 + 1 + 1 + 1 + 1 = 7")
    assert p.found == "总计 = 6"


def test_t3_4_2019(wanggang: Path):
    edit(wanggang / W2020, "    disclosed: [2, 0, 0, 0, 0, 0, 2]", "    disclosed: [3, 0, 0, 0, 0, 0, 3]")
    found = problems(wanggang)
    p = find(found, "T3.4", "applications.results.total.natural_person")
    assert (p.severity, p.location) == ("error", "data/wanggang-zhen/2020.yml:83")
    assert p.expected == ("（七）总计 = （一）予以公开 至 （六）其他处理 共 19 项"
                          " = 3 + 3 + 5（其余 16 项为 0 或未填） = 11")
    assert p.found == "（七）总计 = 10"
    assert {q.rule for q in found} == {"T3.4"}


def test_t3_4_2021_with_every_row_non_zero(shili: Path):
    # Regression: a long sum whose terms are all non-zero recursed without end (RecursionError).
    edit(shili / S2021, "total: [117, 33, 21, 23, 25, 27, 246]", "total: [118, 33, 21, 23, 25, 27, 247]")
    edit(shili / S2021, "carried_forward: [5, 2, 1, 1, 1, 1, 11]", "carried_forward: [4, 2, 1, 1, 1, 1, 10]")
    found = problems(shili)
    p = find(found, "T3.4", "applications.results.total.natural_person")
    assert p.location == "data/shili-xian-shujuju/2021.yml:83"
    assert p.expected.startswith("（七）总计 = （一）予以公开 至 3.其他 共 21 项 = 46 + 13 + 1 + 2 + ")
    assert "（其余 1 项为 0 或未填）" in p.expected  # 2.…未按收费通知… is 0
    assert p.expected.endswith(" = 46 + 13 + 1 + 2 + 1 + 4 + 3 + 5 + 2 + 3 + 11 + 4 + 2 + 6 + 4 + 1 + 2 + 2 + 3 + 2"
                               "（其余 1 项为 0 或未填） = 117")
    assert p.found == "（七）总计 = 118"
    assert sorted({q.rule for q in found if q.file.endswith("2021.yml")}) == ["T3.4"]


# --- T4 and T2 -----------------------------------------------------------------------------------------


def test_t4_1_2019(wanggang: Path):
    edit(wanggang / W2020, "review: [1, 1, 0, 0, 2]", "review: [1, 1, 0, 0, 3]")
    p = only(problems(wanggang), "T4.1")
    assert (p.severity, p.location, p.path) == ("error", "data/wanggang-zhen/2020.yml:88",
                                                "reviews_litigation.review.total")
    assert p.expected == "总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 1 + 1 + 0 + 0 = 2"
    assert p.found == "总计 = 3"
    assert p.cells == "reviews_litigation.review.*"


def test_t4_1_2021(shili: Path):
    edit(shili / S2021, "after_review: [1, 2, 1, 1, 5]", "after_review: [1, 2, 1, 1, 4]")
    found = problems(shili)
    p = find(found, "T4.1", "reviews_litigation.litigation.after_review.total")
    assert p.location == "data/shili-xian-shujuju/2021.yml:91"
    assert (p.expected, p.found) == ("总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 1 + 2 + 1 + 1 = 5", "总计 = 4")
    # The narrative says 行政诉讼9件; the table now gives 8.
    assert find(found, "C.3", "parts.一.text").found == "“行政诉讼9件”"


def test_t2_c_2019(wanggang: Path):
    edit(wanggang / W2020, "penalties: [0, +1, 3]", "penalties: [0, -1, 3]")
    p = only(problems(wanggang), "T2.c")
    assert (p.severity, p.location, p.path) == ("error", "data/wanggang-zhen/2020.yml:51",
                                                "active_disclosure.penalties.previous")
    assert p.expected.startswith("上一年项目数量 + 本年增/减 ≥ 0")
    assert p.found == "上一年项目数量 + 本年增/减 = 0 + -1 = -1"


def test_t2_d_2019_is_a_warning(shili: Path):
    edit(shili / S2020, "regulations: [1, 1, 4]", "regulations: [1, 5, 4]")
    p = only(problems(shili), "T2.d")
    assert (p.severity, p.location, p.path) == ("warning", "data/shili-xian-shujuju/2020.yml:37",
                                                "active_disclosure.regulations.published")
    assert (p.expected, p.found) == ("本年新公开数量 ≤ 对外公开总数量 = 4", "本年新公开数量 = 5")


def test_t2_b_2021_is_a_warning(shili: Path):
    edit(shili / S2022, "regulations: [1, 2, 4]", "regulations: [1, 7, 4]")
    found = problems(shili)
    p = find(found, "T2.b", "active_disclosure.regulations.repealed")
    assert (p.severity, p.location) == ("warning", "data/shili-xian-shujuju/2022.yml:37")
    assert p.expected == "本年废止件数 ≤ 上年现行有效件数 + 本年制发件数 = 5 + 1 = 6"
    assert p.found == "本年废止件数 = 7"
    assert find(found, "X.2", "active_disclosure.regulations.current").severity == "warning"


# --- cross-year ------------------------------------------------------------------------------------


def test_x1_is_a_warning(shili: Path):
    edit(shili / S2022, "carried_over: [5, 2, 1, 1, 1, 1, 11]", "carried_over: [5, 2, 1, 1, 1, 2, 12]")
    edit(shili / S2022, "carried_forward: [4, 1, 2, 1, 1, 1, 10]", "carried_forward: [4, 1, 2, 1, 1, 2, 11]")
    found = problems(shili)
    assert sorted(p.path for p in found) == ["applications.carried_over.other", "applications.carried_over.total"]
    p = find(found, "X.1", "applications.carried_over.other")
    assert (p.severity, p.location) == ("warning", "data/shili-xian-shujuju/2022.yml:47")
    assert p.message == "本年“上年结转政府信息公开申请数量”等于上年“结转下年度继续办理”；列：其他"
    assert (p.expected, p.found) == ("二 = 上年四 = 1", "二 = 2")
    assert p.cells == "applications.*.other"


def test_x1_across_the_format_change(shili: Path):
    # 2020 is in the 2019 format, 2021 in the 2021 format: rows 二 and 四 are the same in both.
    edit(shili / S2020, "new: [95, 27, 20, 21, 24, 24, 211]", "new: [96, 27, 20, 21, 24, 24, 212]")
    edit(shili / S2020, "carried_forward: [3, 1, 1, 1, 1, 1, 8]", "carried_forward: [4, 1, 1, 1, 1, 1, 9]")
    found = problems(shili)
    p = find(found, "X.1", "applications.carried_over.natural_person")
    assert (p.severity, p.location) == ("warning", "data/shili-xian-shujuju/2021.yml:55")
    assert (p.expected, p.found) == ("二 = 上年四 = 4", "二 = 3")
    assert {q.rule for q in found} == {"X.1", "C.3"}  # C.3: the 2020 narrative still says 211


def test_x2_is_a_warning(shili: Path):
    edit(shili / S2022, "normative_documents: [5, 3, 20]", "normative_documents: [5, 3, 21]")
    p = only(problems(shili), "X.2")
    assert (p.severity, p.location, p.path) == ("warning", "data/shili-xian-shujuju/2022.yml:38",
                                                "active_disclosure.normative_documents.current")
    assert p.expected == "现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数 = 18 + 5 − 3 = 20"
    assert p.found == "现行有效件数 = 21"


def test_x3_and_x4_between_two_2019_format_reports(wanggang: Path):
    shutil.copy(wanggang / W2020, wanggang / WANGGANG / "2019.yml")
    edit(wanggang / WANGGANG / "2019.yml", "published: 2021-01-26", "published: 2020-01-20")
    edit(wanggang / W2020, "regulations: [0, 0, 0]", "regulations: [0, 2, 1]")
    found = [p for p in problems(wanggang) if p.file.endswith("2020.yml")]
    x3 = find(found, "X.3", "active_disclosure.penalties.previous")
    assert (x3.severity, x3.location) == ("warning", "data/wanggang-zhen/2020.yml:51")
    assert x3.expected == "上一年项目数量 = 上年上一年项目数量 + 上年本年增/减 = 0 + +1 = 1"
    assert x3.found == "上一年项目数量 = 0"
    x4 = find(found, "X.4", "active_disclosure.regulations.total")
    assert x4.expected == "对外公开总数量 = 上年对外公开总数量 + 本年新公开数量 = 0 + 2 = 2"
    assert x4.found == "对外公开总数量 = 1"
    assert find(found, "T2.d", "active_disclosure.regulations.published").severity == "warning"


def test_cross_year_checks_skip_a_first_year():
    _, results = check(DATA)
    x1 = [o for o in results[(WANGGANG, 2020)].outcomes if o.identity.id == "X.1"]
    assert {o.status for o in x1} == {"no_previous"}


# --- blank and 不适用 --------------------------------------------------------------------------------


def test_all_blank_is_not_stated_some_blank_is_incomplete(shili: Path):
    edit(shili / S2021, "review: [2, 1, 1, 1, 5]", "review: [~, ~, ~, ~, ~]")
    edit(shili / S2021, "direct: [1, 1, 1, 1, 4]", "direct: [1, ~, 1, 1, 4]")
    _, results = check(shili)
    t41 = {o.subject: o for o in results[(SHILI, 2021)].outcomes if o.identity.id == "T4.1"}
    assert t41["review"].status == "not_stated" and t41["review"].problem is None
    assert t41["litigation.direct"].status == "incomplete"
    found = problems(shili)
    p = find(found, "T4.1", "reviews_litigation.litigation.direct.total")
    assert (p.severity, p.location) == ("error", "data/shili-xian-shujuju/2021.yml:90")
    assert p.expected == "总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结，且每一格都已填写"
    assert p.found == "未填写：结果纠正"
    assert [q.path for q in found if q.rule == "T4.1"] == ["reviews_litigation.litigation.direct.total"]


def test_a_blank_total_column_is_incomplete_for_every_column(wanggang: Path):
    edit(wanggang / W2020, "  carried_forward: [0, 0, 0, 0, 0, 0, 0]", "  carried_forward: [~, ~, ~, ~, ~, ~, ~]")
    _, results = check(wanggang)
    by_id: dict[str, Counter[str]] = {}
    for o in results[(WANGGANG, 2020)].outcomes:
        by_id.setdefault(o.identity.id, Counter())[o.status] += 1
    assert by_id["T3.1"] == {"incomplete": 7}
    assert by_id["T3.2"]["not_stated"] == 1  # the blank row itself
    p = find(problems(wanggang), "T3.1", "applications.results.total.natural_person")
    assert p.found == "未填写：四"


def test_not_applicable_skips_the_identity(shili: Path):
    edit(shili / S2021, "review: [2, 1, 1, 1, 5]", "review: [2, 1, 不适用, 1, 4]")
    _, results = check(shili)
    (review,) = [o for o in results[(SHILI, 2021)].outcomes if o.identity.id == "T4.1" and o.subject == "review"]
    assert review.status == "not_applicable"
    assert [p.rule for p in problems(shili)] == ["C.3"]  # 行政复议5件 vs 4


# --- rules around the tables ---------------------------------------------------------------------------


def test_f1_a_2022_report_in_the_2019_format(shili: Path):
    shutil.copy(shili / S2020, shili / S2022)
    edit(shili / S2022, "published: 2021-01-22", "published: 2023-01-18")
    found = problems(shili)
    p = only(found, "F.1")
    assert (p.severity, p.location, p.path) == ("error", "data/shili-xian-shujuju/2022.yml:3", "format")
    assert p.message == "报告应使用其年度适用的统一格式"
    assert p.expected == "2022 年的报告用2021年格式（国办公开办函〔2021〕30号）"
    assert p.found == "2019年试行格式（国办公开办函〔2019〕60号）"
    assert p.cells == "format"


def test_f1_acknowledged_does_not_fail(shili: Path):
    shutil.copy(shili / S2020, shili / S2022)
    edit(shili / S2022, "published: 2021-01-22", "published: 2023-01-18")
    edit(shili / S2022, "reviews_litigation:", "acknowledged:\n"
                                               "  - {rule: F.1, cells: format, reason: 原文使用试行格式}\n"
                                               "reviews_litigation:")
    data, _ = check(shili)
    assert data.findings.errors == []
    (ack,) = data.findings.acknowledged
    assert (ack.rule, ack.acknowledged) == ("F.1", "原文使用试行格式")


def test_d1_department_after_31_january(shili: Path):
    edit(shili / S2021, "published: 2022-01-20", "published: 2022-02-01")
    p = only(problems(shili), "D.1")
    assert (p.severity, p.location, p.path) == ("warning", "data/shili-xian-shujuju/2021.yml:5", "published")
    assert (p.expected, p.found) == ("2022-01-31 前公布（区县部门）", "2022-02-01")


def test_d1_department_on_31_january_is_in_time(shili: Path):
    edit(shili / S2021, "published: 2022-01-20", "published: 2022-01-31")
    assert problems(shili) == []


@pytest.mark.parametrize(("published", "late"), [("2021-03-31", False), ("2021-04-01", True)])
def test_d1_county_government_by_31_march(wanggang: Path, published: str, late: bool):
    edit(wanggang / WANGGANG / "body.yml", "level: 乡镇/街道", "level: 区县政府")
    edit(wanggang / W2020, "published: 2021-01-26", f"published: {published}")
    found = problems(wanggang)
    if not late:
        assert found == []
        return
    p = only(found, "D.1")
    assert (p.location, p.expected, p.found) == ("data/wanggang-zhen/2020.yml:4", "2021-03-31 前公布（区县政府）",
                                                 "2021-04-01")


def test_d1_township_after_31_january(wanggang: Path):
    edit(wanggang / W2020, "published: 2021-01-26", "published: 2021-02-01")
    assert only(problems(wanggang), "D.1").expected == "2021-01-31 前公布（乡镇/街道）"


def test_d2_published_before_the_year_ended(shili: Path):
    edit(shili / S2021, "published: 2022-01-20", "published: 2021-06-01")
    p = only(problems(shili), "D.2")
    assert (p.severity, p.location, p.path) == ("error", "data/shili-xian-shujuju/2021.yml:5", "published")
    assert (p.expected, p.found) == ("2021-12-31 以后的日期", "2021-06-01")


def test_d2_published_on_the_last_day_of_the_year(shili: Path):
    # The statistical period ends on 31 December, so a report "published" that day is too early:
    # the message asks for "a date after 2021-12-31".
    edit(shili / S2021, "published: 2022-01-20", "published: 2021-12-31")
    assert only(problems(shili), "D.2").found == "2021-12-31"


def test_p1_missing_part(shili: Path):
    edit(shili / S2021, "  六:\n    heading: 其他需要报告的事项\n"
                        "    text: 本年度发出收费通知1件，金额400元，实际收取信息处理费400元。\n"
                        "    fees: {notices_count: 1, notices_amount_yuan: 400, collected_amount_yuan: 400}\n", "")
    p = only(problems(shili), "P.1")
    assert (p.severity, p.location, p.path) == ("error", "data/shili-xian-shujuju/2021.yml:11", "parts.六")
    assert p.message == "年度报告应包括第六部分：其他需要报告的事项"
    assert p.cells == "parts.六"


def test_p3_heading_under_the_wrong_number(shili: Path):
    edit(shili / S2021, "    heading: 存在的主要问题及改进情况", "    heading: 其他需要报告的事项")
    p = only(problems(shili), "P.3")
    assert (p.severity, p.location, p.path) == ("warning", "data/shili-xian-shujuju/2021.yml:34", "parts.五.heading")
    assert (p.expected, p.found) == ("标题含 主要问题 / 存在问题 / 改进", "其他需要报告的事项")


def test_p3_accepts_heading_variants(wanggang: Path):
    # 王岗镇 writes 存在的主要问题及改进措施 and 政府信息公开总体情况: matched by key phrase.
    assert problems(wanggang, "P.3") == []


def test_c1_unpaid_fees_without_notices(shili: Path):
    edit(shili / S2021, "fees: {notices_count: 1, notices_amount_yuan: 400, collected_amount_yuan: 400}",
         "fees: {notices_count: 0, notices_amount_yuan: 0, collected_amount_yuan: 0}")
    edit(shili / S2021, "unpaid_fees: [0, 0, 0, 0, 0, 0, 0]", "unpaid_fees: [1, 0, 0, 0, 0, 0, 1]")
    edit(shili / S2021, "other: [2, 1, 1, 1, 1, 1, 7]", "other: [1, 1, 1, 1, 1, 1, 6]")
    p = only(problems(shili), "C.1")
    assert (p.severity, p.location, p.path) == ("error", "data/shili-xian-shujuju/2021.yml:38", "parts.六")
    assert (p.expected, p.found) == ("第六部分 fees.notices_count 不少于 1", "0")


def test_c1_needs_fees_reported_at_all(shili: Path):
    edit(shili / S2022, "    fees: {notices_count: 9, notices_amount_yuan: 3600, collected_amount_yuan: 800}\n", "")
    p = only(problems(shili), "C.1")
    assert (p.expected, p.found) == ("第六部分 fees.notices_count 不少于 7", "没有")


def test_c2_collected_more_than_billed(shili: Path):
    edit(shili / S2021, "collected_amount_yuan: 400}", "collected_amount_yuan: 500}")
    p = only(problems(shili), "C.2")
    assert (p.severity, p.location, p.path) == ("error", "data/shili-xian-shujuju/2021.yml:41", "parts.六.fees")
    assert (p.expected, p.found) == ("实收金额 ≤ 400", "500")


def test_c5_collected_without_notices(shili: Path):
    edit(shili / S2021, "fees: {notices_count: 1, notices_amount_yuan: 400,", "fees: {notices_count: 0,")
    p = only(problems(shili), "C.5")
    assert (p.message, p.expected, p.found) == ("收取了信息处理费，就须发出过收费通知", "notices_count 不少于 1", "0")


def test_c3_narrative_differs_from_the_table(wanggang: Path):
    edit(wanggang / W2020, "接收邮寄信息公开申请3个", "收到政府信息公开申请12件")
    p = only(problems(wanggang), "C.3")
    assert (p.severity, p.location, p.path) == ("warning", "data/wanggang-zhen/2020.yml:18",
                                                "parts.一.sections[1].text")
    assert p.message == "正文中的数字应与表格一致（收到申请）"
    assert (p.expected, p.found) == ("10（表格中的收到申请）", "“收到政府信息公开申请12件”")
    assert p.cells == "parts.一.sections.1.text"


@pytest.mark.parametrize("text", ["收到政府信息公开申请10件", "共收到申请10件", "受理政府信息公开申请 10 件"])
def test_c3_matching_narrative(wanggang: Path, text: str):
    edit(wanggang / W2020, "接收邮寄信息公开申请3个", text)
    assert problems(wanggang) == []


def test_c3_accepts_new_plus_carried_over(shili: Path):
    # 249 new + 8 carried over: narratives often count both.
    edit(shili / S2021, "全年共收到政府信息公开申请249件", "全年共收到政府信息公开申请257件")
    assert problems(shili) == []


def test_c4_government_report_must_cover_assessment(shili: Path):
    edit(shili / SHILI / "body.yml", "name: 示例县数据局", "name: 示例县人民政府")
    edit(shili / SHILI / "body.yml", "level: 区县部门", "level: 区县政府")
    found = problems(shili)
    assert [(p.rule, p.file) for p in found] == [("C.4", f"data/{S2020}"), ("C.4", f"data/{S2021}"),
                                                 ("C.4", f"data/{S2022}")]
    p = found[1]
    assert (p.severity, p.path, p.found) == ("warning", "parts.一", "未写到：评议、责任追究")


# --- acknowledgements ---------------------------------------------------------------------------------


def test_acknowledged_identity_does_not_fail_but_is_kept(shili: Path):
    edit(shili / S2021, "review: [2, 1, 1, 1, 5]", "review: [2, 1, 1, 1, 6]")
    edit(shili / S2021, "被申请行政复议5件", "被申请行政复议6件")
    edit(shili / S2021, "reviews_litigation:", "acknowledged:\n  - {rule: T4.1, cells: reviews_litigation.review.*,"
                                               " reason: 与原文一致}\nreviews_litigation:")
    data, results = check(shili)
    assert data.findings.open == []
    (ack,) = data.findings.acknowledged
    assert (ack.rule, ack.path, ack.acknowledged) == ("T4.1", "reviews_litigation.review.total", "与原文一致")
    (outcome,) = [o for o in results[(SHILI, 2021)].outcomes if o.identity.id == "T4.1" and o.status == "fails"]
    assert outcome.problem is not None and outcome.problem.acknowledged == "与原文一致"


def test_acknowledgement_names_the_cells_exactly(shili: Path):
    edit(shili / S2021, "review: [2, 1, 1, 1, 5]", "review: [2, 1, 1, 1, 6]")
    edit(shili / S2021, "被申请行政复议5件", "被申请行政复议6件")
    edit(shili / S2021, "reviews_litigation:", "acknowledged:\n  - {rule: T4.1, cells: reviews_litigation.*,"
                                               " reason: 与原文一致}\nreviews_litigation:")
    found = problems(shili)
    assert sorted(p.rule for p in found) == ["A.1", "T4.1"]


def test_stale_acknowledgement_is_a1(shili: Path):
    edit(shili / S2021, "reviews_litigation:", "acknowledged:\n  - {rule: T3.1, cells: applications.*.total,"
                                               " reason: 与原文一致}\nreviews_litigation:")
    p = only(problems(shili), "A.1")
    assert (p.severity, p.location, p.path) == ("warning", "data/shili-xian-shujuju/2021.yml:88", "acknowledged[0]")
    assert p.found == "{rule: T3.1, cells: applications.*.total}"
    assert p.hint == "数据里已没有这个问题：删去这条确认记录"


def test_real_p1_acknowledgement_becomes_stale_when_part_six_is_added(wanggang: Path):
    edit(wanggang / W2020, "# 二、主动公开政府信息情况", "  六:\n    heading: 其他需要报告的事项\n    text: 无。\n"
                                                   "# 二、主动公开政府信息情况")
    p = only(problems(wanggang), "A.1")
    assert p.location == "data/wanggang-zhen/2020.yml:96"


# --- rendering of a problem --------------------------------------------------------------------------


def test_problem_render_layout(wanggang: Path):
    edit(wanggang / W2020, "review: [1, 1, 0, 0, 2]", "review: [1, 1, 0, 0, 3]")
    assert only(problems(wanggang), "T4.1").render() == (
        "data/wanggang-zhen/2020.yml:88: 错误 [T4.1] reviews_litigation.review.total\n"
        "    规则：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结；行：行政复议\n"
        "    应为：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 1 + 1 + 0 + 0 = 2\n"
        "    实为：总计 = 3\n"
        "    提示：两边相差 +1：请把这些格与公开的报告核对；如果报告原文如此，确认这一发现\n"
        "    如果公开的报告原文就是这样，在文件里这样确认：\n"
        "      acknowledged:\n"
        "        - {rule: T4.1, cells: reviews_litigation.review.*, reason: 与原文一致}"
    )


def test_acknowledged_problem_render_shows_the_reason():
    data, _ = check(DATA)
    (ack,) = data.findings.acknowledged
    assert ack.render().endswith("    已确认：与原文一致：原文只有五个部分，没有“六、其他需要报告的事项”。")
    assert "在文件里这样确认" not in ack.render()
