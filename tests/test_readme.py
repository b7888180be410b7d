"""The README's examples run as written from the repository's root and show current output."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsdiff.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
# Captured terminal sessions: a ```text block that starts with `$ newsdiff compare`.
SESSIONS = re.findall(r"```text\n\$ newsdiff (compare [^\n]+)\n(.*?)```", README, re.S)
# Paths in the repository the examples name (files of one's own are in their own block).
PATHS = sorted(set(re.findall(r"\b((?:seeds|tests/data|benchmarks/data)/[\w./-]+)", README)))


def test_the_readme_has_captured_sessions_and_names_files() -> None:
    assert len(SESSIONS) >= 2 and PATHS


@pytest.mark.parametrize("path", PATHS)
def test_every_repository_file_the_readme_names_exists(path: str) -> None:
    assert (ROOT / path.rstrip(".")).exists(), path


@pytest.mark.parametrize(("command", "shown"), SESSIONS, ids=lambda v: str(v)[:50])
def test_each_captured_session_is_the_current_output(
    command: str, shown: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("NO_COLOR", raising=False)
    result = CliRunner().invoke(app, shlex.split(command))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    # Every shown line comes in the output in the same order ("..." stands for lines left out).
    at = 0
    for line in shown.splitlines():
        if line == "...":
            continue
        assert line in lines[at:], f"not in the current output (in order): {line!r}"
        at = lines.index(line, at) + 1
