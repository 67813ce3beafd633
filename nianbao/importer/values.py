"""One published table cell → the data value, kept as published.

Blank, "—", "/" mean not stated (None, never 0); a sign stays ("+1"); an amount with its own unit
keeps it ("461.7 万元"); full-width digits become ASCII. Anything else is not a value: the caller
keeps the text under ``unplaced``. So is a number of more than MAX_DIGITS digits: no count or
amount has them, and Python cannot even turn an integer of 4,300 digits into text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..catalogue import importer as msg
from ..cells import NOT_APPLICABLE
from ..formats import CellKind
from .document import MAX_DIGITS

_NOT_STATED = {"", "未填写", "—", "——", "-", "--", "/", "//", "－", "―", "─", "…", "……", "\\", "×"}
_COUNT_UNITS = ("件", "个", "项", "次", "条", "家")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_DIGIT_RUN = re.compile(rf"\d{{{MAX_DIGITS + 1},}}")
_DIGITS_ONLY = re.compile(r"[0-9０-９,，.．\s+-]+")
# No value is longer: fifteen digits, a sign, a point and decimals, a unit.
_LONGEST_VALUE = 200


@dataclass(frozen=True)
class Value:
    value: int | str | None
    note: str = ""  # a warning: what was read differently from the letter of the cell
    rejected: bool = False  # not a value at all; the text goes to unplaced


def fold(text: str) -> str:
    """Full-width digits, signs and points → ASCII; spaces trimmed."""
    # NFKC folds ﹢ and full-width signs, but not the minus sign U+2212.
    text = unicodedata.normalize("NFKC", text).replace("−", "-")
    return re.sub(r"\s+", " ", text).strip()


def is_value_like(text: str) -> bool:
    """Could this cell be a table value (a number, blank marker or 不适用), not a label?"""
    if len(text) > _LONGEST_VALUE:  # an overlong number still stands where a value does
        return bool(_DIGITS_ONLY.fullmatch(text))
    t = fold(text)
    if t in _NOT_STATED or t == NOT_APPLICABLE or t == "无":
        return True
    t = t.replace(" ", "")
    t = re.sub(r"(万元|元|" + "|".join(_COUNT_UNITS) + r")$", "", t)
    return bool(_NUMBER.fullmatch(t) or _GROUPED.fullmatch(t))


def read_value(text: str, kind: CellKind, unit: str = "") -> Value:
    if len(text) > _LONGEST_VALUE:  # folded as it is: NFKC can make it 18 times longer
        return _not_a_value(text)
    t = fold(text)
    if t in _NOT_STATED:
        return Value(None)
    if t == NOT_APPLICABLE:
        return Value(NOT_APPLICABLE)
    if t == "无":
        return Value(None, msg.NONE_AS_BLANK())
    if _DIGIT_RUN.search(t.replace(",", "")):
        return _not_a_value(t)
    note = ""
    compact = t.replace(" ", "")
    if _GROUPED.fullmatch(compact):
        compact = compact.replace(",", "")
        note = msg.THOUSANDS_DROPPED(text=t, value=compact)
    if kind in ("count", "signed"):
        for suffix in _COUNT_UNITS:
            if compact.endswith(suffix) and _NUMBER.fullmatch(compact[: -len(suffix)]):
                compact = compact[: -len(suffix)]
                note = msg.UNIT_DROPPED(text=t, value=compact)
        if re.fullmatch(r"\d+", compact):
            return Value(int(compact), note)
        if _NUMBER.fullmatch(compact):
            return Value(compact, note)  # a sign or a decimal, as published; the validator judges it
        return Value(None, msg.NOT_A_NUMBER(text=t), rejected=True)
    if kind == "amount":
        if unit and compact.endswith(unit) and _NUMBER.fullmatch(compact[: -len(unit)]):
            return Value(compact[: -len(unit)], msg.COLUMN_UNIT(text=t, value=compact[: -len(unit)], unit=unit))
        if _NUMBER.fullmatch(compact):
            return Value(compact, note)
        if re.fullmatch(r"[+-]?\d+(?:\.\d+)?\s*\S+", t):
            return Value(t, msg.OTHER_UNIT(text=t, unit=unit))
        return Value(None, msg.NOT_AN_AMOUNT(text=t), rejected=True)
    # amount_with_unit: the unit is part of the value.
    if re.fullmatch(r"[+-]?\d+(?:\.\d+)?\s*\S*", t.replace(",", "")):
        return Value(t, note)
    return Value(None, msg.NOT_AN_AMOUNT(text=t), rejected=True)


def _not_a_value(text: str) -> Value:
    if _DIGIT_RUN.search(text.replace(",", "")):
        why = msg.DIGITS_OVER(limit=MAX_DIGITS)
    else:
        why = msg.VALUE_TOO_LONG(limit=_LONGEST_VALUE)
    return Value(None, msg.NOT_A_VALUE(shown=_shown(text), why=why), rejected=True)


def _shown(text: str, width: int = 40) -> str:
    """A long cell as a message shows it: its start and its length."""
    return text if len(text) <= width else msg.SHOWN_LONG(start=text[:width], length=len(text))
