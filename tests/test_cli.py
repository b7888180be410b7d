"""CLI tests: stdout, stderr and exit code asserted separately."""

from __future__ import annotations

import json
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


def test_table_golden_no_color() -> None:
    r = runner.invoke(app, ["compare", str(SEED_A), str(SEED_B), "--width", "140", "--no-color"])
    assert r.exit_code == 0 and r.stderr == ""
    assert "\x1b[" not in r.stdout
    check_golden("seeds.table.txt", r.stdout)


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
    assert quotes.stdout.count("quote:") == 3 and "attribution:" not in quotes.stdout
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
        ([str(SEED_A), str(SEED_B), "--names", "x"], 2, "--names gives 1 names for 2 reports"),
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
