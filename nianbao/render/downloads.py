"""What the 数据下载 sections of report and body pages link to: the report's open-data files
(nianbao.opendata). Links are Markdown written relative to the page's source file, so MkDocs
resolves them and ``--strict`` fails on one that points at nothing."""

from __future__ import annotations

import posixpath

from ..catalogue import site as words
from ..model import Report
from ..opendata import CELLS_CSV, CELLS_JSON, OPEN_DATA_DIR, PACKAGE, report_folder

Item = tuple[str, str]  # (text, link from the page)


def relative(page: str, target: str) -> str:
    """target (a path under the docs root) as seen from the page's source file."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def report_items(report: Report, page: str) -> list[Item]:
    folder = f"{OPEN_DATA_DIR}/{report_folder(report)}"
    items = [(words.DOWNLOAD_CELLS(), f"{folder}/{CELLS_CSV}")]
    items += [(words.DOWNLOAD_TABLE(caption=t.caption), f"{folder}/{t.key}.csv")
              for t in report.format.tables if t.key in report.tables]
    items += [(words.DOWNLOAD_JSON(), f"{folder}/{CELLS_JSON}"), (words.DOWNLOAD_PACKAGE(), f"{folder}/{PACKAGE}")]
    return [(text, relative(page, target)) for text, target in items]


def body_items(reports: list[Report], page: str) -> list[Item]:
    return [(words.DOWNLOAD_YEAR(year=r.year), relative(page, f"{OPEN_DATA_DIR}/{report_folder(r)}/{CELLS_CSV}"))
            for r in sorted(reports, key=lambda r: r.year, reverse=True)]
