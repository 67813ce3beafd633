"""How long `mkdocs serve` takes to show an edited report: save the YAML, poll the page until it changes.

    python bench/serve_latency.py [--reports 1000] [--edits 3] [--data DIR] [--full | --body] [--browser] [--keep]

Generates N valid reports (bench/generate.py) unless --data is given, starts ``mkdocs serve --dirty``
(what ``make serve`` runs: each save rebuilds in place only what changed) on a free local port with
NIANBAO_DATA, waits until the report page is served (the first build), then
edits one report several times and measures, for each edit, the time from saving the file to the
first HTTP response of that report's page that shows the new value.

With --browser the page is open in a headless Chromium (Debian's, as the browser tests use) and
each time runs from saving the file to that page, reloaded by the preview's live-reload script,
showing the new value: what a maintainer sees. Without, it is the first HTTP answer that shows it.

The edit keeps the data valid: it changes 行政许可 本年处理决定数量 in the newest 2021-format report,
a cell no identity reads (so ``python -m nianbao check`` stays clean), to a number found nowhere
else on the page.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "tests"))

from generate import generate  # noqa: E402

from nianbao.datafiles import report_files  # noqa: E402

BIN = Path(sys.executable).parent
MKDOCS = str(BIN / "mkdocs") if (BIN / "mkdocs").exists() else "mkdocs"
LICENSING = re.compile(r"^(  licensing: )(\S+)$", re.M)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            body: bytes = response.read()
            return body.decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def wait_for(url: str, needle: str | None, timeout: float, proc: subprocess.Popen[bytes]) -> float:
    """Seconds until url serves a page containing needle (any page when needle is None)."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if proc.poll() is not None:
            raise SystemExit(f"mkdocs serve exited with {proc.returncode}")
        page = fetch(url)
        if page is not None and (needle is None or needle in page):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise SystemExit(f"timed out after {timeout:.0f} s waiting for {url} to show {needle!r}")


class Browser:
    """The report page open in Chromium; ``wait_for`` polls the page's text, whatever reloads it."""

    def __init__(self, url: str) -> None:
        from browser import CHROMIUM_ARGS, chromium_path  # type: ignore[import-not-found]
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        self.page = self._browser.new_page()
        self.page.goto(url)

    def wait_for(self, needle: str, timeout: float, proc: subprocess.Popen[bytes]) -> float:
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            if proc.poll() is not None:
                raise SystemExit(f"mkdocs serve exited with {proc.returncode}")
            try:
                if needle in self.page.content():
                    return time.perf_counter() - start
            except Exception:  # the page is being reloaded: its content is asked again
                pass
            time.sleep(0.05)
        raise SystemExit(f"timed out after {timeout:.0f} s waiting for the browser to show {needle!r}")

    def close(self) -> None:
        self._browser.close()
        self._playwright.stop()


def _reports(data: Path) -> list[Path]:
    return [p for body in sorted(data.iterdir()) for p in report_files(body)]


def pick_report(data: Path) -> Path:
    """The newest 2021-format report (no later report reads it): a cell changed there breaks nothing."""
    candidates = sorted(_reports(data), key=lambda p: (p.stem, p.parent.name))
    for path in reversed(candidates):
        if 'format: "2021"' in path.read_text(encoding="utf-8"):
            return path
    raise SystemExit("no 2021-format report to edit")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--data", type=Path, help="use this data folder (a copy is edited) instead of generating")
    parser.add_argument("--full", action="store_true",
                        help="plain mkdocs serve (no --dirty): every save rebuilds every page")
    parser.add_argument("--body", action="store_true",
                        help="preview only the edited report's body, as `make serve BODY=<slug>` does")
    parser.add_argument("--browser", action="store_true",
                        help="time until the page open in Chromium shows the edit (not the first HTTP answer)")
    parser.add_argument("--timeout", type=float, default=900)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="nianbao-serve-"))
    data = work / "data"
    if args.data:
        shutil.copytree(args.data, data)
    else:
        generate(data, args.reports)
    count = len(_reports(data))
    report = pick_report(data)
    port = free_port()
    url = f"http://127.0.0.1:{port}/{report.parent.name}/{report.stem}/"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", NIANBAO_DATA=str(data))
    if args.body:
        env["NIANBAO_ONLY"] = report.parent.name
    # Default options otherwise (livereload on): what a maintainer gets from `make serve`.
    cmd = [MKDOCS, "serve", "-f", str(ROOT / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"]
    if not args.full:
        cmd.append("--dirty")
    log = work / "serve.log"
    latencies: list[float] = []
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            first = wait_for(url, None, args.timeout, proc)
            print(f"{count} reports: first build served after {first:.1f} s ({url})", flush=True)
            browser = Browser(url) if args.browser else None
            text = report.read_text(encoding="utf-8")
            original = LICENSING.search(text)
            if original is None:
                raise SystemExit(f"{report}: no licensing row to edit")
            for i in range(args.edits):
                value = str(987601 + i)
                report.write_text(LICENSING.sub(rf"\g<1>{value}", text), encoding="utf-8")
                if browser is not None:
                    seconds = browser.wait_for(f">{value}<", args.timeout, proc)
                else:
                    seconds = wait_for(url, f">{value}<", args.timeout, proc)
                latencies.append(seconds)
                print(f"  edit {i + 1}: {report.parent.name}/{report.name} licensing → {value}: "
                      f"page updated after {seconds:.1f} s", flush=True)
                time.sleep(2)  # let the watcher settle before the next edit
            report.write_text(text, encoding="utf-8")
            if browser is not None:
                browser.close()
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    mode = "make serve" + (f" BODY={report.parent.name}" if args.body else "")
    if args.full:
        mode = "mkdocs serve without --dirty" + (f", NIANBAO_ONLY={report.parent.name}" if args.body else "")
    seen = "the browser showed it" if args.browser else "first HTTP answer showing it"
    print(f"serve latency ({mode}; save → {seen}), {count} reports: "
          f"median {statistics.median(latencies):.1f} s, min {min(latencies):.1f} s, max {max(latencies):.1f} s "
          f"over {len(latencies)} edit(s)")
    if args.keep:
        print(f"kept {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
