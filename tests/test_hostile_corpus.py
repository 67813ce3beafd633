"""The hostile corpus (tests/fixtures/hostile, written by its make_corpus.py).

``refused/``: each file gets the error its first line names, from `check` and from the build.
``inert/``: built by MkDocs and opened in Chromium, no page opens a dialog or runs a payload, and
every payload shows as the text it is.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import serve
from nbdata import DATA, REPO, WANGGANG, copy_data

from nianbao.loader import load_data

CORPUS = REPO / "tests" / "fixtures" / "hostile"
REFUSED = sorted((CORPUS / "refused").glob("*.yml"))
EXPECT = re.compile(r"# 预期：(\S+) ?(\S*)\n")


def test_the_corpus_is_what_its_script_writes(tmp_path: Path) -> None:
    copy = tmp_path / "hostile"
    subprocess.run([sys.executable, str(CORPUS / "make_corpus.py"), str(copy)], check=True, cwd=REPO)
    for path in sorted((copy / "refused").iterdir()) + sorted((copy / "inert").rglob("*.yml")):
        committed = CORPUS / path.relative_to(copy)
        assert committed.read_bytes() == path.read_bytes(), f"{committed} is stale: run make_corpus.py"


@pytest.mark.parametrize("case", REFUSED, ids=[p.stem for p in REFUSED])
def test_a_refused_file_gets_its_error(tmp_path: Path, case: Path) -> None:
    text = case.read_text(encoding="utf-8")
    expect = EXPECT.match(text)
    assert expect, f"{case.name}: first line must be '# 预期：rule path'"
    rule, path = expect[1], expect[2]
    data = copy_data(DATA, tmp_path)
    target = data / WANGGANG / ("body.yml" if case.name.startswith("body-") else "2020.yml")
    shutil.copy(case, target)
    found = load_data(data, data.parent).findings.open
    assert any(p.rule == rule and (not path or p.path.startswith(path)) for p in found), \
        "\n\n".join(p.render() for p in found) or "nothing reported"
    for p in found:
        assert len(p.render()) < 2000, "a message quotes a value, never all of it"
    cli = subprocess.run([sys.executable, "-m", "nianbao", "check", str(data)], cwd=tmp_path, capture_output=True,
                         text=True, timeout=120, check=False)
    assert cli.returncode == 1 and "Traceback" not in cli.stderr, cli.stderr[-2000:]
    assert f"[{rule}]" in cli.stdout


# ---------- the inert corpus in a browser ---------------------------------------------------------

FILLERS = 60  # past the home page's limit, so that region pages list the hostile body too


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile-www")
    data = root / "data"
    shutil.copytree(CORPUS / "inert", data)
    # Copies of the hostile body under other folders (names differ: one body per name).
    for i in range(FILLERS):
        copy = data / f"e-zhen-{i:02d}"
        shutil.copytree(data / "e-zhen", copy)
        body = (copy / "body.yml").read_text(encoding="utf-8")
        body = body.replace('name: "恶意镇人民政府', f'name: "恶意镇{i}人民政府')
        (copy / "body.yml").write_text(body, encoding="utf-8")
    env = {**os.environ, "NIANBAO_DATA": str(data), "NO_MKDOCS_2_WARNING": "1", "NIANBAO_SITE_URL": ""}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(root / "www" / "nianbao")],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "www"


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    with serve(hostile_site) as origin:
        yield f"{origin}/nianbao/"


PAGES = ["", "e-zhen/", "e-zhen/2020/", "e-zhen/2021/", "regions/黑龙江省/", "regions/黑龙江省/哈尔滨市/南岗区/",
         "e-zhen-07/2021/", "how-to-read/", "no-such-page/"]
# Payloads the report pages must show as text, exactly as written in the data.
SHOWN = ["<img src=x onerror=alert(1)>", "<script>alert(2)</script>", "{{ 7*7 }}{% raw %}",
         "[点我](javascript:alert(6))", "{: onclick=alert(7) }", "<!-- nianbao:block checks -->"]


# What the page holds that could run: handlers, scripts that are not the theme's files, frames,
# javascript: links. Collected in the page, after the theme's scripts have run.
RUNNABLE_JS = """() => {
  const all = [...document.querySelectorAll('*')];
  return {
    handlers: all.flatMap(e => [...e.attributes].filter(a => a.name.startsWith('on'))
                                 .map(a => e.tagName + ' ' + a.name)),
    scripts: [...document.scripts].filter(s => s.type !== 'application/json' && !/assets\\/javascripts\\//.test(s.src))
               .map(s => s.outerHTML.slice(0, 80)),
    frames: document.querySelectorAll('iframe, frame, object, embed').length,
    links: [...document.links].filter(a => a.protocol === 'javascript:').map(a => a.href),
    images: document.querySelectorAll('article img, article svg image').length,
  };
}"""
WATCH_POLICY = """window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + (e.sample || e.blockedURI)));"""


@pytest.mark.parametrize("bypass_csp", [True, False], ids=["without-the-policy", "with-the-policy"])
def test_no_page_built_from_the_hostile_corpus_runs_a_payload(chromium: Any, hostile_url: str,
                                                              bypass_csp: bool) -> None:
    """Without the Content-Security-Policy a payload that got through would open a dialog; with
    it, the policy would report a violation. Either way, nothing may run."""
    context = chromium.new_context(locale="zh-CN", bypass_csp=bypass_csp)
    context.add_init_script(WATCH_POLICY)
    dialogs: list[str] = []
    page = context.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    shown_text = ""
    for path in PAGES:
        page.goto(hostile_url + path, wait_until="networkidle")
        # Fire the events a payload might hang a handler on, on every element.
        page.evaluate("""() => { for (const e of document.querySelectorAll('body *'))
            for (const t of ['mouseover', 'focus', 'click'])
              if (t !== 'click' || !e.closest('a, button, label, input')) e.dispatchEvent(new Event(t)); }""")
        page.wait_for_timeout(100)
        runnable = page.evaluate(RUNNABLE_JS)
        assert runnable == {"handlers": [], "scripts": [], "frames": 0, "links": [], "images": 0}, path
        assert page.evaluate("window.__violations") == [], f"{path}: the policy blocked a payload"
        if path.endswith(("2020/", "2021/")):
            shown_text += page.inner_text("article")
    # Search renders titles and excerpts of the hostile pages.
    page.goto(hostile_url, wait_until="networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    for query in ("onerror", "恶意镇"):
        box.fill(query)
        for _ in range(20):
            page.keyboard.press("End")
            page.wait_for_timeout(300)
            if page.locator(".md-search-result__item").count():
                break
        assert page.locator(".md-search-result__item").count(), f"search for {query} found none of the pages"
        assert page.evaluate(RUNNABLE_JS)["handlers"] == []
    page.wait_for_timeout(300)
    assert dialogs == [], f"a payload ran: {dialogs}"
    assert page.evaluate("window.__violations") == []
    for payload in SHOWN:
        assert payload in shown_text, f"{payload!r} is not shown as text"
    context.close()
