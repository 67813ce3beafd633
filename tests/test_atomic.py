"""A write is whole or not at all, and never goes through a symbolic link: the atomic writer, the
importer and `nianbao pages` on a full disk, on Ctrl-C and with links in the data folder."""

from __future__ import annotations

import errno
import io
import os
import shutil
import signal
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from nbdata import DATA, FIXTURE_2021, REPO, SHILI, WANGGANG

from nianbao.__main__ import main as nianbao_main
from nianbao.atomic import WriteRefused, write_text_atomic
from nianbao.importer import cli as import_cli
from nianbao.writer import YamlWriteError

SEED = REPO / "tests" / "fixtures" / "import" / "seed" / "wanggang-2020.txt"
OLD = "# yaml-language-server: $schema=../_schema/report.schema.json\nformat: \"2019\"\ntitle: 旧的报告\n"
needs_links = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")


def full_disk_after(budget: int) -> Callable[[int, object], int]:
    """An os.write that writes budget bytes, then fails as a full disk does, mid-file."""
    real = os.write
    left = [budget]

    def write(fd: int, data: object) -> int:
        view = memoryview(data)  # type: ignore[arg-type]
        if left[0] <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written = real(fd, view[: left[0]])
        left[0] -= written
        return written

    return write


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- the writer itself -----------------------------------------------------------------------------


def test_writes_the_whole_text_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    write_text_atomic(tmp_path / "body" / "2020.yml", "title: 王岗镇\n" * 1000, within=tmp_path)
    assert (tmp_path / "body" / "2020.yml").read_text(encoding="utf-8") == "title: 王岗镇\n" * 1000
    assert names(tmp_path / "body") == ["2020.yml"]


def test_a_full_disk_midway_keeps_the_old_file_byte_for_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "2020.yml"
    target.write_text(OLD, encoding="utf-8")
    before = target.read_bytes()
    # 8,191 bytes: the new text is cut inside a three-byte character, as the defect saw it.
    monkeypatch.setattr(os, "write", full_disk_after(8191))
    with pytest.raises(OSError, match="No space") as info:
        write_text_atomic(target, "王" * 10_000, within=tmp_path)
    monkeypatch.undo()
    assert info.value.errno == errno.ENOSPC
    assert target.read_bytes() == before
    assert names(tmp_path) == ["2020.yml"]


def test_a_failing_fsync_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "2020.yml"
    target.write_text(OLD, encoding="utf-8")

    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(OSError, match="No space"):
        write_text_atomic(target, "new\n", within=tmp_path)
    assert target.read_text(encoding="utf-8") == OLD
    assert names(tmp_path) == ["2020.yml"]


def test_ctrl_c_midway_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "2020.yml"
    target.write_text(OLD, encoding="utf-8")

    def write(fd: int, data: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "write", write)
    with pytest.raises(KeyboardInterrupt):
        write_text_atomic(target, "new\n", within=tmp_path)
    monkeypatch.undo()
    assert target.read_text(encoding="utf-8") == OLD
    assert names(tmp_path) == ["2020.yml"]


def test_text_that_cannot_be_encoded_touches_nothing(tmp_path: Path) -> None:
    with pytest.raises(UnicodeEncodeError):
        write_text_atomic(tmp_path / "2020.yml", "a\udc80", within=tmp_path)
    assert names(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="no file permissions to keep")
def test_permissions_are_those_of_the_old_file_or_of_an_ordinary_new_one(tmp_path: Path) -> None:
    old = tmp_path / "old.yml"
    old.write_text(OLD, encoding="utf-8")
    old.chmod(0o640)
    write_text_atomic(old, "new\n", within=tmp_path)
    assert stat.S_IMODE(old.stat().st_mode) == 0o640
    (tmp_path / "plain.yml").write_text("x\n", encoding="utf-8")
    write_text_atomic(tmp_path / "new.yml", "x\n", within=tmp_path)
    assert stat.S_IMODE((tmp_path / "new.yml").stat().st_mode) == stat.S_IMODE((tmp_path / "plain.yml").stat().st_mode)


@needs_links
def test_a_dangling_link_at_the_target_is_refused(tmp_path: Path) -> None:
    data, outside = tmp_path / "data", tmp_path / "outside"
    (data / "body").mkdir(parents=True)
    outside.mkdir()
    (data / "body" / "2020.yml").symlink_to(outside / "stolen.yml")
    with pytest.raises(WriteRefused, match="是符号链接.*请删去这个链接"):
        write_text_atomic(data / "body" / "2020.yml", "x\n", within=data)
    assert names(outside) == []
    assert (data / "body" / "2020.yml").is_symlink()
    assert names(data / "body") == ["2020.yml"]


@needs_links
def test_a_link_in_a_parent_folder_is_refused(tmp_path: Path) -> None:
    data, outside = tmp_path / "data", tmp_path / "outside"
    data.mkdir()
    outside.mkdir()
    (data / "body").symlink_to(outside, target_is_directory=True)
    with pytest.raises(WriteRefused, match=r"body 是符号链接.*换成真正的文件夹"):
        write_text_atomic(data / "body" / "deeper" / "2020.yml", "x\n", within=data)
    assert names(outside) == []


def test_a_path_outside_the_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    with pytest.raises(WriteRefused, match="不在"):
        write_text_atomic(tmp_path / "data" / ".." / "2020.yml", "x\n", within=tmp_path / "data")
    assert not (tmp_path / "2020.yml").exists()


def test_a_folder_at_the_target_is_refused(tmp_path: Path) -> None:
    (tmp_path / "2020.yml").mkdir()
    with pytest.raises(WriteRefused, match="不是普通文件"):
        write_text_atomic(tmp_path / "2020.yml", "x\n", within=tmp_path)


# --- the importer ----------------------------------------------------------------------------------


def run_import(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return import_cli.main(list(argv), out=out), out.getvalue()


def test_import_force_onto_a_full_disk_keeps_the_old_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(DATA / WANGGANG, tmp_path / WANGGANG)
    report = tmp_path / WANGGANG / "2020.yml"
    report.write_text(OLD, encoding="utf-8")  # not what the import would write: a replaced file would show
    before = report.read_bytes()
    monkeypatch.setattr(os, "write", full_disk_after((DATA / WANGGANG / "2020.yml").stat().st_size // 2))
    code, out = run_import(str(SEED), "--data", str(tmp_path), "--force")
    monkeypatch.undo()
    assert code == 1, out
    assert "没有写成；原有的文件没有改动" in out and "腾出磁盘空间" in out
    assert "失败，什么也没有写入" in out
    assert report.read_bytes() == before
    assert names(tmp_path / WANGGANG) == sorted(p.name for p in (DATA / WANGGANG).iterdir())


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="no file-size limit to stand in for a full disk")
def test_import_force_when_the_system_refuses_the_write_keeps_the_old_report(tmp_path: Path) -> None:
    """A real failure from the system, not a stand-in function: a file-size limit stops every write
    after 3,000 bytes, as a full disk would (here the first to fail is the check's temporary copy)."""
    shutil.copytree(DATA / WANGGANG, tmp_path / WANGGANG)
    report = tmp_path / WANGGANG / "2020.yml"
    report.write_text(OLD, encoding="utf-8")
    before = report.read_bytes()
    script = ("import resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
              "resource.setrlimit(resource.RLIMIT_FSIZE, (3000, 3000)); "
              "from nianbao.__main__ import main; sys.exit(main(sys.argv[1:]))")
    proc = subprocess.run([sys.executable, "-c", script, "import", str(SEED), "--data", str(tmp_path), "--force"],
                          cwd=REPO, capture_output=True, text=True, check=False,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "原有的文件没有改动" in proc.stdout, proc.stdout + proc.stderr
    assert report.read_bytes() == before
    assert names(tmp_path / WANGGANG) == sorted(p.name for p in (DATA / WANGGANG).iterdir())


def test_import_that_fails_for_a_new_body_leaves_no_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.replace

    def replace(src: object, dst: object) -> None:
        if str(dst).endswith("2020.yml"):
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", replace)
    code, out = run_import(str(SEED), "--data", str(tmp_path))
    assert code == 1, out
    assert names(tmp_path) == []  # neither body.yml nor the folder made for it


def test_import_whose_new_body_cannot_be_written_leaves_no_folder(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "write", full_disk_after(10))
    code, out = run_import(str(SEED), "--data", str(tmp_path))
    monkeypatch.undo()
    assert code == 1, out
    assert "没有写成" in out
    assert names(tmp_path) == []


@needs_links
@pytest.mark.parametrize("force", [[], ["--force"]])
def test_import_refuses_a_dangling_link_at_the_report(tmp_path: Path, force: list[str]) -> None:
    data, outside = tmp_path / "data", tmp_path / "outside"
    shutil.copytree(DATA / WANGGANG, data / WANGGANG)
    (data / WANGGANG / "2020.yml").unlink()
    (data / WANGGANG / "2020.yml").symlink_to(outside / "2020.yml")
    code, out = run_import(str(SEED), "--data", str(data), *force)
    assert code == 1, out
    assert "是符号链接" in out and "--force 也不行" in out
    assert not outside.exists()
    assert (data / WANGGANG / "2020.yml").is_symlink()


@needs_links
def test_import_refuses_a_linked_body_folder(tmp_path: Path) -> None:
    data, outside = tmp_path / "data", tmp_path / "outside"
    data.mkdir()
    shutil.copytree(DATA / WANGGANG, outside)
    (outside / "2020.yml").unlink()
    (data / WANGGANG).symlink_to(outside, target_is_directory=True)
    code, out = run_import(str(SEED), "--data", str(data), "--body", WANGGANG)
    assert code == 1, out
    assert "是符号链接" in out
    assert not (outside / "2020.yml").exists()


def test_import_of_data_the_writer_cannot_write_fails_and_writes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(data: object) -> str:
        raise YamlWriteError(("parts", "一", "text"), "写成 YAML 后读回的值与原值不同；文件没有写")

    monkeypatch.setattr(import_cli, "dump_report", refuse)
    code, out = run_import(str(SEED), "--data", str(tmp_path))
    assert code == 1, out
    assert "没有写" in out and "parts.一.text：写成 YAML 后读回的值与原值不同" in out
    assert names(tmp_path) == []


# --- nianbao pages ---------------------------------------------------------------------------------


@needs_links
def test_pages_refuses_a_link_in_the_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    out, outside = tmp_path / "out", tmp_path / "outside"
    out.mkdir()
    outside.mkdir()
    (out / SHILI).symlink_to(outside, target_is_directory=True)
    monkeypatch.chdir(REPO)
    assert nianbao_main(["pages", str(out), "--data", str(FIXTURE_2021)]) == 1
    assert "是符号链接" in capsys.readouterr().err
    assert names(outside) == []


def test_pages_on_a_full_disk_keeps_the_old_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    monkeypatch.chdir(REPO)
    assert nianbao_main(["pages", str(out), "--data", str(FIXTURE_2021)]) == 0
    page = out / "docs" / SHILI / "2021.md"
    page.write_text("旧的页面\n", encoding="utf-8")
    monkeypatch.setattr(os, "write", full_disk_after(0))
    assert nianbao_main(["pages", str(out), "--data", str(FIXTURE_2021)]) == 1
    monkeypatch.undo()
    assert "原有的文件没有改动" in capsys.readouterr().err
    assert page.read_text(encoding="utf-8") == "旧的页面\n"
    assert not list(out.rglob(".*"))
