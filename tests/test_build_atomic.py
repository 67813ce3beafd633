"""A build that is killed, or fails, leaves the previous site whole; a build that succeeds replaces it.

Real `mkdocs build` processes on generated data, killed with SIGKILL and SIGTERM at points spread
over a full build's length (measured in the same run, so a slow machine moves the points with it).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]


def manifest(site: Path) -> dict[str, str]:
    # sitemap.xml.gz holds its time of writing in the gzip header; sitemap.xml has its content.
    # The search index's files are named by their content, and its metadata and filters come in an
    # order of their own from run to run: its fragments (each page's text) are compared by page.
    def digest(data: bytes) -> str:
        return hashlib.blake2b(data, digest_size=16).hexdigest()

    files = {str(p.relative_to(site)): digest(p.read_bytes()) for p in sorted(site.rglob("*"))
             if p.is_file() and p.name != "sitemap.xml.gz" and p.relative_to(site).parts[0] != "pagefind"}
    for p in site.glob("pagefind/**/fragment/*.pf_fragment"):
        fragment = gzip.decompress(p.read_bytes())
        files[f"search: {json.loads(fragment[12:])['url']}"] = digest(fragment)
    return files


def start(project: Path, data: Path, site: Path, *extra: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NIANBAO_DATA": str(data), "NO_MKDOCS_2_WARNING": "1", "NIANBAO_SITE_URL": ""}
    return subprocess.Popen([*MKDOCS, "build", "-f", str(project / "mkdocs.yml"), "-d", str(site), *extra],
                            cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def build(project: Path, data: Path, site: Path, *extra: str) -> subprocess.CompletedProcess[bytes]:
    proc = start(project, data, site, *extra)
    _, err = proc.communicate(timeout=600)
    return subprocess.CompletedProcess(proc.args, proc.returncode, b"", err)


def leftovers(site: Path) -> list[str]:
    return sorted(p.name for p in site.parent.iterdir() if p.name.startswith(f".{site.name}."))


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated") / "data"
    subprocess.run([sys.executable, str(REPO / "bench" / "generate.py"), str(out), "150"], check=True,
                   capture_output=True)
    return out


def test_a_killed_build_leaves_the_previous_site_whole(tmp_path: Path, data: Path) -> None:
    site = tmp_path / "site"
    first = build(REPO, data, site)
    assert first.returncode == 0, first.stderr.decode()[-2000:]
    before = manifest(site)
    assert len(before) > 150
    # The next build differs: one body's name changes on every page that names it.
    body = next(p for p in sorted(data.iterdir()) if (p / "body.yml").is_file())
    edited = tmp_path / "data"
    shutil.copytree(data, edited)
    text = (edited / body.name / "body.yml").read_text(encoding="utf-8")
    (edited / body.name / "body.yml").write_text(text.replace("name: ", "name: 新", 1), encoding="utf-8")
    started = time.monotonic()
    assert build(REPO, edited, tmp_path / "expected").returncode == 0
    full = time.monotonic() - started
    new = manifest(tmp_path / "expected")
    assert new != before and set(new) == set(before)

    kept = []
    for fraction, how in ((0.05, signal.SIGKILL), (0.3, signal.SIGKILL), (0.6, signal.SIGTERM),
                          (0.85, signal.SIGKILL), (0.97, signal.SIGKILL)):
        proc = start(REPO, edited, site)
        time.sleep(full * fraction)
        proc.send_signal(how)
        proc.wait(timeout=60)
        # The old site whole, or the new one if the build finished before the signal came.
        now = manifest(site)
        assert now in (before, new), f"killed at {fraction:.0%} of a build ({how.name}): a site half built"
        kept.append(now == before)

    assert any(kept), "no kill came before the build had finished: the test proved nothing"
    done = build(REPO, edited, site)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    assert manifest(site) == new
    assert leftovers(site) == [], "the finished build removes what killed builds left"


def test_a_failed_build_leaves_the_previous_site_whole(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "docs", "hooks", "data", "nianbao"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    site = tmp_path / "site"
    assert build(project, REPO / "data", site).returncode == 0
    before = manifest(site)
    # A broken link is a warning MkDocs raises while writing pages: --strict aborts only after
    # every page is written, which is when a build in place would have replaced the site.
    (project / "docs" / "broken.md").write_text("# 坏链接\n\n[不存在](nowhere.md)\n", encoding="utf-8")
    failed = build(project, REPO / "data", site, "--strict")
    assert failed.returncode != 0
    assert b"nowhere.md" in failed.stderr
    assert manifest(site) == before
    assert leftovers(site) == []


@pytest.mark.parametrize("atomic", [True, False])
def test_swap_in_replaces_the_site_and_removes_the_old_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           atomic: bool) -> None:
    from nianbao import sitedir

    if not atomic:  # a system without renameat2: two renames
        monkeypatch.setattr(sitedir, "_exchange", lambda a, b: False)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")
    staging = sitedir.staging_dir(site)
    staging.mkdir()
    (staging / "index.html").write_text("new", encoding="utf-8")
    sitedir.swap_in(staging, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert leftovers(site) == []


def test_only_the_leftovers_of_dead_builds_are_removed(tmp_path: Path) -> None:
    from nianbao import sitedir

    site = tmp_path / "site"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (tmp_path / f".site.building-{dead.pid}").mkdir()
    (tmp_path / f".site.building-{os.getppid()}").mkdir()  # a build still running
    sitedir.remove_stale(site)
    assert leftovers(site) == [f".site.building-{os.getppid()}"]
