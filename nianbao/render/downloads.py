"""What the 数据下载 sections of report and body pages link to: the report's open-data files
(nianbao.opendata), as paths under the docs root. The sections are HTML (Markdown on every page
of a large site costs more than the rest of the page): their links are written relative to the
page's address, and the build checks that each names an open-data file (Page.links)."""

from __future__ import annotations

import posixpath

from ..catalogue import site as words
from ..model import Report
from ..opendata import CELLS_CSV, CELLS_JSON, OPEN_DATA_DIR, PACKAGE, report_folder

Item = tuple[str, str]  # (text, path under the docs root)


def href(page: str, target: str, directory_urls: bool = True) -> str:
    """target (a path under the docs root) as linked from the built page of the source file page
    (wanggang-zhen/2020.md is served as wanggang-zhen/2020/ with directory URLs, as MkDocs does)."""
    folder = posixpath.dirname(page)
    stem = posixpath.splitext(posixpath.basename(page))[0]
    if directory_urls and stem not in ("index", "README"):
        folder = posixpath.join(folder, stem)
    return posixpath.relpath(target, folder or ".")


def page_href(page: str, target: str, directory_urls: bool = True) -> str:
    """The built page of the source file target (a .md under the docs root) as linked from page's."""
    stem, _ = posixpath.splitext(target)
    if not directory_urls:
        return href(page, stem + ".html", directory_urls)
    name = posixpath.basename(stem)
    folder = posixpath.dirname(stem) if name in ("index", "README") else stem
    link = href(page, folder or ".", directory_urls)
    return link if link.endswith("/") else link + "/"


def report_items(report: Report) -> list[Item]:
    folder = f"{OPEN_DATA_DIR}/{report_folder(report)}"
    items = [(words.DOWNLOAD_CELLS(), f"{folder}/{CELLS_CSV}")]
    items += [(words.DOWNLOAD_TABLE(caption=t.caption), f"{folder}/{t.key}.csv")
              for t in report.format.tables if t.key in report.tables]
    items += [(words.DOWNLOAD_JSON(), f"{folder}/{CELLS_JSON}"), (words.DOWNLOAD_PACKAGE(), f"{folder}/{PACKAGE}")]
    return items


def body_items(reports: list[Report]) -> list[Item]:
    return [(words.DOWNLOAD_YEAR(year=r.year), f"{OPEN_DATA_DIR}/{report_folder(r)}/{CELLS_CSV}")
            for r in sorted(reports, key=lambda r: r.year, reverse=True)]
