"""How long `mkdocs serve` takes to show a broken file's problems, and the page again once it is fixed.

    python bench/serve_errors.py [--rounds 5] [--reports N] [--data DIR] [--body] [--keep]

Starts ``mkdocs serve`` on a free local port (default options, as ``make serve``) with NIANBAO_DATA
on a copy of data/ (or of --data, or N generated valid reports), waits for the first build, then
for each round: breaks one report (its ``format`` becomes a format that does not exist, an error
``check`` reports), and times from the save to the first HTTP response of that report's page that
is the failure page; then restores the file and times from the save to the first response that is
the real page again. Prints each time in ms, then the median and the largest of each.

The times include MkDocs' own wait: its watcher looks at the files every 0.5 s and waits 0.1 s for
more changes before it rebuilds.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate  # noqa: E402
from serve_latency import MKDOCS, ROOT, _reports, fetch, free_port  # noqa: E402

from nianbao.catalogue import site as words  # noqa: E402

FORMAT = re.compile(r'^format: "?(\d{4})"?$', re.M)
FAILURE = f"<h1>{html.escape(words.PREVIEW_TITLE(reason=words.PREVIEW_DATA_ERRORS(mode='')))}</h1>"
REAL = 'class="md-content"'


def wait_for(url: str, needle: str, since: float, timeout: float, proc: subprocess.Popen[bytes]) -> float:
    """Milliseconds from since until url serves a page containing needle."""
    while time.perf_counter() - since < timeout:
        if proc.poll() is not None:
            raise SystemExit(f"mkdocs serve exited with {proc.returncode}")
        page = fetch(url)
        if page is not None and needle in page:
            return (time.perf_counter() - since) * 1000
        time.sleep(0.02)
    raise SystemExit(f"timed out after {timeout:.0f} s waiting for {url} to show {needle!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--reports", type=int, help="generate this many valid reports instead of copying data/")
    parser.add_argument("--data", type=Path, help="use this data folder (a copy is edited) instead of data/")
    parser.add_argument("--body", action="store_true",
                        help="preview only the edited report's body, as `make serve BODY=<slug>` does")
    parser.add_argument("--timeout", type=float, default=900)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="nianbao-serve-errors-"))
    data = work / "data"
    if args.reports:
        generate(data, args.reports)
    else:
        shutil.copytree(args.data or ROOT / "data", data, ignore=shutil.ignore_patterns("_schema"))
    reports = _reports(data)
    report = reports[-1]
    text = report.read_text(encoding="utf-8")
    if not FORMAT.search(text):
        raise SystemExit(f"{report}: no format line to break")
    broken = FORMAT.sub('format: "2031"', text, count=1)
    port = free_port()
    url = f"http://127.0.0.1:{port}/{report.parent.name}/{report.stem}/"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", NIANBAO_DATA=str(data), NIANBAO_LANG="zh")
    env.pop("NIANBAO_ONLY", None)
    if args.body:
        env["NIANBAO_ONLY"] = report.parent.name
    # As `make serve` runs it: rebuilt in place.
    cmd = [MKDOCS, "serve", "--dirty", "-f", str(ROOT / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"]
    shown: list[float] = []
    back: list[float] = []
    log = work / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            first = wait_for(url, REAL, time.perf_counter(), args.timeout, proc)
            print(f"{len(reports)} report(s): first build served after {first / 1000:.1f} s ({url})", flush=True)
            for i in range(args.rounds):
                time.sleep(1)  # let the watcher settle between saves
                report.write_text(broken, encoding="utf-8")
                shown.append(wait_for(url, FAILURE, time.perf_counter(), args.timeout, proc))
                time.sleep(1)
                report.write_text(text, encoding="utf-8")
                back.append(wait_for(url, REAL, time.perf_counter(), args.timeout, proc))
                print(f"  round {i + 1}: broken save → failure page {shown[-1]:.0f} ms; "
                      f"fix → real page {back[-1]:.0f} ms", flush=True)
        finally:
            report.write_text(text, encoding="utf-8")
            proc.send_signal(signal.SIGINT)  # serve's own shutdown removes its temporary site
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    mode = f"make serve BODY={report.parent.name}" if args.body else "make serve"
    print(f"serve errors ({mode}), {len(reports)} report(s), {len(shown)} round(s): "
          f"broken save → failure page median {statistics.median(shown):.0f} ms, max {max(shown):.0f} ms; "
          f"fix → real page median {statistics.median(back):.0f} ms, max {max(back):.0f} ms")
    if args.keep:
        print(f"kept {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
