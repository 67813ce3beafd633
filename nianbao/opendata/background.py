"""Writing the open data beside the page build, on another core.

The open data of a large site is hundreds of megabytes of CSV and JSON, made from the loaded data
alone: none of it waits for a page. Where the system can fork (Linux, macOS), a child process with
a copy of the loaded data writes it while the parent renders the pages; elsewhere (Windows), and
where asked, it is written in this process when waited for. Either way ``wait`` gives every file's
size, or raises with what went wrong; nothing is written outside ``out``.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

Sizes = dict[str, int]


class WriteFailed(Exception):
    """The open data could not be written; the message is the child's error and traceback."""


class Writer:
    """Runs ``write(out)`` (returning the files' sizes) in a forked child, or later in this process."""

    def __init__(self, write: Callable[[Path], Sizes], out: Path, background: bool = True) -> None:
        self._write, self._out = write, out
        self._process: Any = None
        self._receive: Connection | None = None
        if background and "fork" in multiprocessing.get_all_start_methods():
            receive, send = multiprocessing.get_context("fork").Pipe(duplex=False)
            self._process = multiprocessing.get_context("fork").Process(target=self._child, args=(send,),
                                                                        daemon=True)
            self._process.start()
            send.close()
            self._receive = receive

    def _child(self, send: Connection) -> None:
        try:
            send.send(("ok", self._write(self._out)))
        except BaseException:  # everything, so that the parent is told rather than left waiting
            send.send(("error", traceback.format_exc()))
        finally:
            send.close()

    def wait(self) -> Sizes:
        if self._process is None:
            try:
                return self._write(self._out)
            except Exception as exc:
                raise WriteFailed(traceback.format_exc()) from exc
        assert self._receive is not None
        try:
            kind, value = self._receive.recv()
        except EOFError:  # the child died without a word (killed, out of memory)
            kind, value = "died", None
        finally:
            self._receive.close()
            self._process.join()
        if kind == "died":
            raise WriteFailed(f"exit code {self._process.exitcode}")
        if kind != "ok":
            raise WriteFailed(value)
        return dict(value)
