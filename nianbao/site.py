"""From data/ to the site's pages, with no MkDocs involved: load, check, render.

Also what every site tool says about the data: the text that stops a build, the warnings it logs,
and the home page's body listing spliced in at its marker. The MkDocs hook and
``python -m nianbao pages`` both use these, so the two builds stop, warn and list alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .catalogue import messages
from .checks import ReportCheck, check_dataset
from .loader import DataDirError, Dataset, load_data
from .opendata import open_data_files
from .problems import Findings, report_text
from .render.indexes import home_listing, region_pages
from .render.opendata_page import open_data_page
from .render.pages import Page, body_page, join_cjk_lines, report_page
from .render.rules_page import rules_page, statuses_markdown

HOME_MARKER = "<!-- nianbao:bodies -->"
STATUSES_MARKER = "<!-- nianbao:statuses -->"


@dataclass(frozen=True)
class SiteBuild:
    data: Dataset
    checks: dict[tuple[str, int], ReportCheck]
    pages: tuple[Page, ...]
    home_markdown: str
    # Relative to OPEN_DATA_DIR: path → text of every open-data file (nianbao.opendata).
    open_data: Mapping[str, str] = field(default_factory=dict)

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
        raise DataDirError(messages.NO_SUCH_BODY(names="、".join(sorted(only)), data=data_dir))
    for slug, body in sorted(bodies.items()):
        reports = by_body[slug]
        years = [r.year for r in reports]
        for report in reports:
            pages.append(report_page(report, body, checks[(slug, report.year)], years))
        pages.append(body_page(slug, body, reports, {r.year: checks[(slug, r.year)] for r in reports}))
    pages += region_pages(bodies, by_body)
    pages.append(rules_page())
    open_data = open_data_files(data)
    pages.append(open_data_page(open_data, data))
    return SiteBuild(data, checks, tuple(pages), home_listing(bodies, by_body), open_data)


def failure_text(build: SiteBuild, data_dir: Path, strict: bool) -> str | None:
    """Why the build must stop (errors; warnings too under --strict), or None to go on."""
    findings = build.findings
    failing = findings.failing(strict=strict)
    if not failing:
        return None
    mode = messages.BUILD_STRICT() if any(p.severity == "warning" for p in failing) else ""
    return messages.BUILD_FAILED(data=data_dir.name, mode=mode) + "\n\n" + report_text(failing) + \
        f"\n\n{findings.summary()}"


def warning_messages(build: SiteBuild) -> list[str]:
    """One log line per open warning, as a build that goes on reports them."""
    return ["nianbao: " + problem.render() for problem in build.findings.warnings]


def acknowledged_note(build: SiteBuild) -> str | None:
    count = len(build.findings.acknowledged)
    return messages.BUILD_ACKNOWLEDGED(count=count) if count else None


def data_dir_failure(exc: DataDirError) -> str:
    return messages.BUILD_NO_DATA(problem=exc)


def splice_markers(markdown: str, build: SiteBuild) -> str:
    """A page of docs/ with the generated parts put in at their markers: the home page's body
    listing, and the statuses of a check result (如何阅读本站), worded once in the catalogue.
    Lines broken between two Chinese characters are joined (no stray space between them)."""
    markdown = join_cjk_lines(markdown)
    if HOME_MARKER in markdown:
        markdown = markdown.replace(HOME_MARKER, build.home_markdown)
    if STATUSES_MARKER in markdown:
        markdown = markdown.replace(STATUSES_MARKER, statuses_markdown())
    return markdown
