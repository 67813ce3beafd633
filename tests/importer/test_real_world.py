"""The importer on what real reports do (fixtures: tests/fixtures/import/real-world/, made by
make_variety.py): the body's name and the year wherever the report states them, the level guessed
with its reason, findings acknowledged when body.yml still lacks fields, group rows printed as one
row, and text laid out as a PDF reader gives it."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest

from nianbao.__main__ import main as nianbao_main
from nianbao.catalogue import importer as msg
from nianbao.importer.assemble import import_source
from nianbao.importer.cli import main
from nianbao.importer.prose import name_from_title, title_year
from nianbao.yamlsource import parse_yaml

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "tests" / "fixtures" / "import" / "real-world"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def read(path: Path) -> dict[str, Any]:
    value = parse_yaml(path.read_text(encoding="utf-8")).value
    assert isinstance(value, dict)
    return value


# --- 1. the body's name and the year ----------------------------------------------------------------


@pytest.mark.parametrize(("title", "name", "year"), [
    ("2019年上海市人民政府办公厅政府信息公开工作年度报告", "上海市人民政府办公厅", 2019),
    ("示例县人民政府2020年政府信息公开工作年度报告", "示例县人民政府", 2020),
    ("2020年示例县某某局政府信息公开工作年度报告", "示例县某某局", 2020),
    ("2020年示例县人民政府信息公开工作年度报告", "示例县人民政府", 2020),
    ("示例县某某局关于2020年度政府信息公开工作的年度报告", "示例县某某局", 2020),
    ("示例县某某镇2020年度政务公开工作年度报告", "示例县某某镇", 2020),
    ("示例县某某局 2020 年度\n政府信息公开工作年度报告", "示例县某某局", 2020),
    ("示例县某某乡人民政府二〇二〇年政府信息公开工作年度报告", "示例县某某乡人民政府", 2020),
    ("示例县某某乡人民政府二○二○年度政府信息公开工作年度报告", "示例县某某乡人民政府", 2020),
    ("２０２０年示例市某某委员会政府信息公开工作年度报告", "示例市某某委员会", 2020),
    ("2021年度政府信息公开工作年度报告", "", 2021),
    ("政府信息公开工作年度报告", "", None),
])
def test_name_and_year_from_a_title_in_any_order(title: str, name: str, year: int | None) -> None:
    assert name_from_title(title) == name
    assert title_year(title) == year


@pytest.mark.parametrize(("fixture", "name", "slug", "year_note"), [
    ("year-first-title-2021.txt", "示例市人民政府办公厅", None, ""),
    ("guanyu-title-2021.txt", "示例县午镇人民政府", "wu-zhen", ""),
    ("cn-digits-title-2021.txt", "示例县未乡人民政府", "wei-xiang", ""),
    ("name-in-signature-2021.txt", "示例县申镇人民政府", "shen-zhen", "统计期限自2021年1月1日起"),
    ("year-in-period-2021.txt", "示例县酉镇人民政府", "you-zhen", "统计时限为2021年1月1日"),
])
def test_name_and_year_wherever_the_report_states_them(tmp_path: Path, fixture: str, name: str, slug: str | None,
                                                       year_note: str) -> None:
    result = import_source(REAL / fixture)
    assert result.year == 2021 and result.name == name and not result.errors, result.errors
    notes = [w for w in result.warnings if "年度" in w]
    if year_note:  # not the title: the warning quotes what gave the year
        assert len(notes) == 1 and year_note in notes[0], result.warnings
    else:
        assert not notes, result.warnings
    code, out = run(str(REAL / fixture), "--data", str(tmp_path / "data"))
    assert code == 0, out
    written = list((tmp_path / "data").glob("*/2021.yml"))
    assert len(written) == 1, out
    if slug is not None:
        assert written[0].parent.name == slug
    assert read(written[0].parent / "body.yml")["name"] == name


def test_the_year_from_the_closing_date_is_said_as_an_assumption() -> None:
    result = import_source(REAL / "year-from-date-2021.txt")
    assert result.year == 2021 and not result.errors
    assumed = msg.YEAR_ASSUMED(year=2021, published="2022-01-27", source=msg.DATE_CLOSING())
    assert assumed in result.warnings


def test_a_report_naming_no_body_says_to_pass_body_without_a_question_mark(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    text = (REAL / "name-in-signature-2021.txt").read_text(encoding="utf-8")
    source.write_text(text.replace("示例县申镇人民政府\n2022年1月20日", "2022年1月20日"), encoding="utf-8")
    code, out = run(str(source), "--data", str(tmp_path / "data"))
    assert code == 1 and msg.NO_NAME() in out and "「?」" not in out
    code, out = run(str(source), "--data", str(tmp_path / "data"), "--body", "shili-shen-zhen")
    assert code in (0, 1) and (tmp_path / "data" / "shili-shen-zhen" / "2021.yml").is_file(), out


# --- group rows printed as one row -------------------------------------------------------------------


def test_group_rows_printed_as_one_row_are_kept_as_the_groups_totals(tmp_path: Path, monkeypatch) -> None:
    result = import_source(REAL / "collapsed-groups-2021.txt")
    assert not result.errors, result.errors
    for label in ("（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"):
        assert msg.GROUP_AS_ONE_ROW(label=label) in result.warnings
    code, out = run(str(REAL / "collapsed-groups-2021.txt"), "--data", str(tmp_path / "data"))
    assert code == 0, out
    [written] = (tmp_path / "data").glob("*/2021.yml")
    results = read(written)["applications"]["results"]  # the YAML as written: scalars as text
    assert results["withheld"] == ["1", "0", "0", "0", "0", "0", "1"]
    assert results["unavailable"] == ["1", "1", "0", "0", "0", "0", "2"]
    assert results["other_handling"] == ["0", "0", "0", "0", "0", "0", "0"]
    assert "unplaced" not in read(written)
    body_file = written.parent / "body.yml"
    if "region" not in read(body_file):
        body_file.write_text(body_file.read_text(encoding="utf-8") + "region: [示例省, 示例市, 示例县]\n",
                             encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(os.environ, "NIANBAO_LANG", "zh")
    assert nianbao_main(["check", "--strict", str(tmp_path / "data")]) == 0


def test_a_group_row_with_figures_and_its_sub_rows_reads_the_sub_rows(tmp_path: Path) -> None:
    text = (REAL / "collapsed-groups-2021.txt").read_text(encoding="utf-8")
    rows = "\n".join(f"三、本年度办理结果\t（四）无法提供\t{label}\t{values}" for label, values in [
        ("1.本机关不掌握相关政府信息", "1\t0\t0\t0\t0\t0\t1"),
        ("2.没有现成信息需要另行制作", "0\t1\t0\t0\t0\t0\t1"),
        ("3.补正后申请内容仍不明确", "0\t0\t0\t0\t0\t0\t0")])
    line = "三、本年度办理结果\t（四）无法提供\t\t1\t1\t0\t0\t0\t0\t2"
    assert line in text
    source = tmp_path / "both.txt"
    source.write_text(text.replace(line, line + "\n" + rows), encoding="utf-8")
    result = import_source(source)
    assert msg.GROUP_AND_ROWS(label="（四）无法提供") in result.warnings, result.warnings
    code, out = run(str(source), "--data", str(tmp_path / "data"))
    assert code == 0, out
    [written] = (tmp_path / "data").glob("*/2021.yml")
    report = read(written)
    assert report["applications"]["results"]["unavailable"]["not_held"] == ["1", "0", "0", "0", "0", "0", "1"]
    assert report["unplaced"], "the group's own figures are kept for the maintainer to compare"


# --- text laid out as a PDF reader gives it ----------------------------------------------------------


def test_labels_wrapped_around_their_value_line_are_read(tmp_path: Path) -> None:
    # 「（二）部分公开（区分处理的，」 / 「1  0  0  1  0  0  2」 / 「只计这一情形，不计其他情形）」, a label
    # alone with 「1 | 1 | 0 …」 under it, and 「行政强制」 over a lone 「0」.
    result = import_source(REAL / "pdf-wrapped-2021.txt")
    assert not result.errors and not result.warnings, (result.errors, result.warnings)
    code, out = run(str(REAL / "pdf-wrapped-2021.txt"), "--data", str(tmp_path / "data"))
    assert code == 0, out
    [written] = (tmp_path / "data").glob("*/2021.yml")
    report = read(written)
    assert "unplaced" not in report
    results = report["applications"]["results"]
    assert results["partly_disclosed"] == ["1", "0", "0", "1", "0", "0", "2"]
    assert results["unavailable"]["not_held"] == ["1", "1", "0", "0", "0", "0", "2"]
    assert results["other_handling"]["no_correction"] == ["0"] * 7
    assert results["other_handling"]["unpaid_fees"] == ["0"] * 7
    assert report["active_disclosure"]["enforcement"] == "0"


def test_only_a_table_label_takes_the_value_line_under_it() -> None:
    from nianbao.importer.labels import is_table_label
    from nianbao.importer.text_source import read_text

    assert [b.kind for b in read_text("行政强制\n0\n", is_table_label).blocks] == ["table"]
    prose = read_text("本年度共收到申请\n3\n", is_table_label)
    assert [b.kind for b in prose.blocks] == ["paragraph", "paragraph"]
