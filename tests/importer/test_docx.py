"""Word reports: the .docx files make_office.py types as bodies type them import to their data,
cell for cell; merged cells, list numbers and body order are read as Word shows them; .doc and .wps
go through LibreOffice (a stand-in soffice here: the tests never need LibreOffice); broken, hostile
and non-Word files are refused with a Chinese message, never a traceback.
"""

from __future__ import annotations

import io
import shutil
import sys
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from nianbao.catalogue import importer as msg
from nianbao.importer import docx_source
from nianbao.importer.assemble import import_source, read_source
from nianbao.importer.cli import main
from nianbao.importer.document import Block
from nianbao.importer.docx_numbering import format_number

ROOT = Path(__file__).resolve().parents[2]
OFFICE = ROOT / "tests" / "fixtures" / "import" / "office"
DATA = ROOT / "data"
SHILI = ROOT / "tests" / "fixtures" / "2021" / "shili-xian-shujuju"
TABLES = ("active_disclosure", "applications", "reviews_litigation")


def imported(tmp_path: Path, source: Path, slug: str, folder: Path, year: int) -> tuple[dict, dict, str]:
    target = tmp_path / "data"
    shutil.copytree(folder, target / slug)
    out = io.StringIO()
    main([str(source), "--data", str(target), "--body", slug, "--force"], out=out)
    before = yaml.safe_load((folder / f"{year}.yml").read_text(encoding="utf-8"))
    after = yaml.safe_load((target / slug / f"{year}.yml").read_text(encoding="utf-8"))
    return before, after, out.getvalue()


def same_parts(before: dict, after: dict) -> None:
    """The parts' headings and texts; a text's final line break is the YAML's style, not the report's."""
    def plain(value: Any) -> Any:
        if isinstance(value, str):
            return value.rstrip("\n")
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        return value
    assert plain(after["parts"]) == plain(before["parts"])


# --- the generated reports -----------------------------------------------------------------------

def test_the_wanggang_report_typed_in_word_imports_to_its_data(tmp_path: Path) -> None:
    """make_office.py: the official merged layout, part headings numbered 一、二、… by Word's list."""
    before, after, out = imported(tmp_path, OFFICE / "wanggang-2020.docx", "wanggang-zhen", DATA / "wanggang-zhen",
                                  2020)
    assert "2019（由表格标签判断" in out
    for table in TABLES:
        assert after[table] == before[table], table
    for key in ("format", "title", "published", "signed_by", "preamble", "parts", "acknowledged"):
        assert after.get(key) == before.get(key), key
    assert not after.get("unplaced")
    written = tmp_path / "data" / "wanggang-zhen" / "2020.yml"
    assert written.read_bytes() == (DATA / "wanggang-zhen" / "2020.yml").read_bytes()  # the very file


def test_the_page_header_and_footer_are_not_content() -> None:
    doc = read_source(OFFICE / "wanggang-2020.docx")
    assert doc.kind == "word"
    texts = [b.text for b in doc.blocks]
    assert "南岗区王岗镇人民政府" in texts  # the signature…
    assert texts[0].startswith("王岗镇人民政府 2020 年度")  # …but not the page header above the title
    assert texts.count("南岗区王岗镇人民政府") == 1


def test_a_2021_report_with_repeated_header_rows_imports_its_tables_and_prose(tmp_path: Path) -> None:
    before, after, _ = imported(tmp_path, OFFICE / "shili-2021.docx", "shili-xian-shujuju", SHILI, 2021)
    for table in TABLES:
        assert after[table] == before[table], table
    for key in ("format", "title", "published", "signed_by"):
        assert after.get(key) == before.get(key), key
    same_parts(before, after)
    assert not after.get("unplaced")


def test_slashes_and_dashes_stay_not_stated_in_a_flattened_header(tmp_path: Path) -> None:
    before, after, out = imported(tmp_path, OFFICE / "shili-2021-flat.docx", "shili-xian-shujuju", SHILI, 2021)
    unpaid = after["applications"]["results"]["other_handling"].pop("unpaid_fees")
    assert unpaid == [None] * 7  # printed "/" ×6 and "—": not stated, never 0
    before["applications"]["results"]["other_handling"].pop("unpaid_fees")
    assert after["applications"] == before["applications"]
    assert after["active_disclosure"] == before["active_disclosure"]
    assert after["reviews_litigation"] == before["reviews_litigation"]  # heads wrapped by a line break
    assert "2.其它法律行政法规禁止公开" in out  # the typo is read, and said
    same_parts(before, after)
    assert not after.get("unplaced")


# --- merged cells, body order, nested tables ----------------------------------------------------------

def saved(document: Any, path: Path) -> Path:
    document.save(str(path))
    return path


def test_merged_cells_are_rebuilt_on_the_grid(tmp_path: Path) -> None:
    """cell.merge writes gridSpan for the columns and vMerge restart/continue for the rows."""
    document = docx.Document()
    document.add_paragraph("前面的段落")
    table = document.add_table(rows=4, cols=4)
    table.cell(0, 0).merge(table.cell(1, 1)).text = "角"  # two rows, two columns
    table.cell(0, 2).merge(table.cell(0, 3)).text = "申请人情况"  # two columns
    table.cell(1, 2).text, table.cell(1, 3).text = "自然人", "总计"
    table.cell(2, 0).merge(table.cell(3, 0)).text = "三、本年度办理结果"  # two rows
    for r, texts in ((2, ("（一）予以公开", "2", "/")), (3, ("（二）部分公开", "0", ""))):
        for c, text in enumerate(texts, 1):
            table.cell(r, c).text = text
    document.add_paragraph("后面的段落")
    doc = read_source(saved(document, tmp_path / "merged.docx"))
    assert [b.kind for b in doc.blocks] == ["paragraph", "table", "paragraph"]  # in body order
    grid = doc.blocks[1].grid
    assert [[cell.text for cell in row] for row in grid] == [
        ["角", "角", "申请人情况", "申请人情况"],
        ["角", "角", "自然人", "总计"],
        ["三、本年度办理结果", "（一）予以公开", "2", "/"],
        ["三、本年度办理结果", "（二）部分公开", "0", ""]]
    assert {grid[r][c].origin for r in (0, 1) for c in (0, 1)} == {(0, 0)}
    assert grid[3][0].origin == (2, 0) and grid[0][3].origin == (0, 2)
    assert [[c.text for c in row] for row in doc.blocks[1].rows()] == [
        ["角", "申请人情况"], ["角", "自然人", "总计"], ["三、本年度办理结果", "（一）予以公开", "2", "/"],
        ["三、本年度办理结果", "（二）部分公开", "0", ""]]


def row_xml(cells: str, props: str = "") -> str:
    return f"<w:tr {nsdecls('w')}>{props}{cells}</w:tr>"


def cell_xml(text: str, props: str = "") -> str:
    return f"<w:tc {nsdecls('w')}><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def test_grid_before_and_the_older_horizontal_merge(tmp_path: Path) -> None:
    """A row that starts a column late (w:gridBefore) keeps its cells in their columns; cells
    joined by w:hMerge are one cell."""
    document = docx.Document()
    table = document.add_table(rows=0, cols=3)
    tbl = table._tbl
    tbl.append(parse_xml(row_xml(cell_xml("甲") + cell_xml("乙") + cell_xml("丙"))))
    late = f"<w:trPr {nsdecls('w')}><w:gridBefore w:val='1'/></w:trPr>"
    tbl.append(parse_xml(row_xml(cell_xml("丁") + cell_xml("戊"), late)))
    tbl.append(parse_xml(row_xml(cell_xml("己", "<w:hMerge w:val='restart'/>") + cell_xml("", "<w:hMerge/>")
                                 + cell_xml("庚"))))
    grid = read_source(saved(document, tmp_path / "rows.docx")).blocks[0].grid
    assert [[cell.text for cell in row] for row in grid] == [["甲", "乙", "丙"], ["", "丁", "戊"], ["己", "己", "庚"]]
    assert grid[2][0].origin == grid[2][1].origin == (2, 0)


def test_a_table_of_tables_lays_the_page_out(tmp_path: Path) -> None:
    """A table holding a table is a layout table: its cells' content read in order, the inner
    table a table of its own."""
    document = docx.Document()
    outer = document.add_table(rows=1, cols=1)
    cell = outer.cell(0, 0)
    cell.paragraphs[0].text = "二、主动公开政府信息情况"
    inner = cell.add_table(rows=2, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "信息内容", "本年新制作数量"
    inner.cell(1, 0).text, inner.cell(1, 1).text = "规章", "0"
    cell.add_paragraph("三、收到和处理政府信息公开申请情况")
    doc = read_source(saved(document, tmp_path / "layout.docx"))
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("paragraph", "二、主动公开政府信息情况"), ("table", ""), ("paragraph", "三、收到和处理政府信息公开申请情况")]
    assert [[c.text for c in row] for row in doc.blocks[1].grid] == [["信息内容", "本年新制作数量"], ["规章", "0"]]


def test_deleted_hidden_and_field_code_text_is_not_read(tmp_path: Path) -> None:
    document = docx.Document()
    p = document.add_paragraph("可见")
    p._p.append(parse_xml(f"<w:del {nsdecls('w')} w:id='1' w:author='a'><w:r><w:delText>删除的</w:delText></w:r>"
                          "</w:del>"))
    p._p.append(parse_xml(f"<w:ins {nsdecls('w')} w:id='2' w:author='a'><w:r><w:t>插入的</w:t></w:r></w:ins>"))
    p._p.append(parse_xml(f"<w:r {nsdecls('w')}><w:rPr><w:vanish/></w:rPr><w:t>隐藏的</w:t></w:r>"))
    p._p.append(parse_xml(f"<w:r {nsdecls('w')}><w:instrText> PAGE </w:instrText></w:r>"))
    p._p.append(parse_xml(f"<w:r {nsdecls('w')}><w:br/><w:t>第二行</w:t></w:r>"))
    doc = read_source(saved(document, tmp_path / "runs.docx"))
    assert [b.text for b in doc.blocks] == ["可见插入的", "第二行"]


def test_a_picture_is_kept_as_an_image(tmp_path: Path) -> None:
    from PIL import Image

    picture = tmp_path / "t3.png"
    Image.new("RGB", (40, 20), "white").save(picture)
    document = docx.Document()
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    document.add_picture(str(picture))
    doc = read_source(saved(document, tmp_path / "picture.docx"))
    assert [b.kind for b in doc.blocks] == ["paragraph", "image"]


def test_a_table_of_contents_is_not_the_parts(tmp_path: Path) -> None:
    """Lines of a 目录 (toc styles, or Word's contents control) hold the part headings too; the
    parts are still found where they are."""
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document(str(OFFICE / "wanggang-2020.docx"))
    document.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    title = document.paragraphs[0]._p
    for n, heading in enumerate(("一、政府信息公开总体情况\t1", "二、主动公开政府信息情况\t2")):
        line = document.add_paragraph(heading, style="toc 1")._p
        title.addnext(line) if n == 0 else title.getnext().addnext(line)
    control = parse_xml(f"<w:sdt {nsdecls('w')}><w:sdtPr><w:docPartObj><w:docPartGallery w:val='Table of Contents'/>"
                        "</w:docPartObj></w:sdtPr><w:sdtContent><w:p><w:r>"
                        "<w:t>三、收到和处理政府信息公开申请情况 3</w:t></w:r></w:p></w:sdtContent></w:sdt>")
    title.addnext(control)
    before, after, _ = imported(tmp_path, saved(document, tmp_path / "toc.docx"), "wanggang-zhen",
                                DATA / "wanggang-zhen", 2020)
    assert after["parts"] == before["parts"]
    assert after["preamble"] == before["preamble"]


# --- list numbering ----------------------------------------------------------------------------------

LISTS = f"""<w:numbering {nsdecls('w')}>
  <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/>
      <w:suff w:val="nothing"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="2">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="ideographTraditional"/><w:lvlText w:val="%1、"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="3">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="4">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Heading1"/>
      <w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Heading2"/>
      <w:lvlText w:val="（%2）"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="5"><w:abstractNumId w:val="4"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="1"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
</w:numbering>"""


def numbered_document() -> Any:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for child in parse_xml(LISTS):
        numbering.append(child)
    return document


def numbered(document: Any, text: str, num_id: int | None, level: int = 0, style: str | None = None) -> None:
    paragraph = document.add_paragraph(text, style=style)
    if num_id is not None:
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def test_list_numbers_are_put_before_the_text(tmp_path: Path) -> None:
    document = numbered_document()
    numbered(document, "总体情况", 1, style="Heading 1")
    numbered(document, "主动公开", 1, 1, style="Heading 2")
    numbered(document, "规章", 1, 2)
    numbered(document, "规范性文件", 1, 2)
    numbered(document, "依申请公开", 1, 1, style="Heading 2")
    numbered(document, "行政许可", 1, 2)  # restarted after the level above
    numbered(document, "", 1)  # an empty numbered paragraph still counts: 二、
    numbered(document, "三、主动公开政府信息情况", 1)  # typed as well: not doubled
    numbered(document, "收到和处理政府信息公开申请情况", 1)  # 四、 from the list, not the typed 三
    numbered(document, "甲项", 2)
    numbered(document, "乙项", 2)
    numbered(document, "要点", 3)  # a bullet is no number
    numbered(document, "另起的列表", 4)  # w:startOverride 5
    doc = read_source(saved(document, tmp_path / "numbered.docx"))
    assert [b.text for b in doc.blocks] == [
        "一、总体情况", "（一）主动公开", "1. 规章", "2. 规范性文件", "（二）依申请公开", "1. 行政许可",
        "三、主动公开政府信息情况", "四、收到和处理政府信息公开申请情况", "甲、甲项", "乙、乙项", "要点",
        "五、另起的列表"]
    assert [b.kind for b in doc.blocks[:2]] == ["heading", "heading"] and doc.blocks[1].level == 2


def test_heading_styles_numbered_by_their_list(tmp_path: Path) -> None:
    """标题 1 and 标题 2 linked to the levels of one list (the styles' w:numPr name the list, the
    levels' w:pStyle the style), as Word's 多级列表 links them: the paragraphs themselves say nothing."""
    document = numbered_document()
    for name in ("Heading 1", "Heading 2"):
        style = document.styles[name].element
        style.get_or_add_pPr().append(parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="5"/></w:numPr>'))
    parts = (("政府信息公开总体情况", ("主动公开", "依申请公开")), ("主动公开政府信息情况", ("规章",)))
    for heading, sections in parts:
        document.add_paragraph(heading, style="Heading 1")
        for section in sections:
            document.add_paragraph(section, style="Heading 2")
            document.add_paragraph("正文。")
    doc = read_source(saved(document, tmp_path / "styled.docx"))
    assert [b.text for b in doc.blocks] == [
        "一、政府信息公开总体情况", "（一）主动公开", "正文。", "（二）依申请公开", "正文。",
        "二、主动公开政府信息情况", "（一）规章", "正文。"]


@pytest.mark.parametrize(("n", "fmt", "shown"), [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
    (20, "chineseCounting", "二十"), (105, "chineseCounting", "一百〇五"), (105, "chineseCountingThousand", "一百零五"),
    (12, "chineseLegalSimplified", "壹拾贰"), (3, "ideographTraditional", "丙"), (2, "decimalEnclosedCircle", "②"),
    (4, "upperRoman", "IV"), (28, "lowerLetter", "bb"), (7, "decimalFullWidth", "７"), (3, "decimal", "3"),
    (3, "an unknown format", "3"),
])
def test_numbers_as_the_list_formats_write_them(n: int, fmt: str, shown: str) -> None:
    assert format_number(n, fmt) == shown


# --- .doc and .wps through LibreOffice ------------------------------------------------------------------

def fake_soffice(folder: Path, body: str) -> Path:
    """An executable named soffice that does what ``body`` says with the arguments it is given
    (``args``, ``outdir``, ``source``), and writes them down in ``folder``/args.txt."""
    folder.mkdir(exist_ok=True)
    script = folder / "soffice"
    script.write_text(
        f"#!{sys.executable}\n"
        "import shutil, sys, time\n"
        "from pathlib import Path\n"
        "args = sys.argv[1:]\n"
        f"Path({str(folder / 'args.txt')!r}).write_text('\\n'.join(args), encoding='utf-8')\n"
        "outdir = Path(args[args.index('--outdir') + 1])\n"
        "source = Path(args[-1])\n" + body, encoding="utf-8")
    script.chmod(0o755)
    return script


def test_a_doc_without_libreoffice_says_how_to_install_it_or_convert_by_hand(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)
    for suffix in (".doc", ".wps"):
        source = tmp_path / f"报告{suffix}"
        shutil.copy(OFFICE / "wanggang-2020.doc", source)
        result = import_source(source)
        assert result.status == "failed"
        assert result.fatal == msg.WORD_NEEDS_LIBREOFFICE(suffix=suffix, name=source.name)
        assert "sudo apt-get install libreoffice-writer-nogui" in result.fatal
        assert "soffice --headless --convert-to docx" in result.fatal


def test_a_doc_is_converted_by_libreoffice_and_read(monkeypatch, tmp_path: Path) -> None:
    """The stand-in writes the .docx make_office.py saved the .doc from: the import is the .docx's."""
    bin_dir = tmp_path / "bin"
    fake_soffice(bin_dir, f"shutil.copy(source, {str(bin_dir / 'received')!r})\n"
                          f"shutil.copy({str(OFFICE / 'wanggang-2020.docx')!r}, outdir / (source.stem + '.docx'))\n")
    monkeypatch.setenv("PATH", str(bin_dir))
    before, after, out = imported(tmp_path, OFFICE / "wanggang-2020.doc", "wanggang-zhen", DATA / "wanggang-zhen", 2020)
    for table in TABLES:
        assert after[table] == before[table], table
    assert after["parts"] == before["parts"]
    assert msg.WORD_CONVERTED(suffix=".doc") in out
    args = (bin_dir / "args.txt").read_text(encoding="utf-8").splitlines()
    assert "--headless" in args and args[args.index("--convert-to") + 1] == "docx"
    assert args[-1].endswith("source.doc")  # a copy under a plain name, the file's bytes
    assert (bin_dir / "received").read_bytes() == (OFFICE / "wanggang-2020.doc").read_bytes()
    assert any(a.startswith("-env:UserInstallation=file://") for a in args)  # never the user's own profile
    assert not Path(args[-1]).exists()  # the copy and the conversion are cleaned up


@pytest.mark.parametrize(("body", "expected"), [
    ("sys.exit(1)\n", msg.WORD_CONVERT_FAILED(name="报告.doc", code=1)),
    ("pass\n", msg.WORD_CONVERT_FAILED(name="报告.doc", code=0)),  # says it worked, made nothing
    ("(outdir / 'source.docx').write_bytes(b'')\n", msg.WORD_CONVERT_FAILED(name="报告.doc", code=0)),
    ("(outdir / 'source.docx').write_bytes(b'PK\\x03\\x04 not a zip')\n", msg.WORD_CORRUPT()),
])
def test_a_failed_conversion_is_said(monkeypatch, tmp_path: Path, body: str, expected: str) -> None:
    fake_soffice(tmp_path / "bin", body)
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    source = tmp_path / "报告.doc"
    shutil.copy(OFFICE / "wanggang-2020.doc", source)
    result = import_source(source)
    assert (result.status, result.fatal) == ("failed", expected)


def test_a_conversion_that_does_not_end_is_stopped(monkeypatch, tmp_path: Path) -> None:
    from nianbao.importer import document

    fake_soffice(tmp_path / "bin", "time.sleep(120)\n")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setattr(document, "TIME_BUDGET", 1.0)
    source = tmp_path / "报告.wps"
    shutil.copy(OFFICE / "wanggang-2020.doc", source)
    result = import_source(source)
    assert (result.status, result.fatal) == ("failed", msg.WORD_CONVERT_TIMEOUT(seconds=1))


def test_a_web_page_saved_as_doc_is_read_as_a_page(tmp_path: Path) -> None:
    source = tmp_path / "yinzhen-2021.doc"
    shutil.copy(ROOT / "tests" / "fixtures" / "import" / "mixed" / "yinzhen-2021.html", source)
    result = import_source(source)
    assert result.status == "imported", result.errors
    assert result.warnings[0] == msg.WORD_IS_MARKUP(suffix=".doc")


# --- broken and hostile files --------------------------------------------------------------------------

def zipped(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def real_parts() -> dict[str, bytes]:
    with zipfile.ZipFile(OFFICE / "wanggang-2020.docx") as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def body_xml(inner: str) -> bytes:
    return f'<?xml version="1.0"?><w:document {nsdecls("w")}><w:body>{inner}</w:body></w:document>'.encode()


def test_broken_and_hostile_word_files_are_refused_with_a_message(tmp_path: Path) -> None:
    whole = (OFFICE / "wanggang-2020.docx").read_bytes()
    cases: list[tuple[str, bytes | None, str]] = [
        ("empty.docx", b"", msg.WORD_EMPTY()),
        ("truncated.docx", whole[: len(whole) // 2], msg.WORD_CORRUPT()),
        ("html-error.docx", b"\x00\x01binary junk", msg.WORD_NOT_WORD(suffix=".docx")),
        ("encrypted.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
         msg.WORD_ENCRYPTED()),
    ]
    for name, content, expected in cases:
        path = tmp_path / name
        path.write_bytes(content or b"")
        result = import_source(path)
        assert (result.status, result.fatal) == ("failed", expected), name

    not_word = zipped(tmp_path / "archive.docx", {"readme.txt": b"hello"})
    assert import_source(not_word).fatal == msg.WORD_NOT_DOCX()
    spreadsheet = zipped(tmp_path / "sheet.docx", {"[Content_Types].xml": real_parts()["[Content_Types].xml"],
                                                   "xl/workbook.xml": b"<workbook/>"})
    assert import_source(spreadsheet).fatal == msg.WORD_NOT_DOCX()
    parts = real_parts()
    parts["word/document.xml"] = f'<w:document {nsdecls("w")}/>'.encode()  # no body at all
    assert import_source(zipped(tmp_path / "bodiless.docx", parts)).fatal == msg.NOT_A_REPORT()


def test_a_zip_bomb_is_refused_by_its_declared_size(tmp_path: Path) -> None:
    """document.xml unpacking to 20 MB of spaces past the limit (a few KB packed): refused before a byte is unpacked."""
    parts = real_parts()
    parts["word/document.xml"] = b" " * (docx_source.MAX_XML_BYTES + 1)
    path = zipped(tmp_path / "bomb.docx", parts)
    assert path.stat().st_size < 200_000
    result = import_source(path)
    assert result.fatal == msg.WORD_PART_TOO_LARGE(part="word/document.xml", size=docx_source.MAX_XML_BYTES + 1,
                                                   limit=docx_source.MAX_XML_BYTES)


def test_too_many_elements_or_too_deep_is_refused(monkeypatch, tmp_path: Path) -> None:
    parts = real_parts()
    parts["word/document.xml"] = body_xml("<w:p/>" * 20_000)
    monkeypatch.setattr(docx_source, "MAX_PAGE_ELEMENTS", 10_000)
    result = import_source(zipped(tmp_path / "many.docx", parts))
    assert result.fatal == msg.WORD_TOO_MANY_ELEMENTS(limit=10_000)
    parts["word/document.xml"] = body_xml("<w:tbl><w:tr><w:tc>" * 100 + "</w:tc></w:tr></w:tbl>" * 100)
    result = import_source(zipped(tmp_path / "deep.docx", parts))
    assert result.fatal == msg.WORD_TOO_DEEP(limit=200)


def test_a_large_word_file_of_pictures_is_read_and_a_larger_one_refused(tmp_path: Path) -> None:
    """50 MB of a picture that is not read: the report in it still imports. Past the limit, the
    file is refused by its size before it is opened."""
    import os

    parts = real_parts()
    parts["word/media/photo.jpeg"] = os.urandom(50_000_000)
    with zipfile.ZipFile(tmp_path / "photos.docx", "w", zipfile.ZIP_STORED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    result = import_source(tmp_path / "photos.docx")
    assert result.status == "imported", result.fatal or result.errors
    assert result.report["applications"]["new"] == [10, 0, 0, 0, 0, 0, 10]

    huge = tmp_path / "huge.docx"
    with huge.open("wb") as file:
        file.truncate(docx_source.MAX_WORD_BYTES + 1)  # sparse: nothing written
    assert import_source(huge).fatal == msg.WORD_FILE_TOO_LARGE(size=docx_source.MAX_WORD_BYTES + 1,
                                                                limit=docx_source.MAX_WORD_BYTES)


def test_blocks_are_the_common_document() -> None:
    doc = read_source(OFFICE / "shili-2021-flat.docx")
    assert all(isinstance(b, Block) for b in doc.blocks)
    labels = [c.text for b in doc.blocks if b.kind == "table" for row in b.rows() for c in row]
    assert "结果\n维持" in labels  # a line break in a cell is a new line, as in a page's cell


# --- a folder of mixed files --------------------------------------------------------------------------------

def test_a_folder_of_word_pdf_html_and_text_reports_imports_in_one_run(monkeypatch, tmp_path: Path) -> None:
    import csv

    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)
    folder = tmp_path / "in"
    shutil.copytree(ROOT / "tests" / "fixtures" / "import" / "mixed", folder)
    for name in ("wanggang-2020.docx", "shili-2021.pdf", "wanggang-2020.doc"):
        shutil.copy(OFFICE / name, folder)
    report = tmp_path / "import.csv"
    out = io.StringIO()
    code = main([str(folder), "--data", str(tmp_path / "data"), "--report", str(report)], out=out)
    assert code == 1, out.getvalue()  # the .doc cannot be read here
    rows = {Path(r["来源"]).name: r for r in csv.DictReader(io.StringIO(report.read_text(encoding="utf-8-sig")))}
    assert sorted(rows) == sorted(p.name for p in folder.iterdir())
    assert "导入汇总（6 份）" in out.getvalue()
    word = rows["wanggang-2020.docx"]
    assert (word["机关名称"], word["年度"], word["格式"], word["结果"]) == (
        "南岗区王岗镇人民政府", "2020", "2019年试行格式", "已导入")
    pdf = rows["shili-2021.pdf"]
    assert (pdf["机关名称"], pdf["年度"], pdf["结果"]) == ("示例县数据局", "2021", "已导入")
    for name in ("chouzhen-2021.txt", "maoxiang-2020.txt", "yinzhen-2021.html"):
        assert rows[name]["结果"] == "已导入", rows[name]
    doc = rows["wanggang-2020.doc"]
    assert doc["结果"] == "失败，什么也没有写入" and doc["说明"].startswith("wanggang-2020.doc 是旧版 Word")


# --- no traceback, whatever the XML holds -------------------------------------------------------------------

_ODD = ["", "0", "-1", "99999999999", "restart", "continue", "²", "x", "9", "%1%2%9", "none", "lowerLetter"]
_TAGS = ["p", "tbl", "tr", "tc", "r", "t", "br", "vMerge", "gridSpan", "numPr", "ilvl", "numId", "sdt", "txbxContent"]


def _mutated(xml: bytes, rng: Any) -> bytes:
    """The part with attributes set to odd values, elements dropped, copied, moved and put where
    Word never puts them."""
    from lxml import etree

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    root = etree.fromstring(xml)
    for _ in range(rng.randint(1, 30)):
        elements = list(root.iter())
        el = rng.choice(elements)
        op = rng.random()
        if op < 0.3 and el.attrib:
            el.set(rng.choice(list(el.attrib)), rng.choice(_ODD))
        elif op < 0.45 and el.getparent() is not None:
            el.getparent().remove(el)
        elif op < 0.7:
            etree.SubElement(el, f"{{{w}}}{rng.choice(_TAGS)}").set(f"{{{w}}}val", rng.choice(_ODD))
        elif op < 0.85 and el.getparent() is not None:
            el.addnext(etree.fromstring(etree.tostring(el)))
        else:
            other = rng.choice(elements)
            if other is not el and other not in set(el.iter()):
                other.append(el)
    return etree.tostring(root)


@pytest.mark.parametrize("seed", range(20))
def test_no_word_xml_gives_a_traceback(tmp_path: Path, seed: int) -> None:
    import random

    rng = random.Random(seed)
    parts = real_parts()
    for name in ("word/document.xml", "word/numbering.xml", "word/styles.xml"):
        if name == "word/document.xml" or rng.random() < 0.5:
            parts[name] = _mutated(parts[name], rng)
    result = import_source(zipped(tmp_path / "mutated.docx", parts))  # never raises
    assert result.status in ("imported", "partial", "failed")
    assert result.fatal or result.report
