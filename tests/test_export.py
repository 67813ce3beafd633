"""`python -m nianbao pages OUT`: the complete tree, its mkdocs.yml, its warnings, and how it is written.

The builds of the tree (plain MkDocs, Zensical) and the cells they show are tests/test_export_cells.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from nbdata import DATA, FIXTURE_2021, REPO, SHILI, WANGGANG, copy_data, edit, mkdocs_build

from nianbao import export as export_module
from nianbao.__main__ import main
from nianbao.export_config import HEADER
from nianbao.settings import Settings, SettingsError
from nianbao.site import HOME_MARKER

ENV = ("NIANBAO_DATA", "NIANBAO_ONLY", "NIANBAO_BODIES_FILE", "NIANBAO_SITE_URL")


@pytest.fixture(autouse=True)
def project(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    for name in ENV:
        monkeypatch.delenv(name, raising=False)


def pages(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["pages", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def tree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    out = tmp_path / "tree"
    code, _, err = pages(str(out), capsys=capsys)
    assert code == 0, err
    return out


def test_the_tree_holds_every_page_and_docs_own_files(tree: Path):
    names = set(files(tree))
    docs = {p.relative_to(REPO / "docs").as_posix() for p in (REPO / "docs").rglob("*") if p.is_file()}
    assert {f"docs/{name}" for name in docs} <= names
    assert {f"docs/{WANGGANG}/2020.md", f"docs/{WANGGANG}/index.md", "mkdocs.yml", "nav.yml"} <= names
    overrides = {p.relative_to(REPO / "hooks" / "overrides").as_posix() for p in (REPO / "hooks/overrides").rglob("*")
                 if p.is_file()}
    assert {f"overrides/{name}" for name in overrides} <= names


def test_the_home_page_has_its_listing_and_pages_their_front_matter(tree: Path):
    home = (tree / "docs" / "index.md").read_text(encoding="utf-8")
    assert HOME_MARKER not in home
    assert f"[南岗区王岗镇人民政府]({WANGGANG}/index.md)" in home
    report = (tree / "docs" / WANGGANG / "2020.md").read_text(encoding="utf-8")
    _, front, body = report.split("---\n", 2)
    assert yaml.safe_load(front)["pub_date"] == "2021-01-26 00:00"
    assert "nianbao:block" not in body and body.count('<table class="nb-table') == 3


def test_the_trees_config_is_the_projects_without_the_hook(tree: Path):
    text = (tree / "mkdocs.yml").read_text(encoding="utf-8")
    assert text.startswith(HEADER)
    config, project = yaml.safe_load(text), yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"),
                                                      Loader=_env_loader())
    assert "hooks" not in config and "watch" not in config and "nianbao_hook" not in text
    for key in ("site_name", "markdown_extensions", "extra_css", "extra", "validation", "nav", "use_directory_urls"):
        assert config[key] == project[key], key
    assert config["theme"] == {**project["theme"], "custom_dir": "overrides", "variant": "classic"}
    # No search plugin in either: the site's search is Pagefind's, indexed after the build.
    assert config["plugins"] == project["plugins"] == []
    assert config["docs_dir"] == "docs" and config["not_in_nav"] == f"/{WANGGANG}/\n"


def _env_loader() -> type[yaml.SafeLoader]:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: "")
    return Loader


def test_nav_file_lists_every_page_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    out = tmp_path / "tree"
    assert pages(str(out), "--data", str(FIXTURE_2021), capsys=capsys)[0] == 0
    nav = yaml.safe_load((out / "nav.yml").read_text(encoding="utf-8"))

    def paths(entries: list) -> list[str]:
        found: list[str] = []
        for entry in entries:
            if isinstance(entry, str):
                found.append(entry)
            else:
                (value,) = entry.values()
                found += paths(value) if isinstance(value, list) else [value]
        return found

    listed = paths(nav)
    generated = sorted(p for p in files(out / "docs") if p.endswith(".md") and "/" in p)
    assert sorted(listed) == sorted(["index.md", "how-to-read.md", "about-data.md", "rules.md", "opendata.md",
                                     *generated])
    # The body's section (after the project's own nav) opens with its index page (navigation.indexes).
    sections = [value for entry in nav if isinstance(entry, dict)
                for value in entry.values() if isinstance(value, list)]
    section = next(s for s in sections if any(isinstance(x, str) and x.startswith(f"{SHILI}/") for x in s))
    assert section[0] == f"{SHILI}/index.md"


def test_site_url_comes_from_the_setting(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("NIANBAO_SITE_URL", "https://www.example.gov.cn/nianbao")
    out = tmp_path / "tree"
    assert pages(str(out), capsys=capsys)[0] == 0
    assert yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"] == \
        "https://www.example.gov.cn/nianbao/"


# --- warnings and --strict, as the hook build ---------------------------------------------------------


@pytest.fixture
def late(tmp_path: Path) -> Path:
    """The 2021 fixture published after its deadline: a warning (D.1), not an error."""
    data = copy_data(FIXTURE_2021, tmp_path)
    edit(data / SHILI / "2021.yml", "published: 2022-01-20", "published: 2022-02-01")
    return data


def warning_lines(text: str) -> list[str]:
    return [line.split("nianbao: ", 1)[1] for line in text.splitlines()
            if line.startswith("WARNING") and "nianbao: " in line]


def test_the_same_warnings_as_the_hook_build(late: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    code, _, err = pages(str(tmp_path / "tree"), "--data", str(late), capsys=capsys)
    assert code == 0
    hook = mkdocs_build(tmp_path / "site", late, strict=False)
    assert hook.returncode == 0, hook.stderr[-3000:]
    assert warning_lines(err) == warning_lines(hook.stderr) != []
    assert any("[D.1]" in line for line in warning_lines(err))


def test_strict_fails_on_a_warning_and_writes_nothing(late: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    out = tmp_path / "tree"
    code, stdout, _ = pages(str(out), "--data", str(late), "--strict", capsys=capsys)
    assert code == 1
    assert "（--strict：警告也算），网站没有生成" in stdout
    assert "data/shili-xian-shujuju/2021.yml:5: 警告 [D.1] published" in stdout
    assert not out.exists() and list(tmp_path.glob(".tree*")) == []


def test_errors_stop_it_with_the_hooks_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    data = copy_data(DATA, tmp_path)
    edit(data / WANGGANG / "2020.yml", "review: [1, 1, 0, 0, 2]", "review: [1, 1, 0, 0, 3]")
    code, stdout, _ = pages(str(tmp_path / "tree"), "--data", str(data), capsys=capsys)
    hook = mkdocs_build(tmp_path / "site", data)
    assert code == 1 and hook.returncode == 1
    assert stdout.startswith("nianbao：data/ 中的数据有问题，网站没有生成")
    assert stdout.strip() in hook.stdout + hook.stderr


# --- written all or nothing, and only over an earlier export ------------------------------------------


def test_an_export_that_fails_midway_leaves_the_previous_tree(tree: Path, capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch):
    before = files(tree)
    written: list[Path] = []
    real = export_module._write

    def fail_after_five(path: Path, data: bytes) -> None:
        if len(written) == 5:
            raise OSError(28, "No space left on device", str(path))
        written.append(path)
        real(path, data)

    monkeypatch.setattr(export_module, "_write", fail_after_five)
    code, _, err = pages(str(tree), capsys=capsys)
    assert code == 1 and "没有写成，原有的文件没有改动" in err and "No space left on device" in err
    assert files(tree) == before
    assert [p.name for p in tree.parent.iterdir()] == ["tree"]  # no staging folder left


def test_a_second_export_replaces_the_first(tree: Path, capsys: pytest.CaptureFixture[str]):
    (tree / "docs" / "stale.md").write_text("# 旧页面\n", encoding="utf-8")
    assert pages(str(tree), capsys=capsys)[0] == 0
    assert not (tree / "docs" / "stale.md").exists()
    assert (tree / "docs" / WANGGANG / "2020.md").exists()


@pytest.mark.parametrize("target", ["a folder with files", "the project", "inside docs"])
def test_refuses_a_folder_it_did_not_write(target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    if target == "a folder with files":
        out = tmp_path / "mine"
        out.mkdir()
        (out / "notes.txt").write_text("我的文件\n", encoding="utf-8")
    else:
        out = REPO if target == "the project" else REPO / "docs" / "tree"
    before = files(out) if out.exists() and out != REPO else None
    code, _, err = pages(str(out), capsys=capsys)
    assert code == 1
    assert "没有改动" in err or "不能导出到" in err
    if before is not None:
        assert files(out) == before
    assert not (REPO / "docs" / "tree").exists()


def test_a_file_the_project_lacks_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    """The project's mkdocs.yml names a jieba dictionary (for Material's search plugin, which a project
    may still use) that is not there: said so, nothing written."""
    project = tmp_path / "project"
    shutil.copytree(REPO / "docs", project / "docs")
    shutil.copytree(REPO / "hooks" / "overrides", project / "hooks" / "overrides")
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nplugins: []\n" in text
    plugin = "\nplugins:\n  - search:\n      lang: zh\n      jieba_dict_user: hooks/jieba-user-dict.txt\n"
    (project / "mkdocs.yml").write_text(text.replace("\nplugins: []\n", plugin), encoding="utf-8")
    out = tmp_path / "tree"
    code, _, err = pages(str(out), "--config", str(project / "mkdocs.yml"), "--data", str(DATA), capsys=capsys)
    assert code == 1 and f"读不了项目的 {project / 'hooks' / 'jieba-user-dict.txt'}" in err
    assert not out.exists() and [p.name for p in tmp_path.iterdir()] == ["project"]


# --- settings from the environment --------------------------------------------------------------------


def test_settings_are_read_and_checked():
    settings = Settings.from_environ({"NIANBAO_ONLY": "wanggang-zhen, shili-xian-shujuju", "NIANBAO_DATA": "d",
                                      "NIANBAO_SITE_URL": "http://example.gov.cn"})
    assert settings.only == {"wanggang-zhen", "shili-xian-shujuju"}
    assert settings.data == Path("d") and settings.site_url == "http://example.gov.cn/"
    assert Settings.from_environ({}) == Settings()
    assert Settings.from_environ({"NIANBAO_ONLY": "", "NIANBAO_BODIES_FILE": ""}).shard_bodies() is None


def test_bad_settings_name_each_variable_in_chinese():
    with pytest.raises(SettingsError) as caught:
        Settings.from_environ({"NIANBAO_ONLY": "王岗镇", "NIANBAO_SITE_URL": "www.example.gov.cn"})
    lines = str(caught.value).splitlines()
    assert lines[0].startswith("环境变量 NIANBAO_ONLY='王岗镇'：王岗镇 不是机关文件夹名")
    assert lines[1].startswith("环境变量 NIANBAO_SITE_URL='www.example.gov.cn'：要写网站发布的完整网址")


def test_a_missing_bodies_file_is_a_message_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("NIANBAO_BODIES_FILE", str(tmp_path / "missing.txt"))
    code, _, err = pages(str(tmp_path / "tree"), capsys=capsys)
    assert code == 2 and "NIANBAO_BODIES_FILE" in err and "读不了这个文件" in err


def test_the_hook_build_stops_on_a_bad_setting(tmp_path: Path):
    dest = tmp_path / "site"
    env = {**os.environ, "NIANBAO_ONLY": "Wanggang", "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([str(Path(sys.executable).with_name("mkdocs")), "build", "-d", str(dest)], cwd=REPO,
                          env=env, capture_output=True, text=True, check=False)
    assert proc.returncode == 1
    assert "环境变量 NIANBAO_ONLY='Wanggang'：Wanggang 不是机关文件夹名" in proc.stderr
    assert "Traceback" not in proc.stderr and not dest.exists()
