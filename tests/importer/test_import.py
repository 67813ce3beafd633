"""The importer on the seed and on fixtures imitating real government pages (fictional bodies)."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import sys
from pathlib import Path

from nianbao.catalogue import rules
from nianbao.importer.assemble import import_source
from nianbao.importer.cli import main
from nianbao.importer.decode import decode_bytes
from nianbao.importer.html_source import read_html
from nianbao.importer.labels import match_label, normalize
from nianbao.importer.table_reader import detect_format, read_tables
from nianbao.importer.values import read_value
from nianbao.yamlsource import parse_yaml

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
FIXTURES = ROOT / "tests" / "fixtures" / "import"
# A copy of shared/seed/wanggang-2020.txt, so the tests need nothing outside the repository.
SEED = ROOT / "tests" / "fixtures" / "import" / "seed" / "wanggang-2020.txt"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


# --- the seed ------------------------------------------------------------------------------------


def test_done_when_seed_imports_byte_identical_without_body(tmp_path: Path) -> None:
    """Done when #1, run exactly as written: no --body, a fresh data folder."""
    proc = subprocess.run(
        [sys.executable, "-m", "nianbao", "import", str(SEED.relative_to(ROOT)), "--data", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for name in ("2020.yml", "body.yml"):
        assert (tmp_path / "wanggang-zhen" / name).read_bytes() == (DATA / "wanggang-zhen" / name).read_bytes(), name
    out = proc.stdout
    assert "文件夹名 wanggang-zhen 由「王岗镇」的拼音得出" in out
    assert "region 中的 黑龙江省 由正文引用的省级文件推断" in out
    assert "黑政办发〔2019〕98号" in out
    assert "region 中的 哈尔滨市 由电话区号 0451" in out
    assert f"{rules.PART_MISSING.id} parts.六" in out


# The digest of the published 王岗镇 report as first received; the fixture must stay that text.
SEED_SHA256 = "24a809b3eca705d9b51865a92903d8d168fdb71a4a68ba38c27730f82eac8ed1"


def test_seed_fixture_is_the_published_text_unchanged() -> None:
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == SEED_SHA256
    assert "王岗镇人民政府" in SEED.read_text(encoding="utf-8")


def test_seed_with_body_given(tmp_path: Path) -> None:
    code, out = run("import", str(SEED), "--body", "wanggang-zhen", "--data", str(tmp_path))
    assert code == 0, out
    for name in ("2020.yml", "body.yml"):
        assert (tmp_path / "wanggang-zhen" / name).read_bytes() == (DATA / "wanggang-zhen" / name).read_bytes(), name


def test_existing_file_is_never_overwritten_without_force(tmp_path: Path) -> None:
    shutil.copytree(DATA / "wanggang-zhen", tmp_path / "wanggang-zhen")
    before = (tmp_path / "wanggang-zhen" / "2020.yml").read_bytes()
    code, out = run(str(SEED), "--data", str(tmp_path))  # body found by its name in body.yml
    assert code == 1
    assert "已经存在，没有覆盖；确实要覆盖时，加 --force" in out
    assert (tmp_path / "wanggang-zhen" / "2020.yml").read_bytes() == before
    code, out = run(str(SEED), "--data", str(tmp_path), "--force")
    assert code == 0, out
    assert (tmp_path / "wanggang-zhen" / "2020.yml").read_bytes() == before


# --- real-page variety ---------------------------------------------------------------------------


def test_word_html_in_gbk_with_merged_cells_typos_and_full_width_digits(tmp_path: Path) -> None:
    raw = (FIXTURES / "word-2021-gbk.html").read_bytes()
    assert decode_bytes(raw).encoding == "gb18030"
    code, out = run(str(FIXTURES / "word-2021-gbk.html"), "--body", "shili-moumouju", "--data", str(tmp_path))
    assert code == 0, out
    report = parse_yaml((tmp_path / "shili-moumouju" / "2021.yml").read_text(encoding="utf-8")).value
    assert report["format"] == "2021"
    assert report["title"] == "示例县某某局2021年度政府信息公开工作年度报告"
    assert report["published"] == "2022-01-20"
    assert report["signed_by"] == "示例县某某局"
    assert report["active_disclosure"]["normative_documents"] == ["3", "1", "12"]  # full-width digits
    assert report["active_disclosure"]["licensing"] == "25"  # one column: a scalar
    assert report["active_disclosure"]["fees"] == "12.5"
    assert report["applications"]["new"] == ["5", "1", "0", "0", "0", "0", "5"]  # as published, though wrong
    assert report["applications"]["results"]["other_handling"]["no_correction"] == ["0"] * 7
    section = report["parts"]["一"]["sections"][1]
    assert section == {"heading": "（二）依申请公开", "text": "全年新收申请6件，均按期答复。\n"}
    # The source's own errors are acknowledged, not corrected.
    assert {"rule": "T3.2", "cells": "applications.new.*"} in [
        {"rule": a["rule"], "cells": a["cells"]} for a in report["acknowledged"]]
    assert all(a["reason"].startswith("与原文一致") for a in report["acknowledged"])
    for typo in ("本年发件", "现行有效件", "商业⏎企业"):
        assert f"「{typo}」" in out
    body = parse_yaml((tmp_path / "shili-moumouju" / "body.yml").read_text(encoding="utf-8")).value
    assert body["contact"] == {"office": "办公室", "address": "示例县人民路１号", "postcode": "999999",
                               "phone": "0000-1234567", "email": "xxgk@example.org"}


def test_format_comes_from_the_labels_not_the_year_and_blanks_stay_blank(tmp_path: Path) -> None:
    code, out = run(str(FIXTURES / "blank-2019-tables-2022.html"), "--body", "yangli-zhen", "--data", str(tmp_path))
    assert code == 0, out
    report = parse_yaml((tmp_path / "yangli-zhen" / "2022.yml").read_text(encoding="utf-8")).value
    assert report["format"] == "2019"
    assert report["applications"]["new"] == [None] * 7  # blank is not stated, never 0
    assert report["reviews_litigation"]["review"] == [None] * 5
    assert report["active_disclosure"]["licensing"] == ["10", "-2", "40"]
    assert report["active_disclosure"]["penalties"] == ["3", None, None]  # "—" and "/"
    assert report["active_disclosure"]["procurement"] == ["2", "35000元"]
    assert "F.1" in [a["rule"] for a in report["acknowledged"]]


def test_tables_published_as_images_are_named(tmp_path: Path) -> None:
    code, out = run(str(FIXTURES / "images-only-2021.html"), "--body", "shili-ban", "--data", str(tmp_path))
    assert code == 1
    assert "第三部分是 1 张图片（/images/t3.png）" in out
    assert "部分导入" in out


def test_truncated_page_says_what_is_missing(tmp_path: Path) -> None:
    code, out = run(str(FIXTURES / "truncated-2021.html"), "--body", "shili", "--data", str(tmp_path))
    assert code == 1
    assert "原文看起来不完整" in out
    assert "1.本机关不掌握相关政府信息" in out  # the rows that were cut off are named
    assert "缺少 四、政府信息公开行政复议、行政诉讼情况" in out


def test_a_page_that_is_not_a_report_fails_and_writes_nothing(tmp_path: Path) -> None:
    code, out = run(str(FIXTURES / "not-a-report.html"), "--body", "x", "--data", str(tmp_path))
    assert code == 1
    assert "这不是年度报告" in out
    assert not any(tmp_path.iterdir())


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("--data", str(tmp_path))[0] == 2
    assert run(str(tmp_path / "nope.html"))[0] == 2
    assert run(str(SEED), "--body", "Not A Slug")[0] == 2


# --- the site's own pages ------------------------------------------------------------------------


def test_a_page_the_site_rendered_reads_back_to_its_data(tmp_path: Path) -> None:
    from nianbao.loader import load_data
    from nianbao.render.table_html import render_table

    data = load_data(DATA)
    report = data.report("wanggang-zhen", 2020)
    assert report is not None
    source = (DATA / "wanggang-zhen" / "2020.yml").read_text(encoding="utf-8")
    meta = parse_yaml(source).value
    html = [f"<html><body><nav>一、总体情况 二、主动公开</nav><article><h1>{meta['title']}</h1>"]
    html += [f"<p>{line}</p>" for line in meta["preamble"].splitlines()]
    for key, part in meta["parts"].items():
        html.append(f"<h2>{key}、{part['heading']}</h2>")
        html += [f"<p>{line}</p>" for line in (part.get("text") or "").splitlines()]
        for section in part.get("sections", []):
            html.append(f"<h3>{section['heading']}</h3>")
            html += [f"<p>{line}</p>" for line in (section.get("text") or "").splitlines()]
        table = next((p.table for p in report.format.parts if p.key == key), "")
        if table:
            html.append(render_table(report.format, table, report.tables[table]))
    html.append(f"<p>{meta['signed_by']}</p><p>2021年1月26日</p></article></body></html>")
    page = tmp_path / "page.html"
    page.write_text("\n".join(html), encoding="utf-8")
    shutil.copytree(DATA / "wanggang-zhen", tmp_path / "data" / "wanggang-zhen")
    code, out = run(str(page), "--data", str(tmp_path / "data"), "--force")
    assert code == 0, out
    assert (tmp_path / "data" / "wanggang-zhen" / "2020.yml").read_text(encoding="utf-8") == source


# --- units ----------------------------------------------------------------------------------------


def test_labels_fold_width_numbering_and_breaks() -> None:
    assert normalize("（二）部分公开(区分处理的，只计这一情形,不计其他情形)") == normalize(
        "(二) 部分公开（区分处理的，只计这一情形，不计其他情形）")
    assert normalize("1、属于国家秘密") == normalize("1．属于国家秘密") == normalize("1. 属于国家秘密")
    match = match_label("商业\n企业", "2021", ("column",))
    assert match is not None
    assert match.label.key == "commercial"
    assert "的一个词中间断开了" in match.note
    close = match_label("本年发件", "2021", ("column",))
    assert close is not None
    assert close.how == "close"
    assert close.label.label == "本年制发件数"
    variant = match_label("行政规范性文件", "2019", ("row",))
    assert variant is not None
    assert variant.how == "variant"


def test_values_keep_what_was_published() -> None:
    assert read_value("", "count").value is None
    assert read_value("—", "count").value is None
    assert read_value("/", "count").value is None
    assert read_value("１２", "count").value == 12
    assert read_value("+1", "signed").value == "+1"
    assert read_value("461.7 万元", "amount_with_unit").value == "461.7 万元"
    assert read_value("12.5万元", "amount", "万元").value == "12.5"
    assert read_value("不适用", "count").value == "不适用"
    assert read_value("详见附件", "count").rejected


def test_html_reader_expands_spans_and_detects_the_format() -> None:
    doc = read_html((FIXTURES / "word-2021-gbk.html").read_bytes().decode("gb18030"))
    fid, votes = detect_format(doc)
    assert fid == "2021"
    assert votes["2019"] == 0
    tables = read_tables(doc, fid)
    assert tables.found == ["active_disclosure", "applications", "reviews_litigation"]
    assert tables.values["applications"]["results"]["unavailable"]["not_held"] == [1, 0, 0, 0, 0, 0, 1]


def test_import_source_reports_year_and_format() -> None:
    result = import_source(FIXTURES / "blank-2019-tables-2022.html")
    assert result.year == 2022
    assert result.report["format"] == "2019"
