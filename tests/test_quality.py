"""The supervisor's view (nianbao.quality): each indicator on small data sets made in tmp_path from
the fixtures, and the `quality` command's three formats and its filters."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from nbdata import DATA, FIXTURE_2021, SHILI, WANGGANG, copy_data, edit, run_cli

from nianbao.copies import Figure
from nianbao.loader import load_data
from nianbao.quality import INDICATORS, ORDER, QualitySettings, figures

SHILI_IDS = ("published", "days_late", "revisions", "years_missing", "format_ok", "parts_missing", "overview_chars",
             "blank_cells", "fees_item", "identity_errors", "carry_over_mismatch", "narrative_mismatch", "yoy_jump",
             "zero_where_peers_large", "disclosure_rate", "review_correction_rate", "lawsuit_correction_rate",
             "copy_own_previous", "copy_peer", "section5_unchanged", "tables_unchanged")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """示例县数据局 (区县部门, reports 2020–2022) and 王岗镇 (乡镇/街道, 2020) in one data folder."""
    dest = copy_data(FIXTURE_2021, tmp_path)
    shutil.copytree(DATA / WANGGANG, dest / WANGGANG)
    return dest


def add(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def new_body(data: Path, slug: str, extra: str = "") -> None:
    (data / slug).mkdir()
    (data / slug / "body.yml").write_text(
        f"name: 示例县{slug}\nlevel: 区县部门\nregion: [示例省, 示例市, 示例县]\n{extra}", encoding="utf-8")


def run(data: Path, settings: QualitySettings | None = None) -> dict[tuple[str, int, str], Figure]:
    found = figures(load_data(data, data.parent), settings or QualitySettings())
    table = {(f.body, f.year, f.indicator): f for f in found}
    assert len(table) == len(found)  # one figure per body, year and indicator
    return table


def values(table: dict[tuple[str, int, str], Figure], body: str, indicator: str) -> dict[int, object]:
    return {year: f.value for (b, year, i), f in sorted(table.items()) if b == body and i == indicator}


def flags(table: dict[tuple[str, int, str], Figure], body: str, indicator: str) -> dict[int, bool]:
    return {year: f.flag for (b, year, i), f in sorted(table.items()) if b == body and i == indicator}


# --- the collector ------------------------------------------------------------------------------


def test_every_report_gets_every_indicator_in_order(data: Path) -> None:
    found = figures(load_data(data, data.parent))
    shili_2021 = [f.indicator for f in found if (f.body, f.year) == (SHILI, 2021)]
    assert shili_2021 == list(SHILI_IDS)
    assert [ORDER.index(i) for i in shili_2021] == sorted(ORDER.index(i) for i in shili_2021)
    assert {(f.body, f.year) for f in found} == {(SHILI, 2020), (SHILI, 2021), (SHILI, 2022), (WANGGANG, 2020),
                                                 (WANGGANG, 2021), (WANGGANG, 2022)}
    # 王岗镇 has no report for 2021 and 2022: the years of its series only.
    assert {f.indicator for f in found if f.body == WANGGANG and f.year > 2020} == {"published", "years_missing"}
    # Nine of series.py's and reports.py's; consistency.py's three, outliers.py's five and the copies'
    # four, each group in one.
    assert len(INDICATORS) == 12
    assert all(f.detail and any("\u4e00" <= ch <= "\u9fff" for ch in f.detail) for f in found)


def test_the_fixtures_raise_no_flag_but_the_missing_part_and_years(data: Path) -> None:
    table = run(data)
    flagged = sorted(key for key, f in table.items() if f.flag)
    # 王岗镇's published report has five parts (acknowledged as printed): still a part missing. The
    # data set covers 2020–2022 and 王岗镇 has no since: its 2021 and 2022 reports are missing.
    assert flagged == [(WANGGANG, 2020, "parts_missing"), (WANGGANG, 2021, "published"),
                       (WANGGANG, 2021, "years_missing"), (WANGGANG, 2022, "published"),
                       (WANGGANG, 2022, "years_missing")]
    add(data / WANGGANG / "body.yml", "until: 2020\n")
    assert sorted(key for key, f in run(data).items() if f.flag) == [(WANGGANG, 2020, "parts_missing")]


# --- published, years_missing ---------------------------------------------------------------------


def test_a_missing_year_is_flagged_and_counted_in_the_series(data: Path) -> None:
    (data / SHILI / "2021.yml").unlink()
    table = run(data)
    assert values(table, SHILI, "published") == {2020: "published", 2021: "missing", 2022: "published"}
    assert flags(table, SHILI, "published") == {2020: False, 2021: True, 2022: False}
    assert values(table, SHILI, "years_missing") == {2020: 0, 2021: 1, 2022: 1}
    assert flags(table, SHILI, "years_missing") == {2020: False, 2021: True, 2022: True}
    assert "2021 年度" in table[(SHILI, 2022, "years_missing")].detail
    assert (SHILI, 2021, "days_late") not in table  # no report, no figure of a report


def test_an_exempt_year_is_not_missing(data: Path) -> None:
    (data / SHILI / "2021.yml").unlink()
    add(data / SHILI / "body.yml", "exempt: {2021: 机构改革期间职能划转，未单独报告}\n")
    table = run(data)
    assert values(table, SHILI, "published") == {2020: "published", 2021: "exempt", 2022: "published"}
    assert not any(flags(table, SHILI, "published").values())
    assert table[(SHILI, 2021, "published")].detail == "免于报告：机构改革期间职能划转，未单独报告"
    assert values(table, SHILI, "years_missing") == {2020: 0, 2021: 0, 2022: 0}


def test_since_until_and_the_years_the_data_set_covers(data: Path) -> None:
    """The data set covers 2020–2022 (its reports' years)."""
    new_body(data, "xin-ju", "since: 2021\n")  # registered, not yet reported
    new_body(data, "jiu-ju", "since: 2015\nuntil: 2020\n")  # abolished after 2020: only 2020 is due
    new_body(data, "wei-ju")  # no since, no report: due in the latest year covered only
    add(data / WANGGANG / "body.yml", "since: 2021\n")  # its 2020 report is B.1, and still has figures
    table = run(data)
    assert values(table, "xin-ju", "published") == {2021: "missing", 2022: "missing"}
    assert values(table, "xin-ju", "years_missing") == {2021: 1, 2022: 2}
    assert values(table, "jiu-ju", "published") == {2020: "missing"}
    assert values(table, "wei-ju", "published") == {2022: "missing"}
    assert values(table, WANGGANG, "published") == {2020: "published", 2021: "missing", 2022: "missing"}
    assert "B.1" in table[(WANGGANG, 2020, "published")].detail
    # No since: from the first report's year (示例县数据局's series starts in 2020).
    assert values(table, SHILI, "published") == {2020: "published", 2021: "published", 2022: "published"}


# --- days_late ------------------------------------------------------------------------------------


def test_a_late_report_counts_its_days_and_an_on_time_one_zero(data: Path) -> None:
    edit(data / SHILI / "2022.yml", "published: 2023-01-18", "published: 2023-02-10")
    edit(data / SHILI / "2021.yml", "published: 2022-01-20", "published: ~")
    table = run(data)
    assert values(table, SHILI, "days_late") == {2020: 0, 2021: None, 2022: 10}
    assert flags(table, SHILI, "days_late") == {2020: False, 2021: False, 2022: True}
    assert "2023-01-31" in table[(SHILI, 2022, "days_late")].detail
    assert "晚 10 天" in table[(SHILI, 2022, "days_late")].detail
    assert "未填写发布日期" in table[(SHILI, 2021, "days_late")].detail


def test_a_government_has_until_31_march(data: Path) -> None:
    edit(data / SHILI / "body.yml", "level: 区县部门", "level: 区县政府")
    edit(data / SHILI / "2022.yml", "published: 2023-01-18", "published: 2023-03-31")
    edit(data / SHILI / "2021.yml", "published: 2022-01-20", "published: 2022-04-02")
    table = run(data)
    assert values(table, SHILI, "days_late") == {2020: 0, 2021: 2, 2022: 0}


# --- revisions, format_ok, parts_missing ------------------------------------------------------------


def test_revisions_are_counted_and_flagged_only_at_a_threshold_set(data: Path) -> None:
    table = run(data)
    assert values(table, SHILI, "revisions") == {2020: 0, 2021: 2, 2022: 0}
    assert not any(flags(table, SHILI, "revisions").values())
    assert "2022-03-15" in table[(SHILI, 2021, "revisions")].detail
    table = run(data, QualitySettings(revisions_flag_at=2))
    assert flags(table, SHILI, "revisions") == {2020: False, 2021: True, 2022: False}


def test_a_report_in_another_years_format_is_flagged(data: Path) -> None:
    (data / WANGGANG / "2020.yml").rename(data / WANGGANG / "2021.yml")  # the 2019 format for 2021
    table = run(data)
    assert values(table, WANGGANG, "format_ok") == {2021: False}
    assert flags(table, WANGGANG, "format_ok") == {2021: True}
    assert "2021年格式" in table[(WANGGANG, 2021, "format_ok")].detail
    assert values(table, SHILI, "format_ok") == {2020: True, 2021: True, 2022: True}


def test_parts_absent_or_without_text_are_counted(data: Path) -> None:
    edit(data / SHILI / "2022.yml", """      上年度问题的整改情况：栏目责任人已明确到人。
      本年度存在的主要问题：政策解读形式较为单一。
""", "")
    edit(data / SHILI / "2022.yml", "    text: |\n  六:", "  六:")
    table = run(data)
    assert values(table, SHILI, "parts_missing") == {2020: 0, 2021: 0, 2022: 1}
    assert "第五部分" in table[(SHILI, 2022, "parts_missing")].detail
    assert "只有标题" in table[(SHILI, 2022, "parts_missing")].detail
    # Parts 二 to 四 hold the tables: no text of their own is needed.
    assert "第二部分" not in table[(SHILI, 2022, "parts_missing")].detail
    assert values(table, WANGGANG, "parts_missing") == {2020: 1}
    assert "第六部分" in table[(WANGGANG, 2020, "parts_missing")].detail


# --- overview_chars ---------------------------------------------------------------------------------


def test_the_overview_is_measured_and_flagged_over_the_limit_set(data: Path) -> None:
    table = run(data)
    assert values(table, SHILI, "overview_chars") == {2020: 73, 2021: 155, 2022: 55}
    assert not any(flags(table, SHILI, "overview_chars").values())
    table = run(data, QualitySettings(overview_max_chars=100))
    assert flags(table, SHILI, "overview_chars") == {2020: False, 2021: True, 2022: False}
    assert "超过 100 字" in table[(SHILI, 2021, "overview_chars")].detail
    text = "2022年，示例县数据局新收政府信息公开申请274件，予以公开79件；被申请行政复议6件，被提起行政诉讼9件。"
    assert len(text) == 55


# --- blank_cells ------------------------------------------------------------------------------------


def test_blank_cells_count_blanks_only_never_zero_or_not_applicable(data: Path) -> None:
    report = data / SHILI / "2022.yml"
    edit(report, "  enforcement: 2", "  enforcement: ~")
    edit(report, "  penalties: 9", "  penalties: 0")
    edit(report, "  licensing: 41", "  licensing: 不适用")
    edit(report, "  review: [3, 1, 1, 1, 6]", "  review: [~, ~, 1, 1, 6]")
    table = run(data)
    figure = table[(SHILI, 2022, "blank_cells")]
    assert (figure.value, figure.flag) == (3, True)
    assert "不适用 1 格" in figure.detail and "填 0 的 1 格" in figure.detail
    assert "结果维持" in figure.detail  # the blank cells named by their labels
    assert values(table, SHILI, "blank_cells") == {2020: 0, 2021: 0, 2022: 3}
    assert not table[(SHILI, 2021, "blank_cells")].flag


# --- fees_item --------------------------------------------------------------------------------------


def test_the_fees_item_from_2021(data: Path) -> None:
    table = run(data)
    assert values(table, SHILI, "fees_item") == {2020: None, 2021: True, 2022: True}
    report = data / SHILI / "2022.yml"
    edit(report, "    fees: {notices_count: 9, notices_amount_yuan: 3600, collected_amount_yuan: 800}\n", "")
    table = run(data)
    assert values(table, SHILI, "fees_item")[2022] is True  # said in the part's text
    assert "正文" in table[(SHILI, 2022, "fees_item")].detail
    edit(report, "本年度发出收费通知9件，金额3600元，实际收取信息处理费800元。", "本年度未发生此类情况。")
    table = run(data)
    assert values(table, SHILI, "fees_item")[2022] is False
    assert flags(table, SHILI, "fees_item") == {2020: False, 2021: False, 2022: True}


# --- data with problems -------------------------------------------------------------------------------


def test_reports_that_load_get_figures_when_others_do_not(data: Path) -> None:
    (data / SHILI / "2021.yml").write_text("format: [\n", encoding="utf-8")
    edit(data / WANGGANG / "body.yml", "level: 乡镇/街道", "level: 乡镇")
    table = run(data)
    assert values(table, SHILI, "published") == {2020: "published", 2021: "missing", 2022: "published"}
    assert values(table, WANGGANG, "days_late") == {2020: None}  # no body: no deadline known
    assert values(table, WANGGANG, "published") == {2020: "published"}


# --- the command ----------------------------------------------------------------------------------


def _csv(stdout: str) -> list[dict[str, str]]:
    import csv
    import io

    assert stdout.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(stdout.removeprefix("\ufeff"), newline="")))
    assert rows[0] == ["body", "year", "indicator", "value", "flag", "detail"]
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_the_command_prints_csv_with_a_bom_and_crlf(data: Path) -> None:
    edit(data / SHILI / "2022.yml", "published: 2023-01-18", "published: 2023-02-10")
    proc = run_cli("quality", "data", "--format", "csv", cwd=data.parent)
    assert proc.returncode == 0, proc.stderr  # flagged, and still 0: it is a report
    rows = _csv(proc.stdout)
    late = next(r for r in rows if (r["body"], r["year"], r["indicator"]) == (SHILI, "2022", "days_late"))
    assert (late["value"], late["flag"]) == ("10", "true") and "晚 10 天" in late["detail"]
    fees = next(r for r in rows if (r["body"], r["year"], r["indicator"]) == (SHILI, "2020", "fees_item"))
    assert (fees["value"], fees["flag"]) == ("", "false")  # None is nothing, never 0
    assert {r["indicator"] for r in rows} >= set(SHILI_IDS)
    assert "标记为需关注" in proc.stderr


def test_the_command_prints_json_and_a_table(data: Path) -> None:
    import json

    proc = run_cli("quality", "data", "--format", "json", "--year", "2021", cwd=data.parent)
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert {r["year"] for r in rows} == {2021}
    assert list(rows[0]) == ["body", "year", "indicator", "value", "flag", "detail"]
    revisions = next(r for r in rows if (r["body"], r["indicator"]) == (SHILI, "revisions"))
    assert (revisions["value"], revisions["flag"]) == (2, False)
    missing = next(r for r in rows if (r["body"], r["indicator"]) == (WANGGANG, "published"))
    assert (missing["value"], missing["flag"]) == ("missing", True)
    proc = run_cli("quality", "data", "--year", "2020", cwd=data.parent)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].split() == ["body", "year", "indicator", "value", "flag", "detail"]
    assert len(lines) == 1 + 2 * len(SHILI_IDS)
    assert any(line.startswith(WANGGANG) and "parts_missing" in line and "⚑" in line for line in lines)


def test_the_region_filter_matches_a_region_at_any_level(data: Path) -> None:
    for region, bodies in (("南岗区", {WANGGANG}), ("黑龙江省", {WANGGANG}), ("示例市", {SHILI}),
                           ("示例", set()), ("哈尔滨", set())):
        proc = run_cli("quality", "data", "--format", "csv", "--region", region, cwd=data.parent)
        assert proc.returncode == 0, proc.stderr
        assert {r["body"] for r in _csv(proc.stdout)} == bodies, region


def test_the_overview_limit_is_an_option(data: Path) -> None:
    proc = run_cli("quality", "data", "--format", "csv", "--overview-max", "100", cwd=data.parent)
    flagged = {(r["body"], r["year"]) for r in _csv(proc.stdout) if r["indicator"] == "overview_chars"
               and r["flag"] == "true"}
    assert flagged == {(SHILI, "2021"), (WANGGANG, "2020")}


def test_unreadable_data_still_gets_figures_for_what_loads_and_exits_1(data: Path) -> None:
    (data / SHILI / "2021.yml").write_text("format: [\n", encoding="utf-8")
    proc = run_cli("quality", "data", "--format", "csv", cwd=data.parent)
    assert proc.returncode == 1
    assert f"data/{SHILI}/2021.yml" in proc.stderr and "读不出" in proc.stderr
    rows = _csv(proc.stdout)
    assert {r["value"] for r in rows if (r["body"], r["indicator"]) == (SHILI, "published")} == {
        "published", "missing"}
    # An error of the checks (a broken total) is no reason to fail: the data reads.
    (data / SHILI / "2021.yml").unlink()
    edit(data / SHILI / "2022.yml", "  new: [137, 34, 24, 22, 28, 29, 274]", "  new: [137, 34, 24, 22, 28, 29, 999]")
    assert run_cli("quality", "data", cwd=data.parent).returncode == 0


def test_inconsistent_registry_is_no_reason_to_fail(data: Path) -> None:
    """A report outside since/until (B.1) or an unknown parent is an error of check, but the data reads."""
    add(data / WANGGANG / "body.yml", "since: 2021\nparent: nowhere\n")
    proc = run_cli("quality", "data", "--format", "csv", cwd=data.parent)
    assert proc.returncode == 0, proc.stderr
    assert any(r["body"] == WANGGANG and r["indicator"] == "days_late" for r in _csv(proc.stdout))


def test_no_data_folder_is_exit_2(tmp_path: Path) -> None:
    proc = run_cli("quality", "nowhere", cwd=tmp_path)
    assert proc.returncode == 2 and "nowhere" in proc.stderr and proc.stdout == ""


def test_csv_lines_end_in_crlf_and_json_keeps_types(data: Path) -> None:
    from nianbao.quality.output import csv_output, json_output

    found = figures(load_data(data, data.parent))
    text = csv_output(found)
    assert text.startswith("\ufeffbody,year,indicator,value,flag,detail\r\n")
    assert text.count("\r\n") == len(found) + 1
    assert '"value":0.2589' in json_output(found)  # a share: four decimals
