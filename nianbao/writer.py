"""Write report and body data in the canonical YAML style of ``data/`` (as hand-made files look).

``dump_report(data)`` and ``dump_body(data)`` take the plain data (the YAML's own shape) and return
the file's text: schema comment first, keys in canonical order, ``|`` blocks for text (one
paragraph a line), table rows as flow lists under a comment naming the table and its columns,
quotes only where a value would otherwise not read back as the same text.

The data may come from the importer (ints, None) or from a YAML file read as strings (the data
loader's way): both give the same text, so ``dump_report(load(file)) == file``.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .formats import Format, Node, Table, get_format

REPORT_SCHEMA = "# yaml-language-server: $schema=../_schema/report.schema.json"
BODY_SCHEMA = "# yaml-language-server: $schema=../_schema/body.schema.json"

REPORT_KEYS = ("format", "title", "published", "signed_by", "source_url", "preamble", "parts")
REPORT_TAIL_KEYS = ("acknowledged", "unplaced")
PART_KEYS = ("heading", "text", "sections", "fees")
SECTION_KEYS = ("heading", "text")
FEES_KEYS = ("notices_count", "notices_amount_yuan", "collected_amount_yuan")
ACK_KEYS = ("rule", "cells", "reason")
BODY_KEYS = ("name", "short_name", "level", "region", "website", "contact", "contact_changes")
CONTACT_KEYS = ("since", "office", "address", "postcode", "phone", "fax", "email")
PART_ORDER = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十")

# Plain scalars that a YAML 1.1 or 1.2 reader would take for something other than text.
_NON_TEXT = re.compile(
    r"""(?x)
    ~ | null | Null | NULL
    | true | True | TRUE | false | False | FALSE
    | yes | Yes | YES | no | No | NO | on | On | ON | off | Off | OFF | y | Y | n | N
    | [-+]? (?: 0 | [1-9][0-9_]* )                    # int
    | [-+]? 0[0-7_]+ | 0o[0-7]+ | [-+]? 0x[0-9a-fA-F_]+ | [-+]? 0b[01_]+
    | [-+]? (?: [0-9][0-9_]* )? \.[0-9_]* (?: [eE][-+]?[0-9]+ )?   # float
    | [-+]? [0-9][0-9_]* (?: \.[0-9_]* )? [eE][-+]?[0-9]+
    | [-+]? \.(?: inf | Inf | INF ) | \.(?: nan | NaN | NAN )
    | [-+]? [1-9][0-9_]* (?: :[0-5]?[0-9] )+ (?: \.[0-9_]* )?     # sexagesimal (1.1)
    """
)
_NUMBER_CELL = re.compile(r"[-+]?[0-9]+(?:\.[0-9]+)?")
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_FLOW_SPECIAL = set(",[]{}")


def dump_report(data: Mapping[str, Any]) -> str:
    """The text of data/<body>/<year>.yml for one report."""
    fmt = _format_of(data)
    out = [REPORT_SCHEMA]
    table_keys = [t.key for t in fmt.tables] if fmt else []
    for key in _ordered(data, REPORT_KEYS, exclude=(*table_keys, *REPORT_TAIL_KEYS)):
        if key == "parts":
            out += _parts(data["parts"])
        else:
            out += _entry(key, data[key], 0)
    if fmt is not None:
        for table in fmt.tables:
            if table.key in data:
                out += _table(fmt, table, data[table.key])
    for key in REPORT_TAIL_KEYS:
        if key in data:
            out += _entry(key, data[key], 0, block_list=True)
    return "\n".join(out) + "\n"


def dump_body(data: Mapping[str, Any]) -> str:
    """The text of data/<body>/body.yml."""
    out = [BODY_SCHEMA]
    for key in _ordered(data, BODY_KEYS):
        value = data[key]
        if key == "contact" and isinstance(value, Mapping):
            out.append("contact:")
            out += _mapping(value, 2, CONTACT_KEYS)
        elif key == "contact_changes" and isinstance(value, list):
            out.append("contact_changes:")
            for item in value:
                out += _list_item_mapping(item, 2, CONTACT_KEYS)
        else:
            out += _entry(key, value, 0)
    return "\n".join(out) + "\n"


# --- report parts ------------------------------------------------------------------------------


def _parts(parts: Mapping[str, Any]) -> list[str]:
    out = ["parts:"]
    for key in sorted(parts, key=lambda k: PART_ORDER.index(k) if k in PART_ORDER else len(PART_ORDER)):
        part = parts[key]
        out.append(f"  {_key(key)}:")
        if not isinstance(part, Mapping):
            out[-1] = f"  {_key(key)}: {_scalar(part)}"
            continue
        for field in _ordered(part, PART_KEYS):
            if field == "sections" and isinstance(part[field], list):
                out.append("    sections:")
                for section in part[field]:
                    out += _list_item_mapping(section, 6, SECTION_KEYS)
            elif field == "fees" and isinstance(part[field], Mapping):
                fees = part[field]
                out.append("    fees: {" + ", ".join(f"{_key(k)}: {_cell(fees[k])}" for k in _ordered(fees, FEES_KEYS))
                           + "}")
            else:
                out += _entry(field, part[field], 4)
    return out


# --- tables ------------------------------------------------------------------------------------


def _table(fmt: Format, table: Table, values: Any) -> list[str]:
    part = next((p for p in fmt.parts if p.table == table.key), None)
    title = f"{part.key}、{table.caption}" if part else table.caption
    column_sets = {tuple(c.label for _, c in block.leaf_columns) for block in table.blocks}
    if len(column_sets) == 1:
        out = [f"# {title}", "# columns: " + ", ".join(next(iter(column_sets)))]
    elif any(len(block.leaf_columns) == 1 for block in table.blocks):
        out = [f"# {title}: one list per row, in the table's column order; one value where a row has one column."]
    else:
        out = [f"# {title}: one list per row, in the table's column order."]
    out.append(f"{table.key}:")
    if not isinstance(values, Mapping):
        return [*out[:-1], f"{table.key}: {_scalar(values)}"]
    rows = tuple(row for block in table.blocks for row in block.rows)
    out += _rows(values, rows, 2)
    return out


def _rows(values: Mapping[str, Any], nodes: Sequence[Node], indent: int) -> list[str]:
    out: list[str] = []
    pad = " " * indent
    by_key = {n.key: n for n in nodes}
    for key in _ordered(values, tuple(by_key)):
        value = values[key]
        node = by_key.get(key)
        if isinstance(value, Mapping):
            out.append(f"{pad}{_key(key)}:")
            out += _rows(value, node.children if node else (), indent + 2)
        elif isinstance(value, (list, tuple)):
            out.append(f"{pad}{_key(key)}: [" + ", ".join(_cell(v) for v in value) + "]")
        else:
            out.append(f"{pad}{_key(key)}: {_cell(value)}")
    return out


def _cell(value: Any) -> str:
    """A table cell: numbers (and numeric text) bare, blank as ~, other text as plain as YAML allows."""
    if value is None:
        return "~"  # not stated, as maintainers write it (see README)
    if isinstance(value, str) and _NUMBER_CELL.fullmatch(value):
        return value
    return _scalar(value, flow=True)


# --- generic emitters ----------------------------------------------------------------------------


def _entry(key: str, value: Any, indent: int, *, block_list: bool = False) -> list[str]:
    pad = " " * indent
    if isinstance(value, Mapping):
        return [f"{pad}{_key(key)}:", *_mapping(value, indent + 2, ())]
    if isinstance(value, (list, tuple)):
        if not value:
            return [f"{pad}{_key(key)}: []"]
        if not block_list and all(_is_short_scalar(v) for v in value):
            return [f"{pad}{_key(key)}: [" + ", ".join(_scalar(v, flow=True) for v in value) + "]"]
        out = [f"{pad}{_key(key)}:"]
        for item in value:
            if isinstance(item, Mapping):
                out += _list_item_mapping(item, indent + 2, ACK_KEYS)
            else:
                out += _list_item_scalar(item, indent + 2)
        return out
    if isinstance(value, str) and "\n" in value:
        return [f"{pad}{_key(key)}: {_block_header(value)}", *_block_lines(value, indent + 2)]
    return [f"{pad}{_key(key)}: {_scalar(value)}"]


def _mapping(value: Mapping[str, Any], indent: int, order: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for key in _ordered(value, order):
        out += _entry(key, value[key], indent)
    return out


def _list_item_mapping(item: Any, indent: int, order: tuple[str, ...]) -> list[str]:
    pad = " " * indent
    if not isinstance(item, Mapping) or not item:
        return _list_item_scalar(item, indent)
    lines = _mapping(item, indent + 2, order)
    return [f"{pad}- " + lines[0].lstrip(" "), *lines[1:]]


def _list_item_scalar(item: Any, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(item, str) and "\n" in item:
        return [f"{pad}- {_block_header(item)}", *_block_lines(item, indent + 2)]
    return [f"{pad}- {_scalar(item)}"]


def _block_header(text: str) -> str:
    indicator = "2" if text[:1] in (" ", "\t") or text.startswith("\n") else ""
    if not text.endswith("\n"):
        chomp = "-"
    elif text.endswith("\n\n"):
        chomp = "+"
    else:
        chomp = ""
    return "|" + indicator + chomp


def _block_lines(text: str, indent: int) -> list[str]:
    body = text[:-1] if text.endswith("\n") else text
    return [(" " * indent + line) if line else "" for line in body.split("\n")]


def _is_short_scalar(value: Any) -> bool:
    return not isinstance(value, (Mapping, list, tuple)) and "\n" not in str(value)


def _key(key: Any) -> str:
    return _scalar(str(key))


def _number(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return repr(value)
    return str(value) if isinstance(value, int) else repr(value)


def _scalar(value: Any, *, flow: bool = False) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return _number(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    text = str(value)
    return text if _plain_ok(text, flow) else _quoted(text)


def _plain_ok(text: str, flow: bool) -> bool:
    if not text or text != text.strip() or _NON_TEXT.fullmatch(text):
        return False
    first = text[0]
    if first in _INDICATORS and not (first == "-" and len(text) > 1 and text[1] not in " \t"):
        return False
    if ": " in text or " #" in text or text.endswith(":") or "\t" in text:
        return False
    if any(ord(ch) < 0x20 or ch in "\x7f\ufeff\u2028\u2029\x85" for ch in text):
        return False
    return not (flow and any(ch in _FLOW_SPECIAL for ch in text))


def _quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = re.sub(r"[\x00-\x1f\x7f\x85\u2028\u2029\ufeff]", lambda m: f"\\u{ord(m[0]):04x}", escaped)
    return f'"{escaped}"'


def _ordered(data: Mapping[str, Any], first: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
    skip = set(exclude)
    known = [k for k in first if k in data and k not in skip]
    return known + [k for k in data if k not in known and k not in skip]


def _format_of(data: Mapping[str, Any]) -> Format | None:
    try:
        return get_format(str(data.get("format")))
    except KeyError:
        return None
