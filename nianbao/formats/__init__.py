"""The statutory formats, read from one declarative definition each (``<id>.yml`` beside this file).

Everything that knows a table's shape (schema, loader, validator, renderer, importer, exports)
asks these objects; nothing else spells out a row, a column or a label. A definition is validated
when it loads (definition.py, references.py): a broken one stops with FormatDefinitionError.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from .load import DefinitionProblem, FormatDefinitionError, load_format_file, load_formats
from .objects import (
    Block,
    CellKind,
    CellRef,
    Format,
    Identity,
    NarrativeFigure,
    Node,
    Part,
    Status,
    Table,
    Term,
)

__all__ = [
    "Block", "CellKind", "CellRef", "DefinitionProblem", "Format", "FormatDefinitionError", "Identity",
    "NarrativeFigure", "Node", "Part", "Status", "Table", "Term", "all_formats", "format_for_year", "get_format",
    "load_format_file", "load_formats",
]


@cache
def all_formats() -> tuple[Format, ...]:
    """Every format definition shipped with the package, oldest first."""
    return load_formats(e for e in resources.files(__package__).iterdir() if e.name.endswith(".yml"))


def get_format(format_id: str) -> Format:
    for fmt in all_formats():
        if fmt.id == format_id:
            return fmt
    raise KeyError(format_id)


def format_for_year(year: int) -> Format | None:
    """The format the State Council prescribes for a report year (None before 2019)."""
    return next((f for f in all_formats() if f.covers(year)), None)
