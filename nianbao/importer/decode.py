"""Bytes of a published page or text file → text, whatever the encoding.

Government sites publish UTF-8 and GB2312/GBK/GB18030, with or without a ``<meta charset>``, and
sometimes with a declaration that does not match the bytes. Order: byte-order mark, a declared
charset that decodes cleanly, UTF-8, GB18030; the last resort replaces undecodable bytes and says so.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
# GB2312 and GBK pages often hold characters only GB18030 maps; GB18030 decodes all of them.
_WIDEN = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030", "euc-cn": "gb18030"}


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
    declared = declared_charset(data)
    if declared:
        name = _WIDEN.get(declared, declared)
        try:
            return Decoded(_normalise(data.decode(name)), name)
        except LookupError:
            warnings.append(f"declared charset {declared!r} is unknown; guessing the encoding")
        except UnicodeDecodeError:
            warnings.append(f"declared charset {declared!r} does not match the bytes; guessing the encoding")
    for name in ("utf-8", "gb18030"):
        try:
            return Decoded(_normalise(data.decode(name)), name, warnings)
        except UnicodeDecodeError:
            continue
    utf8 = data.decode("utf-8", errors="replace")
    gb = data.decode("gb18030", errors="replace")
    name, text = min((("utf-8", utf8), ("gb18030", gb)), key=lambda p: p[1].count("\ufffd"))
    warnings.append(f"the file is not valid in any known encoding; read as {name} with "
                    f"{text.count(chr(0xFFFD))} unreadable character(s) replaced by �")
    return Decoded(_normalise(text), name, warnings)


def declared_charset(data: bytes) -> str:
    """The charset a page declares in its first few kilobytes, lower-cased, or ''."""
    match = _DECLARED.search(data[:8192])
    if not match:
        return ""
    return (match[1] or match[2]).decode("ascii", errors="ignore").lower()


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
