"""The open data's words: field names and titles of the CSV and JSON files, the three states of a
cell, the package's descriptions. The Chinese is what the files carry (a supervisor opens them in
Excel); the English says what each is, for developers."""

from __future__ import annotations

from .core import Text as T

# --- the tidy table: one row per cell ------------------------------------------------------------
F_BODY = T("机关编号", "body id (its folder name)")
F_BODY_NAME = T("机关名称", "body name")
F_LEVEL = T("层级", "level")
F_REGION = T("地区", "region, largest first, joined by /")
F_YEAR = T("年度", "report year")
F_FORMAT = T("格式", "statutory format (2019 or 2021)")
F_TABLE = T("表格键", "table key")
F_TABLE_LABEL = T("表格", "table")
F_ROW = T("行键", "row key")
F_ROW_LABEL = T("行", "row label, outermost group first")
F_COLUMN = T("列键", "column key")
F_COLUMN_LABEL = T("列", "column label, outermost group first")
F_VALUE = T("数值", "the number; empty when the cell is not a number (see 状态)")
F_STATUS = T("状态", "数字, 未填写 (not stated) or 不适用")
F_TEXT = T("原文", "the cell as published (+1, 461.7 万元)")
F_UNIT = T("单位", "unit, where the cell gives one")
F_CONCEPT = T("可比概念", "the concept shared with the other format, where there is one")
F_REVISED = T("修订日期", "the dates of the revisions (修订记录) that changed the cell, joined by 、; empty if none")
F_FIRST_PUBLISHED = T("原公布", "a revised cell as first published (a number as printed, 未填写 or 不适用); empty if "
                      "never revised")
LABEL_JOIN = T(" / ", " / ")

STATUS_NUMBER = T("数字", "number")
STATUS_BLANK = T("未填写", "not stated")
STATUS_NA = T("不适用", "not applicable")

# --- the package ---------------------------------------------------------------------------------
PACKAGE_TITLE = T("政府信息公开工作年度报告统计数据", "Government information disclosure annual reports: figures")
PACKAGE_DESCRIPTION = T(
    "各机关政府信息公开工作年度报告三张统计表的全部数字，每格一行。“状态”一栏区分数字、未填写（报告中空着）"
    "和不适用，三者不同：未填写不是 0。",
    "Every cell of the reports' three statutory tables, one row per cell; 状态 tells a number from a cell the "
    "report left blank and from 不适用.")
REPORT_PACKAGE_TITLE = T("{name} {year} 年度政府信息公开工作年度报告统计数据", "{name}: figures of the {year} report")
CELLS_TITLE = T("全部单元格（每格一行）", "every cell, one row per cell")
TABLE_TITLE = T("{caption}（按原表的行和列）", "{caption}, in the table's own rows and columns")
WORKBOOK_TITLE = T("三张统计表（Excel，按原表格式）", "the three tables as a workbook, in their official layout")
JSON_TITLE = T("全部单元格（JSON）", "every cell (JSON)")
LICENSE_TITLE = T("政府信息公开，依《中华人民共和国政府信息公开条例》公开", "public information under the regulations")
SOURCE_TITLE = T("各机关发布的政府信息公开工作年度报告", "the annual reports as published by each body")
# The catalogue block China's open-data portals read (DB37/T 2885-2016 core metadata).
CATALOGUE_NAME = T("名称", "name")
CATALOGUE_SUMMARY = T("摘要", "summary")
CATALOGUE_PROVIDER = T("提供方", "provider")
CATALOGUE_PUBLISHED = T("发布日期", "published")
CATALOGUE_UPDATED = T("更新日期", "updated")
CATALOGUE_FORMAT = T("格式", "format")
CATALOGUE_PROVIDERS = T("{count} 个机关", "{count} bodies")

# --- python -m nianbao export OUT -------------------------------------------------------------------
EXPORT_NOT_FOLDER = T("{out} 不是文件夹：请换一个文件夹名", "{out} is not a folder: name another")
EXPORT_NOT_OURS = T("{out} 里已有别的文件，不是上次导出的开放数据（没有 {package}）：导出会整个替换这个文件夹，请换一个"
                    "不存在的或空的文件夹",
                    "{out} holds other files and no {package}: the export replaces the folder as a whole, name a "
                    "missing or empty one")
EXPORT_WROTE = T("已写出开放数据：{reports} 份报告，共 {files} 个文件，在 {out}/", "wrote the open data: {reports} "
                 "report(s), {files} file(s), in {out}/")
EXPORT_FAILED = T("开放数据没有写出：{error}", "the open data was not written: {error}")
