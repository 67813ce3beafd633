"""Problems found in the data, and how they are shown to a maintainer.

A problem names the file and line, the data path, the rule in the statute's words, what was
expected against what was found, and a hint. Findings of the validator can be acknowledged in
the report's YAML (``acknowledged:``), so that a report can be published exactly as it was.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from .catalogue import Rule, Severity, language, messages
from .text import FORBIDDEN
from .yamlsource import DataPath, SourceDoc, YamlSourceError

__all__ = ["Findings", "Locator", "Problem", "Severity", "display_path", "dotted", "make_problem", "report_text"]


@dataclass(frozen=True)
class Problem:
    severity: Severity
    rule: str  # the catalogue entry's stable id
    file: str  # relative to the project root when possible
    line: int
    path: str  # data path, e.g. applications.results.total.natural_person
    message: str  # the rule, in the statute's words where there is one
    expected: str = ""
    found: str = ""
    hint: str = ""
    cells: str = ""  # what an acknowledgement names; empty for problems that cannot be acknowledged
    acknowledged: str = ""  # the maintainer's reason, when acknowledged
    column: int = 0

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def acknowledge(self, reason: str) -> Problem:
        return replace(self, acknowledged=reason)

    def render(self) -> str:
        """The multi-line text a maintainer reads in the terminal, in the run's language."""
        m = messages
        head = f"{self.location}: {m.SEVERITY[self.severity]()} [{self.rule}]"
        if self.path:
            head += f" {self.path}"
        lines = [head]
        sep = "：" if language() == "zh" else ": "
        for label, value in ((m.FRAME_RULE, self.message), (m.FRAME_EXPECTED, self.expected),
                             (m.FRAME_FOUND, self.found), (m.FRAME_HINT, self.hint)):
            if value:
                lines.append(f"    {label()}{sep}{value}")
        if self.acknowledged:
            lines.append(f"    {m.FRAME_ACKNOWLEDGED()}{sep}{self.acknowledged}")
        elif self.cells:
            lines.append(
                f"    {m.ACKNOWLEDGE_IT()}\n"
                f"      acknowledged:\n"
                f"        - {{rule: {self.rule}, cells: {self.cells}, reason: {m.ACK_REASON}}}"
            )
        # A value quoted from the data may hold what a terminal would obey (ESC sequences) or
        # hide: shown as a visible escape instead.
        return FORBIDDEN.sub(lambda m: f"\\u{ord(m[0]):04x}", "\n".join(lines))


def make_problem(rule: Rule, file: str, *, line: int = 0, column: int = 0, path: str = "", variant: str = "",
                 cells: str = "", given: Mapping[str, object] | None = None, **params: object) -> Problem:
    """A finding of the catalogue's rule, its wording filled with params (and ``given``, parameters
    carried by an exception) in the run's language.

    ``cells`` names what an acknowledgement matches; only rules that can be acknowledged keep it.
    """
    params = {**(given or {}), **params}
    words = rule.words(variant)
    return Problem(
        severity=rule.severity, rule=rule.id, file=file, line=line, column=column, path=path,
        message=words.message(**params), expected=words.expected(**params), found=shorten(words.found(**params)),
        hint=words.hint(**params), cells=cells if rule.acknowledgeable else "",
    )


@dataclass
class Findings:
    """Everything a check run found, in the order found."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    @property
    def open(self) -> list[Problem]:
        return [p for p in self.problems if not p.acknowledged]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.open if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.open if p.severity == "warning"]

    @property
    def acknowledged(self) -> list[Problem]:
        return [p for p in self.problems if p.acknowledged]

    def failing(self, strict: bool) -> list[Problem]:
        return self.open if strict else self.errors

    def summary(self) -> str:
        return messages.SUMMARY(errors=len(self.errors), warnings=len(self.warnings),
                                acknowledged=len(self.acknowledged))


def report_text(problems: Iterable[Problem]) -> str:
    return "\n\n".join(p.render() for p in sorted(problems, key=_order))


def _order(p: Problem) -> tuple[str, int, int]:
    return (p.file, p.line, p.column)


def display_path(file: Path, root: Path) -> str:
    """A file name relative to root when it lies below it; the names users see in errors."""
    # The folder is resolved, the entry itself not: a link is named as the maintainer sees it.
    try:
        return (_resolved(file.parent.absolute()) / file.name).relative_to(_resolved(root.absolute())).as_posix()
    except ValueError:
        return file.as_posix()


@functools.lru_cache(maxsize=4096)
def _resolved(folder: Path) -> Path:
    # A data folder's thousands of files share a few folders: each is resolved once per process
    # (an absolute path: the working folder may change between calls).
    return folder.resolve()


class Locator:
    """Makes Problems for one YAML file: turns a data path into file:line.

    Give it the parsed document, or a way to parse it (``load``) when problems are rare: the
    checks re-read a file only to place a finding, instead of keeping every file's positions.
    """

    def __init__(self, file: str, doc: SourceDoc | None = None, load: Callable[[], SourceDoc] | None = None) -> None:
        self.file = file
        self.doc = doc
        self._load = load

    def problem(self, rule: Rule, path: DataPath, *, shown_path: str = "", variant: str = "", cells: str = "",
                **params: object) -> Problem:
        if self.doc is None and self._load is not None:
            load, self._load = self._load, None
            try:
                self.doc = load()
            except YamlSourceError:  # changed since it was loaded: the finding stays, unplaced
                self.doc = None
        pos = self.doc.position(path) if self.doc is not None else None
        return make_problem(rule, self.file, line=pos.line if pos else 0, column=pos.column if pos else 0,
                            path=shown_path or dotted(path), variant=variant, cells=cells, given=params)


def shorten(text: str, limit: int = 120) -> str:
    """A value as a message quotes it: whole when short, else its start and its length."""
    if len(text) <= limit:
        return text
    return messages.SHORTENED(start=text[:limit - 20], length=f"{len(text):,}")


def dotted(path: DataPath) -> str:
    out = ""
    for key in path:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else key)
    return out
