"""Tests of the fact-link ceiling diagnosis (benchmarks/fact_ceiling.py) on invented events."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from benchmarks import fact_ceiling as fc
from benchmarks import fact_scorers as fs
from benchmarks import factkit as fk
from benchmarks.evalkit import LinkCounts

SHAPE = {s.label[:3]: s for s in fc.SHAPES}


def event(facts: list[dict[str, list[int]]], texts: dict[str, str] | None = None) -> fk.FactEvent:
    """Return an event of reports a, b, c with these facts (sentence ids per report)."""
    docs = ("a", "b", "c")
    sents: dict[str, tuple[tuple[int, int, int], ...]] = {}
    for d in docs:
        if texts is None:
            ids = sorted({s for f in facts for s in f.get(d, [])})
            sents[d] = tuple((s, 0, 0) for s in ids)
        else:
            # One sentence per line: offsets of each line in the text.
            rows, at = [], 0
            for i, line in enumerate(texts[d].split("\n")):
                rows.append((i, at, at + len(line)))
                at += len(line) + 1
            sents[d] = tuple(rows)
    return fk.FactEvent(
        "toy",
        docs,
        tuple((texts or {}).get(d, "") for d in docs),
        sents,
        tuple(fk.Fact("", tuple((d, tuple(f.get(d, []))) for d in docs), True) for f in facts),
    )


def best(ev: fk.FactEvent, shape: fc.Shape, lam: float) -> LinkCounts:
    gold = set(fk.gold_links(ev))
    groups = fc.best_partition(gold, shape, lam)
    return fc.partition_links(groups, gold)


def test_search_finds_the_obvious_partition() -> None:
    # Three facts of disjoint sentences, one sentence per report: the facts are the groups.
    ev = event([{"a": [0], "b": [0], "c": [0]}, {"a": [1], "b": [2]}, {"b": [1], "c": [3]}])
    for shape in fc.SHAPES:
        for lam in fc.LAMS:
            assert best(ev, shape, lam) == LinkCounts(predicted=5, gold=5, correct=5), (
                shape.label,
                lam,
            )


def test_each_shape_reaches_what_it_allows() -> None:
    ev = event(
        [
            # two adjacent sentences in a and in b: one-each 4 links, one run 5, runs all 8
            {"a": [0, 1], "b": [0, 1], "c": [0]},
            # a's two sentences are not adjacent: only "anywhere" shapes take both
            {"a": [3, 5], "c": [2]},
            # six sentences of a: 1 link, 3, 5 or all 6
            {"a": [10, 12, 14, 16, 18, 20], "b": [5]},
        ]
    )
    want = {"(a)": 6, "(b)": 7, "(c)": 10, "(d)": 13, "(e)": 15, "(f)": 16}
    for key, tp in want.items():
        for lam in fc.LAMS:
            assert best(ev, SHAPE[key], lam) == LinkCounts(predicted=tp, gold=16, correct=tp), (
                key,
                lam,
            )


def test_a_cheap_wrong_link_is_taken_only_when_lam_is_low() -> None:
    # a0-b0 and a0-c0 are gold, b0-c0 is not: one group pays 2 - lam, two groups 1.
    ev = event([{"a": [0], "b": [0]}, {"a": [0], "c": [0]}])
    assert best(ev, SHAPE["(f)"], 0.5) == LinkCounts(predicted=3, gold=2, correct=2)
    assert best(ev, SHAPE["(f)"], 4.0) == LinkCounts(predicted=1, gold=2, correct=1)


def test_shapes_are_respected_on_random_gold() -> None:
    rng = random.Random(7)
    facts = []
    for _ in range(25):
        facts.append({d: rng.sample(range(12), rng.randint(0, 4)) for d in "abc"})
    ev = event(facts)
    gold = set(fk.gold_links(ev))
    assert gold
    for shape in fc.SHAPES:
        for lam in fc.LAMS:
            groups = fc.best_partition(gold, shape, lam, restarts=2)
            assert all(shape.fits(g) for g in groups), shape.label
            members = [k for g in groups for k in g]
            assert len(members) == len(set(members))  # each sentence in one group
            links = fc.partition_links(groups, gold)
            assert links.correct - lam * (links.predicted - links.correct) > 0


def test_shape_fits() -> None:
    run, split = [("a", 1), ("a", 2), ("b", 0)], [("a", 1), ("a", 3), ("b", 0)]
    two_runs = [("a", 1), ("a", 2), ("b", 4), ("b", 5)]
    assert not SHAPE["(a)"].fits(run)
    assert SHAPE["(b)"].fits(run) and not SHAPE["(b)"].fits(split)
    assert not SHAPE["(b)"].fits(two_runs) and SHAPE["(c)"].fits(two_runs)
    assert not SHAPE["(c)"].fits([("a", i) for i in range(4)])
    assert SHAPE["(d)"].fits(split) and not SHAPE["(d)"].fits([("a", i) for i in range(4)])
    assert SHAPE["(e)"].fits([("a", i) for i in range(5)])
    assert not SHAPE["(e)"].fits([("a", i) for i in range(6)])
    assert SHAPE["(f)"].fits([("a", i) for i in range(0, 40, 3)])


def test_components_take_every_gold_link() -> None:
    ev = event([{"a": [0], "b": [0]}, {"b": [0], "c": [1]}, {"a": [2], "c": [2]}])
    gold = set(fk.gold_links(ev))
    groups = fc.components(gold)
    assert sorted(map(sorted, groups)) == [
        [("a", 0), ("b", 0), ("c", 1)],
        [("a", 2), ("c", 2)],
    ]
    assert fc.partition_links(groups, gold) == LinkCounts(predicted=4, gold=3, correct=3)


def test_threshold_counts() -> None:
    pairs = [
        fc.Pair(True, 0.5, 0.2, True),
        fc.Pair(False, 0.35, 0.4, True),
        fc.Pair(True, 0.1, 0.1, True),
        fc.Pair(True, 0.0, 0.0, False),
        fc.Pair(False, 0.02, 0.01, True),
    ]
    assert fc.threshold_links(pairs, 4, (0.3, 0.05)) == [
        LinkCounts(predicted=2, gold=4, correct=1),
        LinkCounts(predicted=3, gold=4, correct=2),
    ]
    assert fc.threshold_links(pairs, 4, (0.3, 0.05), rank=True) == [
        LinkCounts(predicted=1, gold=4, correct=0),
        LinkCounts(predicted=3, gold=4, correct=2),
    ]
    lines = fc.pairwise_table(pairs, 4, LinkCounts(predicted=1, gold=4, correct=1))
    assert "1 gold links have a sentence" in lines[-1]
    assert any(line.split()[0] == "grouped" for line in lines)


def test_disjoint_facts_keep_every_pair_consistent() -> None:
    ev = event([{"a": [0], "b": [0], "c": [0]}, {"a": [1], "b": [2]}, {"b": [1], "c": [3]}])
    for shape in fc.SHAPES:
        got = fc.consistency([ev], fc.partitions([ev], [shape]), shape, 1.0)
        assert (got.changed, got.union, got.worse, got.pairs) == (0, 5, 0, 3), shape.label


def test_a_third_report_changes_the_best_links_of_a_pair() -> None:
    # a0 states one fact with two sentences of c and another with b0. Together, b0 would
    # cost two wrong links to c for one right one, so it stays out; alone with a, it joins.
    ev = event([{"a": [0], "c": [0, 1]}, {"a": [0], "b": [0]}])
    got = fc.consistency([ev], fc.partitions([ev], [SHAPE["(f)"]]), SHAPE["(f)"], 1.0)
    assert (got.changed, got.union, got.worse, got.pairs) == (1, 3, 1, 3)
    assert got.rate == pytest.approx(1 / 3)


def test_a_search_from_a_start_keeps_what_pays_and_drops_the_partnerless() -> None:
    gold = set(fk.gold_links(event([{"a": [0], "b": [0]}, {"a": [1], "b": [1]}])))
    # ("c", 9) has no gold partner: dropped; the two right groups stay as they began.
    start = [{("a", 0), ("b", 0), ("c", 9)}, {("a", 1), ("b", 1)}]
    got = fc.best_partition(gold, SHAPE["(f)"], 1.0, 0, start)
    assert sorted(map(sorted, got)) == [[("a", 0), ("b", 0)], [("a", 1), ("b", 1)]]
    assert fc.objective(start, gold, 1.0) == 2.0 - 1.0 * 2  # the c9 links are wrong
    assert fc.objective(got, gold, 1.0) == 2.0


def test_event_pairs_score_every_cross_report_pair() -> None:
    texts = {
        "a": "The harbour bridge in Tolvik reopened after repairs costing nine million crowns.\n"
        "Fishermen protested against the new quota rules on Tuesday.",
        "b": "Repairs costing nine million crowns let the harbour bridge in Tolvik reopen.\n"
        "A violin festival drew large crowds to the old town square.",
        "c": "On Tuesday fishermen protested against the new quota rules.\n"
        "The weather service warned of snow in the mountains.",
    }
    ev = event([{"a": [0], "b": [0]}, {"a": [1], "c": [0]}], texts)
    pairs = fc.event_pairs(ev, *fk.linked_run(ev.named_texts()))
    assert len(pairs) == 3 * 4  # two sentences in each of three reports
    assert all(p.covered for p in pairs)
    gold = [p for p in pairs if p.gold]
    assert len(gold) == 2
    other = max(p.score for p in pairs if not p.gold)
    assert min(p.score for p in gold) > other
    assert all(p.rank > 0 for p in gold)


@pytest.mark.parametrize("main", [fc.main, fs.main], ids=["fact_ceiling", "fact_scorers"])
def test_skips_without_the_gold(
    main: Callable[[list[str]], int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--facts", str(tmp_path / "absent")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and "skipped" in out[0]


@pytest.mark.usefixtures("fact_gold")
def test_main_on_the_fact_gold(capsys: pytest.CaptureFixture[str]) -> None:
    assert fc.main(["--restarts", "1"]) == 0
    out = capsys.readouterr().out
    assert "1. Structural ceiling" in out and "2. Pairwise ceiling" in out
    assert "3. Consistency ceiling" in out
    assert all(s.label in out for s in fc.SHAPES)
    rows = [line.split() for line in out.splitlines()]
    grouped = [r for r in rows if r and r[0] == "grouped"]
    assert len(grouped) == 1 and all(0.0 <= float(x) <= 1.0 for x in grouped[0][1:4])
    thresholds = [r for r in rows if len(r) == 9 and r[0].replace(".", "").isdigit()]
    assert [float(r[0]) for r in thresholds] == list(fc.THRESHOLDS)
    # A lower threshold links a superset of the pairs: recall never falls.
    recall = [float(r[2]) for r in thresholds]
    assert recall == sorted(recall)
