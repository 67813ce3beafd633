"""``python -m nianbao import SOURCE... [--body SLUG] [--year YYYY] [--data DIR] [--force]``

Imports published reports (HTML pages, plain text, whole folders) into ``data/<body>/<year>.yml``
(and ``body.yml`` for a new body), then prints per source: the format found, tables found and
missing, part 六's fees, the new body's guesses, the validator's findings written as acknowledged
(and the cross-year ones left open), warnings and errors. An Excel workbook holds the statutory
tables only: they go into the body's report in place of its own, the rest of the file unchanged
(``_write_workbook``, ``workbook.py``, ``merge.py``).

The body's folder: ``--body``; else the existing body of that name in ``data/*/body.yml``; else a
new folder from the short name in pinyin (``slug``), with the district in front or a number when
another body has that folder.
Exit status: 0 every source imported cleanly, 1 any source partly imported or failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
from pathlib import Path
from typing import Any, TextIO

from ..atomic import WriteRefused, write_text_atomic
from ..catalogue import importer as msg
from ..catalogue import rules
from ..catalogue import workbook as W
from ..cli_parser import Parser
from ..datafiles import BODY_FILE, UnsafeEntry, read_bytes, report_file_name
from ..formats import Format, get_format
from ..loader import SLUG, read_body
from ..model import Contact
from ..problems import Problem
from ..writer import YamlWriteError, dump_body, dump_report
from ..yamlsource import YamlSourceError, parse_yaml
from .assemble import FILE_READERS, HTML_SUFFIXES, TEXT_SUFFIXES, UNSUPPORTED, Imported, import_source
from .batch_report import SummaryRow, skipped_row, summary_row, table_text, write_csv
from .body import new_body
from .findings import acknowledgeable, acknowledgement, validate_imported
from .merge import MergeError, merge_tables
from .slug import slug_candidates, slug_name
from .workbook import OLD_EXCEL_SUFFIX, WorkbookImported, import_workbook, is_workbook, workbook_lines

SOURCE_SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES


class UsageError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog=msg.PROG, description=msg.DESCRIPTION())
    parser.add_argument("sources", nargs="+", metavar=msg.METAVAR_SOURCE(), help=msg.HELP_SOURCE())
    parser.add_argument("--body", metavar=msg.METAVAR_SLUG(), help=msg.HELP_BODY())
    parser.add_argument("--year", type=int, metavar=msg.METAVAR_YEAR(), help=msg.HELP_YEAR())
    parser.add_argument("--data", type=Path, default=Path("data"), metavar=msg.METAVAR_DIR(), help=msg.HELP_DATA())
    parser.add_argument("--force", action="store_true", help=msg.HELP_FORCE())
    parser.add_argument("--report", type=Path, metavar=msg.METAVAR_FILE(), help=msg.HELP_REPORT())
    return parser


def main(argv: list[str] | None = None, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["import"]:
        args_list = args_list[1:]
    parser = build_parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:
        return 2 if exc.code not in (0, None) else 0
    try:
        if args.body is not None and not SLUG.fullmatch(args.body):
            raise UsageError(msg.BAD_BODY(body=args.body))
        if args.year is not None and not 2008 <= args.year <= 2100:
            raise UsageError(msg.BAD_YEAR(year=args.year))
        if args.data.exists() and not args.data.is_dir():
            raise UsageError(msg.DATA_NOT_FOLDER(path=args.data))
        sources, skipped = expand_sources([Path(s) for s in args.sources])
    except UsageError as exc:
        print(msg.ERROR(message=exc), file=sys.stderr)
        return 2
    rows: list[SummaryRow] = []
    for path, why in skipped:
        print(msg.SKIPPED(path=path, why=why), file=out)
        rows.append(skipped_row(path, why))
    counts = {"imported": 0, "partial": 0, "failed": 0}
    written: set[Path] = set()
    for path in sources:
        if is_workbook(path):  # a workbook of the tables only: they go into the body's report
            workbook = import_workbook(path, args.year, args.body)
            result: Imported = workbook
            target = _write_workbook(workbook, args, written) if not workbook.fatal else None
        else:
            result = import_source(path, args.year)
            target = _write(result, args, written) if not result.fatal else None
        counts[result.status] += 1
        rows.append(summary_row(result, target))
        print(summary(result, target, args.data), file=out)
    print(msg.B_TITLE(count=len(rows)), file=out)
    print(table_text(rows), file=out)
    print(msg.TOTALS(imported=counts["imported"], partial=counts["partial"], failed=counts["failed"]), file=out)
    report_ok = args.report is None or _write_report(args.report, rows, out)
    return 0 if counts["partial"] == 0 and counts["failed"] == 0 and report_ok else 1


def _write_report(path: Path, rows: list[SummaryRow], out: TextIO) -> bool:
    try:
        write_csv(path, rows)
    except (WriteRefused, OSError) as exc:
        print(msg.B_NOT_WRITTEN(path=path, error=getattr(exc, "strerror", None) or exc), file=sys.stderr)
        return False
    print(msg.B_WRITTEN(path=path), file=out)
    return True


def expand_sources(paths: list[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    sources: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                suffix = child.suffix.lower()
                kind = UNSUPPORTED.get(suffix)
                if suffix in SOURCE_SUFFIXES or suffix in FILE_READERS:
                    sources.append(child)
                elif suffix == OLD_EXCEL_SUFFIX:
                    skipped.append((child, W.XLS_REFUSED()))
                else:
                    skipped.append((child, msg.KIND_UNREADABLE(kind=kind()) if kind else msg.NOT_A_SOURCE()))
        elif path.is_file():
            sources.append(path)
        else:
            raise UsageError(msg.NO_SUCH_SOURCE(path=path))
    if not sources and not skipped:
        raise UsageError(msg.NO_SOURCES())
    return sources, skipped


# --- writing ---------------------------------------------------------------------------------------


def _write(result: Imported, args: argparse.Namespace, written: set[Path]) -> Path | None:
    assert result.year is not None
    data_dir: Path = args.data
    slug = args.body or _find_body(data_dir, result.name) or _new_slug(data_dir, result)
    if slug is None:
        result.fatal = msg.NO_FOLDER(data=data_dir, name=result.name) if result.name else msg.NO_NAME()
        return None
    folder = data_dir / slug
    target = folder / report_file_name(result.year)
    if target in written:
        result.fatal = msg.WRITTEN_TWICE(target=target)
        return None
    for path in (folder, target, folder / "body.yml"):
        if path.is_symlink():  # --force or not: a link would have the import write outside the data folder
            result.fatal = msg.LINKED(path=path, link=os.readlink(path))
            return None
    if os.path.lexists(target) and not args.force:
        result.fatal = msg.EXISTS(target=target)
        return None
    body_path = folder / "body.yml"
    body_yaml = body_path.read_text(encoding="utf-8") if body_path.exists() else None
    try:
        new_body_yaml = None
        if body_yaml is None:
            body, notes = new_body(result.name or slug, _contact(result),
                                   result.prose.website if result.prose else "", _texts(result.report))
            result.body_notes += notes
            new_body_yaml = body_yaml = dump_body(body)
        else:
            _compare_body(body_path, result)
        previous = folder / report_file_name(result.year - 1)
        readable = previous.is_file() and not previous.is_symlink()  # the loader reads no link either
        previous_yaml = previous.read_text(encoding="utf-8") if readable else None
        _acknowledge(result, body_yaml, previous_yaml)
        report_yaml = dump_report(result.report)
    except YamlWriteError as exc:
        result.fatal = msg.NOT_WRITTEN(target=target, problem=exc)
        return None
    except OSError as exc:  # the check loads the report from a temporary folder, which a full disk refuses
        result.fatal = msg.CHECK_FAILED(error=exc.strerror or exc, target=target)
        return None
    try:
        _write_files(data_dir, folder, target, report_yaml, body_path, new_body_yaml)
    except WriteRefused as exc:
        result.fatal = str(exc)
        return None
    except OSError as exc:
        what = target if new_body_yaml is None else msg.BOTH_FILES(body=body_path, target=target)
        result.fatal = msg.WRITE_FAILED(what=what, error=exc.strerror or exc)
        return None
    written.add(target)
    if new_body_yaml is not None:
        result.body_notes.insert(0, msg.NEW_BODY(path=body_path))
    return target


def _write_workbook(result: WorkbookImported, args: argparse.Namespace, written: set[Path]) -> Path | None:
    """A workbook's tables into the body's report: put in place of the file's own tables, the rest of
    the file kept byte for byte (no --force needed: nothing but the tables changes); a new report of
    the tables alone where there is none. The report as written is checked and its problems listed."""
    assert result.year is not None
    data_dir: Path = args.data
    if not result.slug:
        result.fatal = W.NO_BODY_GIVEN(sheet=W.META_SHEET)
        return None
    folder = data_dir / result.slug
    target = folder / report_file_name(result.year)
    body_path = folder / BODY_FILE
    if target in written:
        result.fatal = msg.WRITTEN_TWICE(target=target)
        return None
    for path in (folder, target, body_path):
        if path.is_symlink():
            result.fatal = msg.LINKED(path=path, link=os.readlink(path))
            return None
    if not body_path.is_file():
        result.fatal = W.NO_BODY_FOLDER(folder=folder)
        return None
    fmt = get_format(result.report["format"])
    tables = {t.key: result.report[t.key] for t in fmt.tables if t.key in result.report}
    absent = [W.SHEET_NAME.format(part=p.key) for p in fmt.parts if p.table and p.table not in tables]
    if os.path.lexists(target):
        try:
            existing = read_bytes(target).decode("utf-8")
            stated = parse_yaml(existing).value
            if isinstance(stated, dict) and str(stated.get("format")) != fmt.id:
                result.fatal = W.EXISTING_OTHER_FORMAT(target=target, existing=stated.get("format"), found=fmt.id)
                return None
            report_yaml, changes = merge_tables(existing, fmt, tables)
        except (UnsafeEntry, UnicodeDecodeError, YamlSourceError) as exc:
            result.fatal = W.EXISTING_UNREADABLE(target=target, error=getattr(exc, "message", exc))
            return None
        except MergeError as exc:
            result.fatal = W.MERGE_FAILED(target=target, error=exc)
            return None
        result.written = "unchanged" if report_yaml == existing else "merged"
        result.warnings += [W.TABLE_NOT_IN_WORKBOOK(table=t) for t in absent]
    else:
        try:
            report_yaml = dump_report(result.report)
        except YamlWriteError as exc:
            result.fatal = msg.NOT_WRITTEN(target=target, problem=exc)
            return None
        changes = []
        result.written = "new"
        result.warnings += [W.TABLE_NOT_IN_NEW(table=t) for t in absent]
    result.changes = [(result.refs.get(c.path, c.path), c.old, c.new) for c in changes]
    previous = folder / report_file_name(result.year - 1)
    previous_yaml = previous.read_text(encoding="utf-8") if previous.is_file() and not previous.is_symlink() else None
    try:
        body_yaml, _ = _provisional_body(body_path.read_text(encoding="utf-8"))
        validated = validate_imported(report_yaml, body_yaml, result.year, previous_yaml, slug=result.slug)
    except (OSError, UnicodeDecodeError, YamlSourceError) as exc:
        result.fatal = msg.CHECK_FAILED(error=getattr(exc, "strerror", None) or exc, target=target)
        return None
    result.open_findings = [*validated.faults, *validated.findings]
    if result.written != "unchanged":
        try:
            write_text_atomic(target, report_yaml, within=data_dir)
        except WriteRefused as exc:
            result.fatal = str(exc)
            return None
        except OSError as exc:
            result.fatal = msg.WRITE_FAILED(what=target, error=exc.strerror or exc)
            return None
    written.add(target)
    return target


def _write_files(data_dir: Path, folder: Path, target: Path, report_yaml: str, body_path: Path,
                 new_body_yaml: str | None) -> None:
    """The report and a new body's body.yml, each whole or not at all; if either cannot be written,
    the body.yml and folder made for the report go too, so that a failed import leaves nothing
    (a folder without body.yml would stop the site build)."""
    new_folder = not os.path.lexists(folder)
    wrote_body = False
    try:
        if new_body_yaml is not None:
            write_text_atomic(body_path, new_body_yaml, within=data_dir)
            wrote_body = True
        write_text_atomic(target, report_yaml, within=data_dir)
    except BaseException:
        if wrote_body:
            with contextlib.suppress(OSError):
                body_path.unlink()
        if new_folder:
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


def _new_slug(data_dir: Path, result: Imported) -> str | None:
    """A folder name for a body not yet in data/: its short name in pinyin (wanggang-zhen); on a
    collision with another body's folder, with the district's pinyin in front, then numbered."""
    if not result.name:
        return None
    taken: list[str] = []
    for slug, how in slug_candidates(result.name):
        if not SLUG.fullmatch(slug):
            continue
        if os.path.lexists(data_dir / slug):  # a link there, even a dangling one, is not free
            taken.append(slug)
            continue
        shown = msg.SLUG_TAKEN(how=how, taken="、".join(taken)) if taken else ""
        result.body_notes.append(msg.SLUG_MADE(slug=slug, name=slug_name(result.name), taken=shown))
        return slug
    return None


def _texts(report: dict[str, Any]) -> list[str]:
    """The report's words (preamble, parts, sections), for what they tell about the body."""
    texts = [str(report.get("preamble") or "")]
    for part in (report.get("parts") or {}).values():
        texts.append(str(part.get("text") or ""))
        texts += [str(s.get("text") or "") for s in part.get("sections", [])]
    return [t for t in texts if t]


def _contact(result: Imported) -> dict[str, str]:
    if result.prose is None:
        return {}
    contact = dict(result.prose.contact)
    office = contact.get("office", "")
    name = result.name
    if office and name and office.startswith(name):
        office = office[len(name):]
    elif office and name and name.endswith(office):
        office = ""
    if office:
        contact["office"] = office
    else:
        contact.pop("office", None)
    return {k: contact[k] for k in Contact.model_fields if k in contact}


def _find_body(data_dir: Path, name: str) -> str | None:
    if not name or not data_dir.is_dir():
        return None
    for body_file in sorted(data_dir.glob(f"*/{BODY_FILE}")):
        body = read_body(body_file.parent)  # a faulty body.yml names no body: check reports it
        if body is not None and name in (body.name, body.short_name):
            return body_file.parent.name
    return None


def _compare_body(body_path: Path, result: Imported) -> None:
    body = read_body(body_path.parent)
    if body is not None and result.name and result.name not in (body.name, body.short_name):
        result.warnings.append(msg.SIGNED_OTHERWISE(name=result.name, path=body_path, named=body.name))


def _acknowledge(result: Imported, body_yaml: str, previous_yaml: str | None) -> None:
    """Run the validator on the report as written; what it finds within the report is in the source:
    acknowledge it (与原文一致). Cross-year findings depend on other files: report them, open."""
    assert result.year is not None
    report = result.report
    body_yaml, provisional = _provisional_body(body_yaml)
    if provisional:
        result.warnings.append(msg.CHECKED_PROVISIONAL(fields="、".join(provisional), level=PLACEHOLDER_LEVEL))
    validated = validate_imported(dump_report(report), body_yaml, result.year, previous_yaml)
    missing_tables = set(result.tables.missing if result.tables else ())
    padded = set(result.tables.missing_rows if result.tables else ())
    entries: dict[tuple[str, str], dict[str, str]] = {}
    for problem in validated.findings:
        table = problem.cells.split(".", 1)[0]
        if problem.rule == rules.TABLE_MISSING.id and table in missing_tables:
            continue  # already said, with its likely cause
        if table in padded:
            continue  # rows the importer could not read: not the source's doing
        if not acknowledgeable(problem):
            result.open_findings.append(problem)
            continue
        key = (problem.rule, problem.cells)
        if key not in entries:
            entries[key] = acknowledgement(problem, report)
            result.acknowledged.append(problem)
    if entries:
        report["acknowledged"] = list(report.get("acknowledged", [])) + list(entries.values())
    for problem in validated.faults:
        found = msg.S_FOUND(found=problem.found) if problem.found and problem.found != "None" else ""
        result.errors.append(msg.VALIDATOR_FAULT(rule=problem.rule, path=problem.path, message=problem.message,
                                                 found=found))


# The body's fields the checks of one report need only to be there: identities read the tables alone.
# A body.yml still without them is checked with these, so that what the source contains is found now,
# not once the maintainer has filled them in. Level-dependent rules (C.4, the deadline) follow the
# placeholder level: said in a warning.
PLACEHOLDER_LEVEL = "区县部门"
_PLACEHOLDER_REGION = ["待填写"]


def _provisional_body(body_yaml: str) -> tuple[str, list[str]]:
    """body.yml as checked: with placeholders for a missing level and region; and which were missing."""
    parsed = parse_yaml(body_yaml).value
    if not isinstance(parsed, dict):
        return body_yaml, []
    missing = [key for key in ("level", "region") if not parsed.get(key)]
    if not missing:
        return body_yaml, []
    filled = dict(parsed)
    filled.setdefault("name", "待填写")
    if "level" in missing:
        filled["level"] = PLACEHOLDER_LEVEL
    if "region" in missing:
        filled["region"] = list(_PLACEHOLDER_REGION)
    try:
        return dump_body(filled), missing
    except YamlWriteError:
        return body_yaml, []


# --- the summary -----------------------------------------------------------------------------------


def summary(result: Imported, target: Path | None, data_dir: Path) -> str:
    head = f"{result.source}"
    if target is not None:
        head += f" → {target}"
    lines = [head]
    if result.fatal:
        lines.append(msg.S_FATAL(message=result.fatal))
    if result.format_note:
        year = msg.S_YEAR(year=result.year) if result.year else ""
        lines.append(msg.S_FORMAT(note=result.format_note, year=year))
    if result.tables is not None and result.tables.format is not None:
        fmt = get_format(result.tables.format.id)
        lines.append(msg.S_TABLES_FOUND(tables=_tables(fmt, result.tables.found)))
        lines.append(msg.S_TABLES_MISSING(tables=_tables(fmt, result.tables.missing)))
    if result.prose is not None and result.tables is not None and result.tables.format is not None:
        keys = [p.key for p in result.tables.format.parts]
        present = [k for k in keys if k in result.prose.parts]
        absent = [k for k in keys if k not in result.prose.parts]
        lines.append(msg.S_PARTS(present=" ".join(present) or msg.S_NONE(),
                                 absent=msg.S_PARTS_MISSING(parts=" ".join(absent)) if absent else ""))
    fees = ((result.report.get("parts") or {}).get("六") or {}).get("fees")
    if fees:
        lines.append(msg.S_FEES(fees=msg.S_LIST().join(f"{k} {v}" for k, v in fees.items())))
    if result.body_notes:
        lines.append(msg.S_BODY())
        lines += [f"    - {n}" for n in result.body_notes]
    if target is not None and result.acknowledged:
        lines.append(msg.S_ACKNOWLEDGED(count=len(result.acknowledged)))
        lines += _finding_lines(result.acknowledged)
    if isinstance(result, WorkbookImported):
        lines += workbook_lines(result, target)
    elif target is not None and result.open_findings:
        lines.append(msg.S_OPEN(count=len(result.open_findings)))
        lines += _finding_lines(result.open_findings)
    unplaced: list[Any] = result.report.get("unplaced", [])
    if unplaced:
        lines.append(msg.S_UNPLACED(count=len(unplaced)))
        lines += [f"    - {_short(str(u))}" for u in unplaced]
    if result.prose is not None and result.prose.ignored:
        lines.append(msg.S_IGNORED(count=len(result.prose.ignored),
                                   texts=" / ".join(_short(t, 20) for t in result.prose.ignored[:8])))
    lines.append(msg.S_WARNINGS(count=len(result.warnings)) if result.warnings else msg.S_NO_WARNINGS())
    lines += [f"    - {w}" for w in result.warnings]
    lines.append(msg.S_ERRORS(count=len(result.errors)) if result.errors else msg.S_NO_ERRORS())
    lines += [f"    - {e}" for e in result.errors]
    lines.append(msg.S_RESULT(status=msg.STATUS[result.status]()))
    return "\n".join(lines)


def _tables(fmt: Format, keys: list[str]) -> str:
    """Tables as the summary names them (三、收到和处理政府信息公开申请情况), or none."""
    parts = {p.table: p.key for p in fmt.parts if p.table}
    shown = [msg.S_TABLE.format(part=parts.get(k, ""), caption=fmt.table(k).caption) for k in keys]
    return " ".join(shown) or msg.S_NONE()


def _finding_lines(problems: list[Problem]) -> list[str]:
    """One line per finding; a rule found in more than three places is one line naming them all."""
    by_rule: dict[str, list[Problem]] = {}
    for problem in problems:
        by_rule.setdefault(problem.rule, []).append(problem)
    lines = []
    for rule, found in by_rule.items():
        if len(found) > 3:
            # The rule's statement, without the row or column it failed at ("；" in Chinese, "; " in English).
            common = re.split(r"；|; ", found[0].message, maxsplit=1)[0]
            lines.append(msg.S_FINDINGS(rule=rule, count=len(found), common=common,
                                        cells=msg.S_CELLS().join(p.cells for p in found)))
            continue
        lines += [msg.S_FINDING(rule=p.rule, cells=p.cells, message=p.message,
                                found=msg.S_FOUND(found=_short(p.found, 60)) if p.found else "")
                  for p in found]
    return lines


def _short(text: str, width: int = 100) -> str:
    text = re.sub(r"\s+", " ", text)
    return text if len(text) <= width else text[: width - 1] + "…"
