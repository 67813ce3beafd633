"""What a well-typed definition must also get right: every key it names exists, and none is doubled.

An identity naming a row its table lacks would be "not applicable" for every report, and a doubled
row key would hide a row: both are definition faults, found here rather than by a report.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from ..catalogue import formats as F
from ..yamlsource import DataPath
from .definition import (
    KEY_PATTERN,
    BlockDef,
    CellDef,
    ConceptsDef,
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
    concepts: ConceptsDef | None

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
        concepts=_valid(ConceptsDef.model_validate, raw.get("concepts", {})),
    )


def _valid(validate: Callable[[Any], T], value: Any) -> T | None:
    try:
        return validate(value)
    except ValidationError:
        return None  # reported by the validation of the whole definition


def _joined(items: Iterable[str]) -> str:
    return F.LIST_JOIN().join(items)


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
            yield Fault(("identities", i, "id"), F.DUPLICATE_IDENTITY(id=identity.id), F.DUPLICATE_IDENTITY_EXPECTED(),
                        identity.id,
                        first=("identities", first_id[identity.id], "id"))
        first_id.setdefault(identity.id, i)
        yield from _identity(("identities", i), identity, found)
    for i, figure in found.narrative:
        for group in ("cells", "extra"):
            for j, cell in enumerate(getattr(figure, group)):
                yield from _cell(("narrative", i, group, j), cell, found)
    if found.concepts is not None:
        for i, key in enumerate(found.concepts.tables):
            yield from _table_named(("concepts", "tables", i), key, found)
        for i, cell in enumerate(found.concepts.cells):
            yield from _cell(("concepts", "cells", i), cell, found)
    if found.unpaid_fees_cell is not None:
        yield from _cell(("unpaid_fees_cell",), found.unpaid_fees_cell, found)
        if found.all_parts and not any(part.fees for _, part in found.parts):
            yield Fault(("unpaid_fees_cell",), F.FEES_CELL_WITHOUT_PART(), F.FEES_CELL_EXPECTED(), F.FEES_CELL_FOUND(),
                        F.FEES_CELL_HINT())


def _years(years: tuple[int, int | None]) -> Iterator[Fault]:
    first, last = years
    if not FIRST_YEAR <= first <= LAST_YEAR:
        yield Fault(("years", 0), F.FIRST_YEAR_BAD(), F.FIRST_YEAR_EXPECTED(first=FIRST_YEAR, last=LAST_YEAR),
                    str(first))
    if last is not None and not first <= last <= LAST_YEAR:
        yield Fault(("years", 1), F.LAST_YEAR_BAD(), F.LAST_YEAR_EXPECTED(first=first, last=LAST_YEAR), str(last))


def _table_keys(path: DataPath, blocks: tuple[BlockDef, ...]) -> Iterator[Fault]:
    """Rows and columns have keys, and no two share one where a data file would nest them together."""
    row_lists: list[tuple[DataPath, tuple[NodeDef, ...]]] = []
    bands: dict[str, int] = {}
    for b, block in enumerate(blocks):
        row_lists.append(((*path, "blocks", b, "rows"), block.rows))
        if block.band in bands:  # an identity names a block by its band
            yield Fault((*path, "blocks", b, "band"), F.DUPLICATE_BAND(band=block.band), F.DUPLICATE_BAND_EXPECTED(),
                        block.band, first=(*path, "blocks", bands[block.band], "band"))
        if block.band:
            bands.setdefault(block.band, b)
        leaves: dict[str, DataPath] = {}
        for leaf_path, key, node in _leaves((*path, "blocks", b, "columns"), block.columns):
            if not node.key:
                yield Fault(leaf_path, F.COLUMN_WITHOUT_KEY(), F.COLUMN_WITHOUT_KEY_EXPECTED(),
                            F.NODE_WITHOUT_KEY_FOUND(label=node.label))
            elif key in leaves:
                yield Fault((*leaf_path, "key"), F.DUPLICATE_COLUMN(key=key), F.DUPLICATE_COLUMN_EXPECTED(), key,
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
                yield Fault(here, F.ROW_WITHOUT_KEY(), F.ROW_WITHOUT_KEY_EXPECTED(),
                            F.NODE_WITHOUT_KEY_FOUND(label=node.label))
                continue
            if node.key in seen:
                yield Fault((*here, "key"), F.DUPLICATE_ROW(key=node.key), F.DUPLICATE_ROW_EXPECTED(), node.key,
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
            yield Fault(("parts", i, "key"), F.DUPLICATE_PART(key=part.key), F.DUPLICATE_PART_EXPECTED(), part.key,
                        first=("parts", seen[part.key], "key"))
        seen.setdefault(part.key, i)
        if part.table:
            yield from _table_named(("parts", i, "table"), part.table, found)
        if part.fees:
            fees.append(i)
    for i in fees[1:]:
        yield Fault(("parts", i, "fees"), F.FEES_TWICE(), F.FEES_TWICE_EXPECTED(), F.FEES_TWICE_FOUND(),
                    first=("parts", fees[0], "fees"))


def _table_named(path: DataPath, key: str, found: Pieces) -> Iterator[Fault]:
    tables = [*found.tables, *found.broken_tables]
    if found.tables_given and key not in tables:
        yield Fault(path, F.NO_SUCH_TABLE(key=key), F.ONE_OF(options=_joined(tables)), key, close_match(key, tables))


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
        yield Fault((*path, "rows"), F.COLUMN_IDENTITY_ROWS(), F.COLUMN_IDENTITY_ROWS_EXPECTED(),
                    _joined(identity.rows))
    bands = [b.band for b in table.blocks]
    if identity.block and identity.block not in bands:
        yield Fault((*path, "block"), F.NO_SUCH_BLOCK(table=table.key),
                    F.ONE_OF(options=_joined(b for b in bands if b)), identity.block,
                    close_match(identity.block, bands))
        return
    block = table.blocks[bands.index(identity.block) if identity.block else 0]
    columns = [key for key, _ in block.leaf_columns]
    rows = [key for key, _, _ in table.leaf_rows]
    for side, j, term in terms:
        where = (*path, side, j)
        if term.key.endswith(".*"):
            named = [r for r in rows if r.startswith(term.key[:-1])]
            if not named:
                yield Fault(where, F.NO_ROWS_STARTING(prefix=term.key[:-1]), F.ROW_GROUP_EXPECTED(table=table.key),
                            term.key)
        elif term.key not in rows:
            yield Fault(where, F.NO_SUCH_ROW(table=table.key, row=term.key), F.ROW_KEY_EXPECTED(table=table.key),
                        term.key, close_match(term.key, rows))
            continue
        else:
            named = [term.key]
        for row in named:
            lacking = [c for c in columns if c not in table.column_keys(row)]
            if lacking:
                yield Fault(where, F.ROW_LACKS_BLOCK_COLUMNS(row=row), F.ROW_WITH_COLUMNS(columns=_joined(columns)),
                            F.LACKING(columns=_joined(lacking)), F.NAME_THE_BLOCK())


def _row_identity(path: DataPath, identity: IdentityDef, table: Table,
                  terms: list[tuple[str, int, Term]]) -> Iterator[Fault]:
    """each: row sums columns, once per listed row (or per row of every block that has them all)."""
    if identity.block:
        yield Fault((*path, "block"), F.ROW_IDENTITY_BLOCK(), F.ROW_IDENTITY_BLOCK_EXPECTED(), identity.block)
    columns = list(dict.fromkeys(key for block in table.blocks for key, _ in block.leaf_columns))
    named = []
    for side, j, term in terms:
        if term.key.endswith(".*"):
            yield Fault((*path, side, j), F.STAR_IN_ROW_IDENTITY(), F.COLUMN_KEY(), term.key)
        elif term.key not in columns:
            yield Fault((*path, side, j), F.NO_SUCH_COLUMN(table=table.key, column=term.key),
                        F.COLUMN_KEY_OF(table=table.key), term.key, close_match(term.key, columns))
        elif term.key not in named:
            named.append(term.key)
    rows = [key for key, _, _ in table.leaf_rows]
    for j, row in enumerate(identity.rows):
        if row not in rows:
            yield Fault((*path, "rows", j), F.NO_SUCH_ROW(table=table.key, row=row),
                        F.ROW_KEY_EXPECTED(table=table.key), row, close_match(row, rows))
            continue
        lacking = [c for c in named if c not in table.column_keys(row)]
        if lacking:
            yield Fault((*path, "rows", j), F.ROW_LACKS_COLUMNS(row=row), F.ROW_WITH_COLUMNS(columns=_joined(named)),
                        F.LACKING(columns=_joined(lacking)))
    if not identity.rows and named and not any(set(named) <= {k for k, _ in b.leaf_columns} for b in table.blocks):
        yield Fault((*path, "lhs"), F.NO_BLOCK_WITH_COLUMNS(), F.NO_BLOCK_WITH_COLUMNS_EXPECTED(), _joined(named),
                    F.NO_BLOCK_WITH_COLUMNS_HINT())


def _cell(path: DataPath, cell: CellDef, found: Pieces) -> Iterator[Fault]:
    yield from _table_named((*path, "table"), cell.table, found)
    table = found.tables.get(cell.table)
    if table is None:
        return
    rows = [key for key, _, _ in table.leaf_rows]
    if cell.row not in rows:
        yield Fault((*path, "row"), F.NO_SUCH_ROW(table=cell.table, row=cell.row),
                    F.ROW_KEY_EXPECTED(table=cell.table), cell.row, close_match(cell.row, rows))
    elif cell.column not in table.column_keys(cell.row):
        columns = table.column_keys(cell.row)
        yield Fault((*path, "column"), F.ROW_HAS_NO_COLUMN(row=cell.row, column=cell.column),
                    F.ONE_OF(options=_joined(columns)), cell.column, close_match(cell.column, columns))
