"""Tests of the baseline aligners (benchmarks/baselines.py)."""

from __future__ import annotations

import numpy as np
import pytest

from benchmarks import baselines as bl


def test_join_best_first_keeps_one_sentence_per_document() -> None:
    """Check the join takes the best pair first and never puts a document twice in a group."""
    sim = np.zeros((4, 4))
    for (i, j), s in {(0, 2): 0.9, (1, 2): 0.8, (2, 3): 0.6, (0, 3): 0.1, (1, 3): 0.7}.items():
        sim[i, j] = sim[j, i] = s
    assert bl.join_best_first([0, 0, 1, 2], sim, 0.5) == [[0, 2], [1, 3]]


def test_join_best_first_needs_the_group_average() -> None:
    """Check a merge is refused when the merged group's average falls below the threshold."""
    sim = np.array([[1.0, 0.9, 0.1], [0.9, 1.0, 0.6], [0.1, 0.6, 1.0]])
    # Merged average (0.9 + 0.1 + 0.6) / 3 = 0.533.
    assert bl.join_best_first([0, 1, 2], sim, 0.5) == [[0, 1, 2]]
    assert bl.join_best_first([0, 1, 2], sim, 0.55) == [[0, 1], [2]]


def test_similarities() -> None:
    """Check tf-idf cosine and rapidfuzz on stems on clear cases."""
    tf = bl.tfidf_matrix(["Quake hits Chile.", "quake hits chile", "Stocks fall"])
    assert tf[0, 1] == pytest.approx(1.0)
    assert tf[0, 2] == pytest.approx(0.0)
    rf = bl.rapidfuzz_matrix(["The cats run", "running the cat", "Stocks fall"])
    assert rf[0, 1] == pytest.approx(1.0)
    assert rf[0, 2] < 0.5


def test_baseline_aligns_and_classifies() -> None:
    """Check a baseline's groups, kinds and spans on two small reports."""
    seg = bl.segmenter("punkt")
    a = "A quake hit Chile on Monday. Stocks fell in Tokyo."
    b = "Markets were calm. A quake hit Chile on Monday."
    tfidf, everything = bl.baselines(seg)[1], bl.baselines(seg)[0]
    al = tfidf([("a", a), ("b", b)])
    assert al.spans == (((0, 28), (29, 50)), ((0, 18), (19, 47)))
    linked = [g for g in al.groups if len(g.members) == 2]
    assert [(g.kind, g.members) for g in linked] == [("shared", ((0, (0,)), (1, (1,))))]
    assert sum(g.kind == "unique" for g in al.groups) == 2
    one = everything([("a", a), ("b", b)])
    assert [g.members for g in one.groups] == [((0, (0, 1)), (1, (0, 1)))]


def test_segmenter_names() -> None:
    """Check segmenter selection."""
    assert bl.segmenter("punkt") is bl.punkt_spans
    assert bl.segmenter("newsdiff") is bl.newsdiff_spans
    with pytest.raises(ValueError):
        bl.segmenter("other")
