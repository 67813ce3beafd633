"""Lay a statutory table out as the official grid: header rows with rowspan/colspan, row labels,
one slot per value. The result is a view model; ``table_html.py`` renders it once per format and
table, and fills each report's values into the slots.

The layout is derived from the format definition alone, so a new format needs no code here:
label columns = depth of the row tree, header rows = depth of the column tree; a group spans its
leaves; a leaf reaches down (or across) to the last header row (or label column).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..formats import Block, Node, Table


@dataclass
class GridCell:
    tag: str  # "th" or "td"
    text: str = ""
    id: str = ""
    colspan: int = 1
    rowspan: int = 1
    scope: str = ""
    headers: str = ""
    css: str = ""
    slot: tuple[str, int] | None = None  # a value cell: (row key, column index)
    # A value cell's own column name and, where a run of cells starts, the name of the run: the
    # narrow (phone) layout shows each cell with its name, as the header rows are out of sight there.
    label: str = ""
    group: str = ""
    total: bool = False  # the 总计 column, shown beside the row label on a phone


@dataclass
class GridRow:
    cells: list[GridCell] = field(default_factory=list)
    css: str = ""
    id: str = ""


@dataclass
class GridBlock:
    head: list[GridRow]
    body: list[GridRow]


@dataclass
class Grid:
    key: str
    caption: str
    width: int
    blocks: list[GridBlock]
    # One <thead> when the table has a single block (T3, T4); T2's blocks each carry their header.
    single_head: bool
    prefix: str


def _id(*parts: str) -> str:
    return "-".join(p.replace(".", "-").replace("_", "-") for p in parts if p)


def _row_names(table: Table) -> dict[str, str]:
    """Short anchor names for rows and row groups: the last key, unless two rows share it.

    Every data cell lists its headers' ids, so short ids keep a report page small.
    """
    paths: list[str] = []

    def walk(node: Node, prefix: str) -> None:
        path = f"{prefix}.{node.key}" if prefix else node.key
        paths.append(path)
        for child in node.children:
            walk(child, path)

    for block in table.blocks:
        for row in block.rows:
            walk(row, "")
    last = [p.rsplit(".", 1)[-1] for p in paths]
    return {p: (name if last.count(name) == 1 else p) for p, name in zip(paths, last, strict=True)}


def table_grid(table: Table, caption: str, prefix: str, collapsed: frozenset[str] = frozenset()) -> Grid:
    """prefix names the table in ids (t3 for 表三): ids are prefix-row, prefix-c-column. ``collapsed``:
    row groups printed as one row (their total), laid out as a row of their own without their rows."""
    names = _row_names(table)
    widths = [_label_columns(b) + _data_width(b) for b in table.blocks]
    width = max(widths)
    multi = len(table.blocks) > 1
    blocks = [
        _block_grid(prefix, f"b{i + 1}" if multi else "", block, width, names, collapsed)
        for i, block in enumerate(table.blocks)
    ]
    return Grid(key=table.key, caption=caption, width=width, blocks=blocks, single_head=not multi, prefix=prefix)


def _label_columns(block: Block) -> int:
    if block.layout == "side_by_side":
        return 0
    return max(row.depth() for row in block.rows)


def _span(node: Node) -> int:
    return sum(_span(c) for c in node.children) if node.children else node.span


def _data_width(block: Block) -> int:
    if block.layout == "side_by_side":
        return sum(_span(c) for c in block.columns) * len(block.leaf_rows)
    return sum(_span(c) for c in block.columns)


def _header_tree(block: Block) -> tuple[Node, ...]:
    """The column tree to draw. Side by side (T4): the row tree on top, each leaf row over the columns."""
    if block.layout != "side_by_side":
        return block.columns

    def graft(row: Node) -> Node:
        kids = tuple(graft(c) for c in row.children) if row.children else block.columns
        return Node(label=row.label, key=row.key, children=kids)

    return tuple(graft(r) for r in block.rows)


def _block_grid(tkey: str, bkey: str, block: Block, width: int, names: dict[str, str],
                collapsed: frozenset[str] = frozenset()) -> GridBlock:
    labels = _label_columns(block)
    tree = _header_tree(block)
    depth = max(n.depth() for n in tree)
    head = [GridRow() for _ in range(depth)]
    band_id = ""
    if block.band:
        band_id = _id(tkey, bkey, "band")
        head.insert(0, GridRow([GridCell("th", block.band, band_id, colspan=width, scope="colgroup")], css="nb-band"))
    first = head[1] if block.band else head[0]
    if labels:
        first.cells.append(GridCell("th", block.corner, _id(tkey, bkey, "corner"), colspan=labels, rowspan=depth,
                                    scope="col", css="nb-corner"))
    leaf_headers: list[str] = []  # header ids for each data column, in order

    def place(node: Node, level: int, path: str, parents: list[str]) -> None:
        key = f"{path}.{node.key}" if path and node.key else (node.key or path)
        row = head[level + (1 if block.band else 0)]
        # Column groups such as 法人或其他组织 carry no key: name them by position.
        cell_id = _id(tkey, bkey, "c", key or f"g{level}{len(row.cells)}")
        if node.children:
            row.cells.append(GridCell("th", node.label, cell_id, colspan=_span(node), scope="colgroup"))
            for child in node.children:
                place(child, level + 1, key, parents + [cell_id])
        else:
            row.cells.append(GridCell("th", node.label, cell_id, colspan=node.span, rowspan=depth - level,
                                      scope="col"))
            leaf_headers.append(" ".join(parents + [cell_id]))

    for node in tree:
        place(node, 0, "", [band_id] if band_id else [])
    pad = width - labels - _data_width(block)
    if pad:
        # 2019 (八)(九) have two data columns in a four-column table: the rest stays empty, as printed.
        for row in head[(1 if block.band else 0):]:
            row.cells.append(GridCell("td", css="nb-pad", rowspan=depth))
            break
    body = (_side_by_side_body(block, leaf_headers) if block.layout == "side_by_side"
            else _grid_body(tkey, block, labels, leaf_headers, names, collapsed))
    if pad:
        for row in body:
            row.cells.append(GridCell("td", css="nb-pad", colspan=pad))
    return GridBlock(head=head, body=body)


def _slot(key: str, index: int, headers: str, span: int, label: str = "", column: Node | None = None) -> GridCell:
    # 总计 by its name: T2's 对外公开总数量 (key total in 2019) is a stock, not a sum.
    return GridCell("td", headers=headers, colspan=span, slot=(key, index), label=label,
                    total=column is not None and column.label == "总计")


def _column_labels(block: Block) -> list[str]:
    """Each data column's name, as short as it can be and still name one column: the leaf's label,
    with its groups' labels in front only where two leaves share a label."""
    paths: list[list[str]] = []

    def walk(node: Node, above: list[str]) -> None:
        here = [*above, node.label]
        if node.children:
            for child in node.children:
                walk(child, here)
        else:
            paths.append(here)

    for column in block.columns:
        walk(column, [])
    labels = []
    for path in paths:
        for n in range(1, len(path) + 1):
            name = path[-n:]
            if sum(p[-n:] == name for p in paths) == 1:
                break
        labels.append("·".join(name))
    return labels


def _grid_body(tkey: str, block: Block, labels: int, leaf_headers: list[str], names: dict[str, str],
               collapsed: frozenset[str]) -> list[GridRow]:
    rows: list[GridRow] = []
    spans = [c.span for _, c in block.leaf_columns]
    columns = [c for _, c in block.leaf_columns]
    labels_of = _column_labels(block)

    def walk(node: Node, level: int, path: str, parents: list[str], row: GridRow | None) -> GridRow | None:
        key = f"{path}.{node.key}" if path else node.key
        cell_id = _id(tkey, names[key])
        if row is None:
            row = GridRow()
            rows.append(row)
        if node.children and key not in collapsed:
            row.cells.append(GridCell("th", node.label, cell_id, rowspan=_height(node, key, collapsed),
                                      scope="rowgroup", css=f"nb-label nb-label-{level + 1}"))
            pending: GridRow | None = row
            for child in node.children:
                walk(child, level + 1, key, parents + [cell_id], pending)
                pending = None
            return None
        row.cells.append(GridCell("th", node.label, cell_id, colspan=labels - level, scope="row",
                                  css=f"nb-label nb-label-{level + 1}"))
        for index, (headers, span) in enumerate(zip(leaf_headers, spans, strict=True)):
            row.cells.append(_slot(key, index, " ".join(filter(None, [headers, *parents, cell_id])), span,
                                   labels_of[index], columns[index]))
        return None

    for node in block.rows:
        walk(node, 0, "", [], None)
    return rows


def _height(node: Node, key: str, collapsed: frozenset[str]) -> int:
    """The physical rows a row group takes: one per leaf, one for a group printed as one row."""
    if not node.children or key in collapsed:
        return 1
    return sum(_height(child, f"{key}.{child.key}", collapsed) for child in node.children)


def _side_by_side_body(block: Block, leaf_headers: list[str]) -> list[GridRow]:
    """One row of value cells: each leaf row's columns in turn (T4: 行政复议, then 行政诉讼's two)."""
    row = GridRow(css="nb-side")
    spans = [c.span for _, c in block.leaf_columns]
    columns = [c for _, c in block.leaf_columns]
    labels = _column_labels(block)
    headers = iter(leaf_headers)
    groups = _row_paths(block)
    for key, _ in block.leaf_rows:
        for index, span in enumerate(spans):
            cell = _slot(key, index, next(headers), span, labels[index], columns[index])
            if index == 0:
                cell.group = groups[key]
            row.cells.append(cell)
    return [row]


def _row_paths(block: Block) -> dict[str, str]:
    """Each leaf row's labels from the top, e.g. 行政诉讼·未经复议直接起诉."""
    out: dict[str, str] = {}

    def walk(node: Node, prefix: str, above: list[str]) -> None:
        path = f"{prefix}.{node.key}" if prefix else node.key
        here = [*above, node.label]
        if node.children:
            for child in node.children:
                walk(child, path, here)
        else:
            out[path] = "·".join(here)

    for row in block.rows:
        walk(row, "", [])
    return out
