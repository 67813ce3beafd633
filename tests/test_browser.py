"""Real headless Chromium (Debian's, through Playwright) against the built site served at /nianbao/.

Report pages come from the hook: /<body-slug>/<year>/ and /<body-slug>/. Contract read here:
each statutory table sits in <div class="nb-scroll" role="region" tabindex="0" aria-labelledby=…>
as <table class="nb-table nb-table--KEY" id="table-KEY">; every th has scope, every td has
headers=; row labels are th.nb-label; the page has section.nb-checks and section.nb-contact.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from browser import ARTIFACTS, RequestLog
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
    """search.lang zh + jieba: a segmented term from the user dictionary finds pages, all locally."""
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
