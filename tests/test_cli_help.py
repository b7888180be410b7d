"""The help reads whole: command summaries not cut, options named by what they take."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from newsdiff.cli.app import app

runner = CliRunner()


def _help(*args: str) -> str:
    result = runner.invoke(app, [*args, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0
    return result.stdout


def test_command_summaries_are_whole_sentences() -> None:
    commands = _help().split("Commands:")[1].strip().splitlines()
    assert [line.split()[0] for line in commands] == ["compare", "segment", "corpus", "check"]
    assert all(line.endswith(".") and not line.endswith("...") for line in commands)


@pytest.mark.parametrize("command", ["compare", "segment", "corpus", "check"])
def test_options_show_a_metavar_not_a_python_type(command: str) -> None:
    options = _help(command).split("Options")[1]
    assert not re.search(r"<(str|int|float|int range)>", options), options
