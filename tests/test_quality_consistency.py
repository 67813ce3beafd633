"""The consistency and outlier indicators of the quality view (nianbao.quality.consistency and
nianbao.quality.outliers), each on small data sets made here from the fixture body."""

from __future__ import annotations

from pathlib import Path

import pytest
from nbdata import FIXTURE_2021, SHILI, check, copy_data, edit

from nianbao.copies.indicators import Figure
from nianbao.quality.consistency import (
    IDENTITY_ERRORS,
    NARRATIVE_MISMATCH,
    carry_over_identity,
    carry_over_mismatch,
    identity_errors,
    narrative_mismatch,
)

S2020, S2021, S2022 = "2020.yml", "2021.yml", "2022.yml"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return copy_data(FIXTURE_2021, tmp_path)


@pytest.fixture
def shili(data: Path) -> Path:
    return data / SHILI


def by_year(figures: list[Figure]) -> dict[int, Figure]:
    assert len({(f.body, f.year) for f in figures}) == len(figures)
    return {f.year: f for f in figures if f.body == SHILI}


# --- identity_errors ----------------------------------------------------------------------------------


def test_the_clean_fixture_has_no_identity_error_and_no_narrative_mismatch(data: Path) -> None:
    loaded, checks = check(data)
    for figures, indicator in ((identity_errors(loaded, checks), IDENTITY_ERRORS),
                               (narrative_mismatch(loaded, checks), NARRATIVE_MISMATCH)):
        assert [(f.indicator, f.year, f.value, f.flag) for f in figures] == [
            (indicator, year, 0, False) for year in (2020, 2021, 2022)]


def test_a_broken_total_is_counted_by_rule_and_flagged(data: Path, shili: Path) -> None:
    edit(shili / S2021, "review: [2, 1, 1, 1, 5]", "review: [2, 1, 1, 1, 6]")
    edit(shili / S2021, "new: [119, 34, 21, 23, 25, 27, 249]", "new: [119, 34, 21, 23, 25, 27, 250]")
    loaded, checks = check(data)
    figure = by_year(identity_errors(loaded, checks))[2021]
    # T4.1 at the row 行政复议; T3.2 at the row 本年新收; T3.1 at the column 总计.
    assert (figure.value, figure.flag) == (3, True)
    assert "勾稽关系不成立 3 处" in figure.detail
    assert "T3.1 1 处" in figure.detail and "T3.2 1 处" in figure.detail and "T4.1 1 处" in figure.detail
    assert "确认" not in figure.detail
    # The checks are the same without the results given: made afresh, data.findings untouched.
    fresh, _ = check(data)
    before = list(fresh.findings.problems)
    assert identity_errors(fresh) == identity_errors(loaded, checks)
    assert list(fresh.findings.problems) == before
    assert by_year(identity_errors(loaded, checks))[2022].value == 0


def test_an_acknowledged_violation_counts_and_says_it_was_acknowledged(data: Path, shili: Path) -> None:
    edit(shili / S2021, "review: [2, 1, 1, 1, 5]", "review: [2, 1, 1, 1, 6]")
    edit(shili / S2021, "被申请行政复议5件", "被申请行政复议6件")
    edit(shili / S2021, "reviews_litigation:", "acknowledged:\n  - {rule: T4.1, cells: reviews_litigation.review.*,"
                                               " reason: 与原文一致}\nreviews_litigation:")
    loaded, checks = check(data)
    assert not loaded.findings.open
    figure = by_year(identity_errors(loaded, checks))[2021]
    assert (figure.value, figure.flag) == (1, True)
    assert "T4.1 1 处" in figure.detail and "其中 1 处已在数据文件中确认" in figure.detail


def test_a_blank_cell_is_not_a_violation_but_is_said(data: Path, shili: Path) -> None:
    edit(shili / S2021, "review: [2, 1, 1, 1, 5]", "review: [2, 1, ~, 1, 5]")
    loaded, checks = check(data)
    figure = by_year(identity_errors(loaded, checks))[2021]
    assert (figure.value, figure.flag) == (0, False)
    assert "勾稽关系都成立" in figure.detail and "另有 1 处因有未填写的格无法核对" in figure.detail


def test_not_applicable_is_not_a_violation(data: Path, shili: Path) -> None:
    edit(shili / S2021, "review: [2, 1, 1, 1, 5]", "review: [2, 1, 不适用, 1, 5]")
    loaded, checks = check(data)
    figure = by_year(identity_errors(loaded, checks))[2021]
    assert (figure.value, figure.flag, figure.detail) == (0, False, "统计表的勾稽关系都成立")


# --- carry_over_mismatch ------------------------------------------------------------------------------


def test_both_formats_declare_the_carry_over_identity() -> None:
    from nianbao.formats import all_formats

    found = [carry_over_identity(fmt) for fmt in all_formats()]
    assert all(identity is not None and identity.cross_year for identity in found)
    assert len(found) == 2


def test_carry_over_agrees_across_the_change_of_format(data: Path) -> None:
    loaded, checks = check(data)
    figures = by_year(carry_over_mismatch(loaded, checks))
    assert (figures[2020].value, figures[2020].flag, figures[2020].other) == (None, False, None)
    assert "没有 2019 年度的报告" in figures[2020].detail
    # 2021 (the 2021 format) against 2020 (the 2019 format): 8 and 8.
    assert (figures[2021].value, figures[2021].flag, figures[2021].other) == (0, False, (SHILI, 2020))
    assert "上年结转申请”8" in figures[2021].detail and "2020 年度“结转下年度继续办理”8" in figures[2021].detail
    assert (figures[2022].value, figures[2022].flag) == (0, False)


def test_a_carry_over_that_differs_across_the_change_of_format_is_flagged(data: Path, shili: Path) -> None:
    assert loaded_format(data, 2020) != loaded_format(data, 2021)
    edit(shili / S2021, "carried_over: [3, 1, 1, 1, 1, 1, 8]", "carried_over: [5, 1, 1, 1, 1, 1, 10]")
    loaded, checks = check(data)
    figure = by_year(carry_over_mismatch(loaded, checks))[2021]
    assert (figure.value, figure.flag) == (2, True)
    assert "本年“上年结转申请”10" in figure.detail and "“结转下年度继续办理”8" in figure.detail
    assert "相差 +2" in figure.detail and "2 栏不一致：自然人、总计" in figure.detail


def loaded_format(data: Path, year: int) -> str:
    loaded, _ = check(data)
    return loaded.reports[(SHILI, year)].format.id


def test_a_column_differing_with_equal_totals_is_flagged_with_a_zero_difference(data: Path, shili: Path) -> None:
    edit(shili / S2022, "carried_over: [5, 2, 1, 1, 1, 1, 11]", "carried_over: [6, 1, 1, 1, 1, 1, 11]")
    loaded, checks = check(data)
    figure = by_year(carry_over_mismatch(loaded, checks))[2022]
    assert (figure.value, figure.flag) == (0, True)
    assert "2 栏不一致：自然人、商业企业" in figure.detail


def test_a_blank_total_is_not_compared_and_never_read_as_0(data: Path, shili: Path) -> None:
    edit(shili / S2021, "carried_forward: [5, 2, 1, 1, 1, 1, 11]", "carried_forward: [5, 2, 1, 1, 1, 1, 0]")
    edit(shili / S2022, "carried_over: [5, 2, 1, 1, 1, 1, 11]", "carried_over: [5, 2, 1, 1, 1, 1, ~]")
    loaded, checks = check(data)
    figure = by_year(carry_over_mismatch(loaded, checks))[2022]
    assert (figure.value, figure.flag) == (None, False)
    assert "本年“上年结转申请”未填写" in figure.detail and "“结转下年度继续办理”0" in figure.detail


def test_no_report_the_year_before_gives_no_figure(data: Path, shili: Path) -> None:
    (shili / S2021).unlink()
    loaded, checks = check(data)
    figure = by_year(carry_over_mismatch(loaded, checks))[2022]
    assert (figure.value, figure.flag, figure.other) == (None, False, None)
    assert "没有 2021 年度的报告" in figure.detail


# --- narrative_mismatch -------------------------------------------------------------------------------


def test_a_figure_in_the_text_that_differs_from_the_table_is_counted(data: Path, shili: Path) -> None:
    edit(shili / S2021, "共收到政府信息公开申请249件，予以公开70件", "共收到政府信息公开申请250件，予以公开71件")
    loaded, checks = check(data)
    figure = by_year(narrative_mismatch(loaded, checks))[2021]
    assert (figure.indicator, figure.value, figure.flag) == (NARRATIVE_MISMATCH, 2, True)
    assert "正文有 2 处数字与统计表不一致" in figure.detail and "250件" in figure.detail and "71件" in figure.detail
    assert by_year(narrative_mismatch(loaded, checks))[2022].value == 0

