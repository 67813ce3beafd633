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

    def __init__(self, rule: str, message: str, found: str, hint: str) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message
        self.found = found
        self.hint = hint


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
    if what == "folder":
        return UnsafeEntry("data.not_regular", f"这是一个文件夹，不是文件：{path.name} 应当是数据文件", "文件夹",
                           "把文件夹改名或移走；报告文件是 年度.yml（如 2021.yml），机关信息是 body.yml")
    if what == "link":
        return UnsafeEntry("data.not_regular",
                           "数据文件夹里的符号链接不被读取：它可能指向数据文件夹以外，或指向永远读不完的设备",
                           "符号链接", "把链接换成真正的文件或文件夹")
    return UnsafeEntry("data.not_regular", "这不是普通文件（而是管道、设备或套接字），不被读取", "特殊文件",
                       "删除它，或换成普通的 YAML 文件")


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
        raise UnsafeEntry("data.too_large", f"文件过大：数据文件最多 {limit:,} 字节，一份年度报告约一万字节",
                          f"超过 {limit:,} 字节", "检查文件是否为年度报告的数据；过长的正文请分段整理")
    return data
