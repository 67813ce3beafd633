"""The sharded build as a plan of jobs: `shards --plan` (a CI matrix), `--build SHARD`, `--assemble`;
run locally by `make province` (xargs -P), on GitHub Actions and GitLab CI by the shipped workflows."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from nianbao.__main__ import main
from nianbao.search import INDEX_DIR, MANIFEST
from nianbao.shards import (
    DIGEST_FILE,
    GITHUB_MATRIX_MAX,
    GITLAB_JOB,
    GITLAB_MATRIX_MAX,
    GITLAB_TEMPLATE,
    PROJECT_INPUTS,
    SUMS_CACHE,
    Job,
    Shard,
    github_matrix,
    gitlab_pipeline,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generate import generate  # noqa: E402

WANGGANG = ROOT / "data" / "wanggang-zhen"
SHILI = ROOT / "tests" / "fixtures" / "2021" / "shili-xian-shujuju"
GITHUB = ROOT / ".github" / "workflows" / "province.yml"
GITLAB = ROOT / "ci" / "gitlab-province.yml"
NIANBAO_SHARDS = "python -m nianbao shards"


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """`python -m nianbao ARGS` in-process from the project; (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        monkeypatch.chdir(ROOT)
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse: --help, usage errors
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return run


def two_regions(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copytree(WANGGANG, data / WANGGANG.name)
    shutil.copytree(SHILI, data / SHILI.name)
    return data


def test_the_plan_is_a_ci_matrix_and_lists_its_shards(tmp_path: Path, cli: Any):
    data, plan = two_regions(tmp_path), tmp_path / "plan.json"
    code, out, err = cli("shards", "--plan", str(plan), "--data", str(data), "--out", str(tmp_path / "site"))
    assert code == 0, out + err
    assert "2 个分站，共 4 份报告" in out and "GitHub" not in out
    matrix = json.loads(plan.read_text(encoding="utf-8"))
    assert list(matrix) == ["include"]  # a GitHub matrix takes any other key for a dimension
    hlj = matrix["include"][1]
    assert hlj["shard"] == "heilongjiangsheng-haerbinshi" and hlj["region"] == ["黑龙江省", "哈尔滨市"]
    assert (hlj["bodies"], hlj["reports"], hlj["folders"]) == (1, 1, ["wanggang-zhen"])
    assert hlj["out"] == str(tmp_path / "site" / "heilongjiangsheng-haerbinshi")
    assert hlj["sums"] == str(tmp_path / "site" / SUMS_CACHE / "heilongjiangsheng-haerbinshi.json")
    assert re.fullmatch("[0-9a-f]{32}", hlj["digest"])
    code, out, _ = cli("shards", "--plan", str(plan), "--list")
    assert (code, out) == (0, "shilisheng-shilishi\nheilongjiangsheng-haerbinshi\n")
    code, out, _ = cli("shards", "--plan", str(plan), "--pending")  # nothing is built yet
    assert (code, out) == (0, "shilisheng-shilishi\nheilongjiangsheng-haerbinshi\n")
    assert not (tmp_path / "site").exists()  # a plan builds nothing
    # A file reads the same whatever language the run spoke, the shard of no region ("other") too.
    (data / "broken").mkdir()
    (data / "broken" / "body.yml").write_text("name: [\n", encoding="utf-8")
    plans = {lang: tmp_path / f"plan-{lang}.json" for lang in ("en", "zh")}
    for lang, path in plans.items():
        cli("--lang", lang, "shards", "--plan", str(path), "--data", str(data), "--out", str(tmp_path / "site"))
    assert plans["en"].read_bytes() == plans["zh"].read_bytes()
    assert json.loads(plans["zh"].read_text(encoding="utf-8"))["include"][0]["shard"] == "other"


def test_a_plan_step_refuses_what_it_cannot_do(tmp_path: Path, cli: Any):
    data, plan = two_regions(tmp_path), tmp_path / "plan.json"
    code, _, err = cli("shards", "--build", "shilisheng-shilishi")
    assert code == 2 and "--plan" in err
    code, _, err = cli("shards", "--plan", str(plan), "--assemble")
    assert code == 2 and f"读不了计划文件 {plan}" in err
    plan.write_text('{"include": [{"shard": "x"}]}', encoding="utf-8")
    code, _, err = cli("shards", "--plan", str(plan), "--list")
    assert code == 2 and "不是 python -m nianbao shards --plan 写出的计划" in err
    cli("shards", "--plan", str(plan), "--data", str(data), "--out", str(tmp_path / "site"))
    code, _, err = cli("shards", "--plan", str(plan), "--build", "nowhere")
    assert code == 2 and "没有分站 nowhere" in err and "heilongjiangsheng-haerbinshi" in err
    # Data edited after the plan: its digest no longer names these inputs, so nothing is built.
    report = data / "wanggang-zhen" / "2020.yml"
    report.write_text(report.read_text(encoding="utf-8").replace("461.7 万元", "461.8 万元"), encoding="utf-8")
    code, out, _ = cli("shards", "--plan", str(plan), "--build", "heilongjiangsheng-haerbinshi")
    assert code == 1 and "写出计划之后改动过" in out
    assert not (tmp_path / "site" / "heilongjiangsheng-haerbinshi").exists()


def _html(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}


# The files of a Pagefind index that differ between two runs over the same pages (their names are
# hashes of a content that changes from run to run); its words and fragments do not.
RUN_DEPENDENT = re.compile(r"(.*/)?pagefind/(.*/)?(pagefind-entry\.json|pagefind\.zh_[0-9a-f]+\.pf_meta"
                           r"|filter/zh_[0-9a-f]+\.pf_filter)")


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _run_dependent_shape(files: dict[str, bytes]) -> list[str]:
    """The run-dependent index files, their hashes taken out: the same index has the same ones."""
    return sorted(re.sub("zh_[0-9a-f]+", "zh_…", f) for f in files if RUN_DEPENDENT.fullmatch(f))


def _manifests(site: Path) -> dict[str, Any]:
    return {p.relative_to(site).as_posix(): json.loads(p.read_text(encoding="utf-8"))
            for p in site.glob(f"*/{INDEX_DIR}/{MANIFEST}")}


def _make_env() -> dict[str, str]:
    # Run from inside `make test`, make's own variables would hand this make a jobserver it cannot use.
    return {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")}


def _assert_same_site(site: Path, expected: Path) -> None:
    """The same HTML pages, byte for byte, and every other file too (assets, sitemaps, open data,
    the search index's words and fragments, the search manifests, digests and kept sums), but for
    the index files Pagefind names anew on every run: of those, the same ones."""
    pages, expected_pages = _html(site), _html(expected)
    assert sorted(pages) == sorted(expected_pages)
    assert [page for page in sorted(pages) if pages[page] != expected_pages[page]] == []
    files, expected_files = _files(site), _files(expected)
    stable = sorted(f for f in files if not RUN_DEPENDENT.fullmatch(f))
    assert stable == sorted(f for f in expected_files if not RUN_DEPENDENT.fullmatch(f))
    assert [f for f in stable if files[f] != expected_files[f]] == []
    assert _run_dependent_shape(files) == _run_dependent_shape(expected_files) != []


def _checkout(where: Path, data: Path) -> Path:
    """A job's machine, as a workflow starts it: a checkout of the project, with the data in data/."""
    for name in (*PROJECT_INPUTS, "pyproject.toml"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, where / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            where.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, where / name)
    shutil.copytree(data, where / "data")
    return where


def _nianbao(cwd: Path, *args: str) -> str:
    proc = subprocess.run([sys.executable, "-m", "nianbao", *args], cwd=cwd, capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


def test_the_plan_run_by_make_equals_the_one_command_build(tmp_path: Path):
    """`make province` (the plan's shards built two at a time by xargs -P, then assembled), and the
    plan run as the workflows run it (every job in a checkout of its own, the shards brought
    together as artifacts), write the same site as `python -m nianbao shards`, file for file."""
    data = tmp_path / "data"
    generate(data, 60)  # two shards of one province (青海省 itself, and a city of it)
    shutil.copytree(WANGGANG, data / WANGGANG.name)  # and one of another province
    planned, single, plan = tmp_path / "planned", tmp_path / "single", tmp_path / "build" / "plan.json"
    make = ["make", "-s", "-C", str(ROOT), "province", f"DATA={data}", f"OUT={planned}", f"PLAN={plan}", "JOBS=2"]
    proc = subprocess.run(make, env=_make_env(), capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.count("已生成") == 3, proc.stdout
    _nianbao(ROOT, "shards", "--data", str(data), "--out", str(single))
    _assert_same_site(planned, single)
    pages = _html(planned)
    assert {"index.html", "sums-qinghaisheng.html", "sums-heilongjiangsheng.html",
            "qinghaisheng/index.html", "qinghaisheng-xifengshi/index.html",
            "heilongjiangsheng-haerbinshi/wanggang-zhen/2020/index.html"} <= set(pages)
    for shard in ("qinghaisheng", "qinghaisheng-xifengshi", "heilongjiangsheng-haerbinshi"):
        assert (planned / shard / DIGEST_FILE).is_file() and (planned / SUMS_CACHE / f"{shard}.json").is_file()
    manifests = _manifests(planned)
    assert len(manifests) == 3 and all(len(m["others"]) == 2 for m in manifests.values())  # one search

    # As the workflows run it: the plan job, one job per matrix entry uploading its shards' folders
    # and sums (the paths it names), and the last job, which downloads them all into its site/ and
    # assembles.
    planner = _checkout(tmp_path / "ci-plan", data)
    _nianbao(planner, "shards", "--plan", "plan.json", "--data", "data", "--out", "site")
    matrix = json.loads(_nianbao(planner, "shards", "--plan", "plan.json", "--github-matrix"))
    assert [e["shards"] for e in matrix["include"]] == ["qinghaisheng", "qinghaisheng-xifengshi",
                                                       "heilongjiangsheng-haerbinshi"]
    assembler = _checkout(tmp_path / "ci-site", data)
    shutil.copy2(planner / "plan.json", assembler)
    for entry in matrix["include"]:
        job = _checkout(tmp_path / f"ci-{entry['entry']}", data)
        shutil.copy2(planner / "plan.json", job)
        assert "已生成" in _nianbao(job, "shards", "--plan", "plan.json", "--build", *entry["shards"].split())
        for path in entry["paths"].splitlines():
            (assembler / path).parent.mkdir(parents=True, exist_ok=True)
            copy = shutil.copytree if (job / path).is_dir() else shutil.copy2
            copy(job / path, assembler / path)
    _nianbao(assembler, "shards", "--plan", "plan.json", "--assemble")
    _assert_same_site(assembler / "site", single)

    # Run again: no shard is pending (each one's digest file names the same inputs), none is built
    # and the site is unchanged. After an edit, only the shard of the edited report is built.
    proc = subprocess.run(make, env=_make_env(), capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "已生成" not in proc.stdout and "失败" not in proc.stdout, proc.stdout
    assert _html(planned) == pages
    report = data / "wanggang-zhen" / "2020.yml"
    report.write_text(report.read_text(encoding="utf-8").replace("461.7 万元", "461.8 万元"), encoding="utf-8")
    proc = subprocess.run([*make[:-1], "JOBS=1"], env=_make_env(), capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert re.findall(r"已生成\s+(\S+)", proc.stdout) == ["heilongjiangsheng-haerbinshi"], proc.stdout
    edited = _html(planned)
    assert "461.8 万元" in edited["heilongjiangsheng-haerbinshi/wanggang-zhen/2020/index.html"].decode()
    # That shard's pages and its province's 汇总 changed; no page of the other province did.
    changed = {page for page in pages if edited[page] != pages[page]}
    assert "sums-heilongjiangsheng.html" in changed
    assert {page for page in changed if not page.startswith("heilongjiangsheng-haerbinshi/")} == {
        "sums-heilongjiangsheng.html"}


def test_make_province_assembles_the_site_when_a_shard_fails_and_then_fails(tmp_path: Path):
    data, out, plan = two_regions(tmp_path), tmp_path / "site", tmp_path / "plan.json"
    report = data / "wanggang-zhen" / "2020.yml"
    report.write_text(report.read_text(encoding="utf-8").replace("    total: [10, 0, 0, 0, 0, 0, 10]",
                                                                 "    total: [9, 0, 0, 0, 0, 0, 10]"),
                      encoding="utf-8")
    make = ["make", "-s", "-C", str(ROOT), "province", f"DATA={data}", f"OUT={out}", f"PLAN={plan}", "JOBS=2"]
    proc = subprocess.run(make, env=_make_env(), capture_output=True, text=True, check=False)
    assert proc.returncode != 0
    assert "[T3.4]" in proc.stdout and "wanggang-zhen/2020.yml:83" in proc.stdout, proc.stdout
    assert "共 2 个分站，1 个未能生成" in proc.stdout, proc.stdout
    landing = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="shilisheng-shilishi/"' in landing and "黑龙江省 / 哈尔滨市（暂未发布）" in landing
    assert not (out / "heilongjiangsheng-haerbinshi").exists()


def _commands(texts: list[str]) -> Iterator[list[str]]:
    """Each `python -m nianbao shards …` command of a job's shell lines, as its words."""
    for text in texts:
        for line in text.splitlines():
            if NIANBAO_SHARDS in line:
                command = line[line.index(NIANBAO_SHARDS):]
                yield shlex.split(command.split("|")[0].split(")")[0])


def _shards_options(cli: Any) -> set[str]:
    code, out, _ = cli("shards", "--help")
    assert code == 0
    return set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", out))


def _check_commands(commands: list[list[str]], options: set[str]) -> None:
    for words in commands:
        assert words[:4] == ["python", "-m", "nianbao", "shards"], words
        assert {w for w in words if w.startswith("--")} <= options, words
    steps = [{w for w in words if w in ("--list", "--pending", "--build", "--assemble")} or {"plan"}
             for words in commands]
    assert {"plan"} in steps and {"--build"} in steps and {"--assemble"} in steps, commands


def test_the_github_workflow_runs_the_plan(cli: Any):
    workflow = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    assert True in workflow or "on" in workflow  # YAML 1.1 reads the key `on` as true
    jobs = workflow["jobs"]
    assert list(jobs) == ["plan", "shard", "site", "pages"]
    assert jobs["shard"]["needs"] == "plan" and jobs["site"]["needs"] == ["plan", "shard"]
    assert jobs["shard"]["strategy"]["matrix"] == "${{ fromJSON(needs.plan.outputs.matrix) }}"
    runs = [step["run"] for job in jobs.values() for step in job["steps"] if "run" in step]
    _check_commands(list(_commands(runs)), _shards_options(cli))
    # Every field of the matrix the shard job reads is one `--github-matrix` writes.
    job = Job(Shard(("示例省",), "shilisheng", (Path("data/x"),)), "0" * 32, Path("site"))
    used = set(re.findall(r"matrix\.(\w+)", json.dumps(jobs["shard"])))
    assert used and used <= set(github_matrix([job])["include"][0])
    assert '"matrix=$(python -m nianbao shards --plan plan.json --github-matrix)"' in runs[1]
    # The shards are downloaded into the site folder the plan names, then assembled there.
    downloads = [s["with"] for s in jobs["site"]["steps"] if s.get("uses", "").startswith("actions/download-")]
    assert {"pattern": "shard-*", "path": "${{ env.OUT }}", "merge-multiple": True} in downloads
    assert '--out "$OUT"' in runs[1] and workflow["env"]["OUT"] == "site"


def test_the_gitlab_pipeline_runs_the_plan(tmp_path: Path, cli: Any):
    parent = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    assert parent["stages"] == ["plan", "shards"]
    plan_script = parent["plan"]["script"]
    child_file = shlex.split(plan_script[-1])[-1]
    assert child_file in parent["plan"]["artifacts"]["paths"]
    assert parent["shards"]["trigger"]["include"] == [{"artifact": child_file, "job": "plan"}]
    # The child pipeline the plan job writes, from this data.
    data, plan = two_regions(tmp_path), tmp_path / "plan.json"
    code, out, err = cli("shards", "--plan", str(plan), "--data", str(data), "--out", "site",
                         "--gitlab", str(tmp_path / child_file))
    assert code == 0, out + err
    child = yaml.safe_load((tmp_path / child_file).read_text(encoding="utf-8"))
    assert child["stages"] == ["build", "assemble"]
    assert child[GITLAB_JOB]["stage"] == "build" and child["assemble"]["stage"] == "assemble"
    digests = {e["shard"]: e["digest"] for e in json.loads(plan.read_text(encoding="utf-8"))["include"]}
    assert child[GITLAB_JOB]["parallel"]["matrix"] == [{"SHARD": s, "DIGEST": d} for s, d in digests.items()]
    assert child[GITLAB_JOB]["cache"][0]["key"] == "nianbao-shard-$SHARD-$DIGEST"
    assert child[GITLAB_JOB]["needs"] == [{"pipeline": "$PARENT_PIPELINE_ID", "job": "plan"}]
    assert parent["shards"]["variables"]["PARENT_PIPELINE_ID"] == "$CI_PIPELINE_ID"
    scripts = [*plan_script, *child[GITLAB_JOB]["script"], *child["assemble"]["script"]]
    _check_commands(list(_commands(scripts)), _shards_options(cli))
    assert '--build "$SHARD"' in child[GITLAB_JOB]["script"][0]
    assert "--out site" in plan_script[-1] and "site/" in child[GITLAB_JOB]["artifacts"]["paths"]


def _schema_errors(schema: str, *files: Path) -> str:
    """What check-jsonschema finds wrong with the files, by the schema it ships (GitHub's workflow
    schema, GitLab's CI schema, as SchemaStore publishes them); empty when they are valid."""
    proc = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, files)],
                          capture_output=True, text=True, check=False)
    return "" if proc.returncode == 0 else proc.stdout + proc.stderr


def test_the_workflows_are_valid_by_their_schemas(tmp_path: Path, cli: Any):
    data = two_regions(tmp_path)
    child = tmp_path / "shards.yml"
    cli("shards", "--plan", str(tmp_path / "plan.json"), "--data", str(data), "--out", "site", "--gitlab", str(child))
    assert _schema_errors("vendor.github-workflows", GITHUB) == ""
    assert _schema_errors("vendor.gitlab-ci", GITLAB, ROOT / GITLAB_TEMPLATE, child) == ""
    # The check can fail: a misspelt key of a job is found.
    bad = tmp_path / "bad.yml"
    bad.write_text(GITLAB.read_text(encoding="utf-8").replace("strategy: depend", "strategy: wait"), encoding="utf-8")
    assert "strategy" in _schema_errors("vendor.gitlab-ci", bad)


def test_a_plan_too_large_for_one_github_matrix_says_so(tmp_path: Path, cli: Any):
    data = tmp_path / "data"
    data.mkdir()
    body = (WANGGANG / "body.yml").read_text(encoding="utf-8")
    assert "哈尔滨市" in body
    for i in range(GITHUB_MATRIX_MAX + 1):  # one city, so one shard, each
        (data / f"b{i}").mkdir()
        (data / f"b{i}" / "body.yml").write_text(body.replace("哈尔滨市", f"城{i}市"), encoding="utf-8")
    plan = tmp_path / "plan.json"
    code, out, err = cli("shards", "--plan", str(plan), "--data", str(data), "--out", "site")
    assert code == 0, out + err
    assert (f"计划有 {GITHUB_MATRIX_MAX + 1} 个分站，多于 GitHub Actions 一个 matrix 的 256 个任务：GitHub 的工作流"
            "（--github-matrix）分成 129 个任务，每个任务最多生成相邻的 2 个分站") in out
    code, out, err = cli("shards", "--plan", str(plan), "--github-matrix")
    assert code == 0, out + err
    entries = json.loads(out)["include"]
    assert len(entries) == 129 and len(out.splitlines()) == 1  # one line: a step output
    slugs = [job["shard"] for job in json.loads(plan.read_text(encoding="utf-8"))["include"]]
    assert [s for e in entries for s in e["shards"].split()] == slugs


def test_the_github_matrix_has_a_shard_an_entry_up_to_256_then_runs_of_them():
    jobs = [Job(Shard(("省",), f"s{i}", (Path("data/x"),)), f"{i:032x}", Path("site")) for i in range(600)]
    one_each = github_matrix(jobs[:GITHUB_MATRIX_MAX])["include"]
    assert len(one_each) == 256 and one_each[5] == {
        "entry": "s5", "shards": "s5", "reports": 0, "paths": "site/s5\nsite/.sums/s5.json", "key": f"{5:032x}"}
    runs = github_matrix(jobs)["include"]
    assert len(runs) == 200 and runs[0]["entry"] == "group-1" and runs[0]["shards"] == "s0 s1 s2"
    assert runs[0]["paths"].splitlines() == ["site/s0", "site/.sums/s0.json", "site/s1", "site/.sums/s1.json",
                                             "site/s2", "site/.sums/s2.json"]
    # The cache key changes with any of its shards' inputs, and only with them.
    changed = [*jobs[:1], Job(jobs[1].shard, "f" * 32, Path("site")), *jobs[2:]]
    keys = [e["key"] for e in github_matrix(changed)["include"]]
    assert keys[0] != runs[0]["key"] and keys[1:] == [e["key"] for e in runs[1:]]
    assert github_matrix([]) == {"include": []}


def test_a_large_plan_is_split_into_gitlab_matrices_of_200():
    jobs = [Job(Shard(("省",), f"s{i}", (Path("data/x"),)), f"{i:032x}", Path("site")) for i in range(450)]
    child = yaml.safe_load(gitlab_pipeline(jobs, (ROOT / GITLAB_TEMPLATE).read_text(encoding="utf-8")))
    matrices = {name: job["parallel"]["matrix"] for name, job in child.items() if name.startswith(GITLAB_JOB)}
    assert {name: len(rows) for name, rows in matrices.items()} == {"shard": GITLAB_MATRIX_MAX, "shard 2": 200,
                                                                   "shard 3": 50}
    assert [row["SHARD"] for rows in matrices.values() for row in rows] == [f"s{i}" for i in range(450)]
    empty = yaml.safe_load(gitlab_pipeline([], (ROOT / GITLAB_TEMPLATE).read_text(encoding="utf-8")))
    assert empty[GITLAB_JOB]["rules"] == [{"when": "never"}] and "assemble" in empty
