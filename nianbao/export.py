"""The whole site as a plain docs tree, for site tools that do not run the MkDocs hook.

    OUT/
      mkdocs.yml            the project's configuration without the hook (nianbao.export_config)
      nav.yml               the whole site's navigation, every page with its title (MkDocs nav syntax)
      docs/                 docs/'s own pages and assets, the home page with its body listing,
                            and every generated page (region, body, report) with its title and
                            网页标签 as front matter and its tables inline as HTML
      overrides/            the theme overrides (hooks/overrides)
      jieba-user-dict.txt   the search's dictionary of 年报 terms

``cd OUT && mkdocs build`` (or ``zensical build``) builds the site; no nianbao code runs then.

The tree is written into a hidden folder beside OUT and swapped in only when it is complete
(nianbao.sitedir, as ``mkdocs build`` does with site/): an export that fails or is killed leaves
the previous OUT whole. Because OUT is then replaced as a whole, only a folder that is missing,
empty, or an earlier export (its mkdocs.yml starts with export_config.HEADER) is replaced.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from .catalogue import site as words
from .export_config import (
    DOCS,
    JIEBA_DICT,
    OVERRIDES,
    ExportError,
    ProjectConfig,
    dump_config,
    is_generated,
    tree_config,
)
from .opendata import OPEN_DATA_DIR
from .render.opendata_page import OPEN_DATA_PAGE
from .render.pages import Page, fill
from .settings import Settings
from .site import SiteBuild, splice_markers
from .sitedir import discard, remove_stale, staging_dir, swap_in
from .theme_bundle import JAVASCRIPTS, localize, material_bundles

__all__ = ["ExportError", "Exported", "export_tree"]

CONFIG = "mkdocs.yml"
NAV = "nav.yml"


@dataclass(frozen=True)
class Exported:
    out: Path
    pages: int  # generated pages
    files: int  # every file of the tree


def export_tree(build: SiteBuild, project: ProjectConfig, settings: Settings, out: Path) -> Exported:
    """Write the complete tree to out, all or nothing. Raises ExportError (nothing changed) or OSError."""
    _check_replaceable(out, project)
    for name, folder in (("docs_dir", project.docs_dir), ("theme.custom_dir", project.custom_dir)):
        if folder is not None and not folder.is_dir():
            raise ExportError(words.EXPORT_NO_FOLDER(name=name, folder=folder))
    remove_stale(out)
    staging = staging_dir(out)
    discard(staging)
    try:
        staging.mkdir(parents=True)
        files = _write_tree(build, project, settings, staging)
        swap_in(staging, out)
    except BaseException:  # Ctrl-C too: the previous OUT stays, the half-written one goes
        discard(staging)
        raise
    return Exported(out, len(build.pages), files)


def _write_tree(build: SiteBuild, project: ProjectConfig, settings: Settings, tree: Path) -> int:
    written = 0
    docs = tree / DOCS
    static: set[str] = set()
    for source, relative in _files(project.docs_dir):
        data = _read(source)
        if source.suffix == ".md":
            try:
                data = splice_markers(data.decode("utf-8"), build).encode("utf-8")
            except UnicodeDecodeError:
                raise ExportError(words.EXPORT_NOT_UTF8(source=source)) from None
        _write(docs / relative, data)
        static.add(relative)
        written += 1
    # The open data as files of the docs tree, as the hook writes them into the site: the pages
    # link them, and the 开放数据 page lists them with their sizes.
    sizes = build.write_open_data(docs / OPEN_DATA_DIR)
    written += len(sizes)
    for page in build.pages:
        if page.src_uri in static:
            raise ExportError(words.EXPORT_PAGE_CLASH(page=page.src_uri, docs=project.docs_dir.name))
        text = page.standalone_markdown()
        if page.src_uri == OPEN_DATA_PAGE:
            text = fill(text, build.open_data_listing(sizes))
        _write(docs / page.src_uri, text.encode("utf-8"))
        written += 1
    if project.custom_dir is not None:
        overridden = set()
        for source, relative in _files(project.custom_dir):
            _write(tree / OVERRIDES / relative, _read(source))
            overridden.add(relative)
            written += 1
        # Material's bundle without its off-site script addresses, as the hook writes it into the
        # site (nianbao.theme_bundle): the theme copies a custom_dir's file over its own.
        for bundle in material_bundles():
            relative = (JAVASCRIPTS / bundle.name).as_posix()
            if relative not in overridden:
                _write(tree / OVERRIDES / relative, localize(_read(bundle).decode("utf-8")).encode("utf-8"))
                overridden.add(relative)
                written += 1
    if project.jieba_dict is not None:
        _write(tree / JIEBA_DICT, _read(project.jieba_dict))
        written += 1
    # Folders of the pages reached from index pages; a generated page the nav lists (guide/keys.md) is in the nav.
    listed = set(nav_paths(project.config.get("nav") or []))
    folders = {page.src_uri.split("/", 1)[0] for page in build.pages
               if "/" in page.src_uri and page.src_uri not in listed}
    _write(tree / CONFIG, dump_config(tree_config(project, settings, folders)).encode("utf-8"))
    nav = yaml.safe_dump(site_nav(project, build.pages), allow_unicode=True, sort_keys=False, width=1_000_000)
    _write(tree / NAV, (words.NAV_COMMENT + nav).encode("utf-8"))
    return written + 2


def site_nav(project: ProjectConfig, pages: tuple[Page, ...]) -> list[object]:
    """The project's nav, then one section per folder of generated pages (its index page first)."""
    nav: list[object] = list(project.config.get("nav") or [])
    listed = set(nav_paths(nav))  # a generated page the project's nav names already (rules.md)
    titles = {page.src_uri: page.meta.get("title", page.src_uri) for page in pages if page.src_uri not in listed}
    tree: dict[str, object] = {}
    for uri in sorted(titles):
        node = tree
        for part in uri.split("/")[:-1]:
            child = node.setdefault(part + "/", {})
            assert isinstance(child, dict)
            node = child
        node[uri] = titles[uri]
    return nav + _sections(tree, titles, "")


def nav_paths(entries: object) -> list[str]:
    """Every page a MkDocs nav (or a part of one) names."""
    if isinstance(entries, str):
        return [entries]
    if isinstance(entries, dict):
        return [p for value in entries.values() for p in nav_paths(value)]
    if isinstance(entries, list):
        return [p for entry in entries for p in nav_paths(entry)]
    return []


def _sections(node: dict[str, object], titles: dict[str, str], prefix: str) -> list[object]:
    entries: list[object] = []
    index = prefix + "index.md"
    if index in node:
        entries.append(index)  # a section's index page (navigation.indexes)
    for key, value in node.items():
        if isinstance(value, dict):
            folder_index = prefix + key + "index.md"
            title = titles.get(folder_index, key.rstrip("/"))
            entries.append({title: _sections(value, titles, prefix + key)})
        elif key != index:
            entries.append({str(value): key})
    return entries


def _files(folder: Path) -> Iterator[tuple[Path, str]]:
    """Files under folder and their paths relative to it, as MkDocs sees them: dot entries left out."""
    for current, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith("."):
                path = Path(current) / name
                yield path, path.relative_to(folder).as_posix()


def _read(path: Path) -> bytes:
    """A file of the project the tree copies; a missing one is the project's problem, not the disk's."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ExportError(words.EXPORT_UNREADABLE(path=path, reason=exc.strerror or exc)) from None


def _write(path: Path, data: bytes) -> None:
    """A new file in the staging folder: never through a link, never over an existing file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, 0o666)
    try:
        view = memoryview(data)
        while view:  # os.write may write less than asked
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def _check_replaceable(out: Path, project: ProjectConfig) -> None:
    """Refuse an OUT whose replacement would lose something that is not an earlier export."""
    target = Path(os.path.abspath(out))
    root, docs = Path(os.path.abspath(project.root)), Path(os.path.abspath(project.docs_dir))
    # Replacing OUT would delete the project (OUT holds it); a tree inside docs/ would become pages.
    if root.is_relative_to(target) or target.is_relative_to(docs):
        raise ExportError(words.EXPORT_INTO_PROJECT(out=out, root=project.root, docs=project.docs_dir))
    if not os.path.lexists(out):
        return
    real = out.resolve() if out.is_symlink() else out
    if not real.is_dir():
        raise ExportError(words.EXPORT_NOT_FOLDER(out=out))
    for current, dirs, names in os.walk(real):
        for name in dirs + names:
            path = Path(current) / name
            if path.is_symlink():
                raise ExportError(words.EXPORT_LINK(path=path, target=os.readlink(path), out=out))
    if any(real.iterdir()) and not is_generated(real / CONFIG):
        raise ExportError(words.EXPORT_NOT_OURS(out=out, config=CONFIG))
