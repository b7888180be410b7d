"""CLI tests of the pipeline options: formats, -o, --text-field, .html/.jsonl inputs, segment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsdiff
from newsdiff.cli.app import app
from newsdiff.render import formats
from newsdiff.sources import read_documents
from tests.conftest import ROOT, SEED_A, SEED_B
from tests.render_cases import rendered

runner = CliRunner()
FILE_FORMATS = ["json", "jsonl", "csv", "tsv", "markdown", "html"]


def _seed_articles(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    lines = [
        {"id": "wion", "title": "NASA shrugs off", "text": SEED_A.read_text(encoding="utf-8")},
        {"id": "republic", "title": "NASA refutes", "text": SEED_B.read_text(encoding="utf-8")},
    ]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return path


def test_help_lists_every_registered_format() -> None:
    r = runner.invoke(app, ["compare", "--help"])
    assert r.exit_code == 0
    for name in formats():
        assert name in r.stdout
    assert {"csv", "html", "jsonl", "markdown", "tsv"} <= set(formats())
    assert "--output" in r.stdout and "--text-field" in r.stdout


@pytest.mark.parametrize("fmt", FILE_FORMATS)
def test_every_format_renders_the_same_comparison(fmt: str) -> None:
    r = runner.invoke(app, ["compare", str(SEED_A), str(SEED_B), "-f", fmt])
    assert r.exit_code == 0, r.stderr
    assert r.stderr == ""
    docs = [d for p in (SEED_A, SEED_B) for d in read_documents(str(p))]
    assert r.stdout == rendered(fmt, newsdiff.compare(docs), color=False)


@pytest.mark.parametrize("fmt", ["csv", "html"])
def test_output_file_equals_stdout(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"report.{fmt}"
    target.write_text("old report", encoding="utf-8")
    r = runner.invoke(app, ["compare", str(SEED_A), str(SEED_B), "-f", fmt, "-o", str(target)])
    assert r.exit_code == 0, r.stderr
    assert r.stdout == "" and r.stderr == ""
    direct = runner.invoke(app, ["compare", str(SEED_A), str(SEED_B), "-f", fmt])
    assert target.read_text(encoding="utf-8") == direct.stdout
    assert os.listdir(tmp_path) == [target.name]


def test_output_file_errors_are_one_line(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "r.html"
    r = runner.invoke(app, ["compare", str(SEED_A), str(SEED_B), "-f", "html", "-o", str(target)])
    assert r.exit_code == 3
    assert r.stderr.startswith("newsdiff: error: ") and "does not exist" in r.stderr
    assert r.stderr.count("\n") == 1


def test_output_file_untouched_when_input_fails(tmp_path: Path) -> None:
    target = tmp_path / "r.csv"
    target.write_text("old", encoding="utf-8")
    r = runner.invoke(app, ["compare", str(SEED_A), "nope.txt", "-f", "csv", "-o", str(target)])
    assert r.exit_code == 3
    assert target.read_text(encoding="utf-8") == "old"


def test_jsonl_input_gives_one_report_per_line(tmp_path: Path) -> None:
    articles = _seed_articles(tmp_path)
    r = runner.invoke(app, ["compare", str(articles), "-f", "json"])
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert [d["id"] for d in out["documents"]] == ["wion", "republic"]
    assert out["documents"][0]["path"] == f"{articles}:1"
    assert out["documents"][0]["text"] == SEED_A.read_text(encoding="utf-8")


def test_text_field_and_names_apply_to_jsonl_reports(tmp_path: Path) -> None:
    articles = _seed_articles(tmp_path)
    r = runner.invoke(
        app,
        ["compare", str(articles), "--text-field", "title", "--names", "x,y", "-f", "csv"],
    )
    assert r.exit_code == 0, r.stderr
    assert "x,0,NASA shrugs off" in r.stdout and "y,0,NASA refutes" in r.stdout
    bad = runner.invoke(app, ["compare", str(articles), "--text-field", "body"])
    assert bad.exit_code == 3
    assert "no 'body' field (fields: id, text, title)" in bad.stderr


def test_html_input(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura", reason="the optional extra newsdiff[html] is not installed")
    from tests.test_inputs_html import ARTICLE, page

    saved = tmp_path / "saved.html"
    saved.write_bytes(page("windows-1251").encode("cp1251"))
    plain = tmp_path / "plain.txt"
    plain.write_text("\n\n".join(ARTICLE), encoding="utf-8")
    r = runner.invoke(app, ["compare", str(saved), str(plain), "-f", "json"])
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["summary"]["divergent"] == out["summary"]["unique"] == 0
    extracted = out["documents"][0]
    for s in extracted["sentences"]:
        assert extracted["text"][s["start"] : s["end"]] == s["text"]


def test_segment_prints_sentences_as_json_lines() -> None:
    r = runner.invoke(app, ["segment", str(SEED_A)])
    assert r.exit_code == 0, r.stderr
    records = [json.loads(line) for line in r.stdout.splitlines()]
    text = SEED_A.read_text(encoding="utf-8")
    assert [x["index"] for x in records] == list(range(len(records)))
    assert all(text[x["start"] : x["end"]] == x["text"] for x in records)
    assert all(x["doc"] == SEED_A.name for x in records)
    marked = [x["text"] for x in records if x["boilerplate"]]
    assert marked and all(t.lower().startswith(("also read", "image")) for t in marked)


def test_segment_of_stdin_and_jsonl(tmp_path: Path) -> None:
    r = runner.invoke(app, ["segment", "-"], input="One sentence here. Another one.\n")
    assert [json.loads(x)["text"] for x in r.stdout.splitlines()] == [
        "One sentence here.",
        "Another one.",
    ]
    r = runner.invoke(app, ["segment", str(_seed_articles(tmp_path))])
    assert {json.loads(x)["doc"] for x in r.stdout.splitlines()} == {"wion", "republic"}
    r = runner.invoke(app, ["segment", "nope.txt"])
    assert r.exit_code == 3 and r.stderr == "newsdiff: error: nope.txt: no such file\n"


def _closed_pipe(args: list[str]) -> subprocess.CompletedProcess[str]:
    """Run the CLI with its stdout reader gone, as `newsdiff ... | head -0` does."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsdiff", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    stderr = proc.stderr.read()
    return subprocess.CompletedProcess(args, proc.wait(timeout=60), "", stderr)


@pytest.mark.parametrize(
    "args",
    [
        ["compare", str(SEED_A), str(SEED_B), "-f", "jsonl"],
        ["compare", str(SEED_A), str(SEED_B), "-f", "html"],
        ["compare", str(SEED_A), str(SEED_B), "-f", "table"],
        ["compare", str(SEED_A), str(SEED_B), "-f", "json"],
        ["segment", str(SEED_A)],
    ],
)
def test_broken_pipe_ends_quietly(args: list[str]) -> None:
    r = _closed_pipe(args)
    assert r.stderr == ""
    assert r.returncode == 0
