"""Load ``data/``: every body and report, typed, with every problem found in one pass.

Layout: ``data/<body>/body.yml`` and ``data/<body>/<year>.yml``. Entries whose names start with
``_`` or ``.`` (``_schema``) are not data; any other entry that is not one of these is an error.
"""

from __future__ import annotations

import hashlib
import re
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, Union, cast

from pydantic import BaseModel, ValidationError

from .catalogue import language, messages
from .catalogue import rules as R
from .datafiles import REPORT_FILE, Kind, UnsafeEntry, kind, read_bytes, refusal, report_file_name, report_year
from .formats import Format, all_formats, get_format
from .model import FIRST_YEAR as FIRST_YEAR  # newfiles and excel read the bounds from here
from .model import LAST_YEAR as LAST_YEAR
from .model import Body, Report, ReportMeta
from .paths import SLUG as SLUG  # the importer names folders by the same rule
from .paths import docs_names, region_clashes, slug_problem
from .problems import Findings, Locator, Problem, display_path, dotted, make_problem
from .suggest import closest, did_you_mean
from .table_values import describe, read_tables
from .text import FORBIDDEN, char_name
from .typing_mistakes import encoding_guess, typing_mistakes
from .yamlsource import DataPath, SourceDoc, YamlSourceError, line_ends, parse_yaml, read_yaml


class DataDirError(Exception):
    """The data folder itself cannot be used (a usage error, not a data problem)."""


@dataclass
class Dataset:
    root: Path
    bodies: dict[str, Body] = field(default_factory=dict)
    reports: dict[tuple[str, int], Report] = field(default_factory=dict)
    findings: Findings = field(default_factory=Findings)
    body_files: dict[str, Locator] = field(default_factory=dict)  # slug → where body.yml was read
    # Problems of the folder as a whole (an entry that is not data, two bodies that clash): every
    # build fails on them, so `check` reports them whatever file or folder it is given.
    layout: set[Problem] = field(default_factory=set)

    def add_layout(self, problem: Problem) -> None:
        self.findings.add(problem)
        self.layout.add(problem)

    def reports_by_body(self) -> dict[str, list[Report]]:
        """Every body's reports, oldest first, in one pass over the reports."""
        grouped: dict[str, list[Report]] = {slug: [] for slug in self.bodies}
        for (slug, _), report in sorted(self.reports.items()):
            grouped.setdefault(slug, []).append(report)
        return grouped

    def report(self, slug: str, year: int) -> Report | None:
        return self.reports.get((slug, year))


def load_data(data_dir: Path, root: Path | None = None, bodies: frozenset[str] | None = None,
              docs_dir: Path | None = None) -> Dataset:
    """Load every body and report under data_dir (or only the ``bodies`` named: one shard's).

    File names in problems are relative to root. A body folder may not take the name of a page
    of ``docs_dir`` (by default the docs/ folder beside data_dir, where `mkdocs build` finds it).
    """
    if not data_dir.is_dir():
        raise DataDirError(messages.CLI_DATA_DIR_MISSING(path=data_dir))
    root = root or Path.cwd()
    data = Dataset(root=data_dir)
    names: dict[str, str] = {}
    reserved = docs_names(docs_dir if docs_dir is not None else data_dir.parent / "docs")
    folders = _body_folders(data_dir, data, root)
    for folder in folders:
        if bodies is not None and folder.name not in bodies:
            continue
        where = Locator(display_path(folder, root) + "/")
        unusable = slug_problem(folder.name, reserved)
        if unusable:
            data.findings.add(where.problem(R.SLUG, (), problem=unusable, found=folder.name,
                                            suggestion=slug_hint(folder.name)))
            continue
        body = _load_body(folder, data, root)
        report_files = _report_files(folder, data, root)
        if kind(folder / "body.yml") == "missing" and report_files:
            data.findings.add(where.problem(R.NO_BODY, (), expected=display_path(folder / "body.yml", root)))
        if body is not None and body.name in names:
            other = display_path(data_dir / names[body.name] / "body.yml", root)
            data.add_layout(data.body_files[folder.name].problem(R.DUPLICATE_BODY, ("name",), name=body.name,
                                                                 other=other))
            continue
        if body is not None:
            names[body.name] = folder.name
            data.bodies[folder.name] = body
        # Reports are read even when body.yml is faulty, so that one run reports everything.
        for year, path in report_files:
            report = _load_report(path, folder.name, year, data, root)
            if report is not None:
                data.reports[(folder.name, year)] = report
    _check_region_folders(data)
    # Every folder counts as a parent, loaded or not: a shard loads only some bodies.
    _check_registry(data, {folder.name for folder in folders})
    return data


def _check_registry(data: Dataset, folders: set[str]) -> None:
    """body.yml's registry against the data: the parent is another body, the reports fall in the
    years the body exists."""
    for slug, body in sorted(data.bodies.items()):
        parent = body.parent
        if parent is not None and (parent == slug or parent not in folders):
            others = {f: data.bodies[f].name if f in data.bodies else f for f in sorted(folders - {slug})}
            data.findings.add(data.body_files[slug].problem(
                R.PARENT_UNKNOWN, ("parent",), variant="self" if parent == slug else "", parent=parent,
                suggestion=did_you_mean(parent, others)))
        elif parent is not None:
            chain = _parent_chain(data, slug)
            if chain:
                data.findings.add(data.body_files[slug].problem(
                    R.PARENT_UNKNOWN, ("parent",), variant="cycle", parent=parent, chain=" → ".join(chain)))
    for (slug, year), report in sorted(data.reports.items()):
        registered = data.bodies.get(slug)
        if registered is None or registered.exists_in(year):
            continue
        before = registered.since is not None and year < registered.since
        data.findings.add(data.body_files[slug].problem(
            R.OUTSIDE_YEARS, ("since",) if before else ("until",), variant="" if before else "after",
            since=registered.since, until=registered.until, year=year, found=report.file))


def _parent_chain(data: Dataset, slug: str) -> list[str]:
    """The parents from slug back to slug when they go round in a circle, else []."""
    chain = [slug]
    body = data.bodies.get(slug)
    while body is not None and body.parent is not None and body.parent != chain[-1]:
        chain.append(body.parent)
        if body.parent == slug:
            return chain
        if body.parent in chain[:-1]:
            return []  # a circle further up, reported at its own bodies
        body = data.bodies.get(body.parent)
    return []


def _check_region_folders(data: Dataset) -> None:
    regions = {slug: body.region for slug, body in data.bodies.items()}
    for slug, level, name, other in region_clashes(regions):
        data.add_layout(data.body_files[slug].problem(R.REGION_CLASH, ("region", level), other=other, name=name))


def slug_hint(name: str) -> str:
    """A folder name to suggest instead of one the folder rule refuses."""
    ascii_part = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    if not ascii_part or slug_problem(ascii_part):
        return messages.UNUSABLE_SLUG_EXAMPLE()
    return ascii_part


def _refused(path: Path, what: Kind, data: Dataset, root: Path) -> None:
    problem = refusal(path, what)
    data.add_layout(make_problem(problem.rule, display_path(path, root), given=problem.params))


def _body_folders(data_dir: Path, data: Dataset, root: Path) -> list[Path]:
    """The body folders of data_dir: real folders only; a link among them is reported, not followed."""
    folders = []
    for path in sorted(data_dir.iterdir()):
        if path.name.startswith(("_", ".")):
            continue
        what = kind(path)
        if what == "folder":
            folders.append(path)
        elif what == "file":
            # Not read, so an error: a report put here by mistake would silently be missing
            # from the site. Notes can stay under a name starting with _ or .
            in_folder = "body.yml" if path.name == "body.yml" else _report_name(path.name)
            folder = display_path(data_dir, root)
            hint = (messages.STRAY_TOP_DATA_HINT(data=folder, name=in_folder) if in_folder
                    else messages.STRAY_TOP_HINT(data=folder, name=path.name))
            data.add_layout(Locator(display_path(path, root)).problem(
                R.STRAY_FILE, (), what=messages.STRAY_TOP(), expected=messages.STRAY_TOP_EXPECTED(), found=path.name,
                hint=hint))
        else:
            _refused(path, what, data, root)
    return folders


def _report_name(name: str) -> str:
    """The report file name a misnamed file probably means (2023年.yml → 2023.yml), or ''."""
    year = re.search(r"(?<![0-9])(?:19|20|21)[0-9]{2}(?![0-9])", name)
    if year is None:
        return ""
    return report_file_name(int(year[0])) if report_year(name) is None else name


def _report_files(folder: Path, data: Dataset, root: Path) -> list[tuple[int, Path]]:
    found: dict[int, Path] = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        what = kind(path)
        if what != "file" and (what != "folder" or path.name == "body.yml" or REPORT_FILE.fullmatch(path.name)):
            _refused(path, what, data, root)
            continue
        if path.name == "body.yml":
            continue
        where = Locator(display_path(path, root))
        match = REPORT_FILE.fullmatch(path.name)
        if not match:
            # An error, not a warning: a misnamed report (2023年.yml) would silently be missing.
            meant = _report_name(path.name)
            data.add_layout(where.problem(
                R.STRAY_FILE, (), what=messages.STRAY_IN_BODY(), found=path.name,
                expected=messages.STRAY_IN_BODY_EXPECTED(),
                hint=messages.STRAY_MEANT(year=meant[:4], name=meant) if meant else messages.STRAY_HINT()))
            continue
        year = int(match[1])
        if year in found:
            data.findings.add(where.problem(R.DUPLICATE_REPORT, (), found=f"{path.name}、{found[year].name}"))
            continue
        found[year] = path
    return sorted(found.items())


def _invisible(text: str, file: str, problems: list[Problem]) -> str:
    """Report each raw invisible character with its line, column and field; the text without them.

    The rest of the file is still read (without them), so that one run reports every problem. A
    raw NEL or line separator would otherwise be a line break to YAML and vanish unreported.
    """
    found = list(FORBIDDEN.finditer(text))
    if not found:
        return text
    clean = FORBIDDEN.sub("", text)
    try:
        doc: SourceDoc | None = parse_yaml(clean)
    except YamlSourceError:
        doc = None  # reported when the clean text is read
    for match in found[:_MAX_SHOWN]:
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - text.rfind("\n", 0, match.start())
        where = dotted(doc.path_at(line)) if doc is not None else ""
        problems.append(make_problem(R.INVISIBLE_CHAR, file, line=line, column=column, path=where,
                                     char=char_name(match[0])))
    if len(found) > _MAX_SHOWN:
        problems.append(make_problem(R.INVISIBLE_CHAR, file, variant="more", more=len(found) - _MAX_SHOWN,
                                     total=len(found)))
    return clean


_MAX_SHOWN = 20


def _read(path: Path, file: str, problems: list[Problem], text: str | None = None) -> tuple[SourceDoc, Locator] | None:
    where = Locator(file)
    if text is not None:
        text = _invisible(line_ends(text), file, problems)
    try:
        doc = read_yaml(path) if text is None else parse_yaml(text)
    except YamlSourceError as exc:
        # A tab, a full-width colon or space: each such line said in its own words, instead of
        # the one place where the parser gave up.
        mistakes = typing_mistakes(text, file) if text is not None and exc.rule is R.YAML_SYNTAX else []
        problems.extend(mistakes or [make_problem(exc.rule, where.file, line=exc.line, column=exc.column,
                                                  given=exc.params)])
        return None
    where.doc = doc
    if not isinstance(doc.value, dict):
        problems.append(where.problem(R.NOT_MAPPING, (), found=messages.EMPTY_FILE() if doc.value is None
                                      else describe(doc.value)))
        return None
    return doc, where


T = TypeVar("T")

# `mkdocs serve` reloads all data on every edit: a file whose bytes did not change reads the same.
_MEMO: dict[Path, tuple[bytes, Any]] = {}


def _memo(path: Path, file: str, read: Callable[[str | None, list[Problem]], T]) -> tuple[T, tuple[Problem, ...]]:
    """read(text, problems) for the file's text (None if it is not UTF-8), remembered by content."""
    try:
        raw = read_bytes(path)
    except UnsafeEntry as exc:  # grown too large, or swapped for a link since the folder was listed
        refused = [make_problem(exc.rule, file, given=exc.params)]
        return read(None, refused), tuple(refused)
    # The language is part of the key: the problems are worded when the file is read.
    key = hashlib.blake2b(raw + b"\0" + file.encode() + language().encode(), digest_size=16).digest()
    hit = _MEMO.get(path)
    if hit is not None and hit[0] == key:
        return cast(tuple[T, tuple[Problem, ...]], hit[1])
    problems: list[Problem] = []
    try:
        text: str | None = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        guess, found = encoding_guess(raw)
        problems.append(make_problem(R.YAML_ENCODING, file, line=raw.count(b"\n", 0, exc.start) + 1,
                                     byte=exc.start + 1, guess=guess, found=found))
        text = None
    result = (read(text, problems), tuple(problems))
    _MEMO[path] = (key, result)
    return result


def read_body(folder: Path) -> Body | None:
    """The body a folder's body.yml describes, read as the build reads it; None when it is missing
    or faulty (``check`` says why). For code that needs one body, not the whole data folder."""
    return _load_body(folder, Dataset(root=folder.parent), Path.cwd())


def _load_body(folder: Path, data: Dataset, root: Path) -> Body | None:
    path = folder / "body.yml"
    if kind(path) != "file":
        return None  # missing, or refused when the folder was listed
    file = display_path(path, root)

    def read(text: str | None, problems: list[Problem]) -> tuple[Body | None, Locator | None]:
        found = _read(path, file, problems, text) if text is not None else None
        if found is None:
            return None, None
        doc, where = found
        try:
            return Body.model_validate(doc.value), where
        except ValidationError as exc:
            problems.extend(model_problems(exc, Body, doc.value, where))
            return None, where

    (body, where), problems = _memo(path, file, read)
    data.findings.extend(problems)
    if where is not None:
        data.body_files[folder.name] = where
    return body


def _load_report(path: Path, slug: str, year: int, data: Dataset, root: Path) -> Report | None:
    file = display_path(path, root)

    def read(text: str | None, problems: list[Problem]) -> Report | None:
        return _read_report(path, text, file, slug, year, problems) if text is not None else None

    report, problems = _memo(path, file, read)
    data.findings.extend(problems)
    return report


def _read_report(path: Path, text: str, file: str, slug: str, year: int, problems: list[Problem]) -> Report | None:
    read = _read(path, file, problems, text)
    if read is None:
        return None
    doc, where = read
    raw: dict[str, Any] = doc.value
    fmt = _format_named(raw)
    # Table keys of every format: a missing or unknown format is one error, not one per table.
    table_keys = {t.key for f in all_formats() for t in f.tables}
    meta_raw = {k: v for k, v in raw.items() if k not in table_keys}
    # A table under a mistyped key (aplications): one problem naming the table, not an unknown
    # key plus a missing table.
    misspelt: set[str] = set()
    if fmt is not None:
        missing = {t.key: t.caption for t in fmt.tables if t.key not in raw}
        for key in [k for k in meta_raw if k not in ReportMeta.model_fields]:
            close = closest(key, missing)
            if len(close) == 1 and close[0] not in misspelt:
                misspelt.add(close[0])
                del meta_raw[key]
                problems.append(where.problem(R.UNKNOWN_KEY, (key,), key=key,
                                              allowed=", ".join([*ReportMeta.model_fields, *missing]),
                                              suggestion=did_you_mean(key, missing)))
    meta: ReportMeta | None = None
    try:
        meta = ReportMeta.model_validate(meta_raw)
    except ValidationError as exc:
        problems.extend(model_problems(exc, ReportMeta, meta_raw, where))
        meta = _without_faulty(exc, meta_raw)
    if fmt is None:
        return None
    tables, table_problems = read_tables(raw, fmt, where, frozenset(misspelt))
    problems.extend(table_problems)
    if year < FIRST_YEAR:
        problems.append(where.problem(R.YEAR, (), first=FIRST_YEAR, last=LAST_YEAR, year=year))
        return None
    if year > LAST_YEAR:
        problems.append(where.problem(R.YEAR, (), first=FIRST_YEAR, last=LAST_YEAR, year=year))
        return None
    if meta is None:
        return None
    # Faulty rows are left out; the identities skip what they cannot see, so one run reports all.
    return Report(body=slug, year=year, file=file, format=fmt, meta=meta, tables=tables, path=path)


def _without_faulty(exc: ValidationError, meta_raw: dict[str, Any]) -> ReportMeta | None:
    """The report's metadata without the optional top-level keys that hold the faults, or None.

    The faults are reported already; what remains still lets the tables be checked, so one run
    reports a mistyped key and a wrong total together. A fault in a required key (format) or in the
    date leaves nothing to check against.
    """
    faulty = {err["loc"][0] for err in exc.errors() if err["loc"]}
    required = {name for name, field in ReportMeta.model_fields.items() if field.is_required()}
    # A faulty date is reported already: left out, it would also read as not stated yet (D.3).
    if faulty & (required | {"published"}):
        return None
    try:
        return ReportMeta.model_validate({k: v for k, v in meta_raw.items() if k not in faulty})
    except ValidationError:
        return None


def _format_named(raw: dict[str, Any]) -> Format | None:
    try:
        return get_format(str(raw.get("format")))
    except KeyError:
        return None  # ReportMeta reports the bad or missing format


def model_problems(exc: ValidationError, model: type[BaseModel], raw: Any, where: Locator) -> list[Problem]:
    """Turn pydantic's errors into the catalogue's findings: pydantic's own wording is never shown."""
    problems = []
    for err in exc.errors():
        loc: DataPath = tuple(k for k in err["loc"] if k != "[key]")
        kind = str(err["type"])
        ctx: dict[str, Any] = dict(err.get("ctx") or {})
        found = _shown(err.get("input"))
        described = _description(model, loc)
        key_fields = _fields_at(model, loc[:-1]) if "[key]" in err["loc"] else {}
        if "[key]" in err["loc"] and not key_fields:
            # A mapping keyed by year (exempt): the key is a value of its own, not a misspelt name.
            problem = where.problem(R.INVALID, loc, expected=messages.EXPECT_YEAR_KEY(), found=str(loc[-1]))
        elif kind == "extra_forbidden" or "[key]" in err["loc"]:
            fields = _fields_at(model, loc[:-1])
            problem = where.problem(R.UNKNOWN_KEY, loc, key=loc[-1], allowed=", ".join(fields),
                                    suggestion=did_you_mean(str(loc[-1]), fields))
        elif kind == "missing":
            problem = where.problem(R.MISSING, loc, key=loc[-1], expected=described)
        elif kind in _CUSTOM:
            problem = where.problem(_CUSTOM[kind], loc, found=found, **ctx)
        elif kind in ("literal_error", "enum"):
            allowed = typing.get_args(_walk(model, loc)[0]) or ()
            choices = "、".join(str(a) for a in allowed) or str(ctx.get("expected", ""))
            problem = where.problem(R.CHOICE, loc, allowed=choices, found=found)
        else:
            rule = R.WRONG_TYPE if kind in _SHAPES else R.INVALID
            expected = str(ctx.get("expected") or "") or _shape_expected(kind, ctx) or described
            problem = where.problem(rule, loc, what=messages.VALUE_WITH_TYPE(), expected=expected, found=found)
        problems.append(problem)
    return problems


# The model's own error ids (PydanticCustomError) and the rules they stand for.
_CUSTOM = {"invisible_char": R.INVISIBLE_CHAR, "too_long": R.TOO_LONG, "one_line": R.ONE_LINE, "date": R.DATE,
           "region_name": R.REGION_NAME}
_SHAPES = frozenset({"string_type", "int_type", "int_parsing", "int_from_float", "decimal_parsing", "decimal_type",
                     "float_parsing", "dict_type", "list_type", "model_type", "model_attributes_type", "bool_parsing",
                     "date_type", "date_parsing"})


def _shape_expected(kind: str, ctx: dict[str, Any]) -> str:
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return messages.EXPECT_NUMBER()
    if kind in ("decimal_parsing", "decimal_type", "float_parsing"):
        return messages.EXPECT_AMOUNT()
    if kind == "list_type":
        return messages.EXPECT_LIST()
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return messages.EXPECT_MAPPING()
    if kind == "string_type":
        return messages.EXPECT_TEXT()
    if kind in ("too_short", "string_too_short"):
        return messages.EXPECT_NONEMPTY()
    bounds = [ctx.get(k) for k in ("ge", "gt", "le", "lt") if k in ctx]
    if bounds:
        return messages.EXPECT_RANGE(low=ctx.get("ge", ctx.get("gt", "")), high=ctx.get("le", ctx.get("lt", "")))
    return ""


def _shown(value: Any) -> str:
    # Locator.problem shortens a long value: a message never quotes a whole 100 KB paragraph.
    return describe(value)


def _unwrap(tp: Any) -> Any:
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (Union, types.UnionType):
            tp = next(a for a in typing.get_args(tp) if a is not type(None))
        else:
            return tp


def _walk(model: type[BaseModel], loc: DataPath) -> tuple[Any, Any]:
    """(type at loc, pydantic FieldInfo of the last model field on the way)."""
    tp: Any = model
    info = None
    for key in loc:
        tp = _unwrap(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel) and isinstance(key, str) and key in tp.model_fields:
            info = tp.model_fields[key]
            tp = info.annotation
        elif typing.get_origin(tp) is list:
            tp = typing.get_args(tp)[0]
        elif typing.get_origin(tp) is dict:
            tp = typing.get_args(tp)[1]
        else:
            return None, info
    return _unwrap(tp), info


def _fields_at(model: type[BaseModel], loc: DataPath) -> Mapping[str, str]:
    tp, _ = _walk(model, loc)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return {name: (f.description or name) for name, f in tp.model_fields.items()}
    if typing.get_origin(tp) is dict:  # keys of a fixed set (parts: 一 to 六)
        keys = typing.get_args(tp)[0]
        if typing.get_origin(keys) is typing.Literal:
            return {str(k): str(k) for k in typing.get_args(keys)}
    return {}


def _description(model: type[BaseModel], loc: DataPath) -> str:
    _, info = _walk(model, loc)
    return (info.description or "") if info is not None else ""
