"""The frozen objects a format definition is built into: tables, parts, identities, narrative figures.

Everything that knows a table's shape (schema, loader, validator, renderer, importer, exports)
asks these objects; nothing else spells out a row, a column or a label.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, NamedTuple

from ..catalogue import formats as F

CellKind = Literal["count", "signed", "amount", "amount_with_unit"]
Status = Literal["stated", "implied", "heuristic"]
Layout = Literal["grid", "side_by_side"]
Each = Literal["row", "column"]
Op = Literal["=", "<=", ">="]


@dataclass(frozen=True)
class Node:
    """A row or a column of a table: a leaf carries values, a group only spans its children."""

    label: str
    key: str = ""
    children: tuple[Node, ...] = ()
    kind: CellKind = "count"
    unit: str = ""
    span: int = 1
    variants: tuple[str, ...] = ()
    # A group of rows that a report may print as one row, its total, without the rows under it
    # (2021 reports on the 2019 template print （六）其他处理 so). Its children are then not stated.
    collapsible: bool = False

    @property
    def is_leaf(self) -> bool:
        return not self.children

    def leaves(self, prefix: str = "") -> Iterator[tuple[str, Node]]:
        """(dotted key, node) for every leaf under this node, in table order."""
        path = f"{prefix}.{self.key}" if prefix and self.key else (self.key or prefix)
        if self.is_leaf:
            yield path, self
        for child in self.children:
            yield from child.leaves(path)

    def depth(self) -> int:
        return 1 + max((c.depth() for c in self.children), default=0)


@dataclass(frozen=True)
class Block:
    """One header-and-body unit of a table. T2 has one block per 第二十条 item; T3 and T4 one each."""

    columns: tuple[Node, ...]
    rows: tuple[Node, ...]
    band: str = ""
    corner: str = ""
    layout: Layout = "grid"

    # Derived once: definitions are frozen, and the checks ask for these for every cell they read.
    @cached_property
    def leaf_columns(self) -> tuple[tuple[str, Node], ...]:
        return tuple(leaf for col in self.columns for leaf in col.leaves())

    @cached_property
    def leaf_rows(self) -> tuple[tuple[str, Node], ...]:
        return tuple(leaf for row in self.rows for leaf in row.leaves())


@dataclass(frozen=True)
class Table:
    key: str
    caption: str
    blocks: tuple[Block, ...]

    @cached_property
    def leaf_rows(self) -> tuple[tuple[str, Node, Block], ...]:
        return tuple((key, node, block) for block in self.blocks for key, node in block.leaf_rows)

    @cached_property
    def collapsible_rows(self) -> dict[str, tuple[Node, tuple[str, ...]]]:
        """Each collapsible group's key → the group and its leaf rows' keys."""
        out: dict[str, tuple[Node, tuple[str, ...]]] = {}

        def walk(node: Node, prefix: str) -> None:
            key = f"{prefix}.{node.key}" if prefix else node.key
            if node.collapsible:
                out[key] = (node, tuple(k for k, _ in node.leaves(prefix)))
            for child in node.children:
                walk(child, key)

        for block in self.blocks:
            for row in block.rows:
                walk(row, "")
        return out

    @cached_property
    def _rows(self) -> dict[str, tuple[Node, Block]]:
        """Rows that can carry values: the leaves, and the collapsible groups printed as one row."""
        rows = {key: (node, block) for key, node, block in self.leaf_rows}
        for key, (node, leaves) in self.collapsible_rows.items():
            rows[key] = (node, rows[leaves[0]][1])
        return rows

    @cached_property
    def _column_keys(self) -> dict[str, tuple[str, ...]]:
        return {key: tuple(c for c, _ in block.leaf_columns) for key, (_, block) in self._rows.items()}

    @cached_property
    def row_labels(self) -> dict[str, tuple[str, ...]]:
        """Every row's key (groups included) → its labels from the outermost group down."""
        out: dict[str, tuple[str, ...]] = {}

        def walk(node: Node, prefix: str, labels: tuple[str, ...]) -> None:
            key = f"{prefix}.{node.key}" if prefix else node.key
            out[key] = (*labels, node.label)
            for child in node.children:
                walk(child, key, out[key])

        for block in self.blocks:
            for row in block.rows:
                walk(row, "", ())
        return out

    @cached_property
    def value_rows(self) -> tuple[str, ...]:
        """The rows that can carry values (leaves, and groups a report may print as one row), in
        table order."""
        return tuple(key for key in self.row_labels if key in self._rows)

    def column_labels(self, row_key: str) -> dict[str, tuple[str, ...]]:
        """The columns of a row's block: each leaf column's key → its labels from the outermost down."""
        block = self.row(row_key)[1]
        out: dict[str, tuple[str, ...]] = {}

        def walk(node: Node, prefix: str, labels: tuple[str, ...]) -> None:
            key = f"{prefix}.{node.key}" if prefix and node.key else (node.key or prefix)
            if node.is_leaf:
                out[key] = (*labels, node.label)
            for child in node.children:
                walk(child, key, (*labels, node.label))

        for column in block.columns:
            walk(column, "", ())
        return out

    def collapsed(self, values: Mapping[str, object]) -> frozenset[str]:
        """The collapsible groups a report's values give as one row."""
        return frozenset(key for key in self.collapsible_rows if key in values)

    @cached_property
    def cell_index(self) -> dict[tuple[str, str], int]:
        """(row key, column key) → the cell's position in that row's list of values."""
        return {(row, col): i for row, cols in self._column_keys.items() for i, col in enumerate(cols)}

    def row(self, key: str) -> tuple[Node, Block]:
        try:
            return self._rows[key]
        except KeyError:
            raise KeyError(F.OBJECT_NO_ROW(table=self.key, key=repr(key))) from None

    def column_keys(self, row_key: str) -> tuple[str, ...]:
        try:
            return self._column_keys[row_key]
        except KeyError:
            raise KeyError(F.OBJECT_NO_ROW(table=self.key, key=repr(row_key))) from None


@dataclass(frozen=True)
class Part:
    key: str  # 一 … 六
    heading: str
    phrases: tuple[str, ...]
    table: str = ""
    fees: bool = False  # 信息处理费 figures belong here (2021 format, part 六)


@dataclass(frozen=True)
class Term:
    """One summand of an identity: a row or column key, maybe of last year's report, maybe negated."""

    key: str
    previous_year: bool = False
    negated: bool = False

    @classmethod
    def parse(cls, text: str) -> Term:
        negated = text.startswith("-")
        text = text.lstrip("-")
        previous = text.startswith("prev:")
        return cls(key=text.removeprefix("prev:"), previous_year=previous, negated=negated)


@dataclass(frozen=True)
class Identity:
    id: str
    status: Status
    table: str
    each: Each
    lhs: tuple[Term, ...]
    rhs: tuple[Term, ...]
    rule: str
    op: Op = "="
    rows: tuple[str, ...] = ()
    # each: column ranges over the leaf columns of one block, the first unless the definition names
    # another by its band (T2's blocks have different columns). An index into the table's blocks.
    block: int = 0

    @property
    def cross_year(self) -> bool:
        """Whether the identity reads last year's report: any "prev:" term, whatever the id says."""
        return any(t.previous_year for t in self.lhs + self.rhs)

    @property
    def severity(self) -> Literal["error", "warning"]:
        """STATED and IMPLIED identities are errors; heuristics and cross-year checks warn,
        because a reorganised body or a corrected report can break them legitimately."""
        return "warning" if self.status == "heuristic" or self.cross_year else "error"


class CellRef(NamedTuple):
    """One cell of a table by its keys; a tuple, so ``report.cell(*ref)`` reads it."""

    table: str
    row: str
    column: str


@dataclass(frozen=True)
class NarrativeFigure:
    """A figure the narrative quotes that the tables also give (format-spec §6 C.3, a heuristic).

    pattern finds the figure in a text; its one group is the number. The number should equal the
    sum of cells, or that sum plus the extra cells: narratives mix 新收 with 新收 + 上年结转.
    """

    name: str
    pattern: re.Pattern[str]
    cells: tuple[CellRef, ...]
    extra: tuple[CellRef, ...] = ()


@dataclass(frozen=True)
class Format:
    id: str
    name: str
    notice: str
    first_year: int
    last_year: int | None
    parts: tuple[Part, ...]
    tables: tuple[Table, ...]
    identities: tuple[Identity, ...] = field(default=())
    narrative: tuple[NarrativeFigure, ...] = ()
    # The applications cell of requests dropped for fees not paid after a 收费通知 (format-spec C.1);
    # None where the format has no such row (2019).
    unpaid_fees_cell: CellRef | None = None
    # Cells that mean the same in every format that names them (the formats' `concepts:`): the
    # figures compared across years and formats, and added up across formats, are made of these.
    concepts: frozenset[CellRef] = frozenset()

    @cached_property
    def _tables(self) -> dict[str, Table]:
        return {table.key: table for table in self.tables}

    def table(self, key: str) -> Table:
        try:
            return self._tables[key]
        except KeyError:
            raise KeyError(F.OBJECT_NO_TABLE(format=self.id, key=repr(key))) from None

    @cached_property
    def cells(self) -> dict[str, CellRef]:
        """Every cell a report of this format can hold, by its data path (table.row.column, the
        path problems and revisions name it by): the leaf rows in table order, then the rows of
        collapsible groups printed as one row."""
        return {f"{t.key}.{row}.{column}": CellRef(t.key, row, column)
                for t in self.tables for (row, column) in t.cell_index}

    @property
    def fees_part(self) -> Part | None:
        """The part that reports 信息处理费 (2021: 六); None where the format has none (2019)."""
        return next((p for p in self.parts if p.fees), None)

    def covers(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)
