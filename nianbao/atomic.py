"""Write a file so that it is always either the old file or the whole new one, never through a link.

A file written in place and cut short (a full disk, Ctrl-C, a crash) is neither the old report nor
the new one, and the one unreadable file then stops every site build. So the text goes to a
temporary file beside the target, is flushed to the disk, and only then renamed over the target:
a rename within one folder is atomic, and it replaces a link at the target's name instead of
following it.

A symbolic link at the target, or on the way to it, is refused outright: a data folder holds real
files, and a link (a dangling one most of all) would have a write land outside the folder the user
named.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path

from .catalogue import site as words

# The temporary file's name starts with '.', so a loader or site build that meets it (left by a
# power cut, say) skips it as it skips every dot file.
_TEMP_PREFIX = "."
_TEMP_SUFFIX = ".tmp"


class WriteRefused(Exception):
    """The target cannot be written safely (a link, outside the folder, not a file); nothing was written."""


def write_text_atomic(path: Path, text: str, *, within: Path, replace: bool = True) -> None:
    """Write text (UTF-8) to path, a file inside the folder within, in one step.

    Missing folders between within and path are made. Raises WriteRefused for a link, a target
    outside within or one that is not a regular file; OSError when the disk refuses (the old file,
    if any, is then untouched and no temporary file is left). With replace=False an existing file
    is never replaced, even one that appears while the text is written: FileExistsError.
    """
    # Encoded before touching the disk: text that cannot be encoded leaves nothing behind.
    write_bytes_atomic(path, text.encode("utf-8"), within=within, replace=replace)


def write_bytes_atomic(path: Path, data: bytes, *, within: Path, replace: bool = True) -> None:
    """write_text_atomic for a file that is not text (a workbook)."""
    folder = _safe_folder(path, within)
    mode = _target_mode(path)
    fd, temp = _create_temp(folder, path.name)
    try:
        try:
            view = memoryview(data)
            while view:  # os.write may write less than asked
                view = view[os.write(fd, view):]
            if mode is not None and hasattr(os, "fchmod"):
                os.fchmod(fd, mode)
            os.fsync(fd)
        finally:
            os.close(fd)
        if replace:
            os.replace(temp, path)
        else:
            _place_new(temp, path)
    except BaseException:  # Ctrl-C too: the old file stays whole and no temporary file is left
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _sync_folder(folder)


def _safe_folder(path: Path, within: Path) -> Path:
    """path's folder, made if missing, after checking that nothing from within to path is a link."""
    root = Path(os.path.abspath(within))
    target = Path(os.path.abspath(path))
    try:
        relative = target.relative_to(root)
    except ValueError:
        raise WriteRefused(words.WRITE_OUTSIDE(path=path, within=within)) from None
    if not relative.parts:
        raise WriteRefused(words.WRITE_IS_FOLDER(path=path, within=within))
    if not os.path.lexists(root):
        root.mkdir(parents=True)
    folder = root
    for part in relative.parts[:-1]:
        folder = folder / part
        if folder.is_symlink():
            raise WriteRefused(words.WRITE_FOLDER_LINK(folder=folder, target=os.readlink(folder), path=path))
        if not folder.exists():
            with contextlib.suppress(FileExistsError):
                folder.mkdir()
        if folder.is_symlink() or not folder.is_dir():
            raise WriteRefused(words.WRITE_NOT_FOLDER(folder=folder, path=path))
    if target.is_symlink():
        raise WriteRefused(words.WRITE_LINK(path=path, target=os.readlink(target)))
    if os.path.lexists(target) and not target.is_file():
        raise WriteRefused(words.WRITE_NOT_FILE(path=path))
    if not folder.resolve().is_relative_to(root.resolve()):
        raise WriteRefused(words.WRITE_ESCAPES(path=path, within=within))
    return folder


def _target_mode(path: Path) -> int | None:
    """The existing file's permissions, kept across the rename; None for a new file (the umask's)."""
    try:
        return stat.S_IMODE(os.lstat(path).st_mode)
    except FileNotFoundError:
        return None


def _create_temp(folder: Path, name: str) -> tuple[int, Path]:
    # Not tempfile.mkstemp: its files are private (0600), and a report must stay readable as a
    # file written the ordinary way is (0666 less the umask), by the site build and by others.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    while True:
        temp = folder / f"{_TEMP_PREFIX}{name}.{secrets.token_hex(4)}{_TEMP_SUFFIX}"
        try:
            return os.open(temp, flags, 0o666), temp
        except FileExistsError:
            continue


def _place_new(temp: Path, path: Path) -> None:
    """Give the written file its name only if the name is free: a hard link fails on an existing
    name, where a rename would replace it. Where the disk has no hard links (FAT), the name is
    checked just before the rename instead."""
    try:
        os.link(temp, path, follow_symlinks=False)
    except FileExistsError:
        raise
    except OSError:
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path)) from None
        os.rename(temp, path)  # Windows' rename refuses an existing name too
        return
    os.unlink(temp)


def _sync_folder(folder: Path) -> None:
    """Flush the rename itself to the disk, where the system lets a folder be opened (not Windows)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
