"""Tests of the benchmark's metric code (benchmarks/evalkit.py) on hand-made cases."""

from __future__ import annotations

import math

import pytest

from benchmarks import evalkit as ek


def doc(doc_id: str, cluster: str, gold: list[tuple[int, int, set[str], bool]]) -> ek.EcbDoc:
    """Build a two-sentence ECB+ document "aaaa. bbbb." with the given gold sentences."""
    sents = tuple(ek.GoldSentence(s, e, frozenset(ev), a) for s, e, ev, a in gold)
    return ek.EcbDoc(doc_id, cluster, 1, "aaaa. bbbb.", sents)


def test_average_ranks_share_ties() -> None:
    """Check tied values get the average of the ranks they span."""
    assert ek.average_ranks([3, 1, 3, 2]) == [3.5, 1.0, 3.5, 2.0]
    assert ek.average_ranks([7, 7, 7]) == [2.0, 2.0, 2.0]


def test_spearman_known_values() -> None:
    """Check Spearman on monotone, reversed, tied and constant inputs."""
    assert ek.spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert ek.spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    # Ranks [1, 2.5, 2.5, 4] vs [1, 3, 2, 4]: r = 4.5 / sqrt(4.5 * 5).
    assert ek.spearman([1, 2, 2, 3], [1, 3, 2, 4]) == pytest.approx(4.5 / math.sqrt(22.5))
    assert math.isnan(ek.spearman([0, 0, 0], [1, 2, 3]))


def test_covering_needs_half_and_takes_the_first_of_a_tie() -> None:
    """Check the covering rule: at least half the characters, first sentence on a tie."""
    assert ek.covering([(0, 10), (10, 20)], 5, 15) == 0
    assert ek.covering([(0, 10), (10, 20)], 8, 20) == 1
    assert ek.covering([(0, 9), (9, 14), (14, 20)], 0, 20) is None
    assert ek.covering([], 0, 5) is None


def test_score_ecb_run_counts_links_over_annotated_pairs() -> None:
    """Check predicted, gold, correct and cross-event links on a three-document run."""
    docs = [
        doc("a", "1ecb", [(0, 5, {"e1"}, True), (6, 11, set(), False)]),
        doc("b", "1ecb", [(0, 5, {"e1"}, True), (6, 11, {"e2"}, True)]),
        doc("c", "1ecbplus", [(0, 5, {"e3"}, True), (6, 11, set(), True)]),
    ]
    spans = (((0, 5), (6, 11)),) * 3
    groups = (
        ek.PGroup("divergent", 0.5, ((0, (0,)), (1, (0,)), (2, (0,)))),
        ek.PGroup("shared", 0.9, ((1, (1,)), (2, (1,)))),
        ek.PGroup("unique", 1.0, ((0, (1,)),)),
    )
    c = ek.score_ecb_run(docs, ek.Alignment(spans, groups))
    # Predicted: a0-b0, a0-c0, b0-c0, b1-c1; gold: a0-b0 only (a1 is not annotated).
    assert (c.predicted, c.gold, c.correct) == (4, 1, 1)
    # Links: a-b, a-c, b-c in the first group, b-c in the second; three join the events.
    assert (c.links, c.cross_event) == (4, 3)
    assert (c.precision, c.recall, c.cross_event_rate) == (0.25, 1.0, 0.75)
    assert c.f1 == pytest.approx(0.4)


def test_score_ecb_run_judges_sentences_told_elsewhere() -> None:
    """Check a group's references are counted, judged where annotated, right on a shared event."""
    docs = [
        doc("a", "1ecb", [(0, 5, {"e1"}, True), (6, 11, {"e2"}, True)]),
        doc("b", "1ecb", [(0, 5, {"e1"}, True), (6, 11, set(), True)]),
        doc("c", "1ecb", [(0, 5, {"e9"}, True), (6, 11, set(), False)]),
    ]
    spans = (((0, 5), (6, 11)),) * 3
    groups = (
        # a0-b0 (event e1) names c0 (event e9): judged, wrong.
        ek.PGroup("shared", 1.0, ((0, (0,)), (1, (0,))), (), ((2, 0),)),
        ek.PGroup("shared", 1.0, ((0, (1,)), (2, (0,))), (), ((1, 0),)),  # e1: not e2, e9
        ek.PGroup("shared", 1.0, ((1, (1,)), (2, (1,))), (), ((0, 0),)),  # events: none
        ek.PGroup("unique", 0.0, ((0, ()),), (), ((1, 0),)),
    )
    c = ek.score_ecb_run(docs, ek.Alignment(spans, groups))
    # Judged: the first two (both sides annotated with events); the third group's members
    # have no event, the fourth has no member sentence.
    assert (c.elsewhere, c.elsewhere_judged, c.elsewhere_correct) == (4, 2, 0)
    right = ek.PGroup("shared", 1.0, ((0, (0,)), (2, (0,))), (), ((1, 0),))
    c = ek.score_ecb_run(docs, ek.Alignment(spans, (right,)))
    assert (c.elsewhere, c.elsewhere_judged, c.elsewhere_correct) == (1, 1, 1)
    total = ek.LinkCounts()
    total.add(c)
    total.add(c)
    assert (total.elsewhere, total.elsewhere_judged, total.elsewhere_correct) == (2, 2, 2)


def test_uncovered_gold_sentence_is_never_a_predicted_link() -> None:
    """Check a gold sentence split across predicted sentences links to nothing."""
    docs = [doc(x, "1ecb", [(0, 11, {"e1"}, True)]) for x in "ab"]
    spans = (((0, 3), (3, 7), (7, 11)), ((0, 11),))
    groups = (ek.PGroup("shared", 1.0, ((0, (0, 1, 2)), (1, (0,)))),)
    c = ek.score_ecb_run(docs, ek.Alignment(spans, groups))
    assert (c.predicted, c.gold, c.correct, c.links) == (0, 1, 0, 3)


def test_link_counts_add_micro_averages() -> None:
    """Check figures summed over runs are micro averages."""
    total = ek.LinkCounts()
    total.add(ek.LinkCounts(predicted=2, gold=4, correct=2, links=10, cross_event=1))
    total.add(ek.LinkCounts(predicted=8, gold=4, correct=2, links=10, cross_event=3))
    assert (total.precision, total.recall, total.cross_event_rate) == (0.4, 0.5, 0.2)
    assert ek.LinkCounts().f1 == 0.0


def test_gold_class_boundaries() -> None:
    """Check the STS class boundaries: same >= 4, overlap >= 2, different below."""
    assert [ek.gold_class(s) for s in (5, 4, 3.99, 2, 1.99, 0)] == [
        "same",
        "same",
        "overlap",
        "overlap",
        "different",
        "different",
    ]


def test_predict_sts_reads_the_group_holding_both() -> None:
    """Check the STS prediction from grouped, divergent and ungrouped pairs."""
    pair = ek.StsPair("x", "headlines", 3.0, "one two", "three")
    spans = (((0, 7),), ((0, 5),))
    shared = ek.Alignment(spans, (ek.PGroup("shared", 0.9, ((0, (0,)), (1, (0,))), ()),))
    divergent = ek.Alignment(
        spans, (ek.PGroup("divergent", 0.6, ((0, (0,)), (1, (0,))), (ek.PSignal("number"),)),)
    )
    apart = ek.Alignment(
        spans, (ek.PGroup("unique", 1.0, ((0, (0,)),)), ek.PGroup("unique", 1.0, ((1, (0,)),)))
    )
    assert ek.predict_sts(pair, shared) == ek.StsPrediction("same", 0.9)
    assert ek.predict_sts(pair, divergent) == ek.StsPrediction("overlap", 0.6, ("number",))
    assert ek.predict_sts(pair, apart) == ek.StsPrediction("different", 0.0)


def test_sts_figures_by_hand() -> None:
    """Check accuracy and macro-F1 on a four-pair confusion table."""
    result = ek.StsResult()
    for score, cls, sim in (
        (5, "same", 0.9),
        (3, "overlap", 0.6),
        (1, "overlap", 0.5),
        (4.5, "different", 0.0),
    ):
        result.add(ek.StsPair("x", "g", score, "a", "b"), ek.StsPrediction(cls, sim))
    f = result.figures()
    assert f["accuracy"] == 0.5
    # F1: same 2/3 (P 1, R 1/2), overlap 2/3 (P 1/2, R 1), different 0.
    assert f["macro_f1"] == pytest.approx(4 / 9)
    assert f["confusion"]["same"] == {"same": 1, "overlap": 0, "different": 1}  # type: ignore[index]


def test_signal_rates_per_bucket() -> None:
    """Check firing rates count each signal type once per pair, per score bucket."""
    result = ek.StsResult()
    result.add(ek.StsPair("a", "g", 5.0, "x", "y"), ek.StsPrediction("same", 0.9))
    result.add(
        ek.StsPair("b", "g", 3.0, "x", "y"), ek.StsPrediction("overlap", 0.6, ("number", "number"))
    )
    result.add(ek.StsPair("c", "g", 2.0, "x", "y"), ek.StsPrediction("different", 0.0))
    rates = ek.signal_rates(result)
    assert rates["score 5"] == {"pairs": 1, "grouped": 1, "any": 0.0, "rates": {}}
    assert rates["score 2-4"] == {"pairs": 2, "grouped": 1, "any": 0.5, "rates": {"number": 0.5}}


def test_data_matches_the_eval_readme() -> None:
    """Check the copied data and the loaders give the counts the eval README states."""
    topics = ek.load_ecb()
    docs = [d for ds in topics.values() for d in ds]
    assert (len(topics), len(docs)) == (33, 772)
    assert len({d.cluster for d in docs}) == 66
    annotated = [(d, g) for d in docs for g in d.gold if g.annotated]
    assert len(annotated) == 1232
    pairs = positive = 0
    for i, (da, ga) in enumerate(annotated):
        for db, gb in annotated[i + 1 :]:
            if da.cluster == db.cluster and da.id != db.id:
                pairs += 1
                positive += not ga.events.isdisjoint(gb.events)
    assert (pairs, positive) == (12712, 7802)
    for d in docs:
        assert all(0 <= g.start < g.end <= len(d.text) for g in d.gold)
        assert [f"{x.id}.txt" for x in topics[d.topic]] == sorted(
            f"{x.id}.txt" for x in topics[d.topic]
        )
    sts = ek.load_sts()
    assert len(sts) == 2383
    assert sum(p.genre == "deft-news" for p in sts) == 300
    assert len(ek.load_sts(every=ek.QUICK_STS_EVERY)) == 298


def test_ecb_runs_modes() -> None:
    """Check mixed runs hold both subtopics and cluster runs one."""
    topics = {1: ek.load_ecb()[1]}
    mixed = ek.ecb_runs(topics, "mixed")
    assert [name for name, _ in mixed] == ["1"]
    assert {d.cluster for d in mixed[0][1]} == {"1ecb", "1ecbplus"}
    clusters = ek.ecb_runs(topics, "cluster")
    assert [name for name, _ in clusters] == ["1ecb", "1ecbplus"]
    with pytest.raises(ValueError):
        ek.ecb_runs(topics, "other")
