"""The 维护指南's 栏目与键名对照表: every key of every format definition with its official label, written
from the definitions when the site is built (a changed definition changes the page), never by hand.

Expected keys and labels are walked from the definitions here, and the page's Markdown tables are
read back cell by cell, so a key shown beside the wrong label, or in the wrong block, fails.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from nbdata import DATA, REPO

from nianbao.formats import Format, Node, all_formats, load_format_file
from nianbao.model import LEVELS, Fees
from nianbao.render.keys_table import KEYS_PAGE, keys_markdown
from nianbao.site import build_site

FORMATS = REPO / "nianbao" / "formats"
HEADING = re.compile(r"^#{1,4} ", re.M)


def cells(line: str) -> list[str]:
    """A Markdown table row's cells, unescaped as the page shows them."""
    inner = line.strip()[1:-1]
    return [html.unescape(re.sub(r"\\(.)", r"\1", c.strip())) for c in re.split(r"(?<!\\)\|", inner)]


def chunks(markdown: str) -> list[list[list[str]]]:
    """The page cut at every heading: each piece's table rows, as cells."""
    pieces = HEADING.split(markdown)
    return [[cells(line) for line in piece.splitlines() if line.startswith("| ")] for piece in pieces]


def format_section(markdown: str, fmt: Format) -> str:
    """The part of the page under the format's own heading, up to the next format's."""
    start = markdown.index(f"{{#format-{fmt.id}}}")
    rest = markdown[start:]
    following = re.search(r"^## ", rest[1:], re.M)
    return rest if following is None else rest[: following.start() + 1]


def rows_of(nodes: tuple[Node, ...], prefix: str) -> Iterator[tuple[str, Node]]:
    for node in nodes:
        path = f"{prefix}.{node.key}"
        yield path, node
        yield from rows_of(node.children, path)


def assert_every_key_with_its_label(markdown: str, fmt: Format) -> None:
    pieces = chunks(format_section(markdown, fmt))
    for table in fmt.tables:
        for block in table.blocks:
            rows = list(rows_of(block.rows, table.key))
            # The piece of the page that lists this block's rows lists its columns too, in order.
            piece = next((p for p in pieces if any(c[:2] == [f"`{rows[0][0]}`", rows[0][1].label] for c in p)), None)
            assert piece is not None, f"{fmt.id} {table.key}: no rows table with {rows[0][0]}"
            for path, node in rows:
                assert any(c[:2] == [f"`{path}`", node.label] for c in piece), f"{fmt.id}: {path} {node.label}"
            for index, (key, column) in enumerate(block.leaf_columns, start=1):
                assert any(c[:3] == [str(index), f"`{key}`", column.label] for c in piece), \
                    f"{fmt.id} {table.key}: column {index} {key} {column.label}"


def test_every_key_of_every_format_appears_with_its_label() -> None:
    markdown = keys_markdown(all_formats())
    for fmt in all_formats():
        assert_every_key_with_its_label(markdown, fmt)


def test_every_part_one_value_row_and_fee_is_listed() -> None:
    markdown = keys_markdown(all_formats())
    for fmt in all_formats():
        rows = [c for piece in chunks(format_section(markdown, fmt)) for c in piece]
        for part in fmt.parts:
            assert any(c[:2] == [f"`{part.key}`", part.heading] for c in rows), f"{fmt.id} part {part.key}"
        single = [(f"{t.key}.{key}", node, block.leaf_columns[0][1]) for t in fmt.tables
                  for key, node, block in t.leaf_rows if len(block.leaf_columns) == 1]
        for path, node, column in single:
            assert [f"`{path}`", node.label, column.label] in rows, f"{fmt.id} one value {path}"
        fees = fmt.fees_part
        for name, field in Fees.model_fields.items():
            listed = any(c[:2] == [f"`parts.{fees.key}.fees.{name}`", field.description] for c in rows) \
                if fees else False
            assert listed == (fees is not None), f"{fmt.id} fees {name}"
    # 2021's 行政许可 … 行政事业性收费 are rows of one column; 2019 has none.
    assert "`active_disclosure.licensing` | 行政许可 | 本年处理决定数量" in format_section(markdown, all_formats()[-1])


def test_every_level_of_a_body_is_listed() -> None:
    markdown = keys_markdown(all_formats())
    levels = markdown[markdown.index("{#levels}"):]
    assert [c[0] for piece in chunks(levels) for c in piece if c[0].startswith("`")] == [f"`{x}`" for x in LEVELS]


def test_the_page_follows_the_definition(tmp_path: Path) -> None:
    """A row added to a definition is on the page with its label, and a relabelled column shows its
    new label: the page is written from the definitions, not kept beside them."""
    text = (FORMATS / "2021.yml").read_text(encoding="utf-8")
    old_row = "{key: enforcement, label: 行政强制}"
    old_column = "{key: natural_person, label: 自然人}"
    assert old_row in text and old_column in text
    text = text.replace(old_row, old_row + "\n          - {key: inspections, label: 行政检查}")
    text = text.replace(old_column, "{key: natural_person, label: 公民}")
    path = tmp_path / "2021.yml"
    path.write_text(text, encoding="utf-8")
    changed = load_format_file(path)
    markdown = keys_markdown((all_formats()[0], changed))
    assert "| `active_disclosure.inspections` | 行政检查 |" in markdown
    assert "| 1 | `natural_person` | 公民 |" in markdown
    assert_every_key_with_its_label(markdown, changed)
    assert "inspections" not in keys_markdown(all_formats())


def test_the_check_catches_a_wrong_label() -> None:
    markdown = keys_markdown(all_formats())
    swapped = markdown.replace("| `applications.results.withheld.state_secret` | 1.属于国家秘密 |",
                               "| `applications.results.withheld.state_secret` | 2.其他法律行政法规禁止公开 |")
    assert swapped != markdown
    with pytest.raises(AssertionError, match="state_secret"):
        assert_every_key_with_its_label(swapped, all_formats()[-1])


def test_the_page_is_part_of_every_build() -> None:
    build = build_site(DATA, REPO)
    (page,) = [p for p in build.pages if p.src_uri == KEYS_PAGE]
    assert page.markdown == keys_markdown(all_formats())
    assert page.meta["title"] == "栏目与键名对照表"
