"""The catalogue's building blocks: a text in two languages, a rule's wording, a rule.

Chinese is the language of every user; English is kept beside it in the same entry, for
developers and for `--lang en`. A text is a template with named parameters (``{year}``), filled
when a finding is made, in the language chosen for the run.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Lang = Literal["zh", "en"]
Severity = Literal["error", "warning"]

_chosen: Lang | None = None


def language() -> Lang:
    """The language of this run: set by `--lang`, else NIANBAO_LANG, else Chinese."""
    if _chosen is not None:
        return _chosen
    return "en" if os.environ.get("NIANBAO_LANG", "").strip().lower().startswith("en") else "zh"


def set_language(lang: Lang | None) -> None:
    global _chosen
    _chosen = lang


class _Params(dict[str, object]):
    # A parameter a call does not give reads as nothing: a maintainer never sees a traceback for
    # it, and tests/test_catalogue.py fills every template to catch a misspelt name.
    def __missing__(self, key: str) -> object:
        return ""


@dataclass(frozen=True)
class Text:
    """One text in Chinese and English; a template when it names parameters."""

    zh: str
    en: str = ""

    def __call__(self, **params: object) -> str:
        template = self.en if language() == "en" and self.en else self.zh
        return template.format_map(_Params(params)) if "{" in template else template

    def __bool__(self) -> bool:
        return bool(self.zh)


NONE = Text("")


@dataclass(frozen=True)
class Wording:
    """What a finding says: the rule, what was expected, what was found, what to do."""

    message: Text
    expected: Text = NONE
    found: Text = NONE
    hint: Text = NONE


@dataclass(frozen=True)
class Rule:
    """One entry of the catalogue: everything any part of nianbao says about one kind of finding."""

    id: str  # stable: acknowledgements and exports name it
    severity: Severity
    category: str  # a key of CATEGORIES
    title: str  # short, Chinese
    wording: Wording
    citizen: str  # what the rule checks and why, for a reader of the public site
    basis: str  # the statute, the format notice, or the reason
    acknowledgeable: bool = False  # a report may be published as printed, with the reason
    cross_year: bool = False  # reads the body's report of another year
    variants: Mapping[str, Wording] = field(default_factory=dict)  # other situations of the same rule

    def words(self, variant: str = "") -> Wording:
        return self.variants[variant] if variant else self.wording


CATEGORIES: dict[str, Text] = {
    "file": Text("数据文件", "data files"),
    "field": Text("字段与取值", "fields and values"),
    "table": Text("表格数据", "table data"),
    "report": Text("报告内容", "report content"),
    "identity": Text("勾稽关系", "arithmetic identities"),
    "cross_year": Text("跨年度核对", "checks across years"),
    "acknowledgement": Text("确认记录", "acknowledgements"),
    "revision": Text("修订记录", "revisions"),
}
