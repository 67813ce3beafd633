"""Session fixtures: one strict build of the site, served under /nianbao/, and one Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import CHROMIUM_ARGS, SUBPATH, build_site, chromium_path, serve


@pytest.fixture(scope="session")
def site_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Parent directory of the built site; the site itself is site_root / "nianbao"."""
    root = tmp_path_factory.mktemp("www")
    build_site(root / SUBPATH)
    return root


@pytest.fixture(scope="session")
def site_dir(site_root: Path) -> Path:
    return site_root / SUBPATH


@pytest.fixture(scope="session")
def origin(site_root: Path) -> Iterator[str]:
    with serve(site_root) as url:
        yield url


@pytest.fixture(scope="session")
def base_url(origin: str) -> str:
    return f"{origin}/{SUBPATH}/"


@pytest.fixture(scope="session")
def deployed_origin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site built as deployed, with NIANBAO_SITE_URL set to its address under /nianbao/ (its
    host is another machine's: only the path is used for links), served at its own origin."""
    root = tmp_path_factory.mktemp("deployed")
    build_site(root / SUBPATH, site_url=f"https://www.example.gov.cn/{SUBPATH}/")
    with serve(root) as url:
        yield url


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    # Imported here so the non-browser tests run without touching Playwright.
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if not Path(path).exists():
        pytest.fail(f"chromium not found at {path}; install it with: sudo apt-get install chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _language_of_the_run() -> Iterator[None]:
    """`main(["--lang", "en", …])` sets the language for the process, as a command line does: each
    test starts and ends in the default (Chinese, unless NIANBAO_LANG says otherwise)."""
    from nianbao.catalogue import set_language

    set_language(None)
    yield
    set_language(None)
