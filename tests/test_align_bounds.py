"""Bounds of the aligner on adversarial shapes: candidates per sentence, judgments per join."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsdiff
from benchmarks import evalkit as ek
from benchmarks.limits import near_copies
from newsdiff.align import group as gr
from newsdiff.align import score as sc
from newsdiff.align import units as un
from newsdiff.api import _as_documents
from newsdiff.text.segment import segment
from tests.strategies import CI, check_comparison, grouping_key
from tests.strategies_near import near_copy_reports

PARAMS = sc.AlignParams(0.3, 0.8, 0.6, 0.25, 0.5, 0.3)


def _units(texts: Sequence[tuple[str, str]]) -> list[un.Unit]:
    """Return the units of the reports, segmented."""
    docs = [replace(d, sentences=segment(d.text)) for d in _as_documents(list(texts))]
    return un.build_units(docs)


@pytest.fixture(scope="module")
def ecb_units() -> list[un.Unit]:
    """Return the units of 24 ECB+ reports from four topics."""
    topics = ek.load_ecb()
    return _units([(d.id, d.text) for t in (1, 3, 8, 23) for d in topics[t][:6]])


def _plain_merge(
    units: Sequence[un.Unit],
    scores: dict[tuple[int, int], float],
    threshold: float,
    penalty: float,
    support: float,
) -> list[list[int]]:
    """Return the joins as the merge made them before it remembered refusals (reference)."""
    group_of = list(range(len(units)))
    groups: dict[int, list[int]] = {k: [k] for k in range(len(units))}
    ranked = sorted(
        ((s, a, b) for (a, b), s in scores.items() if s >= threshold),
        key=lambda t: (-t[0], abs(units[t[1]].sent - units[t[2]].sent), t[1], t[2]),
    )
    for _, a, b in ranked:
        ga, gb = group_of[a], group_of[b]
        if ga == gb:
            continue
        docs_a = {units[k].doc for k in groups[ga]}
        if any(units[k].doc in docs_a for k in groups[gb]):
            runs = gr._split_runs(units, groups[ga], groups[gb])
            if runs is None or runs > 1:
                continue
            if gr.group_similarity(units, [*groups[ga], *groups[gb]], penalty) < support:
                continue
        else:
            total = 0.0
            for x in groups[ga]:
                for y in groups[gb]:
                    total += scores.get((x, y) if x < y else (y, x), 0.0)
            if total / (len(groups[ga]) * len(groups[gb])) < support:
                continue
        keep, drop = min(ga, gb), max(ga, gb)
        for k in groups[drop]:
            group_of[k] = keep
        groups[keep].extend(groups.pop(drop))
    return [sorted(g) for _, g in sorted(groups.items())]


def _merge(units: Sequence[un.Unit], scores: dict[tuple[int, int], float]) -> list[list[int]]:
    """Run the aligner's merge with the default thresholds, ranks equal to the scores."""
    return gr._merge_best_first(units, scores, 0.3, 0.8, 0.3, scores)


@pytest.mark.parametrize("shape", ["ecb", "near", "many"])
def test_merge_makes_the_same_joins_as_the_plain_loop(shape: str, ecb_units: list[un.Unit]) -> None:
    """Check remembering refused joins changes no join (real news and near-copies)."""
    units = {
        "ecb": ecb_units,
        "near": _units(near_copies(2, 60)),
        "many": _units(near_copies(12, 6)),
    }[shape]
    scores = sc.score_pairs(units, PARAMS)
    assert _merge(units, scores) == _plain_merge(units, scores, 0.3, 0.8, 0.3)


def test_merge_judges_each_pair_of_groups_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Check many reports of similar sentences: judgments grow with groups, not links.

    40 reports of 5 sentences have about 19,000 links between sentences of different
    places; they join 5 groups, so after those form only 10 pairs of groups are left to
    judge (the loop used to check every link against its two groups again).
    """
    units = _units(near_copies(40, 5))
    scores = sc.score_pairs(units, PARAMS)
    calls = 0
    split_runs = gr._split_runs

    def counting(*args: object) -> int | None:
        nonlocal calls
        calls += 1
        return split_runs(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(gr, "_split_runs", counting)
    groups = _merge(units, scores)
    assert len(groups) == 5 and all(len(g) == 40 for g in groups)
    assert len(scores) > 15_000
    assert calls <= 4 * len(units)


def test_candidates_per_sentence_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Check past the pair budget each sentence keeps its best few partners, in order.

    Two reports of 150 sentences that differ only in a number: every sentence resembles
    every other equally; the ties go to the nearest position, so copies still pair up.
    """
    monkeypatch.setattr(sc, "_INDEX_PAIRS", 1_000)
    monkeypatch.setattr(sc, "_MAX_PAIRS", 1_000)
    monkeypatch.setattr(sc, "_MIN_BEST", 4)
    units = _units(near_copies(2, 150))
    scores = sc.score_pairs(units, PARAMS)
    assert len(scores) <= len(units) * 4
    assert len(scores) >= 150
    groups = _merge(units, scores)
    pairs = [g for g in groups if len(g) == 2]
    assert len(pairs) == 150
    assert all(units[a].sent == units[b].sent for a, b in pairs)


def test_best_pairs_without_a_cap_are_the_similar_pairs(
    ecb_units: list[un.Unit], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Check `_best_pairs` keeping every partner finds exactly `_similar_pairs`' pairs."""
    codes = sc._encode(ecb_units)
    cut = 0.1537
    expected = sc._similar_pairs(ecb_units, codes, cut)
    monkeypatch.setattr(sc, "_MIN_BEST", len(ecb_units))
    monkeypatch.setattr(sc, "_BLOCK_CELLS", 5 * len(ecb_units))  # several blocks
    assert sc._best_pairs(ecb_units, codes, cut) == expected
    assert len(expected) > 100


def test_best_pairs_keep_at_most_the_best_of_each_unit(
    ecb_units: list[un.Unit], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Check each pair kept is among the best few of one of its units, and those are kept."""
    monkeypatch.setattr(sc, "_MIN_BEST", 3)
    codes = sc._encode(ecb_units)
    got = sc._best_pairs(ecb_units, codes, 0.15)
    every = sc._similar_pairs(ecb_units, codes, 0.15)
    assert set(got) <= set(every)
    partners: dict[int, list[int]] = defaultdict(list)
    for a, b in got:
        partners[a].append(b)
        partners[b].append(a)
    assert len(got) <= 3 * len(ecb_units)
    assert max(len(p) for p in partners.values()) > 3  # a popular unit, chosen by others


@pytest.mark.parametrize("seed", range(3))
def test_group_similarity_of_many_reports_is_the_same_float(
    seed: int, ecb_units: list[un.Unit], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Check the rapidfuzz path of `group_similarity` gives the plain path's exact float."""
    rng = random.Random(seed)
    by_doc: dict[int, list[int]] = defaultdict(list)
    for k, u in enumerate(ecb_units):
        by_doc[u.doc].append(k)
    members = [k for ks in by_doc.values() for k in rng.sample(ks, min(len(ks), 2))]
    plain = gr.group_similarity(ecb_units, members, 0.8)
    monkeypatch.setattr(gr, "_PLAIN_DOCS", 1)
    monkeypatch.setattr(gr, "_BLOCK_CELLS", 50)
    assert gr.group_similarity(ecb_units, members, 0.8) == plain
    assert 0 < plain < 1


@pytest.mark.parametrize("seed", range(3))
def test_link_sum_from_partners_is_the_loops_float(seed: int, ecb_units: list[un.Unit]) -> None:
    """Check summing two big groups' links from the partners gives the pair loop's float."""
    scores = sc.score_pairs(ecb_units, PARAMS)
    adjacent: list[list[int]] = [[] for _ in ecb_units]
    for a, b in scores:
        adjacent[a].append(b)
        adjacent[b].append(a)
    order = list(range(len(ecb_units)))
    random.Random(seed).shuffle(order)
    ga, gb = order[:150], order[150:400]
    group_of = [0 if k in ga else 1 if k in gb else 2 for k in range(len(ecb_units))]
    position = [0] * len(ecb_units)
    for g in (ga, gb):
        for i, k in enumerate(g):
            position[k] = i
    assert len(ga) * len(gb) > sum(len(adjacent[k]) for k in ga)  # the partners' path
    expected = 0.0
    for x in ga:
        for y in gb:
            expected += scores.get((x, y) if x < y else (y, x), 0.0)
    assert expected > 0
    for first, second in ((ga, gb), (gb, ga)):
        got = gr._link_sum(first, second, scores, adjacent, group_of, position)
        if first is ga:
            assert got == expected
        else:
            loop = 0.0
            for x in gb:
                for y in ga:
                    loop += scores.get((x, y) if x < y else (y, x), 0.0)
            assert got == loop


@settings(CI, max_examples=40)
@given(near_copy_reports(), st.randoms(use_true_random=False))
def test_bounded_paths_keep_the_contract_on_near_copies(
    texts: list[str], rnd: random.Random
) -> None:
    """Check near-copies through the capped candidates and rapidfuzz group similarity.

    Every content sentence in exactly one group, exact offsets, and the same grouping in
    any order of the reports, with the budgets set so low that every path is the bounded one.
    """
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(sc, "_INDEX_PAIRS", 0)
        mp.setattr(sc, "_MAX_PAIRS", 0)
        mp.setattr(sc, "_MIN_BEST", 2)
        mp.setattr(gr, "_PLAIN_DOCS", 1)
        comparison = newsdiff.compare([(f"r{i}", t) for i, t in enumerate(texts)])
        check_comparison(texts, comparison)
        shuffled = list(texts)
        rnd.shuffle(shuffled)
        other = newsdiff.compare([(f"r{i}", t) for i, t in enumerate(shuffled)])
    assert grouping_key(other) == grouping_key(comparison)


def test_best_pairs_equal_a_whole_row_sort(
    ecb_units: list[un.Unit], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Check sorting only the cells above the cut-off keeps what sorting whole rows keeps."""
    import numpy as np
    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    monkeypatch.setattr(sc, "_MIN_BEST", 3)
    monkeypatch.setattr(sc, "_MAX_PAIRS", 0)  # each unit keeps its 3 best partners
    monkeypatch.setattr(sc, "_BLOCK_CELLS", 7 * len(ecb_units))  # several blocks
    codes = sc._encode(ecb_units)
    n = len(ecb_units)
    doc = np.array([u.doc for u in ecb_units])
    sent = np.array([u.sent for u in ecb_units])
    sim = process.cdist(
        codes, codes, scorer=Indel.normalized_similarity, score_cutoff=0.15, dtype=np.float32
    )
    sim[doc[:, None] == doc[None, :]] = 0
    sim[:, [not c for c in codes]] = 0
    far = np.abs(sent[:, None] - sent[None, :])
    col = np.broadcast_to(np.arange(n), sim.shape)
    order = np.lexsort((col, far, -sim), axis=1)[:, :3]
    r, c = np.nonzero(np.take_along_axis(sim, order, axis=1) > 0)
    a, b = r, order[r, c]
    pairs = zip(np.minimum(a, b).tolist(), np.maximum(a, b).tolist(), strict=True)
    expected = sorted(set(pairs))
    assert sc._best_pairs(ecb_units, codes, 0.15) == expected
