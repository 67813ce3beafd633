"""Every cell of the 王岗镇 2020 report in its official place, in three builds of the same data:

- mkdocs-hook: the repository's own `mkdocs build --strict` (hooks/nianbao_hook.py);
- mkdocs-export: `python -m nianbao pages TREE`, then plain `mkdocs build --strict` in TREE (no hook);
- zensical-export: the same tree built by `zensical build --strict`.

The expected values are read from data/wanggang-zhen/2020.yml as written (every scalar as its
text, so `+1` keeps its sign and `461.7 万元` its unit), and placed by the official row and column
labels listed here from the statute, not from nianbao/formats: the renderer's own definition is
what is being checked. A cell is found as tests/test_site_build.py finds it, by the `headers` of
the data cell naming a header cell with each label.
"""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from nbdata import DATA, REPO, WANGGANG, mkdocs_build
from test_site_build import header_ids, refs, table

from nianbao.search import INDEX_DIR

BIN = Path(sys.executable).parent
REPORT = DATA / WANGGANG / "2020.yml"
PAGE = Path(WANGGANG) / "2020" / "index.html"

# Column labels of each table, in the order of the YAML lists.
T2_COLUMNS = {
    "made_published_total": ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
    "items": ["上一年项目数量", "本年增/减", "处理决定数量"],
    "fees": ["上一年项目数量", "本年增/减"],
    "procurement": ["采购项目数量", "采购总金额"],
}
# 二、主动公开政府信息情况: YAML row key → (band, row label, its columns).
T2_ROWS = {
    "regulations": ("第二十条第（一）项", "规章", "made_published_total"),
    "normative_documents": ("第二十条第（一）项", "规范性文件", "made_published_total"),
    "licensing": ("第二十条第（五）项", "行政许可", "items"),
    "other_services": ("第二十条第（五）项", "其他对外管理服务事项", "items"),
    "penalties": ("第二十条第（六）项", "行政处罚", "items"),
    "enforcement": ("第二十条第（六）项", "行政强制", "items"),
    "fees": ("第二十条第（八）项", "行政事业性收费", "fees"),
    "procurement": ("第二十条第（九）项", "政府集中采购", "procurement"),
}
T3_COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
RESULTS = "三、本年度办理结果"
# 三、收到和处理政府信息公开申请情况: YAML path → the row labels from the outermost in.
T3_ROWS = {
    "new": ["一、本年新收政府信息公开申请数量"],
    "carried_over": ["二、上年结转政府信息公开申请数量"],
    "results.disclosed": [RESULTS, "（一）予以公开"],
    "results.partly_disclosed": [RESULTS, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"],
    **{f"results.withheld.{key}": [RESULTS, "（三）不予公开", label] for key, label in {
        "state_secret": "1.属于国家秘密", "prohibited_by_law": "2.其他法律行政法规禁止公开",
        "security_stability": "3.危及“三安全一稳定”", "third_party": "4.保护第三方合法权益",
        "internal_affairs": "5.属于三类内部事务信息", "process_information": "6.属于四类过程性信息",
        "enforcement_files": "7.属于行政执法案卷", "query_items": "8.属于行政查询事项"}.items()},
    **{f"results.unavailable.{key}": [RESULTS, "（四）无法提供", label] for key, label in {
        "not_held": "1.本机关不掌握相关政府信息", "needs_creation": "2.没有现成信息需要另行制作",
        "still_unclear": "3.补正后申请内容仍不明确"}.items()},
    **{f"results.not_processed.{key}": [RESULTS, "（五）不予处理", label] for key, label in {
        "petitions": "1.信访举报投诉类申请", "repeated": "2.重复申请", "publications": "3.要求提供公开出版物",
        "excessive": "4.无正当理由大量反复申请", "confirmation": "5.要求行政机关确认或重新出具已获取信息"}.items()},
    "results.other_handling": [RESULTS, "（六）其他处理"],
    "results.total": [RESULTS, "（七）总计"],
    "carried_forward": ["四、结转下年度继续办理"],
}
T4_COLUMNS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
T4_ROWS = {"review": ["行政复议"], "litigation.direct": ["行政诉讼", "未经复议直接起诉"],
           "litigation.after_review": ["行政诉讼", "复议后起诉"]}

Place = tuple[str, ...]  # the labels of a cell's row headers, then of its column header


def published_cells(report: dict) -> dict[str, dict[Place, str]]:
    """table key → place → value, for every value of the three tables in the YAML."""
    cells: dict[str, dict[Place, str]] = {"active_disclosure": {}, "applications": {}, "reviews_litigation": {}}
    t2 = report["active_disclosure"]
    assert set(t2) == set(T2_ROWS), "a row of 主动公开 has no place listed here"
    for key, (band, label, columns) in T2_ROWS.items():
        cells["active_disclosure"].update(_row((band, label), T2_COLUMNS[columns], t2[key]))
    for name, rows, columns in (("applications", T3_ROWS, T3_COLUMNS), ("reviews_litigation", T4_ROWS, T4_COLUMNS)):
        leaves = dict(_leaves(report[name]))
        assert set(leaves) == set(rows), f"a row of {name} has no place listed here"
        for path, labels in rows.items():
            cells[name].update(_row(tuple(labels), columns, leaves[path]))
    return cells


def _row(labels: Place, columns: list[str], values: list[str]) -> dict[Place, str]:
    assert len(values) == len(columns), (labels, values)
    return {(*labels, column): value for column, value in zip(columns, values, strict=True)}


def _leaves(node: dict, prefix: str = "") -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []
    for key, value in node.items():
        out += _leaves(value, f"{prefix}{key}.") if isinstance(value, dict) else [(prefix + key, value)]
    return out


def misplaced(page: BeautifulSoup, expected: dict[str, dict[Place, str]]) -> list[str]:
    """Every way the page's tables differ from the expected cells; [] when each is in its place."""
    found = []
    for key, cells in expected.items():
        scope = table(page, key)
        for place, value in cells.items():
            wanted = [header_ids(scope, label) for label in place]
            if not all(wanted):
                found.append(f"{key}: no header cell {[p for p, w in zip(place, wanted, strict=True) if not w]}")
                continue
            matching = [td for td in scope.find_all("td") if all(refs(td) & ids for ids in wanted)]
            texts = [td.get_text() for td in matching]
            if texts != [value]:
                found.append(f"{key} {' / '.join(place)}: expected {value!r}, found {texts}")
        data = scope.find_all("td", headers=True)
        if len(data) != len(cells):
            found.append(f"{key}: {len(data)} data cells for the report's {len(cells)} values")
        # The layout's padding cells (a shorter block's missing columns) name no header and hold nothing.
        filled = [td.get_text() for td in scope.find_all("td") if not td.get("headers") and td.get_text().strip()]
        if filled:
            found.append(f"{key}: text in cells that name no header: {filled}")
    return found


@pytest.fixture(scope="module")
def expected() -> dict[str, dict[Place, str]]:
    # BaseLoader: every scalar as written in the file; nothing goes through nianbao's loader.
    return published_cells(yaml.load(REPORT.read_text(encoding="utf-8"), Loader=yaml.BaseLoader))


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for name in ("NIANBAO_DATA", "NIANBAO_ONLY", "NIANBAO_BODIES_FILE", "NIANBAO_SITE_URL"):
        env.pop(name, None)
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "tree"
    proc = run([sys.executable, "-m", "nianbao", "pages", str(out), "--strict"], REPO)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


@pytest.fixture(scope="module")
def hook_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("hook") / "site"
    proc = mkdocs_build(dest)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return dest


@pytest.fixture(scope="module")
def export_site(tree: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("mkdocs-export") / "site"
    proc = run([str(BIN / "mkdocs"), "build", "--strict", "-d", str(dest)], tree)
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert "nianbao" not in proc.stderr  # no hook ran: the data was checked at export
    return dest


@pytest.fixture(scope="module")
def zensical_site(tree: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    # A copy: Zensical writes site/ and .cache/ inside the tree it builds.
    work = tmp_path_factory.mktemp("zensical") / "tree"
    shutil.copytree(tree, work)
    proc = run([str(BIN / "zensical"), "build", "--strict"], work)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    return work / "site"


BUILDS = ["mkdocs-hook", "mkdocs-export", "zensical-export"]


@pytest.fixture(scope="module", params=BUILDS)
def page(request: pytest.FixtureRequest) -> BeautifulSoup:
    site = request.getfixturevalue({"mkdocs-hook": "hook_site", "mkdocs-export": "export_site",
                                    "zensical-export": "zensical_site"}[request.param])
    return BeautifulSoup((site / PAGE).read_text(encoding="utf-8"), "lxml")


def test_the_report_has_every_value_placed(expected: dict[str, dict[Place, str]]):
    # 22 + 23 × 7 + 3 × 5 values: a place list that lost a row would shrink this.
    assert {key: len(cells) for key, cells in expected.items()} == {
        "active_disclosure": 22, "applications": 161, "reviews_litigation": 15}


@pytest.mark.parametrize("key", ["active_disclosure", "applications", "reviews_litigation"])
def test_every_cell_in_its_official_place(page: BeautifulSoup, expected: dict[str, dict[Place, str]], key: str):
    assert misplaced(page, {key: expected[key]}) == []


def test_the_page_keeps_its_title_and_tags(page: BeautifulSoup):
    meta = {m["name"]: m["content"] for m in page.find_all("meta", attrs={"name": True})}
    assert meta["ArticleTitle"] == "王岗镇人民政府 2020 年度政府信息公开工作年度报告"
    assert meta["PubDate"] == "2021-01-26 00:00" and meta["ColumnType"] == "信息公开年报"
    assert page.find("meta", attrs={"http-equiv": "Content-Security-Policy"}) is not None
    assert page.find(class_="nb-identity") is not None  # the overridden footer partial
    assert page.title is not None and page.title.get_text().startswith("王岗镇人民政府 2020 年度")


# --- the check can fail -----------------------------------------------------------------------------


def _td(page: BeautifulSoup, key: str, *labels: str) -> Tag:
    scope = table(page, key)
    wanted = [header_ids(scope, label) for label in labels]
    (td,) = [td for td in scope.find_all("td") if all(refs(td) & ids for ids in wanted)]
    return td


def test_a_wrong_value_is_found(hook_site: Path, expected: dict[str, dict[Place, str]]):
    page = BeautifulSoup((hook_site / PAGE).read_text(encoding="utf-8"), "lxml")
    _td(page, "applications", "1.本机关不掌握相关政府信息", "自然人").string = "6"
    place = "三、本年度办理结果 / （四）无法提供 / 1.本机关不掌握相关政府信息 / 自然人"
    assert misplaced(page, expected) == [f"applications {place}: expected '5', found ['6']"]


def test_two_swapped_cells_are_found(hook_site: Path, expected: dict[str, dict[Place, str]]):
    page = BeautifulSoup((hook_site / PAGE).read_text(encoding="utf-8"), "lxml")
    # 行政处罚: 上一年项目数量 0 and 处理决定数量 3 trade places.
    previous, decisions = (_td(page, "active_disclosure", "行政处罚", c) for c in ("上一年项目数量", "处理决定数量"))
    previous["headers"], decisions["headers"] = decisions["headers"], previous["headers"]
    assert len(misplaced(page, expected)) == 2


def test_expected_values_under_the_wrong_labels_are_found(hook_site: Path, expected: dict[str, dict[Place, str]]):
    wrong = copy.deepcopy(expected)
    cells = wrong["reviews_litigation"]
    cells[("行政复议", "结果维持")], cells[("行政复议", "结果纠正")] = "0", "2"
    page = BeautifulSoup((hook_site / PAGE).read_text(encoding="utf-8"), "lxml")
    assert len(misplaced(page, wrong)) == 2


# --- what else the three builds share, and where they differ ----------------------------------------


def test_plain_mkdocs_build_of_the_tree_is_the_hook_build(hook_site: Path, export_site: Path,
                                                         tmp_path: Path):
    """Byte for byte, once the search index the hook writes after the build (nianbao.search) is
    written over the plain build's pages too (python -m nianbao search-index): a plain build has no
    hook to write it."""
    assert not (export_site / INDEX_DIR).exists()
    indexed = tmp_path / "site"
    shutil.copytree(export_site, indexed)
    # As a maintainer of the exported tree does (python -m nianbao search-index), here from the project.
    proc = subprocess.run([sys.executable, "-m", "nianbao", "search-index", str(indexed)], cwd=REPO,
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and "已写出搜索索引" in proc.stdout, proc.stderr
    def listing(site: Path) -> set[Path]:
        return {p.relative_to(site) for p in site.rglob("*") if p.is_file()}

    def named_by_content(f: Path) -> bool:
        # Pagefind writes its metadata and filters in an order of its own from run to run (and
        # names them by their bytes): the pages' words and texts (index, fragment) are the same.
        return f.parts[0] != INDEX_DIR or f.parts[-2] in ("index", "fragment") or f.suffix in (".js", ".pagefind")

    files = listing(hook_site)
    assert any(f.parts[0] == INDEX_DIR for f in files)
    assert len(files) == len(listing(indexed))
    same = {f for f in files if named_by_content(f)}
    assert same == {f for f in listing(indexed) if named_by_content(f)}
    differ = [str(f) for f in sorted(same) if (hook_site / f).read_bytes() != (indexed / f).read_bytes()]
    assert differ == []


def test_zensical_leaves_the_tables_out_of_search_too(zensical_site: Path):
    items = yaml.safe_load((zensical_site / "search.json").read_text(encoding="utf-8"))["items"]
    tables = [i for i in items if i["location"].startswith(f"{WANGGANG}/2020/#tab-")]
    assert len(tables) == 3 and all(i["text"] == "" for i in tables)
    assert any("王岗镇" in i["text"] for i in items if i["location"] == f"{WANGGANG}/2020/#part-1")
