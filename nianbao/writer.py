"""Write report and body data in the canonical YAML style of ``data/`` (as hand-made files look).

``dump_report(data)`` and ``dump_body(data)`` take the plain data (the YAML's own shape) and return
the file's text: schema comment first, keys in canonical order, ``|`` blocks for text (one
paragraph a line), table rows as flow lists under a comment naming the table and its columns,
quotes only where a value would otherwise not read back as the same text.

The data may come from the importer (ints, None) or from a YAML file read as strings (the data
loader's way): both give the same text, so ``dump_report(load(file)) == file``.

A new file for a maintainer to fill in (``python -m nianbao new``, ``new-body``) is written the same
way with ``Annotations``: comment lines above chosen keys, each table row's official label beside
it, and empty texts as empty ``|`` blocks to type the paragraphs into.

Every string reads back as written: text a ``|`` block or a plain scalar cannot hold exactly goes
in double quotes with escapes. Before returning, the text is read back with the loader's own
parser and compared with the data; a difference raises ``YamlWriteError`` instead of handing out
a file that would stop every site build.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .catalogue import site as words
from .formats import Format, Node, Table, get_format
from .model import Acknowledgement, Body, Contact, Fees, Part, ReportMeta, Revision, RevisionChange, Section
from .numerals import NUMERALS
from .problems import dotted
from .text import FORBIDDEN, char_name
from .yamlsource import DataPath, YamlSourceError, parse_yaml

REPORT_SCHEMA = "# yaml-language-server: $schema=../_schema/report.schema.json"
BODY_SCHEMA = "# yaml-language-server: $schema=../_schema/body.schema.json"

# Keys in the model's field order, so a file reads in the order the schema and the model list them.
# The statutory tables go between the head and the tail: the revisions, the acknowledgements and
# what the importer could not place come last, after the tables they are about.
REPORT_TAIL_KEYS = ("revisions", "acknowledged", "unplaced")
REPORT_KEYS = tuple(k for k in ReportMeta.model_fields if k not in REPORT_TAIL_KEYS)
PART_KEYS = tuple(Part.model_fields)
SECTION_KEYS = tuple(Section.model_fields)
FEES_KEYS = tuple(Fees.model_fields)
ACK_KEYS = tuple(Acknowledgement.model_fields)
# The entries of a list of mappings, by the list's key, each in its model's field order.
ITEM_KEYS = {"acknowledged": ACK_KEYS, "revisions": tuple(Revision.model_fields),
             "changes": tuple(RevisionChange.model_fields)}
BODY_KEYS = tuple(Body.model_fields)
# since first: it says from which year the details below it apply.
CONTACT_KEYS = ("since", *Contact.model_fields)
# Parts in their numbering order; a key that is no numeral (refused by the loader) goes last.
_PART_ORDER = {numeral: index for index, numeral in enumerate(NUMERALS)}

# Plain scalars that a YAML 1.1 or 1.2 reader would take for something other than text.
_NON_TEXT = re.compile(
    r"""(?x)
    ~ | null | Null | NULL
    | true | True | TRUE | false | False | FALSE
    | yes | Yes | YES | no | No | NO | on | On | ON | off | Off | OFF | y | Y | n | N
    | [-+]? (?: 0 | [1-9][0-9_]* )                    # int
    | [-+]? 0[0-7_]+ | 0o[0-7]+ | [-+]? 0x[0-9a-fA-F_]+ | [-+]? 0b[01_]+
    | [-+]? (?: [0-9][0-9_]* )? \.[0-9_]* (?: [eE][-+]?[0-9]+ )?   # float
    | [-+]? [0-9][0-9_]* (?: \.[0-9_]* )? [eE][-+]?[0-9]+
    | [-+]? \.(?: inf | Inf | INF ) | \.(?: nan | NaN | NAN )
    | [-+]? [1-9][0-9_]* (?: :[0-5]?[0-9] )+ (?: \.[0-9_]* )?     # sexagesimal (1.1)
    | << | =                                                        # merge and value keys (1.1)
    """
)
_NUMBER_CELL = re.compile(r"[-+]?[0-9]+(?:\.[0-9]+)?")
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
# Inside [...] or {...}: the flow indicators, and '?', at which PyYAML's own scanner ends a plain
# scalar there (libyaml only at ':?'); the loader uses either, whichever PyYAML was built with.
_FLOW_SPECIAL = set(",[]{}?")
# At the start of a line these end the document; a key is written at the start of a line.
_DOCUMENT_MARKER = re.compile(r"(?:---|\.\.\.)(?:[ \t]|$)")

# Characters never written raw, only as an escape inside double quotes:
# - what YAML refuses anywhere in a stream (PyYAML's Reader.NON_PRINTABLE, libyaml's reader): C0
#   controls but tab and line feed, DEL, C1 controls, surrogates, U+FFFE and U+FFFF;
# - line breaks other than \n (\r, NEL, U+2028, U+2029): a reader ends the line or folds it there;
# - the BOM, which a reader may drop at the start of a line;
# - what text.FORBIDDEN names (bidi controls, noncharacters...): invisible or reordering, so a
#   maintainer reading the file sees \u202e, not text that reads backwards.
_NOT_RAW = re.compile(
    "[^\t\n\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\r\x85\u2028\u2029\ufeff]|" + FORBIDDEN.pattern
)
_QUOTED_ESCAPE = re.compile(f'[\\\\"\t\n]|{_NOT_RAW.pattern}')
_NAMED_ESCAPES = {"\\": "\\\\", '"': '\\"', "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_SURROGATE = re.compile("[\ud800-\udfff]")
# A key on one line with its ':' is read only if the ':' comes within 1024 characters (YAML's
# limit on implicit keys); a longer key is written explicitly, after '? '.
_IMPLICIT_KEY_MAX = 1000


@dataclass(frozen=True)
class Annotations:
    """Comments for the maintainer who fills a new file in. Comments are no data: the read-back
    guard compares the values only, so they cannot change what the file says."""

    header: tuple[str, ...] = ()  # comment lines right after the schema comment
    above: Mapping[DataPath, tuple[str, ...]] = field(default_factory=dict)  # lines above the key at a path
    # Each table row's official label after it (a group's on its key's line), and above each
    # block of a table whose blocks differ in columns (T2), that block's columns.
    row_labels: bool = False
    # An empty text (preamble, a part's text) as an empty | block: the paragraphs are typed under it.
    open_text: bool = False
    # A value not stated (None) as ~, as maintainers write it and as table cells always are.
    tilde: bool = False


_PLAIN = Annotations()


class YamlWriteError(ValueError):
    """The data cannot be written as YAML that reads back the same. ``path`` names the value."""

    def __init__(self, path: DataPath, message: str) -> None:
        super().__init__(words.YAML_WRITE_AT(where=dotted(path) or words.YAML_WRITE_TOP(), message=message))
        self.path = path
        self.message = message


def dump_report(data: Mapping[str, Any], annotations: Annotations | None = None) -> str:
    """The text of data/<body>/<year>.yml for one report; YamlWriteError if it would not read back."""
    notes = annotations or _PLAIN
    return _checked(data, lambda d: _report_text(d, notes))


def dump_body(data: Mapping[str, Any], annotations: Annotations | None = None) -> str:
    """The text of data/<body>/body.yml; YamlWriteError if it would not read back."""
    notes = annotations or _PLAIN
    return _checked(data, lambda d: _body_text(d, notes))


def _report_text(data: Mapping[str, Any], notes: Annotations) -> str:
    fmt = _format_of(data)
    out = [REPORT_SCHEMA, *_comments(notes.header, 0)]
    table_keys = [t.key for t in fmt.tables] if fmt else []
    for key in _ordered(data, REPORT_KEYS, exclude=(*table_keys, *REPORT_TAIL_KEYS)):
        out += _above(notes, (key,), 0)
        if key == "parts" and isinstance(data[key], Mapping) and data[key]:
            out += _parts(data["parts"], notes)
        else:
            out += _entry(key, data[key], 0, notes=notes)
    if fmt is not None:
        for table in fmt.tables:
            if table.key in data:
                out += _above(notes, (table.key,), 0)
                out += _table(fmt, table, data[table.key], notes)
    for key in REPORT_TAIL_KEYS:
        if key in data:
            out += _above(notes, (key,), 0)
            out += _entry(key, data[key], 0, block_list=True)
    return _document(out)


def _body_text(data: Mapping[str, Any], notes: Annotations) -> str:
    out = [BODY_SCHEMA, *_comments(notes.header, 0)]
    for key in _ordered(data, BODY_KEYS):
        value = data[key]
        out += _above(notes, (key,), 0)
        if key == "contact" and isinstance(value, Mapping) and value:
            out.append("contact:")
            out += _mapping(value, 2, CONTACT_KEYS, notes, (key,))
        elif key == "contact_changes" and isinstance(value, list) and value:
            out.append("contact_changes:")
            for item in value:
                out += _list_item_mapping(item, 2, CONTACT_KEYS)
        else:
            out += _entry(key, value, 0, notes=notes)
    return _document(out)


def _comments(lines: Iterable[str], indent: int) -> list[str]:
    """Comment lines; a line break or a character YAML refuses raw in one would end the comment or
    the file's readability, so each becomes a space."""
    pad = " " * indent
    return [f"{pad}# {_NOT_RAW.sub(' ', line.replace(chr(10), ' '))}".rstrip() for line in lines]


def _above(notes: Annotations, path: DataPath, indent: int) -> list[str]:
    return _comments(notes.above.get(path, ()), indent)


def _beside(line: str, comment: str) -> str:
    return f"{line}  {_comments((comment,), 0)[0]}" if comment else line


def _document(lines: list[str]) -> str:
    if all(line.startswith("#") for line in lines):
        lines.append("{}")  # a file of only comments would read as null, not as no keys
    return "\n".join(lines) + "\n"


# --- report parts ------------------------------------------------------------------------------


def _parts(parts: Mapping[str, Any], notes: Annotations) -> list[str]:
    out = ["parts:"]
    for key in sorted(parts, key=lambda k: _PART_ORDER.get(k, len(_PART_ORDER))):
        part = parts[key]
        out += _above(notes, ("parts", key), 2)
        out.append(f"  {_key(key, '  ')}:")
        if not isinstance(part, Mapping) or not part:
            out[-1] = f"  {_key(key, '  ')}: {_scalar(part)}"
            continue
        for name in _ordered(part, PART_KEYS):
            out += _above(notes, ("parts", key, name), 4)
            if name == "sections" and isinstance(part[name], list) and part[name]:
                out.append(f"    {_key(name, '    ')}:")
                for section in part[name]:
                    out += _list_item_mapping(section, 6, SECTION_KEYS)
            elif name == "fees" and isinstance(part[name], Mapping):
                fees = part[name]
                out.append("    fees: {" + ", ".join(f"{_key(k, flow=True)}: {_cell(fees[k])}"
                                                     for k in _ordered(fees, FEES_KEYS)) + "}")
            else:
                out += _entry(name, part[name], 4, notes=notes)
    return out


# --- tables ------------------------------------------------------------------------------------


def _table(fmt: Format, table: Table, values: Any, notes: Annotations) -> list[str]:
    part = next((p for p in fmt.parts if p.table == table.key), None)
    title = f"{part.key}、{table.caption}" if part else table.caption
    column_sets = {tuple(c.label for _, c in block.leaf_columns) for block in table.blocks}
    # With row labels, a table whose blocks differ in columns names each block's columns above it.
    heads: dict[str, str] = {}
    if notes.row_labels and len(column_sets) > 1:
        for block in table.blocks:
            columns = words.TABLE_COLUMN_JOIN.join(c.label for _, c in block.leaf_columns)
            heads[block.rows[0].key] = words.TABLE_BLOCK_COLUMNS.format(band=block.band, columns=columns).strip()
    if len(column_sets) == 1:
        columns = words.TABLE_COLUMN_JOIN.join(next(iter(column_sets)))
        out = [words.TABLE_TITLE.format(title=title), words.TABLE_COLUMNS.format(columns=columns)]
    elif any(len(block.leaf_columns) == 1 for block in table.blocks):
        out = [words.TABLE_ROWS_ONE_VALUE.format(title=title)]
    else:
        out = [words.TABLE_ROWS.format(title=title)]
    out.append(f"{table.key}:")
    if not isinstance(values, Mapping) or not values:
        return [*out[:-1], f"{table.key}: {_scalar(values)}"]
    rows = tuple(row for block in table.blocks for row in block.rows)
    out += _rows(values, rows, 2, (table.key,), notes, heads)
    return out


def _rows(values: Mapping[str, Any], nodes: Sequence[Node], indent: int, path: DataPath, notes: Annotations,
          heads: Mapping[str, str] | None = None) -> list[str]:
    out: list[str] = []
    pad = " " * indent
    by_key = {n.key: n for n in nodes}
    for key in _ordered(values, tuple(by_key)):
        value = values[key]
        node = by_key.get(key)
        label = node.label if notes.row_labels and node is not None else ""
        if heads and key in heads:
            out += _comments((heads[key],), indent)
        out += _above(notes, (*path, key), indent)
        if isinstance(value, Mapping) and value:
            out.append(_beside(f"{pad}{_key(key, pad)}:", label))
            out += _rows(value, node.children if node else (), indent + 2, (*path, key), notes)
        elif isinstance(value, (list, tuple)):
            out.append(_beside(f"{pad}{_key(key, pad)}: [" + ", ".join(_cell(v) for v in value) + "]", label))
        else:
            out.append(_beside(f"{pad}{_key(key, pad)}: {_cell(value)}", label))
    return out


def _cell(value: Any) -> str:
    """A table cell: numbers (and numeric text) bare, blank as ~, other text as plain as YAML allows."""
    if value is None:
        return "~"  # not stated, as maintainers write it (see README)
    if isinstance(value, str) and _NUMBER_CELL.fullmatch(value):
        return value
    return _scalar(value, flow=True)


# --- generic emitters ----------------------------------------------------------------------------


def _entry(key: str, value: Any, indent: int, *, block_list: bool = False, notes: Annotations = _PLAIN) -> list[str]:
    pad = " " * indent
    head = f"{pad}{_key(key, pad)}:"
    if notes.open_text and value == "":
        # An empty block reads as "": the maintainer types the paragraphs under it, indented.
        return [f"{head} |"]
    if notes.tilde and value is None:
        return [f"{head} ~"]
    if isinstance(value, Mapping) and value:
        return [head, *_mapping(value, indent + 2, ())]
    if isinstance(value, (list, tuple)) and value:
        if not block_list and all(_is_short_scalar(v) for v in value):
            return [f"{head} {_flow(value)}"]
        out = [head]
        for item in value:
            if isinstance(item, Mapping):
                out += _list_item_mapping(item, indent + 2, ITEM_KEYS.get(key, ()))
            else:
                out += _list_item_scalar(item, indent + 2)
        return out
    if isinstance(value, str) and _block_ok(value):
        return [f"{head} {_block_header(value)}", *_block_lines(value, indent + 2)]
    return [f"{head} {_scalar(value)}"]


def _mapping(value: Mapping[str, Any], indent: int, order: tuple[str, ...], notes: Annotations = _PLAIN,
             path: DataPath = ()) -> list[str]:
    out: list[str] = []
    for key in _ordered(value, order):
        out += _above(notes, (*path, key), indent)
        if order == ITEM_KEYS["changes"] and key == "old" and _is_cell(value[key]):
            # A revised cell's old value is written as the table writes its cells: 48, ~, 不适用.
            out.append(f"{' ' * indent}old: {_cell(value[key])}")
        else:
            out += _entry(key, value[key], indent, notes=notes)
    return out


def _is_cell(value: Any) -> bool:
    return value is None or isinstance(value, (int, Decimal)) or (
        isinstance(value, str) and bool(_NUMBER_CELL.fullmatch(value)))


def _list_item_mapping(item: Any, indent: int, order: tuple[str, ...]) -> list[str]:
    pad = " " * indent
    if not isinstance(item, Mapping) or not item:
        return _list_item_scalar(item, indent)
    lines = _mapping(item, indent + 2, order)
    return [f"{pad}- " + lines[0].lstrip(" "), *lines[1:]]


def _list_item_scalar(item: Any, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(item, str) and _block_ok(item):
        return [f"{pad}- {_block_header(item)}", *_block_lines(item, indent + 2)]
    return [f"{pad}- {_scalar(item)}"]


def _block_ok(text: str) -> bool:
    """Whether a ``|`` block holds text exactly: several lines, each one raw and without trailing blanks.

    Trailing blanks are refused because editors and hooks strip them; a text of nothing but line
    breaks, because a block's empty lines are not content (``|`` of one empty line reads as "").
    """
    if "\n" not in text or _NOT_RAW.search(text):
        return False
    lines = text.split("\n")
    return any(line.strip(" \t") for line in lines) and all(line == line.rstrip(" \t") for line in lines)


def _block_header(text: str) -> str:
    indicator = "2" if text[:1] in (" ", "\t") or text.startswith("\n") else ""
    if not text.endswith("\n"):
        chomp = "-"
    elif text.endswith("\n\n"):
        chomp = "+"
    else:
        chomp = ""
    return "|" + indicator + chomp


def _block_lines(text: str, indent: int) -> list[str]:
    body = text[:-1] if text.endswith("\n") else text
    return [(" " * indent + line) if line else "" for line in body.split("\n")]


def _is_short_scalar(value: Any) -> bool:
    return not isinstance(value, (Mapping, list, tuple)) and "\n" not in str(value)


def _key(key: Any, pad: str = "", *, flow: bool = False) -> str:
    """A mapping key, to be followed by ':'; past YAML's implicit-key limit, an explicit '? ' key
    on its own line, the ':' then starting the next line at the same indentation."""
    text = _scalar(str(key), flow=flow)
    if len(text) <= _IMPLICIT_KEY_MAX:
        return text
    return f"? {text} " if flow else f"? {text}\n{pad}"


def _number(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return repr(value)
    return str(value) if isinstance(value, int) else repr(value)


def _scalar(value: Any, *, flow: bool = False) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return _number(value)
    if isinstance(value, Decimal) and _NUMBER_CELL.fullmatch(str(value)):
        return str(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, (Mapping, list, tuple)):
        return _flow(value)
    text = str(value)
    return text if _plain_ok(text, flow) else _quoted(text)


def _flow(value: Any) -> str:
    """A list or mapping on one line: [a, b] or {k: v}."""
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_key(k, flow=True)}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _scalar(value, flow=True)


def _plain_ok(text: str, flow: bool) -> bool:
    if not text or text != text.strip() or _NON_TEXT.fullmatch(text) or _DOCUMENT_MARKER.match(text):
        return False
    first = text[0]
    if first in _INDICATORS and not (first == "-" and len(text) > 1 and text[1] not in " \t"):
        return False
    if ": " in text or " #" in text or text.endswith(":") or "\t" in text or "\n" in text:
        return False
    if _NOT_RAW.search(text):
        return False
    return not (flow and any(ch in _FLOW_SPECIAL for ch in text))


def _quoted(text: str) -> str:
    return '"' + _QUOTED_ESCAPE.sub(lambda m: _escape(m[0]), text) + '"'


def _escape(ch: str) -> str:
    if ch in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[ch]
    code = ord(ch)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _ordered(data: Mapping[str, Any], first: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
    skip = set(exclude)
    known = [k for k in first if k in data and k not in skip]
    return known + [k for k in data if k not in known and k not in skip]


def _format_of(data: Mapping[str, Any]) -> Format | None:
    try:
        return get_format(str(data.get("format")))
    except KeyError:
        return None


# --- the read-back guard -------------------------------------------------------------------------


def _checked(data: Mapping[str, Any], dump: Callable[[Mapping[str, Any]], str]) -> str:
    _refuse_surrogates(data, ())
    text = dump(data)
    try:
        back = parse_yaml(text).value
    except YamlSourceError as exc:
        where = words.YAML_WRITE_LINE(line=exc.line) if exc.line else ""
        message = words.YAML_WRITE_UNREADABLE(where=where, error=exc.message)
        raise YamlWriteError(_culprit(data, dump), message) from None
    path = _difference(_as_read(data), back, ())
    if path is not None:
        raise YamlWriteError(path, words.YAML_WRITE_DIFFERS())
    return text


def _refuse_surrogates(value: Any, path: DataPath) -> None:
    """A lone surrogate is no character and has no UTF-8: name it rather than fail in the encoder."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            if isinstance(key, str) and (match := _SURROGATE.search(key)):
                # The key itself cannot be printed: name its mapping and the character.
                raise YamlWriteError(path, words.YAML_WRITE_KEY_SURROGATE(char=char_name(match[0])))
            _refuse_surrogates(item, (*path, str(key)))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            _refuse_surrogates(item, (*path, index))
    elif isinstance(value, str) and (match := _SURROGATE.search(value)):
        raise YamlWriteError(path, words.YAML_WRITE_SURROGATE(index=match.start() + 1, char=char_name(match[0])))


def _as_read(value: Any) -> Any:
    """The value as the loader reads it back: every scalar a string, None for null."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        return {str(k): _as_read(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_as_read(v) for v in value]
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return _number(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return str(value)


def _difference(expected: Any, back: Any, path: DataPath) -> DataPath | None:
    """The path of the first value that reads back differently, or None."""
    if isinstance(expected, dict) and isinstance(back, dict):
        for key in expected:
            if key not in back:
                return (*path, key)
            found = _difference(expected[key], back[key], (*path, key))
            if found is not None:
                return found
        extra = next((k for k in back if k not in expected), None)
        return None if extra is None else (*path, extra)
    if isinstance(expected, list) and isinstance(back, list):
        for index, (a, b) in enumerate(zip(expected, back, strict=False)):
            found = _difference(a, b, (*path, index))
            if found is not None:
                return found
        return None if len(expected) == len(back) else (*path, min(len(expected), len(back)))
    return None if expected == back else path


def _culprit(data: Mapping[str, Any], dump: Callable[[Mapping[str, Any]], str]) -> DataPath:
    """The string that alone makes the text unreadable: each in turn written among placeholders.

    Only run when the text does not read back, which the emitters above should never let happen.
    """
    for path in _string_paths(data, ()):
        try:
            parse_yaml(dump(_placeholders(data, path, ())))
        except YamlSourceError:
            return path
    return ()


def _string_paths(value: Any, path: DataPath) -> Iterator[DataPath]:
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield from _string_paths(item, (*path, str(key)))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _string_paths(item, (*path, index))
    elif isinstance(value, str):
        yield path


def _placeholders(value: Any, keep: DataPath, path: DataPath) -> Any:
    if isinstance(value, Mapping):
        return {key: _placeholders(item, keep, (*path, str(key))) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_placeholders(item, keep, (*path, index)) for index, item in enumerate(value)]
    if isinstance(value, str) and path != keep:
        return "x"
    return value


# --- for code that edits a report's own text (importer/merge.py) ---------------------------------


def table_lines(fmt: Format, table: Table, values: Any) -> list[str]:
    """A statutory table as the writer writes it: its comment lines, its key, its rows."""
    return _table(fmt, table, values, _PLAIN)


def cell_text(value: Any) -> str:
    """One table cell as the writer writes it inside a row's [ ]."""
    return _cell(value)


def as_read(value: Any) -> Any:
    """The value as the loader reads it back: every scalar a string, None for null."""
    return _as_read(value)


def first_difference(expected: Any, back: Any) -> DataPath | None:
    """The path of the first value of ``expected`` that ``back`` (as read) holds otherwise, or None."""
    return _difference(expected, back, ())
