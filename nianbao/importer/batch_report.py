"""The summary of a batch import: one row per source, as a table on the terminal and as a CSV file.

A supervisor who imports a folder of a hundred reports needs to see at a glance which ones came in
whole and which need work, and to keep that list: so the rows are printed as one aligned table
(Chinese characters count as two columns, as a terminal draws them) and ``--report FILE`` writes
the same rows as CSV in UTF-8 with a BOM, the encoding Excel and WPS open without garbling.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..atomic import write_text_atomic
from ..catalogue import importer as msg
from .assemble import Imported

NOTE_WIDTH = 30  # characters of a note in the terminal's table; the CSV has the whole note


@dataclass(frozen=True)
class SummaryRow:
    source: str
    body: str  # the folder written to (wanggang-zhen), else the name the report gives, else ""
    name: str
    year: int | None
    format: str
    cells_read: int  # statutory table cells with a value (a number, 0 or 不适用): blanks are not read
    cells_total: int
    findings: int | None  # acknowledged (与原文一致) and open findings together; None: not read at all
    warnings: int | None
    status: str  # imported | partial | failed | skipped
    note: str = ""  # why it failed or was skipped, or its first error

    def texts(self, note_width: int | None = None) -> list[str]:
        """The row as the table (notes cut to ``note_width``) and the CSV (whole) show it."""
        status = msg.B_SKIPPED() if self.status == "skipped" else msg.STATUS[self.status]()
        note = self.note if note_width is None or len(self.note) <= note_width else self.note[: note_width - 1] + "…"
        return [self.source, self.body, self.name, "" if self.year is None else str(self.year), self.format,
                # Two columns, not "198/198": Excel would read "1/2" as a date. No format, no count.
                _shown(self.cells_read if self.cells_total else None), _shown(self.cells_total or None),
                _shown(self.findings), _shown(self.warnings), status, note]


def _shown(value: int | None) -> str:
    return "" if value is None else str(value)


def header() -> list[str]:
    return [column() for column in msg.B_COLUMNS]


def summary_row(result: Imported, target: Path | None) -> SummaryRow:
    fmt = result.tables.format if result.tables is not None else None
    read = sum(_stated(values) for values in result.tables.values.values()) if result.tables is not None else 0
    total = sum(len(block.leaf_columns) for table in fmt.tables for _, _, block in table.leaf_rows) if fmt else 0
    findings = len(result.acknowledged) + len(result.open_findings)
    return SummaryRow(source=str(result.source), body=target.parent.name if target is not None else "",
                      name=result.name, year=result.year, format=fmt.name if fmt is not None else "",
                      cells_read=read, cells_total=total, findings=findings, warnings=len(result.warnings),
                      status=result.status, note=" ".join((result.fatal or next(iter(result.errors), "")).split()))


def skipped_row(path: Path, why: str) -> SummaryRow:
    return SummaryRow(source=str(path), body="", name="", year=None, format="", cells_read=0, cells_total=0,
                      findings=None, warnings=None, status="skipped", note=why)


def _stated(value: Any) -> int:
    """How many cells under ``value`` hold something: a row is a list of cells, a group a dict of rows."""
    if isinstance(value, dict):
        return sum(_stated(v) for v in value.values())
    if isinstance(value, list):
        return sum(_stated(v) for v in value)
    return 0 if value is None else 1


def table_text(rows: Iterable[SummaryRow]) -> str:
    """The rows under their header, each column as wide as its widest text."""
    lines = [header()] + [row.texts(NOTE_WIDTH) for row in rows]
    widths = [max(_width(line[i]) for line in lines) for i in range(len(lines[0]))]
    return "\n".join("  ".join(_pad(text, width) for text, width in zip(line, widths, strict=True)).rstrip()
                     for line in lines)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def csv_text(rows: Iterable[SummaryRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header())
    for row in rows:
        # A number stays a number in Excel; a cell that starts like a formula is written as text.
        writer.writerow([_safe(text) for text in row.texts()])
    return "\ufeff" + out.getvalue()


def _safe(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def write_csv(path: Path, rows: Iterable[SummaryRow]) -> None:
    write_text_atomic(path, csv_text(rows), within=path.parent)
