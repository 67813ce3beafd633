"""The body registry in body.yml (former names, parent, since / until, exempt years): optional,
validated like the rest of body.yml, in the JSON Schema, and checked against the data set."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from nbdata import DATA, FIXTURE_2021, SHILI, WANGGANG, copy_data, only, problems

from nianbao.catalogue import rules as R
from nianbao.loader import load_data
from nianbao.model import Body
from nianbao.schema import schema_files

BODY = {"name": "示例县统计局", "level": "区县部门", "region": ["示例省", "示例市", "示例县"]}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """The 2021 fixture's body (reports 2020–2022) and 王岗镇 (2020) in one data folder."""
    dest = copy_data(FIXTURE_2021, tmp_path)
    shutil.copytree(DATA / WANGGANG, dest / WANGGANG)
    return dest


def add(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_every_registry_field_is_optional_and_the_data_stays_valid() -> None:
    body = Body.model_validate(BODY)
    assert (body.former_names, body.parent, body.since, body.until, body.exempt) == ([], None, None, None, {})
    assert problems(DATA) == [] and problems(FIXTURE_2021) == []


def test_the_registry_fields_read() -> None:
    body = Body.model_validate({**BODY, "former_names": [{"name": "示例县统计办", "until": 2019},
                                                         {"name": "示例县统计所", "until": 2015}],
                                "parent": "shili-xian", "since": 2012, "until": 2023,
                                "exempt": {2020: "机构改革期间职能划转，未单独报告"}})
    assert body.exempt == {2020: "机构改革期间职能划转，未单独报告"}
    assert [body.name_for(y) for y in (2014, 2015, 2016, 2019, 2020)] == [
        "示例县统计所", "示例县统计所", "示例县统计办", "示例县统计办", "示例县统计局"]
    assert [body.exists_in(y) for y in (2011, 2012, 2023, 2024)] == [False, True, True, False]


def test_the_schema_states_the_registry_fields() -> None:
    schema = json.loads(schema_files()["body.schema.json"])
    props = schema["properties"]
    assert {"former_names", "parent", "since", "until", "exempt"} <= set(props)
    assert schema["required"] == ["name", "level", "region"]
    assert props["exempt"]["propertyNames"] == {"pattern": "^(200[89]|20[1-9][0-9]|2100)$"}
    assert all("description" in props[k] for k in ("former_names", "parent", "since", "until", "exempt"))


@pytest.mark.parametrize(("text", "rule", "path"), [
    ("since: 2020\nuntil: 2019\n", R.INVALID, "until"),
    ("since: 1999\n", R.INVALID, "since"),
    ("parent: 南岗区\n", R.INVALID, "parent"),
    ("exempt: {2020: ''}\n", R.INVALID, "exempt.2020"),
    ("exempt: {二〇二〇: 撤并}\n", R.INVALID, "exempt"),
    ("exempt: {1999: 撤并}\n", R.INVALID, "exempt"),
    ("former_names: [{name: 示例县数据办}]\n", R.MISSING, "former_names[0].until"),
    ("former_names: [示例县数据办]\n", R.WRONG_TYPE, "former_names[0]"),
])
def test_faulty_registry_fields_are_reported_in_chinese_with_their_line(data: Path, text: str, rule: R.Rule,
                                                                        path: str) -> None:
    body_file = data / SHILI / "body.yml"
    add(body_file, text)
    found = problems(data)
    assert found, text
    problem = found[0]
    assert problem.rule == rule.id and problem.path.startswith(path.split(".")[0]), problem.render()
    assert problem.file == f"data/{SHILI}/body.yml" and problem.line > 15
    assert any("\u4e00" <= ch <= "\u9fff" for ch in problem.message + problem.expected)


def test_until_before_since_names_since(data: Path) -> None:
    add(data / SHILI / "body.yml", "since: 2020\nuntil: 2019\n")
    problem = only(problems(data), R.INVALID.id)
    assert problem.path == "until" and "2020" in problem.expected


def test_an_unknown_parent_is_an_error_naming_it(data: Path) -> None:
    add(data / SHILI / "body.yml", "parent: wanggang-zhn\n")
    problem = only(problems(data), R.PARENT_UNKNOWN.id)
    assert problem.severity == "error" and problem.path == "parent" and problem.found == "wanggang-zhn"
    assert problem.line == 19 and "wanggang-zhen" in problem.hint  # the line added; did you mean


def test_a_known_parent_is_fine_and_a_body_is_not_its_own_parent(data: Path) -> None:
    add(data / SHILI / "body.yml", f"parent: {WANGGANG}\n")
    assert problems(data) == []
    assert load_data(data, data.parent).bodies[SHILI].parent == WANGGANG
    add(data / WANGGANG / "body.yml", f"parent: {WANGGANG}\n")
    problem = only(problems(data), R.PARENT_UNKNOWN.id)
    assert problem.file == f"data/{WANGGANG}/body.yml" and "自己" in problem.message


def test_a_parent_outside_a_partial_load_still_counts(data: Path) -> None:
    """A shard loads some bodies only: the parent is a folder of the data set all the same."""
    add(data / SHILI / "body.yml", f"parent: {WANGGANG}\n")
    loaded = load_data(data, data.parent, bodies=frozenset({SHILI}))
    assert [p for p in loaded.findings.problems if p.rule == R.PARENT_UNKNOWN.id] == []


@pytest.mark.parametrize(("text", "year", "variant_word"), [
    ("since: 2021\n", 2020, "since"),
    ("until: 2021\n", 2022, "until"),
])
def test_a_report_outside_the_years_the_body_exists_is_an_error(data: Path, text: str, year: int,
                                                               variant_word: str) -> None:
    add(data / SHILI / "body.yml", text)
    problem = only(problems(data), R.OUTSIDE_YEARS.id)
    assert problem.severity == "error" and problem.path == variant_word
    assert problem.found == f"data/{SHILI}/{year}.yml" and str(year) in problem.message
    assert problem.file == f"data/{SHILI}/body.yml"


def test_reports_within_since_and_until_and_exempt_years_are_fine(data: Path) -> None:
    add(data / SHILI / "body.yml", "since: 2019\nuntil: 2022\nexempt: {2019: 2019 年尚未单独设立公开工作机构}\n"
                                   "former_names: [{name: 示例县数据办, until: 2020}]\n")
    assert problems(data) == []
    body = load_data(data, data.parent).bodies[SHILI]
    assert body.exempt == {2019: "2019 年尚未单独设立公开工作机构"} and body.name_for(2020) == "示例县数据办"


def test_former_names_are_taken_out_before_texts_are_compared(data: Path) -> None:
    from nianbao.copies import document

    add(data / SHILI / "body.yml", "former_names: [{name: 示例县数据办, until: 2020}]\n")
    loaded = load_data(data, data.parent)
    doc = document(loaded.reports[(SHILI, 2021)], loaded.bodies[SHILI])
    assert "示例县数据办" in doc.phrases and "示例县数据局" in doc.phrases


def test_the_schema_accepts_what_the_model_accepts_and_refuses_what_it_refuses() -> None:
    import jsonschema

    schema = json.loads(schema_files()["body.schema.json"])
    good = {**BODY, "former_names": [{"name": "示例县统计办", "until": 2019}], "parent": "shili-xian",
            "since": 2012, "until": 2023, "exempt": {"2020": "机构改革期间职能划转，未单独报告"}}
    jsonschema.validate(good, schema)
    Body.model_validate({**good, "exempt": {2020: "机构改革期间职能划转，未单独报告"}})
    for bad in ({"parent": "南岗区"}, {"since": 1999}, {"exempt": {"2007": "撤并"}}, {"exempt": {"二〇二〇": "撤并"}},
                {"former_names": [{"name": "示例县统计办"}]}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({**BODY, **bad}, schema)


def test_parents_that_go_round_in_a_circle_are_an_error(data: Path) -> None:
    add(data / SHILI / "body.yml", f"parent: {WANGGANG}\n")
    add(data / WANGGANG / "body.yml", f"parent: {SHILI}\n")
    found = [p for p in problems(data) if p.rule == R.PARENT_UNKNOWN.id]
    assert sorted(p.file for p in found) == [f"data/{SHILI}/body.yml", f"data/{WANGGANG}/body.yml"]
    by_file = {p.file: p.message for p in found}
    assert f"{SHILI} → {WANGGANG} → {SHILI}" in by_file[f"data/{SHILI}/body.yml"]
    assert f"{WANGGANG} → {SHILI} → {WANGGANG}" in by_file[f"data/{WANGGANG}/body.yml"]
