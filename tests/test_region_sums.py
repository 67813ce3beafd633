"""A region's 汇总 on data from the benchmark's generator, against sums made here by a separate,
simple path: the data files read with yaml.safe_load and their numbers added (``~`` is missing and
makes the sum partial, 不适用 is left out).

Bodies of the generated data report 2020 (2019 format) and 2021 (2021 format). Some cells are
then blanked or set to 不适用, and one body's 2021 report is replaced by a 2019-format one, so the
mixed-format rule (only concept cells add across formats) is tried as well.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from nianbao.cells import parse_cell
from nianbao.figures.regions import (
    BANDS,
    RegionYear,
    SumCell,
    _sum_cell,
    merge,
    merge_tables,
    region_years,
    years_from_json,
    years_to_json,
)
from nianbao.formats import format_for_year, get_format
from nianbao.loader import Dataset, load_data
from nianbao.render.indexes import HOME_LIMIT, region_pages, region_sums, region_tree
from nianbao.render.region_sums import TABLE_YEARS, region_sum_sections
from nianbao.shards import ShardResult, plan_shards, province_page, province_sums

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generate import generate  # noqa: E402

YEARS = (2020, 2021)
BODIES = HOME_LIMIT + 5  # past the home page's limit, so the site has region pages
TABLES = ("active_disclosure", "applications", "reviews_litigation")


def _edit(path: Path, change: Any) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _county(data_dir: Path) -> tuple[str, ...]:
    """The first county of the generated tree, as its region path."""
    region = yaml.safe_load((data_dir / "p01-c1-x1-zf" / "body.yml").read_text(encoding="utf-8"))["region"]
    return tuple(region)


def _county_bodies(data_dir: Path) -> list[str]:
    return sorted(p.name for p in data_dir.iterdir() if p.name.startswith("p01-c1-x1-"))


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("region") / "data"
    generate(data, BODIES * len(YEARS), first_year=YEARS[0], last_year=YEARS[-1])
    towns = _county_bodies(data)
    # Three bodies leave 本年新收 自然人 blank in 2021; two give 不适用 for 行政复议 结果维持.
    for slug in towns[:3]:
        _edit(data / slug / "2021.yml", lambda d: d["applications"]["new"].__setitem__(0, None))
    for slug in towns[3:5]:
        _edit(data / slug / "2021.yml", lambda d: d["reviews_litigation"]["review"].__setitem__(0, "不适用"))
    # A body still on the 2019 tables in 2021: its 2020 report filed again as 2021's.
    mixed = towns[5]
    text = (data / mixed / "2020.yml").read_text(encoding="utf-8")
    (data / mixed / "2021.yml").write_text(text.replace("2020年", "2021年"), encoding="utf-8")
    return data


@pytest.fixture(scope="module")
def loaded(data_dir: Path) -> Dataset:
    data = load_data(data_dir, data_dir)
    assert len(data.bodies) == BODIES and len(data.reports) == BODIES * len(YEARS)
    return data


# --- the separate, simple path ------------------------------------------------------------------

def _flat(node: Any, prefix: str = "") -> dict[str, list[Any]]:
    """A table of a data file as row key → the row's values (a one-column row is a scalar)."""
    if isinstance(node, dict):
        out: dict[str, list[Any]] = {}
        for key, value in node.items():
            out.update(_flat(value, f"{prefix}.{key}" if prefix else key))
        return out
    return {prefix: list(node) if isinstance(node, list) else [node]}


def _number(value: Any) -> Decimal | None | str:
    """A value of a data file: a Decimal, None for ~, "na" for 不适用."""
    if value is None:
        return None
    if value == "不适用":
        return "na"
    text = str(value).replace("万元", "").strip()
    return Decimal(text)


class Simple:
    """A cell added up the simple way."""

    def __init__(self) -> None:
        self.total = Decimal(0)
        self.numbers = self.blanks = self.na = 0

    def add(self, value: Any) -> None:
        number = _number(value)
        if number is None:
            self.blanks += 1
        elif number == "na":
            self.na += 1
        else:
            assert isinstance(number, Decimal)
            self.total += number
            self.numbers += 1


def simple_sums(data_dir: Path, slugs: list[str], year: int) -> dict[tuple[str, str, int], Simple]:
    """(table, row, column index) → the sum over the bodies' data files of ``year``; a body whose
    file is in the other format is added only where both formats name the cell as a concept."""
    fmt = format_for_year(year)
    assert fmt is not None
    sums: dict[tuple[str, str, int], Simple] = {}
    for slug in slugs:
        path = data_dir / slug / f"{year}.yml"
        if not path.exists():
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        own = get_format(data["format"])
        for table in TABLES:
            for row, values in _flat(data.get(table, {})).items():
                for index, value in enumerate(values):
                    if own.id == fmt.id:
                        sums.setdefault((table, row, index), Simple()).add(value)
                        continue
                    column = own.table(table).column_keys(row)[index]
                    ref = (table, row, column)
                    if ref in {tuple(c) for c in fmt.concepts} and ref in {tuple(c) for c in own.concepts}:
                        at = fmt.table(table).column_keys(row).index(column)
                        sums.setdefault((table, row, at), Simple()).add(value)
    return sums


def _year(years: list[RegionYear], year: int) -> RegionYear:
    return next(y for y in years if y.year == year)


def _region_slugs(data: Dataset, region: tuple[str, ...]) -> list[str]:
    return [s for s, b in data.bodies.items() if tuple(b.region[: len(region)]) == region]


def _check(cell: SumCell, simple: Simple | None, where: object) -> None:
    if simple is None:  # no report can be counted in this cell
        assert (cell.numbers, cell.blanks, cell.na) == (0, 0, 0), where
        return
    assert (cell.numbers, cell.blanks, cell.na) == (simple.numbers, simple.blanks, simple.na), where
    if simple.numbers:
        assert cell.amount.value == simple.total, where
        assert cell.amount.state == ("partial" if simple.blanks else "number"), where
    else:
        assert cell.amount.value is None, where
        assert cell.amount.state == ("blank" if simple.blanks else "na"), where


# --- the tests ------------------------------------------------------------------------------------

@pytest.mark.parametrize("year", YEARS)
def test_everyregion_sums_its_bodies_cells_as_the_simple_path_does(data_dir: Path, loaded: Dataset, year: int):
    reports = loaded.reports_by_body()
    regions = {tuple(b.region[:depth]) for b in loaded.bodies.values() for depth in range(1, len(b.region) + 1)}
    assert len(regions) > 5
    checked = 0
    for region in sorted(regions):
        slugs = _region_slugs(loaded, region)
        ours = _year(region_years(slugs, reports), year)
        simple = simple_sums(data_dir, slugs, year)
        for table, rows in ours.tables.items():
            for row, cells in rows.items():
                for index, cell in enumerate(cells):
                    _check(cell, simple.get((table, row, index)), (region, year, table, row, index))
                    checked += 1
    assert checked > 1000


def test_a_cell_left_blank_is_a_partial_sum_with_the_count_of_bodies(data_dir: Path, loaded: Dataset):
    county = _county(data_dir)
    towns = _county_bodies(data_dir)
    ours = _year(region_years(_region_slugs(loaded, county), loaded.reports_by_body()), 2021)
    cell = ours.tables["applications"]["new"][0]
    assert cell.partial and cell.blanks == 3
    given = sum(yaml.safe_load((data_dir / s / "2021.yml").read_text(encoding="utf-8"))["applications"]["new"][0]
                for s in towns[3:])  # the 2019-format body's too: 本年新收 is a concept of both
    assert cell.numbers == len(towns) - 3
    assert cell.amount.value == given  # the numbers given, the blanks never counted as 0
    # The same row's 总计 was given by everyone (in the 2021 format): complete.
    assert not ours.tables["applications"]["new"][-1].partial


def test_not_applicable_is_left_out_and_counted(data_dir: Path, loaded: Dataset):
    county = _county(data_dir)
    towns = _county_bodies(data_dir)
    ours = _year(region_years(_region_slugs(loaded, county), loaded.reports_by_body()), 2021)
    cell = ours.tables["reviews_litigation"]["review"][0]
    assert cell.na == 2 and cell.amount.state == "number"
    others = [s for s in towns if s not in towns[3:5]]
    assert cell.amount.value == sum(
        yaml.safe_load((data_dir / s / "2021.yml").read_text(encoding="utf-8"))["reviews_litigation"]["review"][0]
        for s in others)


def test_a_body_on_the_other_format_counts_only_in_concept_cells(data_dir: Path, loaded: Dataset):
    county = _county(data_dir)
    towns = _county_bodies(data_dir)
    ours = _year(region_years(_region_slugs(loaded, county), loaded.reports_by_body()), 2021)
    assert ours.format.id == "2021" and ours.other_format == (towns[5],)
    fmt = get_format("2021")
    concept = ours.tables["applications"]["new"][-1]  # a concept in both formats
    assert concept.other_format == 0 and concept.numbers == len(towns)
    # 现行有效件数 (2021) is not 2019's 对外公开总数量: the 2019 body is left out of it.
    column = fmt.table("active_disclosure").column_keys("regulations").index("current")
    assert ("active_disclosure", "regulations", "current") not in {tuple(c) for c in fmt.concepts}
    cell = ours.tables["active_disclosure"]["regulations"][column]
    assert cell.other_format == 1 and cell.numbers == len(towns) - 1


def test_a_region_is_the_sum_of_its_child_regions_and_its_own_bodies(loaded: Dataset):
    reports = loaded.reports_by_body()
    tree = region_tree(loaded.bodies)
    stack = list(tree.children.values())
    checked = 0
    while stack:
        node = stack.pop()
        stack.extend(node.children.values())
        if not node.children:
            continue
        whole = region_years(node.all_bodies(), reports)
        parts = [region_years(c.all_bodies(), reports) for c in node.children.values()]
        if node.bodies:
            parts.append(region_years(node.bodies, reports))
        for year in whole:
            of_year = [_year(p, year.year) for p in parts if any(y.year == year.year for y in p)]
            assert merge_tables([p.tables for p in of_year]) == year.tables
            assert sum(len(p.reported) for p in of_year) == len(year.reported)
            assert sum(len(p.missing) for p in of_year) == len(year.missing)
            assert [sum(c) for c in zip(*(p.bands for p in of_year), strict=True)] == list(year.bands)
            assert sum(p.no_applications for p in of_year) == year.no_applications
            checked += 1
    assert checked >= 3


def test_the_pages_sums_made_from_child_regions_equal_the_sums_over_all_bodies(loaded: Dataset):
    """Region pages add each report once and build a region's 汇总 from its children's: it must be
    what adding every body of the region directly gives, counts and coverage included."""
    reports = loaded.reports_by_body()
    tree = region_tree(loaded.bodies)
    made = region_sums(tree, reports)
    stack = list(tree.children.values())
    while stack:
        node = stack.pop()
        stack.extend(node.children.values())
        assert made[node.path] == region_years(node.all_bodies(), reports), node.path
    assert len(made) > 5


def test_coverage_names_the_bodies_without_a_report_that_year(tmp_path: Path):
    data = tmp_path / "data"
    generate(data, 40, first_year=2020, last_year=2021)
    gone = sorted(data.iterdir())[0]
    (gone / "2021.yml").unlink()
    loaded = load_data(data, data)
    slugs = list(loaded.bodies)
    years = region_years(slugs, loaded.reports_by_body())
    assert [y.year for y in years] == [2021, 2020]  # newest first
    assert years[0].missing == (gone.name,) and len(years[0].reported) == len(slugs) - 1
    assert years[1].missing == ()


def test_the_distribution_counts_bodies_per_band_and_those_without_applications(data_dir: Path, loaded: Dataset):
    slugs = list(loaded.bodies)
    ours = _year(region_years(slugs, loaded.reports_by_body()), 2020)
    bands = Counter[str]()
    none = 0
    for slug in slugs:
        apps = yaml.safe_load((data_dir / slug / "2020.yml").read_text(encoding="utf-8"))["applications"]
        if apps["new"][-1] == 0:
            none += 1
        results = apps["results"]
        total = results["total"][-1]
        if not total:
            bands["none"] += 1
            continue
        percent = Decimal(results["disclosed"][-1] + results["partly_disclosed"][-1]) * 100 / total
        band = next((f"{low}" for low, high in BANDS if percent < high), f"{BANDS[-1][0]}")
        bands[band] += 1
    assert ours.bands == (*(bands[f"{low}"] for low, _ in BANDS), bands["none"])
    assert ours.no_applications == none
    assert sum(ours.bands) == len(slugs)


def test_the_region_page_shows_the_sum_tables_in_the_official_layout(data_dir: Path, loaded: Dataset):
    county = _county(data_dir)
    pages = {p.src_uri: p for p in region_pages(loaded.bodies, loaded.reports_by_body())}
    page = pages["regions/" + "/".join(county) + "/index.md"]
    assert page.markdown.index("{#sum-2021}") < page.markdown.index("{#sum-2020}")  # newest first
    html = BeautifulSoup(page.standalone_markdown(), "lxml")
    tables = html.select("table.nb-table") or html.select("table")
    assert len(tables) == 3 * min(TABLE_YEARS, len(YEARS))
    ids = [e["id"] for e in html.select("[id]")]
    assert len(ids) == len(set(ids))  # two years of the same tables, ids still unique
    partial = [td for td in html.select("td.nb-noted") if "另有 3 个机关未填写" in td.get_text()]
    assert len(partial) == 1
    ours = _year(region_years(_region_slugs(loaded, county), loaded.reports_by_body()), 2021)
    value = ours.tables["applications"]["new"][0].amount.value
    assert partial[0].get_text().startswith(f"{value}*")
    assert partial[0].select_one("[aria-hidden=true]").get_text() == "*"
    changes = [td.get_text() for td in html.select('td[data-label="本年增/减"]')]  # 2019's signed counts
    assert changes and all(re.match(r"^(0|[+-][0-9]+)$", c) for c in changes), changes
    text = html.get_text()
    assert "仍用2019年试行格式的表格" in text
    assert "本年度没有收到政府信息公开申请的机关" in text


def test_the_site_builds_strict_withregion_sums(tmp_path: Path):
    data = tmp_path / "data"
    generate(data, BODIES * len(YEARS), first_year=YEARS[0], last_year=YEARS[-1])
    site = tmp_path / "site"
    env = {**os.environ, "NIANBAO_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                          cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    pages = sorted((site / "regions").rglob("index.html"))
    assert pages
    page = BeautifulSoup(pages[0].read_text(encoding="utf-8"), "lxml")
    headings = [h.get_text() for h in page.select("article h2")]
    assert any(re.match(r"2021 年度汇总", h) for h in headings)
    assert len(page.select("article table.nb-table")) == 3 * min(TABLE_YEARS, len(YEARS))


def test_a_province_sum_from_its_shards_equals_the_sum_over_its_bodies(data_dir: Path, loaded: Dataset):
    """A sharded site's province page adds its shards' sums, a shard loaded at a time: the same as
    adding every body of the province at once; a failed shard is left out and named."""
    shards = plan_shards(data_dir, depth=2)
    province = shards[0].region[0]
    of_province = [ShardResult(s, "built") for s in shards if s.region[0] == province]
    assert len(of_province) > 2
    years, names, left_out = province_sums(data_dir, ROOT, of_province)
    assert years == region_years(_region_slugs(loaded, (province,)), loaded.reports_by_body())
    assert left_out == [] and set(names) == set(_region_slugs(loaded, (province,)))
    failed = [ShardResult(of_province[0].shard, "failed"), *of_province[1:]]
    years, _, left_out = province_sums(data_dir, ROOT, failed)
    assert left_out == [of_province[0].shard.title]
    assert len(years[0].reported) == len(_region_slugs(loaded, (province,))) - len(of_province[0].shard.bodies)
    page = BeautifulSoup(province_page(data_dir, ROOT, province, of_province), "lxml")
    assert [h.get_text() for h in page.select("h2")] == ["2021 年度汇总", "2020 年度汇总"]
    assert len(page.select("table.nb-table")) == 3 * min(TABLE_YEARS, len(YEARS))
    assert any("另有 3 个机关未填写" in td.get_text() for td in page.select("td.nb-noted"))


def test_a_shards_sums_are_kept_for_inputs_that_did_not_change(data_dir: Path, loaded: Dataset, tmp_path: Path):
    shards = plan_shards(data_dir, depth=2)
    province = shards[0].region[0]
    of_province = [ShardResult(s, "built") for s in shards if s.region[0] == province]
    digests = {r.shard.slug: "a" for r in of_province}
    cache = tmp_path / "sums"
    first = province_sums(data_dir, ROOT, of_province, digests, cache)
    assert sorted(p.name for p in cache.iterdir()) == sorted(f"{s}.json" for s in digests)
    assert years_from_json(json.loads(json.dumps(years_to_json(first[0])))) == first[0]  # a faithful copy
    # Kept sums are used as they are: proven with sums that differ from the data.
    kept = cache / f"{of_province[0].shard.slug}.json"
    text = kept.read_text(encoding="utf-8")
    kept.write_text(text.replace('"no_applications": ', '"no_applications": 1000'), encoding="utf-8")
    again = province_sums(data_dir, ROOT, of_province, digests, cache)
    assert again[0][0].no_applications >= 1000 + first[0][0].no_applications
    # Other inputs (another digest), or a file that is not kept sums: made again from the data.
    assert province_sums(data_dir, ROOT, of_province, {**digests, of_province[0].shard.slug: "b"}, cache) == first
    kept.write_text("[", encoding="utf-8")
    assert province_sums(data_dir, ROOT, of_province, {**digests, of_province[0].shard.slug: "b"}, cache) == first


def test_amounts_with_their_own_unit_add_in_one_unit_at_every_level():
    """2019's 采购总金额 carries its unit in the cell: 元, 万元 and 亿元 add once converted, and a
    region's sum of its parts' sums is the same; a unit that cannot be converted is not added."""
    fmt = get_format("2019")
    cells = [parse_cell(text, "amount_with_unit") for text in ("50000 元", "1.5 万元", "0.01 亿元", "3 美元")]
    whole = _sum_cell(cells, "amount_with_unit")
    assert (whole.amount.value, whole.unit, whole.blanks, whole.numbers) == (Decimal("106.5"), "万元", 1, 3)
    assert merge([_sum_cell(cells[:1], "amount_with_unit"), _sum_cell(cells[1:], "amount_with_unit")]) == whole
    assert fmt.table("active_disclosure").column_keys("procurement")[-1] == "amount"


def test_only_the_newest_years_get_tables_so_a_page_stays_small(tmp_path: Path):
    data = tmp_path / "data"
    generate(data, 30, first_year=2019, last_year=2021)
    loaded = load_data(data, data)
    years = region_years(list(loaded.bodies), loaded.reports_by_body())
    markdown, late = region_sum_sections(years, loaded.bodies, lambda slug: f"{slug}/index.md")
    assert sorted(late) == [f"region-sum-{y}" for y in (2020, 2021)][:TABLE_YEARS]
    assert "{#sum-2019}" in markdown and "region-sum-2019" not in markdown
    assert "更早年度（2019）" in markdown
