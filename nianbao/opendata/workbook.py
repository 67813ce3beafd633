"""Each report's three tables as an Excel workbook in their official layout: the maintainers'
workbook (nianbao.excel), filled from the loaded report instead of its file."""

from __future__ import annotations

import io
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
    book = build_workbook(report.format, raw_tables(report), report.body, body.name, report.year)
    # Dated by the report, not by the build: the workbook's own properties say when its data is from.
    if report.meta.published is not None:
        stamp = datetime(report.meta.published.year, report.meta.published.month, report.meta.published.day)
        book.properties.created = book.properties.modified = stamp
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
