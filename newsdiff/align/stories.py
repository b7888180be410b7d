"""Tell which reports tell the same story, so that similar events are not mixed.

Reports of two similar events compared together (two earthquakes, two celebrities in
rehab) share generic words but not names, acronyms and numbers; clustering the reports on
those keeps links between stories weak.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from newsdiff.align.units import Unit

# Fewest reports in which story clustering is attempted.
_MIN_STORY_DOCS = 3
# Above this many reports the story clustering runs on matrices (_stories_at_scale).
_STORY_PLAIN_DOCS = 64


def _weighted_bags(units: Sequence[Unit]) -> dict[int, dict[str, float]]:
    """Return each document's bag for `document_affinity` (documents with an empty one left out)."""
    bags: dict[int, dict[str, int]] = defaultdict(dict)
    for u in units:
        bag = bags[u.doc]
        for t in u.tokens:
            q = u.weights.get(t.norm, 0)
            if q and (t.is_name or t.is_number or t.is_acronym):
                bag[t.norm] = max(q, bag.get(t.norm, 0))
    docs = sorted(d for d, bag in bags.items() if bag)
    df: dict[str, int] = defaultdict(int)
    for d in docs:
        for n in bags[d]:
            df[n] += 1
    n_docs = len(docs)
    idf = {n: math.log((n_docs + 1) / c) for n, c in df.items()}
    return {d: {n: q * idf[n] for n, q in bags[d].items()} for d in docs}


def _stories_at_scale(units: Sequence[Unit], floor: float) -> dict[int, int]:
    """Return `_stories(document_affinity(units), ...)` for many documents, in numpy.

    The plain versions cost the cube of the documents (a few seconds at 200, hours at
    3,000). Here the affinities are a matrix filled token by token from an inverted
    index, and average linkage keeps each row's best link up to date instead of scanning
    every pair of clusters at every merge. Same definitions, same tie-breaking (the first
    best pair in document order); sums are added in another order, so a link that equals
    `floor` or another link to the last bit may go the other way.
    """
    import numpy as np

    weighted = _weighted_bags(units)
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
    return {docs[i]: docs[k] for i, k in enumerate(_average_linkage(affinity, floor))}


def _average_linkage(affinity: Any, floor: float) -> list[int]:
    """Cluster rows by average linkage until the best link falls below floor.

    Returns each row's cluster as its smallest row. The cluster-to-cluster sums live in a
    matrix; each row keeps its best link to a later row, recomputed only where a merge
    touched it, so a merge costs a few rows rather than every pair of clusters.
    """
    import numpy as np

    n = len(affinity)
    sums = affinity.astype(np.float64)
    size = np.ones(n)
    alive = np.ones(n, dtype=bool)
    later = np.triu(np.ones((n, n), dtype=bool), 1)
    link = np.where(later, sums, -np.inf)
    arg = link.argmax(axis=1)
    top = link[np.arange(n), arg]
    parent = list(range(n))

    def refresh(rows: Any) -> None:
        for r in np.atleast_1d(rows).tolist():
            arg[r] = int(link[r].argmax())
            top[r] = link[r, arg[r]]

    while n > 1:
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
        # Rows before x whose best was x or y, or that x now beats or ties, change.
        stale = np.flatnonzero((arg[:x] == x) | (arg[:x] == y) | (new[:x] >= top[:x]))
        refresh(stale[alive[stale]])
        refresh(np.flatnonzero(alive & (arg == y)))
        refresh(x)

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    return [root(i) for i in range(n)]


def document_affinity(units: Sequence[Unit]) -> dict[tuple[int, int], float]:
    """Return how strongly each pair of documents is about the same story, from 0 to 1.

    Stories differ in who, where and when, so documents are compared as bags of their
    names, acronyms and numbers, weighted by rarity and by how few documents use them.
    Each pair's similarity is divided by the best similarity either document has with any
    other, so 1 means "its closest report". Documents with no such words are left out.
    """
    weighted = _weighted_bags(units)
    docs = sorted(weighted)
    raw: dict[tuple[int, int], float] = {}
    for i, x in enumerate(docs):
        for y in docs[i + 1 :]:
            bx, by = weighted[x], weighted[y]
            shared = sum(min(w, by[n]) for n, w in bx.items() if n in by)
            total = sum(bx.values()) + sum(by.values())
            raw[(x, y)] = 2 * shared / total if total else 0.0
    best: dict[int, float] = defaultdict(float)
    for (x, y), v in raw.items():
        best[x] = max(best[x], v)
        best[y] = max(best[y], v)
    return {
        k: (v / math.sqrt(best[k[0]] * best[k[1]]) if best[k[0]] * best[k[1]] > 0 else 0.0)
        for k, v in raw.items()
    }


def _stories(
    affinity: dict[tuple[int, int], float], docs: set[int], floor: float
) -> dict[int, int]:
    """Split documents into stories by average-linkage clustering of their affinity.

    Average linkage (not single) so that one stray similar pair cannot chain two stories
    together; clusters stop merging when their mean affinity falls below `floor`.
    """
    clusters: dict[int, list[int]] = {d: [d] for d in sorted(docs)}

    def link(a: list[int], b: list[int]) -> float:
        return sum(affinity[(min(x, y), max(x, y))] for x in a for y in b) / (len(a) * len(b))

    while len(clusters) > 1:
        best, pair = -1.0, (0, 0)
        keys = sorted(clusters)
        for i, x in enumerate(keys):
            for y in keys[i + 1 :]:
                v = link(clusters[x], clusters[y])
                if v > best:
                    best, pair = v, (x, y)
        if best < floor:
            break
        x, y = pair
        clusters[x].extend(clusters.pop(y))
    return {d: k for k, members in clusters.items() for d in members}


def stories(units: Sequence[Unit], floor: float) -> dict[int, int]:
    """Return each clustered report's story id ({} when stories are not told apart).

    Telling stories apart needs at least three reports: two are each other's closest.
    A report with no names, acronyms or numbers is left out (it is in every story).
    """
    docs = {u.doc for u in units}
    if floor <= 0 or len(docs) < _MIN_STORY_DOCS:
        return {}
    if len(docs) > _STORY_PLAIN_DOCS:
        return _stories_at_scale(units, floor)
    affinity = document_affinity(units)
    return _stories(affinity, {d for pair in affinity for d in pair}, floor)
