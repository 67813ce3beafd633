"""From data/ to the site's pages, with no MkDocs involved: load, check, render.

Also what every site tool says about the data: the text that stops a build, the warnings it logs,
and the home page's body listing spliced in at its marker. The MkDocs hook and
``python -m nianbao pages`` both use these, so the two builds stop, warn and list alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from .catalogue import messages
from .catalogue import site as words
from .checks import ReportCheck, check_dataset
from .datafiles import kind, report_files, report_year
from .loader import DataDirError, Dataset, load_data
from .memo import PAGES
from .opendata import OPEN_DATA_DIR, generate, write_open_data
from .opendata import paths as open_data_paths
from .opendata.in_place import InPlace
from .problems import Findings, Problem, report_text
from .quality import figures as quality_figures
from .render.indexes import home_listing, region_pages
from .render.keys_table import keys_page
from .render.opendata_page import LISTING, open_data_listing, open_data_page
from .render.pages import Page, body_page, body_uri, join_cjk_lines, report_page, report_uri
from .render.preview import FailurePage
from .render.quality_pages import quality_home_line, quality_site
from .render.rules_page import RULES_PAGE, rules_page, statuses_markdown

HOME_MARKER = "<!-- nianbao:bodies -->"
STATUSES_MARKER = "<!-- nianbao:statuses -->"


@dataclass(frozen=True)
class SiteBuild:
    data: Dataset
    checks: dict[tuple[str, int], ReportCheck]
    pages: tuple[Page, ...]
    home_markdown: str
    # Relative to OPEN_DATA_DIR: every open-data file the build writes (nianbao.opendata), none
    # when figures are off.
    open_data: tuple[str, ...] = ()
    directory_urls: bool = True
    # The bodies the open data is limited to (a preview of some: ``only``), None for all.
    open_data_bodies: frozenset[str] | None = None
    # Other generated files: path under the docs root → text (the 数据质量 CSV).
    files: Mapping[str, str] = field(default_factory=dict)

    @property
    def findings(self) -> Findings:
        return self.data.findings

    def write_open_data(self, out: Path, in_place: InPlace | None = None) -> dict[str, int]:
        """Write the open data into out (the site's OPEN_DATA_DIR); each file's size in bytes.
        ``in_place``: only what changed since it last wrote there (a preview rebuilt in place)."""
        if not self.open_data:
            return {}
        if in_place is not None:
            return in_place.write(self.data, out, self.open_data_bodies)
        return write_open_data(generate(self.data, bodies=self.open_data_bodies), out)

    def open_data_listing(self, sizes: Mapping[str, int]) -> dict[str, str]:
        """The 开放数据 page's block, for ``fill``, once the files are written."""
        return {LISTING: open_data_listing(sizes, self.data, self.directory_urls)}

    def missing_links(self) -> list[tuple[str, str]]:
        """(page, target) for each link of a page's HTML blocks to a page or file the build does not
        make: MkDocs checks only the Markdown's links, and these must hold as those do."""
        written = {f"{OPEN_DATA_DIR}/{path}" for path in self.open_data} | {p.src_uri for p in self.pages}
        written |= set(self.files)
        return [(page.src_uri, link) for page in self.pages for link in page.links if link not in written]


def check_site(data_dir: Path, root: Path | None = None, bodies: frozenset[str] | None = None,
               docs_dir: Path | None = None,
               today: date | None = None) -> tuple[Dataset, dict[tuple[str, int], ReportCheck]]:
    """Load and check data_dir; ``today``, the day revisions may not be dated after, is the
    clock's unless given (tests give one)."""
    data = load_data(data_dir, root, bodies, docs_dir)
    return data, check_dataset(data, today)


def build_site(data_dir: Path, root: Path | None = None, only: frozenset[str] = frozenset(),
               load_only: frozenset[str] | None = None, docs_dir: Path | None = None,
               today: date | None = None, figures: bool = True, directory_urls: bool = True,
               quality: bool = False) -> SiteBuild:
    """Load and check data_dir; render every page unless there are errors (then render nothing).

    ``only`` limits the pages to some bodies (a quick preview while editing them); every body is
    still checked, so what builds here builds in full too. ``load_only`` limits what is loaded at
    all (one shard of a province-sized site). ``figures`` off leaves out what is made from the
    figures across reports (与上年比较, 历年数据, the region 汇总, the open data): a benchmark's
    measure of their cost. ``directory_urls`` is mkdocs.yml's, for the links in HTML blocks. The
    open data is written by the caller (SiteBuild.write_open_data), beside the pages. ``quality``
    adds the 数据质量 section (nianbao.render.quality_pages).
    """
    data, checks = check_site(data_dir, root, load_only, docs_dir, today)
    if data.findings.errors:
        return SiteBuild(data, checks, (), "")
    # Only a build that makes pages turns the memo over: after a save that stops the build, the fix
    # still finds the pages of the last good one.
    PAGES.new_build()
    pages: list[Page] = []
    by_body = data.reports_by_body()
    bodies = {slug: body for slug, body in data.bodies.items() if not only or slug in only}
    if only and not bodies:
        raise DataDirError(messages.NO_SUCH_BODY(names="、".join(sorted(only)), data=data_dir))
    # A page made from the same objects is the same page (nianbao.memo): a preview's rebuild makes
    # and writes only the pages of what changed.
    switches = (figures, directory_urls)
    for slug, body in sorted(bodies.items()):
        reports = by_body[slug]
        years = [r.year for r in reports]
        for previous, report in zip([None, *reports], reports, strict=False):
            check = checks[(slug, report.year)]
            pages.append(PAGES.get("report", (report, body, check, previous), (tuple(years), *switches), partial(
                report_page, report, body, check, years, previous, figures, directory_urls)))
        by_year = {r.year: checks[(slug, r.year)] for r in reports}
        pages.append(PAGES.get("body", (body, *reports, *by_year.values()), (slug, tuple(by_year), *switches),
                               partial(body_page, slug, body, reports, by_year, figures, directory_urls)))
    pages += region_pages(bodies, by_body, figures, PAGES)
    pages += [PAGES.get("rules", (), (), rules_page), PAGES.get("keys", (), (), keys_page)]
    # Never kept: the build fills in its list of files once they are written (open_data_listing).
    pages.append(open_data_page())
    files: dict[str, str] = {}
    home = home_listing(bodies, by_body)
    if quality:
        section = quality_site(data, quality_figures(data), directory_urls)
        pages += section.pages
        files.update(section.files)
        home += "\n" + quality_home_line()
    # A preview of some bodies writes only their reports' open data: every save would otherwise
    # write the whole site's.
    shown = frozenset(bodies) if only else None
    return SiteBuild(data, checks, tuple(pages), home, tuple(open_data_paths(data, bodies=shown)) if figures else (),
                     directory_urls, shown, files)


def failure_text(build: SiteBuild, data_dir: Path, strict: bool, *, preview: bool = False) -> str | None:
    """Why the build must stop (errors; warnings too under --strict), or None to go on.
    ``preview``: said by a live preview, which shows the problems instead of stopping."""
    findings = build.findings
    failing = findings.failing(strict=strict)
    if not failing:
        return None
    head = words.PREVIEW_FAILED if preview else messages.BUILD_FAILED
    return head(data=data_dir.name, mode=_mode(failing)) + "\n\n" + report_text(failing) + \
        f"\n\n{findings.summary()}"


def _mode(failing: list[Problem]) -> str:
    return messages.BUILD_STRICT() if any(p.severity == "warning" for p in failing) else ""


def preview_failure(build: SiteBuild, strict: bool) -> FailurePage | None:
    """What a live preview shows in place of its pages when the data stops the build, or None:
    the problems as ``check`` prints them."""
    failing = build.findings.failing(strict=strict)
    if not failing:
        return None
    return FailurePage(words.PREVIEW_DATA_ERRORS(mode=_mode(failing)), report_text(failing),
                       build.findings.summary())


def preview_data_dir_failure(exc: DataDirError) -> FailurePage:
    return FailurePage(words.PREVIEW_DATA_DIR(), data_dir_failure(exc))


def preview_crash(error: str) -> FailurePage:
    return FailurePage(words.PREVIEW_CRASHED(), error, detail=words.PREVIEW_CRASH_DETAIL(), as_check=False)


def preview_uris(data_dir: Path) -> list[str]:
    """The pages the data's files name (each body's page and each of its reports'), and the rules
    page: what a maintainer may have open in a live preview. Read from the names alone, since a
    preview asks while the data does not load."""
    uris = [RULES_PAGE]
    try:
        folders = sorted(data_dir.iterdir()) if kind(data_dir) == "folder" else []
        for folder in folders:
            if folder.name.startswith(("_", ".")) or kind(folder) != "folder":
                continue
            uris.append(body_uri(folder.name))
            uris += [report_uri(folder.name, year) for p in report_files(folder)
                     if (year := report_year(p.name)) is not None]
    except OSError:  # a folder that cannot be listed: its pages fall back to the preview's 404 page
        pass
    return uris


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
