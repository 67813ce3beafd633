"""The 维护指南 (docs/guide/) says what the software does: its example of a check message is what
`check` prints for the edit it describes, its pages are all in the nav, and the README points to it."""

from __future__ import annotations

from pathlib import Path

import yaml
from nbdata import DATA, REPO, WANGGANG, copy_data, edit, run_cli

from nianbao.export import nav_paths

GUIDE = REPO / "docs" / "guide"
CHECK_START, CHECK_END = "<!-- guide-example:check -->", "<!-- /guide-example:check -->"


def fenced(text: str, start: str, end: str) -> str:
    assert text.count(start) == 1 and text.count(end) == 1
    block = text.split(start, 1)[1].split(end, 1)[0].strip()
    assert block.startswith("```\n") and block.endswith("\n```")
    return block.removeprefix("```\n").removesuffix("\n```")


def test_the_check_example_is_what_check_prints(tmp_path: Path) -> None:
    """editing.md: 王岗镇's （七）总计 for 自然人 typed as 9 instead of 10; the first message as shown."""
    data = copy_data(DATA, tmp_path)
    edit(data / WANGGANG / "2020.yml", "    total: [10, 0, 0, 0, 0, 0, 10]", "    total: [9, 0, 0, 0, 0, 0, 10]")
    proc = run_cli("check", "data", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    first = proc.stdout.split("\n\n", 1)[0]
    shown = fenced((GUIDE / "editing.md").read_text(encoding="utf-8"), CHECK_START, CHECK_END)
    assert shown == first


def test_every_page_of_the_guide_is_in_the_nav_under_its_section() -> None:
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", "")
    nav = yaml.safe_load(text)["nav"]
    (section,) = [entry["维护指南"] for entry in nav if isinstance(entry, dict) and "维护指南" in entry]
    listed = nav_paths(section)
    pages = sorted(f"guide/{p.name}" for p in GUIDE.glob("*.md"))
    # The written pages, and the generated 栏目与键名对照表.
    assert sorted(listed) == sorted([*pages, "guide/keys.md"])
    assert listed[0] == "guide/index.md"  # the section's own page (navigation.indexes)
    assert not (GUIDE / "keys.md").exists()  # generated at build time, never written by hand


def test_the_readme_points_maintainers_to_the_guide() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    maintainers = readme.split("## How it is built", 1)[0]
    assert "(docs/guide/index.md)" in maintainers and "维护指南" in maintainers


def test_the_git_page_quotes_the_promise_of_the_about_data_page() -> None:
    """git.md keeps the promise 关于数据 makes to the public; it quotes it, so the two cannot drift apart."""
    guide = (GUIDE / "git.md").read_text(encoding="utf-8")
    about = (REPO / "docs" / "about-data.md").read_text(encoding="utf-8").replace("\n", "")
    quoted = guide.split("承诺：“", 1)[1].split("”", 1)[0].replace("\n", "")
    assert "版本记录" in quoted and quoted in about
