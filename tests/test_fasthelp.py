"""Tests of the top-level help served without typer (newsdiff/cli/fasthelp.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsdiff.cli import fasthelp, helptext

ROOT = Path(__file__).resolve().parent.parent
REGENERATE = "the kept help is stale: regenerate it with `python -m newsdiff.cli.fasthelp`"


def _run(args: list[str], columns: int | None = None, code: str | None = None) -> tuple[str, ...]:
    """Run `python -m newsdiff ARGS` (or `python -c CODE ARGS`); return (rc, stdout, stderr)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("COLUMNS", None)
    if columns is not None:
        env["COLUMNS"] = str(columns)
    head = ["-c", code] if code is not None else ["-m", "newsdiff"]
    proc = subprocess.run(
        [sys.executable, *head, *args], env=env, capture_output=True, text=True, cwd=ROOT
    )
    return str(proc.returncode), proc.stdout, proc.stderr


# The real CLI, past the fast path: what typer itself prints.
REAL = "import sys; sys.argv[0] = 'newsdiff'\nfrom newsdiff.cli.app import main\nmain()"


def test_kept_help_is_current_and_equals_the_real_cli() -> None:
    """Check the kept text's key is the sources' and the text is what typer prints."""
    assert fasthelp.key() == helptext.KEY, REGENERATE
    assert fasthelp.real_help() == helptext.TEXT, REGENERATE


@pytest.mark.parametrize("args", [["--help"], ["-h"], []])
@pytest.mark.parametrize("columns", [80, 132, 60, 40])
def test_help_output_is_the_real_clis_byte_for_byte(args: list[str], columns: int) -> None:
    """Check stdout, stderr and exit code equal the real CLI's, wide and narrow alike."""
    assert _run(args, columns) == _run(args, columns, code=REAL)


def test_help_loads_no_cli_framework_when_the_text_is_current() -> None:
    """Check `--help` at 80 columns is answered without importing typer or click."""
    code = (
        "import sys; sys.argv = ['newsdiff', '--help']\n"
        "from newsdiff.__main__ import main\n"
        "try:\n    main()\nexcept SystemExit as e:\n    assert e.code == 0, e.code\n"
        "sys.stderr.write(repr(sorted(m for m in sys.modules if m.startswith(('typer', 'click')))))"
    )
    rc, out, err = _run([], columns=80, code=code)
    assert rc == "0" and out == helptext.TEXT and err == "[]"


def test_stale_key_or_narrow_terminal_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """Check the kept text is refused when a source changed or the terminal is narrow."""
    monkeypatch.setenv("COLUMNS", "100")
    assert fasthelp.cached_help() == helptext.TEXT
    monkeypatch.setattr(helptext, "KEY", "00000000")
    assert fasthelp.cached_help() is None
    assert fasthelp.serve(["--help"]) is None
    monkeypatch.undo()
    monkeypatch.setenv("COLUMNS", "79")
    assert fasthelp.cached_help() is None


def test_other_arguments_are_left_to_the_cli() -> None:
    """Check only a lone --help/-h or no argument is served."""
    for argv in (["compare", "--help"], ["--debug"], ["--help", "--debug"], ["-h", "x"]):
        assert fasthelp.serve(argv) is None


@pytest.mark.parametrize("columns", ["", "0", "abc", "-3", "79", "80", "200"])
def test_columns_agree_with_shutil(monkeypatch: pytest.MonkeyPatch, columns: str) -> None:
    """Check the terminal width is shutil.get_terminal_size's, which click uses."""
    monkeypatch.setenv("COLUMNS", columns)
    assert fasthelp._columns() == shutil.get_terminal_size().columns
