"""CSV and JSON as the open data writes them: UTF-8 with a BOM and CRLF line ends, so Excel on a
Chinese Windows opens the CSV without garbling it; a text that starts like a formula is kept as
text; numbers are written as published (no exponent, no float rounding)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from .records import number_text

BOM = "\ufeff"


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    # Most values repeat from row to row (labels, names, states, 0): each is made text once. Keyed
    # by type too, so that the text "1" and the number 1 are never taken for each other.
    seen: dict[tuple[type, Any], str] = {}
    for row in rows:
        line = []
        for value in row:
            key = (type(value), value)
            text = seen.get(key)
            if text is None:
                text = seen[key] = _csv_value(value)
            line.append(text)
        writer.writerow(line)
    return BOM + out.getvalue()


def _csv_value(value: Any) -> str:
    if isinstance(value, Decimal):
        return number_text(value)
    if value is None:
        return ""
    text = str(value)
    # Excel runs a cell that starts with = + - @ as a formula: a text is never one. Numbers (a
    # signed change, -417) are Decimals above and stay numbers.
    return "'" + text if text[:1] in ("=", "+", "-", "@") and not _is_number(text) else text


def _is_number(text: str) -> bool:
    try:
        Decimal(text)
    except ArithmeticError:
        return False
    return True


def json_text(value: Any) -> str:
    # No indent: json's C encoder then writes it (a report's cells in a few milliseconds).
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_json_default) + "\n"


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        # An integer stays an integer; a decimal amount keeps its digits (461.7, not 461.69999…).
        return int(value) if value == value.to_integral() else float(number_text(value))
    raise TypeError(type(value).__name__)
