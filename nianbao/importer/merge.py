"""A report file's statutory tables replaced, the rest of its text kept byte for byte.

A workbook holds only the tables, so importing it into an existing report must leave the title, the
prose, the acknowledgements and every comment as they are. The new tables go into the file's own
text: a cell whose value changed is rewritten where it stands (``[10, 0, ~]`` → ``[10, 0, 3]``), so
rows, comments and layout stay; a table whose shape changed (a group now given row by row, a row
missing from the file) is written anew in the writer's style; a table the file lacks is added where
the writer would put it. The text is then read back and compared with the data it must hold, as the
writer does, before anyone writes it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from ..catalogue import workbook as W
from ..formats import Format, Table
from ..writer import REPORT_TAIL_KEYS, as_read, cell_text, first_difference, table_lines
from ..yamlsource import line_ends, parse_yaml


class MergeError(Exception):
    """The tables cannot be put into the file's text; nothing is to be written."""


@dataclass(frozen=True)
class Change:
    path: str  # table.row.column
    old: str | None  # as the file had it (None: not stated, or no such cell)
    new: str | None


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    text: str


def merge_tables(text: str, fmt: Format, tables: Mapping[str, Any]) -> tuple[str, list[Change]]:
    """The report's text with the statutory tables in ``tables`` (the importer's rows: ints, strings,
    None) put in place of its own; the other tables, and everything else, as they were. Raises
    YamlSourceError when the file is not readable YAML, MergeError when it holds no mapping or the
    result would not read back as it must."""
    bom = text.startswith("\ufeff")
    crlf = "\r\n" in text
    body = line_ends(text)
    doc = parse_yaml(body)
    if not isinstance(doc.root, yaml.MappingNode) or not isinstance(doc.value, dict):
        raise MergeError(W.MERGE_NOT_MAPPING())
    given = {t.key: tables[t.key] for t in fmt.tables if t.key in tables}
    expected = {**doc.value, **{key: as_read(value) for key, value in given.items()}}
    changes = [change for key, value in given.items() for change in _changes(fmt.table(key), doc.value.get(key), value)]
    merged = _apply(body, _edits(body, doc.root, doc.value, fmt, given, in_place=True))
    if not _reads_as(merged, expected):
        # A cell rewritten in place that reads otherwise (an empty value after '-'): whole tables.
        merged = _apply(body, _edits(body, doc.root, doc.value, fmt, given, in_place=False))
        if not _reads_as(merged, expected):
            raise MergeError(W.MERGE_DIFFERS())
    if crlf:
        merged = merged.replace("\n", "\r\n")
    return ("\ufeff" if bom else "") + merged, changes


def _reads_as(text: str, expected: dict[str, Any]) -> bool:
    try:
        back = parse_yaml(text).value
    except Exception:  # noqa: BLE001 - any parse failure means: not this text
        return False
    return isinstance(back, dict) and first_difference(expected, back) is None


def _apply(text: str, edits: list[_Edit]) -> str:
    """The edits (in table order, none overlapping) made from the end back, so that each one's
    positions still hold; two tables added at one place go in table order."""
    for _, edit in sorted(enumerate(edits), key=lambda e: (e[1].start, e[0]), reverse=True):
        text = text[:edit.start] + edit.text + text[edit.end:]
    return text


def _edits(text: str, root: yaml.MappingNode, old: dict[str, Any], fmt: Format, given: dict[str, Any],
           in_place: bool) -> list[_Edit]:
    nodes: dict[str, tuple[yaml.Node, yaml.Node]] = {
        str(key.value): (key, value) for key, value in root.value if isinstance(key, yaml.ScalarNode)}
    edits: list[_Edit] = []
    for table in fmt.tables:
        if table.key not in given:
            continue
        new = given[table.key]
        if table.key not in nodes:
            at = _insertion_point(text, nodes, fmt, table)
            lead = "\n" if at == len(text) and text and not text.endswith("\n") else ""
            edits.append(_Edit(at, at, lead + _table_text(fmt, table, new)))
            continue
        key_node, value_node = nodes[table.key]
        cells: list[_Edit] = []
        if in_place and _splice(text, value_node, old.get(table.key), new, cells):
            edits += cells
            continue
        start = text.rfind("\n", 0, key_node.start_mark.index) + 1
        end = _line_end(text, _content_end(value_node))
        lines = table_lines(fmt, table, new)
        own = "\n".join(lines[next(i for i, line in enumerate(lines) if not line.startswith("#")):])
        edits.append(_Edit(start, end, own + ("\n" if text[end - 1:end] == "\n" else "")))
    return edits


def _table_text(fmt: Format, table: Table, values: Any) -> str:
    return "\n".join(table_lines(fmt, table, values)) + "\n"


def _insertion_point(text: str, nodes: dict[str, tuple[yaml.Node, yaml.Node]], fmt: Format, table: Table) -> int:
    """Where a table the file lacks goes: before the next table the file has, else before
    acknowledged/unplaced, else at the end; above the comment lines that head that key."""
    keys = [t.key for t in fmt.tables]
    after = [*keys[keys.index(table.key) + 1:], *REPORT_TAIL_KEYS]
    following = [nodes[k][0].start_mark.index for k in after if k in nodes]
    if not following:
        return len(text)
    at = text.rfind("\n", 0, min(following)) + 1
    while at > 0:
        previous = text.rfind("\n", 0, at - 1) + 1
        line = text[previous:at - 1]
        if not line.startswith("#") or previous == 0:  # line 1 is the schema comment: it stays first
            break
        at = previous
    return at


def _line_end(text: str, index: int) -> int:
    """The index after the line end that follows ``index`` (or the text's end)."""
    end = text.find("\n", index)
    return len(text) if end < 0 else end + 1


def _content_end(node: yaml.Node) -> int:
    """Where the node's own content ends: a block's end mark lies past the comment lines that follow
    it (which head the next key), so the end of its last value is taken instead."""
    if isinstance(node, yaml.MappingNode) and not node.flow_style and node.value:
        return _content_end(node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
        return _content_end(node.value[-1])
    return int(node.end_mark.index)


def _splice(text: str, node: yaml.Node, old: Any, new: Any, edits: list[_Edit]) -> bool:
    """Edits of single cells that turn ``old`` (the group's rows in the file, under ``node``) into
    ``new``; False when the shapes differ, and a whole table must be written."""
    if not (isinstance(node, yaml.MappingNode) and isinstance(old, dict) and isinstance(new, dict)):
        return False
    if set(old) != set(new):
        return False
    children = {key.value: value for key, value in node.value}
    for key, value in new.items():
        child = children[key]
        if isinstance(value, dict):
            if not _splice(text, child, old[key], value, edits):
                return False
        elif not _row(text, child, old[key], value, edits):
            return False
    return True


def _row(text: str, node: yaml.Node, old: Any, new: Any, edits: list[_Edit]) -> bool:
    cells = new if isinstance(new, list) else [new]
    if isinstance(node, yaml.SequenceNode) and isinstance(old, list) and len(old) == len(cells):
        items, olds = node.value, old
    elif isinstance(node, yaml.ScalarNode) and not isinstance(old, (list, dict)) and len(cells) == 1:
        items, olds = [node], [old]
    else:
        return False
    for item, before, after in zip(items, olds, cells, strict=True):
        if not isinstance(item, yaml.ScalarNode):
            return False
        if as_read(after) == before:
            continue
        start, end = item.start_mark.index, item.end_mark.index
        written = cell_text(after)
        if start == end and text[start - 1:start] not in (" ", "\t", "[", ","):
            written = " " + written  # an empty value right after its ':' or '-'
        edits.append(_Edit(start, end, written))
    return True


def _changes(table: Table, old: Any, new: Any) -> list[Change]:
    """The cells of the new table that the file held otherwise. Rows only the file has are not
    listed: they go only where a group is now given as one row, which stands for them."""
    before, after = _cells(table, old, ""), _cells(table, new, "")
    return [Change(f"{table.key}.{path}", before.get(path), value) for path, value in after.items()
            if before.get(path) != value]


def _cells(table: Table, rows: Any, prefix: str) -> dict[str, str | None]:
    """row.column → the cell as read, for every row under ``rows``."""
    out: dict[str, str | None] = {}
    if not isinstance(rows, dict):
        return out
    for key, value in rows.items():
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            out.update(_cells(table, value, path))
            continue
        try:
            columns = table.column_keys(path)
        except KeyError:
            continue  # not a row of the format: the loader names it
        values = value if isinstance(value, list) else [value]
        for column, cell in zip(columns, values, strict=False):
            read = as_read(cell)
            out[f"{path}.{column}"] = read if isinstance(read, str) or read is None else str(read)
    return out
