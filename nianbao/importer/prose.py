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
from ..catalogue import site as page_words
from ..formats import Format, all_formats
from ..numerals import NUMERAL
from ..text import TEXT_MAX
from .document import Block, GridCell, check_time

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
    r"^(发布时间|发布日期|发文日期|成文日期|来源|信息来源|发布机构|发布机关|索引号|文号|浏览|作者|点击)[:：]")
_ORGAN = re.compile(
    r"(人民政府|政府|办公室|办公厅|委员会|局|厅|部|署|院|所|中心|站|处|馆|办事处|管委会|委|办|镇|乡|街道|会)$")


@dataclass
class Prose:
    title: str = ""
    preamble: list[str] = field(default_factory=list)
    parts: dict[str, dict[str, Any]] = field(default_factory=dict)
    part_blocks: dict[str, tuple[int, int]] = field(default_factory=dict)  # part → [start, end) block index
    published: date | None = None
    published_from: str = ""  # "closing" (the date under the 落款) or "page" (a 发布日期 line, the page's)
    signed_by: str = ""
    contact: dict[str, str] = field(default_factory=dict)
    website: str = ""
    year: int | None = None
    year_from: str = ""  # what gave the year when not the title (said in a warning), else ''
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
    prose.year, prose.year_from = _report_year(prose)
    _contact(prose, [b.text for _, b in texts])
    return prose


# --- headings -------------------------------------------------------------------------------------


def lift_part_headings(blocks: list[Block]) -> list[Block]:
    """A part heading printed as a table's full-width row (「二、主动公开政府信息情况」 over the table,
    inside its border, as Word files and printed pages often have it) → a heading before the rest
    of the table, so the part is found and the row is not taken for a table row."""
    out: list[Block] = []
    for block in blocks:
        if block.kind != "table":
            out.append(block)
            continue
        rows: list[list[GridCell]] = []
        for row in block.grid:
            texts = {cell.text.strip() for cell in row if cell.text.strip()}
            if len(texts) == 1 and len({cell.origin for cell in row}) == 1 and _is_part_heading(next(iter(texts))):
                if rows:
                    out.append(Block("table", grid=rows))
                out.append(Block("heading", next(iter(texts)), level=2))
                rows = []
            else:
                rows.append(row)
        if rows:
            out.append(Block("table", grid=rows))
    return out


def _is_part_heading(text: str) -> bool:
    match = _PART_HEADING.match(_clean_heading(text))
    return match is not None and any(
        ph in match[2] for fmt in all_formats() for part in fmt.parts for ph in part.phrases)


def without_page_sections(blocks: list[Block]) -> list[Block]:
    """A report page of this site, printed or saved: its own sections (修订记录, 与上年比较, 数据核对,
    数据下载, then 联系方式) follow the report's text and are the site's, not the report's; they end
    the document, tables included (与上年比较 is a table)."""
    own = {page_words.REVISIONS_HEADING.zh, page_words.SECTION_COMPARE.zh, page_words.SECTION_CHECKS.zh,
           page_words.SECTION_DOWNLOADS.zh}
    parts = False
    for n, block in enumerate(blocks):
        if block.kind != "heading":
            continue
        text = _clean_heading(block.text)
        if parts and text in own:
            return blocks[:n]
        parts = parts or _is_part_heading(text)
    return blocks


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
            prose.published_from = "closing"
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
            prose.published_from = "page"


_CN_YEAR = re.compile(r"([〇○零一二三四五六七八九]{4})\s*年")
_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})年(?!\d{1,2}月)度?")
# What follows the body's name in a title: 「政府信息公开工作年度报告」 and its variants.
_REPORT_WORDS = re.compile(r"(?:关于)?(?:政府信息公开|政务公开|信息公开|政务信息公开|年度报告|年报)")
_PERIOD = re.compile(r"统计(?:期限|时限|时间|区间|周期|范围)[^。；0-9]{0,12}((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日")
_YEAR_STATED = re.compile(
    r"((?:19|20)\d{2})\s*年\s*度?\s*(?:的)?(?:政府信息公开|政务公开|信息公开)\s*(?:工作)?\s*(?:年度)?报告")


def _folded_title(title: str) -> str:
    """The title without white space (titles wrap anywhere), in half-width digits, a year written
    in Chinese digits (二〇二〇年) in Arabic ones."""
    text = unicodedata.normalize("NFKC", re.sub(r"\s+", "", title[:TEXT_MAX]))
    return _CN_YEAR.sub(lambda m: f"{_cn_number(m[1], digits=True)}年", text)


def title_year(title: str) -> int | None:
    """The report year the title states (「XX2020年度…」, 「2020年XX…」, 「XX关于二〇二〇年度…」)."""
    match = _TITLE_YEAR.search(_folded_title(title))
    return int(match[1]) if match else None


def name_from_title(title: str) -> str:
    """The body's name the title gives, before or after its year, or ''."""
    text = _folded_title(title)
    match = _TITLE_YEAR.search(text)
    before = text[:match.start()] if match else ""
    before = re.sub(r"(?:关于|的|[（(【\[])+$", "", before)
    if match and _ORGAN.search(before) and len(before) >= 2:
        return before[:40]
    rest = text[match.end():] if match else text
    words = _REPORT_WORDS.search(rest)
    if words is None:
        return ""
    name = rest[:words.start()]
    # 「XX县人民政府信息公开工作年度报告」: the report words took the name's 「政府」.
    if name.endswith("人民") and rest[words.start():].startswith("政府信息公开"):
        name += "政府"
    name = re.sub(r"^(?:度|的)+", "", name)
    return name[:40] if len(name) >= 2 and _ORGAN.search(name) else ""


def _report_year(prose: Prose) -> tuple[int | None, str]:
    """The report year and, when it is not the title that says it, the words that did."""
    year = title_year(prose.title)
    if year is not None:
        return year, ""
    texts = [*prose.preamble[:3]]
    for part in prose.parts.values():
        texts.append(str(part.get("text") or ""))
        texts += [str(s.get("text") or "") for s in part.get("sections", [])]
    for pattern in (_YEAR_STATED, _PERIOD):
        for text in texts:
            check_time()
            folded = unicodedata.normalize("NFKC", text[:TEXT_MAX])
            match = pattern.search(folded)
            if match:
                return int(match[1]), _quote(folded, match)
    return None, ""


def _quote(text: str, match: re.Match[str]) -> str:
    """The sentence around a match, at most 60 characters of it."""
    start = max(text.rfind("。", 0, match.start()) + 1, match.start() - 20, 0)
    end = text.find("。", match.end())
    end = min(end if end >= 0 else len(text), match.end() + 30)
    return text[start:end].strip()


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
