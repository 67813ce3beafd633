"""What text may hold: the characters refused everywhere, and the length of every kind of field.

Data files refuse these characters (the loader names the field and the character); the importer
removes them from what it reads, with a warning, so that what it writes always loads. They are
invisible or reorder what a reader sees, and some of them (DEL, C1 controls, U+FFFE) once made a
YAML parser give up silently and let markup through. No report needs any of them.
"""

from __future__ import annotations

import re
import unicodedata

from .catalogue import messages

# C0 controls but tab and newline; DEL; C1 (U+0085 NEXT LINE among them); surrogates (a YAML
# "\ud800" escape makes one); U+2028/2029 line and paragraph separators; bidi embeddings,
# overrides, isolates and marks; zero-width no-break space (a BOM inside text); zero-width space
# and word joiner (copied in from web pages, they split a word a search then misses); noncharacters.
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
    "\u200b\u2060\ufeff\ufdd0-\ufdef\ufffe\uffff\U0001fffe\U0001ffff\U0010fffe\U0010ffff]"
)

# Longest value, in characters, of each kind of field. A one-line field holds no line break.
NAME_MAX = 200  # a body's name, short name, signature, a heading, a contact detail
TITLE_MAX = 300  # a report's title
REGION_MAX = 60  # one level of a region: a folder of the site, 255 bytes at most on every disk
TEXT_MAX = 100_000  # one paragraph block of prose; a whole report is rarely a tenth of it
FILE_MAX_BYTES = 2_000_000  # one data file; a report is about 10 KB

def char_name(ch: str) -> str:
    """U+007F（删除符 DEL）: how a message names a character a maintainer cannot see."""
    code = f"U+{ord(ch):04X}"
    m = messages
    if ch in m.CHAR_NAMES:
        return m.CHAR_NAMED(code=code, name=m.CHAR_NAMES[ch]())
    if "\u202a" <= ch <= "\u202e" or "\u2066" <= ch <= "\u2069":
        return m.CHAR_NAMED(code=code, name=m.CHAR_BIDI())
    if "\ud800" <= ch <= "\udfff":
        return m.CHAR_NAMED(code=code, name=m.CHAR_SURROGATE())
    if ord(ch) < 0x20 or 0x80 <= ord(ch) < 0xA0:
        return m.CHAR_NAMED(code=code, name=m.CHAR_CONTROL())
    if unicodedata.category(ch) == "Cn":
        return m.CHAR_NAMED(code=code, name=m.CHAR_NONCHARACTER())
    return code


def first_forbidden(text: str) -> tuple[int, str] | None:
    """(index, character) of the first forbidden character, or None."""
    match = FORBIDDEN.search(text)
    return (match.start(), match[0]) if match else None


def strip_forbidden(text: str) -> tuple[str, list[str]]:
    """The text without forbidden characters, and the distinct characters removed, in order."""
    removed: dict[str, None] = {}
    for ch in FORBIDDEN.findall(text):
        removed[ch] = None
    return (FORBIDDEN.sub("", text) if removed else text), list(removed)


def fold_line(text: str) -> str:
    """A one-line field's value: runs of white space, line breaks included, as one space."""
    return " ".join(text.split())
