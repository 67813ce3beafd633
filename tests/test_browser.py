"""Real headless Chromium (Debian's, through Playwright) against the built site served at /nianbao/.

Report pages come from the hook: /<body-slug>/<year>/ and /<body-slug>/. Contract read here:
each statutory table sits in <div class="nb-scroll" role="region" tabindex="0" aria-labelledby=…>
as <table class="nb-table nb-table--KEY" id="table-KEY">; every th has scope, every td has
headers=; row labels are th.nb-label; the page has section.nb-checks and section.nb-contact.
"""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import ARTIFACTS, REPO, SUBPATH, RequestLog, build_site, serve
from playwright.sync_api import expect

BODY = "wanggang-zhen"
YEAR = "2020"
TABLE_KEYS = {"active_disclosure", "applications", "reviews_litigation"}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

Visit = Callable[..., tuple[Any, RequestLog]]


@pytest.fixture
def visit(chromium: Any, origin: str) -> Iterator[Visit]:
    """Open a URL in a fresh context (own viewport, own request log); returns (page, log)."""
    contexts: list[Any] = []

    def _visit(url: str, viewport: dict[str, int] = DESKTOP, **options: Any) -> tuple[Any, RequestLog]:
        context = chromium.new_context(viewport=viewport, locale="zh-CN", **options)
        contexts.append(context)
        log = RequestLog(context, origin)
        page = context.new_page()
        response = page.goto(url, wait_until="networkidle")
        status = response.status if response else None
        assert status == 200, f"GET {url} → {status} (the hook must generate this page)"
        return page, log

    yield _visit
    for context in contexts:
        context.close()


def assert_only_local(log: RequestLog, base_url: str) -> None:
    assert log.urls, "no request recorded"
    assert log.external() == [], f"requests left the machine: {log.external()}"
    # Everything the page loads lives under the sub-path: no root-absolute asset URLs.
    stray = [u for u in log.urls if u.startswith("http") and not u.startswith(base_url)]
    assert stray == [], f"requests outside /nianbao/: {stray}"


def link_targets(page: Any) -> list[str]:
    """Resolved href of every link on the page."""
    return page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")


def screenshot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


# ---------- home and body pages ----------


def test_home_page_is_local_and_relative(visit: Visit, base_url: str) -> None:
    page, log = visit(base_url)
    assert (page.get_attribute("html", "lang") or "").startswith("zh")
    assert_only_local(log, base_url)
    internal = [u for u in link_targets(page) if u.startswith(log.origin)]
    assert internal, "home page has no internal links"
    assert [u for u in internal if not u.startswith(base_url)] == []
    # Navigate by clicking, as a reader would, to prove relative links resolve under the sub-path.
    page.get_by_role("link", name="如何阅读本站").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url == f"{base_url}how-to-read/"
    assert_only_local(log, base_url)
    screenshot(page, "how-to-read-desktop.png")


def test_home_lists_bodies(visit: Visit, base_url: str) -> None:
    page, log = visit(base_url)
    assert f"{base_url}{BODY}/" in link_targets(page), "home page must link to each body's page"
    assert_only_local(log, base_url)
    screenshot(page, "home-desktop.png")


def test_body_page_links_to_report(visit: Visit, base_url: str) -> None:
    page, log = visit(f"{base_url}{BODY}/")
    assert (page.get_attribute("html", "lang") or "").startswith("zh")
    assert f"{base_url}{BODY}/{YEAR}/" in link_targets(page)
    assert_only_local(log, base_url)


def test_chinese_search_works_offline(visit: Visit, base_url: str) -> None:
    """Pagefind's index, segmented at build time: a term of the site's own pages finds them, all locally."""
    page, log = visit(base_url)
    search_results(page, "勾稽关系")
    hrefs = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
    assert hrefs
    assert all(h.startswith(base_url) for h in hrefs), hrefs
    assert_only_local(log, base_url)


def test_theme_runs_under_the_content_security_policy(chromium: Any, base_url: str) -> None:
    """No inline script runs, yet the theme works: its scripts are files, the palette toggles."""
    context = chromium.new_context(viewport=DESKTOP, locale="zh-CN")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{base_url}{BODY}/{YEAR}/", wait_until="networkidle")
    policy = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content") or ""
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    # Material's own state: the scope script ran from its file, relative to the site root.
    assert page.evaluate("__md_scope.pathname") == f"/{base_url.rstrip('/').rsplit('/', 1)[1]}/"
    before = page.get_attribute("body", "data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", before or "")
    assert errors == [], "the theme broke under the policy"
    # An inline handler added now is refused by the policy, as one slipped into the data would be.
    page.evaluate("""() => { window.__fired = false;
        document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="window.__fired = true">'); }""")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__fired") is False
    assert any("Content Security Policy" in e for e in errors), errors
    context.close()


# ---------- report page ----------

TABLE_SEMANTICS_JS = """
table => {
  const ths = [...table.querySelectorAll('th')];
  const ids = new Set([...table.querySelectorAll('[id]')].map(e => e.id));
  return {
    th: ths.length,
    thWithoutScope: ths.filter(th => !['col', 'colgroup', 'row', 'rowgroup']
        .includes(th.getAttribute('scope'))).map(th => th.textContent.trim()),
    // td.nb-pad: an empty filler cell in a T2 header row, not a data cell.
    tdBadHeaders: [...table.querySelectorAll('td:not(.nb-pad)')].filter(td => {
        const h = (td.getAttribute('headers') || '').split(/\\s+/).filter(Boolean);
        return h.length === 0 || h.some(id => !ids.has(id));
      }).length,
  };
}
"""


def test_report_tables_desktop(visit: Visit, base_url: str) -> None:
    page, log = visit(f"{base_url}{BODY}/{YEAR}/", DESKTOP)
    assert (page.get_attribute("html", "lang") or "").startswith("zh")
    tables = page.locator("table.nb-table")
    expect(tables).to_have_count(3)
    keys = set()
    for i in range(3):
        table = tables.nth(i)
        expect(table).to_be_visible()
        key = (table.get_attribute("id") or "").removeprefix("table-")
        keys.add(key)
        expect(table).to_have_class(re.compile(rf"\bnb-table--{key}\b"))
        info = table.evaluate(TABLE_SEMANTICS_JS)
        assert info["th"] > 0, f"{key}: no header cells"
        assert info["thWithoutScope"] == [], f"{key}: th without scope"
        assert info["tdBadHeaders"] == 0, f"{key}: td without valid headers="
    assert keys == TABLE_KEYS
    expect(page.locator("section.nb-checks")).to_have_count(1)
    expect(page.locator("section.nb-contact")).to_have_count(1)
    assert f"{base_url}{BODY}/" in link_targets(page), "report page must link back to its body page"
    assert_only_local(log, base_url)
    screenshot(page, f"{BODY}-{YEAR}-desktop.png")


def test_report_phone_regions_do_not_scroll(visit: Visit, base_url: str) -> None:
    """On a phone each table is cards that fit the column: its labelled region stays, but scrolls
    neither way (tests/test_phone_tables.py checks every cell is in view)."""
    page, log = visit(f"{base_url}{BODY}/{YEAR}/", PHONE, is_mobile=True, has_touch=True)
    regions = page.locator(".nb-scroll")
    expect(regions).to_have_count(3)
    for i in range(regions.count()):
        region = regions.nth(i)
        expect(region).to_have_attribute("role", "region")
        expect(region).to_have_accessible_name(re.compile(r"\S"))
        expect(region.locator("table.nb-table")).to_be_visible()
        sizes = region.evaluate("el => [el.scrollWidth, el.clientWidth, el.scrollHeight, el.clientHeight]")
        assert sizes[0] <= sizes[1] and sizes[2] <= sizes[3], f"region {i} scrolls inside the page: {sizes}"
    assert_only_local(log, base_url)
    screenshot(page, f"{BODY}-{YEAR}-phone.png")


def test_report_keyboard_reaches_the_whole_table(visit: Visit, base_url: str) -> None:
    """With the table's region focused, the arrow keys scroll the page on through the table."""
    page, _ = visit(f"{base_url}{BODY}/{YEAR}/", PHONE, is_mobile=True, has_touch=True)
    region = page.locator(".nb-scroll:has(table.nb-table--applications)")
    region.focus()
    before = page.evaluate("scrollY")
    for _ in range(5):
        page.keyboard.press("ArrowDown")
    page.wait_for_function("before => scrollY > before", arg=before)


def test_report_print(visit: Visit, base_url: str) -> None:
    page, log = visit(f"{base_url}{BODY}/{YEAR}/", DESKTOP)
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        expect(page.locator(selector)).to_be_hidden()
    style = page.locator(".nb-scroll:has(table.nb-table--applications)").evaluate(
        "el => [getComputedStyle(el).overflowX, getComputedStyle(el.querySelector('thead')).position]"
    )
    assert style[0] == "visible", "print: scroll region still clips the table"
    assert style[1] != "sticky", "print: header rows still sticky"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf = page.pdf(path=str(ARTIFACTS / f"{BODY}-{YEAR}.pdf"), format="A4")
    assert pdf.startswith(b"%PDF")
    assert len(pdf) > 10_000
    assert_only_local(log, base_url)


# ---------- search (Pagefind) ----------


def test_search_shows_report_title_body_year_and_the_words_found(visit: Visit, base_url: str) -> None:
    page, log = visit(f"{base_url}{BODY}/{YEAR}/")
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    results = search_results(page, "行政复议")
    report = results.filter(has=page.locator(f'a[href$="/{BODY}/{YEAR}/"]')).first
    expect(report.locator("h1")).to_have_text("王岗镇人民政府 2020 年度政府信息公开工作年度报告")
    expect(report.locator(".nb-search-source").first).to_have_text("南岗区王岗镇人民政府 · 2020 年度")
    marks = report.locator("mark")
    expect(marks.first).to_be_visible()
    assert "行政复议" in marks.all_inner_texts(), marks.all_inner_texts()
    # The sections the words are in, each a link to its heading.
    assert f"{base_url}{BODY}/{YEAR}/#part-4" in report.locator("a").evaluate_all("links => links.map(a => a.href)")
    # Only the parts of the index the query needs: the bundle, one index chunk, fragments.
    fetched = [u for u in log.urls if "/pagefind/" in u]
    assert any(u.endswith("/pagefind/pagefind.js") for u in fetched), fetched
    assert not any("search_index.json" in u for u in log.urls)
    # Pagefind's WebAssembly runs under the page's Content-Security-Policy ('wasm-unsafe-eval').
    assert errors == [], errors
    assert_only_local(log, base_url)


def test_search_for_a_body_finds_its_reports(visit: Visit, base_url: str) -> None:
    page, log = visit(base_url)
    search_results(page, "王岗镇")
    hrefs = page.eval_on_selector_all(".md-search-result__item > a.md-search-result__link",
                                      "links => links.map(a => a.href)")
    assert f"{base_url}{BODY}/{YEAR}/" in hrefs and f"{base_url}{BODY}/" in hrefs, hrefs
    assert_only_local(log, base_url)


def test_search_for_a_table_figure_finds_nothing(visit: Visit, base_url: str) -> None:
    """A column of a statutory table, on the page but not in its prose, finds no report: tables are
    not indexed (the index holds the rest of the page: the fragments' test)."""
    page, log = visit(f"{base_url}{BODY}/{YEAR}/")
    label = "尚未审结"
    assert label in page.locator("table.nb-table--reviews_litigation").inner_text()
    assert label not in " ".join(page.locator(".nb-prose").all_inner_texts())
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(label)
    expect(page.locator(".md-search-result__meta")).to_contain_text("结果")
    hrefs = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
    assert not [h for h in hrefs if f"/{BODY}/{YEAR}/" in h], hrefs
    assert_only_local(log, base_url)


# ---------- without ResizeObserver, search on input, 404 ----------


def search_results(page: Any, query: str) -> Any:
    """Fill the search box as a paste or voice input does: no key events at all."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    results = page.locator(".md-search-result__item")
    # The worker builds its index first, then reads the box; nothing is typed meanwhile.
    expect(results.first).to_be_visible(timeout=30_000)
    return results


def test_no_resize_observer_no_request_outside_and_search_works(chromium: Any, origin: str, base_url: str) -> None:
    """iOS 12 and older browser cores have no ResizeObserver: Material would fetch a polyfill from
    unpkg.com (and search would hang at 正在初始化搜索引擎); the site's own is used instead."""
    context = chromium.new_context(viewport=DESKTOP, locale="zh-CN")
    try:
        context.add_init_script("delete window.ResizeObserver; delete window.ResizeObserverEntry;")
        log = RequestLog(context, origin)
        page = context.new_page()
        page.goto(base_url, wait_until="networkidle")
        # The site's polyfill, not the browser's: the init script took the browser's away.
        assert page.evaluate("typeof ResizeObserver.prototype._check") == "function"
        results = search_results(page, "行政复议")
        assert results.count() > 0
        assert_only_local(log, base_url)
    finally:
        context.close()


def test_search_reacts_to_input_without_key_events(visit: Visit, base_url: str) -> None:
    page, log = visit(base_url)
    results = search_results(page, "勾稽关系")
    hrefs = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
    assert hrefs and all(h.startswith(base_url) for h in hrefs), hrefs
    # A changed query (a second paste) is read as well.
    page.locator("input.md-search__input").fill("行政复议")
    expect(page.locator(".md-search-result__meta")).to_contain_text("符合条件的结果")
    assert results.count() > 0
    assert_only_local(log, base_url)


def test_not_found_page_is_chinese_styled_and_leads_home(chromium: Any, deployed_origin: str) -> None:
    base = f"{deployed_origin}/nianbao/"
    context = chromium.new_context(viewport=PHONE, locale="zh-CN")
    try:
        log = RequestLog(context, deployed_origin)
        page = context.new_page()
        statuses: dict[str, int] = {}
        page.on("response", lambda r: statuses.__setitem__(r.url, r.status))
        response = page.goto(f"{base}no/such/deep/page", wait_until="networkidle")
        assert response is not None and response.status == 404
        assert (page.get_attribute("html", "lang") or "").startswith("zh")
        expect(page.locator("h1")).to_have_text("页面不存在")
        assert "Not found" not in page.content()
        sheets = [u for u in statuses if u.endswith(".css")]
        assert sheets and all(statuses[u] == 200 and u.startswith(base) for u in sheets), statuses
        # Material's stylesheet applied: its header sticks to the top, not a plain block.
        assert page.locator(".md-header").evaluate("el => getComputedStyle(el).position") == "sticky"
        home = page.locator("a.nb-home-link")
        assert home.evaluate("a => a.href") == base
        assert page.locator("a.nb-search-link").evaluate("a => a.href") == f"{base}?q="
        assert_only_local(log, base)
        home.click()
        page.wait_for_load_state("networkidle")
        assert page.url == base
        expect(page.locator("h1").first).to_contain_text("政府信息公开工作年度报告")
        # The search link opens the site's search (Material reads ?q=).
        page.goto(f"{base}no/such/deep/page", wait_until="networkidle")
        page.locator("a.nb-search-link").click()
        page.wait_for_load_state("networkidle")
        expect(page.locator("#__search")).to_be_checked()
        expect(page.locator("input.md-search__input")).to_be_focused()
    finally:
        context.close()


NARROW = {"width": 320, "height": 640}
LONG_CONTACT_ROWS = (
    "<dt>承办机构</dt><dd>Office_of_Government_Information_Disclosure_Shili_County</dd>"
    '<dt>电子邮箱</dt><dd><a href="mailto:x@y.example">'
    "zhengfuxinxigongkai.bangongshi@shujuju.shili-xian.example.gov.cn</a></dd>"
    '<dt>网站</dt><dd><a href="https://www.shili-xian.example.gov.cn/">'
    "https://www.shili-xian.example.gov.cn/zwgk/zfxxgkndbg/index.html</a></dd>"
)

CONTACT_FITS_JS = """
card => {
  const r = card.getBoundingClientRect();
  const inside = [...card.querySelectorAll('dt, dd, a, p')].filter(el => {
    const e = el.getBoundingClientRect();
    return e.right > r.right + 0.5 || e.left < r.left - 0.5;
  }).map(el => el.textContent.trim());
  return {right: r.right, left: r.left, viewport: document.documentElement.clientWidth,
          scroll: card.scrollWidth - card.clientWidth, outside: inside};
}
"""


@pytest.mark.parametrize("path", [f"{BODY}/{YEAR}/", f"{BODY}/"])
def test_contact_card_fits_320_px(visit: Visit, base_url: str, path: str) -> None:
    page, log = visit(f"{base_url}{path}", NARROW, is_mobile=True, has_touch=True)
    card = page.locator("section.nb-contact")
    expect(card).to_be_visible()
    expect(card.locator(".nb-contact-note")).to_contain_text("年度")
    expect(card.locator('a[href^="tel:"]')).to_have_count(1)
    # The real data's values are short: add the longest kinds a body may have, with no place to
    # break: a value shown as text, an e-mail address and a web address, as the template writes them.
    card.evaluate("(card, rows) => card.querySelector('dl').insertAdjacentHTML('beforeend', rows)", LONG_CONTACT_ROWS)
    fit = card.evaluate(CONTACT_FITS_JS)
    assert fit["left"] >= 0 and fit["right"] <= fit["viewport"], fit
    assert fit["scroll"] <= 0, f"the card scrolls sideways: {fit}"
    assert fit["outside"] == [], f"content sticks out of the card: {fit}"
    assert_only_local(log, base_url)
    screenshot(page, f"contact-320-{path.strip('/').replace('/', '-')}.png")


# ---------- 修订记录: a corrected report (tests/fixtures/2021, 2021.yml: 表三 自然人 and 总计 of
# （一）予以公开 revised, and part 五's text) ----------

REVISED = "shili-xian-shujuju"
A4_CONTENT = {"width": 680, "height": 960}  # CSS px between the print margins: 210 mm - 2 × 15 mm


@pytest.fixture(scope="module")
def revised_origin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("revised")
    shutil.copytree(REPO / "tests" / "fixtures" / "2021" / REVISED, root / "data" / REVISED)
    build_site(root / "www" / SUBPATH, data=root / "data")
    with serve(root / "www") as origin:
        yield origin


@pytest.fixture
def open_revised(chromium: Any, revised_origin: str) -> Iterator[Callable[..., tuple[Any, RequestLog]]]:
    contexts: list[Any] = []

    def _open(viewport: dict[str, int], **options: Any) -> tuple[Any, RequestLog]:
        context = chromium.new_context(viewport=viewport, locale="zh-CN", **options)
        contexts.append(context)
        log = RequestLog(context, revised_origin)
        page = context.new_page()
        response = page.goto(f"{revised_origin}/{SUBPATH}/{REVISED}/2021/", wait_until="networkidle")
        assert response is not None and response.status == 200
        return page, log

    yield _open
    for context in contexts:
        context.close()


def contrast_js(colour: str, behind: str) -> str:
    """A function of an element: the contrast (WCAG 2) of its ``colour`` property against the first
    opaque background from ``behind`` (a JS expression of el) up."""
    return """
el => {
  const rgb = s => s.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => {
    const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  let bg = null;
  for (let a = BEHIND; a && !bg; a = a.parentElement) {
    const c = rgb(getComputedStyle(a).backgroundColor);
    if (c.length < 4 || c[3] > 0.99) bg = c;
  }
  const [l1, l2] = [lum(rgb(getComputedStyle(el).COLOUR)), lum(bg || [255, 255, 255])].sort((a, b) => b - a);
  return (l1 + 0.05) / (l2 + 0.05);
}
""".replace("BEHIND", behind).replace("COLOUR", colour)


# The contrast of an element's text against the first opaque background behind it.
CONTRAST_JS = contrast_js("color", "el")

# Each revised cell: its box, its value's and its mark's (the value is the cell's first text node).
MARKED_JS = """
() => [...document.querySelectorAll('table.nb-table td.nb-revised')].map(td => {
  const box = el => { const r = el.getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom]; };
  const range = document.createRange();
  range.selectNodeContents(td.firstChild);
  return {label: td.dataset.label, cell: box(td), value: box(range), mark: box(td.querySelector('a.nb-rev-mark')),
          page: document.documentElement.clientWidth};
})
"""


@pytest.mark.parametrize(("scheme", "body_scheme"), [("light", "default"), ("dark", "slate")])
def test_revisions_marks_lead_to_their_entry(open_revised: Callable[..., tuple[Any, RequestLog]], revised_origin: str,
                                             scheme: str, body_scheme: str) -> None:
    page, log = open_revised(DESKTOP, color_scheme=scheme)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", body_scheme)
    expect(page.locator("h2#revisions")).to_contain_text("修订记录")
    marks = page.locator("table#table-applications a.nb-rev-mark")
    expect(marks).to_have_count(2)
    for i in range(2):
        expect(marks.nth(i)).to_be_visible()
        expect(marks.nth(i)).to_have_text(re.compile("^修1"))
        # Heard as a sentence, not as "修1".
        expect(marks.nth(i)).to_have_accessible_name("（已修订，见修订记录 1）")
        assert marks.nth(i).evaluate(CONTRAST_JS) >= 4.5, f"{scheme}: the mark is hard to read"
    for element in page.locator("section.nb-revisions :is(p, th, td, a, h3)").all():
        assert element.evaluate(CONTRAST_JS) >= 4.5, f"{scheme}: {element.text_content()!r} is hard to read"
    marks.first.click()
    expect(page).to_have_url(re.compile("#revision-1$"))
    expect(page.locator("#revision-1")).to_be_in_viewport()
    expect(page.locator("#revision-1 table.nb-revision-cells tbody tr")).to_have_count(2)
    expect(page.locator("#revision-2 .nb-revision-old")).to_contain_text("每季度检查一次")
    expect(page.locator("#revision-2 .nb-revision-new")).to_contain_text("每月检查一次")
    # The byline's note leads to the section.
    page.locator(".nb-byline a[href='#revisions']").click()
    expect(page.locator("section.nb-revisions")).to_be_in_viewport()
    assert_only_local(log, f"{revised_origin}/{SUBPATH}/")
    screenshot(page, f"revisions-desktop-{scheme}.png")


@pytest.mark.parametrize("width", [360, 390])
def test_revisions_on_a_phone(open_revised: Callable[..., tuple[Any, RequestLog]], width: int) -> None:
    """A revised cell's value and its mark stay together at the card's right; the section fits."""
    page, _ = open_revised({"width": width, "height": 844}, is_mobile=True, has_touch=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
    marked = page.evaluate(MARKED_JS)
    assert [m["label"] for m in marked] == ["自然人", "总计"]
    for m in marked:
        (left, right, top, bottom), (vl, vr, vt, vb), (ml, mr, mt, mb) = m["cell"], m["value"], m["mark"]
        assert 0 <= left and right <= m["page"], m
        assert vl >= left - 0.5 and mr <= right + 0.5, f"value or mark outside its cell: {m}"
        assert mt >= top - 0.5 and mb <= bottom + 0.5, f"the mark sticks out of its cell: {m}"
        assert 0 <= ml - vr <= 8, f"the mark is not beside the value: {m}"
        assert mt < vb and mb > vt, f"the mark is not on the value's line: {m}"
    section = page.locator("section.nb-revisions")
    sizes = section.evaluate("el => [el.scrollWidth, el.clientWidth, el.getBoundingClientRect().right]")
    assert sizes[0] <= sizes[1] and sizes[2] <= width, f"the section sticks out: {sizes}"
    screenshot(page, f"revisions-phone-{width}.png")


def test_revisions_print(open_revised: Callable[..., tuple[Any, RequestLog]]) -> None:
    page, _ = open_revised(A4_CONTENT)
    page.emulate_media(media="print")
    section = page.locator("section.nb-revisions")
    expect(section).to_be_visible()
    expect(section.locator("li.nb-revision")).to_have_count(2)
    # On paper the mark reads 修1; the sentence for screen readers stays out of sight.
    mark = page.locator("table#table-applications a.nb-rev-mark").first
    expect(mark.locator("sup")).to_be_visible()
    assert mark.locator(".nb-sr-only").evaluate("el => el.getBoundingClientRect().width") <= 1
    assert page.locator("table#table-applications").evaluate("t => t.getBoundingClientRect().right") <= 680
    for m in page.evaluate(MARKED_JS):
        assert m["mark"][1] <= m["cell"][1] + 0.5, f"the mark sticks out of its cell on paper: {m}"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf = page.pdf(path=str(ARTIFACTS / "revisions.pdf"), format="A4")
    assert pdf.startswith(b"%PDF")


# ---------- make serve: the open page follows the data ----------


def test_serve_reloads_the_open_report_page_to_the_problems_and_back(chromium: Any, tmp_path: Any) -> None:
    """The report page the maintainer has open in `make serve` turns into the problems by itself
    when its file is saved broken, and back into the page when it is fixed: MkDocs' own live
    reload is inline, which the pages' Content-Security-Policy refuses to run."""
    from nbdata import edit
    from serving import BROKEN, DATA_FAILURE, GOOD, REAL_PAGE, REPORT, TIMEOUT, is_real, project_copy, serving

    wait = TIMEOUT * 1000
    with serving(project_copy(tmp_path)) as preview:
        preview.wait_for(REPORT, is_real, "the report page")
        context = chromium.new_context(locale="zh-CN")
        try:
            page = context.new_page()
            page.goto(preview.url + REPORT)
            expect(page).to_have_title(re.compile(REAL_PAGE))
            edit(preview.report, GOOD, BROKEN)
            expect(page).to_have_title(re.compile(re.escape(DATA_FAILURE)), timeout=wait)
            expect(page.locator("pre")).to_contain_text("data/wanggang-zhen/2020.yml:88: 错误 [T4.1]")
            edit(preview.report, BROKEN, GOOD)
            expect(page).to_have_title(re.compile(REAL_PAGE), timeout=wait)
            expect(page.locator("table.nb-table--reviews_litigation")).to_be_visible()
            preview.alive()
        finally:
            context.close()


# ---------- 历年数据: the body page's charts (tests/fixtures/2021: 2020, 2021 and 2022 reports) ----------

# A line's contrast against the page behind the chart (3:1 for graphics).
LINE_CONTRAST_JS = contrast_js("stroke", "el.closest('figure')")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_history_charts_have_a_text_alternative_and_show_in_both_schemes(chromium: Any, revised_origin: str,
                                                                         scheme: str) -> None:
    context = chromium.new_context(viewport={"width": 360, "height": 800}, locale="zh-CN", color_scheme=scheme)
    log = RequestLog(context, revised_origin)
    page = context.new_page()
    response = page.goto(f"{revised_origin}/{SUBPATH}/{REVISED}/", wait_until="networkidle")
    assert response is not None and response.status == 200
    expect(page.locator("h2#history")).to_contain_text("历年数据")
    chart = page.get_by_role("img", name="申请的收与办")
    expect(chart).to_be_visible()
    described = chart.evaluate("el => document.getElementById(el.getAttribute('aria-labelledby').split(' ')[1])"
                               ".textContent")
    assert "本年新收申请 2020 年 211、2021 年 249、2022 年 274" in described
    expect(page.locator("figure.nb-chart")).to_have_count(3)
    # Every chart fits the phone's width, and each line stands out from the page in this scheme.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    for line in page.locator("figure.nb-chart polyline").all():
        assert line.evaluate(LINE_CONTRAST_JS) >= 3, f"{scheme}: a chart line is hard to see"
    # The table beside the charts holds the same values.
    expect(page.locator("table").filter(has_text="本年新收申请").first).to_contain_text("274")
    assert_only_local(log, f"{revised_origin}/{SUBPATH}/")
    context.close()


# --- a region's 汇总 ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def region_origin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """Generated bodies past the home page's limit (so regions have pages), three of one county
    leaving 行政许可 blank in 2021; yields the origin and that county's page."""
    import sys
    from urllib.parse import quote

    import yaml

    sys.path.insert(0, str(REPO / "bench"))
    from generate import generate

    from nianbao.render.indexes import HOME_LIMIT

    root = tmp_path_factory.mktemp("regions")
    data = root / "data"
    generate(data, 2 * (HOME_LIMIT + 5), first_year=2020, last_year=2021)
    county = sorted(p for p in data.iterdir() if p.name.startswith("p01-c1-x1-"))
    for folder in county[:3]:
        report = folder / "2021.yml"
        values = yaml.safe_load(report.read_text(encoding="utf-8"))
        values["active_disclosure"]["licensing"] = None
        report.write_text(yaml.safe_dump(values, allow_unicode=True, sort_keys=False), encoding="utf-8")
    build_site(root / "www" / SUBPATH, data=data)
    region = yaml.safe_load((county[0] / "body.yml").read_text(encoding="utf-8"))["region"]
    with serve(root / "www") as origin:
        yield origin, f"{origin}/{SUBPATH}/regions/" + "/".join(quote(name) for name in region) + "/"


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_region_sums_show_the_tables_and_say_a_partial_sum(chromium: Any, region_origin: tuple[str, str],
                                                           viewport: str) -> None:
    origin, url = region_origin
    size = DESKTOP if viewport == "desktop" else PHONE
    context = chromium.new_context(viewport=size, locale="zh-CN", is_mobile=viewport == "phone")
    log = RequestLog(context, origin)
    page = context.new_page()
    response = page.goto(url, wait_until="networkidle")
    assert response is not None and response.status == 200
    expect(page.locator("h2#sum-2021")).to_contain_text("2021 年度汇总")
    regions = page.locator(".nb-scroll")
    expect(regions).to_have_count(6)  # the three tables of each of the two years
    for i in range(regions.count()):
        expect(regions.nth(i)).to_have_accessible_name(re.compile(r"\S"))
        expect(regions.nth(i).locator("table.nb-table")).to_be_visible()
    # The partial sum: its number with a mark on screen, and to a screen reader how many left it blank.
    partial = page.get_by_role("cell", name=re.compile("另有 3 个机关未填写"))
    expect(partial).to_have_count(1)
    expect(partial).to_be_visible()
    # The number and its mark side by side (on a phone too, where the cell is its name and value).
    value = partial.evaluate("""td => {
      const range = document.createRange();
      range.selectNodeContents(td.firstChild);
      const box = el => el.getBoundingClientRect();
      return [td.firstChild.textContent, box(range).right, box(td.querySelector('sup')).left,
              box(range).top, box(td.querySelector('sup')).bottom];
    }""")
    assert re.fullmatch(r"[0-9]+", value[0]) and abs(value[2] - value[1]) < 4 and value[4] > value[3], value
    if viewport == "phone":
        assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
    assert_only_local(log, f"{origin}/{SUBPATH}/")
    screenshot(page, f"region-sums-{viewport}.png")
    context.close()
# ---------- search across years ----------


@pytest.fixture(scope="module")
def years_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated site of two bodies' reports of 2023–2025, at years_root / "nianbao"."""
    sys.path.insert(0, str(REPO / "bench"))
    from generate import generate

    root = tmp_path_factory.mktemp("years")
    generate(root / "data", 6, first_year=2023, last_year=2025)
    build_site(root / "www" / SUBPATH, data=root / "data")
    return root / "www"


@pytest.fixture(scope="module")
def years_site(years_root: Path) -> Iterator[str]:
    with serve(years_root) as origin:
        yield origin


def test_a_first_search_fetches_only_what_it_needs(chromium: Any, years_root: Path) -> None:
    """bench/search_size.py's measure, on a small site (on 10,000 reports: README): the bytes of
    the search files a first search for 行政复议 fetches stay under the target, and come from the
    site's other pages' index and the latest year's only."""
    from search_size import measure  # bench/, on the path since years_root

    size, _, count, fetched = measure(years_root, "行政复议", chromium)
    assert count > 0
    assert 0 < size <= 300 * 1024, fetched
    folders = {name.split("/")[0] for name, _ in fetched if "/" in name}
    assert folders <= {"index", "fragment", "2025"}, fetched
    assert any(name.startswith("2025/index/") for name, _ in fetched), fetched


def test_search_covers_the_latest_year_then_the_year_chosen(chromium: Any, years_site: str) -> None:
    base = f"{years_site}/{SUBPATH}/"
    context = chromium.new_context(viewport=DESKTOP, locale="zh-CN")
    try:
        log = RequestLog(context, years_site)
        page = context.new_page()
        page.goto(base, wait_until="networkidle")
        search_results(page, "行政复议")

        def result_years() -> set[str]:
            hrefs = page.eval_on_selector_all(".md-search-result__item > a.md-search-result__link",
                                              "links => links.map(a => a.href)")
            return {m.group(1) for h in hrefs if (m := re.search(r"/(20\d\d)/$", h))}

        # The latest year's reports only, until another year is chosen; none of the others' index.
        assert result_years() == {"2025"}
        assert not [u for u in log.urls if "/pagefind/2023/" in u or "/pagefind/2024/" in u]
        choice = page.locator("select.nb-search-year")
        expect(choice).to_have_value("2025")
        choice.select_option("2023")
        expect(page.locator(".md-search-result__item").first).to_be_visible()
        page.wait_for_load_state("networkidle")
        expect(page.locator(".md-search-result__item .nb-search-source").first).to_contain_text("2023 年度")
        assert result_years() == {"2023"}
        choice.select_option(label="全部年度")
        page.wait_for_load_state("networkidle")
        for year in ("2024", "2025"):
            expect(page.locator(".nb-search-source", has_text=f"{year} 年度").first).to_be_visible()
        assert result_years() == {"2023", "2024", "2025"}
        assert_only_local(log, base)
    finally:
        context.close()


def test_search_narrows_by_level_and_region(chromium: Any, years_site: str) -> None:
    base = f"{years_site}/{SUBPATH}/"
    context = chromium.new_context(viewport=DESKTOP, locale="zh-CN")
    try:
        log = RequestLog(context, years_site)
        page = context.new_page()
        page.goto(base, wait_until="networkidle")
        search_results(page, "行政复议")
        assert not [u for u in log.urls if "/filter/" in u], "filters fetched before they were asked for"
        level = page.locator('select.nb-search-filter[data-nb-filter="层级"]')
        level.focus()
        expect(level.locator("option")).not_to_have_count(1)
        values = level.locator("option").all_inner_texts()[1:]
        assert values, values
        level.select_option(values[0])
        page.wait_for_load_state("networkidle")
        expect(page.locator(".md-search-result__item").first).to_be_visible()
        # Only the bodies of that level and their reports: no page of the site's own (no level).
        hrefs = page.eval_on_selector_all(".md-search-result__item > a.md-search-result__link",
                                          "links => links.map(a => a.href)")
        assert hrefs and not [h for h in hrefs if "/guide/" in h or "/how-to-read/" in h], hrefs
        # 地区 (each enclosing region is a value of its own: the index test) narrows as well.
        region = page.locator('select.nb-search-filter[data-nb-filter="地区"]')
        region.focus()
        expect(region.locator("option")).not_to_have_count(1)
        regions = region.locator("option").all_inner_texts()[1:]
        region.select_option(regions[0])
        page.wait_for_load_state("networkidle")
        expect(page.locator(".md-search-result__item").first).to_be_visible()
        assert_only_local(log, base)
    finally:
        context.close()


# ---------- 数据质量: a flagged copy side by side ----------


@pytest.fixture(scope="module")
def copy_origin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """560 generated reports with faults planted (bench/generate.py --faults, published as printed),
    built with the 数据质量 section."""
    sys.path.insert(0, str(REPO / "bench"))
    from generate import generate_with_faults
    from test_quality_pages import publish_as_printed

    root = tmp_path_factory.mktemp("copy")
    generate_with_faults(root / "data", 560, 3)
    publish_as_printed(root / "data")
    build_site(root / "www" / SUBPATH, data=root / "data", env={"NIANBAO_QUALITY": "1"})
    with serve(root / "www") as origin:
        yield origin


@pytest.mark.parametrize(("viewport", "scheme"), [("desktop", "light"), ("phone", "dark")])
def test_a_flagged_copy_opens_side_by_side_with_the_passages_marked(chromium: Any, copy_origin: str, viewport: str,
                                                                     scheme: str) -> None:
    from test_accessibility import assert_no_serious, run_axe

    size = DESKTOP if viewport == "desktop" else PHONE
    context = chromium.new_context(viewport=size, locale="zh-CN", color_scheme=scheme, is_mobile=viewport == "phone")
    log = RequestLog(context, copy_origin)
    page = context.new_page()
    response = page.goto(f"{copy_origin}/{SUBPATH}/quality/", wait_until="networkidle")
    assert response is not None and response.status == 200
    # From the section's first page to a year with a copy flagged, and from there to the comparison.
    for year in page.locator("#quality-years tbody th a").all_inner_texts():
        page.goto(f"{copy_origin}/{SUBPATH}/quality/{year}/", wait_until="networkidle")
        if page.locator("#ind-section5-unchanged-table").count():
            break
    else:
        raise AssertionError("no year lists a part 五 copied from the year before")
    page.locator("#ind-section5-unchanged-table").get_by_role("link", name="并排对照").first.click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("h1")).to_contain_text("雷同对照")
    sides = page.locator(".nb-side")
    expect(sides).to_have_count(2)
    expect(sides.nth(0).get_by_role("link")).to_have_text(re.compile(f"{year} 年度"))
    expect(sides.nth(1).get_by_role("link")).to_have_text(re.compile(f"{int(year) - 1} 年度"))
    for n in range(2):
        marks = sides.nth(n).locator("mark")
        assert marks.count() >= 1
        expect(marks.first).to_be_visible()
        assert marks.first.evaluate(CONTRAST_JS) >= 4.5, f"{scheme}: a marked passage is hard to read"
    left, right = (sides.nth(n).bounding_box() for n in range(2))
    assert left is not None and right is not None
    if viewport == "desktop":
        assert right["x"] >= left["x"] + left["width"] - 1, "the two reports stand side by side"
    else:
        assert right["y"] >= left["y"] + left["height"] - 1, "on a phone one follows the other"
        assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
    assert_no_serious(run_axe(page))
    assert_only_local(log, f"{copy_origin}/{SUBPATH}/")
    screenshot(page, f"copy-{viewport}-{scheme}.png")
    context.close()
