"""The typed, frozen model of a body and its reports.

Pydantic checks the shape of everything but the statutory tables (unknown keys, types, dates);
the tables are checked against the format definitions in ``table_values.py``. After loading, no code
reads raw YAML again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Literal, cast, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .catalogue import messages
from .cells import Cell
from .formats import Format, all_formats
from .numerals import PartKey
from .paths import SLUG, region_name_problem
from .text import NAME_MAX, REGION_MAX, TEXT_MAX, TITLE_MAX, char_name, first_forbidden

# The levels of a body, written once: the Literal types body.yml's level, LEVELS is read from it.
Level = Literal["乡镇/街道", "区县部门", "区县政府", "市级部门", "市政府", "省级部门", "省政府", "国务院部门"]
LEVELS: tuple[str, ...] = get_args(Level)
# Governments publish their own report by 31 March (条例 art. 49); everyone else by 31 January.
GOVERNMENT_LEVELS = frozenset({"区县政府", "市政府", "省政府"})
FIRST_YEAR = 2008  # the first 条例 took effect in 2008
LAST_YEAR = 2100  # dates and deadlines stay computable; a later year is a typo


def _plain(value: str, limit: int) -> str:
    """Text a reader can see as it is: no control, bidi or other invisible character, not too long."""
    found = first_forbidden(value)
    if found is not None:
        index, ch = found
        shown = messages.AT_CHARACTER(char=char_name(ch), index=index + 1)
        raise PydanticCustomError("invisible_char", "{char}", {"char": shown})
    if len(value) > limit:
        raise PydanticCustomError("too_long", "{length}", {"limit": f"{limit:,}", "length": f"{len(value):,}"})
    return value


def _one_line(limit: int) -> AfterValidator:
    def check(value: str) -> str:
        if "\n" in value or "\r" in value:
            raise PydanticCustomError("one_line", "one line")
        return _plain(value, limit)

    return AfterValidator(check)


def _published(value: object) -> object:
    """A publication date written as YYYY-MM-DD, within 2000–2100: never a number of seconds."""
    if isinstance(value, date):
        return value
    text = str(value).strip()
    chinese = re.fullmatch(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", text)
    if chinese:
        # Refused, not read: the file keeps one spelling of dates, the one the JSON Schema states.
        iso = "-".join((chinese[1], chinese[2].zfill(2), chinese[3].zfill(2)))
        raise PydanticCustomError("date", "{what}", {"what": messages.DATE_CHINESE(iso=iso, text=text)})
    if not re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
        raise PydanticCustomError("date", "{what}", {"what": messages.DATE_SHAPE()})
    year, month, day = (int(part) for part in text.split("-"))
    if not 2000 <= year <= 2100:
        raise PydanticCustomError("date", "{what}", {"what": messages.DATE_YEAR(year=year)})
    try:
        return date(year, month, day)
    except ValueError:
        raise PydanticCustomError("date", "{what}", {"what": messages.DATE_NO_SUCH_DAY(text=text)}) from None


def _web_address(value: str) -> str:
    if not re.fullmatch(r"https?://[^\s<>\"']+", value):
        raise PydanticCustomError("invalid", "{expected}", {"expected": messages.EXPECT_WEB()})
    return value


def _email(value: str) -> str:
    if not re.fullmatch(r"[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+", value):
        raise PydanticCustomError("invalid", "{expected}", {"expected": messages.EXPECT_EMAIL()})
    return value


def _region_name(value: str) -> str:
    # Region names become folders of the site's region pages.
    problem = region_name_problem(value)
    if problem:
        raise PydanticCustomError("region_name", "{problem}", {"problem": problem})
    return value


def _postcode(value: str) -> str:
    if not re.fullmatch(r"\d{6}", value):
        raise PydanticCustomError("invalid", "{expected}", {"expected": messages.EXPECT_POSTCODE()})
    return value


WebAddress = Annotated[str, _one_line(2000), AfterValidator(_web_address)]
Email = Annotated[str, _one_line(NAME_MAX), AfterValidator(_email)]
Postcode = Annotated[str, AfterValidator(_postcode)]
# One-line fields (names, headings, contact details) and prose (one paragraph a line).
Name = Annotated[str, Field(min_length=1), _one_line(NAME_MAX)]
Title = Annotated[str, Field(min_length=1), _one_line(TITLE_MAX)]
Prose = Annotated[str, AfterValidator(lambda value: _plain(value, TEXT_MAX))]
RegionName = Annotated[str, Field(min_length=1), _one_line(REGION_MAX), AfterValidator(_region_name)]
PublishedDate = Annotated[date, BeforeValidator(_published)]


def _format_id(value: str) -> str:
    ids = [f.id for f in all_formats()]
    if value not in ids:
        raise PydanticCustomError("invalid", "{expected}", {"expected": messages.EXPECT_FORMAT(ids="、".join(ids))})
    return value


FormatId = Annotated[str, AfterValidator(_format_id)]


def _slug(value: str) -> str:
    if not SLUG.fullmatch(value):
        raise PydanticCustomError("invalid", "{expected}", {"expected": messages.EXPECT_SLUG()})
    return value


# A report year, as the file names and body.yml's registry fields write it.
Year = Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)]
BodySlug = Annotated[str, AfterValidator(_slug)]
Reason = Annotated[str, Field(min_length=1), _one_line(1000)]
# A year as a mapping key (exempt:), as the JSON Schema states it: FIRST_YEAR to LAST_YEAR.
_YEAR_KEY = "^(200[89]|20[1-9][0-9]|2100)$"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Contact(_Model):
    """How citizens reach the body's 政府信息公开 office. Every field is optional: never invent one."""

    office: Name | None = Field(None, description="承办机构，如 行政办")
    address: Name | None = Field(None, description="地址")
    postcode: Postcode | None = Field(None, description="邮编（六位数字）")
    phone: Name | None = Field(None, description="电话")
    fax: Name | None = Field(None, description="传真")
    email: Email | None = Field(None, description="电子邮箱")


class ContactChange(Contact):
    since: int = Field(description="从哪一年度的报告起使用这些联系方式", ge=FIRST_YEAR, le=LAST_YEAR)


class FormerName(_Model):
    """A name the body had before: the reports up to ``until`` were published under it."""

    name: Name = Field(description="曾用名（全称），如 南岗区王岗乡人民政府")
    until: Year = Field(description="用这个名称发布的最后一个年度，如 2019")


class Body(_Model):
    """data/<body>/body.yml: a body (机关) that publishes reports."""

    name: Name = Field(description="机关全称，如 南岗区王岗镇人民政府")
    short_name: Name | None = Field(None, description="简称，如 王岗镇")
    level: Level = Field(description="层级：" + "、".join(LEVELS))
    region: list[RegionName] = Field(
        min_length=1, description="所在行政区划，由大到小，如 [黑龙江省, 哈尔滨市, 南岗区]"
    )
    website: WebAddress | None = Field(None, description="网站")
    contact: Contact = Field(default_factory=Contact, description="联系方式")
    contact_changes: list[ContactChange] = Field(
        default_factory=list, description="联系方式变更：since 年度起，列出的字段替换 contact 中的字段"
    )
    # The registry (机关名录): which years the body must report. Every field is optional, so a
    # body.yml without them reads as before; the quality indicators read them.
    former_names: list[FormerName] = Field(
        default_factory=list,
        description="曾用名：每项写名称和用到哪一年度（until），如 {name: 王岗乡人民政府, until: 2019}",
    )
    parent: BodySlug | None = Field(None, description="上级机关的文件夹名，如 nangang-qu；须是 data/ 里的另一个机关",
                                    json_schema_extra={"pattern": f"^{SLUG.pattern}$"})
    since: Year | None = Field(None, description="机关从哪一年度起存在、须报告（含这一年度），如 2019")
    until: Year | None = Field(None, description="机关存在、须报告的最后一个年度（撤销或合并时填写），如 2023")
    exempt: dict[Year, Reason] = Field(
        default_factory=dict, description="免于报告的年度及理由，如 2020: 机构改革期间职能划转，未单独报告",
        json_schema_extra={"propertyNames": {"pattern": _YEAR_KEY}},
    )

    @field_validator("until")
    @classmethod
    def _until_after_since(cls, until: int | None, info: ValidationInfo) -> int | None:
        since = info.data.get("since")
        if until is not None and since is not None and until < since:
            raise PydanticCustomError("invalid", "{expected}", {"expected": messages.EXPECT_UNTIL(since=since)})
        return until

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

    def name_for(self, year: int) -> str:
        """The name the body's report of a year was published under: the first former name used
        until that year or later, else today's."""
        for former in sorted(self.former_names, key=lambda f: f.until):
            if year <= former.until:
                return former.name
        return self.name

    def exists_in(self, year: int) -> bool:
        """Whether the registry has the body exist in a year (no since or until: no bound)."""
        return (self.since is None or self.since <= year) and (self.until is None or year <= self.until)


class Section(_Model):
    heading: Name = Field(description="小标题，照原文，如 （一）主动公开")
    text: Prose | None = Field(None, description="正文，一行一段")


class Fees(_Model):
    """2021 format, part 六: 信息处理费 (国办函〔2020〕109号), amounts in 元."""

    # Bounded like table cells (cells.MAX_DIGITS): a longer figure is a typo, and Python cannot
    # print an integer of more than 4,300 digits.
    notices_count: int | None = Field(None, ge=0, lt=10**15, description="发出收费通知的件数")
    notices_amount_yuan: Decimal | None = Field(None, ge=0, lt=10**15, description="发出收费通知的总金额（元）")
    collected_amount_yuan: Decimal | None = Field(None, ge=0, lt=10**15, description="实际收取的总金额（元）")


class Part(_Model):
    heading: Name = Field(description="标题，照原文，不含序号，如 政府信息公开总体情况")
    text: Prose | None = Field(None, description="正文，一行一段")
    sections: list[Section] = Field(default_factory=list, description="小节")
    fees: Fees | None = Field(None, description="（2021年格式，第六部分）信息处理费")


class Acknowledgement(_Model):
    rule: Name = Field(description="核对规则编号，如 T3.1")
    cells: Name = Field(description="涉及的单元格，照核对结果给出的写，如 applications.*.natural_person")
    reason: Annotated[str, Field(min_length=1), _one_line(1000)] = Field(description="理由，如 与原文一致")


# A value as first published. The loader keeps every scalar text (None for ~), and the checks read
# it with the grammar of the cell it names (cells.parse_cell) or as the part's text; an editor
# reads 48 as a number, so the schema admits what a table cell or a text may be.
OldValue = Annotated[
    Prose | None,
    WithJsonSchema({"anyOf": [{"type": "integer"}, {"type": "number"}, {"type": "string"}, {"type": "null"}],
                    "description": "修订前的值：单元格照表格的写法（数字；~ 未填写；不适用），正文照原文"}),
]


class RevisionChange(_Model):
    """One cell, or one part's text, that a revision changed; the value now is the report's own."""

    # Either a cell or a part, never both: the schema says so to an editor, the validator to check.
    model_config = ConfigDict(**_Model.model_config,
                              json_schema_extra={"oneOf": [{"required": ["cell"]}, {"required": ["part"]}]})

    cell: Name | None = Field(None, description="改动的单元格：表.行.栏，如 applications.results.total.natural_person")
    part: PartKey | None = Field(None, description="改动了正文的部分：一 至 六")
    old: OldValue = Field(description="修订前的值：单元格照表格的写法（数字；~ 未填写；不适用），正文照原文")

    @model_validator(mode="after")
    def _one_target(self) -> RevisionChange:
        if (self.cell is None) == (self.part is None):
            raise PydanticCustomError("invalid", "{expected}", {"expected": messages.EXPECT_REVISION_TARGET()})
        return self


class Revision(_Model):
    """A correction of the published report (修订记录): when, why, and what it was before."""

    date: PublishedDate = Field(description="修订日期，如 2022-03-15")
    reason: Annotated[str, Field(min_length=1), _one_line(1000)] = Field(description="修订理由，如 原表格数字录入有误")
    changes: list[RevisionChange] = Field(min_length=1, description="改动之处，每处写明修订前的值")


class ReportMeta(_Model):
    """Everything in data/<body>/<year>.yml except the statutory tables."""

    format: FormatId = Field(
        description="报告实际使用的格式：" + "；".join(f"{f.id}（{f.notice}）" for f in all_formats()),
        json_schema_extra={"enum": [f.id for f in all_formats()]},
    )
    title: Title | None = Field(None, description="标题，照原文")
    # Optional: a report is written before it is published (python -m nianbao new), and its date
    # is known only then. Not stated, it is a warning (D.3), so a draft previews but does not deploy.
    published: PublishedDate | None = Field(None, description="发布日期，如 2021-01-26；报告公布后填写")
    signed_by: Name | None = Field(None, description="落款单位")
    source_url: WebAddress | None = Field(None, description="原文网址")
    preamble: Prose | None = Field(None, description="引言（报告开头的说明），一行一段")
    parts: dict[PartKey, Part] = Field(default_factory=dict, description="正文各部分，键为 一 至 六")
    revisions: list[Revision] = Field(
        default_factory=list,
        description="修订记录：报告公开后更正的数字或正文；表格和正文写更正后的值，这里写原值和理由",
    )
    acknowledged: list[Acknowledgement] = Field(
        default_factory=list, description="已确认的核对结果：报告照原文发布，数据核对中仍显示"
    )
    unplaced: list[Prose] = Field(default_factory=list, description="导入时未能归位的原文内容，待人工处理")

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
