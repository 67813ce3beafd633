"""Open data: every cell of every report as CSV (UTF-8 with a BOM, for Excel) and JSON, each table in
its own layout, described by Data Package v2 descriptors that frictionless validates."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from frictionless import Package
from nbdata import DATA, FIXTURE_2021, SHILI, WANGGANG, copy_data, edit, mkdocs_build, run_cli

from nianbao.loader import load_data
from nianbao.opendata import CELLS_CSV, PACKAGE, export_open_data, open_data_files
from nianbao.opendata.records import cells_of
from nianbao.yamlsource import parse_yaml


def rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff"), "UTF-8 with a BOM, for Excel on a Chinese Windows"
    assert "\r\n" in text
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_the_tidy_csv_holds_every_cell_of_wanggang_as_published():
    data = load_data(DATA, DATA.parent)
    files = open_data_files(data)
    got = rows(files[f"{WANGGANG}/2020/{CELLS_CSV}"])
    # Against the data file itself, read independently of the model: every row list, cell by cell.
    raw = parse_yaml((DATA / WANGGANG / "2020.yml").read_text(encoding="utf-8")).value
    expected = []

    def walk(table: str, node: object, prefix: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(table, value, f"{prefix}.{key}" if prefix else key)
        else:
            expected.extend((table, prefix, str(v)) for v in (node if isinstance(node, list) else [node]))

    for table in ("active_disclosure", "applications", "reviews_litigation"):
        walk(table, raw[table], "")
    assert [(r["表格键"], r["行键"], r["原文"] or "~") for r in got] == expected
    assert len(got) == 198
    assert {r["状态"] for r in got} == {"数字"}
    procurement = next(r for r in got if r["行键"] == "procurement" and r["列键"] == "amount")
    assert (procurement["数值"], procurement["单位"], procurement["原文"]) == ("461.7", "万元", "461.7 万元")
    change = next(r for r in got if r["行键"] == "penalties" and r["列键"] == "change")
    assert (change["数值"], change["原文"]) == ("1", "+1")


def test_zero_blank_and_not_applicable_come_out_three_ways(tmp_path: Path):
    data_dir = copy_data(DATA, tmp_path)
    edit(data_dir / WANGGANG / "2020.yml", "  review: [1, 1, 0, 0, 2]", "  review: [1, ~, 不适用, 0, 2]")
    files = open_data_files(load_data(data_dir, data_dir.parent))
    review = {r["列键"]: r for r in rows(files[f"{WANGGANG}/2020/{CELLS_CSV}"]) if r["行键"] == "review"}
    shown = {k: (r["数值"], r["状态"], r["原文"]) for k, r in review.items()}
    assert shown["pending"] == ("0", "数字", "0")
    assert shown["corrected"] == ("", "未填写", "")
    assert shown["other"] == ("", "不适用", "不适用")
    wide = rows(files[f"{WANGGANG}/2020/reviews_litigation.csv"])
    assert [wide[0][k] for k in ("结果维持", "结果纠正", "其他结果", "尚未审结")] == ["1", "未填写", "不适用", "0"]
    cells = {(r["行键"], r["列键"]): r for r in json.loads(files[f"{WANGGANG}/2020/cells.json"])}
    assert (cells["review", "pending"]["数值"], cells["review", "corrected"]["数值"]) == (0, None)
    assert (cells["review", "corrected"]["状态"], cells["review", "other"]["状态"]) == ("未填写", "不适用")


def test_the_site_wide_csv_is_every_report_in_order():
    data = load_data(FIXTURE_2021, FIXTURE_2021.parent)
    files = open_data_files(data)
    every = rows(files[CELLS_CSV])
    assert len(every) == sum(len(list(cells_of(r))) for r in data.reports.values())
    assert [r["年度"] for r in every] == sorted(r["年度"] for r in every)
    # A concept links a cell of the 2019-format 2020 report with the 2021-format ones.
    concept = "applications.new.total"
    assert {(r["年度"], r["格式"]) for r in every if r["可比概念"] == concept} == {
        ("2020", "2019"), ("2021", "2021"), ("2022", "2021")}
    assert not [r for r in every if r["行键"] == "regulations" and r["列键"] in ("total", "current") and r["可比概念"]]


def test_frictionless_validates_the_packages(tmp_path: Path):
    out = tmp_path / "opendata"
    export_open_data(load_data(FIXTURE_2021, FIXTURE_2021.parent), out)
    for package in [out / PACKAGE, *sorted(out.glob(f"*/*/{PACKAGE}"))]:
        descriptor = json.loads(package.read_text(encoding="utf-8"))
        assert descriptor["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
        assert set(descriptor["catalogue"]) == {"名称", "摘要", "提供方", "发布日期", "更新日期", "格式"}
        report = Package(str(package)).validate()
        assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert len(list(out.glob(f"*/*/{PACKAGE}"))) == 3


def test_frictionless_catches_a_wrong_value(tmp_path: Path):
    out = tmp_path / "opendata"
    export_open_data(load_data(DATA, DATA.parent), out)
    cells = out / WANGGANG / "2020" / CELLS_CSV
    text = cells.read_text(encoding="utf-8")
    cells.write_text(text.replace(",数字,", ",是数字,", 1).replace(",10,数字,", ",十,数字,", 1), encoding="utf-8")
    report = Package(str(out / WANGGANG / "2020" / PACKAGE)).validate()
    assert not report.valid
    assert {e[1] for e in report.flatten(["rowNumber", "fieldName"])} >= {"状态", "数值"}


def test_export_writes_a_folder_and_refuses_someone_elses(tmp_path: Path):
    out = tmp_path / "out"
    done = run_cli("export", str(out), "--data", str(FIXTURE_2021))
    assert done.returncode == 0, done.stderr
    assert "3 份报告" in done.stdout and (out / SHILI / "2021" / "applications.csv").is_file()
    again = run_cli("export", str(out), "--data", str(FIXTURE_2021))  # an earlier export: replaced
    assert again.returncode == 0, again.stderr
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("keep", encoding="utf-8")
    refused = run_cli("export", str(other), "--data", str(FIXTURE_2021))
    assert refused.returncode == 1 and "没有 datapackage.json" in refused.stderr
    assert (other / "notes.txt").read_text(encoding="utf-8") == "keep"


def test_export_refuses_data_with_errors(tmp_path: Path):
    data_dir = copy_data(DATA, tmp_path)
    edit(data_dir / WANGGANG / "2020.yml", "  review: [1, 1, 0, 0, 2]", "  review: [1, 1, 0, 0, 3]")
    done = run_cli("export", str(tmp_path / "out"), "--data", str(data_dir))
    assert done.returncode == 1 and "T4.1" in done.stdout
    assert not (tmp_path / "out").exists()


def test_a_formula_like_text_stays_text():
    from nianbao.opendata.files import csv_text

    text = csv_text(["a", "b"], [["=HYPERLINK(1)", "-417"]])
    assert text.splitlines()[1] == "'=HYPERLINK(1),-417"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("site") / "site"
    done = mkdocs_build(dest, FIXTURE_2021)
    assert done.returncode == 0, done.stderr[-3000:]
    return dest


def test_the_build_publishes_the_open_data_and_links_it(site: Path):
    assert (site / "opendata" / PACKAGE).is_file()
    assert (site / "opendata" / SHILI / "2021" / "applications.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    page = (site / SHILI / "2021" / "index.html").read_text(encoding="utf-8")
    assert 'id="downloads"' in page
    assert f'href="../../opendata/{SHILI}/2021/cells.csv"' in page
    body = (site / SHILI / "index.html").read_text(encoding="utf-8")
    assert f'href="../opendata/{SHILI}/2020/cells.csv"' in body
    listing = (site / "opendata" / "index.html").read_text(encoding="utf-8")
    assert f'href="{SHILI}/2021/applications.csv"' in listing and "KB" in listing
    assert "nianbao:block" not in listing


def test_every_download_link_names_a_written_file(site: Path):
    """The 数据下载 links are HTML, which MkDocs does not check: each resolves to a file of the site."""
    from urllib.parse import urljoin

    from bs4 import BeautifulSoup

    checked = 0
    for page in site.rglob("index.html"):
        url = page.relative_to(site).as_posix()
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        for a in soup.select("ul.nb-downloads a, #opendata-files a"):
            target = urljoin(url, a["href"])
            assert (site / target).is_file(), (url, a["href"])
            checked += 1
    assert checked > 20


def test_the_listed_sizes_are_the_files_sizes(site: Path):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((site / "opendata" / "index.html").read_text(encoding="utf-8"), "lxml")
    rows = soup.select("#opendata-files tbody tr")
    assert len(rows) == len(list((site / "opendata").rglob("*.*"))) - 1  # all but the page itself
    for tr in rows:
        size = (site / "opendata" / tr.a["href"]).stat().st_size
        assert tr.select("td")[1].get_text() == f"{size / 1024:.1f} KB"


def test_paths_name_what_generate_writes():
    from nianbao.opendata import paths

    for data_dir in (DATA, FIXTURE_2021):
        data = load_data(data_dir, data_dir.parent)
        assert paths(data) == list(open_data_files(data))
        assert paths(data, workbooks=True) == list(open_data_files(data, workbooks=True))


def test_a_page_linking_a_file_not_written_is_caught():
    from dataclasses import replace

    from nianbao.site import build_site

    build = build_site(FIXTURE_2021, FIXTURE_2021.parent)
    assert build.missing_links() == []
    page = next(p for p in build.pages if p.links)
    broken = replace(build, open_data=tuple(p for p in build.open_data if f"opendata/{p}" != page.links[0]))
    missing = broken.missing_links()
    assert (page.src_uri, page.links[0]) in missing and {link for _, link in missing} == {page.links[0]}


@pytest.mark.parametrize("background", [True, False])
def test_the_writer_gives_sizes_or_the_error(tmp_path: Path, background: bool):
    from nianbao.opendata.background import WriteFailed, Writer

    def write(out: Path) -> dict[str, int]:
        out.mkdir()
        (out / "a.csv").write_bytes(b"1,2\r\n")
        return {"a.csv": 5}

    assert Writer(write, tmp_path / "ok", background).wait() == {"a.csv": 5}
    assert (tmp_path / "ok" / "a.csv").read_bytes() == b"1,2\r\n"

    def fail(out: Path) -> dict[str, int]:
        raise OSError("disk full")

    with pytest.raises(WriteFailed, match="disk full"):
        Writer(fail, tmp_path / "no", background).wait()


def test_a_writer_that_dies_is_an_error(tmp_path: Path):
    import os

    from nianbao.opendata.background import WriteFailed, Writer

    def die(out: Path) -> dict[str, int]:
        os._exit(3)

    with pytest.raises(WriteFailed, match="3"):
        Writer(die, tmp_path, background=True).wait()


def test_each_report_has_its_workbook_in_the_official_layout(tmp_path: Path):
    from openpyxl import load_workbook

    from nianbao.excel import sheet_name
    from nianbao.formats import get_format

    files = open_data_files(load_data(DATA, DATA.parent), workbooks=True)
    content = files[f"{WANGGANG}/2020/{WANGGANG}-2020.xlsx"]
    assert f"{WANGGANG}/2020/{WANGGANG}-2020.xlsx" not in open_data_files(load_data(DATA, DATA.parent))
    assert isinstance(content, bytes)
    path = tmp_path / "report.xlsx"
    path.write_bytes(content)
    book = load_workbook(path)
    fmt = get_format("2019")
    assert book.sheetnames[1:] == [sheet_name(fmt, t) for t in fmt.tables]
    # Read back by the maintainers' importer: the same tables as the data file.
    data_dir = copy_data(DATA, tmp_path)
    done = run_cli("import", str(path), "--data", str(data_dir))
    assert done.returncode == 0, done.stdout + done.stderr
    assert (data_dir / WANGGANG / "2020.yml").read_bytes() == (DATA / WANGGANG / "2020.yml").read_bytes()


def test_the_same_data_gives_the_same_bytes():
    import time

    data = load_data(FIXTURE_2021, FIXTURE_2021.parent)
    first = open_data_files(data, workbooks=True)
    time.sleep(2.1)  # past a zip timestamp's 2-second step: a file dated by the clock would now differ
    assert open_data_files(data, workbooks=True) == first


def test_figures_off_leaves_out_what_figures_make(tmp_path: Path):
    from nianbao.site import build_site

    plain = build_site(FIXTURE_2021, FIXTURE_2021.parent, figures=False)
    full = build_site(FIXTURE_2021, FIXTURE_2021.parent)
    assert plain.open_data == () and full.open_data
    report = next(p for p in plain.pages if p.src_uri == f"{SHILI}/2021.md").markdown
    assert "{#compare" not in report and "{#downloads" not in report
    assert "{#compare" in next(p for p in full.pages if p.src_uri == f"{SHILI}/2021.md").markdown


def test_a_tidy_csv_per_region_at_every_level():
    data = load_data(DATA, DATA.parent)
    files = open_data_files(data)
    regions = sorted(p for p in files if p.startswith("regions/"))
    assert regions == ["regions/黑龙江省/cells.csv", "regions/黑龙江省/哈尔滨市/cells.csv",
                       "regions/黑龙江省/哈尔滨市/南岗区/cells.csv"]
    assert rows(files[regions[0]]) == rows(files[f"{WANGGANG}/2020/{CELLS_CSV}"])
