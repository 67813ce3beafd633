"""Every rule nianbao applies, with everything said about it. Rule ids appear here and nowhere else
in the code: the loader, the checks, the importer and the CLI name these constants.

Ids are stable (acknowledgements in the data and the exports name them): a changed rule keeps
its id, a new rule gets a new one.
"""

from __future__ import annotations

from .core import Rule, Text, Wording

T = Text
W = Wording

_ACK = T("如果公开的报告原文就是这样，在文件里确认这一发现", "if the published report says so, acknowledge this finding")
_FILES = "《政府信息公开工作年度报告》数据的存放约定（见维护指南）"

# --- data files -------------------------------------------------------------------------------

YAML_SYNTAX = Rule(
    "data.yaml", "error", "file", "文件写法有误",
    W(T("文件的写法有误，读不出来：{problem}", "the file is not readable YAML: {problem}"),
      hint=T("检查这一行附近的缩进、冒号和括号：同一层的内容左端对齐，冒号用半角 :，冒号后空一格",
             "check indentation, colons and brackets near this line")),
    "数据文件的格式有误，网站读不出其中的内容。", _FILES,
)
YAML_TAB = Rule(
    "data.tab", "error", "file", "用了制表符缩进",
    W(T("这一行用 Tab（制表符）缩进；YAML 只认空格", "a tab is used for indentation; YAML allows spaces only"),
      expected=T("用空格缩进（每层两个空格）", "indentation with spaces"), found=T("Tab 键输入的制表符", "a tab"),
      hint=T("把行首的 Tab 换成空格；在编辑器里打开“用空格代替制表符”", "replace the leading tab with spaces")),
    "数据文件的缩进有误，网站读不出其中的内容。", _FILES,
)
YAML_FULLWIDTH = Rule(
    "data.fullwidth", "error", "file", "用了全角冒号或全角空格",
    W(T("这一行用了全角的 {char}：键和值之间要用半角冒号 :，缩进要用半角空格",
        "a full-width {char} is used: keys need an ASCII colon, indentation ASCII spaces"),
      expected=T("{expected}", "{expected}"), found=T("{found}", "{found}"),
      hint=T("关闭输入法的全角模式后重新输入这个符号", "retype the character with the input method in half-width mode")),
    "数据文件里混入了全角符号，网站读不出其中的内容。", _FILES,
)
YAML_ENCODING = Rule(
    "data.encoding", "error", "file", "文件不是 UTF-8 编码",
    W(T("文件不是 UTF-8 编码（第 {byte} 个字节处）{guess}",
        "the file is not UTF-8 (at byte {byte}){guess}"),
      expected=T("UTF-8 编码的文本", "UTF-8 text"), found=T("{found}", "{found}"),
      hint=T("另存为 UTF-8：WPS 或 Word 中选“文件 → 另存为”，编码选 UTF-8；记事本中选“文件 → 另存为”，"
             "下方“编码”选 UTF-8，再保存", "save the file as UTF-8 (in Notepad: Save as, Encoding: UTF-8)")),
    "数据文件的编码有误，网站读不出其中的内容。", _FILES,
)
YAML_ALIAS = Rule(
    "data.alias", "error", "file", "用了 YAML 别名",
    W(T("不支持 YAML 别名（*）：第 {anchor_line} 行用 & 标记的内容在别处被 * 再次引用",
        "YAML aliases (*) are not supported: the anchor of line {anchor_line} is used again"),
      hint=T("请在每一处照写内容，不用 & 和 *", "write the content out each time, without & and *")),
    "数据文件用了网站不支持的写法。", "防止一处内容被展开成极大的数据（安全限制）",
)
YAML_TOO_DEEP = Rule(
    "data.too_deep", "error", "file", "嵌套过深",
    W(T("嵌套过深：超过 {limit} 层，年度报告的数据用不到这么多层", "nested more than {limit} levels deep"),
      hint=T("请检查缩进和括号", "check the indentation and brackets")),
    "数据文件的层次过深，网站不予读取。", "防止异常文件拖垮建站（安全限制）",
)
YAML_DUPLICATE_KEY = Rule(
    "data.duplicate_key", "error", "file", "同一个键写了两次",
    W(T("键 {key} 写了两次（第一次在第 {first} 行）", "the key {key} is given twice (first on line {first})"),
      hint=T("删去其中一处，或把两处的内容合并", "delete one of them or merge the two")),
    "同一项数据出现了两次，无法确定以哪一次为准。", _FILES,
)
YAML_KEY = Rule(
    "data.key", "error", "file", "键不是文字",
    W(T("键必须是普通文字", "a mapping key must be plain text"),
      hint=T("检查这一行冒号前面的内容", "check what stands before the colon")),
    "数据文件的写法有误。", _FILES,
)
YAML_TAG = Rule(
    "data.tag", "error", "file", "用了 YAML 类型标记",
    W(T("不支持 YAML 类型标记 {tag}", "the YAML tag {tag} is not supported"),
      hint=T("删去 !! 标记，直接写值", "delete the !! tag and write the plain value")),
    "数据文件用了网站不支持的写法。", _FILES,
)
NOT_MAPPING = Rule(
    "data.not_mapping", "error", "file", "文件内容不是键值对",
    W(T("文件应由“键: 值”组成", "the file must be a mapping of keys to values"),
      expected=T("如 title: 某某2021年政府信息公开工作年度报告", "e.g. title: …"), found=T("{found}", "{found}")),
    "数据文件是空的或写法有误。", _FILES,
)
NOT_REGULAR = Rule(
    "data.not_regular", "error", "file", "不是普通文件",
    W(T("{what}", "{what}"), expected=T("普通文件或文件夹", "a regular file or folder"), found=T("{found}", "{found}"),
      hint=T("{hint}", "{hint}")),
    "数据文件夹里有网站不读取的项目。", "只读取数据文件夹里的普通文件，不跟随链接（安全限制）",
)
TOO_LARGE = Rule(
    "data.too_large", "error", "file", "文件过大",
    W(T("文件过大：数据文件最多 {limit} 字节，一份年度报告约一万字节", "the file is larger than {limit} bytes"),
      found=T("{size} 字节", "{size} bytes"),
      hint=T("检查是否误把别的文件（如图片、表格）存成了这个名字", "is this really a report file?")),
    "数据文件过大，网站不予读取。", "防止异常文件拖垮建站（安全限制）",
)
SLUG = Rule(
    "data.slug", "error", "file", "文件夹名不可用",
    W(T("{problem}", "{problem}"), expected=T("小写字母 a-z、数字和 -，如 wanggang-zhen", "a-z, 0-9 and -"),
      found=T("{found}", "{found}"), hint=T("把文件夹改名，如 {suggestion}", "rename the folder, e.g. {suggestion}")),
    "机关的文件夹名就是网址的一部分，须由字母、数字和连字符组成。", "网址在各种服务器和操作系统上都能用",
)
NO_BODY = Rule(
    "data.no_body", "error", "file", "缺少 body.yml",
    W(T("每个机关的文件夹都要有 body.yml，写明机关名称、层级、地区和联系方式",
        "every body needs body.yml describing it"),
      expected=T("{expected}", "{expected}"), found=T("没有 body.yml", "no body.yml"),
      hint=T("用 python -m nianbao new-body 生成，或照 data/wanggang-zhen/body.yml 写一份",
             "create body.yml with name, level, region and contact")),
    "网站需要知道报告是哪个机关发布的。", "《条例》第五十条：年度报告由各级行政机关发布",
)
DUPLICATE_BODY = Rule(
    "data.duplicate_body", "error", "file", "同一机关写了两次",
    W(T("两个文件夹描述的是同一个机关（name 相同）", "two folders describe the same body (the same name)"),
      expected=T("每个机关只有一个文件夹", "one folder per body"),
      found=T("{name}，{other} 也是这个名称", "{name}, also the name in {other}"),
      hint=T("把两个文件夹合并成一个（报告文件放在同一个文件夹里），或改正其中一个 body.yml 的 name",
             "merge the two folders into one, or correct the name in one body.yml")),
    "同一机关的报告应集中在一处，才能按年度比较。", _FILES,
)
DUPLICATE_REPORT = Rule(
    "data.duplicate_report", "error", "file", "同一年度有两个文件",
    W(T("同一机关同一年度有两个文件", "two files hold the same body and year"),
      expected=T("每个年度一个文件", "one file per year"), found=T("{found}", "{found}"),
      hint=T("保留其中一个", "keep one of them")),
    "同一年度只能有一份报告。", _FILES,
)
STRAY_FILE = Rule(
    "data.stray_file", "error", "file", "文件名不符合约定",
    W(T("{what}", "{what}"), expected=T("{expected}", "{expected}"), found=T("{found}", "{found}"),
      hint=T("{hint}", "{hint}")),
    "文件名不符合约定的文件不会出现在网站上；为免报告被漏掉，建站时一并报错。", _FILES,
)
REGION_CLASH = Rule(
    "data.region_clash", "error", "field", "地区名写法不一致",
    W(T("两个地区名只差大小写或字符的编码形式，在 Windows 和 macOS 上会写进同一个文件夹",
        "two region names differ only in case or Unicode form"),
      expected=T("与其他机关写法一致：{other}", "the same spelling as other bodies: {other}"),
      found=T("{name}", "{name}"), hint=T("把 {name} 改写成 {other}", "write {name} as {other}")),
    "同一地区的写法应当一致，才能归在一起。", "网站按地区生成页面",
)
YEAR = Rule(
    "data.year", "error", "file", "报告年度超出范围",
    W(T("报告年度超出范围：文件名就是报告所属的年度", "the report year is out of range"),
      expected=T("{first} 至 {last} 年", "{first} to {last}"), found=T("{year}", "{year}"),
      hint=T("把文件改名为报告所属的年度，如 2021.yml", "rename the file to the report year, e.g. 2021.yml")),
    "报告年度从 2008 年《条例》施行起算。", "《中华人民共和国政府信息公开条例》自2008年5月1日起施行",
)

PARENT_UNKNOWN = Rule(
    "data.parent", "error", "field", "上级机关不在数据里",
    W(T("parent 写的是上级机关的文件夹名，数据里没有这个机关", "parent names a body folder that is not in the data"),
      expected=T("data/ 里另一个机关的文件夹名", "the folder name of another body in data/"),
      found=T("{parent}", "{parent}"), hint=T("{suggestion}", "{suggestion}")),
    "机关名录记下每个机关的上级机关，以便按上级汇总谁已公布、谁未公布。", _FILES,
    variants={"self": W(
        T("parent 写的是这个机关自己", "parent names the body itself"),
        expected=T("另一个机关的文件夹名", "another body's folder name"), found=T("{parent}", "{parent}"),
        hint=T("写上级机关的文件夹名，没有上级机关时删去 parent", "name the parent body's folder, or remove parent")),
        "cycle": W(
            T("上级机关绕成了一个圈：{chain}", "the parents go round in a circle: {chain}"),
            expected=T("一直往上能到一个没有上级的机关", "a chain of parents that ends at a body without one"),
            found=T("{parent}", "{parent}"), hint=T("改正其中一个 body.yml 的 parent", "correct parent in one body.yml")),
    },
)
OUTSIDE_YEARS = Rule(
    "B.1", "error", "report", "报告年度不在机关存续的年度内",
    W(T("body.yml 写明机关从 {since} 年度起存在（since），却有 {year} 年度的报告",
        "body.yml has the body exist from {since} (since), yet there is a report for {year}"),
      expected=T("{since} 年度及以后的报告", "reports for {since} or later"), found=T("{found}", "{found}"),
      hint=T("核对 body.yml 的 since，或这份报告是否放错了机关的文件夹",
             "check since in body.yml, or whether the report is in the wrong body's folder")),
    "机关名录写明机关从哪一年度起存在、到哪一年度为止；之外的年度不应有它的报告。", _FILES,
    variants={"after": W(
        T("body.yml 写明机关存在到 {until} 年度为止（until），却有 {year} 年度的报告",
          "body.yml has the body exist until {until} (until), yet there is a report for {year}"),
        expected=T("{until} 年度及以前的报告", "reports for {until} or earlier"), found=T("{found}", "{found}"),
        hint=T("核对 body.yml 的 until，或这份报告是否放错了机关的文件夹",
               "check until in body.yml, or whether the report is in the wrong body's folder")),
    },
)

# --- fields and values ------------------------------------------------------------------------

UNKNOWN_KEY = Rule(
    "data.unknown_key", "error", "field", "不认识的键",
    W(T("不认识的键 {key}", "unknown key {key}"), expected=T("以下之一：{allowed}", "one of: {allowed}"),
      found=T("{key}", "{key}"), hint=T("{suggestion}", "{suggestion}")),
    "数据里有网站不认识的项目，可能是拼写错误，其内容不会显示。", _FILES,
)
MISSING = Rule(
    "data.missing", "error", "field", "缺少必填项",
    W(T("缺少必填项 {key}", "required key {key} is missing"), expected=T("{expected}", "{expected}"),
      found=T("没有", "nothing"), hint=T("{hint}", "{hint}")),
    "报告缺少必要的信息。", _FILES,
    variants={"row": W(
        T("缺少一行：{label}", "row {label} is missing"), expected=T("{expected}", "{expected}"), found=T("没有", "nothing"),
        hint=T("报告中空着的格写 ~；任何一行都不能省略", "write ~ for each cell the report leaves blank")),
    },
)
WRONG_TYPE = Rule(
    "data.type", "error", "field", "取值类型不对",
    W(T("{what}", "{what}"), expected=T("{expected}", "{expected}"), found=T("{found}", "{found}"),
      hint=T("{hint}", "{hint}")),
    "数据的写法不对，网站读不出这一项。", _FILES,
)
INVALID = Rule(
    "data.invalid", "error", "field", "取值不符合要求",
    W(T("这一项的取值不符合要求", "this value is not allowed here"), expected=T("{expected}", "{expected}"),
      found=T("{found}", "{found}"), hint=T("{hint}", "{hint}")),
    "数据的取值不符合要求。", _FILES,
)
CHOICE = Rule(
    "data.choice", "error", "field", "只能从规定的取值中选",
    W(T("只能写规定的取值之一", "the value must be one of the allowed ones"),
      expected=T("以下之一：{allowed}", "one of: {allowed}"), found=T("{found}", "{found}"), hint=T("{hint}", "{hint}")),
    "这一项只能取规定的几个值之一。", _FILES,
)
DATE = Rule(
    "data.date", "error", "field", "日期写法不对",
    W(T("{what}", "{what}"), expected=T("年-月-日，如 2021-01-26", "YYYY-MM-DD, e.g. 2021-01-26"),
      found=T("{found}", "{found}"), hint=T("{hint}", "{hint}")),
    "日期须是能核对的日历日期。", "年度报告的公布期限按日计算（《条例》第四十九条）",
)
INVISIBLE_CHAR = Rule(
    "data.invisible_char", "error", "field", "含有看不见的字符",
    W(T("含有看不见的字符 {char}：请删去它。这类字符常随复制粘贴带入，会打乱网页的显示",
        "an invisible character {char}: delete it"),
      found=T("{char}", "{char}"),
      hint=T("在编辑器里把光标移到这一行的这一列，删除这个字符", "delete the character at this line and column")),
    "文字中混入了看不见的控制字符。", "这类字符会改变文字的显示顺序，甚至伪造内容（安全限制）",
    variants={"more": W(T("还有 {more} 个看不见的字符未一一列出，共 {total} 个",
                          "{more} more invisible characters, {total} in all"))},
)
ONE_LINE = Rule(
    "data.one_line", "error", "field", "只能写一行",
    W(T("只能写一行：请删去换行（标题、名称、小标题都是一行）", "one line only: delete the line break"),
      found=T("{found}", "{found}")),
    "标题和名称只有一行。", "页面标题和目录的显示",
)
TOO_LONG = Rule(
    "data.too_long", "error", "field", "文字过长",
    W(T("太长：最多 {limit} 个字符，实为 {length} 个", "too long: at most {limit} characters, found {length}"),
      found=T("{found}", "{found}"), hint=T("检查是否误把多段内容粘贴进了这一项", "was more pasted here than meant?")),
    "文字超出了这一项的长度上限。", "防止异常数据拖垮建站（安全限制）",
)
REGION_NAME = Rule(
    "data.region_name", "error", "field", "地区名不可用",
    W(T("{problem}", "{problem}"), found=T("{found}", "{found}"),
      hint=T("写地区的规范名称，如 黑龙江省、哈尔滨市", "write the region's official name")),
    "地区名用作网址，须是规范的地名。", "网站按地区生成页面",
)
NUMBER_WORD = Rule(
    "data.number_word", "error", "table", "数字格里写了文字",
    W(T("数字格里写了“{word}”：{meaning}", "the word {word} stands in a number cell: {meaning}"),
      expected=T("数字，如 0；报告中空着的格写 ~；不适用的格写 不适用", "a number; ~ for blank; 不适用"),
      found=T("{word}", "{word}"),
      hint=T("报告写“{word}”表示 0 时写 0；表示未填写时写 ~", "where the report writes {word} for none, write 0; for a blank cell, ~")),
    "表格中的数字格只能是数字、空白（未填写）或“不适用”，三者含义不同。", "不编造数字：0、未填写和不适用是三回事",
)
CELL = Rule(
    "data.cell", "error", "table", "单元格的值不对",
    W(T("{row} / {column}：{problem}", "{row} / {column}: {problem}"), expected=T("{expected}", "{expected}"),
      found=T("{found}", "{found}")),
    "表格中的数字写法不对。", "年度报告格式对各栏数字的要求",
)
CELL_COUNT = Rule(
    "data.length", "error", "table", "一行的格数不对",
    W(T("{row}：格数不对", "{row}: wrong number of cells"), expected=T("{count} 格（{columns}）", "{count} ({columns})"),
      found=T("{found} 格", "{found}"), hint=T("报告中空着的格写 ~", "write ~ for a cell the report leaves blank")),
    "表格的一行应与统一格式的栏数相同。", "年度报告格式规定的表格栏目",
)

# --- report content ---------------------------------------------------------------------------

FORMAT_YEAR = Rule(
    "F.1", "error", "report", "格式与年度不符",
    W(T("报告应使用其年度适用的统一格式", "a report uses the format prescribed for its year"),
      expected=T("{year} 年的报告用{expected}（{notice}）", "{expected} ({notice}) for report year {year}"),
      found=T("{found}（{found_notice}）", "{found} ({found_notice})"),
      hint=T("如果公开的报告用的就是旧表格，保留旧表格并确认这一发现", "keep the older tables and acknowledge this finding")),
    "每个年度的报告应使用国务院办公厅规定的当年格式。",
    "国办公开办函〔2019〕60号（2019—2020年度）、国办公开办函〔2021〕30号（2021年度起）", acknowledgeable=True,
)
DEADLINE = Rule(
    "D.1", "warning", "report", "公布晚于法定期限",
    W(T("《条例》第四十九条：年度报告应于规定期限前公布", "art. 49: the report is published by the deadline"),
      expected=T("{deadline} 前公布（{level}）", "by {deadline} ({level})"), found=T("{found}", "{found}"),
      hint=T("把公布日期与公开的报告核对", "check the date against the published report")),
    "部门应在次年1月31日前、人民政府应在次年3月31日前公布年度报告。",
    "《中华人民共和国政府信息公开条例》第四十九条", acknowledgeable=True,
)
PUBLISHED_IN_YEAR = Rule(
    "D.2", "error", "report", "公布日期早于年度结束",
    W(T("统计时限为本年度1月1日至12月31日，报告应在年度结束后发布",
        "the report covers the whole year and is published after it"),
      expected=T("{year}-12-31 以后的日期", "a date after {year}-12-31"), found=T("{found}", "{found}"),
      hint=T("文件名是报告所属的年度，不是公布的年度：是否把两者弄混了？", "is the file name the report year?")),
    "年度报告统计的是一整年的情况，只能在这一年结束后公布。", "年度报告格式：统计时限为本年度1月1日至12月31日",
    acknowledgeable=True,
)
PUBLISHED_MISSING = Rule(
    "D.3", "warning", "report", "未填写发布日期",
    W(T("报告还没有填写发布日期", "the report has no publication date yet"),
      expected=T("发布日期，年-月-日，如 {example}", "the date it was published, e.g. {example}"),
      found=T("未填写", "not stated"),
      hint=T("报告公布后，照公布的日期填写 published；未填写时网站仍可预览，但 --strict 生成会停下",
             "once the report is published, write its date under published; until then the site previews "
             "but a --strict build stops")),
    "报告的数据里还没有公布日期：这份报告多半还没有公布。", "《中华人民共和国政府信息公开条例》第四十九条",
)
PART_MISSING = Rule(
    "P.1", "error", "report", "缺少一个部分",
    W(T("年度报告应包括第{part}部分：{heading}", "the report has part {part}: {heading}"),
      expected=T("parts.{part}（{heading}）", "parts.{part} ({heading})"), found=T("没有", "nothing"),
      hint=T("如果公开的报告没有这一部分，确认这一发现", "if the published report has no such part, acknowledge it")),
    "年度报告应包括格式规定的六个部分。", "《条例》第五十条；年度报告格式规定的六个部分", acknowledgeable=True,
)
TABLE_MISSING = Rule(
    "P.2", "error", "report", "缺少一张表",
    W(T("表格缺失：{caption}", "table missing: {caption}"),
      expected=T("表格 {table}（{caption}）", "the table {table} ({caption})"), found=T("没有", "nothing"),
      hint=T("照公开的报告把表格抄进来；空着的格写 ~", "copy the table from the published report; ~ for blanks")),
    "年度报告应包括格式规定的统计表。", "年度报告格式规定的三张表", acknowledgeable=True,
)
PART_HEADING = Rule(
    "P.3", "warning", "report", "部分的标题与格式不符",
    W(T("第{part}部分应为：{heading}", "part {part} is: {heading}"),
      expected=T("标题含 {phrases}", "a heading with {phrases}"), found=T("{found}", "{found}"),
      hint=T("这一部分是否放在了正确的序号下？", "is the part under the right number?")),
    "各部分的标题应与统一格式一致，方便查找。", "年度报告格式规定的六个部分", acknowledgeable=True,
)
FEES_PLACE = Rule(
    "data.fees", "error", "report", "信息处理费放错了位置",
    W(T("信息处理费只在第{part}部分“{heading}”中报告", "fees are reported in part {part} ({heading}) only"),
      expected=T("写在 parts.{part}.fees 下", "under parts.{part}.fees"), found=T("写在 parts.{found}.fees 下", "under parts.{found}.fees"),
      hint=T("把 fees 移到 parts.{part} 下", "move fees under parts.{part}")),
    "信息处理费情况在格式规定的部分报告。", "国办公开办函〔2021〕30号：第六部分报告信息处理费的收取情况",
    variants={"no_part": W(
        T("{notice}没有信息处理费一项", "{notice} has no fees item"),
        expected=T("没有 fees", "no fees"), found=T("写在 parts.{found}.fees 下", "under parts.{found}.fees"),
        hint=T("删去 fees；这一格式的报告若写了收费情况，放在该部分的正文里", "remove fees; keep the report's text")),
    },
)
UNPAID_NEEDS_NOTICE = Rule(
    "C.1", "error", "report", "未缴费不再处理，但没有发出收费通知",
    W(T("因逾期未按收费通知缴费而不再处理的申请，须已发出收费通知",
        "an application dropped for unpaid fees needs a fee notice"),
      expected=T("第{part}部分 fees.notices_count 不少于 {unpaid}", "part {part} fees.notices_count ≥ {unpaid}"),
      found=T("{found}", "{found}"), hint=T("在第{part}部分（信息处理费）中填写收费通知的件数", "report the fee notices in part {part}")),
    "申请人逾期不缴费、申请不再处理的，机关事先必须发出过收费通知，两处数字应当对得上。",
    "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）", acknowledgeable=True,
)
FEES_OVER_NOTICES = Rule(
    "C.2", "error", "report", "实收信息处理费超过通知金额",
    W(T("实际收取的信息处理费不超过收费通知的总金额", "fees collected do not exceed the notices' total"),
      expected=T("实收金额 ≤ {notices}", "collected ≤ {notices}"), found=T("{found}", "{found}")),
    "实际收取的信息处理费不可能多于收费通知写明的金额。", "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
    acknowledgeable=True,
)
FEES_WITHOUT_NOTICE = Rule(
    "C.5", "error", "report", "收了信息处理费，却没有收费通知",
    W(T("收取了信息处理费，就须发出过收费通知", "fees collected need at least one fee notice"),
      expected=T("notices_count 不少于 1", "notices_count ≥ 1"), found=T("{found}", "{found}")),
    "收取信息处理费必须先向申请人发出收费通知。", "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
    acknowledgeable=True,
)
NARRATIVE = Rule(
    "C.3", "warning", "report", "正文数字与表格不一致",
    W(T("正文中的数字应与表格一致（{what}）", "figures in the text agree with the tables ({what})"),
      expected=T("{accepted}（表格中的{what}）", "{accepted} (from the table: {what})"), found=T("“{quote}”", "“{quote}”"),
      hint=T("正文和表格对不上：请与公开的报告核对两处", "the text and the table disagree; check both")),
    "报告正文写到的申请数、复议数等，应与统计表中的数字一致。", "年度报告正文与统计表相互印证（一种启发式核对）",
    acknowledgeable=True,
)
GOVERNMENT_DUTIES = Rule(
    "C.4", "warning", "report", "人民政府报告缺少考核、评议、追责情况",
    W(T("《条例》第五十条：人民政府的年度报告应包括工作考核、社会评议和责任追究结果情况",
        "art. 50: a government's report covers assessment, public review and accountability"),
      expected=T("报告写到工作考核、社会评议、责任追究", "the report mentions all three"),
      found=T("未写到：{missing}", "not mentioned: {missing}")),
    "人民政府的年度报告要说明政府信息公开工作的考核、社会评议和责任追究结果。",
    "《中华人民共和国政府信息公开条例》第五十条第（四）项", acknowledgeable=True,
)
STALE_ACKNOWLEDGEMENT = Rule(
    "A.1", "warning", "acknowledgement", "确认记录已无对应的发现",
    W(T("这条确认记录找不到对应的发现", "an acknowledgement that matches no finding"),
      expected=T("一个规则和单元格都相同的发现", "a finding with this rule and these cells"),
      found=T("{{rule: {ack_rule}, cells: {ack_cells}}}", "{{rule: {ack_rule}, cells: {ack_cells}}}"),
      hint=T("数据里已没有这个问题：删去这条确认记录", "the data no longer has this finding: remove it")),
    "维护者曾确认某处与原文一致，但数据修改后那处问题已经不存在。", "确认记录只用于如实保留原文的问题",
)

# --- revisions (修订记录): corrections of a published report ------------------------------------

_REVISIONS = "更正已公开的报告：表格和正文写更正后的值，修订记录写原值、日期和理由（见维护指南）"

REVISION_TARGET = Rule(
    "R.1", "error", "revision", "修订记录所指的单元格或部分不存在",
    W(T("修订记录所指的单元格在{format}中没有", "the revision names a cell that {format} does not have"),
      expected=T("表.行.栏，如 {example}", "table.row.column, e.g. {example}"), found=T("{cell}", "{cell}"),
      hint=T("{suggestion}", "{suggestion}")),
    "修订记录应指明报告中实际有的单元格或部分，读者才知道改的是哪一处。", _REVISIONS,
    variants={
        "row": W(T("{row}：这份报告{how}，修订记录所指的这一格不在报告的表格中",
                   "{row}: this report {how}, so the cell the revision names is not in its table"),
                 expected=T("报告表格中有的一格", "a cell of the report's table"), found=T("{cell}", "{cell}"),
                 hint=T("照报告表格的写法指明单元格", "name the cell as the report's table gives it")),
        "part": W(T("修订记录所指的第{part}部分在报告中没有", "the revision names part {part}, which the report lacks"),
                  expected=T("报告中有的部分：{parts}", "a part of the report: {parts}"),
                  found=T("parts.{part}", "parts.{part}")),
    },
)
REVISION_OLD_VALUE = Rule(
    "R.2", "error", "revision", "修订前的值写法不对",
    W(T("{row} / {column}：修订前的值也照表格的写法：{problem}", "{row} / {column}: the old value is written as the "
        "table's cells are: {problem}"),
      expected=T("{expected}", "{expected}"), found=T("{found}", "{found}")),
    "修订前的值是报告最初公布的数字，和表格里的数字一样只能是数字、空白或“不适用”。", _REVISIONS,
)
REVISION_UNCHANGED = Rule(
    "R.3", "warning", "revision", "修订前后的值相同",
    W(T("{what}：修订前的值与修订后的值相同，这一处没有改动", "{what}: the old value equals the new one: nothing changed"),
      expected=T("与 {new} 不同的原值", "an old value other than {new}"), found=T("{found}", "{found}"),
      hint=T("核对修订前公布的值；这一处确实没有改动的，从修订记录中删去",
             "check the value first published; if this did not change, remove it from the revision")),
    "修订记录只记改动过的地方。", _REVISIONS,
)
REVISION_BEFORE_PUBLISHED = Rule(
    "R.4", "error", "revision", "修订日期早于发布日期",
    W(T("报告发布之后才能修订", "a report is revised after it is published"),
      expected=T("{published} 或以后的日期", "{published} or later"), found=T("{found}", "{found}"),
      hint=T("核对修订日期和报告的发布日期（published）", "check the revision's date and the report's published")),
    "修订是对已公开报告的更正，日期不会早于报告的发布日期。", _REVISIONS,
)
REVISION_IN_FUTURE = Rule(
    "R.5", "error", "revision", "修订日期晚于今天",
    W(T("修订日期不能晚于生成网站的日期", "a revision is not dated after the day the site is built"),
      expected=T("{today} 或以前的日期", "{today} or earlier"), found=T("{found}", "{found}"),
      hint=T("核对修订日期的年份和月份", "check the year and month of the date")),
    "修订记录记的是已经做过的更正。", _REVISIONS,
)
REVISION_ORDER = Rule(
    "R.6", "warning", "revision", "修订记录未按日期先后排列",
    W(T("修订记录按日期先后排列，网页上依次编号", "revisions are listed oldest first, as the page numbers them"),
      expected=T("{previous} 或以后的日期", "{previous} or later"), found=T("{found}", "{found}"),
      hint=T("把这条修订移到日期更早的修订之前", "move this revision before the later ones")),
    "修订记录按时间顺序排列，读者才能看出每次改了什么。", _REVISIONS,
)
REVISION_TWICE = Rule(
    "R.7", "error", "revision", "一条修订把同一处写了两次",
    W(T("同一条修订中，{what} 写了两次", "one revision names {what} twice"),
      expected=T("每处只写一次", "each place once"), found=T("第 {first} 处和第 {second} 处", "changes {first} and {second}"),
      hint=T("删去其中一处", "delete one of them")),
    "同一次修订中，一处只有一个原值。", _REVISIONS,
)

# --- identities (勾稽关系): their arithmetic is in the format definitions -----------------------

_IDENTITY = W(
    T("{statement}；{axis}：{label}", "{statement}; {axis}: {label}"),
    expected=T("{expected}", "{expected}"), found=T("{found}", "{found}"),
    hint=T("两边相差 {difference}：请把这些格与公开的报告核对；如果报告原文如此，确认这一发现",
           "the sides differ by {difference}; check the cells, and acknowledge the finding if printed so"),
)
_INCOMPLETE = W(
    T("{statement}；{axis}：{label}", "{statement}; {axis}: {label}"),
    expected=T("{expected}，且每一格都已填写", "{expected}, every cell stated"),
    found=T("未填写：{blanks}", "not stated: {blanks}"),
    hint=T("空白格表示报告没有写这个数；照报告填写它给出的数字", "a blank means not stated; write the report's number"),
)


def _identity(rule_id: str, title: str, citizen: str, basis: str) -> Rule:
    # Severity and "reads another year" are filled in from the format definitions, which hold the
    # identity itself (see catalogue.identity_rule).
    return Rule(rule_id, "error", "identity", title, _IDENTITY, citizen, basis, acknowledgeable=True,
                variants={"incomplete": _INCOMPLETE})


_T3 = "年度报告格式表三的勾稽关系"
IDENTITIES = (
    _identity("T3.1", "申请的收与办对不上", "本年新收的申请加上年结转的申请，应等于本年办理完的加结转下年度继续办理的。",
              _T3 + "：本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和"),
    _identity("T3.2", "总计与各类申请人之和不符", "“总计”一栏，应等于自然人与各类法人或其他组织之和。", _T3 + "（由表头推出）"),
    _identity("T3.4", "办理结果总计与各项之和不符", "办理结果的“总计”，应等于予以公开、部分公开、不予公开等各项之和。",
              _T3 + "（由表格结构推出）"),
    _identity("T4.1", "复议、诉讼的总计与各项之和不符", "行政复议、行政诉讼的“总计”，应等于结果维持、结果纠正、其他结果、尚未审结之和。",
              "年度报告格式表四（由表格结构推出）"),
    _identity("T2.b", "废止的件数多于可废止的件数", "本年废止的文件，不会多于上年现行有效的加本年新制发的。",
              "年度报告格式表二（一种启发式核对）"),
    _identity("T2.c", "上一年项目数量加本年增减小于零", "项目的数量不会是负数：上一年的数量加本年的增减应不小于零。",
              "2019年格式表二（由表格结构推出）"),
    _identity("T2.d", "新公开的多于对外公开总数", "本年新公开的件数，不会多于累计的对外公开总数量。",
              "2019年格式表二（一种启发式核对）"),
    _identity("X.1", "上年结转与上年报告的结转下年度不符", "本年的“上年结转”应等于上一年度报告的“结转下年度继续办理”。",
              "同一机关相邻两个年度的报告相互衔接"),
    _identity("X.2", "现行有效件数与上年对不上", "现行有效件数应等于上年的现行有效件数加本年制发、减本年废止的件数。",
              "同一机关相邻两个年度的报告相互衔接（一种启发式核对）"),
    _identity("X.3", "上一年项目数量与上年报告不符", "本年的“上一年项目数量”应等于上年报告的“上一年项目数量”加“本年增/减”。",
              "同一机关相邻两个年度的报告相互衔接"),
    _identity("X.4", "对外公开总数量与上年对不上", "对外公开总数量大致应等于上年的总数量加本年新公开的数量。",
              "同一机关相邻两个年度的报告相互衔接（一种启发式核对）"),
)
IDENTITY_GENERIC = _identity(
    "", "勾稽关系不成立", "统计表中的数字应满足格式规定的加总关系。", "年度报告格式规定的勾稽关系")
