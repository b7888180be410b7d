"""Corpus mode with broken files in the middle: error rows, and every other result intact."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsdiff.cli.app import app

ECB = Path(__file__).resolve().parent / "data" / "corpus" / "ecbplus"
GOOD = ("11ecbplus", "16ecb", "20ecb", "23ecb")
runner = CliRunner()

# Broken clusters, each with good reports around one bad file.
BROKEN: dict[str, dict[str, bytes]] = {
    "12-cp1251": {"b-ru.txt": "Пожар в Москве. Погибли 5 человек.".encode("cp1251")},
    "13-binary": {"b.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"},
    "14-empty": {"b.txt": b"  \r\n\t"},
    "17-hostile-name": {"b\x1b[31m\nred.txt": b"\xff\xfe not utf-16 \x00"},
}


def _rows(out: str) -> dict[str, dict[str, Any]]:
    rows = [json.loads(line) for line in out.splitlines()]
    for row in rows:
        row.pop("seconds", None)
        row.pop("slowest", None)
    return {row["cluster"]: row for row in rows}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Return (a clean corpus, the same with broken clusters in between)."""
    clean = tmp_path_factory.mktemp("clean")
    mixed = tmp_path_factory.mktemp("mixed")
    for name in GOOD:
        shutil.copytree(ECB / name, clean / name)
        shutil.copytree(ECB / name, mixed / name)
    first_good = sorted((ECB / "16ecb").iterdir())[0]
    for name, files in BROKEN.items():
        folder = mixed / name
        folder.mkdir()
        shutil.copy(first_good, folder / "a.txt")
        for fname, data in files.items():
            (folder / fname).write_bytes(data)
        shutil.copy(first_good, folder / "c.txt")
    return clean, mixed


def test_broken_files_give_error_rows_and_the_rest_is_all_there(
    corpus: tuple[Path, Path],
) -> None:
    clean, mixed = corpus
    ok = runner.invoke(app, ["corpus", str(clean), "-f", "jsonl", "-w", "1", "-q"])
    assert ok.exit_code == 0, ok.stderr
    r = runner.invoke(app, ["corpus", str(mixed), "-f", "jsonl", "-w", "1", "-q"])
    assert r.exit_code == 1, r.stderr  # some cluster failed
    assert r.stderr == ""
    rows = _rows(r.stdout)
    assert list(rows) == [
        "11ecbplus", "12-cp1251", "13-binary", "14-empty", "16ecb", "17-hostile-name",
        "20ecb", "23ecb",
    ]  # fmt: skip
    # Every good cluster's row is exactly what a run without the broken ones gives.
    # (The run's position and folder differ, so index and source are left out.)
    for name, row in _rows(ok.stdout).items():
        assert {k: v for k, v in rows[name].items() if k not in ("index", "source")} == {
            k: v for k, v in row.items() if k not in ("index", "source")
        }
    errors = {name: rows[name]["error"] for name in BROKEN}
    assert all(rows[name]["status"] == "error" for name in BROKEN)
    assert "b-ru.txt: cannot decode as utf-8 at byte 0" in errors["12-cp1251"]
    assert "b.png: looks like a binary file" in errors["13-binary"]
    assert "b.txt: is empty" in errors["14-empty"]
    assert "cannot decode as utf-16-le (named by its byte order mark)" in errors["17-hostile-name"]


def test_error_rows_are_inert_in_the_terminal_table_and_csv(corpus: tuple[Path, Path]) -> None:
    _, mixed = corpus
    table = runner.invoke(app, ["corpus", str(mixed), "-w", "1", "-q", "--no-color"])
    assert table.exit_code == 1
    assert "\x1b" not in table.stdout
    assert "17-hostile-name" in table.stdout
    out = runner.invoke(app, ["corpus", str(mixed), "-f", "csv", "-w", "1", "-q"])
    cells = [c for row in csv.reader(io.StringIO(out.stdout)) for c in row]
    assert not any("\x1b" in c or "\n" in c for c in cells)
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)


def test_check_fails_on_the_broken_clusters_only(corpus: tuple[Path, Path]) -> None:
    _, mixed = corpus
    r = runner.invoke(app, ["check", str(mixed), "-f", "jsonl", "-w", "1", "-q"])
    assert r.exit_code == 1
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    failed = {row["cluster"] for row in rows if not row["passed"]}
    assert failed == set(BROKEN)
