"""Statutory tables as HTML, straight from the model (never through Markdown).

The layout of a table is the same for every report of a format, so it is rendered once, with a
slot for each value; a report's table is its values put into the slots.
"""

from __future__ import annotations

from functools import cache

from markupsafe import escape

from ..cells import BLANK, Cell
from ..formats import Format
from ..numerals import PART_NUMBER
from . import environment
from .grid import GridCell, table_grid

SLOT = "\x00"  # never in the template's output otherwise: labels come from the format definitions


@cache
def _skeleton(fmt: Format, table_key: str) -> tuple[tuple[str, ...], tuple[GridCell, ...]]:
    """The table's HTML split at its value slots, and the slot cells in document order."""
    table = fmt.table(table_key)
    part = next((p for p in fmt.parts if p.table == table_key), None)
    caption = f"{part.key}、{table.caption}" if part else table.caption
    prefix = f"t{PART_NUMBER[part.key]}" if part else table.key
    grid = table_grid(table, caption, prefix)
    html = environment().get_template("table.html.j2").render(grid=grid, slot=SLOT)
    slots = tuple(c for block in grid.blocks for row in block.body for c in row.cells if c.slot)
    fragments = tuple(html.split(SLOT))
    assert len(fragments) == len(slots) + 1
    return fragments, slots


def _value_td(cell: Cell, slot: GridCell) -> str:
    span = f' colspan="{slot.colspan}"' if slot.colspan > 1 else ""
    if cell.state == "number":
        return f'<td{span} headers="{slot.headers}" class="nb-num">{escape(cell.text)}</td>'
    if cell.state == "na":
        return f'<td{span} headers="{slot.headers}" class="nb-na">{escape(cell.text)}</td>'
    # Blank: the report did not state it. Empty on screen and paper, said aloud by screen readers.
    return f'<td{span} headers="{slot.headers}" class="nb-blank"><span class="nb-sr-only">未填写</span></td>'


def render_table(fmt: Format, table_key: str, values: dict[str, tuple[Cell, ...]] | None) -> str:
    fragments, slots = _skeleton(fmt, table_key)
    values = values or {}
    out = [fragments[0]]
    for slot, fragment in zip(slots, fragments[1:], strict=True):
        assert slot.slot is not None
        key, index = slot.slot
        row = values.get(key)
        out.append(_value_td(row[index] if row is not None else BLANK, slot))
        out.append(fragment)
    return "".join(out)
