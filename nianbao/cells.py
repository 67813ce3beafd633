"""Table cell values: a number as published, blank (not stated) or 不适用, never confused.

A count is a non-negative integer; a signed count (本年增/减) keeps its sign; an amount is a
decimal in the column's unit; an amount with its own unit (2019 采购总金额) keeps the unit written
in the cell. ``text`` is what the report printed and what the site shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
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


# ASCII digits only (\d would take ٣ or ３ for 3), and no more than any real figure has: a count
# of 15 digits is far past every report, and an amount keeps cents. Longer is a typo or an attack
# (Python refuses to print an integer of more than 4,300 digits).
MAX_DIGITS = 15
_INT = re.compile(rf"[+-]?[0-9]{{1,{MAX_DIGITS}}}")
# The unit is a word after the number (元, 万元, 亿元): letters only, so "1e999999 万元" or
# "1.2.3" is no amount.
_AMOUNT = re.compile(rf"(?P<num>[+-]?[0-9]{{1,{MAX_DIGITS}}}(?:\.[0-9]{{1,6}})?)\s*(?P<unit>[^\W\d_]{{1,8}})?")
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
    expected = EXPECTED[kind]()
    if text in NUMBER_WORDS:
        raise CellError(messages.CELL_WORD(word=text), expected, word=text)
    if _TOO_LONG.match(text):
        digits = len(text.lstrip("+-").split(".")[0])
        raise CellError(messages.CELL_TOO_MANY_DIGITS(limit=MAX_DIGITS, digits=f"{digits:,}"), expected)
    if kind in ("count", "signed"):
        if not _INT.fullmatch(text):
            raise CellError(messages.CELL_NOT_WHOLE(text=text), expected)
        value = Decimal(text)
        if kind == "count":
            if value < 0:
                raise CellError(messages.CELL_NEGATIVE(text=text), expected)
            return Cell("number", value, str(int(value)))
        # Keep an explicit plus sign: reports print "+1" for an increase.
        shown = ("+" if text.startswith("+") else "") + str(int(value))
        return Cell("number", value, shown)
    match = _AMOUNT.fullmatch(text)
    if not match:
        raise CellError(messages.CELL_NOT_AMOUNT(text=text), expected)
    try:
        value = Decimal(match["num"])
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
        raise CellError(messages.CELL_NOT_AMOUNT(text=text), expected) from None
    if value < 0:
        raise CellError(messages.CELL_NEGATIVE(text=text), expected)
    written_unit = (match["unit"] or "").strip()
    if kind == "amount":
        if written_unit and written_unit != unit:
            raise CellError(messages.CELL_WRONG_UNIT(text=text, written=written_unit, unit=unit), expected)
        return Cell("number", value, match["num"], unit)
    if not written_unit:
        raise CellError(messages.CELL_NO_UNIT(text=text), expected)
    return Cell("number", value, text, written_unit)
