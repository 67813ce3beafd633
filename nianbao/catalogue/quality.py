"""What the supervisor's view (``python -m nianbao quality``) says: the detail of each of its
indicators' figures, the words of its table, and its command line's help.

Chinese first, English beside it.
"""

from __future__ import annotations

from .core import Text

T = Text

# --- published, years_missing ---------------------------------------------------------------------

PUBLISHED = T("已公布（{date} 发布）", "published ({date})")
PUBLISHED_NO_DATE = T("有这一年度的报告，但未填写发布日期（可能尚未公布）",
                      "there is a report for this year, but no publication date (perhaps not published yet)")
PUBLISHED_EXEMPT_TOO = T("{published}；这一年度本可免报：{reason}", "{published}; the year is exempt: {reason}")
PUBLISHED_OUTSIDE = T("{published}；body.yml 写明机关在这一年度不存在（见规则 B.1）",
                      "{published}; body.yml has the body not exist in this year (see rule B.1)")
MISSING = T("应报告而没有 {year} 年度的报告", "no report for {year}, which is due")
EXEMPT = T("免于报告：{reason}", "exempt: {reason}")
YEARS_MISSING = T("截至 {year} 年度，缺 {count} 个年度的报告：{years}",
                  "up to {year}, {count} years have no report: {years}")
YEARS_NONE_MISSING = T("截至 {year} 年度，应报告的 {count} 个年度都有报告", "up to {year}, all {count} years due have a report")
YEAR_ITEM = T("{year} 年度", "{year}")
JOIN = T("、", ", ")

# --- days_late ------------------------------------------------------------------------------------

ON_TIME = T("{published} 发布，期限 {deadline}（{level}），按期", "published {published}, deadline {deadline} ({level}): "
            "on time")
LATE = T("{published} 发布，期限 {deadline}（{level}），晚 {days} 天", "published {published}, deadline {deadline} "
         "({level}): {days} days late")
NO_DATE = T("未填写发布日期，不能与期限比较", "no publication date to compare with the deadline")
NO_BODY = T("body.yml 读不出，不知道机关的层级和期限", "body.yml could not be read: the body's level and deadline "
            "are unknown")

# --- revisions ------------------------------------------------------------------------------------

REVISIONS = T("修订 {count} 次：{dates}", "{count} revisions: {dates}")
NO_REVISIONS = T("没有修订记录", "no revisions")

# --- format_ok ------------------------------------------------------------------------------------

FORMAT_OK = T("{year} 年度用{expected}（{notice}），报告用的正是这一格式", "{year} uses {expected} ({notice}), as the "
              "report does")
FORMAT_WRONG = T("{year} 年度应用{expected}（{notice}），报告用的是{found}", "{year} requires {expected} ({notice}); "
                 "the report uses {found}")
FORMAT_NONE = T("{year} 年度没有规定的统一格式（统一格式从 2019 年度起）", "no prescribed format for {year} (the formats "
                "start in 2019)")

# --- parts_missing --------------------------------------------------------------------------------

PARTS_ALL = T("{format}规定的 {count} 个部分都在", "all {count} parts of {format} are there")
PARTS_MISSING = T("缺 {count} 个部分：{parts}", "{count} parts missing: {parts}")
PART_ABSENT = T("第{part}部分（{heading}）没有", "part {part} ({heading}) is absent")
PART_EMPTY = T("第{part}部分（{heading}）只有标题、没有正文", "part {part} ({heading}) has a heading only, no text")

# --- overview_chars -------------------------------------------------------------------------------

OVERVIEW = T("第一部分（总体情况）正文 {count} 字（不计空白）", "part 一 (overview): {count} characters of text "
             "(white space not counted)")
OVERVIEW_OVER = T("第一部分（总体情况）正文 {count} 字（不计空白），超过 {limit} 字的上限",
                  "part 一 (overview): {count} characters of text, over the limit of {limit}")
OVERVIEW_NONE = T("没有第一部分（总体情况）", "there is no part 一 (overview)")

# --- blank_cells ----------------------------------------------------------------------------------

BLANK_CELLS = T("{count} 格未填写（~）：{cells}；不适用 {na} 格、填 0 的 {zeros} 格不算未填写",
                "{count} cells left blank (~): {cells}; {na} cells 不适用 and {zeros} cells of 0 are not blank")
NO_BLANK_CELLS = T("没有未填写的格；不适用 {na} 格、填 0 的 {zeros} 格不算未填写",
                   "no cell left blank; {na} cells 不适用 and {zeros} cells of 0 are not blank")
CELL_ITEM = T("{row}·{column}", "{row} / {column}")
MORE = T("{shown} 等", "{shown} and more")

# --- fees_item ------------------------------------------------------------------------------------

FEES_STATED = T("第{part}部分写明了信息处理费（fees）", "part {part} states the information processing fees (fees)")
FEES_IN_TEXT = T("第{part}部分的正文写到了信息处理费", "the text of part {part} mentions the information processing fees")
FEES_ABSENT = T("{format}要求在第{part}部分报告信息处理费，报告没有写", "{format} has the information processing fees "
                "reported in part {part}; the report does not")
FEES_NOT_IN_FORMAT = T("{format}没有信息处理费一项（2021 年度起才有）", "{format} has no fees item (from 2021 on)")

# --- the table the command prints -----------------------------------------------------------------

YES = T("是", "yes")
NO = T("否", "no")
FLAGGED = T("⚑", "⚑")
NOTHING = T("—", "—")
SUMMARY = T("共 {rows} 行（{bodies} 个机关），其中 {flagged} 行标记为需关注", "{rows} rows ({bodies} bodies), "
            "{flagged} of them flagged")
UNREADABLE = T("以下数据读不出，其中的报告没有计入（共 {count} 个错误）：", "the data below could not be read; its "
               "reports are not counted ({count} errors):")

# --- command line -------------------------------------------------------------------------------

CLI_QUALITY = T("数据质量（督查）：每个机关、每个年度、每项指标一行——是否公布、是否逾期、是否完整、是否雷同。"
                "有标记也以 0 退出；数据读不出时退出码 1，数据文件夹不存在时 2",
                "data quality for supervisors: one row per body, year and indicator. Exit 0 even when flagged; 1 "
                "when some data cannot be read; 2 when the data folder does not exist")
CLI_QUALITY_HELP = T("数据质量（督查）：谁没公布、谁逾期、谁不完整、谁雷同", "data quality: who has not published, who "
                     "is late, incomplete or copied")
CLI_QUALITY_DATA = T("数据文件夹（默认 data）", "the data folder (default: data)")
CLI_QUALITY_YEAR = T("只列这一年度", "only this year")
CLI_QUALITY_REGION = T("只列这个地区（任何一级，如 哈尔滨市 或 南岗区）的机关", "only bodies of this region (at any level)")
CLI_QUALITY_FORMAT = T("输出格式：table（对齐的表格，默认）、csv（UTF-8 带 BOM，Excel 可直接打开）、json",
                       "output: table (default), csv (UTF-8 with BOM, opens in Excel) or json")
CLI_QUALITY_OVERVIEW = T("第一部分（总体情况）字数的上限，超过时标记（默认不设上限）",
                         "flag part 一 (overview) longer than this many characters (default: no limit)")
METAVAR_YEAR = T("年度", "YEAR")
METAVAR_REGION = T("地区", "REGION")
METAVAR_CHARS = T("字数", "CHARS")
METAVAR_DATA = T("数据文件夹", "DATA")
FAILED = T("nianbao quality：{error}", "nianbao quality: {error}")
