"""The Excel round trip: ``python -m nianbao excel BODY YEAR`` writes a report's statutory tables as
a workbook in the official layout, and ``python -m nianbao import WORKBOOK`` puts them back into the
report's file, the rest of the file kept byte for byte.

Workbooks are read back with openpyxl to check the layout (merged cells, locked labels, data
validation, values); a workbook laid out by hand (labels repeated instead of merged, numbers typed
as text, a blank row, a misspelt label) is built here with openpyxl directly, not by the export.
"""

from __future__ import annotations

import io
import re
import shutil
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from nianbao.__main__ import main as nianbao_main
from nianbao.formats import Node, get_format
from nianbao.importer.cli import main as import_main
from nianbao.importer.workbook_source import number_text
from nianbao.loader import load_data

ROOT = Path(__file__).resolve().parent.parent
BODIES = {"wanggang-zhen": ROOT / "data" / "wanggang-zhen",
          "shili-xian-shujuju": ROOT / "tests" / "fixtures" / "2021" / "shili-xian-shujuju"}
REPORTS = [("wanggang-zhen", 2020), ("shili-xian-shujuju", 2021)]


def _data(tmp_path: Path, slug: str, name: str = "data") -> Path:
    """A data folder holding a copy of the body's folder."""
    data = tmp_path / name
    shutil.copytree(BODIES[slug], data / slug)
    return data


def _export(data: Path, slug: str, year: int, out: Path) -> str:
    said, errors = io.StringIO(), io.StringIO()
    with redirect_stdout(said), redirect_stderr(errors):
        code = nianbao_main(["excel", slug, str(year), "--data", str(data), "--out", str(out)])
    assert code == 0, errors.getvalue()
    return said.getvalue()


def _import(*argv: str | Path) -> tuple[int, str]:
    out = io.StringIO()
    code = import_main([str(a) for a in argv], out=out)
    return code, out.getvalue()


def _original(slug: str, year: int) -> bytes:
    return (BODIES[slug] / f"{year}.yml").read_bytes()


def _workbook(tmp_path: Path, slug: str, year: int) -> Path:
    out = tmp_path / f"{slug}-{year}.xlsx"
    _export(_data(tmp_path, slug, "export-from"), slug, year, out)
    return out


# --- the done-when: exported and imported back, the same file -----------------------------------


@pytest.mark.parametrize(("slug", "year"), REPORTS)
def test_exported_and_imported_back_gives_the_same_file_byte_for_byte(tmp_path: Path, slug: str, year: int):
    data = _data(tmp_path, slug)
    book = tmp_path / "report.xlsx"
    said = _export(data, slug, year, book)
    assert str(book) in said and "表二、表三、表四" in said
    code, out = _import(book, "--data", data)
    assert code == 0, out
    assert (data / slug / f"{year}.yml").read_bytes() == _original(slug, year)
    assert "文件没有改动" in out


def _blank_cells(text: str, slug: str, year: int) -> str:
    """The report's text with every cell of its statutory tables written as ~, comments and all else
    as they were (so that the import has every cell to put back)."""
    fmt = get_format("2019" if year < 2021 else "2021")
    tables = {t.key for t in fmt.tables}
    out, inside = [], False
    for line in text.split("\n"):
        if line and not line.startswith((" ", "#")):
            inside = line.rstrip(":") in tables
        elif inside and (row := re.fullmatch(r"(\s+\w+: )(.+)", line)):
            value = row[2]
            line = row[1] + ("[" + ", ".join("~" for _ in value.split(",")) + "]" if value.startswith("[") else "~")
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize(("slug", "year"), REPORTS)
def test_imported_onto_a_file_with_other_values_gives_the_original_byte_for_byte(tmp_path: Path, slug: str,
                                                                                   year: int):
    """Every cell is put back where it stands; the comments inside the tables (the 2021 fixture has
    one) and everything outside them stay."""
    book = _workbook(tmp_path, slug, year)
    data = _data(tmp_path, slug)
    report = data / slug / f"{year}.yml"
    blanked = _blank_cells(report.read_text(encoding="utf-8"), slug, year)
    assert blanked != report.read_text(encoding="utf-8") and "~" in blanked
    report.write_text(blanked, encoding="utf-8")
    code, out = _import(book, "--data", data)
    assert code == 0, out
    assert report.read_bytes() == _original(slug, year)
    assert "替换了" in out and re.search(r"表二!B4 空白 → [0-9]", out)


def test_tables_missing_from_the_file_are_added_where_the_writer_puts_them(tmp_path: Path) -> None:
    book = _workbook(tmp_path, "wanggang-zhen", 2020)
    data = _data(tmp_path, "wanggang-zhen")
    report = data / "wanggang-zhen" / "2020.yml"
    text = report.read_text(encoding="utf-8")
    start = text.index("# 二、主动公开政府信息情况")
    end = text.index("acknowledged:")
    report.write_text(text[:start] + text[end:], encoding="utf-8")
    code, out = _import(book, "--data", data)
    assert code == 0, out
    assert report.read_bytes() == _original("wanggang-zhen", 2020)


def test_a_table_of_another_shape_in_the_file_is_written_anew(tmp_path: Path) -> None:
    """The file gives （三）不予公开 as one row; the workbook row by row: the table is rewritten."""
    book = _workbook(tmp_path, "wanggang-zhen", 2020)
    data = _data(tmp_path, "wanggang-zhen")
    report = data / "wanggang-zhen" / "2020.yml"
    text = report.read_text(encoding="utf-8")
    collapsed = re.sub(r"    withheld:\n(      .*\n)+", "    withheld: [0, 0, 0, 0, 0, 0, 0]\n", text)
    assert collapsed != text
    report.write_text(collapsed, encoding="utf-8")
    code, out = _import(book, "--data", data)
    assert code == 0, out
    assert report.read_bytes() == _original("wanggang-zhen", 2020)


# --- the workbook's layout -------------------------------------------------------------------------


def _merges(ws: Worksheet) -> set[str]:
    return {str(r) for r in ws.merged_cells.ranges}


def test_each_table_is_one_sheet_with_its_title_and_the_official_merged_cells(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(_workbook(tmp_path, "wanggang-zhen", 2020))
    assert book.sheetnames == ["报告信息", "表二", "表三", "表四"]
    t3, t4 = book["表三"], book["表四"]
    assert t3["A1"].value == "三、收到和处理政府信息公开申请情况"
    # The official layout of 三 (2019): the corner over three label columns and three header rows,
    # 申请人情况 over seven columns, 法人或其他组织 over five, 自然人 and 总计 down two rows;
    # 三、本年度办理结果 down its twenty rows, （三） down eight, （四） three, （五） five.
    assert _merges(t3) == {
        "A1:J1", "A2:C4", "D2:J2", "D3:D4", "E3:I3", "J3:J4", "A5:C5", "A6:C6", "A7:A26", "B7:C7", "B8:C8",
        "B9:B16", "B17:B19", "B20:B24", "B25:C25", "B26:C26", "A27:C27"}
    assert [t3.cell(r, 1).value for r in (2, 5, 7, 27)] == [
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "一、本年新收政府信息公开申请数量",
        "三、本年度办理结果", "四、结转下年度继续办理"]
    assert [t3.cell(r, 2).value for r in (9, 17, 20)] == ["（三）不予公开", "（四）无法提供", "（五）不予处理"]
    assert [t3.cell(4, c).value for c in range(5, 10)] == [
        "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    # 四: 行政复议 over five columns, 行政诉讼 over ten, each of its two kinds over five.
    assert _merges(t4) == {"A1:O1", "A2:E2", "F2:O2", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:J3", "K3:O3"}
    assert (t4["A2"].value, t4["F2"].value, t4["F3"].value, t4["K3"].value) == (
        "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉")
    t2 = book["表二"]
    assert [t2.cell(r, 1).value for r in (2, 3, 4)] == ["第二十条第（一）项", "信息内容", "规章"]
    assert "A2:D2" in _merges(t2) and "D16:D16" not in _merges(t2)


def _value_cells(ws: Worksheet) -> set[str]:
    """The cells a person types in: the unlocked ones."""
    return {c.coordinate for row in ws.iter_rows() for c in row
            if c.protection.locked is False and not isinstance(c, openpyxl.cell.cell.MergedCell)}


def test_labels_are_locked_by_a_sheet_protection_without_password_and_values_open(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(_workbook(tmp_path, "wanggang-zhen", 2020))
    t3 = book["表三"]
    for ws in (book["表二"], t3, book["表四"], book["报告信息"]):
        assert ws.protection.sheet is True and not ws.protection.password, ws.title
    values = _value_cells(t3)
    assert values == {f"{c}{r}" for c in "DEFGHIJ" for r in range(5, 28)}
    assert all(t3[ref].protection.locked for ref in ("A1", "A2", "D2", "E4", "A7", "B9", "C9", "A27"))
    assert _value_cells(book["表四"]) == {f"{c}5" for c in "ABCDEFGHIJKLMNO"}
    assert not _value_cells(book["报告信息"])


def test_value_cells_carry_a_data_validation_of_their_kind(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(_workbook(tmp_path, "wanggang-zhen", 2020))
    rules: dict[str, str] = {}
    for ws in (book["表二"], book["表三"]):
        for check in ws.data_validations.dataValidation:
            for ref in str(check.sqref).split():
                rules[f"{ws.title}!{ref}"] = check.formula1 or ""
                assert check.allow_blank and check.prompt, ref
    # Counts: whole numbers ≥ 0 (or the text 不适用); 本年增/减: whole numbers of either sign.
    assert rules["表三!D5"] == 'OR(AND(ISNUMBER(D5),D5>=0,D5=INT(D5)),D5="不适用")'
    assert rules["表二!C12"] == 'OR(AND(ISNUMBER(C12),C12=INT(C12)),C12="不适用")'
    assert {f"表三!{ref}" for ref in _value_cells(book["表三"])} <= set(rules)
    assert rules["表二!C19"] == ""  # 采购总金额 is written with its unit (461.7 万元): a prompt only
    # The 2021 format's 收费金额 is an amount: decimals allowed.
    book21 = openpyxl.load_workbook(_workbook(tmp_path, "shili-xian-shujuju", 2021))
    t2 = book21["表二"]
    amount = next(c for c in t2.data_validations.dataValidation if str(c.sqref) == "B15")
    assert amount.formula1 == 'OR(AND(ISNUMBER(B15),B15>=0),B15="不适用")'
    assert t2["A15"].value == "行政事业性收费" and t2["B15"].value == 1.25 and t2["B15"].number_format == "0.00"
    assert "B15:D15" in _merges(t2)  # 本年收费金额 spans three columns


def test_values_are_numbers_and_texts_as_the_data_file_gives_them(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(_workbook(tmp_path, "wanggang-zhen", 2020))
    t2, t3 = book["表二"], book["表三"]
    assert (t3["D5"].value, t3["D5"].data_type) == (10, "n")
    assert (t2["C12"].value, t2["C12"].number_format) == (1, "+0;-0;0")  # +1, as the report printed it
    assert (t2["C19"].value, t2["C19"].data_type) == ("461.7 万元", "s")
    meta = book["报告信息"]
    assert {meta.cell(r, 1).value: meta.cell(r, 2).value for r in range(3, 8)} == {
        "机关文件夹": "wanggang-zhen", "机关名称": "南岗区王岗镇人民政府", "报告年度": 2020, "报告格式": "2019",
        "格式名称": "2019年试行格式（国办公开办函〔2019〕60号）"}


def test_blank_zero_and_not_applicable_stay_apart_both_ways(tmp_path: Path) -> None:
    source = _data(tmp_path, "wanggang-zhen", "source")
    report = source / "wanggang-zhen" / "2020.yml"
    text = report.read_text(encoding="utf-8")
    edited = text.replace("  regulations: [0, 0, 0]", "  regulations: [0, ~, 不适用]")
    assert edited != text
    report.write_text(edited, encoding="utf-8")
    book_path = tmp_path / "edited.xlsx"
    _export(source, "wanggang-zhen", 2020, book_path)
    t2 = openpyxl.load_workbook(book_path)["表二"]
    assert (t2["B4"].value, t2["C4"].value, t2["D4"].value) == (0, None, "不适用")
    data = _data(tmp_path, "wanggang-zhen")
    target = data / "wanggang-zhen" / "2020.yml"
    target.write_text(text.replace("  regulations: [0, 0, 0]", "  regulations: [5, 5, 5]"), encoding="utf-8")
    code, out = _import(book_path, "--data", data)
    assert code == 0, out
    assert target.read_text(encoding="utf-8") == edited
    assert "表二!B4 5 → 0" in out and "表二!C4 5 → 空白" in out and "表二!D4 5 → 不适用" in out


# --- a workbook made by hand ------------------------------------------------------------------------


def _leaves(nodes: tuple[Node, ...], above: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Each leaf row's labels from the top of the row tree."""
    out = []
    for node in nodes:
        here = (*above, node.label)
        out += _leaves(node.children, here) if node.children else [here]
    return out


def _hand_made(path: Path, values: dict[str, list[list[object]]]) -> None:
    """The 2019 tables laid out as a person types them: sheets named freely, no merged cells (every
    spanned label repeated), no 报告信息 sheet; ``values`` gives each table's rows in order."""
    fmt = get_format("2019")
    book = openpyxl.Workbook()
    t2 = book.active
    assert t2 is not None
    t2.title = "主动公开"
    rows = iter(values["active_disclosure"])
    for block in fmt.table("active_disclosure").blocks:
        t2.append([block.band] * 4)
        t2.append([block.corner, *(c.label for _, c in block.leaf_columns)])
        for _, row in block.leaf_rows:
            t2.append([row.label, *next(rows)])
    t3 = book.create_sheet("申请")
    table = fmt.table("applications")
    t3.append(["三、收到和处理政府信息公开申请情况"])
    t3.append([None] * 3 + ["申请人情况"] * 7)
    t3.append([None] * 3 + ["自然人"] + ["法人或其他组织"] * 5 + ["总计"])
    t3.append([None] * 3 + [c.label for _, c in table.blocks[0].leaf_columns])
    for labels, cells in zip(_leaves(table.blocks[0].rows), values["applications"], strict=True):
        padded = (labels * 3)[:3] if len(labels) == 1 else [labels[0], *(labels[1:] * 2)][:3]
        if labels[0] == "二、上年结转政府信息公开申请数量":
            padded = ["二、上年结转政府信息公开申请数"] * 3  # a letter short
        t3.append([*padded, *cells])
        if labels[0] == "一、本年新收政府信息公开申请数量":
            t3.append([])  # a blank row between two rows
    t4 = book.create_sheet("复议诉讼")
    columns = [c.label for _, c in fmt.table("reviews_litigation").blocks[0].leaf_columns]
    t4.append(["行政复议"] * 5 + ["行政诉讼"] * 10)
    t4.append(columns + ["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5)
    t4.append(columns + columns + columns)
    t4.append(values["reviews_litigation"][0])
    book.save(path)


def _wanggang_values() -> dict[str, list[list[object]]]:
    """The 王岗镇 2020 tables, row by row, numbers typed as text ("10") and as numbers alike."""
    report = load_data(ROOT / "data", ROOT).report("wanggang-zhen", 2020)
    assert report is not None
    out: dict[str, list[list[object]]] = {}
    for table in report.format.tables:
        rows = [[cell.text if i % 2 else (int(cell.text) if cell.text.isdigit() else cell.text)
                 for i, cell in enumerate(report.tables[table.key][key])]
                for key, _, _ in table.leaf_rows]
        out[table.key] = rows
    out["reviews_litigation"] = [[v for row in out["reviews_litigation"] for v in row]]
    return out


def test_a_hand_made_workbook_of_the_same_shape_imports_to_the_same_tables(tmp_path: Path) -> None:
    values = _wanggang_values()
    values["reviews_litigation"][0][:5] = ["2", "1", 0, "0", "3"]  # 行政复议 as the hand-made sheet says
    book = tmp_path / "手工.xlsx"
    _hand_made(book, values)
    data = _data(tmp_path, "wanggang-zhen")
    code, out = _import(book, "--data", data, "--body", "wanggang-zhen", "--year", "2020")
    assert code == 0, out
    expected = _original("wanggang-zhen", 2020).decode("utf-8").replace(
        "  review: [1, 1, 0, 0, 2]", "  review: [2, 1, 0, 0, 3]")
    assert (data / "wanggang-zhen" / "2020.yml").read_text(encoding="utf-8") == expected
    assert "二、上年结转政府信息公开申请数" in out  # the misspelt label, read as the official one and said
    assert "复议诉讼!A4 1 → 2" in out and "复议诉讼!E4 2 → 3" in out
    imported = load_data(data, data).report("wanggang-zhen", 2020)
    original = load_data(ROOT / "data", ROOT).report("wanggang-zhen", 2020)
    assert imported is not None and original is not None
    assert {k: v for k, v in imported.tables.items() if k != "reviews_litigation"} == {
        k: v for k, v in original.tables.items() if k != "reviews_litigation"}


def test_a_hand_made_workbook_says_which_body_and_year_only_on_the_command_line(tmp_path: Path) -> None:
    book = tmp_path / "手工.xlsx"
    _hand_made(book, _wanggang_values())
    data = _data(tmp_path, "wanggang-zhen")
    code, out = _import(book, "--data", data, "--year", "2020")
    assert code == 1 and "--body" in out
    code, out = _import(book, "--data", data, "--body", "wanggang-zhen")
    assert code == 1 and "--year" in out
    assert (data / "wanggang-zhen" / "2020.yml").read_bytes() == _original("wanggang-zhen", 2020)


# --- errors name the sheet and the cell ---------------------------------------------------------------


def test_a_cell_that_holds_no_value_is_an_error_naming_its_cell_and_nothing_is_written(tmp_path: Path) -> None:
    path = _workbook(tmp_path, "wanggang-zhen", 2020)
    book = openpyxl.load_workbook(path)
    t3 = book["表三"]
    t3["D5"], t3["E5"], t3["F5"], t3["G5"], t3["I5"] = "12件", "十二", "=SUM(D6:E6)", -3, "无"
    t3["L5"] = 7  # beyond the table
    book["表二"]["C12"] = -2  # 本年增/减 may decrease
    book.save(path)
    data = _data(tmp_path, "wanggang-zhen")
    code, out = _import(path, "--data", data)
    assert code == 1
    assert "表三!D5：“12件”不是整数；自然人一栏应填不小于 0 的整数" in out
    assert "表三!E5：“十二”不是整数；商业企业一栏" in out
    assert "表三!F5 是公式 =SUM(D6:E6)：请只填数值" in out
    assert "表三!G5：“-3”是负数" in out and "社会公益组织一栏" in out
    assert "表三!I5：写了“无”" in out
    assert "表三!L5：“7”不在任何统计表的行和列里" in out
    assert "表二!C12" not in out
    assert "工作簿有 6 处错误" in out and "什么也没有写入" in out
    assert (data / "wanggang-zhen" / "2020.yml").read_bytes() == _original("wanggang-zhen", 2020)


def test_old_excel_files_are_refused_with_what_to_do(tmp_path: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512
    (tmp_path / "old.xls").write_bytes(ole)
    (tmp_path / "renamed.xlsx").write_bytes(ole)
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    data = _data(tmp_path, "wanggang-zhen")
    code, out = _import(tmp_path / "old.xls", "--data", data)
    assert code == 1 and "旧版 Excel 文件（.xls）读不了" in out and "另存为" in out and ".xlsx" in out
    code, out = _import(tmp_path / "renamed.xlsx", "--data", data)
    assert code == 1 and "其实是旧版 Excel 文件（.xls）" in out
    code, out = _import(tmp_path / "broken.xlsx", "--data", data)
    assert code == 1 and "不是能读的 Excel 工作簿" in out
    folder = tmp_path / "folder"
    folder.mkdir()
    shutil.copy(tmp_path / "old.xls", folder / "old.xls")
    code, out = _import(folder, "--data", data)
    assert "跳过" in out and "旧版 Excel 文件（.xls）读不了" in out


# --- a report that does not exist yet ------------------------------------------------------------------


def test_a_blank_workbook_for_a_new_year_becomes_a_new_report_of_its_tables(tmp_path: Path) -> None:
    data = _data(tmp_path, "wanggang-zhen")
    path = tmp_path / "2024.xlsx"
    said = _export(data, "wanggang-zhen", 2024, path)
    assert "空白" in said and "2021年格式" in said
    book = openpyxl.load_workbook(path)
    t3 = book["表三"]
    assert all(t3[ref].value is None for ref in _value_cells(t3))
    t3["D5"], t3["E5"] = 3, "0"
    book.save(path)
    code, out = _import(path, "--data", data)
    assert code == 0, out
    written = (data / "wanggang-zhen" / "2024.yml").read_text(encoding="utf-8")
    assert 'format: "2021"' in written and "  new: [3, 0, ~, ~, ~, ~, ~]" in written
    assert "新建" in out


# --- pieces ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "number_format", "text"), [
    (1, "+0;-0;0", "+1"), (0, "+0;-0;0", "0"), (-3, "General", "-3"), (12.0, "General", "12"),
    (1, r"\+0;\-0;0", "+1"), (-2, r"\+0;\-0;0", "-2"), (1, '"+"0', "+1"),  # + as LibreOffice re-saves it
    (1.5, "0.00", "1.50"), (461.7, '0.0" 万元"', "461.7 万元"), (461.7, "General", "461.7"), (7, "0", "7"),
])
def test_a_number_cell_reads_as_the_sheet_shows_it(value: float, number_format: str, text: str) -> None:
    assert number_text(value, number_format) == text


def test_an_existing_workbook_is_not_overwritten_without_force(tmp_path: Path) -> None:
    data = _data(tmp_path, "wanggang-zhen")
    out = tmp_path / "book.xlsx"
    out.write_bytes(b"typed half-way")
    errors = io.StringIO()
    with redirect_stderr(errors), redirect_stdout(io.StringIO()):
        code = nianbao_main(["excel", "wanggang-zhen", "2020", "--data", str(data), "--out", str(out)])
    assert code == 1 and "已存在，没有覆盖" in errors.getvalue() and "--force" in errors.getvalue()
    assert out.read_bytes() == b"typed half-way"


def test_a_group_given_as_one_row_goes_to_the_workbook_and_back_as_one_row(tmp_path: Path) -> None:
    data = _data(tmp_path, "wanggang-zhen")
    report = data / "wanggang-zhen" / "2020.yml"
    text = report.read_text(encoding="utf-8")
    collapsed = re.sub(r"    withheld:\n(      .*\n)+", "    withheld: [0, 0, 0, 0, 0, 0, 0]\n", text)
    report.write_text(collapsed, encoding="utf-8")
    path = tmp_path / "collapsed.xlsx"
    _export(data, "wanggang-zhen", 2020, path)
    t3 = openpyxl.load_workbook(path)["表三"]
    # （三） takes one row across both label columns; 三、本年度办理结果 spans thirteen rows, not twenty.
    assert t3["B9"].value == "（三）不予公开" and t3["B10"].value == "（四）无法提供"
    assert {"B9:C9", "A7:A19"} <= _merges(t3)
    code, out = _import(path, "--data", data)
    assert code == 0, out
    assert report.read_text(encoding="utf-8") == collapsed
    other = _data(tmp_path, "wanggang-zhen", "other")
    code, out = _import(path, "--data", other)
    assert code == 0, out
    assert (other / "wanggang-zhen" / "2020.yml").read_text(encoding="utf-8") == collapsed
    assert "改动了 7 格：表三!D9 空白 → 0" in out  # the one row; the rows it stands for are not cells of it


def test_a_report_whose_tables_are_faulty_is_not_exported(tmp_path: Path) -> None:
    data = _data(tmp_path, "wanggang-zhen")
    report = data / "wanggang-zhen" / "2020.yml"
    report.write_text(report.read_text(encoding="utf-8").replace("  new: [10, 0, 0, 0, 0, 0, 10]", "  new: [10, 0]"),
                      encoding="utf-8")
    errors = io.StringIO()
    with redirect_stderr(errors), redirect_stdout(io.StringIO()):
        code = nianbao_main(["excel", "wanggang-zhen", "2020", "--data", str(data), "--out", str(tmp_path / "x.xlsx")])
    assert code == 1
    assert "applications.new" in errors.getvalue() and "没有写出工作簿" in errors.getvalue()
    assert not (tmp_path / "x.xlsx").exists()


def test_a_changed_cell_is_written_and_the_checks_name_the_cells_in_the_workbook(tmp_path: Path) -> None:
    path = _workbook(tmp_path, "wanggang-zhen", 2020)
    book = openpyxl.load_workbook(path)
    book["表三"]["D5"] = 9  # 一、本年新收 · 自然人: 10 in the report; its row and column no longer add up
    book.save(path)
    data = _data(tmp_path, "wanggang-zhen")
    code, out = _import(path, "--data", data)
    assert code == 0, out
    text = (data / "wanggang-zhen" / "2020.yml").read_text(encoding="utf-8")
    assert text == _original("wanggang-zhen", 2020).decode("utf-8").replace(
        "  new: [10, 0, 0, 0, 0, 0, 10]", "  new: [9, 0, 0, 0, 0, 0, 10]")
    assert "改动了 1 格：表三!D5 10 → 9" in out
    assert "T3.1 表三!D5:D27（applications.*.natural_person）" in out
    assert "T3.2 表三!D5:J5（applications.new.*）" in out


def test_a_file_with_windows_line_ends_and_a_bom_keeps_them(tmp_path: Path) -> None:
    book = _workbook(tmp_path, "wanggang-zhen", 2020)
    data = _data(tmp_path, "wanggang-zhen")
    report = data / "wanggang-zhen" / "2020.yml"
    original = _original("wanggang-zhen", 2020).decode("utf-8")
    windows = "\ufeff" + original.replace("\n", "\r\n")
    report.write_bytes(("\ufeff" + _blank_cells(original, "wanggang-zhen", 2020).replace("\n", "\r\n")).encode())
    code, out = _import(book, "--data", data)
    assert code == 0, out
    assert report.read_bytes() == windows.encode()


def test_a_folder_name_that_cannot_be_is_a_usage_error(tmp_path: Path) -> None:
    errors = io.StringIO()
    with redirect_stderr(errors), redirect_stdout(io.StringIO()):
        code = nianbao_main(["excel", "Wanggang", "2020", "--data", str(_data(tmp_path, "wanggang-zhen"))])
    assert code == 2 and "不是机关的文件夹名" in errors.getvalue()


def test_a_new_reports_skeleton_filled_in_the_workbook_keeps_its_comments(tmp_path: Path) -> None:
    """new-body, new BODY 2024, excel, the cells typed in the workbook, import: the skeleton's row
    comments (each row's official label) stay beside the figures typed."""
    data = tmp_path / "data"
    data.mkdir()
    with redirect_stdout(io.StringIO()):
        assert nianbao_main(["new-body", "ceshi-zhen", "测试镇人民政府", "--data", str(data)]) == 0
        assert nianbao_main(["new", "ceshi-zhen", "2024", "--data", str(data)]) == 0
    report = data / "ceshi-zhen" / "2024.yml"
    skeleton = report.read_text(encoding="utf-8")
    path = tmp_path / "2024.xlsx"
    _export(data, "ceshi-zhen", 2024, path)
    book = openpyxl.load_workbook(path)
    t3 = book["表三"]
    t3["D5"], t3["E5"], t3["J5"] = 3, 0, 3
    book["表二"]["B15"] = 0.5  # 本年收费金额（单位：万元）
    book.save(path)
    code, out = _import(path, "--data", data)
    assert code == 0, out
    filled = report.read_text(encoding="utf-8")
    assert "  new: [3, 0, ~, ~, ~, ~, 3]  # 一、本年新收政府信息公开申请数量" in filled
    assert "  fees: 0.5  # 行政事业性收费" in filled
    comments = [line.partition("#")[2] for line in skeleton.splitlines() if "#" in line]
    assert [line.partition("#")[2] for line in filled.splitlines() if "#" in line] == comments
    assert len(filled.splitlines()) == len(skeleton.splitlines())
