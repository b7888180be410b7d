"""Tests of the direct option conversion (cli/coerce.py): typer's results, without pydantic."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
import typer.main
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from newsdiff.cli import coerce, values
from newsdiff.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
# Characters that make typer's (pydantic's) reading of a number differ from a plain one.
NUMBERISH = st.text(alphabet="0123456789-+._ eE\t١٢xinfa", max_size=24)


def _params() -> list[Any]:
    """Return every converted parameter of every newsdiff command (and of the app)."""
    group = typer.main.get_command(app)
    out: list[Any] = []
    for command in [group, *getattr(group, "commands", {}).values()]:
        ctx = command.make_context("newsdiff", [], resilient_parsing=True)
        out.extend(p for p in command.get_params(ctx) if coerce._supported(p) or p._runtime_param)
    return out


PARAMS = _params()


def _typer(param: Any, value: Any) -> tuple[str, Any]:
    """Return typer's own conversion of `value` for `param`: ("ok", value) or ("error", text)."""
    from typer._coercion import build_runtime_param

    try:
        return "ok", build_runtime_param(param.type_descriptor)._coerce_value(value, param, None)
    except typer.BadParameter as exc:
        return "error", exc.message


def _ours(param: Any, value: Any) -> tuple[str, Any]:
    """Return the installed converter's result, the same way."""
    try:
        return "ok", param._runtime_param._coerce_value(value, param, None)
    except typer.BadParameter as exc:
        return "error", exc.message


def test_every_option_gets_the_direct_converter() -> None:
    """Check all of newsdiff's options (flags and --help too) skip typer's adapters."""
    assert coerce.active()
    names = {p.name for p in PARAMS}
    assert {"files", "width", "max_bytes", "help", "version", "min_shared", "path"} <= names
    for param in PARAMS:
        assert type(param._runtime_param).__name__ == "Direct", param.name


@pytest.mark.parametrize("param", PARAMS, ids=lambda p: p.name)
@given(value=st.one_of(NUMBERISH, st.text(max_size=8), st.integers(), st.booleans()))
def test_direct_conversion_equals_typers(param: Any, value: Any) -> None:
    """Check each value converts as typer would, with the same type or the same error."""
    if param.nargs == -1:
        value = (value,) if isinstance(value, str) else ()
    if param.type_descriptor.annotation is bool and not isinstance(value, bool):
        return  # typer never converts a flag's other values through this path
    ours, theirs = _ours(param, value), _typer(param, value)
    # repr: the same float to the last bit (and NaN equal to NaN).
    assert repr(ours) == repr(theirs)
    assert type(ours[1]) is type(theirs[1])


def test_direct_conversion_returns_plain_values_without_typer() -> None:
    """Check the values newsdiff's options usually get are converted directly."""
    assert values.direct(int, values.Range(min=40), "80") == 80
    assert values.direct(int, values.Range(min=40), "-80") is values.UNSURE  # out of range
    assert values.direct(int, values.Range(), "5.0") is values.UNSURE  # typer reads it as 5
    assert values.direct(float, values.Range(), "0.25") == 0.25
    assert values.direct(list[str], values.Range(), ("a", "b")) == ["a", "b"]
    assert values.direct(str, values.Range(), "x\udcff") == "x\udcff"
    assert values.direct(bool, values.Range(), None) is values.UNSURE


def test_unknown_typer_version_keeps_typers_own_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Check another typer version gets no direct converter, and the CLI still works."""
    monkeypatch.setattr(typer, "__version__", "9.9.0")
    assert not coerce.active()
    group = typer.main.get_command(app)
    command = group.commands["compare"]  # type: ignore[attr-defined]
    ctx = command.make_context("compare", ["a", "b"], resilient_parsing=True)
    # Parsing built typer's own converters (its pydantic adapters), not the direct one.
    kinds = {type(p._runtime_param).__name__ for p in command.get_params(ctx)}
    assert "Direct" not in kinds and "AdapterRuntimeParam" in kinds
    r = CliRunner().invoke(app, ["compare", "a", "b", "--width", "20"])
    assert r.exit_code == 2


# Runs the typer CLI (not the entry point, whose plain `compare` skips typer) in a fresh
# interpreter and reports, at exit, whether pydantic was imported.
_PROBE = """
import atexit, sys
atexit.register(lambda: sys.stderr.write(f"pydantic={'pydantic' in sys.modules}\\n"))
sys.argv = ["newsdiff", *sys.argv[1:]]
from newsdiff.cli.app import main
main()
"""


def _probe(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI with `args` in a subprocess through the probe."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-c", _PROBE, *args], env=env, capture_output=True, text=True, cwd=ROOT
    )


def test_compare_does_not_import_pydantic(tmp_path: Path) -> None:
    """Check typer's `compare` runs without pydantic: a typer that needs it must be noticed."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The council approved the budget on Monday. Two members voted against it.\n")
    b.write_text("On Monday the council passed the budget. The vote was close.\n")
    r = _probe("compare", str(a), str(b), "-f", "json", "--width", "90", "--max-bytes", "9000")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("{")
    assert r.stderr.splitlines()[-1] == "pydantic=False"


def test_bad_value_still_gets_typers_message(tmp_path: Path) -> None:
    """Check a value only typer can judge goes through typer (and pydantic) as before."""
    r = _probe("compare", "a", "b", "--width", "20")
    assert r.returncode == 2
    lines = r.stderr.splitlines()
    assert lines[0] == "newsdiff: error: --width must be at least 40 (see newsdiff compare --help)"
    assert lines[-1] == "pydantic=True"
