"""The 开放数据 page: every open-data file, what it holds, its size and the date of its data.

The list is known only once the files are written (their sizes): the page carries a placeholder
(LISTING) that the build fills with ``open_data_listing`` after writing them."""

from __future__ import annotations

from collections.abc import Mapping

from ..catalogue import site as words
from ..loader import Dataset
from ..opendata import OPEN_DATA_DIR, REGIONS_DIR, report_folder
from . import environment
from .downloads import href
from .pages import Page, page_meta, placeholder

OPEN_DATA_PAGE = f"{OPEN_DATA_DIR}.md"
LISTING = "opendata-files"


def open_data_page() -> Page:
    title = words.OPEN_DATA_TITLE()
    md = [f"# {title}\n", words.OPEN_DATA_INTRO() + "\n", placeholder(LISTING)]
    return Page(OPEN_DATA_PAGE, "\n\n".join(md) + "\n", meta=page_meta(title=title, article_title=title))


def open_data_listing(sizes: Mapping[str, int], data: Dataset, directory_urls: bool = True) -> str:
    """The page's table of files (paths relative to OPEN_DATA_DIR → size in bytes), in their order."""
    reports = {report_folder(r): r for r in data.reports.values()}
    latest = max((r.meta.published.isoformat() for r in reports.values() if r.meta.published), default="")
    rows = []
    # Every file lies under OPEN_DATA_DIR: one relative prefix for all (tens of thousands of rows).
    prefix = href(OPEN_DATA_PAGE, f"{OPEN_DATA_DIR}/-", directory_urls)[:-1]
    for path, size in sizes.items():
        folder, _, name = path.rpartition("/")
        report = reports.get(folder)
        if report is not None:
            what = f"{data.bodies[report.body].name} {report.year}"
        elif folder.startswith(f"{REGIONS_DIR}/"):
            what = " / ".join(folder.split("/")[1:])
        else:
            what = words.OPEN_DATA_ALL()
        published = report.meta.published if report else None
        date = published.isoformat() if published else ("" if report else latest)
        rows.append((name, prefix + path, what,
                     words.OPEN_DATA_SIZE_KB(size=f"{size / 1024:.1f}"), date))
    return environment().get_template("opendata_listing.html.j2").render(
        caption=words.OPEN_DATA_CAPTION(), header=[h() for h in words.OPEN_DATA_HEADER], rows=rows)
