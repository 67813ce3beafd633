"""PDF reports: a page of this site printed to PDF by Chromium imports to the same tables, cell for
cell; scans, broken and non-PDF files are refused with a Chinese message, never a traceback.

tests/fixtures/import/pdf/wanggang-2020-browser.pdf was made from the built site with
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
      --print-to-pdf=tests/fixtures/import/pdf/wanggang-2020-browser.pdf site/wanggang-zhen/2020/index.html
(the site's print stylesheet; its cells are drawn as rectangles, not ruling lines).
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
import yaml
from PIL import Image, ImageDraw

from nianbao.catalogue import importer as msg
from nianbao.importer.assemble import import_source
from nianbao.importer.cli import main

ROOT = Path(__file__).resolve().parents[2]
PDF = ROOT / "tests" / "fixtures" / "import" / "pdf"
DATA = ROOT / "data"


def test_a_browser_printed_report_page_imports_to_the_same_data_file(tmp_path: Path) -> None:
    target = tmp_path / "data"
    shutil.copytree(DATA / "wanggang-zhen", target / "wanggang-zhen")
    out = io.StringIO()
    main([str(PDF / "wanggang-2020-browser.pdf"), "--data", str(target), "--body", "wanggang-zhen", "--force"],
         out=out)
    assert "2019（由表格标签判断" in out.getvalue()
    # The page as printed gives back the file it was built from, byte for byte: the part headings
    # printed inside the tables' borders, the closing date before the page's own 数据核对 and 联系方式
    # sections, and the byline's 发布机关 line are all read as what they are.
    written = (target / "wanggang-zhen" / "2020.yml").read_text(encoding="utf-8")
    assert written == (DATA / "wanggang-zhen" / "2020.yml").read_text(encoding="utf-8")


def test_a_part_heading_printed_as_a_tables_first_row_is_a_heading() -> None:
    from nianbao.importer.document import Block, GridCell
    from nianbao.importer.prose import lift_part_headings

    def row(r: int, *texts: str) -> list[GridCell]:
        return [GridCell(t, (r, 0) if len(set(texts)) == 1 else (r, c)) for c, t in enumerate(texts)]

    two, four = "二、主动公开政府信息情况", "四、政府信息公开行政复议、行政诉讼情况"
    table = Block("table", grid=[row(0, two, two), row(1, "规章", "0"), row(2, four, four),
                                 row(3, "结果维持", "1"), row(4, "合计", "合计")])
    blocks = lift_part_headings([table])
    assert [(b.kind, b.text) for b in blocks] == [("heading", two), ("table", ""), ("heading", four), ("table", "")]
    assert [[c.text for c in r] for r in blocks[3].grid] == [["结果维持", "1"], ["合计", "合计"]]


def test_page_footers_are_not_content() -> None:
    result = import_source(PDF / "wanggang-2020-browser.pdf")
    assert result.prose is not None
    texts = [result.prose.title, *(str(p) for p in result.prose.parts.values())]
    assert not any("第 1 页" in t or "共 5 页" in t for t in texts)


def scan(path: Path, pages: int = 1) -> Path:
    """An image-only PDF, as a scanner makes: Pillow draws a page and writes it as a PDF with no text."""
    images = []
    for _ in range(pages):
        image = Image.new("RGB", (595, 842), "white")
        ImageDraw.Draw(image).rectangle((50, 100, 545, 400), outline="black", width=3)
        images.append(image)
    images[0].save(path, "PDF", save_all=True, append_images=images[1:])
    return path


def test_a_scanned_pdf_is_refused_as_a_scan(tmp_path: Path) -> None:
    result = import_source(scan(tmp_path / "扫描件.pdf", pages=2))
    assert result.status == "failed"
    assert result.fatal == msg.PDF_SCANNED(pages=2)


def test_the_generated_scan_of_a_real_report_is_refused() -> None:
    """tests/fixtures/import/make_office.py: the 2021 report's PDF rendered to images, no text layer."""
    result = import_source(ROOT / "tests" / "fixtures" / "import" / "office" / "scanned-2021.pdf")
    assert result.status == "failed"
    assert result.fatal.startswith("这是扫描件")


@pytest.mark.parametrize(("content", "expected"), [
    (b"", msg.PDF_EMPTY),
    (b"<html><body>404 Not Found</body></html>", msg.PDF_NOT_PDF),
    (b"%PDF-1.7\n1 0 obj << /Type /Catalog", msg.PDF_CORRUPT),
])
def test_broken_files_are_refused_with_a_message(tmp_path: Path, content: bytes, expected) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    result = import_source(path)
    assert result.status == "failed"
    assert result.fatal == expected()


def test_a_truncated_real_pdf_gives_a_message_not_a_traceback(tmp_path: Path) -> None:
    whole = (PDF / "wanggang-2020-browser.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[: len(whole) // 3])
    result = import_source(path)  # never raises
    assert result.status in ("failed", "partial")
    assert result.fatal or result.errors


OFFICE = ROOT / "tests" / "fixtures" / "import" / "office"
TABLES = ("active_disclosure", "applications", "reviews_litigation")


def imported(tmp_path: Path, pdf: str, slug: str, folder: Path, year: int) -> tuple[dict, dict]:
    target = tmp_path / "data"
    shutil.copytree(folder, target / slug)
    main([str(OFFICE / pdf), "--data", str(target), "--body", slug, "--force"], out=io.StringIO())
    before = yaml.safe_load((folder / f"{year}.yml").read_text(encoding="utf-8"))
    after = yaml.safe_load((target / slug / f"{year}.yml").read_text(encoding="utf-8"))
    return before, after


def test_the_wanggang_report_typed_in_word_and_saved_as_pdf_imports_to_its_data(tmp_path: Path) -> None:
    """make_office.py: the .docx with the official merges, table 三 across a page break, PDF by LibreOffice."""
    before, after = imported(tmp_path, "wanggang-2020.pdf", "wanggang-zhen", DATA / "wanggang-zhen", 2020)
    for table in TABLES:
        assert after[table] == before[table], table
    for key in ("format", "title", "published", "signed_by", "parts", "acknowledged"):
        assert after.get(key) == before.get(key), key
    # A line of the PDF ends inside 「第 711 号」: the space at the wrap is not told from the printed one.
    assert after["preamble"].replace(" ", "") == before["preamble"].replace(" ", "")


def test_a_2021_report_with_repeated_header_rows_imports_its_tables(tmp_path: Path) -> None:
    folder = ROOT / "tests" / "fixtures" / "2021" / "shili-xian-shujuju"
    before, after = imported(tmp_path, "shili-2021.pdf", "shili-xian-shujuju", folder, 2021)
    for table in TABLES:
        assert after[table] == before[table], table
    assert not after.get("unplaced")


def test_slashes_and_dashes_stay_not_stated_in_a_flattened_header(tmp_path: Path) -> None:
    folder = ROOT / "tests" / "fixtures" / "2021" / "shili-xian-shujuju"
    before, after = imported(tmp_path, "shili-2021-flat.pdf", "shili-xian-shujuju", folder, 2021)
    unpaid = after["applications"]["results"]["other_handling"]["unpaid_fees"]
    assert unpaid == [None] * 7  # printed "/" ×6 and "—": not stated, never 0
    rest = {k: v for k, v in after["applications"]["results"]["other_handling"].items() if k != "unpaid_fees"}
    assert rest == {k: v for k, v in before["applications"]["results"]["other_handling"].items() if k != "unpaid_fees"}
    assert after["reviews_litigation"] == before["reviews_litigation"]
    assert not after.get("unplaced")
