"""JSON Schemas for the data files, generated from the model and the format definitions.

Each data file names its schema on its first line (``# yaml-language-server: $schema=…``), so an
editor with the YAML language server completes keys and flags mistakes while a maintainer types.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .cells import MAX_DIGITS, NOT_APPLICABLE, number_pattern
from .formats import CellKind, Format, Node, Table, all_formats
from .model import Body, ReportMeta

SCHEMA_DIR = "_schema"
_DIALECT = "http://json-schema.org/draft-07/schema#"


_NUMBER_DESCRIPTIONS: dict[CellKind, str] = {
    "count": "件数（不小于 0 的整数）",
    "signed": "增减数，照原文保留正负号，如 +1、-3",
    "amount": "金额，单位见表头",
    "amount_with_unit": "金额，照原文写明单位，如 461.7 万元",
}


def cell_definition(kind: CellKind, unit: str = "") -> dict[str, Any]:
    """The schema of one cell: what ``check`` accepts (cells.parse_cell), as an editor sees it.

    The editor reads a plain 5 or +1 as a number and 461.7 万元 or a quoted "5" as text; text is
    matched against the very grammar parse_cell uses (cells.number_pattern), with the spaces
    parse_cell strips allowed around it.
    """
    description = _NUMBER_DESCRIPTIONS[kind]
    text = {"type": "string", "pattern": rf"^\s*(?:{number_pattern(kind, unit)})\s*$", "description": description}
    bound = 10**MAX_DIGITS - 1  # the largest number of MAX_DIGITS digits
    numbers: dict[CellKind, dict[str, Any]] = {
        "count": {"type": "integer", "minimum": 0, "maximum": bound},
        "signed": {"type": "integer", "minimum": -bound, "maximum": bound},
        "amount": {"type": "number", "minimum": 0, "exclusiveMaximum": bound + 1},  # and decimals
    }
    branches = [text] if kind not in numbers else [{**numbers[kind], "description": description}, text]
    return {"anyOf": [*branches, {"type": "null", "description": "未填写（报告没有给出）"},
                      {"const": NOT_APPLICABLE, "description": "不适用"}]}


def _cell_definitions() -> dict[str, Any]:
    """One schema per cell kind; rows refer to them, which keeps the schema file small."""
    kinds: tuple[CellKind, ...] = ("count", "signed", "amount", "amount_with_unit")
    return {kind: cell_definition(kind) for kind in kinds}


def _cell_schema(column: Node) -> dict[str, Any]:
    # A column with a unit of its own (本年收费金额（单位：万元）) may repeat it in the cell: its
    # schema is written out, the others share one definition per kind.
    if column.unit:
        return cell_definition(column.kind, column.unit)
    return {"$ref": f"#/definitions/cell_{column.kind}"}


def _row_schema(table: Table, row_key: str, node: Node) -> dict[str, Any]:
    if node.children:
        group = {
            "type": "object", "description": node.label, "additionalProperties": False,
            "required": [c.key for c in node.children],
            "properties": {c.key: _row_schema(table, f"{row_key}.{c.key}", c) for c in node.children},
        }
        if not node.collapsible:
            return group
        return {"description": node.label, "anyOf": [group, _cells_schema(table, row_key, node)]}
    return _cells_schema(table, row_key, node)


def _cells_schema(table: Table, row_key: str, node: Node) -> dict[str, Any]:
    columns = table.row(row_key)[1].leaf_columns
    items = [_cell_schema(c) for _, c in columns]
    as_list = {"type": "array", "items": items, "minItems": len(items), "maxItems": len(items)}
    names = "、".join(c.label for _, c in columns)
    schema: dict[str, Any] = {"description": f"{node.label}（{names}）"}
    schema.update({"anyOf": [as_list, items[0]]} if len(items) == 1 else as_list)
    return schema


def _table_schema(table: Table) -> dict[str, Any]:
    rows = [row for block in table.blocks for row in block.rows]
    return {
        "type": "object", "description": table.caption, "additionalProperties": False,
        "required": [r.key for r in rows],
        "properties": {r.key: _row_schema(table, r.key, r) for r in rows},
    }


def _revision_cells(fmt: Format) -> dict[str, Any]:
    """revisions[].changes[].cell: the data path of a cell of this format, so an editor completes it."""
    cell = {"enum": list(fmt.cells), "description": "改动的单元格：表.行.栏"}
    change = {"properties": {"cell": cell}}
    return {"items": {"properties": {"changes": {"items": change}}}}


def _format_branch(fmt: Format) -> dict[str, Any]:
    return {
        "if": {"properties": {"format": {"const": fmt.id}}},
        "then": {"properties": {**{t.key: _table_schema(t) for t in fmt.tables}, "revisions": _revision_cells(fmt)}},
    }


def report_schema() -> dict[str, Any]:
    schema = ReportMeta.model_json_schema()
    table_keys = sorted({t.key for f in all_formats() for t in f.tables})
    for key in table_keys:
        schema["properties"][key] = {"type": "object"}
    schema["allOf"] = [_format_branch(f) for f in all_formats()]
    schema.setdefault("definitions", {}).update({f"cell_{k}": v for k, v in _cell_definitions().items()})
    schema["$schema"] = _DIALECT
    schema["title"] = "政府信息公开工作年度报告 data/<body>/<year>.yml"
    return schema


def body_schema() -> dict[str, Any]:
    schema = Body.model_json_schema()
    schema["$schema"] = _DIALECT
    schema["title"] = "机关 data/<body>/body.yml"
    return schema


def schema_files() -> dict[str, str]:
    """File name → JSON text, exactly as written to data/_schema/."""
    return {
        name: json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
        for name, schema in (("body.schema.json", body_schema()), ("report.schema.json", report_schema()))
    }


def write_schemas(data_dir: Path) -> list[Path]:
    out = data_dir / SCHEMA_DIR
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_files().items():
        path = out / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
