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

from newsdiff.model import Document
from newsdiff.normalize import (
    Token,
    apply_acronyms,
    background_weight,
    learn_acronyms,
    tokenize,
)

# Below this many candidate pairs a scalar loop beats importing numpy for cdist.
_SCALAR_PAIRS = 20_000
# First code point of the token alphabet: above the BMP, so no surrogates are hit.
_ALPHABET = 0x10000
# At most this many adjacent sentences of one report in a group.
_MAX_RUN = 3
# Fewest reports in which story clustering is attempted.
_MIN_STORY_DOCS = 3


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
    prepared: list[tuple[int, int, str, list[Token]]] = []
    for d, doc in enumerate(documents):
        for s in doc.content_sentences():
            toks = apply_acronyms(tokenize(s.text, s.start, s.script), acronyms)
            prepared.append((d, s.index, s.script, toks))
    units = []
    for d, i, script, toks in prepared:
        weights: dict[str, int] = {}
        for t in toks:
            w = background_weight(t)
            if w <= 0:
                continue
            q = max(1, round(w))
            if q > weights.get(t.norm, 0):
                weights[t.norm] = q
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


def _candidate_pairs(units: Sequence[Unit]) -> list[tuple[int, int]]:
    """Return index pairs of units in different documents, same script, sharing a token."""
    postings: dict[str, list[int]] = defaultdict(list)
    for k, u in enumerate(units):
        for norm in u.weights:
            postings[norm].append(k)
    pairs: set[tuple[int, int]] = set()
    for ks in postings.values():
        for x in range(len(ks)):
            for y in range(x + 1, len(ks)):
                a, b = ks[x], ks[y]
                if units[a].doc != units[b].doc and units[a].script == units[b].script:
                    pairs.add((a, b))
    return sorted(pairs)


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

    rows = sorted({a for a, _ in pairs})
    cols = sorted({b for _, b in pairs})
    row_at = {a: i for i, a in enumerate(rows)}
    col_at = {b: j for j, b in enumerate(cols)}
    dist = process.cdist(
        [codes[a] for a in rows],
        [codes[b] for b in cols],
        scorer=Indel.distance,
        dtype=np.int32,
        workers=-1,
    )
    return [
        (len(codes[a]) + len(codes[b]) - int(dist[row_at[a], col_at[b]])) // 2 for a, b in pairs
    ]


def _conflict(a: Sequence[Token], b: Sequence[Token]) -> bool:
    """Tell whether two sentences name different numbers or different names, none shared."""
    for attr in ("is_number", "is_name"):
        sa = {t.norm for t in a if getattr(t, attr)}
        sb = {t.norm for t in b if getattr(t, attr)}
        if sa and sb and not (sa & sb):
            return True
    return False


def _dice(codes: Sequence[str], inter: int, a: int, b: int) -> float:
    """Return the weighted Dice coefficient of two units from their overlap."""
    total = len(codes[a]) + len(codes[b])
    return 2 * inter / total if total else 0.0


def document_affinity(units: Sequence[Unit]) -> dict[tuple[int, int], float]:
    """Return how strongly each pair of documents is about the same story, from 0 to 1.

    Stories differ in who, where and when, so documents are compared as bags of their
    names, acronyms and numbers, weighted by rarity and by how few documents use them.
    Each pair's similarity is divided by the best similarity either document has with any
    other, so 1 means "its closest report". Documents with no such words are left out.
    """
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
    weighted = {d: {n: q * idf[n] for n, q in bags[d].items()} for d in docs}
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
    pairs = _candidate_pairs(units)
    docs = {u.doc for u in units}
    # Telling stories apart needs at least three reports: two are each other's closest.
    split = params.affinity_floor > 0 and len(docs) >= _MIN_STORY_DOCS
    affinity = document_affinity(units) if split else {}
    story = _stories(affinity, {d for pair in affinity for d in pair}, params.affinity_floor)
    scores: dict[tuple[int, int], float] = {}
    for (a, b), inter in zip(pairs, _overlaps(codes, pairs), strict=True):
        s = _dice(codes, inter, a, b)
        if _conflict(units[a].tokens, units[b].tokens):
            s *= params.conflict_penalty
        if affinity:
            da, db = units[a].doc, units[b].doc
            # A report left out of the story clustering (no names) is in every story.
            if da in story and db in story and story[da] != story[db]:
                s *= params.cross_story_penalty
        if s > 0:
            scores[(a, b)] = s
    return scores


def _contiguous_union(units: Sequence[Unit], ga: list[int], gb: list[int]) -> bool:
    """Tell whether each report's sentences in the union of two groups form one short run.

    This lets one report's two adjacent short sentences meet a long sentence of another
    report that says both, without letting a group gather unrelated sentences.
    """
    per_doc: dict[int, list[int]] = defaultdict(list)
    for k in (*ga, *gb):
        per_doc[units[k].doc].append(units[k].sent)
    for sents in per_doc.values():
        if len(sents) > _MAX_RUN or max(sents) - min(sents) != len(sents) - 1:
            return False
    return True


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
    ranked = sorted(
        ((s, a, b) for (a, b), s in scores.items() if s >= threshold),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    for _, a, b in ranked:
        ga, gb = group_of[a], group_of[b]
        if ga == gb:
            continue
        docs_a = {units[k].doc for k in groups[ga]}
        if any(units[k].doc in docs_a for k in groups[gb]):
            # Two groups holding the same report merge only as one report's adjacent
            # sentences, when the merged group as a whole still agrees.
            if not _contiguous_union(units, groups[ga], groups[gb]):
                continue
            merged = [*groups[ga], *groups[gb]]
            if group_similarity(units, merged, penalty) < support:
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
        units, scores, params.link_threshold, params.conflict_penalty, params.group_support
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
