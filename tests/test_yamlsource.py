"""Strings-only YAML with positions: the YAML 1.1 traps never change a value, faults carry a line."""

from __future__ import annotations

from pathlib import Path

import pytest

from nianbao.yamlsource import Position, YamlSourceError, parse_yaml, read_yaml


@pytest.mark.parametrize("text", ["NO", "no", "Yes", "on", "OFF", "true", "False", "y", "n"])
def test_yaml11_booleans_stay_text(text):
    # "N" / "n" would be null only if written alone as the whole value in the core schema: they stay text.
    assert parse_yaml(f"short_name: {text}\n").value == {"short_name": text}


@pytest.mark.parametrize("text", ["010000", "0451", "0o17", "0x1F", "1_000", "1e3", "1.50", "+1", "-0", ".inf", ".nan"])
def test_numbers_keep_their_text(text):
    assert parse_yaml(f"v: {text}\n").value == {"v": text}


def test_postcode_keeps_leading_zero():
    assert parse_yaml("contact:\n  postcode: 010000\n").value == {"contact": {"postcode": "010000"}}


@pytest.mark.parametrize("text", ["2024-13-01", "2021-01-26", "2021-01-26T10:00:00", "12:30:00"])
def test_dates_and_times_stay_text(text):
    assert parse_yaml(f"published: {text}\n").value == {"published": text}


@pytest.mark.parametrize("text", ["~", "null", "Null", "NULL", ""])
def test_null_forms(text):
    assert parse_yaml(f"v: {text}\n").value == {"v": None}


def test_quoted_null_is_text():
    assert parse_yaml('v: "~"\nw: "null"\n').value == {"v": "~", "w": "null"}


def test_lists_and_cells():
    doc = parse_yaml("row: [0, +1, ~, 不适用, 461.7 万元]\n")
    assert doc.value == {"row": ["0", "+1", None, "不适用", "461.7 万元"]}


def test_positions_point_at_values_and_blocks():
    doc = parse_yaml("# comment\na: 1\nb:\n  c: [1, 2]\n  d:\n    - x\n    - y\ne:\n")
    assert doc.position(("a",)) == Position(2, 4)
    assert doc.position(("b",)) == Position(3, 1)  # a block: the key's line
    assert doc.position(("b", "c", 1)) == Position(4, 10)
    assert doc.position(("b", "d", 1)) == Position(7, 7)
    assert doc.position(("e",)) == Position(8, 1)  # empty value: the key
    # A path that does not exist falls back to its nearest ancestor.
    assert doc.position(("b", "c", 7)) == Position(4, 3)  # c holds a list: the key
    assert doc.position(("zzz",)) == doc.position(()) == Position(2, 1)  # the document


def test_duplicate_key_is_an_error_with_both_lines():
    with pytest.raises(YamlSourceError) as err:
        parse_yaml("a: 1\nb: 2\na: 3\n")
    assert err.value.line == 3
    assert err.value.rule.id == "data.duplicate_key"
    assert err.value.message == "键 a 写了两次（第一次在第 1 行）"


def test_duplicate_key_in_nested_mapping():
    with pytest.raises(YamlSourceError) as err:
        parse_yaml("parts:\n  一:\n    heading: x\n    heading: y\n")
    assert (err.value.line, err.value.message) == (4, "键 heading 写了两次（第一次在第 3 行）")


def test_malformed_yaml_has_a_line():
    with pytest.raises(YamlSourceError) as err:
        parse_yaml("title: x\nrow: [1, 2\nnext: 3\n")
    assert err.value.line == 3
    assert err.value.rule.id == "data.yaml"
    assert err.value.message == "文件的写法有误，读不出来：方括号 [ ] 没有写完整：检查逗号和右括号"


def test_bad_indentation_has_a_line():
    with pytest.raises(YamlSourceError) as err:
        parse_yaml("a:\n  b: 1\n c: 2\n")
    assert err.value.line == 3


def test_tab_indentation_has_a_line():
    with pytest.raises(YamlSourceError) as err:
        parse_yaml("a:\n\tb: 1\n")
    assert err.value.line == 2


@pytest.mark.parametrize(("text", "tag"), [("v: !!int 3\n", "!!int"), ("v: !!binary aGk=\n", "!!binary"),
                                          ("v: !!bool yes\n", "!!bool")])
def test_explicit_tags_are_rejected(text, tag):
    with pytest.raises(YamlSourceError) as err:
        parse_yaml(text)
    assert err.value.rule.id == "data.tag"
    assert err.value.message == f"不支持 YAML 类型标记 {tag}"
    assert err.value.line == 1


def test_complex_keys_are_rejected():
    with pytest.raises(YamlSourceError) as err:
        parse_yaml("? [a, b]\n: 1\n")
    assert err.value.rule.id == "data.key"
    assert err.value.message == "键必须是普通文字"


def test_null_key_is_rejected():
    with pytest.raises(YamlSourceError) as err:
        parse_yaml("~: 1\n")
    assert (err.value.rule.id, err.value.message, err.value.line) == ("data.key", "键必须是普通文字", 1)


def test_empty_document():
    assert parse_yaml("").value is None
    assert parse_yaml("# only a comment\n").value is None


def test_an_anchor_alone_is_harmless_but_an_alias_is_refused():
    assert parse_yaml("a: &x [1, 2]\nb: 3\n").value == {"a": ["1", "2"], "b": "3"}
    with pytest.raises(YamlSourceError, match="不支持 YAML 别名"):
        parse_yaml("a: &x [1, 2]\nb: *x\n")


def test_read_yaml_rejects_non_utf8(tmp_path: Path):
    path = tmp_path / "2020.yml"
    path.write_bytes("title: 王岗镇\n".encode("gbk"))
    with pytest.raises(YamlSourceError) as err:
        read_yaml(path)
    assert err.value.rule.id == "data.encoding"
    assert err.value.message == "文件不是 UTF-8 编码（第 8 个字节处）"


def test_read_yaml_reads_utf8(tmp_path: Path):
    path = tmp_path / "body.yml"
    path.write_text("name: 王岗镇\npostcode: 010000\n", encoding="utf-8")
    assert read_yaml(path).value == {"name": "王岗镇", "postcode": "010000"}
