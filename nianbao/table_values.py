"""Read a report's statutory tables from YAML, guided by the format definition.

Each leaf row is a list of cells in the table's column order (a single value is enough when the
row has one column). Group rows are mappings of their children. Every fault is reported with
its line; nothing is guessed or filled in.
"""

from __future__ import annotations

from typing import Any

from .cells import CellError, parse_cell
from .formats import Format, Node, Table
from .model import TableValues
from .problems import Locator, Problem, dotted
from .suggest import did_you_mean
from .yamlsource import DataPath


def read_tables(raw: dict[str, Any], fmt: Format, where: Locator) -> tuple[dict[str, TableValues], list[Problem]]:
    tables: dict[str, TableValues] = {}
    problems: list[Problem] = []
    for table in fmt.tables:
        if table.key not in raw:
            part = next((p for p in fmt.parts if p.table == table.key), None)
            problems.append(where.problem(
                "error", "P.2", (), f"表格缺失：{part.key + '、' if part else ''}{table.caption}",
                shown_path=table.key, expected=f"the table {table.key} ({table.caption})", found="nothing",
                hint="copy the table from the published report; write ~ for a cell the report leaves blank",
                cells=table.key,
            ))
            continue
        values: TableValues = {}
        reader = _TableReader(table, where, values, problems)
        reader.read_group(raw[table.key], table_rows(table), (table.key,), "")
        tables[table.key] = values
    return tables, problems


def table_rows(table: Table) -> tuple[Node, ...]:
    """The top-level row nodes of a table, across its blocks."""
    return tuple(row for block in table.blocks for row in block.rows)


class _TableReader:
    def __init__(self, table: Table, where: Locator, values: TableValues, problems: list[Problem]) -> None:
        self.table = table
        self.where = where
        self.values = values
        self.problems = problems

    def fail(self, path: DataPath, message: str, **kw: str) -> None:
        self.problems.append(self.where.problem("error", kw.pop("rule", "data.table"), path, message, **kw))

    def read_group(self, raw: Any, nodes: tuple[Node, ...], path: DataPath, prefix: str) -> None:
        if not isinstance(raw, dict):
            self.fail(path, "a table or row group is a mapping of rows", expected="rows: " + ", ".join(
                n.key for n in nodes), found=_describe(raw), rule="data.type")
            return
        by_key = {n.key: n for n in nodes}
        for key in raw:
            if key not in by_key:
                self.fail(path + (key,), f"unknown row {key!r} in {self.table.key}",
                          expected="one of " + ", ".join(by_key), found=key,
                          hint=did_you_mean(key, {k: n.label for k, n in by_key.items()}), rule="data.unknown_key")
        for node in nodes:
            row_key = f"{prefix}.{node.key}" if prefix else node.key
            if node.key not in raw:
                self.fail(path, f"row {node.label} is missing", shown_path=dotted(path + (node.key,)),
                          expected=f"{node.key}: {_row_example(self.table, row_key, node)}", found="nothing",
                          hint="write ~ for each cell the report leaves blank; never leave a row out",
                          rule="data.missing")
            elif node.children:
                self.read_group(raw[node.key], node.children, path + (node.key,), row_key)
            else:
                self.read_row(raw[node.key], node, path + (node.key,), row_key)

    def read_row(self, raw: Any, node: Node, path: DataPath, row_key: str) -> None:
        _, block = self.table.row(row_key)
        columns = block.leaf_columns
        if len(columns) == 1 and not isinstance(raw, (list, dict)):
            raw = [raw]
            single = True
        else:
            single = False
        if not isinstance(raw, list):
            self.fail(path, f"{node.label}: a row is a list of its cells",
                      expected=_row_example(self.table, row_key, node), found=_describe(raw), rule="data.type")
            return
        if len(raw) != len(columns):
            names = "、".join(c.label for _, c in columns)
            self.fail(path, f"{node.label}: wrong number of cells", expected=f"{len(columns)} ({names})",
                      found=str(len(raw)), hint="write ~ for a cell the report leaves blank", rule="data.length")
            return
        cells = []
        for index, ((col_key, column), text) in enumerate(zip(columns, raw, strict=True)):
            cell_path = path if single else path + (index,)
            if isinstance(text, (list, dict)):
                self.fail(cell_path, f"{node.label} / {column.label}: a cell holds one value",
                          shown_path=f"{dotted(path)}.{col_key}", expected="one value", found=_describe(text),
                          rule="data.type")
                return
            try:
                cells.append(parse_cell(text, column.kind, column.unit))
            except CellError as exc:
                self.fail(cell_path, f"{node.label} / {column.label}: {exc.message}",
                          shown_path=f"{dotted(path)}.{col_key}", expected=exc.expected, found=str(text),
                          rule="data.cell")
                return
        self.values[row_key] = tuple(cells)


def _describe(raw: Any) -> str:
    if isinstance(raw, dict):
        return "a mapping (" + ", ".join(raw) + ")"
    if isinstance(raw, list):
        return f"a list of {len(raw)}"
    return "nothing" if raw is None else repr(raw)


def _row_example(table: Table, row_key: str, node: Node) -> str:
    if node.children:
        return "a mapping of " + ", ".join(c.key for c in node.children)
    columns = table.row(row_key)[1].leaf_columns
    return "[" + ", ".join("~" for _ in columns) + "]"
