"""Property-based tests (hypothesis) against hostile input, derandomised so CI runs the same examples.

1. Any string in any text field is either refused by the model with a clear error, or renders
   inert: the page's HTML, through the same Markdown conversion MkDocs runs, has exactly the
   elements and attributes it has with a plain value there.
2. Random mutations of a real report's YAML never give a traceback: loading, checking and
   rendering either succeed or report problems that name the file.
"""

from __future__ import annotations

import dataclasses
import html
from collections import Counter
from pathlib import Path
from typing import Any

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from nbdata import DATA, WANGGANG, copy_data
from pydantic import ValidationError

from nianbao.checks import check_report
from nianbao.model import Body, ReportMeta
from nianbao.render.indexes import region_pages
from nianbao.render.pages import body_page, fill, report_page
from nianbao.site import build_site, check_site

REAL = build_site(DATA, DATA.parent)
REPORT = REAL.data.report(WANGGANG, 2020)
BODY = REAL.data.bodies[WANGGANG]
assert REPORT is not None

SETTINGS: dict[str, Any] = {"derandomize": True, "deadline": None, "database": None,
                            "suppress_health_check": [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]}

# The characters and fragments that have broken escaping somewhere: controls, bidi, line and
# paragraph separators, YAML indicators, HTML, Markdown, Jinja, attribute breakers.
HOSTILE = [
    "\x00", "\x01", "\x08", "\t", "\n", "\r", "\x0b", "\x1b", "\x7f", "\x80", "\x85", "\x9f", "\u2028", "\u2029",
    "\u202e", "\u2066", "\u200f", "\ufeff", "\ufffe", "\uffff", "\U0010ffff", "\U0001f600",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&#127;", "&lt;", "&amp;", "\"", "'", "`",
    "javascript:alert(1)", "</title><script>alert(1)</script>", "<!--", "-->", "]]>",
    "*", "_", "**粗**", "[链接](javascript:alert(1))", "![图](x)", "#", "## 假标题", "\n---\n", "| a | b |",
    "{: onclick=alert(1) }", "{#id}", "<http://e.example>", "\\", "~~~", "    缩进",
    "{{ config }}", "{% raw %}", "${x}", "%YAML", "&a", "*a", "!!python/object", "? ", ": ", " #", "- ",
    "王岗镇", "南岗区", "（一）", "１２３", " ", "",
]
hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=8)), min_size=1, max_size=6).map("".join)

def markdown_html(text: str) -> str:
    """The Markdown conversion MkDocs runs on a page (mkdocs.yml's extensions)."""
    return markdown.markdown(text, extensions=["toc", "attr_list", "admonition", "tables"])


# Prose is one <p> a line, in a <div> only when there is any: how many depends on the value.
PROSE_TAGS = {"p", "div"}


def structure(html: str) -> tuple[Counter[str], Counter[str]]:
    soup = BeautifulSoup(html, "lxml")
    found = [tag for tag in soup.find_all(True) if tag.name not in PROSE_TAGS]
    tags = Counter(tag.name for tag in found)
    attrs = Counter(f"{tag.name}@{name}" for tag in found for name in tag.attrs)
    # Whatever their number, prose elements carry only the attributes the templates give them.
    attrs.update({f"{t.name}@{n}" for t in soup.find_all(PROSE_TAGS) for n in t.attrs})
    return tags, attrs


def rendered(report_update: dict[str, Any], body_update: dict[str, Any]) -> str:
    """Every page the value reaches (report, body, region), as HTML after Markdown."""
    meta = ReportMeta.model_validate({**REPORT.meta.model_dump(), **report_update})
    body = Body.model_validate({**BODY.model_dump(), **body_update})
    report = dataclasses.replace(REPORT, meta=meta)
    check = check_report(report, body, None)
    pages = [report_page(report, body, check, [2020]), body_page(WANGGANG, body, [report], {2020: check})]
    # Region pages exist past the home page's limit: make the site that large with copies.
    bodies = {f"b{i:03d}": body for i in range(61)}
    pages += region_pages(bodies, {slug: [report] for slug in bodies})[:2]
    out = []
    for page in pages:
        out.append(fill(markdown_html(page.markdown), page.blocks))
        # As hooks/overrides/main.html prints them (`| e`), and Material the title (unescaped).
        out.append("".join(f'<meta name="{k}" content="{html.escape(v)}">' for k, v in page.meta.items()
                           if k != "title"))
        out.append(f"<title>{page.meta.get('title', '')}</title>")
    return "\n".join(out)


FIELDS: list[tuple[str, Any]] = [
    ("title", lambda v: ({"title": v}, {})),
    ("signed_by", lambda v: ({"signed_by": v}, {})),
    ("preamble", lambda v: ({"preamble": v}, {})),
    ("part heading", lambda v: ({"parts": {**REPORT.meta.model_dump()["parts"],
                                           "二": {"heading": v}}}, {})),
    ("section", lambda v: ({"parts": {**REPORT.meta.model_dump()["parts"],
                                      "二": {"heading": "主动公开", "sections": [{"heading": v, "text": v}]}}}, {})),
    ("part text", lambda v: ({"parts": {**REPORT.meta.model_dump()["parts"],
                                        "五": {"heading": "问题", "text": v}}}, {})),
    ("acknowledgement", lambda v: ({"acknowledged": [{**REPORT.meta.acknowledged[0].model_dump(), "reason": v}]}, {})),
    ("unplaced", lambda v: ({"unplaced": [v]}, {})),
    ("body name", lambda v: ({}, {"name": v})),
    ("short name", lambda v: ({}, {"short_name": v})),
    ("region", lambda v: ({}, {"region": ["黑龙江省", v]})),
    ("contact", lambda v: ({}, {"contact": {"office": v, "address": v, "phone": v, "fax": v}})),
]
PLAIN = "甲乙"
BASELINES = {name: structure(rendered(*update(PLAIN))) for name, update in FIELDS}


@pytest.mark.parametrize(("name", "update"), FIELDS, ids=[n for n, _ in FIELDS])
@settings(max_examples=110, **SETTINGS)
@given(value=hostile_text)
def test_any_text_is_refused_or_renders_inert(name: str, update: Any, value: str) -> None:
    try:
        html = rendered(*update(value))
    except ValidationError as exc:
        refused: ValidationError | None = exc
    else:
        refused = None
    if refused is not None:
        # Refused: every error says what, in the model's own words, never a traceback.
        assert all(err["msg"] for err in refused.errors())
        event("refused")
        return
    event("rendered")
    assert structure(html) == BASELINES[name], f"{name}={value!r} changed the page's structure"


# ---------- mutations of a real report file -------------------------------------------------------

SOURCE = (DATA / WANGGANG / "2020.yml").read_text(encoding="utf-8")
LINES = SOURCE.splitlines(keepends=True)
FRAGMENTS = ["&a ", "*a", "!!binary ", "[", "]", "{", "}", "? ", ": ", "- ", "|", ">", "%YAML 1.1\n", "---\n",
             "...\n", "\t", "  ", "'", '"', "#", "~", "null", "9" * 5000, "-1", "1e999", "不适用", "2021-13-45",
             "\x7f", "\u2028", "\x85", "\ufeff", "<script>", "\\x00", "\\ud800", "\\U0010ffff"]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "indent", "dedent", "truncate",
                                   "value"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "insert":
            at = draw(st.integers(0, len(lines[i])))
            piece = draw(st.one_of(st.sampled_from(FRAGMENTS), hostile_text))
            lines[i] = lines[i][:at] + piece + lines[i][at:]
        elif op == "indent":
            lines[i] = "  " + lines[i]
        elif op == "dedent":
            lines[i] = lines[i][2:] if lines[i].startswith("  ") else lines[i]
        elif op == "truncate":
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
        elif ": " in lines[i]:
            key = lines[i].split(": ", 1)[0]
            lines[i] = f"{key}: {draw(st.one_of(st.sampled_from(FRAGMENTS), hostile_text))}\n"
        if not lines:
            lines = [""]
    return "".join(lines)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_data(DATA, tmp_path_factory.mktemp("mutations"))


@settings(max_examples=1000, **SETTINGS)
@given(text=mutated())
def test_a_mutated_report_never_gives_a_traceback(scratch: Path, text: str) -> None:
    path = scratch / WANGGANG / "2020.yml"
    path.write_text(text, encoding="utf-8", newline="")
    data, checks = check_site(scratch, scratch.parent)
    for problem in data.findings.problems:
        assert problem.file.startswith("data/") and problem.message, problem
    if not data.findings.errors:
        build = build_site(scratch, scratch.parent)
        for page in build.pages:
            fill(page.markdown, page.blocks)
