"""Benchmark the site build: nianbao against two Markdown baselines and a near-empty floor.

    python bench/run.py 1000,10000 [--keep] [--seed 1] [--skip baseline,tuned,floor,figures,search]
                                   [--baseline-max 3000]

For each size N: generate N valid reports (bench/generate.py), check them (``python -m nianbao
check``: must exit 0 with no warnings), then build these sites from the same data in one run, each
``mkdocs build`` in its own subprocess from the repo root, timed with the wall clock, its CPU
seconds (user + system, with those of the Pagefind processes it runs) and the child's peak RSS
(os.wait4):

- nianbao: the real mkdocs.yml with NIANBAO_DATA pointing at the generated data (its hook writes
  the Pagefind index after the build).
- no figures: nianbao with NIANBAO_FIGURES=0 (no 与上年比较, 历年数据, region 汇总 or open data):
  what those add, as figures_added (nianbao s / this s − 1).
- floor: as many near-empty pages (a title and one line) as nianbao makes reports, plus the
  site's own pages (docs/, with stubs of the pages nianbao's hook adds to the nav: rules, open
  data, keys), body index pages and the home page's listing, out of the nav like nianbao's,
  built with the real mkdocs.yml (theme, features, extensions) and, after the build, the same
  Pagefind index and bundle rewrite as nianbao's hook (bench/site_hook.py): what MkDocs, Material
  and the search cost with no content.
- tuned baseline: the floor's site with each report's full text as Markdown (tables as pipe
  tables, prose as paragraphs) instead of its one line: the same reports in a site tuned as
  nianbao's is (pages out of the nav, navigation.prune, the same search), without nianbao.
- baseline: the same Markdown reports in a plain mkdocs-material site with default settings:
  every page in the nav, Material's default search plugin. What a maintainer would build without
  nianbao. Skipped above --baseline-max reports (its nav makes the build quadratic).

After the builds, each site with a Pagefind index (all but the baseline's) is indexed once more
(nianbao.search.index_site in a subprocess) and its CPU time is printed: the search's share of the
build, so that the ratios can also be given without it (--skip search leaves this out).

Prints one human line per build and two or three per size (wall clock, CPU seconds, CPU seconds
without the search), and ends each size with one JSON line: reports, seconds, ms_per_report,
vs_baseline (baseline s / nianbao s), vs_tuned_baseline (tuned baseline s / nianbao s), vs_floor
(nianbao s / floor s), peak_rss_mb, site_mb, search_index_mb (the bytes of nianbao's pagefind/
folder: every index and fragment file, already compressed by Pagefind; a reader fetches only the
few a query needs, see bench/search_size.py), search_index_kb_per_report, page_kb (the largest
report page), figures_added, and cpu: the CPU seconds, the three ratios and figures_added in CPU
seconds (on a machine other jobs share, the wall clock of one build can stretch while another's
does not; its CPU seconds vary less), search_seconds (each build's Pagefind step, by build), and
vs_tuned_baseline_without_search and vs_floor_without_search (each build's CPU seconds less its
own search's). A baseline's search index is Material's search/search_index.json (raw, and gzipped:
it is sent whole to every reader). The human lines say "faster than" or "slower than", never a
factor below 1 (the JSON keeps the plain ratios). Generated data and sites go to a temp dir,
removed afterwards unless --keep.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import Generated, generate  # noqa: E402

from nianbao.formats import Node, Table, get_format  # noqa: E402
from nianbao.render.keys_table import KEYS_PAGE  # noqa: E402
from nianbao.render.opendata_page import OPEN_DATA_PAGE  # noqa: E402
from nianbao.render.rules_page import RULES_PAGE  # noqa: E402
from nianbao.search import INDEX_DIR  # noqa: E402

BIN = Path(sys.executable).parent
MKDOCS = str(BIN / "mkdocs") if (BIN / "mkdocs").exists() else "mkdocs"
HOME_MARKER = "<!-- nianbao:bodies -->"
SITE_HOOK = Path(__file__).resolve().parent / "site_hook.py"


@dataclass
class Build:
    name: str
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    site_mb: float
    search: str  # what the search index is: "pagefind/", "search_index.json" or "none"
    search_kb: float  # its bytes: the whole pagefind/ folder, or Material's JSON file raw
    search_gz_kb: float  # Material's JSON gzipped (Pagefind's files are compressed already)
    page_kb: float  # largest report page
    page_median_kb: float
    warnings: int
    returncode: int


def run_measured(cmd: list[str], env: dict[str, str], log: Path) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MB, exit code) of one subprocess."""
    seconds, _, rss, code = run_measured_cpu(cmd, env, log)
    return seconds, rss, code


def run_measured_cpu(cmd: list[str], env: dict[str, str], log: Path) -> tuple[float, float, float, int]:
    """(wall seconds, CPU seconds, peak RSS in MB, exit code) of one subprocess. The CPU seconds
    (user + system) include the processes it waited for (Pagefind's), and vary less than the wall
    clock when other jobs share the machine."""
    with log.open("wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, cpu, usage.ru_maxrss / 1024, proc.returncode  # ru_maxrss is in KB on Linux


def search_index(site: Path) -> tuple[str, float, float]:
    """(what, KB, KB gzipped) of a built site's search index: Pagefind's folder (nianbao, the floor,
    the tuned baseline), or Material's search_index.json (the hand-written baseline)."""
    pagefind = site / INDEX_DIR
    if pagefind.is_dir():
        kb = sum(f.stat().st_size for f in pagefind.rglob("*") if f.is_file()) / 1024
        return f"{INDEX_DIR}/", kb, kb
    index = site / "search" / "search_index.json"
    if index.exists():
        raw = index.read_bytes()
        return index.name, len(raw) / 1024, len(gzip.compress(raw, 9)) / 1024
    return "none", 0.0, 0.0


def measure_site(name: str, site: Path, report_pages: list[Path], seconds: float, cpu: float, rss: float,
                 log: Path, code: int) -> Build:
    total = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
    what, kb, gz_kb = search_index(site)
    sizes = [p.stat().st_size for p in report_pages if p.exists()]
    text = log.read_text(encoding="utf-8", errors="replace")
    warnings = len(re.findall(r"^WARNING", text, re.M))
    return Build(name, seconds, cpu, rss, total / 2**20, what, kb, gz_kb,
                 max(sizes, default=0) / 1024, statistics.median(sizes) / 1024 if sizes else 0, warnings, code)


def build(name: str, config: Path, site: Path, env_extra: dict[str, str], logs: Path,
          report_pages: list[Path]) -> Build:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **env_extra)
    log = logs / f"{name}.log"
    seconds, cpu, rss, code = run_measured_cpu([MKDOCS, "build", "-f", str(config), "-d", str(site)], env, log)
    result = measure_site(name, site, report_pages, seconds, cpu, rss, log, code)
    if code != 0:
        print(f"  {name}: mkdocs build failed (exit {code}); see {log}", flush=True)
        print("    " + "\n    ".join(log.read_text(errors="replace").splitlines()[-15:]), flush=True)
    return result


# Run in a subprocess of its own, so that Pagefind's processes are the only children counted; the
# interpreter's start-up is left out (nianbao's hook runs in a process already started).
_INDEX_AGAIN = """
import resource, sys, time
from pathlib import Path
from nianbao.search import index_site
start = time.process_time()
index_site(Path(sys.argv[1]))
children = resource.getrusage(resource.RUSAGE_CHILDREN)
print(time.process_time() - start + children.ru_utime + children.ru_stime)
"""


def index_again(site: Path, log: Path) -> float:
    """CPU seconds of writing a built site's Pagefind index once more (nianbao.search.index_site):
    its own and its Pagefind processes'."""
    proc = subprocess.run([sys.executable, "-c", _INDEX_AGAIN, str(site)], cwd=ROOT, capture_output=True,
                          text=True, check=False)
    log.write_text(proc.stdout + proc.stderr, encoding="utf-8")
    if proc.returncode != 0:
        raise SystemExit(f"indexing {site} again failed; see {log}")
    return float(proc.stdout.strip().splitlines()[-1])


# --- the sites compared -----------------------------------------------------------------------------


def home_listing(made: list[Generated]) -> str:
    """Bodies grouped by region, each linking to its index page (as nianbao's home page does)."""
    by_region: dict[tuple[str, ...], list[Generated]] = {}
    for g in made:
        by_region.setdefault(tuple(g.spec.region), []).append(g)
    out = []
    for region in sorted(by_region):
        out.append(f"### {' / '.join(region)}\n")
        for g in sorted(by_region[region], key=lambda g: g.spec.name):
            latest = g.reports[-1][0]
            out.append(f"- [{g.spec.name}]({g.spec.slug}/index.md)（{g.spec.level}）："
                       f"最新 [{latest} 年度报告]({g.spec.slug}/{latest}.md)")
        out.append("")
    return "\n".join(out)


def body_index(g: Generated) -> str:
    lines = [f"# {g.spec.name}\n", f"{g.spec.level} · {' / '.join(g.spec.region)}\n", "## 年度报告\n"]
    lines += [f"- [{data['title']}]({year}.md)（{data['published']}）" for year, data in reversed(g.reports)]
    return "\n".join(lines) + "\n"


ReportPage = Callable[[Generated, int, dict[str, Any]], str]


def write_tuned_site(made: list[Generated], root: Path, report: ReportPage) -> Path:
    """A site in nianbao's shape and with nianbao's settings, each report's page report(g, year, data):
    the site's own pages (docs/), the home page's listing, a body index page per body and
    <slug>/<year>.md per report (<slug>/<year>/index.html, as nianbao's report pages)."""
    docs = root / "docs"
    shutil.copytree(ROOT / "docs", docs)
    home = docs / "index.md"
    home.write_text(home.read_text(encoding="utf-8").replace(HOME_MARKER, home_listing(made)), encoding="utf-8")
    # The pages nianbao's hook makes for the nav (rules, open data, keys), as stubs: the nav and
    # the guide's links resolve, and the build warns of nothing nianbao's does not.
    for page in (RULES_PAGE, OPEN_DATA_PAGE, KEYS_PAGE):
        (docs / page).write_text(f"# {Path(page).stem}\n", encoding="utf-8")
    # The one anchor into these pages that the guide links to (guide/editing.md).
    (docs / KEYS_PAGE).write_text("# keys\n\n## levels {#levels}\n", encoding="utf-8")
    for g in made:
        folder = docs / g.spec.slug
        folder.mkdir()
        (folder / "index.md").write_text(body_index(g), encoding="utf-8")
        for year, data in g.reports:
            (folder / f"{year}.md").write_text(report(g, year, data), encoding="utf-8")
    config = root / "mkdocs.yml"
    # Inherit the real configuration (theme and its overrides, features with navigation.prune,
    # no search plugin, extensions, validation); nianbao's hook is replaced by its post-build step
    # alone (the Pagefind index), and the generated pages stay out of the sidebar, as the hook
    # keeps nianbao's.
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        "docs_dir: docs\n"
        f"theme:\n  custom_dir: {ROOT / 'hooks' / 'overrides'}\n"
        f"hooks:\n  - {SITE_HOOK}\n"
        "watch: []\n"
        "not_in_nav: |\n  /*/\n",
        encoding="utf-8",
    )
    return config


def floor_page(g: Generated, year: int, data: dict[str, Any]) -> str:
    return f"# {data['title']}\n\n{g.spec.name} {year} 年度。\n"


def write_floor(made: list[Generated], root: Path) -> Path:
    """Near-empty report pages (a title and one line) in nianbao's site: what MkDocs, Material and
    the search cost with no content."""
    return write_tuned_site(made, root, floor_page)


def write_tuned_baseline(made: list[Generated], root: Path) -> Path:
    """The hand-written baseline's Markdown reports in nianbao's site, with nianbao's settings."""
    return write_tuned_site(made, root, lambda g, _year, data: report_markdown(g, data))


def _cells(values: Any, key: str) -> list[Any]:
    node = values
    for part in key.split("."):
        node = node[part]
    return node if isinstance(node, list) else [node]


def _md(value: Any) -> str:
    return "" if value is None else str(value).replace("|", "\\|")


def markdown_table(table: Table, values: dict[str, Any]) -> str:
    """A statutory table as Markdown pipe tables (one per block), with the same numbers."""
    out = [f"### 表：{table.caption}\n"]
    for block in table.blocks:
        columns = block.leaf_columns
        if block.layout == "side_by_side":
            leaves = [(k, n) for row in block.rows for k, n in row.leaves()]
            header = [f"{n.label}：{c.label}" for _, n in leaves for _, c in columns]
            cells = [_md(v) for k, _ in leaves for v in _cells(values, k)]
            out += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header), "| " + " | ".join(cells) + " |", ""]
            continue
        if block.band:
            out.append(f"**{block.band}**\n")
        header = [block.corner or "项目"] + [c.label for _, c in columns]
        out += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]

        out += _row_lines(block.rows, "", values, len(columns))
        out.append("")
    return "\n".join(out) + "\n"


def _row_lines(nodes: tuple[Node, ...], prefix: str, values: Any, width: int) -> list[str]:
    lines = []
    for node in nodes:
        key = f"{prefix}.{node.key}" if prefix else node.key
        if node.children:
            lines.append(f"| **{node.label}** |" + " |" * width)
            lines += _row_lines(node.children, key, values, width)
        else:
            lines.append(f"| {node.label} | " + " | ".join(_md(v) for v in _cells(values, key)) + " |")
    return lines


def _paragraphs(text: str | None) -> str:
    return "\n\n".join(line for line in (text or "").splitlines() if line.strip()) + "\n"


def report_markdown(g: Generated, data: dict[str, Any]) -> str:
    fmt = get_format(data["format"])
    contact = g.body["contact"]
    md = [f"# {data['title']}\n", f"发布日期：{data['published']}　发布机构：{data['signed_by']}\n",
          _paragraphs(data.get("preamble"))]
    for part in fmt.parts:
        given = data["parts"].get(part.key)
        if given:
            md.append(f"## {part.key}、{given['heading']}\n")
            md.append(_paragraphs(given.get("text")))
            for section in given.get("sections", []):
                md.append(f"### {section['heading']}\n")
                md.append(_paragraphs(section.get("text")))
            fees = given.get("fees")
            if fees:
                md.append(f"信息处理费：发出收费通知 {fees['notices_count']} 件，"
                          f"金额 {fees['notices_amount_yuan']} 元，实际收取 {fees['collected_amount_yuan']} 元。\n")
        if part.table:
            md.append(markdown_table(fmt.table(part.table), data[part.table]))
    md.append(f"{data['signed_by']}\n\n{data['published']}\n")
    md.append("## 联系方式\n")
    md += [f"- {label}：{contact[key]}" for key, label in (("office", "承办机构"), ("address", "地址"),
           ("postcode", "邮编"), ("phone", "电话"), ("email", "电子邮箱")) if key in contact]
    return "\n\n".join(md) + "\n"


def write_baseline(made: list[Generated], root: Path) -> Path:
    docs = root / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# 政府信息公开工作年度报告\n\n" + home_listing(made), encoding="utf-8")
    for g in made:
        folder = docs / g.spec.slug
        folder.mkdir()
        (folder / "index.md").write_text(body_index(g), encoding="utf-8")
        for year, data in g.reports:
            (folder / f"{year}.md").write_text(report_markdown(g, data), encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text("site_name: 政府信息公开工作年度报告\ntheme:\n  name: material\nplugins:\n  - search\n",
                      encoding="utf-8")
    return config


# --- one size -----------------------------------------------------------------------------------------


def search_words(b: Build, reports: int) -> str:
    if b.search == "none":
        return "no search index"
    if b.search == f"{INDEX_DIR}/":
        return (f"search index {b.search} {b.search_kb / 1024:.1f} MB "
                f"({b.search_kb / reports:.1f} KB/report)")
    return (f"search index {b.search} {b.search_kb / 1024:.1f} MB raw, {b.search_gz_kb / 1024:.2f} MB gz "
            f"({b.search_gz_kb / reports:.2f} KB gz/report)")


def faster(other: float, ours: float) -> str:
    """"2.5× faster than" or, when nianbao is the slower, "2.5× slower than" (never "0.4× faster")."""
    return f"{other / ours:.2f}× faster than" if other >= ours else f"{ours / other:.2f}× slower than"


def human(b: Build, reports: int) -> str:
    return (f"  {b.name:<14} {b.seconds:7.1f} s  {b.seconds / reports * 1000:6.1f} ms/report  "
            f"CPU {b.cpu_seconds:6.1f} s  "
            f"peak RSS {b.peak_rss_mb:6.0f} MB  site {b.site_mb:7.1f} MB  {search_words(b, reports)}  "
            f"report page {b.page_median_kb:5.1f} KB median, {b.page_kb:5.1f} KB max  "
            f"{b.warnings} warning(s){'' if b.returncode == 0 else f'  FAILED (exit {b.returncode})'}")


def run_size(n: int, work: Path, args: argparse.Namespace) -> dict[str, Any]:
    work.mkdir(parents=True, exist_ok=True)
    logs = work / "logs"
    logs.mkdir(exist_ok=True)
    data_dir = work / "data"
    t = time.perf_counter()
    made = generate(data_dir, n, seed=args.seed)
    pages = [(g.spec.slug, year) for g in made for year, _ in g.reports]
    print(f"{n} reports: generated {len(made)} bodies in {time.perf_counter() - t:.1f} s", flush=True)

    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    # The summary line is matched in English: the words of a clean check are stable there.
    seconds, rss, code = run_measured([sys.executable, "-m", "nianbao", "check", str(data_dir)],
                                      dict(env, NIANBAO_LANG="en"), logs / "check.log")
    summary = (logs / "check.log").read_text(encoding="utf-8").strip().splitlines()[-1]
    print(f"  check    {seconds:7.1f} s  peak RSS {rss:6.0f} MB  exit {code}: {summary}", flush=True)
    if code != 0 or " 0 error(s), 0 warning(s)" not in summary:
        raise SystemExit(f"generated data does not pass `python -m nianbao check` cleanly; see {logs / 'check.log'}")

    results: dict[str, Build] = {}

    def run(key: str, name: str, config: Path, env_extra: dict[str, str]) -> None:
        site = work / f"site-{key}"
        results[key] = build(name, config, site, env_extra, logs, [site / s / str(y) / "index.html" for s, y in pages])
        print(human(results[key], n), flush=True)

    run("nianbao", "nianbao", ROOT / "mkdocs.yml", {"NIANBAO_DATA": str(data_dir)})
    if "figures" not in args.skip:
        # The same build without what is made from figures across reports (与上年比较, 历年数据,
        # the region 汇总, the open data): their added cost, in this run.
        run("no_figures", "no figures", ROOT / "mkdocs.yml", {"NIANBAO_DATA": str(data_dir), "NIANBAO_FIGURES": "0"})
    if "floor" not in args.skip:
        run("floor", "floor", write_floor(made, work / "floor"), {})
    if "tuned" not in args.skip:
        run("tuned", "tuned baseline", write_tuned_baseline(made, work / "tuned"), {})
    if "baseline" not in args.skip and n <= args.baseline_max:
        run("baseline", "baseline", write_baseline(made, work / "baseline"), {})
    elif "baseline" not in args.skip:
        print(f"  baseline skipped: {n} > --baseline-max {args.baseline_max} (every page in the nav is quadratic)")

    search: dict[str, float] = {}
    if "search" not in args.skip:
        # The search's share of each build with Pagefind's index: the same index written again
        # over the built site, in CPU seconds. nianbao's hook does not time its own step.
        for key in ("nianbao", "no_figures", "floor", "tuned"):
            if key in results and results[key].search == f"{INDEX_DIR}/":
                search[key] = index_again(work / f"site-{key}", logs / f"search-{key}.log")
        print("  search alone (Pagefind over each built site again, CPU s): "
              + ", ".join(f"{results[k].name} {v:.1f} s" for k, v in search.items()), flush=True)

    nb = results["nianbao"]
    base, tuned = results.get("baseline"), results.get("tuned")
    floor, plain = results.get("floor"), results.get("no_figures")
    cpu: dict[str, Any] = {
        "seconds": round(nb.cpu_seconds, 2),
        "vs_baseline": round(base.cpu_seconds / nb.cpu_seconds, 2) if base else None,
        "vs_tuned_baseline": round(tuned.cpu_seconds / nb.cpu_seconds, 2) if tuned else None,
        "vs_floor": round(nb.cpu_seconds / floor.cpu_seconds, 2) if floor else None,
        "figures_added": round(nb.cpu_seconds / plain.cpu_seconds - 1, 3) if plain else None,
    }
    if "nianbao" in search:
        # What is left of each build without its search: the pages themselves.
        own = nb.cpu_seconds - search["nianbao"]
        cpu["search_seconds"] = {k: round(v, 2) for k, v in search.items()}
        if tuned and "tuned" in search:
            cpu["vs_tuned_baseline_without_search"] = round((tuned.cpu_seconds - search["tuned"]) / own, 2)
        if floor and "floor" in search:
            cpu["vs_floor_without_search"] = round(own / (floor.cpu_seconds - search["floor"]), 2)
    line = {
        "reports": n,
        "seconds": round(nb.seconds, 2),
        "ms_per_report": round(nb.seconds / n * 1000, 2),
        "vs_baseline": round(base.seconds / nb.seconds, 2) if base else None,
        "vs_tuned_baseline": round(tuned.seconds / nb.seconds, 2) if tuned else None,
        "vs_floor": round(nb.seconds / floor.seconds, 2) if floor else None,
        "peak_rss_mb": round(nb.peak_rss_mb, 1),
        "site_mb": round(nb.site_mb, 1),
        "search_index_mb": round(nb.search_kb / 1024, 2),
        "search_index_kb_per_report": round(nb.search_kb / n, 2),
        "page_kb": round(nb.page_kb, 1),
        "figures_added": round(nb.seconds / plain.seconds - 1, 3) if plain else None,
        # The same ratios from CPU seconds: less sensitive to other jobs on the machine.
        "cpu": cpu,
    }
    print(f"{n} reports: nianbao {nb.seconds:.1f} s ({line['ms_per_report']} ms/report)"
          + (f", {faster(base.seconds, nb.seconds)} the baseline ({base.seconds:.1f} s)" if base else "")
          + (f", {faster(tuned.seconds, nb.seconds)} the tuned baseline ({tuned.seconds:.1f} s)" if tuned else "")
          + (f", {line['vs_floor']}× the floor ({floor.seconds:.1f} s)" if floor else "")
          + (f", comparisons, 汇总 and open data add {line['figures_added']:.0%} ({plain.seconds:.1f} s without)"
             if plain else "")
          + f"; peak RSS {nb.peak_rss_mb:.0f} MB; site {nb.site_mb:.1f} MB; {search_words(nb, n)}; "
          f"report page {nb.page_kb:.1f} KB max", flush=True)
    print(f"{n} reports, in CPU seconds: nianbao {nb.cpu_seconds:.1f} s"
          + (f", {faster(base.cpu_seconds, nb.cpu_seconds)} the baseline ({base.cpu_seconds:.1f} s)" if base else "")
          + (f", {faster(tuned.cpu_seconds, nb.cpu_seconds)} the tuned baseline ({tuned.cpu_seconds:.1f} s)"
             if tuned else "")
          + (f", {cpu['vs_floor']}× the floor ({floor.cpu_seconds:.1f} s)" if floor else ""), flush=True)
    if "nianbao" in search:
        own = nb.cpu_seconds - search["nianbao"]
        print(f"{n} reports, in CPU seconds without the search: nianbao {own:.1f} s"
              + (f", {faster(tuned.cpu_seconds - search['tuned'], own)} the tuned baseline "
                 f"({tuned.cpu_seconds - search['tuned']:.1f} s)" if tuned and "tuned" in search else "")
              + (f", {cpu['vs_floor_without_search']}× the floor ({floor.cpu_seconds - search['floor']:.1f} s)"
                 if floor and "floor" in search else ""), flush=True)
    failed = [b.name for b in results.values() if b.returncode != 0]
    if failed:
        print(f"{n} reports: build(s) failed, their times are not comparable: {', '.join(failed)}", flush=True)
    print(json.dumps(line, ensure_ascii=False), flush=True)
    return line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="?", default="1000", help="comma-separated report counts, e.g. 1000,10000")
    parser.add_argument("--keep", action="store_true", help="keep the generated data and sites (path printed)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--skip", default="", help="comma-separated: baseline, tuned, floor, figures, search")
    parser.add_argument("--baseline-max", type=int, default=3000,
                        help="skip the hand-written baseline above this many reports (default 3000)")
    parser.add_argument("--dir", type=Path, help="work here instead of a new temp dir (implies --keep)")
    args = parser.parse_args(argv)
    args.skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    sizes = [int(s) for s in args.sizes.replace(" ", ",").split(",") if s]
    work = args.dir or Path(tempfile.mkdtemp(prefix="nianbao-bench-"))
    try:
        for n in sizes:
            run_size(n, work / str(n), args)
    finally:
        if args.keep or args.dir:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
