"""A batch import ends with one summary table, and --report writes the same rows as a CSV for Excel."""

from __future__ import annotations

import csv
import io
import shutil
import unicodedata
from pathlib import Path

from nianbao.importer.batch_report import SummaryRow, csv_text
from nianbao.importer.cli import main
from nianbao.loader import load_data

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "import"
COLUMNS = ["来源", "机关文件夹", "机关名称", "年度", "格式", "读出单元格", "单元格总数", "发现", "警告", "结果", "说明"]


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def folder_of_sources(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(FIXTURES / "mixed", folder)
    shutil.copy(FIXTURES / "seed" / "wanggang-2020.txt", folder)
    shutil.copy(FIXTURES / "not-a-report.html", folder)
    shutil.copy(FIXTURES / "blank-2019-tables-2022.html", folder)
    (folder / "统计表.xls").write_bytes(b"\xd0\xcf\x11\xe0")  # old Excel: skipped, with what to do
    return folder


def test_the_summary_table_and_its_csv_have_a_row_per_source(tmp_path: Path) -> None:
    folder, data, report = folder_of_sources(tmp_path), tmp_path / "data", tmp_path / "out" / "import.csv"
    report.parent.mkdir()
    code, out = run(str(folder), "--data", str(data), "--report", str(report))
    assert code == 1, out  # not-a-report.html fails
    rows = {Path(r["来源"]).name: r for r in read_csv(report)}
    assert list(read_csv(report)[0]) == COLUMNS
    assert sorted(rows) == sorted(p.name for p in folder.iterdir())

    seed = rows["wanggang-2020.txt"]
    assert (seed["机关文件夹"], seed["机关名称"], seed["年度"], seed["格式"]) == (
        "wanggang-zhen", "南岗区王岗镇人民政府", "2020", "2019年试行格式")
    assert (seed["结果"], seed["说明"]) == ("已导入", "")
    # The cells read are the cells the written file states: counted again from the data as loaded.
    loaded = load_data(data, data).report("wanggang-zhen", 2020)
    assert loaded is not None
    stated = sum(1 for table in loaded.tables.values() for row in table.values() for cell in row
                 if cell.state != "blank")
    assert int(seed["读出单元格"]) == stated and int(seed["单元格总数"]) >= stated

    blank = rows["blank-2019-tables-2022.html"]
    assert int(blank["读出单元格"]) < int(blank["单元格总数"])  # blanks are not counted as read

    failed = rows["not-a-report.html"]
    assert failed["结果"] == "失败，什么也没有写入" and failed["机关文件夹"] == ""
    assert failed["说明"].startswith("这不是年度报告")

    skipped = rows["统计表.xls"]
    assert skipped["结果"] == "跳过" and skipped["说明"].startswith("旧版 Excel 文件（.xls）读不了")
    assert skipped["发现"] == skipped["警告"] == skipped["读出单元格"] == ""  # not read: no count, not 0
    assert f"导入汇总已写入 {report}" in out


def test_the_table_on_the_terminal_is_aligned(tmp_path: Path) -> None:
    code, out = run(str(folder_of_sources(tmp_path)), "--data", str(tmp_path / "data"))
    assert code == 1
    lines = out.split("导入汇总（7 份）：\n", 1)[1].splitlines()[:8]
    assert lines[0].split() == COLUMNS
    # Each row's status starts in the column its header starts in, counting Chinese characters as two.
    column = width(lines[0][: lines[0].index("结果")])
    for line in lines[1:]:
        status = next(s for s in ("已导入", "部分导入", "失败", "跳过") if s in line)
        assert width(line[: line.index(status)]) == column, line


def test_a_report_that_cannot_be_written_is_said_and_fails_the_run(tmp_path: Path, capsys) -> None:
    blocked = tmp_path / "import.csv"
    blocked.mkdir()  # a folder where the file should go
    code, _ = run(str(FIXTURES / "mixed"), "--data", str(tmp_path / "data"), "--report", str(blocked))
    assert code == 1
    assert f"导入汇总没有写入 {blocked}" in capsys.readouterr().err


def test_a_text_excel_would_run_as_a_formula_is_written_as_text() -> None:
    row = SummaryRow(source="a.txt", body="", name="=HYPERLINK(\"x\")", year=None, format="", cells_read=0,
                     cells_total=0, findings=0, warnings=0, status="failed", note="-1")
    parsed = list(csv.reader(io.StringIO(csv_text([row])[1:])))
    assert parsed[1][2] == "'=HYPERLINK(\"x\")" and parsed[1][-1] == "'-1"
