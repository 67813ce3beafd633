"""The site search's index: Pagefind over the built site, written into it as pagefind/.

Pagefind splits an index into chunks by word and the page texts into fragments, so a reader's
browser fetches only the parts a query needs; its extended binary (the pagefind[extended] wheel,
run here without a network) segments Chinese. What a page offers to the index is marked in the
page itself (nianbao.render.indexing): the theme marks a page's content as the part to index, and
tables, the check panel and the other figures as parts to leave out.

A word's entry in an index still lists every page it is on, and 行政 or 复议 is on every report:
one index for the whole site would make a first search grow with the site. So the reports of each
year are an index of their own (pagefind/<year>/), and pagefind/ holds the other pages (bodies,
regions, the site's own pages). The search box searches pagefind/ and the latest year's reports;
the reader chooses another year, or all of them (nianbao-search.js merges those indexes then).
pagefind/search.json lists the years, latest first, and, on a sharded site (nianbao.shards), the
other shards and their years: the search box merges their indexes too, so one search covers all
shards.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .catalogue import site as words

INDEX_DIR = "pagefind"
MANIFEST = "search.json"
PAGES_DIR = ".nianbao-search-pages"
# Markdown tables (与上年比较, 历年数据, a body's list of reports) carry no attributes; a report's
# prose has no tables. The statutory tables are marked as well (data-pagefind-ignore). The ¶ after
# each heading (its link) is no part of a title.
EXCLUDE_SELECTORS = ("table", ".headerlink")
# Pagefind's ready-made interfaces: the site answers its search box itself (nianbao-search.js, on
# pagefind.js), and a file no page loads is one more to check and serve.
UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js")
# A report's page: <body-slug>/<year>/index.html (nianbao.render.pages.report_uri).
_REPORT_PAGE = re.compile(r"[a-z0-9-]+/([0-9]{4})/index\.html")


class SearchIndexError(RuntimeError):
    pass


def write_manifest(site_dir: Path, years: list[int], others: Iterable[tuple[str, list[int]]] = ()) -> None:
    """pagefind/search.json: this site's years, and the other shards' (their root relative to this
    site's, and their years)."""
    manifest = {"years": years, "others": [{"root": root, "years": ys} for root, ys in others]}
    (site_dir / INDEX_DIR / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


def read_years(site_dir: Path) -> list[int] | None:
    """The years of a site's search index, from its manifest; None without one."""
    try:
        manifest = json.loads((site_dir / INDEX_DIR / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    years = manifest.get("years") if isinstance(manifest, dict) else None
    return [int(y) for y in years] if isinstance(years, list) else None


def link_shards(sites: dict[str, Path]) -> None:
    """One search across shards: each shard's manifest names the others (by slug: sibling
    folders of one output folder) whose index has years."""
    years = {slug: read_years(site) for slug, site in sites.items()}
    for slug, site in sites.items():
        own = years[slug]
        if own is None:
            continue
        write_manifest(site, own, [(f"../{other}/", ys) for other, ys in years.items()
                                   if other != slug and ys is not None])


def report_years(site_dir: Path) -> list[int]:
    """The years of the site's report pages, latest first."""
    years = {int(m.group(1)) for p in site_dir.glob("*/*/index.html")
             if (m := _REPORT_PAGE.fullmatch(p.relative_to(site_dir).as_posix()))}
    return sorted(years, reverse=True)


def _other_pages(site_dir: Path, years: Iterable[int]) -> list[str]:
    shown = {str(y) for y in years}
    out = []
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        if relative.startswith((INDEX_DIR + "/", PAGES_DIR + "/")):
            continue
        match = _REPORT_PAGE.fullmatch(relative)
        if match is None or match.group(1) not in shown:
            out.append(relative)
    return out


def _pagefind(site: Path, output: Path, glob: str | None = None) -> None:
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(output), "--silent"]
    for selector in EXCLUDE_SELECTORS:
        cmd += ["--exclude-selectors", selector]
    if glob is not None:
        cmd += ["--glob", glob]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        output_text = (proc.stdout + proc.stderr).strip()[-4000:]
        raise SearchIndexError(words.SEARCH_INDEX_FAILED(error=f"{proc.returncode}: {output_text}"))


def _link_or_copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:  # another file system, or one without links
        shutil.copyfile(source, target)


def index_site(site_dir: Path) -> None:
    """Write site_dir/pagefind/ from the HTML pages in site_dir; raises SearchIndexError when
    Pagefind fails. Pagefind's command line, not its Python service: the service stalls on a few
    thousand pages handed over one by one."""
    years = report_years(site_dir)
    # The other pages: linked into a folder of their own (the command line takes a folder and a
    # pattern, and no pattern leaves the report pages out), addresses unchanged. Inside the site,
    # so that a build killed meanwhile leaves it nowhere but in the staging folder it discards.
    others = site_dir / PAGES_DIR
    shutil.rmtree(others, ignore_errors=True)
    try:
        for relative in _other_pages(site_dir, years):
            _link_or_copy(site_dir / relative, others / relative)
        runs: list[tuple[Path, Path, str | None]] = [(others, site_dir / INDEX_DIR, None)]
        runs += [(site_dir, site_dir / INDEX_DIR / str(year), f"*/{year}/index.html") for year in years]
        # The runs write folders of their own, and one Pagefind keeps little more than one core
        # busy: they go side by side, one per core.
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            for done in [pool.submit(_pagefind, *run) for run in runs]:
                done.result()  # the first failure, in the runs' order, raises
    finally:
        shutil.rmtree(others, ignore_errors=True)
    write_manifest(site_dir, years)
    for name in UNUSED:
        for path in (site_dir / INDEX_DIR).rglob(name):
            path.unlink()
