"""'Did you mean' for a mistyped key: by spelling, or by the official label it stands for."""

from __future__ import annotations

import difflib
from collections.abc import Mapping


def did_you_mean(wrong: str, allowed: Mapping[str, str]) -> str:
    """allowed maps each valid key to its official label (or to itself). Returns a hint or ''."""
    for key, label in allowed.items():
        if wrong and (wrong == label or (len(wrong) > 1 and wrong in label)):
            return f"did you mean {key!r} ({label})?"
    close = difflib.get_close_matches(wrong, list(allowed), n=1, cutoff=0.6)
    if close:
        label = allowed[close[0]]
        return f"did you mean {close[0]!r}" + (f" ({label})?" if label != close[0] else "?")
    return "expected one of: " + ", ".join(allowed)
