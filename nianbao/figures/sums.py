"""Adding cells up without inventing a number: a blank is never 0, and 不适用 is left out.

The rules of the region 汇总 (and of a figure made of several cells): numbers add up; a number plus
a blank is a partial sum that says how many cells were blank; blanks alone stay blank (not stated);
不适用 alone stays 不适用, and beside anything else is left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from ..cells import Cell

AmountState = Literal["number", "partial", "blank", "na"]


@dataclass(frozen=True, slots=True)
class Amount:
    """A sum of cells: its state, the sum of the numbers given, and how many cells were blank."""

    state: AmountState
    value: Decimal | None = None  # number and partial only
    blanks: int = 0  # blank cells among those added (partial; blank: all of them)

    @property
    def known(self) -> bool:
        """A value a comparison can use as it is: a complete sum."""
        return self.state == "number"



def add(items: Iterable[Cell | Amount]) -> Amount:
    """The sum of cells and of sums already made, under the rules above."""
    total = Decimal(0)
    numbers = blanks = na = 0
    for item in items:
        if isinstance(item, Cell):
            if item.state == "number" and item.value is not None:
                total += item.value
                numbers += 1
            elif item.state == "blank":
                blanks += 1
            else:
                na += 1
        elif item.state in ("number", "partial"):
            total += item.value or 0
            numbers += 1
            blanks += item.blanks
        elif item.state == "blank":
            blanks += max(item.blanks, 1)
        else:
            na += 1
    if numbers:
        return Amount("partial" if blanks else "number", total, blanks)
    if blanks:
        return Amount("blank", blanks=blanks)
    return Amount("na") if na else Amount("blank")
