"""The report's words: title, preamble, the six parts and their sections, the closing signature
(落款) and date, and the contact details the text gives.

Part headings are found by their number (一、… 六、) *and* a key phrase from the format
definition (wording varies between reports, format-spec §3); a heading numbered against its
phrase is placed by the phrase, with a warning. Text is kept as published, one paragraph a line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..catalogue import importer as msg
from ..formats import Format
from ..numerals import NUMERAL
from ..text import TEXT_MAX
from .document import Block, check_time

# Where the words looked for are: a date within the start of its line, the report year and contact
# details within a text block (TEXT_MAX, all that is written of it). NFKC is never given more:
# it can make a text 18 times longer.
_DATE_WITHIN = 200
_PART_HEADING = re.compile(rf"^({NUMERAL})\s*[、.．,，]\s*(.{{2,50}})$")
_SECTION_HEADING = re.compile(rf"^[(（]\s*({NUMERAL}+)\s*[)）]")
_DATE = re.compile(r"(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?")
_CN_DATE = re.compile(rf"([〇○零一二三四五六七八九]{{4}})年({NUMERAL}{{1,3}})月({NUMERAL}{{1,3}})日")
_CHROME = re.compile(r"打印|关闭|分享|扫一扫|字号|收藏|返回顶部|上一篇|下一篇|浏览次数|访问量|【|】")
_META_LINE = re.compile(
    r"^(发布时间|发布日期|发文日期|成文日期|来源|信息来源|发布机构|索引号|文号|浏览|作者|点击)[:：]")
_ORGAN = re.compile(
    r"(人民政府|政府|办公室|办公厅|委员会|局|厅|部|署|院|所|中心|站|处|馆|办事处|管委会|委|办|镇|乡|街道|会)$")


@dataclass
class Prose:
    title: str = ""
    preamble: list[str] = field(default_factory=list)
    parts: dict[str, dict[str, Any]] = field(default_factory=dict)
    part_blocks: dict[str, tuple[int, int]] = field(default_factory=dict)  # part → [start, end) block index
    published: date | None = None
    signed_by: str = ""
    contact: dict[str, str] = field(default_factory=dict)
    website: str = ""
    year: int | None = None
    warnings: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # page chrome, said in the summary


def read_prose(blocks: list[Block], fmt: Format, meta: dict[str, str]) -> Prose:
    prose = Prose()
    texts = [(i, b) for i, b in enumerate(blocks) if b.kind in ("heading", "paragraph")]
    headings = _part_headings(texts, fmt, prose)
    first_part = headings[0][0] if headings else len(blocks)
    closing = _closing(texts, first_part, prose)
    end_of_text = closing if closing is not None else len(blocks)

    # Title and preamble: everything before the first part heading.
    before = [(i, b) for i, b in texts if i < first_part]
    title_until = _title(before, prose, meta)
    for i, block in before:
        if i < title_until:
            continue
        if _META_LINE.match(block.text) or (len(block.text) < 40 and _CHROME.search(block.text)):
            prose.ignored.append(block.text)
            _date_from_meta(block.text, prose)
            continue
        prose.preamble.append(block.text)

    for n, (start, key, heading) in enumerate(headings):
        stop = headings[n + 1][0] if n + 1 < len(headings) else end_of_text
        prose.part_blocks[key] = (start, stop)
        body = [b for i, b in texts if start < i < stop]
        prose.parts[key] = _part(heading, body)

    if prose.published is None and meta.get("published"):
        _date_from_meta("发布日期：" + meta["published"], prose)
        if prose.published:
            prose.warnings.append(msg.DATE_FROM_PAGE(date=prose.published.isoformat()))
    prose.year = _report_year(prose)
    _contact(prose, [b.text for _, b in texts])
    return prose


# --- headings -------------------------------------------------------------------------------------


def _clean_heading(text: str) -> str:
    return text.strip().strip("#*").strip().rstrip("：:").strip()


def _part_headings(texts: list[tuple[int, Block]], fmt: Format, prose: Prose) -> list[tuple[int, str, str]]:
    found: list[tuple[int, str, str]] = []
    keys = [p.key for p in fmt.parts]
    for i, block in texts:
        check_time()
        text = _clean_heading(block.text)
        match = _PART_HEADING.match(text)
        if not match or text.endswith("。"):
            continue
        numeral, rest = match[1], match[2].strip()
        by_phrase = [p.key for p in fmt.parts if any(ph in rest for ph in p.phrases)]
        if not by_phrase:
            continue
        key = numeral if numeral in by_phrase else by_phrase[0]
        last = keys.index(found[-1][1]) if found else -1
        if key not in keys or keys.index(key) <= last:
            continue
        if key != numeral:
            prose.warnings.append(msg.HEADING_RENUMBERED(text=text, numeral=numeral, key=key))
        found.append((i, key, rest))
    return found


def _title(before: list[tuple[int, Block]], prose: Prose, meta: dict[str, str]) -> int:
    """Set the title; return the block index where the preamble may start."""
    lead: list[tuple[int, Block]] = []
    for i, block in before:
        if block.kind != "heading":
            break
        lead.append((i, block))
    joined = " ".join(_clean_heading(b.text) for _, b in lead)
    if lead and ("报告" in joined or "年报" in joined):
        prose.title = joined
        return lead[-1][0] + 1
    for n, (i, block) in enumerate(before):
        text = _clean_heading(block.text)
        if len(text) <= 80 and ("年度报告" in text or "年报" in text) and not text.endswith("。"):
            if n > 0:
                prose.ignored += [b.text for _, b in before[:n]]
            # A title split over two lines: 「王岗镇人民政府」 + 「2020年度…年度报告」.
            if n > 0 and len(before[n - 1][1].text) <= 30 and _ORGAN.search(before[n - 1][1].text):
                prose.ignored.pop()
                text = _clean_heading(before[n - 1][1].text) + " " + text
            prose.title = text
            return i + 1
    prose.title = meta.get("title") or meta.get("page_title", "")
    if prose.title:
        prose.warnings.append(msg.TITLE_FROM_PAGE(title=prose.title))
    return 0


def _part(heading: str, body: list[Block]) -> dict[str, Any]:
    part: dict[str, Any] = {"heading": heading}
    text: list[str] = []
    sections: list[dict[str, Any]] = []
    for block in body:
        line = block.text.strip()
        head = _section_heading(block)
        if head is not None:
            title, rest = head
            sections.append({"heading": title, "lines": [rest] if rest else []})
        elif sections:
            sections[-1]["lines"].append(line)
        else:
            text.append(line)
    if text:
        part["text"] = "\n".join(text) + "\n"
    if sections:
        part["sections"] = []
        for s in sections:
            entry: dict[str, Any] = {"heading": s["heading"]}
            if s["lines"]:
                entry["text"] = "\n".join(s["lines"]) + "\n"
            part["sections"].append(entry)
    return part


def _section_heading(block: Block) -> tuple[str, str] | None:
    text = _clean_heading(block.text)
    if not _SECTION_HEADING.match(text):
        return (text, "") if block.kind == "heading" else None
    if "。" not in text and len(text) <= 40:
        return text, ""
    # 「（一）主动公开。2020年，……」: heading and text in one paragraph.
    head, _, rest = text.partition("。")
    if len(head) <= 20:
        return head, rest.strip()
    return None


# --- the end: 落款 and date -----------------------------------------------------------------------


def parse_date(text: str) -> date | None:
    folded = unicodedata.normalize("NFKC", text[:_DATE_WITHIN])
    match = _DATE.search(folded)
    try:
        if match:
            return date(int(match[1]), int(match[2]), int(match[3]))
        cn = _CN_DATE.search(folded)
        if cn:
            return date(_cn_number(cn[1], digits=True), _cn_number(cn[2]), _cn_number(cn[3]))
    except ValueError:
        return None
    return None


def _cn_number(text: str, digits: bool = False) -> int:
    values = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}
    if digits:
        return int("".join(str(values[c]) for c in text))
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (values[tens] if tens else 1) * 10 + (values[ones] if ones else 0)
    return values[text]


def _closing(texts: list[tuple[int, Block]], first_part: int, prose: Prose) -> int | None:
    """Find the date (and the signature before it) at the end; return the block index they start at."""
    tail = [(i, b) for i, b in texts if i > first_part][-6:]
    for n in range(len(tail) - 1, -1, -1):
        i, block = tail[n]
        text = block.text.strip()
        if len(text) <= 30 and parse_date(text) and not re.search(r"[。，；]", text):
            prose.published = parse_date(text)
            start = i
            for _, after in tail[n + 1:]:
                (prose.ignored if _CHROME.search(after.text) else prose.unplaced).append(after.text)
            if n > 0:
                k, prev = tail[n - 1]
                name = prev.text.strip()
                if len(name) <= 40 and not re.search(r"[。，；：:]", name) and _ORGAN.search(name):
                    prose.signed_by = name
                    start = k
            return start
    prose.warnings.append(msg.NO_CLOSING_DATE())
    return None


def _date_from_meta(text: str, prose: Prose) -> None:
    if prose.published is None and re.search(r"发布|日期|时间", text):
        found = parse_date(text)
        if found:
            prose.published = found


def _report_year(prose: Prose) -> int | None:
    for text in [prose.title, *prose.preamble[:3]]:
        folded = unicodedata.normalize("NFKC", text[:TEXT_MAX])
        match = re.search(r"(20\d{2})\s*年\s*度?(?:政府信息公开|政务公开|信息公开|工作|年度报告|年报)", folded)
        if match:
            return int(match[1])
        match = re.search(r"统计(?:时限|期限|时间)[^0-9]{0,6}(20\d{2})\s*年\s*1\s*月\s*1\s*日", folded)
        if match:
            return int(match[1])
    return None


# --- contact details --------------------------------------------------------------------------------

_CONTACT = {
    "address": re.compile(r"(?:联系地址|通讯地址|办公地址|地址|地点)\s*[:：]\s*([^；;，,。）)\n]+)"),
    "postcode": re.compile(r"(?:邮政编码|邮编)\s*[:：]?\s*(\d{6})"),
    "phone": re.compile(r"(?:联系电话|咨询电话|办公电话|电话)\s*[:：]\s*([0-9（）()\- －—]{7,}[0-9])"),
    "fax": re.compile(r"(?:传真电话|传真)\s*[:：]\s*([0-9（）()\- －—]{7,}[0-9])"),
    "email": re.compile(
        r"(?:电子邮箱|电子信箱|电子邮件|邮箱|E-?mail)\s*[:：]\s*([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})",
        re.IGNORECASE),
}
_WEBSITE = re.compile(r"(?:网址|网站|门户网站)\s*[:：]?\s*[（(]?\s*(https?://[A-Za-z0-9./_%?=&#:-]+|www\.[A-Za-z0-9./_-]+)")
_OFFICE = re.compile(r"(?:请|可)?(?:与|向|联系)([^，,。；;（(与向]{2,40}?)(?:联系|咨询|反映)")


def _contact(prose: Prose, all_texts: list[str]) -> None:
    sources = [text[:TEXT_MAX] for text in prose.preamble + all_texts]
    folded: dict[int, str] = {}  # NFKC once per text, when first needed

    def nfkc(n: int) -> str:
        if n not in folded:
            folded[n] = unicodedata.normalize("NFKC", sources[n])
        return folded[n]

    for key, pattern in _CONTACT.items():
        for n, text in enumerate(sources):
            match = pattern.search(nfkc(n) if key != "address" else text)
            if match:
                prose.contact[key] = match[1].strip().rstrip("-－—").strip()
                break
    for n in range(len(sources)):
        match = _WEBSITE.search(nfkc(n))
        if match:
            url = match[1].rstrip(".")
            prose.website = url if url.startswith("http") else "http://" + url
            break
    for text in prose.preamble:
        match = _OFFICE.search(text)
        if match:
            prose.contact["office"] = match[1].strip()
            break
