"""`mkdocs build` on broken data: one clean message, and nothing written to the site directory.

These are separate builds of mutated copies; the single end-to-end test of the real data is
tests/test_site_build.py.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from nbdata import DATA, FIXTURE_2021, SHILI, WANGGANG, copy_data, edit, mkdocs_build, run_cli


def old_site(dest: Path) -> dict[str, str]:
    """A site directory from an earlier build: a sentinel file and an old page."""
    (dest / "old").mkdir(parents=True)
    files = {"SENTINEL": "left by the test", "index.html": "<p>old site</p>", "old/index.html": "<p>old page</p>"}
    for name, text in files.items():
        (dest / name).write_text(text, encoding="utf-8")
    return files


def contents(dest: Path) -> dict[str, str]:
    return {p.relative_to(dest).as_posix(): p.read_text(encoding="utf-8") for p in dest.rglob("*") if p.is_file()}


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    data = copy_data(DATA, tmp_path)
    edit(data / WANGGANG / "2020.yml", "review: [1, 1, 0, 0, 2]", "review: [1, 1, 0, 0, 3]")
    return data


@pytest.mark.parametrize("strict", [True, False], ids=["strict", "not-strict"])
def test_error_fails_the_build_with_a_clean_message(broken: Path, tmp_path: Path, strict: bool):
    dest = tmp_path / "site"
    before = old_site(dest)
    proc = mkdocs_build(dest, broken, strict=strict)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1
    assert "Traceback" not in output
    assert "网站没有生成，原有的网站保持原样" in output
    assert "data/wanggang-zhen/2020.yml:88: 错误 [T4.1] reviews_litigation.review.total\n" in output
    assert "    规则：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结；行：行政复议\n" in output
    assert "    应为：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 1 + 1 + 0 + 0 = 2\n" in output
    assert "    实为：总计 = 3\n" in output
    # Validation runs before MkDocs cleans site_dir: the old site is exactly as it was.
    assert contents(dest) == before


def test_strict_fails_on_a_warning_and_keeps_the_old_site(tmp_path: Path):
    data = copy_data(FIXTURE_2021, tmp_path)
    edit(data / SHILI / "2021.yml", "published: 2022-01-20", "published: 2022-02-01")
    dest = tmp_path / "site"
    before = old_site(dest)
    proc = mkdocs_build(dest, data, strict=True)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1
    assert "Traceback" not in output
    assert "data/shili-xian-shujuju/2021.yml:5: 警告 [D.1] published\n" in output
    assert "    应为：2022-01-31 前公布（区县部门）\n" in output and "    实为：2022-02-01\n" in output
    assert contents(dest) == before


def test_warning_without_strict_builds_and_logs_it(tmp_path: Path):
    data = copy_data(FIXTURE_2021, tmp_path)
    edit(data / SHILI / "2021.yml", "published: 2022-01-20", "published: 2022-02-01")
    dest = tmp_path / "site"
    proc = mkdocs_build(dest, data, strict=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "WARNING" in proc.stderr and "[D.1]" in proc.stderr
    page = BeautifulSoup((dest / SHILI / "2021" / "index.html").read_text(encoding="utf-8"), "lxml")
    (d1,) = [li for li in page.select("li.nb-check") if li.code and li.code.get_text() == "D.1"]
    assert "nb-check--warn" in d1["class"]


def test_acknowledged_finding_builds_strict_and_shows_in_the_panel(tmp_path: Path):
    data = copy_data(FIXTURE_2021, tmp_path)
    edit(data / SHILI / "2021.yml", "published: 2022-01-20", "published: 2022-02-01")
    edit(data / SHILI / "2021.yml", "reviews_litigation:",
         "acknowledged:\n  - {rule: D.1, cells: published, reason: 原文落款日期如此}\nreviews_litigation:")
    dest = tmp_path / "site"
    proc = mkdocs_build(dest, data, strict=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    page = BeautifulSoup((dest / SHILI / "2021" / "index.html").read_text(encoding="utf-8"), "lxml")
    (d1,) = [li for li in page.select("li.nb-check") if li.code and li.code.get_text() == "D.1"]
    assert "nb-check--ack" in d1["class"] and "已确认：原文落款日期如此" in d1.get_text()


def test_malformed_yaml_fails_cleanly(tmp_path: Path):
    data = copy_data(DATA, tmp_path)
    edit(data / WANGGANG / "2020.yml", "published: 2021-01-26", "published: 2024-13-01")
    edit(data / WANGGANG / "body.yml", "region: [黑龙江省, 哈尔滨市, 南岗区]", "region: [黑龙江省, 哈尔滨市")
    proc = mkdocs_build(tmp_path / "site", data)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1 and "Traceback" not in output
    assert "data/wanggang-zhen/body.yml:6: 错误 [data.yaml]\n" in output
    assert "data/wanggang-zhen/2020.yml:4: 错误 [data.date] published\n" in output


def script_tags(html: str) -> list[str]:
    soup = BeautifulSoup(html, "lxml")
    return [str(s) for s in soup.find_all("script") if "alert" in s.get_text()]


def test_script_in_text_fields_is_escaped_in_the_built_page(tmp_path: Path):
    data = copy_data(DATA, tmp_path)
    report = data / WANGGANG / "2020.yml"
    edit(report, "preamble: |\n", "preamble: |\n  <script>alert(1)</script>\n")
    edit(report, "    heading: 主动公开政府信息情况", "    heading: 主动公开<img src=x onerror=alert(3)>政府信息情况")
    edit(report, "      - heading: （一）主动公开", "      - heading: （一）主动公开<script>alert(4)</script>")
    edit(data / WANGGANG / "body.yml", "office: 行政办", "office: 行政办<script>alert(5)</script>")
    dest = tmp_path / "site"
    proc = mkdocs_build(dest, data)
    assert proc.returncode == 0, proc.stderr[-3000:]
    for path in dest.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert script_tags(html) == [], path
        assert BeautifulSoup(html, "lxml").find(attrs={"onerror": True}) is None, path
    page = (dest / WANGGANG / "2020" / "index.html").read_text(encoding="utf-8")
    assert "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>" in page
    text = BeautifulSoup(page, "lxml").get_text()
    assert "<script>alert(1)</script>" in text and "行政办<script>alert(5)</script>" in text


def test_script_in_the_title_is_escaped_in_the_built_page(tmp_path: Path):
    # The title reaches the theme as page metadata, not as front matter, and Material's header
    # (md-header__topic) prints it escaped. See tests/test_pages.py.
    data = copy_data(DATA, tmp_path)
    edit(data / WANGGANG / "2020.yml", "title: 王岗镇人民政府 2020 年度政府信息公开工作年度报告",
         "title: 王岗镇<script>alert(2)</script>报告")
    dest = tmp_path / "site"
    proc = mkdocs_build(dest, data)
    assert proc.returncode == 0, proc.stderr[-3000:]
    for path in dest.rglob("*.html"):
        assert script_tags(path.read_text(encoding="utf-8")) == [], path


# What `check` and `mkdocs build` must both fail on, with the same message: an entry of the data
# folder that is not data, and two folders describing one body. (setup, file to check, problem's
# first line, its rule line.)
REPORT_2020 = f"data/{WANGGANG}/2020.yml"
LAYOUT: dict[str, tuple[Callable[[Path], object], str, str, str]] = {
    "a-file-in-data": (
        lambda data: (data / "notes.txt").write_text("备忘", encoding="utf-8"), REPORT_2020,
        "data/notes.txt: 错误 [data.stray_file]", "数据文件夹里只能有机关文件夹：这个文件不会被读取"),
    "a-report-directly-in-data": (
        lambda data: shutil.copy(data / WANGGANG / "2020.yml", data / "2020.yml"), REPORT_2020,
        "data/2020.yml: 错误 [data.stray_file]", "数据文件夹里只能有机关文件夹"),
    "a-misnamed-report": (
        lambda data: shutil.copy(data / WANGGANG / "2020.yml", data / WANGGANG / "2023年.yml"), REPORT_2020,
        f"data/{WANGGANG}/2023年.yml: 错误 [data.stray_file]", "机关文件夹里只能有 body.yml 和报告文件 年度.yml"),
    # Checking the report of the body that is kept must still report the clash, as the build does.
    "one-name-in-two-folders": (
        lambda data: shutil.copytree(data / WANGGANG, data / "wanggang"), "data/wanggang/2020.yml",
        f"data/{WANGGANG}/body.yml:2: 错误 [data.duplicate_body] name", "两个文件夹描述的是同一个机关（name 相同）"),
}


@pytest.mark.parametrize("case", list(LAYOUT))
def test_check_and_build_fail_alike_on_the_data_folder(case: str, tmp_path: Path):
    setup, one_file, head, rule = LAYOUT[case]
    data = copy_data(DATA, tmp_path)
    setup(data)
    runs = {
        "check": run_cli("check", cwd=tmp_path),
        "check one file": run_cli("check", one_file, cwd=tmp_path),
        "mkdocs build": mkdocs_build(tmp_path / "site", data, strict=False),
    }
    for what, proc in runs.items():
        output = proc.stdout + proc.stderr
        assert proc.returncode == 1, f"{what}:\n{output}"
        assert "Traceback" not in output, what
        assert head in output and f"    规则：{rule}" in output, f"{what}:\n{output}"
    assert not (tmp_path / "site").exists()
