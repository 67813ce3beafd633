"""Chinese details of the built site: no space between Chinese characters where the Markdown
broke a line, and the theme's words (tooltips, the skip link) in Chinese that says what it does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from nianbao.render.pages import join_cjk_lines

CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2018-\u201f"
CJK_SPACE_CJK = re.compile(f"[{CJK}]\\s+[{CJK}]")


@pytest.mark.parametrize(("markdown", "joined"), [
    ("每个机关每一年度的年报单独成页，\n正文和表格照录。", "每个机关每一年度的年报单独成页，正文和表格照录。"),
    ("编制发布的\n**年度报告**（以下简称“年报”）", "编制发布的**年度报告**（以下简称“年报”）"),
    ("按**勾稽关系**\n逐项核对", "按**勾稽关系**逐项核对"),
    ("- 列表一项，\n  接着写", "- 列表一项，接着写"),
    ("请先看\n[如何阅读本站](how-to-read.md)", "请先看[如何阅读本站](how-to-read.md)"),
])
def test_lines_broken_between_chinese_characters_are_joined(markdown: str, joined: str) -> None:
    assert join_cjk_lines(markdown) == joined


@pytest.mark.parametrize("markdown", [
    "English words\nstay apart",
    "中文\nEnglish",
    "English\n中文",
    "第一段。\n\n第二段。",
    "- 第一项\n- 第二项",
    "## 小标题\n正文",
    "| 表格 | 一行 |\n| 第二 | 行 |",
    "```\n代码\n照样\n```",
    "~~~\n代码\n照样\n~~~",
    "---\ntitle: 标题\n描述: 一行\n---\n正文",
    "硬换行  \n照留",
    "* 列表\n* 另一项",
])
def test_other_line_breaks_stay(markdown: str) -> None:
    assert join_cjk_lines(markdown) == markdown


def paragraphs(site_dir: Path, page: str) -> list[str]:
    soup = BeautifulSoup((site_dir / page).read_text(encoding="utf-8"), "lxml")
    return [p.get_text() for p in soup.select("article p, article li, article td")]


@pytest.mark.parametrize("page", ["index.html", "how-to-read/index.html", "about-data/index.html"])
def test_docs_pages_have_no_space_between_chinese_characters(site_dir: Path, page: str) -> None:
    texts = paragraphs(site_dir, page)
    assert texts
    assert [t for t in texts if CJK_SPACE_CJK.search(t)] == []
    # The page the test reads is the one whose Markdown breaks lines there.
    if page == "index.html":
        assert any("单独成页，正文和表格" in t for t in texts)


def test_theme_words_are_chinese(site_dir: Path) -> None:
    html = (site_dir / "how-to-read" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "lxml")
    assert "Permanent link" not in html
    anchors = soup.select("a.headerlink")
    assert anchors and {a["title"] for a in anchors} == {"本节链接"}
    skip = soup.select_one("a.md-skip")
    assert skip is not None and skip.get_text(strip=True) == "跳转到正文"
    assert (soup.html.get("lang") if soup.html else None) == "zh"
    # No English left in what the theme shows as tooltips, labels or placeholders.
    english = [f"{attr}={tag[attr]}" for tag in soup.find_all(True)
               for attr in ("title", "aria-label", "placeholder", "alt")
               if tag.has_attr(attr) and re.search(r"[A-Za-z]{3,}", str(tag[attr]))]
    assert english == []


def test_not_found_page_is_chinese(site_dir: Path) -> None:
    """The default build (no NIANBAO_SITE_URL) too; its styling at depth is the browser test's."""
    soup = BeautifulSoup((site_dir / "404.html").read_text(encoding="utf-8"), "lxml")
    assert soup.h1 is not None and soup.h1.get_text() == "页面不存在"
    assert soup.title is not None and soup.title.get_text().startswith("页面不存在")
    assert "Not found" not in soup.get_text()
    assert {a.get_text() for a in soup.select("article a")} >= {"返回本站首页", "在本站搜索"}
