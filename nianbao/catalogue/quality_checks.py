"""What the consistency and outlier indicators of the quality view say: the ``detail`` of each
figure (勾稽关系, 上年结转, 正文数字, 与上年相比的大幅变化, 同类机关普遍较大而本机关为 0, 比率的分布).

Chinese first, English beside it.
"""

from __future__ import annotations

from .core import Text

T = Text

# How a value that is not a plain number reads in a detail.
BLANK = T("未填写", "not stated")
NOT_APPLICABLE = T("不适用", "not applicable")
PARTIAL = T("{value}（另有 {blanks} 格未填写）", "{value} ({blanks} cells not stated)")
LIST = T("{first}、{second}", "{first}, {second}")
ITEMS = T("{first}；{second}", "{first}; {second}")
REGION = T("{level}，{region}", "{level}, {region}")

# --- identity_errors --------------------------------------------------------------------------------
IDENTITY_NONE = T("统计表的勾稽关系都成立", "every identity of the tables holds")
IDENTITY_RULE = T("{rule} {count} 处", "{rule}: {count}")
IDENTITY_ERRORS = T("勾稽关系不成立 {count} 处：{rules}", "{count} identity violations: {rules}")
IDENTITY_ACKNOWLEDGED = T("其中 {acknowledged} 处已在数据文件中确认与公开的原文一致（acknowledged）",
                          "{acknowledged} of them acknowledged in the data file as printed in the published report")
IDENTITY_INCOMPLETE = T("另有 {count} 处因有未填写的格无法核对", "{count} more could not be checked for cells not stated")

# --- carry_over_mismatch ----------------------------------------------------------------------------
CARRY_NO_PREVIOUS = T("没有 {previous} 年度的报告，无法衔接", "no {previous} report to carry over from")
CARRY_NO_IDENTITY = T("{format}没有规定本年“{this}”与上年“{last}”的衔接",
                      "{format} defines no link between this year's “{this}” and last year's “{last}”")
CARRY_VALUES = T("本年“{this}”{now}，{previous} 年度“{last}”{before}",
                 "this year's “{this}” {now}, “{last}” of {previous} {before}")
CARRY_SAME = T("{values}，一致", "{values}: the same")
CARRY_DIFFERS = T("{values}，相差 {difference}", "{values}: a difference of {difference}")
CARRY_NOT_COMPARED = T("{values}：有一方不是完整的数字，总计不作比较", "{values}: one side is not a complete figure, "
                       "the totals are not compared")
CARRY_COLUMNS = T("{count} 栏不一致：{columns}", "{count} columns differ: {columns}")

# --- narrative_mismatch -----------------------------------------------------------------------------
NARRATIVE_NONE = T("正文引用的数字与统计表一致（或正文没有引用表中的数字）",
                   "the figures the text quotes agree with the tables (or it quotes none)")
NARRATIVE_ITEM = T("正文{found}，表格为 {expected}", "the text says {found}, the table {expected}")
NARRATIVE = T("正文有 {count} 处数字与统计表不一致：{items}", "{count} figures in the text differ from the tables: "
              "{items}")

# --- yoy_jump ---------------------------------------------------------------------------------------
YOY_NO_PREVIOUS = T("没有 {previous} 年度的报告可比", "no {previous} report to compare with")
YOY_NOTHING = T("与 {previous} 年度没有两年都填写完整的可比数字", "no comparable figure complete in both this "
                "year and {previous}")
YOY_NONE = T("与 {previous} 年度相比，{compared} 项可比数字都没有超过 {high} 倍或不到 {low} 倍的变化"
             "（两年都小于 {small} 的不计；从 0 起或降到 0 的，变化的数不小于 {from_zero} 才算）",
             "against {previous}: none of {compared} comparable figures grew more than {high}× or fell under {low}× "
             "(figures below {small} in both years left out; from or to 0 only when the other is {from_zero} or more)")
YOY_ITEM = T("{label} {before} → {now}（{ratio} 倍）", "{label} {before} → {now} ({ratio}×)")
YOY_ITEM_FROM_ZERO = T("{label} {before} → {now}（从 0 起，不算倍数）", "{label} {before} → {now} (from 0: no ratio)")
YOY = T("与 {previous} 年度相比变化很大：{items}", "large changes against {previous}: {items}")

UNKNOWN_FIGURES = T("OutlierSettings.figures 中的 {ids} 不是 figures.yml 中的数字（可用的有：{known}）",
                    "OutlierSettings.figures: {ids} is no figure of figures.yml (they are: {known})")

# --- zero_where_peers_large and the rates: the peer group ---------------------------------------------
NO_BODY = T("没有机关信息（body.yml），无法确定同层级、同地区的机关", "no body.yml: the body's peers are unknown")
ZERO_NOT_JUDGED = T("同层级、同地区的其他机关（{group}）在本年度填写了同一数字的都不足 {minimum} 个，不作比较",
                    "fewer than {minimum} other bodies of the same level and region ({group}) give any of the figures "
                    "this year: not compared")
ZERO_NONE = T("{judged} 项可比数字中，没有本机关为 0 而同层级、同地区的机关（{group}）中位数不小于 {median} 的",
              "of {judged} figures compared, none is 0 here where the median of the bodies of the same level and "
              "region ({group}) is {median} or more")
ZERO_ITEM = T("{label}：本机关为 0，{peers} 个同类机关的中位数为 {median}",
              "{label}: 0 here, median {median} among {peers} peers")
ZERO = T("{count} 项数字为 0，而同层级、同地区的机关（{group}）普遍较大：{items}",
         "{count} figures are 0 where the bodies of the same level and region ({group}) report large ones: {items}")

RATE_NOT_GIVEN = T("{format}的统计表没有计算{label}所需的数字", "the tables of {format} lack the figures of {label}")
RATE_DENOMINATOR_ZERO = T("{label}的分母（{denominator}）为 0，不计算", "{label}: its denominator ({denominator}) is 0")
RATE_DENOMINATOR_BLANK = T("{label}的分母（{denominator}）未填写，不计算",
                           "{label}: its denominator ({denominator}) is not stated")
RATE_NOT_APPLICABLE = T("{label}的数字填的是“不适用”，不计算", "{label}: its figures are 不适用")
RATE_NUMERATOR_BLANK = T("{label}的分子（{numerator}）未填写，不计算", "{label}: its numerator ({numerator}) is not stated")
RATE_PARTIAL = T("{label}的数字中有未填写的格，只能算出一部分，不计算",
                 "{label}: some of its cells are not stated, so only a partial figure could be made")
RATE_VALUE = T("{label} {value}", "{label} {value}")
RATE_GROUP = T("{rate}；同层级、同地区的机关（{group}）中有 {count} 个算得出这一比率：下四分位数 {q1}，中位数 {median}，"
               "上四分位数 {q3}；本机关位于第 {percentile} 百分位",
               "{rate}; {count} bodies of the same level and region ({group}) have this rate: lower quartile {q1}, "
               "median {median}, upper quartile {q3}; this body is at percentile {percentile}")
RATE_GROUP_SMALL = T("{rate}；同层级、同地区的机关（{group}）中只有 {count} 个算得出这一比率，少于 {minimum} 个，"
                     "不计算四分位数", "{rate}; only {count} bodies of the same level and region ({group}) have this "
                     "rate, fewer than {minimum}: no quartiles")
