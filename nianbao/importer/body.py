"""The body (机关) a report comes from: its name, level and region, read from the report's own words.

Only what the text gives, and every guess is said in the summary so that a maintainer checks
body.yml:

- the region's units written in the name (南岗区王岗镇人民政府 → [南岗区]);
- the province, inferred from the provincial documents the text cites (《黑龙江省人民政府办公厅关于…》,
  黑政办发〔2019〕98号 → 黑龙江省), when they all name the same one;
- the city, inferred from the phone's area code where it is a provincial capital or a municipality
  (``AREA_CODES``, nothing more: 0451 → 哈尔滨市), only when its province agrees with the province
  found otherwise;
- the level from the kind of organ the name ends with.
"""

from __future__ import annotations

import re
from typing import Any

from ..catalogue import importer as msg
from ..model import LEVELS
from ..paths import region_name_problem
from ..text import NAME_MAX, char_name, fold_line, strip_forbidden
from .document import URL_MAX

PROVINCES = (
    "北京市", "天津市", "上海市", "重庆市", "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省",
    "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省", "四川省", "贵州省",
    "云南省", "陕西省", "甘肃省", "青海省", "台湾省", "内蒙古自治区", "广西壮族自治区", "西藏自治区",
    "宁夏回族自治区", "新疆维吾尔自治区", "香港特别行政区", "澳门特别行政区",
)
_CITY = re.compile(r"^(.{2,7}?(?:自治州|市|州|盟|地区))")
_COUNTY = re.compile(r"^(.{1,7}?(?:自治县|自治旗|新区|区|县|旗|市))")
_TOWNSHIP = re.compile(r"(.{1,10}?(?:镇|乡|街道办事处|街道))(?:人民政府|政府)?$")
_GOVERNMENT = ("人民政府", "政府")
# A province the list does not hold (an example's 示例省): two or three characters and 省, before more.
_OTHER_PROVINCE = re.compile(r"^([\u4e00-\u9fff]{2,3}省)(?=[\u4e00-\u9fff]{2})")

# Area codes of the provincial capitals and municipalities, and their province. Exactly these.
AREA_CODES = {
    "010": ("北京市", "北京市"), "021": ("上海市", "上海市"), "022": ("天津市", "天津市"), "023": ("重庆市", "重庆市"),
    "020": ("广州市", "广东省"), "0451": ("哈尔滨市", "黑龙江省"), "0431": ("长春市", "吉林省"),
    "024": ("沈阳市", "辽宁省"), "0311": ("石家庄市", "河北省"), "0351": ("太原市", "山西省"),
    "0471": ("呼和浩特市", "内蒙古自治区"), "029": ("西安市", "陕西省"), "0931": ("兰州市", "甘肃省"),
    "0971": ("西宁市", "青海省"), "0951": ("银川市", "宁夏回族自治区"), "0991": ("乌鲁木齐市", "新疆维吾尔自治区"),
    "028": ("成都市", "四川省"), "0871": ("昆明市", "云南省"), "0851": ("贵阳市", "贵州省"),
    "0731": ("长沙市", "湖南省"), "027": ("武汉市", "湖北省"), "0371": ("郑州市", "河南省"),
    "0531": ("济南市", "山东省"), "025": ("南京市", "江苏省"), "0551": ("合肥市", "安徽省"),
    "0571": ("杭州市", "浙江省"), "0591": ("福州市", "福建省"), "0791": ("南昌市", "江西省"),
    "0771": ("南宁市", "广西壮族自治区"), "0898": ("海口市", "海南省"), "0891": ("拉萨市", "西藏自治区"),
}
_MUNICIPALITIES = ("北京市", "上海市", "天津市", "重庆市")
# The one-character abbreviations provincial governments number their documents with (黑政办发〔2019〕98号).
# 宁 (also 南京) and 青 (also 青岛) are left out: a city's documents use them too.
_DOC_ABBREVIATIONS = {
    "京": "北京市", "津": "天津市", "沪": "上海市", "渝": "重庆市", "冀": "河北省", "晋": "山西省", "辽": "辽宁省",
    "吉": "吉林省", "黑": "黑龙江省", "苏": "江苏省", "浙": "浙江省", "皖": "安徽省", "闽": "福建省", "赣": "江西省",
    "鲁": "山东省", "豫": "河南省", "鄂": "湖北省", "湘": "湖南省", "粤": "广东省", "琼": "海南省", "川": "四川省",
    "黔": "贵州省", "云": "云南省", "陕": "陕西省", "甘": "甘肃省", "内": "内蒙古自治区", "桂": "广西壮族自治区",
    "藏": "西藏自治区", "新": "新疆维吾尔自治区",
}
_DOC_NUMBER = re.compile(
    r"(?<![\u4e00-\u9fff])([" + "".join(_DOC_ABBREVIATIONS) + r"])(?:政办|府办|政|府)(?:发|函|规|电|明电|办发)"
    r"\s*[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*\d+\s*号")
_CITED_TITLE = re.compile(r"《([^《》]{4,120})》")


def region_of(name: str) -> tuple[list[str], str]:
    """The administrative units a name starts with, and the rest of the name."""
    rest = name
    region: list[str] = []
    other = _OTHER_PROVINCE.match(rest)
    province = next((p for p in PROVINCES if rest.startswith(p)), "") or (other[1] if other else "")
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


_OFFICES = ("人民政府办公厅", "人民政府办公室", "政府办公厅", "政府办公室")


def guess_level(name: str, region: list[str], rest: str) -> tuple[str, str]:
    """A guess at the level from the name, and why (Chinese, for body notes); ('', '') when the name
    does not tell. A 直辖市 is a province-level unit, so its 委、办、局 are 省级部门; a people's
    government's 办公厅/办公室 is the government's own office, but it publishes its own report as one
    of the government's departments (the government's report is the 人民政府's)."""
    township = _TOWNSHIP.search(rest) or _TOWNSHIP.search(name)
    if township:
        return _checked("乡镇/街道", msg.LEVEL_BY_TOWNSHIP(unit=township[1], level="乡镇/街道"))
    last = region[-1] if region else ""
    if not last or not rest:
        return "", ""
    if last == region[0] and (last in PROVINCES or _OTHER_PROVINCE.match(last + rest)):
        kind = "省"
    elif re.search(r"(区|县|旗)$", last) or len(region) >= 3:
        kind = "区县"
    else:
        kind = "市"
    office = rest in _OFFICES
    government = rest in _GOVERNMENT
    level = {("省", True): "省政府", ("省", False): "省级部门", ("市", True): "市政府", ("市", False): "市级部门",
             ("区县", True): "区县政府", ("区县", False): "区县部门"}[(kind, government)]
    municipality = msg.LEVEL_MUNICIPALITY(city=last) if last in _MUNICIPALITIES and kind == "省" else ""
    if government:
        reason = msg.LEVEL_BY_GOVERNMENT(unit=last + rest, level=level, municipality=municipality)
    elif office:
        reason = msg.LEVEL_BY_OFFICE(unit=last + rest, level=level, government=last + "人民政府",
                                     municipality=municipality)
    else:
        reason = msg.LEVEL_BY_ORGAN(unit=last, organ=rest, level=level, municipality=municipality)
    return _checked(level, reason)


def _checked(level: str, reason: str) -> tuple[str, str]:
    return (level, reason) if level in LEVELS else ("", "")


def short_name_of(name: str) -> str:
    """The name without its region, as people say it: the township (王岗镇), the county, district or
    city of a people's government (南岗区人民政府 → 南岗区), else the organ (示例县某某局 → 某某局)."""
    region, rest = region_of(name)
    township = _TOWNSHIP.search(rest)
    if township:
        return township[1]
    if rest in _GOVERNMENT and region:
        return region[-1]
    if rest in _OFFICES and region:  # 上海市人民政府办公厅: the office is its government's
        return region[-1] + rest
    return rest


def provinces_cited(texts: list[str]) -> dict[str, list[str]]:
    """Province → the provincial documents the texts cite that name it (titles, document numbers)."""
    found: dict[str, list[str]] = {}
    for text in texts:
        for match in _CITED_TITLE.finditer(text):
            title = match[1]
            province = next((p for p in PROVINCES if title.startswith(p)), "")
            if province:
                found.setdefault(province, []).append(f"《{title}》")
        for match in _DOC_NUMBER.finditer(text):
            province = _DOC_ABBREVIATIONS[match[1]]
            found.setdefault(province, []).append(re.sub(r"\s+", "", match[0]))
    return {p: list(dict.fromkeys(v)) for p, v in found.items()}


def area_code(phone: str) -> str:
    """The area code of a phone number when it is in ``AREA_CODES``, else ''."""
    digits = re.sub(r"[^0-9]", "", phone)
    for length in (4, 3):
        if digits[:length] in AREA_CODES and len(digits) >= length + 7:
            return digits[:length]
    return ""


def infer_region(name: str, texts: list[str], phone: str) -> tuple[list[str], list[str]]:
    """The region: the units in the name, then the province and city inferred as the module says.
    Returns (region, notes for the summary, each saying what was inferred and from what)."""
    region, _ = region_of(name)
    notes: list[str] = []
    named = region[0] if region and region[0] in PROVINCES else ""
    cited = provinces_cited(texts)
    capital = next((AREA_CODES[c] for c in AREA_CODES if region and region[0] == AREA_CODES[c][0]), None)
    province = named
    if not named:
        if len(cited) == 1:
            province, evidence = next(iter(cited.items()))
            more = msg.MORE_EVIDENCE(count=len(evidence) - 3) if len(evidence) > 3 else ""
            notes.append(msg.REGION_FROM_DOCUMENTS(province=province, evidence="、".join(evidence[:3]) + more))
        elif len(cited) > 1:
            notes.append(msg.SEVERAL_PROVINCES(provinces="、".join(cited)))
        elif capital is not None:
            province = capital[1]
            notes.append(msg.REGION_FROM_CAPITAL(province=province, city=capital[0]))
        if province and capital is not None and capital[1] != province:
            notes.append(msg.CITY_NOT_IN_PROVINCE(city=capital[0], province=province))
            province = ""
        if province:
            region = [province] + region
    elif cited and set(cited) != {named}:
        notes.append(msg.NAME_AND_DOCUMENTS_DIFFER(named=named, others="、".join(p for p in cited if p != named)))
    code = area_code(phone)
    if code:
        city, its_province = AREA_CODES[code]
        below = region[1:] if province else region
        if city in region or (city in _MUNICIPALITIES and region[:1] == [city]):
            pass  # the name or the province already says it
        elif not province:
            notes.append(msg.AREA_CODE_UNCONFIRMED(code=code, city=city, province=its_province))
        elif its_province != province:
            notes.append(msg.AREA_CODE_OTHER_PROVINCE(code=code, city=city, province=province))
        elif any(re.search(r"(市|州|盟|地区)$", unit) for unit in below):
            notes.append(msg.AREA_CODE_NAME_HAS_CITY(code=code, city=city, units="、".join(below)))
        else:
            region = [province, city, *below]
            notes.append(msg.REGION_FROM_AREA_CODE(city=city, code=code, phone=phone))
    return region, notes


def new_body(name: str, contact: dict[str, str], website: str,
             texts: list[str] | None = None) -> tuple[dict[str, Any], list[str]]:
    """body.yml data for a body met for the first time, and what the maintainer must check.
    Every value is one line, within its length and without a character data files refuse."""
    notes: list[str] = []
    name = _one_line(name, "name", NAME_MAX, notes)
    named, rest = region_of(name)
    body: dict[str, Any] = {"name": name}
    township = _TOWNSHIP.search(rest)
    if township:
        body["short_name"] = township[1]
    region, inferred = infer_region(name, texts or [], contact.get("phone", ""))
    region = [unit for unit in region if _region_unit_ok(unit, notes)]
    if region:
        body["region"] = region
        shown = "[" + ", ".join(region) + "]"
        if region[0] not in PROVINCES:
            notes.append(msg.REGION_NAME_ONLY(region=shown))
        elif named:
            notes.append(msg.REGION_FROM_NAME(region=shown, units="、".join(named)))
        notes += inferred
    else:
        notes += inferred
        notes.append(msg.NO_REGION())
    # From the name alone: an inferred province says nothing of the level.
    level, reason = guess_level(name, named, rest)
    if level:
        body["level"] = level
        notes.append(msg.LEVEL_GUESSED(level=level, reason=reason))
    else:
        notes.append(msg.NO_LEVEL(levels="、".join(LEVELS)))
    if website and len(website) <= URL_MAX:
        body["website"] = website
    elif website:
        notes.append(msg.WEBSITE_TOO_LONG(limit=URL_MAX))
    fields = {key: _contact_field(key, value, notes) for key, value in contact.items()}
    if any(fields.values()):
        body["contact"] = {key: value for key, value in fields.items() if value}
    return body, notes


def _contact_field(key: str, value: str, notes: list[str]) -> str:
    """A contact detail as one line, or '' when it is too long to be one: cut, an address or an
    e-mail address would be wrong."""
    text = _plain(value, f"contact.{key}", notes)
    if len(text) <= NAME_MAX:
        return text
    notes.append(msg.CONTACT_TOO_LONG(key=key, limit=NAME_MAX, start=text[:20], length=len(text)))
    return ""


def _one_line(value: str, what: str, limit: int, notes: list[str]) -> str:
    """A one-line field of body.yml: no character data files refuse, white space folded, at most
    ``limit`` characters; each change is said in ``notes``."""
    text = _plain(value, what, notes)
    if len(text) > limit:
        notes.append(msg.BODY_LINE_TOO_LONG(what=what, limit=limit, length=len(text)))
        text = text[:limit]
    return text


def _plain(value: str, what: str, notes: list[str]) -> str:
    """The value without the characters data files refuse (said in ``notes``), on one line."""
    text, removed = strip_forbidden(value)
    if removed:
        notes.append(msg.BODY_CHARS_REMOVED(what=what, chars="、".join(char_name(c) for c in removed)))
    return fold_line(text)


def _region_unit_ok(unit: str, notes: list[str]) -> bool:
    """A region unit becomes a folder of the site: one the loader refuses is left out, and said."""
    problem = region_name_problem(unit)
    if problem:
        notes.append(msg.REGION_UNIT_REFUSED(unit=unit[:40], problem=problem))
    return not problem
