"""Table cell values: a number as published, blank (not stated) or 不适用, never confused.

A count is a non-negative integer; a signed count (本年增/减) keeps its sign; an amount is a
decimal in the column's unit; an amount with its own unit (2019 采购总金额) keeps the unit written
in the cell. ``text`` is what the report printed and what the site shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from typing import Literal

from .catalogue import messages
from .formats import CellKind

NOT_APPLICABLE = "不适用"

State = Literal["number", "blank", "na"]


@dataclass(frozen=True, slots=True)
class Cell:
    state: State
    value: Decimal | None = None
    text: str = ""
    unit: str = ""

    @property
    def is_number(self) -> bool:
        return self.state == "number"


BLANK = Cell("blank")
NA = Cell("na", text=NOT_APPLICABLE)


class CellError(ValueError):
    """A cell value that does not fit its column; the message says what was expected."""

    def __init__(self, message: str, expected: str, word: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.expected = expected
        self.word = word  # a word written for a number (无, 没有): its own rule, data.number_word


# The grammar of a number cell, written once: parse_cell accepts exactly what these patterns
# match, and the JSON Schema the editors read (schema.py) is made from the same patterns. So they
# use only what Python's re and JSON Schema's ECMA-262 expressions read alike: no \d (Python's
# takes ٣ or ３ for 3), no named groups, \uXXXX for ranges beyond ASCII.
#
# ASCII digits, and no more than any real figure has: a count of 15 digits is far past every
# report, and an amount keeps cents. Longer is a typo or an attack (Python refuses to print an
# integer of more than 4,300 digits).
MAX_DIGITS = 15
_DIGITS = rf"[0-9]{{1,{MAX_DIGITS}}}"
_DECIMAL = rf"{_DIGITS}(?:\.[0-9]{{1,6}})?"
# A unit is a word after the number (元, 万元, 亿元): letters only, so "1e999999 万元" or "1.2.3"
# is no amount. Spaces inside it are tolerated ("461.7 万 元", as pasted from a PDF) and dropped
# from Cell.unit; the text stays as written.
_UNIT_CHAR = r"[A-Za-z\u3400-\u4dbf\u4e00-\u9fff]"
_UNIT = rf"{_UNIT_CHAR}(?:\s*{_UNIT_CHAR}){{0,7}}"


def _spaced(unit: str) -> str:
    """One given unit (万元), spaces tolerated between its letters as in _UNIT."""
    return r"\s*".join(re.escape(ch) for ch in unit)


def number_pattern(kind: CellKind, unit: str = "") -> str:
    """The text of a number in a cell of ``kind`` (and the column's ``unit``), as a regular expression.

    A count is a whole number ≥ 0 (a plus sign is allowed: some reports print one); a signed count
    keeps its sign; an amount is ≥ 0 with up to six decimals, optionally followed by the column's
    unit; an amount with its own unit must carry one.
    """
    if kind == "count":
        return rf"\+?{_DIGITS}"
    if kind == "signed":
        return rf"[+-]?{_DIGITS}"
    if kind == "amount":
        return rf"\+?{_DECIMAL}" + (rf"(?:\s*{_spaced(unit)})?" if unit else "")
    return rf"\+?{_DECIMAL}\s*{_UNIT}"


@cache
def _grammar(kind: CellKind, unit: str) -> re.Pattern[str]:
    return re.compile(number_pattern(kind, unit))


# Only to say why a text is refused: a number with any sign and any unit, or none.
_SIGNED_INT = re.compile(rf"[+-]?{_DIGITS}")
_ANY_AMOUNT = re.compile(rf"([+-]?{_DECIMAL})\s*({_UNIT})?")
_TOO_LONG = re.compile(rf"[+-]?[0-9]{{{MAX_DIGITS + 1},}}")

EXPECTED = messages.CELL_EXPECTED
# Words reports print where a number belongs: none of them says which of 0 or blank is meant.
NUMBER_WORDS = frozenset({"无", "没有", "暂无", "零", "空", "／", "/"})


@lru_cache(maxsize=4096)
def parse_cell(raw: str | None, kind: CellKind, unit: str = "") -> Cell:
    """Turn the YAML text of one cell into a Cell, or raise CellError.

    Cached: most cells of most reports are "0", and a frozen Cell can be shared.
    """
    if raw is None:
        return BLANK
    text = raw.strip()
    if text == NOT_APPLICABLE:
        return NA
    if text in NUMBER_WORDS:
        raise CellError(messages.CELL_WORD(word=text), EXPECTED[kind](), word=text)
    match = _grammar(kind, unit).fullmatch(text)
    if match is None:
        raise _refusal(text, kind, unit)
    if kind in ("count", "signed"):
        value = Decimal(text)
        # Keep an explicit plus sign of a signed count: reports print "+1" for an increase.
        shown = ("+" if kind == "signed" and text.startswith("+") else "") + str(int(value))
        return Cell("number", value, shown)
    number = _ANY_AMOUNT.fullmatch(text)
    assert number is not None  # the grammar admits only what _ANY_AMOUNT reads
    value = Decimal(number[1])
    written_unit = re.sub(r"\s+", "", number[2] or "")
    if kind == "amount":
        return Cell("number", value, number[1], unit)
    return Cell("number", value, text, written_unit)


def _refusal(text: str, kind: CellKind, unit: str) -> CellError:
    """Why text is not a number of this kind (the grammar did not match it)."""
    expected = EXPECTED[kind]()
    if _TOO_LONG.match(text):
        digits = len(text.lstrip("+-").split(".")[0])
        return CellError(messages.CELL_TOO_MANY_DIGITS(limit=MAX_DIGITS, digits=f"{digits:,}"), expected)
    if kind in ("count", "signed"):
        if kind == "count" and _SIGNED_INT.fullmatch(text):
            return CellError(messages.CELL_NEGATIVE(text=text), expected)
        return CellError(messages.CELL_NOT_WHOLE(text=text), expected)
    amount = _ANY_AMOUNT.fullmatch(text)
    if not amount:
        return CellError(messages.CELL_NOT_AMOUNT(text=text), expected)
    if text.startswith("-"):
        return CellError(messages.CELL_NEGATIVE(text=text), expected)
    written_unit = re.sub(r"\s+", "", amount[2] or "")
    if kind == "amount":
        return CellError(messages.CELL_WRONG_UNIT(text=text, written=written_unit, unit=unit), expected)
    return CellError(messages.CELL_NO_UNIT(text=text), expected)
