"""'Did you mean' for a mistyped key: by spelling, or by the official label it stands for."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

from .catalogue import messages

# difflib's default of 0.6 pairs words that only share letters (procurement → enforcement); a
# typo of one or two letters in a key scores above 0.75.
CUTOFF = 0.75


def closest(wrong: str, allowed: Mapping[str, str]) -> list[str]:
    """The valid keys a mistyped key most likely stands for: by its label, else by spelling."""
    for key, label in allowed.items():
        if wrong and (wrong == label or (len(wrong) > 1 and wrong in label)):
            return [key]
    return spelled_like(wrong.lower(), allowed, CUTOFF)


def spelled_like(wrong: str, allowed: Iterable[str], cutoff: float = CUTOFF, n: int = 2) -> list[str]:
    """The allowed words closest to ``wrong`` by spelling alone, best first."""
    return difflib.get_close_matches(wrong, list(allowed), n=n, cutoff=cutoff)


def did_you_mean(wrong: str, allowed: Mapping[str, str]) -> str:
    """allowed maps each valid key to its official label (or to itself). Returns a hint or ''."""
    close = closest(wrong, allowed)
    if close:
        return messages.DID_YOU_MEAN(options=messages.OR().join(_shown(k, allowed[k]) for k in close))
    return ""


def _shown(key: str, label: str) -> str:
    return f"{key}（{label}）" if label != key else key
