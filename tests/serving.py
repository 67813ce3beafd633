"""A real `mkdocs serve` of a copy of the project, for tests (a helper module, not a test module).

Everything awaited is polled with a generous overall timeout: the machine is shared, and how fast
the preview answers is measured by bench/serve_errors.py, not asserted.
"""

from __future__ import annotations

import html
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from nbdata import DATA, REPO, WANGGANG, copy_data

from nianbao.catalogue import site as words

TIMEOUT = 180.0  # seconds, overall, for each thing awaited
REPORT = f"{WANGGANG}/2020/"
# An edit that breaks the 王岗镇 report (T4.1: 行政复议's 总计 is no longer the sum of its results).
GOOD, BROKEN = "review: [1, 1, 0, 0, 2]", "review: [1, 1, 0, 0, 3]"
DATA_FAILURE = words.PREVIEW_TITLE(reason=words.PREVIEW_DATA_ERRORS(mode=""))
REAL_PAGE = "王岗镇人民政府 2020 年度政府信息公开工作年度报告"


@dataclass
class Answer:
    status: int
    text: str


@dataclass
class Preview:
    url: str
    project: Path
    proc: subprocess.Popen[bytes]
    log: Path

    @property
    def report(self) -> Path:
        return self.project / "data" / WANGGANG / "2020.yml"

    def get(self, path: str) -> Answer | None:
        """One plain HTTP request; None while the server is not up (or the request times out)."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=10) as response:
                return Answer(response.status, response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:  # a 404 still has a page
            return Answer(exc.code, exc.read().decode("utf-8"))
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            return None

    def wait_for(self, path: str, ok: Callable[[Answer], bool], what: str) -> Answer:
        deadline = time.monotonic() + TIMEOUT
        last = None
        while time.monotonic() < deadline:
            self.alive()
            answer = self.get(path)
            if answer is not None:
                last = answer
                if ok(answer):
                    return answer
            time.sleep(0.1)
        shown = f"{last.status}\n{last.text[:3000]}" if last else "no answer"
        pytest.fail(f"{path} did not show {what} within {TIMEOUT:.0f} s; last answer: {shown}\n{self.output()}")

    def alive(self) -> None:
        if self.proc.poll() is not None:
            pytest.fail(f"mkdocs serve exited with {self.proc.returncode}:\n{self.output()}")

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-6000:]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def project_copy(tmp_path: Path) -> Path:
    """The site's project (mkdocs.yml, docs/, hooks/) with a copy of data/; nianbao itself is the
    installed package."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy2(REPO / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("docs", "hooks"):
        shutil.copytree(REPO / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (project / "nianbao").mkdir()  # mkdocs.yml watches it
    copy_data(DATA, project)
    return project


@contextmanager
def serving(project: Path) -> Iterator[Preview]:
    """`mkdocs serve` of project on a free local port, with `make serve`'s options (--dirty: rebuilt
    in place)."""
    mkdocs = Path(sys.executable).with_name("mkdocs")
    cmd = [str(mkdocs)] if mkdocs.exists() else [sys.executable, "-m", "mkdocs"]
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("NIANBAO_")}
    env.update(NO_MKDOCS_2_WARNING="1", NIANBAO_LANG="zh")
    log = project.parent / "serve.log"
    with log.open("wb") as out:
        # cwd = the project, as the Makefile runs mkdocs.
        proc = subprocess.Popen([*cmd, "serve", "--dirty", "-a", f"127.0.0.1:{port}"], cwd=project, env=env,
                                stdout=out, stderr=subprocess.STDOUT)
        try:
            yield Preview(f"http://127.0.0.1:{port}/", project, proc, log)
        finally:
            proc.send_signal(signal.SIGINT)  # serve's own shutdown: it removes its temporary site
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def is_failure(title: str) -> Callable[[Answer], bool]:
    return lambda answer: f"<h1>{html.escape(title)}</h1>" in answer.text


def is_real(answer: Answer) -> bool:
    return answer.status == 200 and 'class="md-content"' in answer.text and REAL_PAGE in answer.text
