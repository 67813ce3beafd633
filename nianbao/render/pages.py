"""The site's generated pages as Markdown with placeholders for HTML blocks.

Markdown carries only headings (for the table of contents and anchors) and links (so MkDocs
resolves and validates them). Everything else, tables above all, is rendered to HTML here and put
in place after the Markdown conversion: Python-Markdown on big tables is most of a build's time.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field

from ..checks import ReportCheck
from ..model import Body, Contact, Report
from . import environment
from .checks import render_checks
from .numerals import NUMERALS
from .tables import render_table


@dataclass(frozen=True)
class Page:
    src_uri: str  # e.g. wanggang-zhen/2020.md
    markdown: str
    blocks: dict[str, str] = field(default_factory=dict)

    def html(self, converted: str) -> str:
        """Put the HTML blocks into the page's converted Markdown."""
        for key, block in self.blocks.items():
            converted = converted.replace(placeholder(key), block)
        return converted

    def standalone_markdown(self) -> str:
        """The page as one Markdown file with its HTML inline, for tools without MkDocs hooks."""
        text = self.markdown
        for key, block in self.blocks.items():
            text = text.replace(placeholder(key), block)
        return text


def placeholder(key: str) -> str:
    return f"<!-- nianbao:block {key} -->"


def md_text(text: str) -> str:
    """Text from YAML made inert for Markdown: no HTML, no emphasis, no links."""
    return re.sub(r"([\\`*_\[\]{}#!|])", r"\\\1", html.escape(text, quote=False))


def front_matter(**meta: str) -> str:
    """YAML front matter. MkDocs themes print page.title unescaped, so the title is escaped here;
    the other values are escaped by the templates that print them."""
    if "title" in meta:
        meta["title"] = html.escape(meta["title"], quote=False)
    # JSON strings are valid YAML scalars and need no further quoting rules.
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items() if value]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def report_title(report: Report, body: Body) -> str:
    return report.meta.title or f"{body.name}{report.year}年政府信息公开工作年度报告"


def report_page(report: Report, body: Body, check: ReportCheck, years: list[int]) -> Page:
    env = environment()
    title = report_title(report, body)
    blocks: dict[str, str] = {}
    md: list[str] = [front_matter(
        title=title, article_title=title, pub_date=f"{report.meta.published.isoformat()} 00:00",
        column_type="信息公开年报", content_source=report.meta.signed_by or body.name,
    )]
    md.append(f"# {md_text(title)}\n")
    md.append(_years_nav(report.year, years, body))
    blocks["byline"] = env.get_template("byline.html.j2").render(report=report, body=body)
    md.append(placeholder("byline"))
    if report.meta.preamble:
        blocks["preamble"] = env.get_template("prose.html.j2").render(
            text=report.meta.preamble, sections=[], anchor="preamble")
        md.append(placeholder("preamble"))
    for part in report.format.parts:
        given = report.meta.part(part.key)
        anchor = f"part-{NUMERALS[part.key]}"
        if given is not None:
            md.append(f"## {part.key}、{md_text(given.heading)} {{#{anchor}}}\n")
            if given.text or given.sections:
                blocks[anchor] = env.get_template("prose.html.j2").render(
                    text=given.text, sections=given.sections, anchor=anchor)
                md.append(placeholder(anchor))
        if part.table and part.table in report.tables:
            md.append(_table_heading(report, part.table))
            blocks[f"table-{part.table}"] = render_table(report.format, part.table, report.tables[part.table])
            md.append(placeholder(f"table-{part.table}"))
    blocks["signature"] = env.get_template("signature.html.j2").render(report=report)
    md.append(placeholder("signature"))
    md.append("## 数据核对 {#checks}\n")
    blocks["checks"] = render_checks(check)
    md.append(placeholder("checks"))
    md.append("## 联系方式 {#contact}\n")
    blocks["contact"] = render_contact(body, body.contact_for(report.year))
    md.append(placeholder("contact"))
    return Page(f"{report.body}/{report.year}.md", "\n\n".join(md) + "\n", blocks)


def _table_heading(report: Report, key: str) -> str:
    caption = report.format.table(key).caption
    return f"### 表：{md_text(caption)} {{#tab-{key.replace('_', '-')} .nb-table-heading}}\n"


def _years_nav(year: int, years: list[int], body: Body) -> str:
    earlier = [y for y in years if y < year]
    later = [y for y in years if y > year]
    links = []
    if earlier:
        links.append(f"[‹ {earlier[-1]} 年度报告]({earlier[-1]}.md){{ rel=prev }}")
    links.append(f"[{md_text(body.display_name)}的全部年度报告](index.md)")
    if later:
        links.append(f"[{later[0]} 年度报告 ›]({later[0]}.md){{ rel=next }}")
    return '<nav class="nb-years" aria-label="其他年度" markdown>\n\n' + " · ".join(links) + "\n\n</nav>\n"


def render_contact(body: Body, contact: Contact) -> str:
    rows = [("机关", body.name)]
    for key, label in (("office", "承办机构"), ("address", "地址"), ("postcode", "邮编"), ("phone", "电话"),
                       ("fax", "传真"), ("email", "电子邮箱")):
        value = getattr(contact, key)
        if value:
            rows.append((label, value))
    return environment().get_template("contact.html.j2").render(rows=rows, website=body.website)


def body_page(slug: str, body: Body, reports: list[Report], checks: dict[int, ReportCheck]) -> Page:
    md = [front_matter(title=body.name, article_title=body.name, column_type="信息公开年报")]
    md.append(f"# {md_text(body.name)}\n")
    md.append(f"{md_text(body.level)} · {md_text(' / '.join(body.region))}\n")
    md.append("## 政府信息公开工作年度报告 {#reports}\n")
    rows = ["| 年度 | 报告 | 发布日期 | 数据核对 |", "|---|---|---|---|"]
    for report in sorted(reports, key=lambda r: r.year, reverse=True):
        rows.append(f"| {report.year} | [{md_text(report_title(report, body))}]({report.year}.md) | "
                    f"{report.meta.published.isoformat()} | {_check_summary(checks[report.year])} |")
    md.append("\n".join(rows) + "\n")
    md.append("## 联系方式 {#contact}\n")
    latest = max((r.year for r in reports), default=0)
    blocks = {"contact": render_contact(body, body.contact_for(latest) if latest else body.contact)}
    md.append(placeholder("contact"))
    return Page(f"{slug}/index.md", "\n\n".join(md) + "\n", blocks)


def _check_summary(check: ReportCheck) -> str:
    open_ = [p for p in check.problems if not p.acknowledged]
    acked = [p for p in check.problems if p.acknowledged]
    if open_:
        return f"{len(open_)} 项待核实"
    if acked:
        return f"全部成立，{len(acked)} 项与原文一致（已确认）"
    return "全部成立"
