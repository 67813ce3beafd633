"""Table labels as published → the format definitions' labels.

Every label the importer knows comes from ``nianbao.formats``; nothing here spells one out.
``normalize`` folds what never changes a label's meaning (full/half-width brackets, punctuation
and digits, white space and line breaks, numbering "1." / "1、" / "1．", quotes, Markdown). A
match is exact (after folding), through the definition's ``variants`` (accepted with a warning),
without the item number, or, within the detected format only, a close spelling ("本年发件" →
本年制发件数), also with a warning.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from ..catalogue import importer as msg
from ..formats import Format, Node, all_formats
from ..numerals import NUMERAL

Role = Literal["row", "column", "band", "corner", "group"]
How = Literal["exact", "variant", "unnumbered", "close"]

_QUOTES = str.maketrans("", "", "\"'“”‘’「」『』")
_NUMBERING = re.compile(r"^(\d+)[.、,，:：)）]")
_CN_NUMBERING = re.compile(rf"^({NUMERAL}+)[.、,，:：]")
_PAREN_NUMBERING = re.compile(rf"^[(]({NUMERAL}+)[)]")
_CJK = "\u2e80-\u9fff"
_SPLIT_WORD = re.compile(rf"[{_CJK}][ \t\n\u00a0\u3000]+[{_CJK}]")


# Text this long is no label (the longest is under 40 characters): it is compared as it is, for
# NFKC can make a text 18 times longer.
_NOT_A_LABEL = 1000


def normalize(text: str) -> str:
    """The comparable form of a label: 「（二）部分公开（…）」 and 「(二) 部分公开(…)」 fold alike."""
    if len(text) > _NOT_A_LABEL:
        return text
    text = unicodedata.normalize("NFKC", text).replace("**", "")
    text = text.translate(_QUOTES)
    text = re.sub(r"\s+", "", text)
    text = text.replace("〔", "[").replace("〕", "]").replace("【", "[").replace("】", "]")
    text = _NUMBERING.sub(r"\1.", text)
    text = _CN_NUMBERING.sub(r"\1、", text)
    return text.rstrip(":")  # after NFKC: ：and ， are : and , already


def unnumbered(text: str) -> str:
    """A normalized label without its leading item number (1. / 一、 / (一))."""
    for pattern in (_NUMBERING, _CN_NUMBERING, _PAREN_NUMBERING):
        text = pattern.sub("", text, count=1)
    return text


def split_word(text: str) -> bool:
    """True when white space or a line break cuts a word in two (「商业\\n企业」, 「结果 维持」)."""
    return bool(_SPLIT_WORD.search(text))


@dataclass(frozen=True)
class Label:
    """One official label of a format: where it sits and what it stands for."""

    format: str
    table: str
    role: Role
    label: str
    key: str = ""  # dotted row key for rows and row groups, column key for columns
    block: int = 0


@dataclass(frozen=True)
class Match:
    label: Label
    how: How
    published: str

    @property
    def note(self) -> str:
        """A warning naming what was accepted, or '' for an exact match."""
        shown = self.published.replace("\n", "⏎")
        if self.how == "exact":
            if split_word(self.published):
                return msg.LABEL_BROKEN(shown=shown, label=self.label.label)
            return ""
        return msg.LABEL_READ_AS(shown=shown, how=msg.LABEL_HOW[self.how](), label=self.label.label)


def _row_labels(fmt: Format, table: str, block: int, nodes: tuple[Node, ...], prefix: str) -> Iterator[Label]:
    for node in nodes:
        key = f"{prefix}.{node.key}" if prefix else node.key
        yield Label(fmt.id, table, "group" if node.children else "row", node.label, key, block)
        yield from _row_labels(fmt, table, block, node.children, key)


def _column_labels(fmt: Format, table: str, block: int, nodes: tuple[Node, ...]) -> Iterator[Label]:
    for node in nodes:
        yield Label(fmt.id, table, "column", node.label, node.key, block)
        yield from _column_labels(fmt, table, block, node.children)


@cache
def format_labels(format_id: str) -> tuple[tuple[Label, tuple[str, ...]], ...]:
    """Every label of a format with its accepted variant wordings."""
    fmt = next(f for f in all_formats() if f.id == format_id)
    out: list[tuple[Label, tuple[str, ...]]] = []
    for table in fmt.tables:
        for i, block in enumerate(table.blocks):
            if block.band:
                out.append((Label(fmt.id, table.key, "band", block.band, "", i), ()))
            if block.corner:
                out.append((Label(fmt.id, table.key, "corner", block.corner, "", i), ()))
            for label in _column_labels(fmt, table.key, i, block.columns):
                out.append((label, _variants(block.columns, label.label)))
            for label in _row_labels(fmt, table.key, i, block.rows, ""):
                out.append((label, _variants(block.rows, label.label)))
    return tuple(out)


def _variants(nodes: tuple[Node, ...], label: str) -> tuple[str, ...]:
    for node in nodes:
        if node.label == label:
            return node.variants
        found = _variants(node.children, label)
        if found:
            return found
    return ()


@cache
def _exact_index(format_id: str) -> dict[str, tuple[Label, ...]]:
    index: dict[str, list[Label]] = {}
    for label, _ in format_labels(format_id):
        index.setdefault(normalize(label.label), []).append(label)
    return {k: tuple(v) for k, v in index.items()}


@cache
def distinctive_labels() -> dict[str, frozenset[str]]:
    """Per format, the normalized labels no other format has: these tell which tables a page used."""
    sets = {f.id: frozenset(_exact_index(f.id)) for f in all_formats()}
    return {fid: labels - frozenset().union(*(s for other, s in sets.items() if other != fid))
            for fid, labels in sets.items()}


@cache
def any_label() -> frozenset[str]:
    """Every normalized label of every format (for telling table rows from prose)."""
    out: set[str] = set()
    for fmt in all_formats():
        for label, variants in format_labels(fmt.id):
            out.add(normalize(label.label))
            out.add(unnumbered(normalize(label.label)))
            out.update(normalize(v) for v in variants)
    return frozenset(x for x in out if len(x) >= 2)


def is_table_label(text: str) -> bool:
    norm = normalize(text)
    return norm in any_label() or unnumbered(norm) in any_label() or norm in {"信息内容", "申请人情况"}


@lru_cache(maxsize=8192)  # a page repeats its labels (信息内容, 总计…) and a hostile one repeats anything
def match_label(text: str, format_id: str, roles: tuple[Role, ...], table: str = "",
                fuzzy: bool = True) -> Match | None:
    """The official label of ``format_id`` that ``text`` stands for, among the given roles."""
    norm = normalize(text)
    if not norm:
        return None

    def ok(label: Label) -> bool:
        return label.role in roles and (not table or label.table == table)

    exact = [lb for lb in _exact_index(format_id).get(norm, ()) if ok(lb)]
    if exact:
        return Match(exact[0], "exact", text)
    labels = [known for known in _known(format_id) if ok(known.label)]
    for known in labels:
        if norm in known.variants:
            return Match(known.label, "variant", text)
    bare = unnumbered(norm)
    if len(bare) >= 4 or bare != norm:
        same = [known.label for known in labels if known.bare == bare]
        if len(same) == 1 and len(bare) >= 2:
            return Match(same[0], "unnumbered", text)
    if not fuzzy or len(bare) < 4 or len(bare) > 2 * _longest_label():
        return None  # difflib's time grows with the product of the lengths; no label is that long
    scored = sorted(((_closeness(known.matcher, bare), i, known.label) for i, known in enumerate(labels)),
                    key=lambda t: (-t[0], t[1]))
    if not scored or scored[0][0] < 0.75:
        return None
    if len(scored) > 1 and scored[1][0] > scored[0][0] - 0.08 and scored[1][2].label != scored[0][2].label:
        return None  # two labels fit about as well: do not guess
    return Match(scored[0][2], "close", text)


@dataclass(frozen=True, eq=False)
class _Known:
    """A label of a format as matching compares it, worked out once per format."""

    label: Label
    variants: frozenset[str]  # normalized
    bare: str  # normalized, without its item number
    matcher: difflib.SequenceMatcher[str]  # ``bare`` as the second sequence: difflib indexes it once


@cache
def _known(format_id: str) -> tuple[_Known, ...]:
    out = []
    for label, variants in format_labels(format_id):
        bare = unnumbered(normalize(label.label))
        out.append(_Known(label, frozenset(normalize(v) for v in variants), bare,
                          difflib.SequenceMatcher(None, "", bare)))
    return tuple(out)


def _closeness(matcher: difflib.SequenceMatcher[str], text: str) -> float:
    """difflib's ratio of ``text`` to the matcher's label, or 0 when its cheap upper bounds show it is
    at most 0.67: such a label can neither match (0.75) nor stand close to the best match (within
    0.08), so its exact ratio, the costly part of a fuzzy match, is never needed."""
    matcher.set_seq1(text)
    if matcher.real_quick_ratio() <= 0.67 or matcher.quick_ratio() <= 0.67:
        return 0.0
    return matcher.ratio()


@cache
def _longest_label() -> int:
    """The length of the longest normalized label or variant of any format."""
    return max(len(normalize(text)) for fmt in all_formats() for label, variants in format_labels(fmt.id)
               for text in (label.label, *variants))


def column_candidates(text: str, format_id: str) -> list[Label]:
    """Every column label (of any table and block) that a header cell may stand for: labels such as
    总计 or 本年处理决定数量 sit in several; the data row below tells which one is meant."""
    norm = normalize(text)
    if not norm:
        return []
    found = [lb for lb in _exact_index(format_id).get(norm, ()) if lb.role == "column"]
    if not found:
        found = [known.label for known in _known(format_id) if known.label.role == "column" and norm in known.variants]
    if not found:
        match = match_label(text, format_id, ("column",))
        if match is not None:
            found = [lb for lb, _ in format_labels(format_id)
                     if lb.role == "column" and lb.label == match.label.label]
    return found


_HEADER_WORDS = frozenset({"信息内容", "申请人情况"})


@cache
def _kinds() -> dict[str, str]:
    """Normalized label (and its unnumbered form) → "row", "group" or "header", over every format.
    A row label of one format that is a header label of another stays a header (T4's 行政复议 is a
    row of the side-by-side table, but sits in its header)."""
    out: dict[str, str] = {}
    rank = {"header": 3, "group": 2, "row": 1}
    for fmt in all_formats():
        side = {t.key for t in fmt.tables if any(b.layout == "side_by_side" for b in t.blocks)}
        for label, variants in format_labels(fmt.id):
            kind = "header" if label.role in ("column", "band", "corner") or label.table in side else label.role
            for text in (label.label, *variants):
                norm = normalize(text)
                for key in (norm, unnumbered(norm)):
                    if len(key) >= 2 and rank[kind] > rank.get(out.get(key, ""), 0):
                        out[key] = kind
    out.update(dict.fromkeys(_HEADER_WORDS, "header"))
    return out


def label_kind(text: str) -> str:
    """What a lone cell is in some format: "row", "group", "header", or '' for no label at all."""
    norm = normalize(text)
    kinds = _kinds()
    return kinds.get(norm) or (kinds.get(unnumbered(norm), "") if unnumbered(norm) != norm else "")
