"""Every error path of the CLI: one line on stderr, the documented exit code, no traceback.

The tests run `newsdiff.cli.main` (the console script) in-process, so click's own usage
errors go through the same path as newsdiff's; `--debug` and NEWSDIFF_DEBUG=1 are
checked in a real subprocess, where the traceback is printed by Python itself.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path

import pytest

import newsdiff
import newsdiff.api
from newsdiff.cli.app import main
from tests.conftest import SEED_A, SEED_B

A, B = str(SEED_A), str(SEED_B)
CORPUS = Path(__file__).resolve().parent / "data" / "corpus" / "ecbplus"
LONG_NAME = "n" * 5000
# Reading HTML is an optional extra (newsdiff[html]); without it, that is the error.
HTML_ERROR = "no article text found" if find_spec("trafilatura") else "needs trafilatura"


def run(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    stdin: bytes = b"",
) -> tuple[int, str, str]:
    """Run the console script with arguments; return (exit code, stdout, stderr)."""
    monkeypatch.setattr(sys, "argv", ["newsdiff", *args])
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    monkeypatch.setenv("NEWSDIFF_DEBUG", "0")  # restored afterwards, even if --debug sets it
    with pytest.raises(SystemExit) as exit_info:
        main()
    out, err = capsys.readouterr()
    code = exit_info.value.code
    return (code if isinstance(code, int) else 0), out, err


def _files(tmp: Path) -> dict[str, str]:
    """Write the bad inputs the table below names."""
    specs: dict[str, bytes] = {
        "empty.txt": b"",
        "blank.txt": b" \n\t\r\n",
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00",
        "cp1251.txt": "Пожар в Москве.".encode("cp1251"),
        "big.txt": b"word " * 300,
        "bad.jsonl": b'{"text": "ok"}\n{not json\n',
        "notext.jsonl": b'{"body": "ok"}\n',
        "one.jsonl": b'{"text": "Only one report here."}\n',
        "page.html": b"<html><body></body></html>",
    }
    out = {}
    for name, data in specs.items():
        (tmp / name).write_bytes(data)
        out[name] = str(tmp / name)
    (tmp / "folder").mkdir()
    out["folder"] = str(tmp / "folder")
    return out


# (arguments, exit code, part of the message); {name} is a file written by _files.
CASES: list[tuple[list[str], int, str]] = [
    # Input errors (3): the file is missing, unreadable, empty, binary or undecodable.
    (["compare", "missing.txt", B], 3, "missing.txt: no such file"),
    (["compare", "{folder}", B], 3, "is a directory, not a file"),
    (["compare", "/proc/self/mem", B], 3, "/proc/self/mem: cannot read (Input/output error)"),
    (["compare", LONG_NAME, B], 3, "cannot read (File name too long)"),
    (["compare", "{empty.txt}", B], 3, "is empty (nothing to compare)"),
    (["compare", "{blank.txt}", B], 3, "is empty (nothing to compare)"),
    (["compare", "{binary.txt}", B], 3, "looks like a binary file"),
    (["compare", "{cp1251.txt}", B], 3, "cannot decode as utf-8 at byte 0"),
    (["compare", "{cp1251.txt}", B, "--encoding", "nope"], 3, "unknown encoding 'nope'"),
    (["compare", "{cp1251.txt}", B, "--encoding", "base64"], 3, "not a text encoding"),
    (["compare", "{big.txt}", B, "--max-bytes", "100"], 3, "larger than the limit of 100 bytes"),
    (["compare", A, B, "--max-sentences", "10"], 3, "more than 10 sentences to align"),
    (["compare", "{bad.jsonl}", B], 3, "bad.jsonl:2: not valid JSON"),
    (["compare", "{notext.jsonl}", B], 3, "no 'text' field (fields: body)"),
    (["compare", "{page.html}", B], 3, HTML_ERROR),
    (["compare", A, B, "-o", "/nonexistent-dir/out.txt"], 3, "does not exist"),
    (["compare", A, B, "-o", "{folder}"], 3, "is a directory, not a file"),
    (["compare", A, B, "-o", "/tmp/" + LONG_NAME], 3, "cannot write (File name too long)"),
    (["compare", "-", B], 3, "<stdin>: is empty"),
    (["segment", "missing.txt"], 3, "missing.txt: no such file"),
    (["segment", "{binary.txt}"], 3, "looks like a binary file"),
    (["corpus", "missing-corpus"], 3, "no such file or folder"),
    (["corpus", LONG_NAME], 3, "cannot read (File name too long)"),
    (["check", "{empty.txt}"], 3, "holds no"),
    # Usage errors (2): the call itself is wrong.
    (["compare", A], 2, "need at least two reports to compare, got 1"),
    (["compare", "{one.jsonl}"], 2, "need at least two reports to compare, got 1"),
    (["compare", A, B, "-f", "yaml"], 2, "unknown format 'yaml'"),
    (["compare", A, B, "--names", "x"], 2, "--names gives 1 name for 2 reports"),
    (["compare", A, B, "--signals", "bogus"], 2, "bogus"),
    (["compare", "-", "-"], 2, "only one report can come from stdin (-)"),
    (["segment", "-", "-"], 2, "only one report can come from stdin (-)"),
    (["compare"], 2, "Missing argument 'FILE'."),
    (["compare", A, B, "--bogus"], 2, "No such option: --bogus"),
    (["compare", A, B, "--width", "10"], 2, "--width must be at least 40 (see"),
    (["compare", A, B, "--width", "10001"], 2, "--width must be at most 10000 (see"),
    (["compare", A, B, "--width=100000000"], 2, "--width must be at most 10000 (see"),
    (["compare", A, B, "-o", ""], 2, "--output needs a file name; it was given an empty one"),
    (["compare", A, B, "--width", "wide"], 2, "--width must be a whole number"),
    (["compare", A, B, "--max-bytes", "0"], 2, "--max-bytes must be at least 1"),
    (["compare", A, B, "--max-sentences", "-1"], 2, "--max-sentences must be at least 0"),
    (["compare", A, B, "--max-bytes", str(1 << 50)], 2, "--max-bytes must be at most"),
    (["compare", A, B, "-f"], 2, "Option '-f' requires an argument."),
    (["frobnicate"], 2, "No such command 'frobnicate'."),
    (["corpus"], 2, "Missing argument 'PATH'."),
    (["corpus", str(CORPUS), "--engine", "nope"], 2, "unknown engine 'nope'"),
    (["check", str(CORPUS), "--workers", "0"], 2, "--workers must be at least 1"),
]


@pytest.mark.parametrize(("args", "code", "message"), CASES, ids=lambda v: str(v)[:60])
def test_error_path(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    code: int,
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)  # no newsdiff.toml around; relative names are missing
    files = _files(tmp_path)
    argv = [files[a[1:-1]] if a.startswith("{") else a for a in args]
    got, out, err = run(monkeypatch, capsys, argv)
    assert got == code, err
    assert out == ""
    assert err.startswith("newsdiff: error: ") and err.endswith("\n")
    assert err.count("\n") == 1, err  # one line
    assert message in err
    assert "Traceback" not in err
    assert "Input should" not in err  # typer's wording, not newsdiff's


def test_usage_errors_point_at_the_help(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(monkeypatch, capsys, ["compare", A, B, "--bogus"])
    assert code == 2 and err.endswith("(see newsdiff compare --help)\n")


def test_no_arguments_prints_the_help(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(monkeypatch, capsys, [])
    assert code == 2
    assert "Commands" in err and "compare" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "stdout_start"),
    [(["--version"], "newsdiff "), (["compare", "--help"], "Usage:"), (["--help"], "Usage:")],
)
def test_success_paths_still_exit_0(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    stdout_start: str,
) -> None:
    code, out, err = run(monkeypatch, capsys, args)
    assert code == 0 and out.startswith(stdout_start) and err == ""


def test_compare_success_exits_0(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(monkeypatch, capsys, ["compare", A, B, "-f", "json"])
    assert code == 0 and err == "" and out.startswith("{")


def _raiser(exc: BaseException) -> Callable[..., object]:
    def boom(*args: object, **kwargs: object) -> object:
        raise exc

    return boom


def test_unexpected_exception_is_an_internal_error_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(newsdiff.api, "compare", _raiser(RuntimeError("bad\nstate \x1b[2J")))
    code, out, err = run(monkeypatch, capsys, ["compare", A, B])
    assert code == 70 and out == ""
    assert err == (
        "newsdiff: internal error: RuntimeError: bad state \\x1b[2J "
        "(run with --debug for the traceback)\n"
    )


def test_out_of_memory_is_one_line_naming_the_limit(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(newsdiff.api, "compare", _raiser(MemoryError()))
    code, out, err = run(monkeypatch, capsys, ["compare", A, B])
    assert code == 3 and out == ""
    assert err.count("\n") == 1 and "out of memory" in err and "--max-sentences" in err


def test_debug_option_reraises_in_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["newsdiff", "--debug", "compare", "missing.txt", B])
    monkeypatch.setenv("NEWSDIFF_DEBUG", "0")
    with pytest.raises(newsdiff.InputError, match=r"missing\.txt: no such file"):
        main()


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--debug", "compare", "missing.txt", B], {}),
        (["compare", "missing.txt", B], {"NEWSDIFF_DEBUG": "1"}),
    ],
)
def test_debug_shows_the_traceback(args: list[str], env: dict[str, str]) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "newsdiff", *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **env},
    )
    assert r.returncode != 0 and r.stdout == ""
    assert "Traceback (most recent call last)" in r.stderr
    assert "InputError: missing.txt: no such file" in r.stderr
