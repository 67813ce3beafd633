"""What a reader's first search costs on a large site: the bytes of the search files fetched.

    python bench/search_size.py [N] [--query 行政复议] [--data DIR] [--site DIR] [--limit-kb 300]

Generates N valid reports (bench/generate.py, default 1,000) unless --data is given, builds the
site (``mkdocs build --strict``, the search index included) unless --site names a built one, serves
it under /nianbao/, opens a report page in Debian's Chromium, types the query into the search box
and waits for the results. It then prints the bytes the search fetched (every file under
pagefind/, as sent: the HTTP server here does not compress, and Pagefind's index and fragments
are gzip files already), and the time from typing to the first result. Exit status 1 when the
bytes exceed --limit-kb (the target: 300 KB at 10,000 reports).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))
sys.path.insert(0, str(HERE.parent))

from browser import CHROMIUM_ARGS, SUBPATH, build_site, chromium_path, serve  # type: ignore[import-not-found]  # noqa: E402
from generate import generate  # noqa: E402


def first_report(site: Path) -> str:
    """A report page of the site, as a path under it (e.g. some-body/2021/)."""
    for page in sorted(site.glob("*/20[0-9][0-9]/index.html")):
        return page.parent.relative_to(site).as_posix() + "/"
    raise SystemExit(f"no report page in {site}")


def measure(site_root: Path, query: str, browser: Any = None) -> tuple[int, float, int, list[tuple[str, int]]]:
    """(bytes of pagefind/ files, seconds from typing to the first result, result count, files),
    in browser (a Playwright Chromium) or in one started for this."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            started = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            try:
                return measure(site_root, query, started)
            finally:
                started.close()
    site = site_root / SUBPATH
    with serve(site_root) as origin:
        context = browser.new_context()
        try:
            page = context.new_page()
            fetched: list[tuple[str, int]] = []

            def finished(request: Any) -> None:
                if "/pagefind/" in request.url:
                    fetched.append((request.url.split("/pagefind/", 1)[1], request.sizes()["responseBodySize"]))

            page.on("requestfinished", finished)
            page.goto(f"{origin}/{SUBPATH}/{first_report(site)}", wait_until="networkidle")
            box = page.locator("input.md-search__input")
            box.click()
            start = time.perf_counter()
            box.fill(query)
            page.locator(".md-search-result__item").first.wait_for(timeout=60_000)
            seconds = time.perf_counter() - start
            count = page.locator(".md-search-result__item").count()
            page.wait_for_load_state("networkidle")
            return sum(size for _, size in fetched), seconds, count, fetched
        finally:
            context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("reports", type=int, nargs="?", default=1000)
    parser.add_argument("--query", default="行政复议")
    parser.add_argument("--data", type=Path, help="a data folder to build instead of generated reports")
    parser.add_argument("--site", type=Path, help="a site already built (its folder), to measure only")
    parser.add_argument("--limit-kb", type=float, default=300.0)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="nianbao-search-size-"))
    try:
        root = work / "www"
        if args.site is not None:
            root.mkdir()
            (root / SUBPATH).symlink_to(args.site.resolve(), target_is_directory=True)
        else:
            data = args.data
            if data is None:
                data = work / "data"
                generate(data, args.reports)
            start = time.perf_counter()
            build_site(root / SUBPATH, data=data)
            print(f"built {args.reports if args.data is None else data} in {time.perf_counter() - start:.1f} s")
        site = root / SUBPATH
        index = site / "pagefind"
        total = sum(p.stat().st_size for p in index.rglob("*") if p.is_file())
        pages = len(list(index.glob("**/fragment/*.pf_fragment")))
        size, seconds, count, fetched = measure(root, args.query)
        for name, length in sorted(fetched, key=lambda f: -f[1]):
            print(f"  {length / 1024:8.1f} KB  {name}")
        print(f"pages indexed: {pages} in {len(list(index.glob('**/pagefind-entry.json')))} indexes; "
              f"index on disk: {total / 1024 / 1024:.1f} MB")
        print(f"first search for {args.query}: {size / 1024:.1f} KB in {len(fetched)} files; "
              f"{count} results shown {seconds:.2f} s after typing")
        return 0 if size <= args.limit_kb * 1024 else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
