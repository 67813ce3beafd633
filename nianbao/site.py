"""From data/ to the site's pages, with no MkDocs involved: load, check, render."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .checks import ReportCheck, check_dataset
from .loader import DataDirError, Dataset, load_data
from .problems import Findings
from .render.indexes import home_listing, region_pages
from .render.pages import Page, body_page, report_page
from .render.rules_page import rules_page

HOME_MARKER = "<!-- nianbao:bodies -->"


@dataclass(frozen=True)
class SiteBuild:
    data: Dataset
    checks: dict[tuple[str, int], ReportCheck]
    pages: tuple[Page, ...]
    home_markdown: str

    @property
    def findings(self) -> Findings:
        return self.data.findings


def check_site(data_dir: Path, root: Path | None = None, bodies: frozenset[str] | None = None,
               docs_dir: Path | None = None) -> tuple[Dataset, dict[tuple[str, int], ReportCheck]]:
    data = load_data(data_dir, root, bodies, docs_dir)
    return data, check_dataset(data)


def build_site(data_dir: Path, root: Path | None = None, only: frozenset[str] = frozenset(),
               load_only: frozenset[str] | None = None, docs_dir: Path | None = None) -> SiteBuild:
    """Load and check data_dir; render every page unless there are errors (then render nothing).

    ``only`` limits the pages to some bodies (a quick preview while editing them); every body is
    still checked, so what builds here builds in full too. ``load_only`` limits what is loaded at
    all (one shard of a province-sized site).
    """
    data, checks = check_site(data_dir, root, load_only, docs_dir)
    if data.findings.errors:
        return SiteBuild(data, checks, (), "")
    pages: list[Page] = []
    by_body = data.reports_by_body()
    bodies = {slug: body for slug, body in data.bodies.items() if not only or slug in only}
    if only and not bodies:
        raise DataDirError(f"no body named {', '.join(sorted(only))} in {data_dir}")
    for slug, body in sorted(bodies.items()):
        reports = by_body[slug]
        years = [r.year for r in reports]
        for report in reports:
            pages.append(report_page(report, body, checks[(slug, report.year)], years))
        pages.append(body_page(slug, body, reports, {r.year: checks[(slug, r.year)] for r in reports}))
    pages += region_pages(bodies, by_body)
    pages.append(rules_page())
    return SiteBuild(data, checks, tuple(pages), home_listing(bodies, by_body))
