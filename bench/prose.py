"""The generated reports' prose (parts 一, 五 and 六), composed so that no two look copied.

Each sentence is a template drawn from a pool of a few dozen, its slots ({topic}, {matter},
{dept}, …) filled at random: a local project named after an invented place, a policy field, a
channel, a month, a count. A report draws a few sentences per section, each body and each year
afresh, so two reports share a sentence with its fillers only by chance, and copy detection
(nianbao/copies: character 5-gram containment, flagged at 0.8) finds, for a clean body, well
under half of its text in last year's report or in a peer's. The figures the narrative quotes
(收到申请、予以公开, format-spec C.3) come from the tables; every people's government's part 一
names 考核、评议 and 责任追究 (C.4), since the supervision section always opens with a sentence
that does.

The templates never write a figure the C.3 patterns would read unless it is the table's: no
收到/新收/受理 … 申请 N 件, 予以公开 N 件, 行政复议 N 件 or 行政诉讼 N 件 with a number of their own.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

# --- fillers -----------------------------------------------------------------------------------

_PLACE_1 = "翠杏松竹梅兰荷桂枫槐柏樟锦秀朝红胜团建幸光育文科滨望银玉紫碧"
_PLACE_2 = "湖园苑桥湾港岗坝塘洲渡滩坡堡庄屯营畈埠垸"
_MATTERS = (
    "路提升改造工程", "老旧小区改造项目", "湿地公园建设项目", "产业园区基础设施项目", "农贸市场改造工程",
    "中学扩建工程", "污水处理厂提标改造工程", "便民服务中心建设项目", "养老服务中心", "安置小区建设项目",
    "水库除险加固工程", "人才公寓项目", "物流园区项目", "防洪堤加固工程", "农村供水保障工程",
    "高标准农田建设项目", "卫生院改扩建工程", "公共停车场项目", "片区棚户区改造项目", "垃圾中转站项目",
    "幼儿园新建工程", "体育公园项目", "河道综合整治工程", "美丽乡村示范村建设", "冷链物流中心项目",
    "文化活动中心", "社区卫生服务站", "客运站迁建工程", "智慧停车项目", "城市书房", "雨污分流改造工程",
    "集贸市场搬迁项目", "乡村振兴示范带", "燃气管道更新改造工程", "背街小巷整治工程", "口袋公园建设",
)
TOPICS = (
    "教育医疗", "社会保障", "乡村振兴", "生态环境保护", "安全生产", "市场监管", "优化营商环境", "食品药品安全",
    "公共资源配置", "重大建设项目", "减税降费", "就业创业", "养老服务", "住房保障", "农村人居环境整治",
    "城市更新", "义务教育", "医疗保障", "退役军人服务", "防汛抗旱", "耕地保护", "人才引进", "科技创新",
    "文化惠民", "交通出行", "燃气安全", "电动自行车管理", "垃圾分类", "河湖长制", "招商引资", "惠企政策",
    "征地补偿", "困难群众救助", "残疾人帮扶", "托育服务", "消费帮扶", "粮食安全", "森林防火", "移风易俗",
    "数字政府建设", "政务服务“一网通办”", "农民工工资支付", "义务兵优待", "学前教育", "地质灾害防治",
)
_FORMS = ("图解", "短视频", "问答", "H5", "专家访谈", "案例解读", "漫画", "音频", "“一图读懂”", "直播访谈",
          "新闻发布会", "政策明白纸")
_WHO = ("人大代表", "政协委员", "企业代表", "群众代表", "新闻媒体记者", "第三方机构", "法律顾问",
        "社区网格员", "村（居）民代表", "行业协会代表", "志愿者", "退休老干部")
_DEPTS = ("办公室", "法制科", "综合股", "各业务科室", "政务公开工作专班", "各直属单位", "政策法规科",
          "行政审批科", "信息中心", "党政办", "财务科", "督查室")
_LEADERS = ("主要负责同志", "分管负责同志", "班子成员", "分管领导", "党组（党委）会")
_MONTHS = ("一季度", "二季度", "三季度", "四季度", "年初", "年中", "汛期前", "春节前后", "开学前",
           "上半年", "下半年", "六月底", "九月", "十一月", "年底前")
_CHANNELS = ("政府门户网站", "政务微博", "微信公众号", "政务服务大厅电子屏", "村（居）务公开栏", "新闻客户端",
             "短视频平台", "融媒体中心", "政务服务便民热线", "政务服务网", "政府公报", "公共图书馆查阅点")
_ACCOUNT_KINDS = ("微信公众号", "政务微博", "抖音号", "视频号", "今日头条号")
_DOCS = ("实施方案", "管理办法", "工作指引", "操作规程", "实施细则", "三年行动计划", "补助办法", "考评办法")
_UNITS = ("科室", "直属单位", "股室", "村（社区）", "成员单位", "业务口")
_SUBSIDIES = ("耕地地力保护补贴", "高龄津贴", "临时救助金", "农机购置补贴", "创业担保贷款贴息", "义务兵家庭优待金",
              "残疾人两项补贴", "生态公益林补偿金", "稳岗返还资金", "学生资助资金", "特困人员供养金",
              "农村危房改造补助")
_CN = ("两", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十五", "二十")


def _place(rng: random.Random) -> str:
    return rng.choice(_PLACE_1) + rng.choice(_PLACE_2)


_FILLERS: dict[str, Any] = {
    "topic": lambda rng: rng.choice(TOPICS),
    "matter": lambda rng: _place(rng) + rng.choice(_MATTERS),
    "place": _place,
    "form": lambda rng: rng.choice(_FORMS),
    "who": lambda rng: rng.choice(_WHO),
    "dept": lambda rng: rng.choice(_DEPTS),
    "leader": lambda rng: rng.choice(_LEADERS),
    "month": lambda rng: rng.choice(_MONTHS),
    "channel": lambda rng: rng.choice(_CHANNELS),
    "account": lambda rng: f"“{_place(rng)}发布”{rng.choice(_ACCOUNT_KINDS)}",
    "doc": lambda rng: f"《{_place(rng)}{rng.choice(TOPICS)}{rng.choice(_DOCS)}》",
    "unit": lambda rng: rng.choice(_UNITS),
    "cn": lambda rng: rng.choice(_CN),
    "subsidy": lambda rng: rng.choice(_SUBSIDIES),
    "n": lambda rng: rng.randint(3, 900),
    "pct": lambda rng: f"{rng.randint(900, 999) / 10:.1f}%",
}


class _Slots(dict[str, Any]):
    """The fields of one sentence: the report's own (names, figures), and a fresh filler for
    every other slot the template names (topic2 is a second topic, n1 a count, …)."""

    def __init__(self, rng: random.Random, fixed: Mapping[str, Any]) -> None:
        super().__init__(fixed)
        self._rng = rng

    def __missing__(self, key: str) -> Any:
        value = _FILLERS[key.rstrip("0123456789")](self._rng)
        self[key] = value
        return value


def render(template: str, rng: random.Random, **fixed: Any) -> str:
    """One sentence: ``template`` with ``fixed`` fields and random fillers for the others."""
    return template.format_map(_Slots(rng, fixed))


def _sentences(rng: random.Random, pool: tuple[str, ...], low: int, high: int, fields: Mapping[str, Any]) -> list[str]:
    return [render(t, rng, **fields) for t in rng.sample(pool, min(len(pool), rng.randint(low, high)))]


def _lines(sentences: list[str]) -> str:
    return "\n".join(sentences) + "\n"


# --- part 一 -------------------------------------------------------------------------------------

# Only {y} and {short}: bench/copies.py writes these with its own names.
OVERALL = (
    "{y}年，{short}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《条例》和上级关于政务公开工作的部署，"
    "坚持以公开为常态、不公开为例外，持续推进决策、执行、管理、服务、结果公开。",
    "{y}年，{short}围绕中心工作，紧扣群众关切，不断完善政府信息公开制度，规范公开流程，提升公开质量。",
    "{y}年，{short}把政务公开作为建设法治政府、服务型政府的重要抓手，健全工作机制，压实工作责任。",
    "{y}年以来，{short}以提升政务公开质效为目标，扎实做好政府信息主动公开、依申请公开和解读回应工作。",
    "过去一年，{short}紧紧围绕年度政务公开工作要点，把公开透明的要求贯穿到履职全过程。",
    "{y}年，{short}对照上级政务公开工作要点逐项抓落实，政务公开的标准化、规范化水平稳步提高。",
    "{y}年，{short}坚持把政务公开作为密切联系群众的重要渠道，以公开促落实、促规范、促服务。",
    "{y}年，{short}深入贯彻新修订的《条例》，着力在制度建设、平台建设和队伍建设上下功夫。",
    "一年来，{short}聚焦群众办事创业中的堵点难点，持续扩大公开范围，提高信息发布的及时性和准确性。",
    "{y}年，{short}把政务公开与依法行政、优化服务统筹推进，各项工作有序开展。",
    "{y}年是{short}推进政务公开提质增效的关键一年，全体干部职工对信息公开工作的认识进一步提高。",
    "{y}年，{short}以群众满意为导向，围绕重点工作加大公开力度，政务公开工作取得新的进展。",
)
OVERALL_MORE = (
    "成立由{leader}任组长的政务公开工作领导小组，{dept}具体负责日常工作。",
    "全年召开专题会议{cn}次，研究部署{topic}等领域的公开工作。",
    "围绕{topic}、{topic2}等社会关注度高的事项，重点做好政策发布和解读回应。",
    "结合{matter}等重点项目推进情况，同步做好过程信息和结果信息的公开。",
    "年初印发{doc}，把政务公开任务分解到{dept}和各{unit}。",
    "{month}组织开展政务公开专项检查，对发现的{cn}个问题逐项整改。",
    "在{channel}和{account}同步发布重要信息，形成多渠道公开格局。",
    "把{topic}信息公开作为年度重点任务，明确责任人和完成时限。",
)
ACTIVE = (
    "全年通过{channel}主动公开各类政府信息{n1}条，其中{topic}方面{n2}条。",
    "围绕{topic}和{topic2}等重点领域，及时发布工作动态和政策信息，发布政策解读材料{n1}篇，其中{form}等形式{n2}篇。",
    "通过{account}发布信息{n1}条，召开新闻发布会{n2}场，进一步拓宽公开渠道。",
    "对照基层政务公开标准目录，逐项梳理{topic}领域公开事项，动态更新主动公开基本目录{n1}项。",
    "{matter}开工以来，分{cn}批次公开项目批准、招标投标、征收补偿等信息，回应周边群众关切。",
    "在{month}集中公开{topic}政策清单，编印《{place}{topic2}政策明白卡》{n1}份，由网格员逐户送达。",
    "及时公开财政预决算、“三公”经费和政府采购信息，{dept}按月更新{topic}资金使用情况。",
    "针对{matter}建设中群众反映集中的问题，先后发布{cn}期情况通报，说明进度安排和补偿标准。",
    "制作“一图读懂”{n1}期，邀请{who}解读{topic}新政，相关内容阅读量超过{n2}次。",
    "执法决定作出后七个工作日内在{channel}公示，全年公示执法信息{n1}条，{topic}领域占{cn}成。",
    "组织开展“政府开放日”活动{cn}次，邀请{who}走进{matter}现场，面对面介绍{topic}工作进展。",
    "设立“{topic}”专题专栏，集中发布相关政策文件、办事指南和常见问答{n1}条。",
    "坚持重大决策预公开，就{doc}等{cn}件草案公开征求意见，收集意见建议{n1}条，采纳{n2}条。",
    "落实政策性文件与解读材料同步起草、同步审签、同步发布，{dept}牵头解读{topic}相关文件{n1}件。",
    "结合{month}{topic}工作，通过{channel}推送提示信息{n1}条，提醒群众及时办理相关事项。",
    "把{topic}作为公开重点，逐月公开资金发放对象、标准和金额，{who}可随时查阅核对。",
    "在村（社区）公开栏张贴{topic}公示材料，全年更新公示{n1}次，覆盖辖区{cn}个村（社区）。",
    "围绕{matter}和{matter2}，公开项目审批、实施和竣工验收信息{n1}条。",
    "开展政策“进企业、进社区”宣讲{n1}场，面向{who}讲解{topic}政策要点。",
    "主动回应社会关切，针对{topic}相关舆情发布权威信息{cn}次，及时澄清不实传言。",
    "在{channel}开设“{place}政策问答”栏目，围绕{topic}答复网民提问{n1}条。",
    "按季度公开{topic}工作进展，同步发布{matter}的建设进度和资金拨付情况。",
    "{month}发布{subsidy}发放结果，列明{n1}户受益对象的姓名、村组和金额（已作脱敏处理）。",
    "{leader}带头参加{channel}“在线访谈”{cn}期，就{topic}等话题与网民在线交流。",
)
# The first three quote the tables (C.3): {new} 新收, {co} 上年结转, {both} their sum, {dis} 予以公开.
REQUEST_FIGURES = (
    "全年共收到政府信息公开申请{new}件，上年结转{co}件。其中予以公开{dis}件，结转下年度继续办理{cf}件。",
    "本年度新收政府信息公开申请{new}件，连同上年结转的{co}件一并办理，均在法定期限内作出答复。",
    "{y}年受理政府信息公开申请{both}件（含上年结转{co}件），其中予以公开{dis}件。",
    "全年予以公开{dis}件，结转下年度继续办理的{cf}件将在法定期限内答复。",
)
REQUEST = (
    "严格执行依申请公开登记、审核、办理、答复、归档等各环节制度，做到依法依规、按时答复，答复文书格式规范、"
    "告知事项完整。",
    "对申请内容不明确的，一次性告知申请人补正事项；对不属于本机关公开职责的，告知申请人并说明理由。",
    "建立疑难申请会商机制，由{dept}会同法律顾问研究答复口径，全年会商{cn}次。",
    "优化申请渠道，申请人可通过{channel}、信函和当面提交等方式提出申请。",
    "对涉及第三方权益的申请，依法书面征求第三方意见，兼顾信息公开与权益保护。",
    "加强答复文书规范化建设，统一{cn}类答复模板，做到引用依据准确、救济途径告知完整。",
    "申请内容多与{topic}有关，{dept}在答复后同步梳理群众诉求，推动相关信息转为主动公开。",
    "对同一申请人多次提出的相同申请，按照《条例》规定告知不予重复处理，并做好解释说明。",
    "实行依申请公开办理台账管理，逐件登记收件日期、答复期限和办理结果，做到全程留痕。",
    "{month}组织{dept}对近年答复文书开展集中评查，对{cn}份文书的说理不充分问题进行通报。",
    "针对{topic2}方面申请较为集中的情况，编制常见问题答复口径，缩短办理时间。",
)
MANAGEMENT = (
    "建立健全政府信息公开属性源头认定机制，公文在拟制时即明确公开属性，做到应公开尽公开。",
    "开展政策文件清理，对现行有效的文件进行梳理并集中公开，及时标注文件的有效性。",
    "严格落实信息发布保密审查制度，坚持“先审查、后公开”和“一事一审”，防止泄露国家秘密和个人隐私。",
    "定期对已公开信息进行排查，对过时信息及时调整，对错漏信息及时更正，维护政府信息的准确性和权威性。",
    "{month}组织开展政府网站内容自查，整改错别字、空白栏目和失效链接{n1}处。",
    "制定《{place}政务公开工作规范》，明确{dept}等{cn}个环节的职责分工。",
    "对{topic}领域信息实行分级审核，由{leader}签批后发布。",
    "建立政府信息公开工作台账，每季度通报各{unit}信息发布数量和质量。",
    "对涉及个人隐私的{topic}公示信息进行脱敏处理，公示期满后及时撤下。",
    "完成{y}年度政府信息公开指南修订，更新办理机构、联系方式和办理流程。",
    "建立政策文件库，汇集现行有效的政策文件{n1}件，实现按主题分类检索。",
    "落实“谁发布、谁负责”原则，对{channel}发布的内容实行三审三校。",
    "对{matter}相关的历史文件开展专项梳理，补充公开遗漏信息{n1}条。",
    "规范政府信息公开目录，对{cn}类信息明确公开时限和责任{unit}。",
    "加强档案管理与信息公开的衔接，对已移交档案馆的{topic}文件编制查阅指引。",
    "对{dept}起草的{topic2}文件开展合法性审核和公开属性复核，全年复核{n1}件。",
)
PLATFORM = (
    "持续加强{channel}政府信息公开专栏建设，优化栏目设置，完善检索功能，方便公众查阅。",
    "加强政务新媒体管理，做好与政府网站的信息联动，及时转载上级重要政策信息。",
    "在政务服务大厅、档案馆和图书馆设立政府信息查阅点，为群众提供查阅和咨询服务。",
    "完成政府网站集约化迁移，新增“{topic}”“{topic2}”等栏目{cn}个。",
    "对{account}开展适老化和无障碍改造，新增大字版和语音播报功能。",
    "在{matter}附近的便民服务站设置政务公开自助终端{cn}台，方便群众就近查询。",
    "清理整合功能相近的政务新媒体账号{cn}个，保留{account}作为统一发布平台。",
    "上线“{place}政策一点通”查询模块，实现政策文件按主题、按对象精准检索。",
    "推进政务公开专区标准化建设，{dept}安排专人负责咨询引导。",
    "升级网站智能问答系统，收录{topic}常见问题{n1}条，实现全天候自动答复。",
    "开通{account}，以短视频形式发布{topic}办事指南{n1}期。",
    "完善政府网站留言办理机制，对网民留言做到限时办结、公开回复，全年回复{n1}条。",
    "利用村（居）务公开栏、应急广播等基层阵地，把{topic}信息送到群众身边。",
    "{month}完成政府网站安全检测和等级保护测评，修复{cn}项安全隐患。",
)
# Every one names 考核、评议 and 责任追究: a people's government must report them (C.4).
SUPERVISION_DUTIES = (
    "严格落实工作考核、社会评议和责任追究制度，将政务公开工作纳入年度绩效考核，全年未发生因信息公开不到位被"
    "责任追究的情况。",
    "主动接受社会监督，通过网上评议、满意度调查等方式开展社会评议，对发现的问题及时整改；本年度未发生责任追究情形，"
    "考核结果良好。",
    "把政务公开纳入年度目标考核，分值占{cn}分；邀请{who}开展社会评议，满意率达到{pct}；全年无责任追究事项。",
    "制定政务公开考核细则，按季度开展考核，评议结果与评先评优挂钩，对工作不力的严格责任追究，全年未发生追责情况。",
    "{month}组织{who}对{topic}信息公开情况开展评议，评议意见已逐项反馈整改；考核中未发现需要责任追究的问题。",
    "建立健全考核、评议、责任追究相衔接的监督机制，全年开展专项督查{cn}次，未发生责任追究事件。",
    "将信息公开工作情况纳入{dept}年度考核内容，聘请{who}担任政务公开社会评议员，发现问题依规依纪责任追究。",
    "全年政务公开工作考核等次为良好，社会评议未收到负面评价，未启动责任追究程序。",
    "年度考核中政务公开单项得分{pct}，{who}参与的社会评议满意度较上年有所提升，未发生需要责任追究的情形。",
)
SUPERVISION = (
    "{leader}定期听取政务公开工作汇报，研究解决{topic}信息公开中的具体问题。",
    "组织政务公开业务培训{cn}期，参训人员{n1}人次。",
    "在{channel}设置意见箱，收集群众对政务公开工作的意见建议{n1}条，均已办理回复。",
    "配合上级开展政务公开第三方评估，针对评估指出的{cn}项问题建立整改清单。",
    "将政府信息公开工作纳入{dept}日常督查范围，每月通报一次进展。",
    "建立政务公开工作联络员制度，各{unit}明确一名联络员负责信息报送。",
    "把{topic}信息公开情况列入{month}督查重点，督促相关{unit}限期补充公开。",
)
OVERSIGHT = "本年度发生政府信息公开行政复议{rev}件、行政诉讼{lit}件，{outcome}。"


def part_one(rng: random.Random, fields: Mapping[str, Any], heading: str) -> dict[str, Any]:
    """Part 一: an opening paragraph and the five sections the 2021 notice names."""
    opening = render(rng.choice(OVERALL), rng, **fields)
    if rng.random() < 0.7:
        opening += render(rng.choice(OVERALL_MORE), rng, **fields)
    request = _sentences(rng, REQUEST, 1, 3, fields)
    if rng.random() < 0.85:
        request.insert(0, render(rng.choice(REQUEST_FIGURES), rng, **fields))
    supervision = [render(rng.choice(SUPERVISION_DUTIES), rng, **fields), *_sentences(rng, SUPERVISION, 0, 2, fields)]
    return {"heading": heading, "text": opening + "\n", "sections": [
        {"heading": "（一）主动公开", "text": _lines(_sentences(rng, ACTIVE, 2, 4, fields))},
        {"heading": "（二）依申请公开", "text": _lines(request)},
        {"heading": "（三）政府信息管理", "text": _lines(_sentences(rng, MANAGEMENT, 2, 3, fields))},
        {"heading": "（四）政府信息公开平台建设", "text": _lines(_sentences(rng, PLATFORM, 1, 3, fields))},
        {"heading": "（五）监督保障", "text": _lines(supervision)},
    ]}


# --- part 五 -------------------------------------------------------------------------------------

_ORDINALS = ("一是", "二是", "三是", "四是", "五是")
PROBLEMS = (
    "信息公开的及时性还有待提高，{topic}栏目更新不够及时",
    "政策解读的形式较为单一，{topic}相关解读的针对性和可读性有待增强",
    "依申请公开答复的规范化水平需要进一步提升，{dept}答复说理还不够充分",
    "工作人员业务能力与新形势新要求还有一定差距，{unit}之间水平不均衡",
    "公开内容与群众需求的契合度还不够高，{topic}等领域的信息还不够全面",
    "{matter}等重点项目的信息公开还不够系统，过程信息发布较少",
    "基层政务公开标准化规范化建设推进不平衡，个别村（社区）公开栏更新滞后",
    "政务新媒体互动回应不够及时，{account}部分留言答复时间较长",
    "政策文件的集中公开和动态更新还不够到位，{topic2}类文件尚未全部标注有效性",
    "{dept}之间信息报送衔接不够顺畅，存在重复发布的情况",
    "网站检索功能不够完善，群众查找{topic}方面的政策不够便捷",
    "公开信息以工作动态为主，{topic}等数据类、结果类信息偏少",
    "政务公开工作人员变动较大，新任人员对《条例》掌握不够",
    "对{topic}领域舆情的回应还不够主动，解读发布存在滞后",
    "解读材料发布与政策文件发布不同步的情况仍有发生",
    "公开事项目录与实际工作结合不够紧密，{topic2}等事项长期未更新",
    "面向老年人等群体的线下公开渠道还不够多，{matter}周边群众反映查询不便",
    "重大决策预公开的范围还不够广，{doc}征求意见后的反馈不够充分",
    "{month}以来{topic}信息发布数量下降，栏目维护力量不足",
    "信息发布审核环节较多，{channel}发布时效受到影响",
)
MEASURES = (
    "加强栏目日常维护，建立信息更新提醒机制，确保{topic}信息发布及时准确。",
    "丰富政策解读形式，更多运用{form}等方式，提高{topic}解读的可读性。",
    "规范依申请公开办理流程，完善答复文书模板，由{dept}统一把关答复质量。",
    "加强业务培训，{month}组织工作人员深入学习《条例》和相关法律法规，提升业务能力。",
    "聚焦群众关切，拓展{topic}公开内容，提升政务公开的精准度和实效性。",
    "对{matter}实行全过程公开，按节点发布立项、招标、施工和验收信息。",
    "{month}前完成基层政务公开标准目录的全面复核，逐村（社区）督促更新公开栏。",
    "明确政务新媒体留言办理时限，{account}实行专人值守、限时回复。",
    "开展政策文件专项清理，{month}前集中公开现行有效文件并动态更新。",
    "建立{dept}信息发布协调机制，统一发布口径，避免重复发布。",
    "优化网站检索和分类导航，按{topic}等主题聚合政策文件。",
    "加大数据类、结果类信息公开力度，按季度发布{topic}工作进展数据。",
    "建立政务公开岗位交接制度，新任人员上岗前参加专题培训。",
    "建立{topic}舆情会商研判机制，做到早发现、早回应、早处置。",
    "严格执行解读材料与政策文件同步发布要求，未附解读的{topic2}文件不予发布。",
    "结合机构职能调整，{month}完成公开事项目录修订。",
    "在{matter}周边的便民服务点增设查阅点，为老年人提供帮办服务。",
    "扩大重大决策预公开范围，及时公开意见采纳情况并说明理由。",
    "把政务公开纳入年度督查重点，对{topic}信息公开整改情况开展“回头看”。",
    "邀请{who}参与政务公开效果评估，根据评估意见改进工作。",
    "精简信息发布审核环节，{channel}发布实行限时审核。",
)
_MEASURES_LEAD = (
    "{y}年将重点做好以下工作：",
    "下一步，{short}将围绕{topic}等重点工作抓好整改：",
    "针对上述问题，{short}将采取以下措施：",
    "对照问题清单，{dept}已制定整改方案，明确以下措施：",
    "",
    "",
)


def part_five(rng: random.Random, fields: Mapping[str, Any], heading: str) -> dict[str, Any]:
    """Part 五: the problems, numbered 一是…二是…, and the measures, one a line."""
    chosen = rng.sample(PROBLEMS, rng.randint(3, 4))
    problems = "；".join(o + render(t, rng, **fields) for o, t in zip(_ORDINALS, chosen, strict=False)) + "。"
    lead = render(rng.choice(_MEASURES_LEAD), rng, **fields)
    measures = _sentences(rng, MEASURES, 3, 5, fields)
    if lead:
        measures.insert(0, lead)
    return {"heading": heading, "sections": [
        {"heading": "（一）存在的主要问题", "text": problems + "\n"},
        {"heading": "（二）改进措施", "text": _lines(measures)},
    ]}


# --- part 六 -------------------------------------------------------------------------------------

OTHER = (
    "本年度未收取信息处理费。",
    "本年度无其他需要报告的事项。",
    "本年度{short}完成了政务公开工作要点确定的{topic}等各项任务，人大代表建议和政协提案办理结果均已公开。",
    "本年度承办人大代表建议{n1}件、政协提案{n2}件，办理结果均已按规定公开。",
    "按照{place}政务公开工作要点，完成{topic}等{cn}项公开任务。",
    "{matter}的征收补偿方案已于{month}在{channel}公示，公示期内未收到异议。",
    "本年度未发生因政府信息公开引发的重大舆情。",
    "政务公开工作机构调整为{dept}，联系方式已在网站公布。",
)
_PLAIN_OTHER = (OTHER[0], OTHER[1], OTHER[6])


def part_six(rng: random.Random, fields: Mapping[str, Any]) -> str:
    """Part 六's text: one matter, sometimes followed by a plain statement (短: a part 六 this
    short is not judged by copy detection, so two bodies that have nothing else to report are
    not taken for copies)."""
    first = rng.choice(OTHER)
    sentences = [render(first, rng, **fields)]
    if len(sentences[0]) < 30 and rng.random() < 0.4:
        sentences.append(rng.choice([t for t in _PLAIN_OTHER if t != first]))
    return _lines(sentences)
