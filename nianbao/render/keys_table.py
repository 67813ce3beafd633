"""The 栏目与键名对照表 page of the maintainer guide: every key of every format with its official label.

Written from the format definitions (and the model's 信息处理费 fields) each time the site is built,
never by hand: a key a maintainer reads here is the key the loader accepts, with the label the
page, the importer and the checks use.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import get_args

from ..catalogue import site as words
from ..formats import Block, Format, Node, Table, all_formats
from ..model import GOVERNMENT_LEVELS, LEVELS, Fees
from .pages import Page, md_text, page_meta

KEYS_PAGE = "guide/keys.md"
# The example of the page's "how to read": a row three levels down, and one of its cells.
_EXAMPLE_ROW = ("applications", "results.withheld.state_secret")
_EXAMPLE_COLUMN = "natural_person"


def _code(text: str) -> str:
    return f"`{text}`"


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def _separator(head: str) -> str:
    return "|" + "---|" * head.count(" | ") + "---|"


def _table(head: str, rows: list[str]) -> str:
    return "\n".join([head, _separator(head), *rows]) + "\n"


def _years(fmt: Format) -> str:
    if fmt.last_year is None:
        return words.KEYS_YEARS_OPEN(first=fmt.first_year)
    return words.KEYS_YEARS_RANGE(first=fmt.first_year, last=fmt.last_year)


def _anchor(*parts: str) -> str:
    return "-".join(p.replace("_", "-") for p in parts)


def _columns(nodes: tuple[Node, ...], parents: tuple[str, ...] = ()) -> Iterator[tuple[Node, tuple[str, ...]]]:
    """Each leaf column with the labels of the groups above it (申请人情况 › 法人或其他组织)."""
    for node in nodes:
        if node.is_leaf:
            yield node, parents
        else:
            yield from _columns(node.children, (*parents, node.label))


def _rows(nodes: tuple[Node, ...], prefix: str) -> Iterator[tuple[str, Node]]:
    """Every row, groups included, with its data path, in table order."""
    for node in nodes:
        path = f"{prefix}.{node.key}"
        yield path, node
        yield from _rows(node.children, path)


def _kind(column: Node) -> str:
    return words.KEYS_KIND[column.kind](unit=column.unit)


def _block_markdown(table: Table, block: Block, anchor: str) -> str:
    md: list[str] = []
    if block.band:
        md.append(f"#### {md_text(block.band)} {{#{anchor}}}\n")
    columns = [
        _row(str(index), _code(column.key), md_text(column.label), md_text(" › ".join(parents)), _kind(column))
        for index, (column, parents) in enumerate(_columns(block.columns), start=1)
    ]
    md += [words.KEYS_COLUMNS() + "\n", _table(words.KEYS_COLUMNS_HEAD(), columns)]
    rows = []
    for path, node in _rows(block.rows, table.key):
        notes = []
        if node.children:
            notes.append(words.KEYS_COLLAPSIBLE() if node.collapsible else words.KEYS_GROUP())
        if node.variants:
            notes.append(words.KEYS_VARIANTS(labels="、".join(md_text(v) for v in node.variants)))
        rows.append(_row(_code(path), md_text(node.label), "；".join(notes)))
    md += [words.KEYS_ROWS() + "\n", _table(words.KEYS_ROWS_HEAD(), rows)]
    return "\n".join(md)


def _one_value_rows(fmt: Format) -> list[tuple[str, Node, Node]]:
    """(data path, row, its one column) of every leaf row whose block has a single column."""
    found = []
    for table in fmt.tables:
        for key, node, block in table.leaf_rows:
            if len(block.leaf_columns) == 1:
                found.append((f"{table.key}.{key}", node, block.leaf_columns[0][1]))
    return found


def _fees_kind(name: str) -> str:
    annotation = Fees.model_fields[name].annotation
    return words.KEYS_FEES_KIND["yuan" if Decimal in get_args(annotation) else "count"]()


def _fees_markdown(fmt: Format) -> str:
    part = fmt.fees_part
    if part is None:
        return words.KEYS_NO_FEES() + "\n"
    rows = [_row(_code(f"parts.{part.key}.fees.{name}"), md_text(field.description or ""), _fees_kind(name))
            for name, field in Fees.model_fields.items()]
    example = "\n".join(["```yaml", "parts:", f"  {part.key}:", f"    heading: {part.heading}", "    fees:",
                         *(f"      {name}: 0" for name in Fees.model_fields), "```"])
    return "\n".join([words.KEYS_FEES_INTRO(part=part.key) + "\n", _table(words.KEYS_FEES_HEAD(), rows),
                      words.KEYS_FEES_EXAMPLE() + "\n", example + "\n"])


def _format_markdown(fmt: Format) -> str:
    anchor = _anchor("format", fmt.id)
    md = [f"## {md_text(words.KEYS_FORMAT_HEADING(name=fmt.name))} {{#{anchor}}}\n",
          words.KEYS_FORMAT_INTRO(notice=md_text(fmt.notice), years=_years(fmt), id=fmt.id) + "\n",
          f"### {words.KEYS_PARTS_HEADING()} {{#{anchor}-parts}}\n"]
    parts = []
    for part in fmt.parts:
        if part.fees:
            note = words.KEYS_PARTS_FEES(path=f"parts.{part.key}.fees")
        else:
            note = _code(part.table) if part.table else ""
        parts.append(_row(_code(part.key), md_text(part.heading), note))
    md.append(_table(words.KEYS_PARTS_HEAD(), parts))
    for table in fmt.tables:
        part_key = next((p.key for p in fmt.parts if p.table == table.key), "")
        md.append(f"### {md_text(words.KEYS_TABLE_HEADING(part=part_key, caption=table.caption))} "
                  f"{{#{anchor}-{_anchor(table.key)}}}\n")
        md.append(words.KEYS_TABLE_KEY(key=table.key) + "\n")
        md += [_block_markdown(table, block, f"{anchor}-{_anchor(table.key)}-{index}")
               for index, block in enumerate(table.blocks, start=1)]
    md.append(f"### {words.KEYS_ONE_VALUE_HEADING()} {{#{anchor}-one-value}}\n")
    single = _one_value_rows(fmt)
    if single:
        md.append(words.KEYS_ONE_VALUE_INTRO(key=single[0][0].rsplit(".", 1)[1]) + "\n")
        rows = [_row(_code(path), md_text(row.label), md_text(column.label)) for path, row, column in single]
        md.append(_table(words.KEYS_ONE_VALUE_HEAD(), rows))
    else:
        md.append(words.KEYS_NO_ONE_VALUE() + "\n")
    fees_part = fmt.fees_part.key if fmt.fees_part else "六"
    md.append(f"### {words.KEYS_FEES_HEADING(part=fees_part)} {{#{anchor}-fees}}\n")
    md.append(_fees_markdown(fmt))
    return "\n".join(md)


def _how_to_read(formats: tuple[Format, ...]) -> str:
    table_key, row_key = _EXAMPLE_ROW
    fmt = formats[-1]
    table = fmt.table(table_key)
    node, block = table.row(row_key)
    path = f"{table_key}.{row_key}"
    keys = [table_key, *row_key.split(".")]
    lines = [f"{'  ' * depth}{key}:" for depth, key in enumerate(keys[:-1])]
    zeros = ", ".join("0" for _ in block.leaf_columns)
    lines.append(f"{'  ' * (len(keys) - 1)}{keys[-1]}: [{zeros}]")
    example = "\n".join(["```yaml", *lines, "```"])
    return "\n".join([
        f"## {words.KEYS_HOW_HEADING()} {{#how}}\n",
        words.KEYS_HOW_PATH(path=path, label=md_text(node.label)) + "\n",
        example + "\n",
        words.KEYS_HOW_ROW() + "\n",
        words.KEYS_HOW_CELL(cell=f"{path}.{_EXAMPLE_COLUMN}") + "\n",
        words.KEYS_HOW_GROUP() + "\n",
    ])


def _levels_markdown() -> str:
    rows = [_row(_code(level), (words.KEYS_DEADLINE_GOVERNMENT if level in GOVERNMENT_LEVELS
                                else words.KEYS_DEADLINE_OTHER)()) for level in LEVELS]
    return "\n".join([f"## {words.KEYS_LEVELS_HEADING()} {{#levels}}\n", words.KEYS_LEVELS_INTRO() + "\n",
                      _table(words.KEYS_LEVELS_HEAD(), rows)])


def keys_markdown(formats: tuple[Format, ...]) -> str:
    """The whole page; the newest format first, the one a maintainer writes today."""
    md = [f"# {words.KEYS_TITLE()}\n", words.KEYS_INTRO() + "\n", _how_to_read(formats)]
    md += [_format_markdown(fmt) for fmt in reversed(formats)]
    md.append(_levels_markdown())
    return "\n".join(md)


def keys_page() -> Page:
    title = words.KEYS_TITLE()
    return Page(KEYS_PAGE, keys_markdown(all_formats()), meta=page_meta(title=title, article_title=title))
