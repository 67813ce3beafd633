"""Any string the writer writes reads back unchanged, wherever in a report or a body it stands.

A sweep of 3,000 hostile strings (every control and odd code point, YAML indicators and keywords,
markup, white space, in a dozen templates) through every kind of place, then Hypothesis drawing
more of the same. Derandomized, so a run in CI tests what a run here tested.

Run as a script to count, string by string, what a writer (this one, or a writer.py given as the
argument, e.g. from ``git show REV:nianbao/writer.py``) fails to read back.
"""

from __future__ import annotations

import itertools
import random
import sys
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from nianbao import yamlsource
from nianbao.writer import YamlWriteError, dump_body, dump_report
from nianbao.yamlsource import parse_yaml

# --- hostile strings -----------------------------------------------------------------------------

CONTROLS = [chr(c) for c in range(0x20)] + ["\x7f"] + [chr(c) for c in range(0x80, 0xA0)]
BIDI = [chr(c) for c in range(0x202A, 0x202F)] + [chr(c) for c in range(0x2066, 0x206A)]
ODD = ["\u2028", "\u2029", "\x85", "\ufeff", "\ufffe", "\uffff", "\u200b", "\u200e", "\u200f", "\u061c",
       "\ufdd0", "\U0001fffe", "\U0010ffff", "\U0010fffd", "\ue000", "\u3000", "\xa0", "\xad"]
INDICATORS = [*"-?:,[]{}#&*!|>'\"%@`~=<\\", "- ", "? ", ": ", " #", "---", "...", "--- x", "... x", "<<",
              "!!int", "&a", "*a", "%YAML 1.2", "@x", "`x`", "|-", ">+", "|2", "-:?", "a?b", "a:?"]
KEYWORDS = ["null", "Null", "NULL", "~", "true", "False", "yes", "NO", "on", "Off", "y", "N", "0", "-1", "+1",
            "007", "0o17", "0x1F", "0b101", "1e3", "1.5", ".5", ".inf", "-.Inf", ".nan", "1:20", "2024-13-01",
            "1_000", "12.50"]
MARKUP = ["<script>alert(1)</script>", "&#127;", "&lt;", "{{ x }}", "{% if %}", "*a*", "_b_", "[c](d)", "# h",
          "| t |", "<!-- -->", "\\", "\\n", "\\u0000", '"\\"']
SPACES = [" ", "  ", "\t", "\n", "\r", "\r\n", "\n\n", " \n", "\n ", "\t\n", "\n\t"]
TEXT = ["王岗镇", "第一段。", "𠀀", "😀", "a", "（一）", "0451-87542911"]
ATOMS = CONTROLS + BIDI + ODD + INDICATORS + KEYWORDS + MARKUP + SPACES + TEXT
TEMPLATES = ["{}", "x{}", "{}x", "前{}后", "{}\n第二行", "第一行\n{}", " {}", "{} ", "{}{}{}", "\n{}\n", "{}\n\n"]


def sweep(count: int = 3000, seed: int = 2020) -> list[str]:
    """Every atom in every template, then random runs of atoms, up to count distinct strings."""
    strings = dict.fromkeys(t.replace("{}", a) for a in ATOMS for t in TEMPLATES)
    rng = random.Random(seed)
    while len(strings) < count:
        strings["".join(rng.choice(ATOMS) for _ in range(rng.randint(1, 8)))] = None
    return list(strings)[:count]


# --- where a string can stand ---------------------------------------------------------------------


def report_holding(strings: list[str]) -> dict[str, Any]:
    """A 2019-format report with the strings in every text field: one of them where a field holds
    one, all of them where a field is a list."""
    first = strings[0]
    parts: dict[str, Any] = {
        key: {"heading": strings[i % len(strings)], "text": strings[(i + 1) % len(strings)]}
        for i, key in enumerate("一二三四五六七八九十")
    }
    parts["一"]["sections"] = [{"heading": s, "text": s} for s in strings]
    parts["二"].update({s: s for s in strings})  # as keys too
    return {
        "format": "2019", "title": first, "published": "2021-01-26", "signed_by": strings[-1],
        "source_url": strings[len(strings) // 2], "preamble": strings[1 % len(strings)], "parts": parts,
        "active_disclosure": {"regulations": [0, 0, 0], "procurement": [7, first], "licensing": list(strings)},
        **{f"extra_{i}": s for i, s in enumerate(strings)},
        "acknowledged": [{"rule": "P.1", "cells": s, "reason": s} for s in strings],
        "unplaced": list(strings),
    }


def body_holding(strings: list[str]) -> dict[str, Any]:
    first = strings[0]
    return {
        "name": first, "short_name": strings[-1], "level": "乡镇/街道", "region": list(strings),
        "website": strings[1 % len(strings)],
        "contact": {"office": first, "address": strings[-1], "postcode": strings[len(strings) // 2],
                    "phone": strings[1 % len(strings)], "fax": first, "email": strings[-1]},
        "contact_changes": [{"since": "2021-01-01", "office": s, "address": s} for s in strings],
        **{f"extra_{i}": s for i, s in enumerate(strings)},
    }


def as_read(value: Any) -> Any:
    """What the loader reads back: every scalar a string."""
    if isinstance(value, Mapping):
        return {str(k): as_read(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_read(v) for v in value]
    return None if value is None else str(value)


def assert_round_trips(dump: Callable[[Mapping[str, Any]], str], data: dict[str, Any]) -> None:
    assert parse_yaml(dump(data)).value == as_read(data)


def batches(strings: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(strings), size):
        yield strings[start:start + size]


# --- the sweep -----------------------------------------------------------------------------------

SWEEP = sweep()

# Every string of one or two characters that mean something to YAML, in every place.
SHORT = ["".join(p) for n in (1, 2) for p in itertools.product("-?:,[]{}#&*!|>'\"%@`~= \t\n.0a\\<", repeat=n)]


class _PurePythonLoader(yaml.SafeLoader):
    """The loader's rules on PyYAML's own scanner, which reads where PyYAML was built without libyaml."""


_PurePythonLoader.yaml_implicit_resolvers = {}
_PurePythonLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", yaml.resolver.Resolver.yaml_implicit_resolvers["~"][0][1], ["~", "n", "N", ""])


@pytest.fixture(params=["libyaml", "pure-python"])
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both scanners: the writer's read-back guard and the test read with the one chosen."""
    if request.param == "pure-python":
        monkeypatch.setattr(yamlsource, "_Loader", _PurePythonLoader)
    elif not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML built without libyaml")
    return str(request.param)


def test_the_sweep_has_three_thousand_distinct_hostile_strings() -> None:
    assert len(set(SWEEP)) == 3000
    assert all(ch in "".join(SWEEP) for ch in CONTROLS + BIDI + ODD)


@pytest.mark.parametrize("dump", [dump_report, dump_body], ids=["report", "body"])
def test_every_hostile_string_reads_back_in_every_place(dump: Callable[[Mapping[str, Any]], str], loader: str) -> None:
    # Where a field holds one string, the extra_N entries (written as title is) and the keys of
    # part 二 (as a part's heading is) put every string in that same place. PyYAML's own scanner
    # is ten times slower: a sixth of the sweep, and every short string, shows where it differs.
    holding = report_holding if dump is dump_report else body_holding
    for batch in batches(SHORT + (SWEEP if loader == "libyaml" else SWEEP[::6]), 100):
        assert_round_trips(dump, holding(batch))


def test_every_hostile_string_reads_back_as_the_one_value_of_a_field() -> None:
    # A field holding one string is also where the whole file is that string's context.
    for s in SWEEP:
        assert parse_yaml(dump_report({"format": "2019", "title": s})).value["title"] == s


# --- Hypothesis ----------------------------------------------------------------------------------

HOSTILE_CHARS = st.sampled_from(CONTROLS + BIDI + ODD + list(" \t\n\r#:-?|>'\"%@`!&*,[]{}~\\<>/=_"))
SNIPPETS = st.sampled_from(INDICATORS + KEYWORDS + MARKUP + SPACES + TEXT)
ANY_CHAR = st.characters(codec="utf-8")  # no lone surrogates: see test_writer.py
HOSTILE_TEXT = st.lists(
    st.one_of(HOSTILE_CHARS, SNIPPETS, ANY_CHAR, st.text(ANY_CHAR, max_size=3),
              st.sampled_from(["王岗镇人民政府", "（一）主动公开", "𠀀𪚥", "😀"])),
    max_size=12,
).map("".join)
RUN = settings(derandomize=True, database=None, deadline=None, max_examples=200)


@RUN
@given(st.lists(HOSTILE_TEXT, min_size=1, max_size=12))
def test_drawn_strings_read_back_from_a_report(strings: list[str]) -> None:
    assert_round_trips(dump_report, report_holding(strings))


@RUN
@given(st.lists(HOSTILE_TEXT, min_size=1, max_size=12))
def test_drawn_strings_read_back_from_a_body(strings: list[str]) -> None:
    assert_round_trips(dump_body, body_holding(strings))


@settings(RUN, max_examples=500)
@given(HOSTILE_TEXT, st.sampled_from(["title", "preamble", "heading", "text", "section", "unplaced", "reason",
                                      "cell", "key"]))
def test_one_drawn_string_reads_back_from_one_field(s: str, field: str) -> None:
    part: dict[str, Any] = {"heading": "总体情况"}
    report: dict[str, Any] = {"format": "2019", "parts": {"一": part}}
    if field in ("title", "preamble"):
        report[field] = s
    elif field in ("heading", "text"):
        part[field] = s
    elif field == "section":
        part["sections"] = [{"heading": s, "text": s}]
    elif field == "unplaced":
        report["unplaced"] = [s]
    elif field == "reason":
        report["acknowledged"] = [{"rule": "P.1", "cells": "parts.六", "reason": s}]
    elif field == "cell":
        report["active_disclosure"] = {"procurement": [7, s]}
    else:
        part[s] = "值"
    assert_round_trips(dump_report, report)


# --- counting, for a writer before and after a change ----------------------------------------------


def count_failures(writer: Any) -> tuple[int, int, int]:
    """(did not read back, came back changed, refused by the writer) among the sweep's strings,
    each string alone in each kind of place."""
    unreadable = changed = refused = 0
    for s in SWEEP:
        worst = ""
        for dump, holding in ((writer.dump_report, report_holding), (writer.dump_body, body_holding)):
            data = holding([s])
            try:
                back = parse_yaml(dump(data)).value
            except YamlWriteError:
                worst = worst or "refused"
                continue
            except Exception:  # noqa: BLE001 - an old writer's file may fail to read in any way
                worst = "unreadable"
                continue
            if back != as_read(data):
                worst = worst or "changed"
        unreadable += worst == "unreadable"
        changed += worst == "changed"
        refused += worst == "refused"
    return unreadable, changed, refused


if __name__ == "__main__":
    import importlib.util

    import nianbao.writer

    module: Any = nianbao.writer
    if sys.argv[1:]:
        spec = importlib.util.spec_from_file_location("nianbao._writer_under_test", sys.argv[1])
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    unreadable, changed, refused = count_failures(module)
    print(f"{len(SWEEP)} hostile strings: {unreadable} did not read back, {changed} came back changed, "
          f"{refused} refused by the writer")
