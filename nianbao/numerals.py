"""Chinese numerals as the statute and the reports number things, defined once.

A report has six parts, 一 to 六 (一、总体情况 …); within a part, sections and table rows are
numbered （一）, （二） … and items 1. 2. …; headings seen in real reports run up to 十. The model's
part keys, the page anchors (part-1, t2), the writer's part order and the importer's heading
patterns all read them here, so a part can never be 一 in one place and missing in another.
"""

from __future__ import annotations

from typing import Literal, get_args

# The numerals of headings, 1 to 10: 一、 for a part, （一） for a section or a row.
NUMERALS = "一二三四五六七八九十"
# One numeral, or a run of them (十一), inside a regular expression.
NUMERAL = f"[{NUMERALS}]"
# The six parts of an annual report (条例第五十条), as they key ``parts:`` in a report's YAML.
# A Literal for the model's type; PART_KEYS is read from it so the six are written once.
PartKey = Literal["一", "二", "三", "四", "五", "六"]
PART_KEYS: tuple[str, ...] = get_args(PartKey)
# 一 → 1 … 六 → 6: part numbers where a name must be ASCII (anchors such as part-1, table ids t2).
PART_NUMBER = {key: number for number, key in enumerate(PART_KEYS, 1)}


def numeral_value(numeral: str) -> int | None:
    """一 → 1 … 十 → 10, or None for anything else."""
    index = NUMERALS.find(numeral) if len(numeral) == 1 else -1
    return index + 1 if index >= 0 else None
