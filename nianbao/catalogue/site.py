"""What building, exporting and writing files say: the command line's ``pages``, ``shards``,
``schema`` and ``check`` lines, the build's settings, the exported tree, the sharded site's landing
page, the MkDocs hook, and every refusal to write a file.

Chinese first, English beside it. What is written *into* a file (a comment of a data file, the
header of a generated mkdocs.yml) is a plain string, always Chinese: a file must read the same
whatever language the run spoke.
"""

from __future__ import annotations

from .core import Text

T = Text

# --- the command line ------------------------------------------------------------------------------

# `check`: the data folder cannot be read. The prefix keeps its ASCII colon, as the command has always printed it.
CHECK_FAILED = T("nianbao check: {error}", "nianbao check: {error}")
SCHEMA_WROTE = T("已写出 {path}", "wrote {path}")
PAGES_FAILED = T("nianbao pages：{error}", "nianbao pages: {error}")
PAGES_NO_DATA = T("nianbao pages：{problem}（请设置 NIANBAO_DATA 指向数据文件夹，或建立 data/）",
                  "nianbao pages: {problem} (set NIANBAO_DATA or create data/)")
PAGES_WRITING_FILE = T("写 {file} 时", "writing {file}")
PAGES_WRITING = T("写出时", "writing")
PAGES_DISK_FAILED = T("nianbao pages：{where}出错（{error}），没有写成，原有的文件没有改动（{out} 保持原样）；"
                      "请解决这个问题（例如腾出磁盘空间）后重新运行",
                      "nianbao pages: {where} failed ({error}); nothing was written and the files already there "
                      "are unchanged ({out} stays as it was). Fix the problem (free some disk space, say) and run again")
PAGES_ONLY = T("（NIANBAO_ONLY：只有 {bodies} 的页面）", " (NIANBAO_ONLY: the pages of {bodies} only)")
PAGES_WROTE = T("已写出 {pages} 个生成的页面{only}，整个文件树共 {files} 个文件，在 {out}/；"
                "构建：cd {out} && mkdocs build（或 zensical build）",
                "wrote {pages} generated page(s){only}, {files} file(s) in the whole tree, in {out}/; "
                "build: cd {out} && mkdocs build (or zensical build)")
# MkDocs' log style for the lines `pages` prints as the hook build logs them; the level stays MkDocs'.
LOG_WARNING = "WARNING -  {message}"
LOG_INFO = "INFO    -  {message}"

# `shards`: one line per shard, then the totals. The prefix keeps its ASCII colon, as before.
SHARDS_FAILED = T("nianbao shards: {error}", "nianbao shards: {error}")
SHARD_STATUS = {"built": T("已生成", "built"), "reused": T("未变动", "reused"), "failed": T("失败", "failed")}
SHARD_LINE = T("{status:4} {slug:30} {bodies:5} 个机关 {reports:6} 份报告{seconds}",
               "{status:7} {slug:30} {bodies:5} bodies {reports:6} reports{seconds}")
SHARD_SECONDS = T(" {seconds:7.1f} 秒", " {seconds:7.1f} s")
SHARDS_TOTAL = T("共 {count} 个分站：{built} 个已生成，{reused} 个未变动沿用，{failed} 个失败；入口页 {landing}",
                 "{count} shard(s): {built} built, {reused} reused, {failed} failed; landing page {landing}")

# `shards --plan`: the plan of jobs (a CI matrix), one shard's build, the assembling step.
PLAN_WROTE = T("已写出计划 {path}：{count} 个分站，共 {reports} 份报告；每个分站运行一次 "
               "python -m nianbao shards --plan {path} --build 分站，全部完成后运行 --assemble",
               "wrote the plan {path}: {count} shard(s), {reports} report(s); run python -m nianbao shards "
               "--plan {path} --build SHARD for each shard, then --assemble once they are all done")
PLAN_MATRIX_LIMIT = T("计划有 {count} 个分站，多于 GitHub Actions 一个 matrix 的 {limit} 个任务：GitHub 的工作流"
                      "（--github-matrix）分成 {entries} 个任务，每个任务最多生成相邻的 {size} 个分站",
                      "the plan has {count} shards, more than the {limit} jobs of a GitHub Actions matrix: the GitHub "
                      "workflow (--github-matrix) runs {entries} jobs of up to {size} neighbouring shards each")
PLAN_WROTE_GITLAB = T("已写出 GitLab 子流水线 {path}", "wrote the GitLab child pipeline {path}")
PLAN_UNREADABLE = T("nianbao shards：读不了计划文件 {path}（{reason}）；请先运行 python -m nianbao shards --plan {path}",
                    "nianbao shards: cannot read the plan {path} ({reason}); write it first with "
                    "python -m nianbao shards --plan {path}")
PLAN_INVALID = T("nianbao shards：{path} 不是 python -m nianbao shards --plan 写出的计划；请重新写出",
                 "nianbao shards: {path} is not a plan written by python -m nianbao shards --plan; write it again")
PLAN_NO_SHARD = T("nianbao shards：计划 {path} 中没有分站 {slug}；计划中的分站：{shards}",
                  "nianbao shards: the plan {path} has no shard {slug}; its shards: {shards}")
PLAN_STALE = T("分站 {slug} 的数据或程序在写出计划之后改动过；请重新写出计划（python -m nianbao shards --plan …）再生成",
               "the data or the code of shard {slug} changed after the plan was written; write the plan again "
               "(python -m nianbao shards --plan …), then build")
PLAN_NEEDED = T("nianbao shards：--list、--pending、--build、--assemble 和 --gitlab 都要和 --plan 计划文件一起用",
                "nianbao shards: --list, --pending, --build, --assemble and --gitlab go with --plan FILE")
SHARDS_ASSEMBLED = T("共 {count} 个分站，{failed} 个未能生成（入口页上标为暂未发布）；入口页 {landing}",
                     "{count} shard(s), {failed} not built (listed as not yet published); landing page {landing}")

# --- the sharded site's landing page ---------------------------------------------------------------

SHARD_OTHER = T("其他", "other")  # the shard of bodies without a region
LANDING_TITLE = T("政府信息公开工作年度报告", "Annual reports on government information disclosure")
LANDING_INTRO = T("按地区浏览各机关的政府信息公开工作年度报告。每个地区是一个独立的网站，可在其中检索。",
                  "Browse the bodies' annual reports by region. Each region is a site of its own, with its own search.")
LANDING_REGION = T("地区", "Region")
LANDING_BODIES = T("机关", "Bodies")
LANDING_REPORTS = T("报告", "Reports")
LANDING_UNPUBLISHED = T("（暂未发布）", " (not yet published)")
LANDING_LANG = T("zh-CN", "en")  # the page's html lang, in the language its words are in

# --- the MkDocs hook -----------------------------------------------------------------------------------

HOOK_BAD_SETTINGS = T("nianbao：环境变量的值不能用，什么都没有生成。\n{error}",
                      "nianbao: an environment variable holds a value that cannot be used; nothing was built.\n{error}")
SEARCH_INDEX_FAILED = T("nianbao：搜索索引没有建成，网站没有更新。\n{error}",
                        "nianbao: the search index was not built; the site was not updated.\n{error}")
HOOK_FAILED = T("nianbao：{error}", "nianbao: {error}")
HOOK_OPEN_DATA_FAILED = T("nianbao：开放数据没有写成，网站没有更新。\n{error}",
                          "nianbao: the open data was not written; the site was not updated.\n{error}")
HOOK_MISSING_LINKS = T(
    "nianbao：页面的下载链接指向不存在的开放数据文件，网站没有更新。这是 nianbao 的缺陷，请报告：\n{links}",
    "nianbao: a page's download links name open-data files that are not written; the site was not updated. "
    "This is a fault in nianbao, please report it:\n{links}")

# --- the live preview (`make serve`): the page shown in place of every page while the site cannot be built ---

PREVIEW_TITLE = T("网站没有重新生成：{reason}", "The site was not rebuilt: {reason}")
PREVIEW_DATA_ERRORS = T("数据有问题{mode}", "the data has problems{mode}")
PREVIEW_DATA_DIR = T("数据文件夹有问题", "the data folder has a problem")
PREVIEW_CRASHED = T("生成时出错", "the build failed")
PREVIEW_RELOADS = T("网站因为下面这些问题没有重新生成。把文件改好并保存后，网站会重新生成，"
                    "这一页会自己刷新，显示改好的页面（不用手动刷新）。",
                    "The site was not rebuilt because of the problems below. Once the file is fixed and saved, the "
                    "site is rebuilt and this page reloads by itself, showing the fixed page (no need to reload it).")
PREVIEW_PROBLEMS = T("问题（与 python -m nianbao check 列出的相同）",
                     "Problems (as python -m nianbao check lists them)")
PREVIEW_CRASH_DETAIL = T("终端里有完整的出错信息。改正之后保存文件，这一页会自己刷新。",
                         "The terminal shows the whole error. Save the fixed file and this page reloads by itself.")
# The log line of `mkdocs serve` when the data has errors: the terminal says what the browser shows.
PREVIEW_FAILED = T("nianbao：{data}/ 中的数据有问题{mode}，网站没有重新生成；预览的页面都改为显示这些问题，"
                   "文件改好并保存后自动刷新。",
                   "nianbao: the data in {data}/ has problems{mode}; the site was not rebuilt. The preview's pages "
                   "show these problems instead, and reload once the file is fixed and saved.")
PREVIEW_BUILD_CRASHED = T("nianbao：生成网站时出错，预览的页面都改为显示这个错误，文件改好并保存后自动刷新。",
                          "nianbao: the build failed; the preview's pages show the error instead, and reload once "
                          "the file is fixed and saved.")
# `mkdocs serve` without --dirty rebuilds every page on each save; `make serve` passes it.
PREVIEW_NOT_IN_PLACE = T("nianbao：每次保存都会重新生成全部页面。加上 --dirty（mkdocs serve --dirty，"
                         "make serve 已经这样运行）只重新生成改动了的页面，大网站上一两秒就能看到。",
                         "nianbao: every save rebuilds every page. With --dirty (mkdocs serve --dirty, as make "
                         "serve runs it) only the pages that changed are rebuilt: a second or two on a large site.")

# --- the build's settings (environment variables) -------------------------------------------------------

SETTING_BAD = T("环境变量 {name}={value}：{reason}", "environment variable {name}={value}: {reason}")
SETTING_DATA_EMPTY = T("是空的；不设这个变量就用 data/，要换数据文件夹就写它的路径",
                       "is empty; leave the variable unset for data/, or give the data folder's path")
SETTING_ONLY_SLUGS = T("{slugs} 不是机关文件夹名：文件夹名只用小写字母 a-z、数字和 -，几个机关用英文逗号隔开，"
                       "例如 wanggang-zhen,shili-xian-shujuju",
                       "{slugs}: not a body folder name: a folder name uses a-z, 0-9 and - only; separate several "
                       "with commas, e.g. wanggang-zhen,shili-xian-shujuju")
SETTING_SITE_URL = T("要写网站发布的完整网址，以 http:// 或 https:// 开头，不带 ? 和 #，"
                     "例如 https://www.example.gov.cn/nianbao/；不知道就不设（网站在任何子路径下都能用）",
                     "give the full address the site is published at, starting with http:// or https://, without "
                     "? or #, e.g. https://www.example.gov.cn/nianbao/; leave it unset if unknown (the site works "
                     "under any path)")
SETTING_BODIES_FILE = T("环境变量 NIANBAO_BODIES_FILE={path}：读不了这个文件（{reason}）；"
                        "它应是一个 UTF-8 文本文件，每行一个机关文件夹名",
                        "environment variable NIANBAO_BODIES_FILE={path}: cannot read the file ({reason}); it should "
                        "be a UTF-8 text file with one body folder name a line")

# --- the exported tree (`pages OUT`) -------------------------------------------------------------------

EXPORT_NO_FOLDER = T("mkdocs.yml 的 {name} 是 {folder}，但没有这个文件夹；没有导出",
                     "mkdocs.yml's {name} is {folder}, but there is no such folder; nothing was exported")
EXPORT_NOT_UTF8 = T("{source} 不是 UTF-8 编码的文本，没有导出；请把它存成 UTF-8",
                    "{source} is not UTF-8 text; nothing was exported. Save it as UTF-8")
EXPORT_PAGE_CLASH = T("生成的页面 {page} 与 {docs}/ 里的同名文件冲突；请给那个文件改名",
                      "the generated page {page} clashes with a file of the same name in {docs}/; rename that file")
EXPORT_UNREADABLE = T("读不了项目的 {path}（{reason}），没有导出；它在 mkdocs.yml 里被用到，请恢复它或改 mkdocs.yml",
                      "cannot read the project's {path} ({reason}); nothing was exported. mkdocs.yml uses it: "
                      "restore it or change mkdocs.yml")
EXPORT_INTO_PROJECT = T("不能导出到 {out}：它是项目文件夹 {root}（或包含它），或在文档文件夹 {docs} 里面；"
                        "导出会整个替换 {out}。请换一个文件夹，例如 build/tree",
                        "cannot export to {out}: it is (or holds) the project folder {root}, or lies inside the docs "
                        "folder {docs}; an export replaces {out} as a whole. Choose another folder, e.g. build/tree")
EXPORT_NOT_FOLDER = T("{out} 已存在，但不是文件夹；没有改动它。请换一个名字，或先移走它",
                      "{out} exists but is not a folder; it was left alone. Choose another name, or move it away first")
EXPORT_LINK = T("{path} 是符号链接（指向 {target}），没有写：导出从不写链接，所以 {out} 里的链接是别人放的，"
                "而导出会整个替换 {out}。请移走这个链接再试",
                "{path} is a symbolic link (to {target}); nothing was written: an export never writes a link, so a "
                "link in {out} was put there by someone else, and an export replaces {out} as a whole. Move the "
                "link away and try again")
EXPORT_NOT_OURS = T("{out} 里已有文件，但不是 python -m nianbao pages 写出的（没有它生成的 {config}），"
                    "没有改动它：导出会整个替换这个文件夹。请换一个不存在或空的文件夹，或先移走它",
                    "{out} holds files that python -m nianbao pages did not write (no {config} made by it); it was "
                    "left alone: an export replaces the folder as a whole. Choose a missing or empty folder, or move "
                    "it away first")
CONFIG_UNREADABLE = T("读不了项目的 {file}（{reason}）：导出的站点配置由它生成。"
                      "请在项目文件夹里运行，或用 --config 指明 mkdocs.yml",
                      "cannot read the project's {file} ({reason}): the exported site's configuration is made from "
                      "it. Run in the project folder, or name the mkdocs.yml with --config")
CONFIG_NOT_YAML = T("{file} 读不成 YAML（{error}）；导出只认 YAML 和 MkDocs 的 !ENV 标签",
                    "{file} does not read as YAML ({error}); an export reads YAML and MkDocs' !ENV tag only")
CONFIG_NOT_MAPPING = T("{file} 不是 MkDocs 的配置（最外层应是键值对）",
                       "{file} is not a MkDocs configuration (its top level should be a mapping of keys to values)")
CONFIG_ENV_SHAPE = T("!ENV 后面应是变量名或变量名的列表", "!ENV takes a variable name or a list of them")
FRONT_MATTER_UNREADABLE = T("页面的 front matter 读不回：{text}", "front matter does not read back: {text}")

# Written into the exported tree's files: always Chinese.
CONFIG_HEADER = "# 由 python -m nianbao pages 生成，不要手改：改项目的 mkdocs.yml 后重新导出。\n"
CONFIG_BUILD_COMMENT = "# 构建：cd 到本文件所在的文件夹，运行 mkdocs build（或 zensical build）。\n"
NAV_COMMENT = ("# 全站导航：每个页面和它的标题，MkDocs 的 nav 写法，供按导航文件建站的工具使用。\n"
               "# mkdocs.yml 的 nav 只列 docs/ 自己的页面，其余页面从索引页进入，与项目的构建相同。\n")

# --- writing a file into a folder (nianbao.atomic) -----------------------------------------------------

WRITE_OUTSIDE = T("{path} 不在 {within} 之内，没有写；请把它写到 {within} 里面",
                  "{path} is not inside {within}; nothing was written. Write it inside {within}")
WRITE_IS_FOLDER = T("{path} 是文件夹 {within} 本身，不是其中的文件，没有写",
                    "{path} is the folder {within} itself, not a file in it; nothing was written")
WRITE_FOLDER_LINK = T("{folder} 是符号链接（指向 {target}），没有写 {path}：不穿过链接写文件，"
                      "以免写到数据文件夹以外。请把链接换成真正的文件夹再试",
                      "{folder} is a symbolic link (to {target}); {path} was not written: a file is never written "
                      "through a link, lest it land outside the data folder. Replace the link by a real folder and "
                      "try again")
WRITE_NOT_FOLDER = T("{folder} 不是文件夹，没有写 {path}；请移走它再试",
                     "{folder} is not a folder; {path} was not written. Move it away and try again")
WRITE_LINK = T("{path} 是符号链接（指向 {target}），没有写：不穿过链接写文件，以免写到数据文件夹以外。"
               "请删去这个链接（需要时换成真正的文件）再试",
               "{path} is a symbolic link (to {target}); nothing was written: a file is never written through a "
               "link, lest it land outside the data folder. Delete the link (replace it by a real file if need be) "
               "and try again")
WRITE_NOT_FILE = T("{path} 不是普通文件（是文件夹或特殊文件），没有写；请移走它再试",
                   "{path} is not a regular file (a folder or a special file); nothing was written. Move it away "
                   "and try again")
WRITE_ESCAPES = T("{path} 实际位于 {within} 以外，没有写", "{path} actually lies outside {within}; nothing was written")

# --- writing YAML data (nianbao.writer) ------------------------------------------------------------------

YAML_WRITE_AT = T("{where}：{message}", "{where}: {message}")
YAML_WRITE_TOP = T("文件顶层", "the file's top level")
YAML_WRITE_LINE = T("第 {line} 行：", "line {line}: ")
YAML_WRITE_UNREADABLE = T("写成的 YAML 读不回（{where}{error}）；文件没有写。这是 nianbao 写 YAML 的缺陷："
                          "请把这个值报告给维护者，或先删去其中的特殊字符再试",
                          "the YAML written does not read back ({where}{error}); the file was not written. This is "
                          "a fault of nianbao's YAML writer: report the value to the maintainers, or remove its "
                          "special characters and try again")
YAML_WRITE_DIFFERS = T("写成 YAML 后读回的值与原值不同；文件没有写。这是 nianbao 写 YAML 的缺陷："
                       "请把这个值报告给维护者，或先删去其中的特殊字符再试",
                       "the value reads back differently once written as YAML; the file was not written. This is a "
                       "fault of nianbao's YAML writer: report the value to the maintainers, or remove its special "
                       "characters and try again")
YAML_WRITE_KEY_SURROGATE = T("有个键名含 {char}，无法写成 UTF-8；请删去它（多半是解码出错留下的）",
                             "a key holds {char}, which has no UTF-8; delete it (most likely left by a decoding error)")
YAML_WRITE_SURROGATE = T("第 {index} 个字符是 {char}，无法写成 UTF-8；请删去它（多半是解码出错留下的）",
                         "character {index} is {char}, which has no UTF-8; delete it (most likely left by a "
                         "decoding error)")

# The comments above a table in a data file: always Chinese. Filled with str.format.
TABLE_TITLE = "# {title}"
TABLE_COLUMNS = "# 各栏：{columns}"
TABLE_COLUMN_JOIN = "、"
TABLE_ROWS = "# {title}：每行一个列表，按表格的栏目顺序"
TABLE_ROWS_ONE_VALUE = "# {title}：每行一个列表，按表格的栏目顺序；只有一栏的行写一个值"
TABLE_BLOCK_COLUMNS = "{band} 各栏：{columns}"

# --- the site's pages --------------------------------------------------------------------------------

# A value the report leaves blank: never 0, never left out.
PAGE_NOT_STATED = T("未填写", "not stated")
PAGE_NOT_APPLICABLE = T("不适用", "not applicable")
# The report page's own sections after the report's text (the importer knows a printed page by them).
SECTION_CHECKS = T("数据核对", "Data checks")
SECTION_CONTACT = T("联系方式", "Contact")
SECTION_REPORTS = T("政府信息公开工作年度报告", "Annual reports on government information disclosure")
REPORTS_HEADER = T("| 年度 | 报告 | 发布日期 | 数据核对 |", "| Year | Report | Published | Data checks |")
SECTION_DOWNLOADS = T("数据下载", "Downloads")
DOWNLOADS_REPORT_NOTE = T("本报告三张统计表的全部数字，按格式规定的表格和栏目整理，供下载核对。CSV 文件为 UTF-8 编码，"
                          "Excel 可直接打开；“未填写”（报告中空着）和“不适用”都照原文标明，不当作 0。",
                          "Every figure of this report's three tables, to download and check; CSV in UTF-8 that "
                          "Excel opens; 未填写 and 不适用 are marked as published, never taken for 0.")
DOWNLOADS_BODY_NOTE = T("各年度报告的全部数字（每格一行，CSV）：", "Every figure of each year's report (CSV):")
DOWNLOAD_CELLS = T("全部数字（每格一行，CSV）", "every cell, one row per cell (CSV)")
DOWNLOAD_TABLE = T("{caption}（按原表，CSV）", "{caption} (as the table, CSV)")
DOWNLOAD_JSON = T("全部数字（JSON）", "every cell (JSON)")
DOWNLOAD_PACKAGE = T("数据说明（datapackage.json）", "data description (datapackage.json)")
DOWNLOAD_YEAR = T("{year} 年度", "{year}")
OPEN_DATA_TITLE = T("开放数据", "Open data")
OPEN_DATA_INTRO = T(
    "本站全部年度报告三张统计表的数字，以开放数据的形式提供下载。每个文件都由报告数据直接生成，与报告页面上的表格一致。"
    "CSV 文件为 UTF-8 编码（带 BOM），Excel 可直接打开。“状态”一栏区分数字、未填写（报告中空着）和不适用：未填写不是 0。"
    "datapackage.json 按 Data Package 2.0 说明每个文件的栏目和类型。",
    "Every figure of the site's reports as open data, made from the same data as the pages. CSV in UTF-8 with a BOM; "
    "状态 tells a number from 未填写 and 不适用. datapackage.json describes each file (Data Package 2.0).")
OPEN_DATA_HEADER = (T("文件", "File"), T("内容", "Content"), T("大小", "Size"), T("数据日期", "Data as of"))
OPEN_DATA_CAPTION = T("开放数据文件一览", "Open-data files")
OPEN_DATA_ALL = T("全站", "whole site")
OPEN_DATA_SIZE_KB = T("{size} KB", "{size} KB")
# The site search's filters (Pagefind), by which a reader narrows the results; also their names in the index.
SEARCH_FILTER_YEAR = T("年度", "year")
SEARCH_FILTER_LEVEL = T("层级", "level")
SEARCH_FILTER_REGION = T("地区", "region")
# The page's column type (栏目类型), in the meta tags government sites carry.
COLUMN_TYPE = T("信息公开年报", "Annual disclosure reports")
# 2021 format, part 六: 信息处理费 (国办函〔2020〕109号), as the report gives them.
FEES_HEADING = T("信息处理费", "Information processing fees")
FEES_CAPTION = T("收取信息处理费的情况（按报告原文）", "Information processing fees (as reported)")
FEES_NOTICES_COUNT = T("发出收费通知的件数", "Fee notices sent")
FEES_NOTICES_AMOUNT = T("发出收费通知的总金额", "Total amount of the notices")
FEES_COLLECTED = T("实际收取的总金额", "Total amount collected")
FEES_COUNT = T("{count} 件", "{count}")
FEES_YUAN = T("{amount} 元", "{amount} yuan")
# Whose contact details a card shows: a report's own year, or the latest report's on a body's page.
CONTACT_OF_REPORT = T("{year} 年度报告所载联系方式", "Contact details as given in the {year} report")
CONTACT_OF_LATEST = T("最新一份报告（{year} 年度）所载联系方式", "Contact details as given in the latest report ({year})")
CONTACT_OF_BODY = T("机关登记的联系方式", "The body's contact details")
# 修订记录: a report corrected after it was published. The page shows the figures as corrected;
# each revised cell carries a mark linking to its entry, which gives the value first published.
REVISIONS_HEADING = T("修订记录", "Revisions")
REVISIONS_INTRO = T("本报告公开后作过更正。表格和正文是更正后的内容；表格中标有“修”字的数字改过，"
                    "原来公布的数字和改动的理由列在下面。",
                    "This report was corrected after it was published. The tables and text show it as corrected; "
                    "a figure marked “修” was changed, and the figure first published and the reason are listed below.")
REVISION_TITLE = T("修订 {number}：{date}", "Revision {number}: {date}")
REVISION_REASON = T("理由：", "Reason: ")
REVISION_CELLS = T("改动的数字", "Figures changed")
REVISION_PLACE = T("项目", "Item")
REVISION_OLD = T("原公布", "First published")
REVISION_NEW = T("现为", "Now")
REVISION_TEXT = T("{part}（正文）", "{part} (text)")
REVISION_NO_TEXT = T("（无正文）", "(no text)")
REVISION_TABLE = T("表：{caption}", "Table: {caption}")
# The mark beside a revised figure: seen as a superscript 修1, heard as the sentence.
REVISION_MARK = T("修{number}", "rev. {number}")
REVISION_MARK_SPOKEN = T("（已修订，见修订记录 {number}）", " (revised: see revision {number})")
REVISED_ON = T("最近修订：", "Last revised: ")
# A date as the report prints one: 2022年3月15日.
PAGE_DATE = T("{year}年{month}月{day}日", "{year}-{month:02d}-{day:02d}")

# --- the 栏目与键名对照表 page (维护指南) ------------------------------------------------------------
# Generated from the format definitions (nianbao.render.keys_table): the words around the labels.

KEYS_TITLE = T("栏目与键名对照表", "Labels and their keys")
KEYS_INTRO = T("报告文件（`data/机关文件夹/年度.yml`）里，统计表的每一行都用英文键名书写，一行写成它各栏的列表。"
               "本页列出每个键名对应的官方栏目名称，由格式定义（`nianbao/formats/` 里的 2019.yml 和 2021.yml）"
               "在生成网站时自动写出，与检查、导入和网站页面用的是同一份定义，所以不会与它们不一致。",
               "In a report file (`data/<body folder>/<year>.yml`) every row of a statutory table is written under "
               "an English key, as the list of its cells. This page lists every key with its official label. It is "
               "written from the format definitions (2019.yml and 2021.yml in `nianbao/formats/`) when the site is "
               "built, the same definitions the checks, the importer and the pages use, so it cannot disagree "
               "with them.")
KEYS_HOW_HEADING = T("怎样读这张表", "How to read these tables")
KEYS_HOW_PATH = T("**数据路径**是报告文件里写到这一行要经过的键名，用 `.` 连起来。例如 `{path}`（{label}）在文件里写成：",
                  "The **data path** is the keys that lead to the row in the report file, joined by `.`. For "
                  "example `{path}` ({label}) is written:")
KEYS_HOW_ROW = T("方括号里依次是各栏的数，顺序见每张表的“各栏”。0 写 `0`，原文空白写 `~`，不适用写 `不适用`。",
                 "The brackets hold the row's cells in the order of the table's columns. Write 0 as `0`, a blank "
                 "cell of the original as `~`, and not applicable as `不适用`.")
KEYS_HOW_CELL = T("一个单元格是数据路径再加上栏的键名，如 `{cell}`：检查结果、`acknowledged:`（确认）和 "
                  "`revisions:`（修订记录）都这样指明单元格。",
                  "A single cell is the data path followed by the column's key, e.g. `{cell}`: findings, "
                  "`acknowledged:` and `revisions:` name cells this way.")
KEYS_HOW_GROUP = T("标着“分组”的行自己不写数字，只在它下面写各行。",
                   "A row marked as a group carries no numbers of its own: write the rows under it.")
KEYS_FORMAT_HEADING = T("{name}", "{name}")
KEYS_FORMAT_INTRO = T("依据{notice}，适用于{years}的报告；报告文件写 `format: \"{id}\"`（要加引号）。",
                      "Under {notice}, for the reports of {years}; the report file says `format: \"{id}\"` "
                      "(with the quotes).")
KEYS_YEARS_RANGE = T("{first}—{last}年度", "{first}–{last}")
KEYS_YEARS_OPEN = T("{first}年度起", "{first} on")
KEYS_PARTS_HEADING = T("正文各部分", "Parts")
KEYS_PARTS_HEAD = T("| 键名 | 官方标题 | 统计表的键名 |", "| Key | Official heading | Key of its table |")
KEYS_PARTS_FEES = T("信息处理费写在 `{path}`，见下", "fees go under `{path}`, see below")
KEYS_TABLE_HEADING = T("{part}、{caption}", "{part}. {caption}")
KEYS_TABLE_KEY = T("这张表的键名是 `{key}`。", "The table's key is `{key}`.")
KEYS_COLUMNS = T("各栏（按顺序）：", "Columns, in order:")
KEYS_COLUMNS_HEAD = T("| 序号 | 栏的键名 | 栏目 | 上级栏目 | 怎样填 |", "| No. | Column key | Label | Under | What to write |")
KEYS_ROWS = T("各行：", "Rows:")
KEYS_ROWS_HEAD = T("| 数据路径 | 栏目 | 说明 |", "| Data path | Label | Note |")
KEYS_GROUP = T("分组：不写数字，写下面各行", "a group: no numbers, write the rows under it")
KEYS_COLLAPSIBLE = T("分组：写下面各行；原文只印了这一行（它的合计）时，也可以照原文写成一行",
                     "a group: write the rows under it; where the original prints only this row (its total), "
                     "it may be written as one row, as printed")
KEYS_VARIANTS = T("导入时也认：{labels}", "the importer also reads: {labels}")
KEYS_ONE_VALUE_HEADING = T("只有一栏的行", "Rows of one column")
KEYS_ONE_VALUE_INTRO = T("这些行只有一个数，可以写成列表，也可以只写这个数：`{key}: [5]` 与 `{key}: 5` 相同。",
                         "These rows hold one value, written as a list or as the value alone: `{key}: [5]` is the "
                         "same as `{key}: 5`.")
KEYS_ONE_VALUE_HEAD = T("| 数据路径 | 栏目 | 栏 |", "| Data path | Label | Column |")
KEYS_NO_ONE_VALUE = T("这一格式的每一行都有两栏以上，都写成列表。", "Every row of this format has two columns or more: write each as a list.")
KEYS_FEES_HEADING = T("第{part}部分的信息处理费", "Fees in part {part}")
KEYS_FEES_INTRO = T("信息处理费（国办函〔2020〕109号）不在统计表里，写在第{part}部分的 `fees:` 下。原文说了的才写："
                    "原文写“未收取信息处理费”，就写 `collected_amount_yuan: 0`；原文没有提到的一项不写。",
                    "The information processing fees (国办函〔2020〕109号) are not in a table: they go under `fees:` "
                    "of part {part}. Write only what the original says: where it says no fee was collected, write "
                    "`collected_amount_yuan: 0`; leave out an item it does not mention.")
KEYS_FEES_HEAD = T("| 数据路径 | 含义 | 怎样填 |", "| Data path | Meaning | What to write |")
KEYS_FEES_EXAMPLE = T("例如原文写“本年度未发出收费通知，未收取信息处理费”：",
                      "For example, where the original says no fee notice was sent and no fee collected:")
KEYS_NO_FEES = T("这一格式没有信息处理费一项：第六部分不写 `fees:`。", "This format has no fees item: part 六 takes no `fees:`.")
KEYS_KIND = {
    "count": T("件数：0 或正整数", "a count: 0 or a whole number"),
    "signed": T("增减数：可带 + 或 -，如 +1、-3", "a change: may carry + or -, e.g. +1, -3"),
    "amount": T("金额（{unit}）：数字，可有小数", "an amount ({unit}): a number, decimals allowed"),
    "amount_with_unit": T("金额：照原文带上单位，如 461.7 万元", "an amount: with its unit as printed, e.g. 461.7 万元"),
}
KEYS_FEES_KIND = {
    "count": T("件数：0 或正整数", "a count: 0 or a whole number"),
    "yuan": T("金额，单位元：数字，可有小数", "an amount in yuan: a number, decimals allowed"),
}
KEYS_LEVELS_HEADING = T("机关的层级（body.yml 的 level）", "Levels of a body (level in body.yml)")
KEYS_LEVELS_INTRO = T("`body.yml` 的 `level:` 只能写下面之一，照样写（包括“/”）。层级决定年度报告的公布期限（《条例》第四十九条），"
                      "检查时据此核对公布日期。",
                      "`level:` in `body.yml` is one of these, written exactly so (the \"/\" included). The level "
                      "sets the report's deadline (art. 49), which the checks hold the publication date to.")
KEYS_LEVELS_HEAD = T("| level | 公布期限 |", "| level | Deadline |")
KEYS_DEADLINE_GOVERNMENT = T("次年 3 月 31 日前", "by 31 March of the next year")
KEYS_DEADLINE_OTHER = T("次年 1 月 31 日前", "by 31 January of the next year")


# --- 与上年比较 (report page) and 历年数据 (body page): nianbao.render.history ----------------------
SECTION_COMPARE = T("与上年比较", "Compared with the previous year")
COMPARE_WITH = T("与本机关 {year} 年度报告比较。两种格式含义相同的数字才比较；有格未填写的数字只列出、不计算变化。",
                 "Compared with the body's {year} report; only figures that mean the same in both formats, and "
                 "none with a cell left blank.")
COMPARE_NONE = T("本站没有本机关更早年度的报告，无法比较。", "There is no earlier report of this body to compare with.")
COMPARE_HEADER = (T("项目", "Figure"), T("{year} 年度", "{year}"), T("{before} 年度", "{before}"), T("变化", "Change"))
COMPARE_NOT_GIVEN = T("—", "—")
CHANGE_UP_SENTENCE = T("{label}由 {before_year} 年度的 {before} 增至 {now}，增加 {delta}。", "{label} rose from {before} ({before_year}) to "
                       "{now} (+{delta}).")
CHANGE_DOWN_SENTENCE = T("{label}由 {before_year} 年度的 {before} 减至 {now}，减少 {delta}。", "{label} fell from {before} ({before_year}) "
                         "to {now} (−{delta}).")
RATE_UP_SENTENCE = T("{label}由 {before_year} 年度的 {before} 升至 {now}，提高 {delta} 个百分点。",
                     "{label} rose from {before} ({before_year}) to {now} (+{delta} points).")
RATE_DOWN_SENTENCE = T("{label}由 {before_year} 年度的 {before} 降至 {now}，降低 {delta} 个百分点。",
                       "{label} fell from {before} ({before_year}) to {now} (−{delta} points).")
POINTS = T("{sign}{points} 个百分点", "{sign}{points} points")
AMOUNT_PARTIAL = T("{value}（另有 {blanks} 格未填写）", "{value} ({blanks} cell(s) not stated)")
RATE_NONE = T("无法计算", "cannot be computed")
RATE_PARTIAL = T("{value}（不全）", "{value} (incomplete)")
SECTION_HISTORY = T("历年数据", "Figures by year")
HISTORY_NOTE = T("各年度报告中含义相同的数字（两种格式都有的才列出）。图与表的数字相同；“未填写”的年份在图中断开。",
                 "The figures that mean the same in each year's report; a year not stated leaves a gap in the chart.")
HISTORY_FIGURE = T("项目", "Figure")
CHART_LEGEND = T("图例", "Legend")
CHART_SUMMARY = T("{title}，{first}—{last} 年度：{series}。", "{title}, {first}–{last}: {series}.")
CHART_SERIES = T("{label} {values}", "{label} {values}")
CHART_YEAR_VALUE = T("{year} 年 {value}", "{year}: {value}")


# --- a region's 汇总 (region pages): nianbao.render.region_sums -------------------------------------
SECTION_REGION_SUM = T("{year} 年度汇总", "{year}: totals")
REGION_SUM_NOTE = T("本地区各机关 {year} 年度报告表格的逐格相加，按 {format} 的表格排列。"
                    "有机关未填写的格只加已填写的数字，标 *，数字不全；填写“不适用”的不计入；没有一份报告可计入的格显示“—”。",
                    "The {year} reports' tables of the region's bodies added cell by cell, laid out as in the {format}. "
                    "A cell some bodies left blank adds the numbers given, is marked * and is incomplete; 不适用 is "
                    "left out; a cell no report can be counted in shows “—”.")
REGION_COVERAGE = T("本地区本站收录的 {bodies} 个机关中，{reported} 个有本年度报告。",
                    "Of the region's {bodies} bodies on this site, {reported} have a report for this year.")
REGION_COVERAGE_NOTE = T("（本站收录的机关，指有任一年度报告的机关。）",
                         "(A body on this site is one with a report of any year.)")
REGION_MISSING = T("没有本年度报告的：{names}。", "Without a report for this year: {names}.")
REGION_MISSING_MORE = T("{names}等 {count} 个机关", "{names} and others, {count} bodies in all")
REGION_OTHER_FORMAT = T("{count} 个机关本年度的报告仍用{format}的表格（{names}），只计入两种格式含义相同的格；"
                        "标 {mark} 的格不含这些机关。",
                        "{count} bodies' reports for this year use the tables of the {format} ({names}): they are "
                        "counted only in the cells both formats mean alike; the cells marked {mark} leave them out.")
REGION_OTHER_MARK = T("†", "†")
REGION_PARTIAL_MARK = T("*", "*")
REGION_PARTIAL_SR = T("（另有 {count} 个机关未填写）", " ({count} bodies left it blank)")
REGION_NA_SR = T("（{count} 个机关填写“不适用”，未计入）", " ({count} bodies gave 不适用, left out)")
REGION_OTHER_SR = T("（{count} 个机关用另一种格式，未计入）", " ({count} bodies on the other format, left out)")
REGION_NOTHING = T("—", "—")
REGION_NOTHING_SR = T("（没有可计入的报告）", " (no report can be counted)")
REGION_DISTRIBUTION = T("公开率的分布（按机关计）", "公开率 across the bodies")
REGION_DISTRIBUTION_NOTE = T("各机关本年度的公开率（予以公开与部分公开之和占办理结果总计的比例）落在各区间的机关数。"
                             "不排名次。办理结果为 0、有格未填写或格式没有这些数字的，算作“无法计算”。",
                             "How many bodies' 公开率 for the year falls in each band; no body is ranked. A body with "
                             "no request handled, a cell left blank or no such figures counts as “cannot be computed”.")
REGION_BAND_HEADER = T("| 公开率 | 机关数 |", "| 公开率 | Bodies |")
REGION_BAND = T("{low}% 至 {high}%（不含）", "{low}% to under {high}%")
REGION_BAND_LAST = T("{low}% 至 {high}%", "{low}% to {high}%")
REGION_NO_APPLICATIONS = T("本年度没有收到政府信息公开申请的机关：{count} 个。",
                           "Bodies that received no request for information this year: {count}.")
REGION_OLDER_YEARS = T("更早年度（{years}）只列报告数和公开率的分布，不列汇总表格；各机关当年的表格见其年度报告页面。",
                       "For earlier years ({years}) only coverage and the 公开率 distribution are shown, without the "
                       "summed tables; each body's tables for those years are on its report pages.")

# --- a province's 汇总 page of a sharded site: nianbao.shards ----------------------------------------
PROVINCE_TITLE = T("{province} 汇总", "{province}: totals")
PROVINCE_INTRO = T("{province}各分站全部机关年度报告表格的逐格相加，每年一节，新的在前。各机关的报告见各分站。",
                   "The tables of every body's reports in {province}'s shards added cell by cell, a section a year, "
                   "newest first. Each body's reports are on its shard's site.")
PROVINCE_SHARDS_LEFT_OUT = T("未能生成的分站不计入汇总：{names}。", "Shards that failed to build are left out: {names}.")
PROVINCE_BACK = T("返回各地区列表", "Back to the list of regions")
LANDING_SUMS = T("省级汇总", "Provincial totals")
