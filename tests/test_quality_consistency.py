"""The consistency and outlier indicators of the quality view (nianbao.quality.consistency and
nianbao.quality.outliers), each on small data sets made here from the fixture body."""

from __future__ import annotations

import shutil
from decimal import Decimal
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
from nianbao.quality.outliers import (
    DISCLOSURE_RATE,
    LAWSUIT_CORRECTION_RATE,
    RATES,
    REVIEW_CORRECTION_RATE,
    OutlierSettings,
    disclosure_rate,
    lawsuit_correction_rate,
    median_without,
    percentile,
    rate_indicators,
    review_correction_rate,
    yoy_jump,
    zero_where_peers_large,
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


def test_an_acknowledged_carry_over_mismatch_is_still_flagged_and_says_so(data: Path, shili: Path) -> None:
    edit(shili / S2022, "carried_over: [5, 2, 1, 1, 1, 1, 11]", "carried_over: [6, 1, 1, 1, 1, 1, 11]")
    edit(shili / S2022, "new: [137, 34, 24, 22, 28, 29, 274]", "new: [136, 35, 24, 22, 28, 29, 274]")  # T3.1 holds
    edit(shili / S2022, "reviews_litigation:", "acknowledged:\n"
         "  - {rule: X.1, cells: applications.*.natural_person, reason: 与原文一致}\n"
         "  - {rule: X.1, cells: applications.*.commercial, reason: 与原文一致}\nreviews_litigation:")
    loaded, checks = check(data)
    assert not loaded.findings.open
    figure = by_year(carry_over_mismatch(loaded, checks))[2022]
    assert (figure.value, figure.flag) == (0, True)
    assert "其中 2 处已在数据文件中确认" in figure.detail


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



# --- yoy_jump -----------------------------------------------------------------------------------------


def test_the_fixture_has_no_jump_and_its_first_year_nothing_to_compare(data: Path) -> None:
    loaded, _ = check(data)
    figures = by_year(yoy_jump(loaded))
    assert (figures[2020].value, figures[2020].flag) == (None, False)
    assert "没有 2019 年度的报告可比" in figures[2020].detail
    # Across the change of format: the 19 figures of figures.yml both formats give.
    assert not figures[2021].flag and "19 项可比数字" in figures[2021].detail
    assert figures[2021].other == (SHILI, 2020)
    # Not flagged, the value is still a figure: this year over last of the largest change, 其他处理
    # 15 → 24 (8 + 0 + 7 in 2021, 9 + 7 + 8 in 2022), larger than 行政处罚决定 12 → 9 (a factor of 1.33).
    assert not figures[2022].flag and figures[2022].value == 1.6


def test_more_than_five_times_last_year_is_a_jump(data: Path, shili: Path) -> None:
    edit(shili / S2022, "penalties: 9", "penalties: 61")
    loaded, _ = check(data)
    figure = by_year(yoy_jump(loaded))[2022]
    assert (figure.value, figure.flag, figure.other) == (5.08, True, (SHILI, 2021))
    assert figure.detail == "与 2021 年度相比变化很大：行政处罚决定 12 → 61（5.08 倍）"


def test_five_times_exactly_is_not_a_jump(data: Path, shili: Path) -> None:
    edit(shili / S2022, "penalties: 9", "penalties: 60")
    loaded, _ = check(data)
    figure = by_year(yoy_jump(loaded))[2022]
    assert (figure.value, figure.flag) == (5.0, False)


def test_under_a_fifth_is_a_jump_and_the_largest_change_is_the_value(data: Path, shili: Path) -> None:
    edit(shili / S2022, "licensing: 41", "licensing: 5")  # 5 / 35 = 0.14: a factor of 7
    edit(shili / S2022, "penalties: 9", "penalties: 72")  # 72 / 12 = 6
    loaded, _ = check(data)
    figure = by_year(yoy_jump(loaded))[2022]
    assert (figure.value, figure.flag) == (0.14, True)
    assert figure.detail == ("与 2021 年度相比变化很大：行政许可决定 35 → 5（0.14 倍）、"
                             "行政处罚决定 12 → 72（6.00 倍）")


def test_a_change_of_small_numbers_is_not_a_jump(data: Path, shili: Path) -> None:
    edit(shili / S2021, "enforcement: 3", "enforcement: 1")
    edit(shili / S2022, "enforcement: 2", "enforcement: 9")  # 9 times, but below 10 in both years
    loaded, _ = check(data)
    assert not by_year(yoy_jump(loaded))[2022].flag
    # The same change of larger numbers is one; the threshold is a setting.
    assert by_year(yoy_jump(loaded, OutlierSettings(jump_small=5)))[2022].flag


@pytest.mark.parametrize(("before", "now", "flag", "value"), [
    ("0", "49", False, None),  # from 0: no ratio, and 49 is below the setting
    ("0", "50", True, None),
    ("50", "0", True, 0.0),  # down to 0 is a ratio of 0, judged like from 0
    ("49", "0", False, None),
    ("~", "500", False, None),  # blank is not 0: nothing to compare
    ("不适用", "500", False, None),
    ("500", "~", False, None),
])
def test_from_or_to_zero_and_blanks(data: Path, shili: Path, before: str, now: str, flag: bool,
                                    value: float | None) -> None:
    edit(shili / S2021, "penalties: 12", f"penalties: {before}")
    edit(shili / S2022, "penalties: 9", f"penalties: {now}")
    edit(shili / S2022, "licensing: 41", "licensing: 35")  # unchanged: the penalties decide the value
    loaded, _ = check(data)
    figure = by_year(yoy_jump(loaded))[2022]
    assert figure.flag is flag
    if flag:
        assert figure.value == value
        assert "行政处罚决定" in figure.detail
    else:
        assert "行政处罚决定" not in figure.detail
    if before == "0" and flag:
        assert "行政处罚决定 0 → 50（从 0 起，不算倍数）" in figure.detail
    if "~" in (before, now) or "不适用" in (before, now):
        assert "18 项可比数字" in figure.detail  # the penalties left out, not read as 0


def test_no_report_the_year_before_is_no_comparison(data: Path, shili: Path) -> None:
    (shili / S2021).unlink()
    edit(shili / S2022, "penalties: 9", "penalties: 900")
    loaded, _ = check(data)
    figure = by_year(yoy_jump(loaded))[2022]
    assert (figure.value, figure.flag, figure.other) == (None, False, None)
    assert figure.detail == "没有 2021 年度的报告可比"


# --- peers: zero_where_peers_large and the rates --------------------------------------------------------


def peer(data: Path, slug: str, name: str) -> Path:
    """Another body of the same level and region: the fixture body under another name."""
    dest = data / slug
    shutil.copytree(data / SHILI, dest)
    edit(dest / "body.yml", "name: 示例县数据局", f"name: {name}")
    return dest


PEERS = ("tongji", "minzheng", "jiaoyu", "caizheng")
NAMES = ("示例县统计局", "示例县民政局", "示例县教育局", "示例县财政局")


def peers(data: Path, count: int = 4) -> list[Path]:
    return [peer(data, slug, name) for slug, name in zip(PEERS[:count], NAMES[:count], strict=True)]


def set_penalties(folder: Path, value: str) -> None:
    edit(folder / S2022, "penalties: 9", f"penalties: {value}")


def test_a_zero_where_the_peers_report_large_figures_is_flagged(data: Path, shili: Path) -> None:
    for folder, value in zip(peers(data), ("30", "40", "10", "25"), strict=True):
        set_penalties(folder, value)
    set_penalties(shili, "0")
    loaded, _ = check(data)
    figures = zero_where_peers_large(loaded)
    figure = by_year(figures)[2022]
    assert (figure.value, figure.flag) == (1, True)
    # The median of 10, 25, 30, 40; the body itself is not its own peer.
    assert "行政处罚决定：本机关为 0，4 个同类机关的中位数为 27.5" in figure.detail
    assert "区县部门，示例省示例市示例县" in figure.detail
    others = [f for f in figures if f.year == 2022 and f.body != SHILI]
    assert [(f.value, f.flag) for f in others] == [(0, False)] * 4
    assert "19 项可比数字中" in others[0].detail


@pytest.mark.parametrize(("own", "values", "flagged"), [
    ("0", ("30", "40", "10", "25"), True),
    ("0", ("5", "10", "15", "30"), False),  # median 12.5, under 20
    ("~", ("30", "40", "10", "25"), False),  # blank is not 0
    ("不适用", ("30", "40", "10", "25"), False),
    ("1", ("30", "40", "10", "25"), False),  # small, but not 0
    ("0", ("30", "40", "~", "25"), False),  # only 3 peers give the figure
])
def test_zero_blank_and_too_few_peers(data: Path, shili: Path, own: str, values: tuple[str, ...],
                                      flagged: bool) -> None:
    for folder, value in zip(peers(data), values, strict=True):
        set_penalties(folder, value)
    set_penalties(shili, own)
    loaded, _ = check(data)
    figure = by_year(zero_where_peers_large(loaded))[2022]
    assert figure.flag is flagged
    assert figure.value == (1 if flagged else 0)
    assert ("行政处罚决定" in figure.detail) is flagged


def test_bodies_of_another_level_or_region_are_no_peers(data: Path, shili: Path) -> None:
    folders = peers(data)
    for folder in folders:
        set_penalties(folder, "30")
    set_penalties(shili, "0")
    edit(folders[0] / "body.yml", "level: 区县部门", "level: 乡镇/街道")
    loaded, _ = check(data)
    figure = by_year(zero_where_peers_large(loaded))[2022]
    # Three peers are left: no figure has enough to be compared.
    assert (figure.value, figure.flag) == (None, False)
    assert "不足 4 个" in figure.detail
    edit(folders[0] / "body.yml", "level: 乡镇/街道", "level: 区县部门")
    edit(folders[1] / "body.yml", "region: [示例省, 示例市, 示例县]", "region: [示例省, 示例市, 另一县]")
    loaded, _ = check(data)
    assert by_year(zero_where_peers_large(loaded))[2022].value is None
    assert by_year(zero_where_peers_large(loaded, OutlierSettings(min_peers=3)))[2022].value == 1


def set_review(folder: Path, row: str) -> None:
    edit(folder / S2022, "review: [3, 1, 1, 1, 6]", f"review: {row}")


def test_a_rate_with_its_peer_groups_quartiles_and_the_bodys_percentile(data: Path, shili: Path) -> None:
    # 行政复议纠正率 0.2 here, 0.4, 0.6, 0.8 and 0 for the peers.
    for folder, row in zip(peers(data), ("[3, 2, 0, 0, 5]", "[2, 3, 0, 0, 5]", "[1, 4, 0, 0, 5]",
                                         "[5, 0, 0, 0, 5]"), strict=True):
        set_review(folder, row)
    set_review(shili, "[4, 1, 0, 0, 5]")
    loaded, _ = check(data)
    figures = review_correction_rate(loaded)
    figure = by_year(figures)[2022]
    assert figure.indicator == REVIEW_CORRECTION_RATE
    assert (figure.value, figure.flag) == (0.2, False)
    # Sorted 0, 0.2, 0.4, 0.6, 0.8: the inclusive quartiles are the 2nd, 3rd and 4th values; 0.2
    # has one rate below it and one equal (itself): (1 + 0.5) / 5 = 30 %.
    assert figure.detail == ("行政复议纠正率 20.0%；同层级、同地区的机关（区县部门，示例省示例市示例县）中有 5 个算得出"
                             "这一比率：下四分位数 20.0%，中位数 40.0%，上四分位数 60.0%；本机关位于第 30 百分位")
    top = next(f for f in figures if f.body == "jiaoyu" and f.year == 2022)
    assert top.value == 0.8 and "本机关位于第 90 百分位" in top.detail
    assert not any(f.flag for f in rate_indicators(loaded))


def test_quartiles_of_an_even_group_are_interpolated(data: Path, shili: Path) -> None:
    for folder, row in zip(peers(data, 3), ("[3, 2, 0, 0, 5]", "[2, 3, 0, 0, 5]", "[1, 4, 0, 0, 5]"), strict=True):
        set_review(folder, row)
    set_review(shili, "[4, 1, 0, 0, 5]")
    loaded, _ = check(data)
    figure = by_year(review_correction_rate(loaded))[2022]
    # 0.2, 0.4, 0.6, 0.8: Q1 = 0.2 + 0.75 × 0.2 = 0.35, median 0.5, Q3 0.65.
    assert "下四分位数 35.0%，中位数 50.0%，上四分位数 65.0%；本机关位于第 13 百分位" in figure.detail


@pytest.mark.parametrize(("row", "reason"), [
    ("[0, 0, 0, 0, 0]", "行政复议纠正率的分母（行政复议）为 0，不计算"),
    ("[~, ~, ~, ~, ~]", "行政复议纠正率的分母（行政复议）未填写，不计算"),
    ("[不适用, 不适用, 不适用, 不适用, 不适用]", "行政复议纠正率的数字填的是“不适用”，不计算"),
    ("[3, ~, 1, 1, 6]", "行政复议纠正率的分子（行政复议结果纠正）未填写，不计算"),
])
def test_a_rate_that_cannot_be_computed_is_none_with_a_reason(data: Path, shili: Path, row: str,
                                                               reason: str) -> None:
    for folder in peers(data):
        set_review(folder, "[3, 2, 0, 0, 5]")
    set_review(shili, row)
    loaded, _ = check(data)
    figure = by_year(review_correction_rate(loaded))[2022]
    assert (figure.value, figure.flag, figure.detail) == (None, False, reason)
    # The peers' group does not count the body whose rate cannot be computed.
    peer_figure = next(f for f in review_correction_rate(loaded) if f.body == "tongji" and f.year == 2022)
    assert "中有 4 个算得出" in peer_figure.detail


def test_a_rate_made_of_a_partial_sum_is_not_given(data: Path, shili: Path) -> None:
    # 行政诉讼 adds two rows: one left blank makes the denominator a partial sum.
    edit(shili / S2022, "after_review: [1, 1, 1, 1, 4]", "after_review: [~, ~, ~, ~, ~]")
    loaded, _ = check(data)
    figure = by_year(lawsuit_correction_rate(loaded))[2022]
    assert (figure.value, figure.detail) == (None, "行政诉讼纠正率的数字中有未填写的格，只能算出一部分，不计算")


def test_a_small_group_has_the_rate_but_no_quartiles(data: Path) -> None:
    loaded, _ = check(data)
    figure = by_year(disclosure_rate(loaded))[2022]
    assert figure.indicator == DISCLOSURE_RATE
    assert figure.value == pytest.approx((79 + 25) / 275)
    assert "公开率 37.8%" in figure.detail and "只有 1 个算得出这一比率，少于 4 个" in figure.detail


def test_the_rate_ids_are_those_of_figures_yml() -> None:
    from nianbao.figures import shipped_figures

    ids = {r.id for r in shipped_figures().rates}
    assert set(RATES) <= ids
    assert RATES == (DISCLOSURE_RATE, REVIEW_CORRECTION_RATE, LAWSUIT_CORRECTION_RATE)


def test_percentile_counts_the_equal_ones_half() -> None:
    values = sorted(Decimal(v) for v in ("0.1", "0.2", "0.2", "0.9"))
    assert [percentile(values, v) for v in values] == [13, 50, 50, 88]


def test_the_figures_judged_are_a_setting(data: Path, shili: Path) -> None:
    edit(shili / S2022, "penalties: 9", "penalties: 61")
    loaded, _ = check(data)
    assert by_year(yoy_jump(loaded, OutlierSettings(figures=("penalties",))))[2022].flag
    figure = by_year(yoy_jump(loaded, OutlierSettings(figures=("received", "handled"))))[2022]
    assert not figure.flag and "2 项可比数字" in figure.detail
    with pytest.raises(ValueError, match="penalty"):
        OutlierSettings(figures=("penalty",))


def test_all_figures_at_once(data: Path) -> None:
    from nianbao.quality.consistency import consistency_figures
    from nianbao.quality.outliers import outlier_figures

    loaded, checks = check(data)
    assert {f.indicator for f in consistency_figures(loaded, checks)} == {
        "identity_errors", "carry_over_mismatch", "narrative_mismatch"}
    assert len(consistency_figures(loaded)) == 9
    assert {f.indicator for f in outlier_figures(loaded)} == {"yoy_jump", "zero_where_peers_large", *RATES}
    assert len(outlier_figures(loaded)) == 15


@pytest.mark.parametrize("taken", ["0", "1", "4", "9"])
def test_the_median_without_one_value_is_the_median_of_the_others(taken: str) -> None:
    import statistics

    for given in (["0", "0", "1", "4", "9"], ["0", "1", "1", "4", "9", "9"]):
        values = sorted(Decimal(v) for v in given)
        others = list(values)
        others.remove(Decimal(taken))
        assert median_without(values, Decimal(taken)) == statistics.median(others), (given, taken)
