"""The two format definitions against format-spec §4–§6: rows, columns, official labels, identities;
and the validation of a definition when it loads: a broken copy names the file, line and key path."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import nianbao.formats
from nianbao.checks.identities import evaluate
from nianbao.formats import (
    CellRef,
    DefinitionProblem,
    FormatDefinitionError,
    Term,
    all_formats,
    format_for_year,
    get_format,
    load_format_file,
    load_formats,
)
from nianbao.loader import load_data
from nianbao.numerals import NUMERALS, PART_KEYS, PART_NUMBER, numeral_value
from nianbao.problems import Locator

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


# --- narrative figures, fees --------------------------------------------------------------------

NARRATIVE = [
    ("收到申请", [CellRef("applications", "new", "total")], [CellRef("applications", "carried_over", "total")],
     "全年共收到政府信息公开申请 12 件", "12"),
    ("予以公开", [CellRef("applications", "results.disclosed", "total")], [], "其中予以公开 5 件", "5"),
    ("行政复议", [CellRef("reviews_litigation", "review", "total")], [], "发生行政复议申请 2 起", "2"),
    ("行政诉讼", [CellRef("reviews_litigation", "litigation.direct", "total"),
              CellRef("reviews_litigation", "litigation.after_review", "total")], [], "行政诉讼 3 件", "3"),
]


@pytest.mark.parametrize("fmt", [F2019, F2021], ids=["2019", "2021"])
def test_narrative_figures_declared_with_their_cells(fmt):
    assert [(n.name, list(n.cells), list(n.extra)) for n in fmt.narrative] == [n[:3] for n in NARRATIVE]
    for figure, (*_, text, number) in zip(fmt.narrative, NARRATIVE, strict=True):
        match = figure.pattern.search(text)
        assert match is not None and match[1] == number, figure.name
        for table, row, column in figure.cells + figure.extra:
            assert column in fmt.table(table).column_keys(row)


def test_fees_part_and_unpaid_fees_cell():
    assert F2021.fees_part is not None and F2021.fees_part.key == "六"
    assert F2021.unpaid_fees_cell == ("applications", "results.other_handling.unpaid_fees", "total")
    table, row, column = F2021.unpaid_fees_cell
    assert F2021.table(table).row(row)[0].label.startswith("2.申请人逾期未按收费通知要求缴纳费用")
    assert column in F2021.table(table).column_keys(row)
    assert (F2019.fees_part, F2019.unpaid_fees_cell) == (None, None)


# --- loading and validating a definition --------------------------------------------------------

FORMATS = Path(nianbao.formats.__file__).parent


def broken(tmp_path: Path, fmt: str, *edits: tuple[str, str]) -> Path:
    """A copy of a real definition with edits; each old text must occur, so a stale edit fails loudly."""
    text = (FORMATS / f"{fmt}.yml").read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / f"{fmt}.yml"
    path.write_text(text, encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    """The line the first occurrence of needle (which may span lines) starts on."""
    text = path.read_text(encoding="utf-8")
    return text.count("\n", 0, text.index(needle)) + 1


def problems_of(path: Path) -> tuple[DefinitionProblem, ...]:
    with pytest.raises(FormatDefinitionError) as caught:
        load_format_file(path)
    message = str(caught.value)
    for problem in caught.value.problems:
        assert f"{problem.file}:{problem.line}:{problem.column}：" in message
        assert Path(problem.file).name == path.name
    return caught.value.problems


# (format, edit, the line the problem is on, its key path, words of its message)
BROKEN = {
    "typo_in_a_node": ("2021", ("{key: made, label: 本年制发件数}", "{knid: made, label: 本年制发件数}"), "knid: made",
                       "tables.active_disclosure.blocks[0].columns[0].knid", ["未知的键“knid”", "是否想写“kind”"]),
    "typo_in_an_identity": ("2021", ('lhs: [repealed], op: "<="', 'lhs: [repealed], opp: "<="'), "opp:",
                            "identities[4].opp", ["未知的键“opp”", "是否想写“op”"]),
    "unknown_row_key": ("2021", ("lhs: [results.total, carried_forward]", "lhs: [results.totl, carried_forward]"),
                        "results.totl", "identities[0].lhs[0]",
                        ["没有行“results.totl”", "是否想写“results.total”"]),
    "unknown_prev_term": ("2021", ('rhs: ["prev:carried_forward"]', 'rhs: ["prev:carried_forwrd"]'),
                          "prev:carried_forwrd", "identities[5].rhs[0]", ["没有行“carried_forwrd”"]),
    "unknown_negated_term": ("2021", ('"-repealed"', '"-repeald"'), "-repeald", "identities[6].rhs[2]",
                             ["没有列“repeald”", "是否想写“repealed”"]),
    "unknown_row_in_rows": ("2019", ("rows: [licensing, other_services, penalties, enforcement, fees],",
                                     "rows: [licensing, other_services, penalties, enforcment, fees],"),
                            "enforcment", "identities[4].rows[3]", ["没有行“enforcment”", "是否想写“enforcement”"]),
    "row_without_the_columns": ("2019", ("rows: [regulations, normative_documents],\n     lhs: [published]",
                                         "rows: [regulations, licensing],\n     lhs: [published]"),
                                "rows: [regulations, licensing]", "identities[5].rows[1]",
                                ["行“licensing”没有恒等式所用的列", "缺 published、total"]),
    "duplicate_yaml_key": ("2021", ("caption: 主动公开政府信息情况\n",
                                    "caption: 主动公开政府信息情况\n    caption: 又一个\n"),
                           "caption: 又一个", "tables.active_disclosure.caption",
                           ["键“caption”重复", "第一次出现在第 19 行"]),
    "duplicate_sibling_row": ("2021", ("- {key: penalties, label: 行政处罚}", "- {key: enforcement, label: 行政处罚}"),
                              "{key: enforcement, label: 行政强制}", "tables.active_disclosure.blocks[2].rows[1].key",
                              ["行的键“enforcement”重复", "第一次出现在第"]),
    "duplicate_row_across_blocks": ("2021", ("- {key: licensing, label: 行政许可}",
                                             "- {key: regulations, label: 行政许可}"),
                                    "{key: regulations, label: 行政许可}",
                                    "tables.active_disclosure.blocks[1].rows[0].key", ["行的键“regulations”重复"]),
    "duplicate_column": ("2021", ("- {key: repealed, label: 本年废止件数}", "- {key: made, label: 本年废止件数}"),
                         "{key: made, label: 本年废止件数}", "tables.active_disclosure.blocks[0].columns[1].key",
                         ["列的键“made”在同一块中重复"]),
    "duplicate_band": ("2019", ("band: 第二十条第（六）项", "band: 第二十条第（五）项"),
                       "第二十条第（五）项\n        corner: 信息内容\n        columns: *items",
                       "tables.active_disclosure.blocks[2].band", ["块的标题“第二十条第（五）项”重复"]),
    "duplicate_identity_id": ("2021", ("{id: X.2,", "{id: X.1,"), "{id: X.1, status: heuristic",
                              "identities[6].id", ["恒等式编号“X.1”重复", "第一次出现在第"]),
    "duplicate_part": ("2019", ("{key: 五, heading", "{key: 四, heading"), "{key: 四, heading: 存在", "parts[4].key",
                       ["部分的序号“四”重复"]),
    "bad_regex": ("2021", ("'予以公开\\s*(\\d+)\\s*件'", "'予以公开\\s*(\\d+\\s*件'"), "予以公开\\s*(",
                  "narrative[1].pattern", ["正则表达式无法编译"]),
    "regex_with_two_groups": ("2019", ("'行政诉讼\\s*(\\d+)\\s*[件起]'", "'行政诉讼\\s*(\\d+)\\s*([件起])'"),
                              "行政诉讼\\s*(", "narrative[3].pattern", ["恰有一个分组", "实有 2 个"]),
    "narrative_cell_unknown_row": ("2021", ("row: review, column: total", "row: reviews, column: total"),
                                   "row: reviews", "narrative[2].cells[0].row",
                                   ["没有行“reviews”", "是否想写“review”"]),
    "unpaid_cell_unknown_column": ("2021", ("row: results.other_handling.unpaid_fees, column: total}",
                                            "row: results.other_handling.unpaid_fees, column: totl}"),
                                   "column: totl", "unpaid_fees_cell.column", ["没有列“totl”", "是否想写“total”"]),
    "unpaid_cell_without_fees_part": ("2021", ("phrases: [其他需要报告], fees: true", "phrases: [其他需要报告]"),
                                      "unpaid_fees_cell:", "unpaid_fees_cell", ["没有报告信息处理费的部分"]),
    "part_names_no_table": ("2019", ("phrases: [行政复议, 行政诉讼], table: reviews_litigation",
                                     "phrases: [行政复议, 行政诉讼], table: review_litigation"),
                            "table: review_litigation", "parts[3].table",
                            ["没有表“review_litigation”", "是否想写“reviews_litigation”"]),
    "identity_names_no_table": ("2019", ("{id: T4.1, status: implied, table: reviews_litigation",
                                         "{id: T4.1, status: implied, table: reviews"),
                                "table: reviews,", "identities[3].table", ["没有表“reviews”"]),
    "wrong_kind": ("2019", ("kind: amount_with_unit", "kind: amount_unit"), "kind: amount_unit",
                   "tables.active_disclosure.blocks[4].columns[1].kind",
                   ["取值不在允许的范围内", "'amount_with_unit'", "是否想写“amount_with_unit”"]),
    "wrong_status": ("2021", ("{id: T3.2, status: implied", "{id: T3.2, status: implyed"), "status: implyed",
                     "identities[1].status", ["'stated'、'implied'、'heuristic' 之一", "实为：“implyed”"]),
    "wrong_each": ("2021", ("{id: T4.1, status: implied, table: reviews_litigation, each: row",
                            "{id: T4.1, status: implied, table: reviews_litigation, each: rows"),
                   "each: rows", "identities[3].each", ["'row'、'column' 之一"]),
    "wrong_op": ("2019", ('lhs: [published], op: "<="', 'lhs: [published], op: "=<"'), 'op: "=<"',
                 "identities[5].op", ["'='、'<='、'>=' 之一"]),
    "wrong_layout": ("2021", ("layout: side_by_side", "layout: sideways"), "layout: sideways",
                     "tables.reviews_litigation.blocks[0].layout", ["'grid'、'side_by_side' 之一"]),
    "wrong_type": ("2021", ("label: 本年处理决定数量, span: 3}", "label: 本年处理决定数量, span: three}"),
                   "span: three",
                   "tables.active_disclosure.blocks[1].columns[0].span", ["应为：整数", "实为：“three”"]),
    "bool_as_number": ("2021", ("fees: true", "fees: 1"), "fees: 1", "parts[5].fees", ["true 或 false", "数字 1"]),
    "unquoted_id": ('2019', ('id: "2019"', "id: 2019"), "id: 2019", "id", ["应为：文本", "数字 2019"]),
    "missing_label": ("2021", ("{key: regulations, label: 规章}", "{key: regulations}"), "{key: regulations}",
                      "tables.active_disclosure.blocks[0].rows[0].label", ["缺少键“label”"]),
    "bad_key_spelling": ("2021", ("{key: natural_person, label: 自然人}", "{key: Natural-Person, label: 自然人}"),
                         "Natural-Person", "tables.applications.blocks[0].columns[0].children[0].key",
                         ["小写字母、数字和下划线"]),
    "bad_term_syntax": ("2021", ('rhs: ["prev:current", made]', 'rhs: ["prev current", made]'), "prev current",
                        "identities[4].rhs[0]", ["可加前缀"]),
    "unknown_band": ("2019", ("lhs: [carried_over], rhs:", "block: 第二十条第（七）项, lhs: [carried_over], rhs:"),
                     "第二十条第（七）项", "identities[6].block", ["没有这一块"]),
    "rows_on_a_column_identity": ("2021", ("lhs: [results.total], rhs: [results.*],",
                                           "lhs: [results.total], rhs: [results.*], rows: [new],"),
                                  "rows: [new]", "identities[2].rows", ["按列检查的恒等式不用 rows"]),
    "wildcard_on_a_row_identity": ("2021", ("lhs: [total], rhs: [upheld, corrected, other, pending]",
                                            "lhs: [total], rhs: [upheld.*]"),
                                   "upheld.*", "identities[3].rhs[0]", ["x.* 只用于按列检查的恒等式"]),
    "first_year_insane": ("2021", ("years: [2021, null]", "years: [1921, null]"), "years:", "years[0]",
                          ["起始年份不合理", "实为：1921"]),
    "years_backwards": ("2019", ("years: [2019, 2020]", "years: [2019, 2018]"), "years:", "years[1]",
                        ["截止年份不合理"]),
    "malformed_yaml": ("2019", ("  - {key: 一, heading: 总体情况, phrases: [总体情况]}",
                                "  - {key: 一, heading: 总体情况, phrases: [总体情况]"), "{key: 二", "",
                       ["不是有效的 YAML"]),
}


@pytest.mark.parametrize(("fmt", "edit", "needle", "path", "words"), BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_definition_names_file_line_and_key_path(tmp_path, fmt, edit, needle, path, words):
    broken_file = broken(tmp_path, fmt, edit)
    found = problems_of(broken_file)
    assert len(found) == 1, "\n".join(map(str, found))
    (problem,) = found
    assert (problem.line, problem.path) == (line_of(broken_file, needle), path), str(problem)
    for word in words:
        assert word in problem.message, str(problem)


def test_an_unknown_key_is_pointed_at_its_column(tmp_path):
    path = broken(tmp_path, "2021", ("{key: made, label: 本年制发件数}", "{knid: made, label: 本年制发件数}"))
    (problem,) = problems_of(path)
    line = path.read_text(encoding="utf-8").splitlines()[problem.line - 1]
    assert line[problem.column - 1:].startswith("knid:")


def test_every_problem_of_a_definition_is_reported_at_once(tmp_path):
    path = broken(tmp_path, "2021", BROKEN["typo_in_a_node"][1], BROKEN["typo_in_an_identity"][1],
                  BROKEN["unknown_row_key"][1], BROKEN["duplicate_identity_id"][1], BROKEN["bad_regex"][1],
                  BROKEN["duplicate_yaml_key"][1])
    found = problems_of(path)
    assert [p.path for p in found] == [
        "tables.active_disclosure.caption", "tables.active_disclosure.blocks[0].columns[0].knid",
        "identities[0].lhs[0]", "identities[4].opp", "identities[6].id", "narrative[1].pattern",
    ]
    assert [p.line for p in found] == sorted(p.line for p in found)


def test_an_identity_naming_a_broken_table_is_not_told_the_table_is_missing(tmp_path):
    path = broken(tmp_path, "2021", ("{key: upheld, label: 结果维持}", "{key: upheld, label: 结果维持, kind: many}"))
    assert [p.path for p in problems_of(path)] == ["tables.reviews_litigation.blocks[0].columns[0].kind"]


def test_tables_that_are_not_a_mapping_are_one_problem(tmp_path):
    path = broken(tmp_path, "2021", ("tables:\n", "tables: []\nold_tables:\n"))
    assert [p.path for p in problems_of(path)] == ["tables", "old_tables"]


def _key_occurrences(text: str) -> dict[str, yaml.Node]:
    """The first key node of every distinct place a key can take (list positions and table names folded)."""
    found: dict[str, yaml.Node] = {}

    def walk(node: yaml.Node, shape: str) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                dynamic = shape == "tables"  # table names are the definition's own keys, not the model's
                here = f"{shape}.*" if dynamic else f"{shape}.{key.value}".lstrip(".")
                if not dynamic:
                    found.setdefault(here, key)
                walk(value, here)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item, f"{shape}[]")

    walk(yaml.compose(text, Loader=yaml.SafeLoader), "")
    return found


@pytest.mark.parametrize("fmt", ["2019", "2021"])
def test_every_key_of_the_real_definitions_is_validated(tmp_path, fmt):
    """Each key the real files use, misspelt in place, is refused at its own line: no key is read
    without being checked, at any depth."""
    assert load_format_file(FORMATS / f"{fmt}.yml") == get_format(fmt)
    text = (FORMATS / f"{fmt}.yml").read_text(encoding="utf-8")
    occurrences = _key_occurrences(text)
    assert len(occurrences) > 30  # every model's keys, down to node children and narrative cells
    for shape, key in occurrences.items():
        at = key.start_mark.index
        path = tmp_path / f"{fmt}.yml"
        path.write_text(text[:at] + "zz" + text[at:], encoding="utf-8")
        found = problems_of(path)
        # A set: a key under an anchor (&items) is refused once for each block that uses it, at one line.
        assert {(p.line, p.path.rsplit(".", 1)[-1]) for p in found if "未知的键" in p.message} == {
            (key.start_mark.line + 1, f"zz{key.value}")}, shape
        assert any(f"是否想写“{key.value}”" in p.message for p in found), shape


def test_load_format_file_is_cached():
    assert load_format_file(FORMATS / "2021.yml") is load_format_file(FORMATS / "2021.yml")


# --- definitions together -----------------------------------------------------------------------

def two(tmp_path: Path, old2019: tuple[str, str] | None = None, old2021: tuple[str, str] | None = None) -> list[Path]:
    paths = []
    for fmt, edit in (("2019", old2019), ("2021", old2021)):
        folder = tmp_path / fmt
        folder.mkdir()
        paths.append(broken(folder, fmt, *([edit] if edit else [])))
    return paths


def test_package_definitions_load_together_oldest_first(tmp_path):
    assert load_formats(two(tmp_path)) == all_formats()


@pytest.mark.parametrize(("edit2019", "edit2021", "words"), [
    (("years: [2019, 2020]", "years: [2019, 2021]"), None, ["适用年份与", "重叠"]),
    (("years: [2019, 2020]", "years: [2019, null]"), None, ["重叠"]),
    (("years: [2019, 2020]", "years: [2019, 2019]"), None, ["之间有年份没有格式"]),
    (("id: \"2019\"", "id: \"2021\""), None, ["格式编号“2021”与"]),
    (None, ("years: [2021, null]", "years: [2021, 2030]"), ["最新的格式应一直适用"]),
])
def test_two_formats_never_cover_the_same_year(tmp_path, edit2019, edit2021, words):
    paths = two(tmp_path, edit2019, edit2021)
    with pytest.raises(FormatDefinitionError) as caught:
        load_formats(paths)
    message = str(caught.value)
    assert message.startswith("格式定义之间有冲突")
    (problem,) = caught.value.problems
    assert problem.line == line_of(Path(problem.file), "id:" if "编号" in words[0] else "years:")
    for word in words:
        assert word in problem.message


# --- identities: blocks and cross-year ----------------------------------------------------------

PENALTIES_VS_ENFORCEMENT = (
    "identities:\n",
    "identities:\n  - {id: T2.z, status: heuristic, table: active_disclosure, each: column,\n"
    "     block: 第二十条第（六）项,\n"
    "     lhs: [enforcement], op: \">=\", rhs: [penalties], rule: 行政强制不少于行政处罚}\n",
)


def test_a_column_identity_names_its_block_and_ranges_over_its_columns(tmp_path):
    fmt = load_format_file(broken(tmp_path, "2019", PENALTIES_VS_ENFORCEMENT))
    identity = fmt.identities[0]
    assert identity.block == 2
    # Every identity the real files give addresses the first block, as before blocks could be named.
    assert {i.block for f in all_formats() for i in f.identities} == {0}
    report = load_data(Path("data")).report("wanggang-zhen", 2020)
    assert report is not None
    # 行政处罚 [0, +1, 3], 行政强制 [0, 0, 0]
    outcomes = {o.subject: o.status for o in evaluate(identity, report, None, Locator("x"))}
    assert outcomes == {"previous": "holds", "change": "fails", "decisions": "fails"}


def test_a_column_identity_on_a_later_block_without_block_is_refused(tmp_path):
    old, new = PENALTIES_VS_ENFORCEMENT
    path = broken(tmp_path, "2019", (old, new.replace(" block: 第二十条第（六）项,", "")))
    problems = problems_of(path)
    assert [p.path for p in problems] == ["identities[0].lhs[0]", "identities[0].rhs[0]"]
    assert all("没有所查块的列" in p.message and "用 block: 指明" in p.message for p in problems)


def test_cross_year_follows_the_terms_not_the_id(tmp_path):
    fmt = load_format_file(broken(tmp_path, "2021", ("{id: X.1,", "{id: T3.9,")))
    renamed = next(i for i in fmt.identities if i.id == "T3.9")
    assert renamed.cross_year and renamed.severity == "warning"
    assert {i.id for f in all_formats() for i in f.identities if i.cross_year} == {"X.1", "X.2", "X.3", "X.4", "T2.b"}

def test_every_format_numbers_its_parts_as_the_model_does():
    # The part numerals are defined once (nianbao.numerals); a format with other keys would have
    # parts the model refuses or pages without an anchor.
    for fmt in all_formats():
        assert tuple(p.key for p in fmt.parts) == PART_KEYS, fmt.id
    assert NUMERALS.startswith("".join(PART_KEYS))
    assert [numeral_value(k) for k in PART_KEYS] == list(PART_NUMBER.values()) == [1, 2, 3, 4, 5, 6]
    assert numeral_value("十") == 10 and numeral_value("零") is None and numeral_value("十一") is None
