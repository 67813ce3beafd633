"""The statuses a check result has on the public pages, named and explained once.

The 数据核对 panel, the body pages and 如何阅读本站 all use these words, so a citizen meets one
vocabulary everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from .core import Text

T = Text


@dataclass(frozen=True)
class Status:
    key: str  # also the CSS modifier of the panel's items
    label: Text
    explanation: Text  # for citizens: what this status means


HOLDS = Status("ok", T("成立", "holds"), T("表格中的数字满足这一关系。", "the figures satisfy this relation"))
FAILS = Status("fail", T("不成立", "fails"),
               T("表格中的数字不满足这一关系：原文的数字有误，或录入时有误。", "the figures break this relation"))
TO_VERIFY = Status("warn", T("需核实", "to verify"),
                   T("可能有误，需要与原文核对。这类核对或是经验规则，或要对照上一年度的报告，数字不符未必是错误。",
                     "may be wrong: a heuristic or a check against last year's report"))
ACKNOWLEDGED = Status("ack", T("与原文一致（已确认）", "as published (acknowledged)"),
                      T("核对发现了不一致，维护者已与原文逐字比对，确认原文就是这样发布的；本站照原文公布，不作改动。",
                        "a finding the maintainer checked against the published report: printed so"))
NOT_STATED = Status("skip", T("未填写，无法核对", "not stated"), T("报告没有填写相关的数字，无法核对。", "the report leaves the cells blank"))
NOT_APPLICABLE = Status("skip", T("不适用", "not applicable"), T("这一关系不适用于这份报告（例如格式中没有相关栏目）。",
                                                               "the relation does not apply to this report"))
NO_PREVIOUS = Status("skip", T("无上年数据，未核对", "no previous year"),
                     T("这一核对要对照上一年度的报告，本站没有上一年度的报告。", "needs last year's report, which the site lacks"))

ALL = (HOLDS, FAILS, TO_VERIFY, ACKNOWLEDGED, NOT_STATED, NOT_APPLICABLE, NO_PREVIOUS)
SKIPPED = {"not_stated": NOT_STATED, "not_applicable": NOT_APPLICABLE, "no_previous": NO_PREVIOUS}

PANEL_SUMMARY = T("共 {items} 项核对：{holds} 项{holds_label}，{open} 项{open_label}，{acked} 项{acked_label}，{skipped} 项未核对。",
                  "{items} checks: {holds} hold, {open} to verify, {acked} acknowledged, {skipped} not checked.")
HOLDS_AT = T("{label}（{count} 处）", "{label} ({count})")
ALL_HOLD = T("全部成立", "all hold")
ALL_HOLD_ACKED = T("全部成立，{count} 项{label}", "all hold, {count} acknowledged")
OPEN_COUNT = T("{count} 项{label}", "{count} to verify")
