"""Command line: ``python -m nianbao check|new|new-body|schema|pages|export|search-index|shards|excel|rules|quality|``
``import``.

Exit codes: 0 clean, 1 problems found, 2 usage error (as argparse does).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .catalogue import CATEGORIES, all_rules, messages, set_language
from .catalogue import site as words
from .cli_parser import Parser
from .datafiles import BODY_FILE, kind, report_files
from .loader import DataDirError
from .problems import Problem, display_path, report_text
from .schema import write_schemas
from .settings import Settings, SettingsError
from .site import acknowledged_note, build_site, check_site, failure_text, warning_messages

if TYPE_CHECKING:
    from .shards import ShardResult


def _data_root(path: Path) -> tuple[Path, Path | None]:
    """The data folder holding path, and the part of it to report on (None: everything)."""
    path = path.resolve()
    if path.is_file():
        return path.parent.parent, path
    # A data folder holding a report or body.yml put there by mistake is still the data folder.
    if not _holds_bodies(path) and ((path / BODY_FILE).exists() or report_files(path)):
        return path.parent, path
    return path, None


def _holds_bodies(path: Path) -> bool:
    return path.is_dir() and any(
        kind(p) == "folder" and not p.name.startswith(("_", ".")) and ((p / BODY_FILE).exists() or report_files(p))
        for p in path.iterdir())


def _within(problem: Problem, focus: Path | None, root: Path) -> bool:
    return _within_file(problem.file, focus, root)


def _within_file(name: str, focus: Path | None, root: Path) -> bool:
    if focus is None:
        return True
    file = (root / name).resolve()
    return file == focus or focus in file.parents


def cmd_check(args: argparse.Namespace) -> int:
    data_dir, focus = _data_root(Path(args.path))
    root = Path.cwd()
    try:
        data, _ = check_site(data_dir, root)
    except DataDirError as exc:
        print(words.CHECK_FAILED(error=exc), file=sys.stderr)
        return 2
    # Problems of the folder as a whole (a stray file, two bodies of one name) stop every build,
    # so they are reported whatever is checked: check FILE passes only where mkdocs build can.
    findings = [p for p in data.findings.problems if p in data.layout or _within(p, focus, root)]
    open_ = [p for p in findings if not p.acknowledged]
    failing = [p for p in open_ if p.severity == "error" or args.strict]
    if open_:
        print(report_text(open_))
        print()
    acknowledged = len(findings) - len(open_)
    errors = sum(1 for p in open_ if p.severity == "error")
    reports = [r for r in data.reports.values() if _within_file(r.file, focus, root)]
    bodies = {r.body for r in reports} | {s for s in data.bodies if focus is None or (data_dir / s) == focus}
    summary = messages.SUMMARY(errors=errors, warnings=len(open_) - errors, acknowledged=acknowledged)
    print(messages.CHECKED(reports=len(reports), bodies=len(bodies), summary=summary))
    return 1 if failing else 0


def cmd_new(args: argparse.Namespace) -> int:
    """Write the blank report of a body for a year, with last year's carried-over figures."""
    from .catalogue import newfiles as w
    from .newfiles import NewFileError, new_report

    root = Path.cwd()
    try:
        made = new_report(Path(args.data), args.body, args.year, root)
    except NewFileError as exc:
        print(w.FAILED(command="new", message=exc), file=sys.stderr)
        return exc.code
    shown = display_path(made.path, root)
    print(w.WROTE_REPORT(file=shown, year=args.year, format=made.format.name, notice=made.format.notice))
    if not made.previous_file:
        print(w.NO_PREVIOUS(year=args.year - 1))
    elif not made.previous_read:
        print(w.PREVIOUS_UNREADABLE(file=made.previous_file))
    rows = {kind: [w.TOOK_ROW(row=c.row_label, count=len(getattr(c, kind))) for c in made.carried if getattr(c, kind)]
            for kind in ("taken", "left", "shown")}
    if rows["taken"]:
        print(w.TOOK(file=made.previous_file, what=w.JOIN().join(rows["taken"])))
    if rows["left"]:
        print(w.LEFT(what=w.JOIN().join(rows["left"])))
    if rows["shown"]:
        print(w.SHOWN(what=w.JOIN().join(rows["shown"])))
    print(w.NEXT_REPORT(file=shown))
    return 0


def cmd_new_body(args: argparse.Namespace) -> int:
    """Write body.yml for a new body, every field explained."""
    from .catalogue import newfiles as w
    from .newfiles import NewFileError, data_option, new_body

    root = Path.cwd()
    try:
        path = new_body(Path(args.data), args.body, args.name, root)
    except NewFileError as exc:
        print(w.FAILED(command="new-body", message=exc), file=sys.stderr)
        return exc.code
    print(w.WROTE_BODY(file=display_path(path, root), name=args.name.strip()))
    print(w.NEXT_BODY(slug=args.body, data=data_option(Path(args.data))))
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    for path in write_schemas(Path(args.data)):
        print(words.SCHEMA_WROTE(path=path))
    return 0


def cmd_pages(args: argparse.Namespace) -> int:
    """Write the complete site as a docs tree with its own mkdocs.yml (no hook), for other site tools."""
    from .export import ExportError, export_tree
    from .export_config import read_project_config

    try:
        settings = Settings.from_environ(os.environ)
        project = read_project_config(Path(args.config).resolve(), os.environ)
        data_dir = Path(args.data) if args.data else settings.data_dir(project.root)
        build = build_site(data_dir, project.root, settings.only, settings.shard_bodies(), project.docs_dir,
                           directory_urls=project.directory_urls, quality=settings.quality)
    except (SettingsError, ExportError) as exc:
        print(words.PAGES_FAILED(error=exc), file=sys.stderr)
        return 2
    except DataDirError as exc:
        print(words.PAGES_NO_DATA(problem=exc), file=sys.stderr)
        return 2
    failure = failure_text(build, data_dir, strict=args.strict)
    if failure:
        print(failure)
        return 1
    for message in warning_messages(build):
        print(words.LOG_WARNING.format(message=message), file=sys.stderr)
    note = acknowledged_note(build)
    if note:
        print(words.LOG_INFO.format(message=note), file=sys.stderr)
    out = Path(args.out)
    try:
        exported = export_tree(build, project, settings, out)
    except ExportError as exc:
        print(words.PAGES_FAILED(error=exc), file=sys.stderr)
        return 1
    except OSError as exc:
        where = words.PAGES_WRITING_FILE(file=exc.filename) if exc.filename else words.PAGES_WRITING()
        print(words.PAGES_DISK_FAILED(where=where, error=exc.strerror or exc, out=out), file=sys.stderr)
        return 1
    only = words.PAGES_ONLY(bodies="、".join(sorted(settings.only))) if settings.only else ""
    print(words.PAGES_WROTE(pages=exported.pages, only=only, files=exported.files, out=out))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write the open data of every report (no site): refused, like a build, when the data has errors."""
    from .catalogue import opendata as od
    from .opendata import OpenDataRefused, export_open_data

    data_dir = Path(args.data)
    try:
        data, _ = check_site(data_dir, data_dir.parent)
    except DataDirError as exc:
        print(words.PAGES_NO_DATA(problem=exc), file=sys.stderr)
        return 2
    if data.findings.errors:
        print(report_text([p for p in data.findings.open if p.severity == "error"]))
        return 1
    out = Path(args.out)
    try:
        files = export_open_data(data, out)
    except (OpenDataRefused, OSError) as exc:
        print(od.EXPORT_FAILED(error=exc), file=sys.stderr)
        return 1
    print(od.EXPORT_WROTE(reports=len(data.reports), files=files, out=out))
    return 0


def cmd_search_index(args: argparse.Namespace) -> int:
    """Write a built site's search index, as the MkDocs hook does after its build."""
    from .search import INDEX_DIR, SearchIndexError, index_site

    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(messages.SEARCH_INDEX_NO_SITE(path=site), file=sys.stderr)
        return 2
    try:
        index_site(site)
    except SearchIndexError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(messages.SEARCH_INDEX_WROTE(path=site / INDEX_DIR))
    return 0


def _shard_line(r: ShardResult) -> str:
    seconds = words.SHARD_SECONDS(seconds=r.seconds) if r.status != "reused" else ""
    line = words.SHARD_LINE(status=words.SHARD_STATUS[r.status](), slug=r.shard.slug, bodies=len(r.shard.bodies),
                            reports=r.shard.reports(), seconds=seconds)
    if r.status == "failed":
        line += "\n" + "\n".join("        " + row for row in r.log.strip().splitlines()[-30:])
    return line


def cmd_shards(args: argparse.Namespace) -> int:
    """Build the site as one MkDocs site per region behind a landing page (for very large data): in
    this one command, or as a plan of jobs (--plan) that make, xargs or a CI matrix runs."""
    from . import shards as sh

    step = args.list or args.pending or args.build or args.assemble or args.github_matrix
    if args.plan is None:
        if step or args.gitlab:
            print(words.PLAN_NEEDED(), file=sys.stderr)
            return 2
    elif step:
        return _run_plan(args, Path(args.plan))
    data = Path(args.data)
    if not data.is_dir():
        print(words.SHARDS_FAILED(error=messages.CLI_DATA_DIR_MISSING(path=data)), file=sys.stderr)
        return 2
    if args.plan is not None:
        plan = Path(args.plan)
        jobs = sh.make_plan(data, Path(args.out), Path.cwd(), depth=args.depth)
        plan.parent.mkdir(parents=True, exist_ok=True)
        plan.write_text(sh.plan_json(jobs), encoding="utf-8")
        print(words.PLAN_WROTE(path=plan, count=len(jobs), reports=sum(j.shard.reports() for j in jobs)))
        if len(jobs) > sh.GITHUB_MATRIX_MAX:
            entries = sh.github_matrix(jobs)["include"]
            print(words.PLAN_MATRIX_LIMIT(count=len(jobs), limit=sh.GITHUB_MATRIX_MAX, entries=len(entries),
                                          size=-(-len(jobs) // len(entries))))
        if args.gitlab:
            try:  # the project's template, from the project's folder as every command is run
                template = (Path.cwd() / sh.GITLAB_TEMPLATE).read_text(encoding="utf-8")
                Path(args.gitlab).write_text(sh.gitlab_pipeline(jobs, template), encoding="utf-8")
            except OSError as exc:
                print(words.SHARDS_FAILED(error=exc), file=sys.stderr)
                return 2
            print(words.PLAN_WROTE_GITLAB(path=args.gitlab))
        return 0
    results = sh.build_shards(data, Path(args.out), Path.cwd(), depth=args.depth,
                              progress=lambda r: print(_shard_line(r), flush=True))
    failed = sum(r.status == "failed" for r in results)
    print(words.SHARDS_TOTAL(count=len(results), built=sum(r.status == "built" for r in results),
                             reused=sum(r.status == "reused" for r in results), failed=failed,
                             landing=f"{args.out}/index.html"))
    return 1 if failed else 0


def _run_plan(args: argparse.Namespace, plan: Path) -> int:
    from . import shards as sh

    try:
        jobs = sh.read_plan(plan)
        chosen = [sh.find_job(jobs, slug, plan) for slug in args.build or ()]
    except sh.PlanError as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.list or args.pending:
        print("".join(f"{job.shard.slug}\n" for job in jobs if args.list or sh.pending(job)), end="")
        return 0
    if args.github_matrix:  # one line: a GitHub Actions step output
        print(json.dumps(sh.github_matrix(jobs), ensure_ascii=False, separators=(",", ":")))
        return 0
    if args.build:
        # One print a shard: the lines of jobs run side by side (xargs -P) do not interleave.
        results = [sh.build_shard(job, Path.cwd()) for job in chosen]
        for r in results:
            print(_shard_line(r), flush=True)
        return 1 if any(r.status == "failed" for r in results) else 0
    results = sh.assemble(jobs, Path.cwd())
    failed = sum(r.status == "failed" for r in results)
    if jobs:
        print(words.SHARDS_ASSEMBLED(count=len(results), failed=failed, landing=jobs[0].site / "index.html"))
    return 1 if failed else 0


def cmd_excel(args: argparse.Namespace) -> int:
    """Write a report's statutory tables as an Excel workbook, to be filled and imported back."""
    from .catalogue import workbook as W
    from .excel import ExcelError, ExcelUsageError, export_workbook

    try:
        done = export_workbook(Path(args.data), args.body, args.year, Path(args.out) if args.out else None,
                               args.force)
    except ExcelError as exc:
        print(W.EXCEL_FAILED(error=exc), file=sys.stderr)
        return 2 if isinstance(exc, ExcelUsageError) else 1
    if done.blank:
        report = Path(args.data) / args.body / f"{args.year}.yml"
        print(W.EXCEL_BLANK(report=report, format=done.format.name))
    print(W.EXCEL_WROTE(path=done.path, sheets="、".join(done.sheets), format=done.format.name, data=args.data))
    return 0


def cmd_rules(args: argparse.Namespace) -> int:
    """Print the rule catalogue: every rule, what it checks, why, and how it is treated."""
    m = messages
    for key, name in CATEGORIES.items():
        chosen = [r for r in all_rules() if r.category == key]
        if not chosen:
            continue
        print(f"== {name()} ==")
        for rule in chosen:
            print(m.RULES_HEAD(id=rule.id, severity=m.SEVERITY[rule.severity](), title=rule.title))
            print("    " + m.RULES_WHAT(text=rule.citizen))
            print("    " + m.RULES_BASIS(text=rule.basis))
            print("    " + m.RULES_FLAGS(ack=(m.YES if rule.acknowledgeable else m.NO)(),
                                         cross=(m.YES if rule.cross_year else m.NO)()))
        print()
    print(m.RULES_COUNT(count=len(all_rules())))
    return 0


def cmd_quality(args: argparse.Namespace) -> int:
    """Print the quality indicators of every body and year: exit 0 even when some are flagged (it
    is a report), 1 when some data could not be read (its reports have no figures), 2 without data."""
    from .catalogue import quality as q
    from .loader import load_data
    from .quality import QualitySettings, figures, unread
    from .quality.output import render, select

    root = Path.cwd()
    try:
        data = load_data(Path(args.data), root)
    except DataDirError as exc:
        print(q.FAILED(error=exc), file=sys.stderr)
        return 2
    unreadable = unread(data)
    settings = QualitySettings(overview_max_chars=args.overview_max)
    found = select(figures(data, settings), data, year=args.year, region=args.region)
    text = render(found, args.format)
    if args.format == "table":
        sys.stdout.write(text)
    else:  # UTF-8 whatever the console's code page: the CSV's BOM tells Excel so
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
    print(q.SUMMARY(rows=len(found), bodies=len({f.body for f in found}), flagged=sum(f.flag for f in found)),
          file=sys.stderr)
    if unreadable:
        print(q.UNREADABLE(count=len(unreadable)), file=sys.stderr)
        print(report_text(unreadable), file=sys.stderr)
        return 1
    return 0


def _lang(argv: list[str]) -> list[str]:
    """Take `--lang zh|en` from anywhere on the line (before or after the command), and apply it."""
    rest = []
    args = iter(argv)
    for arg in args:
        value = next(args, "") if arg == "--lang" else None
        if arg.startswith("--lang="):
            value = arg.removeprefix("--lang=")
        if value is None:
            rest.append(arg)
        elif value in ("zh", "en"):
            set_language(value)  # type: ignore[arg-type]
        else:
            rest += ["--lang", value]  # left for argparse to refuse in its words
    return rest


def main(argv: list[str] | None = None) -> int:
    argv = _lang(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "import":
        from .importer.cli import main as import_main

        return import_main(argv[1:])
    m = messages
    parser = Parser(prog="python -m nianbao", description=m.CLI_DESCRIPTION())
    parser.add_argument("--lang", choices=("zh", "en"), help=m.CLI_LANG())
    sub = parser.add_subparsers(dest="command", required=True, title=m.CLI_POSITIONALS(), metavar=m.CLI_COMMAND())
    check = sub.add_parser("check", help=m.CLI_CHECK(), description=m.CLI_CHECK())
    check.add_argument("path", nargs="?", default="data", help=m.CLI_CHECK_PATH())
    check.add_argument("--strict", action="store_true", help=m.CLI_STRICT())
    check.set_defaults(run=cmd_check)
    from .catalogue import newfiles as w

    new = sub.add_parser("new", help=w.CLI_NEW_HELP(), description=f"{w.CLI_NEW()}\n{w.CLI_EXIT()}")
    new.add_argument("body", metavar=w.METAVAR_BODY(), help=w.CLI_BODY())
    new.add_argument("year", metavar=w.METAVAR_YEAR(), type=int, help=w.CLI_YEAR())
    new.add_argument("--data", default="data", metavar=w.METAVAR_DIR(), help=w.CLI_DATA())
    new.set_defaults(run=cmd_new)
    new_body = sub.add_parser("new-body", help=w.CLI_NEW_BODY_HELP(), description=f"{w.CLI_NEW_BODY()}\n{w.CLI_EXIT()}")
    new_body.add_argument("body", metavar=w.METAVAR_BODY(), help=w.CLI_BODY())
    new_body.add_argument("name", metavar=w.METAVAR_NAME(), help=w.CLI_NAME())
    new_body.add_argument("--data", default="data", metavar=w.METAVAR_DIR(), help=w.CLI_DATA())
    new_body.set_defaults(run=cmd_new_body)
    schema = sub.add_parser("schema", help=m.CLI_SCHEMA(), description=m.CLI_SCHEMA())
    schema.add_argument("--data", default="data", help=m.CLI_DATA())
    schema.set_defaults(run=cmd_schema)
    pages = sub.add_parser("pages", help=m.CLI_PAGES(), description=m.CLI_PAGES())
    pages.add_argument("out", help=m.CLI_PAGES_OUT())
    pages.add_argument("--data", help=m.CLI_PAGES_DATA())
    pages.add_argument("--config", default="mkdocs.yml", help=m.CLI_PAGES_CONFIG())
    pages.add_argument("--strict", action="store_true", help=m.CLI_STRICT())
    pages.set_defaults(run=cmd_pages)
    export = sub.add_parser("export", help=m.CLI_EXPORT(), description=m.CLI_EXPORT())
    export.add_argument("out", help=m.CLI_EXPORT_OUT())
    export.add_argument("--data", default="data", help=m.CLI_DATA())
    export.set_defaults(run=cmd_export)
    search_index = sub.add_parser("search-index", help=m.CLI_SEARCH_INDEX(), description=m.CLI_SEARCH_INDEX())
    search_index.add_argument("site", help=m.CLI_SEARCH_INDEX_SITE())
    search_index.set_defaults(run=cmd_search_index)
    shards = sub.add_parser("shards", help=m.CLI_SHARDS(), description=m.CLI_SHARDS())
    shards.add_argument("--data", default="data", help=m.CLI_DATA())
    shards.add_argument("--out", default="site", help=m.CLI_SHARDS_OUT())
    shards.add_argument("--depth", type=int, default=2, help=m.CLI_DEPTH())
    shards.add_argument("--plan", metavar=m.METAVAR_FILE(), help=m.CLI_PLAN())
    plan_step = shards.add_mutually_exclusive_group()
    plan_step.add_argument("--list", action="store_true", help=m.CLI_PLAN_LIST())
    plan_step.add_argument("--pending", action="store_true", help=m.CLI_PLAN_PENDING())
    plan_step.add_argument("--build", nargs="+", metavar=m.METAVAR_SHARD(), help=m.CLI_PLAN_BUILD())
    plan_step.add_argument("--assemble", action="store_true", help=m.CLI_PLAN_ASSEMBLE())
    plan_step.add_argument("--github-matrix", action="store_true", help=m.CLI_PLAN_GITHUB())
    shards.add_argument("--gitlab", metavar=m.METAVAR_FILE(), help=m.CLI_PLAN_GITLAB())
    shards.set_defaults(run=cmd_shards)
    from .catalogue import workbook as W

    excel = sub.add_parser("excel", help=W.CLI_EXCEL_HELP(), description=f"{W.CLI_EXCEL()}\n{W.CLI_EXCEL_EXIT()}")
    excel.add_argument("body", metavar=w.METAVAR_BODY(), help=W.CLI_EXCEL_BODY())
    excel.add_argument("year", metavar=w.METAVAR_YEAR(), type=int, help=W.CLI_EXCEL_YEAR())
    excel.add_argument("--data", default="data", metavar=w.METAVAR_DIR(), help=m.CLI_DATA())
    excel.add_argument("--out", metavar=W.METAVAR_FILE(), help=W.CLI_EXCEL_OUT())
    excel.add_argument("--force", action="store_true", help=W.CLI_EXCEL_FORCE())
    excel.set_defaults(run=cmd_excel)
    rules = sub.add_parser("rules", help=m.CLI_RULES(), description=m.CLI_RULES())
    rules.set_defaults(run=cmd_rules)
    from .catalogue import quality as q
    from .quality.output import SHAPES

    quality = sub.add_parser("quality", help=q.CLI_QUALITY_HELP(), description=q.CLI_QUALITY())
    quality.add_argument("data", nargs="?", default="data", metavar=q.METAVAR_DATA(), help=q.CLI_QUALITY_DATA())
    quality.add_argument("--year", type=int, metavar=q.METAVAR_YEAR(), help=q.CLI_QUALITY_YEAR())
    quality.add_argument("--region", metavar=q.METAVAR_REGION(), help=q.CLI_QUALITY_REGION())
    quality.add_argument("--format", choices=SHAPES, default="table", help=q.CLI_QUALITY_FORMAT())
    quality.add_argument("--overview-max", type=int, metavar=q.METAVAR_CHARS(), help=q.CLI_QUALITY_OVERVIEW())
    quality.set_defaults(run=cmd_quality)
    sub.add_parser("import", help=m.CLI_IMPORT(), add_help=False)
    args = parser.parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
