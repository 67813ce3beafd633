"""The typing mistakes that make a data file unreadable, found line by line so each gets its own
message: a tab in the indentation, a full-width colon or space, a file saved as GBK.

Only asked when the parser gave up: a full-width colon inside a paragraph of prose is text.
"""

from __future__ import annotations

import re

from .catalogue import messages
from .catalogue import rules as R
from .problems import Problem, make_problem

# A key typed with a full-width colon: `title：…` or `  - heading：…` (the key is ASCII).
_FULLWIDTH_KEY = re.compile(r"^[ \u3000]*(?:- )?[A-Za-z_][A-Za-z0-9_.]*\s*：")


def typing_mistakes(text: str, file: str) -> list[Problem]:
    """One problem per line that holds a tab in its indentation, a key with a full-width colon, or
    full-width spaces as indentation."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t\u3000"))]
        if "\t" in indent:
            found.append(make_problem(R.YAML_TAB, file, line=number, column=indent.index("\t") + 1))
        elif "\u3000" in indent:
            found.append(make_problem(
                R.YAML_FULLWIDTH, file, line=number, column=indent.index("\u3000") + 1,
                char=messages.FULLWIDTH_NAMES[messages.FULLWIDTH_SPACE](), expected=messages.EXPECT_SPACES(),
                found=messages.EXPECT_SPACES_FOUND()))
        elif _FULLWIDTH_KEY.match(line):
            found.append(make_problem(
                R.YAML_FULLWIDTH, file, line=number, column=line.index("：") + 1,
                char=messages.FULLWIDTH_NAMES[messages.FULLWIDTH_COLON](), expected=messages.EXPECT_COLON(),
                found=line.strip()))
    return found


def encoding_guess(raw: bytes) -> tuple[str, str]:
    """(the guess to add to the message, what was found) for bytes that are not UTF-8."""
    try:
        raw.decode("gb18030")
    except UnicodeDecodeError:
        return "", messages.UNKNOWN_BYTES()
    return messages.GBK_GUESS(), messages.GBK_FOUND()
