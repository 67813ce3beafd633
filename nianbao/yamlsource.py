"""Read a YAML file into plain values, able to tell where any value came from.

Every scalar stays a string (or None for an empty value, ``~`` or ``null``). YAML 1.1 would read
``NO`` as false, ``010000`` as octal and ``2024-13-01`` as a date (or crash); here the model
decides what a value means, so a postcode keeps its leading zero and a bad date gets a clear
error instead of a traceback. Duplicate keys are an error, not a silent overwrite.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .catalogue import Rule, messages
from .catalogue import rules as R
from .datafiles import UnsafeEntry, read_bytes
from .text import FORBIDDEN

PathKey = str | int
DataPath = tuple[PathKey, ...]


class YamlSourceError(Exception):
    """The file is not readable YAML: the catalogue's rule, its parameters and the fault's position."""

    def __init__(self, rule: Rule, line: int = 0, column: int = 0, given: dict[str, object] | None = None,
                 **params: object) -> None:
        self.rule = rule
        self.line = line
        self.column = column
        self.params = {**(given or {}), **params}
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.rule.wording.message(**self.params)


@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based


# libyaml's parser when PyYAML was built with it (the wheels are): ten times faster than the pure
# Python one, with the same nodes and marks. The resolver stays Python, so the rules below hold.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """A SafeLoader that resolves nothing but null: every other scalar is a string."""


_Loader.yaml_implicit_resolvers = {}
_Loader.add_implicit_resolver("tag:yaml.org,2002:null", yaml.resolver.Resolver.yaml_implicit_resolvers["~"][0][1],
                              ["~", "n", "N", ""])


@dataclass
class SourceDoc:
    """A parsed YAML document: plain values, and the node tree to place any of them on a line.

    Positions are looked up only when a problem needs one, which is rare; building them for
    every value of every file was a fifth of the loading time.
    """

    value: Any
    root: yaml.Node | None = None

    def position(self, path: DataPath) -> Position:
        """The position of path, or of its nearest ancestor that exists in the file.

        A scalar is placed at its value (the cell), a block at its key (the heading).
        """
        node, key_node = self.root, None
        for key in path:
            child = _child(node, key)
            if child is None:
                break
            key_node, node = child
        if node is None:
            return Position(1, 1)
        if isinstance(node, yaml.ScalarNode) and node.value == "" and key_node is not None:
            return _pos(key_node)
        if not isinstance(node, yaml.ScalarNode) and key_node is not None:
            return _pos(key_node)
        return _pos(node)


    def path_at(self, line: int) -> DataPath:
        """The data path of the deepest value that spans a line (1-based); () when none does."""
        path: list[PathKey] = []
        node = self.root
        while node is not None:
            children: list[tuple[PathKey, yaml.Node, yaml.Node]] = []
            if isinstance(node, yaml.MappingNode):
                children = [(str(k.value), k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)]
            elif isinstance(node, yaml.SequenceNode):
                children = [(i, v, v) for i, v in enumerate(node.value)]
            found = next(((key, value) for key, first, value in children
                          if first.start_mark.line + 1 <= line <= _last_line(value)), None)
            if found is None:
                break
            path.append(found[0])
            node = found[1]
        return tuple(path)


def _last_line(node: yaml.Node) -> int:
    # A block ends at the start of the next line (column 0): that line is not the block's.
    end = node.end_mark
    return end.line if end.column == 0 and end.line > node.start_mark.line else end.line + 1


def _child(node: yaml.Node | None, key: PathKey) -> tuple[yaml.Node | None, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode) and isinstance(key, str):
        return next(((k, v) for k, v in node.value if k.value == key), None)
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
        return None, node.value[key]
    return None


def _pos(node: yaml.Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


# A report nests six levels deep (parts → 一 → sections → 0 → text); twenty is ample, and keeps
# the conversion's recursion far from Python's limit.
MAX_DEPTH = 20


def _convert(node: yaml.Node, seen: set[int] | None = None, depth: int = 0) -> Any:
    """Plain values of the node tree. ``seen`` holds the nodes met so far: the composer makes an
    alias the very node it names, so meeting one twice is an alias (and a cycle one too)."""
    if seen is None:
        seen = set()
    if id(node) in seen:
        raise YamlSourceError(R.YAML_ALIAS, *_line_col(node), anchor_line=_pos(node).line)
    seen.add(id(node))
    if depth > MAX_DEPTH:
        raise YamlSourceError(R.YAML_TOO_DEEP, *_line_col(node), limit=MAX_DEPTH)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        first: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag.endswith(":null"):
                raise YamlSourceError(R.YAML_KEY, *_line_col(key_node))
            key = str(key_node.value)
            if key in result:
                raise YamlSourceError(R.YAML_DUPLICATE_KEY, *_line_col(key_node), key=key, first=_pos(first[key]).line)
            first[key] = key_node
            result[key] = _convert(value_node, seen, depth + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, seen, depth + 1) for item in node.value]
    assert isinstance(node, yaml.ScalarNode)
    if node.tag.endswith(":null"):
        return None
    if node.tag not in ("tag:yaml.org,2002:str",) and node.tag.startswith("tag:yaml.org,2002:"):
        # An explicit tag such as !!int or !!binary: we never need one, so reject it plainly.
        # Named as the file writes it (!!int), not by the parser's URI (tag:yaml.org,2002:int).
        raise YamlSourceError(R.YAML_TAG, *_line_col(node), tag="!!" + node.tag.removeprefix("tag:yaml.org,2002:"))
    return str(node.value)


def _line_col(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def syntax_error(text: str, problem: str, line: int, column: int) -> YamlSourceError:
    """The parser's complaint, said in the catalogue's words: its own never reaches a user."""
    if problem.startswith("exceeded maximum nesting depth"):  # libyaml's own limit, past ours
        return YamlSourceError(R.YAML_TOO_DEEP, line, column, limit=MAX_DEPTH)
    said = next((t() for start, t in messages.YAML_PROBLEMS if problem.startswith(start)),
                messages.YAML_PROBLEM_OTHER())
    return YamlSourceError(R.YAML_SYNTAX, line, column, problem=said)


def parse_yaml(text: str) -> SourceDoc:
    """Parse one YAML document; raise YamlSourceError with a position on malformed input."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise syntax_error(text, exc.problem or exc.context or "", line, column) from None
    except yaml.YAMLError:
        raise syntax_error(text, "", 0, 0) from None
    except RecursionError:  # the pure-Python composer, without libyaml, on very deep nesting
        raise YamlSourceError(R.YAML_TOO_DEEP, limit=MAX_DEPTH) from None
    if node is None:
        return SourceDoc(None)
    return SourceDoc(_convert(node), node)


def line_ends(text: str) -> str:
    """Line ends as Windows and old Macs write them are line ends; a leading BOM is Notepad's."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def read_yaml(path: Path) -> SourceDoc:
    """Parse a data file as the loader reads it: a regular file, not a link, bounded in size, and
    without the invisible characters the loader reports (so that lines are placed the same)."""
    try:
        text = read_bytes(path).decode("utf-8")
    except UnsafeEntry as exc:
        raise YamlSourceError(exc.rule, given=exc.params) from None
    except UnicodeDecodeError as exc:
        raise YamlSourceError(R.YAML_ENCODING, byte=exc.start + 1) from None
    return parse_yaml(FORBIDDEN.sub("", line_ends(text)))
