"""The pager: chosen like git's, used only for a terminal, never in the way of a pipe."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from newsdiff.cli import shell


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSDIFF_PAGER", raising=False)
    monkeypatch.delenv("PAGER", raising=False)


def _pager(monkeypatch: pytest.MonkeyPatch, no_pager: bool, output: str | None = None) -> object:
    """Ask for the pager with stdout on a terminal (set here: pytest swaps stdout per phase)."""
    monkeypatch.setattr(sys, "stdout", _Tty())
    return shell.pager_command(no_pager, output)


def test_default_pager_is_less_on_a_terminal(
    terminal: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _pager(monkeypatch, False) == ["less"]


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"PAGER": "more -s"}, ["more", "-s"]),
        ({"PAGER": "more", "NEWSDIFF_PAGER": "less -S"}, ["less", "-S"]),
        ({"PAGER": "more", "NEWSDIFF_PAGER": ""}, None),  # empty: no pager at all
        ({"PAGER": "cat"}, None),
        ({"PAGER": "less 'unclosed"}, None),
    ],
)
def test_pager_from_the_environment(
    terminal: None, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: object
) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert _pager(monkeypatch, False) == expected


def test_no_pager_off_a_terminal_for_a_file_or_when_asked(
    terminal: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _pager(monkeypatch, True) is None
    assert _pager(monkeypatch, False, "out.txt") is None
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert shell.pager_command(False) is None


def _writer(path: Path) -> list[str]:
    """A pager that copies what it reads into a file."""
    code = f"import sys; open({str(path)!r}, 'w', encoding='utf-8').write(sys.stdin.read())"
    return [sys.executable, "-c", code]


def test_tall_text_goes_through_the_pager(tmp_path: Path) -> None:
    got = tmp_path / "paged.txt"
    out = io.StringIO()
    text = "".join(f"line {i} \u2502 \x1b[4mw\x1b[0m\n" for i in range(30))
    shell.page(text, _writer(got), out, height=10)
    assert got.read_text(encoding="utf-8") == text and out.getvalue() == ""


def test_short_text_or_a_missing_pager_prints_directly(tmp_path: Path) -> None:
    got = tmp_path / "paged.txt"
    out = io.StringIO()
    shell.page("one\ntwo\n", _writer(got), out, height=10)
    assert out.getvalue() == "one\ntwo\n" and not got.exists()
    out = io.StringIO()
    shell.page("x\n" * 30, ["/nonexistent/pager"], out, height=10)
    assert out.getvalue() == "x\n" * 30


def test_a_pager_that_quits_early_is_no_error() -> None:
    out = io.StringIO()
    quits = [sys.executable, "-c", "import sys; sys.stdin.readline()"]
    shell.page("line\n" * 200_000, quits, out, height=10)
    assert out.getvalue() == ""
