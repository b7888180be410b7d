"""Group scored sentences into N-way aligned facts."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from newsdiff.align.score import AlignParams, conflict, score_pairs
from newsdiff.align.units import Unit, build_units
from newsdiff.model import Document
from newsdiff.text.sentence_words import SentenceWords
from newsdiff.text.words import Token

__all__ = ["AlignParams", "Alignment", "RawGroup", "align", "group_similarity"]

# At most this many adjacent sentences of one report in a group.
_MAX_RUN = 3


@dataclass(frozen=True)
class RawGroup:
    """An aligned group before classification: members and pairwise similarity."""

    members: tuple[tuple[int, tuple[int, ...]], ...]
    similarity: float


@dataclass(frozen=True)
class Alignment:
    """The aligned groups, and the seconds each step of the aligner took."""

    groups: list[RawGroup]
    # tokenize, score, group: for benchmarks/speed.py (a few clock reads per run).
    timings: dict[str, float]


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
                    if len(own) >= _MAX_RUN:
                        continue
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
        _bag_dice(merged[x], merged[y]) * (penalty if conflict(toks[x], toks[y]) else 1.0)
        for i, x in enumerate(docs)
        for y in docs[i + 1 :]
    ]
    return sum(sims) / len(sims)


def align(
    documents: Sequence[Document],
    params: AlignParams,
    words: SentenceWords | None = None,
) -> Alignment:
    """Group the content sentences of the documents into aligned facts.

    The result does not depend on the order of the documents: they are processed in a
    canonical order (by text) and the indices mapped back. `words`: the comparison's
    tokens, shared with classification (made here when not given).
    """
    order = sorted(range(len(documents)), key=lambda d: (documents[d].text, d))
    canon = [documents[d] for d in order]
    t0 = time.perf_counter()
    units = build_units(canon, words)
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
        out.append(RawGroup(members, sim))
    timings = {"tokenize": t1 - t0, "score": t2 - t1, "group": time.perf_counter() - t2}
    return Alignment(out, timings)
