"""A published HTML page → the common document (headings, paragraphs, tables as grids, images).

Built for pages as government sites publish them: Word-exported HTML (``<p class=MsoNormal>`` and
``<span>`` inside cells, ``&nbsp;``, ``<o:p>``), layout tables around the article, header rows
written as ``<td>``, rowspan/colspan everywhere, site chrome around the report. The report's
container is the element holding the most numbered part headings (一、… 六、); the page's own
metadata (<title>, ArticleTitle, PubDate) is kept for fallbacks.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, ProcessingInstruction, Tag

from .document import Block, Document, expand_spans

_SKIP = {"script", "style", "noscript", "template", "head", "title", "iframe", "select", "button", "svg",
         "object", "embed", "audio", "video", "map", "input", "textarea", "nav", "caption"}
_BLOCK = {"p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "li", "ul", "ol",
          "dl", "dt", "dd", "pre", "center", "form", "fieldset", "address", "figure", "figcaption", "tr", "td",
          "th", "tbody", "thead", "tfoot", "hr"}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_PART_LINE = re.compile(r"^\s*([一二三四五六])\s*[、.．]")
_CJK = r"\u2e80-\u9fff\u3000-\u303f\uff00-\uffef"
_SEGMENT_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t\r\f]*\n[ \t\r\n\f]*(?=[{_CJK}])")
_SPACES = re.compile(r"[ \t\r\n\f\u00a0\u3000\u2002\u2003\u2009\u200b]+")
_META_NAMES = {"articletitle": "title", "pubdate": "published", "contentsource": "source", "url": "url",
               "firstimagesource": "", "description": "description"}
# Page furniture that is not the report: MkDocs permalinks and chrome, and what nianbao's own
# pages add around a report (years links, byline, table headings, check panel, contact card), so
# that a page this site rendered reads back to the data it was rendered from.
_CHROME = ("a.headerlink", ".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".md-search", ".md-dialog",
           ".md-content__button", "p.nb-years", "p.nb-byline", "h3.nb-table-heading", "section.nb-checks",
           "section.nb-contact", "h2#checks", "h2#contact")
# A data table's cells hold labels and numbers; a cell longer than this holds an article (a layout table).
_MAX_DATA_CELL = 160


def read_html(text: str) -> Document:
    soup = BeautifulSoup(text, "lxml")
    doc = Document(kind="html")
    doc.meta = _page_meta(soup)
    lowered = text.lower()
    if "<html" in lowered and "</html>" not in lowered:
        doc.truncated = True
    if lowered.count("<table") > lowered.count("</table>"):
        doc.truncated = True
    for node in soup.find_all(string=lambda s: isinstance(s, (Comment, Doctype, ProcessingInstruction))):
        node.extract()
    for tag in soup.find_all(_SKIP - {"head", "title", "caption"}):
        tag.decompose()
    for tag in soup.find_all(_hidden):
        tag.decompose()
    original = soup.select_one("p.nb-byline a[href]")  # nianbao's link to the published original
    if original is not None:
        doc.meta["url"] = str(original["href"])
    for tag in soup.select(", ".join(_CHROME)):
        tag.decompose()
    body = soup.body or soup
    root = _content_root(body)
    blocks: list[Block] = []
    _Walker(blocks).walk(root)
    if root is not body and not any("年度报告" in b.text or "年报" in b.text for b in blocks[:6]):
        article_title = doc.meta.get("title", "")
        title = article_title if "报告" in article_title else _outside_title(body, root)
        if title:
            blocks.insert(0, Block("heading", title, level=1))
    doc.blocks = blocks
    return doc


def _page_meta(soup: BeautifulSoup) -> dict[str, str]:
    meta: dict[str, str] = {}
    if soup.title and soup.title.string:
        meta["page_title"] = _clean(soup.title.get_text())
    for tag in soup.find_all("meta"):
        name = str(tag.get("name") or tag.get("property") or "").lower()
        content = str(tag.get("content") or "").strip()
        key = _META_NAMES.get(name)
        if key and content:
            meta.setdefault(key, _clean(content))
        if name in ("og:url",) and content:
            meta.setdefault("url", content)
    canonical = soup.find("link", rel="canonical")
    if isinstance(canonical, Tag) and canonical.get("href"):
        meta.setdefault("url", str(canonical["href"]))
    return meta


def _hidden(tag: Tag) -> bool:
    if not isinstance(tag, Tag) or tag.attrs is None:
        return False
    style = str(tag.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style or tag.has_attr("hidden")


def _content_root(body: Tag) -> Tag:
    """The smallest element holding the most part headings (一、… 六、), else the body.

    Text inside data tables does not count: T3's row labels also start with 一、 to 四、."""
    in_data_table: set[int] = set()
    for table in body.find_all("table"):
        if not _is_layout_table(table):
            in_data_table.update(id(s) for s in table.find_all(string=True))
    best: tuple[int, int] = (0, 0)
    root = body
    for tag in [body, *body.find_all(["div", "td", "article", "section", "main", "font", "center"])]:
        strings = [str(s) for s in tag.find_all(string=True) if id(s) not in in_data_table]
        text = "\n".join(strings)
        found = {m[1] for line in text.split("\n") if len(line.strip()) <= 60 and (m := _PART_LINE.match(line))}
        score = (len(found), -len(text))
        if found and score > best:
            best, root = score, tag
    return root


def _outside_title(body: Tag, root: Tag) -> str:
    """The report's title when the page shows it outside the article (a title bar above it)."""
    candidates: list[str] = []
    for tag in body.find_all(["h1", "h2", "h3", "div", "p", "td", "span"]):
        if tag is root or root in tag.parents or tag.find(["div", "p", "table"]):
            continue
        text = _clean(tag.get_text(" "))
        if 6 <= len(text) <= 80 and not re.search(r"[>»›]|首页|当前位置", text):
            candidates.append(text)
    for word in ("工作年度报告", "年度报告", "年报"):
        found = next((t for t in candidates if word in t), "")
        if found:
            return found
    return ""


def _clean(text: str) -> str:
    """Inline text as a browser shows it: a line break between CJK characters vanishes, other runs
    of white space become one space."""
    text = _SEGMENT_BREAK.sub("", text)
    return _SPACES.sub(" ", text).strip()


class _Walker:
    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self.inline: list[str] = []

    def flush(self) -> None:
        text = _clean("".join(self.inline))
        self.inline = []
        if text:
            self.blocks.append(Block("paragraph", text))

    def walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                self.inline.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name.lower()
            if name == "br":
                self.flush()
            elif name == "img":
                self.flush()
                self.blocks.append(Block("image", str(child.get("alt") or ""), source=str(child.get("src") or "")))
            elif name == "table":
                self.flush()
                if _is_layout_table(child):
                    self.walk(child)
                else:
                    self.blocks.append(_table_block(child))
                    for img in child.find_all("img"):
                        self.blocks.append(Block("image", str(img.get("alt") or ""), source=str(img.get("src") or "")))
                self.flush()
            elif name in _HEADINGS:
                self.flush()
                self.walk(child)
                text = _clean("".join(self.inline))
                self.inline = []
                if text:
                    self.blocks.append(Block("heading", text, level=_HEADINGS[name]))
            elif name in _BLOCK:
                self.flush()
                self.walk(child)
                self.flush()
            else:
                self.walk(child)


def _own_rows(table: Tag) -> list[Tag]:
    return [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]


def _is_layout_table(table: Tag) -> bool:
    if table.find("table"):
        return True
    for cell in table.find_all(["td", "th"]):
        if len(_clean(cell.get_text(" "))) > _MAX_DATA_CELL:
            return True
    return False


def _cell_text(cell: Tag) -> str:
    """A cell's text, one line per <p>/<div>/<br> inside it."""
    lines: list[str] = []
    current: list[str] = []

    def visit(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                current.append(str(child))
            elif isinstance(child, Tag):
                if child.name == "br":
                    lines.append("".join(current))
                    current.clear()
                elif child.name in _BLOCK or child.name in _HEADINGS:
                    lines.append("".join(current))
                    current.clear()
                    visit(child)
                    lines.append("".join(current))
                    current.clear()
                else:
                    visit(child)

    visit(cell)
    lines.append("".join(current))
    return "\n".join(t for line in lines if (t := _clean(line)))


def _span(cell: Tag, name: str) -> int:
    match = re.match(r"\s*(\d+)", str(cell.get(name) or "1"))
    value = int(match[1]) if match else 1
    return min(max(value, 1), 1000)


def _table_block(table: Tag) -> Block:
    rows = []
    for tr in _own_rows(table):
        cells = []
        in_head = tr.find_parent("thead") is not None
        for cell in tr.find_all(["td", "th"], recursive=False):
            cells.append((_cell_text(cell), _span(cell, "rowspan"), _span(cell, "colspan"),
                          cell.name == "th" or in_head))
        rows.append(cells)
    css = " ".join(table.get("class") or [])
    return Block("table", grid=expand_spans(rows), source=css)
