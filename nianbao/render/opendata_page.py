"""The 开放数据 page: every open-data file, what it holds, its size and the date of its data."""

from __future__ import annotations

from collections.abc import Mapping

from ..catalogue import site as words
from ..loader import Dataset
from ..opendata import OPEN_DATA_DIR, REGIONS_DIR, report_folder
from .downloads import relative
from .pages import Page, md_text, page_meta

OPEN_DATA_PAGE = f"{OPEN_DATA_DIR}.md"


def open_data_page(files: Mapping[str, str | bytes], data: Dataset) -> Page:
    title = words.OPEN_DATA_TITLE()
    md = [f"# {title}\n", words.OPEN_DATA_INTRO() + "\n", words.OPEN_DATA_HEADER(), "|---|---|---|---|"]
    reports = {report_folder(r): r for r in data.reports.values()}
    latest = max((r.meta.published.isoformat() for r in reports.values() if r.meta.published), default="")
    for path, text in files.items():
        folder, _, name = path.rpartition("/")
        report = reports.get(folder)
        if report is not None:
            what = md_text(f"{data.bodies[report.body].name} {report.year}")
        elif folder.startswith(f"{REGIONS_DIR}/"):
            what = md_text(" / ".join(folder.split("/")[1:]))
        else:
            what = words.OPEN_DATA_ALL()
        size = words.OPEN_DATA_SIZE_KB(size=f"{len(_bytes(text)) / 1024:.1f}")
        published = report.meta.published if report else None
        date = published.isoformat() if published else ("" if report else latest)
        md.append(f"| [{md_text(name)}]({relative(OPEN_DATA_PAGE, f'{OPEN_DATA_DIR}/{path}')}) | {what} | {size} | "
                  f"{date} |")
    return Page(OPEN_DATA_PAGE, "\n".join(md) + "\n", meta=page_meta(title=title, article_title=title))


def _bytes(content: str | bytes) -> bytes:
    return content if isinstance(content, bytes) else content.encode("utf-8")
