"""What the Excel round trip says: ``python -m nianbao excel`` (a report's statutory tables as a
workbook), the texts written into the workbook, and what ``import`` says about a workbook.

Chinese first, English beside it. What is written *into* the workbook (sheet names, the meta sheet's
labels, the notes, the data validation's prompts) is a plain string, always Chinese: the import reads
the meta sheet by these labels, and a workbook must read the same whatever language made it.
"""

from __future__ import annotations

from . import importer
from .core import Text

T = Text

# --- the command line: python -m nianbao excel BODY YEAR ------------------------------------------

CLI_EXCEL = T("把一份报告的统计表写成 Excel 工作簿（.xlsx），照官方格式排版；在 Excel 或 WPS 表格里填好后，用 import 导回",
              "write a report's statutory tables as an Excel workbook (.xlsx) in the official layout; fill it in "
              "Excel or WPS and bring it back with import")
CLI_EXCEL_HELP = T("把统计表写成 Excel 工作簿，填好后用 import 导回", "the statutory tables as an Excel workbook, to import back")
CLI_EXCEL_EXIT = T("退出码：0 已写出，1 没有写出（报告的表格有错、文件已存在），2 命令有误。",
                   "exit status: 0 written, 1 not written (faulty tables, the file exists), 2 usage error.")
METAVAR_FILE = T("文件", "FILE")
CLI_EXCEL_BODY = T("机关的文件夹名（如 wanggang-zhen）", "the body's folder (e.g. wanggang-zhen)")
CLI_EXCEL_YEAR = T("报告年度（如 2020）", "the report year (e.g. 2020)")
CLI_EXCEL_OUT = T("写到哪个文件（默认为当前文件夹的 机关-年度.xlsx）", "the file to write (default BODY-YEAR.xlsx here)")
CLI_EXCEL_FORCE = T("覆盖已有的工作簿", "overwrite an existing workbook")

EXCEL_FAILED = T("nianbao excel：{error}", "nianbao excel: {error}")
EXCEL_BAD_BODY = T("「{body}」不是机关的文件夹名：只用小写字母 a-z、数字和 -（如 wanggang-zhen）",
                   "{body!r} is no body folder name: use a-z, 0-9 and '-' (e.g. wanggang-zhen)")
EXCEL_BAD_YEAR = T("{year} 不是报告年度：应在 {first} 至 {last} 之间", "{year} is no report year: {first}–{last}")
EXCEL_NO_BODY = T("{folder}：没有这个机关的文件夹（机关的 body.yml 要先建好）",
                  "{folder}: no such body folder (make its body.yml first)")
EXCEL_NO_FORMAT = T("{year} 年没有适用的报告格式", "no report format covers {year}")
EXCEL_UNREADABLE = T("{file} 读不了：{error}", "cannot read {file}: {error}")
EXCEL_NO_FORMAT_KEY = T("{file} 的 format 写的是「{format}」，不是已知的格式（2019 或 2021）：先改正再导出",
                        "{file}: format {format!r} is no known format (2019 or 2021); fix it first")
EXCEL_FAULTY = T("{file} 的统计表有 {count} 个错误（见上），没有写出工作簿：先改正，再导出",
                 "{file}: {count} error(s) in the statutory tables (above); no workbook written. Fix them first")
EXCEL_EXISTS = T("{path} 已存在，没有覆盖（里面可能有填了一半的数）；要覆盖，加 --force",
                 "{path} exists and was not overwritten; add --force to overwrite it")
EXCEL_WRITE_FAILED = T("{path} 没有写成：{error}；原有的文件没有改动", "{path} was not written: {error}; nothing changed")
EXCEL_WROTE = T("已写出 {path}：{sheets}（{format}）。填好后导入：python -m nianbao import {path} --data {data}",
                "wrote {path}: {sheets} ({format}). Once filled in: python -m nianbao import {path} --data {data}")
EXCEL_BLANK = T("{report} 还没有：按 {format} 写出空白的表格", "{report} does not exist yet: blank tables of {format}")

# --- written into the workbook (always Chinese) -----------------------------------------------------

SHEET_NAME = "表{part}"  # 表二 表三 表四: the tables' part numbers, as the rules name them (T2, T3, T4)
META_SHEET = "报告信息"
META_HEAD = "政府信息公开工作年度报告统计表"
# The meta sheet's labels, read back by import: the body's folder, the year, the format.
META_BODY = "机关文件夹"
META_NAME = "机关名称"
META_YEAR = "报告年度"
META_FORMAT = "报告格式"
META_FORMAT_NAME = "格式名称"
META_NOTES = (
    "填写说明",
    "1. 每张统计表一页（{sheets}），照官方格式排版。灰色的标签格已锁定，只能填白色的格；工作表保护没有密码，"
    "要改版式可以在“审阅”中撤销保护。",
    "2. 数量为零的填 0；报告中没有填写的格留空；不适用的填“不适用”。不要填“无”“—”或“/”：看不出是 0 还是没有填写。",
    "3. 只填数值：不要用公式，不要在数字后面加“件”“个”等字。金额照本栏的单位填写，可以有小数。",
    "4. 填好后导入：python -m nianbao import 本文件.xlsx --data data。导入只替换报告文件里的统计表，"
    "标题、正文、确认记录和注释都保持原样。",
    "5. 本页的机关文件夹、报告年度和报告格式供导入时使用，请不要改动。",
)
VALIDATION_TITLE = "填写提示"
VALIDATION_ERROR_TITLE = "这一格填的不对"
# Per cell kind: the input prompt (at most 255 characters, Excel's limit) and the refusal.
VALIDATION_PROMPT = {
    "count": "填不小于 0 的整数。数量为零填 0，没有填写的留空，不适用的填“不适用”。",
    "signed": "填整数，增加的可以写 +（如 +1），减少的写 -（如 -3）。没有填写的留空，不适用的填“不适用”。",
    "amount": "填不小于 0 的数，可以有小数，单位照本栏。没有填写的留空，不适用的填“不适用”。",
    "amount_with_unit": "照原文填金额和单位，如 461.7 万元。没有填写的留空，不适用的填“不适用”。",
}
VALIDATION_ERROR = {
    "count": "这一格只能填不小于 0 的整数，或“不适用”；没有填写的留空。",
    "signed": "这一格只能填整数，或“不适用”；没有填写的留空。",
    "amount": "这一格只能填不小于 0 的数，或“不适用”；没有填写的留空。",
    "amount_with_unit": "这一格照原文填金额和单位，如 461.7 万元。",
}

# --- import: reading a workbook ---------------------------------------------------------------------

AT_CELL = T("{ref}（{path}）", "{ref} ({path})")
# What the table reader says of a row it cannot place, as said of a workbook: nothing of a workbook
# is kept under unplaced (the report file gains nothing but its tables).
IN_WORKBOOK = {
    importer.ROW_UNRECOGNISED: T("认不出这一行表格，没有读取：{row}", "table row not recognised, not read: {row}"),
    importer.GROUP_ROW_WITH_VALUES: T("「{label}」一行有数字，但在 {format} 格式中它只是下面各行的分组名：请把数字填到其下各行",
                                      "row 「{label}」 carries values, but in the {format} format it only groups "
                                      "sub-rows: enter them in the sub-rows"),
    importer.GROUP_AND_ROWS: T("「{label}」一行有数字，其下各行也有：读取其下各行，这一行的数字没有读取",
                               "row 「{label}」 carries figures and so do its sub-rows: the sub-rows are read, "
                               "this row is not"),
    importer.ROW_WIDTH: T("{label} 一行有 {cells} 格（{filled} 格有内容），表格有 {width} 栏：分不清哪个数字属于哪一栏",
                          "row {label}: {cells} cells ({filled} filled) for {width} columns; cannot tell which is which"),
    importer.ROW_TWICE: T("{label} 一行出现了两次", "row {label} appears twice"),
    importer.SIDE_ROW_WIDTH: T("{caption}：数据行有 {count} 个数字，应有 {expected} 个",
                               "{caption}: the data row has {count} values, expected {expected}"),
    importer.HEADER_UNKNOWN: T("表头中的「{text}」不是 {format} 格式的内容，没有读取",
                               "header text not in the {format} format, not read: 「{text}」"),
}
AT_ROW = T("{ref} 这一行：{message}", "the row of {ref}: {message}")
XLS_REFUSED = T("旧版 Excel 文件（.xls）读不了：请在 Excel 或 WPS 表格中“另存为”Excel 工作簿（.xlsx），再导入",
                "old Excel files (.xls) cannot be read: save it as an Excel workbook (.xlsx) in Excel or WPS, "
                "then import that")
XLS_INSIDE = T("这个文件其实是旧版 Excel 文件（.xls），只是名字以 .xlsx 结尾：请在 Excel 或 WPS 表格中“另存为”"
               "Excel 工作簿（.xlsx），再导入",
               "this is an old Excel file (.xls) named .xlsx: save it as an Excel workbook (.xlsx), then import that")
NOT_XLSX = T("不是能读的 Excel 工作簿（.xlsx）：{error}；请在 Excel 或 WPS 表格中打开它，另存为 .xlsx 再导入",
             "not a readable Excel workbook (.xlsx): {error}; open it in Excel or WPS and save it as .xlsx again")
UNZIPPED_TOO_LARGE = T("工作簿解压后有 {size} 字节，超过上限 {limit} 字节，没有读取；一份报告的统计表不到 1 MB",
                       "the workbook unpacks to {size} bytes, over the limit of {limit}; not read")
SHEET_TOO_LARGE = T("{sheet} 用到了 {rows} 行、{columns} 列，超过上限（{limit_rows} 行，{limit_cells} 格），没有读取；"
                    "请删掉表格以外的内容",
                    "{sheet} uses {rows} rows and {columns} columns, past the limit ({limit_rows} rows, "
                    "{limit_cells} cells); not read: delete what is outside the tables")
FORMULA = T("{ref} 是公式 {formula}：请只填数值（选中这些格，复制后“选择性粘贴”为“数值”）",
            "{ref} holds the formula {formula}: enter values only (copy the cells and paste them as values)")
DATE_CELL = T("{ref} 是日期 {value}：Excel 把填的内容当成了日期；请把这一格设为“文本”或“数值”后重新填写",
              "{ref} holds the date {value}: Excel took the entry for a date; format the cell as text or number "
              "and enter it again")
BOOL_CELL = T("{ref} 是逻辑值 {value}，不是数", "{ref} holds the logical value {value}, not a number")
BAD_CELL = T("{ref}：{problem}；{column}一栏应填{expected}", "{ref}: {problem}; {column} takes {expected}")
EXPECTED = {
    "count": T("不小于 0 的整数（没有填写的留空，不适用的填“不适用”）",
               "a whole number ≥ 0 (blank for not stated, or 不适用)"),
    "signed": T("整数，可以带 + 或 -（没有填写的留空，不适用的填“不适用”）",
                "a whole number, with + or - (blank for not stated, or 不适用)"),
    "amount": T("不小于 0 的数，单位照本栏（没有填写的留空，不适用的填“不适用”）",
                "a number ≥ 0 in the column's unit (blank for not stated, or 不适用)"),
    "amount_with_unit": T("照原文带单位的金额，如 461.7 万元（没有填写的留空，不适用的填“不适用”）",
                          "an amount with its unit, e.g. 461.7 万元 (blank for not stated, or 不适用)"),
}
STRAY_VALUE = T("{ref}：“{text}”不在任何统计表的行和列里，没有读取；请把它填到该填的格里，或者删掉",
                "{ref}: {text!r} is in no row and column of a statutory table and was not read; move it to its "
                "cell or delete it")
NO_TABLES = T("工作簿里没有认得出的统计表：每张表要带官方的行名和栏目名（可以用 python -m nianbao excel 写出一份照着填）",
              "no statutory table found in the workbook: each table needs its official row and column labels "
              "(python -m nianbao excel writes one to fill in)")
ERRORS_NOTHING_WRITTEN = T("工作簿有 {count} 处错误（见下），什么也没有写入：改正这些格后重新导入",
                           "{count} error(s) in the workbook (below); nothing written: correct the cells and import again")
NO_BODY_GIVEN = T("工作簿没有“{sheet}”页，看不出是哪个机关：请用 --body 写明机关的文件夹名",
                  "the workbook has no {sheet} sheet to say which body it is: name the body's folder with --body")
NO_YEAR_GIVEN = T("工作簿没有写明报告年度：请用 --year 写明（如 --year 2024）",
                  "the workbook does not say the report year: give it with --year (e.g. --year 2024)")
META_BAD_YEAR = T("{ref} 的报告年度“{value}”不是年份；请写成如 2024", "{ref}: the year {value!r} is no year such as 2024")
META_BAD_BODY = T("{ref} 的机关文件夹“{value}”不是文件夹名：只用小写字母 a-z、数字和 -",
                  "{ref}: {value!r} is no body folder name (a-z, 0-9 and '-')")
GIVEN_DIFFERS = T("命令行的 {option} {given} 与工作簿{ref}的 {stated} 不同：按命令行的 {given} 写入",
                  "{option} {given} differs from {stated} in the workbook's {ref}: written as {given}")
META_FORMAT_DIFFERS = T("工作簿{ref}写的是 {stated} 年格式，表格的标签是 {found} 年格式：按表格的标签读作 {found} 年格式",
                        "the workbook's {ref} says format {stated}, its table labels are format {found}: read as {found}")
TABLE_NOT_IN_WORKBOOK = T("工作簿里没有{table}：报告文件中的这张表保持原样",
                          "the workbook has no {table}: that table of the report file is kept as it is")
TABLE_NOT_IN_NEW = T("工作簿里没有{table}：新的报告文件里也没有这张表，请补上", "the workbook has no {table}: add it")
NO_BODY_FOLDER = T("{folder}/body.yml 不存在：工作簿的统计表要写进已有机关的报告；请先建好这个机关的 body.yml，"
                   "或用 --body 指定另一个机关的文件夹",
                   "{folder}/body.yml does not exist: a workbook's tables go into a known body's report; make its "
                   "body.yml first or name another folder with --body")
EXISTING_UNREADABLE = T("{target} 读不了（{error}）：先改正它，再导入工作簿", "{target} cannot be read ({error}): fix it first")
EXISTING_OTHER_FORMAT = T("{target} 是 {existing} 年格式，工作簿是 {found} 年格式：没有写入；两者要用同一种格式",
                          "{target} is format {existing}, the workbook format {found}: nothing written")
MERGE_FAILED = T("统计表写不进 {target}（{error}）：没有写入", "the tables could not be put into {target} ({error}): nothing written")
MERGE_NOT_MAPPING = T("文件里没有“键: 值”的内容", "the file holds no keys and values")
MERGE_DIFFERS = T("写入后读回的内容与工作簿不一致", "the text written would not read back as the workbook")
BLANK = T("空白", "blank")

# The lines of a workbook's summary.
S_MERGED = T("  写入：替换了 {target} 的统计表；标题、正文、确认记录和注释保持原样",
             "  written: the statutory tables of {target}; title, text, acknowledgements and comments as they were")
S_NEW = T("  写入：新建 {target}，只有统计表；标题、落款日期和正文请在文件中补写（python -m nianbao check 会列出缺少的内容）",
          "  written: new {target} with the statutory tables only; add the title, date and text "
          "(python -m nianbao check lists what is missing)")
S_UNCHANGED = T("  统计表与 {target} 中的相同：文件没有改动", "  the tables are those of {target} already: file unchanged")
S_CHANGED = T("  改动了 {count} 格：{cells}", "  {count} cell(s) changed: {cells}")
S_CHANGE = T("{ref} {old} → {new}", "{ref} {old} → {new}")
S_MORE = T("……（共 {count} 格）", "… ({count} in all)")
S_CHECKS = T("  核对写入的报告：{count} 个问题（python -m nianbao check 同样列出；改正工作簿后重新导入，或在报告文件中确认）：",
             "  checks of the report written: {count} problem(s) (python -m nianbao check lists them too; correct the "
             "workbook and import again, or acknowledge them in the report file):")
S_CHECKS_NONE = T("  核对写入的报告：没有问题", "  checks of the report written: no problems")
S_CHECK = T("    - {rule} {where}：{message}{found}", "    - {rule} {where}: {message}{found}")
