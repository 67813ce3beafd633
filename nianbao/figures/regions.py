"""A region's 汇总: each statutory table of a year summed over the reports of the region's bodies.

The rules are those of ``sums.add``: numbers add up; a number beside a blank is a partial sum that
says how many bodies left the cell blank (a blank is never 0); 不适用 is left out and counted.

A year's 汇总 is laid out in the format prescribed for that year (``format_for_year``). A body whose
report of that year is in the other format (still on the 2019 tables in 2021) is counted only in
the cells both formats name as the same concept (``Format.concepts``); every other cell of the
year's format leaves that body out, and says how many bodies were left out so.

The 汇总 is laid out with every leaf row: a body that printed a collapsible group as one row
(its total, without its sub-rows) has left those sub-rows blank, so they are partial sums; its
group total has no row of its own in the official layout to be added into.

A region's bodies are the bodies whose ``region`` starts with it. A body "exists" in a region when
it has a report in some year: the site has no registry of the bodies a region ought to have, so a
body that never reported anything is invisible here, and coverage can only count the bodies that
reported in another year.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..cells import BLANK, Cell
from ..formats import CellRef, Format, Table, format_for_year, get_format
from ..model import Report
from . import concept_value, figure_values, rate_values
from .sums import Amount, add

# Units an amount with its own unit (2019 采购总金额) may be written in, in 万元: added only after
# conversion; a unit not listed here cannot be added to another and counts as a blank.
UNITS = {"元": Decimal("0.0001"), "万元": Decimal(1), "亿元": Decimal(10000)}
SUM_UNIT = "万元"

# 公开率 bands, lower bound included (the last band includes 100 %).
BANDS: tuple[tuple[int, int], ...] = ((0, 20), (20, 40), (40, 60), (60, 80), (80, 100))
DISCLOSURE_RATE = "disclosure_rate"
RECEIVED = "received"


@dataclass(frozen=True, slots=True)
class SumCell:
    """One cell of a 汇总: the sum, and how many bodies gave a number, left it blank, gave 不适用,
    or were left out because their format does not have this cell."""

    amount: Amount
    numbers: int = 0
    blanks: int = 0
    na: int = 0
    other_format: int = 0
    unit: str = ""  # amount_with_unit cells: the unit of the sum (SUM_UNIT)

    @property
    def partial(self) -> bool:
        return self.amount.state == "partial"


def merge(cells: Iterable[SumCell]) -> SumCell:
    """The sum of 汇总 cells (a region's from its parts): the same rules, the counts added."""
    cells = list(cells)
    return SumCell(add(c.amount for c in cells), sum(c.numbers for c in cells), sum(c.blanks for c in cells),
                   sum(c.na for c in cells), sum(c.other_format for c in cells),
                   SUM_UNIT if any(c.unit for c in cells) else "")


# table key → leaf row key → one SumCell per column, in the row's column order
SumTables = dict[str, dict[str, tuple[SumCell, ...]]]


@dataclass(frozen=True)
class RegionYear:
    """A region's 汇总 for one year."""

    year: int
    format: Format
    tables: SumTables
    reported: tuple[str, ...]  # slugs of bodies with a report of that year
    missing: tuple[str, ...]  # bodies of the region (with a report in another year) without one
    other_format: tuple[str, ...]  # reported in the other format: counted in concept cells only
    other_format_names: tuple[str, ...]  # the names of those formats
    bands: tuple[int, ...]  # bodies per 公开率 band (BANDS), then one for 无法计算
    no_applications: int  # bodies that received no application (本年新收 0)


def _leaf_cells(table: Table) -> Iterable[tuple[str, tuple[str, ...]]]:
    for row, _, block in table.leaf_rows:
        yield row, tuple(c for c, _ in block.leaf_columns)


def body_cell(report: Report, fmt: Format, ref: CellRef) -> Cell | Amount | None:
    """What a report gives for a cell of ``fmt``: its cell in the same format; in the other, its
    concept value where both formats name the concept; None when it cannot be counted."""
    if report.format.id == fmt.id:
        return report.cell(*ref) or BLANK
    if ref in fmt.concepts and ref in report.format.concepts:
        return concept_value(report, ref)
    return None


def _sum_cell(items: Sequence[Cell | Amount | None], kind: str) -> SumCell:
    numbers = blanks = na = other = 0
    addable: list[Cell | Amount] = []
    for item in items:
        if item is None:
            other += 1
            continue
        if kind == "amount_with_unit" and isinstance(item, Cell) and item.state == "number":
            # Kept in 万元 whatever each body wrote, so that sums of sums add alike.
            factor = UNITS.get(item.unit)
            if factor is None or item.value is None:
                blanks += 1
                addable.append(BLANK)
                continue
            item = Cell("number", item.value * factor, unit=SUM_UNIT)
        state = item.state
        if state == "number":
            numbers += 1
        elif state == "partial":
            numbers += 1
            blanks += 1  # a collapsed group summed with a blank leaf: the body left part of it blank
        elif state == "blank":
            blanks += 1
        else:
            na += 1
        addable.append(item)
    amount = add(addable)
    unit = SUM_UNIT if kind == "amount_with_unit" and amount.value is not None else ""
    return SumCell(amount, numbers, blanks, na, other, unit)


def year_tables(fmt: Format, reports: Sequence[Report]) -> SumTables:
    """Every table of ``fmt`` summed over ``reports`` (one per body), cell by cell."""
    out: SumTables = {}
    for table in fmt.tables:
        # A report of the same format gives its row's cells as they are (in the row's column order,
        # as the report holds them); one of the other format goes cell by cell, by concept.
        same = [r.tables.get(table.key, {}) for r in reports if r.format.id == fmt.id]
        others = [r for r in reports if r.format.id != fmt.id]
        rows: dict[str, tuple[SumCell, ...]] = {}
        for row, columns in _leaf_cells(table):
            node = table.row(row)[0]
            given = [values.get(row) for values in same]
            cells = []
            for index, column in enumerate(columns):
                items: list[Cell | Amount | None] = [r[index] if r is not None else BLANK for r in given]
                ref = CellRef(table.key, row, column)
                items += [body_cell(r, fmt, ref) for r in others]
                cells.append(_sum_cell(items, _kind(table, row, column, node.kind)))
            rows[row] = tuple(cells)
        out[table.key] = rows
    return out


def _kind(table: Table, row: str, column: str, row_kind: str) -> str:
    """A cell's kind: its column's when the column says (active_disclosure), else its row's."""
    block = table.row(row)[1]
    for key, node in block.leaf_columns:
        if key == column and node.kind != "count":
            return node.kind
    return row_kind


def distribution(reports: Sequence[Report]) -> tuple[tuple[int, ...], int]:
    """Bodies per 公开率 band (then those whose rate cannot be computed, or only from a partial sum),
    and how many received no application."""
    counts = [0] * (len(BANDS) + 1)
    none = 0
    for report in reports:
        figures = figure_values(report)
        received = figures.get(RECEIVED)
        if received is not None and received.known and received.value == 0:
            none += 1
        rate = rate_values(figures).get(DISCLOSURE_RATE)
        value = rate.value if rate is not None and not rate.partial else None
        if value is None:
            counts[-1] += 1
            continue
        percent = value * 100
        index = next((i for i, (_, high) in enumerate(BANDS) if percent < high), len(BANDS) - 1)
        counts[index] += 1
    return tuple(counts), none


def region_years(slugs: Iterable[str], reports: Mapping[str, list[Report]]) -> list[RegionYear]:
    """The 汇总 of a region made of the bodies ``slugs``, for every year one of them reported, newest
    first. Years without a prescribed format (before 2019) are left out: no layout to sum into."""
    slugs = sorted(slugs)
    by_year: dict[int, list[Report]] = {}
    for slug in slugs:
        for report in reports.get(slug, []):
            by_year.setdefault(report.year, []).append(report)
    present = [s for s in slugs if reports.get(s)]
    out = []
    for year in sorted(by_year, reverse=True):
        fmt = format_for_year(year)
        if fmt is None:
            continue
        year_reports = by_year[year]
        reported = {r.body for r in year_reports}
        bands, none = distribution(year_reports)
        out.append(RegionYear(
            year=year, format=fmt, tables=year_tables(fmt, year_reports),
            reported=tuple(sorted(reported)), missing=tuple(s for s in present if s not in reported),
            other_format=tuple(sorted(r.body for r in year_reports if r.format.id != fmt.id)),
            other_format_names=tuple(sorted({r.format.name for r in year_reports if r.format.id != fmt.id})),
            bands=bands, no_applications=none))
    return out


def merge_tables(parts: Sequence[SumTables]) -> SumTables:
    """The 汇总 tables of a region from those of its parts (child regions, its own bodies)."""
    out: SumTables = {}
    for table in parts[0]:
        out[table] = {row: tuple(merge(p[table][row][i] for p in parts) for i in range(len(cells)))
                      for row, cells in parts[0][table].items()}
    return out


def merge_years(parts: Sequence[list[RegionYear]], present: Iterable[str]) -> list[RegionYear]:
    """A region's 汇总 from those of its parts (child regions, and its own bodies as one part),
    newest first; ``present`` names every body of the region with a report in some year, since a
    part that did not report in a year has no RegionYear of it to say who is missing."""
    present = sorted(present)
    by_year: dict[int, list[RegionYear]] = {}
    for part in parts:
        for region_year in part:
            by_year.setdefault(region_year.year, []).append(region_year)
    out = []
    for year in sorted(by_year, reverse=True):
        of_year = by_year[year]
        reported = sorted(s for p in of_year for s in p.reported)
        done = set(reported)
        out.append(RegionYear(
            year=year, format=of_year[0].format, tables=merge_tables([p.tables for p in of_year]),
            reported=tuple(reported), missing=tuple(s for s in present if s not in done),
            other_format=tuple(sorted(s for p in of_year for s in p.other_format)),
            other_format_names=tuple(sorted({n for p in of_year for n in p.other_format_names})),
            bands=tuple(sum(c) for c in zip(*(p.bands for p in of_year), strict=True)),
            no_applications=sum(p.no_applications for p in of_year)))
    return out


# --- kept between runs (a sharded site keeps each unchanged shard's sums, as it keeps its pages) ----

def years_to_json(years: list[RegionYear]) -> list[dict[str, object]]:
    """RegionYears as plain JSON data: each cell as [state, value, blanks in the sum, numbers,
    blank bodies, 不适用 bodies, bodies on the other format, unit]."""
    def cell(c: SumCell) -> list[object]:
        value = None if c.amount.value is None else str(c.amount.value)
        return [c.amount.state, value, c.amount.blanks, c.numbers, c.blanks, c.na, c.other_format, c.unit]

    return [{"year": y.year, "format": y.format.id, "reported": list(y.reported), "missing": list(y.missing),
             "other_format": list(y.other_format), "other_format_names": list(y.other_format_names),
             "bands": list(y.bands), "no_applications": y.no_applications,
             "tables": {t: {row: [cell(c) for c in cells] for row, cells in rows.items()}
                        for t, rows in y.tables.items()}} for y in years]


def years_from_json(data: list[dict[str, Any]]) -> list[RegionYear]:
    """What years_to_json wrote (KeyError, TypeError or ValueError when it is not that)."""
    def cell(c: list[Any]) -> SumCell:
        state, value, sum_blanks, numbers, blanks, na, other, unit = c
        if state not in ("number", "partial", "blank", "na"):
            raise ValueError(state)
        amount = Amount(state, None if value is None else Decimal(value), int(sum_blanks))
        return SumCell(amount, int(numbers), int(blanks), int(na), int(other), str(unit))

    return [RegionYear(
        year=int(y["year"]), format=get_format(y["format"]),
        tables={t: {row: tuple(cell(c) for c in cells) for row, cells in rows.items()}
                for t, rows in y["tables"].items()},
        reported=tuple(y["reported"]), missing=tuple(y["missing"]), other_format=tuple(y["other_format"]),
        other_format_names=tuple(y["other_format_names"]), bands=tuple(int(b) for b in y["bands"]),
        no_applications=int(y["no_applications"])) for y in data]
