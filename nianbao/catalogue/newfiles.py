"""What ``python -m nianbao new BODY YEAR`` and ``new-body BODY NAME`` say, and the comments they
write into a new report or body.yml for the maintainer who fills it in.

Chinese first, English beside it for what the commands print. What is written *into* a file (its
comments) is a plain string, always Chinese: a data file reads the same whatever language the
command ran in. The labels in those comments are not here: they come from the format definitions.
"""

from __future__ import annotations

from .core import Text

T = Text

# --- the command line ------------------------------------------------------------------------------

CLI_NEW = T("为一个机关写出某年度报告的空白文件：格式规定的每个部分、每张表的每一行都在，各格写 ~（未填写），"
            "上年结转等与上年报告相衔接的数字取自上年的文件",
            "write the blank report of a body for a year: every part and every table row of the year's format, "
            "each cell ~ (not stated), and the figures that continue last year's report taken from its file")
CLI_NEW_HELP = T("写出某年度报告的空白文件（每一行都在，各格为 ~），上年结转取自上年的文件",
                 "write a year's blank report (every row, each cell ~), last year's carry-over taken from its file")
CLI_NEW_BODY_HELP = T("为新机关写出 body.yml，每一项都带中文说明", "write body.yml for a new body, every field explained")
CLI_EXIT = T("退出码：0 已写出，1 文件已经存在（从不覆盖）或写不成，2 命令有误。",
             "exit codes: 0 written, 1 the file exists (never replaced) or cannot be written, 2 usage error.")
CLI_NEW_BODY = T("为一个新机关写出 body.yml：每一项都带中文说明，填好层级和地区后就能建报告",
                 "write body.yml for a new body, every field explained; fill in level and region, then add reports")
CLI_BODY = T("机关在数据文件夹里的文件夹名，也是它的网址，如 wanggang-zhen", "the body's folder (its web address), e.g. wanggang-zhen")
CLI_YEAR = T("报告年度，如 2024", "the report year, e.g. 2024")
CLI_NAME = T("机关全称，如 南岗区王岗镇人民政府", "the body's full name, e.g. 南岗区王岗镇人民政府")
CLI_DATA = T("数据文件夹（默认 data）", "the data folder (default data)")
METAVAR_BODY = T("文件夹名", "BODY")
METAVAR_YEAR = T("年度", "YEAR")
METAVAR_NAME = T("机关全称", "NAME")
METAVAR_DIR = T("文件夹", "DIR")

# --- refusals --------------------------------------------------------------------------------------

FAILED = T("nianbao {command}：{message}", "nianbao {command}: {message}")
EXISTS = T("{file} 已经存在，没有改动它。要从头再来，先把它改名或删去；要改其中的内容，直接编辑它",
           "{file} exists and was left as it is: rename or delete it to start again, or edit it")
BAD_SLUG = T("文件夹名「{slug}」不能用：{problem}。可以用 {suggestion}",
             "the folder name {slug!r} cannot be used: {problem}; try {suggestion}")
NO_BODY = T("{folder} 里没有 body.yml：这个机关还没有建立。先运行 python -m nianbao new-body {slug} 机关全称{data}",
            "{folder} has no body.yml: the body does not exist yet. Run python -m nianbao new-body {slug} NAME{data} first")
NO_FOLDER = T("没有机关文件夹 {folder}。新机关先运行 python -m nianbao new-body {slug} 机关全称{data}{others}",
              "there is no body folder {folder}. For a new body run python -m nianbao new-body {slug} NAME{data} first"
              "{others}")
OTHER_BODIES = T("；已有的机关：{slugs}", "; the bodies there: {slugs}")
DATA_OPTION = T(" --data {data}", " --data {data}")
NO_DATA = T("{path}：没有这个数据文件夹", "{path}: no such data folder")
NO_FORMAT = T("{year} 年度没有统一的报告格式：统一格式从 {first} 年度起（{formats}）",
              "no statutory format covers report year {year}: they start in {first} ({formats})")
BAD_YEAR = T("年度 {year} 不对：报告年度在 {first} 至 {last} 之间", "year {year}: a report year is {first}–{last}")
BAD_NAME = T("机关名称不能用：{problem}", "the name cannot be used: {problem}")
NAME_PROBLEM = T("{message}（应为：{expected}）", "{message} (expected: {expected})")
NAME_TAKEN = T("名称「{name}」已是 {file} 中的机关；同一个机关只建一个文件夹（要给它添报告，用 python -m nianbao new {slug} 年度）",
               "{name} is the body of {file} already: one folder per body (add a report with python -m nianbao new {slug} YEAR)")
WRITE_FAILED = T("写 {file} 时出错（{error}），没有写成", "writing {file} failed ({error}); nothing was written")

# --- what was written ------------------------------------------------------------------------------

WROTE_REPORT = T("已写出 {file}：{year} 年度报告，{format}（{notice}）", "wrote {file}: the {year} report, {format} ({notice})")
WROTE_BODY = T("已写出 {file}：{name}", "wrote {file}: {name}")
TOOK = T("  取自上年的文件 {file}：{what}", "  taken from last year's file {file}: {what}")
TOOK_ROW = T("{row}（{count} 格）", "{row} ({count} cell(s))")
LEFT = T("  上年的文件中没有可取的数字，空着（~）：{what}", "  left blank (~), last year's file gives no figure: {what}")
SHOWN = T("  上年的数字写在注释里，供填写时参考：{what}", "  last year's figures are in comments, for reference: {what}")
NO_PREVIOUS = T("  没有上年（{year} 年度）的报告：上年结转等各格空着（~），照公开的报告填写",
                "  no report for {year}: the carried-over cells are left blank (~); fill them in from the report")
PREVIOUS_UNREADABLE = T("  上年的文件 {file} 有错误，读不出来，没有从中取数：先运行 python -m nianbao check {file}",
                        "  last year's file {file} has errors and could not be read; nothing was taken from it. "
                        "Run python -m nianbao check {file}")
NEXT_REPORT = T("下一步：照公开的报告填写各格（~ 表示未填写；数量为零写 0，不适用写 不适用）、各部分的正文和发布日期，"
                "再运行 python -m nianbao check {file}",
                "next: fill in the cells (~ is not stated; 0 for none, 不适用 where it does not apply), the text and "
                "the date from the published report, then run python -m nianbao check {file}")
NEXT_BODY = T("下一步：填写 level（层级）和 region（地区），知道的联系方式也填上，再运行 python -m nianbao new {slug} 年度{data}",
              "next: fill in level and region, and the contact details you know, then run python -m nianbao new {slug} YEAR{data}")
JOIN = T("、", ", ")

# --- comments written into a new report (always Chinese) ------------------------------------------

REPORT_HEADER = (
    "{name}{year}年度政府信息公开工作年度报告：{format}（{notice}）",
    "由 python -m nianbao new 生成。~ 表示未填写：照公开的报告填写；数量为零写 0，不适用的格写 不适用。",
    "每行后的注释是它在官方表格中的名称；填好后运行 python -m nianbao check {file}",
)
NOTE_FORMAT = "格式，要加引号：{year} 年度用{format}（{notice}）；公开的报告若用了另一种格式的表格，照原文改写并确认 F.1"
NOTE_TITLE = "标题，照原文；不填（~）时网站显示为“{title}”"
NOTE_PUBLISHED = "发布日期，年-月-日，如 {example}：报告公布后填写（未填写时 check 给出警告 D.3）"
NOTE_SIGNED_BY = "落款单位，照原文，如 {name}"
NOTE_SOURCE_URL = "原文网址：报告在网站上公布后填写，如 https://www.example.gov.cn/xxgk/ndbg/{year}.html"
NOTE_PREAMBLE = "引言（报告开头的说明），照原文：写在 | 的下一行起，一段一行，每行缩进两个空格"
NOTE_PARTS = (
    "正文的六个部分：标题照格式写好了，不带序号（原文的标题不同就照原文改）；",
    "正文照原文写在 text: | 的下一行起，一段一行，每行缩进六个空格；没有正文的部分 text 留空。",
    "有小标题的写成 sections，如：sections: [{heading: （一）主动公开, text: 一段正文}]",
)
NOTE_FEES = "信息处理费（照第{part}部分的原文；不知道的留作 ~）：{fields}"
NOTE_FEE_FIELD = "{key} {description}"
# Beside a figure taken from last year's file: where from, and the identity that says the two match.
NOTE_TAKEN = "{columns}取自上年（{year} 年度）的文件 {file} 的{sources}：{rule}（{id}），请与公开的报告核对"
NOTE_LEFT = "{columns}：上年（{year} 年度）的文件中{sources}未填写或不适用，没有取用；照公开的报告填写"
NOTE_UNUSABLE = "{columns}：上年（{year} 年度）的文件中{sources}得出 {value}，不能写进这一格，没有取用；照公开的报告填写"
NOTE_SHOWN = "{columns}：上年（{year} 年度）的文件中{sources}为 {values}；{rule}（{id}，一种启发式核对），照公开的报告填写"
ALL_COLUMNS = "各栏"
SOURCE = "“{label}”"
SOURCE_PLUS = " + "
SOURCE_MINUS = " − "

# --- comments written into a new body.yml (always Chinese) ----------------------------------------

BODY_HEADER = (
    "机关信息，由 python -m nianbao new-body 生成。~ 表示未填写：name、level、region 必填，其余不知道的留作 ~。",
    "填好后运行 python -m nianbao check {folder}，再用 python -m nianbao new {slug} 年度 建立报告。",
)
NOTE_REQUIRED = "{description}（必填）"
NOTE_OPTIONAL = "{description}（可不填）"
NOTE_LEVEL = "层级（必填），只能是下列之一：{levels}"
NOTE_LEVEL_GUESS = "由名称看可能是 {level}：请核对后填写"
NOTE_REGION_GUESS = "名称中的地名：{units}；前面按由大到小补上省、市"
NOTE_SHORT_NAME_EXAMPLE = "网站上显示的名称；不填时显示全称"
NOTE_WEBSITE_EXAMPLE = "如 https://www.example.gov.cn/"
NOTE_CONTACT = "{description}：公众联系政府信息公开工作的方式，不知道的留作 ~"
NOTE_CONTACT_CHANGES = ("{description}。没有变更就留作 []；有变更时写成如：",
                        "contact_changes: [{{since: 2024, phone: 0451-87654321}}]")
NOTE_REGISTRY = "以下几项是机关名录（维护指南“机关名录”一页）：督查时据此判断哪些年度应有报告；不知道的留空"
NOTE_SINCE = "不填时，从这个机关的第一份报告的年度算起"
NOTE_EXEMPT = "没有免报的年度就留作 {}；有时写成如：exempt: {2020: 机构改革期间职能划转，未单独报告}"
