"""Statutory tables as HTML, straight from the model (never through Markdown).

The layout of a table is the same for every report of a format, so it is rendered once, with a
slot for each value; a report's table is its values put into the slots.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from functools import cache
from typing import Any, NamedTuple

from markupsafe import Markup, escape

from ..cells import BLANK, Cell
from ..formats import Format
from ..numerals import PART_NUMBER
from . import environment
from .grid import GridCell, table_grid

SLOT = "\x00"  # never in the template's output otherwise: labels come from the format definitions


def quiet_jieba() -> None:
    """jieba logs "Building prefix dict …" at start-up, which a maintainer takes for a problem: its
    one logger (shared by every tokenizer, Material's search included) is kept to warnings."""
    import jieba

    jieba.setLogLevel(logging.WARNING)


@cache
def _tokenizer() -> Any:
    """jieba's own dictionary only, in a tokenizer of our own: the search's user dictionary, which
    Material loads into jieba's global one during a build, cannot change the table's HTML."""
    import jieba

    quiet_jieba()
    return jieba.Tokenizer()


def words(text: str) -> Markup:
    """A header's text with a line-break opportunity (<wbr>) between its words. With CSS
    word-break: keep-all, a narrow column then breaks 结果/维持, never 结果维/持."""
    return Markup("<wbr>").join(escape(w) for w in _tokenizer().cut(text, HMM=False))


class Slot(NamedTuple):
    row: str  # row key
    column: int  # column index
    attrs: str  # the value cell's attributes before its class
    extra: str  # its classes after the value's own


@cache
def _skeleton(fmt: Format, table_key: str, collapsed: frozenset[str] = frozenset(),
              id_prefix: str = "") -> tuple[tuple[str, ...], tuple[Slot, ...]]:
    """The table's HTML split at its value slots, and the slots in document order; ``collapsed``
    names the row groups this report printed as one row, laid out so; ``id_prefix`` goes before
    the table's ids, so that a page holding the same table twice (a region's years) keeps them unique."""
    table = fmt.table(table_key)
    part = next((p for p in fmt.parts if p.table == table_key), None)
    caption = f"{part.key}、{table.caption}" if part else table.caption
    prefix = id_prefix + (f"t{PART_NUMBER[part.key]}" if part else table.key)
    grid = table_grid(table, caption, prefix, collapsed)
    html = environment().get_template("table.html.j2").render(grid=grid, slot=SLOT, words=words, id_prefix=id_prefix)
    cells = [c for block in grid.blocks for row in block.body for c in row.cells if c.slot]
    slots = tuple(Slot(*c.slot, *_attrs(c)) for c in cells if c.slot)
    fragments = tuple(html.split(SLOT))
    assert len(fragments) == len(slots) + 1
    return fragments, slots


def _attrs(slot: GridCell) -> tuple[str, str]:
    """The value cell's attributes before its class, and its extra classes.

    data-label (and data-group) name the cell on a phone, where the header rows are hidden."""
    span = f' colspan="{slot.colspan}"' if slot.colspan > 1 else ""
    names = f' data-label="{escape(slot.label)}"' if slot.label else ""
    if slot.group:
        names += f' data-group="{escape(slot.group)}"'
    return f'{span} headers="{slot.headers}"{names}', " nb-total" if slot.total else ""


def _value_td(cell: Cell, slot: Slot, mark: str = "", note: str = "") -> str:
    """A value cell; ``mark`` is the HTML marking a revised cell (render.revisions.mark_html),
    ``note`` the HTML of a note on the value (a partial sum of a region's 汇总)."""
    attrs, extra = slot.attrs, slot.extra
    if mark:
        extra += " nb-revised"
    if note:
        extra += " nb-noted"
        mark += note
    if cell.state == "number":
        # A zero exactly as printed: the phone layout lists a row's zeros together, after its other
        # cells; a revised zero stands alone there, with its mark.
        zero = " nb-zero" if cell.text == "0" and not mark else ""
        return f'<td{attrs} class="nb-num{zero}{extra}">{escape(cell.text)}{mark}</td>'
    if cell.state == "na":
        return f'<td{attrs} class="nb-na{extra}">{escape(cell.text)}{mark}</td>'
    # Blank: the report did not state it. Empty on screen and paper, said aloud by screen readers
    # (and written out on a phone, where each cell stands alone).
    return f'<td{attrs} class="nb-blank{extra}"><span class="nb-sr-only">未填写</span>{mark}</td>'


def render_table(fmt: Format, table_key: str, values: dict[str, tuple[Cell, ...]] | None,
                 marks: Mapping[tuple[str, int], str] | None = None,
                 notes: Mapping[tuple[str, int], str] | None = None, id_prefix: str = "") -> str:
    """The table with a report's values; ``marks`` holds the HTML of the marks of revised cells by
    their slot (row key, column index), ``notes`` the HTML of notes on values likewise."""
    values = values or {}
    marks = marks or {}
    notes = notes or {}
    fragments, slots = _skeleton(fmt, table_key, fmt.table(table_key).collapsed(values), id_prefix)
    out = [fragments[0]]
    for slot, fragment in zip(slots, fragments[1:], strict=True):
        row = values.get(slot.row)
        out.append(_value_td(row[slot.column] if row is not None else BLANK, slot,
                             marks.get((slot.row, slot.column), ""), notes.get((slot.row, slot.column), "")))
        out.append(fragment)
    return "".join(out)
