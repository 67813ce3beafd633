"""Put a newly built site in place in one step, so that a build killed at any moment leaves the
previous site whole.

The site is built into a hidden folder beside it (``.site.building-<pid>``). Only after the
build has succeeded are the two folders exchanged: atomically with Linux's renameat2
(RENAME_EXCHANGE), so that ``site/`` is at every instant either the old site or the new one;
elsewhere with two renames, a gap of microseconds without a ``site/``. The old site is removed
afterwards; a build killed before that leaves a hidden folder that the next build removes.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def staging_dir(site_dir: Path) -> Path:
    """Where this process builds the site: hidden, beside it, on the same disk."""
    return site_dir.parent / f".{site_dir.name}.building-{os.getpid()}"


def remove_stale(site_dir: Path) -> None:
    """Remove what builds that were killed left beside the site (not a build still running)."""
    if not site_dir.parent.is_dir():
        return
    for path in site_dir.parent.glob(f".{site_dir.name}.building-*"):
        pid = path.name.rsplit("-", 1)[-1]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)


def swap_in(staging: Path, site_dir: Path) -> None:
    """Make staging the site and remove the previous one."""
    if site_dir.is_symlink():  # a site published through a link: swap the folder it points to
        site_dir = site_dir.resolve()
    if not site_dir.exists():
        staging.rename(site_dir)
        return
    if not _exchange(staging, site_dir):
        old = site_dir.parent / f".{site_dir.name}.old-{os.getpid()}"
        site_dir.rename(old)
        staging.rename(site_dir)
        staging = old
    shutil.rmtree(staging, ignore_errors=True)  # now the previous site


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically; False where the system cannot (not Linux, old kernel, some disks)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _alive(pid: int) -> bool:
    if os.name == "nt":  # os.kill(pid, 0) would end the process there; keep the folder
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
