"""datapackage.json (Data Package v2) for the site's figures and for each report: a Table Schema
for every CSV, the licence and sources, and the catalogue block China's open-data portals read
(名称, 摘要, 提供方, 发布日期, 更新日期, 格式)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..catalogue import opendata as W
from ..formats import Table
from .records import FIELDS, STATUS
from .wide import header

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
_TYPES = {W.F_YEAR.zh: "integer", W.F_VALUE.zh: "number"}


def cells_schema() -> dict[str, Any]:
    """The tidy table's schema: 数值 a number (missing when the cell is not one), 状态 one of three."""
    fields: list[dict[str, Any]] = []
    for f in FIELDS:
        field: dict[str, Any] = {"name": f.zh, "type": _TYPES.get(f.zh, "string"), "description": f.en}
        if f is W.F_STATUS:
            field["constraints"] = {"required": True, "enum": [s.zh for s in STATUS.values()]}
        fields.append(field)
    return {"fields": fields, "missingValues": [""],
            "primaryKey": [W.F_BODY.zh, W.F_YEAR.zh, W.F_TABLE.zh, W.F_ROW.zh, W.F_COLUMN.zh]}


def table_schema(table: Table) -> dict[str, Any]:
    """A wide table's schema: every cell a string, as it reads (a number, 未填写, 不适用, or empty
    where the row has no such column)."""
    names = header(table)
    return {"fields": [{"name": n, "type": "string"} for n in names], "missingValues": [],
            "primaryKey": [names[0]]}


def csv_resource(name: str, path: str, title: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"name": name, "type": "table", "path": path, "title": title, "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8", "dialect": {"delimiter": ",", "header": True}, "schema": schema}


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def file_resource(name: str, path: str, title: str, fmt: str, mediatype: str) -> dict[str, Any]:
    # A file to download, not a table to validate: a workbook's sheets are laid out for reading.
    return {"name": name, "type": "file", "path": path, "title": title, "format": fmt, "mediatype": mediatype}


def json_resource(name: str, path: str, title: str) -> dict[str, Any]:
    return {"name": name, "path": path, "title": title, "format": "json", "mediatype": "application/json",
            "encoding": "utf-8"}


def package(name: str, title: str, resources: list[dict[str, Any]], providers: int, published: date | None,
            updated: date | None) -> dict[str, Any]:
    """The descriptor; its dates are the reports' publication dates (none for a draft not yet dated),
    never the day of the build, so the same data gives the same file."""
    formats = sorted({r["format"].upper() for r in resources})
    dated = {"version": updated.isoformat(), "created": f"{updated.isoformat()}T00:00:00Z"} if updated else {}
    return {
        "$schema": PROFILE,
        "name": name,
        "title": title,
        "description": W.PACKAGE_DESCRIPTION.zh,
        **dated,
        "licenses": [{"name": "other-pd", "title": W.LICENSE_TITLE.zh}],
        "sources": [{"title": W.SOURCE_TITLE.zh}],
        "resources": resources,
        # Read by China's open-data catalogues (DB37/T 2885-2016 core metadata); ignored by others.
        "catalogue": {
            W.CATALOGUE_NAME.zh: title,
            W.CATALOGUE_SUMMARY.zh: W.PACKAGE_DESCRIPTION.zh,
            W.CATALOGUE_PROVIDER.zh: W.CATALOGUE_PROVIDERS.zh.format(count=providers),
            W.CATALOGUE_PUBLISHED.zh: published.isoformat() if published else "",
            W.CATALOGUE_UPDATED.zh: updated.isoformat() if updated else "",
            W.CATALOGUE_FORMAT.zh: "、".join(formats),
        },
    }
