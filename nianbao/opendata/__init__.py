"""Open data: every figure of every report as files a supervisor opens in Excel and a program reads.

    opendata/
      datapackage.json            Data Package v2 of the whole site
      cells.csv                   every cell of every report, one row per cell (records.py)
      regions/<省>/<市>/…/cells.csv the same for the reports of one region (at every level)
      <body>/<year>/
        datapackage.json          the report's own package
        cells.csv, cells.json     its cells, one row per cell
        <table>.csv               each statutory table in its own rows and columns (wide.py)
        <body>-<year>.xlsx        the three tables as a workbook in their official layout (workbook.py;
                                  export only: a site build leaves them to `export` and `excel`)

The files are made from the loaded data alone (no page is needed), by the site build and by
``python -m nianbao export OUT``; the same data gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import cast

from ..catalogue import opendata as W
from ..loader import Dataset
from ..model import Body, Report
from ..sitedir import discard, remove_stale, staging_dir, swap_in
from . import wide
from .files import csv_text, json_text
from .package import XLSX, cells_schema, csv_resource, file_resource, json_resource, package, table_schema
from .records import FIELDS, values_of
from .workbook import workbook_bytes

OPEN_DATA_DIR = "opendata"
REGIONS_DIR = "regions"
CELLS_CSV, CELLS_JSON, PACKAGE = "cells.csv", "cells.json", "datapackage.json"


Files = dict[str, str | bytes]
Content = str | bytes


def open_data_files(data: Dataset, workbooks: bool = False) -> Files:
    """Relative path → text (or a workbook's bytes) of every open-data file, the site's package last."""
    return dict(generate(data, workbooks))


def generate(data: Dataset, workbooks: bool = False,
             bodies: frozenset[str] | None = None) -> Iterator[tuple[str, Content]]:
    """Every open-data file as (relative path, content), one report's files at a time, so that a
    writer holds no more than one report's files and the site's rows.

    Each report's rows are serialised once: the site's and each region's CSV are those rows again,
    in the site's order. Workbooks (openpyxl: about 0.1 s each) are written by ``export`` only.
    ``bodies`` limits the files to those bodies' reports, without the site's and the regions' (a
    preview of some bodies: NIANBAO_ONLY)."""
    csv_rows: dict[tuple[str, int], str] = {}  # a report's CSV lines, without the header
    reports = _reports(data, bodies)
    for report in reports:
        files = report_open_data(data.bodies[report.body], report, workbooks)
        csv_rows[(report.body, report.year)] = _without_header(cast(str, files[0][1]))
        yield from files
    if bodies is not None:
        return
    head = _head()
    for path, members in _collections(data, reports):
        yield path, head + "".join(csv_rows[(r.body, r.year)] for r in members)
    yield PACKAGE, _site_package(reports)


def _header() -> list[str]:
    return [f.zh for f in FIELDS]


def _head() -> str:
    """The cells CSV's header line (with the BOM)."""
    return csv_text(_header(), [])


def _without_header(cells_csv: str) -> str:
    return cells_csv.split("\r\n", 1)[1]


def _collections(data: Dataset, reports: list[Report]) -> Iterator[tuple[str, list[Report]]]:
    """The files made of many reports' rows, with their reports: each region's cells.csv, then the site's."""
    for region, members in _regions(data, reports).items():
        yield f"{REGIONS_DIR}/{'/'.join(region)}/{CELLS_CSV}", members
    yield CELLS_CSV, reports


def _site_package(reports: list[Report]) -> str:
    dates = [r.meta.published for r in reports if r.meta.published is not None]
    return json_text(package(
        "nianbao-figures", W.PACKAGE_TITLE.zh, [csv_resource("cells", CELLS_CSV, W.CELLS_TITLE.zh, cells_schema())],
        providers=len({r.body for r in reports}), published=min(dates, default=None),
        updated=max(dates, default=None)))


def paths(data: Dataset, workbooks: bool = False, bodies: frozenset[str] | None = None) -> list[str]:
    """The relative paths ``generate`` writes, in its order, without making any file."""
    out: list[str] = []
    reports = _reports(data, bodies)
    for report in reports:
        folder = report_folder(report)
        out += [f"{folder}/{CELLS_CSV}", f"{folder}/{CELLS_JSON}"]
        out += [f"{folder}/{t.key}.csv" for t in report.format.tables if t.key in report.tables]
        out += [f"{folder}/{workbook_name(report)}"] if workbooks else []
        out.append(f"{folder}/{PACKAGE}")
    if bodies is not None:
        return out
    out += [path for path, _ in _collections(data, reports)]
    return [*out, PACKAGE]


def _reports(data: Dataset, bodies: frozenset[str] | None = None) -> list[Report]:
    return sorted((r for r in data.reports.values() if bodies is None or r.body in bodies),
                  key=lambda r: (r.body, r.year))


def _regions(data: Dataset, reports: list[Report]) -> dict[tuple[str, ...], list[Report]]:
    """Each region at every level → its reports, in the site's order."""
    by_region: dict[tuple[str, ...], list[Report]] = {}
    for report in reports:
        region = tuple(data.bodies[report.body].region)
        for depth in range(1, len(region) + 1):
            by_region.setdefault(region[:depth], []).append(report)
    return dict(sorted(by_region.items()))


def report_folder(report: Report) -> str:
    return f"{report.body}/{report.year}"


def report_open_data(body: Body, report: Report, workbooks: bool = False) -> list[tuple[str, Content]]:
    """One report's open-data files, its cells.csv first."""
    folder = report_folder(report)
    values = list(values_of(body, report))
    header = _header()
    files: list[tuple[str, Content]] = [
        (f"{folder}/{CELLS_CSV}", csv_text(header, values)),
        (f"{folder}/{CELLS_JSON}", json_text([dict(zip(header, v, strict=True)) for v in values]))]
    resources = [csv_resource("cells", CELLS_CSV, W.CELLS_TITLE.zh, cells_schema()),
                 json_resource("cells-json", CELLS_JSON, W.JSON_TITLE.zh)]
    for table in report.format.tables:
        if table.key not in report.tables:
            continue
        name = f"{table.key}.csv"
        files.append((f"{folder}/{name}", csv_text(wide.header(table), wide.rows(report, table))))
        resources.append(csv_resource(table.key.replace("_", "-"), name, W.TABLE_TITLE.zh.format(
            caption=table.caption), table_schema(table)))
    if workbooks:
        workbook = workbook_name(report)
        files.append((f"{folder}/{workbook}", workbook_bytes(body, report)))
        resources.append(file_resource("workbook", workbook, W.WORKBOOK_TITLE.zh, "xlsx", XLSX))
    title = W.REPORT_PACKAGE_TITLE.zh.format(name=body.name, year=report.year)
    files.append((f"{folder}/{PACKAGE}", json_text(package(
        f"nianbao-{report.body}-{report.year}", title, resources, providers=1,
        published=report.meta.published, updated=report.meta.published))))
    return files


def workbook_name(report: Report) -> str:
    return f"{report.body}-{report.year}.xlsx"


def write_open_data(files: Iterable[tuple[str, Content]], out: Path) -> dict[str, int]:
    """Write the files under out, a folder of the build's own (a site or an export being staged,
    swapped in whole once complete: nianbao.sitedir); the size in bytes of each.

    Plain writes, not one atomic, synced write per file: the swap is what keeps a reader from a
    half-written folder, and syncing thousands of files would cost more than making them."""
    if out.is_symlink():
        raise OpenDataRefused(W.EXPORT_NOT_FOLDER(out=out))
    made: set[Path] = set()
    sizes: dict[str, int] = {}
    for relative, content in files:
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        path = out / relative
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_bytes(data)
        sizes[relative] = len(data)
    return sizes


class OpenDataRefused(Exception):
    """OUT is not a folder the export may replace; the message (Chinese) says why."""


def export_open_data(data: Dataset, out: Path) -> int:
    """Write the open data as the folder OUT, replaced as a whole once complete (nianbao.sitedir);
    OUT must be missing, empty or an earlier export. The number of files written."""
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise OpenDataRefused(W.EXPORT_NOT_FOLDER(out=out))
    if out.is_dir() and any(out.iterdir()) and not (out / PACKAGE).is_file():
        raise OpenDataRefused(W.EXPORT_NOT_OURS(out=out, package=PACKAGE))
    remove_stale(out)
    staging = staging_dir(out)
    discard(staging)
    try:
        staging.mkdir(parents=True)
        written = write_open_data(generate(data, workbooks=True), staging)
        swap_in(staging, out)
    finally:
        discard(staging)
    return len(written)
