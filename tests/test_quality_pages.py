"""The 数据质量 section: built only when asked for (NIANBAO_QUALITY=1), counts per year and region
with the bodies behind them linked, a side-by-side view of each flagged copy with its passages
marked, and the CSV of every indicator."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from bs4 import BeautifulSoup
from nbdata import FIXTURE_2021, SHILI, copy_data, edit

from nianbao.settings import Settings
from nianbao.site import build_site

LONG = ("政务公开工作仍存在一些薄弱环节：一是政策解读的形式较为单一，图表解读和音频视频解读运用不多；"
        "二是依申请公开答复文书的规范性还有待提高，个别答复对法律依据的援引不够准确；"
        "三是基层政务公开标准目录的动态调整机制尚不健全，部分栏目更新不够及时。"
        "下一步，将加强业务培训，完善答复文书模板，建立栏目更新提醒机制，切实提升政务公开的质量和实效。")


def copied(tmp_path: Path) -> Path:
    """The 2021 fixture with the same long part 五 in 2021 and 2022: a copy of the year before."""
    data = copy_data(FIXTURE_2021, tmp_path)
    texts = {2021: ("存在的主要问题：个别栏目更新不够及时。", "改进措施：明确栏目责任人，每月检查一次。"),
             2022: ("上年度问题的整改情况：栏目责任人已明确到人。", "本年度存在的主要问题：政策解读形式较为单一。")}
    for year, (first, second) in texts.items():
        old = f"      {first}\n      {second}\n"
        edit(data / SHILI / f"{year}.yml", old, f"      {LONG}\n")
    return data


def publish_as_printed(data_dir: Path) -> int:
    """Acknowledge every finding of the data set, as a maintainer publishing reports as printed does
    (the broken totals and late dates bench/generate.py --faults plants), so that it builds; the
    indicators still flag them. The number of findings acknowledged."""
    from nbdata import check

    _, checks = check(data_dir)
    by_file: dict[Path, list[tuple[str, str]]] = {}
    for (body, year), result in checks.items():
        for problem in result.problems:
            if not problem.acknowledged:
                by_file.setdefault(data_dir / body / f"{year}.yml", []).append((problem.rule, problem.cells))
    for path, found in by_file.items():
        text = path.read_text(encoding="utf-8").rstrip("\n") + "\nacknowledged:\n"
        text += "".join(f"  - rule: {rule}\n    cells: '{cells}'\n    reason: 与原文一致\n" for rule, cells in found)
        path.write_text(text, encoding="utf-8")
    return sum(len(found) for found in by_file.values())


def test_the_section_is_off_unless_asked_for(tmp_path: Path):
    assert Settings.from_environ({}).quality is False
    assert Settings.from_environ({"NIANBAO_QUALITY": "1"}).quality is True
    data = copied(tmp_path)
    plain = build_site(data, data.parent)
    assert not any(p.src_uri.startswith("quality/") for p in plain.pages) and not plain.files
    assert "quality/index.md" not in plain.home_markdown
    assert "](quality/index.md)" in build_site(data, data.parent, quality=True).home_markdown


def test_a_copy_is_counted_listed_and_shown_side_by_side(tmp_path: Path):
    data = copied(tmp_path)
    build = build_site(data, data.parent, quality=True)
    assert build.missing_links() == []
    pages = {p.src_uri: p for p in build.pages}
    year = pages["quality/2022.md"]
    html = year.render_content()["indicators"]
    soup = BeautifulSoup(html, "lxml")
    section5 = soup.find(id="ind-copy-own-previous-table")
    assert section5 is not None, "a copy of the year before is flagged"
    row = section5.tbody.tr
    assert row.th.a["href"] == f"../../{SHILI}/2022/"
    compare = row.find_all("td")[-1].a
    assert compare["href"] == "../copies/2022/shili-xian-shujuju-copy_own_previous/"
    view = pages[f"quality/copies/2022/{SHILI}-copy_own_previous.md"].render_content()["copy"]
    sides = BeautifulSoup(view, "lxml").select(".nb-side")
    assert len(sides) == 2
    marked = ["".join(m.get_text() for m in side.select("mark")) for side in sides]
    # The whole long text is shared (less what normalisation takes out at its edges).
    assert all(len(text) > 0.8 * len(LONG) for text in marked)
    assert [side.h2.a["href"] for side in sides] == [f"../../../../{SHILI}/2022/", f"../../../../{SHILI}/2021/"]


def test_regions_count_the_bodies_behind_them(tmp_path: Path):
    data = copied(tmp_path)
    build = build_site(data, data.parent, quality=True)
    page = next(p for p in build.pages if p.src_uri == "quality/2022.md")
    soup = BeautifulSoup(page.render_content()["regions"], "lxml")
    first = soup.find(id="quality-regions").tbody.tr
    due, published, missing, late, flagged = (int(td.get_text()) for td in first.find_all("td"))
    assert (due, published, missing, late, flagged) == (1, 1, 0, 0, 1)
    section = soup.find(id=first.th.a["href"][1:])
    assert section is not None and "与本机关上年雷同" in section.get_text()


def test_the_csv_holds_every_indicator_row(tmp_path: Path):
    from nianbao.quality import figures

    data = copied(tmp_path)
    build = build_site(data, data.parent, quality=True)
    text = build.files["quality/quality.csv"]
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert list(rows[0]) == ["body", "year", "indicator", "value", "flag", "detail"]
    assert len(rows) == len(figures(build.data))
    assert any(r["indicator"] == "copy_own_previous" and r["year"] == "2022" and r["flag"] == "true" for r in rows)


def test_the_section_builds_for_generated_faults(tmp_path: Path):
    """bench/generate.py --faults on 560 reports: each planted fault is listed under its indicator
    on its year's page, its body linked to its report (or, for a missing report, to its body)."""
    import sys

    from nbdata import REPO

    sys.path.insert(0, str(REPO / "bench"))
    from generate import generate_with_faults

    data = tmp_path / "data"
    _, faults = generate_with_faults(data, 560, 3)
    assert publish_as_printed(data) > 0
    build = build_site(data, data.parent, quality=True)
    assert not build.findings.errors and build.missing_links() == []
    pages = {p.src_uri: p for p in build.pages}
    for fault in faults:
        html = pages[f"quality/{fault.year}.md"].render_content()["indicators"]
        table = BeautifulSoup(html, "lxml").find(id=f"ind-{fault.indicator.replace('_', '-')}-table")
        assert table is not None, fault
        name = build.data.bodies[fault.body].name
        assert any(tr.th.get_text() == name for tr in table.tbody.find_all("tr")), fault
