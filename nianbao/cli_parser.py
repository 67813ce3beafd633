"""argparse that speaks the catalogue's language: usage, help and usage errors in Chinese.

argparse words its own messages in English; the few a maintainer meets are re-said here, and
any other is shown after a Chinese lead, never alone.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

from .catalogue import messages

_ARGPARSE = (
    (re.compile(r"the following arguments are required: (.*)"), messages.CLI_REQUIRED),
    (re.compile(r"unrecognized arguments: (.*)"), messages.CLI_UNRECOGNIZED),
    (re.compile(r"argument (\S+): invalid choice: '?([^'\s]*)'? \(choose from (.*)\)"), messages.CLI_CHOICE),
    (re.compile(r"argument (\S+): expected one argument"), messages.CLI_ONE_VALUE),
    (re.compile(r"argument (\S+): invalid int value: '?([^']*)'?"), messages.CLI_INT),
)


class Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage: str | None, actions: object, groups: object, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix=messages.CLI_USAGE())  # type: ignore[arg-type]


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose texts come from the catalogue."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._positionals.title = messages.CLI_POSITIONALS()
        self._optionals.title = messages.CLI_OPTIONS()
        self.add_argument("-h", "--help", action="help", help=messages.CLI_HELP())

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(f"{self.prog}: {messages.CLI_ERROR()}{said(message)}", file=sys.stderr)
        sys.exit(2)


def said(message: str) -> str:
    """argparse's message in the catalogue's words; one we do not know keeps a Chinese lead."""
    for pattern, text in _ARGPARSE:
        match = pattern.fullmatch(message)
        if match:
            return text(**{f"a{i}": group for i, group in enumerate(match.groups())})
    return messages.CLI_OTHER(detail=message)
