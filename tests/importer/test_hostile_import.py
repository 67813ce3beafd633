"""The importer on hostile input: every source is read or refused with a message, never a traceback,
within its limits of size, depth, rows, cells, digits and time, and what it writes always loads.

Each page is the 寅镇 fixture (a clean 2021 report) with one hostile thing put in. The big inputs
are made here, in tmp_path; those are imported in a child process whose peak memory is measured.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from nianbao.importer import document
from nianbao.importer.cli import main
from nianbao.text import FORBIDDEN
from nianbao.yamlsource import parse_yaml

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "import" / "mixed" / "yinzhen-2021.html"
TITLE = "寅镇人民政府2021年度政府信息公开工作年度报告"
GB = 1024 ** 3
# Runs `python -m nianbao import ARGS` as its only child and prints the child's peak RSS (KB on
# Linux), so that no other child of the test run is counted.
MEASURE = """
import resource, subprocess, sys
proc = subprocess.run([sys.executable, "-m", "nianbao", "import", *sys.argv[1:]], capture_output=True, text=True,
                      timeout=120)
sys.stdout.write(proc.stdout)
sys.stdout.write(proc.stderr)
print("PEAK_RSS_KB", resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(proc.returncode)
"""


def page(head: str = "", article: str = "", before_end: str = "") -> str:
    """The 寅镇 report as text, without its charset; ``head`` goes into <head>, ``article`` around the
    article's content (``{}`` marks where), ``before_end`` after the closing date."""
    text = FIXTURE.read_bytes().decode("gb18030")
    text = text.replace("<meta http-equiv='Content-Type' content='text/html; charset=gbk'>", head)
    if article:
        start = text.index("<div class='article'>") + len("<div class='article'>")
        end = text.index("<div class='footer'>") - len("</div>\n")
        text = text[:start] + article.replace("{}", text[start:end]) + text[end:]
    if before_end:
        text = text.replace("<p style='text-align:right'>2022年1月20日</p>",
                            "<p style='text-align:right'>2022年1月20日</p>" + before_end)
    return text


def run(path: Path, data: Path) -> tuple[int, str]:
    out = io.StringIO()
    code = main([str(path), "--body", "yin-zhen", "--data", str(data)], out=out)
    return code, out.getvalue()


def run_measured(path: Path, data: Path) -> tuple[int, str, int]:
    """Exit code, output and peak RSS in bytes of the import in a child process."""
    proc = subprocess.run([sys.executable, "-c", MEASURE, str(path), "--body", "yin-zhen", "--data", str(data)],
                          cwd=ROOT, capture_output=True, text=True, timeout=150, check=False)
    match = re.search(r"PEAK_RSS_KB (\d+)", proc.stdout)
    assert match, proc.stdout + proc.stderr
    return proc.returncode, proc.stdout, int(match[1]) * 1024


def report(data: Path) -> dict:
    value = parse_yaml((data / "yin-zhen" / "2021.yml").read_text(encoding="utf-8")).value
    assert isinstance(value, dict)
    return value


def write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "page.html") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


# --- charsets -------------------------------------------------------------------------------------


@pytest.mark.parametrize("label", ["undefined", "rot13", "base64", "hex", "zlib", "uu", "utf-7"])
def test_a_codec_that_is_no_page_encoding_is_named_and_guessed(tmp_path: Path, label: str) -> None:
    path = write(tmp_path, page(head=f'<meta charset="{label}">'))
    code, out = run(path, tmp_path / "data")
    assert code == 0, out
    assert report(tmp_path / "data")["title"] == TITLE
    assert f"「{label}」不是网页可用的文字编码" in out


def test_utf16_label_on_utf8_bytes_reads_utf8(tmp_path: Path) -> None:
    text = page(head='<meta charset="utf-16">')
    if len(text.encode("utf-8")) % 2:
        text += " "  # an even length decodes as UTF-16 without an error: the trap
    code, out = run(write(tmp_path, text), tmp_path / "data")
    assert code == 0, out
    assert report(tmp_path / "data")["title"] == TITLE


@pytest.mark.parametrize("label", ["iso-8859-1", "windows-1252", "latin1"])
def test_latin1_label_on_utf8_bytes_reads_utf8(tmp_path: Path, label: str) -> None:
    path = write(tmp_path, page(head=f'<meta http-equiv="Content-Type" content="text/html; charset={label}">'))
    code, out = run(path, tmp_path / "data")
    assert code == 0, out
    assert report(tmp_path / "data")["title"] == TITLE
    assert f"网页声明的编码为 {label}，但内容是有效的 UTF-8，已按 UTF-8 读取" in out


def test_latin1_label_on_gbk_bytes_reads_gb18030(tmp_path: Path) -> None:
    path = write(tmp_path, page(head='<meta charset="iso-8859-1">'), encoding="gb18030")
    code, out = run(path, tmp_path / "data")
    assert code == 0, out
    assert report(tmp_path / "data")["title"] == TITLE
    assert "已按 GB18030 读取" in out


# --- nesting --------------------------------------------------------------------------------------


def test_1500_nested_spans_in_a_cell_are_unwrapped(tmp_path: Path) -> None:
    text = page().replace("<td>规章</td>", "<td>" + "<span>" * 1500 + "规章" + "</span>" * 1500 + "</td>")
    code, out = run(write(tmp_path, text), tmp_path / "data")
    assert code == 0, out
    assert report(tmp_path / "data")["active_disclosure"]["regulations"] == ["0", "0", "2"]
    assert "网页嵌套 1506 层，超过上限 200 层：去掉了 1499 个只起包裹作用的空元素" in out


def test_a_report_nested_400_deep_reads_whole(tmp_path: Path) -> None:
    code, out = run(write(tmp_path, page(article="<div>" * 400 + "{}" + "</div>" * 400)), tmp_path / "data")
    assert code == 0, out
    data = report(tmp_path / "data")
    assert data["title"] == TITLE
    assert data["applications"]["new"] == ["5", "2", "0", "1", "0", "0", "8"]
    assert "超过上限 200 层" in out


def test_100k_nested_divs(tmp_path: Path) -> None:
    path = write(tmp_path, page(before_end="<div>" * 100_000 + "深处的文字" + "</div>" * 100_000))
    code, out, rss = run_measured(path, tmp_path / "data")
    assert code == 0, out
    assert "网页嵌套 100" in out and "去掉了 99999 个只起包裹作用的空元素" in out
    assert "深处的文字" in out  # kept, under unplaced: it comes after the closing date
    assert rss < GB


def test_10000_nested_tables(tmp_path: Path) -> None:
    nested = "<table><tr><td>" * 10_000 + "深处的表格" + "</td></tr></table>" * 10_000
    code, out, rss = run_measured(write(tmp_path, page(before_end=nested)), tmp_path / "data")
    assert code == 0, out
    assert report(tmp_path / "data")["title"] == TITLE
    assert "网页嵌套 30003 层，超过上限 200 层" in out
    assert "只保留了文字（其中的表格不再按表格读取）" in out
    assert "表格行：深处的表格" in report(tmp_path / "data")["unplaced"]
    assert rss < GB


# --- tables ---------------------------------------------------------------------------------------


def test_300k_extra_rows_are_cut_at_the_limit(tmp_path: Path) -> None:
    rows = "<tr><td>多余的行</td><td>1</td></tr>" * 300_000
    text = page().replace("<td>行政强制</td><td colspan=\"3\">0</td></tr>",
                          "<td>行政强制</td><td colspan=\"3\">0</td></tr>" + rows)
    code, out, rss = run_measured(write(tmp_path, text), tmp_path / "data")
    assert code == 1, out  # partly imported: rows were left out
    assert "表格行数超过上限 2000 行（实为 300014 行）：只读取前 2000 行" in out
    assert report(tmp_path / "data")["active_disclosure"]["enforcement"] == "0"
    assert rss < GB


def test_a_million_row_table(tmp_path: Path) -> None:
    table = "<table>" + "<tr><td>1" * 1_000_000 + "</table>"
    code, out, rss = run_measured(write(tmp_path, page(before_end=table)), tmp_path / "data")
    assert code == 1, out
    assert "表格行数超过上限 2000 行（实为 1000000 行）：只读取前 2000 行" in out
    assert rss < GB


def test_60_by_60_cells_spanning_1000(tmp_path: Path) -> None:
    cell = '<td rowspan="1000" colspan="1000">1</td>'
    table = "<table>" + ("<tr>" + cell * 60 + "</tr>") * 60 + "</table>"
    code, out, rss = run_measured(write(tmp_path, page(before_end=table)), tmp_path / "data")
    assert code == 0, out
    assert "3600 个单元格的 rowspan/colspan 超过上限 100（最大为 1000）" in out
    assert "超过上限 50000 格：不展开合并单元格" in out
    assert rss < GB


def test_a_100_mb_page_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    with path.open("wb") as f:
        f.write(page().encode("utf-8"))
        chunk = ("<p>" + "填充" * 500 + "</p>\n").encode("utf-8")
        for _ in range(100_000_000 // len(chunk) + 1):
            f.write(chunk)
    code, out, rss = run_measured(path, tmp_path / "data")
    assert code == 1, out
    assert f"文件过大：{path.stat().st_size} 字节，超过上限 20000000 字节，没有读取" in out
    assert not (tmp_path / "data").exists()
    assert rss < GB


def test_too_many_tables_refuse_the_page(tmp_path: Path) -> None:
    code, out = run(write(tmp_path, page(before_end="<table><tr><td>x</td></tr></table>" * 600)), tmp_path / "data")
    assert code == 1, out
    assert "网页有 603 个表格，超过上限 500 个，没有读取" in out


def test_a_page_of_a_million_elements_is_refused(tmp_path: Path) -> None:
    code, out = run(write(tmp_path, "<html><body>" + "<p>x" * 1_100_000), tmp_path / "data")
    assert code == 1, out
    assert "网页的元素超过上限 1000000 个，没有读取" in out


def test_a_page_in_a_million_text_pieces_is_refused(tmp_path: Path) -> None:
    # libxml2 hands each NUL (or character reference) over on its own; BeautifulSoup keeps them all.
    code, out = run(write(tmp_path, "\x00" * 1_100_000), tmp_path / "data")
    assert code == 1, out
    assert "网页的文字碎成超过 1000000 段" in out


def test_a_text_of_too_many_lines_is_refused(tmp_path: Path) -> None:
    code, out = run(write(tmp_path, "一行\n" * 60_000, name="report.txt"), tmp_path / "data")
    assert code == 1, out
    assert "文本超过 50000 段，没有读取" in out


def test_text_that_nfkc_makes_18_times_longer(tmp_path: Path) -> None:
    path = write(tmp_path, "\ufdfa" * 6_000_000, name="report.txt")  # one character, 18 once folded
    code, out, rss = run_measured(path, tmp_path / "data")
    assert code == 1, out
    assert "这不是年度报告" in out
    assert rss < GB


# --- numbers and time -----------------------------------------------------------------------------


def test_a_5000_digit_integer_is_kept_as_text(tmp_path: Path) -> None:
    digits = "7" * 5000
    text = page().replace("<td>规章</td><td>0</td>", f"<td>规章</td><td>{digits}</td>")
    code, out = run(write(tmp_path, text), tmp_path / "data")
    assert code == 0, out
    data = report(tmp_path / "data")
    assert data["active_disclosure"]["regulations"] == [None, "0", "2"]
    assert f"active_disclosure.regulations.made: {digits}" in data["unplaced"]
    assert "有超过 15 位的数字，不是统计数字" in out


def test_a_5000_digit_integer_in_text_is_kept_as_text(tmp_path: Path) -> None:
    digits = "7" * 5000
    seed = ROOT / "tests" / "fixtures" / "import" / "mixed" / "chouzhen-2021.txt"
    text = seed.read_text(encoding="utf-8").replace("规章\t0\t0\t2", f"规章\t{digits}\t0\t2")
    path = write(tmp_path, text, name="report.txt")
    out = io.StringIO()
    code = main([str(path), "--body", "chou-zhen", "--data", str(tmp_path / "data")], out=out)
    assert code == 0, out.getvalue()
    data = parse_yaml((tmp_path / "data" / "chou-zhen" / "2021.yml").read_text(encoding="utf-8")).value
    assert data["active_disclosure"]["regulations"] == [None, "0", "2"]
    assert f"active_disclosure.regulations.made: {digits}" in data["unplaced"]


def test_the_time_budget_stops_a_source_with_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(document, "TIME_BUDGET", 0.0)
    code, out = run(write(tmp_path, page()), tmp_path / "data")
    assert code == 1, out
    assert "读取超过时限 0 秒，已停止，什么也没有写入" in out
    assert not (tmp_path / "data").exists()


# --- characters data files refuse, and field lengths ----------------------------------------------

HOSTILE = "\x7f\x9b\ufffe\u202e"  # DEL, a C1 control (CSI), a noncharacter, a right-to-left override


def assert_loads(data: Path) -> None:
    """Every character data files refuse is gone from what was written, raw or escaped."""
    for path in (data / "yin-zhen").iterdir():
        text = path.read_text(encoding="utf-8")
        assert not FORBIDDEN.search(text), (path, FORBIDDEN.search(text))
        assert not re.search(r"\\[xuU][0-9a-fA-F]|\\[0abtvfreN_LP]", text), path


def test_markup_and_invisible_characters_in_the_title(tmp_path: Path) -> None:
    hostile = "&#127;&lt;img src=x onerror=alert(1)&gt;" + HOSTILE
    code, out = run(write(tmp_path, page().replace(f"<h1>{TITLE}</h1>", f"<h1>{TITLE}{hostile}</h1>")),
                    tmp_path / "data")
    assert code == 0, out
    assert report(tmp_path / "data")["title"] == TITLE + "<img src=x onerror=alert(1)>"
    assert_loads(tmp_path / "data")
    notes = [line for line in out.splitlines() if "原文有数据文件不允许的字符" in line]
    assert len(notes) == 1, out
    for name in ("U+007F（删除符 DEL）", "U+009B（控制符）", "U+FFFE（非字符）", "U+202E（双向文字控制符）"):
        assert name in notes[0]


def test_invisible_characters_in_the_prose(tmp_path: Path) -> None:
    sentence = "公开内容还不够全面，下一步加强培训。"
    text = page().replace(sentence, f"公开内容{HOSTILE}还不够全面，\x85下一步加强培训。")
    code, out = run(write(tmp_path, text), tmp_path / "data")
    assert code == 0, out
    assert report(tmp_path / "data")["parts"]["五"]["text"] == "公开内容还不够全面， 下一步加强培训。\n"
    assert_loads(tmp_path / "data")
    assert "U+0085（下一行符 NEL）" in out and "空白类的换成了空格" in out


def test_a_line_break_in_the_title_is_folded(tmp_path: Path) -> None:
    broken = TITLE.replace("2021", "&#x2028;2021")
    code, out = run(write(tmp_path, page().replace(f"<h1>{TITLE}</h1>", f"<h1>{broken}</h1>")), tmp_path / "data")
    assert code == 0, out
    assert report(tmp_path / "data")["title"] == TITLE.replace("2021", " 2021")
    assert "U+2028（行分隔符）" in out


def test_a_line_break_in_a_text_title_is_folded(tmp_path: Path) -> None:
    seed = ROOT / "tests" / "fixtures" / "import" / "mixed" / "chouzhen-2021.txt"
    lines = seed.read_text(encoding="utf-8").split("\n")
    lines[0] = lines[0].replace("2021", "\u2029\x0b2021")
    path = write(tmp_path, "\n".join(lines), name="report.txt")
    out = io.StringIO()
    code = main([str(path), "--body", "chou-zhen", "--data", str(tmp_path / "data")], out=out)
    assert code == 0, out.getvalue()
    written = (tmp_path / "data" / "chou-zhen" / "2021.yml").read_text(encoding="utf-8")
    title = parse_yaml(written).value["title"]
    assert "\n" not in title and "\u2029" not in title and "\x0b" not in title
    assert "2021" in title


def test_a_title_too_long_is_cut_and_kept_whole_under_unplaced(tmp_path: Path) -> None:
    long_title = TITLE + "（" + "续" * 400 + "）"
    code, out = run(write(tmp_path, page().replace(f"<h1>{TITLE}</h1>", f"<h1>{long_title}</h1>")),
                    tmp_path / "data")
    assert code == 0, out
    data = report(tmp_path / "data")
    assert data["title"] == long_title[:300]
    assert f"title 全文：{long_title}" in data["unplaced"]
    assert "title 超过 300 字（实为 426 字）：只写入前 300 字" in out


def test_a_paragraph_past_the_text_limit_goes_on_under_unplaced(tmp_path: Path) -> None:
    sentence = "公开内容还不够全面，下一步加强培训。"
    long = "长" * 120_000
    code, out = run(write(tmp_path, page().replace(sentence, sentence + "<br>" + long)), tmp_path / "data")
    assert code == 0, out
    data = report(tmp_path / "data")
    assert data["parts"]["五"]["text"] == sentence + "\n"
    rest = [u for u in data["unplaced"] if u.startswith("parts.五.text 超出 100000 字的部分：")]
    assert "".join(rest).count("长") + "".join(data["unplaced"][len(rest):]).count("长") == 120_000
    assert "parts.五.text 超过 100000 字（实为 120020 字）" in out


def test_contact_details_too_long_are_left_out_of_a_new_body(tmp_path: Path) -> None:
    long_address = "示例路" + "八" * 300 + "号"
    text = page().replace("地址：示例路8号", f"地址：{long_address}").replace("0000-5550100", "0000-" + "5" * 300)
    code, out = run(write(tmp_path, text), tmp_path / "data")
    assert code == 0, out
    body = parse_yaml((tmp_path / "data" / "yin-zhen" / "body.yml").read_text(encoding="utf-8")).value
    assert "address" not in body["contact"] and "phone" not in body["contact"]
    assert body["contact"]["postcode"] == "999999"
    assert "contact.address 超过 200 字（「示例路八八八" in out and "contact.phone 超过 200 字" in out
