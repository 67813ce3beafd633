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

from .text import REGION_MAX

SLUG = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?")
# Folders at the top of every site: region pages, the theme's files, search, the 404 page.
SITE_FOLDERS = frozenset({"regions", "assets", "search", "404"})
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
        return "机关文件夹名就是它的网址，只能用小写字母 a-z、数字和 -，开头结尾不能是 -，最长 64 个字符"
    if slug in SITE_FOLDERS or slug in set(reserved):
        return f"{slug} 是网站自己的文件夹或页面，机关的文件夹不能用这个名字"
    if _WINDOWS_DEVICES.fullmatch(slug):
        return f"{slug} 是 Windows 的设备名，这样的文件夹在 Windows 上无法创建"
    return ""


def region_name_problem(name: str) -> str:
    """Why a region name cannot be a folder of the site's region pages, or ''."""
    if name.startswith("."):
        return "地区名不能以 . 开头（以 . 开头的文件夹不会发布）"
    if name.endswith("."):
        return "地区名不能以 . 结尾（Windows 会去掉它，网址随之改变）"
    bad = _REGION_REFUSED.search(name)
    if bad:
        shown = "空格" if bad[0].isspace() else bad[0]
        return f"地区名不能含有 {shown}：地区名是网址的一部分。不能用的字符：/ \\ : * ? \" < > | # % [ ] ( ) 和空格"
    if _WINDOWS_DEVICES.fullmatch(name):
        return f"{name} 是 Windows 的设备名，不能作地区名"
    if len(name) > REGION_MAX or len(name.encode("utf-8")) > _MAX_BYTES:
        return f"地区名太长：最多 {REGION_MAX} 个字符"
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
