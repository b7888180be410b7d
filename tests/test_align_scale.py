"""Tests of the aligner's large-input paths against the plain ones they stand in for."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

import newsdiff
from newsdiff.align import score as sc
from newsdiff.align import stories as st
from newsdiff.align import units as un


@pytest.fixture(scope="module")
def units(ecb_four_topic_units: list[un.Unit]) -> list[un.Unit]:
    """Return the units of 24 ECB+ reports from four topics (two stories each)."""
    return ecb_four_topic_units


def test_similar_pairs_are_the_token_sharing_pairs_above_the_cut_off(
    units: list[un.Unit],
) -> None:
    """Check the block matrix finds exactly the inverted index's pairs with Dice >= cut."""
    cut = 0.1537  # not a ratio of small integers: no pair sits on it
    codes = sc._encode(units)
    every = sc._candidate_pairs(units, codes, cut)
    overlaps = sc.overlaps(codes, every)
    expected = [p for p, o in zip(every, overlaps, strict=True) if sc._dice(codes, o, *p) >= cut]
    got = sc._similar_pairs(units, codes, cut)
    assert got == expected
    assert len(expected) > 100


def test_similar_pairs_pair_copies_of_one_sentence(units: list[un.Unit]) -> None:
    """Check identical sentences in different reports pair with each other, once."""
    codes = sc._encode(units)
    twice = [*units, *(replace(u, doc=u.doc + 100) for u in units[:5])]
    got = sc._similar_pairs(twice, [*codes, *codes[:5]], 0.5)
    for k in range(5):
        if codes[k]:
            assert (k, len(units) + k) in got
    assert len(got) == len(set(got))
    assert all(a < b and twice[a].doc != twice[b].doc for a, b in got)


def test_pairwise_overlaps_match_the_scalar_ones(
    units: list[un.Unit], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Check the vectorised overlaps (cpdist) equal rapidfuzz's scalar Indel ones."""
    codes = sc._encode(units)
    pairs = sc._candidate_pairs(units, codes, 0.0)[:3000]
    scalar = sc.overlaps(codes, pairs)
    monkeypatch.setattr(sc, "SCALAR_PAIRS", 0)
    assert sc.overlaps(codes, pairs) == scalar


@pytest.mark.parametrize("floor", [0.1, 0.25, 0.5])
def test_stories_at_scale_match_the_plain_clustering(units: list[un.Unit], floor: float) -> None:
    """Check the matrix story clustering gives the plain one's stories on real reports."""
    affinity = st.document_affinity(units)
    plain = st._stories(affinity, {d for pair in affinity for d in pair}, floor)
    assert st._stories_at_scale(units, floor) == plain
    assert 1 < len(set(plain.values())) < len(plain) or floor == 0.5


@pytest.mark.parametrize("seed", range(5))
def test_average_linkage_matches_the_plain_loop_on_random_affinities(seed: int) -> None:
    """Check average linkage on a matrix merges as `_stories` does on the same numbers."""
    import numpy as np

    rng = random.Random(seed)
    n = rng.randint(2, 30)
    # Blocks of related documents and noise, so that some clusters form and some do not.
    block = [rng.randrange(4) for _ in range(n)]
    matrix = np.zeros((n, n))
    affinity: dict[tuple[int, int], float] = {}
    for x in range(n):
        for y in range(x + 1, n):
            v = rng.random() * (1.0 if block[x] == block[y] else 0.4)
            matrix[x, y] = matrix[y, x] = v
            affinity[(x, y)] = v
    labels = st._average_linkage(matrix, 0.3)
    assert dict(enumerate(labels)) == st._stories(affinity, set(range(n)), 0.3)


def test_compare_on_the_large_paths_keeps_the_contract(
    seed_texts: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Check a comparison forced onto the large-input paths still holds every sentence once."""
    monkeypatch.setattr(sc, "_INDEX_PAIRS", -1)
    monkeypatch.setattr(st, "_STORY_PLAIN_DOCS", 0)
    a, b = seed_texts
    cmp = newsdiff.compare([("a", a), ("b", b), ("c", a[: len(a) // 2])])
    seen = [(m.doc, s) for g in cmp.groups for m in g.members for s in m.sentences]
    assert len(seen) == len(set(seen))
    content = {(d, s.index) for d, doc in enumerate(cmp.documents) for s in doc.content_sentences()}
    assert set(seen) == content
    assert any(g.coverage == 3 for g in cmp.groups)
