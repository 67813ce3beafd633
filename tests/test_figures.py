"""Figures across formats: concepts declared in the format definitions, sums that never invent a
number, and rates defined once (nianbao/figures/figures.yml)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from nbdata import DATA, FIXTURE_2021, SHILI, WANGGANG, copy_data, edit

from nianbao.cells import BLANK, NA, parse_cell
from nianbao.figures import (
    Amount,
    FiguresDefinitionError,
    add,
    cell_ref,
    concept_value,
    figure_values,
    parse_figures,
    rate_values,
    shipped_figures,
)
from nianbao.formats import CellRef, get_format
from nianbao.loader import load_data

WANGGANG_2020 = load_data(DATA, DATA.parent).report(WANGGANG, 2020)


def n(text: str):
    return parse_cell(text, "count")


def test_only_cells_that_mean_the_same_are_concepts_of_both_formats():
    old, new = get_format("2019").concepts, get_format("2021").concepts
    both = old & new
    assert CellRef("applications", "new", "total") in both
    assert CellRef("applications", "results.other_handling", "total") in both  # 2019 a row, 2021 a group
    assert CellRef("active_disclosure", "regulations", "made") in both
    # Cumulative 对外公开总数量 (2019) is not 现行有效件数 (2021); fee items are not a fee amount.
    assert CellRef("active_disclosure", "regulations", "total") not in old
    assert CellRef("active_disclosure", "regulations", "current") not in new
    assert not any(ref.row == "fees" for ref in old | new)
    # 2021's sub-rows of 其他处理 have no 2019 counterpart.
    assert CellRef("applications", "results.other_handling.unpaid_fees", "total") in new - old


def test_every_figure_is_given_by_both_formats():
    for report in (WANGGANG_2020, load_data(FIXTURE_2021, FIXTURE_2021.parent).report(SHILI, 2021)):
        assert set(figure_values(report)) == {f.id for f in shipped_figures().figures}


@pytest.mark.parametrize(("cells", "expected"), [
    ([n("1"), n("2")], Amount("number", Decimal(3))),
    ([n("1"), BLANK, BLANK], Amount("partial", Decimal(1), 2)),  # a floor, with its blanks counted
    ([BLANK, BLANK], Amount("blank", blanks=2)),  # never 0
    ([n("0"), NA], Amount("number", Decimal(0))),  # 不适用 is left out
    ([NA, NA], Amount("na")),
    ([Amount("partial", Decimal(2), 1), n("1")], Amount("partial", Decimal(3), 1)),
])
def test_sums_never_invent_a_number(cells, expected):
    assert add(cells) == expected


def test_a_figure_of_the_2019_tables():
    values = figure_values(WANGGANG_2020)
    assert values["received"] == Amount("number", Decimal(10))
    assert values["unavailable"] == Amount("number", Decimal(5))  # a group: its rows' sum
    rates = rate_values(values)
    assert rates["disclosure_rate"].value == Decimal("0.5")  # (2 + 3) / 10
    assert not rates["disclosure_rate"].partial


def test_a_group_printed_as_one_row_is_its_row(tmp_path: Path):
    data = copy_data(FIXTURE_2021, tmp_path)
    report = load_data(data, data.parent).report(SHILI, 2021)
    ref = CellRef("applications", "results.other_handling", "total")
    assert concept_value(report, ref) == Amount("number", Decimal(15))  # 8 + 0 + 7, its rows
    text = (data / SHILI / "2021.yml").read_text(encoding="utf-8")
    start, end = text.index("    other_handling:\n"), text.index("    total: [117")
    edit(data / SHILI / "2021.yml", text[start:end], "    other_handling: [5, 2, 2, 2, 2, 2, 16]\n")
    collapsed = load_data(data, data.parent).report(SHILI, 2021)
    assert concept_value(collapsed, ref) == Amount("number", Decimal(16))
    # Its sub-rows are then not stated: a figure made of them is blank, never 0.
    assert concept_value(collapsed, CellRef("applications", "results.other_handling.other", "total")) == \
        Amount("blank", blanks=1)


def test_a_blank_denominator_gives_no_rate(tmp_path: Path):
    data = copy_data(DATA, tmp_path)
    edit(data / WANGGANG / "2020.yml", "review: [1, 1, 0, 0, 2]", "review: [~, ~, ~, ~, ~]")
    values = figure_values(load_data(data, data.parent).report(WANGGANG, 2020))
    assert values["reviews"] == Amount("blank", blanks=1)
    assert rate_values(values)["review_correction_rate"].value is None


def test_a_zero_denominator_gives_no_rate():
    zero = Amount("number", Decimal(0))
    rates = rate_values({"reviews_corrected": zero, "reviews": zero})
    assert rates["review_correction_rate"].value is None


def test_a_broken_definition_says_every_fault():
    text = """
figures:
  - {id: a, label: 甲, cells: [applications.new.total]}
  - {id: a, label: 乙, cells: [active_disclosure.regulations.total]}
rates:
  - {id: r, label: 率, numerator: [a], denominator: [missing]}
"""
    with pytest.raises(FiguresDefinitionError) as err:
        parse_figures(text)
    said = str(err.value)
    assert "a 用了两次" in said
    assert "active_disclosure.regulations.total 不是" in said
    assert "没有编号为 missing" in said


def test_cell_paths():
    assert cell_ref("applications.results.total.total") == CellRef("applications", "results.total", "total")
    assert cell_ref("reviews_litigation.litigation.direct.corrected") == \
        CellRef("reviews_litigation", "litigation.direct", "corrected")
