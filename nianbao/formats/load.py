"""Read a format file, validate it, and say where it is wrong: file, line, column and key path.

The YAML is composed into nodes (for their marks) and constructed from the same nodes, so YAML's
own types stay (years are ints, null is None) and every value can still be placed on a line.
Everything wrong in one file is reported at once, in Chinese, for whoever maintains the formats.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources.abc import Traversable
from itertools import pairwise
from typing import Any

import yaml
from pydantic import ValidationError

from ..catalogue import formats as F
from ..problems import dotted
from ..yamlsource import DataPath
from .definition import Fault, FormatDef, validation_faults
from .objects import Format
from .references import reference_faults

# libyaml's parser when PyYAML has it; the safe constructor either way (no tags that run code).
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class DefinitionProblem:
    """One fault of a definition, placed in its file."""

    file: str
    line: int  # 1-based
    column: int  # 1-based
    path: str  # the key path, dotted as a data file's problems are
    message: str

    def __str__(self) -> str:
        return F.PROBLEM(file=self.file, line=self.line, column=self.column, path=self.path or F.WHOLE_FILE(),
                         message=self.message)


class FormatDefinitionError(Exception):
    """A format definition that cannot be used; the message lists every problem found, one a line."""

    def __init__(self, headline: str, problems: Iterable[DefinitionProblem]) -> None:
        self.problems = tuple(sorted(problems, key=lambda p: (p.file, p.line, p.column)))
        super().__init__(headline + "\n" + "\n".join(f"  {p}" for p in self.problems))


@dataclass(frozen=True)
class _Source:
    file: str
    root: yaml.Node | None

    def place(self, fault: Fault, node: yaml.Node | None = None) -> DefinitionProblem:
        """The fault in this file: at node when given (a duplicate key, which its path cannot tell
        from the first one), else where its path leads."""
        line, column = (node.start_mark.line + 1, node.start_mark.column + 1) if node else self.position(
            fault.path, fault.at_key)
        text = fault.message
        details = [F.EXPECTED(text=fault.expected)] if fault.expected else []
        details += [F.FOUND(text=fault.found)] if fault.found else []
        if fault.first is not None:
            details.append(F.FIRST_AT(line=self.position(fault.first, True)[0]))
        if details:
            text += F.DETAILS(details=F.DETAIL_JOIN().join(details))
        if fault.hint:
            text += F.HINT(hint=fault.hint)
        return DefinitionProblem(self.file, line, column, dotted(fault.path), text)

    def position(self, path: DataPath, at_key: bool = False) -> tuple[int, int]:
        """Line and column of the value at path (of its key, if at_key), or of its nearest ancestor.

        An alias (*items) is the very node its anchor names, so a fault in it points at the anchor.
        """
        node, key_node = self.root, None
        for key in path:
            child = _child(node, key)
            if child is None:
                break
            key_node, node = child
        else:
            if at_key and key_node is not None:
                node = key_node
        if node is None:
            return 1, 1
        return node.start_mark.line + 1, node.start_mark.column + 1


def _child(node: yaml.Node | None, key: str | int) -> tuple[yaml.Node | None, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode):
        return next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == str(key)), None)
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
        return None, node.value[key]
    return None


def _duplicate_keys(node: yaml.Node, path: DataPath = (),
                    seen: set[int] | None = None) -> Iterator[tuple[Fault, yaml.Node]]:
    """PyYAML keeps the last of two equal keys without a word; a definition must not say a thing twice."""
    seen = set() if seen is None else seen
    if id(node) in seen:  # an alias: its anchor is checked already
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        first: set[str] = set()
        for key_node, value in node.value:
            key = str(key_node.value)
            if key in first:
                yield Fault((*path, key), F.DUPLICATE_KEY(key=key), F.DUPLICATE_KEY_EXPECTED(), key,
                            first=(*path, key)), key_node
            first.add(key)
            yield from _duplicate_keys(value, (*path, key), seen)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            yield from _duplicate_keys(item, (*path, i), seen)


def _shown_file(path: Traversable) -> str:
    """The path relative to the working directory when it is below it (as a maintainer types it)."""
    text = str(path)
    try:
        relative = os.path.relpath(text)
    except ValueError:  # another drive (Windows)
        return text
    return text if relative.startswith("..") else relative


def _parse(file: str, text: str) -> tuple[_Source, Any]:
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        return _Source(file, root), loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = DefinitionProblem(file, line, column, "", F.NOT_YAML(problem=exc.problem or exc.context))
        raise FormatDefinitionError(F.UNREADABLE(file=file), [problem]) from None
    finally:
        loader.dispose()


# Keyed by the text, not the path: reading two small files is cheap, and an edited file is read afresh.
@cache
def _load(file: str, text: str) -> tuple[Format, _Source]:
    source, raw = _parse(file, text)
    problems = [source.place(f, node) for f, node in _duplicate_keys(source.root)] if source.root else []
    faults: list[Fault] = []
    fmt = None
    try:
        definition = FormatDef.model_validate(raw)
    except ValidationError as exc:
        faults += validation_faults(exc)
    else:
        fmt = definition.build()
    # Also when some piece is not well-typed: the keys the other pieces name are checked all the same.
    faults += reference_faults(raw)
    problems += [source.place(f) for f in faults]
    if problems or fmt is None:
        raise FormatDefinitionError(F.FAULTS(file=source.file, count=len(problems)), problems)
    return fmt, source


def _read(path: Traversable) -> tuple[Format, _Source]:
    return _load(_shown_file(path), path.read_text(encoding="utf-8"))


def load_format_file(path: Traversable) -> Format:
    """One format definition (a Path, or a file of the package), validated; raises
    FormatDefinitionError listing all its problems."""
    return _read(path)[0]


def load_formats(paths: Iterable[Traversable]) -> tuple[Format, ...]:
    """Several definitions, oldest first; together they give at most one format for each year, without gaps."""
    loaded = sorted((_read(p) for p in paths), key=lambda pair: pair[0].first_year)
    problems: list[DefinitionProblem] = []
    ids: dict[str, _Source] = {}
    for fmt, source in loaded:
        if fmt.id in ids:
            problems.append(source.place(Fault(("id",), F.SAME_ID(id=fmt.id, file=ids[fmt.id].file),
                                               F.SAME_ID_EXPECTED(), fmt.id)))
        ids.setdefault(fmt.id, source)
    for (before, first), (after, second) in pairwise(loaded):
        if before.last_year is None or before.last_year >= after.first_year:
            problems.append(second.place(Fault(
                ("years",), F.YEARS_OVERLAP(file=first.file),
                F.YEARS_OVERLAP_EXPECTED(last=before.last_year or F.STILL_IN_USE()),
                str(after.first_year), F.YEARS_OVERLAP_HINT(file=first.file, year=after.first_year - 1))))
        elif before.last_year + 1 < after.first_year:
            problems.append(second.place(Fault(
                ("years",), F.YEARS_GAP(file=first.file), F.YEARS_GAP_EXPECTED(year=before.last_year + 1),
                str(after.first_year))))
    if loaded and loaded[-1][0].last_year is not None:
        newest, source = loaded[-1]
        problems.append(source.place(Fault(("years", 1), F.NEWEST_ENDS(), "null", str(newest.last_year),
                                           F.NEWEST_ENDS_HINT())))
    if problems:
        raise FormatDefinitionError(F.CONFLICTS(), problems)
    return tuple(fmt for fmt, _ in loaded)
