"""What a format file may say: the pydantic models a definition is validated against, then built from.

The models refuse unknown keys and wrong types (a ``knid:`` or an ``opp:`` would otherwise load
silently); whether the keys an identity names exist is checked afterwards, in references.py.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr, ValidationError, field_validator

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
Key = Annotated[StrictStr, Field(pattern=KEY_PATTERN, description="键：小写字母、数字和下划线，以字母开头")]
# A summand of an identity (objects.Term): "-" subtracts, "prev:" reads last year's report, "x.*" every row under x.
TermText = Annotated[StrictStr, Field(pattern=r"^-?(prev:)?[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*(\.\*)?$")]
_TERM = "行或列的键（如 results.total），可加前缀 -（减去）、prev:（取上年报告），x.* 表示 x 下其余各行"


Years = tuple[StrictInt, StrictInt | None]


class _Definition(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NodeDef(_Definition):
    label: StrictStr = Field(description="官方标签（全角标点）")
    key: Key = Field("", description="键（小写字母、数字和下划线）")
    children: tuple[NodeDef, ...] = Field((), description="下级行或列")
    kind: CellKind = Field("count", description="单元格的数值类型")
    unit: StrictStr = Field("", description="单位")
    span: StrictInt = Field(1, ge=1, description="占几列网格")
    variants: tuple[StrictStr, ...] = Field((), description="报告中也见到的其他写法")

    def build(self) -> Node:
        return Node(self.label, self.key, tuple(c.build() for c in self.children), self.kind, self.unit,
                    self.span, self.variants)


class BlockDef(_Definition):
    columns: tuple[NodeDef, ...] = Field(min_length=1, description="列")
    rows: tuple[NodeDef, ...] = Field(min_length=1, description="行")
    band: StrictStr = Field("", description="块的标题行，如 第二十条第（一）项")
    corner: StrictStr = Field("", description="左上角单元格的文字")
    layout: Layout = Field("grid", description="排版")

    def build(self) -> Block:
        return Block(tuple(c.build() for c in self.columns), tuple(r.build() for r in self.rows), self.band,
                     self.corner, self.layout)


class TableDef(_Definition):
    caption: StrictStr = Field(description="表的标题")
    blocks: tuple[BlockDef, ...] = Field(min_length=1, description="表头和表身组成的块")

    def build(self, key: str) -> Table:
        return Table(key, self.caption, tuple(b.build() for b in self.blocks))


class PartDef(_Definition):
    key: StrictStr = Field(description="部分的序号：一 … 六")
    heading: StrictStr = Field(description="部分的标题")
    phrases: tuple[StrictStr, ...] = Field(min_length=1, description="标题中应有的词语")
    table: StrictStr = Field("", description="本部分的表（tables 下的键）")
    fees: StrictBool = Field(False, description="信息处理费是否在本部分报告")

    def build(self) -> Part:
        return Part(self.key, self.heading, self.phrases, self.table, self.fees)


class IdentityDef(_Definition):
    id: StrictStr = Field(description="恒等式编号，如 T3.1（format-spec §6）")
    status: Status = Field(description="依据：stated（格式写明）、implied（格式蕴含）、heuristic（经验）")
    table: StrictStr = Field(description="所在的表（tables 下的键）")
    each: Each = Field(description="按行（row）还是按列（column）逐一检查")
    lhs: tuple[TermText, ...] = Field(min_length=1, description=_TERM)
    rhs: tuple[TermText, ...] = Field(description=_TERM)
    rule: StrictStr = Field(description="规则的中文表述")
    op: Op = Field("=", description="比较")
    rows: tuple[StrictStr, ...] = Field((), description="each: row 时只查这些行")
    block: StrictStr = Field("", description="each: column 时所查的块，写块的标题行（band）；默认第一块")

    def build(self, tables: dict[str, Table]) -> Identity:
        # An unknown table or band builds as block 0: references.py reports it, so it never escapes.
        blocks = tables[self.table].blocks if self.table in tables else ()
        block = next((i for i, b in enumerate(blocks) if self.block and b.band == self.block), 0)
        return Identity(self.id, self.status, self.table, self.each, tuple(Term.parse(t) for t in self.lhs),
                        tuple(Term.parse(t) for t in self.rhs), self.rule, self.op, self.rows, block)


class CellDef(_Definition):
    table: StrictStr = Field(description="表（tables 下的键）")
    row: StrictStr = Field(description="行的键，用点连接，如 results.disclosed")
    column: StrictStr = Field(description="列的键")

    def build(self) -> CellRef:
        return CellRef(self.table, self.row, self.column)


class NarrativeDef(_Definition):
    name: StrictStr = Field(description="数字的中文名称，如 收到申请")
    pattern: StrictStr = Field(description="在正文中找这个数字的正则表达式，只有一个分组（数字）")
    cells: tuple[CellDef, ...] = Field(min_length=1, description="数字应等于这些单元格之和")
    extra: tuple[CellDef, ...] = Field((), description="或等于上述之和再加这些单元格")

    @field_validator("pattern")
    @classmethod
    def _one_group(cls, pattern: str) -> str:
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"正则表达式无法编译：{exc}") from None
        if compiled.groups != 1:
            raise ValueError(f"正则表达式应恰有一个分组（数字），实有 {compiled.groups} 个；其余分组请写成 (?:…)")
        return pattern

    def build(self) -> NarrativeFigure:
        return NarrativeFigure(self.name, re.compile(self.pattern), tuple(c.build() for c in self.cells),
                               tuple(c.build() for c in self.extra))


class FormatDef(_Definition):
    id: StrictStr = Field(description="格式编号（加引号的年份，如 \"2021\"）")
    name: StrictStr = Field(description="格式名称")
    notice: StrictStr = Field(description="发布格式的文号")
    years: Years = Field(description="适用的报告年度 [起, 止]，仍在用的写 [起, null]")
    parts: tuple[PartDef, ...] = Field(min_length=1, description="报告的各部分")
    tables: dict[Key, TableDef] = Field(min_length=1, description="表，键为表的键")
    identities: tuple[IdentityDef, ...] = Field((), description="勾稽关系")
    narrative: tuple[NarrativeDef, ...] = Field((), description="正文中与表格对应的数字（C.3）")
    unpaid_fees_cell: CellDef | None = Field(None, description="逾期未按收费通知缴费而不再处理的申请数所在的单元格")

    def build(self) -> Format:
        tables = {key: t.build(key) for key, t in self.tables.items()}
        return Format(
            id=self.id, name=self.name, notice=self.notice, first_year=self.years[0], last_year=self.years[1],
            parts=tuple(p.build() for p in self.parts), tables=tuple(tables.values()),
            identities=tuple(i.build(tables) for i in self.identities),
            narrative=tuple(n.build() for n in self.narrative),
            unpaid_fees_cell=self.unpaid_fees_cell.build() if self.unpaid_fees_cell else None,
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
    """A Chinese 'did you mean' (suggest.did_you_mean speaks English, to data maintainers)."""
    close = difflib.get_close_matches(wrong, list(allowed), n=1, cutoff=0.6)
    return f"是否想写“{close[0]}”？" if close else ""


def validation_faults(exc: ValidationError) -> list[Fault]:
    """pydantic's errors, in words a maintainer of the format files acts on."""
    faults = []
    for err in exc.errors():
        loc: DataPath = tuple(k for k in err["loc"] if k != "[key]")
        kind = err["type"]
        ctx = err.get("ctx") or {}
        annotation, info = _walk(loc)
        described = (info.description or "") if info is not None else ""
        found = shown(err.get("input"))
        if kind == "extra_forbidden":
            allowed = _fields_at(loc[:-1])
            faults.append(Fault(loc, f"未知的键“{loc[-1]}”", "、".join(allowed) + " 之一", str(loc[-1]),
                                close_match(str(loc[-1]), allowed), at_key=True))
        elif kind == "missing":
            what = f"第 {loc[-1] + 1} 项" if isinstance(loc[-1], int) else f"键“{loc[-1]}”"
            faults.append(Fault(loc, f"缺少{what}", described))
        elif "[key]" in err["loc"]:
            faults.append(Fault(loc, "键的写法不对", described, str(loc[-1]), at_key=True))
        elif kind == "literal_error":
            allowed = typing.get_args(annotation) if typing.get_origin(annotation) is Literal else ()
            expected = "、".join(repr(a) for a in allowed) + " 之一" if allowed else str(ctx.get("expected", ""))
            faults.append(Fault(loc, "取值不在允许的范围内", expected, found, close_match(str(err.get("input")),
                                                                                       map(str, allowed))))
        elif kind == "value_error":
            faults.append(Fault(loc, str(ctx.get("error", err["msg"])), described, found))
        elif kind == "too_short" and len(err.get("input") or ()) >= ctx.get("min_length", 0):
            continue  # long enough as written: only its items are wrong, and they have their own faults
        elif kind in _EXPECTED:
            faults.append(Fault(loc, "类型或写法不对", _EXPECTED[kind].format(**ctx, described=described), found))
        else:  # a rarer pydantic error: its own (English) words are still precise
            faults.append(Fault(loc, f"不合要求：{err['msg']}", described, found))
    return faults


_EXPECTED = {
    "string_type": "文本",
    "int_type": "整数",
    "bool_type": "true 或 false",
    "tuple_type": "列表",
    "list_type": "列表",
    "dict_type": "映射（键: 值）",
    "model_type": "映射（键: 值）",
    "string_pattern_mismatch": "{described}",
    "too_short": "至少 {min_length} 项",
    "too_long": "至多 {max_length} 项",
    "greater_than_equal": "不小于 {ge} 的整数",
}


def shown(value: Any) -> str:
    """A value as a message quotes it: what YAML made of it, and short."""
    if value is None:
        return "空值（null）"
    if isinstance(value, bool):
        return f"布尔值 {str(value).lower()}"
    if isinstance(value, int | float):
        return f"数字 {value}"
    if isinstance(value, dict):
        return "一个映射"
    if isinstance(value, list | tuple):
        return "一个列表"
    text = str(value)
    return f"“{text[:60]}…”" if len(text) > 60 else f"“{text}”"


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
