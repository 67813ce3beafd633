"""The statutory formats, read from one declarative definition each (``<id>.yml`` beside this file).

Everything that knows a table's shape (schema, loader, validator, renderer, importer, exports)
asks these objects; nothing else spells out a row, a column or a label.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from typing import Any, Literal

import yaml

CellKind = Literal["count", "signed", "amount", "amount_with_unit"]
Status = Literal["stated", "implied", "heuristic"]


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
    layout: Literal["grid", "side_by_side"] = "grid"

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
    def _rows(self) -> dict[str, tuple[Node, Block]]:
        return {key: (node, block) for key, node, block in self.leaf_rows}

    @cached_property
    def _column_keys(self) -> dict[str, tuple[str, ...]]:
        return {key: tuple(c for c, _ in block.leaf_columns) for key, _, block in self.leaf_rows}

    @cached_property
    def cell_index(self) -> dict[tuple[str, str], int]:
        """(row key, column key) → the cell's position in that row's list of values."""
        return {(row, col): i for row, cols in self._column_keys.items() for i, col in enumerate(cols)}

    def row(self, key: str) -> tuple[Node, Block]:
        try:
            return self._rows[key]
        except KeyError:
            raise KeyError(f"{self.key} has no row {key!r}") from None

    def column_keys(self, row_key: str) -> tuple[str, ...]:
        try:
            return self._column_keys[row_key]
        except KeyError:
            raise KeyError(f"{self.key} has no row {row_key!r}") from None


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
    each: Literal["row", "column"]
    lhs: tuple[Term, ...]
    rhs: tuple[Term, ...]
    rule: str
    op: Literal["=", "<=", ">="] = "="
    rows: tuple[str, ...] = ()

    @property
    def cross_year(self) -> bool:
        return any(t.previous_year for t in self.lhs + self.rhs)

    @property
    def severity(self) -> Literal["error", "warning"]:
        """STATED and IMPLIED identities are errors; heuristics and cross-year checks warn,
        because a reorganised body or a corrected report can break them legitimately."""
        return "warning" if self.status == "heuristic" or self.cross_year else "error"


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

    @cached_property
    def _tables(self) -> dict[str, Table]:
        return {table.key: table for table in self.tables}

    def table(self, key: str) -> Table:
        try:
            return self._tables[key]
        except KeyError:
            raise KeyError(f"format {self.id} has no table {key!r}") from None

    def covers(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)


def _node(raw: dict[str, Any]) -> Node:
    return Node(
        label=raw["label"],
        key=raw.get("key", ""),
        children=tuple(_node(c) for c in raw.get("children", ())),
        kind=raw.get("kind", "count"),
        unit=raw.get("unit", ""),
        span=raw.get("span", 1),
        variants=tuple(raw.get("variants", ())),
    )


def _block(raw: dict[str, Any]) -> Block:
    return Block(
        columns=tuple(_node(c) for c in raw["columns"]),
        rows=tuple(_node(r) for r in raw["rows"]),
        band=raw.get("band", ""),
        corner=raw.get("corner", ""),
        layout=raw.get("layout", "grid"),
    )


def _identity(raw: dict[str, Any]) -> Identity:
    return Identity(
        id=raw["id"],
        status=raw["status"],
        table=raw["table"],
        each=raw["each"],
        lhs=tuple(Term.parse(t) for t in raw["lhs"]),
        rhs=tuple(Term.parse(t) for t in raw["rhs"]),
        rule=raw["rule"],
        op=raw.get("op", "="),
        rows=tuple(raw.get("rows", ())),
    )


def parse_format(raw: dict[str, Any]) -> Format:
    first, last = raw["years"]
    return Format(
        id=str(raw["id"]),
        name=raw["name"],
        notice=raw["notice"],
        first_year=first,
        last_year=last,
        parts=tuple(
            Part(p["key"], p["heading"], tuple(p["phrases"]), p.get("table", ""), p.get("fees", False))
            for p in raw["parts"]
        ),
        tables=tuple(
            Table(key=key, caption=t["caption"], blocks=tuple(_block(b) for b in t["blocks"]))
            for key, t in raw["tables"].items()
        ),
        identities=tuple(_identity(i) for i in raw.get("identities", ())),
    )


@cache
def all_formats() -> tuple[Format, ...]:
    """Every format definition shipped with the package, oldest first."""
    found = []
    for entry in resources.files(__package__).iterdir():
        if entry.name.endswith(".yml"):
            found.append(parse_format(yaml.safe_load(entry.read_text(encoding="utf-8"))))
    return tuple(sorted(found, key=lambda f: f.first_year))


def get_format(format_id: str) -> Format:
    for fmt in all_formats():
        if fmt.id == format_id:
            return fmt
    raise KeyError(format_id)


def format_for_year(year: int) -> Format | None:
    """The format the State Council prescribes for a report year (None before 2019)."""
    return next((f for f in all_formats() if f.covers(year)), None)
