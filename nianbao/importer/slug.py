"""A new body's folder name under ``data/`` from its name, in pinyin: 王岗镇 → ``wanggang-zhen``.

The rule: take the body's short name (the township for a 乡镇/街道, the county/district/city for a
people's government, else the organ after its region: 某某局); write the stem's pinyin joined, then
``-`` and the pinyin of its administrative suffix (镇 zhen, 乡 xiang, 街道 jiedao, 区 qu, 县 xian,
市 shi, 局 ju, 委员会 weiyuanhui …). The result is lower-case ASCII ``[a-z0-9-]`` and always the
same for the same name (pypinyin's most common reading; a few place names read otherwise are
listed in ``nianbao.pinyin``). On a collision with another body the caller prefixes the
district's pinyin, then adds a number (``slug_candidates``).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..catalogue import importer as msg
from ..paths import slug_problem
from ..pinyin import pinyin
from .body import region_of, short_name_of

# Longest first: the suffix that names the kind of unit or organ.
SUFFIXES = (
    "街道办事处", "街道办", "人民政府办公室", "人民政府办公厅", "办事处", "委员会", "管委会", "办公室",
    "办公厅", "自治县", "自治州", "自治旗", "自治区", "特别行政区", "新区", "地区", "街道", "中心",
    "镇", "乡", "区", "县", "市", "州", "盟", "旗", "省", "局", "厅", "委", "办", "署", "院", "所", "站", "处",
    "馆", "队", "会",
)
_SUFFIX_READING = {"街道办事处": "jiedao", "街道办": "jiedao", "人民政府办公室": "zhengfuban",
                   "人民政府办公厅": "zhengfuban"}


def split_suffix(short_name: str) -> tuple[str, str]:
    """(stem, administrative suffix) of a short name: 王岗镇 → (王岗, 镇); ('', '') parts may be empty."""
    for suffix in SUFFIXES:
        if short_name.endswith(suffix) and len(short_name) > len(suffix):
            return short_name[: -len(suffix)], suffix
    return short_name, ""


def slug_name(name: str) -> str:
    """The short name the slug is made from (see the module docstring)."""
    return short_name_of(name) or name


def base_slug(name: str) -> str:
    """``wanggang-zhen`` for 南岗区王岗镇人民政府; '' when the name gives nothing to spell."""
    stem, suffix = split_suffix(slug_name(name))
    if suffix.startswith("人民政府"):  # 上海市人民政府办公厅 → shanghai-zhengfuban, the region without 市
        stem = split_suffix(stem)[0]
    parts = [pinyin(stem), _SUFFIX_READING.get(suffix) or pinyin(suffix)]
    return "-".join(p for p in parts if p)


def district_prefix(name: str) -> str:
    """The pinyin of the lowest region unit above the body (南岗区 → nangang), or ''."""
    region, _ = region_of(name)
    short = slug_name(name)
    units = [u for u in region if u != short]
    if not units:
        return ""
    stem, _ = split_suffix(units[-1])
    return pinyin(stem)


def slug_candidates(name: str) -> Iterator[tuple[str, str]]:
    """(slug, how it was made) in the order to try them: the base, with the district, then numbered.

    Names the site keeps for itself (regions, assets, a Windows device name) are never offered.
    """
    return ((slug, how) for slug, how in _candidates(name) if not slug_problem(slug))


def _candidates(name: str) -> Iterator[tuple[str, str]]:
    base = base_slug(name)
    if not base:
        return
    yield base, msg.SLUG_FROM_NAME()
    district = district_prefix(name)
    if district and not base.startswith(district + "-"):
        yield f"{district}-{base}", msg.SLUG_WITH_DISTRICT()
    for n in range(2, 100):
        yield f"{base}-{n}", msg.SLUG_NUMBERED()
