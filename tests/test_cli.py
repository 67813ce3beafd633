"""`python -m nianbao check [PATH] [--strict]`: exit 0 clean, 1 problems, 2 usage error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from nbdata import DATA, FIXTURE_2021, REPO, SHILI, WANGGANG, copy_data, edit, run_cli

from nianbao.__main__ import main


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """Run `python -m nianbao ARGS` in-process from cwd; returns (exit code, stdout, stderr)."""

    def run(*args: str, cwd: Path = REPO) -> tuple[int, str, str]:
        monkeypatch.chdir(cwd)
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_real_data_is_clean():
    proc = run_cli("check")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout == "共核对 1 份报告、1 个机关：0 个错误，0 个警告，1 个已确认的发现\n"


def test_fixture_is_clean_even_strict(cli):
    code, out, err = cli("check", "tests/fixtures/2021", "--strict")
    assert code == 0, out
    assert out == "共核对 3 份报告、1 个机关：0 个错误，0 个警告，0 个已确认的发现\n"


def test_error_exits_1_and_names_file_line_rule_and_both_sides(tmp_path: Path, cli):
    data = copy_data(DATA, tmp_path)
    edit(data / WANGGANG / "2020.yml", "review: [1, 1, 0, 0, 2]", "review: [1, 1, 0, 0, 3]")
    code, out, err = cli("check", "data", cwd=tmp_path)
    assert code == 1
    assert out.startswith("data/wanggang-zhen/2020.yml:88: 错误 [T4.1] reviews_litigation.review.total\n")
    assert "    应为：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 1 + 1 + 0 + 0 = 2\n" in out
    assert "    实为：总计 = 3\n" in out
    assert "    提示：两边相差 +1：" in out
    assert "        - {rule: T4.1, cells: reviews_litigation.review.*, reason: 与原文一致}\n" in out
    assert out.endswith("\n共核对 1 份报告、1 个机关：1 个错误，0 个警告，1 个已确认的发现\n")
    assert "Traceback" not in out + err


@pytest.fixture
def warned(tmp_path: Path) -> Path:
    data = copy_data(FIXTURE_2021, tmp_path)
    edit(data / SHILI / "2021.yml", "published: 2022-01-20", "published: 2022-02-01")
    return data


def test_warning_exits_0(warned: Path, cli):
    code, out, err = cli("check", str(warned))
    assert code == 0
    assert "/2021.yml:5: 警告 [D.1] published\n" in out
    assert out.endswith("\n共核对 3 份报告、1 个机关：0 个错误，1 个警告，0 个已确认的发现\n")


def test_warning_fails_with_strict(warned: Path, cli):
    assert cli("check", str(warned), "--strict")[0] == 1


def test_acknowledged_findings_do_not_fail_strict(cli):
    assert cli("check", "data", "--strict")[0] == 0


def test_missing_folder_is_a_usage_error(tmp_path: Path):
    proc = run_cli("check", str(tmp_path / "nope"))
    assert proc.returncode == 2
    assert proc.stderr == f"nianbao check: {tmp_path / 'nope'}：没有这个数据文件夹\n"
    assert proc.stdout == ""


def test_unknown_option_is_a_usage_error(cli):
    code, out, err = cli("check", "--bogus")
    assert code == 2
    assert "错误：不认识的参数：--bogus" in err
    assert "unrecognized" not in err


def test_no_command_is_a_usage_error():
    assert run_cli().returncode == 2


def test_check_one_report_file(tmp_path: Path, cli):
    data = copy_data(FIXTURE_2021, tmp_path)
    edit(data / SHILI / "2022.yml", "review: [3, 1, 1, 1, 6]", "review: [3, 1, 1, 1, 7]")
    assert cli("check", "data/shili-xian-shujuju/2021.yml", cwd=tmp_path)[0] == 0
    code, out, err = cli("check", "data/shili-xian-shujuju/2022.yml", cwd=tmp_path)
    assert code == 1 and "[T4.1]" in out


def test_check_one_body_folder(tmp_path: Path, cli):
    data = copy_data(DATA, tmp_path)
    shutil.copytree(FIXTURE_2021 / SHILI, data / SHILI)
    edit(data / SHILI / "2022.yml", "review: [3, 1, 1, 1, 6]", "review: [3, 1, 1, 1, 7]")
    assert cli("check", "data/wanggang-zhen", cwd=tmp_path)[0] == 0
    assert cli("check", "data/shili-xian-shujuju", cwd=tmp_path)[0] == 1


def test_check_one_body_ignores_a_sibling_with_the_same_prefix(tmp_path: Path, cli):
    # A sibling whose name starts with the focus's (wanggang-zhen-2) is not inside it: _within
    # compares paths (focus in file.parents), not the start of the text.
    data = copy_data(DATA, tmp_path)
    shutil.copytree(data / WANGGANG, data / "wanggang-zhen-2")
    edit(data / "wanggang-zhen-2" / "body.yml", "name: 南岗区王岗镇人民政府", "name: 南岗区王岗镇人民政府二")
    edit(data / "wanggang-zhen-2" / "2020.yml", "review: [1, 1, 0, 0, 2]", "review: [1, 1, 0, 0, 3]")
    code, out, err = cli("check", "data/wanggang-zhen", cwd=tmp_path)
    assert "wanggang-zhen-2" not in out
    assert code == 0


def test_every_problem_is_printed_in_file_order(tmp_path: Path, cli):
    data = copy_data(DATA, tmp_path)
    edit(data / WANGGANG / "2020.yml", "review: [1, 1, 0, 0, 2]", "review: [1, 1, 0, 0, 3]")
    edit(data / WANGGANG / "2020.yml", "signed_by:", "signed_bi:")
    edit(data / WANGGANG / "body.yml", "level: 乡镇/街道", "level: 乡镇")
    code, out, err = cli("check", "data", cwd=tmp_path)
    heads = [line for line in out.splitlines() if line.startswith("data/")]
    assert heads == [
        "data/wanggang-zhen/2020.yml:5: 错误 [data.unknown_key] signed_bi",
        "data/wanggang-zhen/2020.yml:88: 错误 [T4.1] reviews_litigation.review.total",
        "data/wanggang-zhen/body.yml:4: 错误 [data.choice] level",
    ]


def test_schema_command(tmp_path: Path, cli):
    code, out, err = cli("schema", "--data", str(tmp_path))
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "_schema").iterdir()) == ["body.schema.json", "report.schema.json"]


def test_pages_command_writes_standalone_markdown(tmp_path: Path, cli):
    code, out, err = cli("pages", str(tmp_path / "out"), "--data", str(FIXTURE_2021))
    assert code == 0, out + err
    page = (tmp_path / "out" / "docs" / SHILI / "2021.md").read_text(encoding="utf-8")
    assert "nianbao:block" not in page and '<table class="nb-table' in page


def test_pages_command_writes_nothing_on_errors(tmp_path: Path, cli):
    data = copy_data(DATA, tmp_path)
    edit(data / WANGGANG / "2020.yml", "review: [1, 1, 0, 0, 2]", "review: [1, 1, 0, 0, 3]")
    code, out, err = cli("pages", str(tmp_path / "out"), "--data", str(data))
    assert code == 1 and "[T4.1]" in out
    assert not (tmp_path / "out").exists()


def test_main_in_process(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(REPO)
    assert main(["check", "data"]) == 0
    assert capsys.readouterr().out.startswith("共核对 1 份报告、1 个机关：")
