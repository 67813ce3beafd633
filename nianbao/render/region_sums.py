"""A region page's 汇总 sections: per year, newest first, the statutory tables summed over the
region's bodies (nianbao.figures.regions) in their official layout, the coverage line and the
distribution of 公开率 across the bodies (counts per band: no body is named or ranked).

The tables are late HTML blocks (search leaves them out, as on report pages). A province with many
years would make a large page, so the tables are rendered for the newest TABLE_YEARS years only;
older years keep their coverage and distribution, and each body's tables of those years are on its
report pages.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping

from markupsafe import Markup, escape

from ..catalogue import site as words
from ..cells import BLANK, NA, Cell
from ..checks.identities import format_number
from ..figures.regions import BANDS, RegionYear, SumCell
from ..model import Body
from . import environment
from .pages import md_text, placeholder
from .table_html import render_table

TABLE_YEARS = 2
MISSING_LISTED = 30  # names listed of the bodies without a report; beyond, a count


def _cell(cell: SumCell, signed: bool = False) -> tuple[Cell, str]:
    """The Cell shown for a 汇总 cell, and the HTML of its note; ``signed``: a change (本年增/减),
    shown with its sign as reports print it."""
    notes = []
    if cell.partial:
        notes.append(f'<sup class="nb-partial-mark" aria-hidden="true">{escape(words.REGION_PARTIAL_MARK())}</sup>'
                     f'<span class="nb-sr-only">{escape(words.REGION_PARTIAL_SR(count=cell.blanks))}</span>')
    if cell.na and cell.amount.state != "na":
        notes.append(f'<span class="nb-sr-only">{escape(words.REGION_NA_SR(count=cell.na))}</span>')
    if cell.other_format:
        notes.append(f'<sup class="nb-other-mark" aria-hidden="true">{escape(words.REGION_OTHER_MARK())}</sup>'
                     f'<span class="nb-sr-only">{escape(words.REGION_OTHER_SR(count=cell.other_format))}</span>')
    amount = cell.amount
    if amount.value is not None and amount.state in ("number", "partial"):
        text = format_number(amount.value, signed=signed) + cell.unit
        return Cell("number", amount.value, text, cell.unit), "".join(notes)
    if amount.state == "na":
        return NA, "".join(notes)
    if not (cell.numbers or cell.blanks or cell.na):  # nothing could be counted here
        notes.append(f'<span class="nb-sr-only">{escape(words.REGION_NOTHING_SR())}</span>')
        return Cell("na", text=words.REGION_NOTHING()), "".join(notes)
    return BLANK, "".join(notes)


def sum_tables_html(region_year: RegionYear) -> str:
    """The year's three tables, summed, in the official layout (ids unique per year)."""
    fmt = region_year.format
    out = []
    for table in fmt.tables:
        values: dict[str, tuple[Cell, ...]] = {}
        notes: dict[tuple[str, int], str] = {}
        for row, cells in region_year.tables[table.key].items():
            signed = [node.kind == "signed" for _, node in table.row(row)[1].leaf_columns]
            shown = []
            for i, cell in enumerate(cells):
                value, note = _cell(cell, signed[i])
                shown.append(value)
                if note:
                    notes[(row, i)] = note
            values[row] = tuple(shown)
        out.append(render_table(fmt, table.key, values, notes=notes, id_prefix=f"y{region_year.year}-"))
    return "\n".join(out)


def _names(slugs: tuple[str, ...], bodies: Mapping[str, Body], link: Callable[[str], str]) -> str:
    listed = [f"[{md_text(bodies[s].name)}]({link(s)})" for s in slugs[:MISSING_LISTED]]
    if len(slugs) > MISSING_LISTED:
        return words.REGION_MISSING_MORE(names="、".join(listed), count=len(slugs))
    return "、".join(listed)


def _band_rows(region_year: RegionYear) -> list[str]:
    return [f"| {label} | {count} |" for label, count in _bands(region_year)]


def region_sum_sections(years: list[RegionYear], bodies: Mapping[str, Body],
                        link: Callable[[str], str]) -> tuple[str, dict[str, Callable[[], str]]]:
    """The sections' Markdown, and the late blocks (the tables) by key, rendered when asked for.
    ``link`` gives the relative link to a body's page from this page."""
    md: list[str] = []
    late: dict[str, Callable[[], str]] = {}
    for index, region_year in enumerate(years):
        year = region_year.year
        md.append(f"## {words.SECTION_REGION_SUM(year=year)} {{#sum-{year}}}\n")
        present = len(region_year.reported) + len(region_year.missing)
        md.append(words.REGION_COVERAGE(bodies=present, reported=len(region_year.reported))
                  + words.REGION_COVERAGE_NOTE() + "\n")
        if region_year.missing:
            md.append(words.REGION_MISSING(names=_names(region_year.missing, bodies, link)) + "\n")
        if index < TABLE_YEARS:
            if region_year.other_format:
                md.append(words.REGION_OTHER_FORMAT(count=len(region_year.other_format),
                                                    format="、".join(region_year.other_format_names),
                                                    mark=words.REGION_OTHER_MARK(),
                                                    names=_names(region_year.other_format, bodies, link)) + "\n")
            md.append(words.REGION_SUM_NOTE(year=year, format=region_year.format.name) + "\n")
            key = f"region-sum-{year}"
            md.append(placeholder(key) + "\n")
            late[key] = functools.partial(sum_tables_html, region_year)
        md.append(f"### {words.REGION_DISTRIBUTION()}\n")
        md.append(words.REGION_DISTRIBUTION_NOTE() + "\n")
        md += [words.REGION_BAND_HEADER(), "|---|---:|", *_band_rows(region_year), ""]
        md.append(words.REGION_NO_APPLICATIONS(count=region_year.no_applications) + "\n")
    older = [str(y.year) for y in years[TABLE_YEARS:]]
    if older:
        md.insert(0, words.REGION_OLDER_YEARS(years="、".join(older)) + "\n")
    return "\n".join(md), late


def _html_names(text: str, slugs: tuple[str, ...], names: Mapping[str, tuple[str, str]]) -> Markup:
    """``text`` (a catalogue text whose {names} is the list) with the bodies named as links."""
    links = [Markup('<a href="{}">{}</a>').format(names[s][1], names[s][0]) for s in slugs[:MISSING_LISTED]]
    joined = Markup("、").join(links)
    if len(slugs) > MISSING_LISTED:
        joined = _fill(words.REGION_MISSING_MORE(names=_HOLE, count=len(slugs)), joined)
    return _fill(text, joined)


_HOLE = "\x00"  # where a list of links goes in a catalogue text; never in one otherwise


def _fill(text: str, html: Markup) -> Markup:
    return escape(text).replace(_HOLE, html)


def province_html(province: str, years: list[RegionYear], names: Mapping[str, tuple[str, str]],
                  left_out: list[str]) -> str:
    """A province's 汇总 as a page of its own (a sharded site's): ``names`` gives each body's name
    and the address of its page, ``left_out`` the titles of shards not counted."""
    t = {"lang": words.LANDING_LANG(), "title": words.PROVINCE_TITLE(province=province),
         "intro": words.PROVINCE_INTRO(province=province), "back": words.PROVINCE_BACK(),
         "left_out": words.PROVINCE_SHARDS_LEFT_OUT(names="、".join(left_out)) if left_out else ""}
    header = [h.strip() for h in words.REGION_BAND_HEADER().strip("|").split("|")]
    view = []
    for index, y in enumerate(years):
        present = len(y.reported) + len(y.missing)
        view.append({
            "year": y.year, "heading": words.SECTION_REGION_SUM(year=y.year),
            "coverage": words.REGION_COVERAGE(bodies=present, reported=len(y.reported)) + words.REGION_COVERAGE_NOTE(),
            "missing": _html_names(words.REGION_MISSING(names=_HOLE), y.missing, names) if y.missing else "",
            "other_format": _html_names(words.REGION_OTHER_FORMAT(
                count=len(y.other_format), format="、".join(y.other_format_names), names=_HOLE,
                mark=words.REGION_OTHER_MARK()), y.other_format, names) if y.other_format else "",
            "note": words.REGION_SUM_NOTE(year=y.year, format=y.format.name),
            "tables": Markup(sum_tables_html(y)) if index < TABLE_YEARS else "",
            "distribution": words.REGION_DISTRIBUTION(), "distribution_note": words.REGION_DISTRIBUTION_NOTE(),
            "band_header": header, "bands": _bands(y),
            "no_applications": words.REGION_NO_APPLICATIONS(count=y.no_applications),
        })
    return environment().get_template("province.html.j2").render(t=t, years=view)


def _bands(region_year: RegionYear) -> list[tuple[str, int]]:
    out = []
    for i, (low, high) in enumerate(BANDS):
        label = (words.REGION_BAND_LAST if i == len(BANDS) - 1 else words.REGION_BAND)(low=low, high=high)
        out.append((label, region_year.bands[i]))
    out.append((words.RATE_NONE(), region_year.bands[-1]))
    return out
