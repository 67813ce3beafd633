"""The 核对规则 page: every rule of the catalogue, what it checks and why, in plain Chinese.

Generated from the catalogue, like the terminal's `python -m nianbao rules`, so the public page
and the maintainer's messages cannot drift apart.
"""

from __future__ import annotations

from ..catalogue import CATEGORIES, Rule, all_rules
from ..catalogue import statuses as S
from .pages import Page, md_text, page_meta

RULES_PAGE = "rules.md"
TITLE = "核对规则"
_INTRO = ("本站在发布每份年度报告之前，按下列规则核对它的数据。核对只看数字之间、年度之间和格式上的关系，"
          "不评价机关的工作。每条规则都有一个编号，年度报告页面的“数据核对”部分用这个编号注明核对的是哪一条。")
_SEVERITY = {"error": "发现即须更正或确认", "warning": "提醒核实"}


def statuses_markdown() -> str:
    """The statuses of a check result and what each means: one list, used wherever they are explained."""
    return "\n".join(f"- **{md_text(s.label())}**：{md_text(s.explanation())}" for s in S.ALL) + "\n"


def _row(rule: Rule) -> str:
    notes = [_SEVERITY[rule.severity]]
    if rule.cross_year:
        notes.append("对照上一年度的报告")
    if rule.acknowledgeable:
        notes.append("原文如此的可确认后照原文发布")
    cells = (f"<span id=\"rule-{rule.id}\">`{rule.id}`</span>", md_text(rule.title), md_text(rule.citizen),
             md_text(rule.basis), "；".join(notes))
    return "| " + " | ".join(cells) + " |"


def rules_markdown(rules: tuple[Rule, ...]) -> str:
    md = [f"# {TITLE}\n", _INTRO + "\n", "## 核对结果的含义 {#statuses}\n", statuses_markdown()]
    for key, name in CATEGORIES.items():
        chosen = [r for r in rules if r.category == key]
        if not chosen:
            continue
        md.append(f"## {name()} {{#{key.replace('_', '-')}}}\n")
        md.append("\n".join(["| 编号 | 规则 | 核对什么、为什么 | 依据 | 说明 |", "|---|---|---|---|---|",
                             *(_row(r) for r in chosen)]) + "\n")
    return "\n".join(md)


def rules_page() -> Page:
    return Page(RULES_PAGE, rules_markdown(all_rules()), meta=page_meta(title=TITLE, article_title=TITLE))
