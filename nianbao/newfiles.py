"""New data files for a maintainer to fill in: ``python -m nianbao new BODY YEAR`` and ``new-body BODY NAME``.

A new report is the skeleton of its year's format: every part with its heading and an empty text,
every row of every table with ``~`` (not stated) in every cell, each row beside its official label.
Nothing is invented: the only figures written are those last year's report gives and the format's
identities say must be the same this year (上年结转 = last year's 结转下年度, across the 2019 → 2021
format change too), each with a comment naming last year's file. Where an identity links the years
only loosely (a heuristic, or one that needs this year's other figures: 现行有效件数), last year's
figures go into a comment instead, for the maintainer to work from.

A new body.yml holds the name given and every other field of the model left unstated, each with
its description; what its name suggests for the level and the region is said in a comment, not
written as data. Neither command ever replaces a file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .atomic import WriteRefused, write_text_atomic
from .catalogue import newfiles as words
from .cells import Cell, CellError, parse_cell
from .checks.identities import format_number, subjects
from .datafiles import BODY_FILE, kind, report_file_name, report_year
from .formats import Format, Identity, Node, Table, Term, all_formats, format_for_year
from .loader import FIRST_YEAR, LAST_YEAR, load_data, model_problems, read_body, slug_hint
from .model import LEVELS, Body, Contact, Fees, Report, ReportMeta
from .paths import docs_names, slug_problem
from .problems import Locator, display_path
from .render.pages import default_title
from .table_values import table_rows
from .writer import FEES_KEYS, Annotations, dump_body, dump_report
from .yamlsource import DataPath, YamlSourceError, read_yaml


class NewFileError(Exception):
    """The file was not written; the message says why (Chinese). code is the command's exit code:
    2 for a wrong command (no such body, a bad year or name), 1 for a file that is there already."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Carried:
    """One row of the new report that an identity ties to last year's report."""

    identity: Identity
    table: str
    row: str  # dotted row key
    row_label: str
    sources: str  # last year's cells the value comes from, by label
    taken: tuple[tuple[str, str], ...] = ()  # (column label, value) written into the new report
    left: tuple[str, ...] = ()  # column labels left blank: last year's cells not stated or not applicable
    unusable: tuple[tuple[str, str], ...] = ()  # (column label, value) that does not fit the cell
    shown: tuple[tuple[str, str], ...] = ()  # heuristic: (column label, last year's value) for a comment only


@dataclass
class NewReport:
    path: Path
    format: Format
    previous_file: str = ""  # last year's file as shown, or "" when there is none
    previous_read: bool = False  # whether last year's file could be read
    carried: list[Carried] = field(default_factory=list)


# --- new report ----------------------------------------------------------------------------------


def new_report(data_dir: Path, slug: str, year: int, root: Path | None = None) -> NewReport:
    """Write data_dir/slug/year.yml, the skeleton of the year's format; NewFileError when refused."""
    root = root or Path.cwd()
    folder = _body_folder(data_dir, slug, root)
    fmt = _format_of(year)
    taken = [p for p in sorted(folder.iterdir()) if report_year(p.name) == year]
    target = folder / report_file_name(year)
    if taken or kind(target) != "missing":
        raise NewFileError(words.EXISTS(file=display_path(taken[0] if taken else target, root)), 1)
    name = _body_name(folder, slug)
    result = NewReport(path=target, format=fmt)
    previous = _previous(data_dir, folder, slug, year, root, result)
    data = skeleton(fmt)
    if previous is not None:
        result.carried = carry_over(fmt, previous)
        _fill(data, fmt, result.carried)
    shown = display_path(target, root)
    text = dump_report(data, _report_notes(fmt, year, name, shown, result))
    _write(target, text, data_dir, root)
    return result


def _body_folder(data_dir: Path, slug: str, root: Path) -> Path:
    if kind(data_dir) != "folder":
        raise NewFileError(words.NO_DATA(path=data_dir), 2)
    problem = slug_problem(slug, docs_names(data_dir.parent / "docs"))
    if problem:
        raise NewFileError(words.BAD_SLUG(slug=slug, problem=problem, suggestion=slug_hint(slug)), 2)
    folder = data_dir / slug
    option = data_option(data_dir)
    if kind(folder) != "folder":
        bodies = sorted(p.name for p in data_dir.iterdir() if kind(p / BODY_FILE) == "file")
        others = words.OTHER_BODIES(slugs=words.JOIN().join(bodies[:20])) if bodies else ""
        raise NewFileError(words.NO_FOLDER(folder=display_path(folder, root), slug=slug, data=option, others=others), 2)
    if kind(folder / BODY_FILE) != "file":
        raise NewFileError(words.NO_BODY(folder=display_path(folder, root), slug=slug, data=option), 2)
    return folder


def _body_name(folder: Path, slug: str) -> str:
    """The body's name for the comments: from body.yml, even one still missing its level or region."""
    body = read_body(folder)
    if body is not None:
        return body.name
    try:
        name = read_yaml(folder / BODY_FILE).value.get("name")
    except (YamlSourceError, OSError, AttributeError):
        name = None
    return name.strip() if isinstance(name, str) and name.strip() else slug


def data_option(data_dir: Path) -> str:
    """The --data option to repeat in a suggested command, when it is not the default."""
    return "" if data_dir == Path("data") else words.DATA_OPTION(data=data_dir)


def _format_of(year: int) -> Format:
    first = min(f.first_year for f in all_formats())
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise NewFileError(words.BAD_YEAR(year=year, first=first, last=LAST_YEAR), 2)
    fmt = format_for_year(year)
    if fmt is None:
        formats = words.JOIN().join(f"{f.name}（{f.notice}）" for f in all_formats())
        raise NewFileError(words.NO_FORMAT(year=year, first=first, formats=formats), 2)
    return fmt


def _previous(data_dir: Path, folder: Path, slug: str, year: int, root: Path, result: NewReport) -> Report | None:
    """Last year's report as the checks read it, or None (no file, or one that cannot be read)."""
    files = [p for p in sorted(folder.iterdir()) if report_year(p.name) == year - 1]
    if not files:
        return None
    result.previous_file = display_path(files[0], root)
    report = load_data(data_dir, root, bodies=frozenset({slug})).report(slug, year - 1)
    result.previous_read = report is not None
    return report


def skeleton(fmt: Format) -> dict[str, Any]:
    """The data of a blank report in ``fmt``: every part, every row of every table, nothing stated."""
    parts: dict[str, Any] = {}
    for part in fmt.parts:
        parts[part.key] = {"heading": part.heading, "text": ""}
        if part.fees:
            parts[part.key]["fees"] = dict.fromkeys(FEES_KEYS)
    # Lists a new report has none of yet (an empty one would read as a value to fill in).
    later = ("acknowledged", "unplaced", "revisions")
    data: dict[str, Any] = {key: None for key in ReportMeta.model_fields if key not in later}
    data.update(format=fmt.id, preamble="", parts=parts)
    for table in fmt.tables:
        data[table.key] = _blank_rows(table)
    return data


def _blank_rows(table: Table) -> dict[str, Any]:
    """Every row of the table: a group is a mapping of its rows (never collapsed into one), a row
    a list of blanks, one per column, or a single blank where the row has one column."""
    out: dict[str, Any] = {}

    def fill(into: dict[str, Any], nodes: tuple[Node, ...], prefix: str) -> None:
        for node in nodes:
            key = f"{prefix}.{node.key}" if prefix else node.key
            if node.is_leaf:
                count = len(table.column_keys(key))
                into[node.key] = None if count == 1 else [None] * count
            else:
                into[node.key] = {}
                fill(into[node.key], node.children, key)

    fill(out, table_rows(table), "")
    return out


def _links_years(identity: Identity) -> bool:
    """An identity that names one cell of this year by last year's: cell = last year's terms (…)."""
    lhs = identity.lhs
    return (identity.cross_year and identity.op == "=" and len(lhs) == 1 and not lhs[0].previous_year
            and not lhs[0].negated and any(t.previous_year for t in identity.rhs))


def carry_over(fmt: Format, previous: Report) -> list[Carried]:
    """What the format's identities tie to last year's report, row by row of the new report.

    An identity that is not a heuristic and whose other side is all last year's (X.1, X.3) gives
    the cell's value. One that is a heuristic or also needs this year's figures (X.2 现行有效件数 =
    上年 + 制发 − 废止) gives only last year's figures, for a comment. A value is taken only where
    every cell it comes from is a number and the sum fits the cell it goes into.
    """
    out: list[Carried] = []
    for identity in fmt.identities:
        if not _links_years(identity):
            continue
        table = fmt.table(identity.table)
        target = identity.lhs[0].key
        determined = identity.status != "heuristic" and all(t.previous_year for t in identity.rhs)
        rows: dict[str, dict[str, list[tuple[str, str]]]] = {}
        for subject, _ in subjects(identity, fmt):
            row, column = (target, subject) if identity.each == "column" else (subject, target)
            if (row, column) not in table.cell_index:
                continue
            found = rows.setdefault(row, {"taken": [], "left": [], "unusable": [], "shown": []})
            label = _column_label(table, row, column)
            terms = [t for t in identity.rhs if t.previous_year]
            cells = [_previous_cell(identity, t, subject, previous) for t in terms]
            numbers = [c for c in cells if c is not None and c.is_number and c.value is not None]
            if len(numbers) < len(terms):
                if determined:
                    found["left"].append((label, ""))
                continue
            if not determined:
                found["shown"].append((label, words.JOIN.zh.join(c.text for c in numbers)))
                continue
            total = sum(((-c.value if t.negated else c.value) for t, c in zip(terms, numbers, strict=True)
                         if c.value is not None), Decimal(0))
            value = format_number(total)
            column_node = _column_node(table, row, column)
            try:
                parse_cell(value, column_node.kind, column_node.unit)
            except CellError:
                found["unusable"].append((label, value))
                continue
            found["taken"].append((label, value))
        for row, found in rows.items():
            if not any(found.values()):
                continue
            out.append(Carried(
                identity=identity, table=table.key, row=row, row_label=table.row(row)[0].label,
                sources=_sources(identity, previous), taken=tuple(found["taken"]),
                left=tuple(label for label, _ in found["left"]), unusable=tuple(found["unusable"]),
                shown=tuple(found["shown"])))
    return out


def _previous_cell(identity: Identity, term: Term, subject: str, previous: Report) -> Cell | None:
    row, column = (term.key, subject) if identity.each == "column" else (subject, term.key)
    return previous.cell(identity.table, row, column)


def _column_node(table: Table, row: str, column: str) -> Node:
    _, block = table.row(row)
    return dict(block.leaf_columns)[column]


def _column_label(table: Table, row: str, column: str) -> str:
    return _column_node(table, row, column).label


def _sources(identity: Identity, previous: Report) -> str:
    """Last year's terms by their labels in last year's format: “四、结转下年度继续办理”."""
    table = previous.format.table(identity.table)
    text = ""
    for i, term in enumerate(t for t in identity.rhs if t.previous_year):
        label = _term_label(table, identity, term.key)
        sign = (words.SOURCE_MINUS if term.negated else words.SOURCE_PLUS) if i else ""
        text += sign + words.SOURCE.format(label=label)
    return text


def _term_label(table: Table, identity: Identity, key: str) -> str:
    if identity.each == "column":  # the terms are rows
        try:
            return table.row(key)[0].label
        except KeyError:
            return key
    labels = {k: c.label for block in table.blocks for k, c in block.leaf_columns}
    return labels.get(key, key)


def _fill(data: dict[str, Any], fmt: Format, carried: list[Carried]) -> None:
    for item in carried:
        table = fmt.table(item.table)
        keys = item.row.split(".")
        holder = data[item.table]
        for key in keys[:-1]:
            holder = holder[key]
        columns = table.column_keys(item.row)
        by_label = {_column_label(table, item.row, c): c for c in columns}
        for label, value in item.taken:
            if len(columns) == 1:
                holder[keys[-1]] = value
            else:
                holder[keys[-1]][columns.index(by_label[label])] = value


def _report_notes(fmt: Format, year: int, name: str, file: str, result: NewReport) -> Annotations:
    above: dict[DataPath, tuple[str, ...]] = {
        ("format",): (words.NOTE_FORMAT.format(year=year, format=fmt.name, notice=fmt.notice),),
        ("title",): (words.NOTE_TITLE.format(title=default_title(name, year)),),
        ("published",): (words.NOTE_PUBLISHED.format(example=f"{year + 1}-01-20"),),
        ("signed_by",): (words.NOTE_SIGNED_BY.format(name=name),),
        ("source_url",): (words.NOTE_SOURCE_URL.format(year=year),),
        ("preamble",): (words.NOTE_PREAMBLE,),
        ("parts",): words.NOTE_PARTS,
    }
    fees = fmt.fees_part
    if fees is not None:
        fields = words.JOIN.zh.join(words.NOTE_FEE_FIELD.format(key=key, description=Fees.model_fields[key].description)
                                    for key in FEES_KEYS)
        above[("parts", fees.key, "fees")] = (words.NOTE_FEES.format(part=fees.key, fields=fields),)
    for item in result.carried:
        path: DataPath = (item.table, *item.row.split("."))
        above[path] = above.get(path, ()) + _carried_notes(item, year - 1, result.previous_file)
    header = tuple(line.format(name=name, year=year, format=fmt.name, notice=fmt.notice, file=file)
                   for line in words.REPORT_HEADER)
    return Annotations(header=header, above=above, row_labels=True, open_text=True, tilde=True)


def _columns(labels: tuple[str, ...], table_columns: int) -> str:
    return words.ALL_COLUMNS if len(labels) == table_columns and table_columns > 1 else words.JOIN.zh.join(labels)


def _carried_notes(item: Carried, year: int, file: str) -> tuple[str, ...]:
    notes = []
    count = len(item.taken) + len(item.left) + len(item.unusable) + len(item.shown)
    common = {"year": year, "file": file, "sources": item.sources, "rule": item.identity.rule, "id": item.identity.id}
    if item.taken:
        notes.append(words.NOTE_TAKEN.format(columns=_columns(tuple(c for c, _ in item.taken), count), **common))
    if item.left:
        notes.append(words.NOTE_LEFT.format(columns=_columns(item.left, count), **common))
    for label, value in item.unusable:
        notes.append(words.NOTE_UNUSABLE.format(columns=label, value=value, **common))
    if item.shown:
        values = words.JOIN.zh.join(f"{label} {value}" if len(item.shown) > 1 else value for label, value in item.shown)
        notes.append(words.NOTE_SHOWN.format(columns=_columns(tuple(c for c, _ in item.shown), count),
                                             values=values, **common))
    return tuple(notes)


# --- new body ------------------------------------------------------------------------------------


def new_body(data_dir: Path, slug: str, name: str, root: Path | None = None) -> Path:
    """Write data_dir/slug/body.yml for a new body named ``name``; NewFileError when refused."""
    root = root or Path.cwd()
    if kind(data_dir) != "folder":
        raise NewFileError(words.NO_DATA(path=data_dir), 2)
    problem = slug_problem(slug, docs_names(data_dir.parent / "docs"))
    if problem:
        raise NewFileError(words.BAD_SLUG(slug=slug, problem=problem, suggestion=slug_hint(slug)), 2)
    target = data_dir / slug / BODY_FILE
    if kind(target) != "missing":
        raise NewFileError(words.EXISTS(file=display_path(target, root)), 1)
    name = _checked_name(name, display_path(target, root))
    for folder in sorted(data_dir.iterdir()):
        other = read_body(folder) if folder.name != slug and kind(folder) == "folder" else None
        if other is not None and other.name == name:
            raise NewFileError(words.NAME_TAKEN(name=name, file=display_path(folder / BODY_FILE, root),
                                                slug=folder.name), 1)
    data: dict[str, Any] = {"name": name, "short_name": None, "level": None, "region": None, "website": None,
                            "contact": dict.fromkeys(Contact.model_fields), "contact_changes": [],
                            "former_names": [], "parent": None, "since": None, "until": None, "exempt": {}}
    folder_shown = display_path(data_dir / slug, root) + "/"
    header = tuple(line.format(folder=folder_shown, slug=slug) for line in words.BODY_HEADER)
    text = dump_body(data, Annotations(header=header, above=_body_notes(name), tilde=True))
    _write(target, text, data_dir, root)
    return target


def _checked_name(name: str, file: str) -> str:
    """The name as body.yml holds it, or NewFileError saying why the loader would refuse it."""
    try:
        body = Body.model_validate({"name": name, "level": LEVELS[0], "region": ["-"]})
    except ValidationError as exc:
        # The loader's own wording; the name itself is not echoed: it may hold what a terminal mangles.
        found = [p for p in model_problems(exc, Body, {"name": name}, Locator(file)) if p.path == "name"]
        said = [words.NAME_PROBLEM(message=p.message, expected=p.expected) if p.expected else p.message for p in found]
        raise NewFileError(words.BAD_NAME(problem=words.JOIN().join(said)), 2) from None
    return body.name


def _body_notes(name: str) -> dict[DataPath, tuple[str, ...]]:
    from .importer.body import guess_level, region_of  # the importer's reading of a name, said as a guess

    def described(key: str) -> str:
        info = Body.model_fields[key]
        template = words.NOTE_REQUIRED if info.is_required() else words.NOTE_OPTIONAL
        return template.format(description=info.description)

    units, rest = region_of(name)
    level, _ = guess_level(name, units, rest)
    notes: dict[DataPath, tuple[str, ...]] = {
        ("name",): (described("name"),),
        ("short_name",): (described("short_name"), words.NOTE_SHORT_NAME_EXAMPLE),
        ("level",): (words.NOTE_LEVEL.format(levels=words.JOIN.zh.join(LEVELS)),
                     *((words.NOTE_LEVEL_GUESS.format(level=level),) if level else ())),
        ("region",): (described("region"),
                      *((words.NOTE_REGION_GUESS.format(units=words.JOIN.zh.join(units)),) if units else ())),
        ("website",): (described("website"), words.NOTE_WEBSITE_EXAMPLE),
        ("contact",): (words.NOTE_CONTACT.format(description=Body.model_fields["contact"].description),),
        ("contact_changes",): tuple(line.format(description=Body.model_fields["contact_changes"].description)
                                    for line in words.NOTE_CONTACT_CHANGES),
        ("former_names",): (described("former_names"), words.NOTE_REGISTRY),
        ("parent",): (described("parent"),),
        ("since",): (described("since"), words.NOTE_SINCE),
        ("until",): (described("until"),),
        ("exempt",): (described("exempt"), words.NOTE_EXEMPT),
    }
    for key in Contact.model_fields:
        notes[("contact", key)] = (str(Contact.model_fields[key].description),)
    return notes


def _write(target: Path, text: str, data_dir: Path, root: Path) -> None:
    shown = display_path(target, root)
    try:
        write_text_atomic(target, text, within=data_dir, replace=False)
    except FileExistsError:
        raise NewFileError(words.EXISTS(file=shown), 1) from None
    except WriteRefused as exc:
        raise NewFileError(str(exc), 1) from None
    except OSError as exc:
        raise NewFileError(words.WRITE_FAILED(file=shown, error=exc.strerror or exc), 1) from None


