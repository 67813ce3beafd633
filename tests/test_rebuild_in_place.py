"""What a preview rebuilt in place makes again after an edit, without a server: the pages made from
the edited objects only (nianbao.memo), and open data with the bytes a build writes
(nianbao.opendata.in_place). tests/test_serve_in_place.py checks the same through `mkdocs serve`."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from nianbao.datafiles import report_files
from nianbao.opendata import generate, write_open_data
from nianbao.opendata.in_place import InPlace
from nianbao.render.indexes import region_uri
from nianbao.site import build_site

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generate import generate as generate_data  # noqa: E402


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def set_licensing(report: Path, value: int) -> None:
    text = report.read_text(encoding="utf-8")
    report.write_text(re.sub(r"^(  licensing: )\S+$", rf"\g<1>{value}", text, count=1, flags=re.M), encoding="utf-8")


def test_an_edit_makes_again_only_the_pages_made_from_what_changed(tmp_path: Path):
    data = tmp_path / "data"
    generate_data(data, 210, first_year=2023, last_year=2025)  # 70 bodies (region pages), 3 years each
    first = {p.src_uri: p for p in build_site(data, tmp_path).pages}
    again = {p.src_uri: p for p in build_site(data, tmp_path).pages}
    assert [uri for uri, page in again.items() if page is not first[uri]] == ["opendata.md"]

    body = sorted(p for p in data.iterdir() if p.is_dir())[5]
    middle = report_files(body)[1]  # 2024: the 2025 report compares itself with it
    set_licensing(middle, 987654)
    build = build_site(data, tmp_path)
    new = sorted(p.src_uri for p in build.pages if p is not again.get(p.src_uri))
    region = build.data.bodies[body.name].region
    ancestors = [region_uri(tuple(region[:depth])) for depth in range(1, len(region) + 1)]
    assert ancestors[0] in again  # the home page lists regions, each on its page
    assert new == sorted([f"{body.name}/2024.md", f"{body.name}/2025.md", f"{body.name}/index.md",
                          *ancestors, "opendata.md"])


def test_open_data_rewritten_in_place_has_the_bytes_of_a_build(tmp_path: Path):
    data = tmp_path / "data"
    generate_data(data, 140, first_year=2024, last_year=2025)
    bodies = sorted(p for p in data.iterdir() if p.is_dir())
    in_place, out = InPlace(), tmp_path / "preview"
    steps = [lambda: None,
             lambda: set_licensing(report_files(bodies[2])[-1], 987654),
             lambda: report_files(bodies[7])[-1].unlink(),
             lambda: (bodies[9] / "body.yml").write_text(
                 (bodies[9] / "body.yml").read_text(encoding="utf-8").replace("name: ", "name: 改", 1),
                 encoding="utf-8")]
    for number, step in enumerate(steps):
        step()
        loaded = build_site(data, tmp_path).data
        sizes = in_place.write(loaded, out)
        fresh = tmp_path / f"built-{number}"
        assert sizes == write_open_data(generate(loaded), fresh)
        assert tree(out) == tree(fresh), f"after step {number}"


def test_after_a_save_that_stops_the_build_the_fix_finds_the_pages_kept(tmp_path: Path):
    """A build with errors makes no page and keeps the memo as it was: the fix makes again only the
    pages of the file that was broken (read anew), not the whole site."""
    data = tmp_path / "data"
    generate_data(data, 30, first_year=2024, last_year=2025)
    before = {p.src_uri: p for p in build_site(data, tmp_path).pages}
    body = sorted(p for p in data.iterdir() if p.is_dir())[0]
    report = report_files(body)[-1]
    good = report.read_text(encoding="utf-8")
    report.write_text(good.replace('format: "2021"', 'format: "2031"', 1), encoding="utf-8")
    assert build_site(data, tmp_path).pages == ()
    report.write_text(good, encoding="utf-8")
    new = sorted(p.src_uri for p in build_site(data, tmp_path).pages if p is not before.get(p.src_uri))
    assert new == sorted([f"{body.name}/{report.stem}.md", f"{body.name}/index.md", "opendata.md"])
