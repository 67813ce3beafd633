"""axe-core against the built site in real Chromium: every kind of page, light and dark, desktop and phone.

axe-core comes from the npm registry through package.json / package-lock.json (`make test` runs
`npm ci` first); it is a test tool only and never part of the site. The pages' Content-Security-Policy
(script-src 'self') refuses the inline <script> that `page.add_script_tag` writes, so the engine is
evaluated through the DevTools protocol instead (page.evaluate), which a page's policy does not govern.

The site here is built from its own data folder, so that one site has every kind of page: the real
data (a 2019-format report), the 2021-format fixture with a cross-year warning in its 2022 report, and
enough generated bodies to pass the home page's limit, which makes region pages.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import ARTIFACTS, REPO, RequestLog, serve
from nbdata import DATA, FIXTURE_2021, SHILI, WANGGANG, edit, mkdocs_build
from playwright.sync_api import expect

from nianbao.render.indexes import HOME_LIMIT

sys.path.insert(0, str(REPO / "bench"))

from generate import generate  # noqa: E402

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}
# Material's two palettes (mkdocs.yml): the scheme each one puts on <body>.
SCHEMES = {"light": "default", "dark": "slate"}
FAILING_IMPACTS = ("serious", "critical")


# ---------- the site ----------


@pytest.fixture(scope="module")
def a11y_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """data/ + the 2021 fixture (2022 with an X.1 warning) + generated bodies past HOME_LIMIT."""
    root = tmp_path_factory.mktemp("a11y")
    data = root / "data"
    shutil.copytree(DATA / WANGGANG, data / WANGGANG)
    shutil.copytree(FIXTURE_2021 / SHILI, data / SHILI)
    # A carry-over that no longer matches the year before: a warning (X.1) in the 数据核对 panel.
    edit(data / SHILI / "2022.yml", "carried_over: [5, 2, 1, 1, 1, 1, 11]", "carried_over: [5, 2, 1, 1, 1, 2, 12]")
    edit(data / SHILI / "2022.yml", "carried_forward: [4, 1, 2, 1, 1, 1, 10]",
         "carried_forward: [4, 1, 2, 1, 1, 2, 11]")
    generated = root / "generated"
    # One report each (2025): just enough bodies for region pages, a fast build.
    generate(generated, HOME_LIMIT - 1, first_year=2025, last_year=2025)
    for body in generated.iterdir():
        shutil.move(str(body), data / body.name)
    return data


@pytest.fixture(scope="module")
def a11y_base(a11y_data: Path) -> Iterator[str]:
    site = a11y_data.parent / "site"
    # Not --strict: the warning above is the point, and strict treats warnings as failures.
    proc = mkdocs_build(site, a11y_data, strict=False)
    assert proc.returncode == 0, proc.stderr[-4000:]
    # Served at the root, not under a sub-path (tests/test_browser.py proves that): MkDocs writes
    # 404.html with root-absolute asset URLs, as a server answers it for any missing path.
    with serve(site) as origin:
        yield f"{origin}/"


def first_region(base: str, site: Path) -> str:
    regions = sorted(p.parent for p in (site / "regions").rglob("index.html"))
    assert regions, "no region pages: the site did not pass the home page's limit"
    return base + regions[0].relative_to(site).as_posix() + "/"


# ---------- axe ----------


def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does)")
    return AXE.read_text(encoding="utf-8")


def run_axe(page: Any, context: str | None = None) -> list[dict[str, Any]]:
    """axe.run on the page as it is now; returns the violations (every impact)."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    result = page.evaluate(
        """context => axe.run(context ? document.querySelector(context) : document,
                              {resultTypes: ['violations']})""",
        context,
    )
    return result["violations"]


def serious(violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [v for v in violations if v.get("impact") in FAILING_IMPACTS]


def assert_no_serious(violations: list[dict[str, Any]]) -> None:
    bad = serious(violations)
    assert not bad, f"axe: {len(bad)} serious or critical violation(s):\n{describe(bad)}"


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])} elements)")
        for node in v["nodes"][:5]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node.get('failureSummary', '')[:300]!s}")
    return "\n".join(lines)


def screenshot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


Open = Callable[..., Any]


@pytest.fixture
def open_page(chromium: Any, a11y_base: str) -> Iterator[Open]:
    """Open a URL in a fresh context with the given colour scheme and viewport; returns the page."""
    contexts: list[Any] = []

    def _open(url: str, scheme: str = "light", viewport: dict[str, int] = DESKTOP, **options: Any) -> Any:
        context = chromium.new_context(viewport=viewport, locale="zh-CN", color_scheme=scheme, **options)
        contexts.append(context)
        RequestLog(context, a11y_base.rstrip("/"))
        page = context.new_page()
        response = page.goto(url, wait_until="networkidle")
        assert response and response.status == 200, f"GET {url} → {response and response.status}"
        # Material picks the palette whose media query matches: the page really is in that scheme.
        assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme]
        return page

    yield _open
    for context in contexts:
        context.close()


def open_search(page: Any, query: str) -> None:
    """Open the search dialog, as a reader does, and type query until results show."""
    page.keyboard.press("s")  # Material's shortcut; works at every width
    box = page.locator("input.md-search__input")
    box.fill(query)
    results = page.locator(".md-search-result__item")
    # Material queries on keyup (fill() of CJK text sends none) and ignores keys until its worker
    # has built the index: poke it until results show (no timing is asserted).
    for _ in range(40):
        page.keyboard.press("End")
        if results.count():
            break
        page.wait_for_timeout(250)
    assert results.count(), f"search for {query} found nothing"


PAGES = ["home", "report-2019", "report-2021", "body", "region", "404", "search", "checks-warning"]


def page_url(name: str, base: str, site: Path) -> str:
    return {
        "home": base,
        "report-2019": f"{base}{WANGGANG}/2020/",
        "report-2021": f"{base}{SHILI}/2021/",
        "checks-warning": f"{base}{SHILI}/2022/",
        "body": f"{base}{WANGGANG}/",
        "region": first_region(base, site),
        "404": f"{base}404.html",
        "search": f"{base}{WANGGANG}/2020/",
    }[name]


# (colour scheme, 高对比 pressed, forced colours): Material's two palettes; the same with the 高对比
# toggle pressed; the browser's forced colours (Windows 高对比度) over each palette.
MODES = {
    "light": ("light", False, "none"),
    "dark": ("dark", False, "none"),
    "light-hc": ("light", True, "none"),
    "dark-hc": ("dark", True, "none"),
    "forced-light": ("light", False, "active"),
    "forced-dark": ("dark", False, "active"),
}
# Light and dark at both widths; the high-contrast and forced-colour modes (colours only, the same
# variables at any width) on the desktop.
CASES = [pytest.param(name, mode, viewport, id=f"{name}-{mode}-{viewport}")
         for name in PAGES for mode in MODES for viewport in VIEWPORTS
         if mode in ("light", "dark") or viewport == "desktop"]


def press_high_contrast(page: Any) -> None:
    button = page.locator('[data-nb-pref="contrast"]')
    button.click()
    assert page.get_attribute("html", "data-nb-contrast") == "high"
    assert button.get_attribute("aria-pressed") == "true"


@pytest.mark.parametrize(("name", "mode", "viewport"), CASES)
def test_no_serious_axe_violation(open_page: Open, a11y_base: str, a11y_data: Path,
                                  name: str, mode: str, viewport: str) -> None:
    site = a11y_data.parent / "site"
    scheme, high_contrast, forced = MODES[mode]
    page = open_page(page_url(name, a11y_base, site), scheme, VIEWPORTS[viewport], forced_colors=forced)
    if forced == "active":
        assert page.evaluate("matchMedia('(forced-colors: active)').matches")
    if high_contrast:
        press_high_contrast(page)
    if name == "search":
        open_search(page, "行政复议")
    if name == "checks-warning":
        panel = page.locator("section.nb-checks")
        assert panel.locator(".nb-check--warn").count() >= 1, "the 2022 report shows no warning"
        panel.scroll_into_view_if_needed()
    found = run_axe(page)
    screenshot(page, f"axe-{name}-{mode}-{viewport}.png")
    (ARTIFACTS / f"axe-{name}-{mode}-{viewport}.json").write_text(
        json.dumps(found, ensure_ascii=False, indent=1), encoding="utf-8")
    assert_no_serious(found)


def test_the_axe_check_can_fail(open_page: Open, a11y_base: str) -> None:
    """A deliberately faint paragraph (#aaa on white, 2.3:1) is a serious violation, and the check
    that every page above passes fails on it, naming the rule and the element."""
    page = open_page(f"{a11y_base}{WANGGANG}/2020/")
    page.evaluate("""() => {
      const p = document.createElement('p');
      p.id = 'nb-faint';
      p.textContent = '对比度过低的示例文字';
      p.style.cssText = 'color: #aaa; background: #fff';
      document.querySelector('.md-content article').prepend(p);
    }""")
    found = run_axe(page)
    contrast = [v for v in serious(found) if v["id"] == "color-contrast"]
    assert contrast and any(n["target"] == ["#nb-faint"] for n in contrast[0]["nodes"]), describe(found)
    with pytest.raises(AssertionError, match=r"serious color-contrast.*\n.*#nb-faint"):
        assert_no_serious(found)


def test_axe_cannot_be_added_as_an_inline_script(open_page: Open, a11y_base: str) -> None:
    """Why run_axe evaluates the file: the pages' policy refuses an inline <script>, as it should."""
    page = open_page(a11y_base)
    with pytest.raises(Exception, match="Content Security Policy"):
        page.add_script_tag(path=str(AXE))
    assert page.evaluate("typeof window.axe") == "undefined"


# ---------- keyboard ----------

# The element that has focus, once every transition it started has run (Material fades the skip
# link in): where it is, how big, whether it is shown. Awaits the transitions, no fixed delay.
FOCUSED_JS = """
async () => {
  await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const r = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  // What a reader sees at the element's centre: the element itself, or something drawn over it.
  const cx = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
  const cy = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(cx, cy);
  return {
    what: el.outerHTML.slice(0, 160),
    covered: !!top && !el.contains(top) && !top.contains(el),
    coveredBy: top ? top.outerHTML.slice(0, 80) : null,
    x: r.left, y: r.top, w: r.width, h: r.height, right: r.right, bottom: r.bottom,
    vw: innerWidth, vh: innerHeight,
    shown: el.checkVisibility({opacityProperty: true, visibilityProperty: true}),
    opacity: style.opacity,
  };
}
"""


def tab_walk(page: Any, limit: int = 400) -> list[dict[str, Any]]:
    """Press Tab until focus leaves the page or comes back round; every element focused on the way."""
    seen: list[dict[str, Any]] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = page.evaluate(FOCUSED_JS)
        if info is None or (seen and info["what"] == seen[0]["what"]):
            return seen
        seen.append(info)
    pytest.fail(f"Tab did not leave the page after {limit} presses")


def unseen(steps: list[dict[str, Any]]) -> list[str]:
    bad = []
    for s in steps:
        inside = s["x"] >= 0 and s["y"] >= 0 and s["right"] <= s["vw"] + 0.5 and s["bottom"] <= s["vh"] + 0.5
        # A table region taller or wider than the window cannot lie inside it: it is seen when the
        # browser has scrolled its top-left corner into view.
        larger = s["w"] > s["vw"] or s["h"] > s["vh"]
        on_screen = inside or (larger and -0.5 <= s["x"] < s["vw"] and -0.5 <= s["y"] < s["vh"])
        if not (s["w"] > 0 and s["h"] > 0 and on_screen and s["shown"] and not s["covered"]):
            cover = s["coveredBy"] if s["covered"] else "-"
            bad.append(f"{s['what']} at x={s['x']:.0f} y={s['y']:.0f} size={s['w']:.0f}×{s['h']:.0f} "
                       f"shown={s['shown']} opacity={s['opacity']} covered by {cover}")
    return bad


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_tab_reaches_only_what_is_seen(open_page: Open, a11y_base: str, viewport: str) -> None:
    """Every Tab stop of a report is on screen, not zero-sized, not hidden, not covered: at 390 px
    (drawer closed, menu button first) and at 1366 px (sidebars shown)."""
    phone = viewport == "phone"
    page = open_page(f"{a11y_base}{WANGGANG}/2020/", "light", VIEWPORTS[viewport], is_mobile=phone, has_touch=phone)
    steps = tab_walk(page)
    assert len(steps) > 10, steps
    # Every ¶ permalink is named in Chinese, as everything a reader meets.
    assert not [s["what"] for s in steps if "Permanent link" in s["what"]]
    bad = unseen(steps)
    assert not bad, f"{len(bad)} of {len(steps)} Tab stops are off screen, empty or hidden:\n" + "\n".join(bad)
    # The header's controls are all stops, in reading order; on a phone the menu first.
    header = [s["what"] for s in steps if "md-header__button" in s["what"]]
    assert any('data-nb-pref="text"' in h for h in header) and any('data-nb-pref="contrast"' in h for h in header)
    if phone:
        assert 'for="__drawer"' in header[0], header
        assert any('for="__search"' in h for h in header), header


def test_tab_walk_fails_on_an_element_off_screen(open_page: Open, a11y_base: str) -> None:
    """The walk above can fail: a link pushed off the left edge, as the closed drawer's were, is named."""
    page = open_page(f"{a11y_base}{WANGGANG}/2020/", "light", PHONE, is_mobile=True, has_touch=True)
    page.evaluate("""() => {
      const a = document.createElement('a');
      a.href = '#'; a.textContent = '屏幕外的链接';
      a.style.cssText = 'position: fixed; left: -300px; top: 100px';
      document.querySelector('.md-content article').prepend(a);
    }""")
    bad = unseen(tab_walk(page))
    assert any("屏幕外的链接" in b for b in bad), bad


def test_menu_button_works_from_the_keyboard(open_page: Open, a11y_base: str) -> None:
    """Below 1220 px: Tab reaches the menu button; Enter opens the drawer and moves the focus into it,
    where every stop is on screen; Escape closes it and gives the focus back; Space opens it too."""
    page = open_page(f"{a11y_base}{WANGGANG}/2020/", "light", PHONE, is_mobile=True, has_touch=True)
    menu = page.locator('.md-header label[for="__drawer"]')
    drawer = page.locator("#__drawer")
    for _ in range(5):
        page.keyboard.press("Tab")
        if menu.evaluate("el => el === document.activeElement"):
            break
    assert menu.evaluate("el => el === document.activeElement"), "Tab does not reach the menu button"
    assert menu.get_attribute("role") == "button" and menu.get_attribute("aria-label") == "导航菜单"
    expect(menu).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    assert drawer.is_checked()
    expect(menu).to_have_attribute("aria-expanded", "true")
    in_drawer = "!!document.activeElement.closest('.md-sidebar--primary')"
    first = page.evaluate(FOCUSED_JS)
    assert first and page.evaluate(in_drawer), first
    inside = [first]
    for _ in range(3):
        page.keyboard.press("Tab")
        assert page.evaluate(in_drawer)
        inside.append(page.evaluate(FOCUSED_JS))
    assert unseen(inside) == []
    screenshot(page, "drawer-open-phone.png")
    page.keyboard.press("Escape")
    assert not drawer.is_checked()
    assert menu.evaluate("el => el === document.activeElement")
    page.keyboard.press(" ")
    assert drawer.is_checked()
    assert page.evaluate(in_drawer)
    # Tab on past the drawer's last link: the drawer closes, the focus is on the page, in view.
    for _ in range(40):
        page.keyboard.press("Tab")
        if not page.evaluate(in_drawer):
            break
    assert not drawer.is_checked()
    assert unseen([page.evaluate(FOCUSED_JS)]) == []


def test_palette_toggle_works_from_the_keyboard(open_page: Open, a11y_base: str) -> None:
    page = open_page(f"{a11y_base}{WANGGANG}/2020/", "light", DESKTOP)
    # The radios are out of the Tab order: the one visible label is the stop.
    assert page.locator("input.md-option").evaluate_all("rs => rs.every(r => r.tabIndex === -1)")
    toggle = page.locator("form[data-md-component=palette] label:visible")
    expect(toggle).to_have_count(1)
    expect(toggle).to_have_accessible_name("切换到深色模式")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    # The pressed label hides; the focus is on the one shown in its place.
    expect(page.locator("form[data-md-component=palette] label:visible")).to_have_accessible_name("切换到浅色模式")
    assert page.evaluate("document.activeElement.getAttribute('title')") == "切换到浅色模式"
    page.keyboard.press(" ")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")


# ---------- 大字 and 高对比 ----------


def root_px(page: Any) -> float:
    return float(page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)"))


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_larger_text_steps_and_is_remembered(open_page: Open, a11y_base: str, viewport: str) -> None:
    page = open_page(f"{a11y_base}{WANGGANG}/2020/", "light", VIEWPORTS[viewport])
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    button = page.locator('[data-nb-pref="text"]')
    expect(button).to_be_visible()
    expect(button).to_have_accessible_name("大字：标准")
    expect(button).to_have_attribute("aria-pressed", "false")
    sizes = [root_px(page)]
    names = ["大字：大", "大字：特大"]
    for name in names:
        button.focus()
        page.keyboard.press("Enter")  # a real <button>: the keyboard works as the mouse does
        expect(button).to_have_accessible_name(name)
        expect(button).to_have_attribute("aria-pressed", "true")
        sizes.append(root_px(page))
    assert sizes[0] < sizes[1] < sizes[2], sizes
    # At 特大 nothing spills sideways, the header included (phones: menu, title, both buttons, …).
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), "page overflows at 特大"
    header = page.locator(".md-header__inner").evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert header[0] <= header[1], f"header overflows at 特大: {header}"
    screenshot(page, f"text-largest-{viewport}.png")
    page.reload(wait_until="networkidle")
    assert root_px(page) == sizes[2], "大字 is not remembered across a reload"
    expect(button).to_have_accessible_name("大字：特大")
    button.click()  # the third press goes back to 标准
    assert root_px(page) == sizes[0]
    expect(button).to_have_attribute("aria-pressed", "false")
    assert errors == []


def page_colours(page: Any) -> list[str]:
    return page.evaluate("""() => [getComputedStyle(document.body).backgroundColor,
                                   getComputedStyle(document.querySelector('.md-typeset')).color]""")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_high_contrast_switches_the_scheme_and_is_remembered(open_page: Open, a11y_base: str, scheme: str) -> None:
    page = open_page(f"{a11y_base}{WANGGANG}/2020/", scheme, PHONE)
    button = page.locator('[data-nb-pref="contrast"]')
    expect(button).to_have_accessible_name("高对比")
    expect(button).to_have_attribute("aria-pressed", "false")
    before = page_colours(page)
    button.focus()
    page.keyboard.press(" ")
    expect(button).to_have_attribute("aria-pressed", "true")
    pure = ["rgb(255, 255, 255)", "rgb(0, 0, 0)"] if scheme == "light" else ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
    assert page_colours(page) == pure != before
    # The row labels follow the scheme's page colour (they stayed white in dark mode once).
    # What is drawn behind the label: its own background, or (transparent, as in the phone's row
    # cards) the first ancestor's that has one.
    label_bg = page.locator("th.nb-label").first.evaluate("""el => {
        for (let e = el; e; e = e.parentElement) {
            const bg = getComputedStyle(e).backgroundColor;
            if (bg !== "rgba(0, 0, 0, 0)" && bg !== "transparent") return bg;
        }
        return null;
    }""")
    assert label_bg == pure[0]
    screenshot(page, f"high-contrast-{scheme}-phone.png")
    page.reload(wait_until="networkidle")
    assert page.get_attribute("html", "data-nb-contrast") == "high"
    assert page_colours(page) == pure
    page.locator('[data-nb-pref="contrast"]').click()
    assert page.get_attribute("html", "data-nb-contrast") is None
    assert page_colours(page) == before


def test_dark_row_labels_take_the_dark_page_colour(open_page: Open, a11y_base: str) -> None:
    page = open_page(f"{a11y_base}{WANGGANG}/2020/", "dark", DESKTOP)
    body_bg, label_bg = page.evaluate("""() => [getComputedStyle(document.body).backgroundColor,
        getComputedStyle(document.querySelector('th.nb-label')).backgroundColor]""")
    assert label_bg == body_bg != "rgb(255, 255, 255)"


def test_system_high_contrast_turns_it_on(chromium: Any, a11y_base: str) -> None:
    """No choice stored yet: a system asking for more contrast gets 高对比 by itself."""
    context = chromium.new_context(viewport=DESKTOP, locale="zh-CN", contrast="more")
    try:
        page = context.new_page()
        page.goto(f"{a11y_base}{WANGGANG}/2020/", wait_until="networkidle")
        assert page.get_attribute("html", "data-nb-contrast") == "high"
        expect(page.locator('[data-nb-pref="contrast"]')).to_have_attribute("aria-pressed", "true")
    finally:
        context.close()


def test_without_javascript_no_dead_controls(chromium: Any, a11y_base: str) -> None:
    """Without JavaScript the toggles are not shown (they would do nothing); the page reads as usual."""
    context = chromium.new_context(viewport=PHONE, locale="zh-CN", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{a11y_base}{WANGGANG}/2020/", wait_until="networkidle")
        expect(page.locator("[data-nb-prefs]")).to_be_hidden()
        expect(page.locator("table.nb-table").first).to_be_visible()
        assert page.get_attribute("html", "data-nb-text") is None
        # The menu still opens by touch, as Material built it (a label for a checkbox, no script).
        page.locator('.md-header label[for="__drawer"]').click()
        assert page.locator("#__drawer").is_checked()
        expect(page.locator(".md-sidebar--primary .md-nav__link").first).to_be_visible()
    finally:
        context.close()


# ---------- one set of colour variables ----------

COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(|\b(?:white|black)\b", re.I)
RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")


def without_block(css: str, opening: str) -> str:
    """css without the at-rule block that starts with `opening` (braces matched)."""
    start = css.find(opening)
    if start < 0:
        return css
    depth, i = 0, css.index("{", start)
    while True:
        depth += {"{": 1, "}": -1}.get(css[i], 0)
        if depth == 0:
            return css[:start] + css[i + 1:]
        i += 1


def stray_colours(css: str) -> list[str]:
    """Colours written anywhere but in a custom property of a scheme block ([data-md-color-scheme…])."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    # Paper is black on white whatever the screen's scheme: print keeps its own colours.
    css = without_block(css, "@media print")
    stray = []
    for selector, body in RULE.findall(css):
        for declaration in body.split(";"):
            prop, _, value = declaration.partition(":")
            if not COLOUR.search(value):
                continue
            if not (prop.strip().startswith("--") and "[data-md-color-scheme" in selector):
                stray.append(f"{selector.strip()} {{ {declaration.strip()} }}")
    return stray


def test_every_colour_is_a_scheme_variable() -> None:
    css = (REPO / "docs" / "assets" / "nianbao.css").read_text(encoding="utf-8")
    assert stray_colours(css) == []
    # The scan can fail: a colour written into a rule, or a variable set outside a scheme, is named.
    assert stray_colours(".a { color: #fff; }\n:root { --x: rgb(0 0 0); }\n@media print { .b { color: #000 } }") == [
        ".a { color: #fff }", ":root { --x: rgb(0 0 0) }"]
    # Each scheme sets every variable the others set: none falls back to another scheme's value.
    blocks: dict[str, set[str]] = {}
    for selector, body in RULE.findall(re.sub(r"/\*.*?\*/", "", css, flags=re.S)):
        if "[data-md-color-scheme=" in selector:
            names = {d.partition(":")[0].strip() for d in body.split(";") if d.strip().startswith("--")}
            blocks.setdefault(selector.strip(), set()).update(names)
    nb = {name for names in blocks.values() for name in names if name.startswith("--nb-")}
    assert len(blocks) == 4, list(blocks)
    assert all(nb <= names for names in blocks.values()), {s: sorted(nb - n) for s, n in blocks.items()}
