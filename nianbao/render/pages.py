"""The site's generated pages as Markdown with placeholders for HTML blocks.

Markdown carries only headings (for the table of contents and anchors) and links (so MkDocs
resolves and validates them). Everything else, tables above all, is rendered to HTML here and put
in place after the Markdown conversion: Python-Markdown on big tables is most of a build's time.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import yaml

from ..catalogue import site as words
from ..catalogue import statuses as S
from ..checks import ReportCheck
from ..figures.compare import compare, history
from ..model import Body, Contact, Report
from ..numerals import PART_NUMBER
from ..revisions import resolve
from . import environment
from .checks import render_checks
from .downloads import Item, body_items, href, report_items
from .history import compare_section, compare_table, history_charts, history_section, history_table
from .indexing import UNINDEXED
from .revisions import render_revisions, revised_on, table_marks
from .table_html import render_table

Blocks = dict[str, str]


@dataclass(frozen=True)
class Page:
    """A generated page: its Markdown now, its HTML blocks when asked for.

    Blocks are rendered on demand and not kept, so a site of thousands of reports does not hold
    every table in memory. ``render_late`` holds the blocks search leaves out (tables, the check
    panel): the MkDocs hook inserts them after the theme has rendered the page, so the search
    plugin never parses them.
    """

    src_uri: str  # e.g. wanggang-zhen/2020.md
    markdown: str
    render_content: Callable[[], Blocks] = dict
    render_late: Callable[[], Blocks] = dict
    # The page's metadata (title, 网页标签), handed to the theme as they are: never as front matter
    # in ``markdown``, whose parse can fail and let the whole block through as Markdown.
    meta: Mapping[str, str] = field(default_factory=dict)
    # The files under the docs root its HTML blocks link to (the 数据下载 links): MkDocs checks the
    # Markdown's links only, so the build checks these (nianbao.site.missing_links).
    links: tuple[str, ...] = ()

    @property
    def blocks(self) -> Blocks:
        return {**self.render_content(), **self.render_late()}

    def standalone_markdown(self) -> str:
        """The page as one Markdown file with its HTML inline, for tools without MkDocs hooks."""
        return front_matter(self.meta) + fill(self.markdown, self.blocks)


def fill(text: str, blocks: Blocks) -> str:
    """Put HTML blocks in place of their placeholders."""
    for key, block in blocks.items():
        text = text.replace(placeholder(key), block)
    return text


def placeholder(key: str) -> str:
    return f"<!-- nianbao:block {key} -->"


def md_text(text: str) -> str:
    """Text from YAML made inert for Markdown: no HTML, no emphasis, no links, no new block.

    Line breaks are refused at load in the fields that reach Markdown; folding them here too
    keeps a heading one heading whatever reaches it.
    """
    one_line = " ".join(text.split())
    return re.sub(r"([\\`*_\[\]{}#!|])", r"\\\1", html.escape(one_line, quote=False))


# Characters written without spaces between them: CJK ideographs, kana, bopomofo, CJK and
# full-width punctuation, and the quotation marks, dash and ellipsis of Chinese text.
_CJK = ("\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf"
        "\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2018-\u201f\u2014\u2026")
# Emphasis and link brackets may stand between the character and the line break.
_ENDS_CJK = re.compile(f"[{_CJK}][*_]*$")
_STARTS_CJK = re.compile(f"^[ \\t]*[*_\\[]*[{_CJK}]")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")


def join_cjk_lines(markdown: str) -> str:
    """Markdown with its soft line breaks between two CJK characters removed.

    A browser shows a line break inside a paragraph as a space, which is right between English
    words and wrong between Chinese characters (成页， 正文). A line is joined to the one before
    when that ends with a CJK character and this one starts with one (after its indentation, and
    emphasis or a link's bracket on either side of the break), so
    list markers, table rows, headings' attributes and blank lines are never joined across, nor is
    anything after an ATX heading (a heading is one line) or inside a fenced code block or front
    matter. An indented code block of Chinese lines would be joined too: docs/ has none.
    """
    lines = markdown.split("\n")
    out: list[str] = []
    fence = ""
    start = 0
    if lines and lines[0] == "---":  # front matter: YAML, not Markdown
        end = next((i for i in range(1, len(lines)) if lines[i] in ("---", "...")), None)
        if end is not None:
            out, start = lines[: end + 1], end + 1
    for line in lines[start:]:
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
            out.append(line)
        elif opening:
            fence = opening.group(1)
            out.append(line)
        elif (out and _STARTS_CJK.match(line) and _ENDS_CJK.search(out[-1])
              and not out[-1].lstrip().startswith("#")):
            out[-1] += line.lstrip(" \t")
        else:
            out.append(line)
    return "\n".join(out)


def search_block(body: Body, year: int | None, years: list[int] | None = None) -> str:
    """The body and year a search result shows, and the filters it is found by. A body's page
    (year None) is found under each year it has a report of (years)."""
    meta = [("body", body.name)] + ([("year", str(year))] if year is not None else [])
    filters = [(words.SEARCH_FILTER_YEAR(), str(y)) for y in ([year] if year is not None else years or [])]
    filters.append((words.SEARCH_FILTER_LEVEL(), body.level))
    # Every enclosing region, so that a province's or a city's reports are one filter value each.
    filters += [(words.SEARCH_FILTER_REGION(), " / ".join(body.region[: n + 1])) for n in range(len(body.region))]
    return environment().get_template("search.html.j2").render(meta=meta, filters=[f for f in filters if f[1]])


def page_meta(**meta: str) -> dict[str, str]:
    """A page's metadata, empty values left out. Material prints ``title`` unescaped in the page's
    <title> and header, so it is HTML-escaped here; the templates escape the other values."""
    values = {key: value for key, value in meta.items() if value}
    if "title" in values:
        values["title"] = html.escape(values["title"], quote=False)
    return values


def front_matter(meta: Mapping[str, str]) -> str:
    """Front matter for a standalone page, written by a YAML emitter and proved to read back."""
    if not meta:
        return ""
    text = yaml.safe_dump(dict(meta), allow_unicode=True, sort_keys=False, width=1_000_000)
    if yaml.safe_load(text) != dict(meta):
        raise ValueError(words.FRONT_MATTER_UNREADABLE(text=repr(text)))
    return "---\n" + text + "---\n\n"


def default_title(name: str, year: int) -> str:
    """The title a report without its own is shown under."""
    return f"{name}{year}年政府信息公开工作年度报告"


def report_uri(slug: str, year: int) -> str:
    """The page of a body's report of one year, as MkDocs names its source: wanggang-zhen/2020.md."""
    return f"{slug}/{year}.md"


def body_uri(slug: str) -> str:
    """A body's own page: wanggang-zhen/index.md."""
    return f"{slug}/index.md"


def report_title(report: Report, body: Body) -> str:
    return report.meta.title or default_title(body.name, report.year)


def _pub_date(report: Report) -> str:
    """The page's PubDate; empty (left out) for a report whose date is not stated yet (a draft)."""
    published = report.meta.published
    return f"{published.isoformat()} 00:00" if published is not None else ""


def _published_text(report: Report) -> str:
    published = report.meta.published
    return published.isoformat() if published is not None else words.PAGE_NOT_STATED()


def report_page(report: Report, body: Body, check: ReportCheck, years: list[int],
                previous: Report | None = None, figures: bool = True, directory_urls: bool = True) -> Page:
    """The report's page; previous is the body's latest earlier report, for 与上年比较 (with the
    数据下载 links, left out when ``figures`` is off; ``directory_urls`` as in mkdocs.yml, for them)."""
    title = report_title(report, body)
    page_uri = report_uri(report.body, report.year)
    meta = page_meta(
        title=title, article_title=title, pub_date=_pub_date(report),
        column_type=words.COLUMN_TYPE(), content_source=report.meta.signed_by or body.name,
    )
    md: list[str] = [f"# {md_text(title)}\n", placeholder("search")]
    md.append(_years_nav(report.year, years, body))
    md.append(placeholder("byline"))
    if report.meta.preamble:
        md.append(placeholder("preamble"))
    for part in report.format.parts:
        given = report.meta.part(part.key)
        anchor = f"part-{PART_NUMBER[part.key]}"
        if given is not None:
            md.append(f"## {part.key}、{md_text(given.heading)} {{#{anchor}}}\n")
            if given.text or given.sections:
                md.append(placeholder(anchor))
            if part.key == _fees_part(report):
                md.append(f"### {md_text(words.FEES_HEADING())} {{#fees}}\n")
                md.append(placeholder("fees"))
        if part.table and part.table in report.tables:
            md.append(_table_heading(report, part.table))
            md.append(placeholder(f"table-{part.table}"))
    md.append(placeholder("signature"))
    revisions = resolve(report)
    if revisions:
        md.append(f"## {words.REVISIONS_HEADING()} {{#revisions}}\n")
        md.append(placeholder("revisions"))
    md.append(f"## {words.SECTION_CHECKS()} {{#checks {UNINDEXED}}}\n")
    md.append(placeholder("checks"))
    if figures:
        # Worked out once: the section's sentences and its table (rendered later) read the same changes.
        changes = compare(report, previous) if previous is not None else []
        md.append(f"## {words.SECTION_COMPARE()} {{#compare {UNINDEXED}}}\n")
        md.append(placeholder("compare"))
        md.append(_downloads_heading())
        md.append(placeholder("downloads"))
    downloads = report_items(report) if figures else []
    md.append(f"## {words.SECTION_CONTACT()} {{#contact {UNINDEXED}}}\n")
    md.append(placeholder("contact"))

    def content() -> Blocks:
        env = environment()
        prose = env.get_template("prose.html.j2")
        blocks = {"byline": env.get_template("byline.html.j2").render(report=report, body=body,
                                                                        revised=revised_on(revisions)),
                  "search": search_block(body, report.year)}
        if report.meta.preamble:
            blocks["preamble"] = prose.render(text=report.meta.preamble, sections=[], anchor="preamble")
        for key, given in report.meta.parts.items():
            anchor = f"part-{PART_NUMBER[key]}"
            if given.text or given.sections:
                blocks[anchor] = prose.render(text=given.text, sections=given.sections, anchor=anchor)
        if _fees_part(report) is not None:
            blocks["fees"] = render_fees(report)
        blocks["signature"] = env.get_template("signature.html.j2").render(report=report)
        if revisions:
            blocks["revisions"] = render_revisions(report, revisions)
        if figures:
            table = compare_table(changes, report.year, previous.year) if previous is not None else ""
            blocks["compare"] = compare_section(changes, previous.year if previous else None, table)
            blocks["downloads"] = render_downloads(words.DOWNLOADS_REPORT_NOTE(), downloads, page_uri,
                                                   directory_urls)
        blocks["contact"] = render_contact(body, body.contact_for(report.year),
                                           words.CONTACT_OF_REPORT(year=report.year))
        return blocks

    def late() -> Blocks:
        marks = table_marks(report, revisions)
        blocks = {f"table-{key}": render_table(report.format, key, values, marks.get(key))
                  for key, values in report.tables.items()}
        blocks["checks"] = render_checks(check)
        return blocks

    return Page(page_uri, "\n\n".join(md) + "\n", content, late, meta, tuple(t for _, t in downloads))


def _downloads_heading() -> str:
    return f"## {words.SECTION_DOWNLOADS()} {{#downloads {UNINDEXED}}}\n"


def render_downloads(note: str, items: list[Item], page: str, directory_urls: bool) -> str:
    return environment().get_template("downloads.html.j2").render(
        note=note, items=[(text, href(page, target, directory_urls)) for text, target in items])


def _table_heading(report: Report, key: str) -> str:
    caption = report.format.table(key).caption
    return f"### 表：{md_text(caption)} {{#tab-{key.replace('_', '-')} .nb-table-heading {UNINDEXED}}}\n"


def _years_nav(year: int, years: list[int], body: Body) -> str:
    earlier = [y for y in years if y < year]
    later = [y for y in years if y > year]
    links = []
    if earlier:
        links.append(f"[‹ {earlier[-1]} 年度报告]({earlier[-1]}.md){{ rel=prev }}")
    links.append(f"[{md_text(body.display_name)}的全部年度报告](index.md)")
    if later:
        links.append(f"[{later[0]} 年度报告 ›]({later[0]}.md){{ rel=next }}")
    # A paragraph with a class (attr_list), not a <nav> block: md_in_html would double the
    # Markdown time of every page. The links stay Markdown so MkDocs resolves and checks them.
    return " · ".join(links) + f"\n{{: .nb-years {UNINDEXED} }}\n"


def _fees_part(report: Report) -> str | None:
    """The part under which the 信息处理费 figures go: the one the report's format asks for them
    in (2021 format: 六), when the report has it, else the first part that gives them."""
    home = report.format.fees_part
    if home is not None and report.meta.part(home.key) is not None:
        return home.key
    return next((key for key, part in report.meta.parts.items() if part.fees is not None), None)


def render_fees(report: Report) -> str:
    """The 信息处理费 figures as reported; each one the report leaves blank says 未填写, never 0."""
    key = _fees_part(report)
    part = report.meta.part(key) if key else None
    fees = part.fees if part is not None and part.fees is not None else next(
        (p.fees for p in report.meta.parts.values() if p.fees is not None), None)

    def shown(value: object, text: Callable[..., str]) -> str | None:
        if value is None:
            return None
        return text(count=value) if isinstance(value, int) else text(amount=f"{value:f}")

    rows = [
        (words.FEES_NOTICES_COUNT(), shown(fees.notices_count if fees else None, words.FEES_COUNT)),
        (words.FEES_NOTICES_AMOUNT(), shown(fees.notices_amount_yuan if fees else None, words.FEES_YUAN)),
        (words.FEES_COLLECTED(), shown(fees.collected_amount_yuan if fees else None, words.FEES_YUAN)),
    ]
    return environment().get_template("fees.html.j2").render(
        caption=words.FEES_CAPTION(), rows=rows, not_stated=words.PAGE_NOT_STATED())


# The label of each contact field on a page; shown in the model's field order.
_CONTACT_LABELS = {"office": "承办机构", "address": "地址", "postcode": "邮编", "phone": "电话", "fax": "传真",
                   "email": "电子邮箱"}


# A telephone number as people write one: digits, an optional +86 or area code in brackets, and
# dashes or spaces between groups; 7 to 15 digits in all. Anything else (an extension written out,
# "见网站") is shown as text, not as a link that would dial something else.
_PHONE = re.compile(r"(?:\+|00)?[0-9][0-9 \-]*(?:[(（][0-9]+[)）][0-9 \-]*)?[0-9]|[(（][0-9]+[)）][0-9 \-]*[0-9]")
_PHONE_SEPARATORS = re.compile(r"([、，,；;／/]|\s+或\s*|或)")

Link = tuple[str, str | None]  # (text, href or None)


def phone_links(value: str) -> list[Link]:
    """A phone field as text pieces, each number that is a real number with its tel: address.
    Several numbers (0451-1234567、1234568) each get their own link; the rest stays text."""
    pieces: list[Link] = []
    for piece in _PHONE_SEPARATORS.split(value):
        number = piece.strip()
        digits = re.sub(r"[^0-9]", "", number)
        if number and _PHONE.fullmatch(number) and 7 <= len(digits) <= 15:
            plus = "+" if number.startswith("+") else ""
            lead = piece[: len(piece) - len(piece.lstrip())]
            if lead:
                pieces.append((lead, None))
            pieces.append((number, f"tel:{plus}{digits}"))
            trail = piece[len(piece.rstrip()):]
            if trail:
                pieces.append((trail, None))
        elif piece:
            pieces.append((piece, None))
    return pieces


def render_contact(body: Body, contact: Contact, note: str) -> str:
    """The contact card: whose details they are (note), then each field the data has."""
    rows: list[tuple[str, list[Link]]] = [("机关", [(body.name, None)])]
    for key in Contact.model_fields:
        value = getattr(contact, key)
        if not value:
            continue
        if key == "phone":
            shown = phone_links(value)
        elif key == "email":
            shown = [(value, f"mailto:{value}")]  # the model accepts only an address (model._email)
        else:
            shown = [(value, None)]
        rows.append((_CONTACT_LABELS[key], shown))
    return environment().get_template("contact.html.j2").render(rows=rows, website=body.website, note=note)


def body_page(slug: str, body: Body, reports: list[Report], checks: dict[int, ReportCheck],
              figures: bool = True, directory_urls: bool = True) -> Page:
    meta = page_meta(title=body.name, article_title=body.name, column_type=words.COLUMN_TYPE())
    md = [f"# {md_text(body.name)}\n", placeholder("search")]
    md.append(f"{md_text(body.level)} · {md_text(' / '.join(body.region))}\n")
    md.append(f"## {words.SECTION_REPORTS()} {{#reports}}\n")
    rows = [words.REPORTS_HEADER(), "|---|---|---|---|"]
    for report in sorted(reports, key=lambda r: r.year, reverse=True):
        rows.append(f"| {report.year} | [{md_text(report_title(report, body))}]({report.year}.md) | "
                    f"{_published_text(report)} | {_check_summary(checks[report.year])} |")
    md.append("\n".join(rows) + "\n")
    figures = figures and bool(reports)
    # The table and the charts (rendered later) read the same values, worked out once.
    by_year = history(reports) if figures else ([], {})
    if figures:
        md.append(history_section(placeholder("history-table"), placeholder("charts")))
        md.append(_downloads_heading())
        md.append(placeholder("downloads"))
    downloads = body_items(reports) if figures else []
    md.append(f"## {words.SECTION_CONTACT()} {{#contact {UNINDEXED}}}\n")
    latest = max((r.year for r in reports), default=0)
    md.append(placeholder("contact"))

    def content() -> Blocks:
        blocks = {"history-table": history_table(*by_year)} if figures else {}
        if figures:
            blocks["downloads"] = render_downloads(words.DOWNLOADS_BODY_NOTE(), downloads, body_uri(slug),
                                                   directory_urls)
        blocks["search"] = search_block(body, None, sorted({r.year for r in reports}, reverse=True))
        if latest:
            blocks["contact"] = render_contact(body, body.contact_for(latest), words.CONTACT_OF_LATEST(year=latest))
        else:
            blocks["contact"] = render_contact(body, body.contact, words.CONTACT_OF_BODY())
        return blocks

    def late() -> Blocks:
        # The charts are drawn after the theme, as the tables are: search has no use for them.
        return {"charts": history_charts(*by_year)} if figures else {}

    return Page(body_uri(slug), "\n\n".join(md) + "\n", content, late, meta=meta, links=tuple(t for _, t in downloads))


def _check_summary(check: ReportCheck) -> str:
    open_ = [p for p in check.problems if not p.acknowledged]
    acked = [p for p in check.problems if p.acknowledged]
    if open_:
        return S.OPEN_COUNT(count=len(open_), label=S.TO_VERIFY.label())
    if acked:
        return S.ALL_HOLD_ACKED(count=len(acked), label=S.ACKNOWLEDGED.label())
    return S.ALL_HOLD()
