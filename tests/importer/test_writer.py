"""The canonical YAML style: dump(load(file)) reproduces the hand-made files byte for byte."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from nianbao import writer
from nianbao.writer import YamlWriteError, dump_body, dump_report
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


# --- hostile text: every string reads back, or the writer says why not ----------------------------


def _back(data: dict[str, Any]) -> Any:
    return parse_yaml(dump_report({"format": "2019", **data})).value


def test_characters_yaml_refuses_raw_are_escaped_in_double_quotes() -> None:
    text = dump_report({"format": "2019", "title": "a\x85b\ufffe\x9f\x7f\x00\u202e\U0001fffe\tc"})
    assert 'title: "a\\u0085b\\ufffe\\u009f\\u007f\\u0000\\u202e\\U0001fffe\\tc"\n' in text
    assert not any(ch in text for ch in "\x85\ufffe\x9f\x7f\x00\u202e\U0001fffe\t")


@pytest.mark.parametrize("value", [
    "\n", "\n\n", "", " ", "   ", " \n ", "a \nb", "a\n\tb", "\ta\nb", "第一行\r\n第二行", "a\u2028b\n", "a\ufeff\nb",
    "a\n---\nb", "a\n...\n", "--- x", "... x", "---", "- a\n- b", "# x\ny", "|\n", "'\n'", '"', "%x\n", "@x", "`x`",
])
def test_text_a_block_cannot_hold_exactly_is_quoted_and_reads_back(value: str) -> None:
    back = _back({"title": value, "parts": {"一": {"text": value, "sections": [{"text": value}]}},
                  "unplaced": [value], value or "k": value})
    assert back["title"] == value
    assert back["parts"]["一"]["text"] == value
    assert back["parts"]["一"]["sections"][0]["text"] == value
    assert back["unplaced"] == [value]
    assert back[value or "k"] == value


def test_a_block_is_still_used_for_ordinary_text_with_indentation_and_blank_lines() -> None:
    text = dump_report({"format": "2019", "preamble": "  缩进的第一行\n\n第三行\n\n"})
    assert "preamble: |2+\n    缩进的第一行\n\n  第三行\n\n" in text


def test_a_key_past_the_implicit_key_limit_is_written_explicitly() -> None:
    key = "王" * 1500
    back = _back({"parts": {"一": {"heading": "x", key: "v"}, key: {"heading": "y"}},
                  "active_disclosure": {key: [1, 2]}})
    assert back["parts"]["一"][key] == "v"
    assert back["parts"][key] == {"heading": "y"}
    assert back["active_disclosure"][key] == ["1", "2"]


def test_empty_lists_and_mappings_read_back_as_themselves() -> None:
    back = _back({"parts": {"一": {}, "二": {"sections": []}}, "unplaced": [{}, [], ["a", "b"]]})
    assert back["parts"] == {"一": {}, "二": {"sections": []}}
    assert back["unplaced"] == [{}, [], ["a", "b"]]


def test_a_lone_surrogate_is_refused_naming_the_character_and_the_field() -> None:
    with pytest.raises(ValueError, match=r"parts\.一\.sections\[0\]\.text：第 3 个字符是 U\+DC80"):
        dump_report({"format": "2019", "parts": {"一": {"sections": [{"text": "ab\udc80"}]}}})
    with pytest.raises(YamlWriteError, match=r"contact：有个键名含 U\+D800"):
        dump_body({"name": "x", "contact": {"\ud800": "y"}})


def test_text_that_would_read_back_changed_is_refused_not_returned(monkeypatch: pytest.MonkeyPatch) -> None:
    # The emitters are right by construction; the guard stands behind them should one regress.
    monkeypatch.setattr(writer, "_block_ok", lambda text: "\n" in text)
    with pytest.raises(YamlWriteError, match=r"^parts\.一\.text：写成 YAML 后读回的值与原值不同；文件没有写") as info:
        dump_report({"format": "2019", "title": "t", "parts": {"一": {"heading": "h", "text": "\n"}}})
    assert info.value.path == ("parts", "一", "text")


def test_text_that_would_not_read_back_is_refused_naming_the_value(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writer, "_NOT_RAW", re.compile("(?!)"))
    monkeypatch.setattr(writer, "_QUOTED_ESCAPE", re.compile('[\\\\"]'))
    with pytest.raises(YamlWriteError, match=r"^unplaced\[1\]：写成的 YAML 读不回") as info:
        dump_report({"format": "2019", "title": "t", "unplaced": ["a", "b\x00c"]})
    assert "维护者" in str(info.value)
    with pytest.raises(YamlWriteError, match=r"^region\[0\]："):
        dump_body({"name": "x", "region": ["\x7f"]})
