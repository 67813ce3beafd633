"""Statutory tables as HTML, straight from the model (never through Markdown)."""

from __future__ import annotations

from ..cells import Cell
from ..formats import Format
from . import environment
from .grid import table_grid
from .numerals import NUMERALS


def render_table(fmt: Format, table_key: str, values: dict[str, tuple[Cell, ...]] | None) -> str:
    table = fmt.table(table_key)
    part = next((p for p in fmt.parts if p.table == table_key), None)
    caption = f"{part.key}、{table.caption}" if part else table.caption
    prefix = f"t{NUMERALS[part.key]}" if part else table.key
    grid = table_grid(table, values, caption, prefix)
    return environment().get_template("table.html.j2").render(grid=grid)
