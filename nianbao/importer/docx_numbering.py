"""Word's paragraph styles and list numbering: which paragraphs are headings, and the number a
numbered paragraph shows (一、 （二） 3.) although its text does not hold it.

A body types 「政府信息公开总体情况」 in a list Word numbers 一、二、…: the number is drawn from
numbering.xml (the paragraph's w:numPr, or its style's, names a list and a level; the level's
w:numFmt and w:lvlText say how the number is written), counted as Word counts it: in document
order, one counter per list and level, a level restarting after the levels above it. The prose
reader finds parts by their number, so the number is put back in front of the text here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..numerals import NUMERALS

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def q(tag: str) -> str:
    """The Clark name of a w: element or attribute, as lxml spells it."""
    return f"{{{W}}}{tag}"


def val(el: Any, name: str = "val") -> str | None:
    return None if el is None else el.get(q(name))


def to_int(text: str | None, default: int | None = None) -> int | None:
    """A number attribute's value; ``default`` when it is missing or no number."""
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


# --- styles --------------------------------------------------------------------------------------

_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_TOC_NAME = re.compile(r"^(?:toc|目录)\s*[1-9]$|^toc heading$|^目录标题$", re.IGNORECASE)
_MAX_CHAIN = 20  # styles based on one another: Word allows no cycle, a broken file may have one


@dataclass
class _Style:
    based_on: str | None
    name: str
    num_id: str | None
    ilvl: int | None
    outline: int | None


class Styles:
    """The paragraph styles of styles.xml, by id, with what a paragraph inherits from them."""

    def __init__(self, styles: Any) -> None:
        self.by_id: dict[str, _Style] = {}
        self.default = ""
        # Asked once a paragraph: a report of a few thousand paragraphs uses a dozen styles.
        self._chains: dict[str | None, list[tuple[str, _Style]]] = {}
        self._levels: dict[tuple[str | None, int | None], int] = {}
        for el in [] if styles is None else styles.iterfind(q("style")):
            if val(el, "type") not in (None, "paragraph"):
                continue
            sid = val(el, "styleId") or ""
            ppr = el.find(q("pPr"))
            num_pr = ppr.find(q("numPr")) if ppr is not None else None
            self.by_id[sid] = _Style(
                based_on=val(el.find(q("basedOn"))), name=(val(el.find(q("name"))) or "").strip(),
                num_id=val(num_pr.find(q("numId"))) if num_pr is not None else None,
                ilvl=to_int(val(num_pr.find(q("ilvl")))) if num_pr is not None else None,
                outline=to_int(val(ppr.find(q("outlineLvl")))) if ppr is not None else None)
            if val(el, "default") in ("1", "true", "on"):
                self.default = sid

    def chain(self, style_id: str | None) -> list[tuple[str, _Style]]:
        """The style and those it is based on, nearest first."""
        if style_id in self._chains:
            return self._chains[style_id]
        out: list[tuple[str, _Style]] = []
        sid = style_id if style_id in self.by_id else self.default
        while sid in self.by_id and len(out) < _MAX_CHAIN and all(s != sid for s, _ in out):
            out.append((sid, self.by_id[sid]))
            sid = self.by_id[sid].based_on or ""
        self._chains[style_id] = out
        return out

    def is_toc(self, style_id: str | None) -> bool:
        """A line of a table of contents (目录): its 一、… are not the parts' headings."""
        return style_id is not None and any(_TOC_NAME.match(style.name) for _, style in self.chain(style_id))

    def heading_level(self, style_id: str | None, outline: int | None) -> int:
        """1–9 for a title or heading (by its style's name or its outline level), else 0."""
        key = (style_id, outline)
        if key not in self._levels:
            self._levels[key] = self._heading_level(style_id, outline)
        return self._levels[key]

    def _heading_level(self, style_id: str | None, outline: int | None) -> int:
        if outline is not None and 0 <= outline <= 8:
            return outline + 1
        for _, style in self.chain(style_id):
            name = style.name.lower()
            if name in ("title", "标题"):
                return 1
            match = _HEADING_NAME.match(name)
            if match:
                return int(match[1])
            if style.outline is not None and 0 <= style.outline <= 8:
                return style.outline + 1
        return 0


# --- numbers as the list levels write them ---------------------------------------------------------

_CN = "〇" + NUMERALS[:9]
_LEGAL = "零壹贰叁肆伍陆柒捌玖"


def _chinese(n: int, digits: str = _CN, units: str = "十百千", zero: str = "〇") -> str:
    """1 → 一, 10 → 十, 11 → 十一, 21 → 二十一, 105 → 一百〇五, as Word's chineseCounting."""
    if n <= 0 or n >= 10_000:
        return "".join(digits[int(d)] for d in str(max(n, 0)))
    out, pending_zero = "", False
    for power in (3, 2, 1, 0):
        d = n // 10 ** power % 10
        if d == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out += zero
            pending_zero = False
        skip_one = power == 1 and d == 1 and not out and digits is _CN  # 十一, not 一十一
        out += ("" if skip_one else digits[d]) + (units[power - 1] if power else "")
    return out


def _letters(n: int, upper: bool) -> str:
    """1 → a … 26 → z, 27 → aa, as Word repeats the letter (up to four times, then in digits)."""
    if not 0 < n <= 4 * 26:
        return str(n)
    letter = chr(ord("A" if upper else "a") + (n - 1) % 26)
    return letter * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _enclosed(n: int, first: int) -> str:
    return chr(first + n - 1) if 1 <= n <= 20 else str(n)


def format_number(n: int, fmt: str) -> str:
    """``n`` as the level's w:numFmt writes it; an unknown format as decimal."""
    if fmt in ("chineseCounting", "japaneseCounting", "taiwaneseCounting", "koreanCounting"):
        return _chinese(n)
    if fmt in ("chineseCountingThousand", "taiwaneseCountingThousand", "japaneseCountingThousand"):
        return _chinese(n, zero="零")
    if fmt in ("chineseLegalSimplified", "japaneseLegal"):
        return _chinese(n, _LEGAL, "拾佰仟", "零")
    if fmt in ("ideographDigital", "taiwaneseDigital"):
        return "".join(_CN[int(d)] for d in str(max(n, 0)))
    if fmt == "ideographTraditional":
        return "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return "子丑寅卯辰巳午未申酉戌亥"[(n - 1) % 12] if n > 0 else str(n)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(max(n, 0)))
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return _enclosed(n, 0x2460)
    if fmt == "decimalEnclosedFullstop":
        return _enclosed(n, 0x2488)
    if fmt == "decimalEnclosedParen":
        return _enclosed(n, 0x2474)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperLetter", "lowerLetter"):
        return _letters(n, fmt == "upperLetter")
    if fmt in ("upperRoman", "lowerRoman"):
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    if fmt == "none":
        return ""
    return str(n)


# --- list numbering --------------------------------------------------------------------------------

@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = ""
    # Word writes w:start always; a file from another tool that leaves it out means its lists to
    # start at 1 (the spec's 0 would make a part heading 〇、, which no body prints).
    start: int = 1
    restart: int | None = None  # w:lvlRestart: restart only after these levels (0: never)
    legal: bool = False  # w:isLgl: every number of the level text in decimal
    style: str = ""  # w:pStyle: the paragraph style this level is linked to
    suffix: str = "tab"  # w:suff: tab, space or nothing between the number and the text


# Word's own bounds: a list starts at 0 to 32767; a level text is a few characters (「（%1）」).
# Beyond them a file is hostile, and a number must not become a long string for every paragraph.
_MAX_START = 32_767
_MAX_LEVEL_TEXT = 40


def _start(value: int | None) -> int:
    return min(max(value or 0, 0), _MAX_START)


def _level(el: Any) -> _Level:
    lvl = _Level()
    lvl.fmt = val(el.find(q("numFmt"))) or "decimal"
    lvl.text = (val(el.find(q("lvlText"))) or "")[:_MAX_LEVEL_TEXT]
    lvl.start = _start(to_int(val(el.find(q("start"))), 1))
    lvl.restart = to_int(val(el.find(q("lvlRestart"))))
    legal = el.find(q("isLgl"))
    lvl.legal = legal is not None and val(legal) not in ("0", "false", "off")
    lvl.style = val(el.find(q("pStyle"))) or ""
    lvl.suffix = val(el.find(q("suff"))) or "tab"
    return lvl


def _levels(el: Any) -> dict[int, _Level]:
    out: dict[int, _Level] = {}
    for lvl in el.iterfind(q("lvl")):
        ilvl = to_int(val(lvl, "ilvl"))
        if ilvl is not None and 0 <= ilvl <= 8:
            out[ilvl] = _level(lvl)
    return out


@dataclass
class _Num:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)  # w:lvlOverride/w:startOverride
    levels: dict[int, _Level] = field(default_factory=dict)  # w:lvlOverride/w:lvl


_PLACEHOLDER = re.compile(r"%([1-9])")
# A number typed at the start of the text (一、 （二） 3. ①): the list's number is not put before it.
_TYPED = re.compile(rf"^\s*(?:[{NUMERALS}〇零百]+\s*[、.．]|[(（]\s*[{NUMERALS}0-9０-９]+\s*[)）]"
                    r"|[0-9０-９]+\s*[、.．)）]|[\u2460-\u249b]|第\s*[一二三四五六七八九十0-9]+\s*[部分章节条项])")


def typed_number(text: str) -> bool:
    return bool(_TYPED.match(text))


class Numbering:
    """The lists of numbering.xml and their counters, advanced paragraph by paragraph."""

    def __init__(self, numbering: Any, styles: Styles) -> None:
        self.styles = styles
        self.abstracts: dict[str, dict[int, _Level]] = {}
        self.links: dict[str, str] = {}  # abstractNum with w:numStyleLink → the style it follows
        self.style_of: dict[str, str] = {}  # w:styleLink style → the abstractNum defining it
        self.nums: dict[str, _Num] = {}
        self.counters: dict[str, dict[int, int]] = {}
        for el in [] if numbering is None else numbering.iterfind(q("abstractNum")):
            aid = val(el, "abstractNumId") or ""
            self.abstracts[aid] = _levels(el)
            if val(el.find(q("numStyleLink"))):
                self.links[aid] = val(el.find(q("numStyleLink"))) or ""
            if val(el.find(q("styleLink"))):
                self.style_of[val(el.find(q("styleLink"))) or ""] = aid
        for el in [] if numbering is None else numbering.iterfind(q("num")):
            num = _Num(val(el.find(q("abstractNumId"))) or "")
            for override in el.iterfind(q("lvlOverride")):
                ilvl = to_int(val(override, "ilvl"))
                if ilvl is None:
                    continue
                start = to_int(val(override.find(q("startOverride"))))
                if start is not None:
                    num.starts[ilvl] = _start(start)
                lvl = override.find(q("lvl"))
                if lvl is not None:
                    num.levels[ilvl] = _level(lvl)
            self.nums[val(el, "numId") or ""] = num

    def number(self, p: Any) -> tuple[str, str]:
        """The number the paragraph shows and what goes between it and the text ('' when not
        numbered, or numbered with a bullet); the list's counter advanced."""
        found = self._list_of(p)
        if found is None:
            return "", ""
        num_id, ilvl = found
        num = self.nums[num_id]
        levels = {**self._abstract_levels(num.abstract), **num.levels}
        lvl = levels.get(ilvl)
        if lvl is None:
            return "", ""
        # Lists sharing a definition count on together, as Word counts them; a list restarted
        # (w:startOverride) counts on its own.
        counters = self.counters.setdefault(num_id if num.starts else "a" + num.abstract, {})
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else num.starts.get(ilvl, lvl.start)
        for deeper in [k for k in counters if k > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart != 0 and ilvl < restart):
                del counters[deeper]
        if lvl.fmt == "bullet":
            return "", ""

        def shown(match: re.Match[str]) -> str:
            k = int(match[1]) - 1
            level = levels.get(k, _Level())
            value = counters.get(k, num.starts.get(k, level.start))
            return format_number(value, "decimal" if lvl.legal and level.fmt != "none" else level.fmt)

        text = _PLACEHOLDER.sub(shown, lvl.text).strip()
        if not text:
            return "", ""
        between = "" if lvl.suffix == "nothing" or not text[-1].isascii() else " "
        return text, between

    def _abstract_levels(self, aid: str) -> dict[int, _Level]:
        """The levels of a definition; one that only follows a numbering style (w:numStyleLink)
        has the levels of the definition that style names."""
        style = self.links.get(aid)
        if style is not None and style in self.style_of:
            return self.abstracts.get(self.style_of[style], {})
        if style is not None:
            for _, s in self.styles.chain(style):
                if s.num_id in self.nums and self.nums[s.num_id].abstract != aid:
                    return self.abstracts.get(self.nums[s.num_id].abstract, {})
        return self.abstracts.get(aid, {})

    def _list_of(self, p: Any) -> tuple[str, int] | None:
        """(numId, level) of the paragraph's list: its own w:numPr, else its style's; numId 0
        takes a style's numbering off."""
        ppr = p.find(q("pPr"))
        style_id = val(ppr.find(q("pStyle"))) if ppr is not None else None
        num_pr = ppr.find(q("numPr")) if ppr is not None else None
        num_id = val(num_pr.find(q("numId"))) if num_pr is not None else None
        ilvl = to_int(val(num_pr.find(q("ilvl")))) if num_pr is not None else None
        chain = self.styles.chain(style_id) if style_id is not None or num_id is None or ilvl is None else []
        for _, style in chain:
            if num_id is None and style.num_id is not None:
                num_id = style.num_id
            if ilvl is None and style.ilvl is not None:
                ilvl = style.ilvl
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return None
        if ilvl is None:
            linked = {sid for sid, _ in chain}
            levels = self._abstract_levels(self.nums[num_id].abstract)
            ilvl = next((k for k, lvl in levels.items() if lvl.style in linked), 0)
        return num_id, min(max(ilvl, 0), 8)
