"""What a well-typed definition must also get right: every key it names exists, and none is doubled.

An identity naming a row its table lacks would be "not applicable" for every report, and a doubled
row key would hide a row: both are definition faults, found here rather than by a report.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from ..yamlsource import DataPath
from .definition import (
    KEY_PATTERN,
    BlockDef,
    CellDef,
    Fault,
    IdentityDef,
    NarrativeDef,
    NodeDef,
    PartDef,
    TableDef,
    Years,
    close_match,
)
from .objects import Table, Term

# 《政府信息公开条例》 took effect in 2008; a year past 2100 is a typo.
FIRST_YEAR, LAST_YEAR = 2008, 2100

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


@dataclass(frozen=True)
class Pieces:
    """The pieces of a definition that are well-typed, each with its index in the file.

    The keys they name are checked even when a sibling is broken, so that one run reports a typo in
    one identity and an unknown row in another. A table that is broken is known by name, so that an
    identity naming it is not also told the table does not exist.
    """

    years: tuple[int, int | None] | None
    table_defs: dict[str, TableDef]
    broken_tables: frozenset[str]
    tables_given: bool  # tables is a mapping: else no table name can be told unknown
    parts: tuple[tuple[int, PartDef], ...]
    all_parts: bool  # every part is well-typed: then no fees: true means none
    identities: tuple[tuple[int, IdentityDef], ...]
    narrative: tuple[tuple[int, NarrativeDef], ...]
    unpaid_fees_cell: CellDef | None

    @cached_property
    def tables(self) -> dict[str, Table]:
        return {key: table.build(key) for key, table in self.table_defs.items()}


def well_typed(raw: Any) -> Pieces:
    raw = raw if isinstance(raw, dict) else {}
    tables = raw.get("tables") if isinstance(raw.get("tables"), dict) else {}
    good = {str(k): t for k, t in ((k, _valid(TableDef.model_validate, v)) for k, v in tables.items())
            if t is not None and re.fullmatch(KEY_PATTERN, str(k))}
    parts = _items(PartDef, raw.get("parts"))
    return Pieces(
        years=_valid(TypeAdapter(Years).validate_python, raw.get("years")),
        table_defs=good,
        broken_tables=frozenset(str(k) for k in tables) - set(good),
        tables_given=isinstance(raw.get("tables"), dict),
        parts=parts,
        all_parts=len(parts) == len(_listed(raw.get("parts"))),
        identities=_items(IdentityDef, raw.get("identities")),
        narrative=_items(NarrativeDef, raw.get("narrative")),
        unpaid_fees_cell=_valid(CellDef.model_validate, raw.get("unpaid_fees_cell")),
    )


def _valid(validate: Callable[[Any], T], value: Any) -> T | None:
    try:
        return validate(value)
    except ValidationError:
        return None  # reported by the validation of the whole definition


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _items(model: type[M], value: Any) -> tuple[tuple[int, M], ...]:
    items = ((i, _valid(model.model_validate, v)) for i, v in enumerate(_listed(value)))
    return tuple((i, item) for i, item in items if item is not None)


def reference_faults(raw: Any) -> Iterator[Fault]:
    """What the raw definition names that does not exist, or says twice."""
    found = well_typed(raw)
    if found.years is not None:
        yield from _years(found.years)
    doubled = set()
    for key, table in found.table_defs.items():
        faults = list(_table_keys(("tables", key), table.blocks))
        yield from faults
        if faults:
            doubled.add(key)
    # A table with a doubled or missing key has no one row or column a key names: what identities
    # find there would only repeat the fault.
    found = replace(found, table_defs={k: t for k, t in found.table_defs.items() if k not in doubled},
                    broken_tables=found.broken_tables | doubled)
    yield from _parts(found)
    first_id: dict[str, int] = {}
    for i, identity in found.identities:
        if identity.id in first_id:
            yield Fault(("identities", i, "id"), f"恒等式编号“{identity.id}”重复", "每个编号只用一次", identity.id,
                        first=("identities", first_id[identity.id], "id"))
        first_id.setdefault(identity.id, i)
        yield from _identity(("identities", i), identity, found)
    for i, figure in found.narrative:
        for group in ("cells", "extra"):
            for j, cell in enumerate(getattr(figure, group)):
                yield from _cell(("narrative", i, group, j), cell, found)
    if found.unpaid_fees_cell is not None:
        yield from _cell(("unpaid_fees_cell",), found.unpaid_fees_cell, found)
        if found.all_parts and not any(part.fees for _, part in found.parts):
            yield Fault(("unpaid_fees_cell",), "有逾期未缴费的单元格，却没有报告信息处理费的部分",
                        "某一部分写 fees: true", "没有", "C.1 要在该部分找收费通知的件数")


def _years(years: tuple[int, int | None]) -> Iterator[Fault]:
    first, last = years
    if not FIRST_YEAR <= first <= LAST_YEAR:
        yield Fault(("years", 0), "起始年份不合理", f"{FIRST_YEAR} 至 {LAST_YEAR} 之间的年份", str(first))
    if last is not None and not first <= last <= LAST_YEAR:
        yield Fault(("years", 1), "截止年份不合理", f"不早于起始年份 {first}、不晚于 {LAST_YEAR}，仍在用的写 null",
                    str(last))


def _table_keys(path: DataPath, blocks: tuple[BlockDef, ...]) -> Iterator[Fault]:
    """Rows and columns have keys, and no two share one where a data file would nest them together."""
    row_lists: list[tuple[DataPath, tuple[NodeDef, ...]]] = []
    bands: dict[str, int] = {}
    for b, block in enumerate(blocks):
        row_lists.append(((*path, "blocks", b, "rows"), block.rows))
        if block.band in bands:  # an identity names a block by its band
            yield Fault((*path, "blocks", b, "band"), f"块的标题“{block.band}”重复", "同一表中各块的 band 互不相同",
                        block.band, first=(*path, "blocks", bands[block.band], "band"))
        if block.band:
            bands.setdefault(block.band, b)
        leaves: dict[str, DataPath] = {}
        for leaf_path, key, node in _leaves((*path, "blocks", b, "columns"), block.columns):
            if not node.key:
                yield Fault(leaf_path, "列没有键", "每一列（没有下级的）都有 key", f"“{node.label}”没有 key")
            elif key in leaves:
                yield Fault((*leaf_path, "key"), f"列的键“{key}”在同一块中重复", "同一块中各列的键互不相同", key,
                            first=(*leaves[key], "key"))
            leaves.setdefault(key, leaf_path)
    # The rows of all blocks nest in one mapping of a data file: they are siblings there.
    yield from _row_keys(row_lists)


def _row_keys(lists: list[tuple[DataPath, tuple[NodeDef, ...]]]) -> Iterator[Fault]:
    seen: dict[str, DataPath] = {}
    for path, nodes in lists:
        for i, node in enumerate(nodes):
            here = (*path, i)
            if not node.key:
                yield Fault(here, "行没有键", "每一行（包括有下级的行）都有 key：数据文件按 key 嵌套",
                            f"“{node.label}”没有 key")
                continue
            if node.key in seen:
                yield Fault((*here, "key"), f"行的键“{node.key}”重复", "同级各行的键互不相同", node.key,
                            first=(*seen[node.key], "key"))
            seen.setdefault(node.key, here)
            if node.children:
                yield from _row_keys([((*here, "children"), node.children)])


def _leaves(path: DataPath, nodes: tuple[NodeDef, ...], prefix: str = "") -> Iterator[tuple[DataPath, str, NodeDef]]:
    """(YAML path, dotted key, node) of every leaf, keyed as objects.Node.leaves keys them."""
    for i, node in enumerate(nodes):
        key = f"{prefix}.{node.key}" if prefix and node.key else (node.key or prefix)
        if node.children:
            yield from _leaves((*path, i, "children"), node.children, key)
        else:
            yield (*path, i), key, node


def _parts(found: Pieces) -> Iterator[Fault]:
    seen: dict[str, int] = {}
    fees: list[int] = []
    for i, part in found.parts:
        if part.key in seen:
            yield Fault(("parts", i, "key"), f"部分的序号“{part.key}”重复", "各部分的序号互不相同", part.key,
                        first=("parts", seen[part.key], "key"))
        seen.setdefault(part.key, i)
        if part.table:
            yield from _table_named(("parts", i, "table"), part.table, found)
        if part.fees:
            fees.append(i)
    for i in fees[1:]:
        yield Fault(("parts", i, "fees"), "信息处理费只在一个部分报告", "只有一个部分写 fees: true", "多个部分",
                    first=("parts", fees[0], "fees"))


def _table_named(path: DataPath, key: str, found: Pieces) -> Iterator[Fault]:
    tables = [*found.tables, *found.broken_tables]
    if found.tables_given and key not in tables:
        yield Fault(path, f"没有表“{key}”", "、".join(tables) + " 之一", key, close_match(key, tables))


def _identity(path: DataPath, identity: IdentityDef, found: Pieces) -> Iterator[Fault]:
    yield from _table_named((*path, "table"), identity.table, found)
    table = found.tables.get(identity.table)
    if table is None:
        return
    terms = [(side, j, Term.parse(text)) for side in ("lhs", "rhs") for j, text in enumerate(getattr(identity, side))]
    if identity.each == "column":
        yield from _column_identity(path, identity, table, terms)
    else:
        yield from _row_identity(path, identity, table, terms)


def _column_identity(path: DataPath, identity: IdentityDef, table: Table,
                     terms: list[tuple[str, int, Term]]) -> Iterator[Fault]:
    """each: column sums rows, once per leaf column of one block: every row must have those columns."""
    if identity.rows:
        yield Fault((*path, "rows"), "按列检查的恒等式不用 rows", "去掉 rows（each: column 时 rows 不起作用）",
                    "、".join(identity.rows))
    bands = [b.band for b in table.blocks]
    if identity.block and identity.block not in bands:
        yield Fault((*path, "block"), f"表“{table.key}”没有这一块", "、".join(b for b in bands if b) + " 之一",
                    identity.block, close_match(identity.block, bands))
        return
    block = table.blocks[bands.index(identity.block) if identity.block else 0]
    columns = [key for key, _ in block.leaf_columns]
    rows = [key for key, _, _ in table.leaf_rows]
    for side, j, term in terms:
        where = (*path, side, j)
        if term.key.endswith(".*"):
            named = [r for r in rows if r.startswith(term.key[:-1])]
            if not named:
                yield Fault(where, f"没有以“{term.key[:-1]}”开头的行", f"表“{table.key}”中某一组行的键加 .*", term.key)
        elif term.key not in rows:
            yield Fault(where, f"表“{table.key}”没有行“{term.key}”", f"表“{table.key}”的行的键", term.key,
                        close_match(term.key, rows))
            continue
        else:
            named = [term.key]
        for row in named:
            lacking = [c for c in columns if c not in table.column_keys(row)]
            if lacking:
                yield Fault(where, f"行“{row}”没有所查块的列", "有 " + "、".join(columns) + " 各列的行",
                            "缺 " + "、".join(lacking), "用 block: 指明行所在的块（写块的 band）")


def _row_identity(path: DataPath, identity: IdentityDef, table: Table,
                  terms: list[tuple[str, int, Term]]) -> Iterator[Fault]:
    """each: row sums columns, once per listed row (or per row of every block that has them all)."""
    if identity.block:
        yield Fault((*path, "block"), "按行检查的恒等式不用 block", "用 rows 选行", identity.block)
    columns = list(dict.fromkeys(key for block in table.blocks for key, _ in block.leaf_columns))
    named = []
    for side, j, term in terms:
        if term.key.endswith(".*"):
            yield Fault((*path, side, j), "x.* 只用于按列检查的恒等式", "列的键", term.key)
        elif term.key not in columns:
            yield Fault((*path, side, j), f"表“{table.key}”没有列“{term.key}”", f"表“{table.key}”的列的键", term.key,
                        close_match(term.key, columns))
        elif term.key not in named:
            named.append(term.key)
    rows = [key for key, _, _ in table.leaf_rows]
    for j, row in enumerate(identity.rows):
        if row not in rows:
            yield Fault((*path, "rows", j), f"表“{table.key}”没有行“{row}”", f"表“{table.key}”的行的键", row,
                        close_match(row, rows))
            continue
        lacking = [c for c in named if c not in table.column_keys(row)]
        if lacking:
            yield Fault((*path, "rows", j), f"行“{row}”没有恒等式所用的列", "有 " + "、".join(named) + " 各列的行",
                        "缺 " + "、".join(lacking))
    if not identity.rows and named and not any(set(named) <= {k for k, _ in b.leaf_columns} for b in table.blocks):
        yield Fault((*path, "lhs"), "没有哪一块同时有恒等式所用的各列", "同一块中的列", "、".join(named),
                    "用 rows 选行，或改正列的键")


def _cell(path: DataPath, cell: CellDef, found: Pieces) -> Iterator[Fault]:
    yield from _table_named((*path, "table"), cell.table, found)
    table = found.tables.get(cell.table)
    if table is None:
        return
    rows = [key for key, _, _ in table.leaf_rows]
    if cell.row not in rows:
        yield Fault((*path, "row"), f"表“{cell.table}”没有行“{cell.row}”", f"表“{cell.table}”的行的键", cell.row,
                    close_match(cell.row, rows))
    elif cell.column not in table.column_keys(cell.row):
        columns = table.column_keys(cell.row)
        yield Fault((*path, "column"), f"行“{cell.row}”没有列“{cell.column}”", "、".join(columns) + " 之一",
                    cell.column, close_match(cell.column, columns))
