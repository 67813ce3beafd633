"""The two format definitions against format-spec §4–§6: rows, columns, official labels, identities."""

from __future__ import annotations

import pytest

from nianbao.formats import Term, all_formats, format_for_year, get_format
from nianbao.numerals import NUMERALS, PART_KEYS, PART_NUMBER, numeral_value

F2019 = get_format("2019")
F2021 = get_format("2021")

T3_COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
T3_ROWS_COMMON_HEAD = [
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
]
T3_ROWS_2019 = [*T3_ROWS_COMMON_HEAD, "（六）其他处理", "（七）总计", "四、结转下年度继续办理"]
T3_ROWS_2021 = [
    *T3_ROWS_COMMON_HEAD,
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.其他",
    "（七）总计",
    "四、结转下年度继续办理",
]
T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T4_COLUMNS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def labels(nodes):
    return [node.label for _, node in nodes]


def test_both_formats_ship_oldest_first():
    assert [f.id for f in all_formats()] == ["2019", "2021"]
    assert (F2019.notice, F2019.first_year, F2019.last_year) == ("国办公开办函〔2019〕60号", 2019, 2020)
    assert (F2021.notice, F2021.first_year, F2021.last_year) == ("国办公开办函〔2021〕30号", 2021, None)


@pytest.mark.parametrize(("year", "expected"), [(2018, None), (2019, "2019"), (2020, "2019"), (2021, "2021"),
                                                (2025, "2021"), (2040, "2021")])
def test_format_for_year(year, expected):
    fmt = format_for_year(year)
    assert (fmt.id if fmt else None) == expected


def test_unknown_format_id_is_a_key_error():
    with pytest.raises(KeyError):
        get_format("2020")


@pytest.mark.parametrize("fmt", [F2019, F2021], ids=["2019", "2021"])
def test_six_parts_with_their_tables(fmt):
    assert [(p.key, p.heading, p.table) for p in fmt.parts] == [
        ("一", "总体情况", ""),
        ("二", "主动公开政府信息情况", "active_disclosure"),
        ("三", "收到和处理政府信息公开申请情况", "applications"),
        ("四", "政府信息公开行政复议、行政诉讼情况", "reviews_litigation"),
        ("五", "存在的主要问题及改进情况", ""),
        ("六", "其他需要报告的事项", ""),
    ]


@pytest.mark.parametrize(("fmt", "rows"), [(F2019, T3_ROWS_2019), (F2021, T3_ROWS_2021)], ids=["2019", "2021"])
def test_t3_rows_and_labels_exact(fmt, rows):
    table = fmt.table("applications")
    assert table.caption == "收到和处理政府信息公开申请情况"
    assert [node.label for _, node, _ in table.leaf_rows] == rows
    assert len(rows) == {"2019": 23, "2021": 25}[fmt.id]


@pytest.mark.parametrize("fmt", [F2019, F2021], ids=["2019", "2021"])
def test_t3_header_exact(fmt):
    (block,) = fmt.table("applications").blocks
    assert block.corner == T3_NOTE
    assert labels(block.leaf_columns) == T3_COLUMNS
    (applicants,) = block.columns
    assert applicants.label == "申请人情况"
    # 法人或其他组织 is a spanning header only: no key, no column of its own.
    legal = applicants.children[1]
    assert (legal.label, legal.key, len(legal.children)) == ("法人或其他组织", "", 5)


@pytest.mark.parametrize("fmt", [F2019, F2021], ids=["2019", "2021"])
def test_t3_group_labels(fmt):
    (block,) = fmt.table("applications").blocks
    results = block.rows[2]
    assert results.label == "三、本年度办理结果"
    groups = [(c.label, len(c.children)) for c in results.children if c.children]
    expected = [("（三）不予公开", 8), ("（四）无法提供", 3), ("（五）不予处理", 5)]
    if fmt.id == "2021":
        expected.append(("（六）其他处理", 3))
    assert groups == expected
    assert len(list(results.leaves())) == {"2019": 20, "2021": 22}[fmt.id]


def test_2021_other_handling_accepts_both_punctuations():
    node, _ = F2021.table("applications").row("results.other_handling.no_correction")
    assert node.variants == ("1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请",)


@pytest.mark.parametrize("fmt", [F2019, F2021], ids=["2019", "2021"])
def test_t4_identical_in_both_formats(fmt):
    (block,) = fmt.table("reviews_litigation").blocks
    assert block.layout == "side_by_side"
    assert labels(block.leaf_columns) == T4_COLUMNS
    assert [(k, n.label) for k, n in block.leaf_rows] == [
        ("review", "行政复议"), ("litigation.direct", "未经复议直接起诉"), ("litigation.after_review", "复议后起诉"),
    ]
    assert block.rows[1].label == "行政诉讼"


def test_t2_2019_bands_rows_and_columns():
    blocks = F2019.table("active_disclosure").blocks
    assert [(b.band, b.corner, labels(b.leaf_columns), labels(b.leaf_rows)) for b in blocks] == [
        ("第二十条第（一）项", "信息内容", ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
         ["规章", "规范性文件"]),
        ("第二十条第（五）项", "信息内容", ["上一年项目数量", "本年增/减", "处理决定数量"],
         ["行政许可", "其他对外管理服务事项"]),
        ("第二十条第（六）项", "信息内容", ["上一年项目数量", "本年增/减", "处理决定数量"], ["行政处罚", "行政强制"]),
        ("第二十条第（八）项", "信息内容", ["上一年项目数量", "本年增/减"], ["行政事业性收费"]),
        ("第二十条第（九）项", "信息内容", ["采购项目数量", "采购总金额"], ["政府集中采购"]),
    ]
    kinds = {(b.band, k): c.kind for b in blocks for k, c in b.leaf_columns}
    assert kinds[("第二十条第（五）项", "change")] == "signed"
    assert kinds[("第二十条第（八）项", "change")] == "signed"
    assert kinds[("第二十条第（九）项", "amount")] == "amount_with_unit"


def test_t2_2021_bands_rows_and_columns():
    blocks = F2021.table("active_disclosure").blocks
    assert [(b.band, labels(b.leaf_columns), labels(b.leaf_rows)) for b in blocks] == [
        ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "行政规范性文件"]),
        ("第二十条第（五）项", ["本年处理决定数量"], ["行政许可"]),
        ("第二十条第（六）项", ["本年处理决定数量"], ["行政处罚", "行政强制"]),
        ("第二十条第（八）项", ["本年收费金额（单位：万元）"], ["行政事业性收费"]),
    ]
    # The single-value columns span the three data columns of the grid.
    assert [c.span for b in blocks[1:] for _, c in b.leaf_columns] == [3, 3, 3]
    (_, amount), = blocks[3].leaf_columns
    assert (amount.kind, amount.unit) == ("amount", "万元")


def test_2021_has_no_procurement_block():
    assert all("（九）" not in b.band for b in F2021.table("active_disclosure").blocks)
    with pytest.raises(KeyError):
        F2021.table("active_disclosure").row("procurement")


IDENTITIES = {
    "2019": {"T3.1": "error", "T3.2": "error", "T3.4": "error", "T4.1": "error", "T2.c": "error",
             "T2.d": "warning", "X.1": "warning", "X.3": "warning", "X.4": "warning"},
    "2021": {"T3.1": "error", "T3.2": "error", "T3.4": "error", "T4.1": "error", "T2.b": "warning",
             "X.1": "warning", "X.2": "warning"},
}


@pytest.mark.parametrize("fmt", [F2019, F2021], ids=["2019", "2021"])
def test_identities_and_their_severity(fmt):
    assert {i.id: i.severity for i in fmt.identities} == IDENTITIES[fmt.id]


@pytest.mark.parametrize("fmt", [F2019, F2021], ids=["2019", "2021"])
def test_identity_terms_name_existing_rows_and_columns(fmt):
    for identity in fmt.identities:
        table = fmt.table(identity.table)
        rows = {key for key, _, _ in table.leaf_rows}
        columns = {key for block in table.blocks for key, _ in block.leaf_columns}
        terms = {t.key for t in identity.lhs + identity.rhs}
        for key in terms:
            if key.endswith(".*"):
                assert any(r.startswith(key[:-1]) for r in rows), (identity.id, key)
            else:
                assert key in (rows if identity.each == "column" else columns), (identity.id, key)
        assert set(identity.rows) <= rows, identity.id


def test_t3_1_is_the_stated_header_note():
    (t31,) = [i for i in F2021.identities if i.id == "T3.1"]
    assert t31.status == "stated"
    assert t31.rule == T3_NOTE.strip("（）")


@pytest.mark.parametrize(("text", "key", "previous", "negated"), [
    ("made", "made", False, False), ("prev:current", "current", True, False), ("-repealed", "repealed", False, True),
    ("-prev:current", "current", True, True),
])
def test_term_parse(text, key, previous, negated):
    assert Term.parse(text) == Term(key, previous, negated)


def test_every_format_numbers_its_parts_as_the_model_does():
    # The part numerals are defined once (nianbao.numerals); a format with other keys would have
    # parts the model refuses or pages without an anchor.
    for fmt in all_formats():
        assert tuple(p.key for p in fmt.parts) == PART_KEYS, fmt.id
    assert NUMERALS.startswith("".join(PART_KEYS))
    assert [numeral_value(k) for k in PART_KEYS] == list(PART_NUMBER.values()) == [1, 2, 3, 4, 5, 6]
    assert numeral_value("十") == 10 and numeral_value("零") is None and numeral_value("十一") is None
