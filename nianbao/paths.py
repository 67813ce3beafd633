"""Names that become paths of the site: body folders (slugs) and region names.

A body's folder is its web address (``wanggang-zhen/``) and each level of a region is a folder
under ``regions/``. Every name must be a folder MkDocs keeps, on every disk the site may be copied
to, that no other page writes: no dot folder (MkDocs drops them), no Windows device name, at most
255 bytes, none of the site's own folders, and no two names that a case-insensitive disk (Windows,
macOS) or Unicode normalisation would make one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from .catalogue import messages
from .text import REGION_MAX

SLUG = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?")
# Folders at the top of every site: region pages, the theme's files, search (Material's, and the
# Pagefind index), the 404 page, and the generated 核对规则 page (rules/).
SITE_FOLDERS = frozenset({"regions", "assets", "search", "pagefind", "404", "rules"})
# Device names Windows refuses as a file or folder name, whatever the extension.
_WINDOWS_DEVICES = re.compile(r"(?i)(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?")
# Path separators, characters Windows refuses, and those with a meaning in a URL or a Markdown link.
_REGION_REFUSED = re.compile(r"[/\\:*?\"<>|#%\[\]()\s]")
_MAX_BYTES = 255


def docs_names(docs_dir: Path | None) -> frozenset[str]:
    """Top-level names the site's own pages take: docs/how-to-read.md is the folder how-to-read/."""
    if docs_dir is None or not docs_dir.is_dir():
        return frozenset()
    return frozenset(p.stem if p.suffix == ".md" else p.name for p in docs_dir.iterdir())


def slug_problem(slug: str, reserved: Iterable[str] = ()) -> str:
    """Why a body folder's name cannot be its web address, or ''."""
    if not SLUG.fullmatch(slug):
        return messages.SLUG_CHARS()
    if slug in SITE_FOLDERS or slug in set(reserved):
        return messages.SLUG_RESERVED(slug=slug)
    if _WINDOWS_DEVICES.fullmatch(slug):
        return messages.SLUG_DEVICE(slug=slug)
    return ""


def region_name_problem(name: str) -> str:
    """Why a region name cannot be a folder of the site's region pages, or ''."""
    if name.startswith("."):
        return messages.REGION_DOT_START()
    if name.endswith("."):
        return messages.REGION_DOT_END()
    bad = _REGION_REFUSED.search(name)
    if bad:
        shown = messages.FULLWIDTH_NAMES[messages.FULLWIDTH_SPACE]() if bad[0].isspace() else bad[0]
        return messages.REGION_CHARS(shown=shown)
    if _WINDOWS_DEVICES.fullmatch(name):
        return messages.REGION_DEVICE(name=name)
    if len(name) > REGION_MAX or len(name.encode("utf-8")) > _MAX_BYTES:
        return messages.REGION_TOO_LONG(limit=REGION_MAX)
    return ""


def folder_key(name: str) -> str:
    """Two names with the same key are one folder on a case-insensitive or normalising disk."""
    return unicodedata.normalize("NFC", name).casefold()


def region_clashes(regions: Mapping[str, Sequence[str]]) -> list[tuple[str, int, str, str]]:
    """(slug, level, name, other name) for each region name that another body spells differently
    but that would be the same folder: 南岗区 and 南岗区 in another Unicode form, or Aa and aa."""
    seen: dict[tuple[tuple[str, ...], str], str] = {}
    clashes = []
    for slug in sorted(regions):
        parents: list[str] = []
        for level, name in enumerate(regions[slug]):
            key = (tuple(folder_key(p) for p in parents), folder_key(name))
            first = seen.setdefault(key, name)
            if first != name:
                clashes.append((slug, level, name, first))
            parents.append(name)
    return clashes
