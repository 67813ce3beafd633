"""The level is guessed with its reason; a body.yml still without level or region does not stop the
source's own findings from being checked and acknowledged, so the report builds once they are filled."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from nianbao.__main__ import main as nianbao_main
from nianbao.importer.body import guess_level, region_of
from nianbao.importer.cli import main as import_main
from nianbao.yamlsource import parse_yaml

ROOT = Path(__file__).resolve().parents[2]
BUREAU = ROOT / "tests" / "fixtures" / "import" / "real-world" / "province-bureau-2021.txt"


@pytest.mark.parametrize(("name", "level", "said"), [
    ("重庆市示例事务委员会", "省级部门", "重庆市是直辖市，与省同级"),
    ("上海市人民政府办公厅", "省级部门", "办公厅（室）是上海市人民政府自己的办事机构"),
    ("示例市人民政府办公厅", "市级部门", "以本级政府工作部门的身份另发年度报告"),
    ("示例县数据局", "区县部门", "「示例县」和「数据局」"),
    ("示例县人民政府", "区县政府", "示例县人民政府"),
    # A province the list does not know (an example's) is still a province.
    ("示例省财政厅", "省级部门", "「示例省」和「财政厅」"),
    ("示例省人民政府", "省政府", "示例省人民政府"),
    ("示例省示例市人民政府", "市政府", "示例市人民政府"),
])
def test_the_level_comes_with_its_reason(name: str, level: str, said: str) -> None:
    region, rest = region_of(name)
    guessed, reason = guess_level(name, region, rest)
    assert guessed == level
    assert said in reason


def test_findings_are_acknowledged_before_the_body_is_complete(tmp_path: Path, monkeypatch) -> None:
    # The same report from a body whose name tells neither its region nor its level.
    source = tmp_path / "report.txt"
    source.write_text(BUREAU.read_text(encoding="utf-8").replace("重庆市示例事务委员会", "示例事务中心"),
                      encoding="utf-8")
    data = tmp_path / "data"
    out = io.StringIO()
    import_main([str(source), "--data", str(data), "--body", "shili-zhongxin"], out=out)
    said = out.getvalue()
    assert "None" not in said
    body_file = data / "shili-zhongxin" / "body.yml"
    body = parse_yaml(body_file.read_text(encoding="utf-8")).value
    assert "level" not in body and "region" not in body  # never invented
    report = parse_yaml((data / "shili-zhongxin" / "2021.yml").read_text(encoding="utf-8")).value
    assert [a["rule"] for a in report["acknowledged"]] == ["T4.1"]  # the source's wrong 行政复议 total
    # The maintainer fills in the two fields; the report then checks clean, its finding acknowledged.
    body_file.write_text(body_file.read_text(encoding="utf-8") + "level: 省级部门\nregion: [重庆市]\n",
                         encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(os.environ, "NIANBAO_LANG", "zh")
    assert nianbao_main(["check", str(data)]) == 0
