"""Copy detection (雷同): normalisation, containment both ways, copied passages, MinHash LSH
candidates, texts too short to judge, and the four copy indicators on the fixture body."""

from __future__ import annotations

import random
import shutil
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from nbdata import FIXTURE_2021, SHILI, copy_data, edit

from nianbao.cells import Cell
from nianbao.copies import (
    COPY_OWN_PREVIOUS,
    COPY_PEER,
    DEFAULTS,
    SECTION5_UNCHANGED,
    TABLES_UNCHANGED,
    CopySettings,
    Corpus,
    Document,
    Figure,
    Piece,
    copy_own_previous,
    copy_peer,
    documents,
    names_pattern,
    normalise,
    passages,
    section5_unchanged,
    similarity,
    tables_unchanged,
)
from nianbao.copies.compare import gram_set
from nianbao.formats import all_formats
from nianbao.loader import load_data

REGION = ("示例省", "示例市", "示例县")
STATUTE = "本报告根据《中华人民共和国政府信息公开条例》和上级有关要求编制。"
PERIOD = "报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。"
# Prose of this body's own: what a comparison should be about.
OWN_A = ("围绕乡村振兴和营商环境，组织专题培训四场，邀请群众代表走进机关开展开放日活动，"
         "在村级便民服务点设置信息查阅终端，方便老年人就近查询惠民政策。")
OWN_B = ("全面梳理权责清单，督促各科室按季度自查公开栏目，对群众留言做到当日登记、限时回复，"
         "编印惠企政策汇编并送达辖区重点企业，推动政策直达市场主体。")


def doc(body: str, year: int, *texts: str, part: str = "一", names: tuple[str, ...] = (),
        region: tuple[str, ...] = REGION, level: str = "区县部门") -> Document:
    pieces = tuple(Piece(part, f"parts.{part}.sections.{i}.text", t) for i, t in enumerate(texts))
    return Document(body, year, level, region, names[0] if names else body, (*names, *region), pieces)


def grams(text: str, names: tuple[str, ...] = ()) -> object:
    return gram_set(normalise(text, names_pattern(names)).text, 5)


# --- normalisation --------------------------------------------------------------------------------


def test_normalisation_strips_the_statute_headings_labels_names_digits_and_punctuation() -> None:
    text = (STATUTE + PERIOD.format(y=2021) + "\n（一）主动公开\n2021年，示例县民政局全年主动公开政府信息356条，"
            "其中行政规范性文件6件；收到政府信息公开申请12件，予以公开7件。" + OWN_A)
    normal = normalise(text, names_pattern(("示例县民政局", "县民政局", *REGION))).text
    for gone in ("本报告", "中华人民共和国", "统计期限", "示例", "民政局", "行政规范性文件", "主动公开",
                 "（一）", "，"):
        assert gone not in normal, gone
    assert not any(ch.isdigit() or ch.isspace() for ch in normal)
    assert normalise(OWN_A).text in normal  # the body's own words stay


def test_every_label_and_heading_of_every_format_is_taken_out() -> None:
    own = normalise(OWN_A).text
    checked = 0
    for fmt in all_formats():
        labels = [part.heading for part in fmt.parts] + [table.caption for table in fmt.tables]
        for table in fmt.tables:
            labels += [node.label for _, node, _ in table.leaf_rows]
            labels += [node.label for block in table.blocks for _, node in block.leaf_columns]
        for label in labels:
            if len(normalise(label).text + "".join(ch for ch in label if ch.isalpha())) >= 0 and \
                    len("".join(ch for ch in label if "\u4e00" <= ch <= "\u9fff")) >= 4:
                assert normalise(label + OWN_A).text == own, label
                assert normalise(OWN_A + label).text == own, label
                checked += 1
    assert checked > 50
    # Short labels are ordinary words and stay: 总计 in prose is not a table's.
    assert "总计" in normalise("总计" + OWN_A).text


def test_reports_differing_only_in_name_year_and_figures_are_the_same_once_normalised() -> None:
    def report(name: str, short: str, year: int, n: int) -> tuple[str, tuple[str, ...]]:
        text = (f"{year}年，{name}全年主动公开政府信息{n}条，收到政府信息公开申请{n // 3}件，"
                f"予以公开{n // 5}件。{short}" + OWN_A + OWN_B)
        return text, (name, short, *REGION)

    a, a_names = report("示例县民政局", "县民政局", 2021, 356)
    b, b_names = report("示例县教育局", "县教育局", 2022, 1289)
    raw = similarity(gram_set(a, 5), gram_set(b, 5))
    assert raw.jaccard is not None and raw.jaccard < 0.95
    same = similarity(grams(a, a_names), grams(b, b_names))
    assert same.jaccard == same.a_in_b == same.b_in_a == 1.0


def test_reports_sharing_only_the_template_are_judged_on_what_remains() -> None:
    # The section headings the 2021 notice sets for part 一, repeated in the text: the report's own
    # headings (Document.headings) are taken out with its names.
    headings = ("（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）政府信息公开平台建设",
                "（五）监督保障")
    template = (STATUTE + PERIOD.format(y=2021) + "".join(headings) + "。本年新收政府信息公开申请数量、"
                "上年结转政府信息公开申请数量、本年度办理结果、予以公开、行政规范性文件、行政许可、行政处罚。")
    a, b = template + OWN_A, template + OWN_B
    raw = similarity(gram_set(a, 5), gram_set(b, 5))
    assert raw.jaccard is not None and raw.jaccard > 0.5  # the template alone makes them look alike
    judged = similarity(grams(a, headings), grams(b, headings))
    assert judged.judged and judged.jaccard == 0.0
    corpus = Corpus([replace(doc("a", 2021, a), headings=headings), replace(doc("a", 2022, b), headings=headings)])
    [_, second] = copy_own_previous(corpus)
    assert second.value == 0.0 and not second.flag


# --- containment in both directions ---------------------------------------------------------------


def test_containment_tells_the_copy_from_its_source() -> None:
    source = OWN_A + OWN_B + "认真办理人大代表建议和政协委员提案，办理结果在门户网站专栏集中公开，接受社会监督。"
    copy = OWN_B  # a short text copied into the long one
    sim = similarity(grams(copy), grams(source))
    assert sim.judged
    assert sim.a_in_b == 1.0
    assert sim.b_in_a is not None and sim.b_in_a < 0.5
    assert sim.jaccard is not None and sim.jaccard == pytest.approx(sim.b_in_a)
    reverse = similarity(grams(source), grams(copy))
    assert (reverse.a_in_b, reverse.b_in_a) == (sim.b_in_a, sim.a_in_b)


# --- texts too short to judge ---------------------------------------------------------------------


def test_a_short_text_is_not_judged_and_says_why() -> None:
    short = "本年度无其他需要报告的事项，工作总体平稳。"
    sim = similarity(grams(short), grams(short))
    assert sim.shared == sim.grams_a > 0  # identical ...
    assert not sim.judged  # ... but too short to call a copy
    assert sim.a_in_b is None and sim.b_in_a is None and sim.jaccard is None
    reason = sim.reason()
    assert reason is not None and str(sim.grams_a) in reason and "50" in reason
    corpus = Corpus([doc("small", 2021, short), doc("small", 2022, short)])
    [first, second] = copy_own_previous(corpus)
    assert (first.value, first.flag) == (None, False)
    assert (second.value, second.flag, second.detail) == (None, False, reason)
    # Another small body with the very same sentence is no copy either.
    corpus = Corpus([doc("small", 2022, short), doc("other", 2022, short)])
    assert [(f.value, f.flag, f.detail) for f in copy_peer(corpus)] == [(None, False, reason)] * 2
    assert similarity(grams(OWN_A), grams(OWN_A)).judged


# --- copied passages ------------------------------------------------------------------------------


def test_passages_of_13_characters_or_more_are_mapped_to_the_original_texts() -> None:
    shared = "对群众留言做到当日登记、限时回复，编印惠企政策汇编"
    a = doc("a", 2022, "开头不同的一句话。", "全年共 12 件。" + shared + "并送达企业。", names=("甲局",))
    b = doc("b", 2022, "二〇二一年，" + shared + "，另有别的内容。", names=("乙局",))
    found = passages(a, b)
    assert len(found) == 1
    [passage] = found
    assert passage.length >= 13
    assert passage.a.path == "parts.一.sections.1.text" and passage.b.path == "parts.一.sections.0.text"
    assert passage.a.text == shared == passage.b.text
    assert a.pieces[1].text[passage.a.start:passage.a.end] == shared
    assert b.pieces[0].text[passage.b.start:passage.b.end] == shared
    # A run of 12 shared characters is not marked.
    twelve = normalise(shared).text[:12]
    assert passages(doc("a", 2022, "甲" + twelve + "乙"), doc("b", 2022, "丙" + twelve + "丁")) == []


def test_a_passage_spans_what_normalisation_took_out_inside_it() -> None:
    a = doc("a", 2022, "其中，示例县民政局发布政策解读材料12篇，图解视频形式3篇，进一步拓宽公开渠道。",
            names=("示例县民政局",))
    b = doc("b", 2022, "其中，示例县教育局发布政策解读材料40篇，图解视频形式9篇，进一步拓宽公开渠道。",
            names=("示例县教育局",))
    [passage] = passages(a, b)
    # The names and figures inside are part of the passage; the full stop after it is not.
    assert passage.a.text == "其中，示例县民政局发布政策解读材料12篇，图解视频形式3篇，进一步拓宽公开渠道"
    assert passage.b.text == "其中，示例县教育局发布政策解读材料40篇，图解视频形式9篇，进一步拓宽公开渠道"


# --- MinHash LSH across bodies --------------------------------------------------------------------


def _prose(rng: random.Random, length: int) -> str:
    return "".join(chr(0x4E00 + rng.randrange(3000)) for _ in range(length))


def test_lsh_finds_a_planted_copy_among_many() -> None:
    rng = random.Random(7)
    docs = [doc(f"body-{i:03d}", 2022, _prose(rng, 400), names=(f"机关{i}",)) for i in range(300)]
    source = docs[41]
    # body-199 copies body-41's text, its own name put in, a sentence of its own added.
    docs[199] = doc("body-199", 2022, source.pieces[0].text + "我们还开展了" + _prose(rng, 40), names=("机关199",))
    # The same text in another region is not a peer.
    docs.append(doc("elsewhere", 2022, source.pieces[0].text, region=("别的省",), names=("别处",)))
    corpus = Corpus(docs)
    candidates = corpus.candidates()
    assert (("body-041", 2022), ("body-199", 2022)) in candidates
    assert len(candidates) < 300 * 299 // 2 // 100  # LSH proposes few pairs, not all of them
    assert not [pair for pair in candidates if ("elsewhere", 2022) in pair]
    figures = {f.body: f for f in copy_peer(corpus)}
    planted = figures["body-199"]
    assert planted.flag and planted.other == ("body-041", 2022)
    assert planted.value is not None and planted.value > 0.8
    assert "body-041" in planted.detail
    assert figures["body-041"].flag  # its whole text is in body-199's
    assert not [f.body for f in figures.values() if f.flag and f.body not in ("body-041", "body-199")]


# --- the indicators on the fixture body -----------------------------------------------------------


def _by(figures: list[Figure], indicator: str) -> dict[int, Figure]:
    return {f.year: f for f in figures if f.indicator == indicator}


def _all(data: Path, settings: CopySettings = DEFAULTS) -> list[Figure]:
    dataset = load_data(data)
    corpus = Corpus(documents(dataset), settings)
    return (copy_own_previous(corpus) + copy_peer(corpus) + section5_unchanged(corpus)
            + tables_unchanged(dataset.reports))


def test_indicators_on_the_fixture_body() -> None:
    figures = _all(FIXTURE_2021)
    assert {f.indicator for f in figures} == {COPY_OWN_PREVIOUS, COPY_PEER, SECTION5_UNCHANGED, TABLES_UNCHANGED}
    assert not [f for f in figures if f.flag]
    own = _by(figures, COPY_OWN_PREVIOUS)
    assert own[2020].value is None and own[2021].other == (SHILI, 2020) and own[2022].other == (SHILI, 2021)
    assert all(isinstance(own[y].value, float) and 0 < own[y].value < 0.8 for y in (2021, 2022))  # type: ignore[operator]
    assert [_by(figures, SECTION5_UNCHANGED)[y].value for y in (2020, 2021, 2022)] == [None, False, False]
    tables = _by(figures, TABLES_UNCHANGED)
    assert tables[2021].value is None and "2019年试行格式" in tables[2021].detail  # the format changed
    assert tables[2022].value == 0 and "3" in tables[2022].detail
    assert all(f.value is None for f in _by(figures, COPY_PEER).values())  # no other body


def test_a_report_copied_from_last_year_is_flagged(tmp_path: Path) -> None:
    data = copy_data(FIXTURE_2021, tmp_path)
    folder = data / SHILI
    shutil.copy(folder / "2021.yml", folder / "2022.yml")
    edit(folder / "2022.yml", "published: 2022-01-20", "published: 2023-01-18")
    figures = _all(data)
    own = _by(figures, COPY_OWN_PREVIOUS)[2022]
    assert own.flag and own.value == 1.0 and own.comparison is not None and own.comparison.overall.b_in_a == 1.0
    tables = _by(figures, TABLES_UNCHANGED)[2022]
    assert tables.flag and tables.value == 3
    # Part 五 is the same, but its two sentences are too short to call a copy by default ...
    section5 = _by(figures, SECTION5_UNCHANGED)[2022]
    assert section5.value is True and not section5.flag and "五字片段" in section5.detail
    # ... and an office that judges shorter texts sees it flagged.
    assert _by(_all(data, CopySettings(min_grams=10)), SECTION5_UNCHANGED)[2022].flag


def test_identical_all_zero_tables_are_never_a_copy() -> None:
    dataset = load_data(FIXTURE_2021)
    zero = Cell("number", Decimal(0), "0")
    report = dataset.reports[(SHILI, 2021)]
    zeroed = {table: {row: tuple(zero for _ in cells) for row, cells in values.items()}
              for table, values in report.tables.items()}
    reports = {(SHILI, 2021): replace(report, tables=zeroed), (SHILI, 2022): replace(report, year=2022, tables=zeroed)}
    [_, second] = tables_unchanged(reports)
    assert (second.value, second.flag) == (None, False)
    # One table with a figure, the same both years: that one is compared, and flagged.
    first_table = next(iter(report.tables))
    kept = {**zeroed, first_table: report.tables[first_table]}
    reports = {(SHILI, 2021): replace(report, tables=kept), (SHILI, 2022): replace(report, year=2022, tables=kept)}
    [_, second] = tables_unchanged(reports)
    assert (second.value, second.flag) == (1, True)


def test_a_peer_copy_with_the_names_changed_is_found_and_named(tmp_path: Path) -> None:
    data = copy_data(FIXTURE_2021, tmp_path)
    other = data / "shili-xian-tongjiju"
    shutil.copytree(data / SHILI, other)
    for path in other.glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("示例县数据局", "示例县统计局").replace("县数据局", "县统计局"), encoding="utf-8")
    peers = _by([f for f in _all(data, CopySettings(min_grams=20)) if f.body == "shili-xian-tongjiju"], COPY_PEER)
    assert peers[2021].flag and peers[2021].value == 1.0 and peers[2021].other == (SHILI, 2021)
    assert "示例县数据局" in peers[2021].detail


def test_a_part_copied_whole_among_parts_of_ones_own_is_found() -> None:
    rng = random.Random(11)

    def report(body: str, one: str, five: str) -> Document:
        pieces = (Piece("一", "parts.一.text", one), Piece("五", "parts.五.text", five))
        return Document(body, 2022, "区县部门", REGION, body, (body, *REGION), pieces)

    docs = [report(f"body-{i:03d}", _prose(rng, 600), _prose(rng, 120)) for i in range(200)]
    # body-150 writes its own long part 一 but takes body-20's part 五 word for word.
    docs[150] = report("body-150", _prose(rng, 600), docs[20].pieces[1].text)
    corpus = Corpus(docs)
    together = corpus.compare(("body-150", 2022), ("body-020", 2022))
    assert together.overall.a_in_b is not None and together.overall.a_in_b < 0.3  # the parts together: unlike
    assert together.highest[0] == "五" and together.highest[1].a_in_b == 1.0
    assert (("body-020", 2022), ("body-150", 2022)) in corpus.candidates()
    figure = {f.body: f for f in copy_peer(corpus)}["body-150"]
    assert figure.flag and figure.value == 1.0 and figure.other == ("body-020", 2022)
    assert "第五部分" in figure.detail
