"""Tests of atomic output files (-o): whole new file or the old one, never half of one."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from newsdiff.cli.writer import atomic_writer
from newsdiff.errors import InputError


def test_writes_the_file_with_exact_line_ends(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    with atomic_writer(target) as stream:
        stream.write("a,b\nРоссия,2\n")
    assert target.read_bytes() == "a,b\nРоссия,2\n".encode()
    assert os.listdir(tmp_path) == ["report.csv"]


def test_failure_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_writer(target) as stream:
        stream.write("half of a new rep")
        raise RuntimeError("renderer failed")
    assert target.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["report.html"]


def test_keeps_the_mode_of_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    with atomic_writer(target) as stream:
        stream.write("new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text(encoding="utf-8") == "new"


def test_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        with atomic_writer(tmp_path / "new.jsonl") as stream:
            stream.write("{}\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.jsonl").stat().st_mode) == 0o644


def test_missing_folder_or_directory_target(tmp_path: Path) -> None:
    with (
        pytest.raises(InputError, match="does not exist"),
        atomic_writer(tmp_path / "no" / "x.csv"),
    ):
        pass
    with pytest.raises(InputError, match="is a directory"), atomic_writer(tmp_path):
        pass


def test_symlink_keeps_the_link_and_replaces_its_target(tmp_path: Path) -> None:
    (tmp_path / "real.json").write_text("old", encoding="utf-8")
    link = tmp_path / "out.json"
    link.symlink_to("real.json")
    with atomic_writer(link) as stream:
        stream.write("new")
    assert link.is_symlink() and os.readlink(link) == "real.json"
    assert (tmp_path / "real.json").read_text(encoding="utf-8") == "new"
    assert sorted(os.listdir(tmp_path)) == ["out.json", "real.json"]


def test_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "out.json"
    link.symlink_to("made.json")
    with atomic_writer(link) as stream:
        stream.write("new")
    assert link.is_symlink()
    assert (tmp_path / "made.json").read_text(encoding="utf-8") == "new"


def test_character_device_is_written_through_not_replaced(tmp_path: Path) -> None:
    link = tmp_path / "null"
    link.symlink_to(os.devnull)
    with atomic_writer(os.devnull) as stream:
        stream.write("gone")
    with atomic_writer(link) as stream:
        stream.write("gone")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode) and link.is_symlink()
    with pytest.raises(InputError, match="No space left"), atomic_writer("/dev/full") as stream:
        stream.write("x" * 100_000)
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_socket_is_refused(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "sock"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        with pytest.raises(InputError, match="not a regular file"), atomic_writer(path):
            pass
        assert stat.S_ISSOCK(path.lstat().st_mode)
