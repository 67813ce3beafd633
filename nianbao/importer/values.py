"""One published table cell → the data value, kept as published.

Blank, "—", "/" mean not stated (None, never 0); a sign stays ("+1"); an amount with its own unit
keeps it ("461.7 万元"); full-width digits become ASCII. Anything else is not a value: the caller
keeps the text under ``unplaced``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..cells import NOT_APPLICABLE
from ..formats import CellKind

_NOT_STATED = {"", "未填写", "—", "——", "-", "--", "/", "//", "－", "―", "─", "…", "……", "\\", "×"}
_COUNT_UNITS = ("件", "个", "项", "次", "条", "家")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")


@dataclass(frozen=True)
class Value:
    value: int | str | None
    note: str = ""  # a warning: what was read differently from the letter of the cell
    rejected: bool = False  # not a value at all; the text goes to unplaced


def fold(text: str) -> str:
    """Full-width digits, signs and points → ASCII; spaces trimmed."""
    text = unicodedata.normalize("NFKC", text).replace("−", "-").replace("﹢", "+")
    return re.sub(r"\s+", " ", text).strip()


def is_value_like(text: str) -> bool:
    """Could this cell be a table value (a number, blank marker or 不适用), not a label?"""
    t = fold(text)
    if t in _NOT_STATED or t == NOT_APPLICABLE or t == "无":
        return True
    t = t.replace(" ", "")
    t = re.sub(r"(万元|元|" + "|".join(_COUNT_UNITS) + r")$", "", t)
    return bool(_NUMBER.fullmatch(t) or _GROUPED.fullmatch(t))


def read_value(text: str, kind: CellKind, unit: str = "") -> Value:
    t = fold(text)
    if t in _NOT_STATED:
        return Value(None)
    if t == NOT_APPLICABLE:
        return Value(NOT_APPLICABLE)
    if t == "无":
        return Value(None, "「无」 read as not stated (blank)")
    note = ""
    compact = t.replace(" ", "")
    if _GROUPED.fullmatch(compact):
        compact = compact.replace(",", "")
        note = f"「{t}」 read as {compact} (thousands separators dropped)"
    if kind in ("count", "signed"):
        for suffix in _COUNT_UNITS:
            if compact.endswith(suffix) and _NUMBER.fullmatch(compact[: -len(suffix)]):
                compact = compact[: -len(suffix)]
                note = f"「{t}」 read as {compact} (unit dropped)"
        if re.fullmatch(r"\d+", compact):
            return Value(int(compact), note)
        if _NUMBER.fullmatch(compact):
            return Value(compact, note)  # a sign or a decimal, as published; the validator judges it
        return Value(None, f"「{t}」 is not a number", rejected=True)
    if kind == "amount":
        if unit and compact.endswith(unit) and _NUMBER.fullmatch(compact[: -len(unit)]):
            return Value(compact[: -len(unit)], f"「{t}」 read as {compact[: -len(unit)]} (the column is in {unit})")
        if _NUMBER.fullmatch(compact):
            return Value(compact, note)
        if re.fullmatch(r"[+-]?\d+(?:\.\d+)?\s*\S+", t):
            return Value(t, f"「{t}」 has a unit other than the column's ({unit}); kept as published")
        return Value(None, f"「{t}」 is not an amount", rejected=True)
    # amount_with_unit: the unit is part of the value.
    if re.fullmatch(r"[+-]?\d+(?:\.\d+)?\s*\S*", t.replace(",", "")):
        return Value(t, note)
    return Value(None, f"「{t}」 is not an amount", rejected=True)
