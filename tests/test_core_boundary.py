"""The core never imports mkdocs: only hooks/ does, so the core can outlive MkDocs (design notes)."""

from __future__ import annotations

import subprocess
import sys

from nbdata import REPO

PROBE = """
import sys
import nianbao.site, nianbao.checks, nianbao.render.pages, nianbao.loader, nianbao.schema, nianbao.__main__
from pathlib import Path
nianbao.site.build_site(Path("data"), Path("."))
leaked = sorted(m for m in sys.modules if m == "mkdocs" or m.startswith("mkdocs.") or m.startswith("material"))
print(",".join(leaked))
"""


def test_importing_and_running_the_core_leaves_mkdocs_out():
    proc = subprocess.run([sys.executable, "-c", PROBE], cwd=REPO, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""


LAYERS = """
import sys
import nianbao.site, nianbao.shards, nianbao.schema, nianbao.__main__
print(",".join(sorted(m for m in sys.modules if m.startswith("nianbao.importer"))))
"""


def test_the_core_does_not_import_the_importer():
    # The importer builds on the core (loader, model, writer, pinyin), never the other way round:
    # the site and the shards must not depend on the HTML and text readers.
    proc = subprocess.run([sys.executable, "-c", LAYERS], cwd=REPO, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""
