"""Tests of the entry point (`python -m newsdiff`, the console script's `main`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

import newsdiff
from newsdiff.cli.app import app

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m newsdiff` from this checkout."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "newsdiff", *args], env=env, capture_output=True, text=True
    )


def test_fast_version_prints_what_the_cli_prints() -> None:
    """Check --version answered before the CLI loads equals the CLI's own --version."""
    fast = _run("--version")
    assert fast.returncode == 0 and fast.stderr == ""
    assert fast.stdout == CliRunner().invoke(app, ["--version"]).stdout
    assert fast.stdout == f"newsdiff {newsdiff.__version__}\n"


def test_other_arguments_reach_the_cli() -> None:
    """Check anything but a lone --version goes to the CLI (here a usage error)."""
    r = _run("--version", "--bogus")
    assert r.returncode == 2
    assert "--bogus" in r.stderr


def test_help_path_imports_no_work_path_module() -> None:
    """Check `--help` loads neither nltk, rapidfuzz, numpy nor rich, nor the aligner."""
    code = (
        "import sys, runpy; sys.argv = ['newsdiff', '--help']\n"
        "try:\n    runpy.run_module('newsdiff', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "heavy = ('nltk', 'rapidfuzz', 'numpy', 'rich', 'newsdiff.align')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert r.stdout.strip().splitlines()[-1] == "[]"
