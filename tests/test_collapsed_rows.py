"""A 2021 group row printed as one row (its total, without its sub-rows), as some real reports do.

The format definitions mark such groups `collapsible`; the data keeps the row as a list, the checks
count it in its sub-rows' place, and the page shows it as one row, as printed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from nbdata import FIXTURE_2021, SHILI, copy_data, edit, only, problems

from nianbao.formats import get_format
from nianbao.loader import load_data
from nianbao.render.table_html import render_table

S2021 = Path(SHILI) / "2021.yml"
OTHER = """    other_handling:
      no_correction: [3, 1, 1, 1, 1, 1, 8]
      # The one fee notice was paid (part 六), so no request lapsed for non-payment.
      unpaid_fees: [0, 0, 0, 0, 0, 0, 0]
      other: [2, 1, 1, 1, 1, 1, 7]
"""
# The three sub-rows summed: 3+0+2, 1+0+1, ...
COLLAPSED = "    other_handling: [5, 2, 2, 2, 2, 2, 15]\n"


@pytest.fixture
def shili(tmp_path: Path) -> Path:
    return copy_data(FIXTURE_2021, tmp_path)


def test_the_definitions_mark_only_groups_of_leaf_rows():
    table = get_format("2021").table("applications")
    assert set(table.collapsible_rows) == {"results.withheld", "results.unavailable", "results.not_processed",
                                           "results.other_handling"}
    assert table.collapsed({}) == frozenset()


def test_a_collapsed_group_loads_checks_clean_and_is_its_own_cell(shili: Path):
    edit(shili / S2021, OTHER, COLLAPSED)
    assert [p for p in problems(shili) if p.file.endswith("2021.yml")] == []
    report = load_data(shili, shili.parent).report(SHILI, 2021)
    table = report.format.table("applications")
    assert table.collapsed(report.tables["applications"]) == {"results.other_handling"}
    assert report.cell("applications", "results.other_handling", "total").text == "15"


def test_t3_4_counts_the_collapsed_row_in_its_sub_rows_place(shili: Path):
    edit(shili / S2021, OTHER, "    other_handling: [6, 2, 2, 2, 2, 2, 16]\n")
    found = problems(shili)
    p = only([q for q in found if q.path == "applications.results.total.natural_person"], "T3.4")
    assert "6" in p.expected and p.found == "（七）总计 = 117"
    assert p.expected.endswith("= 118")


def test_t3_2_holds_at_the_collapsed_row(shili: Path):
    # Each row's 总计 column is its columns' sum: the collapsed row too.
    edit(shili / S2021, OTHER, "    other_handling: [5, 2, 2, 2, 2, 2, 16]\n")
    found = [p for p in problems(shili) if p.path.startswith("applications.results.other_handling")]
    assert [p.rule for p in found] == ["T3.2"]
    assert found[0].path == "applications.results.other_handling.total"


def test_a_group_that_is_not_collapsible_refuses_a_list(shili: Path):
    # 四、行政诉讼 is a group of 未经复议直接起诉 and 复议后起诉: no report prints it as one row.
    edit(shili / S2021, "  litigation:\n    direct: [1, 1, 1, 1, 4]\n",
         "  litigation: [1, 1, 1, 1, 4]\n  was:\n    direct: [1, 1, 1, 1, 4]\n")
    found = [p for p in problems(shili) if p.file.endswith("2021.yml")]
    assert any(p.path.startswith("reviews_litigation.litigation") for p in found), \
        "\n".join(p.render() for p in found)


def test_the_page_shows_the_collapsed_group_as_one_row(shili: Path):
    edit(shili / S2021, OTHER, COLLAPSED)
    report = load_data(shili, shili.parent).report(SHILI, 2021)
    soup = BeautifulSoup(render_table(report.format, "applications", report.tables["applications"]), "lxml")
    headers = [th.get_text(strip=True) for th in soup.find_all("th")]
    assert "（六）其他处理" in headers
    assert "3.其他" not in headers
    label = next(th for th in soup.find_all("th") if th.get_text(strip=True) == "（六）其他处理")
    row = label.find_parent("tr")
    assert [td.get_text(strip=True) for td in row.find_all("td")] == ["5", "2", "2", "2", "2", "2", "15"]
    # The collapsed row spans the label's sub-row column, so every row is as wide as the table.
    assert int(label.get("colspan", 1)) == 2
