"""JSON Schemas for editors: generated from the model and the formats, kept in step with the data folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from nbdata import DATA, FIXTURE_2021

from nianbao.cells import number_pattern
from nianbao.schema import SCHEMA_DIR, cell_definition, schema_files, write_schemas
from nianbao.yamlsource import read_yaml

FILES = schema_files()
REPORT = json.loads(FILES["report.schema.json"])
BODY = json.loads(FILES["body.schema.json"])


def test_two_schema_files():
    assert sorted(FILES) == ["body.schema.json", "report.schema.json"]
    assert REPORT["$schema"] == BODY["$schema"] == "http://json-schema.org/draft-07/schema#"


@pytest.mark.parametrize("folder", [DATA, FIXTURE_2021], ids=["data", "fixture-2021"])
def test_committed_schemas_are_up_to_date(folder: Path):
    for name, text in FILES.items():
        path = folder / SCHEMA_DIR / name
        assert path.read_text(encoding="utf-8") == text, f"{path} is stale: python -m nianbao schema --data {folder}"


@pytest.mark.parametrize("folder", [DATA, FIXTURE_2021], ids=["data", "fixture-2021"])
def test_every_data_file_names_its_schema(folder: Path):
    files = [p for p in folder.glob("*/*.yml") if not p.parent.name.startswith("_")]
    assert files
    for path in files:
        kind = "body" if path.name == "body.yml" else "report"
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../_schema/{kind}.schema.json", path
        assert (path.parent / f"../_schema/{kind}.schema.json").resolve().is_file()


def test_write_schemas(tmp_path: Path):
    written = write_schemas(tmp_path)
    assert sorted(p.name for p in written) == sorted(FILES)
    for path in written:
        assert path.read_text(encoding="utf-8") == FILES[path.name]


def test_report_schema_branches_by_format():
    assert REPORT["properties"]["format"]["enum"] == ["2019", "2021"]
    # published is optional: a report is drafted before it is published (not stated: warning D.3).
    assert REPORT["required"] == ["format"]
    assert {"type": "null"} in REPORT["properties"]["published"]["anyOf"]
    branches = {b["if"]["properties"]["format"]["const"]: b["then"]["properties"] for b in REPORT["allOf"]}
    assert set(branches) == {"2019", "2021"}
    assert set(branches["2019"]["active_disclosure"]["properties"]) == {
        "regulations", "normative_documents", "licensing", "other_services", "penalties", "enforcement", "fees",
        "procurement"}
    assert set(branches["2021"]["active_disclosure"]["properties"]) == {
        "regulations", "normative_documents", "licensing", "penalties", "enforcement", "fees"}
    other_2019 = branches["2019"]["applications"]["properties"]["results"]["properties"]["other_handling"]
    other_2021 = branches["2021"]["applications"]["properties"]["results"]["properties"]["other_handling"]
    assert (other_2019["type"], other_2019["minItems"], other_2019["maxItems"]) == ("array", 7, 7)
    # A 2021 （六）其他处理 may be its three sub-rows or, as some reports print it, one row of totals.
    grouped, collapsed = other_2021["anyOf"]
    assert grouped["type"] == "object"
    assert grouped["required"] == ["no_correction", "unpaid_fees", "other"]
    assert grouped["additionalProperties"] is False
    assert (collapsed["type"], collapsed["minItems"], collapsed["maxItems"]) == ("array", 7, 7)
    granted = branches["2021"]["applications"]["properties"]["results"]["properties"]["disclosed"]
    assert "anyOf" not in granted


def test_single_value_rows_accept_a_bare_value():
    t2 = REPORT["allOf"][1]["then"]["properties"]["active_disclosure"]["properties"]
    assert t2["licensing"]["anyOf"][1] == {"$ref": "#/definitions/cell_count"}
    # 本年收费金额 has its unit (万元) in the header: its cell may repeat it, so its schema is its own.
    assert t2["fees"]["anyOf"][1] == cell_definition("amount", "万元")


def test_cell_definitions_allow_number_blank_or_not_applicable():
    cells = REPORT["definitions"]
    assert cells["cell_count"]["anyOf"] == [
        {"type": "integer", "minimum": 0, "maximum": 10**15 - 1, "description": "件数（不小于 0 的整数）"},
        {"type": "string", "pattern": r"^\s*(?:\+?[0-9]{1,15})\s*$", "description": "件数（不小于 0 的整数）"},
        {"type": "null", "description": "未填写（报告没有给出）"},
        {"const": "不适用", "description": "不适用"},
    ]
    # The grammar check uses (cells.number_pattern); tests/test_cell_grammar.py shows they agree.
    assert cells["cell_amount_with_unit"]["anyOf"][0]["pattern"] == rf"^\s*(?:{number_pattern('amount_with_unit')})\s*$"


def test_body_schema():
    assert set(BODY["required"]) == {"name", "level", "region"}
    assert BODY["additionalProperties"] is False


def test_fixture_keys_are_all_in_the_schema():
    """A cheap stand-in for a validator: every top-level key of every report is a schema property."""
    known = set(REPORT["properties"])
    for path in FIXTURE_2021.glob("*/20*.yml"):
        assert set(read_yaml(path).value) <= known, path
