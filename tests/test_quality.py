"""Tests of the benchmark command (benchmarks/quality.py) on a tiny subset."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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
    }
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
