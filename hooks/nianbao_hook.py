"""MkDocs adapter for nianbao: wiring only. Settings (nianbao.settings), loading, checking,
rendering, the text that stops a build and the splicing of markers live in the ``nianbao``
package, which never imports mkdocs; ``python -m nianbao pages`` builds the same site from them
as a plain docs tree (nianbao.export).

Data is checked in ``on_config``, before MkDocs touches ``site/``: when the data has errors (or
warnings under ``--strict``) the build stops with one clean message and the old site stays as it was.
``mkdocs build`` writes into a hidden folder beside ``site/`` and swaps it in only when the whole
build has succeeded (``nianbao.sitedir``): a build that fails, or is killed, leaves the old site whole.
Environment variables (NIANBAO_DATA, NIANBAO_ONLY, …): see nianbao.settings.
"""

from __future__ import annotations

import functools
import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from nianbao.catalogue import site as words
from nianbao.loader import DataDirError
from nianbao.opendata import OPEN_DATA_DIR
from nianbao.render.pages import Page as GeneratedPage
from nianbao.render.pages import fill
from nianbao.render.table_html import quiet_jieba
from nianbao.settings import Settings, SettingsError
from nianbao.site import (
    SiteBuild,
    acknowledged_note,
    build_site,
    data_dir_failure,
    failure_text,
    splice_markers,
    warning_messages,
)
from nianbao.sitedir import discard, remove_stale, staging_dir, swap_in
from nianbao.theme_bundle import localize_site

log = logging.getLogger("mkdocs.plugins.nianbao")

# On import, before any plugin's on_config: Material's search starts jieba there (see quiet_jieba).
quiet_jieba()


def _memoize_segmentation() -> None:
    """Material's search segments every run of Chinese text with jieba.cut, page by page; that is
    the largest cost of a build. Report prose repeats across bodies and years (and all of it across
    `mkdocs serve` rebuilds), so remember each run's words. Same words, same index."""
    try:
        import jieba
    except ImportError:  # search then skips segmentation, and so do we
        return
    if hasattr(jieba.cut, "cache_info"):  # hooks are loaded again on every serve rebuild
        return

    @functools.lru_cache(maxsize=200_000)
    def cut(sentence: str | bytes, cut_all: bool = False, HMM: bool = True, use_paddle: bool = False) -> Any:
        return tuple(original(sentence, cut_all, HMM, use_paddle))

    original = jieba.cut
    jieba.cut = cut


_memoize_segmentation()

_state: dict[str, Any] = {}
# `mkdocs build` and `gh-deploy` build into a staging folder; `serve` has its own, and a --dirty
# build updates the site in place, as MkDocs does.
_staged: dict[str, Any] = {"command": None}


def on_startup(command: str, dirty: bool) -> None:
    _staged.update(command=command if command in ("build", "gh-deploy") and not dirty else None)


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
    # No off-site address in Material's bundle (nianbao.theme_bundle).
    localize_site(Path(config.site_dir))
    _staged["succeeded"] = True


def on_build_error(error: Exception) -> None:
    # Also called when --strict aborts on warnings after on_post_build.
    _staged["failed"] = True


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
    try:
        bodies = settings.shard_bodies()
        build = build_site(data_dir, root, settings.only, bodies, Path(config.docs_dir))
    except SettingsError as exc:
        raise PluginError(words.HOOK_FAILED(error=exc)) from None
    except DataDirError as exc:
        raise PluginError(data_dir_failure(exc)) from None
    failure = failure_text(build, data_dir, strict=bool(config.strict))
    if failure:
        raise PluginError(failure)
    for message in warning_messages(build):
        log.warning(message)
    note = acknowledged_note(build)
    if note:
        log.info(note)
    _state["build"] = build
    _state["pages"] = {page.src_uri: page for page in build.pages}
    _stage(config)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for page in _state["pages"].values():
        # Report and body pages are reached from index pages, not the sidebar: a nav of
        # thousands of pages makes every page render all of them.
        files.append(File.generated(config, page.src_uri, content=page.markdown,
                                    inclusion=InclusionLevel.NOT_IN_NAV))
    build: SiteBuild = _state["build"]
    # The open data as files of the site, so the pages' download links are checked like any link.
    for path, text in build.open_data.items():
        files.append(File.generated(config, f"{OPEN_DATA_DIR}/{path}", content=text))
    return files


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
    return fill(output, generated.render_late()) if generated else output


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    server.watch(str(_data_dir(config, _settings())[0]))
    return server
