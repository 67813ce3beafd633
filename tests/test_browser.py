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
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("勾稽关系")
    results = page.locator(".md-search-result__item")
    # Material queries on keyup (fill() of CJK text sends none) and ignores keys until its worker
    # has built the index, which takes a moment on a busy machine: poke it until results show.
    for _ in range(20):
        page.keyboard.press("End")
        if results.count():
            break
        page.wait_for_timeout(500)
    expect(results.first).to_be_visible()
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
