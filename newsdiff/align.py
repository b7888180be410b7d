"""Score sentence pairs across documents and group them into N-way aligned facts.

Each sentence becomes a weighted bag of normalised tokens. To let rapidfuzz do the work,
a bag is encoded as a string: every distinct token is one code point, repeated as often
as its (integer) weight, and the code points are sorted. For two sorted strings the
longest common subsequence is exactly the weighted overlap of the bags, so rapidfuzz's
Indel distance (vectorised by `process.cdist`) yields a weighted Dice coefficient.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsdiff.model import Document
from newsdiff.normalize import (
    Token,
    apply_acronyms,
    background_weight,
    learn_acronyms,
    tokenize,
)

# Below this many candidate pairs scalar loops beat numpy (imported with nltk anyway).
_SCALAR_PAIRS = 2_000
# Above this many unit pairs sharing a token, candidates are the pairs that are similar
# enough (_similar_pairs) rather than all pairs sharing a token.
_INDEX_PAIRS = 1_000_000
# In that case, the share of the link threshold a pair's plain Dice must reach to be
# scored: pairs below it count 0 in a group's average support (penalties only lower a
# score, so every pair that can link is kept).
_SIMILAR_SHARE = 0.5
# Rows of the similarity matrix computed at once by _similar_pairs (bounds its memory).
_BLOCK_ROWS = 256
# First code point of the token alphabet: above the BMP, so no surrogates are hit.
_ALPHABET = 0x10000
# At most this many adjacent sentences of one report in a group.
_MAX_RUN = 3
# Fewest reports in which story clustering is attempted.
_MIN_STORY_DOCS = 3
# Above this many reports the story clustering runs on matrices (_stories_at_scale).
_STORY_PLAIN_DOCS = 64


@dataclass(frozen=True)
class Unit:
    """A content sentence prepared for scoring."""

    doc: int
    sent: int
    script: str
    tokens: tuple[Token, ...]
    weights: dict[str, int]


@dataclass(frozen=True)
class AlignParams:
    """Thresholds of the aligner (see Options for their meaning)."""

    link_threshold: float
    conflict_penalty: float
    split_containment: float
    affinity_floor: float = 0.0
    cross_story_penalty: float = 0.5
    group_support: float = 0.3


@dataclass(frozen=True)
class RawGroup:
    """An aligned group before classification: members and pairwise similarity."""

    members: tuple[tuple[int, tuple[int, ...]], ...]
    similarity: float


def build_units(documents: Sequence[Document]) -> list[Unit]:
    """Tokenise every content sentence of every document into a weighted bag."""
    acronyms = learn_acronyms(d.text for d in documents)
    prepared: list[tuple[int, int, str, list[Token], str]] = []
    for d, doc in enumerate(documents):
        for s in doc.content_sentences():
            toks = apply_acronyms(tokenize(s.text, s.start, s.script), acronyms)
            prepared.append((d, s.index, s.script, toks, s.text))
    units = []
    for d, i, script, toks, text in prepared:
        weights: dict[str, int] = {}
        for t in toks:
            w = background_weight(t)
            if w <= 0:
                continue
            q = max(1, round(w))
            if q > weights.get(t.norm, 0):
                weights[t.norm] = q
        if not weights:
            # A sentence without content words (":", "😀", "It was.") links to nothing, so a
            # report compared with itself had unique groups. Key it on its folded text: exact
            # copies align, nothing else does (no real token starts with NUL).
            weights["\x00" + " ".join(text.casefold().split())] = 1
        units.append(Unit(d, i, script, tuple(toks), weights))
    return units


def _encode(units: Sequence[Unit]) -> list[str]:
    """Encode each unit's bag as a sorted string of repeated token code points."""
    vocab: dict[str, int] = {}
    for u in units:
        for norm in sorted(u.weights):
            vocab.setdefault(norm, len(vocab))
    out = []
    for u in units:
        ids = sorted((vocab[n], q) for n, q in u.weights.items())
        out.append("".join(chr(_ALPHABET + i) * q for i, q in ids))
    return out


def _candidate_pairs(
    units: Sequence[Unit], codes: Sequence[str], min_dice: float
) -> list[tuple[int, int]]:
    """Return index pairs of units in different documents, same script, sharing a token.

    Every such pair while there are few (the pairs' count grows with the square of the
    reports sharing a word); above `_INDEX_PAIRS`, only the pairs whose weighted Dice
    reaches `min_dice` (see `_similar_pairs`).
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for k, u in enumerate(units):
        for norm in u.weights:
            postings[norm].append(k)
    estimate = sum(len(ks) * (len(ks) - 1) // 2 for ks in postings.values())
    if estimate > _INDEX_PAIRS:
        return _similar_pairs(units, codes, min_dice)
    if estimate >= _SCALAR_PAIRS:
        return _index_pairs(units, list(postings.values()))
    pairs: set[tuple[int, int]] = set()
    for ks in postings.values():
        for x in range(len(ks)):
            for y in range(x + 1, len(ks)):
                a, b = ks[x], ks[y]
                if units[a].doc != units[b].doc and units[a].script == units[b].script:
                    pairs.add((a, b))
    return sorted(pairs)


def _index_pairs(units: Sequence[Unit], postings: list[list[int]]) -> list[tuple[int, int]]:
    """Return `_candidate_pairs`' pairs from the posting lists, in numpy (same pairs, order)."""
    import numpy as np

    flat = np.fromiter((k for ks in postings for k in ks), dtype=np.int64)
    size = np.array([len(ks) for ks in postings], dtype=np.int64)
    # Each entry pairs with the entries after it in its posting list.
    after = np.repeat(np.cumsum(size), size) - np.arange(len(flat)) - 1
    first = np.repeat(np.arange(len(flat)), after)
    second = first + 1 + np.arange(len(first)) - np.repeat(np.cumsum(after) - after, after)
    a, b = flat[first], flat[second]
    doc = np.array([u.doc for u in units])
    script_of: dict[str, int] = {}
    script = np.array([script_of.setdefault(u.script, len(script_of)) for u in units])
    ok = (doc[a] != doc[b]) & (script[a] == script[b])
    keys = np.unique(a[ok] * len(units) + b[ok])
    return list(zip((keys // len(units)).tolist(), (keys % len(units)).tolist(), strict=True))


def _similar_pairs(
    units: Sequence[Unit], codes: Sequence[str], min_dice: float
) -> list[tuple[int, int]]:
    """Return the pairs of units (as `_candidate_pairs`) whose weighted Dice >= min_dice.

    Large inputs: in a cluster of hundreds of reports most sentences share some word, so
    the inverted index yields nearly all pairs. Instead rapidfuzz scores the distinct bags
    against each other in blocks of rows (Indel's normalised similarity of two encoded
    bags is their weighted Dice) and keeps what reaches the cut-off, in C and in bounded
    memory. Identical bags (a report reprinted, wire copy) are scored once and their
    copies paired afterwards. The cost still grows with the square of the distinct
    sentences, at tens of nanoseconds a pair.
    """
    import numpy as np
    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    index: dict[str, int] = {}
    of_unit = np.full(len(codes), -1, dtype=np.int64)
    for k, code in enumerate(codes):
        if code:  # a unit without weighted tokens shares nothing with anything
            of_unit[k] = index.setdefault(code, len(index))
    distinct = list(index)
    # The units of each distinct bag, as slices of one array.
    members = np.argsort(of_unit, kind="stable")[np.count_nonzero(of_unit < 0) :]
    count = np.bincount(of_unit[of_unit >= 0], minlength=len(distinct))
    offset = np.concatenate(([0], np.cumsum(count)[:-1]))
    firsts: list[Any] = []
    seconds: list[Any] = []
    for start in range(0, len(distinct), _BLOCK_ROWS):
        block = process.cdist(
            distinct[start : start + _BLOCK_ROWS],
            distinct[start:],
            scorer=Indel.normalized_similarity,
            score_cutoff=min_dice,
            dtype=np.float32,
            workers=-1,
        )
        rows, cols = np.nonzero(block)
        i, j = rows + start, cols + start
        keep = j >= i  # each pair of distinct bags once (the block's lower part is a repeat)
        firsts.append(i[keep])
        seconds.append(j[keep])
    i = np.concatenate(firsts) if firsts else np.zeros(0, dtype=np.int64)
    j = np.concatenate(seconds) if seconds else np.zeros(0, dtype=np.int64)
    # Every unit of bag i with every unit of bag j: pair p has count[i] * count[j] of them.
    per = count[i] * count[j]
    p = np.repeat(np.arange(len(i)), per)
    k = np.arange(len(p)) - np.repeat(np.cumsum(per) - per, per)
    a = members[offset[i[p]] + k // count[j[p]]]
    b = members[offset[j[p]] + k % count[j[p]]]
    x, y = np.minimum(a, b), np.maximum(a, b)
    doc = np.array([u.doc for u in units])
    script_of: dict[str, int] = {}
    script = np.array([script_of.setdefault(u.script, len(script_of)) for u in units])
    # Within one bag each pair comes twice (a, b and b, a) and with itself: keep a < b.
    ok = ((i[p] != j[p]) | (a < b)) & (doc[x] != doc[y]) & (script[x] == script[y])
    x, y = x[ok], y[ok]
    order = np.lexsort((y, x))
    return list(zip(x[order].tolist(), y[order].tolist(), strict=True))


def _overlaps(codes: Sequence[str], pairs: Sequence[tuple[int, int]]) -> list[int]:
    """Return the weighted overlap (LCS length) of each pair of encoded units."""
    from rapidfuzz.distance import Indel

    if len(pairs) < _SCALAR_PAIRS:
        return [
            (len(codes[a]) + len(codes[b]) - Indel.distance(codes[a], codes[b])) // 2
            for a, b in pairs
        ]
    import numpy as np
    from rapidfuzz import process

    # Pair by pair (cpdist), not a rows x columns matrix: memory stays linear in pairs.
    dist = process.cpdist(
        [codes[a] for a, _ in pairs],
        [codes[b] for _, b in pairs],
        scorer=Indel.distance,
        dtype=np.int32,
        workers=-1,
    )
    return [
        (len(codes[a]) + len(codes[b]) - d) // 2
        for (a, b), d in zip(pairs, dist.tolist(), strict=True)
    ]


def _conflict(a: Sequence[Token], b: Sequence[Token]) -> bool:
    """Tell whether two sentences name different numbers or different names, none shared."""
    return _marks_conflict(_marks(a), _marks(b))


def _marks(tokens: Sequence[Token]) -> tuple[frozenset[str], frozenset[str]]:
    """Return a sentence's numbers and names (what `_conflict` compares)."""
    return (
        frozenset(t.norm for t in tokens if t.is_number),
        frozenset(t.norm for t in tokens if t.is_name),
    )


def _marks_conflict(
    a: tuple[frozenset[str], frozenset[str]], b: tuple[frozenset[str], frozenset[str]]
) -> bool:
    """Tell `_conflict` from the sentences' marks (computed once per sentence, not pair)."""
    # Unrolled: this runs for every scored pair, millions in a large cluster.
    (na, ma), (nb, mb) = a, b
    return bool(na and nb and na.isdisjoint(nb)) or bool(ma and mb and ma.isdisjoint(mb))


def _dice(codes: Sequence[str], inter: int, a: int, b: int) -> float:
    """Return the weighted Dice coefficient of two units from their overlap."""
    total = len(codes[a]) + len(codes[b])
    return 2 * inter / total if total else 0.0


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


def score_pairs(units: Sequence[Unit], params: AlignParams) -> dict[tuple[int, int], float]:
    """Return the link score of every candidate pair (a < b) of units."""
    codes = _encode(units)
    pairs = _candidate_pairs(units, codes, params.link_threshold * _SIMILAR_SHARE)
    docs = {u.doc for u in units}
    # Telling stories apart needs at least three reports: two are each other's closest.
    split = params.affinity_floor > 0 and len(docs) >= _MIN_STORY_DOCS
    if split and len(docs) > _STORY_PLAIN_DOCS:
        story = _stories_at_scale(units, params.affinity_floor)
    else:
        affinity = document_affinity(units) if split else {}
        story = _stories(affinity, {d for pair in affinity for d in pair}, params.affinity_floor)
    scores: dict[tuple[int, int], float] = {}
    marks = [_marks(u.tokens) for u in units]
    for (a, b), inter in zip(pairs, _overlaps(codes, pairs), strict=True):
        s = _dice(codes, inter, a, b)
        if _marks_conflict(marks[a], marks[b]):
            s *= params.conflict_penalty
        if story:
            da, db = units[a].doc, units[b].doc
            # A report left out of the story clustering (no names) is in every story.
            if da in story and db in story and story[da] != story[db]:
                s *= params.cross_story_penalty
        if s > 0:
            scores[(a, b)] = s
    return scores


def _split_runs(units: Sequence[Unit], ga: list[int], gb: list[int]) -> int | None:
    """Return how many reports hold several sentences in the union of two groups.

    None when some report's sentences would not form one short run of adjacent sentences:
    a group may hold one report's two short sentences that another says in one long one,
    never sentences from different places of a report.
    """
    per_doc: dict[int, list[int]] = defaultdict(list)
    for k in (*ga, *gb):
        per_doc[units[k].doc].append(units[k].sent)
    runs = 0
    for sents in per_doc.values():
        if len(sents) > _MAX_RUN or max(sents) - min(sents) != len(sents) - 1:
            return None
        runs += len(sents) > 1
    return runs


def _merge_best_first(
    units: Sequence[Unit],
    scores: dict[tuple[int, int], float],
    threshold: float,
    penalty: float,
    support: float,
) -> list[list[int]]:
    """Join units into groups best link first; a join needs average support of the group."""
    group_of = list(range(len(units)))
    groups: dict[int, list[int]] = {k: [k] for k in range(len(units))}
    # Equal scores (repeated sentences) go nearest position first: in "A. A." compared
    # with itself, a1-b2 came before a2-b2 and the many-to-one rule left a2 unique.
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
            # Two groups holding the same report merge only as one report's adjacent
            # sentences, when the merged group as a whole still agrees.
            # Many-to-one only: when two reports both split a passage (many-to-many),
            # neighbouring facts chain together (measured: ECB+ precision 0.81 -> 0.73).
            runs = _split_runs(units, groups[ga], groups[gb])
            if runs is None or runs > 1:
                continue
            if group_similarity(units, [*groups[ga], *groups[gb]], penalty) < support:
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


def _bag_overlap(a: dict[str, int], b: dict[str, int]) -> int:
    """Return the weighted overlap of two bags."""
    return sum(min(q, b[n]) for n, q in a.items() if n in b)


def _bag_dice(a: dict[str, int], b: dict[str, int]) -> float:
    """Return the weighted Dice coefficient of two bags."""
    total = sum(a.values()) + sum(b.values())
    return 2 * _bag_overlap(a, b) / total if total else 0.0


def _union(bags: Sequence[dict[str, int]]) -> dict[str, int]:
    """Return the union of bags (max weight per token)."""
    out: dict[str, int] = {}
    for bag in bags:
        for n, q in bag.items():
            out[n] = max(q, out.get(n, 0))
    return out


def _extend_splits(
    units: Sequence[Unit], groups: list[list[int]], params: AlignParams
) -> list[list[int]]:
    """Add a lone neighbouring sentence to a group when another report says both in one.

    One report's long sentence often equals two short ones of another: the second short
    sentence is then left alone although the long one covers it.
    """
    by_pos = {(u.doc, u.sent): k for k, u in enumerate(units)}
    group_of = {k: gi for gi, g in enumerate(groups) for k in g}
    changed = True
    while changed:
        changed = False
        for gi, g in enumerate(groups):
            if len({units[k].doc for k in g}) < 2:
                continue
            for k in list(g):
                u = units[k]
                for step in (-1, 1):
                    nk = by_pos.get((u.doc, u.sent + step))
                    if nk is None or len(groups[group_of[nk]]) != 1:
                        continue
                    n = units[nk]
                    own = [units[j].weights for j in g if units[j].doc == u.doc]
                    others = [units[j] for j in g if units[j].doc != u.doc]
                    if not n.weights or any(o.script != n.script for o in others):
                        continue
                    ok = True
                    for o in others:
                        cover = _bag_overlap(n.weights, o.weights) / sum(n.weights.values())
                        before = _bag_dice(_union(own), o.weights)
                        after = _bag_dice(_union([*own, n.weights]), o.weights)
                        if cover < params.split_containment or after <= before:
                            ok = False
                            break
                    if ok:
                        groups[group_of[nk]] = []
                        g.append(nk)
                        group_of[nk] = gi
                        changed = True
    return [sorted(g) for g in groups if g]


def group_similarity(units: Sequence[Unit], members: Sequence[int], penalty: float) -> float:
    """Return the mean weighted Dice over the group's document pairs (merged sentences).

    A pair that names different numbers or names, none shared, counts `penalty` times its
    Dice: such sentences are rarely the same fact however many words they share.
    """
    bags: dict[int, list[dict[str, int]]] = defaultdict(list)
    toks: dict[int, list[Token]] = defaultdict(list)
    for k in members:
        bags[units[k].doc].append(units[k].weights)
        toks[units[k].doc].extend(units[k].tokens)
    docs = sorted(bags)
    if len(docs) < 2:
        return 0.0
    merged = {d: _union(bags[d]) for d in docs}
    sims = [
        _bag_dice(merged[x], merged[y]) * (penalty if _conflict(toks[x], toks[y]) else 1.0)
        for i, x in enumerate(docs)
        for y in docs[i + 1 :]
    ]
    return sum(sims) / len(sims)


def align(
    documents: Sequence[Document],
    params: AlignParams,
    timings: dict[str, float] | None = None,
) -> list[RawGroup]:
    """Group the content sentences of the documents into aligned facts.

    The result does not depend on the order of the documents: they are processed in a
    canonical order (by text) and the indices mapped back.
    """
    order = sorted(range(len(documents)), key=lambda d: (documents[d].text, d))
    canon = [documents[d] for d in order]
    t0 = time.perf_counter()
    units = build_units(canon)
    t1 = time.perf_counter()
    scores = score_pairs(units, params)
    t2 = time.perf_counter()
    groups = _merge_best_first(
        units,
        scores,
        params.link_threshold,
        params.conflict_penalty,
        params.group_support,
    )
    groups = _extend_splits(units, groups, params)
    out = []
    for g in groups:
        per_doc: dict[int, list[int]] = defaultdict(list)
        for k in g:
            per_doc[order[units[k].doc]].append(units[k].sent)
        members = tuple((d, tuple(sorted(s))) for d, s in sorted(per_doc.items()))
        sim = group_similarity(units, g, params.conflict_penalty)
        out.append(RawGroup(members, 0.0 if math.isnan(sim) else sim))
    if timings is not None:
        # Finer steps of the aligner, for benchmarks/speed.py (a few clock reads per run).
        timings["tokenize"] = t1 - t0
        timings["score"] = t2 - t1
        timings["group"] = time.perf_counter() - t2
    return out
