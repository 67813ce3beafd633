"""CSV and JSON as the open data writes them: UTF-8 with a BOM and CRLF line ends, so Excel on a
Chinese Windows opens the CSV without garbling it; a text that starts like a formula is kept as
text; numbers are written as published (no exponent, no float rounding)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from .records import number_text

BOM = "\ufeff"


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]], runs: Sequence[int] = ()) -> str:
    """The CSV file of the rows under the header. ``runs`` are the places where a row splits into
    runs of fields that repeat from row to row as a whole (a report's body, a cell's labels): each
    distinct run is written once and its text reused, which is most of a large file's cost."""
    bounds = [0, *runs]
    spans = [(start, end) for start, end in zip(bounds, bounds[1:], strict=False)]
    last = bounds[-1]
    texts: dict[tuple[type, Any], str] = {}
    seen: dict[tuple[Any, ...], str] = {}

    def text_of(value: Any) -> str:
        # Keyed by type too, so that the text "1" and the number 1 are never taken for each other.
        key = (type(value), value)
        text = texts.get(key)
        if text is None:
            text = texts[key] = _csv_field(_csv_value(value))
        return text

    def run(values: tuple[Any, ...]) -> str:
        text = seen.get(values)
        if text is None:
            text = seen[values] = ",".join(text_of(v) for v in values)
        return text

    lines = [",".join(_csv_field(h) for h in header)]
    for row in rows:
        row = tuple(row)
        lines.append(",".join([*(run(row[a:b]) for a, b in spans), *(text_of(v) for v in row[last:])]))
    return BOM + "\r\n".join(lines) + "\r\n"


def _csv_field(text: str) -> str:
    """A field as the csv module writes it (QUOTE_MINIMAL): quoted when it holds a comma, a quote
    or a line break, its quotes doubled."""
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


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
