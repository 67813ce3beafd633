"""Golden files: rendered tables and the error messages of broken-data scenarios (see README.md)."""

from __future__ import annotations

import io
import shutil
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
import yaml
from conftest import GOLDEN, Golden
from nbdata import DATA, FIXTURE_2021, SHILI, WANGGANG, copy_data, edit

from nianbao.__main__ import main
from nianbao.loader import load_data
from nianbao.render.table_html import render_table

SOURCES = {"real": DATA, "fixture-2021": FIXTURE_2021}
TABLE_REPORTS = {f"{WANGGANG}-2020": (DATA, WANGGANG, 2020), f"{SHILI}-2021": (FIXTURE_2021, SHILI, 2021)}
TABLES = ("active_disclosure", "applications", "reviews_litigation")
SCENARIOS = sorted((GOLDEN / "errors").glob("*.yml"))
EXPECTED_KEY = "expected: |\n"


@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize("name", list(TABLE_REPORTS))
def test_rendered_table(golden: Golden, name: str, table: str):
    folder, body, year = TABLE_REPORTS[name]
    report = load_data(folder, folder.parent).report(body, year)
    assert report is not None
    html = render_table(report.format, table, report.tables[table])
    golden.check_file(GOLDEN / "tables" / name / f"{table}.html", html + "\n")


def apply(edits: list[dict[str, str]], data: Path) -> None:
    for step in edits:
        if "replace" in step:
            edit(data / step["replace"], step["old"], step["new"])
        elif "copy" in step and (data / step["copy"]).is_dir():
            shutil.copytree(data / step["copy"], data / step["to"])
        elif "copy" in step:
            shutil.copy(data / step["copy"], data / step["to"])
        elif "delete" in step:
            (data / step["delete"]).unlink()
        elif "rename" in step:
            (data / step["rename"]).rename(data / step["to"])
        else:
            raise AssertionError(f"unknown edit {step}")


def messages(scenario: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """What `python -m nianbao check data` prints for the broken copy, run as a maintainer runs it."""
    data = copy_data(SOURCES[scenario["data"]], tmp_path)
    apply(scenario["edits"], data)
    monkeypatch.chdir(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["check", "data"])
    assert code in (0, 1), err.getvalue()
    assert out.getvalue().count("\n") > 1, "a scenario must produce at least one problem"
    return out.getvalue() + err.getvalue()


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_error_messages(golden: Golden, path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    text = path.read_text(encoding="utf-8")
    scenario = yaml.safe_load(text)
    assert set(scenario) == {"description", "data", "edits", "expected"}, path.name
    head, sep, _ = text.partition(EXPECTED_KEY)
    assert sep and text.rstrip().endswith(scenario["expected"].rstrip()[-20:]), f"{path.name}: expected must be last"
    actual = messages(scenario, tmp_path, monkeypatch)
    if golden.update:
        block = "".join(f"  {line}" if line.strip() else line for line in actual.splitlines(keepends=True))
        path.write_text(head + EXPECTED_KEY + block, encoding="utf-8")
        return
    assert actual == scenario["expected"]


def test_there_are_scenarios():
    assert len(SCENARIOS) >= 20


def test_update_mode_refuses_to_run_in_ci(tmp_path: Path) -> None:
    """With CI set, an update would make every golden comparison pass; it must fail instead."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "CI": "true", "NIANBAO_UPDATE_GOLDEN": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(GOLDEN / "test_golden.py"),
         "-k", "test_rendered_table and applications"],
        env=env, capture_output=True, text=True, cwd=GOLDEN.parent.parent,
    )
    assert proc.returncode != 0, proc.stdout
    assert "cannot be rewritten in CI" in proc.stdout
