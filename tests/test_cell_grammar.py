"""`python -m nianbao check` and the JSON Schema an editor reads accept the same cells.

The cell grammar is written once (cells.number_pattern); the schema is generated from it. This
test does not read that pattern: it edits a cell of a real data file and asks the loader whether
the file passes, then asks the generated report.schema.json, interpreted here, whether the value
the editor's YAML reader would see passes, and requires the same answer, and the intended one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from nbdata import DATA, FIXTURE_2021, SHILI, WANGGANG, check, copy_data

from nianbao.schema import schema_files

SCHEMA = json.loads(schema_files()["report.schema.json"])

# (data folder, report, the row as written, the row with CELL for the cell, format, table path, cell index)
COLUMNS = {
    "count": (DATA, f"{WANGGANG}/2020.yml", "penalties: [0, +1, 3]", "penalties: [CELL, +1, 3]", "2019",
              ("active_disclosure", "penalties"), 0),
    "signed": (DATA, f"{WANGGANG}/2020.yml", "penalties: [0, +1, 3]", "penalties: [0, CELL, 3]", "2019",
               ("active_disclosure", "penalties"), 1),
    "amount_with_unit": (DATA, f"{WANGGANG}/2020.yml", "procurement: [7, 461.7 万元]", "procurement: [7, CELL]",
                         "2019", ("active_disclosure", "procurement"), 1),
    "amount": (FIXTURE_2021, f"{SHILI}/2021.yml", "fees: 1.25", "fees: CELL", "2021", ("active_disclosure", "fees"),
               None),
}

# (column, the cell as written in the YAML file, accepted by both)
CASES = [
    ("count", "0", True), ("count", "12", True), ("count", "007", True), ("count", "+5", True),
    ("count", '"5"', True), ("count", "-1", False), ("count", "1.5", False), ("count", "5件", False),
    ("count", "１２", False), ("count", "1,000", False), ("count", "999999999999999", True),
    ("count", "1234567890123456", False), ("count", "~", True), ("count", "不适用", True),
    ("signed", "+1", True), ("signed", "-3", True), ("signed", '"+1"', True), ("signed", "0", True),
    ("signed", "+1.5", False), ("signed", "增1", False),
    ("amount_with_unit", "461.7 万元", True), ("amount_with_unit", "251000元", True),
    ("amount_with_unit", "461.7 万 元", True),  # pasted with a space inside the unit: tolerated
    ("amount_with_unit", '"461.7 万元"', True), ("amount_with_unit", "12.5 亿元", True),
    ("amount_with_unit", "+3 元", True), ("amount_with_unit", "461.7", False),
    ("amount_with_unit", "-1 元", False), ("amount_with_unit", "1.2.3", False),
    ("amount_with_unit", "1.2.3 万元", False), ("amount_with_unit", "12..5万元", False),
    ("amount_with_unit", "1e999999 万元", False), ("amount_with_unit", "１２ 元", False),
    ("amount_with_unit", "12 $", False), ("amount_with_unit", "12.1234567 元", False),
    ("amount_with_unit", "万元", False), ("amount_with_unit", "12.5 万元整数目很长很长", False),
    ("amount_with_unit", "~", True), ("amount_with_unit", "不适用", True),
    ("amount", "1.25", True), ("amount", "0", True), ("amount", "12", True), ("amount", '"1.25 万元"', True),
    ("amount", '"1.25 万 元"', True), ("amount", '"12500 元"', False), ("amount", "-1", False),
    ("amount", "abc", False), ("amount", '"1.1234567"', False), ("amount", "~", True),
]
# Not among the cases: forms that YAML itself turns into a number (0x10, 1e3, -0, and a plain
# 1.1234567 with more decimals than an amount keeps), which reach the schema as that number and
# not as what was written, so no grammar of text can judge them.


def _yaml_value(text: str) -> Any:
    """The value a YAML 1.2 reader (the editor's) gives a scalar: the core schema's types."""
    if text.startswith('"'):
        return json.loads(text)
    if re.fullmatch(r"~|null|Null|NULL|", text):
        return None
    if re.fullmatch(r"[-+]?[0-9]+", text):
        return int(text)
    if re.fullmatch(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?", text):
        return float(text)
    return text


def _valid(value: Any, schema: dict[str, Any]) -> bool:
    """JSON Schema (draft 7) for the keywords the cell schemas use; a keyword not known here fails."""
    known = {"anyOf", "$ref", "type", "minimum", "maximum", "exclusiveMaximum", "const", "pattern", "description"}
    assert set(schema) <= known, set(schema) - known
    if "$ref" in schema:
        target: Any = SCHEMA
        for key in schema["$ref"].removeprefix("#/").split("/"):
            target = target[key]
        return _valid(value, target)
    if "anyOf" in schema:
        return any(_valid(value, branch) for branch in schema["anyOf"])
    if "const" in schema:
        return bool(value == schema["const"])
    kind = schema.get("type")
    if kind == "null":
        return value is None
    if kind == "string":
        return isinstance(value, str) and re.search(schema["pattern"], value) is not None
    if kind in ("integer", "number"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return False
        if kind == "integer" and value != int(value):
            return False
        return (value >= schema.get("minimum", value) and value <= schema.get("maximum", value)
                and ("exclusiveMaximum" not in schema or value < schema["exclusiveMaximum"]))
    raise AssertionError(f"unknown schema {schema}")


def _cell_schema(column: str) -> dict[str, Any]:
    _, _, _, _, fmt, (table, row), index = COLUMNS[column]
    branch = next(b["then"]["properties"] for b in SCHEMA["allOf"] if b["if"]["properties"]["format"]["const"] == fmt)
    row_schema = branch[table]["properties"][row]
    if index is None:  # a one-column row: the bare value
        return row_schema["anyOf"][1]
    return row_schema["items"][index]


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, Path]:
    tmp = tmp_path_factory.mktemp("grammar")
    return {DATA: copy_data(DATA, tmp, "data"), FIXTURE_2021: copy_data(FIXTURE_2021, tmp, "fixture")}


def _check_accepts(column: str, cell: str, folders: dict[Path, Path]) -> bool:
    source, report, row, template, _, (table, row_key), _ = COLUMNS[column]
    data = folders[source]
    path = data / report
    original = (source / report).read_text(encoding="utf-8")
    assert original.count(row) == 1
    path.write_text(original.replace(row, template.replace("CELL", cell)), encoding="utf-8")
    loaded, _ = check(data)
    faults = [p for p in loaded.findings.problems
              if p.file.endswith(report) and (p.rule in ("data.cell", "data.yaml") or p.path.startswith(
                  f"{table}.{row_key}"))]
    return not any(p.severity == "error" and p.rule.startswith("data.") for p in faults)


@pytest.mark.parametrize(("column", "cell", "accepted"), CASES, ids=[f"{c}:{t}" for c, t, _ in CASES])
def test_check_and_schema_agree(column: str, cell: str, accepted: bool, folders: dict[Path, Path]):
    by_check = _check_accepts(column, cell, folders)
    by_schema = _valid(_yaml_value(cell), _cell_schema(column))
    assert (by_check, by_schema) == (accepted, accepted)


def test_a_unit_pasted_with_spaces_is_read_as_the_unit():
    from nianbao.cells import parse_cell

    cell = parse_cell("461.7 万 元", "amount_with_unit")
    assert (cell.text, cell.unit) == ("461.7 万 元", "万元")  # shown as written, compared as 万元
    assert parse_cell("1.25 万 元", "amount", "万元").text == "1.25"
