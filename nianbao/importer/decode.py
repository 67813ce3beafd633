"""Bytes of a published page or text file → text, whatever the encoding.

Government sites publish UTF-8 and GB2312/GBK/GB18030, with or without a ``<meta charset>``, and
sometimes with a declaration that does not match the bytes. Order: byte-order mark; UTF-8 when the
bytes are valid UTF-8 and not plain ASCII, whatever the page declares (no other encoding makes
valid UTF-8 of Chinese text by chance); a declared charset that is a usable text encoding and
decodes cleanly (a Latin-1 label is tried as GB18030 first: CMSs mislabel GBK pages so); UTF-8;
GB18030; the last resort replaces undecodable bytes and says so.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from ..catalogue import importer as msg

_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
# GB2312 and GBK pages often hold characters only GB18030 maps; GB18030 decodes all of them. The
# labels are the WHATWG Encoding Standard's for GBK, which Python does not all know.
_WIDEN = dict.fromkeys(("gb2312", "gbk", "x-gbk", "cp936", "euc-cn", "chinese", "csgb2312", "gb_2312",
                        "gb_2312-80", "iso-ir-58", "csiso58gb231280", "ms936", "windows-936"), "gb18030")
# Latin-1 labels (as Python names them after lookup): browsers read them as windows-1252.
_LATIN = {"iso8859-1", "cp1252", "ascii", "latin-1"}
# Text codecs Python knows that no web page is written in: they turn backslashes, plus signs or
# domain labels into other characters, or refuse everything (``undefined``).
_NOT_PAGE_CODECS = {"unicode-escape", "raw-unicode-escape", "idna", "punycode", "charmap", "undefined", "utf-7"}
# Every printable ASCII byte: an encoding a page can declare in a <meta> reads these as themselves
# (UTF-16, UTF-32 and EBCDIC do not, so a declaration of them is a mistake).
_ASCII_PROBE = bytes(range(0x20, 0x7F)) + b"\t\n\r"
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode_bytes(data: bytes) -> Decoded:
    """Decode a file's bytes; ``encoding`` names the codec used."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                      (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return Decoded(_normalise(data[len(bom):].decode(name, errors="replace")), name)
    warnings: list[str] = []
    wide = _utf16_without_bom(data)
    if wide:
        warnings.append(msg.UTF16_WITHOUT_BOM(codec=wide))
        return Decoded(_normalise(data.decode(wide, errors="replace")), wide, warnings)
    declared = declared_charset(data)
    codec = page_codec(declared, warnings) if declared else ""
    utf8 = _strict(data, "utf-8")
    if utf8 is not None and (not data.isascii() or not codec):
        if codec and codec not in ("utf-8", "utf-8-sig") and not data.isascii():
            warnings.append(msg.DECLARED_BUT_UTF8(declared=declared))
        return Decoded(_normalise(utf8), "utf-8", warnings)
    if codec:
        found = _declared(data, declared, codec, warnings)
        if found is not None:
            return found
    gb = _strict(data, "gb18030")
    if gb is not None:
        return Decoded(_normalise(gb), "gb18030", warnings)
    return _replaced(data, warnings)


def page_codec(declared: str, warnings: list[str]) -> str:
    """The Python codec for a declared charset label, or '' (with a warning) when the label names
    no encoding a page can be written in."""
    name = _WIDEN.get(declared, declared)
    try:
        info = codecs.lookup(name)
    except LookupError:
        warnings.append(msg.DECLARED_UNKNOWN(declared=declared))
        return ""
    # rot13, base64, hex, zlib, uu…: codecs between bytes or between strings, not text encodings.
    usable = getattr(info, "_is_text_encoding", True) and info.name not in _NOT_PAGE_CODECS
    if usable:
        usable = _strict(_ASCII_PROBE, info.name) == _ASCII_PROBE.decode("ascii")
    if not usable:
        warnings.append(msg.DECLARED_UNUSABLE(declared=declared))
        return ""
    return info.name


def _declared(data: bytes, declared: str, codec: str, warnings: list[str]) -> Decoded | None:
    if codec in _LATIN and not data.isascii():
        gb = _strict(data, "gb18030")
        if gb is not None and _CJK.search(gb):
            warnings.append(msg.DECLARED_BUT_GB(declared=declared))
            return Decoded(_normalise(gb), "gb18030", warnings)
    text = _strict(data, codec)
    if text is not None:
        return Decoded(_normalise(text), codec, warnings)
    warnings.append(msg.DECLARED_BUT_OTHER(declared=declared))
    return None


def _utf16_without_bom(data: bytes) -> str:
    """'utf-16-le' or 'utf-16-be' when the bytes look like UTF-16 without a byte-order mark (every
    other byte zero, as the markup's ASCII makes it), else ''. No GBK or UTF-8 page holds zero bytes."""
    sample = data[:4096]
    half = len(sample) // 2
    if half < 16:
        return ""
    for start, name in ((1, "utf-16-le"), (0, "utf-16-be")):
        if sample[start::2].count(0) >= half * 0.3 and sample[1 - start::2].count(0) < half * 0.05:
            return name
    return ""


def _replaced(data: bytes, warnings: list[str]) -> Decoded:
    utf8 = data.decode("utf-8", errors="replace")
    gb = data.decode("gb18030", errors="replace")
    name, text = min((("utf-8", utf8), ("gb18030", gb)), key=lambda p: p[1].count("\ufffd"))
    warnings.append(msg.NO_ENCODING(codec=name, count=text.count("\ufffd")))
    return Decoded(_normalise(text), name, warnings)


def _strict(data: bytes, codec: str) -> str | None:
    """The bytes decoded without replacement, or None when they are not valid in the codec."""
    try:
        return data.decode(codec)
    except (LookupError, ValueError):  # UnicodeError is a ValueError
        return None


def declared_charset(data: bytes) -> str:
    """The charset a page declares in its first few kilobytes, lower-cased, or ''."""
    match = _DECLARED.search(data[:8192])
    if not match:
        return ""
    return (match[1] or match[2]).decode("ascii", errors="ignore").lower()


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
