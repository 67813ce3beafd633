"""The 数据质量 pages (a supervisors' section of the site, off unless NIANBAO_QUALITY=1)."""

from __future__ import annotations

from .core import Text

T = Text

TITLE = T("数据质量", "Data quality")
YEAR_TITLE = T("数据质量：{year} 年度", "Data quality: {year}")
INTRO = T(
    "本栏目由各机关年度报告的数据自动计算，供政务公开工作机构督查使用：谁没有公布、谁逾期、谁的数字不符合表格的勾稽关系、"
    "谁的正文与上年或其他机关雷同。每项指标怎样计算、标记的门槛是多少，见 README 的“督查：数据质量”一节。"
    "标记只说明需要核实，不是结论；未填写、不适用和 0 各按原样计算，不互相替代。",
    "Worked out from the reports' data for supervisors: who has not published, who is late, whose figures break the "
    "tables' arithmetic, whose text repeats last year's or another body's. A flag asks for a check; it is not a verdict.")
DOWNLOAD = T("全部指标（每个机关、每个年度、每项指标一行，CSV）", "every indicator (one row per body, year and indicator, CSV)")
YEARS_HEADING = T("各年度", "By year")
YEARS_HEADER = (T("年度", "Year"), T("应报告", "Due"), T("已公布", "Published"), T("未公布", "Missing"),
                T("逾期", "Late"), T("有其他标记的机关", "Bodies flagged otherwise"))
YEARS_CAPTION = T("各年度公布和标记情况", "Publication and flags by year")
REGIONS_HEADING = T("各地区", "By region")
REGIONS_CAPTION = T("{year} 年度各地区公布和标记情况", "Publication and flags by region, {year}")
REGION_HEADER = (T("地区", "Region"), *YEARS_HEADER[1:])
INDICATORS_HEADING = T("各项指标", "By indicator")
INDICATORS_CAPTION = T("{year} 年度各项指标的标记数", "Flags by indicator, {year}")
INDICATORS_HEADER = (T("指标", "Indicator"), T("编号", "Id"), T("标记数", "Flagged"))
FLAGGED_CAPTION = T("{indicator}：标记的机关", "{indicator}: bodies flagged")
FLAGGED_HEADER = (T("机关", "Body"), T("地区", "Region"), T("数值", "Value"), T("说明", "Detail"), T("对照", "Compare"))
NONE_FLAGGED = T("没有标记的机关。", "No body is flagged.")
REGION_SECTION = T("{region}", "{region}")
REGION_MISSING = T("未公布", "Missing")
REGION_LATE = T("逾期", "Late")
REGION_FLAGGED = T("其他标记", "Other flags")
REGION_NOTHING = T("全部按期公布，没有其他标记。", "All published on time, nothing else flagged.")
COMPARE_LINK = T("并排对照", "side by side")
NO_VALUE = T("—", "—")
YES = T("是", "yes")
NO = T("否", "no")
# The side-by-side view of a flagged copy.
COPY_TITLE = T("雷同对照：{name} {year} 年度", "Copy comparison: {name} {year}")
COPY_INTRO = T(
    "左边是被标记的报告，右边是与它比较的报告。两边都有的 13 字以上的文字以底色标出（比较前去掉了法定的套话、标题、机关名称、"
    "年份和数字）。{figures}",
    "Left: the report flagged; right: the report it is compared with. Passages of 13 characters or more found in both "
    "are highlighted (statutory wording, headings, names, years and figures taken out first). {figures}")
COPY_FIGURES = T("左边的文字有 {a_in_b} 见于右边，右边的有 {b_in_a} 见于左边，Jaccard 相似度 {jaccard}。",
                 "{a_in_b} of the left text is found in the right, {b_in_a} of the right in the left; Jaccard {jaccard}.")
COPY_SIDE = T("{name} {year} 年度", "{name} {year}")
COPY_PART = T("{part}、{heading}", "{part}. {heading}")
COPY_PASSAGES = T("共 {count} 处相同的段落", "{count} shared passages")
HOME_LINK = T("数据质量（督查）：各机关是否按期公布、是否完整、数字是否相符、是否雷同",
              "Data quality (supervision): who published on time, completely, consistently, without copying")
BACK = T("返回 {year} 年度数据质量", "Back to data quality {year}")
# What each indicator is called on the pages (its id stays in the CSV).
NAMES = {
    "published": T("是否公布", "published"),
    "days_late": T("逾期天数", "days late"),
    "revisions": T("修订次数", "revisions"),
    "years_missing": T("缺报年度", "years missing"),
    "format_ok": T("格式是否正确", "format"),
    "parts_missing": T("缺少的部分", "parts missing"),
    "overview_chars": T("总体情况字数", "overview length"),
    "blank_cells": T("未填写的格", "blank cells"),
    "fees_item": T("信息处理费一项", "fees item"),
    "identity_errors": T("勾稽关系不符", "identity errors"),
    "carry_over_mismatch": T("结转数与上年不符", "carry-over mismatch"),
    "narrative_mismatch": T("正文数字与表格不符", "text against tables"),
    "yoy_jump": T("与上年相比大起大落", "year-on-year jump"),
    "zero_where_peers_large": T("同类机关数字大而本机关为 0", "zero where peers are large"),
    "disclosure_rate": T("公开率", "disclosure rate"),
    "review_correction_rate": T("行政复议纠正率", "review correction rate"),
    "lawsuit_correction_rate": T("行政诉讼纠正率", "lawsuit correction rate"),
    "copy_own_previous": T("与本机关上年雷同", "copied from own previous year"),
    "copy_peer": T("与其他机关雷同", "copied from a peer"),
    "section5_unchanged": T("第五部分与上年相同", "part 五 unchanged"),
    "tables_unchanged": T("统计表与上年完全相同", "tables unchanged"),
}
