"""What the importer (``python -m nianbao import``) says to a maintainer: its command line, the
summary it prints for each source, and every note, warning and error about a source.

Chinese first, English beside it. What the importer writes into the data itself (the reason of an
acknowledgement, the label of an ``unplaced`` entry) is a plain string, always Chinese: a data
file must read the same whatever language the import ran in.
"""

from __future__ import annotations

from .core import Text

T = Text

# --- the command line ------------------------------------------------------------------------------

PROG = "python -m nianbao import"
DESCRIPTION = T("把公开的政府信息公开工作年度报告（网页、纯文本、文字版 PDF、Word，或装有它们的文件夹）导入 data/ 文件夹。",
                "Import published 政府信息公开工作年度报告 (HTML pages, plain text, text-based PDF, Word, folders of "
                "them) into data/.")
METAVAR_SOURCE = T("来源", "SOURCE")
METAVAR_SLUG = T("文件夹名", "SLUG")
METAVAR_YEAR = T("年度", "YYYY")
METAVAR_DIR = T("文件夹", "DIR")
HELP_SOURCE = T("要导入的网页、文本、PDF 或 Word 文件，或装有它们的文件夹",
                "HTML, text, PDF or Word files, or folders of them")
HELP_BODY = T("机关在 data/ 下的文件夹名（如 wanggang-zhen）；不写时，按报告落款的名称在 data/*/body.yml 中"
              "查找机关，新机关的文件夹名取其简称的拼音",
              "the body's folder under data/ (e.g. wanggang-zhen); without it, the body is looked up by name "
              "among data/*/body.yml, and a new body's folder is its short name in pinyin")
HELP_YEAR = T("报告年度，原文没有写明时用", "the report year, when the text does not say it")
HELP_DATA = T("数据文件夹（默认为 data）", "the data folder (data)")
HELP_REPORT = T("把导入汇总另存为 CSV 文件（如 import.csv），可用 Excel 或 WPS 打开",
                "also write the import summary as a CSV file (e.g. import.csv), for Excel")
METAVAR_FILE = T("文件", "FILE")
HELP_FORCE = T("覆盖已有的报告文件", "overwrite existing report files")

ERROR = T("错误：{message}", "error: {message}")
BAD_BODY = T("--body 「{body}」：文件夹名只能用小写字母、数字和 -（如 wanggang-zhen）",
             "--body {body!r}: use lower-case letters, digits and '-' (e.g. wanggang-zhen)")
BAD_YEAR = T("--year {year}：应写报告年度，如 2020", "--year {year}: expected a report year such as 2020")
DATA_NOT_FOLDER = T("--data {path}：这不是文件夹；请写数据文件夹的路径", "--data {path}: not a folder")
NO_SUCH_SOURCE = T("{path}：没有这个文件或文件夹；请检查路径", "{path}: no such file or folder")
NO_SOURCES = T("没有要导入的文件：给出的文件夹是空的", "no source files given")

SKIPPED = T("跳过 {path}：{why}", "skipped {path}: {why}")
NOT_A_SOURCE = T("不是网页或文本文件", "not an HTML or text file")
KIND_UNREADABLE = T("{kind} 文件，读不了", "{kind} (not readable)")
TOTALS = T("{imported} 份已导入，{partial} 份部分导入，{failed} 份失败",
           "{imported} imported, {partial} partly imported, {failed} failed")

# --- the files a source cannot be read from -----------------------------------------------------------

KINDS = {"pdf": T("PDF"), "word": T("Word"), "wps": T("WPS"), "excel": T("Excel"), "image": T("图片", "an image")}
UNREADABLE_KIND = T("{kind} 文件读不了：请先把报告另存为网页（HTML）或纯文本再导入",
                    "{kind} files cannot be read; save the report as HTML (网页) or plain text first")
CANNOT_READ = T("读不了这个文件：{error}", "cannot read the file: {error}")
FILE_TOO_LARGE = T("文件过大：{size} 字节，超过上限 {limit} 字节，没有读取；年度报告的网页通常不到 1 MB，"
                   "请确认这是年度报告，或只把报告正文另存为网页或文本再导入",
                   "the file is too large: {size} bytes, over the limit of {limit}; not read. A report's page "
                   "is usually under 1 MB: check that this is the report, or save only its text as a page or text")
TIME_LIMIT = T("读取超过时限 {seconds:g} 秒，已停止，什么也没有写入：原文过大或结构异常；"
               "请检查原文是否为年度报告，或只把报告正文另存为网页或文本再导入",
               "reading took longer than {seconds:g} s and was stopped; nothing was written. Check that the "
               "source is a report, or save only its text as a page or text")

# --- PDF files (nianbao/importer/pdf_source.py) ------------------------------------------------------

PDF_EMPTY = T("文件是空的（0 字节），不是 PDF：请重新下载或导出报告的 PDF 再导入",
              "the file is empty (0 bytes), not a PDF: download or export the report's PDF again")
PDF_NOT_PDF = T("文件名是 .pdf，内容却不是 PDF 文件：请确认下载的是报告本身（而不是网页或错误提示），"
                "或把报告另存为网页、纯文本再导入",
                "the file is named .pdf but is not a PDF: check that the download is the report itself "
                "(not a web page or an error), or save the report as HTML or text")
PDF_CORRUPT = T("PDF 文件已损坏或不完整，读不了：请重新下载或导出报告的 PDF，或改用报告的网页、Word 原件",
                "the PDF is damaged or incomplete and cannot be read: download or export it again, or use the "
                "report's web page or Word original")
PDF_ENCRYPTED = T("PDF 文件加了密码保护，读不了：请向发布机关索取未加密的 PDF 或 Word 原件，"
                  "或把报告另存为网页、纯文本再导入",
                  "the PDF is password-protected and cannot be read: ask the publishing body for an unprotected "
                  "PDF or the Word original, or save the report as HTML or text")
PDF_SCANNED = T("这是扫描件：PDF 的 {pages} 页都只有图片，没有文字，本工具不做文字识别（OCR），没有读取；"
                "请向发布机关索取文字版 PDF 或 Word 原件，或对照扫描件把数字手工录入数据文件",
                "this is a scan: the PDF's {pages} page(s) hold only images and no text, and there is no OCR; "
                "nothing was read. Ask the publishing body for the text PDF or the Word original, or type the "
                "figures into the data file from the scan")
PDF_SCANNED_PAGES = T("PDF 第 {pages} 页只有图片（扫描页），没有文字，未读取：这些页上的表格和文字需对照原文手工录入，"
                      "或向发布机关索取文字版 PDF 或 Word 原件",
                      "page(s) {pages} of the PDF hold only images (scanned pages) and no text, not read: type "
                      "what they hold from the source, or ask for the text PDF or the Word original")
PDF_NO_TEXT = T("PDF 文件里没有文字，也没有图片，没有可读取的内容：请确认这是年度报告，或改用报告的网页、Word 原件",
                "the PDF holds no text and no images, nothing to read: check that it is the report, or use "
                "the report's web page or Word original")
PDF_TOO_MANY_PAGES = T("PDF 有 {pages} 页，只读取了前 {limit} 页，其余未读取：年度报告通常不到 30 页；"
                       "请确认这是年度报告，或只把报告本身另存为 PDF 再导入",
                       "the PDF has {pages} pages; only the first {limit} were read: a report is usually under "
                       "30 pages. Check that this is the report, or save only the report as a PDF")
PDF_PAGE_UNREADABLE = T("PDF 第 {page} 页已损坏，读不了，已跳过：请核对这一页的内容，或重新导出报告的 PDF",
                        "page {page} of the PDF is damaged and was skipped: check what it holds, or export the "
                        "PDF again")

# --- encodings ---------------------------------------------------------------------------------------

UTF16_WITHOUT_BOM = T("文件是没有字节顺序标记的 UTF-16 文本，已按 {codec} 读取；请核对导入的文字有无乱码",
                      "the file is UTF-16 without a byte-order mark, read as {codec}; check the text for garbling")
DECLARED_BUT_UTF8 = T("网页声明的编码为 {declared}，但内容是有效的 UTF-8，已按 UTF-8 读取；请核对导入的文字有无乱码",
                      "the page declares {declared} but is valid UTF-8, read as UTF-8; check the text for garbling")
DECLARED_UNKNOWN = T("网页声明的编码「{declared}」无法识别，已按内容判断编码；请核对导入的文字有无乱码",
                     "the page declares the unknown encoding {declared}; the encoding was judged from the content. "
                     "Check the text for garbling")
DECLARED_UNUSABLE = T("网页声明的编码「{declared}」不是网页可用的文字编码，已按内容判断编码；请核对导入的文字有无乱码",
                      "the page declares {declared}, which is no text encoding of web pages; the encoding was "
                      "judged from the content. Check the text for garbling")
DECLARED_BUT_GB = T("网页声明的编码为 {declared}，但内容是 GB18030（GBK）编码的中文，已按 GB18030 读取；"
                    "请核对导入的文字有无乱码",
                    "the page declares {declared} but holds GB18030 (GBK) Chinese, read as GB18030; check the "
                    "text for garbling")
DECLARED_BUT_OTHER = T("网页声明的编码为 {declared}，但内容不是这种编码，已按内容判断编码；请核对导入的文字有无乱码",
                       "the page declares {declared} but is not in it; the encoding was judged from the content. "
                       "Check the text for garbling")
NO_ENCODING = T("文件不是任何已知编码的有效文本：已按 {codec} 读取，{count} 个无法识别的字符换成了 �；"
                "请找到原文正确的编码或重新保存原文",
                "the file is valid text in no known encoding: read as {codec}, {count} undecodable "
                "character(s) replaced by �; find the source's encoding or save it again")

# --- limits of a page --------------------------------------------------------------------------------

GRID_TOO_LARGE = T("表格展开合并单元格后约有 {size} 格，超过上限 {limit} 格：不展开合并单元格，逐格照原样读取；"
                   "请检查原文是否为年度报告，并核对这个表格的数字",
                   "a table of about {size} cells once its merged cells are expanded, over the limit of {limit}: "
                   "read cell by cell without the merges; check its figures")
SPANS_CLAMPED = T("表格有 {count} 个单元格的 rowspan/colspan 超过上限 {limit}（最大为 {largest}）：按 {limit} 读取；"
                  "请对照原文核对这个表格",
                  "{count} cell(s) of a table span more than {limit} rows or columns (at most {largest}): read "
                  "as {limit}; check the table against the source")
PAGE_ELEMENTS = T("网页的元素超过上限 {limit} 个，没有读取：不像一份年度报告；请检查原文，或只把报告正文另存为网页再导入",
                  "the page has more than {limit} elements and was not read: it is not like a report. Check "
                  "the source, or save only the report's text as a page")
PAGE_PIECES = T("网页的文字碎成超过 {limit} 段（大量的字符引用或无效字符），没有读取：不像一份年度报告；"
                "请检查原文的编码，或只把报告正文另存为网页再导入",
                "the page's text falls into more than {limit} pieces (character references or invalid "
                "characters) and was not read; check the source's encoding, or save only its text as a page")
ROWS_OVER = T("表格行数超过上限 {limit} 行（{which}）：只读取前 {limit} 行；请检查原文是否为年度报告",
              "a table has more than {limit} rows ({which}): only the first {limit} were read; check that "
              "the source is a report")
ROWS_OVER_ONE = T("实为 {rows} 行", "{rows} rows")
ROWS_OVER_MANY = T("{tables} 个表格超过，最多的实为 {rows} 行", "{tables} tables, the longest of {rows} rows")
TOO_MANY_ELEMENTS = T("网页有 {count} 个元素，去掉多余的行和空的包裹元素后仍超过上限 {limit} 个，没有读取："
                      "不像一份年度报告；请检查原文，或只把报告正文另存为网页再导入",
                      "the page has {count} elements, over the limit of {limit} even without the extra rows "
                      "and empty wrappers; not read. Check the source, or save only the report's text as a page")
TOO_MANY_TABLES = T("网页有 {count} 个表格，超过上限 {limit} 个，没有读取：不像一份年度报告；请检查原文，"
                    "或只把报告正文另存为网页再导入",
                    "the page has {count} tables, over the limit of {limit}; not read. Check the source, or save "
                    "only the report's text as a page")
DEPTH = T("网页嵌套 {depth} 层，超过上限 {limit} 层：{done}", "the page is nested {depth} deep, over {limit}: {done}")
DEPTH_SEPARATOR = T("，", "; ")
UNWRAPPED = T("去掉了 {count} 个只起包裹作用的空元素", "{count} empty wrapping element(s) taken out")
FLATTENED = T("嵌套超过 {limit} 层的 {count} 个元素只保留了文字（其中的表格不再按表格读取）；请对照原文核对导入的内容",
              "{count} element(s) nested deeper than {limit} kept as text only (tables in them not read as "
              "tables); check the import against the source")
TEXT_TABLE_TOO_LARGE = T("表格超过上限（{rows_limit} 行或 {cells_limit} 格；实为 {rows} 行）：只读取前 {kept} 行；"
                         "请检查原文是否为年度报告",
                         "a table over the limit ({rows_limit} rows or {cells_limit} cells; {rows} rows): only "
                         "the first {kept} were read; check that the source is a report")
TEXT_TOO_MANY_BLOCKS = T("文本超过 {limit} 段，没有读取：不像一份年度报告；请检查原文，或只把报告正文另存为文本再导入",
                         "the text has more than {limit} paragraphs and was not read; check the source, or save "
                         "only the report's text")

# --- what the source is ------------------------------------------------------------------------------

YEAR_DISAGREES = T("给了 --year {given}，但报告写的是 {stated} 年；按 {given} 年导入",
                   "--year {given} given, but the report says {stated}; using {given}")
YEAR_ASSUMED = T("标题和正文都没有写明报告年度；按{source} {published} 的前一年，当作 {year} 年；"
                 "如果不对，用 --year 指定",
                 "report year not stated in the title or the text; assumed {year} (the year before the "
                 "{source} {published}); pass --year if not")
DATE_CLOSING = T("落款日期", "date under the signature")
DATE_PAGE = T("发布日期", "publication date")
YEAR_FROM_TEXT = T("标题没有写明报告年度；按正文中的「{text}」当作 {year} 年；如果不对，用 --year 指定",
                   "report year not stated in the title; {year} taken from the text 「{text}」; pass --year if not")
NO_YEAR = T("标题和正文都没有写明报告年度：请用 --year 指定（如 --year 2021）",
            "the report year is not in the title or the text; pass --year YYYY")
FORMAT_BY_LABELS = T("{format}（由表格标签判断：{votes}）", "{format} (by the table labels: {votes})")
FORMAT_BY_YEAR = T("{format}（表格标签看不出格式：{votes}；按报告年度确定）",
                   "{format} (the table labels do not tell: {votes}; taken from the report year)")
FORMAT_ASSUMED = T("从表格看不出用的是哪一种格式；当作 {format}（{notice}）：请与原文核对",
                   "the tables do not show which format they follow; assumed {format} ({notice})")
NOT_A_REPORT_IMAGES = T("正文中没有各部分的标题，也没有表格；网页上只有图片（报告可能是以图片或扫描件发布的）："
                        "请照原文手工录入",
                        "no part headings and no tables in the text; the page shows images only (the report "
                        "may be published as pictures or a scan)")
NOT_A_REPORT_EMPTY = T("没有找到各部分的标题（一、总体情况 …），也没有找到统计表：网页可能不完整或是空的；"
                       "请找到完整的原文再导入",
                       "no part headings (一、总体情况 …) and no statutory tables found: the page may be "
                       "truncated or empty")
NOT_A_REPORT = T("这不是年度报告：没有“年度报告”的标题，没有各部分的标题（一、总体情况 …），也没有统计表",
                 "not an annual report: no 年度报告 title, no part headings (一、总体情况 …), no statutory tables")
TABLE_AS_IMAGES = T("缺少表格 {part}、{caption}：第{part}部分是 {count} 张图片（{sources}）；以图片发布的表格读不出来，"
                    "请照原文手工填写这张表的数字",
                    "table {part}、{caption} is missing: part {part} shows {count} image(s) instead ({sources}); "
                    "a table published as an image cannot be read: type its values in")
TABLE_NOT_AFTER_HEADING = T("缺少表格 {part}、{caption}：有这一部分的标题，但后面没有表格；请对照原文补上",
                            "table {part}、{caption} is missing: the heading is there, but no table follows it")
TABLE_AND_HEADING_MISSING = T("缺少表格 {part}、{caption}，这一部分的标题也没有找到；请对照原文补上",
                              "table {part}、{caption} is missing, and so is its part heading")
TRUNCATED = T("原文看起来不完整：在{stops}中断，其后缺少第 {parts} 部分{no_date}；请找到完整的原文再导入",
              "the source looks truncated: it stops in {stops}; parts {parts} missing after it{no_date}")
STOPS_IN_PART = T("第{part}部分", "part {part}")
STOPS_BEFORE = T("第一部分之前", "before part 一")
TRUNCATED_NO_DATE = T("，也没有落款日期", ", no closing date")
NO_PUBLISHED = T("没有找到公布日期（报告末尾的日期，如 2021年1月26日）：请对照原文填写 published",
                 "no publication date found (the date at the end, e.g. 2021年1月26日)")
NO_TITLE = T("没有找到标题：请对照原文填写 title", "no title found")
DATE_FROM_PAGE = T("报告末尾没有落款日期；用了网页的发布日期 {date}：请与原文核对",
                   "no date at the end of the report; used the page's publication date {date}")
NO_CLOSING_DATE = T("报告末尾没有落款日期", "no date at the end of the report (落款日期)")
HEADING_RENUMBERED = T("标题「{text}」的序号是{numeral}，内容却是第{key}部分；已放在第{key}部分下：请与原文核对",
                       "heading 「{text}」 is numbered {numeral} but reads as part {key}; placed as {key}")
TITLE_FROM_PAGE = T("正文中没有标题；用了网页的标题「{title}」：请与原文核对",
                    "no title in the text; used the page's title 「{title}」")
RESULT_TOO_LARGE = T("导入结果约 {size} 字节，超过数据文件的上限 {limit} 字节，没有写入：原文的文字远多于一份年度报告；"
                     "请检查原文，或只把报告正文另存为网页或文本再导入",
                     "the import would be about {size} bytes, over the data files' limit of {limit}; not "
                     "written. Check the source, or save only the report's text as a page or text")

# --- part 六's fees ---------------------------------------------------------------------------------

FEES_TOO_MANY_DIGITS = T("第六部分有超过 {limit} 位的数字，信息处理费没有读取；请对照原文手工填写 parts.六.fees",
                         "part 六 has a number of more than {limit} digits; fees not read: add parts.六.fees by hand")
FEES_NOT_READ = T("第六部分提到了信息处理费，但没有能读出的数字；如果原文写了，请手工填写 parts.六.fees",
                  "part 六 mentions 信息处理费 but states no figure that could be read; add parts.六.fees by hand "
                  "if it gives them")
FEES_CONVERTED = T("信息处理费 {number}万元 按 {yuan} 元写入", "信息处理费 {number}万元 written as {yuan} 元")

# --- tables ------------------------------------------------------------------------------------------

ROW_UNRECOGNISED = T("认不出这一行表格，照录在 unplaced 下：{row}", "table row not recognised, kept under unplaced: {row}")
GROUP_ROW_WITH_VALUES = T("「{label}」一行有数字，但在 {format} 格式中它只是下面各行的分组名；这一行照录在 unplaced 下，"
                          "请对照原文填写",
                          "row 「{label}」 carries values, but in the {format} format it only groups sub-rows; "
                          "kept under unplaced")
GROUP_AS_ONE_ROW = T("「{label}」印成一行、没有分列其下各行：这一行的数字记作这一组的合计（照原文），其下各行为未填写",
                     "row 「{label}」 is printed as one row without its sub-rows: its figures are kept as the "
                     "group's total, as printed, and the sub-rows are not stated")
GROUP_AND_ROWS = T("「{label}」一行有数字，其下各行也有：读取其下各行，这一行的数字照录在 unplaced 下，请对照原文核对",
                   "row 「{label}」 carries figures and so do its sub-rows: the sub-rows are read, this row is kept "
                   "under unplaced")
TEXT_AFTER_LABEL = T("行名 {label} 后面还有文字：{text}", "text after the row label {label}: {text}")
ROW_NO_VALUES = T("{label}：没有数字，当作未填写（~）", "{label}: no values given; read as not stated (~)")
ROW_WIDTH = T("{label} 一行有 {cells} 格（{filled} 格有内容），表格有 {width} 栏：分不清哪个数字属于哪一栏，"
              "照录在 unplaced 下；请对照原文填写",
              "row {label}: {cells} cells ({filled} filled) for {width} columns; cannot tell which is which, "
              "kept under unplaced")
ROW_TWICE = T("{label} 一行出现了两次；第二次的照录在 unplaced 下", "row {label} appears twice; the second is kept under unplaced")
CELL_NOTE = T("{where}：{note}", "{where}: {note}")
SIDE_ROW_BLANK = T("{caption}：数据行是空的，当作未填写（~）", "{caption}: the data row is blank; read as not stated (~)")
SIDE_ROW_WIDTH = T("{caption}：数据行有 {count} 个数字，应有 {expected} 个；照录在 unplaced 下",
                   "{caption}: the data row has {count} values, expected {expected}; kept under unplaced")
HEADER_UNKNOWN = T("表头中的「{text}」不是 {format} 格式的内容（照录在 unplaced 下）",
                   "header text not in the {format} format: 「{text}」 (kept under unplaced)")
NO_COLUMN = T("{caption}：表格没有 {columns} 栏；写作未填写（~）",
              "{caption}: the table has no column {columns}; written as not stated (~)")
COLUMNS_REORDERED = T("{caption}：各栏的顺序是 {columns}；已按表头把数字放到对应的栏",
                      "{caption}: columns in the order {columns}; values placed by the header")
ROWS_NOT_FOUND = T("{caption}：有 {count} 行没有找到，写作未填写（~）：{rows}；请对照原文填写",
                   "{caption}: {count} row(s) not found, written as not stated (~): {rows}")
LABEL_BROKEN = T("标签「{shown}」的一个词中间断开了；按「{label}」读取",
                 "label 「{shown}」 has a break inside a word; read as 「{label}」")
LABEL_READ_AS = T("标签「{shown}」（{how}）按「{label}」读取", "label 「{shown}」 ({how}) read as 「{label}」")
LABEL_HOW = {"variant": T("已知的另一种写法", "a known variant wording"), "unnumbered": T("序号不同", "numbering differs"),
             "close": T("疑似错字", "a misspelling")}

# One table cell.
NONE_AS_BLANK = T("「无」当作未填写（空白）", "「无」 read as not stated (blank)")
THOUSANDS_DROPPED = T("「{text}」按 {value} 读取（去掉了千位分隔符）", "「{text}」 read as {value} (thousands separators dropped)")
UNIT_DROPPED = T("「{text}」按 {value} 读取（去掉了单位）", "「{text}」 read as {value} (unit dropped)")
COLUMN_UNIT = T("「{text}」按 {value} 读取（本栏的单位是 {unit}）", "「{text}」 read as {value} (the column is in {unit})")
OTHER_UNIT = T("「{text}」的单位与本栏（{unit}）不同，照原文保留；请核对",
               "「{text}」 has a unit other than the column's ({unit}); kept as published")
NOT_A_NUMBER = T("「{text}」不是数字", "「{text}」 is not a number")
NOT_AN_AMOUNT = T("「{text}」不是金额", "「{text}」 is not an amount")
NOT_A_VALUE = T("「{shown}」{why}：原文照录在 unplaced 下，请核对原文后手工填写",
                "「{shown}」 {why}: kept under unplaced; check the source and fill the cell in by hand")
DIGITS_OVER = T("有超过 {limit} 位的数字，不是统计数字", "has a number of more than {limit} digits, no figure")
VALUE_TOO_LONG = T("超过 {limit} 字，不是数值", "is longer than {limit} characters, no value")
SHOWN_LONG = T("{start}…（共 {length} 字）", "{start}… ({length} characters)")

# --- what is written: characters refused, lengths ------------------------------------------------

REMOVED_CHARS = T("原文有数据文件不允许的字符，已删除{spaced}：{chars}；这些字符看不见或会打乱文字的显示，"
                  "请对照原文核对这些地方的文字",
                  "the source has characters data files refuse; removed{spaced}: {chars}. They are invisible or "
                  "disturb the text: check these places against the source")
REMOVED_SPACED = T("（空白类的换成了空格）", " (white-space ones replaced by a space)")
NAME_TOO_LONG = T("机关名称超过 {limit} 字（实为 {length} 字）：只用前 {limit} 字；请用 --body 指定机关的文件夹，"
                  "并核对 body.yml 的 name",
                  "the body's name is longer than {limit} characters ({length}): the first {limit} are used; "
                  "choose its folder with --body and check name in body.yml")
URL_NOT_WRITTEN = T("原文网址有空白或引号，或超过 {limit} 字，没有写入 source_url，照录在 unplaced 下；请核对后手工填写",
                    "the source's address has white space or quotes, or is longer than {limit} characters: "
                    "kept under unplaced, not as source_url; check it and fill it in by hand")
LINE_TOO_LONG = T("{where} 超过 {limit} 字（实为 {length} 字）：只写入前 {limit} 字，全文照录在 unplaced 下；"
                  "请对照原文核对",
                  "{where} is longer than {limit} characters ({length}): the first {limit} written, the whole "
                  "under unplaced; check it against the source")
TEXT_TOO_LONG = T("{where} 超过 {limit} 字（实为 {length} 字）：只写入前 {kept} 字，其余照录在 unplaced 下；"
                  "请对照原文把它放回合适的位置",
                  "{where} is longer than {limit} characters ({length}): the first {kept} written, the rest "
                  "under unplaced; put it back where it belongs")

# The labels of what is kept under ``unplaced`` (data: always Chinese).
UNPLACED_ROW = "表格行：{cells}"
UNPLACED_DUPLICATE_ROW = "表格行（重复）：{label} | {cells}"
UNPLACED_HEADER = "表头：{text}"
UNPLACED_CELL = "{where}: {text}"
UNPLACED_URL = "source_url：{url}"
UNPLACED_WHOLE = "{where} 全文：{text}"
UNPLACED_REST = "{where} 超出 {limit} 字的部分：{text}"

# --- a new body ------------------------------------------------------------------------------------

SLUG_FROM_NAME = T("由名称得出", "from the name")
SLUG_WITH_DISTRICT = T("前面加上了所在区县的拼音", "with the district's pinyin in front")
SLUG_NUMBERED = T("加上了序号", "numbered")
SLUG_MADE = T("文件夹名 {slug} 由「{name}」的拼音得出{taken}；要用别的名字，用 --body 指定",
              "folder {slug} made from 「{name}」 in pinyin{taken}; pass --body SLUG to choose another")
SLUG_TAKEN = T("（{how}：{taken} 已属于另一个机关）", " ({how}: {taken} belongs to another body)")
NEW_BODY = T("新机关：已写 {path}；请核对其中推测的内容", "new body: wrote {path}; check its guesses")
REGION_FROM_DOCUMENTS = T("region 中的 {province} 由正文引用的省级文件推断：{evidence}；请核对",
                          "region {province} inferred from the provincial documents the text cites: {evidence}")
MORE_EVIDENCE = T("，另有 {count} 件", " and {count} more")
SEVERAL_PROVINCES = T("正文引用了多个省的文件（{provinces}），没有推断省份；请在 region 中填写",
                      "the text cites documents of several provinces ({provinces}); province not inferred")
REGION_FROM_CAPITAL = T("region 中的 {province} 由名称中的省会 {city} 推断；请核对",
                        "region {province} inferred from the city in the name ({city}, its capital)")
CITY_NOT_IN_PROVINCE = T("名称中的 {city} 不在 {province}，没有推断省份；请在 region 中填写",
                         "the name's city {city} is not in {province}; province not inferred")
NAME_AND_DOCUMENTS_DIFFER = T("名称表明机关在 {named}，但正文也引用了 {others} 的文件；请核对 region",
                              "the name says {named}, but the text also cites documents of {others}")
AREA_CODE_UNCONFIRMED = T("电话区号 {code} 是 {city}（{province}），但正文没有能印证它的省份，没有推断城市；请核对 region",
                          "the phone's area code {code} is {city} ({province}), but the text gives no province "
                          "to confirm it; city not inferred")
AREA_CODE_OTHER_PROVINCE = T("电话区号 {code} 是 {city}，不在 {province}，没有推断城市；请核对 region",
                             "the phone's area code {code} is {city}, not in {province}; city not inferred")
AREA_CODE_NAME_HAS_CITY = T("电话区号 {code} 是 {city}，但名称中已有 {units}，没有推断城市；请核对 region",
                            "the phone's area code {code} is {city}, but the name gives {units}; city not inferred")
REGION_FROM_AREA_CODE = T("region 中的 {city} 由电话区号 {code}（{phone}）推断；请核对",
                          "region {city} inferred from the phone's area code {code} ({phone})")
REGION_NAME_ONLY = T("region {region} 只是名称中写出的部分：请在前面补上上级行政区划（省、市）",
                     "region {region} is only what the name gives; add the higher levels (省, 市) in front")
REGION_FROM_NAME = T("region {region}：其中 {units} 来自名称", "region {region}: {units} from the name")
NO_REGION = T("名称中看不出行政区划：请在 body.yml 中填写 region（如 [黑龙江省, 哈尔滨市, 南岗区]）",
              "region not given by the name; add it (e.g. [黑龙江省, 哈尔滨市, 南岗区])")
LEVEL_GUESSED = T("level {level} 是由名称推测的：{reason}；请核对", "level {level} guessed from the name: {reason}; check it")
LEVEL_BY_TOWNSHIP = T("按名称中的「{unit}」判断为{level}", "「{unit}」 in the name makes it {level}")
LEVEL_BY_GOVERNMENT = T("按名称中的「{unit}」判断为{level}{municipality}", "「{unit}」 in the name makes it {level}{municipality}")
LEVEL_BY_OFFICE = T("按名称中的「{unit}」判断为{level}：办公厅（室）是{government}自己的办事机构，以本级政府工作部门的身份"
                    "另发年度报告，{government}的年度报告另有一份{municipality}",
                    "「{unit}」 in the name makes it {level}: the office of {government} publishes its own report "
                    "as one of the government's departments; the government's report is another{municipality}")
LEVEL_BY_ORGAN = T("按名称中的「{unit}」和「{organ}」判断为{level}{municipality}",
                   "「{unit}」 and 「{organ}」 in the name make it {level}{municipality}")
LEVEL_MUNICIPALITY = T("（{city}是直辖市，与省同级）", " ({city} is a municipality, at the level of a province)")
NO_LEVEL = T("名称中看不出机关的层级：请在 body.yml 中填写 level（{levels}）", "level not given by the name; add it ({levels})")
WEBSITE_TOO_LONG = T("网站地址超过 {limit} 字，没有写入 website；请对照原文手工填写",
                     "the website's address is longer than {limit} characters, not written as website; fill it "
                     "in by hand")
CONTACT_TOO_LONG = T("contact.{key} 超过 {limit} 字（「{start}…」共 {length} 字），没有写入；请对照原文手工填写",
                     "contact.{key} is longer than {limit} characters (「{start}…」, {length}), not written; fill "
                     "it in by hand")
BODY_LINE_TOO_LONG = T("{what} 超过 {limit} 字（实为 {length} 字），只写入前 {limit} 字；请对照原文改正",
                       "{what} is longer than {limit} characters ({length}): the first {limit} written; correct it")
BODY_CHARS_REMOVED = T("{what} 中删除了数据文件不允许的字符 {chars}；请对照原文核对",
                       "characters data files refuse taken out of {what}: {chars}; check it against the source")
REGION_UNIT_REFUSED = T("行政区划「{unit}」没有写入 region：{problem}；请手工填写",
                        "the region unit 「{unit}」 not written in region: {problem}; fill it in by hand")
SIGNED_OTHERWISE = T("报告的落款是「{name}」，但 {path} 写的是「{named}」：--body 是否写对了？",
                     "the report is signed 「{name}」 but {path} names 「{named}」: is --body right?")

# --- writing ----------------------------------------------------------------------------------------

NO_FOLDER = T("{data}/ 中没有名为「{name}」的机关，也无法从这个名称得出文件夹名：请用 --body 指定它的文件夹"
              "（新机关会同时写 body.yml）",
              "no body in {data}/ is named 「{name}」 and no folder name can be made from it; pass --body SLUG "
              "to choose its folder (a new body gets body.yml)")
CHECKED_PROVISIONAL = T("body.yml 还没有 {fields}：数据核对暂按 level {level} 和占位的 region 进行，原文中的核对结果已写为"
                        "已确认；填写 {fields} 后请运行 python -m nianbao check，核对与层级有关的规则",
                        "body.yml has no {fields} yet: the report was checked with level {level} and a placeholder "
                        "region, and the source's findings acknowledged; after filling in {fields}, run "
                        "python -m nianbao check for the rules that depend on the level")
NO_NAME = T("标题、落款和网页都没有写出机关的名称，无法得出文件夹名：请用 --body 指定它的文件夹（新机关会同时写 body.yml，"
            "再在其中填写 name）",
            "neither the title, the signature nor the page names the body, so no folder name can be made: pass "
            "--body SLUG (a new body gets body.yml; fill in its name)")
WRITTEN_TWICE = T("{target} 已在这次导入中由另一个来源写过：请检查这两个来源是否是同一机关同一年度的报告",
                  "{target} was already written from another source in this run")
LINKED = T("{path} 是符号链接（指向 {link}），导入不穿过链接写文件，--force 也不行；请删去这个链接"
           "（需要时换成真正的文件或文件夹）再导入",
           "{path} is a symbolic link (to {link}); the import writes through no link, --force or not: remove "
           "the link (or replace it by the real file or folder) and import again")
EXISTS = T("{target} 已经存在，没有覆盖；确实要覆盖时，加 --force", "{target} exists; pass --force to overwrite it")
NOT_WRITTEN = T("没有写 {target}：{problem}", "{target} not written: {problem}")
CHECK_FAILED = T("检查导入结果时出错（{error}），没有写 {target}；原有的文件没有改动。请解决这个问题（例如腾出磁盘空间）后重新导入",
                 "checking the import failed ({error}); {target} not written, the files there unchanged. Fix "
                 "it (e.g. free disk space) and import again")
WRITE_FAILED = T("写 {what} 时出错（{error}），没有写成；原有的文件没有改动。请解决这个问题（例如腾出磁盘空间）后重新导入",
                 "writing {what} failed ({error}); the files there are unchanged. Fix it (e.g. free disk "
                 "space) and import again")
BOTH_FILES = T("{body} 和 {target}", "{body} and {target}")
VALIDATOR_FAULT = T("检查导入的数据时发现 [{rule}] {path}：{message}{found}",
                    "validator [{rule}] {path}: {message}{found}")

# What the importer acknowledges (data: always Chinese). The reason itself is messages.ACK_REASON.
ACK_PART_FEWER = "{reason}：原文只有{count}个部分，没有“{key}、{heading}”。"
ACK_PART_NONE = "{reason}：原文没有“{key}、{heading}”。"

# --- the summary of one source ------------------------------------------------------------------------

S_FATAL = T("  错误：{message}", "  error:    {message}")
S_FORMAT = T("  格式：{note}{year}", "  format:   {note}{year}")
S_YEAR = T("；报告年度 {year}", "; report year {year}")
S_TABLES_FOUND = T("  表格：找到 {tables}", "  tables:   found {tables}")
S_TABLES_MISSING = T("        缺少 {tables}", "            missing {tables}")
S_TABLE = "{part}、{caption}"
S_NONE = T("无", "none")
S_PARTS = T("  部分：{present}{absent}", "  parts:    {present}{absent}")
S_PARTS_MISSING = T("；缺少 {parts}", "; missing {parts}")
S_FEES = T("  信息处理费：第六部分写明 {fees}", "  fees:     part 六 states {fees}")
S_LIST = T("，", ", ")
S_CELLS = T("、", ", ")
S_BODY = T("  机关：", "  body:")
S_ACKNOWLEDGED = T("  已确认的发现（{count} 个，原文如此：写在 acknowledged 下，理由为“与原文一致”）：",
                   "  acknowledged findings ({count}, as in the source; written under acknowledged: with reason "
                   "与原文一致):")
S_OPEN = T("  未确认的发现（{count} 个：它们取决于其他文件，没有确认；请用 python -m nianbao check 核对）：",
           "  open findings ({count}, not acknowledged: they depend on other files; check them with "
           "`python -m nianbao check`):")
S_UNPLACED = T("  未归位的内容（{count} 条，照录在 unplaced 下；请对照原文放到合适的位置）：",
               "  unplaced ({count}, kept under unplaced:):")
S_IGNORED = T("  忽略的网页文字（{count} 段）：{texts}", "  ignored page text ({count}): {texts}")
S_WARNINGS = T("  警告（{count} 条）：", "  warnings ({count}):")
S_NO_WARNINGS = T("  警告：无", "  warnings: none")
S_ERRORS = T("  错误（{count} 条）：", "  errors ({count}):")
S_NO_ERRORS = T("  错误：无", "  errors:   none")
S_RESULT = T("  结果：{status}", "  result:   {status}")
STATUS = {"imported": T("已导入", "imported"), "partial": T("部分导入（见错误）", "partly imported (see errors)"),
          "failed": T("失败，什么也没有写入", "failed, nothing written")}

# --- the summary of a batch: one row per source (nianbao/importer/batch_report.py) ---------------------

B_TITLE = T("导入汇总（{count} 份）：", "import summary ({count} sources):")
B_COLUMNS = (T("来源", "source"), T("机关文件夹", "body folder"), T("机关名称", "body name"), T("年度", "year"),
             T("格式", "format"), T("读出单元格", "cells read"), T("单元格总数", "cells in the format"), T("发现", "findings"), T("警告", "warnings"),
             T("结果", "result"), T("说明", "note"))
B_SKIPPED = T("跳过", "skipped")
B_WRITTEN = T("导入汇总已写入 {path}（CSV，UTF-8，可用 Excel 或 WPS 打开）", "import summary written to {path} (CSV, UTF-8)")
B_NOT_WRITTEN = T("导入汇总没有写入 {path}：{error}；请换一个可写的位置", "import summary not written to {path}: {error}")
S_FINDINGS = T("    - {rule} ×{count} {common}：{cells}", "    - {rule} ×{count} {common}: {cells}")
S_FINDING = T("    - {rule} {cells}：{message}{found}", "    - {rule} {cells}: {message}{found}")
S_FOUND = T("（实为 {found}）", " (found {found})")

# --- Word files (nianbao/importer/docx_source.py) ----------------------------------------------------

_WORD_INSTEAD = "请用 Word 或 WPS 打开后另存为 .docx 再导入，或改用报告的网页、PDF"
_WORD_INSTEAD_EN = "open it in Word or WPS and save it as .docx, or use the report's web page or PDF"
WORD_EMPTY = T("文件是空的（0 字节），不是 Word 文件：请重新下载报告的 Word 原件再导入",
               "the file is empty (0 bytes), not a Word file: download the report's Word original again")
WORD_NOT_WORD = T("文件名是 {suffix}，内容却不是 Word 文件：请确认下载的是报告本身（而不是网页或错误提示），"
                  + _WORD_INSTEAD,
                  "the file is named {suffix} but is not a Word file: check that the download is the report "
                  "itself (not a web page or an error), or " + _WORD_INSTEAD_EN)
WORD_NOT_DOCX = T("这是一个压缩包，但不是 Word 文档（.docx）：里面没有 Word 的正文；请确认下载的是报告本身，"
                  + _WORD_INSTEAD,
                  "this is a zip archive but not a Word document (.docx): it holds no Word body; check the "
                  "download, or " + _WORD_INSTEAD_EN)
WORD_CORRUPT = T("Word 文件已损坏或不完整，读不了：" + _WORD_INSTEAD + "；或重新下载",
                 "the Word file is damaged or incomplete and cannot be read: " + _WORD_INSTEAD_EN
                 + ", or download it again")
WORD_ENCRYPTED = T("Word 文件加了密码保护，读不了：请向发布机关索取未加密的文件，或打开后取消密码再另存为 .docx",
                   "the Word file is password-protected and cannot be read: ask the publishing body for an "
                   "unprotected file, or remove the password and save it as .docx")
WORD_IS_MARKUP = T("文件名是 {suffix}，内容却是网页（HTML）或纯文本，已按网页或文本读取：请对照原文核对",
                   "the file is named {suffix} but holds a web page (HTML) or plain text, read as such: check "
                   "against the source")
WORD_FILE_TOO_LARGE = T("Word 文件过大：{size} 字节，超过上限 {limit} 字节，没有读取；年度报告的 Word 文件通常不到 "
                        "5 MB，大的多半插入了原尺寸的图片：请删去或压缩图片后另存为 .docx，或改用报告的网页、PDF",
                        "the Word file is too large: {size} bytes, over the limit of {limit}; not read. A report "
                        "in Word is usually under 5 MB, a larger one holds full-size pictures: delete or compress "
                        "them and save as .docx, or use the report's web page or PDF")
WORD_TOO_MANY_PARTS = T("Word 文件里的部件超过 {limit} 个，没有读取：不像一份年度报告（可能是压缩炸弹）；" + _WORD_INSTEAD,
                        "the Word file holds more than {limit} parts and was not read: it is not like a report "
                        "(perhaps a zip bomb); " + _WORD_INSTEAD_EN)
WORD_UNPACKED_TOO_LARGE = T("Word 文件解压后有 {size} 字节，超过上限 {limit} 字节，没有读取：不像一份年度报告"
                            "（可能是压缩炸弹）；" + _WORD_INSTEAD,
                            "the Word file unpacks to {size} bytes, over the limit of {limit}; not read: it is "
                            "not like a report (perhaps a zip bomb); " + _WORD_INSTEAD_EN)
WORD_PART_TOO_LARGE = T("Word 文件的 {part} 解压后有 {size} 字节，超过上限 {limit} 字节，没有读取：不像一份年度报告"
                        "（可能是压缩炸弹）；" + _WORD_INSTEAD,
                        "{part} of the Word file unpacks to {size} bytes, over the limit of {limit}; not read: "
                        "it is not like a report (perhaps a zip bomb); " + _WORD_INSTEAD_EN)
WORD_TOO_MANY_ELEMENTS = T("Word 文件的 XML 元素超过上限 {limit} 个，没有读取：不像一份年度报告；" + _WORD_INSTEAD,
                           "the Word file has more than {limit} XML elements and was not read: it is not like "
                           "a report; " + _WORD_INSTEAD_EN)
WORD_TOO_DEEP = T("Word 文件的 XML 嵌套超过 {limit} 层，没有读取：不像一份年度报告；" + _WORD_INSTEAD,
                  "the Word file's XML is nested deeper than {limit} and was not read: it is not like a "
                  "report; " + _WORD_INSTEAD_EN)
WORD_TOO_MANY_BLOCKS = T("Word 文件超过 {limit} 段，没有读取：不像一份年度报告；请检查原文",
                         "the Word file has more than {limit} paragraphs and was not read: it is not like a "
                         "report. Check the source")
WORD_TOO_MANY_TABLES = T("Word 文件的表格超过上限 {limit} 个，没有读取：不像一份年度报告；请检查原文",
                         "the Word file has more than {limit} tables and was not read: it is not like a report. "
                         "Check the source")
WORD_NEEDS_LIBREOFFICE = T(
    "{name} 是旧版 Word 或 WPS 格式（{suffix}），要先转换成 .docx 才能读取，本机没有 LibreOffice（找不到 soffice 命令），"
    "没有读取。可以安装 LibreOffice 后再导入：sudo apt-get install libreoffice-writer-nogui；"
    "或者手工转换：soffice --headless --convert-to docx 文件，再导入生成的 .docx；"
    "也可以用 Word 或 WPS 打开后另存为 .docx",
    "{name} is in the older Word or WPS format ({suffix}) and must be converted to .docx first; "
    "LibreOffice (the soffice command) is not on this machine, so it was not read. Install it and import "
    "again: sudo apt-get install libreoffice-writer-nogui; or convert by hand: soffice --headless "
    "--convert-to docx FILE, and import the .docx; or save it as .docx from Word or WPS")
WORD_CONVERT_NOT_RUN = T("LibreOffice（soffice）启动不了：{error}；请检查它的安装，或用 Word、WPS 另存为 .docx 再导入",
                         "LibreOffice (soffice) could not be started: {error}; check its installation, or save "
                         "the file as .docx from Word or WPS")
WORD_CONVERT_FAILED = T("LibreOffice 没能把 {name} 转换成 .docx（退出码 {code}，没有生成文件），没有读取：文件可能已损坏"
                        "或加了密码；" + _WORD_INSTEAD,
                        "LibreOffice did not convert {name} to .docx (exit code {code}, no file made); not read: "
                        "the file may be damaged or password-protected; " + _WORD_INSTEAD_EN)
WORD_CONVERT_TIMEOUT = T("LibreOffice 转换超过 {seconds} 秒，已停止，没有读取：文件过大或结构异常；" + _WORD_INSTEAD,
                         "the LibreOffice conversion took longer than {seconds} s and was stopped; not read: the "
                         "file is too large or unusual; " + _WORD_INSTEAD_EN)
WORD_CONVERTED = T("{suffix} 文件由 LibreOffice 转换成 .docx 后读取：转换可能改变表格的合并单元格和编号，请逐格核对",
                   "the {suffix} file was read once LibreOffice converted it to .docx: the conversion may change "
                   "merged cells and numbering, check every cell")
