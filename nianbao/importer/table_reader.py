"""The document's tables → the statutory tables' values, row by row, through the format definitions.

A page may hold the three tables as three <table>s, as one, as five T2 pieces, or as runs of
tab-separated lines; so every physical row is judged on its own. A data row is row labels
followed by values; its last label that is an official row label of the format says which row it
is (rowspanned group labels before it are context). T4 is read by its header labels, then its one
row of 15 values. Header rows are checked against the official column labels (typos are named).
Which format the page used is decided by the labels only one format has, never by the year.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..catalogue import Text
from ..catalogue import importer as msg
from ..catalogue import workbook as wmsg
from ..formats import Block as FormatBlock
from ..formats import Format, Node, Table, get_format
from .document import Block, Document, GridCell, check_time
from .labels import Label, Match, column_candidates, distinctive_labels, match_label, normalize, unnumbered
from .values import Value, is_value_like, read_value

# Reads one source cell for its column: (cell, column, data path) → the value. Published pages are
# read as they print (read_published); a workbook's numbers are read strictly, each fault naming its
# cell (nianbao/importer/workbook.py).
CellReader = Callable[[GridCell, Node, str], Value]


def read_published(cell: GridCell, column: Node, where: str) -> Value:
    return read_value(cell.text, column.kind, column.unit)


_NO_CELL = GridCell("", (-1, -1))  # a column the source does not have: blank


@dataclass
class TablesRead:
    format: Format | None
    votes: dict[str, int]
    values: dict[str, dict[str, Any]] = field(default_factory=dict)  # table key → nested rows
    found: list[str] = field(default_factory=list)  # table keys with at least one row read
    missing: list[str] = field(default_factory=list)
    missing_rows: dict[str, list[str]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    statutory_blocks: set[int] = field(default_factory=set)  # document blocks holding statutory rows
    # "table.row.column" → the source cell its value came from, where the source names cells (表三!D12).
    refs: dict[str, str] = field(default_factory=dict)


def detect_format(doc: Document) -> tuple[str | None, dict[str, int]]:
    """The format whose distinctive labels the document's tables use most, and the counts."""
    distinct = distinctive_labels()
    votes: Counter[str] = Counter(dict.fromkeys(distinct, 0))
    for block in doc.blocks:
        if block.kind != "table":
            continue
        for row in block.rows():
            for cell in row:
                norm = normalize(cell.text)
                for fid, labels in distinct.items():
                    if norm in labels:
                        votes[fid] += 1
    ranked = votes.most_common()
    if not ranked or ranked[0][1] == 0 or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None, dict(votes)
    return ranked[0][0], dict(votes)


def read_tables(doc: Document, format_id: str, read_cell: CellReader = read_published) -> TablesRead:
    fmt = get_format(format_id)
    reader = _Reader(fmt)
    reader.read_cell = read_cell
    # Merged cells expanded (a web page's, a Word table's, a workbook's): positions compare across
    # header rows.
    reader.spans = doc.kind in ("html", "word", "excel")
    reader.typed = doc.kind == "excel"
    for index, block in enumerate(doc.blocks):
        if block.kind == "table":
            if reader.read_block(block):
                reader.result.statutory_blocks.add(index)
    reader.finish()
    return reader.result


class _Reader:
    def __init__(self, fmt: Format) -> None:
        self.fmt = fmt
        self.result = TablesRead(format=fmt, votes={})
        self.rows: dict[str, dict[str, list[Any]]] = {}
        self.noted: set[str] = set()
        self.side_by_side = [t for t in fmt.tables if any(b.layout == "side_by_side" for b in t.blocks)]
        self.pending_side: Table | None = None
        # Column labels of the header rows read since the last data row: (row, start column, labels).
        self.header_cells: list[tuple[tuple[int, int], int, list[Label]]] = []
        self.header_closed = False  # a data row came after them: the next header row starts anew
        self.block_id = 0
        self.row_id: tuple[int, int] = (0, 0)
        self.columns_at: list[int] = []
        self.spans = True  # HTML grids: merged cells expanded, so positions compare across header rows
        self.read_cell: CellReader = read_published
        self.typed = False  # a workbook: every cell right of a row's label is a value cell

    def words(self, text: Text) -> Text:
        """A text as said of this source: of a workbook, without the unplaced it does not write."""
        return wmsg.IN_WORKBOOK.get(text, text) if self.typed else text

    def warn(self, message: str) -> None:
        if message and message not in self.noted:
            self.noted.add(message)
            self.result.warnings.append(message)

    def read_block(self, block: Block) -> bool:
        used = False
        self.block_id += 1
        for r, cells in enumerate(block.rows()):
            check_time()
            texts = [c.text for c in cells]
            self.columns_at = [c.origin[1] for c in cells]
            self.row_id = (self.block_id, r)
            if not any(t.strip() for t in texts) and self.pending_side is None:
                continue
            said = len(self.result.errors), len(self.result.warnings)
            if self.read_row(cells):
                used = True
            else:
                self.result.unplaced.append(_unplaced_row(texts))
                self.warn_unplaced(texts)
            if cells and cells[0].ref:  # a source that names its cells (a workbook): say which row
                self.name_row(cells[0].ref, *said)
        return used

    def name_row(self, ref: str, errors: int, warnings: int) -> None:
        """What the row just read said, each with the row's first cell in front (表三!A12 这一行：…)."""
        for said, start in ((self.result.errors, errors), (self.result.warnings, warnings)):
            said[start:] = [wmsg.AT_ROW(ref=ref, message=m) for m in said[start:]]

    def warn_unplaced(self, texts: list[str]) -> None:
        shown = " | ".join(t.replace("\n", " ") for t in texts if t.strip())
        self.result.warnings.append(self.words(msg.ROW_UNRECOGNISED)(row=shown[:80]))

    # --- one physical row -----------------------------------------------------------------------

    def read_row(self, cells: list[GridCell]) -> bool:
        texts = [c.text for c in cells]
        end = len(texts)
        while end > 0 and is_value_like(texts[end - 1]):
            end -= 1
        labels, values = texts[:end], cells[end:]
        if not any(t.strip() for t in labels):
            if self.pending_side is not None:
                return self.side_by_side_row(values)
            return False
        row_match = self.row_label(labels)
        if row_match is None:
            return self.header_row(texts)
        match, after = row_match
        later = [i for i in range(after + 1, end) if texts[i].strip()]  # label cells after the row's label
        child = self.child_label(match, [texts[i] for i in later]) if match.label.role == "group" else None
        if child is not None:
            match, after, later = child, later[0], later[1:]
        if self.typed:
            # A workbook is typed cell by cell: what stands right of the row's label is its values,
            # whatever they hold (12件, 十二), so that reading them names each one at its cell.
            values, later = cells[after + 1:], []
        extra = [texts[i] for i in later]
        if match.label.role == "group":
            if any(v.text.strip() for v in values) and self.collapsible(match):
                self.warn(msg.GROUP_AS_ONE_ROW(label=match.label.label))
                return self.data_row(match, values, texts)
            elif any(v.text.strip() for v in values):
                said = self.words(msg.GROUP_ROW_WITH_VALUES)
                self.result.errors.append(said(label=match.published, format=self.fmt.id))
                self.result.unplaced.append(_unplaced_row(texts))
                return True
            else:
                return self.header_row(texts)
        if extra:
            self.warn(msg.TEXT_AFTER_LABEL(label=match.label.label, text=" ".join(extra)))
        return self.data_row(match, values, texts)

    def row_label(self, labels: list[str]) -> tuple[Match, int] | None:
        """The last official row label among the label cells (rowspanned groups come before it)."""
        side = {t.key for t in self.side_by_side}
        best: tuple[Match, int] | None = None
        for i, text in enumerate(labels):
            if not text.strip():
                continue
            match = match_label(text, self.fmt.id, ("row", "group"))
            if match is not None and match.label.table not in side:
                best = (match, i)
        return best

    def collapsible(self, group: Match) -> bool:
        table = self.fmt.table(group.label.table)
        return group.label.key in table.collapsible_rows

    def child_label(self, group: Match, texts: list[str]) -> Match | None:
        """A sub-row written without its number under its group (「（六）其他处理 | 其他」)."""
        if not texts:
            return None
        table = self.fmt.table(group.label.table)
        bare = unnumbered(normalize(texts[0]))
        for key, node, _ in table.leaf_rows:
            if key.startswith(group.label.key + ".") and unnumbered(normalize(node.label)) == bare:
                label = Label(self.fmt.id, table.key, "row", node.label, key)
                return Match(label, "unnumbered", texts[0])
        return None

    def data_row(self, match: Match, values: list[GridCell], texts: list[str]) -> bool:
        table = self.fmt.table(match.label.table)
        _, block = table.row(match.label.key)
        width = len(block.leaf_columns)
        self.warn(match.note)
        self.header_closed = True
        order = self.header_order(table, block)
        fitted: list[GridCell] | None = None
        if order is not None:
            in_order = _fit(values, len(order))
            if in_order is not None:
                fitted = self.reorder(table, block, order, in_order)
        if fitted is None:
            fitted = _fit(values, width)
        if fitted is None:
            if not any(v.text.strip() for v in values):
                self.warn(msg.ROW_NO_VALUES(label=match.label.label))
                fitted = [_NO_CELL] * width
            else:
                stated = len([v for v in values if v.text.strip()])
                said = self.words(msg.ROW_WIDTH)
                self.result.errors.append(said(label=match.label.label, cells=len(values), filled=stated, width=width))
                self.result.unplaced.append(_unplaced_row(texts))
                return True
        self.store(table, match.label.key, fitted, block)
        return True

    def store(self, table: Table, row_key: str, cells: list[GridCell], block: FormatBlock) -> None:
        rows = self.rows.setdefault(table.key, {})
        node, _ = table.row(row_key)
        if row_key in rows:
            self.result.errors.append(self.words(msg.ROW_TWICE)(label=node.label))
            self.result.unplaced.append(msg.UNPLACED_DUPLICATE_ROW.format(
                label=node.label, cells=" | ".join(c.text for c in cells)))
            return
        out: list[Any] = []
        for (col_key, column), cell in zip(block.leaf_columns, cells, strict=True):
            where = f"{table.key}.{row_key}.{col_key}"
            value = self.read_cell(cell, column, where)
            if cell.ref:
                self.result.refs[where] = cell.ref
            shown = wmsg.AT_CELL(ref=cell.ref, path=where) if cell.ref else where
            if value.note:
                self.warn(msg.CELL_NOTE(where=shown, note=value.note))
            if value.rejected:
                self.result.unplaced.append(msg.UNPLACED_CELL.format(where=shown, text=cell.text))
            out.append(value.value)
        rows[row_key] = out

    def side_by_side_row(self, values: list[GridCell]) -> bool:
        table = self.pending_side
        if table is None:
            return False
        block = table.blocks[0]
        columns = block.leaf_columns
        leaf_rows = block.leaf_rows
        fitted = _fit(values, len(columns) * len(leaf_rows))
        if fitted is None and not any(v.text.strip() for v in values) and values:
            fitted = [_NO_CELL] * (len(columns) * len(leaf_rows))
            self.warn(msg.SIDE_ROW_BLANK(caption=table.caption))
        if fitted is None:
            stated = len([v for v in values if v.text.strip()])
            self.result.errors.append(self.words(msg.SIDE_ROW_WIDTH)(caption=table.caption, count=stated,
                                                         expected=len(columns) * len(leaf_rows)))
            return False
        cells = fitted
        for i, (row_key, _) in enumerate(leaf_rows):
            self.store(table, row_key, cells[i * len(columns):(i + 1) * len(columns)], block)
        self.pending_side = None
        return True

    def header_row(self, texts: list[str]) -> bool:
        """A row of header labels (band, corner, column labels; T4's row labels). True if recognised."""
        recognised = 0
        unknown: list[str] = []
        if self.header_closed:
            self.header_cells, self.header_closed = [], False
        for i, text in enumerate(texts):
            if not text.strip() or is_value_like(text):
                continue
            candidates = column_candidates(text, self.fmt.id)
            if candidates:
                at = self.columns_at[i] if i < len(self.columns_at) else i
                self.header_cells.append((self.row_id, at, candidates))
            match = match_label(text, self.fmt.id, ("band", "corner", "column"))
            if match is None:
                for table in self.side_by_side:
                    match = match_label(text, self.fmt.id, ("row", "group"), table=table.key)
                    if match is not None:
                        break
            if match is None and normalize(text) in ("信息内容",):
                recognised += 1
                continue
            if match is None:
                unknown.append(text)
                continue
            recognised += 1
            self.warn(match.note)
            if match.label.table in {t.key for t in self.side_by_side}:
                self.pending_side = self.fmt.table(match.label.table)
            elif match.label.role == "band":
                self.pending_side = None
        if recognised and unknown:
            for text in unknown:
                self.warn(self.words(msg.HEADER_UNKNOWN)(text=text, format=self.fmt.id))
                self.result.unplaced.append(msg.UNPLACED_HEADER.format(text=text))
        return recognised > 0

    # --- columns by the header ----------------------------------------------------------------------

    def header_order(self, table: Table, block: FormatBlock) -> list[str] | None:
        """The block's leaf column keys in the order the header rows above show them, or None when
        the header does not tell (too few of its labels read)."""
        if len(block.leaf_columns) < 2 or block.layout != "grid":
            return None
        index = table.blocks.index(block)
        found: dict[str, int] = {}  # column label → its start column in the header
        rows: dict[str, tuple[int, int]] = {}
        for row_id, at, labels in self.header_cells:
            for label in labels:
                if label.table == table.key and label.block == index and label.label not in found:
                    found[label.label], rows[label.label] = at, row_id
        leaves = [node.label for _, node in block.leaf_columns]
        if sum(1 for lb in leaves if lb in found) < max(2, (len(leaves) + 1) // 2):
            return None
        # Text tables have no spans: positions compare only within one header row there.
        order = _ordered_leaves(block.columns, found, rows if not self.spans else None)
        if order is None or len(order) < 2:
            return None
        keys = {node.label: key for key, node in block.leaf_columns}
        return [keys[lb] for lb in order]

    def reorder(self, table: Table, block: FormatBlock, order: list[str], values: list[GridCell]) -> list[GridCell]:
        """Values read in the header's column order → the format's column order; absent columns blank."""
        canonical = [key for key, _ in block.leaf_columns]
        if order == canonical:
            return values
        by_key = dict(zip(order, values, strict=True))
        labels = {key: node.label for key, node in block.leaf_columns}
        caption = table.caption + (f" {block.band}" if block.band else "")
        absent = [labels[k] for k in canonical if k not in by_key]
        if absent:
            self.warn(msg.NO_COLUMN(caption=caption, columns="、".join(absent)))
        present = [k for k in canonical if k in by_key]
        if [k for k in order if k in present] != present:
            self.warn(msg.COLUMNS_REORDERED(caption=caption, columns="、".join(labels[k] for k in order)))
        return [by_key.get(k, _NO_CELL) for k in canonical]

    # --- after the last row ------------------------------------------------------------------------

    def finish(self) -> None:
        for table in self.fmt.tables:
            rows = self.rows.get(table.key)
            if not rows:
                self.result.missing.append(table.key)
                continue
            self.result.found.append(table.key)
            nested: dict[str, Any] = {}
            missing = []
            stands_for = self.collapsed_groups(table, rows, nested)
            for row_key, node, block in table.leaf_rows:
                if row_key in stands_for:
                    continue
                width = len(block.leaf_columns)
                cells = rows.get(row_key)
                if cells is None:
                    missing.append(node.label)
                    cells = [None] * width
                _put(nested, row_key, cells[0] if width == 1 else cells)
            if missing:
                self.result.missing_rows[table.key] = missing
                self.result.errors.append(msg.ROWS_NOT_FOUND(caption=table.caption, count=len(missing),
                                                             rows="、".join(missing)))
            self.result.values[table.key] = nested


    def collapsed_groups(self, table: Table, rows: dict[str, list[Any]], nested: dict[str, Any]) -> set[str]:
        """Put each group printed as one row into ``nested``; the leaf rows that row stands for.
        A group row with figures of its own and sub-rows too: the sub-rows are read, the row kept aside."""
        stands_for: set[str] = set()
        for group, (node, leaves) in table.collapsible_rows.items():
            cells = rows.get(group)
            if cells is None:
                continue
            if any(leaf in rows for leaf in leaves):
                self.warn(self.words(msg.GROUP_AND_ROWS)(label=node.label))
                self.result.unplaced.append(_unplaced_row([node.label, *(_shown(c) for c in cells)]))
                continue
            _put(nested, group, cells)
            stands_for.update(leaves)
        return stands_for


def _shown(value: Any) -> str:
    return "" if value is None else str(value)


def _unplaced_row(texts: list[str]) -> str:
    """A table row kept under ``unplaced``: its cells on one line."""
    return msg.UNPLACED_ROW.format(cells=" | ".join(t.replace("\n", " ") for t in texts))


def _ordered_leaves(nodes: tuple[Node, ...], found: dict[str, int],
                    rows: dict[str, tuple[int, int]] | None = None) -> list[str] | None:
    """Leaf labels under ``nodes`` ordered by where the header shows them; a group stays together
    (its children may sit in a header row of their own). None when a group is shown without any
    of its children (the header is incomplete). With ``rows`` (label → header row), positions are
    compared only when all the labels compared sit in one row; else the format's order stands."""
    placed: list[tuple[int, int, list[str]]] = []
    where: set[tuple[int, int]] = set()
    for n, node in enumerate(nodes):
        if node.is_leaf:
            if node.label in found:
                placed.append((found[node.label], n, [node.label]))
                if rows is not None:
                    where.add(rows[node.label])
            continue
        inner = _ordered_leaves(node.children, found, rows)
        if inner is None:
            return None
        if not inner:
            if node.label in found:
                return None
            continue
        shown = node.label if node.label in found else min(inner, key=lambda lb: found[lb])
        placed.append((found[shown], n, inner))
        if rows is not None:
            where.add(rows[shown])
    if len(where) > 1:
        placed.sort(key=lambda p: p[1])
    else:
        placed.sort(key=lambda p: (p[0], p[1]))
    return [lb for _, _, labels in placed for lb in labels]


def _put(nested: dict[str, Any], dotted: str, value: Any) -> None:
    *groups, last = dotted.split(".")
    for key in groups:
        nested = nested.setdefault(key, {})
    nested[last] = value


def _fit(values: list[GridCell], width: int) -> list[GridCell] | None:
    """The row's values for ``width`` columns, padding cells dropped; None if they cannot fit."""
    cells = list(values)
    while len(cells) > width and not cells[-1].text.strip():
        cells.pop()
    while len(cells) > width and not cells[0].text.strip():
        cells.pop(0)
    return cells if len(cells) == width else None
