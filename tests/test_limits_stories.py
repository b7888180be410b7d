"""The story clustering at scale: one reports x reports matrix, the same stories as before."""

from __future__ import annotations

import random
import tracemalloc
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import pytest

from benchmarks import evalkit as ek
from benchmarks.limits import near_copies
from newsdiff.align import stories as st
from newsdiff.align import units as un
from newsdiff.api import _as_documents
from newsdiff.text.segment import segment


def _units(texts: Sequence[tuple[str, str]]) -> list[un.Unit]:
    """Return the units of the reports, segmented."""
    docs = [replace(d, sentences=segment(d.text)) for d in _as_documents(list(texts))]
    return un.build_units(docs)


def _full_matrix_stories(units: Sequence[un.Unit], floor: float) -> dict[int, int]:
    """Return the stories as the matrix clustering did before (whole temporary matrices)."""
    import numpy as np

    weighted = st._weighted_bags(units)
    docs = sorted(weighted)
    n = len(docs)
    if n < 2:
        return {}
    postings: dict[str, tuple[list[int], list[float]]] = {}
    for i, d in enumerate(docs):
        for token, w in weighted[d].items():
            at, ws = postings.setdefault(token, ([], []))
            at.append(i)
            ws.append(w)
    shared = np.zeros((n, n))
    for at, ws in postings.values():
        if len(at) > 1:
            idx = np.array(at)
            vals = np.array(ws)
            shared[np.ix_(idx, idx)] += np.minimum.outer(vals, vals)
    totals = np.array([sum(weighted[d].values()) for d in docs])
    pair_total = totals[:, None] + totals[None, :]
    raw = np.divide(2 * shared, pair_total, out=np.zeros_like(shared), where=pair_total > 0)
    np.fill_diagonal(raw, 0.0)
    best = raw.max(axis=1)
    norm = np.sqrt(np.outer(best, best))
    affinity = np.divide(raw, norm, out=np.zeros_like(raw), where=norm > 0)
    return {docs[i]: docs[k] for i, k in enumerate(_linkage_with_link_matrix(affinity, floor))}


def _linkage_with_link_matrix(affinity: Any, floor: float) -> list[int]:
    """Cluster as `_average_linkage` did before: with a second matrix of the links."""
    import numpy as np

    n = len(affinity)
    sums = affinity.astype(np.float64)
    size = np.ones(n)
    alive = np.ones(n, dtype=bool)
    link = np.where(np.triu(np.ones((n, n), dtype=bool), 1), sums, -np.inf)
    arg = link.argmax(axis=1)
    top = link[np.arange(n), arg]
    parent = list(range(n))

    def refresh(rows: Any) -> None:
        for r in np.atleast_1d(rows).tolist():
            arg[r] = int(link[r].argmax())
            top[r] = link[r, arg[r]]

    while True:
        x = int(top.argmax())
        if not top[x] >= floor:
            break
        y = int(arg[x])
        parent[y] = x
        alive[y] = False
        sums[x] += sums[y]
        sums[:, x] += sums[:, y]
        size[x] += size[y]
        new = np.where(alive, sums[x] / (size[x] * size), -np.inf)
        link[y, :] = -np.inf
        link[:, y] = -np.inf
        top[y] = -np.inf
        link[x, x + 1 :] = new[x + 1 :]
        link[:x, x] = new[:x]
        stale = np.flatnonzero((arg[:x] == x) | (arg[:x] == y) | (new[:x] >= top[:x]))
        refresh(stale[alive[stale]])
        refresh(np.flatnonzero(alive & (arg == y)))
        refresh(x)

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    return [root(i) for i in range(n)]


@pytest.fixture(scope="module")
def ecb_units() -> list[un.Unit]:
    """Return the units of 48 ECB+ reports from eight topics (two stories each)."""
    topics = ek.load_ecb()
    return _units([(d.id, d.text) for t in (1, 3, 8, 23, 5, 12, 18, 30) for d in topics[t][:6]])


@pytest.mark.parametrize("block", [1, 7, 256])
@pytest.mark.parametrize("floor", [0.1, 0.25, 0.5])
def test_blocked_clustering_gives_the_full_matrix_stories(
    ecb_units: list[un.Unit], floor: float, block: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Check the in-place, blocked clustering merges exactly as the full matrices did."""
    monkeypatch.setattr(st, "_BLOCK_ROWS", block)
    expected = _full_matrix_stories(ecb_units, floor)
    assert st._stories_at_scale(ecb_units, floor) == expected
    assert 1 < len(set(expected.values())) < len(expected) or floor == 0.5


@pytest.mark.parametrize("seed", range(6))
def test_linkage_without_a_link_matrix_merges_as_with_one(seed: int) -> None:
    """Check links computed from the sums on demand pick the same pairs, ties included."""
    import numpy as np

    rng = random.Random(seed)
    n = rng.randint(2, 120)
    block = [rng.randrange(5) for _ in range(n)]
    # Values on a coarse grid, so that equal links (ties) are frequent.
    matrix = np.zeros((n, n))
    for x in range(n):
        for y in range(x + 1, n):
            v = rng.randrange(11) / 10 * (1.0 if block[x] == block[y] else 0.4)
            matrix[x, y] = matrix[y, x] = v
    expected = _linkage_with_link_matrix(matrix.copy(), 0.3)
    assert st._average_linkage(matrix, 0.3) == expected


def test_near_copy_reports_cluster_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    """Check 300 one-sentence near-copies (every report alike) give the same stories."""
    monkeypatch.setattr(st, "_BLOCK_ROWS", 16)
    units = _units(near_copies(300, 1))
    assert st._stories_at_scale(units, 0.3) == _full_matrix_stories(units, 0.3)


@pytest.mark.parametrize("how", ["now", "before"])
def test_clustering_holds_one_reports_squared_matrix(
    how: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Check the peak memory of clustering N reports is about one N x N matrix of floats."""
    # Blocks of rows in proportion to N as at 5,000 reports (256 rows: 5 % of the matrix).
    monkeypatch.setattr(st, "_BLOCK_ROWS", 24)
    import numpy  # noqa: F401  (imported before measuring: its import allocates too)

    units = _units(near_copies(1200, 1))
    n = len({u.doc for u in units})
    matrix = n * n * 8
    tracemalloc.start()
    try:
        if how == "now":
            st._stories_at_scale(units, 0.3)
        else:
            _full_matrix_stories(units, 0.3)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # Before: about seven such matrices at once (shared, totals, raw, norm, affinity,
    # sums, links); now one, plus blocks of rows and the units' own bags.
    message = f"peak {peak / 2**20:.0f} MB for a {matrix / 2**20:.0f} MB matrix"
    if how == "now":
        assert peak < 1.5 * matrix, message
    else:  # the measure tells the two apart
        assert peak > 3 * matrix, message
