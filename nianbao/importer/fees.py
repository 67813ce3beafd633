"""Part 六's 信息处理费 figures (国办函〔2020〕109号; 2021 format) from the words that state them.

Only what the text states, each figure on its own:

- 发出收费通知 N 件 → ``notices_count``; 未发出收费通知 → ``notices_count: 0``;
- the notices' 金额 N 元 (in the same sentence as the notices) → ``notices_amount_yuan``;
- 实际收取（信息处理费）N 元, 收取信息处理费 N 元 → ``collected_amount_yuan``;
  未收取信息处理费 → ``collected_amount_yuan: 0`` and nothing else.

Amounts are in 元 (万元 is converted and said); "1,234" and full-width digits are read.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

from ..catalogue import importer as msg
from ..model import Fees

_NUM = r"([0-9][0-9,]*(?:\.[0-9]+)?)"
_NOTICES = re.compile(r"(?:发出|发送|送达|出具|开具|下发)了?(?:信息处理费)?(?:的)?收费通知(?:书|单)?"
                      r"(?:共计|共|合计|总计)?\s*" + _NUM + r"\s*[件份次个]")
_NOTICES_LEAD = re.compile(r"(?:共计|共|合计)?(?:发出|发送|出具|开具|下发)\s*" + _NUM
                           + r"\s*[件份次个](?:信息处理费)?收费通知")
_NO_NOTICES = re.compile(r"(?:未|没有|无)(?:发出|发送|出具|开具|下发)(?:过|任何)?(?:信息处理费)?(?:的)?收费通知")
_NOTICE_AMOUNT = re.compile(r"(?:总金额|金额|总计金额|收费金额)(?:共计|合计|总计|为|共|是)?\s*" + _NUM
                            + r"\s*(万元|元)")
_COLLECTED = (
    re.compile(r"实际收取(?:的)?(?:信息处理费|费用)?(?:总额|总金额|金额)?(?:共计|合计|总计|为|共|是)?\s*" + _NUM
               + r"\s*(万元|元)"),
    re.compile(r"(?<!未)(?<!没有)(?<!不)收取(?:了)?(?:政府信息公开)?信息处理费(?:共计|合计|总计|共|为)?\s*" + _NUM
               + r"\s*(万元|元)"),
    re.compile(r"信息处理费(?:收入|共计|合计|总计)\s*" + _NUM + r"\s*(万元|元)"),
)
_NOT_COLLECTED = re.compile(r"(?:未|没有|无|不存在|未发生|未产生)[^。；;，,]{0,8}?收取[^。；;，,]{0,12}?信息处理费"
                            r"|信息处理费[^。；;，,]{0,4}(?:为零|为0元|0元)")
_SENTENCE = re.compile(r"[^。；;！？\n]+")


def read_fees(text: str) -> tuple[dict[str, Any], list[str]]:
    """The fees a part's text states, in ``Fees`` field order, and notes for the summary."""
    folded = unicodedata.normalize("NFKC", text)  # full-width ， and digits become , and 0-9
    folded = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", folded)  # thousands separators
    fees: dict[str, Any] = {}
    notes: list[str] = []
    for sentence in _SENTENCE.findall(folded):
        if "收费通知" in sentence and "notices_count" not in fees:
            match = _NOTICES.search(sentence) or _NOTICES_LEAD.search(sentence)
            if match:
                fees["notices_count"] = int(match[1].replace(",", ""))
                after = sentence[match.end():]
                before_collected = re.split(r"实际|收取", after, maxsplit=1)[0]
                amount = _NOTICE_AMOUNT.search(before_collected)
                if amount:
                    fees["notices_amount_yuan"] = _yuan(amount[1], amount[2], notes)
            elif _NO_NOTICES.search(sentence):
                fees["notices_count"] = 0
        if "collected_amount_yuan" not in fees:
            for pattern in _COLLECTED:
                match = pattern.search(sentence)
                if match:
                    fees["collected_amount_yuan"] = _yuan(match[1], match[2], notes)
                    break
            else:
                if _NOT_COLLECTED.search(sentence):
                    fees["collected_amount_yuan"] = 0
    return {k: fees[k] for k in Fees.model_fields if k in fees}, notes


def _yuan(number: str, unit: str, notes: list[str]) -> int | str:
    try:
        value = Decimal(number.replace(",", ""))
    except InvalidOperation:
        return number
    if unit == "万元":
        converted = value * 10000
        notes.append(msg.FEES_CONVERTED(number=number, yuan=_plain(converted)))
        value = converted
    return _plain(value)


def _plain(value: Decimal) -> int | str:
    if value == value.to_integral_value():
        return int(value)
    return format(value.normalize(), "f")
