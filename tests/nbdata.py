"""Data helpers for the core tests (a helper module, not a test module).

Every test that changes data works on a copy in tmp_path: `copy_data` then `edit`. File names in
problems are relative to the copy's parent, so a copy of data/ reports "data/wanggang-zhen/2020.yml"
exactly as the real folder would.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from nianbao.checks import ReportCheck
from nianbao.loader import Dataset
from nianbao.problems import Problem
from nianbao.site import check_site

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
FIXTURE_2021 = REPO / "tests" / "fixtures" / "2021"
WANGGANG = "wanggang-zhen"
SHILI = "shili-xian-shujuju"


def copy_data(src: Path, tmp_path: Path, name: str = "data") -> Path:
    """A copy of a data folder (without its _schema) at tmp_path/name."""
    dest = tmp_path / name
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("_schema"))
    return dest


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace old by new in path; old must occur exactly `count` times, so a stale edit fails loudly."""
    text = path.read_text(encoding="utf-8")
    found = text.count(old)
    assert found == count, f"{path.name}: expected {count} occurrence(s) of {old!r}, found {found}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def check(data_dir: Path) -> tuple[Dataset, dict[tuple[str, int], ReportCheck]]:
    """Load and check data_dir; file names in problems are relative to its parent."""
    return check_site(data_dir, data_dir.parent)


def problems(data_dir: Path, rule: str | None = None, *, acknowledged: bool = False) -> list[Problem]:
    """The open problems of data_dir (or the acknowledged ones), optionally of one rule."""
    data, _ = check(data_dir)
    found = data.findings.acknowledged if acknowledged else data.findings.open
    return [p for p in found if rule is None or p.rule == rule]


def only(found: list[Problem], rule: str) -> Problem:
    """The single problem of a rule; fails with every problem shown when there is not exactly one."""
    matching = [p for p in found if p.rule == rule]
    assert len(matching) == 1, "\n\n".join(p.render() for p in found)
    return matching[0]


def mkdocs_build(dest: Path, data_dir: Path | None = None, *, strict: bool = True) -> subprocess.CompletedProcess[str]:
    """`mkdocs build` of the repo into dest, optionally of another data folder (NIANBAO_DATA)."""
    mkdocs = Path(sys.executable).with_name("mkdocs")
    cmd = [str(mkdocs)] if mkdocs.exists() else [sys.executable, "-m", "mkdocs"]
    env = {**os.environ, "NIANBAO_SITE_URL": "", "NO_MKDOCS_2_WARNING": "1"}
    env.pop("NIANBAO_DATA", None)
    if data_dir is not None:
        env["NIANBAO_DATA"] = str(data_dir)
    args = [*cmd, "build", "-f", "mkdocs.yml", "-d", str(dest)] + (["--strict"] if strict else [])
    # cwd = repo root, as the Makefile runs mkdocs.
    return subprocess.run(args, cwd=REPO, env=env, capture_output=True, text=True, check=False)


def run_cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "nianbao", *args], cwd=cwd, capture_output=True, text=True,
                          check=False)
