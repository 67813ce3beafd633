"""`make serve` rebuilds in place (``mkdocs serve --dirty``) and makes again only what an edit
changed (nianbao.memo, nianbao.opendata.in_place, the hook's on_files). What it then serves is
what ``mkdocs build`` writes for the same data: every page and every open-data file, byte for byte
but for the preview's live-reload scripts, and nothing that the build no longer writes.

A real ``mkdocs serve`` on a generated data set large enough for region pages and their 汇总,
through edits that reach further each time: one figure of one report, a body's name (its pages,
its regions' pages, the home page), a save that stops the build and its fix, a report deleted
(its page and open data gone, the year before's page without its link). How fast a save shows is
measured by bench/serve_latency.py.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from serving import DATA_FAILURE, Preview, is_failure, project_copy, serving

from nianbao.datafiles import report_files
from nianbao.render.preview import LIVE_RELOAD_FILE

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generate import generate  # noqa: E402

# What only a preview's pages carry: the site's live-reload file, and the script MkDocs' server puts
# in before </body> of every page it serves.
PREVIEW_ONLY = [re.compile(re.escape(f'<script src="/{LIVE_RELOAD_FILE}" defer></script>')),
                re.compile(r"<script>\s*var livereload = function.*?</script>(?=</body>)", re.S)]
# The search index: a preview writes none (it would cost more than the rebuild), a build must.
NOT_PREVIEWED = ("pagefind/",)


def built(project: Path, url: str, out: Path) -> dict[str, bytes]:
    """``mkdocs build`` of the project as the preview sees it (its address as site_url): file → bytes."""
    mkdocs = Path(sys.executable).with_name("mkdocs")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NIANBAO_")}
    env.update(NO_MKDOCS_2_WARNING="1", NIANBAO_LANG="zh", NIANBAO_SITE_URL=url)
    proc = subprocess.run([str(mkdocs), "build", "-d", str(out)], cwd=project, env=env, capture_output=True,
                          text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
            and not p.relative_to(out).as_posix().startswith(NOT_PREVIEWED)}


def served(preview: Preview, path: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(preview.url + urllib.parse.quote(path), timeout=30) as response:
            status, body = response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()
    if path.endswith(".html"):
        text = body.decode("utf-8")
        for pattern in PREVIEW_ONLY:
            text = pattern.sub("", text)
        body = text.encode("utf-8")
    return status, body


def same_as_built(preview: Preview, project: Path, out: Path, before: dict[str, bytes]) -> dict[str, bytes]:
    """Every file the build writes is served as written; every one the last build wrote and this one
    does not is gone from the preview (a 404). The build's files."""
    files = built(project, preview.url, out)
    differ, gone = [], []
    for path, content in files.items():
        status, body = served(preview, path)
        if path != "404.html" and (status, body) != (200, content):
            differ.append(f"{path}: {status}, {len(body)} bytes served, {len(content)} built")
    for path in sorted(set(before) - set(files)):
        if served(preview, path)[0] != 404:
            gone.append(path)
    assert not differ, f"{len(differ)} of {len(files)} files differ:\n" + "\n".join(differ[:20]) + "\n" + \
        preview.output()
    assert not gone, "still served, no longer built:\n" + "\n".join(gone[:20])
    return files


def test_a_preview_rebuilt_in_place_serves_what_a_build_writes(tmp_path: Path):
    project = project_copy(tmp_path)
    data = project / "data"
    shutil.rmtree(data)
    generate(data, 140, first_year=2024, last_year=2025)  # 70 bodies: the home page lists regions
    bodies = sorted(p for p in data.iterdir() if p.is_dir())
    body = bodies[3]
    reports = report_files(body)
    report = reports[-1]
    with serving(project) as preview:
        files = same_as_built(preview, project, tmp_path / "built-0", {})
        assert any(p.startswith("regions/") for p in files) and f"opendata/{body.name}/2025/cells.csv" in files

        text = report.read_text(encoding="utf-8")
        report.write_text(re.sub(r"^(  licensing: )\S+$", r"\g<1>987654", text, count=1, flags=re.M),
                          encoding="utf-8")
        preview.wait_for(f"{body.name}/{report.stem}/", lambda a: ">987654<" in a.text, "the edited figure")
        files = same_as_built(preview, project, tmp_path / "built-1", files)

        card = body / "body.yml"
        name = re.search(r"^name: (.+)$", card.read_text(encoding="utf-8"), re.M)
        assert name is not None
        card.write_text(card.read_text(encoding="utf-8").replace(name[1], "改名测试局", 1), encoding="utf-8")
        preview.wait_for(f"{body.name}/", lambda a: "改名测试局" in a.text, "the new name")
        files = same_as_built(preview, project, tmp_path / "built-2", files)

        # A save that stops the build: the failure page stands at the pages' addresses (they are put
        # aside); the fix brings the site back as a build writes it.
        good = report.read_text(encoding="utf-8")
        report.write_text(good.replace('format: "2021"', 'format: "2031"', 1), encoding="utf-8")
        failed = is_failure(DATA_FAILURE)
        for path in (f"{body.name}/{report.stem}/", f"{body.name}/", ""):
            preview.wait_for(path, failed, "the failure page")
        report.write_text(good, encoding="utf-8")
        preview.wait_for(f"{body.name}/{report.stem}/", lambda a: a.status == 200 and not failed(a), "the page again")
        files = same_as_built(preview, project, tmp_path / "built-3", files)

        report.unlink()  # the newest: the year before loses its link to it, and nothing else
        preview.wait_for(f"{body.name}/{report.stem}/", lambda a: a.status == 404, "the deleted report's 404")
        same_as_built(preview, project, tmp_path / "built-4", files)
