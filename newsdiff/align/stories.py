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
            # A speaker's name in a reporting frame ("Smith said") is shared by reports
            # of every story that quote the same person: weakened (Unit.content_weights).
            q = u.content_weights.get(t.norm, 0)
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


# Rows handled at once where a step of the story clustering needs a temporary matrix:
# temporaries stay at a few MB, and the only report x report matrix is the affinities.
_BLOCK_ROWS = 256


def _stories_at_scale(units: Sequence[Unit], floor: float) -> dict[int, int]:
    """Return `_stories(document_affinity(units), ...)` for many documents, in numpy.

    The plain versions cost the cube of the documents (a few seconds at 200, hours at
    3,000). Here the affinities are a matrix filled token by token from an inverted
    index, and average linkage keeps each row's best link up to date instead of scanning
    every pair of clusters at every merge. Same definitions, same tie-breaking (the first
    best pair in document order); sums are added in another order, so a link that equals
    `floor` or another link to the last bit may go the other way.

    Memory: one documents x documents matrix of float64 (200 MB at 5,000 one-sentence
    reports, the most the default sentence limit lets in), computed and clustered in
    place; every other temporary is a block of _BLOCK_ROWS rows.
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
            # By blocks of rows: a name in all 5,000 reports is a 200 MB outer product.
            # Each cell still gets the same additions in the same order.
            for b in range(0, len(idx), _BLOCK_ROWS):
                rows = idx[b : b + _BLOCK_ROWS]
                shared[np.ix_(rows, idx)] += np.minimum.outer(vals[b : b + _BLOCK_ROWS], vals)
    totals = np.array([sum(weighted[d].values()) for d in docs])
    # raw = 2 shared / (total x + total y), then affinity = raw / sqrt(best x * best y),
    # both in place, block by block (the same operations on each cell as whole matrices).
    affinity = shared
    affinity *= 2
    for b in range(0, n, _BLOCK_ROWS):
        block = affinity[b : b + _BLOCK_ROWS]
        pair_total = totals[b : b + _BLOCK_ROWS, None] + totals[None, :]
        np.divide(block, pair_total, out=block, where=pair_total > 0)
        block[pair_total <= 0] = 0.0
    np.fill_diagonal(affinity, 0.0)
    best = affinity.max(axis=1)
    for b in range(0, n, _BLOCK_ROWS):
        block = affinity[b : b + _BLOCK_ROWS]
        norm = np.sqrt(np.outer(best[b : b + _BLOCK_ROWS], best))
        np.divide(block, norm, out=block, where=norm > 0)
        block[norm <= 0] = 0.0
    return {docs[i]: docs[k] for i, k in enumerate(_average_linkage(affinity, floor))}


def _average_linkage(affinity: Any, floor: float) -> list[int]:
    """Cluster rows by average linkage until the best link falls below floor.

    Returns each row's cluster as its smallest row. The cluster-to-cluster sums live in
    the matrix itself (it is overwritten); the link of two clusters is their sum divided
    by the product of their sizes, computed where needed rather than kept in a second
    matrix. Each row keeps its best link to a later row, recomputed only where a merge
    touched it, so a merge costs a few rows rather than every pair of clusters.
    """
    import numpy as np

    n = len(affinity)
    sums = affinity if affinity.dtype == np.float64 else affinity.astype(np.float64)
    size = np.ones(n)
    alive = np.ones(n, dtype=bool)
    arg = np.zeros(n, dtype=np.intp)
    top = np.full(n, -np.inf)
    parent = list(range(n))

    def refresh(rows: Any) -> None:
        # The best link of row r to a later living cluster (first of equal ones), as the
        # average of the pairs between them; -inf when there is none.
        for r in np.atleast_1d(rows).tolist():
            row = np.where(alive[r + 1 :], sums[r, r + 1 :] / (size[r] * size[r + 1 :]), -np.inf)
            if row.size:
                k = int(row.argmax())
                arg[r], top[r] = r + 1 + k, row[k]
            else:
                arg[r], top[r] = 0, -np.inf

    # Initially every cluster is one row of size 1: its links are the affinities.
    for r in range(n - 1):
        k = int(sums[r, r + 1 :].argmax())
        arg[r], top[r] = r + 1 + k, sums[r, r + 1 + k]

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
        top[y] = -np.inf
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
