"""The statutory tables on a phone, on a desktop and on paper, in headless Chromium.

On a phone (from 360 px) each table is the same <table> shown as one card per row: every cell must
be on the page and inside every box that clips, the page alone must scroll (no box with its own
vertical scroll around a table), and the table must still be a table to a screen reader. On a
desktop the official grid shows. On paper: page numbers, a black title, the original's address,
no rule cut off, no header broken inside a word.

The site here is built from data/ (王岗镇 2020, 2019 format) plus tests/fixtures/2021 (示例县数据局,
2021 format; its reports have source_url, the shared test site must have none).
"""

from __future__ import annotations

import re
import shutil
import zlib
from collections.abc import Iterator
from typing import Any

import pytest
from browser import ARTIFACTS, REPO, SUBPATH, build_site, serve
from playwright.sync_api import expect

REPORTS = [("wanggang-zhen", "2020"), ("shili-xian-shujuju", "2021")]
TABLES = ["active_disclosure", "applications", "reviews_litigation"]
PHONES = [360, 390]
DESKTOPS = [960, 1280]
SOURCE_URL = "https://shujuju.shili.example/xxgk/ndbg/2021.html"  # tests/fixtures/2021/…/2021.yml
A4_CONTENT = 680  # CSS px between the print margins: 210 mm - 2 × 15 mm


@pytest.fixture(scope="module")
def tables_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("phone")
    data = root / "data"
    shutil.copytree(REPO / "data" / "wanggang-zhen", data / "wanggang-zhen")
    shutil.copytree(REPO / "tests" / "fixtures" / "2021" / "shili-xian-shujuju", data / "shili-xian-shujuju")
    www = root / "www"
    build_site(www / SUBPATH, data=data)
    with serve(www) as origin:
        yield f"{origin}/{SUBPATH}/"


@pytest.fixture
def open_page(chromium: Any) -> Iterator[Any]:
    contexts: list[Any] = []

    def _open(url: str, width: int, **options: Any) -> Any:
        context = chromium.new_context(viewport={"width": width, "height": 844}, locale="zh-CN", **options)
        contexts.append(context)
        page = context.new_page()
        response = page.goto(url, wait_until="networkidle")
        assert response is not None and response.status == 200, url
        return page

    yield _open
    for context in contexts:
        context.close()


# Every cell a reader must see: value cells, row labels and section bands. The official header rows
# (thead, T2's tr.nb-head) are out of sight on a phone by design: each value cell names its column.
IN_VIEW_JS = """
([table, official]) => {
  const page = document.documentElement;
  const width = page.clientWidth;
  const clippers = el => {
    const out = [];
    for (let a = el.parentElement; a && a !== page; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX !== 'visible' || s.overflowY !== 'visible') out.push(a);
    }
    return out;
  };
  const selector = official ? 'th, td:not(.nb-pad)' : 'tbody tr:not(.nb-head) > th, td:not(.nb-pad)';
  const cells = [...table.querySelectorAll(selector)];
  const bad = [];
  for (const cell of cells) {
    const r = cell.getBoundingClientRect();
    const name = (cell.getAttribute('data-label') || '') + ' ' + cell.textContent.trim().slice(0, 20);
    if (r.width < 1 || r.height < 1) { bad.push(['not shown', name]); continue; }
    if (r.left < -0.5 || r.right > width + 0.5) { bad.push(['off the page', name, r.left, r.right, width]); continue; }
    for (const a of clippers(cell)) {
      const c = a.getBoundingClientRect();
      if (r.left < c.left - 0.5 || r.right > c.right + 0.5 || r.top < c.top - 0.5 || r.bottom > c.bottom + 0.5) {
        bad.push(['clipped by ' + a.tagName + '.' + a.className, name]);
        break;
      }
    }
  }
  // A box with its own vertical scroll around the table (the old 80vh region).
  const scrollers = [];
  for (let a = table.parentElement; a && a !== page && a !== document.body; a = a.parentElement) {
    const s = getComputedStyle(a);
    if (['auto', 'scroll'].includes(s.overflowY) && a.scrollHeight > a.clientHeight + 1)
      scrollers.push(a.tagName + '.' + a.className);
  }
  return {cells: cells.length, bad, scrollers,
          totals: table.querySelectorAll('td.nb-total').length,
          tableBottom: table.getBoundingClientRect().bottom + scrollY, pageHeight: page.scrollHeight};
}
"""


def check_in_view(page: Any, key: str, official: bool = False) -> dict[str, Any]:
    table = page.locator(f"table#table-{key}")
    expect(table).to_have_count(1)
    info = table.evaluate(f"t => ({IN_VIEW_JS})([t, {str(official).lower()}])")
    assert info["cells"] > 0, f"{key}: no cells found"
    assert info["bad"] == [], f"{key}: cells out of sight: {info['bad'][:10]} (of {len(info['bad'])})"
    assert info["scrollers"] == [], f"{key}: a box scrolls on its own around the table: {info['scrollers']}"
    assert info["tableBottom"] <= info["pageHeight"] + 1
    return info


@pytest.mark.parametrize("width", PHONES)
@pytest.mark.parametrize(("body", "year"), REPORTS)
def test_every_cell_in_view_on_a_phone(open_page: Any, tables_url: str, body: str, year: str, width: int) -> None:
    page = open_page(f"{tables_url}{body}/{year}/", width, is_mobile=True, has_touch=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
    for key in TABLES:
        info = check_in_view(page, key)
        if key != "active_disclosure":  # T3 and T4 have 总计 columns: each one is shown, in view
            assert info["totals"] > 0, f"{key}: no 总计 cell marked"
        # Cards, not the grid: the official header rows are out of sight (but not out of the page).
        heights = page.locator(f"table#table-{key}").locator("thead, tr.nb-head").evaluate_all(
            "els => els.map(el => el.getBoundingClientRect().height)")
        assert heights and max(heights) <= 1, f"{key}: official header rows shown on a phone: {heights}"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"tables-{body}-{year}-{width}.png"), full_page=True)


@pytest.mark.parametrize(("body", "year"), REPORTS)
def test_phone_cards_are_still_tables_to_a_screen_reader(open_page: Any, tables_url: str, body: str,
                                                          year: str) -> None:
    page = open_page(f"{tables_url}{body}/{year}/", 390, is_mobile=True, has_touch=True)
    for key in TABLES:
        tree = page.locator(f"table#table-{key}").aria_snapshot()
        assert tree.startswith("- table"), f"{key}: not a table to assistive technology:\n{tree[:300]}"
        assert "columnheader" in tree and "cell" in tree, f"{key}:\n{tree[:600]}"
        if key != "reviews_litigation":  # T4 has no row labels
            assert "rowheader" in tree, f"{key}:\n{tree[:600]}"


def test_phone_card_states_zero_blank_and_not_applicable_apart(open_page: Any, tables_url: str) -> None:
    """A row's zeros are listed under 为 0; a blank cell says 未填写 on screen; nothing shows a number
    the report does not have."""
    page = open_page(f"{tables_url}wanggang-zhen/2020/", 390, is_mobile=True, has_touch=True)
    row = page.locator("table#table-applications tr", has=page.locator("th", has_text="二、上年结转"))
    cells = row.locator("td")
    texts = cells.evaluate_all("tds => tds.map(td => [td.textContent, td.className, "
                               "getComputedStyle(td, '::before').content])")
    assert [t for t, _, _ in texts] == ["0"] * 7  # as published
    zeros = [before for _, css, before in texts if "nb-zero" in css and "nb-total" not in css]
    assert zeros[0] == '"为 0：自然人" / ""', zeros
    # 总计 stands beside the label, named on screen (by CSS, not heard twice: headers= names it).
    total = row.locator("td.nb-total")
    assert total.evaluate("td => getComputedStyle(td, '::before').content") == '"总计" / ""'
    assert total.get_attribute("data-label") == "总计"
    assert "总计" not in row.aria_snapshot().split("\n")[-1]
    # A blank cell's 未填写 shows on a phone (it is read aloud everywhere).
    blank = page.evaluate("""() => {
        const td = document.createElement('td'); td.className = 'nb-blank'; td.dataset.label = '自然人';
        td.innerHTML = '<span class="nb-sr-only">未填写</span>';
        document.querySelector('table#table-applications tbody tr').appendChild(td);
        return td.querySelector('span').getBoundingClientRect().width; }""")
    assert blank > 10, "未填写 is hidden on a phone"


@pytest.mark.parametrize("width", DESKTOPS)
@pytest.mark.parametrize(("body", "year"), REPORTS)
def test_desktop_shows_the_official_grid(open_page: Any, tables_url: str, body: str, year: str, width: int) -> None:
    page = open_page(f"{tables_url}{body}/{year}/", width)
    for key in TABLES:
        table = page.locator(f"table#table-{key}")
        assert table.evaluate("t => getComputedStyle(t).display") == "table"
        spanning = table.locator("th[rowspan], th[colspan]")
        assert spanning.count() > 0
        for i in range(spanning.count()):
            expect(spanning.nth(i)).to_be_visible()
            assert spanning.nth(i).evaluate("th => getComputedStyle(th).display") == "table-cell"
        check_in_view(page, key, official=True)
    if width == 1280:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"tables-{body}-{year}-{width}.png"), full_page=True)


# Each run of text in a header or label cell is a word (the renderer puts <wbr> between words): it
# must sit on one line. Returns the words that do not.
BROKEN_WORDS_JS = """
table => {
  const out = [];
  for (const th of table.querySelectorAll('th')) {
    for (const node of th.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || !node.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (tops.size > 1) out.push(node.textContent);
    }
  }
  return out;
}
"""

PAGE_NUMBERS_JS = """
() => {
  const found = [];
  const walk = rules => { for (const rule of rules) {
    if (rule.cssRules) walk(rule.cssRules);
    if (rule.constructor.name === 'CSSMarginRule') found.push(rule.name + ' ' + rule.style.content);
  } };
  for (const sheet of document.styleSheets) { try { walk(sheet.cssRules); } catch (e) {} }
  return found;
}
"""


@pytest.mark.parametrize(("body", "year"), REPORTS)
def test_print(open_page: Any, tables_url: str, body: str, year: str) -> None:
    page = open_page(f"{tables_url}{body}/{year}/", A4_CONTENT)
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-typeset h1')).color") == "rgb(0, 0, 0)"
    for key in TABLES:
        table = page.locator(f"table#table-{key}")
        assert table.evaluate("t => getComputedStyle(t).display") == "table"
        # Within the printed width, right rule included (a cell's rect includes its borders).
        check_in_view(page, key, official=True)
        assert table.evaluate(BROKEN_WORDS_JS) == [], f"{key}: header or label broken inside a word"
    # 第 N 页 in the footer: the margin box is there, as Chromium parsed it.
    boxes = page.evaluate(PAGE_NUMBERS_JS)
    assert any(b.startswith("bottom-center") and "counter(page)" in b and "第" in b for b in boxes), boxes
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf = page.pdf(path=str(ARTIFACTS / f"tables-{body}-{year}.pdf"), format="A4")
    assert pdf.startswith(b"%PDF")
    # …and printed: the PDF's fonts map a glyph to 页, a character neither report's printed text
    # has (without the margin box, no font in the PDF has it).
    assert "9875" in pdf_unicode_map(pdf), "no 页 printed: the page numbers are missing"


def pdf_unicode_map(pdf: bytes) -> str:
    """The PDF's ToUnicode maps (hex code points of every character printed), upper case."""
    maps = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            text = zlib.decompress(stream)
        except zlib.error:
            continue
        if b"beginbfchar" in text or b"beginbfrange" in text:
            maps.append(text.decode("latin-1").upper())
    return "\n".join(maps)


def test_print_shows_the_source_address(open_page: Any, tables_url: str) -> None:
    page = open_page(f"{tables_url}shili-xian-shujuju/2021/", A4_CONTENT)
    address = page.locator(".nb-byline .nb-print-only")
    expect(address).to_be_hidden()  # on screen the link 原文 is enough
    page.emulate_media(media="print")
    expect(address).to_be_visible()
    expect(page.locator(".nb-byline")).to_contain_text(f"原文：{SOURCE_URL}")
