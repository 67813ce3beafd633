"""`make serve` on data that stops the build: a real ``mkdocs serve`` on a copy of the project answers
the maintainer's report page with the problems, as ``check`` prints them, and the real page once the
file is fixed. Before, the request hung until a build succeeded.

Everything here polls with a generous overall timeout (tests/serving.py): the machine is shared,
and how fast the page comes is measured by bench/serve_errors.py, not asserted. That the page in a
browser switches by itself is tests/test_browser.py's test_serve_reloads_*.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

from nbdata import FIXTURE_2021, SHILI, WANGGANG, copy_data, edit
from serving import BROKEN, DATA_FAILURE, GOOD, REPORT, is_failure, is_real, project_copy, serving

from nianbao.catalogue import messages
from nianbao.catalogue import site as words
from nianbao.render.preview import LIVE_RELOAD_FILE, LIVE_RELOAD_JS, FailurePage
from nianbao.site import build_site, preview_failure

PROBLEM = [
    "data/wanggang-zhen/2020.yml:88: 错误 [T4.1] reviews_litigation.review.total",
    "    规则：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结；行：行政复议",
    "    应为：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 1 + 1 + 0 + 0 = 2",
    "    实为：总计 = 3",
]


def problems_shown(page: str) -> str:
    match = re.search(r"<pre>(.*?)</pre>", page, re.S)
    assert match, page
    return html.unescape(match[1])


def check_output(project: Path) -> str:
    proc = subprocess.run([sys.executable, "-m", "nianbao", "check", "data"], cwd=project, capture_output=True,
                          text=True, check=False, env={**os.environ, "NIANBAO_LANG": "zh"})
    assert proc.returncode == 1, proc.stdout + proc.stderr
    return proc.stdout


def test_a_broken_file_shows_the_problems_and_the_fix_the_page(tmp_path: Path):
    project = project_copy(tmp_path)
    report = project / "data" / WANGGANG / "2020.yml"
    with serving(project) as preview:
        page = preview.wait_for(REPORT, is_real, "the report page").text
        # The site's pages run no inline script, MkDocs' live reload included: its work is done by
        # a file of the site, put in every page of a preview.
        assert f'<script src="/{LIVE_RELOAD_FILE}" defer></script></head>' in page
        script = preview.get(LIVE_RELOAD_FILE)
        assert script is not None and script.status == 200 and script.text == LIVE_RELOAD_JS

        edit(report, GOOD, BROKEN)
        page = preview.wait_for(REPORT, is_failure(DATA_FAILURE), "the failure page").text
        assert "Content-Security-Policy" not in page  # MkDocs' inline script runs here
        shown = problems_shown(page)
        assert "\n".join(PROBLEM) in shown
        # The problems exactly as `python -m nianbao check` prints them.
        assert shown in check_output(project)
        assert f"<p>{html.escape(words.PREVIEW_RELOADS())}</p>" in page
        assert '<html lang="zh-CN">' in page
        # MkDocs' live-reload script went in before </body>: the page reloads after the fix.
        assert re.search(r"<script>\s*var livereload = function.*</script>\s*</body>", page, re.S), page[-2000:]
        # Every address the maintainer may have open says the same: the home page, a docs page, the
        # body's page, and (as the 404 page, with a reload script of its own) any other.
        for path in ("", "about-data/", f"{WANGGANG}/", "rules/"):
            assert problems_shown(preview.wait_for(path, is_failure(DATA_FAILURE), "the failure page").text) == shown
        missing = preview.wait_for("no/such/page/", is_failure(DATA_FAILURE), "the failure page")
        assert missing.status == 404 and problems_shown(missing.text) == shown
        assert f"<script>{LIVE_RELOAD_JS}</script>" in missing.text
        # The terminal says it too, and that the site was not rebuilt.
        assert PROBLEM[0] in preview.output() and "网站没有重新生成" in preview.output()

        edit(report, BROKEN, GOOD)
        preview.wait_for(REPORT, is_real, "the fixed report page")
        home = preview.wait_for("", lambda a: a.status == 200 and 'class="md-content"' in a.text, "the home page")
        assert DATA_FAILURE not in home.text
        # The site's own 404 page again, with the live-reload file (it is served at any depth).
        missing = preview.wait_for("no/such/page/", lambda a: DATA_FAILURE not in a.text, "the 404 page")
        assert missing.status == 404 and f'<script src="/{LIVE_RELOAD_FILE}" defer></script></head>' in missing.text

        # A build that fails for another reason (here mkdocs.yml) is shown too, not left hanging.
        config = project / "mkdocs.yml"
        good_config = config.read_text(encoding="utf-8")
        config.write_text(good_config + "nav: [\n", encoding="utf-8")
        crashed = preview.wait_for(REPORT, is_failure(words.PREVIEW_TITLE(reason=words.PREVIEW_CRASHED())),
                                   "the failure page")
        assert "mkdocs.yml" in problems_shown(crashed.text)
        config.write_text(good_config, encoding="utf-8")
        preview.wait_for(REPORT, is_real, "the report page again")


def test_data_broken_from_the_start_is_served_as_the_problems(tmp_path: Path):
    """No good build to take the addresses from: the data's file names give the report's."""
    project = project_copy(tmp_path)
    report = project / "data" / WANGGANG / "2020.yml"
    edit(report, GOOD, BROKEN)
    with serving(project) as preview:
        page = preview.wait_for(REPORT, is_failure(DATA_FAILURE), "the failure page")
        assert page.status == 200 and "\n".join(PROBLEM) in problems_shown(page.text)
        edit(report, BROKEN, GOOD)
        preview.wait_for(REPORT, is_real, "the fixed report page")


def test_the_failure_page_escapes_what_it_quotes():
    page = FailurePage("<原因>", 'a.yml:1: 错误 [X] <script>alert("x")</script> & </pre>', "1 & 2").html()
    assert "<script>alert" not in page and "</pre> &" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;/pre&gt;" in page
    assert "<h1>" + html.escape(words.PREVIEW_TITLE(reason="<原因>")) + "</h1>" in page
    assert page.rstrip().endswith("</body></html>")


def test_under_strict_a_warning_is_on_the_page_and_says_warnings_count(tmp_path: Path):
    data = copy_data(FIXTURE_2021, tmp_path)
    edit(data / SHILI / "2021.yml", "published: 2022-01-20", "published: 2022-02-01")
    build = build_site(data, tmp_path)
    assert preview_failure(build, strict=False) is None  # a warning alone builds, as `mkdocs build` does
    page = preview_failure(build, strict=True)
    assert page is not None
    assert page.reason == words.PREVIEW_DATA_ERRORS(mode=messages.BUILD_STRICT())
    assert "data/shili-xian-shujuju/2021.yml:5: 警告 [D.1] published\n" in page.problems
    assert page.summary == build.findings.summary()


def test_a_built_site_has_no_live_reload(site_dir: Path):
    """The live-reload file and its script tag are a preview's only: `mkdocs build` leaves them out."""
    assert not (site_dir / LIVE_RELOAD_FILE).exists()
    pages = [site_dir / "index.html", site_dir / WANGGANG / "2020" / "index.html", site_dir / "404.html"]
    assert [p for p in pages if "nianbao-livereload" in p.read_text(encoding="utf-8")] == []
