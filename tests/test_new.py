"""`python -m nianbao new BODY YEAR` and `new-body BODY NAME`: the blank report of the year's format and
a commented body.yml, last year's carried-over figures, refusing to overwrite, and the whole way from a
new body to a site built with --strict.

Expectations are read from the format definitions and from last year's file, never from the code
that writes the new file: a label dropped from the comments or a figure carried from the wrong row
fails here.
"""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from nbdata import DATA, FIXTURE_2021, REPO, SHILI, WANGGANG, copy_data, edit, mkdocs_build, problems, run_cli
from nbdata import check as check_data

from nianbao.atomic import write_text_atomic
from nianbao.formats import Format, Node, format_for_year, get_format
from nianbao.model import LEVELS, Body, Contact
from nianbao.table_values import table_rows
from nianbao.yamlsource import parse_yaml

BODY = "shili-ju"
NAME = "示例县统计局"


def new(data: Path, *args: str) -> Any:
    return run_cli(*args, "--data", str(data), cwd=data.parent)


def read(path: Path) -> dict[str, Any]:
    return parse_yaml(path.read_text(encoding="utf-8")).value


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the project's data with a new body in it, made by new-body."""
    data = copy_data(DATA, tmp_path)
    proc = new(data, "new-body", BODY, NAME)
    assert proc.returncode == 0, proc.stderr
    return data


def fill_body(data: Path) -> None:
    body = data / BODY / "body.yml"
    edit(body, "level: ~", "level: 区县部门")
    edit(body, "region: ~", "region: [示例省, 示例市, 示例县]")


def shili(tmp_path: Path, *drop: str) -> Path:
    """A copy of the 2021 fixture (2020 in the 2019 format, 2021 and 2022 in the 2021 format) without
    the report files named."""
    data = copy_data(FIXTURE_2021, tmp_path)
    for name in drop:
        (data / SHILI / name).unlink()
    return data


# --- the skeleton: every row, every part, nothing stated ------------------------------------------


def leaf_rows(fmt: Format) -> dict[str, int]:
    """Every leaf row of every table as table.row.key → its number of cells, from the definition."""
    out = {}
    for table in fmt.tables:
        for key, _, _ in table.leaf_rows:
            out[f"{table.key}.{key}"] = len(table.column_keys(key))
    return out


def written_rows(report: dict[str, Any], fmt: Format) -> dict[str, Any]:
    out = {}

    def walk(value: Any, path: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{path}.{key}")
        else:
            out[path] = value

    for table in fmt.tables:
        walk(report[table.key], table.key)
    return out


@pytest.mark.parametrize("year", [2020, 2021, 2024])
def test_every_row_of_the_format_is_there_and_blank(data: Path, year: int) -> None:
    proc = new(data, "new", BODY, str(year))
    assert proc.returncode == 0, proc.stderr
    report = read(data / BODY / f"{year}.yml")
    fmt = format_for_year(year)
    assert fmt is not None and report["format"] == fmt.id
    rows = written_rows(report, fmt)
    expected = leaf_rows(fmt)
    assert set(rows) == set(expected)
    for key, cells in expected.items():
        # One blank per column; a row of one column is one value (the loader takes either).
        assert rows[key] == (None if cells == 1 else [None] * cells), key
    assert list(report["parts"]) == [p.key for p in fmt.parts]
    for part in fmt.parts:
        given = report["parts"][part.key]
        assert given["heading"] == part.heading and given["text"] == ""
        assert ("fees" in given) == part.fees
        if part.fees:
            assert set(given["fees"].values()) == {None}
    assert report["published"] is None and report["title"] is None


def test_format_is_quoted_and_the_year_says_which(data: Path) -> None:
    for year, fmt_id in ((2019, "2019"), (2020, "2019"), (2021, "2021"), (2030, "2021")):
        assert new(data, "new", BODY, str(year)).returncode == 0
        text = (data / BODY / f"{year}.yml").read_text(encoding="utf-8")
        assert f'\nformat: "{fmt_id}"\n' in text
        fmt = get_format(fmt_id)
        # The name comes from body.yml, though its level and region are not filled in yet.
        assert f"# {NAME}{year}年度政府信息公开工作年度报告：{fmt.name}（{fmt.notice}）\n" in text


def test_the_skeleton_reads_the_same_with_either_yaml_parser(data: Path) -> None:
    assert new(data, "new", BODY, "2024").returncode == 0
    text = (data / BODY / "2024.yml").read_text(encoding="utf-8")
    pure = yaml.load(text, Loader=yaml.SafeLoader)
    fast = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    assert pure == fast and pure["parts"]["一"]["text"] == "" and pure["preamble"] == ""


def test_the_skeleton_loads_with_only_the_date_to_fill_in(data: Path) -> None:
    """Nothing stated breaks no identity (all cells blank) and no data rule: the one finding is that
    the report is not dated yet (a warning, so a draft previews)."""
    fill_body(data)
    assert new(data, "new", BODY, "2024").returncode == 0
    found = [p for p in problems(data) if p.file.startswith(f"data/{BODY}/")]
    assert [(p.rule, p.severity, p.path) for p in found] == [("D.3", "warning", "published")]
    assert found[0].line == next(i for i, line in enumerate(
        (data / BODY / "2024.yml").read_text(encoding="utf-8").splitlines(), 1) if line.startswith("published:"))
    assert run_cli("check", str(data), cwd=data.parent).returncode == 0
    assert run_cli("check", "--strict", str(data), cwd=data.parent).returncode == 1


def test_a_report_without_its_date_is_a_draft_not_a_broken_file(tmp_path: Path) -> None:
    """No published line at all reads as not stated (D.3, a warning); a faulty date stays an error,
    and is not said twice."""
    data = copy_data(DATA, tmp_path)
    edit(data / WANGGANG / "2020.yml", "published: 2021-01-26\n", "")
    assert [(p.rule, p.severity) for p in problems(data)] == [("D.3", "warning")]
    edit(data / WANGGANG / "2020.yml", "signed_by:", "published: 2021年1月26日\nsigned_by:")
    assert [p.rule for p in problems(data)] == ["data.date"]


# --- comments: the official labels of the format definitions --------------------------------------


def _line(text: str, path: tuple[str | int, ...]) -> str:
    doc = parse_yaml(text)
    return text.splitlines()[doc.position(path).line - 1]


def _nodes(nodes: tuple[Node, ...], path: tuple[str, ...]) -> list[tuple[tuple[str, ...], Node]]:
    out = []
    for node in nodes:
        out.append(((*path, node.key), node))
        out += _nodes(node.children, (*path, node.key))
    return out


@pytest.mark.parametrize("year", [2020, 2024])
def test_each_row_carries_its_official_label_and_each_table_its_columns(data: Path, year: int) -> None:
    assert new(data, "new", BODY, str(year)).returncode == 0
    text = (data / BODY / f"{year}.yml").read_text(encoding="utf-8")
    fmt = format_for_year(year)
    assert fmt is not None
    comments = "\n".join(line for line in text.splitlines() if line.lstrip().startswith("#"))
    for table in fmt.tables:
        part = next(p for p in fmt.parts if p.table == table.key)
        assert f"# {part.key}、{table.caption}" in text, table.key
        for block in table.blocks:
            columns = "、".join(c.label for _, c in block.leaf_columns)
            assert columns in comments, (table.key, block.band)
        for path, node in _nodes(table_rows(table), (table.key,)):
            line = _line(text, path)
            assert line.lstrip().startswith(f"{path[-1]}:") and line.endswith(f"  # {node.label}"), line


def test_a_dropped_label_is_caught(data: Path) -> None:
    """The comparison above can fail: a row line without its label does not end with it."""
    assert new(data, "new", BODY, "2024").returncode == 0
    path = data / BODY / "2024.yml"
    edit(path, "  # （一）予以公开", "")
    line = _line(path.read_text(encoding="utf-8"), ("applications", "results", "disclosed"))
    assert not line.endswith("# （一）予以公开")


def test_comments_are_chinese_whatever_the_language(data: Path, tmp_path: Path) -> None:
    other = copy_data(data, tmp_path, "other")
    assert new(data, "new", BODY, "2024").returncode == 0
    assert run_cli("--lang", "en", "new", BODY, "2024", "--data", str(other), cwd=tmp_path).returncode == 0
    chinese = (data / BODY / "2024.yml").read_text(encoding="utf-8")
    assert (other / BODY / "2024.yml").read_text(encoding="utf-8") == chinese.replace("data/", "other/")


# --- figures carried over from last year's file ---------------------------------------------------


def _row(report: dict[str, Any], dotted: str) -> Any:
    value: Any = report
    for key in dotted.split("."):
        value = value[key]
    return value


def test_2020_to_2021_across_the_format_change(tmp_path: Path) -> None:
    data = shili(tmp_path, "2021.yml", "2022.yml")
    last = read(data / SHILI / "2020.yml")
    assert last["format"] == "2019"
    proc = new(data, "new", SHILI, "2021")
    assert proc.returncode == 0, proc.stderr
    assert f"取自上年的文件 data/{SHILI}/2020.yml" in proc.stdout
    report = read(data / SHILI / "2021.yml")
    assert report["format"] == "2021"
    carried = last["applications"]["carried_forward"]
    assert len(set(carried)) > 1 and None not in carried  # the test can tell one column from another
    assert report["applications"]["carried_over"] == carried
    text = (data / SHILI / "2021.yml").read_text(encoding="utf-8")
    assert f"# 各栏取自上年（2020 年度）的文件 data/{SHILI}/2020.yml 的“四、结转下年度继续办理”" in text
    # Nothing else is filled in: the 2019 format's T2 has no 现行有效件数 to carry.
    rows = written_rows(report, get_format("2021"))
    assert {k for k, v in rows.items() if v not in (None, [None] * len(v or []))} == {"applications.carried_over"}


def test_2021_to_2022_and_last_years_current_count_in_a_comment(tmp_path: Path) -> None:
    data = shili(tmp_path, "2022.yml")
    last = read(data / SHILI / "2021.yml")
    assert new(data, "new", SHILI, "2022").returncode == 0
    report = read(data / SHILI / "2022.yml")
    assert report["applications"]["carried_over"] == last["applications"]["carried_forward"]
    # 现行有效件数 = 上年 + 制发 − 废止 (X.2) needs this year's figures: last year's stays a comment.
    text = (data / SHILI / "2022.yml").read_text(encoding="utf-8")
    for row in ("regulations", "normative_documents"):
        assert report["active_disclosure"][row] == [None, None, None]
        current = last["active_disclosure"][row][2]
        above = text.splitlines()[parse_yaml(text).position(("active_disclosure", row)).line - 2]
        assert f"上年（2021 年度）的文件中“现行有效件数”为 {current}；" in above, above
    # The new report agrees with last year's where it is stated: X.1 holds in every column.
    _, checks = check_data(data)
    outcomes = [o for o in checks[(SHILI, 2022)].outcomes if o.identity.id == "X.1"]
    assert len(outcomes) == 7 and {o.status for o in outcomes} == {"holds"}


def test_2019_to_2020_items_carry_previous_plus_change(tmp_path: Path) -> None:
    data = shili(tmp_path, "2021.yml", "2022.yml")
    (data / SHILI / "2020.yml").rename(data / SHILI / "2019.yml")
    last = read(data / SHILI / "2019.yml")
    assert new(data, "new", SHILI, "2020").returncode == 0
    report = read(data / SHILI / "2020.yml")
    for row in ("licensing", "other_services", "penalties", "enforcement", "fees"):
        previous, change = last["active_disclosure"][row][:2]
        assert report["active_disclosure"][row][0] == str(Decimal(previous) + Decimal(change)), row
        assert report["active_disclosure"][row][1:] == [None] * (len(report["active_disclosure"][row]) - 1)


def test_a_blank_cell_last_year_stays_blank(tmp_path: Path) -> None:
    data = shili(tmp_path, "2021.yml", "2022.yml")
    edit(data / SHILI / "2020.yml", "carried_forward: [3,", "carried_forward: [~,")
    assert new(data, "new", SHILI, "2021").returncode == 0
    report = read(data / SHILI / "2021.yml")
    assert report["applications"]["carried_over"][0] is None
    assert report["applications"]["carried_over"][1:] == read(data / SHILI / "2020.yml")["applications"][
        "carried_forward"][1:]
    text = (data / SHILI / "2021.yml").read_text(encoding="utf-8")
    assert "# 自然人：上年（2020 年度）的文件中“四、结转下年度继续办理”未填写或不适用，没有取用" in text


def test_a_sum_that_fits_no_cell_is_not_written(tmp_path: Path) -> None:
    """上一年项目数量 + 本年增/减 below zero is no count: it stays blank, the comment says why."""
    data = shili(tmp_path, "2021.yml", "2022.yml")
    path = data / SHILI / "2020.yml"
    path.rename(data / SHILI / "2019.yml")
    row = read(data / SHILI / "2019.yml")["active_disclosure"]["enforcement"]
    edit(data / SHILI / "2019.yml", f"enforcement: [{', '.join(row)}]",
         f"enforcement: [{row[0]}, -{int(row[0]) + 2}, {row[2]}]")
    assert new(data, "new", SHILI, "2020").returncode == 0
    assert read(data / SHILI / "2020.yml")["active_disclosure"]["enforcement"][0] is None
    assert "得出 -2，不能写进这一格，没有取用" in (data / SHILI / "2020.yml").read_text(encoding="utf-8")


def test_an_unreadable_last_year_is_said_and_nothing_is_taken(tmp_path: Path) -> None:
    data = shili(tmp_path, "2021.yml", "2022.yml")
    edit(data / SHILI / "2020.yml", "\napplications:", "\napplications:\n\tnew: [1]")
    proc = new(data, "new", SHILI, "2021")
    assert proc.returncode == 0
    assert f"上年的文件 data/{SHILI}/2020.yml 有错误，读不出来，没有从中取数" in proc.stdout
    assert read(data / SHILI / "2021.yml")["applications"]["carried_over"] == [None] * 7


def test_without_last_years_report_nothing_is_carried(data: Path) -> None:
    proc = new(data, "new", WANGGANG, "2023")
    assert proc.returncode == 0
    assert "没有上年（2022 年度）的报告" in proc.stdout
    assert read(data / WANGGANG / "2023.yml")["applications"]["carried_over"] == [None] * 7


# --- refusing to overwrite, and wrong commands -------------------------------------------------------


@pytest.mark.parametrize("name", ["2020.yml", "2020.yaml"])
def test_an_existing_report_is_never_replaced(data: Path, name: str) -> None:
    target = data / BODY / name
    target.write_text("手写的内容\n", encoding="utf-8")
    proc = new(data, "new", BODY, "2020")
    assert proc.returncode == 1
    assert f"data/{BODY}/{name} 已经存在，没有改动它" in proc.stderr
    assert target.read_text(encoding="utf-8") == "手写的内容\n"
    assert sorted(p.name for p in (data / BODY).iterdir()) == sorted(["body.yml", name])


def test_an_existing_body_is_never_replaced(data: Path) -> None:
    before = (data / WANGGANG / "body.yml").read_bytes()
    proc = new(data, "new-body", WANGGANG, "另一个名称")
    assert proc.returncode == 1 and f"data/{WANGGANG}/body.yml 已经存在" in proc.stderr
    assert (data / WANGGANG / "body.yml").read_bytes() == before


def test_the_write_itself_never_replaces_a_file(tmp_path: Path) -> None:
    """A file that appears between the check and the write is kept: the written file is linked into
    place, which fails on a name already taken."""
    target = tmp_path / "x" / "2024.yml"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_text_atomic(target, "new", within=tmp_path, replace=False)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in target.parent.iterdir()] == ["2024.yml"]  # no temporary file left
    write_text_atomic(tmp_path / "x" / "2025.yml", "new", within=tmp_path, replace=False)
    assert (tmp_path / "x" / "2025.yml").read_text(encoding="utf-8") == "new"


def test_an_unknown_body_suggests_new_body(data: Path) -> None:
    proc = new(data, "new", "nanhu-zhen", "2024")
    assert proc.returncode == 2
    assert "没有机关文件夹 data/nanhu-zhen" in proc.stderr
    assert f"python -m nianbao new-body nanhu-zhen 机关全称 --data {data}" in proc.stderr
    assert WANGGANG in proc.stderr and not (data / "nanhu-zhen").exists()


def test_a_folder_without_body_yml_suggests_new_body(data: Path) -> None:
    (data / "nanhu-zhen").mkdir()
    proc = new(data, "new", "nanhu-zhen", "2024")
    assert proc.returncode == 2 and "里没有 body.yml" in proc.stderr and "new-body nanhu-zhen" in proc.stderr


@pytest.mark.parametrize("year", ["2018", "2101"])
def test_a_year_without_a_format_is_refused(data: Path, year: str) -> None:
    proc = new(data, "new", BODY, year)
    assert proc.returncode == 2 and year in proc.stderr
    assert not (data / BODY / f"{year}.yml").exists()


@pytest.mark.parametrize(("slug", "reason"), [
    ("Wanggang", "只能用小写字母"), ("wang_gang", "只能用小写字母"), ("assets", "网站自己的文件夹"),
    ("con", "设备名"), ("x-", "只能用小写字母"),
])
def test_new_body_refuses_a_folder_name_the_loader_refuses(data: Path, slug: str, reason: str) -> None:
    proc = new(data, "new-body", slug, "某县某局")
    assert proc.returncode == 2 and reason in proc.stderr, proc.stderr
    assert not (data / slug).exists()


def test_new_body_refuses_a_page_name_of_the_site(tmp_path: Path) -> None:
    """The folder rule counts docs/ beside the data folder, as the loader does."""
    page = next(p.stem for p in (REPO / "docs").glob("*.md") if p.stem != "index")
    data = copy_data(DATA, tmp_path)
    shutil.copytree(REPO / "docs", tmp_path / "docs")
    proc = new(data, "new-body", page, "某县某局")
    assert proc.returncode == 2 and f"{page} 是网站自己的文件夹或页面" in proc.stderr


@pytest.mark.parametrize("name", ["", "两行\n名称", "名称\u202e"])
def test_new_body_refuses_a_name_the_loader_refuses(data: Path, name: str) -> None:
    proc = new(data, "new-body", "nanhu-zhen", name)
    assert proc.returncode == 2 and "机关名称" in proc.stderr
    assert not (data / "nanhu-zhen").exists()


def test_new_body_refuses_a_name_another_folder_has(data: Path) -> None:
    name = read(data / WANGGANG / "body.yml")["name"]
    proc = new(data, "new-body", "nanhu-zhen", name)
    assert proc.returncode == 1 and f"data/{WANGGANG}/body.yml" in proc.stderr
    assert not (data / "nanhu-zhen").exists()


# --- body.yml --------------------------------------------------------------------------------------


def test_body_yml_has_every_field_of_the_model_commented(data: Path) -> None:
    path = data / BODY / "body.yml"
    text = path.read_text(encoding="utf-8")
    body = read(path)
    assert list(body) == list(Body.model_fields)
    assert list(body["contact"]) == list(Contact.model_fields)
    assert body["name"] == NAME
    assert {k for k, v in body.items() if v not in (None, [], {})} == {"name", "contact"}
    lines = text.splitlines()
    for path_ in [(key,) for key in Body.model_fields] + [("contact", key) for key in Contact.model_fields]:
        at = parse_yaml(text).position(path_).line - 1
        above = []
        while lines[at - 1 - len(above)].lstrip().startswith("# "):
            above.append(lines[at - 1 - len(above)])
        assert re.search("[\u4e00-\u9fff]", "".join(above)), path_
    # Every level the model allows, in the model's order, on the comment above level.
    level_at = parse_yaml(text).position(("level",)).line - 1
    comment = "\n".join(lines[level_at - 2:level_at])
    assert "、".join(LEVELS) in comment
    assert "由名称看可能是 区县部门" in comment  # a guess in the comment, never in the data


def test_body_yml_checks_clean_once_level_and_region_are_filled(data: Path) -> None:
    found = {(p.rule, p.path) for p in problems(data) if p.file == f"data/{BODY}/body.yml"}
    assert found == {("data.choice", "level"), ("data.type", "region")}
    fill_body(data)
    assert not [p for p in problems(data) if p.file.startswith(f"data/{BODY}/")]


# --- from a new body to the site --------------------------------------------------------------------

# Figures consistent with every identity of the 2021 format: 4 requests (3 by natural persons, 1 by
# a company), 3 disclosed, 1 not held; one review upheld; 2 normative documents made and in force.
FILLED_2021 = {
    "applications.new": [3, 1, 0, 0, 0, 0, 4],
    "applications.carried_over": [0] * 7,
    "applications.results.disclosed": [2, 1, 0, 0, 0, 0, 3],
    "applications.results.unavailable.not_held": [1, 0, 0, 0, 0, 0, 1],
    "applications.results.total": [3, 1, 0, 0, 0, 0, 4],
    "reviews_litigation.review": [1, 0, 0, 0, 1],
    "reviews_litigation.litigation.direct": [0] * 5,
    "active_disclosure.normative_documents": [2, 0, 2],
    "active_disclosure.licensing": 5,
    "active_disclosure.fees": "0.5",
}


def fill_report(path: Path, fmt: Format, figures: dict[str, Any], published: str) -> None:
    """Type numbers into the file as a maintainer would: each `~` of a row replaced in place, the
    comments kept. Rows not named are all zeros."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    doc = parse_yaml(text)
    for key, cells in leaf_rows(fmt).items():
        index = doc.position(tuple(key.split("."))).line - 1
        value = figures.get(key, 0 if cells == 1 else [0] * cells)
        shown = f"[{', '.join(str(v) for v in value)}]" if isinstance(value, list) else str(value)
        blank = "~" if cells == 1 else "[" + ", ".join(["~"] * cells) + "]"
        head, _, rest = lines[index].partition(": ")
        # A carried-over row holds last year's figures already: those must be what is typed here.
        assert rest.startswith(blank) or rest.startswith(shown), lines[index]
        lines[index] = f"{head}: {shown}{rest[len(shown) if rest.startswith(shown) else len(blank):]}"
    path.write_text("\n".join(lines).replace("published: ~", f"published: {published}") + "\n", encoding="utf-8")


def test_new_body_then_new_then_the_numbers_builds_strict(data: Path, tmp_path: Path) -> None:
    fill_body(data)
    proc = new(data, "new", BODY, "2024")
    assert proc.returncode == 0, proc.stderr
    report = data / BODY / "2024.yml"
    fill_report(report, get_format("2021"), FILLED_2021, "2025-01-20")
    assert "# 1.本机关不掌握相关政府信息" in report.read_text(encoding="utf-8")  # the comments stay
    check = run_cli("check", "--strict", str(data), cwd=data.parent)
    assert check.returncode == 0, check.stdout
    assert "0 个错误，0 个警告" in check.stdout
    # And the next year carries 结转下年度 (0 in every column) over as 上年结转.
    assert new(data, "new", BODY, "2025").returncode == 0
    assert read(data / BODY / "2025.yml")["applications"]["carried_over"] == ["0"] * 7
    (data / BODY / "2025.yml").unlink()
    site = tmp_path / "site"
    build = mkdocs_build(site, data)
    assert build.returncode == 0, build.stderr[-4000:]
    page = (site / BODY / "2024" / "index.html").read_text(encoding="utf-8")
    assert "2025年1月20日" in page and NAME in page


def test_a_draft_without_a_date_previews(data: Path, tmp_path: Path) -> None:
    """Not strict, the blank report builds: the page shows no date, the body's list says 未填写."""
    fill_body(data)
    assert new(data, "new", BODY, "2024").returncode == 0
    site = tmp_path / "site"
    build = mkdocs_build(site, data, strict=False)
    assert build.returncode == 0, build.stderr[-4000:]
    assert "D.3" in build.stderr
    page = (site / BODY / "2024" / "index.html").read_text(encoding="utf-8")
    assert "发布日期：" not in page and 'name="PubDate"' not in page
    listing = (site / BODY / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<td>2024</td>.*?<td>未填写</td>", listing, re.S)


def test_the_readme_shows_what_new_writes(tmp_path: Path) -> None:
    """The README's first steps quote the start of table 三 of a new 2024 report: it is that text."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    steps = readme[readme.index("### 第一步：新机关、新的一年"):]
    commands = re.findall(r"^\.venv/bin/python -m nianbao (new(?:-body)? .*?) --data build/example$", steps, re.M)
    assert len(commands) == 2
    quoted = re.search(r"中的表三是这样开头的：\n\n```yaml\n(.*?)```", steps, re.S)
    assert quoted
    data = tmp_path / "build" / "example"
    data.mkdir(parents=True)
    for command in commands:
        assert run_cli(*command.split(), "--data", "build/example", cwd=tmp_path).returncode == 0
    assert quoted[1] in (data / "shili-ju" / "2024.yml").read_text(encoding="utf-8")
