"""Chinese names in toneless pinyin, for names that must be ASCII: 黑龙江省 → ``heilongjiangsheng``.

The core names a province's shard by it (``nianbao shards``) and the importer a new body's folder
(``nianbao.importer.slug``); both need the same spelling for the same name, so it is made here.
The result is lower-case ASCII letters and digits, always the same for the same text
(pypinyin's most common reading; the place names read otherwise are listed below).
"""

from __future__ import annotations

import re
import unicodedata

from pypinyin import Style, lazy_pinyin

# Place names pypinyin reads with the everyday reading of a polyphone.
_PLACE_READINGS = {"朝阳": "chaoyang", "单县": "shanxian", "铅山": "yanshan", "番禺": "panyu", "乐清": "yueqing",
                   "洪洞": "hongtong", "六安": "luan", "蚌埠": "bengbu", "长治": "changzhi"}


def pinyin(text: str) -> str:
    """``text`` in toneless pinyin, syllables joined, lower-case ASCII letters and digits only."""
    text = unicodedata.normalize("NFKC", text)
    out = []
    rest = text
    while rest:
        place = next((p for p in _PLACE_READINGS if rest.startswith(p)), "")
        if place:
            out.append(_PLACE_READINGS[place])
            rest = rest[len(place):]
            continue
        # Convert up to the next known place name in one go, so pypinyin sees whole words.
        cut = min([i for p in _PLACE_READINGS if (i := rest.find(p)) > 0] + [len(rest)])
        out += lazy_pinyin(rest[:cut], style=Style.NORMAL, errors="default", v_to_u=False)
        rest = rest[cut:]
    return re.sub(r"[^a-z0-9]", "", "".join(out).lower().replace("ü", "v"))
