"""The canonical YAML style: dump(load(file)) reproduces the hand-made files byte for byte."""

from __future__ import annotations

from pathlib import Path

from nianbao.writer import dump_body, dump_report
from nianbao.yamlsource import parse_yaml

DATA = Path(__file__).resolve().parents[2] / "data"


def test_report_round_trips_byte_for_byte() -> None:
    text = (DATA / "wanggang-zhen" / "2020.yml").read_text(encoding="utf-8")
    assert dump_report(parse_yaml(text).value) == text


def test_body_round_trips_byte_for_byte() -> None:
    text = (DATA / "wanggang-zhen" / "body.yml").read_text(encoding="utf-8")
    assert dump_body(parse_yaml(text).value) == text


def test_quotes_only_where_yaml_needs_it() -> None:
    text = dump_report({
        "format": "2021", "title": "a: b", "published": "2022-01-20", "signed_by": "yes",
        "active_disclosure": {"licensing": 5, "fees": "12.5", "regulations": [None, "+1", "不适用"]},
    })
    assert 'format: "2021"' in text
    assert 'title: "a: b"' in text
    assert "published: 2022-01-20" in text
    assert 'signed_by: "yes"' in text
    assert "  regulations: [~, +1, 不适用]" in text
    assert "  licensing: 5\n" in text
    assert "  fees: 12.5\n" in text
    # The writer's output reads back to the same strings.
    back = parse_yaml(text).value
    assert back["title"] == "a: b"
    assert back["active_disclosure"]["regulations"] == [None, "+1", "不适用"]


def test_text_is_a_literal_block_one_paragraph_a_line() -> None:
    text = dump_report({"format": "2019", "preamble": "第一段。\n第二段：有冒号 # 和井号。\n"})
    assert "preamble: |\n  第一段。\n  第二段：有冒号 # 和井号。\n" in text
    assert parse_yaml(text).value["preamble"] == "第一段。\n第二段：有冒号 # 和井号。\n"


def test_fees_are_one_flow_mapping_of_numbers_and_round_trip() -> None:
    fixture = DATA.parent / "tests" / "fixtures" / "2021" / "shili-xian-shujuju" / "2021.yml"
    text = fixture.read_text(encoding="utf-8")
    dumped = dump_report(parse_yaml(text).value)
    line = "    fees: {notices_count: 1, notices_amount_yuan: 400, collected_amount_yuan: 400}\n"
    assert line in text
    assert line in dumped
    # Apart from free comments, the hand-made 2021 file is what the writer writes.
    def data_lines(t: str) -> list[str]:
        return [x for x in t.splitlines() if not x.lstrip().startswith("#")]

    assert data_lines(dumped) == data_lines(text)
    assert parse_yaml(dump_report({"format": "2021", "parts": {"六": {"heading": "其他需要报告的事项", "fees": {
        "collected_amount_yuan": 0}}}})).value["parts"]["六"]["fees"] == {"collected_amount_yuan": "0"}
