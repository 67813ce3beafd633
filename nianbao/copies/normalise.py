"""Normalisation before comparing: what every report must contain is taken out first.

Two reports written independently still share the statute's opening sentence, the headings of
the six parts, the tables' labels, and differ in their names, years and figures. Compared as
they are, two such reports look alike, and a copy with the names and figures changed looks
different. So, in this order:

1. On the text as written (sentences are still delimited): sentences about the report itself
   (本报告根据《中华人民共和国政府信息公开条例》… , 报告中所列数据的统计期限…, 如对本报告有任何
   疑问…), heading numbers such as （一） and 一、, and years written in Chinese numerals (二〇二一年).
2. Everything that is not a letter: punctuation, white space, digits (ASCII and full-width).
3. On what is left (letters only, so a label matches however it was punctuated): the body's own
   names (full name, short name, region names and their stems), then the part headings, and
   every label, caption, band and corner of every table of every format (nianbao/formats).

The result keeps, for each of its characters, the position it came from in the original text
(``Normalised.origin``), so a copied passage found in normalised text is shown where it was
written.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property

from ..formats import Node, all_formats
from ..numerals import NUMERALS

# Sentences that speak of the report itself are the template's, whoever wrote them: the
# statute's opening sentence, the statistical period, where to ask about the report. A sentence
# ends at 。！？; or a line break.
_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")
_ABOUT_THE_REPORT = re.compile(r"本报告|本年度报告|本年报|政府信息公开条例》.*报告|统计(?:期限|时限|期间|区间)")
# Heading numbers inside a text: （一） (一) 一、 and 1. 1、 (the digits go anyway in step 2).
_HEADING_NUMBER = re.compile(rf"[（(][{NUMERALS}]+[）)]|(?:^|(?<=[\n。；：]))[{NUMERALS}]+、", re.MULTILINE)
# The same, and a year in Chinese numerals (二〇二一年): digits in words, as removable as 2021.
_NUMBERS = re.compile(rf"{_HEADING_NUMBER.pattern}|[〇零一二三四五六七八九]{{4}}年", re.MULTILINE)
# What survives step 2: letters of any script. \w is letters, digits and _; the rest is removed.
_LETTERS = re.compile(r"[^\W\d_]+")
# Labels shorter than this are ordinary words (总计, 其他, 纠正, 自然人): removing them from prose
# would cut it into pieces without taking out anything a template imposes.
MIN_LABEL = 4
# Endings of region and body names: 示例县 is also written 示例, 王岗镇 also 王岗.
_NAME_ENDINGS = ("特别行政区", "自治区", "自治州", "自治县", "街道", "地区",
                 "省", "市", "县", "区", "镇", "乡", "旗", "盟")


@dataclass(frozen=True)
class Normalised:
    """A text with the template taken out: ``text`` is letters only; character i of it was
    written at ``origin(i)`` in the original."""

    text: str
    # Runs of kept characters: (start in text, start in the original, length), in order.
    runs: tuple[tuple[int, int, int], ...]

    @cached_property
    def _starts(self) -> list[int]:
        return [run[0] for run in self.runs]

    def origin(self, index: int) -> int:
        """The position in the original text of normalised character ``index``."""
        run = self.runs[bisect_right(self._starts, index) - 1]
        return run[1] + index - run[0]


def letters(text: str) -> str:
    """A label or a name as it is compared: its heading numbers and everything but letters
    removed (steps 1 and 2), as from the texts."""
    return "".join(_LETTERS.findall(_HEADING_NUMBER.sub(" ", text)))


def _label_strings(nodes: Iterable[Node]) -> Iterable[str]:
    for node in nodes:
        yield node.label
        yield from node.variants
        yield from _label_strings(node.children)


@cache
def template_phrases() -> tuple[str, ...]:
    """Every part heading and table label of every format, as letters, longest first."""
    found: set[str] = set()
    for fmt in all_formats():
        for part in fmt.parts:
            found.add(part.heading)
            found.update(part.phrases)
        for table in fmt.tables:
            found.add(table.caption)
            for block in table.blocks:
                found.update((block.band, block.corner))
                found.update(_label_strings(block.rows))
                found.update(_label_strings(block.columns))
    phrases = {letters(p) for p in found}
    return tuple(sorted((p for p in phrases if len(p) >= MIN_LABEL), key=lambda p: (-len(p), p)))


@cache
def _template_pattern() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(p) for p in template_phrases()))


def name_phrases(names: Iterable[str]) -> tuple[str, ...]:
    """A body's names as letters, with their stems (示例县 → 示例), longest first."""
    found: set[str] = set()
    for name in names:
        name = letters(name)
        if not name:
            continue
        found.add(name)
        for ending in _NAME_ENDINGS:
            if name.endswith(ending) and len(name) - len(ending) >= 2:
                found.add(name[: -len(ending)])
                break
    return tuple(sorted(found, key=lambda p: (-len(p), p)))


def names_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    phrases = name_phrases(names)
    return re.compile("|".join(re.escape(p) for p in phrases)) if phrases else None


def _drop(pattern: re.Pattern[str], text: str, runs: Sequence[tuple[int, int, int]]
          ) -> tuple[str, tuple[tuple[int, int, int], ...]]:
    """Remove every match of ``pattern`` from a normalised text, keeping the runs' origins."""
    cuts = [(m.start(), m.end()) for m in pattern.finditer(text) if m.end() > m.start()]
    if not cuts:
        return text, tuple(runs)
    kept: list[tuple[int, int]] = []  # intervals of the current text to keep
    position = 0
    for start, end in cuts:
        if start > position:
            kept.append((position, start))
        position = end
    if position < len(text):
        kept.append((position, len(text)))
    new_runs: list[tuple[int, int, int]] = []
    out: list[str] = []
    length = 0
    r = 0
    for start, end in kept:
        out.append(text[start:end])
        # Split the kept interval along the old runs it crosses.
        while r < len(runs) and runs[r][0] + runs[r][2] <= start:
            r += 1
        i = r
        cursor = start
        while cursor < end:
            run_start, origin, run_length = runs[i]
            piece_end = min(end, run_start + run_length)
            new_runs.append((length, origin + cursor - run_start, piece_end - cursor))
            length += piece_end - cursor
            cursor = piece_end
            if cursor >= run_start + run_length:
                i += 1
        r = i
    return "".join(out), tuple(new_runs)


def _merge(runs: Iterable[tuple[int, int, int]]) -> tuple[tuple[int, int, int], ...]:
    """Join runs that continue each other in both texts."""
    merged: list[tuple[int, int, int]] = []
    for run in runs:
        if merged and merged[-1][0] + merged[-1][2] == run[0] and merged[-1][1] + merged[-1][2] == run[1]:
            last = merged[-1]
            merged[-1] = (last[0], last[1], last[2] + run[2])
        else:
            merged.append(run)
    return tuple(merged)


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def normalise(text: str, names: re.Pattern[str] | None = None) -> Normalised:
    """The text with the template, the names given (see ``names_pattern``), digits, punctuation
    and white space taken out (steps 1–3 above)."""
    # Step 1: blank out what must go while sentences are still delimited, keeping positions.
    # Sentence by sentence, a cheap test first: most sentences mention neither 报告 nor 统计.
    masked = text
    if "报告" in text or "统计" in text:
        masked = _SENTENCE.sub(lambda m: " " * len(m.group()) if _ABOUT_THE_REPORT.search(m.group())
                               else m.group(), text)
    masked = _NUMBERS.sub(_blank, masked)
    # Step 2: letters only.
    pieces: list[str] = []
    runs: list[tuple[int, int, int]] = []
    length = 0
    for match in _LETTERS.finditer(masked):
        pieces.append(match.group())
        runs.append((length, match.start(), match.end() - match.start()))
        length += match.end() - match.start()
    normal = "".join(pieces)
    runs_t = tuple(runs)
    # Step 3: names first (a name may hold a label's words: 示例县信息公开办), then the template.
    if names is not None:
        normal, runs_t = _drop(names, normal, runs_t)
    normal, runs_t = _drop(_template_pattern(), normal, runs_t)
    return Normalised(normal, _merge(runs_t))
