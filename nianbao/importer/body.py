"""The body (机关) a report comes from: its name, level and region, read from the report's own words.

Only what the text gives: region from the administrative units written in the name
(南岗区王岗镇人民政府 → [南岗区]); the level from the kind of organ the name ends with. Both are
said in the summary so that a maintainer completes body.yml.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import LEVELS

PROVINCES = (
    "北京市", "天津市", "上海市", "重庆市", "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省",
    "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省", "四川省", "贵州省",
    "云南省", "陕西省", "甘肃省", "青海省", "台湾省", "内蒙古自治区", "广西壮族自治区", "西藏自治区",
    "宁夏回族自治区", "新疆维吾尔自治区", "香港特别行政区", "澳门特别行政区",
)
_CITY = re.compile(r"^(.{2,7}?(?:自治州|市|州|盟|地区))")
_COUNTY = re.compile(r"^(.{1,7}?(?:自治县|自治旗|新区|区|县|旗|市))")
_TOWNSHIP = re.compile(r"(.{1,10}?(?:镇|乡|街道办事处|街道))(?:人民政府|政府)?$")


def region_of(name: str) -> tuple[list[str], str]:
    """The administrative units a name starts with, and the rest of the name."""
    rest = name
    region: list[str] = []
    province = next((p for p in PROVINCES if rest.startswith(p)), "")
    if province:
        region.append(province)
        rest = rest[len(province):]
    for pattern in (_CITY, _COUNTY):
        match = pattern.match(rest)
        # Stop before the organ itself: 「某某市人民政府」 names a city, 「市场监督管理局」 does not.
        if match and len(rest) > len(match[1]) and not rest[len(match[1]):].startswith(("场", "政府", "民")):
            if pattern is _CITY and re.search(r"(区|县|旗)$", match[1]):
                continue
            region.append(match[1])
            rest = rest[len(match[1]):]
    return region, rest


def level_of(name: str, region: list[str], rest: str) -> str:
    """A guess at the level from the name; '' when the name does not tell."""
    if _TOWNSHIP.search(name):
        return "乡镇/街道"
    government = rest in ("人民政府", "政府", "人民政府办公室", "人民政府办公厅", "政府办公室")
    last = region[-1] if region else ""
    if not last:
        return ""
    if last in PROVINCES:
        kind = "省"
    elif re.search(r"(区|县|旗)$", last) or len(region) >= 3:
        kind = "区县"
    else:
        kind = "市"
    level = {("省", True): "省政府", ("省", False): "省级部门", ("市", True): "市政府", ("市", False): "市级部门",
             ("区县", True): "区县政府", ("区县", False): "区县部门"}[(kind, government)]
    return level if level in LEVELS else ""


def new_body(name: str, contact: dict[str, str], website: str) -> tuple[dict[str, Any], list[str]]:
    """body.yml data for a body met for the first time, and what the maintainer must check."""
    notes: list[str] = []
    region, rest = region_of(name)
    body: dict[str, Any] = {"name": name}
    township = _TOWNSHIP.search(rest)
    if township:
        body["short_name"] = township[1]
    level = level_of(name, region, rest)
    if level:
        body["level"] = level
        notes.append(f"body.yml: level {level} guessed from the name; check it")
    else:
        notes.append("body.yml: level not given by the name; add it (" + "、".join(LEVELS) + ")")
    if region:
        body["region"] = region
        if region[0] not in PROVINCES:
            notes.append(f"body.yml: region {region} is only what the name gives; add the higher levels "
                         "(省, 市) in front")
    else:
        notes.append("body.yml: region not given by the name; add it (e.g. [黑龙江省, 哈尔滨市, 南岗区])")
    if website:
        body["website"] = website
    if contact:
        body["contact"] = dict(contact)
    return body, notes
