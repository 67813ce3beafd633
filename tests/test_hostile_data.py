"""Hostile data files: each gets a clear error naming the file, the field and what is wrong, in one
run, never a traceback, a hang or unbounded memory. Entries that are not regular files are
reported, not read. Names that would be unsafe as paths are refused before anything is written.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from nbdata import DATA, REPO, WANGGANG, copy_data, edit, only

from nianbao.loader import load_data

REPORT = f"{WANGGANG}/2020.yml"
BODY = f"{WANGGANG}/body.yml"
SIGNED = "signed_by: 南岗区王岗镇人民政府"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return copy_data(DATA, tmp_path)


def problems(data_dir: Path):
    return load_data(data_dir, data_dir.parent).findings.open


def check_cli(data_dir: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`python -m nianbao check` in a process of its own: a hang is a timeout, not a stuck suite."""
    return subprocess.run([sys.executable, "-m", "nianbao", "check", str(data_dir)], cwd=data_dir.parent,
                          capture_output=True, text=True, timeout=timeout, check=False)


# ---------- characters a reader cannot see --------------------------------------------------------

INVISIBLE = ["\x7f", "\x80", "\x85", "\x9f", "\ufffe", "\uffff", "\u202e", "\u2066", "\x01", "\x1b", "\u2028",
             "\ufeff", "\u200f"]


@pytest.mark.parametrize("ch", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_an_invisible_character_in_signed_by_is_refused_and_named(data: Path, ch: str) -> None:
    payload = f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}"
    edit(data / REPORT, SIGNED, f'signed_by: "南岗区王岗镇人民政府{payload}<img src=x onerror=alert(document.domain)>"')
    p = only(problems(data), "data.invisible_char")
    assert (p.location, p.path) == ("data/wanggang-zhen/2020.yml:5", "signed_by")
    assert f"U+{ord(ch):04X}" in p.message and "第 11 个字符" in p.message


@pytest.mark.parametrize(("file", "old", "field"), [
    (REPORT, "title: 王岗镇人民政府 2020", "title"),
    (BODY, "name: 南岗区", "name"),
    (BODY, "short_name: 王岗镇", "short_name"),
    (BODY, "office: 行政办", "contact.office"),
])
def test_a_raw_del_in_any_text_field_is_refused(data: Path, file: str, old: str, field: str) -> None:
    # Written raw, as a paste from a Word file leaves it, not as a YAML escape.
    edit(data / file, old, old.replace(": ", ": \x7f"))
    found = [p for p in problems(data) if p.rule == "data.invisible_char"]
    assert [p.path for p in found] == [field], "\n".join(p.render() for p in found)
    assert "U+007F（删除符 DEL）" in found[0].message


def test_control_characters_in_prose_are_refused_too(data: Path) -> None:
    edit(data / REPORT, "2020 年，王岗镇人民政府认真", '2020 年，王岗镇人民政府\x85认真')
    p = only(problems(data), "data.invisible_char")
    assert (p.path, p.line, p.column) == ("parts.一.text", 12, 21)


@pytest.mark.parametrize(("file", "old", "new", "path"), [
    (REPORT, "title: 王岗镇人民政府 2020 年度政府信息公开工作年度报告", 'title: "王岗镇\\n---\\n## 假标题"', "title"),
    (REPORT, "    heading: 主动公开政府信息情况", '    heading: "主动公开\\n\\n# 假"', "parts.二.heading"),
    (BODY, "region: [黑龙江省, 哈尔滨市, 南岗区]", 'region: [黑龙江省, "哈尔滨市\\n南岗区"]', "region[1]"),
])
def test_a_line_break_in_a_one_line_field_is_refused(data: Path, file: str, old: str, new: str, path: str) -> None:
    edit(data / file, old, new)
    p = only(problems(data), "data.one_line")
    assert p.path == path


def test_every_problem_is_reported_in_one_run(data: Path) -> None:
    edit(data / REPORT, SIGNED, 'signed_by: "王岗镇\\x7f"')
    edit(data / REPORT, "title: 王岗镇人民政府 2020 年度政府信息公开工作年度报告", 'title: "王岗镇\\n人民政府"')
    edit(data / BODY, "short_name: 王岗镇", 'short_name: "王岗镇\\u202e"')
    assert sorted(p.path for p in problems(data)) == ["short_name", "signed_by", "title"]


def test_a_name_of_200_kb_is_refused_at_once(data: Path) -> None:
    edit(data / BODY, "short_name: 王岗镇", "short_name: " + "\\*" * 100_000)
    p = only(problems(data), "data.too_long")
    assert p.path == "short_name" and "最多 200 个字符" in p.message
    assert len(p.render()) < 1000, "a message quotes the value, not 200 KB of it"


# ---------- unbounded YAML ------------------------------------------------------------------------

def alias_bomb(levels: int) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(("text", "rule"), [
    (alias_bomb(9), "data.alias"),
    ("format: '2019'\nunplaced: &r [*r]\n", "data.alias"),
    ("format: '2019'\nunplaced: " + "[" * 999 + "]" * 999 + "\n", "data.too_deep"),
    ("format: '2019'\nunplaced: " + "[" * 5000 + "]" * 5000 + "\n", "data.too_deep"),
    ("format: '2019'\nparts:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 600)), "data.too_deep"),
], ids=["alias-bomb-9-levels", "self-reference", "999-deep", "5000-deep", "600-deep-block"])
def test_unbounded_yaml_is_refused_in_bounded_memory(data: Path, text: str, rule: str) -> None:
    (data / REPORT).write_text(text, encoding="utf-8")
    tracemalloc.start()
    try:
        found = problems(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    p = only(found, rule)
    assert p.file == "data/wanggang-zhen/2020.yml" and p.line > 0
    if rule == "data.alias":
        assert p.message.startswith("不支持 YAML 别名（*）：第 "), p.render()
    else:
        assert p.message == "嵌套过深：超过 20 层，年度报告的数据用不到这么多层", p.render()
    assert p.hint
    assert peak < 100 * 2**20, f"peak {peak / 2**20:.0f} MB"


def test_a_file_of_more_than_2_mb_is_refused_unread(data: Path) -> None:
    with (data / REPORT).open("a", encoding="utf-8") as handle:
        handle.write("unplaced:\n" + "  - 正文\n" * 400_000)
    p = only(problems(data), "data.too_large")
    assert p.file == "data/wanggang-zhen/2020.yml"


# ---------- numbers and dates ---------------------------------------------------------------------

def test_an_integer_of_5000_digits_is_a_clear_error(data: Path) -> None:
    edit(data / REPORT, "review: [1, 1, 0, 0, 2]", f"review: [1, 1, 0, 0, {'9' * 5000}]")
    found = problems(data)
    assert any("数字位数过多" in p.message + p.found + p.expected for p in found), [p.render() for p in found]


def test_fees_of_5000_digits_are_a_clear_error(tmp_path: Path) -> None:
    from nbdata import FIXTURE_2021, SHILI
    data = copy_data(FIXTURE_2021, tmp_path)
    text = (data / SHILI / "2021.yml").read_text(encoding="utf-8")
    assert "notices_count:" in text
    (data / SHILI / "2021.yml").write_text(text.replace("notices_count: ", "notices_count: " + "9" * 5000, 1),
                                          encoding="utf-8")
    found = problems(data)
    assert any(p.path.endswith("fees.notices_count") for p in found), [p.render() for p in found]


@pytest.mark.parametrize("name", ["9999.yml", "2101.yml"])
def test_a_report_year_past_2100_is_refused(data: Path, name: str) -> None:
    (data / WANGGANG / "2020.yml").rename(data / WANGGANG / name)
    p = only(problems(data), "data.year")
    assert p.found == name.split(".")[0]
    # The build checks too, and does not crash computing the deadline of year 10000.
    assert check_cli(data).returncode == 1


def test_an_exponent_is_no_amount(tmp_path: Path) -> None:
    from nianbao.cells import CellError, parse_cell
    with pytest.raises(CellError):
        parse_cell("1e999999 万元", "amount_with_unit")


@pytest.mark.parametrize("value", ["1611619200", "2021/01/26", "1999-12-31", "2101-01-01", "2021-02-30"])
def test_published_must_be_a_date_in_range(data: Path, value: str) -> None:
    edit(data / REPORT, "published: 2021-01-26", f"published: {value}")
    p = only(problems(data), "data.date")
    assert p.path == "published"


# ---------- entries that are not regular files ----------------------------------------------------

@pytest.mark.parametrize("name", ["2021.yml", "body.yml"])
def test_a_folder_named_like_a_data_file_is_reported(data: Path, name: str) -> None:
    if name == "body.yml":
        (data / BODY).unlink()
    (data / WANGGANG / name).mkdir()
    found = problems(data)
    p = next(p for p in found if p.rule == "data.not_regular")
    assert p.file == f"data/wanggang-zhen/{name}" and "文件夹" in p.message


@pytest.mark.parametrize("target", ["dangling", "/dev/zero", "/etc/passwd", "fifo"])
def test_links_and_special_files_are_reported_never_read(data: Path, target: str) -> None:
    entry = data / WANGGANG / "2021.yml"
    if target == "fifo":
        os.mkfifo(entry)
    else:
        entry.symlink_to(data / "nowhere.yml" if target == "dangling" else target)
    result = check_cli(data, timeout=60)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "data/wanggang-zhen/2021.yml: 错误 [data.not_regular]" in result.stdout
    assert "    应为：普通文件或文件夹\n" in result.stdout


def test_a_link_out_of_the_data_folder_is_not_walked(data: Path) -> None:
    (data / "etc").symlink_to("/etc", target_is_directory=True)
    p = only(problems(data), "data.not_regular")
    assert p.file == "data/etc" and "符号链接" in p.message


# ---------- names that become paths ---------------------------------------------------------------

@pytest.mark.parametrize(("region", "says"), [
    (".git", "不能以 . 开头"),
    ("南岗区.", "不能以 . 结尾"),
    ("CON", "Windows"),
    ("南 岗区", "空格"),
    ("[南岗区](x)", "["),
])
def test_region_names_must_be_safe_folders(data: Path, region: str, says: str) -> None:
    edit(data / BODY, "region: [黑龙江省, 哈尔滨市, 南岗区]", f'region: [黑龙江省, 哈尔滨市, "{region}"]')
    p = only(problems(data), "data.region_name")
    assert p.path == "region[2]" and says in p.message


def test_a_region_name_is_at_most_60_characters(data: Path) -> None:
    edit(data / BODY, "region: [黑龙江省, 哈尔滨市, 南岗区]", f"region: [黑龙江省, 哈尔滨市, {'区' * 100}]")
    p = only(problems(data), "data.too_long")
    assert p.path == "region[2]"


@pytest.mark.parametrize("slug", ["regions", "assets", "search", "how-to-read", "about-data", "nul", "com1"])
def test_a_body_folder_may_not_take_a_name_of_the_site(data: Path, slug: str) -> None:
    (data / WANGGANG).rename(data / slug)
    found = load_data(data, data.parent, docs_dir=REPO / "docs").findings.open
    p = only(found, "data.slug")
    assert p.found == slug


def test_region_names_that_one_disk_folder_would_merge_are_refused(data: Path) -> None:
    other = data / "gangbei-zhen"
    other.mkdir()
    text = (data / BODY).read_text(encoding="utf-8").replace("王岗镇", "岗北镇").replace("哈尔滨市", "HaErBin")
    (other / "body.yml").write_text(text, encoding="utf-8")
    edit(data / BODY, "哈尔滨市", "haerbin")
    p = only(problems(data), "data.region_clash")
    assert p.path == "region[1]"


def test_check_and_build_refuse_the_same_names_before_writing(tmp_path: Path) -> None:
    """A body folder named like a site folder fails `mkdocs build`, which then leaves site/ as it was."""
    data = copy_data(DATA, tmp_path)
    (data / WANGGANG).rename(data / "regions")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous site", encoding="utf-8")
    env = {**os.environ, "NIANBAO_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(site)], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 1
    assert "[data.slug]" in result.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert check_cli(data).returncode == 1


def test_a_terminal_escape_in_a_key_is_shown_not_obeyed(data: Path) -> None:
    edit(data / REPORT, SIGNED, SIGNED + '\n"\\e[2J\\e[31m": 1')
    result = check_cli(data)
    assert result.returncode == 1
    assert "\x1b" not in result.stdout and "\\u001b[2J" in result.stdout
