"""Smoke test of the speed benchmark (benchmarks/speed.py): its code paths on tiny inputs.

No timing is asserted: figures on a shared machine belong in the benchmark's output.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from benchmarks import speed, startup


def test_quick_run_on_tiny_inputs_prints_every_part_and_writes_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Check every part runs, the table names each, and the JSON holds their figures."""
    # Start-up's commands replaced by trivial ones: the code path, not the imports.
    trivial = {name: [sys.executable, "-c", "pass"] for name in startup.commands(sys.executable)}
    monkeypatch.setattr(startup, "commands", lambda py: dict(trivial))
    # This interpreter stands in for an environment with scipy; redlines counts as absent.
    monkeypatch.setattr(startup, "has_scipy", lambda py: True)
    monkeypatch.setattr(startup.shutil, "which", lambda name: None)
    # The project's tests run no difflib: a rapidfuzz ratio stands in for the baseline.
    monkeypatch.setattr(speed, "difflib_ratio", fuzz.ratio)
    out = tmp_path / "speed.json"
    argv = ["--quick", "--clusters", "2", "--sizes", "4", "--runs", "1"]
    argv += ["--difflib-every", "100", "--json", str(out), "--scipy-env", sys.executable]
    assert speed.main(argv) == 0
    text = capsys.readouterr().out
    for title in ("1. Start-up", "2. Throughput", "3. Baselines", "4. Scale", "5. Parallel"):
        assert title in text
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert set(doc) >= {"machine", "startup", "throughput", "baselines", "scale", "parallel"}
    assert set(doc["startup"]["ratios"]) == {
        "help / pass",
        "version / pass",
        "compare / import floor",
        "compare with scipy / without",
        "[scipy] compare / import floor",
    }
    assert set(doc["startup"]["skipped"]) == {"compare / redlines"}
    assert "[scipy] newsdiff compare seeds" in doc["startup"]["median_s"]
    assert "compare / redlines" in text and "skipped: redlines is not installed" in text
    tp = doc["throughput"]
    assert tp["clusters"] == 2 and tp["reports"] > 2 and "_sentences" not in tp
    assert set(tp["steps_s"]) == set(speed.STEPS)
    assert doc["baselines"]["pairs"] > 0 and doc["baselines"]["difflib_sampled_pairs"] > 0
    (row,) = doc["scale"]["rows"]
    assert row["reports"] == 4 and row["sentences"] > 0 and row["peak_rss_mb"] > 0
    assert set(doc["parallel"]["seconds"]) == {"1", "2"}


def test_scale_texts_repeat_the_corpus_in_a_seeded_order() -> None:
    """Check the scale cluster is reproducible and repeats reports past the corpus."""
    a = speed.scale_texts(800, seed=1)
    assert a == speed.scale_texts(800, seed=1)
    assert a != speed.scale_texts(800, seed=2)
    texts = [t for _, t in a]
    assert len(set(texts)) < 800 and len({n for n, _ in a}) == 800


def test_difflib_sample_is_scaled_to_all_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Check the sampled difflib time stands for every pair, and the pairs are cross-report."""
    monkeypatch.setattr(speed, "difflib_ratio", fuzz.ratio)
    clusters = [[["a b c", "d e f"], ["a b d"]], [["x"], ["y", "z"], ["x y"]]]
    assert len(speed.cross_pairs(clusters[1])) == 5
    seconds, sampled, total = speed.difflib_loop(clusters, every=2)
    assert total == 7 and sampled == 4 and seconds >= 0
    assert speed.scalar_loop(clusters)[1] == 7


def test_startup_without_a_scipy_env_says_why() -> None:
    """Check the scipy line is skipped with a reason when no environment is named."""
    with startup.scipy_env(None, print) as (py, why):
        assert py is None and "--scipy-env" in why
    missing = "/nonexistent/python"
    with startup.scipy_env(missing, print) as (py, why):
        assert py is None and missing in why
