"""Cost of long text: does rendering a page grow linearly with the length of its text?

    python bench/long_text.py [--sizes 3000,10000,30000] [--repeat 5]

One report (the 王岗镇 2020 report of data/) whose preamble and every line of its parts hold N
characters of Markdown and HTML metacharacters (``*_[]<>&#|`` and CJK), the worst case for an
escaper, and whose title and headings are as long as they may be (nianbao.text's limits). For each
N it times, in this process, what a build does per page: load and check the data, make the pages,
convert their Markdown as MkDocs does (mkdocs.yml's extensions) and put the HTML blocks in place.

Prints one line per size and a JSON line with ms per size and ``per_char_ratio``: the cost per
character of the longest text against the shortest, above the cost of the report with no long
text (the baseline, measured in the same run). Linear is about 1; superlinear grows with N.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import markdown

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nianbao import checks, loader  # noqa: E402
from nianbao.render.pages import fill  # noqa: E402
from nianbao.site import build_site  # noqa: E402
from nianbao.text import NAME_MAX, TITLE_MAX  # noqa: E402

PIECE = "*_[]<>&#|王岗镇`{}!\\"


def long(n: int) -> str:
    return (PIECE * (n // len(PIECE) + 1))[:n]


def make_data(out: Path, n: int) -> Path:
    data = out / f"data-{n}"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("_schema"))
    path = data / "wanggang-zhen" / "2020.yml"
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        key, sep, _ = line.partition(": ")
        if sep and key == "title":
            line = f'title: "{long(TITLE_MAX).replace(chr(92), chr(92) * 2)}"'
        elif sep and key.strip() == "heading":
            line = f'{key}: "{long(NAME_MAX).replace(chr(92), chr(92) * 2)}"'
        elif n and not sep and line.startswith("  ") and not line.strip().startswith(("-", "#", "[")) \
                and line.strip() and ":" not in line:
            line = line[: len(line) - len(line.lstrip())] + long(n)
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return data


def render(data: Path) -> float:
    # What `mkdocs serve` remembers between rebuilds is forgotten: every run reads and checks anew.
    loader._MEMO.clear()
    checks._CHECKED.clear()
    started = time.perf_counter()
    build = build_site(data, data.parent)
    assert not build.findings.errors, [p.render() for p in build.findings.errors]
    converter = markdown.Markdown(extensions=["toc", "attr_list", "admonition", "tables"])
    for page in build.pages:
        fill(converter.reset().convert(page.markdown), page.blocks)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="3000,10000,30000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="nianbao-long-") as tmp:
        folders = {n: make_data(Path(tmp), n) for n in [0, *sizes]}
        for folder in folders.values():  # templates compiled, files read once: time the rendering
            render(folder)
        times = {n: min(render(folder) for _ in range(args.repeat)) for n, folder in folders.items()}
    base = times[0]
    for n in sizes:
        print(f"{n:>7,} characters a paragraph: {times[n] * 1000:8.1f} ms ({(times[n] - base) * 1000:7.1f} ms above "
              f"the short report)")
    first, last = sizes[0], sizes[-1]
    ratio = ((times[last] - base) / last) / ((times[first] - base) / first)
    print(json.dumps({"baseline_ms": round(base * 1000, 1), "ms": {n: round(times[n] * 1000, 1) for n in sizes},
                      "per_char_ratio": round(ratio, 2)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
