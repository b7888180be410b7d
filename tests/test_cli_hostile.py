"""The CLI in a hostile environment (issue 16): special files as output, full and closed
streams, unwritable folders, bad config bytes, odd option values. Each test reproduces a
break: never replace what the user points at, never exit 70 for the user's environment.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED_A, SEED_B

A, B = str(SEED_A), str(SEED_B)
CORPUS = Path(__file__).resolve().parent / "data" / "corpus" / "ecbplus"


def newsdiff(*args: str, shell_redirect: str = "") -> subprocess.CompletedProcess[str]:
    """Run the console script in a child process (through sh when a redirection is given)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NEWSDIFF_DEBUG": "0"}
    cmd = [sys.executable, "-m", "newsdiff", *args]
    if shell_redirect:
        quoted = " ".join(f"'{c}'" for c in cmd)
        cmd = ["sh", "-c", f"exec {quoted} {shell_redirect}"]
    # The shell's redirection of stdout wins over a pipe; stderr is always read.
    return subprocess.run(
        cmd,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def one_line_error(r: subprocess.CompletedProcess[str], code: int) -> str:
    """Assert a run failed with `code` and one error line; return that line."""
    assert r.returncode == code, r.stderr
    assert r.stderr.startswith("newsdiff: error: "), r.stderr
    assert r.stderr.count("\n") == 1, r.stderr
    assert "Traceback" not in r.stderr
    return r.stderr


# --- 1 and 4: -o never replaces a device, a FIFO or a symbolic link ---------------------


@pytest.mark.parametrize("command", ["compare", "corpus"])
def test_output_through_a_symlink_to_a_device_keeps_both(tmp_path: Path, command: str) -> None:
    link = tmp_path / "null"
    link.symlink_to(os.devnull)
    args = [A, B, "-f", "json"] if command == "compare" else [str(CORPUS), "-q", "-w", "1"]
    r = newsdiff(command, *args, "-o", str(link))
    assert r.returncode == 0, r.stderr
    assert link.is_symlink() and os.readlink(link) == os.devnull
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_output_to_a_device_node_writes_through(tmp_path: Path) -> None:
    node = tmp_path / "full"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 7))  # a copy of /dev/full
    except PermissionError:
        pytest.skip("making a device node needs root")
    r = newsdiff("compare", A, B, "-o", str(node))
    assert "No space left on device" in one_line_error(r, 3)
    assert stat.S_ISCHR(node.stat().st_mode)  # still the device, not a 27 KB file


def test_output_to_a_fifo_writes_through(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    r = newsdiff("compare", A, B, "-f", "jsonl", "-o", str(fifo))
    reader.join(timeout=60)
    assert r.returncode == 0, r.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    direct = newsdiff("compare", A, B, "-f", "jsonl")
    assert got == [direct.stdout.encode()]


def test_output_through_a_symlink_writes_its_target(tmp_path: Path) -> None:
    target = tmp_path / "real.csv"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(target.name)
    r = newsdiff("check", str(CORPUS), "-q", "-w", "1", "-f", "csv", "-o", str(link))
    assert r.returncode in (0, 1), r.stderr
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8").startswith("cluster,")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.csv", "real.csv"]


def test_corpus_output_is_atomic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Interrupted after some clusters, -o keeps the old file and leaves no partial one."""
    import newsdiff.corpus.run as corpus_run
    from newsdiff.cli.app import main

    out = tmp_path / "out.csv"
    out.write_text("old\n", encoding="utf-8")
    real = corpus_run.summarize
    done = 0

    def interrupted(*args: object, **kwargs: object) -> object:
        nonlocal done
        done += 1
        if done == 3:
            raise KeyboardInterrupt
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(corpus_run, "summarize", interrupted)
    monkeypatch.setattr(sys, "argv", ["newsdiff", "corpus", str(CORPUS), "-w", "1", "-q"])
    monkeypatch.setattr(sys, "argv", [*sys.argv, "-f", "csv", "-o", str(out)])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 130
    assert out.read_text(encoding="utf-8") == "old\n"
    assert os.listdir(tmp_path) == ["out.csv"]


# --- 2: the user's environment is exit 3 (or 2), one line, never 70 ---------------------


def test_full_stdout_is_an_input_output_error() -> None:
    r = newsdiff("compare", A, B, shell_redirect="> /dev/full")
    assert "No space left on device" in one_line_error(r, 3)


@pytest.mark.parametrize(
    "args", [["compare", A, B], ["segment", A], ["corpus", str(CORPUS), "-w", "1"]]
)
def test_closed_stdout_is_a_clear_error(args: list[str]) -> None:
    r = newsdiff(*args, shell_redirect=">&-")
    assert "standard output is closed" in one_line_error(r, 3)


def test_closed_stdout_is_no_error_with_an_output_file(tmp_path: Path) -> None:
    r = newsdiff("compare", A, B, "-o", str(tmp_path / "out.txt"), shell_redirect=">&-")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "out.txt").stat().st_size > 0


def test_closed_stdin_is_a_clear_error() -> None:
    r = newsdiff("compare", "-", B, shell_redirect="<&-")
    assert "standard input is closed" in one_line_error(r, 3)


def test_config_that_is_not_utf8_is_a_usage_error(tmp_path: Path) -> None:
    config = tmp_path / "f.toml"
    config.write_bytes(b"\xff\xfe")
    r = newsdiff("check", str(CORPUS), "--config", str(config))
    assert "not UTF-8" in one_line_error(r, 2)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into any folder")
def test_unwritable_details_folder_is_an_input_error(tmp_path: Path) -> None:
    folder = tmp_path / "details"
    folder.mkdir()
    folder.chmod(0o555)
    r = newsdiff("corpus", str(CORPUS), "-q", "-w", "1", "--details", str(folder))
    assert "cannot write" in one_line_error(r, 3)
    assert os.listdir(folder) == []


def test_details_folder_refusing_new_files_is_an_input_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """What a folder without write permission does to a run (as root cannot be refused)."""
    import tempfile

    from newsdiff.cli.app import main

    def refused(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    folder = tmp_path / "details"
    argv = ["newsdiff", "corpus", str(CORPUS), "-q", "-w", "1", "--details", str(folder)]
    monkeypatch.setattr(sys, "argv", argv)
    with pytest.raises(SystemExit) as exit_info:
        main()
    _, err = capsys.readouterr()
    assert exit_info.value.code == 3
    assert err.startswith("newsdiff: error: ") and err.count("\n") == 1
    assert "cannot write (Permission denied)" in err


def test_details_file_that_cannot_be_replaced_is_an_input_error(tmp_path: Path) -> None:
    folder = tmp_path / "details"
    (folder / "16ecb.json").mkdir(parents=True)  # a folder where a cluster's file goes
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS / "16ecb", corpus / "16ecb")
    r = newsdiff("corpus", str(corpus), "-q", "-w", "1", "--details", str(folder))
    assert "is a directory" in one_line_error(r, 3)


# --- 5: a closed pipe ends quietly with 0 ------------------------------------------------


@pytest.mark.parametrize("command", ["corpus", "check"])
def test_corpus_into_a_closed_pipe_ends_quietly(command: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsdiff", command, str(CORPUS), "-w", "1", "-f", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert len(proc.stdout.read(10)) == 10  # `| head -c 10`
    proc.stdout.close()
    assert proc.stderr.read() == ""
    assert proc.wait(timeout=300) == 0


# --- 8: option values that make no sense --------------------------------------------------


@pytest.mark.parametrize("names", ["a,", ",b", "a, ,b"])
def test_empty_name_is_a_usage_error(names: str) -> None:
    r = newsdiff("compare", A, B, "--names", names)
    assert "empty name" in one_line_error(r, 2)


@pytest.mark.parametrize("text", ["\u200b\u200c", " \ufeff\n\u2060 ", "\t\u200d"])
def test_fuzzer_blank_rule_agrees_with_newsdiff(text: str) -> None:
    """A report of only zero-width marks is empty to newsdiff, so to the fuzzer too."""
    from tests.strategies import compare_or_none, is_blank

    assert is_blank(text)
    assert compare_or_none([text, "The council met on Monday."]) is None
    assert not is_blank("\u200bA word.")
