"""Tests of the threshold cross-validation (benchmarks/cross_validate.py) on invented counts."""

from __future__ import annotations

import argparse

import pytest

from benchmarks import cross_validate as cv
from benchmarks import evalkit as ek

LOW, HIGH = (0.3, 0.3), (0.4, 0.3)


def counts(correct: int, predicted: int, gold: int) -> ek.LinkCounts:
    """Return link counts."""
    return ek.LinkCounts(predicted=predicted, gold=gold, correct=correct)


# Three topics: at the low threshold every topic links more, less precisely; topic "c" is
# the one whose links the low threshold gets wrong.
TABLE: dict[cv.Point, dict[str, ek.LinkCounts]] = {
    LOW: {"a": counts(8, 10, 20), "b": counts(8, 10, 20), "c": counts(2, 20, 20)},
    HIGH: {"a": counts(6, 7, 20), "b": counts(6, 7, 20), "c": counts(5, 6, 20)},
}


def test_best_f1_pools_the_units_and_keeps_the_first_point_on_a_tie() -> None:
    # a + b: LOW 16/20 of 40 (F1 .533) beats HIGH 12/14 of 40 (F1 .444).
    assert cv.best_f1(TABLE, ["a", "b"]) == LOW
    # With c, LOW is 18/40 of 60 (.36), HIGH 17/20 of 60 (.425).
    assert cv.best_f1(TABLE, ["a", "b", "c"]) == HIGH
    tie = {LOW: {"a": counts(1, 2, 2)}, HIGH: {"a": counts(1, 2, 2)}}
    assert cv.best_f1(tie, ["a"]) == LOW


def test_precision_first_takes_the_most_recall_at_the_target_else_the_most_precision() -> None:
    assert cv.precision_first(TABLE, ["a", "b"]) == HIGH  # 12/14 = .857; LOW is .8
    low_only = {LOW: TABLE[LOW], HIGH: {u: counts(1, 4, 20) for u in "abc"}}
    # Neither point reaches .85 on a + b: the more precise one (LOW, .8) is taken.
    assert cv.precision_first(low_only, ["a", "b"]) == LOW


def test_held_out_chooses_on_the_other_units_and_scores_the_one_left_out() -> None:
    total, chosen = cv.held_out(TABLE, cv.best_f1)
    # Holding out c leaves a + b, where LOW wins; holding out a or b keeps c, and HIGH wins.
    assert chosen == {"a": HIGH, "b": HIGH, "c": LOW}
    assert (total.correct, total.predicted, total.gold) == (6 + 6 + 2, 7 + 7 + 20, 60)


def test_sampled_precision_is_seeded_and_constant_when_every_unit_is_alike() -> None:
    alike = {u: counts(3, 4, 9) for u in "abcd"}
    assert cv.sampled_precision(alike, 3, draws=50) == [0.75] * 50
    mixed = TABLE[LOW]
    first = cv.sampled_precision(mixed, 2, draws=200, seed=7)
    assert first == cv.sampled_precision(mixed, 2, draws=200, seed=7)
    assert first == sorted(first)
    assert first[0] == pytest.approx(2 / 20) and first[-1] == pytest.approx(0.8)


def test_percentile_reads_the_lower_rank_and_refuses_no_values() -> None:
    values = [0.1, 0.2, 0.3, 0.4]
    assert cv.percentile(values, 0.0) == 0.1
    assert cv.percentile(values, 0.5) == 0.3
    assert cv.percentile(values, 1.0) == 0.4
    with pytest.raises(ValueError):
        cv.percentile([], 0.5)


def test_parse_floats_sorts_and_dedups_and_rejects_text() -> None:
    assert cv.parse_floats("0.4, 0.3,0.4") == (0.3, 0.4)
    for bad in ("a,0.3", ", ,", "0.3,1.5", "-0.1"):
        with pytest.raises(argparse.ArgumentTypeError):
            cv.parse_floats(bad)


def test_chosen_summary_counts_the_folds_most_frequent_first() -> None:
    summary = cv.chosen_summary({"a": HIGH, "b": HIGH, "c": LOW})
    assert summary == "chose 0.4/0.3 x2, 0.3/0.3 x1"


def test_main_refuses_fewer_than_two_topics(capsys: pytest.CaptureFixture[str]) -> None:
    assert cv.main(["--topics", "1", "-q"]) == 2
    assert cv.main(["--topics", "1,x", "-q"]) == 2
    assert "two or more" in capsys.readouterr().err


def test_main_runs_two_points_on_two_topics(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--topics", "1,2", "--thresholds", "0.3,0.5", "--support", "0.3", "--facts", "/nope"]
    assert cv.main([*args, "-q"]) == 0
    out = capsys.readouterr().out
    assert "ECB+ mixed topics, 2 held out in turn" in out
    assert "default 0.3/0.3, in sample" in out
    assert "Fact events: none at /nope (skipped)" in out
    assert "sets of  2 topics" in out and "sets of 10 topics" in out
