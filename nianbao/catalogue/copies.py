"""What copy detection (雷同) says: why a pair of texts is not judged, and the detail of each
indicator's figure (the ``detail`` column of the quality table).

Chinese first, English beside it.
"""

from __future__ import annotations

from .core import Text

T = Text

TOO_SHORT = T("正文太短，不作判断：去掉套话、名称和数字后只有 {grams} 个不同的五字片段（至少要 {minimum} 个）",
              "too short to judge: {grams} distinct 5-grams left after taking out the template, names and "
              "digits (at least {minimum} needed)")
NO_PREVIOUS = T("没有往年的报告可比", "no earlier report to compare with")
NO_PEER = T("同层级、同地区的机关在同一年度没有相近的报告", "no similar report of a body of the same level and "
            "region in the same year")
NO_PART = T("两年都没有第{part}部分的正文", "neither year has text in part {part}")

ALL_PARTS = T("第一、五、六部分合计", "parts 一, 五 and 六 together")
ONE_PART = T("第{part}部分", "part {part}")
OWN_PREVIOUS = T("与 {previous} 年度报告相比（{scope}）：本年正文有 {a_in_b} 见于上年，上年正文有 {b_in_a} 见于本年，"
                 "杰卡德相似度 {jaccard}", "against the {previous} report ({scope}): {a_in_b} of this year's text is in "
                 "last year's, {b_in_a} of last year's in this year's, Jaccard {jaccard}")
PEER = T("与 {peer}（{peer_name}）相比（{scope}）：本机关正文有 {a_in_b} 见于对方，对方正文有 {b_in_a} 见于本机关，"
         "杰卡德相似度 {jaccard}", "against {peer} ({peer_name}, {scope}): {a_in_b} of this body's text is in the "
         "other's, {b_in_a} of the other's in this one's, Jaccard {jaccard}")
SECTION5_SAME = T("第五部分去掉套话、名称和数字后与 {previous} 年度相同", "part 五 is the same as in {previous} once "
                  "the template, names and digits are taken out")
SECTION5_CHANGED = T("第五部分与 {previous} 年度不同", "part 五 differs from {previous}")
TABLES = T("与 {previous} 年度相比，{compared} 张有非零数字的表格中 {unchanged} 张每一格都相同"
           "（全为 0 或未填写的表格不计）", "against {previous}: {unchanged} of the {compared} tables with a non-zero "
           "figure have every cell the same (tables of zeros or blanks only are left out)")
TABLES_NONE = T("与 {previous} 年度相比，没有含非零数字的表格可比", "against {previous}: no table with a non-zero figure "
                "to compare")
TABLES_FORMAT = T("{previous} 年度用的是另一种格式（{previous_format}），表格不能逐格比较",
                  "the {previous} report uses another format ({previous_format}): its tables cannot be compared "
                  "cell by cell")
BOTH = T("{first}；{second}", "{first}; {second}")
