"""The 数据质量 section: per year and region, who published, who was late, who was flagged and by
which indicator (the bodies behind each count linked to their reports), a side-by-side view of each
flagged copy with the shared passages highlighted, and the CSV of every indicator.

Built only when the site asks for it (NIANBAO_QUALITY=1): some offices keep it internal. Static
HTML, no script. The figures come from nianbao.quality; this module only lays them out.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from markupsafe import Markup

from ..catalogue import quality_pages as words
from ..copies import COMPARED_PARTS, COPY_OWN_PREVIOUS, COPY_PEER, SECTION5_UNCHANGED, Figure, document, passages
from ..loader import Dataset
from ..quality.output import csv_output
from ..quality.scope import EXEMPT, PUBLISHED
from . import environment
from .downloads import page_href
from .indexing import UNINDEXED
from .pages import Page, body_uri, md_text, page_meta, placeholder, report_uri

QUALITY_DIR = "quality"
INDEX = f"{QUALITY_DIR}/index.md"
CSV = f"{QUALITY_DIR}/quality.csv"
# The copy indicators a side-by-side view is made for (tables_unchanged has no text to show).
COMPARED = (COPY_OWN_PREVIOUS, COPY_PEER, SECTION5_UNCHANGED)
# Counted in their own columns, not among the other flags.
_OWN_COLUMNS = ("published", "days_late")


@dataclass(frozen=True)
class QualitySite:
    pages: tuple[Page, ...]
    files: Mapping[str, str]  # path under the docs root → text


def quality_home_line() -> str:
    """The home page's link to the section (the home page's Markdown sits at the docs root)."""
    return f"[{words.HOME_LINK()}]({INDEX})\n"


def year_uri(year: int) -> str:
    return f"{QUALITY_DIR}/{year}.md"


def copy_uri(figure: Figure) -> str:
    return f"{QUALITY_DIR}/copies/{figure.year}/{figure.body}-{figure.indicator}.md"


def _name(indicator: str) -> str:
    text = words.NAMES.get(indicator)
    return text() if text is not None else indicator


def quality_site(data: Dataset, found: list[Figure], directory_urls: bool = True) -> QualitySite:
    by_year: dict[int, list[Figure]] = defaultdict(list)
    for figure in found:
        by_year[figure.year].append(figure)
    pages = [_index(data, by_year, directory_urls)]
    for year, figures in sorted(by_year.items(), reverse=True):
        pages.append(_year_page(data, year, figures, directory_urls))
    pages += [_copy_page(data, f, directory_urls) for f in found if f.flag and _compared(data, f)]
    return QualitySite(tuple(pages), {CSV: csv_output(found)})


def _compared(data: Dataset, figure: Figure) -> bool:
    """Whether the figure has a side-by-side view: a copy indicator, both reports there."""
    return (figure.indicator in COMPARED and figure.other is not None and figure.other in data.reports
            and (figure.body, figure.year) in data.reports)


@dataclass
class _Counts:
    due: set[str]
    published: set[str]
    missing: set[str]
    late: set[str]
    flagged: set[str]

    @classmethod
    def of(cls, figures: Iterable[Figure]) -> _Counts:
        counts = cls(set(), set(), set(), set(), set())
        for f in figures:
            if f.indicator == "published":
                if f.value != EXEMPT:
                    counts.due.add(f.body)
                if f.value == PUBLISHED:
                    counts.published.add(f.body)
                elif f.flag:
                    counts.missing.add(f.body)
            elif f.indicator == "days_late" and f.flag:
                counts.late.add(f.body)
            elif f.flag:
                counts.flagged.add(f.body)
        return counts

    def row(self) -> list[int]:
        return [len(self.due), len(self.published), len(self.missing), len(self.late), len(self.flagged)]


def _table(id_: str, caption: str, header: Iterable[str], rows: list[list[object]]) -> str:
    return environment().get_template("quality_table.html.j2").render(id=id_, caption=caption, header=list(header),
                                                                       rows=rows)


def _link(text: str, href: str) -> Markup:
    return Markup('<a href="{}">{}</a>').format(href, text)


def _index(data: Dataset, by_year: Mapping[int, list[Figure]], directory_urls: bool) -> Page:
    title = words.TITLE()
    rows: list[list[object]] = []
    links = []
    for year, figures in sorted(by_year.items(), reverse=True):
        links.append(year_uri(year))
        rows.append([_link(str(year), page_href(INDEX, year_uri(year), directory_urls)), *_Counts.of(figures).row()])
    md = [f"# {title}\n", f"{words.INTRO()}\n{{: {UNINDEXED} }}\n",
          f"- [{words.DOWNLOAD()}](quality.csv)\n", f"## {words.YEARS_HEADING()} {{#years}}\n", placeholder("years")]
    table = _table("quality-years", words.YEARS_CAPTION(), (h() for h in words.YEARS_HEADER), rows)
    return Page(INDEX, "\n\n".join(md) + "\n", lambda: {"years": table},
                meta=page_meta(title=title, article_title=title), links=tuple(links))


def _body_link(data: Dataset, page: str, body: str, year: int, directory_urls: bool) -> tuple[Markup | str, str | None]:
    name = data.bodies[body].name if body in data.bodies else body
    if (body, year) in data.reports:
        target = report_uri(body, year)
    elif body in data.bodies:
        target = body_uri(body)
    else:
        return name, None
    return _link(name, page_href(page, target, directory_urls)), target


def _region(data: Dataset, body: str) -> str:
    return " / ".join(data.bodies[body].region) if body in data.bodies else ""


def _value(value: object) -> str:
    if value is None:
        return words.NO_VALUE()
    if isinstance(value, bool):
        return (words.YES if value else words.NO)()
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def _year_page(data: Dataset, year: int, figures: list[Figure], directory_urls: bool) -> Page:
    uri = year_uri(year)
    title = words.YEAR_TITLE(year=year)
    links: set[str] = {INDEX}
    by_region: dict[tuple[str, ...], list[Figure]] = defaultdict(list)
    for f in figures:
        region = tuple(data.bodies[f.body].region) if f.body in data.bodies else ()
        for depth in range(1, len(region) + 1):
            by_region[region[:depth]].append(f)
    regions = sorted(by_region)
    anchors = {region: f"region-{n}" for n, region in enumerate(regions, 1)}

    def body_cell(body: str) -> Markup | str:
        cell, target = _body_link(data, uri, body, year, directory_urls)
        if target:
            links.add(target)
        return cell

    region_rows: list[list[object]] = []
    sections: list[str] = []
    for region in regions:
        counts = _Counts.of(by_region[region])
        region_rows.append([Markup('<a class="nb-depth-{}" href="#{}">{}</a>').format(
            len(region), anchors[region], region[-1]), *counts.row()])
        items = [(words.REGION_MISSING(), sorted(counts.missing)), (words.REGION_LATE(), sorted(counts.late))]
        flagged = defaultdict(list)
        for f in by_region[region]:
            if f.flag and f.indicator not in _OWN_COLUMNS:
                flagged[f.body].append(_name(f.indicator))
        lines = [Markup("<li>{}：{}</li>").format(what, Markup("、").join(body_cell(b) for b in bodies))
                 for what, bodies in items if bodies]
        lines += [Markup("<li>{}：{}</li>").format(body_cell(b), "、".join(names))
                  for b, names in sorted(flagged.items())]
        sections.append(environment().get_template("quality_region.html.j2").render(
            id=anchors[region], heading=" / ".join(region), lines=lines, nothing=words.REGION_NOTHING()))

    flagged_by: dict[str, list[Figure]] = defaultdict(list)
    for f in figures:
        if f.flag:
            flagged_by[f.indicator].append(f)
    ids = sorted({f.indicator for f in figures}, key=lambda i: list(words.NAMES).index(i) if i in words.NAMES else 99)
    indicator_rows: list[list[object]] = [
        [Markup('<a href="#ind-{}">{}</a>').format(i.replace("_", "-"), _name(i)), Markup("<code>{}</code>").format(i),
         len({f.body for f in flagged_by[i]})] for i in ids]
    indicator_sections = []
    for i in ids:
        rows: list[list[object]] = []
        for f in sorted(flagged_by[i], key=lambda f: (_region(data, f.body), f.body)):
            compare: Markup | str = ""
            if _compared(data, f):
                compare = _link(words.COMPARE_LINK(), page_href(uri, copy_uri(f), directory_urls))
                links.add(copy_uri(f))
            rows.append([body_cell(f.body), _region(data, f.body), _value(f.value), f.detail, compare])
        anchor = f"ind-{i.replace('_', '-')}"
        indicator_sections.append(
            f'<h3 id="{anchor}">{html.escape(_name(i))}</h3>\n'
            + (_table(f"{anchor}-table", words.FLAGGED_CAPTION(indicator=_name(i)), (h() for h in words.FLAGGED_HEADER),
                      rows) if rows else f"<p>{html.escape(words.NONE_FLAGGED())}</p>"))
    md = [f"# {md_text(title)}\n", f"[{words.TITLE()}](index.md)\n",
          f"## {words.REGIONS_HEADING()} {{#regions}}\n", placeholder("regions"),
          f"## {words.INDICATORS_HEADING()} {{#indicators}}\n", placeholder("indicators")]
    regions_table = _table("quality-regions", words.REGIONS_CAPTION(year=year), (h() for h in words.REGION_HEADER),
                           region_rows)
    indicators_table = _table("quality-indicators", words.INDICATORS_CAPTION(year=year),
                              (h() for h in words.INDICATORS_HEADER), indicator_rows)
    blocks = {"regions": regions_table + "\n" + "\n".join(sections),
              "indicators": indicators_table + "\n" + "\n".join(indicator_sections)}
    return Page(uri, "\n\n".join(md) + "\n", lambda: blocks, meta=page_meta(title=title, article_title=title),
                links=tuple(sorted(links)))


def _marked(text: str, spans: list[tuple[int, int]]) -> Markup:
    """The text with each span (start, end) in <mark>; overlapping spans merged."""
    out: list[str] = []
    position = 0
    for start, end in sorted(spans):
        start = max(start, position)
        if end <= start:
            continue
        out += [html.escape(text[position:start]), "<mark>", html.escape(text[start:end]), "</mark>"]
        position = end
    out.append(html.escape(text[position:]))
    return Markup("".join(out))


def _copy_page(data: Dataset, figure: Figure, directory_urls: bool) -> Page:
    assert figure.other is not None
    uri = copy_uri(figure)
    a_key, b_key = (figure.body, figure.year), figure.other
    docs = [document(data.reports[k], data.bodies[k[0]]) for k in (a_key, b_key)]
    part: str | None = "五" if figure.indicator == SECTION5_UNCHANGED else (
        figure.comparison.highest[0] if figure.comparison is not None else None)
    shared = passages(docs[0], docs[1], part)
    spans: list[dict[str, list[tuple[int, int]]]] = [defaultdict(list), defaultdict(list)]
    for p in shared:
        spans[0][p.a.path].append((p.a.start, p.a.end))
        spans[1][p.b.path].append((p.b.start, p.b.end))
    parts = COMPARED_PARTS if part is None else (part,)
    sides = []
    links = []
    for n, (key, doc) in enumerate(zip((a_key, b_key), docs, strict=True)):
        report = data.reports[key]
        pieces = []
        shown: set[str] = set()
        for piece in doc.pieces:
            if piece.part not in parts:
                continue
            given = report.meta.part(piece.part)
            # A part's heading once, over its text and its sections' texts.
            heading = "" if piece.part in shown else words.COPY_PART(part=piece.part,
                                                                      heading=given.heading if given else "")
            shown.add(piece.part)
            pieces.append((heading, _marked(piece.text, spans[n].get(piece.path, []))))
        links.append(report_uri(*key))
        sides.append({"title": words.COPY_SIDE(name=doc.name, year=key[1]),
                      "href": page_href(uri, report_uri(*key), directory_urls), "pieces": pieces})
    comparison = figure.comparison
    sim = None if comparison is None else comparison.parts.get(part) if part else comparison.overall

    def share(value: float | None) -> str:
        return words.NO_VALUE() if value is None else f"{value:.0%}"

    figures_text = words.COPY_FIGURES(a_in_b=share(sim.a_in_b), b_in_a=share(sim.b_in_a),
                                      jaccard=words.NO_VALUE() if sim.jaccard is None else f"{sim.jaccard:.2f}"
                                      ) if sim is not None else ""
    title = words.COPY_TITLE(name=docs[0].name, year=figure.year)
    back = year_uri(figure.year)
    md = [f"# {md_text(title)}\n", f"[{words.BACK(year=figure.year)}](../../{figure.year}.md)\n",
          placeholder("copy")]
    block = environment().get_template("quality_copy.html.j2").render(
        intro=words.COPY_INTRO(figures=figures_text), indicator=_name(figure.indicator), detail=figure.detail,
        passages=words.COPY_PASSAGES(count=len(shared)), sides=sides)
    return Page(uri, "\n\n".join(md) + "\n", lambda: {"copy": block}, meta=page_meta(title=title, article_title=title),
                links=(back, *links))
