"""Tests of the typer-free `compare` path (cli/fastpath.py) against the typer command."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer.main

from newsdiff.cli import app as cli_app
from newsdiff.cli import comparing, fastpath

ROOT = Path(__file__).resolve().parent.parent
A_TEXT = (
    "The city council approved the new budget on Monday. Two members voted against it.\n\n"
    "The mayor said the plan would add 40 buses by 2027.\n"
)
B_TEXT = (
    "On Monday the council passed the budget, 7 votes to 2. The mayor promised 45 buses.\n\n"
    "Critics said the plan was too expensive.\n"
)


def _typer_compare() -> Any:
    """Return typer's click command for `compare`."""
    return typer.main.get_command(cli_app.app).commands["compare"]  # type: ignore[attr-defined]


def test_options_are_the_typer_commands() -> None:
    """Check every option name, type, range and default here is the typer command's."""
    command = _typer_compare()
    run_defaults = {
        name: p.default
        for name, p in inspect.signature(comparing.run).parameters.items()
        if p.default is not inspect.Parameter.empty
    }
    seen: set[str] = set()
    for param in command.params:
        if param.name == "files":
            assert param.nargs == -1 and param.required
            continue
        seen.add(param.name)
        assert run_defaults[param.name] == param.default, param.name
        if param.is_flag:
            assert {o for o, p in fastpath.FLAGS.items() if p == param.name} == set(param.opts)
            assert param.default is False
            continue
        names = {o for o, spec in fastpath.VALUES.items() if spec[0] == param.name}
        assert names == set(param.opts) and not param.secondary_opts, param.name
        info = param.type_descriptor.parameter_info
        for option in names:
            _, kind, bounds = fastpath.VALUES[option]
            assert kind is param.type_descriptor.annotation, option
            assert (bounds.min, bounds.max) == (info.min, info.max), option
            assert info.parser is None and not info.clamp and param.callback is None
    assert seen == set(run_defaults)
    # The typer command passes everything on under the same names.
    assert set(inspect.signature(cli_app.compare).parameters) == {"files", *run_defaults}


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["a", "b"], {"files": ["a", "b"]}),
        (["a", "-f", "json", "b"], {"files": ["a", "b"], "output_format": "json"}),
        (["--format=csv", "a", "-", "b"], {"files": ["a", "-", "b"], "output_format": "csv"}),
        (["a", "b", "--width", "100"], {"files": ["a", "b"], "width": 100}),
        (["a", "b", "--max-bytes=07"], {"files": ["a", "b"], "max_bytes": 7}),
        (["a", "--explain", "--no-color"], {"files": ["a"], "explain": True, "no_color": True}),
        (["a", "--names", ""], {"files": ["a"], "names": ""}),
        (["", "b"], {"files": ["", "b"]}),
    ],
)
def test_plain_lines_are_read_here(args: list[str], expected: dict[str, Any]) -> None:
    """Check plain command lines give the typer command's arguments."""
    assert fastpath.parse(args) == expected


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--explain"],
        ["a", "b", "--help"],
        ["a", "b", "-h"],
        ["a", "--", "-b"],
        ["a", "b", "-fjson"],
        ["a", "b", "-f=json"],
        ["a", "b", "--explain=yes"],
        ["a", "b", "-f", "json", "--format", "csv"],
        ["a", "b", "--explain", "--explain"],
        ["a", "b", "-o", "-"],
        ["a", "b", "--width"],
        ["a", "b", "--width", "20"],
        ["a", "b", "--width", " 100"],
        ["a", "b", "--width", "1e3"],
        ["a", "b", "--max-bytes", "0"],
        ["a", "b", "--bogus"],
        ["a", "-x"],
        ["a", "b", "--debug"],
    ],
)
def test_other_lines_are_left_to_typer(args: list[str]) -> None:
    """Check anything but a plain line goes to the real CLI (and its usage errors)."""
    assert fastpath.parse(args) is None


def _env() -> dict[str, str]:
    """Return the environment of a subprocess running this checkout."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for name in ("NEWSDIFF_DEBUG", "NO_COLOR", "FORCE_COLOR", "COLUMNS"):
        env.pop(name, None)
    return env


_TYPER = "import sys; sys.argv[0] = 'newsdiff'\nfrom newsdiff.cli.app import main\nmain()"
_FAST = (
    "import sys; sys.argv[0] = 'newsdiff'\nfrom newsdiff.__main__ import main\n"
    "try:\n    main()\nfinally:\n    sys.stderr.write(f'typer={\"typer\" in sys.modules}')"
)


def _both(args: list[str], cwd: Path, stdin: str = "") -> tuple[Any, Any]:
    """Run `newsdiff compare ARGS` through the entry point and through typer."""
    runs = []
    for code in (_FAST, _TYPER):
        runs.append(
            subprocess.run(
                [sys.executable, "-c", code, "compare", *args],
                input=stdin,
                env=_env(),
                cwd=cwd,
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
        )
    return runs[0], runs[1]


CASES = [
    ["a.txt", "b.txt", "-f", "json"],
    ["a.txt", "b.txt", "--format=csv", "--names", "x,y"],
    ["a.txt", "b.txt", "--width", "90", "--explain", "--no-color", "--no-pager"],
    ["a.txt", "b.txt", "-f", "markdown", "--only-differences", "--no-legend"],
    ["a.txt", "b.txt", "-f", "jsonl", "--kind", "shared", "--signals", "number"],
    ["a.txt", "-", "-f", "json", "--text-field", "body"],
    ["a.txt", "b.txt", "--signals", "bogus"],
    ["a.txt", "b.txt", "--kind", "shared", "--only-differences"],
    ["a.txt", "b.txt", "--color", "sometimes"],
    ["a.txt", "b.txt", "--names", "x,"],
    ["a.txt", "b.txt", "--names", "x,y,z"],
    ["a.txt", "b.txt", "-f", "yaml"],
    ["a.txt", "missing.txt"],
    ["a.txt"],
    ["a.txt", "folder"],
    ["a.txt", "b.txt", "--encoding", "no-such-codec"],
    ["a.txt", "b.txt", "--max-bytes", "10"],
    ["a.txt", "b.txt", "--max-sentences", "2"],
    ["a.txt", "b.txt", "-o", "folder"],
    ["a.txt", "b.txt", "-o", "nofolder/out.json", "-f", "json"],
]


@pytest.mark.parametrize("args", CASES, ids=" ".join)
def test_same_output_and_exit_code_as_typer(tmp_path: Path, args: list[str]) -> None:
    """Check a plain line gives typer's stdout, stderr and exit code, without typer."""
    (tmp_path / "a.txt").write_text(A_TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B_TEXT, encoding="utf-8")
    (tmp_path / "folder").mkdir()
    fast, real = _both(args, tmp_path, stdin=B_TEXT)
    assert fastpath.parse(args) is not None
    assert fast.stderr.endswith("typer=False") or "error" in fast.stderr
    assert (fast.returncode, fast.stdout) == (real.returncode, real.stdout)
    assert fast.stderr.rpartition("typer=")[0] == real.stderr


def test_output_file_is_written_the_same(tmp_path: Path) -> None:
    """Check -o writes the same file on both paths."""
    (tmp_path / "a.txt").write_text(A_TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B_TEXT, encoding="utf-8")
    fast, real = _both(["a.txt", "b.txt", "-f", "html", "-o", "fast.html"], tmp_path)
    assert fast.returncode == 0 and fast.stderr == "typer=False"
    real = subprocess.run(
        [sys.executable, "-c", _TYPER, "compare", "a.txt", "b.txt", "-f", "html", "-o", "r.html"],
        env=_env(),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert real.returncode == 0
    assert (tmp_path / "fast.html").read_bytes() == (tmp_path / "r.html").read_bytes()


def test_a_bug_is_reported_as_under_typer(tmp_path: Path) -> None:
    """Check an unexpected exception ends with the internal-error line and 70 on both paths."""
    (tmp_path / "a.txt").write_text(A_TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B_TEXT, encoding="utf-8")
    boom = (
        "import newsdiff.api\n"
        "def boom(*a, **k):\n    raise ZeroDivisionError('boom')\n"
        "newsdiff.api.compare = boom\n"
    )
    outs = []
    for code in (_FAST, _TYPER):
        outs.append(
            subprocess.run(
                [sys.executable, "-c", boom + code, "compare", "a.txt", "b.txt"],
                env=_env(),
                cwd=tmp_path,
                capture_output=True,
                text=True,
                check=False,
            )
        )
    fast, real = outs
    assert fast.returncode == real.returncode == 70
    assert fast.stderr.rpartition("typer=")[0] == real.stderr
    assert real.stderr.startswith("newsdiff: internal error: ZeroDivisionError: boom")
