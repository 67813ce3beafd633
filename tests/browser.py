"""Build, serve and browse the site for tests (a helper module, not a test module).

The site is served from a parent directory so it lives at /nianbao/: any root-absolute link or
asset would then 404, which proves links are relative (the site must work under a portal sub-path).
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "tests" / "artifacts"
SUBPATH = "nianbao"

# The Debian chromium, never a Playwright-downloaded build. Flags keep it from phoning home, so
# the request log shows only what the page itself asks for.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

LOCAL_SCHEMES = ("data:", "blob:", "about:")


def chromium_path() -> str:
    return os.environ.get("NIANBAO_CHROMIUM") or "/usr/bin/chromium"


def build_site(dest: Path, site_url: str = "", data: Path | None = None, env: dict[str, str] | None = None) -> None:
    """`mkdocs build --strict` of the repo into dest, with the default (empty) identity and the given
    site_url; from data (a data folder) instead of the repo's data/ when given; env adds settings."""
    mkdocs = Path(sys.executable).with_name("mkdocs")
    cmd = [str(mkdocs)] if mkdocs.exists() else [sys.executable, "-m", "mkdocs"]
    env = {**os.environ, "NIANBAO_SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    if data is not None:
        env["NIANBAO_DATA"] = str(data.resolve())
    # cwd = repo root, as the Makefile runs mkdocs.
    proc = subprocess.run(
        [*cmd, "build", "--strict", "-f", "mkdocs.yml", "-d", str(dest)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"mkdocs build --strict failed ({proc.returncode}):\n{proc.stderr[-4000:]}")


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves the site's 404.html, with status 404, for any missing path (as nginx does with
    ``error_page 404 /nianbao/404.html``)."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / SUBPATH / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve root on 127.0.0.1 (free port) in a thread; yields the origin, e.g. http://127.0.0.1:4711."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def is_local(url: str, origin: str) -> bool:
    if url.startswith(LOCAL_SCHEMES):
        return True
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" == origin


class RequestLog:
    """Every request a browser context makes; non-local ones are aborted so a test never waits on them."""

    def __init__(self, context: Any, origin: str) -> None:
        self.origin = origin
        self.urls: list[str] = []
        context.on("request", lambda request: self.urls.append(request.url))
        context.route("**/*", self._route)

    def _route(self, route: Any) -> None:
        if is_local(route.request.url, self.origin):
            route.continue_()
        else:
            route.abort()

    def external(self) -> list[str]:
        return [url for url in self.urls if not is_local(url, self.origin)]
