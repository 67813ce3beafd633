"""What nianbao says to whoever edits a format definition (nianbao/formats/*.yml): every fault
FormatDefinitionError lists, the field descriptions it quotes as what was expected, and the
programming errors of a format object asked for a row or table it has not.

Chinese first, English beside it, as everywhere in the catalogue.
"""

from __future__ import annotations

from .core import Text

T = Text

# --- the frame of a fault ------------------------------------------------------------------------------

PROBLEM = T("{file}:{line}:{column}：{path}：{message}", "{file}:{line}:{column}: {path}: {message}")
WHOLE_FILE = T("（文件）", "(the file)")
EXPECTED = T("应为：{text}", "expected: {text}")
FOUND = T("实为：{text}", "found: {text}")
FIRST_AT = T("第一次出现在第 {line} 行", "first on line {line}")
DETAILS = T("（{details}）", " ({details})")
DETAIL_JOIN = T("；", "; ")
HINT = T("。{hint}", ". {hint}")
LIST_JOIN = T("、", ", ")
ONE_OF = T("{options} 之一", "one of {options}")
DID_YOU_MEAN = T("是否想写“{option}”？", "Did you mean {option}?")

# The headline of FormatDefinitionError.
UNREADABLE = T("格式定义 {file} 无法读取：", "the format definition {file} cannot be read:")
NOT_YAML = T("不是有效的 YAML：{problem}", "not valid YAML: {problem}")
FAULTS = T("格式定义 {file} 有 {count} 处错误：", "the format definition {file} has {count} fault(s):")
CONFLICTS = T("格式定义之间有冲突：", "the format definitions conflict:")

# --- one definition: pydantic's errors, said for its editor --------------------------------------------

UNKNOWN_KEY = T("未知的键“{key}”", "unknown key {key}")
MISSING_ITEM = T("缺少第 {index} 项", "item {index} is missing")
MISSING_KEY = T("缺少键“{key}”", "the key {key} is missing")
BAD_KEY = T("键的写法不对", "the key is malformed")
NOT_ALLOWED = T("取值不在允许的范围内", "a value that is not allowed")
WRONG_TYPE = T("类型或写法不对", "the wrong type or shape")
# A rarer pydantic error: its own (English) words are still precise.
OTHER = T("不合要求：{error}", "not allowed: {error}")
TYPE_EXPECTED = {
    "string_type": T("文本", "text"),
    "int_type": T("整数", "a whole number"),
    "bool_type": T("true 或 false", "true or false"),
    "tuple_type": T("列表", "a list"),
    "list_type": T("列表", "a list"),
    "dict_type": T("映射（键: 值）", "a mapping (key: value)"),
    "model_type": T("映射（键: 值）", "a mapping (key: value)"),
    "string_pattern_mismatch": T("{described}", "{described}"),
    "too_short": T("至少 {min_length} 项", "at least {min_length} item(s)"),
    "too_long": T("至多 {max_length} 项", "at most {max_length} item(s)"),
    "greater_than_equal": T("不小于 {ge} 的整数", "a whole number ≥ {ge}"),
}
SHOWN_NULL = T("空值（null）", "null")
SHOWN_BOOL = T("布尔值 {value}", "the boolean {value}")
SHOWN_NUMBER = T("数字 {value}", "the number {value}")
SHOWN_MAPPING = T("一个映射", "a mapping")
SHOWN_LIST = T("一个列表", "a list")
SHOWN_TEXT = T("“{text}”", "“{text}”")
PATTERN_UNCOMPILABLE = T("正则表达式无法编译：{error}", "the regular expression does not compile: {error}")
COLLAPSIBLE_NOT_GROUP = T("「{label}」标了 collapsible，但只有下面一层各行的分组才能只印合计一行",
                          "{label} is marked collapsible, but only a group of leaf rows can be printed as one row")
PATTERN_GROUPS = T("正则表达式应恰有一个分组（数字），实有 {groups} 个；其余分组请写成 (?:…)",
                   "the regular expression should have exactly one group (the number), it has {groups}; "
                   "write the others as (?:…)")
DUPLICATE_KEY = T("键“{key}”重复", "the key {key} is doubled")
DUPLICATE_KEY_EXPECTED = T("每个键在同一映射中只写一次", "each key once in a mapping")

# What a field of a definition holds: pydantic's descriptions, quoted as what was expected.
# The models name them by their Chinese (Field(description=...zh)); described() gives the text in
# the language of the run.
KEY = T("键：小写字母、数字和下划线，以字母开头", "a key: lower-case letters, digits and _, starting with a letter")
TERM = T("行或列的键（如 results.total），可加前缀 -（减去）、prev:（取上年报告），x.* 表示 x 下其余各行",
         "a row or column key (e.g. results.total), optionally prefixed - (subtract) or prev: (last year's "
         "report); x.* is the other rows under x")
NODE_LABEL = T("官方标签（全角标点）", "the official label (full-width punctuation)")
NODE_KEY = T("键（小写字母、数字和下划线）", "the key (lower-case letters, digits and _)")
NODE_CHILDREN = T("下级行或列", "the rows or columns below it")
NODE_KIND = T("单元格的数值类型", "the kind of the cells' values")
NODE_UNIT = T("单位", "the unit")
NODE_SPAN = T("占几列网格", "how many grid columns it spans")
NODE_VARIANTS = T("报告中也见到的其他写法", "other spellings seen in reports")
NODE_COLLAPSIBLE = T("报告可以只印这一组的合计一行、不分列其下各行（其下各行即为未填写）",
                     "a report may print this group as one row, its total, without the rows below it")
BLOCK_COLUMNS = T("列", "the columns")
BLOCK_ROWS = T("行", "the rows")
BLOCK_BAND = T("块的标题行，如 第二十条第（一）项", "the block's heading row, e.g. 第二十条第（一）项")
BLOCK_CORNER = T("左上角单元格的文字", "the text of the top-left cell")
BLOCK_LAYOUT = T("排版", "the layout")
TABLE_CAPTION = T("表的标题", "the table's caption")
TABLE_BLOCKS = T("表头和表身组成的块", "the blocks of header and body")
PART_KEY = T("部分的序号：一 … 六", "the part's numeral: 一 … 六")
PART_HEADING = T("部分的标题", "the part's heading")
PART_PHRASES = T("标题中应有的词语", "words the heading holds")
PART_TABLE = T("本部分的表（tables 下的键）", "the part's table (a key under tables)")
PART_FEES = T("信息处理费是否在本部分报告", "whether the part reports the fees")
IDENTITY_ID = T("恒等式编号，如 T3.1（format-spec §6）", "the identity's number, e.g. T3.1 (format-spec §6)")
IDENTITY_STATUS = T("依据：stated（格式写明）、implied（格式蕴含）、heuristic（经验）",
                    "its basis: stated, implied or heuristic")
IDENTITY_TABLE = T("所在的表（tables 下的键）", "its table (a key under tables)")
IDENTITY_EACH = T("按行（row）还是按列（column）逐一检查", "checked for each row or each column")
IDENTITY_RULE = T("规则的中文表述", "the rule, in Chinese")
IDENTITY_OP = T("比较", "the comparison")
IDENTITY_ROWS = T("each: row 时只查这些行", "with each: row, only these rows")
IDENTITY_BLOCK = T("each: column 时所查的块，写块的标题行（band）；默认第一块",
                   "with each: column, the block checked, named by its band; the first by default")
CELL_TABLE = T("表（tables 下的键）", "the table (a key under tables)")
CELL_ROW = T("行的键，用点连接，如 results.disclosed", "the row's key, dotted, e.g. results.disclosed")
CELL_COLUMN = T("列的键", "the column's key")
NARRATIVE_NAME = T("数字的中文名称，如 收到申请", "the figure's Chinese name, e.g. 收到申请")
NARRATIVE_PATTERN = T("在正文中找这个数字的正则表达式，只有一个分组（数字）",
                      "the regular expression finding the figure in the text, with one group (the number)")
NARRATIVE_CELLS = T("数字应等于这些单元格之和", "the cells the figure equals the sum of")
NARRATIVE_EXTRA = T("或等于上述之和再加这些单元格", "or that sum plus these cells")
FORMAT_ID = T("格式编号（加引号的年份，如 \"2021\"）", "the format's id (a quoted year, e.g. \"2021\")")
FORMAT_NAME = T("格式名称", "the format's name")
FORMAT_NOTICE = T("发布格式的文号", "the document number of the notice issuing the format")
FORMAT_YEARS = T("适用的报告年度 [起, 止]，仍在用的写 [起, null]",
                 "the report years it applies to [first, last], [first, null] while in use")
FORMAT_PARTS = T("报告的各部分", "the report's parts")
FORMAT_TABLES = T("表，键为表的键", "the tables, keyed by the table's key")
FORMAT_IDENTITIES = T("勾稽关系", "the arithmetic identities")
FORMAT_NARRATIVE = T("正文中与表格对应的数字（C.3）", "figures of the text that match the tables (C.3)")
FORMAT_CONCEPTS = T("各格式含义相同、可以跨格式比较和相加的单元格（以单元格的路径为名）",
                    "cells that mean the same in every format naming them, by their path")
CONCEPTS_TABLES = T("每一格都可比较的表格（含可合并为一行的分组行）", "tables whose every cell is comparable")
CONCEPTS_CELLS = T("其余可比较的单元格", "the other comparable cells")
FORMAT_UNPAID_FEES = T("逾期未按收费通知缴费而不再处理的申请数所在的单元格",
                       "the cell of the requests no longer processed because the fee notice went unpaid")

# --- several definitions together (load_formats) ---------------------------------------------------------

SAME_ID = T("格式编号“{id}”与 {file} 的相同", "the format id {id} is also {file}'s")
SAME_ID_EXPECTED = T("各格式的编号互不相同", "each format its own id")
YEARS_OVERLAP = T("适用年份与 {file} 的重叠", "its years overlap {file}'s")
YEARS_OVERLAP_EXPECTED = T("起始年份晚于 {last}", "a first year after {last}")
STILL_IN_USE = T("（仍在用）", "(still in use)")
YEARS_OVERLAP_HINT = T("把 {file} 的 years 截止到 {year}", "end {file}'s years at {year}")
YEARS_GAP = T("与 {file} 之间有年份没有格式", "years between it and {file} have no format")
YEARS_GAP_EXPECTED = T("起始年份为 {year}", "first year {year}")
NEWEST_ENDS = T("最新的格式应一直适用", "the newest format applies with no end")
NEWEST_ENDS_HINT = T("否则此后年度的报告找不到格式", "else the reports of later years have no format")

# --- the keys a definition names (references.py) -----------------------------------------------------------

DUPLICATE_IDENTITY = T("恒等式编号“{id}”重复", "the identity number {id} is doubled")
DUPLICATE_IDENTITY_EXPECTED = T("每个编号只用一次", "each number once")
FEES_CELL_WITHOUT_PART = T("有逾期未缴费的单元格，却没有报告信息处理费的部分",
                           "an unpaid-fees cell, but no part reports the fees")
FEES_CELL_EXPECTED = T("某一部分写 fees: true", "fees: true on one part")
FEES_CELL_FOUND = T("没有", "none")
FEES_CELL_HINT = T("C.1 要在该部分找收费通知的件数", "C.1 looks for the count of fee notices in that part")
FIRST_YEAR_BAD = T("起始年份不合理", "an implausible first year")
FIRST_YEAR_EXPECTED = T("{first} 至 {last} 之间的年份", "a year from {first} to {last}")
LAST_YEAR_BAD = T("截止年份不合理", "an implausible last year")
LAST_YEAR_EXPECTED = T("不早于起始年份 {first}、不晚于 {last}，仍在用的写 null",
                       "not before the first year {first}, not after {last}; null while in use")
DUPLICATE_BAND = T("块的标题“{band}”重复", "the block heading {band} is doubled")
DUPLICATE_BAND_EXPECTED = T("同一表中各块的 band 互不相同", "each block of a table its own band")
COLUMN_WITHOUT_KEY = T("列没有键", "a column without a key")
COLUMN_WITHOUT_KEY_EXPECTED = T("每一列（没有下级的）都有 key", "a key on every column (without columns below it)")
NODE_WITHOUT_KEY_FOUND = T("“{label}”没有 key", "{label} has no key")
DUPLICATE_COLUMN = T("列的键“{key}”在同一块中重复", "the column key {key} is doubled in the block")
DUPLICATE_COLUMN_EXPECTED = T("同一块中各列的键互不相同", "each column of a block its own key")
ROW_WITHOUT_KEY = T("行没有键", "a row without a key")
ROW_WITHOUT_KEY_EXPECTED = T("每一行（包括有下级的行）都有 key：数据文件按 key 嵌套",
                             "a key on every row (rows with rows below them too): data files nest by key")
DUPLICATE_ROW = T("行的键“{key}”重复", "the row key {key} is doubled")
DUPLICATE_ROW_EXPECTED = T("同级各行的键互不相同", "each row among its siblings its own key")
DUPLICATE_PART = T("部分的序号“{key}”重复", "the part numeral {key} is doubled")
DUPLICATE_PART_EXPECTED = T("各部分的序号互不相同", "each part its own numeral")
FEES_TWICE = T("信息处理费只在一个部分报告", "the fees are reported in one part only")
FEES_TWICE_EXPECTED = T("只有一个部分写 fees: true", "fees: true on one part only")
FEES_TWICE_FOUND = T("多个部分", "several parts")
NO_SUCH_TABLE = T("没有表“{key}”", "no table {key}")
COLUMN_IDENTITY_ROWS = T("按列检查的恒等式不用 rows", "an identity checked by column takes no rows")
COLUMN_IDENTITY_ROWS_EXPECTED = T("去掉 rows（each: column 时 rows 不起作用）",
                                  "no rows (with each: column they do nothing)")
NO_SUCH_BLOCK = T("表“{table}”没有这一块", "the table {table} has no such block")
NO_ROWS_STARTING = T("没有以“{prefix}”开头的行", "no row starts with {prefix}")
ROW_GROUP_EXPECTED = T("表“{table}”中某一组行的键加 .*", "the key of a group of rows of {table}, with .*")
NO_SUCH_ROW = T("表“{table}”没有行“{row}”", "the table {table} has no row {row}")
ROW_KEY_EXPECTED = T("表“{table}”的行的键", "a row key of {table}")
ROW_LACKS_BLOCK_COLUMNS = T("行“{row}”没有所查块的列", "the row {row} lacks columns of the block checked")
ROW_WITH_COLUMNS = T("有 {columns} 各列的行", "a row with the columns {columns}")
LACKING = T("缺 {columns}", "lacks {columns}")
NAME_THE_BLOCK = T("用 block: 指明行所在的块（写块的 band）", "name the rows' block with block: (its band)")
ROW_IDENTITY_BLOCK = T("按行检查的恒等式不用 block", "an identity checked by row takes no block")
ROW_IDENTITY_BLOCK_EXPECTED = T("用 rows 选行", "rows to choose the rows")
STAR_IN_ROW_IDENTITY = T("x.* 只用于按列检查的恒等式", "x.* is for identities checked by column only")
COLUMN_KEY = T("列的键", "a column key")
NO_SUCH_COLUMN = T("表“{table}”没有列“{column}”", "the table {table} has no column {column}")
COLUMN_KEY_OF = T("表“{table}”的列的键", "a column key of {table}")
ROW_LACKS_COLUMNS = T("行“{row}”没有恒等式所用的列", "the row {row} lacks columns the identity uses")
NO_BLOCK_WITH_COLUMNS = T("没有哪一块同时有恒等式所用的各列", "no block has all the columns the identity uses")
NO_BLOCK_WITH_COLUMNS_EXPECTED = T("同一块中的列", "columns of one block")
NO_BLOCK_WITH_COLUMNS_HINT = T("用 rows 选行，或改正列的键", "choose the rows with rows, or correct the column keys")
ROW_HAS_NO_COLUMN = T("行“{row}”没有列“{column}”", "the row {row} has no column {column}")

# --- programming errors: a format object asked for what it has not (KeyError) ---------------------------

OBJECT_NO_ROW = T("{table} 没有行 {key}", "{table} has no row {key}")
OBJECT_NO_TABLE = T("格式 {format} 没有表 {key}", "format {format} has no table {key}")


def described(description: str) -> str:
    """A field's description (its Chinese, as the model holds it) in the language of the run."""
    text = _BY_CHINESE.get(description)
    return text() if text is not None else description


_BY_CHINESE = {value.zh: value for value in list(globals().values()) if isinstance(value, Text)}

# --- figures.yml (nianbao/figures) -------------------------------------------------------------------
FIGURES_INVALID = T("{file} 写得不对：{error}", "{file} is not valid: {error}")
FIGURES_FAULTS = T("{file} 有错误：", "{file} has faults:")
FIGURES_DOUBLED = T("编号 {id} 用了两次", "id {id} is given twice")
FIGURES_NOT_A_CONCEPT = T("{id}：{cell} 不是任何格式的 concepts 中的单元格",
                          "{id}: {cell} is not a concept of any format")
FIGURES_NO_FIGURE = T("{id}：没有编号为 {figure} 的数字", "{id}: there is no figure {figure}")

