"""What a format file may say: the pydantic models a definition is validated against, then built from.

The models refuse unknown keys and wrong types (a ``knid:`` or an ``opp:`` would otherwise load
silently); whether the keys an identity names exist is checked afterwards, in references.py.
"""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    ValidationError,
    field_validator,
    model_validator,
)

from ..catalogue import formats as F
from ..suggest import spelled_like
from ..yamlsource import DataPath
from .objects import (
    Block,
    CellKind,
    CellRef,
    Each,
    Format,
    Identity,
    Layout,
    NarrativeFigure,
    Node,
    Op,
    Part,
    Status,
    Table,
    Term,
)

# A key of a row, a column or a table: it is a YAML key of every data file, and dots join keys into paths.
KEY_PATTERN = r"^[a-z][a-z0-9_]*$"
Key = Annotated[StrictStr, Field(pattern=KEY_PATTERN, description=F.KEY.zh)]
# A summand of an identity (objects.Term): "-" subtracts, "prev:" reads last year's report, "x.*" every row under x.
TermText = Annotated[StrictStr, Field(pattern=r"^-?(prev:)?[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*(\.\*)?$")]
_TERM = F.TERM.zh


Years = tuple[StrictInt, StrictInt | None]


class _Definition(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NodeDef(_Definition):
    label: StrictStr = Field(description=F.NODE_LABEL.zh)
    key: Key = Field("", description=F.NODE_KEY.zh)
    children: tuple[NodeDef, ...] = Field((), description=F.NODE_CHILDREN.zh)
    kind: CellKind = Field("count", description=F.NODE_KIND.zh)
    unit: StrictStr = Field("", description=F.NODE_UNIT.zh)
    span: StrictInt = Field(1, ge=1, description=F.NODE_SPAN.zh)
    variants: tuple[StrictStr, ...] = Field((), description=F.NODE_VARIANTS.zh)
    collapsible: StrictBool = Field(False, description=F.NODE_COLLAPSIBLE.zh)

    @model_validator(mode="after")
    def _collapsible_group(self) -> NodeDef:
        if self.collapsible and (not self.children or any(c.children for c in self.children)):
            raise ValueError(F.COLLAPSIBLE_NOT_GROUP(label=self.label))
        return self

    def build(self) -> Node:
        return Node(self.label, self.key, tuple(c.build() for c in self.children), self.kind, self.unit,
                    self.span, self.variants, self.collapsible)


class BlockDef(_Definition):
    columns: tuple[NodeDef, ...] = Field(min_length=1, description=F.BLOCK_COLUMNS.zh)
    rows: tuple[NodeDef, ...] = Field(min_length=1, description=F.BLOCK_ROWS.zh)
    band: StrictStr = Field("", description=F.BLOCK_BAND.zh)
    corner: StrictStr = Field("", description=F.BLOCK_CORNER.zh)
    layout: Layout = Field("grid", description=F.BLOCK_LAYOUT.zh)

    def build(self) -> Block:
        return Block(tuple(c.build() for c in self.columns), tuple(r.build() for r in self.rows), self.band,
                     self.corner, self.layout)


class TableDef(_Definition):
    caption: StrictStr = Field(description=F.TABLE_CAPTION.zh)
    blocks: tuple[BlockDef, ...] = Field(min_length=1, description=F.TABLE_BLOCKS.zh)

    def build(self, key: str) -> Table:
        return Table(key, self.caption, tuple(b.build() for b in self.blocks))


class PartDef(_Definition):
    key: StrictStr = Field(description=F.PART_KEY.zh)
    heading: StrictStr = Field(description=F.PART_HEADING.zh)
    phrases: tuple[StrictStr, ...] = Field(min_length=1, description=F.PART_PHRASES.zh)
    table: StrictStr = Field("", description=F.PART_TABLE.zh)
    fees: StrictBool = Field(False, description=F.PART_FEES.zh)

    def build(self) -> Part:
        return Part(self.key, self.heading, self.phrases, self.table, self.fees)


class IdentityDef(_Definition):
    id: StrictStr = Field(description=F.IDENTITY_ID.zh)
    status: Status = Field(description=F.IDENTITY_STATUS.zh)
    table: StrictStr = Field(description=F.IDENTITY_TABLE.zh)
    each: Each = Field(description=F.IDENTITY_EACH.zh)
    lhs: tuple[TermText, ...] = Field(min_length=1, description=_TERM)
    rhs: tuple[TermText, ...] = Field(description=_TERM)
    rule: StrictStr = Field(description=F.IDENTITY_RULE.zh)
    op: Op = Field("=", description=F.IDENTITY_OP.zh)
    rows: tuple[StrictStr, ...] = Field((), description=F.IDENTITY_ROWS.zh)
    block: StrictStr = Field("", description=F.IDENTITY_BLOCK.zh)

    def build(self, tables: dict[str, Table]) -> Identity:
        # An unknown table or band builds as block 0: references.py reports it, so it never escapes.
        blocks = tables[self.table].blocks if self.table in tables else ()
        block = next((i for i, b in enumerate(blocks) if self.block and b.band == self.block), 0)
        return Identity(self.id, self.status, self.table, self.each, tuple(Term.parse(t) for t in self.lhs),
                        tuple(Term.parse(t) for t in self.rhs), self.rule, self.op, self.rows, block)


class CellDef(_Definition):
    table: StrictStr = Field(description=F.CELL_TABLE.zh)
    row: StrictStr = Field(description=F.CELL_ROW.zh)
    column: StrictStr = Field(description=F.CELL_COLUMN.zh)

    def build(self) -> CellRef:
        return CellRef(self.table, self.row, self.column)


class NarrativeDef(_Definition):
    name: StrictStr = Field(description=F.NARRATIVE_NAME.zh)
    pattern: StrictStr = Field(description=F.NARRATIVE_PATTERN.zh)
    cells: tuple[CellDef, ...] = Field(min_length=1, description=F.NARRATIVE_CELLS.zh)
    extra: tuple[CellDef, ...] = Field((), description=F.NARRATIVE_EXTRA.zh)

    @field_validator("pattern")
    @classmethod
    def _one_group(cls, pattern: str) -> str:
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            raise ValueError(F.PATTERN_UNCOMPILABLE(error=exc)) from None
        if compiled.groups != 1:
            raise ValueError(F.PATTERN_GROUPS(groups=compiled.groups))
        return pattern

    def build(self) -> NarrativeFigure:
        return NarrativeFigure(self.name, re.compile(self.pattern), tuple(c.build() for c in self.cells),
                               tuple(c.build() for c in self.extra))


class ConceptsDef(_Definition):
    tables: tuple[Key, ...] = Field((), description=F.CONCEPTS_TABLES.zh)
    cells: tuple[CellDef, ...] = Field((), description=F.CONCEPTS_CELLS.zh)

    def build(self, tables: dict[str, Table]) -> frozenset[CellRef]:
        whole = {CellRef(key, row, column) for key in self.tables if key in tables
                 for row, column in tables[key].cell_index}
        return frozenset(whole | {cell.build() for cell in self.cells})


class FormatDef(_Definition):
    id: StrictStr = Field(description=F.FORMAT_ID.zh)
    name: StrictStr = Field(description=F.FORMAT_NAME.zh)
    notice: StrictStr = Field(description=F.FORMAT_NOTICE.zh)
    years: Years = Field(description=F.FORMAT_YEARS.zh)
    parts: tuple[PartDef, ...] = Field(min_length=1, description=F.FORMAT_PARTS.zh)
    tables: dict[Key, TableDef] = Field(min_length=1, description=F.FORMAT_TABLES.zh)
    identities: tuple[IdentityDef, ...] = Field((), description=F.FORMAT_IDENTITIES.zh)
    narrative: tuple[NarrativeDef, ...] = Field((), description=F.FORMAT_NARRATIVE.zh)
    unpaid_fees_cell: CellDef | None = Field(None, description=F.FORMAT_UNPAID_FEES.zh)
    concepts: ConceptsDef = Field(default_factory=ConceptsDef, description=F.FORMAT_CONCEPTS.zh)

    def build(self) -> Format:
        tables = {key: t.build(key) for key, t in self.tables.items()}
        return Format(
            id=self.id, name=self.name, notice=self.notice, first_year=self.years[0], last_year=self.years[1],
            parts=tuple(p.build() for p in self.parts), tables=tuple(tables.values()),
            identities=tuple(i.build(tables) for i in self.identities),
            narrative=tuple(n.build() for n in self.narrative),
            unpaid_fees_cell=self.unpaid_fees_cell.build() if self.unpaid_fees_cell else None,
            concepts=self.concepts.build(tables),
        )


@dataclass(frozen=True)
class Fault:
    """One thing wrong in a definition, at a key path; the loader places it on a line."""

    path: DataPath
    message: str
    expected: str = ""
    found: str = ""
    hint: str = ""
    at_key: bool = False  # point at the key itself (an unknown key), not at its value
    first: DataPath | None = None  # for a duplicate: where the first one is


def close_match(wrong: str, allowed: typing.Iterable[str]) -> str:
    """'Did you mean' for a format file's key, by spelling alone: a format author's keys have no
    official labels to match, and difflib's default cutoff suits their short English words."""
    close = spelled_like(wrong, allowed, cutoff=0.6, n=1)
    return F.DID_YOU_MEAN(option=close[0]) if close else ""


def validation_faults(exc: ValidationError) -> list[Fault]:
    """pydantic's errors, in words a maintainer of the format files acts on."""
    faults = []
    for err in exc.errors():
        loc: DataPath = tuple(k for k in err["loc"] if k != "[key]")
        kind = err["type"]
        ctx = err.get("ctx") or {}
        annotation, info = _walk(loc)
        described = F.described(info.description or "") if info is not None else ""
        found = shown(err.get("input"))
        if kind == "extra_forbidden":
            allowed = _fields_at(loc[:-1])
            faults.append(Fault(loc, F.UNKNOWN_KEY(key=loc[-1]), F.ONE_OF(options=F.LIST_JOIN().join(allowed)),
                                str(loc[-1]), close_match(str(loc[-1]), allowed), at_key=True))
        elif kind == "missing":
            missing = F.MISSING_ITEM(index=loc[-1] + 1) if isinstance(loc[-1], int) else F.MISSING_KEY(key=loc[-1])
            faults.append(Fault(loc, missing, described))
        elif "[key]" in err["loc"]:
            faults.append(Fault(loc, F.BAD_KEY(), described, str(loc[-1]), at_key=True))
        elif kind == "literal_error":
            allowed = typing.get_args(annotation) if typing.get_origin(annotation) is Literal else ()
            expected = (F.ONE_OF(options=F.LIST_JOIN().join(repr(a) for a in allowed)) if allowed
                        else str(ctx.get("expected", "")))
            faults.append(Fault(loc, F.NOT_ALLOWED(), expected, found,
                                close_match(str(err.get("input")), map(str, allowed))))
        elif kind == "value_error":
            faults.append(Fault(loc, str(ctx.get("error", err["msg"])), described, found))
        elif kind == "too_short" and len(err.get("input") or ()) >= ctx.get("min_length", 0):
            continue  # long enough as written: only its items are wrong, and they have their own faults
        elif kind in F.TYPE_EXPECTED:
            faults.append(Fault(loc, F.WRONG_TYPE(), F.TYPE_EXPECTED[kind](**ctx, described=described), found))
        else:  # a rarer pydantic error: its own (English) words are still precise
            faults.append(Fault(loc, F.OTHER(error=err["msg"]), described, found))
    return faults


def shown(value: Any) -> str:
    """A value as a message quotes it: what YAML made of it, and short."""
    if value is None:
        return F.SHOWN_NULL()
    if isinstance(value, bool):
        return F.SHOWN_BOOL(value=str(value).lower())
    if isinstance(value, int | float):
        return F.SHOWN_NUMBER(value=value)
    if isinstance(value, dict):
        return F.SHOWN_MAPPING()
    if isinstance(value, list | tuple):
        return F.SHOWN_LIST()
    text = str(value)
    return F.SHOWN_TEXT(text=f"{text[:60]}…" if len(text) > 60 else text)


def _unwrap(tp: Any) -> Any:
    while True:
        origin = typing.get_origin(tp)
        if origin is Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (Union, types.UnionType):
            tp = next(a for a in typing.get_args(tp) if a is not type(None))
        else:
            return tp


def _walk(loc: DataPath) -> tuple[Any, Any]:
    """(type at loc, pydantic FieldInfo of the last model field on the way) in FormatDef."""
    tp: Any = FormatDef
    info = None
    for key in loc:
        tp = _unwrap(tp)
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel) and isinstance(key, str) and key in tp.model_fields:
            info = tp.model_fields[key]
            tp = info.annotation
        elif origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            tp = args[0]
        elif origin is tuple and isinstance(key, int) and key < len(args):
            tp = args[key]
        elif origin is dict:
            tp = args[1]
        else:
            return None, info
    return _unwrap(tp), info


def _fields_at(loc: DataPath) -> tuple[str, ...]:
    tp, _ = _walk(loc)
    return tuple(tp.model_fields) if isinstance(tp, type) and issubclass(tp, BaseModel) else ()
