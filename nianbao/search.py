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

import asyncio
import json
import re
from collections.abc import Iterable
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

from .catalogue import site as words

INDEX_DIR = "pagefind"
MANIFEST = "search.json"
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


def _url(relative: str) -> str:
    """The address Pagefind gives a page: its folder for index.html, as the CLI does."""
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative[: -len("index.html")]
    return "/" + relative


def _other_pages(site_dir: Path, years: Iterable[int]) -> list[str]:
    shown = {str(y) for y in years}
    out = []
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        if relative.startswith(INDEX_DIR + "/"):
            continue
        match = _REPORT_PAGE.fullmatch(relative)
        if match is None or match.group(1) not in shown:
            out.append(relative)
    return out


def _config(output: Path) -> IndexConfig:
    # The index is written where output says when the context closes (and only then: an error
    # inside it writes nothing).
    return IndexConfig(exclude_selectors=list(EXCLUDE_SELECTORS), output_path=str(output))


async def _build(site_dir: Path, years: list[int]) -> None:
    async with PagefindIndex(_config(site_dir / INDEX_DIR)) as index:
        for relative in _other_pages(site_dir, years):
            html = (site_dir / relative).read_text(encoding="utf-8")
            await index.add_html_file(content=html, url=_url(relative))
    for year in years:
        async with PagefindIndex(_config(site_dir / INDEX_DIR / str(year))) as index:
            await index.add_directory(str(site_dir), glob=f"*/{year}/index.html")


def index_site(site_dir: Path) -> None:
    """Write site_dir/pagefind/ from the HTML pages in site_dir; raises SearchIndexError when
    Pagefind fails."""
    years = report_years(site_dir)
    try:
        asyncio.run(_build(site_dir, years))
    except Exception as exc:  # the service's own errors, whatever their type
        raise SearchIndexError(words.SEARCH_INDEX_FAILED(error=f"{type(exc).__name__}: {exc}")) from exc
    write_manifest(site_dir, years)
    for name in UNUSED:
        for path in (site_dir / INDEX_DIR).rglob(name):
            path.unlink()
