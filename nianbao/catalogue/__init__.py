"""The rule catalogue: the single source of every finding nianbao reports, and of the texts users read.

``rules`` holds one constant per rule; ``messages`` the texts that are not findings. Code names
the constants, never an id: a test proves it.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from . import messages, rules
from .core import CATEGORIES, Lang, Rule, Severity, Text, Wording, language, set_language

if TYPE_CHECKING:
    from ..formats import Identity

__all__ = ["CATEGORIES", "Lang", "Rule", "Severity", "Text", "Wording", "all_rules", "identity_rule", "language",
           "lookup", "messages", "rules", "set_language"]


def _declared() -> dict[str, Rule]:
    found: dict[str, Rule] = {}
    for value in [*vars(rules).values(), *rules.IDENTITIES]:
        if isinstance(value, Rule) and value.id:
            assert value.id not in found or found[value.id] is value, f"rule id {value.id} declared twice"
            found[value.id] = value
    return found


_DECLARED = _declared()


def identity_rule(identity: Identity) -> Rule:
    """The catalogue entry of an identity, with its severity and cross-year reading taken from the
    identity itself (the format definition holds its terms)."""
    base = _DECLARED.get(identity.id)
    if base is None:  # a new format's identity: the generic wording until the catalogue names it
        base = replace(rules.IDENTITY_GENERIC, id=identity.id, title=identity.rule)
    return replace(base, severity=identity.severity, cross_year=identity.cross_year,
                   category="cross_year" if identity.cross_year else "identity")


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, identities as the format definitions state them, in the order of the catalogue."""
    from ..formats import all_formats

    out = dict(_DECLARED)
    for fmt in all_formats():
        for identity in fmt.identities:
            out[identity.id] = identity_rule(identity)
    return tuple(out.values())


def lookup(rule_id: str) -> Rule | None:
    """The rule an id names (as written in an acknowledgement), or None."""
    return next((r for r in all_rules() if r.id == rule_id), None)
