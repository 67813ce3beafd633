"""The importer on the variety of real pages (fixtures from make_variety.py), a mixed folder, the
new body's folder name and region, part 六 fees, the acknowledgement policy, and the site build."""

from __future__ import annotations

import importlib.util
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from nianbao.catalogue import lookup
from nianbao.formats import get_format
from nianbao.importer.assemble import import_source
from nianbao.importer.body import area_code, infer_region, new_body, short_name_of
from nianbao.importer.cli import main
from nianbao.importer.fees import read_fees
from nianbao.importer.slug import base_slug, slug_candidates
from nianbao.yamlsource import parse_yaml

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "import"
VARIETY = FIXTURES / "variety"
MIXED = FIXTURES / "mixed"
# A copy of shared/seed/wanggang-2020.txt, so the tests need nothing outside the repository.
SEED = ROOT / "tests" / "fixtures" / "import" / "seed" / "wanggang-2020.txt"
TABLES = ("active_disclosure", "applications", "reviews_litigation")


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def read(path: Path) -> dict[str, Any]:
    value = parse_yaml(path.read_text(encoding="utf-8")).value
    assert isinstance(value, dict)
    return value


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("make_variety", FIXTURES / "make_variety.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MAKE_VARIETY = _generator()


def generated_tables() -> dict[str, Any]:
    """The tables make_variety.py put into every variety page, from its own numbers (not from an
    import of one of its pages), in the shape of a report's YAML: each value as the text it wrote."""
    gen = MAKE_VARIETY
    by_label = {
        "active_disclosure": {label: values for _, _, rows in gen.T2_ITEMS for label, values in rows},
        "applications": {label: values for _, label, values in gen.T3_ROWS},
        # T4 is one row of 15 cells: 行政复议, then 未经复议直接起诉 and 复议后起诉 under 行政诉讼.
        "reviews_litigation": {"行政复议": gen.T4_VALUES[:5], "未经复议直接起诉": gen.T4_VALUES[5:10],
                               "复议后起诉": gen.T4_VALUES[10:]},
    }
    tables: dict[str, Any] = {}
    for table in get_format("2021").tables:
        labels = by_label[table.key]
        assert len(labels) == len(table.leaf_rows), table.key  # every row of the format, none twice
        for key, node, block in table.leaf_rows:
            values = labels[node.label]
            node_values: Any = values[0] if len(block.leaf_columns) == 1 else list(values)
            *groups, leaf = key.split(".")
            target = tables.setdefault(table.key, {})
            for group in groups:
                target = target.setdefault(group, {})
            target[leaf] = node_values
    return tables


def as_text(value: Any) -> Any:
    """The importer's values as the text they are written as (25 and "25" are one cell); None stays."""
    if isinstance(value, dict):
        return {k: as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_text(v) for v in value]
    return None if value is None else str(value)


def imported_tables(result: Any) -> dict[str, Any]:
    return {k: as_text(result.report[k]) for k in TABLES}


@pytest.fixture(scope="module")
def reference() -> dict[str, Any]:
    """The tables every variety fixture was made with, as make_variety.py wrote them."""
    return generated_tables()


def test_the_variety_fixtures_are_what_the_generator_writes(tmp_path: Path) -> None:
    # Else the tests below would compare the pages with numbers that are no longer in them.
    MAKE_VARIETY.HERE = tmp_path
    try:
        MAKE_VARIETY.main()
    finally:
        MAKE_VARIETY.HERE = FIXTURES
    for folder in ("variety", "mixed"):
        for made in sorted((tmp_path / folder).iterdir()):
            committed = FIXTURES / folder / made.name
            assert committed.read_bytes() == made.read_bytes(), f"{committed} is stale: run make_variety.py"


def test_the_plain_page_reads_as_generated(reference: dict[str, Any]) -> None:
    result = import_source(MIXED / "yinzhen-2021.html")
    assert result.status == "imported", result.errors
    assert imported_tables(result) == reference


# --- real-page variety: every fixture reads back to the same tables ----------------------------------


def _with(tables: dict[str, Any], path: tuple[str, ...], value: Any) -> dict[str, Any]:
    import copy

    out = copy.deepcopy(tables)
    node = out
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return out


@pytest.mark.parametrize("name", [
    "columns-reordered-2021.html", "br-labels-2021.html", "split-tables-2021.html", "nested-layout-2021.html",
    "pdf-cells-2021.txt",
])
def test_variety_reads_the_same_tables(name: str, reference: dict[str, Any]) -> None:
    result = import_source(VARIETY / name)
    assert result.status == "imported", result.errors
    assert result.tables is not None and result.tables.format is not None
    assert result.tables.format.id == "2021"  # from the labels, also for the PDF text
    assert imported_tables(result) == reference
    assert "unplaced" not in result.report


def test_columns_in_another_order_are_placed_by_the_header(reference: dict[str, Any]) -> None:
    result = import_source(VARIETY / "columns-reordered-2021.html")
    assert imported_tables(result) == reference
    text = "\n".join(result.warnings)
    assert "各栏的顺序是 现行有效件数、本年制发件数、本年废止件数；已按表头把数字放到对应的栏" in text
    assert "各栏的顺序是 总计、自然人" in text


def test_a_missing_total_column_is_not_stated(reference: dict[str, Any]) -> None:
    result = import_source(VARIETY / "no-total-column-2021.html")
    assert result.status == "imported", result.errors
    applications = imported_tables(result)["applications"]
    assert applications["new"] == reference["applications"]["new"][:6] + [None]
    assert applications["results"]["total"] == reference["applications"]["results"]["total"][:6] + [None]
    assert "表格没有 总计 栏；写作未填写（~）" in "\n".join(result.warnings)


def test_th_td_and_nbsp_cells(reference: dict[str, Any]) -> None:
    result = import_source(VARIETY / "th-td-nbsp-2021.html")
    assert result.status == "imported", result.errors
    # 行政强制 was &nbsp; only: not stated, never 0; everything else as the plain page.
    expected = _with(reference, ("active_disclosure", "enforcement"), None)
    assert imported_tables(result) == expected


def test_number_forms(reference: dict[str, Any]) -> None:
    result = import_source(VARIETY / "number-forms-2021.html")
    assert result.status == "imported", result.errors
    assert result.report["active_disclosure"]["penalties"] == 1234  # "1,234"
    tables = imported_tables(result)
    assert tables["active_disclosure"]["normative_documents"] == reference["active_disclosure"][
        "normative_documents"]  # "１２"
    assert tables["applications"]["new"] == reference["applications"]["new"]  # "5件" … "8件"
    assert tables["reviews_litigation"] == reference["reviews_litigation"]  # full-width "１"
    warnings = "\n".join(result.warnings)
    assert "「1,234」按 1234 读取（去掉了千位分隔符）" in warnings
    assert "「0件」按 0 读取（去掉了单位）" in warnings


def test_pdf_text_one_cell_a_line_with_wrapped_labels() -> None:
    text = (VARIETY / "pdf-cells-2021.txt").read_text(encoding="utf-8")
    assert "\n（二）部分公开（区分处理的，\n" in text  # a label wrapped over two lines
    result = import_source(VARIETY / "pdf-cells-2021.txt")
    assert result.tables is not None
    assert result.tables.found == list(TABLES)
    assert result.errors == []


# --- done when #2: a mixed folder in one run ---------------------------------------------------------


def test_done_when_a_mixed_folder_imports_in_one_run(tmp_path: Path) -> None:
    kinds = sorted(p.suffix for p in MIXED.iterdir())
    assert kinds == [".html", ".txt", ".txt"]
    code, out = run(str(MIXED), "--data", str(tmp_path))
    assert code == 0, out
    blocks = out.split("导入汇总（")[0].split("\n" + str(MIXED))
    assert len(blocks) == 3
    for block in blocks:
        for line in ("  格式：", "  表格：找到 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况 "
                     "四、政府信息公开行政复议、行政诉讼情况", "        缺少 无", "  警告",
                     "  错误：无", "  结果：已导入"):
            assert line in block, block
    assert "格式：2019（由表格标签判断" in out  # the 2020 text on the 2019 tables
    assert "格式：2021（由表格标签判断" in out
    assert out.rstrip().endswith("3 份已导入，0 份部分导入，0 份失败")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chou-zhen", "mao-xiang", "yin-zhen"]
    assert read(tmp_path / "chou-zhen" / "2021.yml")["parts"]["六"]["fees"] == {
        "notices_count": "1", "notices_amount_yuan": "200", "collected_amount_yuan": "200"}


def test_a_folder_with_failing_sources_exits_1(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(MIXED, folder)
    shutil.copy(FIXTURES / "not-a-report.html", folder)
    shutil.copy(FIXTURES / "images-only-2021.html", folder)
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    code, out = run(str(folder), "--data", str(tmp_path / "data"))
    assert code == 1
    assert "scan.pdf" in out and "PDF 文件已损坏或不完整" in out  # a PDF in a folder is read, not skipped
    assert "这不是年度报告" in out
    assert "以图片发布的表格读不出来，请照原文手工填写这张表的数字" in out
    assert out.rstrip().endswith("3 份已导入，1 份部分导入，2 份失败")


# --- the new body: folder name and region ------------------------------------------------------------


def test_slug_from_the_short_name() -> None:
    assert base_slug("南岗区王岗镇人民政府") == "wanggang-zhen"
    assert base_slug("示例市某某区某某街道办事处") == "moumou-jiedao"
    assert base_slug("哈尔滨市南岗区人民政府") == "nangang-qu"
    assert base_slug("示例县某某局") == "moumou-ju"
    assert base_slug("某某县人民政府") == "moumou-xian"
    assert base_slug("北京市朝阳区人民政府") == "chaoyang-qu"
    # A government's own office is named after its government, not "renminzhengfu-bangongting".
    assert base_slug("上海市人民政府办公厅") == "shanghai-zhengfuban"
    assert base_slug("示例市人民政府办公室") == "shili-zhengfuban"
    assert short_name_of("南岗区王岗镇人民政府") == "王岗镇"
    assert [s for s, _ in slug_candidates("南岗区王岗镇人民政府")][:3] == [
        "wanggang-zhen", "nangang-wanggang-zhen", "wanggang-zhen-2"]


def test_a_taken_folder_gets_the_district_in_front(tmp_path: Path) -> None:
    other = tmp_path / "wanggang-zhen"
    other.mkdir()
    (other / "body.yml").write_text("name: 某某县王岗镇人民政府\nshort_name: 王岗镇\n", encoding="utf-8")
    code, out = run(str(SEED), "--data", str(tmp_path))
    assert code == 0, out
    assert (tmp_path / "nangang-wanggang-zhen" / "2020.yml").exists()
    assert "文件夹名 nangang-wanggang-zhen 由「王岗镇」的拼音得出（前面加上了所在区县的拼音：wanggang-zhen " \
           "已属于另一个机关）" in out
    (tmp_path / "nangang-wanggang-zhen").rename(tmp_path / "keep")
    shutil.copytree(tmp_path / "keep", tmp_path / "nangang-wanggang-zhen")
    (tmp_path / "nangang-wanggang-zhen" / "body.yml").write_text("name: 另一个王岗镇人民政府\n", encoding="utf-8")
    shutil.rmtree(tmp_path / "keep")
    code, out = run(str(SEED), "--data", str(tmp_path))
    assert code == 0, out
    assert (tmp_path / "wanggang-zhen-2" / "2020.yml").exists()


def test_region_inferred_from_cited_documents_and_the_area_code() -> None:
    texts = ["按照《黑龙江省人民政府办公厅关于进一步加强全省政务公开工作的实施意见》（黑政办发〔2019〕98 号）部署"]
    region, notes = infer_region("南岗区王岗镇人民政府", texts, "0451-87542911")
    assert region == ["黑龙江省", "哈尔滨市", "南岗区"]
    assert any("黑龙江省 由正文引用的省级文件推断" in n and "黑政办发〔2019〕98号" in n for n in notes)
    assert any("哈尔滨市 由电话区号 0451" in n for n in notes)
    # The document number alone tells the province.
    assert infer_region("某某镇人民政府", ["（黑政办发〔2019〕98号）"], "")[0] == ["黑龙江省"]
    # An area code without a province to confirm it is not used; nor one of another province.
    region, notes = infer_region("南岗区王岗镇人民政府", [], "0451-87542911")
    assert region == ["南岗区"]
    assert any("正文没有能印证它的省份，没有推断城市" in n for n in notes)
    region, notes = infer_region("某某区某某镇人民政府", ["《吉林省人民政府关于…的通知》"], "(0451)87542911")
    assert region == ["吉林省", "某某区"]
    assert any("不在 吉林省，没有推断城市" in n for n in notes)
    # Two provinces cited: nothing inferred. Only the listed area codes count.
    assert infer_region("某某镇", ["《黑龙江省…》", "《吉林省…》"], "")[0] == []
    assert area_code("0452-1234567") == "" and area_code("010-12345678") == "010" and area_code("02787654321") == "027"
    # A municipality: the city is the province.
    assert infer_region("朝阳区人民政府", ["《北京市人民政府办公厅关于…》"], "010-12345678")[0] == ["北京市", "朝阳区"]
    body, _ = new_body("南岗区王岗镇人民政府", {"phone": "0451-87542911"}, "", texts)
    assert body["region"] == ["黑龙江省", "哈尔滨市", "南岗区"] and body["level"] == "乡镇/街道"


# --- part 六: fees -------------------------------------------------------------------------------


def test_fees_only_what_the_text_states() -> None:
    assert read_fees("本年度发出收费通知1件，金额400元，实际收取信息处理费400元。")[0] == {
        "notices_count": 1, "notices_amount_yuan": 400, "collected_amount_yuan": 400}
    assert read_fees("发出收费通知0件，实际收取信息处理费0元。")[0] == {"notices_count": 0, "collected_amount_yuan": 0}
    assert read_fees("2022年，区政府国资局未收取信息处理费。")[0] == {"collected_amount_yuan": 0}
    assert read_fees("有1件政府信息公开申请案件收取信息处理费380元。")[0] == {"collected_amount_yuan": 380}
    assert read_fees("全年共发出3件收费通知，总金额1,200元，实际收取信息处理费０.１万元。") == (
        {"notices_count": 3, "notices_amount_yuan": 1200, "collected_amount_yuan": 1000},
        ["信息处理费 0.1万元 按 1000 元写入"])
    assert read_fees("无。")[0] == {}


def test_fees_in_the_written_report(tmp_path: Path) -> None:
    code, out = run(str(VARIETY / "pdf-cells-2021.txt"), "--data", str(tmp_path))
    assert code == 0, out
    written = (tmp_path / "ding-xiang" / "2021.yml").read_text(encoding="utf-8")
    assert "    text: |\n      本机关未收取信息处理费。\n    fees: {collected_amount_yuan: 0}\n" in written
    assert "信息处理费：第六部分写明 collected_amount_yuan 0" in out


# --- the acknowledgement policy ----------------------------------------------------------------------


def test_acknowledged_reasons_are_just_yu_yuanwen_yizhi(tmp_path: Path) -> None:
    code, out = run(str(FIXTURES / "word-2021-gbk.html"), str(FIXTURES / "blank-2019-tables-2022.html"),
                    "--data", str(tmp_path))
    assert code == 0, out
    reasons = [a["reason"] for f in tmp_path.glob("*/20*.yml") for a in read(f).get("acknowledged", [])]
    assert len(reasons) == 6
    assert set(reasons) == {"与原文一致"}


def test_a_missing_part_names_itself(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8").replace("五个部分组成", "组成")
    source = tmp_path / "wanggang.txt"
    source.write_text(text, encoding="utf-8")
    code, out = run(str(source), "--data", str(tmp_path / "data"))
    assert code == 0, out
    ack = read(tmp_path / "data" / "wanggang-zhen" / "2020.yml")["acknowledged"]
    assert ack == [{"rule": "P.1", "cells": "parts.六", "reason": "与原文一致：原文没有“六、其他需要报告的事项”。"}]


def test_cross_year_findings_are_left_open(tmp_path: Path) -> None:
    # 卯乡's 2020 report carries 0 forward; a 2021 report saying 1 was carried over breaks X.1.
    text = (MIXED / "chouzhen-2021.txt").read_text(encoding="utf-8").replace("丑镇", "卯乡")
    (tmp_path / "maoxiang-2021.txt").write_text(text, encoding="utf-8")
    code, out = run(str(MIXED / "maoxiang-2020.txt"), str(tmp_path / "maoxiang-2021.txt"),
                    "--data", str(tmp_path / "data"))
    assert code == 0, out
    report = read(tmp_path / "data" / "mao-xiang" / "2021.yml")
    assert "acknowledged" not in report
    assert "未确认的发现（2 个：它们取决于其他文件，没有确认" in out
    assert "X.1 applications.*.natural_person" in out and "X.1 applications.*.total" in out


def test_an_identity_reading_last_year_is_left_open_though_its_id_says_nothing(tmp_path: Path) -> None:
    # T2.b (2021 format) compares this year's 废止 with last year's 现行有效: a cross-year finding
    # whose id has no X. in it. 丑镇 2021 has 2 规章 in force; its 2022 report repeals 5.
    chou = (MIXED / "chouzhen-2021.txt").read_text(encoding="utf-8")
    later = chou.replace("2022年1月25日", "2023年1月25日").replace("2021", "2022")
    (tmp_path / "chouzhen-2022.txt").write_text(later.replace("规章\t0\t0\t2", "规章\t0\t5\t2"), encoding="utf-8")
    code, out = run(str(MIXED / "chouzhen-2021.txt"), str(tmp_path / "chouzhen-2022.txt"),
                    "--data", str(tmp_path / "data"))
    assert code == 0, out
    t2b = lookup("T2.b")
    assert t2b is not None and t2b.cross_year
    report = read(tmp_path / "data" / "chou-zhen" / "2022.yml")
    assert t2b.id not in [a["rule"] for a in report.get("acknowledged", [])]
    opened = out[out.index("未确认的发现"):]
    assert f"{t2b.id} active_disclosure.regulations.*" in opened


# --- done when #3: every imported report renders, its findings as the source's arithmetic ----------

# Every kind of source: HTML, text, text as PDF readers give it, and PDF files (one per body and year).
IMPORTABLE = [*sorted(VARIETY.iterdir()), *sorted(MIXED.iterdir()), FIXTURES / "word-2021-gbk.html",
              FIXTURES / "blank-2019-tables-2022.html", *sorted((FIXTURES / "real-world").iterdir()),
              FIXTURES / "office" / "shili-2021.pdf", FIXTURES / "office" / "wanggang-2020.pdf"]
# What the arithmetic of each source gives (worked out by hand from the fixture), acknowledged.
EXPECTED_FINDINGS = {
    ("zi-zhen", 2021): {("T4.1", "reviews_litigation.review.*")},  # 1 + 0 + 0 + 1 printed as 3
    ("moumou-ju", 2021): {("T3.2", "applications.new.*"),  # 5 + 1 printed as 5
                          ("T3.1", "applications.*.total"),  # 5 + 0 ≠ 6 + 0
                          ("C.3", "parts.一.sections.1.text")},  # the text says 6 new requests
    ("yangli-zhen", 2022): {("F.1", "format"),  # the 2019 tables in 2022
                            ("T2.c", "active_disclosure.penalties.*"),  # 3 + 本年增/减 not stated
                            ("C.4", "parts.一")},  # no 工作考核、社会评议、责任追究
    ("bing-zhen", 2021): {("T3.2", f"applications.{row}.*") for row in (
        "new", "carried_over", "results.disclosed", "results.partly_disclosed",
        *(f"results.withheld.{k}" for k in ("state_secret", "prohibited_by_law", "security_stability", "third_party",
                                            "internal_affairs", "process_information", "enforcement_files",
                                            "query_items")),
        *(f"results.unavailable.{k}" for k in ("not_held", "needs_creation", "still_unclear")),
        *(f"results.not_processed.{k}" for k in ("petitions", "repeated", "publications", "excessive",
                                                 "confirmation")),
        *(f"results.other_handling.{k}" for k in ("no_correction", "unpaid_fees", "other")),
        "results.total", "carried_forward")},  # no 总计 column: 总计 not stated in any row
    ("shilishiwu-weiyuanhui", 2021): {("T4.1", "reviews_litigation.review.*")},  # 1 + 0 + 0 + 1 printed as 3
    ("you-zhen", 2021): {("C.4", "parts.一")},  # a government's report without 考核、评议、责任追究
    ("wanggang-zhen", 2020): {("P.1", "parts.六")},  # the real report has five parts
}


def test_done_when_every_imported_report_renders(tmp_path: Path) -> None:
    data = tmp_path / "data"
    code, out = run(*map(str, IMPORTABLE), "--data", str(data))
    assert code == 0, out
    assert f"{len(IMPORTABLE)} 份已导入，0 份部分导入，0 份失败" in out
    reports = sorted(data.glob("*/20*.yml"))
    assert len(reports) == len(IMPORTABLE)
    for path in reports:
        key = (path.parent.name, int(path.stem))
        found = {(a["rule"], a["cells"]) for a in read(path).get("acknowledged", [])}
        assert found == EXPECTED_FINDINGS.get(key, set()), key

    env = {**os.environ, "NIANBAO_DATA": str(data), "NO_MKDOCS_2_WARNING": "1", "NIANBAO_SITE_URL": ""}
    mkdocs = Path(sys.executable).with_name("mkdocs")
    proc = subprocess.run([str(mkdocs), "build", "--strict", "-d", str(tmp_path / "site")], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for slug, year in {(p.parent.name, int(p.stem)) for p in reports}:
        assert (tmp_path / "site" / slug / str(year) / "index.html").exists()
    page = (tmp_path / "site" / "zi-zhen" / "2021" / "index.html").read_text(encoding="utf-8")
    panel = page[page.index('id="checks"'):]
    assert "T4.1" in panel
    assert "与原文一致（已确认）" in panel
    assert "已确认：与原文一致" in panel


def test_text_headers_out_of_line_keep_the_format_order(tmp_path: Path) -> None:
    # Pasted text loses the spans: a header line that lost its leading tabs must not reorder columns.
    text = SEED.read_text(encoding="utf-8").replace(
        "等于第三项加第四项之和)\t\t申请人情况\t\t\t\t\t\t总计\t", "等于第三项加第四项之和)\t申请人情况\t总计")
    # Within one header line, the order is the table's: 现行有效件数 first here.
    text = text.replace("信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n规范性文件\t0\t0\t0",
                        "信息内容\t对外公开总数量\t本年新制作数量\t本年新公开数量\n规章\t0\t0\t0\n规范性文件\t9\t1\t2")
    source = tmp_path / "seed.txt"
    source.write_text(text, encoding="utf-8")
    result = import_source(source)
    assert result.status == "imported", result.errors
    expected = read(ROOT / "data" / "wanggang-zhen" / "2020.yml")
    assert [str(v) for v in result.report["applications"]["new"]] == expected["applications"]["new"]
    assert result.report["active_disclosure"]["normative_documents"] == [1, 2, 9]
