"""Size limits: huge reports and many reports finish, or stop early naming the limit.

docs/limits.md documents the limits and their measured cost (benchmarks/limits.py).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsdiff
import newsdiff.align.group
from newsdiff.cli.app import app
from newsdiff.text.budget import DEFAULT_MAX_SENTENCES, SentenceBudget
from tests.conftest import SEED_A, SEED_B

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
ECB = Path(__file__).resolve().parent / "data" / "corpus" / "ecbplus"


@pytest.fixture(scope="module")
def report_20mb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Write a 20 MB report: the seed reprinted, paragraph after paragraph."""
    base = SEED_B.read_text(encoding="utf-8") + "\n\n"
    path = tmp_path_factory.mktemp("big") / "big.txt"
    path.write_text(base * (20 * 2**20 // len(base.encode()) + 1), encoding="utf-8")
    assert path.stat().st_size >= 20 * 2**20
    return path


def _no_align(*args: object, **kwargs: object) -> object:
    raise AssertionError("the aligner ran although the limit was passed")


def test_20mb_report_stops_at_max_bytes_at_once(report_20mb: Path) -> None:
    t0 = time.perf_counter()
    r = runner.invoke(app, ["compare", str(report_20mb), str(SEED_A)])
    assert r.exit_code == 3 and r.stdout == ""
    assert r.stderr == (
        f"newsdiff: error: {report_20mb}: larger than the limit of 8,388,608 bytes "
        "(raise it with --max-bytes)\n"
    )
    assert time.perf_counter() - t0 < 5


def test_20mb_report_past_max_bytes_stops_at_max_sentences_in_bounded_memory(
    report_20mb: Path,
) -> None:
    # A child process under a 1.5 GB address-space cap: an unbounded run would end in
    # MemoryError (exit 3 with "out of memory"), not in the limit's message.
    cap = 1536 * 2**20
    code = (
        "import resource, sys\n"
        f"resource.setrlimit(resource.RLIMIT_AS, ({cap}, {cap}))\n"
        "from newsdiff.cli.app import main\n"
        f"sys.argv = ['newsdiff', 'compare', {str(report_20mb)!r}, {str(SEED_A)!r}, "
        "'--max-bytes', '30000000', '-f', 'json']\n"
        "main()\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert r.returncode == 3, r.stderr
    assert r.stdout == ""
    assert r.stderr.startswith(f"newsdiff: error: {report_20mb}: the reports hold more than ")
    assert r.stderr.endswith("raise the limit with --max-sentences\n")
    assert r.stderr.count("\n") == 1


def test_limit_stops_before_the_aligner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(newsdiff.align.group, "align", _no_align)
    texts = [SEED_A.read_text(encoding="utf-8"), SEED_B.read_text(encoding="utf-8")]
    with pytest.raises(newsdiff.InputError, match=r"more than 20 sentences to align"):
        newsdiff.compare(texts, newsdiff.Options(max_sentences=20))


@pytest.mark.parametrize("limit", [None, 0])
def test_no_limit(limit: int | None) -> None:
    text = " ".join(f"Item {i} rose." for i in range(DEFAULT_MAX_SENTENCES // 2 + 10))
    budget = SentenceBudget(limit)
    budget.take(newsdiff.Document("a", text))
    budget.take(newsdiff.Document("b", text))
    assert budget.used > DEFAULT_MAX_SENTENCES


def test_limit_counts_content_sentences_only() -> None:
    text = "Also read: a. b. c.\n\nThe council met. It voted."
    doc = SentenceBudget(2).take(newsdiff.Document("a", text))
    assert sum(not s.boilerplate for s in doc.sentences) == 2
    with pytest.raises(newsdiff.InputError, match="more than 1 sentences"):
        SentenceBudget(1).take(newsdiff.Document("a", text))


def _reports(folder: Path, n: int) -> list[str]:
    """Write n short reports of one event that share some facts and differ on others."""
    facts = [
        "The council met on Monday.",
        "It voted 7 to 2 to close the bridge.",
        "Repairs will cost $4 million, officials said.",
        "The mayor called the vote a mistake.",
        "Traffic will move to the ring road.",
    ]
    paths = []
    for i in range(n):
        picked = [facts[(i + k) % len(facts)] for k in range(3)]
        path = folder / f"r{i:03}.txt"
        path.write_text(" ".join(picked) + f" Report {i} ends here.\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def test_200_reports_at_once_complete(tmp_path: Path) -> None:
    files = _reports(tmp_path, 200)
    t0 = time.perf_counter()
    r = runner.invoke(app, ["compare", *files, "-f", "json"])
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["summary"]["documents"] == 200
    assert max(g["coverage"] for g in out["groups"]) > 100
    assert time.perf_counter() - t0 < 30


def test_200_reports_past_the_limit_stop_before_reading_the_rest(tmp_path: Path) -> None:
    files = _reports(tmp_path, 200)
    # Reports 101 to 199 are gone: reading them would fail with "no such file".
    for f in files[101:]:
        Path(f).unlink()
    r = runner.invoke(app, ["compare", *files, "--max-sentences", "300"])
    assert r.exit_code == 3 and r.stdout == ""
    assert "r075.txt: the reports hold more than 300 sentences to align (304 up to this one" in (
        r.stderr
    )
    assert r.stderr.endswith("raise the limit with --max-sentences\n")


def test_corpus_cluster_past_the_limit_is_an_error_row(tmp_path: Path) -> None:
    for name in ("16ecb", "23ecb"):
        shutil.copytree(ECB / name, tmp_path / name)
    big = tmp_path / "20-huge"
    big.mkdir()
    (big / "a.txt").write_text(" ".join(f"Item {i} rose." for i in range(400)), encoding="utf-8")
    (big / "b.txt").write_text("Item 3 rose. Item 4 fell.", encoding="utf-8")
    r = runner.invoke(
        app, ["corpus", str(tmp_path), "-f", "jsonl", "-w", "1", "-q", "--max-sentences", "300"]
    )
    assert r.exit_code == 1, r.stderr
    rows = {row["cluster"]: row for row in map(json.loads, r.stdout.splitlines())}
    assert list(rows) == ["16ecb", "20-huge", "23ecb"]
    assert rows["20-huge"]["status"] == "error"
    assert "more than 300 sentences to align" in rows["20-huge"]["error"]
    assert "--max-sentences" in rows["20-huge"]["error"]
    assert rows["16ecb"]["status"] == rows["23ecb"]["status"] == "ok"
