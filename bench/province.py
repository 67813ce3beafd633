"""Province scale: a sharded build of N synthetic reports, cold and after one edit.

    python bench/province.py 50000 [--jobs 2] [--depth 2] [--keep]

Generates N reports (bench/generate.py), builds them as ``make province`` does (one MkDocs site per
region: the plan of ``python -m nianbao shards --plan``, its shards built ``--jobs`` at a time by
``xargs -P``, then assembled), then changes one number in one report and builds again: only that
report's shard is rebuilt. Prints the wall time, the largest shard, peak RSS of the
largest build process and the site size, and one JSON line.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generate import generate  # noqa: E402

LICENSING = re.compile(r"(?m)^(  licensing: )(\d+)$")


def _run(cmd: list[str], stdin: str | None = None) -> str:
    proc = subprocess.run(cmd, cwd=ROOT, input=stdin, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(proc.stdout[-4000:] + proc.stderr[-4000:])
    return proc.stdout


def shards(data: Path, out: Path, jobs: int, depth: int) -> tuple[float, str]:
    """The plan run as the Makefile's province target runs it; the time and the build lines."""
    # In English: the lines below are parsed by their words ("built", the count of reports fifth).
    nianbao = [sys.executable, "-m", "nianbao", "--lang", "en", "shards", "--plan", str(out.parent / "plan.json")]
    started = time.perf_counter()
    _run([*nianbao, "--data", str(data), "--out", str(out), "--depth", str(depth)])
    log = _run(["xargs", "-r", "-P", str(jobs), "-n", "1", *nianbao, "--build"], stdin=_run([*nianbao, "--pending"]))
    _run([*nianbao, "--assemble"])
    return time.perf_counter() - started, log


def size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("reports", type=int)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--depth", type=int, default=2)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="nianbao-province-"))
    try:
        data, out = work / "data", work / "site"
        started = time.perf_counter()
        generate(data, args.reports)
        print(f"generated {args.reports} reports in {time.perf_counter() - started:.1f} s", flush=True)
        cold, log = shards(data, out, args.jobs, args.depth)
        built = [line for line in log.splitlines() if line.startswith("built")]
        biggest = max((int(line.split()[4]) for line in built), default=0)
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"cold: {cold:.1f} s for {len(built)} shards ({cold / args.reports * 1000:.1f} ms/report), "
              f"largest shard {biggest} reports, peak RSS of one build {rss:.0f} MB, site {size_mb(out):.0f} MB",
              flush=True)
        report = next(p for p in sorted(data.glob("*/2025.yml")) if LICENSING.search(p.read_text("utf-8")))
        text = report.read_text(encoding="utf-8")
        report.write_text(LICENSING.sub(lambda m: m[1] + str(int(m[2]) + 1), text, count=1), encoding="utf-8")
        warm, log = shards(data, out, args.jobs, args.depth)
        rebuilt = [line.split()[1] for line in log.splitlines() if line.startswith("built")]
        print(f"after editing {report.parent.name}/{report.name}: {warm:.1f} s, rebuilt {rebuilt}", flush=True)
        print(json.dumps({"reports": args.reports, "shards": len(built), "seconds": round(cold, 1),
                          "ms_per_report": round(cold / args.reports * 1000, 2), "largest_shard": biggest,
                          "peak_rss_mb": round(rss), "site_mb": round(size_mb(out)),
                          "one_edit_seconds": round(warm, 1), "rebuilt_shards": len(rebuilt)}))
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
