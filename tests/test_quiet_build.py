"""`make site` prints only what a maintainer needs: no Material end-of-life banner, no jieba start-up."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_make_site_prints_neither_the_banner_nor_jieba_start_up() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_MKDOCS_2_WARNING", "MAKEFLAGS")}
    proc = subprocess.run(["make", "-s", "--no-print-directory", "site"], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    said = proc.stdout + proc.stderr
    assert "Documentation built" in said  # the build really ran and its own lines are kept
    for noise in ("end of life", "NO_MKDOCS_2_WARNING", "Building prefix dict", "Loading model", "Prefix dict"):
        assert noise not in said, said
