"""Read the data folder safely: only regular files and folders, never through a link, never unbounded.

A symbolic link could lead the build out of ``data/`` (to ``/etc``) or to a device that never
ends (``/dev/zero``); a FIFO blocks a reader forever. Such entries are reported, not read. A file
is opened without following a link and checked to be a regular file before a byte is read, so an
entry swapped for something else between the listing and the read is caught too.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from typing import Literal

from .catalogue import Rule, messages
from .catalogue import rules as R
from .text import FILE_MAX_BYTES

Kind = Literal["file", "folder", "link", "other", "missing"]

# The names of the data files, written once: data/<body>/body.yml, and one data/<body>/<year>.yml
# per report (.yaml is read too). The year is four ASCII digits: \d would take ２０２０ or ٢٠٢٠.
BODY_FILE = "body.yml"
REPORT_FILE = re.compile(r"([0-9]{4})\.ya?ml")


def report_file_name(year: int) -> str:
    """The name a report of ``year`` is written under: 2020.yml."""
    return f"{year}.yml"


def report_year(name: str) -> int | None:
    """The year a report file's name gives (2020.yml → 2020), or None when it is no report's name."""
    match = REPORT_FILE.fullmatch(name)
    return int(match[1]) if match else None


def report_files(folder: Path) -> list[Path]:
    """A body folder's report files, by name, as the loader reads them (no link, no folder)."""
    if kind(folder) != "folder":
        return []
    return [p for p in sorted(folder.iterdir()) if report_year(p.name) is not None and kind(p) == "file"]


class UnsafeEntry(Exception):
    """An entry of the data folder that is not read; the message says what to do (in Chinese)."""

    def __init__(self, rule: Rule, **params: object) -> None:
        self.rule = rule
        self.params = params
        super().__init__(rule.wording.message(**params))


def kind(path: Path) -> Kind:
    """What the entry is, without following a link."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return "missing"
    if stat.S_ISLNK(mode):
        return "link"
    if stat.S_ISDIR(mode):
        return "folder"
    return "file" if stat.S_ISREG(mode) else "other"


def refusal(path: Path, what: Kind) -> UnsafeEntry:
    """Why an entry that is neither a regular file nor a folder is not read."""
    what_, found, hint = {"folder": messages.REFUSED_FOLDER, "link": messages.REFUSED_LINK}.get(
        what, messages.REFUSED_OTHER)
    return UnsafeEntry(R.NOT_REGULAR, what=what_(name=path.name), found=found(), hint=hint())


def read_bytes(path: Path, limit: int = FILE_MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; anything else raises UnsafeEntry."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise refusal(path, "link") from None
        raise
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise refusal(path, "folder" if stat.S_ISDIR(info.st_mode) else "other")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise UnsafeEntry(R.TOO_LARGE, limit=f"{limit:,}", size=messages.OVER(limit=f"{limit:,}"))
    return data
