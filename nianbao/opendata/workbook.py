"""Each report's three tables as an Excel workbook in their official layout: the maintainers'
workbook (nianbao.excel), filled from the loaded report instead of its file."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from typing import Any

from ..cells import Cell
from ..excel import build_workbook
from ..model import Body, Report


def _text(cell: Cell) -> str | None:
    return None if cell.state == "blank" else cell.text


def raw_tables(report: Report) -> dict[str, dict[str, Any]]:
    """The report's tables as its data file holds them: nested groups, each row a list of texts."""
    out: dict[str, dict[str, Any]] = {}
    for table_key, rows in report.tables.items():
        tree: dict[str, Any] = {}
        for row, cells in rows.items():
            *groups, leaf = row.split(".")
            node = tree
            for group in groups:
                node = node.setdefault(group, {})
            texts = [_text(c) for c in cells]
            node[leaf] = texts[0] if len(texts) == 1 else texts
        out[table_key] = tree
    return out


def workbook_bytes(body: Body, report: Report) -> bytes:
    """The workbook, the same bytes for the same data: dated by the report, never by the build."""
    book = build_workbook(report.format, raw_tables(report), report.body, body.name, report.year)
    published = report.meta.published
    stamp = datetime(published.year, published.month, published.day) if published else datetime(2019, 1, 1)
    book.properties.created = book.properties.modified = stamp
    buffer = io.BytesIO()
    book.save(buffer)
    return _dated(buffer.getvalue(), stamp)


def _dated(content: bytes, stamp: datetime) -> bytes:
    """The zip again with every entry dated ``stamp``, and the workbook's modified date too (openpyxl
    sets both to the moment it writes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            entry.compress_type = info.compress_type
            entry.external_attr = info.external_attr
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + when, data)
            target.writestr(entry, data)
    return out.getvalue()
