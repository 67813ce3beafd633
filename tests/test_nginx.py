"""The 维护指南's nginx example, tested: the site built for a sub-path (NIANBAO_SITE_URL) is served by
Debian's nginx with exactly the configuration the guide documents, and its pages, assets and search load.

The example is read from docs/guide/deploy.md (between its nginx-example markers); only the folder of
its `alias` is replaced, by the built site. It is placed in a `server` that stands in for the portal's:
Debian's mime.types, a server-wide `charset gbk` and a location by file type, which the example must
not let take its pages or assets. nginx runs unprivileged (as `nobody` when the tests run as root) on
a free port, with its pid, logs and temporary files in the test's own folder.
"""

from __future__ import annotations

import gzip
import http.client
import json
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from browser import SUBPATH, build_site
from bs4 import BeautifulSoup
from nbdata import REPO

GUIDE = REPO / "docs" / "guide" / "deploy.md"
START, END = "<!-- nginx-example:start -->", "<!-- nginx-example:end -->"
# The folder the guide copies the site to; the test puts its own build there.
DOCUMENTED_ALIAS = "alias /var/www/nianbao/;"
MIME_TYPES = Path("/etc/nginx/mime.types")  # Debian's, as its nginx.conf includes it
BODY, YEAR = "wanggang-zhen", "2020"
ONE_YEAR = 31_536_000
ONE_DAY = 86_400
# Material's own files carry their content's hash in their name (bundle.a5f9d56c.min.js).
VERSIONED = re.compile(r"\.[0-9a-f]{8}\.min\.(css|js)$")

# Around the example: the portal's configuration, as Debian's nginx.conf has it (mime.types), with
# rules of the portal's own that must not reach the sub-path's files.
PORTAL = """\
worker_processes 1;
pid @PREFIX@/nginx.pid;
error_log @PREFIX@/error.log;
events { worker_connections 64; }
http {
    include @MIME@;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path @PREFIX@/client_body;
    proxy_temp_path @PREFIX@/proxy;
    fastcgi_temp_path @PREFIX@/fastcgi;
    uwsgi_temp_path @PREFIX@/uwsgi;
    scgi_temp_path @PREFIX@/scgi;
    server {
        listen 127.0.0.1:@PORT@;
        root @PREFIX@/portal;
        charset gbk;
        location ~* \\.(css|js|json|png)$ { expires 7d; }
@EXAMPLE@
    }
}
"""


def nginx_path() -> str:
    return shutil.which("nginx") or "/usr/sbin/nginx"


def guide_example(text: str | None = None) -> str:
    """The nginx configuration the guide documents: the fenced block between its markers."""
    text = GUIDE.read_text(encoding="utf-8") if text is None else text
    assert text.count(START) == 1 and text.count(END) == 1, "the guide marks its nginx example once"
    block = text.split(START, 1)[1].split(END, 1)[0].strip()
    assert block.startswith("```nginx\n") and block.endswith("\n```"), block[:80]
    return block.removeprefix("```nginx\n").removesuffix("\n```")


def portal_config(example: str, site: Path, prefix: Path, port: int) -> str:
    assert example.count(DOCUMENTED_ALIAS) == 1, f"the example serves the site with {DOCUMENTED_ALIAS}"
    served = example.replace(DOCUMENTED_ALIAS, f"alias {site}/;")
    return (PORTAL.replace("@PREFIX@", str(prefix)).replace("@MIME@", str(MIME_TYPES))
            .replace("@PORT@", str(port)).replace("@EXAMPLE@", served))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _as_unprivileged() -> dict[str, Any]:
    """Popen's arguments that run nginx as nobody when the tests run as root (else as the user)."""
    if os.geteuid() != 0:
        return {}
    nobody = pwd.getpwnam("nobody")
    return {"user": nobody.pw_uid, "group": nobody.pw_gid, "extra_groups": []}


@dataclass(frozen=True)
class Response:
    status: int
    headers: dict[str, str]  # names in lower case
    body: bytes

    def text(self) -> str:
        data = gzip.decompress(self.body) if self.headers.get("content-encoding") == "gzip" else self.body
        return data.decode("utf-8")


Get = Callable[..., Response]


@contextmanager
def nginx(example: str, site: Path, workdir: Path, port: int) -> Iterator[Get]:
    """Debian's nginx serving site with the example, on 127.0.0.1:port; yields get(path, **headers)."""
    binary = nginx_path()
    if not Path(binary).exists():
        pytest.fail("nginx not found; install Debian's nginx: sudo apt-get install nginx (make test does, as root)")
    assert MIME_TYPES.is_file(), f"{MIME_TYPES} is missing: Debian's nginx package installs it"
    prefix = workdir / f"nginx-{port}"
    (prefix / "portal").mkdir(parents=True)
    unprivileged = _as_unprivileged()
    if unprivileged:
        os.chown(prefix, unprivileged["user"], unprivileged["group"])
    conf = prefix / "nginx.conf"
    conf.write_text(portal_config(example, site, prefix, port), encoding="utf-8")
    # -e: the error log from the start, before the configuration is read (not /var/log/nginx).
    command = [binary, "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(conf)]
    test = subprocess.run([*command, "-t"], capture_output=True, text=True, check=False, **unprivileged)
    assert test.returncode == 0, f"nginx -t refuses the guide's example:\n{test.stderr}"
    process = subprocess.Popen([*command, "-g", "daemon off;"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, **unprivileged)
    try:
        _wait_for(port, process, prefix)
        if unprivileged:  # the master too, not only its workers, as a server's www-data would be
            status = Path(f"/proc/{process.pid}/status").read_text(encoding="utf-8")
            assert re.search(rf"^Uid:\s+{unprivileged['user']}\s", status, re.M), status

        def get(path: str, **headers: str) -> Response:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            try:
                connection.request("GET", path, headers={name.replace("_", "-"): v for name, v in headers.items()})
                reply = connection.getresponse()
                return Response(reply.status, {k.lower(): v for k, v in reply.getheaders()}, reply.read())
            finally:
                connection.close()

        yield get
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr is not None:
            process.stderr.close()


def _wait_for(port: int, process: subprocess.Popen[bytes], prefix: Path) -> None:
    """Until nginx accepts connections; it failing to start fails the test with its error log."""
    deadline = time.monotonic() + 60  # a guard against a hang, not a measure of speed
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log = (prefix / "error.log").read_text(encoding="utf-8", errors="replace") \
                if (prefix / "error.log").exists() else ""
            stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
            pytest.fail(f"nginx exited ({process.returncode}):\n{stderr}\n{log}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    pytest.fail("nginx did not start listening")


@dataclass(frozen=True)
class Deployed:
    site: Path
    workdir: Path
    port: int
    base: str  # the site's address, as NIANBAO_SITE_URL gives it
    get: Get


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    # Not pytest's tmp_path: its folders are private to the user running the tests, and nginx's
    # worker (nobody, when the tests run as root) reads the site, as www-data does on a server.
    folder = Path(tempfile.mkdtemp(prefix="nianbao-nginx-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def deployed(workdir: Path) -> Iterator[Deployed]:
    port = free_port()
    base = f"http://127.0.0.1:{port}/{SUBPATH}/"
    site = workdir / "www" / SUBPATH
    build_site(site, site_url=base)
    with nginx(guide_example(), site, workdir, port) as get:
        yield Deployed(site, workdir, port, base, get)


def local_references(html: str, page_url: str) -> list[str]:
    """The path of every <link href> and <script src> of a page that stays on its host."""
    soup = BeautifulSoup(html, "lxml")
    refs = [str(tag["href"]) for tag in soup.find_all("link", href=True)]
    refs += [str(tag["src"]) for tag in soup.find_all("script", src=True)]
    page = urlsplit(page_url)
    found = []
    for ref in refs:
        url = urlsplit(urljoin(page_url, ref))
        if url.netloc == page.netloc:
            found.append(url.path)
    return found


def report_references(deployed: Deployed) -> list[str]:
    """The local <link>/<script> paths of the report page, resolved against the page's own address."""
    path = f"/{SUBPATH}/{BODY}/{YEAR}/"
    return local_references(deployed.get(path).text(), urljoin(deployed.base, path))


def max_age(response: Response) -> int:
    match = re.search(r"max-age=(\d+)", response.headers.get("cache-control", ""))
    return int(match.group(1)) if match else 0


# ---------- the example itself ----------


def test_the_example_is_read_from_the_guide_and_only_its_folder_is_replaced(tmp_path: Path) -> None:
    example = guide_example()
    config = portal_config(example, tmp_path / "site", tmp_path, 8080)
    assert example.replace(DOCUMENTED_ALIAS, f"alias {tmp_path / 'site'}/;") in config
    assert "location ^~ /nianbao/" in example and "gzip_types" in example
    # The test reads the guide, not a copy: a guide without its markers, or with another block, fails.
    with pytest.raises(AssertionError):
        guide_example(GUIDE.read_text(encoding="utf-8").replace(START, ""))


# ---------- the deployed site, over plain HTTP ----------


def test_home_page_loads_under_the_sub_path(deployed: Deployed) -> None:
    home = deployed.get(f"/{SUBPATH}/")
    assert home.status == 200
    # The portal's charset gbk does not reach the site: its pages are UTF-8.
    assert home.headers["content-type"] == "text/html; charset=utf-8"
    assert "no-cache" in home.headers.get("cache-control", "")
    assert f'href="{BODY}/"' in home.text()


def test_report_page_and_every_asset_it_references_load(deployed: Deployed) -> None:
    url = f"/{SUBPATH}/{BODY}/{YEAR}/"
    page = deployed.get(url)
    assert page.status == 200
    html = page.text()
    assert 'id="table-applications"' in html and "王岗镇" in html
    references = local_references(html, urljoin(deployed.base, url))
    assets = [ref for ref in references if ref.startswith(f"/{SUBPATH}/assets/")]
    assert any(ref.endswith(".css") for ref in assets) and any(ref.endswith(".js") for ref in assets), references
    failed = {}
    for ref in references:
        response = deployed.get(ref, Accept_Encoding="gzip")
        if response.status != 200:
            failed[ref] = response.status
    assert failed == {}


def test_assets_carry_the_cache_header_and_pages_do_not(deployed: Deployed) -> None:
    assets = [ref for ref in report_references(deployed) if ref.startswith(f"/{SUBPATH}/assets/")]
    versioned = [ref for ref in assets if VERSIONED.search(ref)]
    assert versioned and len(versioned) < len(assets), assets  # Material's bundle and nianbao's own files
    for ref in assets:
        response = deployed.get(ref)
        assert "public" in response.headers.get("cache-control", ""), ref
        assert max_age(response) == (ONE_YEAR if ref in versioned else ONE_DAY), (ref, response.headers)
    # The portal's own `location ~* \.(css|js)$` did not take them: they came from the site, not its root.
    assert "expires" not in {k.lower() for k in deployed.get(assets[0]).headers}


def test_css_and_javascript_are_gzip_encoded(deployed: Deployed) -> None:
    references = [ref for ref in report_references(deployed) if ref.endswith((".css", ".js"))]
    assert references
    for ref in references:
        response = deployed.get(ref, Accept_Encoding="gzip")
        assert response.status == 200, ref
        assert response.headers.get("content-encoding") == "gzip", (ref, response.headers)


def test_search_index_loads_gzip_encoded(deployed: Deployed) -> None:
    """Pagefind's script and its index's entry go out compressed; the index's chunks are gzip
    files already, and go out as they are."""
    path = f"/{SUBPATH}/pagefind/pagefind.js"
    response = deployed.get(path, Accept_Encoding="gzip")
    assert response.status == 200
    assert response.headers["content-type"].startswith("application/javascript")
    assert response.headers.get("content-encoding") == "gzip"
    assert "Accept-Encoding" in response.headers.get("vary", "")
    assert "no-cache" in response.headers.get("cache-control", "")
    # A client that does not ask for gzip gets the same script, uncompressed.
    plain = deployed.get(path)
    assert plain.status == 200 and "content-encoding" not in plain.headers
    assert gzip.decompress(response.body) == plain.body
    entry = deployed.get(f"/{SUBPATH}/pagefind/pagefind-entry.json", Accept_Encoding="gzip")
    assert entry.headers["content-type"].startswith("application/json")
    assert "zh" in json.loads(gzip.decompress(entry.body))["languages"]
    years = json.loads(deployed.get(f"/{SUBPATH}/pagefind/search.json").body)["years"]
    assert int(YEAR) in years
    chunks = list((deployed.site / "pagefind" / YEAR / "fragment").glob("*.pf_fragment"))
    assert chunks
    chunk = deployed.get(f"/{SUBPATH}/pagefind/{YEAR}/fragment/{chunks[0].name}", Accept_Encoding="gzip")
    assert chunk.status == 200 and chunk.body == chunks[0].read_bytes()


def test_the_guide_and_its_generated_keys_page_are_served(deployed: Deployed) -> None:
    keys = deployed.get(f"/{SUBPATH}/guide/keys/")
    assert keys.status == 200
    assert "applications.results.withheld.state_secret" in keys.text()
    assert deployed.get(f"/{SUBPATH}/guide/deploy/").status == 200


def test_missing_address_shows_the_sites_not_found_page(deployed: Deployed) -> None:
    missing = deployed.get(f"/{SUBPATH}/no/such/page/")
    assert missing.status == 404
    html = missing.text()
    assert "页面不存在" in html
    # Styled wherever it is shown: NIANBAO_SITE_URL gave its addresses the sub-path.
    stylesheets = [ref for ref in local_references(html, deployed.base + "no/such/page/") if ref.endswith(".css")]
    assert stylesheets and all(deployed.get(ref).status == 200 for ref in stylesheets)


def test_a_folder_address_without_its_slash_redirects_within_the_site(deployed: Deployed) -> None:
    response = deployed.get(f"/{SUBPATH}/{BODY}/{YEAR}")
    assert response.status == 301
    assert response.headers["location"] == f"/{SUBPATH}/{BODY}/{YEAR}/"  # absolute_redirect off


def test_sitemap_gives_the_deployed_addresses(deployed: Deployed) -> None:
    sitemap = deployed.get(f"/{SUBPATH}/sitemap.xml")
    assert sitemap.status == 200
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap.text())
    assert f"{deployed.base}{BODY}/{YEAR}/" in locations
    assert all(loc.startswith(deployed.base) for loc in locations)
    assert all(deployed.get(urlsplit(loc).path).status == 200 for loc in locations)


def test_the_checks_fail_without_the_examples_gzip_types(deployed: Deployed) -> None:
    """nginx's own default compresses text/html only: without the example's gzip_types line, the
    search's script goes out uncompressed, and the check above would say so."""
    example = guide_example()
    without = "\n".join(line for line in example.splitlines() if "gzip_types" not in line)
    assert without != example
    with nginx(without, deployed.site, deployed.workdir, free_port()) as get:
        response = get(f"/{SUBPATH}/pagefind/pagefind.js", Accept_Encoding="gzip")
        assert response.status == 200
        assert "content-encoding" not in response.headers
        assert get(f"/{SUBPATH}/", Accept_Encoding="gzip").headers.get("content-encoding") == "gzip"


# ---------- the deployed site, in Chromium ----------


def test_search_finds_reports_through_nginx(chromium: Any, deployed: Deployed) -> None:
    from playwright.sync_api import expect

    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    try:
        page = context.new_page()
        response = page.goto(f"{deployed.base}{BODY}/{YEAR}/", wait_until="networkidle")
        assert response is not None and response.status == 200
        box = page.locator("input.md-search__input")
        box.click()
        box.fill("行政复议")
        results = page.locator(".md-search-result__item")
        expect(results.first).to_be_visible(timeout=30_000)
        hrefs = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
        assert hrefs and all(h.startswith(deployed.base) for h in hrefs), hrefs
    finally:
        context.close()
