"""Texts that are not findings: the frame a finding is shown in, summaries, command-line texts."""

from __future__ import annotations

from .core import Text

T = Text

# The frame of a finding in the terminal (问题的呈现格式).
SEVERITY = {"error": T("错误", "error"), "warning": T("警告", "warning")}
FRAME_RULE = T("规则", "rule")
FRAME_EXPECTED = T("应为", "expected")
FRAME_FOUND = T("实为", "found")
FRAME_HINT = T("提示", "hint")
FRAME_ACKNOWLEDGED = T("已确认", "acknowledged")
ACKNOWLEDGE_IT = T("如果公开的报告原文就是这样，在文件里这样确认：",
                   "if the published report says so, acknowledge it in the file:")
ACK_REASON = "与原文一致"  # the reason the snippet proposes; stored in the data, so always Chinese
SUMMARY = T("{errors} 个错误，{warnings} 个警告，{acknowledged} 个已确认的发现",
            "{errors} error(s), {warnings} warning(s), {acknowledged} acknowledged finding(s)")
CHECKED = T("共核对 {reports} 份报告、{bodies} 个机关：{summary}",
            "checked {reports} report(s) of {bodies} body(ies): {summary}")
DID_YOU_MEAN = T("是不是想写 {options}？", "did you mean {options}?")
OR = T(" 或 ", " or ")
NOTHING = T("没有", "nothing")
EMPTY_FILE = T("空文件", "an empty file")
A_MAPPING = T("一组“键: 值”（{keys}）", "a mapping ({keys})")
A_LIST = T("含 {count} 项的列表", "a list of {count}")
A_TEXT = T("文字 {value}", "the text {value}")
AXIS = {"column": T("列", "column"), "row": T("行", "row")}
OVER = T("超过 {limit}", "over {limit}")  # a size found past a limit
SHORTENED = T("{start}…（共 {length} 个字符）", "{start}… ({length} characters)")  # a long value quoted
# How a message names a character a maintainer cannot see: U+007F（删除符 DEL）.
CHAR_NAMED = T("{code}（{name}）", "{code} ({name})")
CHAR_NAMES = {
    "\t": T("制表符", "tab"), "\x7f": T("删除符 DEL", "delete (DEL)"), "\x85": T("下一行符 NEL", "next line (NEL)"),
    "\u2028": T("行分隔符", "line separator"), "\u2029": T("段分隔符", "paragraph separator"),
    "\u200b": T("零宽空格", "zero-width space"), "\u2060": T("词连接符", "word joiner"),
    "\u200e": T("从左到右标记", "left-to-right mark"), "\u200f": T("从右到左标记", "right-to-left mark"),
    "\u061c": T("阿拉伯字母标记", "Arabic letter mark"), "\ufeff": T("字节顺序标记 BOM", "byte-order mark (BOM)"),
}
CHAR_BIDI = T("双向文字控制符", "a bidirectional control")
CHAR_SURROGATE = T("代理码位，不是字符", "a surrogate, no character")
CHAR_CONTROL = T("控制符", "a control character")
CHAR_NONCHARACTER = T("非字符", "a noncharacter")
# A long sum of an identity (T3.4 adds up to 21 rows), named by its ends.
SUM_RANGE = T("{first} 至 {last} 共 {count} 项", "{first} to {last}, {count} terms")
SUM_REST = T("（其余 {count} 项为 0 或未填）", " (the other {count} are 0 or blank)")
PREVIOUS_YEAR = T("上年", "last year's ")  # before a term read from last year's report
AT_CHARACTER = T("{char}（第 {index} 个字符处）", "{char} (character {index})")  # where in a text a character is

# What a value should be, where the field's own description does not say it.
EXPECT_WEB = T("以 http:// 或 https:// 开头的网址", "a web address starting with http:// or https://")
EXPECT_EMAIL = T("电子邮箱地址，如 xxgk@example.gov.cn", "an e-mail address such as xxgk@example.gov.cn")
EXPECT_POSTCODE = T("六位数字的邮编，如 150000", "a six-digit postcode such as 150000")
EXPECT_FORMAT = T("格式编号之一：{ids}（写成带引号的 \"2021\"）", "one of the formats {ids} (quoted, \"2021\")")
EXPECT_TEXT = T("一段文字", "text")
EXPECT_NUMBER = T("一个整数", "a whole number")
EXPECT_AMOUNT = T("一个金额（数字）", "an amount")
EXPECT_LIST = T("一个列表（每项一行，以 - 开头）", "a list (one item a line, starting with -)")
EXPECT_MAPPING = T("一组“键: 值”", "a mapping of keys to values")
EXPECT_NONEMPTY = T("不能是空的", "not empty")
EXPECT_RANGE = T("{low} 至 {high} 之间", "between {low} and {high}")
DATE_SHAPE = T("日期应写成 年-月-日", "a date is written year-month-day")
DATE_CHINESE = T("日期请写成 {iso}，不写“{text}”", "write the date as {iso}, not {text}")
DATE_YEAR = T("日期的年份应在 2000 至 2100 年之间，实为 {year} 年", "the year of a date is 2000–2100, found {year}")
DATE_NO_SUCH_DAY = T("没有这一天：{text}（月份 1–12，日期不超过当月天数）", "no such day: {text}")
VALUE_WITH_TYPE = T("这一项的写法不对", "this value has the wrong shape")
ROW_GROUP_SHAPE = T("表格或一组行应写成“行键: 值”", "a table or row group is a mapping of rows")
ROWS_LIST = T("行：{keys}", "rows: {keys}")
ROW_SHAPE = T("{row}：一行写成它各格的列表", "{row}: a row is a list of its cells")
CELL_SHAPE = T("{row} / {column}：一格只写一个值", "{row} / {column}: a cell holds one value")
ONE_VALUE = T("一个值", "one value")
ROW_GROUP_EXAMPLE = T("一组行：{keys}", "a mapping of {keys}")
UNKNOWN_ROW = T("{table} 中没有这一行", "{table} has no such row")
EXPECT_SLUG = T("另一个机关的文件夹名：小写字母 a-z、数字和 -，如 nangang-qu",
                "another body's folder name: a-z, 0-9 and -, e.g. nangang-qu")
EXPECT_YEAR_KEY = T("2008 至 2100 之间的年度，四位数字，如 2020", "a year from 2008 to 2100, e.g. 2020")
EXPECT_UNTIL = T("不早于 since（{since}）的年度", "a year not before since ({since})")
EXPECT_REVISION_TARGET = T("写 cell（改动的单元格）或 part（改动了正文的部分）之一，再写 old（修订前的值）",
                           "either cell (the cell changed) or part (the part whose text changed), and old")
# How a revision's finding names what it changed, when no label of a table does.
CELL_BLANK = T("~（未填写）", "~ (not stated)")
PART_TEXT = T("第{part}部分的正文", "the text of part {part}")
SAME_TEXT = T("与现在的正文相同", "the same as the text now")
GROUP_AS_ONE_ROW = T("把这一组写成一行（只写合计）", "prints this group as one row (its total)")
GROUP_AS_ROWS = T("把这一组逐行填写", "gives this group row by row")
UNUSABLE_SLUG_EXAMPLE = T("拼音名 wanggang-zhen 这样的名字", "a pinyin name such as wanggang-zhen")

# Table cells.
CELL_EXPECTED = {
    "count": T("不小于 0 的整数；报告中空着的格写 ~；不适用的写 不适用",
               "a whole number ≥ 0, blank (~) for not stated, or 不适用"),
    "signed": T("照原文带符号的整数（+1、-3、0）；空着的写 ~；不适用的写 不适用",
                "a whole number with its sign as published (+1, -3, 0), blank (~), or 不适用"),
    "amount": T("不小于 0 的数，单位照本栏（如 12.5）；空着的写 ~；不适用的写 不适用",
                "a number ≥ 0 in the column's unit (e.g. 12.5), blank (~), or 不适用"),
    "amount_with_unit": T("照原文带单位的金额（如 461.7万元、251000元）；空着的写 ~；不适用的写 不适用",
                          "an amount with its unit as published (e.g. 461.7 万元), blank (~), or 不适用"),
}
CELL_WORD = T("写了“{word}”", "the word {word}")
CELL_TOO_MANY_DIGITS = T("数字位数过多：最多 {limit} 位，实为 {digits} 位", "too many digits: at most {limit}, found {digits}")
CELL_NOT_WHOLE = T("“{text}”不是整数", "{text} is not a whole number")
CELL_NEGATIVE = T("“{text}”是负数，这一栏不会是负数", "{text} is negative")
CELL_NOT_AMOUNT = T("“{text}”不是金额", "{text} is not an amount")
CELL_WRONG_UNIT = T("“{text}”的单位是“{written}”，本栏的单位是“{unit}”", "{text} is in {written}, the column in {unit}")
CELL_NO_UNIT = T("“{text}”没有单位：本栏格式没有规定单位，请照原文写上单位（如 万元）",
                 "{text} has no unit; write the one the report printed")

# What the YAML parser reports, said for a maintainer: (words of the parser's message, our text).
# Matched by their start; the parser's own wording is never shown.
YAML_PROBLEMS = (
    ("mapping values are not allowed", T("这一行多了一个冒号：值里有冒号时，把值放在引号里，如 title: \"一：二\"",
                                         "a second colon on the line: quote the value")),
    ("could not find expected ':'", T("这一行缺少冒号：每一项写成“键: 值”，冒号后空一格", "a colon is missing")),
    ("did not find expected key", T("缩进没有对齐：同一层的内容左端要对齐", "the indentation does not line up")),
    ("expected <block end>", T("缩进没有对齐：同一层的内容左端要对齐", "the indentation does not line up")),
    ("found a tab character", T("这一行用 Tab 缩进；YAML 只认空格", "a tab is used for indentation")),
    ("found character", T("这里有一个不能出现在行首或值开头的字符（如 Tab、@、`、%）：把值放在引号里",
                          "a character that cannot start a value: quote the value")),
    ("found undefined alias", T("* 开头的值是 YAML 别名：照写内容，或把值放在引号里", "an alias: write the value out")),
    ("did not find expected node content", T("这里缺少内容", "content is missing here")),
    ("did not find expected ',' or ']'", T("方括号 [ ] 没有写完整：检查逗号和右括号", "a [ ] list is not closed")),
    ("did not find expected ',' or '}'", T("花括号 { } 没有写完整：检查逗号和右括号", "a { } mapping is not closed")),
    ("found unexpected end of stream", T("文件意外结束：引号或括号没有配对", "the file ends early: a quote or bracket is open")),
    ("block sequence entries are not allowed", T("以 - 开头的列表项位置不对：检查缩进", "a list item is misplaced")),
    ("expected alphabetic or numeric character", T("& 或 * 后的写法有误：照写内容，或把值放在引号里",
                                                   "after & or *: write the value out or quote it")),
    ("found unknown escape character", T("双引号里的反斜杠 \\ 写法有误：改用单引号", "a bad \\ escape: use single quotes")),
)
YAML_PROBLEM_OTHER = T("这一行附近的写法有误", "malformed YAML near this line")
FULLWIDTH_COLON = "："
FULLWIDTH_SPACE = "\u3000"
FULLWIDTH_NAMES = {FULLWIDTH_COLON: T("冒号 ：", "colon ："), FULLWIDTH_SPACE: T("空格", "space")}
EXPECT_COLON = T("键: 值（半角冒号，冒号后空一格）", "key: value (ASCII colon)")
EXPECT_SPACES = T("半角空格缩进", "ASCII spaces")
EXPECT_SPACES_FOUND = T("行首的全角空格", "a full-width space at the line start")
GBK_GUESS = T("：看起来是 GBK（GB2312/GB18030）编码，记事本和 WPS 有时这样保存", ": it looks like GBK (GB18030)")
GBK_FOUND = T("GBK 编码的文本", "GBK-encoded text")
UNKNOWN_BYTES = T("无法识别的字节", "bytes of no known encoding")

# Entries of data/ that are not read.
REFUSED_FOLDER = (T("这是一个文件夹，不是文件：{name} 应当是数据文件", "a folder, not a file: {name} should be a data file"),
                  T("文件夹", "a folder"),
                  T("把文件夹改名或移走；报告文件是 年度.yml（如 2021.yml），机关信息是 body.yml",
                    "rename or move the folder"))
REFUSED_LINK = (T("数据文件夹里的符号链接不被读取：它可能指向数据文件夹以外，或指向永远读不完的设备",
                  "a symbolic link in the data folder is not followed"),
                T("符号链接", "a symbolic link"), T("把链接换成真正的文件或文件夹", "replace the link by the real file"))
REFUSED_OTHER = (T("这不是普通文件（而是管道、设备或套接字），不被读取", "not a regular file (a pipe, device or socket)"),
                 T("特殊文件", "a special file"), T("删除它，或换成普通的 YAML 文件", "delete it"))

# Files that are not data.
STRAY_IN_BODY = T("机关文件夹里只能有 body.yml 和报告文件 年度.yml：这个文件不会被读取，网站上也不会有它", "a body folder holds body.yml and <year>.yml only: this file is not read")
STRAY_IN_BODY_EXPECTED = T("body.yml，或 年度.yml（如 2021.yml）", "body.yml or e.g. 2020.yml")
STRAY_HINT = T("报告文件请改名为 年度.yml；不是数据的文件请移出 data/",
               "rename the file to <year>.yml or move it out of the data folder")

# Folder and region names.
SLUG_CHARS = T("机关文件夹名就是它的网址，只能用小写字母 a-z、数字和 -，开头结尾不能是 -，最长 64 个字符",
               "a body's folder name is its web address: a-z, 0-9 and -, at most 64 characters")
SLUG_RESERVED = T("{slug} 是网站自己的文件夹或页面，机关的文件夹不能用这个名字", "{slug} is a folder or page of the site itself")
SLUG_DEVICE = T("{slug} 是 Windows 的设备名，这样的文件夹在 Windows 上无法创建", "{slug} is a Windows device name")
REGION_DOT_START = T("地区名不能以 . 开头（以 . 开头的文件夹不会发布）", "a region name may not start with .")
REGION_DOT_END = T("地区名不能以 . 结尾（Windows 会去掉它，网址随之改变）", "a region name may not end with .")
REGION_CHARS = T("地区名不能含有 {shown}：地区名是网址的一部分。不能用的字符：/ \\ : * ? \" < > | # % [ ] ( ) 和空格",
                 "a region name may not hold {shown}")
REGION_DEVICE = T("{name} 是 Windows 的设备名，不能作地区名", "{name} is a Windows device name")
REGION_TOO_LONG = T("地区名太长：最多 {limit} 个字符", "the region name is longer than {limit} characters")

# The command line.
CLI_USAGE = T("用法：", "usage: ")
CLI_POSITIONALS = T("位置参数", "positional arguments")
CLI_OPTIONS = T("选项", "options")
CLI_HELP = T("显示这段说明后退出", "show this help and exit")
CLI_USAGE_ERROR = T("{prog}：错误：{message}", "{prog}: error: {message}")
CLI_REQUIRED = T("缺少参数 {names}", "the following arguments are required: {names}")
CLI_UNRECOGNIZED = T("不认识的参数：{args}；可用的参数见 --help", "unrecognized arguments: {args}")
CLI_CHOICE = T("{option} 不能是 {value}，只能是 {choices} 之一", "argument {option}: invalid choice {value} (choose from {choices})")
CLI_ONE_VALUE = T("{option} 后面要写一个值", "argument {option}: expected one argument")
CLI_INT = T("{option} 后面要写一个整数，实为 {value}", "argument {option}: invalid int value: {value}")
CLI_NO_VALUE = T("{option} 后面不带值，实为 {value}", "argument {option}: ignored explicit argument {value}")
CLI_AMBIGUOUS = T("{option} 没有写全，可能是 {matches}：请写全参数名", "ambiguous option: {option} could match {matches}")
# A message of a later argparse that this list does not know yet: shown as it is, rather than lost.
CLI_OTHER = T("命令行参数有误：{detail}；用法见 --help", "{detail}")
CLI_DESCRIPTION = T("年报站：检查政府信息公开工作年度报告的数据，生成网站的页面。\n退出码：0 没有问题，1 发现问题，2 命令有误。",
                    "nianbao: check the annual reports' data and generate the site's pages.\nExit codes: 0 clean, 1 problems found, 2 usage error.")
CLI_LANG = T("提示和报错的语言：zh（中文，默认）或 en（英文）；也可设环境变量 NIANBAO_LANG", "language of messages: zh (default) or en; or set NIANBAO_LANG")
CLI_CHECK = T("检查数据，不生成网站", "check the data without building the site")
CLI_CHECK_PATH = T("数据文件夹、某个机关的文件夹或某份报告的文件", "data folder, a body folder or a report file")
CLI_STRICT = T("警告也算作失败，与 mkdocs build --strict 相同", "warnings fail too, as with mkdocs build --strict")
CLI_SCHEMA = T("把 JSON Schema 写到 DATA/_schema/", "write the JSON Schemas to DATA/_schema/")
CLI_DATA = T("数据文件夹（默认 data）", "the data folder (default data)")
CLI_EXPORT = T("把全部报告的数字写成开放数据（CSV、JSON 和 datapackage.json），不生成网站",
               "write every report's figures as open data (CSV, JSON, datapackage.json), without the site")
CLI_EXPORT_OUT = T("写到哪个文件夹（整个替换：须是不存在的、空的或上次导出的文件夹）",
                   "the folder to write (replaced as a whole: missing, empty or an earlier export)")
CLI_PAGES = T("把整个网站写成一棵文档树，带它自己的 mkdocs.yml（不用 nianbao 的钩子，MkDocs 或 Zensical 都能生成）",
              "write the whole site as a docs tree with its own mkdocs.yml (no hook)")
CLI_PAGES_OUT = T("写到哪个文件夹（整个替换：须是不存在的、空的或上次导出的文件夹）",
                  "the folder to write (replaced as a whole; missing, empty or an earlier export)")
CLI_PAGES_DATA = T("数据文件夹（默认取 NIANBAO_DATA，否则 data）", "data folder (default: NIANBAO_DATA, else data)")
CLI_PAGES_CONFIG = T("据以生成文档树配置的项目 mkdocs.yml", "the project's mkdocs.yml the tree's is made from")
CLI_SEARCH_INDEX = T("为已生成的网站写搜索索引（网站的 pagefind/ 文件夹）：导出的文件树用普通 mkdocs build 生成网站后运行",
                     "write a built site's search index (its pagefind/ folder): after a plain mkdocs build of an exported tree")
CLI_SEARCH_INDEX_SITE = T("已生成的网站所在的文件夹", "the folder of the built site")
SEARCH_INDEX_WROTE = T("已写出搜索索引 {path}", "wrote the search index {path}")
SEARCH_INDEX_NO_SITE = T("nianbao search-index：{path} 不是已生成的网站（里面没有 index.html）",
                         "nianbao search-index: {path} is no built site (it has no index.html)")
CLI_SHARDS = T("按地区分成多个网站分别生成，再加一个入口页（数据量很大时用）", "build one site per region behind a landing page")
CLI_SHARDS_OUT = T("网站写到哪个文件夹（默认 site）", "the folder of the site (default site)")
CLI_DEPTH = T("每个分站包含几级地区（2：省 / 市）", "region levels per shard (2: province / city)")
CLI_PLAN = T("计划文件：只写出计划（每个分站一项，CI 的 matrix 可直接读取），或与 --list、--build、--assemble 一起用",
             "the plan file: write the plan alone (one entry per shard, as a CI matrix reads it), or use it with "
             "--list, --build or --assemble")
CLI_PLAN_LIST = T("列出计划中的分站，每行一个", "list the plan's shards, one a line")
CLI_PLAN_PENDING = T("只列出要生成的分站（上次生成之后数据或程序有改动的），每行一个（交给 xargs -P）",
                     "list only the shards to build (their data or code changed since they were built), one a line "
                     "(for xargs -P)")
CLI_PLAN_BUILD = T("生成计划中的这些分站（每个分站一个任务）", "build these shards of the plan (one job per shard)")
CLI_PLAN_ASSEMBLE = T("全部分站生成后：写出入口页、跨分站的搜索和各省汇总",
                      "once every shard is built: the landing page, the search across shards and the provinces' 汇总")
CLI_PLAN_GITHUB = T("输出 GitHub Actions 的 matrix（一行 JSON）：分站不超过 256 个时每个分站一个任务，否则几个相邻分站一个任务",
                    "print the GitHub Actions matrix (one line of JSON): a job per shard up to 256 shards, else a "
                    "job per run of neighbouring shards")
CLI_PLAN_GITLAB = T("同时写出 GitLab 的子流水线（每个分站一个任务）", "also write the GitLab child pipeline (a job per shard)")
METAVAR_SHARD = T("分站", "SHARD")
METAVAR_FILE = T("文件", "FILE")
CLI_IMPORT = T("导入已公开的年度报告（网页或文本），详见 import --help", "import published reports: see import --help")
CLI_RULES = T("列出全部核对规则", "list every rule of the catalogue")
CLI_DATA_DIR_MISSING = T("{path}：没有这个数据文件夹", "{path}: no such data folder")
RULES_HEAD = T("{id}  {severity}  {title}", "{id}  {severity}  {title}")
RULES_WHAT = T("核对什么：{text}", "what: {text}")
RULES_BASIS = T("依据：{text}", "basis: {text}")
RULES_FLAGS = T("可确认：{ack}；对照上一年度：{cross}", "acknowledgeable: {ack}; reads last year: {cross}")
YES = T("是", "yes")
NO = T("否", "no")
RULES_COUNT = T("共 {count} 条规则", "{count} rules")
CLI_COMMAND = T("命令", "command")
STRAY_MEANT = T("如果这是 {year} 年度的报告，请改名为 {name}", "if this is the {year} report, rename it {name}")
STRAY_TOP = T("数据文件夹里只能有机关文件夹：这个文件不会被读取，网站上也不会有它", "the data folder holds body folders only: this file is not read")
STRAY_TOP_EXPECTED = T("机关文件夹，如 wanggang-zhen/；以 _ 或 . 开头的名字不读取", "a body folder such as wanggang-zhen/; names starting with _ or . are not read")
STRAY_TOP_DATA_HINT = T("这是机关的数据文件吗？请放进机关的文件夹：{data}/<机关文件夹>/{name}", "a body's data file? put it in the body's folder: {data}/<body>/{name}")
STRAY_TOP_HINT = T("把它移出 {data}/，或改名以 _ 开头（如 _{name}）", "move it out of {data}/, or give it a name starting with _ (_{name})")

# Building the site.
BUILD_FAILED = T("nianbao：{data}/ 中的数据有问题{mode}，网站没有生成，原有的网站保持原样。",
                 "nianbao: the data in {data}/ has problems{mode}; nothing was built.")
BUILD_STRICT = T("（--strict：警告也算）", " (--strict: warnings count)")
BUILD_ACKNOWLEDGED = T("nianbao：{count} 项已确认的核对结果（与原文一致），列在各自报告页的“数据核对”部分",
                       "nianbao: {count} acknowledged finding(s), shown on their report pages")
BUILD_NO_DATA = T("nianbao：{problem}（请设置 NIANBAO_DATA 指向数据文件夹，或建立 data/）",
                  "nianbao: {problem} (set NIANBAO_DATA or create data/)")
NO_SUCH_BODY = T("{data} 中没有名为 {names} 的机关文件夹", "no body named {names} in {data}")
