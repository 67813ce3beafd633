"""The mistakes maintainers make, each in its own copy of the 王岗镇 body, all in one data folder:
`python -m nianbao check` and `mkdocs build` both give one problem per mistake, in Chinese
frames, naming the file (and the line, where the mistake is on one), and never a traceback."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from nbdata import DATA, REPO, WANGGANG

Edit = Callable[[Path], None]


def _replace(name: str, old: str, new: str) -> Edit:
    def edit(folder: Path) -> None:
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{name}: {old!r}"
        path.write_text(text.replace(old, new), encoding="utf-8")
    return edit


def _gbk(folder: Path) -> None:
    path = folder / "2020.yml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))


def _delete_body(folder: Path) -> None:
    (folder / "body.yml").unlink()


def _second_year_file(folder: Path) -> None:
    shutil.copy(folder / "2020.yml", folder / "2020.yaml")


def _year_with_character(folder: Path) -> None:
    (folder / "2020.yml").rename(folder / "2020年.yml")


REPORT, BODY = "2020.yml", "body.yml"
# (what the maintainer did, the edit, the rule it must give, whether the problem has a line)
MISTAKES: list[tuple[str, Edit, str, bool]] = [
    ("表格的键拼错", _replace(REPORT, "\napplications:", "\naplications:"), "data.unknown_key", True),
    ("报告的键拼错", _replace(REPORT, "\ntitle:", "\ntitel:"), "data.unknown_key", True),
    ("行的键拼错", _replace(REPORT, "  carried_over:", "  carryed_over:"), "data.unknown_key", True),
    ("机关信息的键拼错", _replace(BODY, "short_name:", "shortname:"), "data.unknown_key", True),
    ("用 Tab 缩进", _replace(REPORT, "  regulations: [0, 0, 0]", "\tregulations: [0, 0, 0]"), "data.tab", True),
    ("全角冒号", _replace(REPORT, "signed_by: ", "signed_by："), "data.fullwidth", True),
    ("存成 GBK 编码", _gbk, "data.encoding", True),
    ("用“无”表示 0", _replace(REPORT, "  fees: [0, 0]", "  fees: [无, 0]"), "data.number_word", True),
    ("日期写成中文", _replace(REPORT, "published: 2021-01-26", "published: 2021年1月26日"), "data.date", True),
    ("总计算错", _replace(REPORT, "review: [1, 1, 0, 0, 2]", "review: [1, 1, 0, 0, 3]"), "T4.1", True),
    ("缺少 body.yml", _delete_body, "data.no_body", False),
    ("同一年度两个文件", _second_year_file, "data.duplicate_report", False),
    ("文件名多了“年”字", _year_with_character, "data.stray_file", False),
    ("层级写错", _replace(BODY, "level: 乡镇/街道", "level: 镇"), "data.choice", True),
    ("邮箱写错", _replace(BODY, "  phone: 0451-87542911", "  phone: 0451-87542911\n  email: xxgk"), "data.invalid",
     True),
    ("少了一格", _replace(REPORT, "procurement: [7, 461.7 万元]", "procurement: [7]"), "data.length", True),
    ("负数", _replace(REPORT, "  regulations: [0, 0, 0]", "  regulations: [0, -1, 0]"), "data.cell", True),
    ("金额没有单位", _replace(REPORT, "461.7 万元", "461.7"), "data.cell", True),
    ("格式编号写错", _replace(REPORT, 'format: "2019"', 'format: "2020"'), "data.invalid", True),
    ("同一个键写了两次", _replace(REPORT, "\nsigned_by:", "\ntitle: 又一个标题\nsigned_by:"), "data.duplicate_key",
     True),
    ("粘贴带入看不见的字符", _replace(REPORT, "title: 王岗镇", "title: 王岗\u200b镇"), "data.invisible_char", True),
    ("发布日期早于年度结束", _replace(REPORT, "published: 2021-01-26", "published: 2020-12-01"), "D.2", True),
    ("地区名里有空格", _replace(BODY, "哈尔滨市", "哈尔 滨市"), "data.region_name", True),
]
FRAME = re.compile(r"^(?P<file>\S+?)(?::(?P<line>\d+))?: (?P<severity>错误|警告) \[(?P<rule>[^\]]+)\]", re.M)
ENGLISH_FRAME = re.compile(r"^\s*(rule|expected|found|hint):|\b(error|warning) \[", re.M)


def _slug(index: int) -> str:
    return f"mistake-{index:02d}"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project whose data/ holds one broken copy of the 王岗镇 body per mistake."""
    root = tmp_path_factory.mktemp("mistakes")
    for name in ("mkdocs.yml", "docs", "hooks"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    (root / "nianbao").symlink_to(REPO / "nianbao")  # mkdocs.yml watches it; the build never writes it
    data = root / "data"
    data.mkdir()
    for index, (_, edit, _, _) in enumerate(MISTAKES):
        folder = data / _slug(index)
        shutil.copytree(DATA / WANGGANG, folder)
        # Each copy is its own body: the same name twice would be a mistake of its own.
        body = folder / "body.yml"
        body.write_text(body.read_text(encoding="utf-8").replace("name: 南岗区", f"name: 第{index:02d}号南岗区", 1),
                        encoding="utf-8")
        edit(folder)
    return root


def _by_folder(output: str) -> dict[str, list[re.Match[str]]]:
    found: dict[str, list[re.Match[str]]] = {}
    for match in FRAME.finditer(output):
        parts = match["file"].split("/")
        found.setdefault(parts[1] if len(parts) > 1 else parts[0], []).append(match)
    return found


def _assert_one_problem_per_mistake(output: str) -> None:
    assert "Traceback" not in output
    assert not ENGLISH_FRAME.search(output), ENGLISH_FRAME.search(output)
    found = _by_folder(output)
    for index, (what, _, rule, has_line) in enumerate(MISTAKES):
        problems = found.get(_slug(index), [])
        assert [p["rule"] for p in problems] == [rule], f"{what}: {[p[0] for p in problems]}\n{output}"
        assert problems[0]["file"].startswith(f"data/{_slug(index)}/"), what
        if has_line:
            assert int(problems[0]["line"] or 0) > 0, f"{what}: {problems[0][0]}"
    assert set(found) <= {_slug(i) for i in range(len(MISTAKES))}, set(found)


def test_check_gives_one_chinese_problem_per_mistake(project: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "nianbao", "check", "data"], cwd=project, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr
    _assert_one_problem_per_mistake(proc.stdout + proc.stderr)


def test_mkdocs_build_gives_the_same_problems(project: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project, capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 1
    _assert_one_problem_per_mistake(proc.stdout + proc.stderr)
    assert not (project / "site").exists()
