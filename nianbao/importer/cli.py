"""``python -m nianbao import SOURCE... [--body SLUG] [--year YYYY] [--data DIR] [--force]``

Imports published reports (HTML pages, plain text, whole folders) into ``data/<body>/<year>.yml``
(and ``body.yml`` for a new body), then prints per source: the format found, tables found and
missing, part 六's fees, the new body's guesses, the validator's findings written as acknowledged
(and the cross-year ones left open), warnings and errors.

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
from ..datafiles import BODY_FILE, report_file_name
from ..formats import get_format
from ..loader import SLUG, read_body
from ..model import Contact
from ..problems import Problem
from ..writer import YamlWriteError, dump_body, dump_report
from .assemble import HTML_SUFFIXES, TEXT_SUFFIXES, UNSUPPORTED, Imported, import_source
from .body import new_body
from .findings import acknowledgeable, acknowledgement, validate_imported
from .slug import slug_candidates, slug_name

SOURCE_SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES


class UsageError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m nianbao import",
        description="Import published 政府信息公开工作年度报告 (HTML pages, plain text, folders of them) into data/.",
    )
    parser.add_argument("sources", nargs="+", metavar="SOURCE", help="HTML or text files, or folders of them")
    parser.add_argument("--body", metavar="SLUG", help="the body's folder under data/ (e.g. wanggang-zhen); "
                        "without it, the body is looked up by name among data/*/body.yml, and a new body's "
                        "folder is its short name in pinyin")
    parser.add_argument("--year", type=int, metavar="YYYY", help="the report year, when the text does not say it")
    parser.add_argument("--data", type=Path, default=Path("data"), metavar="DIR", help="the data folder (data)")
    parser.add_argument("--force", action="store_true", help="overwrite existing report files")
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
            raise UsageError(f"--body {args.body!r}: use lower-case letters, digits and '-' (e.g. wanggang-zhen)")
        if args.year is not None and not 2008 <= args.year <= 2100:
            raise UsageError(f"--year {args.year}: expected a report year such as 2020")
        if args.data.exists() and not args.data.is_dir():
            raise UsageError(f"--data {args.data}: not a folder")
        sources, skipped = expand_sources([Path(s) for s in args.sources])
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for path, why in skipped:
        print(f"skipped {path}: {why}", file=out)
    counts = {"imported": 0, "partial": 0, "failed": 0}
    written: set[Path] = set()
    for path in sources:
        result = import_source(path, args.year)
        target = _write(result, args, written) if not result.fatal else None
        counts[result.status] += 1
        print(summary(result, target, args.data), file=out)
    print(f"{counts['imported']} imported, {counts['partial']} partly imported, {counts['failed']} failed",
          file=out)
    return 0 if counts["partial"] == 0 and counts["failed"] == 0 else 1


def expand_sources(paths: list[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    sources: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                suffix = child.suffix.lower()
                if suffix in SOURCE_SUFFIXES:
                    sources.append(child)
                else:
                    skipped.append((child, UNSUPPORTED.get(suffix, "not an HTML or text file") +
                                    (" (not readable)" if suffix in UNSUPPORTED else "")))
        elif path.is_file():
            sources.append(path)
        else:
            raise UsageError(f"{path}: no such file or folder")
    if not sources and not skipped:
        raise UsageError("no source files given")
    return sources, skipped


# --- writing ---------------------------------------------------------------------------------------


def _write(result: Imported, args: argparse.Namespace, written: set[Path]) -> Path | None:
    assert result.year is not None
    data_dir: Path = args.data
    slug = args.body or _find_body(data_dir, result.name) or _new_slug(data_dir, result)
    if slug is None:
        result.fatal = (f"no body in {data_dir}/ is named 「{result.name or '?'}」 and no folder name can be "
                        "made from it; pass --body SLUG to choose its folder (a new body gets body.yml)")
        return None
    folder = data_dir / slug
    target = folder / report_file_name(result.year)
    if target in written:
        result.fatal = f"{target} was already written from another source in this run"
        return None
    for path in (folder, target, folder / "body.yml"):
        if path.is_symlink():  # --force or not: a link would have the import write outside the data folder
            result.fatal = (f"{path} 是符号链接（指向 {os.readlink(path)}），导入不穿过链接写文件，--force 也不行；"
                            "请删去这个链接（需要时换成真正的文件或文件夹）再导入")
            return None
    if os.path.lexists(target) and not args.force:
        result.fatal = f"{target} exists; pass --force to overwrite it"
        return None
    body_path = folder / "body.yml"
    body_yaml = body_path.read_text(encoding="utf-8") if body_path.exists() else None
    try:
        new_body_yaml = None
        if body_yaml is None:
            body, notes = new_body(result.name or slug, _contact(result),
                                   result.prose.website if result.prose else "", _texts(result.report))
            result.body_notes += [n.removeprefix("body.yml: ") for n in notes]
            new_body_yaml = body_yaml = dump_body(body)
        else:
            _compare_body(body_path, result)
        previous = folder / report_file_name(result.year - 1)
        readable = previous.is_file() and not previous.is_symlink()  # the loader reads no link either
        previous_yaml = previous.read_text(encoding="utf-8") if readable else None
        _acknowledge(result, body_yaml, previous_yaml)
        report_yaml = dump_report(result.report)
    except YamlWriteError as exc:
        result.fatal = f"没有写 {target}：{exc}"
        return None
    except OSError as exc:  # the check loads the report from a temporary folder, which a full disk refuses
        result.fatal = (f"检查导入结果时出错（{exc.strerror or exc}），没有写 {target}；原有的文件没有改动。"
                        "请解决这个问题（例如腾出磁盘空间）后重新导入")
        return None
    try:
        _write_files(data_dir, folder, target, report_yaml, body_path, new_body_yaml)
    except WriteRefused as exc:
        result.fatal = str(exc)
        return None
    except OSError as exc:
        what = target if new_body_yaml is None else f"{body_path} 和 {target}"
        result.fatal = (f"写 {what} 时出错（{exc.strerror or exc}），没有写成；原有的文件没有改动。"
                        "请解决这个问题（例如腾出磁盘空间）后重新导入")
        return None
    written.add(target)
    if new_body_yaml is not None:
        result.body_notes.insert(0, f"new body: wrote {body_path}; check its guesses")
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
        note = f"folder {slug} made from 「{slug_name(result.name)}」 in pinyin"
        if taken:
            note += f" ({how}: {'、'.join(taken)} belongs to another body)"
        result.body_notes.append(note + "; pass --body SLUG to choose another")
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
        result.warnings.append(f"the report is signed 「{result.name}」 but {body_path} names "
                               f"「{body.name}」: is --body right?")


def _acknowledge(result: Imported, body_yaml: str, previous_yaml: str | None) -> None:
    """Run the validator on the report as written; what it finds within the report is in the source:
    acknowledge it (与原文一致). Cross-year findings depend on other files: report them, open."""
    assert result.year is not None
    report = result.report
    validated = validate_imported(dump_report(report), body_yaml, result.year, previous_yaml)
    missing_tables = set(result.tables.missing if result.tables else ())
    padded = set(result.tables.missing_rows if result.tables else ())
    entries: dict[tuple[str, str], dict[str, str]] = {}
    for problem in validated.findings:
        table = problem.cells.split(".", 1)[0]
        if problem.rule == "P.2" and table in missing_tables:
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
        result.errors.append(f"validator [{problem.rule}] {problem.path}: {problem.message}"
                             + (f" (found {problem.found})" if problem.found else ""))


# --- the summary -----------------------------------------------------------------------------------


def summary(result: Imported, target: Path | None, data_dir: Path) -> str:
    head = f"{result.source}"
    if target is not None:
        head += f" → {target}"
    lines = [head]
    if result.fatal:
        lines.append(f"  error:    {result.fatal}")
    if result.format_note:
        year = f"; report year {result.year}" if result.year else ""
        lines.append(f"  format:   {result.format_note}{year}")
    if result.tables is not None and result.tables.format is not None:
        fmt = get_format(result.tables.format.id)
        names = {p.table: p.key for p in fmt.parts if p.table}
        found = " ".join(f"{names.get(k, '')}、{fmt.table(k).caption}" for k in result.tables.found) or "none"
        missing = " ".join(f"{names.get(k, '')}、{fmt.table(k).caption}" for k in result.tables.missing) or "none"
        lines.append(f"  tables:   found {found}")
        lines.append(f"            missing {missing}")
    if result.prose is not None and result.tables is not None and result.tables.format is not None:
        keys = [p.key for p in result.tables.format.parts]
        present = [k for k in keys if k in result.prose.parts]
        absent = [k for k in keys if k not in result.prose.parts]
        lines.append(f"  parts:    {' '.join(present) or 'none'}" + (f"; missing {' '.join(absent)}" if absent else ""))
    fees = ((result.report.get("parts") or {}).get("六") or {}).get("fees")
    if fees:
        lines.append("  fees:     part 六 states " + ", ".join(f"{k} {v}" for k, v in fees.items()))
    if result.body_notes:
        lines.append("  body:")
        lines += [f"    - {n}" for n in result.body_notes]
    if target is not None and result.acknowledged:
        lines.append(f"  acknowledged findings ({len(result.acknowledged)}, as in the source; "
                     "written under acknowledged: with reason 与原文一致):")
        lines += _finding_lines(result.acknowledged)
    if target is not None and result.open_findings:
        lines.append(f"  open findings ({len(result.open_findings)}, not acknowledged: they depend on other "
                     "files; check them with `python -m nianbao check`):")
        lines += _finding_lines(result.open_findings)
    unplaced: list[Any] = result.report.get("unplaced", [])
    if unplaced:
        lines.append(f"  unplaced ({len(unplaced)}, kept under unplaced:):")
        lines += [f"    - {_short(str(u))}" for u in unplaced]
    if result.prose is not None and result.prose.ignored:
        lines.append(f"  ignored page text ({len(result.prose.ignored)}): "
                     + " / ".join(_short(t, 20) for t in result.prose.ignored[:8]))
    lines.append(f"  warnings ({len(result.warnings)}):" if result.warnings else "  warnings: none")
    lines += [f"    - {w}" for w in result.warnings]
    lines.append(f"  errors ({len(result.errors)}):" if result.errors else "  errors:   none")
    lines += [f"    - {e}" for e in result.errors]
    lines.append(f"  result:   {_status_text(result)}")
    return "\n".join(lines)


def _finding_lines(problems: list[Problem]) -> list[str]:
    """One line per finding; a rule found in more than three places is one line naming them all."""
    by_rule: dict[str, list[Problem]] = {}
    for problem in problems:
        by_rule.setdefault(problem.rule, []).append(problem)
    lines = []
    for rule, found in by_rule.items():
        if len(found) > 3:
            common = found[0].message.partition("；")[0]
            lines.append(f"    - {rule} ×{len(found)} {common}: " + ", ".join(p.cells for p in found))
            continue
        lines += [f"    - {p.rule} {p.cells}: {p.message}" + (f" (found {_short(p.found, 60)})" if p.found else "")
                  for p in found]
    return lines


def _status_text(result: Imported) -> str:
    return {"imported": "imported", "partial": "partly imported (see errors)",
            "failed": "failed, nothing written"}[result.status]


def _short(text: str, width: int = 100) -> str:
    text = re.sub(r"\s+", " ", text)
    return text if len(text) <= width else text[: width - 1] + "…"
