"""The open data of a preview rebuilt in place (``make serve``): each rebuild makes again only the
files of the reports that changed, and the region and site files that hold their rows; the rest
stay on disk as the last rebuild wrote them. The bytes are those ``generate`` makes (a test
compares the two), so what a preview serves is what a build writes.

Nothing is held but each file's size: the region and site files are put together again from the
reports' own cells.csv on disk, which hold the same rows under the same header.
"""

from __future__ import annotations

from pathlib import Path

from ..loader import Dataset
from ..model import Body, Report
from . import (
    CELLS_CSV,
    PACKAGE,
    _collections,
    _head,
    _reports,
    _site_package,
    report_folder,
    report_open_data,
    write_open_data,
)

Sizes = dict[str, int]
ReportKey = tuple[str, int]


class InPlace:
    def __init__(self) -> None:
        # The objects each report's files were made from, and their sizes; each collection's reports.
        self._reports: dict[ReportKey, tuple[Report, Body, Sizes]] = {}
        self._members: dict[str, tuple[ReportKey, ...]] = {}
        self._sizes: Sizes = {}

    def write(self, data: Dataset, out: Path, bodies: frozenset[str] | None = None) -> Sizes:
        """Bring out (the site's open-data folder) up to date with data; every file's size, in
        ``generate``'s order. Files the data no longer makes are removed."""
        reports = _reports(data, bodies)
        sizes: Sizes = {}
        changed: set[ReportKey] = set()
        kept: dict[ReportKey, tuple[Report, Body, Sizes]] = {}
        for report in reports:
            key, body = (report.body, report.year), data.bodies[report.body]
            last = self._reports.get(key)
            if last is not None and last[0] is report and last[1] is body:
                mine = last[2]
            else:
                mine = write_open_data(report_open_data(body, report), out)
                changed.add(key)
            kept[key] = (report, body, mine)
            sizes.update(mine)
        members: dict[str, tuple[ReportKey, ...]] = {}
        if bodies is None:
            head = _head().encode("utf-8")
            rows: dict[ReportKey, bytes] = {}  # read once for all the collections that hold them
            for path, held in _collections(data, reports):
                members[path] = keys = tuple((r.body, r.year) for r in held)
                if self._members.get(path) == keys and changed.isdisjoint(keys):
                    sizes[path] = self._sizes[path]
                    continue
                for r, key in zip(held, keys, strict=True):
                    if key not in rows:
                        rows[key] = _rows(out / report_folder(r) / CELLS_CSV)
                sizes.update(write_open_data([(path, head + b"".join(rows[key] for key in keys))], out))
            sizes.update(write_open_data([(PACKAGE, _site_package(reports))], out))
        for gone in set(self._sizes) - set(sizes):
            (out / gone).unlink(missing_ok=True)
        self._reports, self._members, self._sizes = kept, members, sizes
        return sizes


def _rows(cells_csv: Path) -> bytes:
    """A report's cells.csv without its header line."""
    return cells_csv.read_bytes().split(b"\r\n", 1)[1]
