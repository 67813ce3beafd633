"""argparse speaking the catalogue's language: usage, help and usage errors in Chinese.

argparse words its own usage errors in English (Python ships no Chinese translation of them):
each is matched by its wording and said again in the catalogue's words. Both command lines
(`python -m nianbao …` and its `import`) use this parser.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

from .catalogue import Text, messages

_ERRORS: tuple[tuple[re.Pattern[str], Text], ...] = (
    (re.compile(r"the following arguments are required: (?P<names>.*)"), messages.CLI_REQUIRED),
    (re.compile(r"unrecognized arguments: (?P<args>.*)"), messages.CLI_UNRECOGNIZED),
    (re.compile(r"argument (?P<option>[^:]+): invalid choice: '?(?P<value>[^']*)'? \(choose from (?P<choices>.*)\)"),
     messages.CLI_CHOICE),
    (re.compile(r"argument (?P<option>[^:]+): expected one argument"), messages.CLI_ONE_VALUE),
    (re.compile(r"argument (?P<option>[^:]+): invalid int value: (?P<value>.*)"), messages.CLI_INT),
    (re.compile(r"argument (?P<option>[^:]+): ignored explicit argument (?P<value>.*)"), messages.CLI_NO_VALUE),
    (re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)"), messages.CLI_AMBIGUOUS),
)


class Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, messages.CLI_USAGE() if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose texts come from the catalogue."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = messages.CLI_POSITIONALS()
        self._optionals.title = messages.CLI_OPTIONS()
        self.add_argument("-h", "--help", action="help", help=messages.CLI_HELP())

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, messages.CLI_USAGE_ERROR(prog=self.prog, message=said(message)) + "\n")


def said(message: str) -> str:
    """argparse's message in the catalogue's words; one it does not know is kept after a Chinese lead."""
    for pattern, text in _ERRORS:
        match = pattern.fullmatch(message)
        if match:
            return text(**match.groupdict())
    return messages.CLI_OTHER(detail=message)
