"""A region page's 汇总 sections: per year, newest first, the statutory tables summed over the
region's bodies (nianbao.figures.regions) in their official layout, the coverage line and the
distribution of 公开率 across the bodies (counts per band: no body is named or ranked).

The tables are late HTML blocks (search leaves them out, as on report pages). A province with many
years would make a large page, so the tables are rendered for the newest TABLE_YEARS years only;
older years keep their coverage and distribution, and their tables are on the pages of the
sub-regions and bodies.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping

from markupsafe import escape

from ..catalogue import site as words
from ..cells import BLANK, NA, Cell
from ..checks.identities import format_number
from ..figures.regions import BANDS, RegionYear, SumCell
from ..model import Body
from .pages import md_text, placeholder
from .table_html import render_table

TABLE_YEARS = 2
MISSING_LISTED = 30  # names listed of the bodies without a report; beyond, a count


def _cell(cell: SumCell) -> tuple[Cell, str]:
    """The Cell shown for a 汇总 cell, and the HTML of its note."""
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
        text = format_number(amount.value) + cell.unit
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
            shown = []
            for i, cell in enumerate(cells):
                value, note = _cell(cell)
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
    rows = []
    for i, (low, high) in enumerate(BANDS):
        label = (words.REGION_BAND_LAST if i == len(BANDS) - 1 else words.REGION_BAND)(low=low, high=high)
        rows.append(f"| {label} | {region_year.bands[i]} |")
    rows.append(f"| {words.RATE_NONE()} | {region_year.bands[-1]} |")
    return rows


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
