"""The importer speaks Chinese, from the catalogue (nianbao/catalogue/importer.py); English with
NIANBAO_LANG=en. Its code names rules by their catalogue constants, never by an id."""

from __future__ import annotations

import os
import re
import shutil
import string
import subprocess
import sys
from pathlib import Path

import pytest

from nianbao.catalogue import Text
from nianbao.catalogue import importer as msg
from nianbao.importer.cli import main

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "import"
SEED = FIXTURES / "seed" / "wanggang-2020.txt"
# Three ASCII words in a row: an English sentence. Paths, keys (parts.六.fees, notices_count),
# options and a command to run (an install command where LibreOffice is missing) are not sentences:
# they are taken out first.
ENGLISH = re.compile(r"[A-Za-z]+(?:[ ,;:()']+[A-Za-z]+){2,}")
NOT_PROSE = re.compile(r"python -m nianbao \w+|sudo [\w .-]+|\S*[/_.]\S*|--?\w+")


def english(text: str) -> list[str]:
    return ENGLISH.findall(NOT_PROSE.sub(" ", text))


def import_everything(tmp_path: Path, lang: str | None) -> subprocess.CompletedProcess[str]:
    """Every kind of source the fixtures have, a skipped spreadsheet among them, in a fresh data folder."""
    folder = tmp_path / "in"
    shutil.copytree(FIXTURES, folder, ignore=shutil.ignore_patterns("*.py"))
    (folder / "表格.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    env = {k: v for k, v in os.environ.items() if k != "NIANBAO_LANG"}
    if lang is not None:
        env["NIANBAO_LANG"] = lang
    return subprocess.run([sys.executable, "-m", "nianbao", "import", str(folder), "--data", str(tmp_path / "data")],
                          cwd=ROOT, env=env, capture_output=True, text=True, check=False)


def test_the_import_speaks_chinese_by_default(tmp_path: Path) -> None:
    proc = import_everything(tmp_path, None)
    assert proc.returncode == 1, proc.stdout + proc.stderr  # the fixtures include failing sources
    out = proc.stdout
    for said in ("跳过", "文件夹名 wanggang-zhen 由「王岗镇」的拼音得出", "这不是年度报告", "原文看起来不完整",
                 "已确认的发现", "份已导入"):
        assert said in out
    assert english(out) == []
    assert english(proc.stderr) == []


def test_the_import_speaks_english_when_asked(tmp_path: Path) -> None:
    proc = import_everything(tmp_path, "en")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    out = proc.stdout
    for said in ("skipped", "folder wanggang-zhen made from 「王岗镇」 in pinyin", "not an annual report",
                 "the source looks truncated", "acknowledged findings", "region 黑龙江省 inferred from the "
                 "provincial documents the text cites", "partly imported"):
        assert said in out
    assert "份已导入" not in out and "结果：" not in out


def test_the_check_of_english_finds_it() -> None:
    assert english("  结果：部分导入（见错误）\n  result:   partly imported (see errors)") == [
        "result:   partly imported (see errors"]
    assert english("  - 标签「商业⏎企业」 has a break inside a word；按「商业企业」读取") == [
        "has a break inside a word"]
    assert english("写入 /tmp/pytest-of-some-one/2020.yml；用 --body 指定；用 python -m nianbao check 核对；"
                   "写明 notices_count 1，collected_amount_yuan 0；parts.六.fees") == []


# --- the command line --------------------------------------------------------------------------------


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(("argv", "said"), [
    ([], "错误：缺少参数 来源"),
    ([str(SEED), "--bogus"], "错误：不认识的参数：--bogus"),
    ([str(SEED), "--year", "二〇二〇"], "错误：--year 后面要写一个整数，实为 '二〇二〇'"),
    ([str(SEED), "--body"], "错误：--body 后面要写一个值"),
    ([str(SEED), "--force=yes"], "错误：--force 后面不带值，实为 'yes'"),
    ([str(SEED), "--body", "王岗镇"], "错误：--body 「王岗镇」：文件夹名只能用小写字母、数字和 -"),
    ([str(SEED), "--year", "1999"], "错误：--year 1999：应写报告年度，如 2020"),
    (["no-such-report.html"], "错误：no-such-report.html：没有这个文件或文件夹"),
])
def test_usage_errors_are_chinese(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                  argv: list[str], said: str) -> None:
    monkeypatch.delenv("NIANBAO_LANG", raising=False)
    code, out, err = run_cli(capsys, *argv)
    assert code == 2
    assert said in err, err
    assert out == ""
    assert english(err) == [], err


def test_help_is_chinese(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NIANBAO_LANG", raising=False)
    code, out, _ = run_cli(capsys, "--help")
    assert code == 0
    assert out.startswith("用法：python -m nianbao import [-h]")
    for said in ("位置参数:", "选项:", "-h, --help", "显示这段说明后退出", "--force", "覆盖已有的报告文件"):
        assert said in out, out
    assert english(out) == [], out


def test_usage_errors_and_help_in_english(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NIANBAO_LANG", "en")
    code, _, err = run_cli(capsys)
    assert code == 2
    assert err.startswith("usage: python -m nianbao import")
    assert "error: the following arguments are required: SOURCE" in err
    code, out, _ = run_cli(capsys, "-h")
    assert code == 0
    assert "positional arguments:" in out and "overwrite existing report files" in out


# --- the catalogue ---------------------------------------------------------------------------------


def _texts() -> list[tuple[str, Text]]:
    found: list[tuple[str, Text]] = []
    for name, value in vars(msg).items():
        values = value.items() if isinstance(value, dict) else [("", value)]
        found += [(f"{name}{'.' + key if key else ''}", text) for key, text in values if isinstance(text, Text)]
    return found


@pytest.mark.parametrize(("name", "text"), _texts(), ids=[name for name, _ in _texts()])
def test_every_text_names_the_same_parameters_in_both_languages(name: str, text: Text) -> None:
    def fields(template: str) -> set[str]:
        return {field for _, field, _, _ in string.Formatter().parse(template) if field}

    assert text.zh, name
    if text.en:
        assert fields(text.zh) == fields(text.en), name
    for template in (text.zh, text.en):
        template.format(**dict.fromkeys(fields(template), 1))  # fills: no stray brace or bad spec


def test_the_importer_names_no_rule_id() -> None:
    # A rule id in quotes (P.1, T2.b, X.4, data.yaml) or an id prefix compared against.
    rule_id = re.compile(r"""["'](?:[A-Z]\d?\.[0-9a-z]+|data\.[a-z_]+|[A-Z]\.)["']""")
    for path in sorted((ROOT / "nianbao" / "importer").glob("*.py")):
        code = path.read_text(encoding="utf-8")
        assert not rule_id.findall(code), path.name
