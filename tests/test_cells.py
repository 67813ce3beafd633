"""Cell values: 0, blank (not stated) and 不适用 stay distinct; signs and units are kept as printed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nianbao.cells import BLANK, NA, NOT_APPLICABLE, Cell, CellError, parse_cell


def test_zero_blank_and_not_applicable_are_three_things():
    zero, blank, na = parse_cell("0", "count"), parse_cell(None, "count"), parse_cell("不适用", "count")
    assert zero == Cell("number", Decimal(0), "0")
    assert blank == BLANK and blank.state == "blank" and blank.value is None and blank.text == ""
    assert na == NA and na.state == "na" and na.value is None and na.text == NOT_APPLICABLE
    assert len({zero, blank, na}) == 3
    assert zero.is_number and not blank.is_number and not na.is_number


@pytest.mark.parametrize("kind", ["count", "signed", "amount", "amount_with_unit"])
def test_blank_and_na_in_every_kind(kind):
    assert parse_cell(None, kind) == BLANK
    assert parse_cell(" 不适用 ", kind) == NA


@pytest.mark.parametrize(("raw", "text"), [("0", "0"), ("10", "10"), (" 7 ", "7"), ("007", "7"), ("+3", "3")])
def test_counts(raw, text):
    cell = parse_cell(raw, "count")
    assert (cell.state, cell.text, cell.value) == ("number", text, Decimal(text))


def test_negative_count_is_an_error():
    with pytest.raises(CellError) as err:
        parse_cell("-1", "count")
    assert err.value.message == "“-1”是负数，这一栏不会是负数"
    assert err.value.expected == "不小于 0 的整数；报告中空着的格写 ~；不适用的写 不适用"


@pytest.mark.parametrize("raw", ["1.5", "十", "1,000", "1 000", "", "abc", "5件", "NO"])
def test_count_rejects_non_integers(raw):
    with pytest.raises(CellError) as err:
        parse_cell(raw, "count")
    assert err.value.message == f"“{raw}”不是整数"


@pytest.mark.parametrize(("raw", "text", "value"), [("+1", "+1", 1), ("-3", "-3", -3), ("0", "0", 0),
                                                    ("5", "5", 5), ("-417", "-417", -417)])
def test_signed_keeps_its_plus_sign(raw, text, value):
    cell = parse_cell(raw, "signed")
    assert (cell.text, cell.value) == (text, Decimal(value))


def test_signed_rejects_decimals():
    with pytest.raises(CellError) as err:
        parse_cell("+1.5", "signed")
    assert err.value.message == "“+1.5”不是整数"
    assert err.value.expected == "照原文带符号的整数（+1、-3、0）；空着的写 ~；不适用的写 不适用"


def test_amount_with_unit_keeps_the_printed_unit():
    cell = parse_cell("461.7 万元", "amount_with_unit")
    assert (cell.state, cell.value, cell.text, cell.unit) == ("number", Decimal("461.7"), "461.7 万元", "万元")
    cell = parse_cell("251000元", "amount_with_unit")
    assert (cell.value, cell.text, cell.unit) == (Decimal(251000), "251000元", "元")


def test_amount_without_unit_is_an_error_when_the_format_gives_none():
    with pytest.raises(CellError) as err:
        parse_cell("461.7", "amount_with_unit")
    assert err.value.message == "“461.7”没有单位：本栏格式没有规定单位，请照原文写上单位（如 万元）"
    assert "461.7万元" in err.value.expected


def test_amount_in_column_unit():
    cell = parse_cell("1.25", "amount", "万元")
    assert (cell.value, cell.text, cell.unit) == (Decimal("1.25"), "1.25", "万元")
    assert parse_cell("1.25 万元", "amount", "万元").text == "1.25"
    assert parse_cell("0", "amount", "万元").value == Decimal(0)


def test_amount_in_another_unit_is_an_error():
    with pytest.raises(CellError) as err:
        parse_cell("12500 元", "amount", "万元")
    assert err.value.message == "“12500 元”的单位是“元”，本栏的单位是“万元”"


@pytest.mark.parametrize("kind", ["amount", "amount_with_unit"])
def test_negative_amount_is_an_error(kind):
    with pytest.raises(CellError) as err:
        parse_cell("-1 万元", kind, "万元")
    assert err.value.message == "“-1 万元”是负数，这一栏不会是负数"


@pytest.mark.parametrize("raw", ["万元", "abc"])
def test_amount_rejects_non_numbers(raw):
    with pytest.raises(CellError) as err:
        parse_cell(raw, "amount", "万元")
    assert err.value.message == f"“{raw}”不是金额"


@pytest.mark.parametrize("kind", ["amount", "amount_with_unit"])
@pytest.mark.parametrize("raw", ["1.2.3", "1.2.3 万元", "12..5万元"])
def test_malformed_number_is_not_read_as_number_plus_unit(raw, kind):
    # A unit is letters only: "1.2.3" is not 1.2 in the unit ".3".
    with pytest.raises(CellError):
        parse_cell(raw, kind, "万元")
