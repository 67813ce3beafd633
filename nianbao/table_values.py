"""Read a report's statutory tables from YAML, guided by the format definition.

Each leaf row is a list of cells in the table's column order (a single value is enough when the
row has one column). Group rows are mappings of their children; a collapsible group may instead
be one row of cells, its total as the report printed it. Every fault is reported with
its line; nothing is guessed or filled in.
"""

from __future__ import annotations

from typing import Any

from .catalogue import Rule, messages
from .catalogue import rules as R
from .cells import CellError, parse_cell
from .formats import Format, Node, Table
from .model import TableValues
from .problems import Locator, Problem, dotted
from .suggest import closest, did_you_mean
from .yamlsource import DataPath


def read_tables(raw: dict[str, Any], fmt: Format, where: Locator,
                misspelt: frozenset[str] = frozenset()) -> tuple[dict[str, TableValues], list[Problem]]:
    """The report's tables; ``misspelt`` names the tables given under a mistyped key, which the
    loader has reported already (so not again as missing)."""
    tables: dict[str, TableValues] = {}
    problems: list[Problem] = []
    for table in fmt.tables:
        if table.key in misspelt:
            continue
        if table.key not in raw:
            part = next((p for p in fmt.parts if p.table == table.key), None)
            problems.append(where.problem(R.TABLE_MISSING, (), shown_path=table.key, cells=table.key, table=table.key,
                                          caption=f"{part.key + '、' if part else ''}{table.caption}"))
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

    def fail(self, rule: Rule, path: DataPath, *, shown_path: str = "", variant: str = "", **params: object) -> None:
        self.problems.append(self.where.problem(rule, path, shown_path=shown_path, variant=variant,
                                                cells=str(params.pop("cells", "")), **params))

    def read_group(self, raw: Any, nodes: tuple[Node, ...], path: DataPath, prefix: str) -> None:
        if not isinstance(raw, dict):
            self.fail(R.WRONG_TYPE, path, what=messages.ROW_GROUP_SHAPE(),
                      expected=messages.ROWS_LIST(keys=", ".join(n.key for n in nodes)), found=describe(raw))
            return
        by_key = {n.key: n for n in nodes}
        labels = {k: n.label for k, n in by_key.items()}
        misspelt = set()  # rows given under a mistyped key: one problem (the key), not two
        for key in raw:
            if key not in by_key:
                close = closest(key, labels)
                if len(close) == 1 and close[0] not in raw:
                    misspelt.add(close[0])
                self.fail(R.UNKNOWN_KEY, path + (key,), key=key, allowed=", ".join(by_key),
                          suggestion=did_you_mean(key, labels))
        for node in nodes:
            row_key = f"{prefix}.{node.key}" if prefix else node.key
            if node.key in misspelt:
                continue
            if node.key not in raw:
                self.fail(R.MISSING, path, variant="row", shown_path=dotted(path + (node.key,)), label=node.label,
                          expected=f"{node.key}: {_row_example(self.table, row_key, node)}")
            elif node.collapsible and not isinstance(raw[node.key], dict):
                self.read_row(raw[node.key], node, path + (node.key,), row_key)  # printed as one row
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
            self.fail(R.WRONG_TYPE, path, what=messages.ROW_SHAPE(row=node.label),
                      expected=_row_example(self.table, row_key, node), found=describe(raw))
            return
        if len(raw) != len(columns):
            names = "、".join(c.label for _, c in columns)
            self.fail(R.CELL_COUNT, path, row=node.label, count=len(columns), columns=names, found=len(raw))
            return
        cells = []
        for index, ((col_key, column), text) in enumerate(zip(columns, raw, strict=True)):
            cell_path = path if single else path + (index,)
            if isinstance(text, (list, dict)):
                self.fail(R.WRONG_TYPE, cell_path, shown_path=f"{dotted(path)}.{col_key}",
                          what=messages.CELL_SHAPE(row=node.label, column=column.label),
                          expected=messages.ONE_VALUE(), found=describe(text))
                return
            try:
                cells.append(parse_cell(text, column.kind, column.unit))
            except CellError as exc:
                shown = f"{dotted(path)}.{col_key}"
                if exc.word:
                    self.fail(R.NUMBER_WORD, cell_path, shown_path=shown, word=exc.word,
                              meaning=f"{node.label} / {column.label}")
                else:
                    self.fail(R.CELL, cell_path, shown_path=shown, row=node.label, column=column.label,
                              problem=exc.message, expected=exc.expected, found=text)
                return
        self.values[row_key] = tuple(cells)


def describe(raw: Any) -> str:
    """A value as a message shows what was found: its shape, or the text itself."""
    if isinstance(raw, dict):
        return messages.A_MAPPING(keys=", ".join(raw))
    if isinstance(raw, list):
        return messages.A_LIST(count=len(raw))
    return messages.NOTHING() if raw is None else f"“{raw}”"


def _row_example(table: Table, row_key: str, node: Node) -> str:
    if node.children:
        return messages.ROW_GROUP_EXAMPLE(keys=", ".join(c.key for c in node.children))
    columns = table.row(row_key)[1].leaf_columns
    return "[" + ", ".join("~" for _ in columns) + "]"
