"""CLI tests: stdout, stderr and exit code asserted separately."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsdiff
from newsdiff.cli.app import app
from tests.conftest import SEED_A, SEED_B, check_golden

runner = CliRunner()


def test_version() -> None:
    r = runner.invoke(app, ["--version"])
    assert r.exit_code == 0
    assert r.stdout == f"newsdiff {newsdiff.__version__}\n"


def test_help_mentions_exit_codes() -> None:
    r = runner.invoke(app, ["compare", "--help"])
    assert r.exit_code == 0
    assert "Exit codes" in r.stdout and "--format" in r.stdout


def test_json_matches_api() -> None:
    r = runner.invoke(app, ["compare", str(SEED_A), str(SEED_B), "--format", "json"])
    assert r.exit_code == 0, r.stderr
    assert r.stderr == ""
    api = newsdiff.compare([newsdiff.load(SEED_A), newsdiff.load(SEED_B)]).to_dict()
    assert json.loads(r.stdout) == api


@pytest.fixture
def no_color_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Start each colour test from an environment that asks for nothing."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)


SEED_ARGS = ["compare", str(SEED_A), str(SEED_B)]


@pytest.mark.parametrize("width", [80, 120, 200])
def test_table_golden_no_color(no_color_env: None, width: int) -> None:
    r = runner.invoke(app, [*SEED_ARGS, "--width", str(width), "--no-color"])
    assert r.exit_code == 0 and r.stderr == ""
    assert "\x1b[" not in r.stdout
    # The same goldens as the renderer's tests: the CLI adds nothing and drops nothing.
    check_golden(f"seeds.table{width}.txt", r.stdout)


@pytest.mark.parametrize(
    ("args", "env", "colored"),
    [
        ([], {}, False),  # not a terminal: plain
        ([], {"NO_COLOR": "1"}, False),
        (["--color", "always"], {}, True),  # kept through a pipe, for `| less -R`
        (["--color", "always"], {"NO_COLOR": "1"}, True),  # the explicit flag wins
        ([], {"FORCE_COLOR": "1"}, True),
        ([], {"FORCE_COLOR": "0"}, False),
        ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        (["--color", "never"], {"FORCE_COLOR": "1"}, False),
        (["--no-color"], {"FORCE_COLOR": "1"}, False),
    ],
)
def test_color_modes_and_environment(
    no_color_env: None, args: list[str], env: dict[str, str], colored: bool
) -> None:
    r = runner.invoke(app, [*SEED_ARGS, "--width", "120", *args], env=env)
    assert r.exit_code == 0, r.stderr
    assert ("\x1b[" in r.stdout) is colored
    # Colour or not, the output is the same text; without colour the marks show the words.
    if colored:
        check_golden("seeds.table.color.txt", r.stdout)
    else:
        check_golden("seeds.table120.txt", r.stdout)


def test_color_always_survives_a_real_pipe() -> None:
    cmd = [sys.executable, "-m", "newsdiff", *SEED_ARGS, "--color", "always"]
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    piped = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    plain = subprocess.run(cmd[:-2], capture_output=True, text=True, check=False, env=env)
    assert piped.returncode == plain.returncode == 0
    assert "\x1b[4m" in piped.stdout and "\x1b[" not in plain.stdout
    assert "{+" in plain.stdout and "{+" not in piped.stdout


def test_bad_color_mode_is_a_usage_error() -> None:
    r = runner.invoke(app, [*SEED_ARGS, "--color", "sometimes"])
    assert r.exit_code == 2 and r.stdout == ""
    assert "choose one of auto, always, never" in r.stderr


@pytest.mark.parametrize(
    ("args", "kinds"),
    [
        (["--kind", "divergent"], {"divergent"}),
        (["--kind", "divergent, unique"], {"divergent", "unique"}),
        (["--only-differences"], {"divergent", "unique"}),
        (["--only-differences", "--kind", "shared,unique"], {"unique"}),
    ],
)
def test_kind_filters(args: list[str], kinds: set[str]) -> None:
    data = json.loads(runner.invoke(app, [*SEED_ARGS, "-f", "json"]).stdout)
    total = len(data["groups"])
    wanted = sum(g["kind"] in kinds for g in data["groups"])
    r = runner.invoke(app, [*SEED_ARGS, "--width", "120", "--no-color", *args])
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[-1] == f"{wanted} of {total} groups shown"
    assert set(re.findall(r"^#\d+ (\w+)", r.stdout, re.M)) == kinds
    md = runner.invoke(app, [*SEED_ARGS, "-f", "markdown", *args])
    assert f"_{wanted} of {total} groups shown_" in md.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kind", "sharde"], "unknown kind sharde; choose from: shared, divergent, unique"),
        (["--kind", ","], "unknown kind"),
        (["--kind", "shared", "--only-differences"], "leaves no group to show"),
    ],
)
def test_bad_kind_filters(args: list[str], message: str) -> None:
    r = runner.invoke(app, [*SEED_ARGS, *args])
    assert r.exit_code == 2 and r.stdout == ""
    assert message in r.stderr


def test_no_legend() -> None:
    r = runner.invoke(app, [*SEED_ARGS, "--width", "120", "--no-color", "--no-legend"])
    assert r.exit_code == 0
    assert "marks " not in r.stdout and "kinds " not in r.stdout
    assert "A  nasa-shrugs-off-roscosmos.txt" in r.stdout


def test_help_names_values_not_types() -> None:
    r = runner.invoke(app, ["compare", "--help"])
    assert "<str>" not in r.stdout and "<int" not in r.stdout
    for metavar in ("--format FORMAT", "--color WHEN", "--width COLUMNS", "--kind KIND,..."):
        assert metavar in r.stdout
    from newsdiff.model import SIGNAL_TYPES

    check = runner.invoke(app, ["check", "--help"])
    fail_on = check.stdout[check.stdout.index("--fail-on") :].split("--min-reports")[0]
    # Every signal type is listed, so the help never lags behind the model.
    assert all(t in " ".join(fail_on.split()) for t in SIGNAL_TYPES)


def test_names_and_stdin() -> None:
    text = SEED_B.read_text(encoding="utf-8")
    r = runner.invoke(
        app,
        ["compare", str(SEED_A), "-", "--names", "first,second", "-f", "json"],
        input=text,
    )
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert [d["id"] for d in out["documents"]] == ["first", "second"]
    assert out["documents"][1]["path"] == "-"


def test_identical_reports_are_not_an_error() -> None:
    r = runner.invoke(app, ["compare", str(SEED_A), str(SEED_A), "-f", "json"])
    assert r.exit_code == 0
    out = json.loads(r.stdout)
    assert out["summary"]["divergent"] == out["summary"]["unique"] == 0


def test_signals_filter_and_explain() -> None:
    args = ["compare", str(SEED_A), str(SEED_B), "--width", "140", "--no-color"]
    full = runner.invoke(app, args)
    quotes = runner.invoke(app, [*args, "--signals", "quote"])
    explained = runner.invoke(app, [*args, "--signals", "number,quote", "--explain"])
    assert full.exit_code == quotes.exit_code == explained.exit_code == 0
    # Only the groups with a quote signal remain: the seeds' two reworded quotes, and the
    # quote of Rogozin's that the other report tells in its own words.
    # Each names the reports it compares by their letters in the key.
    assert quotes.stdout.count("quote (A vs B):") == 3 and "attribution" not in quotes.stdout
    assert full.stdout.count("divergent") > quotes.stdout.count("divergent")
    assert "sim 0." in explained.stdout and "sim 0." not in quotes.stdout


def _write(tmp_path: Path, name: str, data: bytes) -> str:
    p = tmp_path / name
    p.write_bytes(data)
    return str(p)


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["missing.txt", str(SEED_B)], 3, "missing.txt: no such file"),
        ([".", str(SEED_B)], 3, "is a directory"),
        ([str(SEED_A)], 2, "need at least two reports"),
        ([str(SEED_A), str(SEED_B), "-f", "yaml"], 2, "unknown format 'yaml'"),
        ([str(SEED_A), str(SEED_B), "--names", "x"], 2, "--names gives 1 name for 2 reports"),
        (["-", "-"], 2, "only one report can come from stdin"),
        ([str(SEED_A), str(SEED_B), "--signals", "number,bogus"], 2, "unknown signal type bogus"),
    ],
)
def test_errors(args: list[str], code: int, message: str) -> None:
    r = runner.invoke(app, ["compare", *args])
    assert r.exit_code == code
    assert r.stdout == ""
    assert r.stderr.startswith("newsdiff: error: ") and message in r.stderr
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b" \n \n", "is empty"),
        (b"\x00\x01\x02binary", "binary"),
        ("Привет, мир.".encode("cp1251"), "--encoding"),
    ],
)
def test_bad_input_files(tmp_path: Path, data: bytes, message: str) -> None:
    bad = _write(tmp_path, "bad.txt", data)
    r = runner.invoke(app, ["compare", str(SEED_A), bad])
    assert r.exit_code == 3
    assert r.stdout == ""
    assert message in r.stderr and r.stderr.count("\n") == 1


def test_encoding_option(tmp_path: Path) -> None:
    p = _write(tmp_path, "ru.txt", "Привет, мир. Это тест.".encode("cp1251"))
    q = _write(tmp_path, "ru2.txt", "Привет, мир. Это тест.".encode("cp1251"))
    r = runner.invoke(app, ["compare", p, q, "--encoding", "cp1251", "-f", "json"])
    assert r.exit_code == 0
    assert json.loads(r.stdout)["documents"][0]["text"] == "Привет, мир. Это тест."


def test_python_dash_m_and_no_traceback(tmp_path: Path) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "newsdiff", "compare", "nope.txt", "nope2.txt"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 3
    assert r.stdout == ""
    assert r.stderr == "newsdiff: error: nope.txt: no such file\n"


def test_help_does_not_import_heavy_modules() -> None:
    code = (
        "import sys\n"
        "sys.argv = ['newsdiff', '--help']\n"
        "from newsdiff.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('nltk', 'rapidfuzz', 'numpy') if m in sys.modules]\n"
        "sys.stderr.write(repr(heavy))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert r.stderr == "[]"
    assert "compare" in r.stdout


def test_duplicate_names_are_a_usage_error() -> None:
    r = runner.invoke(app, ["compare", str(SEED_A), str(SEED_B), "--names", "x,x"])
    assert r.exit_code == 2 and r.stdout == ""
    assert "same name twice" in r.stderr


def test_the_same_file_twice_gets_two_names() -> None:
    r = runner.invoke(app, ["compare", str(SEED_A), str(SEED_A), "-f", "json"])
    assert r.exit_code == 0
    ids = [d["id"] for d in json.loads(r.stdout)["documents"]]
    assert len(set(ids)) == 2 and ids[1].endswith("(2)")


def test_invisible_only_report_is_empty(tmp_path: Path) -> None:
    bad = _write(tmp_path, "zw.txt", "\u200b\u200b \u2060\n".encode())
    r = runner.invoke(app, ["compare", str(SEED_A), bad])
    assert r.exit_code == 3 and "is empty" in r.stderr
