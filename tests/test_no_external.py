"""Nothing in the built site may load from, or link to, another host.

Google Fonts and unpkg hang page loads in mainland China; a government sub-site must also not
send readers elsewhere unasked. The only external links a site can have are ones its maintainers
wrote down: the two 备案 lookup sites when the footer identity fields are filled in, and a body's
own website and a report's original page (``website``, ``source_url``) as plain links. The real
data and mkdocs.yml set none of them, so the default build must contain no external URL at all.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from nbdata import REPO

# Shown only when extra.identity.icp / police_record are set (hooks/overrides/partials/copyright.html).
BEIAN_HOSTS = ("beian.miit.gov.cn", "beian.mps.gov.cn")
BANNED_HOSTS = ("fonts.googleapis.com", "fonts.gstatic.com", "unpkg.com")
# XML namespace names are identifiers, not fetched: inline SVG carries xmlns="http://www.w3.org/2000/svg".
NAMESPACES = ("http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink", "http://www.w3.org/1999/xhtml")
# The 维护指南's placeholder for the portal an example deploys under, shown as text in its examples
# (NIANBAO_SITE_URL=…). Text only: a link or a fetch to it is still caught by external_refs.
EXAMPLE_ADDRESS = "https://www.example.gov.cn/"

EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)  # http://, https://, //host
ANY_URL = re.compile(r"https?://[^\s\"'<>()]+", re.I)
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.I | re.S)
FETCHING_ATTRS = ("src", "data", "poster", "action", "formaction", "background", "xlink:href")


def css_urls(css: str) -> list[str]:
    return [m.group(2) or m.group(4) or "" for m in CSS_URL.finditer(css)]


def srcset_urls(value: str) -> list[str]:
    return [part.split()[0] for part in value.split(",") if part.strip()]


def external_refs(html: str) -> list[str]:
    """Every URL in html that the browser would fetch or follow to another host."""
    soup = BeautifulSoup(html, "lxml")
    found: list[str] = []
    for tag in soup.find_all(True):
        urls = [str(tag[attr]) for attr in FETCHING_ATTRS if tag.has_attr(attr)]
        if tag.has_attr("srcset"):
            urls += srcset_urls(str(tag["srcset"]))
        if tag.has_attr("href"):  # <link>, <a>, <area>, <base>, svg <use>/<image>
            urls.append(str(tag["href"]))
        if tag.has_attr("style"):
            urls += css_urls(str(tag["style"]))
        if tag.name == "style":
            urls += css_urls(tag.get_text())
        found += [f"<{tag.name}> {url}" for url in urls if EXTERNAL.match(url)]
    return found


# Script text: comments (licence headers) are not requests; what is left is code and strings.
JS_COMMENT = re.compile(r"/\*.*?\*/|(?:^|(?<=\s))//[^\n]*", re.S | re.M)
# http(s)://… anywhere; //host/… (protocol-relative) only as the start of a string.
JS_URL = re.compile(r"""https?://[^\s"'`<>()\\]+|(?<=["'`])//(?:[a-z0-9-]+\.)+[a-z]{2,}[^\s"'`<>()\\]*""", re.I)
# Off-site addresses in Material's scripts that no page of this site requests, and why. Anything
# else found in a script fails the test. (unpkg.com is not here: nianbao.theme_bundle rewrites it.)
NOT_REQUESTED = {
    # Repository facts (stars, forks) in the header, fetched only when repo_url is set: see
    # test_no_repository_facts.
    "https://api.github.com/repos/": "repo_url",
    "https://api.github.com/users/": "repo_url",
    "https://${e}/api/v4/projects/": "repo_url",
    # The search worker's console warning about a malformed query: text, never fetched.
    "https://bit.ly/2s3ChXG": "console message",
    # Pagefind's result addresses are parsed against a placeholder origin, then cut back to paths.
    "https://example.com${": "URL parsing",
    # wordcut.js (lunr's Thai segmenter) bundles Node's glob: its error messages, never run here.
    "https://github.com/isaacs/node-glob/issues/": "error message",
}


def script_urls(js: str) -> list[str]:
    """Off-site addresses in a script's code and strings, comments left out."""
    return JS_URL.findall(JS_COMMENT.sub("", js))


def requestable_script_urls(js: str) -> list[str]:
    return [u for u in script_urls(js) if not u.startswith(tuple(NOT_REQUESTED))]


def site_files(site_dir: Path, suffix: str) -> list[Path]:
    files = sorted(site_dir.rglob(f"*{suffix}"))
    assert files, f"no {suffix} files in {site_dir}"
    return files


def test_html_has_no_external_reference(site_dir: Path) -> None:
    problems = []
    for path in site_files(site_dir, ".html"):
        html = path.read_text(encoding="utf-8")
        problems += [f"{path.relative_to(site_dir)}: {ref}" for ref in external_refs(html)]
        text_urls = [u for u in ANY_URL.findall(html) if not u.startswith((*NAMESPACES, EXAMPLE_ADDRESS))]
        problems += [f"{path.relative_to(site_dir)}: text {u}" for u in text_urls]
    assert problems == []


def test_css_loads_nothing_external(site_dir: Path) -> None:
    problems = []
    for path in site_files(site_dir, ".css"):
        css = path.read_text(encoding="utf-8")
        problems += [f"{path.relative_to(site_dir)}: {u}" for u in css_urls(css) if EXTERNAL.match(u)]
    assert problems == []


def test_scripts_request_nothing_external(site_dir: Path) -> None:
    """Material's bundle (its search worker and lunr languages too, shipped though unused), Pagefind's
    scripts and the site's own."""
    problems = []
    for path in site_files(site_dir, ".js"):
        js = path.read_text(encoding="utf-8")
        problems += [f"{path.relative_to(site_dir)}: {u}" for u in requestable_script_urls(js)]
    assert problems == []


def test_material_bundle_is_rewritten_to_local_addresses(site_dir: Path) -> None:
    (bundle,) = (site_dir / "assets" / "javascripts").glob("bundle.*.min.js")
    js = bundle.read_text(encoding="utf-8")
    assert "unpkg.com" not in js
    assert 'new URL("assets/javascripts/nianbao-resize-observer.js",__md_scope).href' in js
    assert (site_dir / "assets" / "javascripts" / "nianbao-resize-observer.js").is_file()


def test_no_repository_facts(site_dir: Path) -> None:
    """The GitHub/GitLab addresses of NOT_REQUESTED are fetched only for a repository link."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    assert not config.get("repo_url")
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    assert 'data-md-component="source"' not in html


@pytest.mark.parametrize("suffix", [".html", ".css", ".js"])
def test_no_cdn_or_google_fonts_anywhere(site_dir: Path, suffix: str) -> None:
    hits = [
        f"{path.relative_to(site_dir)}: {host}"
        for path in site_files(site_dir, suffix)
        for host in BANNED_HOSTS
        if host in path.read_text(encoding="utf-8")
    ]
    assert hits == []


def test_footer_shows_no_identity_by_default(site_dir: Path) -> None:
    """Identity fields are empty in mkdocs.yml: nothing invented, no 备案 link rendered."""
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "lxml")
    footer = soup.select_one(".md-copyright")
    assert footer is not None
    assert footer.select("a") == [], "footer links must appear only when identity fields are set"
    assert not any(host in html for host in BEIAN_HOSTS)
    assert "Made with" not in footer.get_text()


def test_detector_catches_external_refs() -> None:
    """The scanner itself must flag each kind of reference it claims to cover."""
    html = """
      <link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">
      <script src="//unpkg.com/mermaid"></script>
      <img srcset="a.png 1x, https://cdn.example.com/b.png 2x">
      <div style="background: url('http://example.com/x.png')"></div>
      <style>@import "https://example.com/y.css";</style>
      <a href="https://example.com/">x</a>
      <a href="../local/">ok</a><img src="data:image/png;base64,AAAA">
    """
    assert len(external_refs(html)) == 6


def test_script_scanner_catches_addresses_in_code_not_comments() -> None:
    js = """/*! Licence: see https://example.com/licence */
    // https://example.com/also-a-comment
    var a=_t("https://unpkg.com/resize-observer-polyfill"),b=`https://cdn.example.com/${x}.js`;
    fetch("//cdn.example.net/y.json");console.warn("see https://bit.ly/2s3ChXG")"""
    assert requestable_script_urls(js) == [
        "https://unpkg.com/resize-observer-polyfill", "https://cdn.example.com/${x}.js", "//cdn.example.net/y.json"]
