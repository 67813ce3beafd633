"""The bench's hook for the floor and the tuned baseline: nianbao's hook's post-build step alone.

After the pages are written, nianbao's hook (hooks/nianbao_hook.py, on_post_build) rewrites the
theme bundle's off-site addresses and writes the Pagefind index (nianbao.search.index_site). The
floor and the tuned baseline run the same two steps over their own pages, so that their time
includes the same search as nianbao's and a ratio compares the rendering of the pages, not the
configuration. Nothing else of nianbao's hook runs: no data is loaded and no page is made.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nianbao.search import index_site
from nianbao.theme_bundle import localize_site


def on_post_build(config: Any) -> None:
    site_dir = Path(config["site_dir"])
    localize_site(site_dir)
    index_site(site_dir)
