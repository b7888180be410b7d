"""Tests of the benchmark command (benchmarks/quality.py) on a tiny subset."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import factkit as fk
from benchmarks import quality


def test_tiny_run_prints_a_table_and_writes_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Check one small topic and a few STS pairs give the table and the JSON of every system."""
    out = tmp_path / "q.json"
    argv = ["--topics", "23", "--sts-every", "200", "--json", str(out), "-q"]
    assert quality.main(argv) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    names = ("newsdiff", "link everything", "tf-idf cosine >= 0.2", "rapidfuzz stems >= 0.5")
    for name in names:
        assert any(line.startswith(name) for line in lines), name
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["subset"]["topics"] == [23]
    assert doc["subset"]["sts_pairs"] == 12
    assert list(doc["systems"]) == ["newsdiff", "all", "tfidf", "rapidfuzz"]
    nd = doc["systems"]["newsdiff"]
    assert set(nd["figures"]) == {
        "ecb_mixed.precision",
        "ecb_mixed.recall",
        "ecb_mixed.f1",
        "ecb_mixed.cross_event",
        "ecb_cluster.precision",
        "ecb_cluster.recall",
        "ecb_cluster.f1",
        "sts.accuracy",
        "sts.macro_f1",
        "sts.spearman",
        "sts.score5_signal_rate",
    }
    assert "typed-signal firing rate on STS pairs scored 5" in captured.out
    assert set(nd["signals"]) == {"score 5", "score 2-4"}
    # Link everything cannot rank STS pairs, so it has ECB+ figures only.
    assert "sts" not in doc["systems"]["all"]
    assert doc["systems"]["all"]["ecb_mixed"]["recall"] == pytest.approx(1.0)


@pytest.mark.parametrize(
    "argv",
    [
        ["--pin"],
        ["--quick", "--pin", "--topics", "1"],
        ["--systems", "newsdiff,magic"],
        ["--topics", "15"],
        ["--topics", "x"],
    ],
)
def test_bad_options_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Check usage errors give one line on stderr and exit code 2, and touch nothing."""
    assert quality.main([*argv, "-q"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1


def test_fact_gold_part(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Check the fact gold's table, per-type signals and consistency, or the skip line."""
    out = tmp_path / "q.json"
    argv = ["--no-ecb", "--no-sts", "--systems", "newsdiff,tfidf", "--json", str(out), "-q"]
    assert quality.main(argv) == 0
    text = capsys.readouterr().out
    doc = json.loads(out.read_text(encoding="utf-8"))
    if not fk.facts_dir().is_dir():
        assert "Fact gold: skipped, no folder at" in text
        assert "facts" not in doc["systems"]["newsdiff"]
        return
    assert "newsdiff typed signals on the fact gold:" in text
    assert "links between two reports:" in text
    facts = doc["systems"]["newsdiff"]["facts"]
    assert set(facts["figures"]) == set(fk.FactCounts().figures()) | set(fk.Consistency().figures())
    assert list(facts["per_type"]) == list(fk.TYPED)
    # The baseline carries no signals: its signal columns read "-".
    row = text.split("Fact gold (")[1].split("\n")[4]
    assert row.startswith("tf-idf")
    assert row.split()[-5:-2] == ["-", "-", "-"]


def test_missing_fact_gold_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Check --facts naming no folder exits 2 with one line."""
    argv = ["--no-ecb", "--no-sts", "--facts", str(tmp_path / "none"), "-q"]
    assert quality.main(argv) == 2
    assert capsys.readouterr().err.startswith("error: no fact gold at")


def test_without_the_fact_gold_the_run_says_it_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Check an absent default folder is skipped with a clear line, not an error."""
    monkeypatch.setenv(fk.ENV, str(tmp_path / "none"))
    argv = ["--no-ecb", "--no-sts", "--systems", "tfidf", "--json", str(tmp_path / "q.json")]
    assert quality.main([*argv, "-q"]) == 0
    assert "Fact gold: skipped, no folder at" in capsys.readouterr().out
