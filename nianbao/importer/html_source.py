"""A published HTML page → the common document (headings, paragraphs, tables as grids, images).

Built for pages as government sites publish them: Word-exported HTML (``<p class=MsoNormal>`` and
``<span>`` inside cells, ``&nbsp;``, ``<o:p>``), layout tables around the article, header rows
written as ``<td>``, rowspan/colspan everywhere, site chrome around the report. The report's
container is the element holding the most numbered part headings (一、… 六、); the page's own
metadata (<title>, ArticleTitle, PubDate) is kept for fallbacks.

Before BeautifulSoup sees a page, lxml's parser reads it once without building a tree (``_Census``)
to check the limits; a page past one is written again within them (``_Pruner``) or refused. So
every walk below is over at most MAX_ELEMENTS elements nested at most MAX_DEPTH deep, and its
recursion stays far inside Python's.
"""

from __future__ import annotations

import html
import re
from array import array
from typing import Any

from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, ProcessingInstruction, Tag
from lxml import etree

from ..catalogue import importer as msg
from ..numerals import PART_KEYS
from .document import (
    MAX_DEPTH,
    MAX_ELEMENTS,
    MAX_PAGE_ELEMENTS,
    MAX_ROWS,
    MAX_SPAN,
    MAX_TABLES,
    Block,
    Document,
    LimitReached,
    check_time,
    expand_spans,
    holds_article,
)

_SKIP = {"script", "style", "noscript", "template", "head", "title", "iframe", "select", "button", "svg",
         "object", "embed", "audio", "video", "map", "input", "textarea", "nav", "caption"}
_BLOCK = {"p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "li", "ul", "ol",
          "dl", "dt", "dd", "pre", "center", "form", "fieldset", "address", "figure", "figcaption", "tr", "td",
          "th", "tbody", "thead", "tfoot", "hr"}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_PART_LINE = re.compile(rf"^\s*([{''.join(PART_KEYS)}])\s*[、.．]")
_CJK = r"\u2e80-\u9fff\u3000-\u303f\uff00-\uffef"
_SEGMENT_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t\r\f]*\n[ \t\r\n\f]*(?=[{_CJK}])")
_SPACES = re.compile(r"[ \t\r\n\f\u00a0\u3000\u2002\u2003\u2009\u200b]+")
_META_NAMES = {"articletitle": "title", "pubdate": "published", "contentsource": "source", "url": "url",
               "firstimagesource": "", "description": "description"}
# Page furniture that is not the report: MkDocs permalinks and chrome, and what nianbao's own
# pages add around a report (years links, byline, table headings, check panel, contact card, the
# marks of revised cells, and
# the 信息处理费 table of part 六: the importer reads fees from the part's text, as on any
# published report), so that a page this site rendered reads back to the data it was rendered from.
_CHROME = ("a.headerlink", ".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".md-search", ".md-dialog",
           ".md-content__button", "p.nb-years", "p.nb-byline", "h3.nb-table-heading", "section.nb-checks",
           "section.nb-contact", "h2#checks", "h2#contact", "table.nb-fees", "h3#fees", "a.nb-rev-mark")


def read_html(text: str) -> Document:
    """The page's document; LimitReached when it is past a limit that cutting cannot bring it within."""
    doc = Document(kind="html")
    lowered = text.lower()
    if "<html" in lowered and "</html>" not in lowered:
        doc.truncated = True
    if lowered.count("<table") > lowered.count("</table>"):
        doc.truncated = True
    del lowered
    soup = BeautifulSoup(bounded(text, doc), "lxml")
    doc.meta = _page_meta(soup)
    for node in soup.find_all(string=lambda s: isinstance(s, (Comment, Doctype, ProcessingInstruction))):
        node.extract()
    for tag in soup.find_all(_SKIP - {"head", "title", "caption"}):
        tag.decompose()
    for tag in soup.find_all(_hidden):
        tag.decompose()
    original = soup.select_one("p.nb-byline a[rel~=external][href]")  # nianbao's link to the published original
    if original is not None:
        doc.meta["url"] = str(original["href"])
    for tag in soup.select(", ".join(_CHROME)):
        tag.decompose()
    body = soup.body or soup
    root = _content_root(body)
    blocks: list[Block] = []
    _Walker(blocks, doc.warnings).walk(root)
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

    Text inside data tables does not count: T3's row labels also start with 一、 to 四、. Each
    element's headings and text length are summed from its children's, once, from the last
    element up: one pass, however deep the page."""
    in_data_table: set[int] = set()
    for table in body.find_all("table"):
        check_time()
        if not _is_layout_table(table):
            in_data_table.update(id(s) for s in table.find_all(string=True))
    tags = [body, *body.find_all(True)]
    sums: dict[int, tuple[frozenset[str], int, int]] = {}  # element → (part numerals, characters, strings)
    for tag in reversed(tags):
        check_time()
        sums[id(tag)] = _sum_children(tag, in_data_table, sums)
    best: tuple[int, int] = (0, 0)
    root = body
    candidates = {"div", "td", "article", "section", "main", "font", "center"}
    for tag in tags:
        if tag is not body and tag.name not in candidates:
            continue
        found, chars, strings = sums[id(tag)]
        score = (len(found), -(chars + max(0, strings - 1)))  # the strings joined by line breaks
        if found and score > best:
            best, root = score, tag
    return root


def _sum_children(tag: Tag, excluded: set[int], sums: dict[int, tuple[frozenset[str], int, int]]
                  ) -> tuple[frozenset[str], int, int]:
    found: set[str] = set()
    chars = strings = 0
    for child in tag.children:
        if isinstance(child, Tag):
            child_found, child_chars, child_strings = sums[id(child)]
            found |= child_found
            chars += child_chars
            strings += child_strings
        elif isinstance(child, NavigableString) and id(child) not in excluded:
            text = str(child)
            found.update(m[1] for line in text.split("\n") if len(line.strip()) <= 60 and (m := _PART_LINE.match(line)))
            chars += len(text)
            strings += 1
    return frozenset(found), chars, strings


def _outside_title(body: Tag, root: Tag) -> str:
    """The report's title when the page shows it outside the article (a title bar above it)."""
    candidates: list[str] = []
    for tag in body.find_all(["h1", "h2", "h3", "div", "p", "td", "span"]):
        check_time()
        # ``is``, not ``in``: a Tag compares equal to another by its whole subtree.
        if tag is root or any(parent is root for parent in tag.parents) or tag.find(["div", "p", "table"]):
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
    def __init__(self, blocks: list[Block], notes: list[str]) -> None:
        self.blocks = blocks
        self.notes = notes
        self.inline: list[str] = []

    def flush(self) -> None:
        text = _clean("".join(self.inline))
        self.inline = []
        if text:
            self.blocks.append(Block("paragraph", text))

    def walk(self, node: Tag) -> None:
        """Recursive, one level a level: ``bounded`` keeps pages within MAX_DEPTH."""
        for child in node.children:
            check_time()
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
                    self.blocks.append(_table_block(child, self.notes))
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
        text = _clean(cell.get_text(" "))
        if holds_article(text):
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
    match = re.match(r"\s*(\d{1,9})", str(cell.get(name) or "1"))
    return max(int(match[1]) if match else 1, 1)


def _table_block(table: Tag, notes: list[str]) -> Block:
    rows = []
    clamped: list[int] = []  # the rowspan or colspan of each cell past MAX_SPAN
    for tr in _own_rows(table):
        check_time()
        cells = []
        in_head = tr.find_parent("thead") is not None
        for cell in tr.find_all(["td", "th"], recursive=False):
            rowspan, colspan = _span(cell, "rowspan"), _span(cell, "colspan")
            if max(rowspan, colspan) > MAX_SPAN:
                clamped.append(max(rowspan, colspan))
            cells.append((_cell_text(cell), min(rowspan, MAX_SPAN), min(colspan, MAX_SPAN),
                          cell.name == "th" or in_head))
        rows.append(cells)
    if clamped:
        notes.append(msg.SPANS_CLAMPED(count=len(clamped), limit=MAX_SPAN, largest=max(clamped)))
    css = " ".join(table.get("class") or [])
    return Block("table", grid=expand_spans(rows, notes), source=css)


# --- limits: a census of the parser's events, and the page written again within them ----------------

# Empty wrappers: elements whose whole content is one child element, with no text of their own and
# no attribute a reader looks at (class, id, hidden). Taking them out changes nothing the walker
# reads: an inline one whatever its child, a block one only around a block, which keeps the breaks.
_UNWRAP_INLINE = frozenset({"span", "font", "b", "i", "u", "em", "strong", "small", "big", "s", "strike", "sub",
                            "sup", "o:p"})
_UNWRAP_BLOCK = frozenset({"div", "section", "article", "main", "center", "blockquote"})
_PLAIN_ATTRS = frozenset({"lang", "align", "face", "size", "color", "dir", "valign", "width", "style"})
_BREAKS = frozenset(_BLOCK | set(_HEADINGS) | {"table", "br"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr"})
_ATTR_NAME = re.compile(r"[A-Za-z_:][-A-Za-z0-9_:.]*")
# Bits kept per open element by the census.
_CANDIDATE, _INLINE, _TEXT, _ONE_CHILD, _MANY, _BLOCK_CHILD = 1, 2, 4, 8, 16, 32
# A table is kept whole or flattened whole: text flattened into a <tr> would be moved out of the
# table, or lost, when the page is parsed again. table, tbody, tr, td: four levels.
_TABLE_LEVELS = 4
# What the pruner did with an open element.
_KEEP, _UNWRAPPED, _FLAT = 0, 1, 2


def bounded(text: str, doc: Document) -> str:
    """The page, or the page written again within the limits (said in ``doc``'s warnings and errors)."""
    census = _Census()
    _parse(text, census)
    if not census.past_limits():
        return text
    pruner = _Pruner(census)
    _parse(text, pruner)
    doc.warnings += pruner.depth_notes()
    doc.errors += census.row_notes()
    return "".join(pruner.out)


def _parse(text: str, target: Any) -> None:
    """Feed the page to libxml2's HTML parser, as BeautifulSoup does, with ``target`` told every event
    (a parser without a target builds a tree, and stops silently 256 elements deep)."""
    parser = etree.HTMLParser(target=target, recover=True)
    parser.feed(text)
    parser.close()


def _wrapper_bits(tag: str, attrib: Any) -> int:
    if tag not in _UNWRAP_INLINE and tag not in _UNWRAP_BLOCK:
        return 0
    if any(name not in _PLAIN_ATTRS for name in attrib):
        return 0
    style = str(attrib.get("style") or "").replace(" ", "").lower()
    if "display" in style or "visibility" in style:
        return 0
    return _CANDIDATE | (_INLINE if tag in _UNWRAP_INLINE else 0)


class _Census:
    """The first pass: how deep, how many elements and tables, how many rows in each table, and which
    elements are empty wrappers. A few bytes per open element, never the tree. Stops the parse
    (LimitReached) past MAX_PAGE_ELEMENTS elements outside the rows that will be cut: a second
    pass over more would take too long, and no report has a tenth of them."""

    def __init__(self) -> None:
        self.elements = 0
        self.pieces = 0  # of text outside rows past MAX_ROWS: each character reference is one
        self.counted = 0  # elements outside rows past MAX_ROWS
        self._cut_at = -1  # inside a row past MAX_ROWS: the depth it starts at
        self.depth = 0
        self.max_depth = 0
        self.rows: list[int] = []  # rows of each table, in document order
        self.wrapper = bytearray()  # element number → 1 for an empty wrapper
        self._open_tables: list[int] = []
        self._numbers = array("q")  # open element → its number
        self._bits = bytearray()  # open element → _CANDIDATE … _BLOCK_CHILD

    def past_limits(self) -> bool:
        return (self.max_depth > MAX_DEPTH or self.elements > MAX_ELEMENTS or len(self.rows) > MAX_TABLES
                or any(n > MAX_ROWS for n in self.rows))

    def start(self, tag: str, attrib: Any) -> None:
        if not self.elements & 0xFFF:
            check_time()
        if self._bits:
            parent = self._bits[-1]
            if parent & _ONE_CHILD:
                parent |= _MANY
            else:
                parent |= _ONE_CHILD | (_BLOCK_CHILD if tag in _BREAKS else 0)
            self._bits[-1] = parent
        self._numbers.append(self.elements)
        self._bits.append(_wrapper_bits(tag, attrib))
        self.wrapper.append(0)
        self.elements += 1
        if tag == "table":
            self._open_tables.append(len(self.rows))
            self.rows.append(0)
        elif tag == "tr" and self._open_tables:
            table = self._open_tables[-1]
            if self.rows[table] >= MAX_ROWS and self._cut_at < 0:
                self._cut_at = self.depth
            self.rows[table] += 1
        self.depth += 1
        self.max_depth = max(self.max_depth, self.depth)
        if self._cut_at < 0:
            self.counted += 1
            if self.counted > MAX_PAGE_ELEMENTS:
                raise LimitReached(msg.PAGE_ELEMENTS(limit=MAX_PAGE_ELEMENTS))

    def end(self, tag: str) -> None:
        if not self._bits:
            return
        bits, number = self._bits.pop(), self._numbers.pop()
        self.depth -= 1
        if self.depth == self._cut_at:
            self._cut_at = -1
        if tag == "table" and self._open_tables:
            self._open_tables.pop()
        alone = bits & _ONE_CHILD and not bits & (_MANY | _TEXT)
        if bits & _CANDIDATE and alone and bits & (_INLINE | _BLOCK_CHILD):
            self.wrapper[number] = 1

    def data(self, data: str) -> None:
        if self._cut_at < 0:
            self.pieces += 1
        if self.pieces > MAX_PAGE_ELEMENTS:  # BeautifulSoup keeps each piece until the next tag
            raise LimitReached(msg.PAGE_PIECES(limit=MAX_PAGE_ELEMENTS))
        if self._bits and not self._bits[-1] & _TEXT and not data.isspace():
            self._bits[-1] |= _TEXT

    def close(self) -> None:
        return None

    def row_notes(self) -> list[str]:
        over = [n for n in self.rows if n > MAX_ROWS]
        if not over:
            return []
        if len(over) == 1:
            which = msg.ROWS_OVER_ONE(rows=over[0])
        else:
            which = msg.ROWS_OVER_MANY(tables=len(over), rows=max(over))
        return [msg.ROWS_OVER(limit=MAX_ROWS, which=which)]


class _Pruner:
    """The second pass, for a page past a limit: the page written again without the rows past
    MAX_ROWS, without its empty wrappers (when it is nested past MAX_DEPTH), and with what is still
    nested past MAX_DEPTH as plain text, a line break where a block ended. Refuses the page when
    what is left has more than MAX_ELEMENTS elements or MAX_TABLES tables."""

    def __init__(self, census: _Census) -> None:
        self.census = census
        self.unwrap = census.wrapper if census.max_depth > MAX_DEPTH else None
        self.out: list[str] = []
        self.number = 0  # the next element's number, as the census counted
        self.depth = 0  # of the elements written
        self.skip = 0  # inside a subtree left out: its depth there
        self.actions = bytearray()  # open element → _KEEP, _UNWRAPPED or _FLAT
        self.rows: list[int] = []  # rows of each open table, written or flattened
        self.written = self.tables = self.unwrapped = self.flattened = 0
        self.after_break = False

    def start(self, tag: str, attrib: Any) -> None:
        number = self.number
        self.number += 1
        if self.skip:
            self.skip += 1
            return
        if not number & 0xFFF:
            check_time()
        if tag == "tr" and self.rows and self.rows[-1] >= MAX_ROWS:
            self.skip = 1
            return
        if tag == "table":
            self.rows.append(0)
        elif tag == "tr" and self.rows:
            self.rows[-1] += 1
        if self.unwrap is not None and self.unwrap[number]:
            self.actions.append(_UNWRAPPED)
            self.unwrapped += 1
        elif self.depth >= MAX_DEPTH or (tag == "table" and self.depth + _TABLE_LEVELS > MAX_DEPTH):
            self.flatten(tag)
        else:
            self.actions.append(_KEEP)
            self.depth += 1
            self.write_start(tag, attrib)

    def flatten(self, tag: str) -> None:
        if tag in _SKIP:  # a script or style nested too deep: its text is not the page's
            self.skip = 1
            return
        self.actions.append(_FLAT)
        self.flattened += 1
        if tag in _BREAKS:
            self.line_break()

    def write_start(self, tag: str, attrib: Any) -> None:
        self.count(table=tag == "table")
        attrs = "".join(f' {name}="{html.escape(str(value))}"' for name, value in attrib.items()
                        if _ATTR_NAME.fullmatch(name))
        self.out.append(f"<{tag}{attrs}>")
        self.after_break = False

    def count(self, table: bool = False) -> None:
        self.written += 1
        if self.written > MAX_ELEMENTS:
            raise LimitReached(msg.TOO_MANY_ELEMENTS(count=self.census.elements, limit=MAX_ELEMENTS))
        if table:
            self.tables += 1
            if self.tables > MAX_TABLES:
                raise LimitReached(msg.TOO_MANY_TABLES(count=len(self.census.rows), limit=MAX_TABLES))

    def line_break(self) -> None:
        if not self.after_break:
            self.count()
            self.out.append("<br>")
            self.after_break = True

    def end(self, tag: str) -> None:
        if self.skip:
            self.skip -= 1
            return
        if not self.actions:
            return
        action = self.actions.pop()
        if tag == "table" and self.rows:
            self.rows.pop()
        if action == _KEEP:
            self.depth -= 1
            if tag not in _VOID:
                self.out.append(f"</{tag}>")
        elif action == _FLAT and tag in _BREAKS:
            self.line_break()

    def data(self, data: str) -> None:
        if not self.skip:
            self.out.append(html.escape(data, quote=False))
            if not data.isspace():
                self.after_break = False

    def close(self) -> None:
        return None

    def depth_notes(self) -> list[str]:
        if self.unwrap is None:
            return []
        done = []
        if self.unwrapped:
            done.append(msg.UNWRAPPED(count=self.unwrapped))
        if self.flattened:
            done.append(msg.FLATTENED(limit=MAX_DEPTH, count=self.flattened))
        return [msg.DEPTH(depth=self.census.max_depth, limit=MAX_DEPTH, done=msg.DEPTH_SEPARATOR().join(done))]
