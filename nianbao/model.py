"""The typed, frozen model of a body and its reports.

Pydantic checks the shape of everything but the statutory tables (unknown keys, types, dates);
the tables are checked against the format definitions in ``tables.py``. After loading, no code
reads raw YAML again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Literal, cast

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from .cells import Cell
from .formats import Format, all_formats

LEVELS = ("乡镇/街道", "区县部门", "区县政府", "市级部门", "市政府", "省级部门", "省政府", "国务院部门")
Level = Literal["乡镇/街道", "区县部门", "区县政府", "市级部门", "市政府", "省级部门", "省政府", "国务院部门"]
# Governments publish their own report by 31 March (条例 art. 49); everyone else by 31 January.
GOVERNMENT_LEVELS = frozenset({"区县政府", "市政府", "省政府"})
PART_KEYS = ("一", "二", "三", "四", "五", "六")
PartKey = Literal["一", "二", "三", "四", "五", "六"]


def _web_address(value: str) -> str:
    if not re.fullmatch(r"https?://[^\s<>\"']+", value):
        raise ValueError("expected a web address starting with http:// or https://")
    return value


def _email(value: str) -> str:
    if not re.fullmatch(r"[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+", value):
        raise ValueError("expected an e-mail address such as xxgk@example.gov.cn")
    return value


def _region_name(value: str) -> str:
    # Region names become folders of the site's region pages.
    if re.search(r"[/\\:*?\"<>|#%]", value) or value in (".", ".."):
        raise ValueError("expected a region name such as 南岗区, without / \\ : * ? \" < > | # %")
    return value


def _postcode(value: str) -> str:
    if not re.fullmatch(r"\d{6}", value):
        raise ValueError("expected a six-digit postcode such as 150000")
    return value


WebAddress = Annotated[str, AfterValidator(_web_address)]
Email = Annotated[str, AfterValidator(_email)]
Postcode = Annotated[str, AfterValidator(_postcode)]
Text = Annotated[str, Field(min_length=1)]
RegionName = Annotated[str, Field(min_length=1), AfterValidator(_region_name)]


def _format_id(value: str) -> str:
    ids = [f.id for f in all_formats()]
    if value not in ids:
        raise ValueError(f"expected one of the formats {', '.join(ids)}")
    return value


FormatId = Annotated[str, AfterValidator(_format_id)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Contact(_Model):
    """How citizens reach the body's 政府信息公开 office. Every field is optional: never invent one."""

    office: Text | None = Field(None, description="承办机构，如 行政办")
    address: Text | None = Field(None, description="地址")
    postcode: Postcode | None = Field(None, description="邮编（六位数字）")
    phone: Text | None = Field(None, description="电话")
    fax: Text | None = Field(None, description="传真")
    email: Email | None = Field(None, description="电子邮箱")


class ContactChange(Contact):
    since: int = Field(description="从哪一年度的报告起使用这些联系方式", ge=2008, le=2100)


class Body(_Model):
    """data/<body>/body.yml: a body (机关) that publishes reports."""

    name: Text = Field(description="机关全称，如 南岗区王岗镇人民政府")
    short_name: Text | None = Field(None, description="简称，如 王岗镇")
    level: Level = Field(description="层级：" + "、".join(LEVELS))
    region: list[RegionName] = Field(
        min_length=1, description="所在行政区划，由大到小，如 [黑龙江省, 哈尔滨市, 南岗区]"
    )
    website: WebAddress | None = Field(None, description="网站")
    contact: Contact = Field(default_factory=Contact, description="联系方式")
    contact_changes: list[ContactChange] = Field(
        default_factory=list, description="联系方式变更：since 年度起，列出的字段替换 contact 中的字段"
    )

    def contact_for(self, year: int) -> Contact:
        """The contact details in force for a report year: later changes override earlier ones."""
        merged = self.contact.model_dump()
        for change in sorted(self.contact_changes, key=lambda c: c.since):
            if change.since <= year:
                merged.update({k: v for k, v in change.model_dump(exclude={"since"}).items() if v is not None})
        return Contact(**merged)

    @property
    def display_name(self) -> str:
        return self.short_name or self.name


class Section(_Model):
    heading: Text = Field(description="小标题，照原文，如 （一）主动公开")
    text: str | None = Field(None, description="正文，一行一段")


class Fees(_Model):
    """2021 format, part 六: 信息处理费 (国办函〔2020〕109号), amounts in 元."""

    notices_count: int | None = Field(None, ge=0, description="发出收费通知的件数")
    notices_amount_yuan: Decimal | None = Field(None, ge=0, description="发出收费通知的总金额（元）")
    collected_amount_yuan: Decimal | None = Field(None, ge=0, description="实际收取的总金额（元）")


class Part(_Model):
    heading: Text = Field(description="标题，照原文，不含序号，如 政府信息公开总体情况")
    text: str | None = Field(None, description="正文，一行一段")
    sections: list[Section] = Field(default_factory=list, description="小节")
    fees: Fees | None = Field(None, description="（2021年格式，第六部分）信息处理费")


class Acknowledgement(_Model):
    rule: Text = Field(description="核对规则编号，如 T3.1")
    cells: Text = Field(description="涉及的单元格，照核对结果给出的写，如 applications.*.natural_person")
    reason: Text = Field(description="理由，如 与原文一致")


class ReportMeta(_Model):
    """Everything in data/<body>/<year>.yml except the statutory tables."""

    format: FormatId = Field(
        description="报告实际使用的格式：" + "；".join(f"{f.id}（{f.notice}）" for f in all_formats()),
        json_schema_extra={"enum": [f.id for f in all_formats()]},
    )
    title: Text | None = Field(None, description="标题，照原文")
    published: date = Field(description="发布日期，如 2021-01-26")
    signed_by: Text | None = Field(None, description="落款单位")
    source_url: WebAddress | None = Field(None, description="原文网址")
    preamble: str | None = Field(None, description="引言（报告开头的说明），一行一段")
    parts: dict[PartKey, Part] = Field(default_factory=dict, description="正文各部分，键为 一 至 六")
    acknowledged: list[Acknowledgement] = Field(
        default_factory=list, description="已确认的核对结果：报告照原文发布，数据核对中仍显示"
    )
    unplaced: list[str] = Field(default_factory=list, description="导入时未能归位的原文内容，待人工处理")

    def part(self, key: str) -> Part | None:
        return cast(dict[str, Part], self.parts).get(key)


# Values of one statutory table: dotted row key → the row's cells in column order.
TableValues = dict[str, tuple[Cell, ...]]


@dataclass(frozen=True)
class Report:
    body: str  # the body's slug
    year: int
    file: str  # as shown in messages
    format: Format
    meta: ReportMeta
    tables: dict[str, TableValues] = field(default_factory=dict)
    # The file it was read from, re-read to place a finding on its line; not part of the data.
    path: Path | None = field(default=None, compare=False, repr=False)

    def cell(self, table: str, row: str, column: str) -> Cell | None:
        """The cell at (row, column), or None when this report's format has no such cell."""
        values = self.tables.get(table)
        cells = values.get(row) if values is not None else None
        if cells is None:
            return None
        index = self.format.table(table).cell_index.get((row, column))
        return None if index is None else cells[index]
