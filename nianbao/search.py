"""The site search's index: Pagefind over the built site, written into it as pagefind/.

Pagefind splits the index into chunks by word and the page texts into fragments, so a reader's
browser fetches only the parts a query needs, whatever the size of the site; its extended binary
(the pagefind[extended] wheel, run here without a network) segments Chinese. What a page offers to
the index is marked in the page itself (nianbao.render.indexing): the theme marks the content of
report and body pages as the part to index, and tables, the check panel and the other figures as
parts to leave out.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .catalogue import site as words

INDEX_DIR = "pagefind"
# Markdown tables (与上年比较, 历年数据, a body's list of reports) carry no attributes; a report's
# prose has no tables. The statutory tables are marked as well (data-pagefind-ignore). The ¶ after
# each heading (its link) is no part of a title.
EXCLUDE_SELECTORS = ("table", ".headerlink")


UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js")


class SearchIndexError(RuntimeError):
    pass


def command(site_dir: Path) -> list[str]:
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", INDEX_DIR, "--silent"]
    for selector in EXCLUDE_SELECTORS:
        cmd += ["--exclude-selectors", selector]
    return cmd


def index_site(site_dir: Path) -> None:
    """Write site_dir/pagefind/ from the HTML pages in site_dir; raises SearchIndexError with
    Pagefind's own output when it fails."""
    proc = subprocess.run(command(site_dir), capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        output = (proc.stdout + proc.stderr).strip()[-4000:]
        raise SearchIndexError(words.SEARCH_INDEX_FAILED(code=proc.returncode, output=output))
    # Pagefind's ready-made interfaces: the site answers its search box itself (nianbao-search.js,
    # on pagefind.js), and a file no page loads is one more to check and serve.
    for name in UNUSED:
        for path in (site_dir / INDEX_DIR).glob(name):
            path.unlink()
