"""MkDocs adapter for nianbao: wiring only. Settings (nianbao.settings), loading, checking,
rendering, the text that stops a build and the splicing of markers live in the ``nianbao``
package, which never imports mkdocs; ``python -m nianbao pages`` builds the same site from them
as a plain docs tree (nianbao.export).

Data is checked in ``on_config``, before MkDocs touches ``site/``: when the data has errors (or
warnings under ``--strict``) the build stops with one clean message and the old site stays as it was.
``mkdocs build`` writes into a hidden folder beside ``site/`` and swaps it in only when the whole
build has succeeded (``nianbao.sitedir``): a build that fails, or is killed, leaves the old site whole.
``mkdocs serve`` (a live preview) does not stop instead: every page it serves shows the problems, and
reloads by itself once they are fixed (see on_serve for why a stopped build would hang the browser).
Environment variables (NIANBAO_DATA, NIANBAO_ONLY, …): see nianbao.settings.
"""

from __future__ import annotations

import functools
import logging
import os
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException, PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from nianbao.catalogue import site as words
from nianbao.loader import DataDirError
from nianbao.opendata import OPEN_DATA_DIR
from nianbao.opendata.background import WriteFailed, Writer
from nianbao.opendata.in_place import InPlace
from nianbao.render.opendata_page import OPEN_DATA_PAGE
from nianbao.render.pages import Page as GeneratedPage
from nianbao.render.pages import fill
from nianbao.render.preview import LIVE_RELOAD_FILE, LIVE_RELOAD_JS, FailurePage
from nianbao.render.table_html import quiet_jieba
from nianbao.search import SearchIndexError, index_site
from nianbao.settings import Settings, SettingsError
from nianbao.site import (
    SiteBuild,
    acknowledged_note,
    build_site,
    data_dir_failure,
    failure_text,
    preview_crash,
    preview_data_dir_failure,
    preview_failure,
    preview_uris,
    splice_markers,
    warning_messages,
)
from nianbao.sitedir import discard, remove_stale, staging_dir, swap_in
from nianbao.theme_bundle import localize_site

log = logging.getLogger("mkdocs.plugins.nianbao")

# On import: the tables' tokenizer starts jieba (see quiet_jieba).
quiet_jieba()


_state: dict[str, Any] = {}
# `mkdocs build` and `gh-deploy` build into a staging folder; `serve` has its own, and a --dirty
# build updates the site in place, as MkDocs does.
_staged: dict[str, Any] = {"command": None}


# `mkdocs serve`: "failure" is what the pages show while the site cannot be built (None when it
# can), "pages" the HTML files of the site being previewed, "written" the failure pages on disk.
_preview: dict[str, Any] = {"on": False, "dirty": False, "failure": None, "pages": set(), "targets": (),
                            "written": []}

# `mkdocs serve --dirty` (`make serve`) rebuilds in place, and writes only the pages that changed:
# a generated page whose object is the one written last time (nianbao.memo) is left as it is, so
# long as nothing else every page is made with changed ("surroundings"). "pages" maps each page
# of the last good rebuild (its file in the site) to its generated page (None for a page of docs/).
_kept: dict[str, Any] = {"surroundings": None, "pages": {}, "open_data": InPlace()}
# Where a rebuild in place that stops puts its pages while the failure page stands at their
# addresses: inside the site, hidden (MkDocs neither cleans nor copies an entry with a dot).
ASIDE = ".nianbao-aside"


def on_startup(command: str, dirty: bool) -> None:
    _staged.update(command=command if command in ("build", "gh-deploy") and not dirty else None)
    # `serve --clean` says "build": its first build is one of `mkdocs build`, stops included (on_serve).
    _preview.update(on=command == "serve", dirty=dirty)
    if command == "serve" and dirty:
        # MkDocs warns that a dirty build may leave navigation and links stale; this one does not
        # (on_files), and the warning would stop a `--strict` preview.
        logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_warning)


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def _stage(config: MkDocsConfig) -> None:
    if _staged["command"] is None:
        return
    site_dir = Path(config.site_dir)
    remove_stale(site_dir)
    staging = staging_dir(site_dir)
    discard(staging)
    _staged.update(site_dir=site_dir, staging=staging, succeeded=False, failed=False)
    config.site_dir = str(staging)


def on_post_build(config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    failure: FailurePage | None = _preview["failure"]
    if failure is not None:
        _write_failure(site_dir, failure, _preview["targets"])
        return
    _finish_open_data()
    # No off-site address in Material's bundle (nianbao.theme_bundle).
    localize_site(site_dir)
    # The search index from the pages as written (nianbao.search); a build without one fails. Not
    # in a preview: indexing every page again on each save would cost more than the rebuild itself.
    if not _preview["on"]:
        try:
            index_site(site_dir)
        except SearchIndexError as exc:
            raise PluginError(str(exc)) from None
    _staged["succeeded"] = True
    if _preview["on"]:
        if _preview["dirty"]:
            _keep_made(site_dir)
        # Where the failure page goes should the next rebuild fail: every page's address.
        _preview["pages"] = set(_state["made"])


def _keep_made(site_dir: Path) -> None:
    """After a good rebuild in place: remove the pages the data no longer makes (a report deleted or
    renamed; its open data is InPlace's), and remember what was made for the next rebuild."""
    made: dict[str, GeneratedPage | None] = _state["made"]
    for dest in set(_kept["pages"]) - set(made):
        (site_dir / dest).unlink(missing_ok=True)
    _kept.update(surroundings=_state["surroundings"], pages=made, env=_state["env"])


def _surroundings(files: Files, config: MkDocsConfig) -> tuple[object, ...]:
    """What every page is made with besides its own data: mkdocs.yml, the files of docs/ and of the
    theme, and the theme's overrides. When any of them changes, a rebuild in place rebuilds every page."""
    stats: list[tuple[str, int, int]] = []
    sources = [(f.src_uri, f.abs_src_path) for f in files if f.abs_src_path]
    custom = config.theme.custom_dir
    if custom:
        sources += [(str(p), str(p)) for p in sorted(Path(custom).rglob("*")) if p.is_file()]
    for name, path in sources:
        try:
            stat = os.stat(path)
        except OSError:
            continue
        stats.append((name, stat.st_mtime_ns, stat.st_size))
    config_file = config.config_file_path
    return (Path(config_file).read_bytes() if config_file else b"", tuple(stats))


def _forget_kept() -> None:
    """After a build that raised: the next rebuild in place rebuilds every page and all open data
    (what is on disk may not be what was kept). The pages of the last good rebuild stay known: those
    the data no longer makes are still removed."""
    _kept.update(surroundings=None, env=None, open_data=InPlace())


def _finish_open_data() -> None:
    """Wait for the open data, then list it on the 开放数据 page (which needs the files' sizes)."""
    writer: Writer | None = _state.pop("writer", None)
    if writer is None:
        return
    try:
        sizes = writer.wait()
    except WriteFailed as exc:
        raise PluginError(words.HOOK_OPEN_DATA_FAILED(error=exc)) from None
    page: Path | None = _state.get("listing")
    if page is not None and page.is_file():
        build: SiteBuild = _state["build"]
        page.write_text(fill(page.read_text(encoding="utf-8"), build.open_data_listing(sizes)), encoding="utf-8")


def on_build_error(error: Exception) -> None:
    # Also called when --strict aborts on warnings after on_post_build.
    _staged["failed"] = True
    _forget_kept()
    writer: Writer | None = _state.pop("writer", None)
    if writer is not None:
        writer.cancel()


def on_shutdown() -> None:
    staging = _staged.pop("staging", None)
    if staging is None:
        return
    if _staged["succeeded"] and not _staged["failed"]:
        swap_in(staging, _staged["site_dir"])
    else:
        discard(staging)


def _settings() -> Settings:
    try:
        return Settings.from_environ(os.environ)
    except SettingsError as exc:
        raise PluginError(words.HOOK_BAD_SETTINGS(error=exc)) from None


def _data_dir(config: MkDocsConfig, settings: Settings) -> tuple[Path, Path]:
    root = Path(config.config_file_path).parent
    return settings.data_dir(root), root


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    settings = _settings()
    data_dir, root = _data_dir(config, settings)
    _preview["failure"] = None
    try:
        bodies = settings.shard_bodies()
        build = build_site(data_dir, root, settings.only, bodies, Path(config.docs_dir), figures=settings.figures,
                           directory_urls=config.use_directory_urls, quality=settings.quality)
    except SettingsError as exc:
        raise PluginError(words.HOOK_FAILED(error=exc)) from None
    except DataDirError as exc:
        if not _preview["on"]:
            raise PluginError(data_dir_failure(exc)) from None
        return _show_failure(config, data_dir_failure(exc), preview_data_dir_failure(exc), data_dir)
    strict = bool(config.strict)
    failure = failure_text(build, data_dir, strict=strict, preview=_preview["on"])
    if failure:
        if not _preview["on"]:
            raise PluginError(failure)
        page = preview_failure(build, strict)
        assert page is not None  # failure_text and preview_failure read the same findings
        return _show_failure(config, failure, page, data_dir)
    _forget_failure(Path(config.site_dir))
    missing = build.missing_links()
    if missing:
        raise PluginError(words.HOOK_MISSING_LINKS(links="\n".join(f"{page} → {link}" for page, link in missing)))
    for message in warning_messages(build):
        log.warning(message)
    note = acknowledged_note(build)
    if note:
        log.info(note)
    _state["build"] = build
    _state["pages"] = {page.src_uri: page for page in build.pages}
    _stage(config)
    return config


def _show_failure(config: MkDocsConfig, text: str, page: FailurePage, data_dir: Path) -> MkDocsConfig:
    """A preview of data that stops the build: no page is built, and every address the maintainer
    may have open shows the problems instead (on_files, on_post_build)."""
    # Under --strict MkDocs counts what it logs at warning or above and aborts the build after
    # on_post_build, which would leave the server waiting again: there the text goes out as info.
    log.log(logging.INFO if config.strict else logging.ERROR, text)
    _preview["failure"] = page
    _preview["uris"] = preview_uris(data_dir)
    _state["pages"] = {}
    # No page is built: a nav naming docs/ pages would warn of each one missing.
    config.nav = None
    return config


def _write_failure(site_dir: Path, page: FailurePage, targets: Iterable[str]) -> None:
    """The failure page at every address of the site as last previewed, and of the pages docs/ and
    the data's files name; also as the 404 page, which MkDocs' server answers any other address with
    (without putting its live-reload script in: that one carries its own)."""
    html = page.html()
    # A rebuild in place puts its pages aside, to be put back once the data builds again: then only
    # what the fix changed is made again (_forget_failure). A page already aside stands for itself.
    aside = site_dir / ASIDE if _preview["dirty"] else None
    written = []
    for name in sorted({*_preview["pages"], *targets} - {"404.html"}):
        path = site_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if aside is not None and name in _kept["pages"] and path.is_file() and not (aside / name).exists():
            (aside / name).parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, aside / name)
        path.write_text(html, encoding="utf-8")
        written.append(path)
    missing = site_dir / "404.html"
    missing.write_text(page.html(reload_by_itself=True), encoding="utf-8")
    _preview["written"] = [*written, missing]
    _preview["pages"] = {*_preview["pages"], *targets}


def _forget_failure(site_dir: Path) -> None:
    # A --dirty rebuild skips a docs/ page whose HTML is newer than its source; the failure pages
    # are, so they go, and the pages put aside come back (on_files then rebuilds those that changed).
    for path in _preview["written"]:
        path.unlink(missing_ok=True)
    _preview["written"] = []
    aside = site_dir / ASIDE
    if aside.is_dir():
        for path in sorted(aside.rglob("*")):
            if path.is_file():
                target = site_dir / path.relative_to(aside)
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(path, target)
        shutil.rmtree(aside, ignore_errors=True)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if _preview["failure"] is not None:
        # Where the failure page goes: the docs/ pages' addresses and the data files' (a report
        # whose page the last good build did not have, or no good build yet).
        _preview["targets"] = (*(f.dest_uri for f in files.documentation_pages()),
                               *(File.generated(config, uri, content="").dest_uri for uri in _preview["uris"]))
        return Files([])
    in_place = _preview["on"] and _preview["dirty"]
    surroundings = _surroundings(files, config) if in_place else None
    kept: dict[str, GeneratedPage | None] = _kept["pages"] if surroundings == _kept["surroundings"] else {}
    made: dict[str, GeneratedPage | None] = {}
    for file in files.documentation_pages():
        # A page of docs/ is made with the data too (the home page's listing): always rebuilt, not
        # only when its file is newer than its HTML, as MkDocs' rebuild in place would.
        if in_place:
            file.is_modified = _modified  # type: ignore[method-assign]
        made[file.dest_uri] = None
    if _preview["on"]:
        files.append(File.generated(config, LIVE_RELOAD_FILE, content=LIVE_RELOAD_JS))
    for page in _state["pages"].values():
        # Report and body pages are reached from index pages, not the sidebar: a nav of
        # thousands of pages makes every page render all of them.
        file = File.generated(config, page.src_uri, content=page.markdown, inclusion=InclusionLevel.NOT_IN_NAV)
        if in_place and kept.get(file.dest_uri) is page and os.path.isfile(file.abs_dest_path):
            file.is_modified = _unmodified  # type: ignore[method-assign]
        files.append(file)
        made[file.dest_uri] = page
    _state.update(surroundings=surroundings, made=made)
    build: SiteBuild = _state["build"]
    for uri, text in build.files.items():
        files.append(File.generated(config, uri, content=text))
    # The open data goes straight into the site, written beside the pages on another core
    # (nianbao.opendata.background); the pages' links to it are checked in on_config.
    # A preview writes it in this process: its server runs threads, which do not survive a fork.
    listing = files.get_file_from_path(OPEN_DATA_PAGE)
    _state["listing"] = Path(listing.abs_dest_path) if listing is not None else None
    write = functools.partial(build.write_open_data, in_place=_kept["open_data"] if in_place else None)
    _state["writer"] = Writer(write, Path(config.site_dir) / OPEN_DATA_DIR, background=not _preview["on"])
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # MkDocs makes a new template environment for each build, and so compiles every template again
    # (a third of a rebuild in place): with the same surroundings the last one serves, unchanged.
    if _state.get("surroundings") is not None and _state["surroundings"] == _kept["surroundings"]:
        env = _kept.get("env") or env
    _state["env"] = env
    return env


def _modified() -> bool:
    return True


def _unmodified() -> bool:
    return False


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    generated: GeneratedPage | None = _state["pages"].get(page.file.src_uri)
    if generated is not None:
        # Metadata goes to the theme straight from the model: generated pages carry no front
        # matter, so no value can break its parse and spill into the page as Markdown.
        page.meta = dict(generated.meta)
    build: SiteBuild = _state["build"]
    return splice_markers(markdown, build)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    generated: GeneratedPage | None = _state["pages"].get(page.file.src_uri)
    return fill(html, generated.render_content()) if generated else html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # Tables and the check panel go in after the theme: search leaves them out anyway, and this
    # way neither the search plugin's parser nor the pages MkDocs keeps in memory carry them.
    generated: GeneratedPage | None = _state["pages"].get(page.file.src_uri)
    return _live_reload(fill(output, generated.render_late()) if generated else output, config)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # The page MkDocs' server answers a missing address with: it reloads too once the page is there.
    return _live_reload(output_content, config) if template_name == "404.html" else output_content


def _live_reload(html: str, config: MkDocsConfig) -> str:
    """A preview's page with the live-reload script the site's Content-Security-Policy lets run (a
    file of the site, nianbao.render.preview), from the server's root: 404.html answers at any depth."""
    if not _preview["on"]:
        return html
    src = urlsplit(config.site_url or "/").path.rstrip("/") + "/" + LIVE_RELOAD_FILE
    return html.replace("</head>", f'<script src="{src}" defer></script></head>', 1)


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    # `serve --clean` built its first build into a staging folder, as `mkdocs build` does: put it
    # where the server serves from, and let the rebuilds write there directly, as `serve` does.
    staging = _staged.pop("staging", None)
    if staging is not None:
        swap_in(staging, _staged["site_dir"])
    _staged["command"] = None
    _preview["on"] = True
    if not _preview["dirty"]:
        log.info(words.PREVIEW_NOT_IN_PLACE())
    data_dir = _data_dir(config, _settings())[0]
    if data_dir.is_dir():  # a folder that is not there yet cannot be watched
        server.watch(str(data_dir))
    server.builder = _answering(server.builder, Path(config.site_dir))
    return server


def _answering(rebuild: Callable[[], None], site_dir: Path) -> Callable[[], None]:
    """MkDocs' server holds every request until the rebuild under way has finished, and a rebuild
    that raises never finishes for it: each request would wait until a later rebuild succeeds.
    Data that stops the build does not raise here (on_config); anything else that does (a broken
    mkdocs.yml, --strict stopping on a warning, a fault) is shown on the pages the same way, and
    the server answers."""

    def answering() -> None:
        try:
            rebuild()
        except Exception as exc:
            # MkDocs' own exceptions say what to fix (a broken mkdocs.yml, --strict stopping on a
            # warning it has logged); anything else is a fault, and its traceback goes with it.
            said = isinstance(exc, MkDocsException)
            error = str(exc) if said else f"{type(exc).__name__}: {exc}"
            log.error(f"{words.PREVIEW_BUILD_CRASHED()}\n{error}", exc_info=not said)
            _preview["failure"] = None
            _write_failure(site_dir, preview_crash(error), ())

    return answering
