"""Group scored sentences into N-way aligned facts."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from newsdiff.align.score import (
    AlignParams,
    Marks,
    encode_bags,
    marks_conflict,
    marks_of,
    score_links,
)
from newsdiff.align.topic import passes, rank_scores, topic_supported
from newsdiff.align.units import Unit, build_units
from newsdiff.model import Document
from newsdiff.text.sentence_words import SentenceWords
from newsdiff.text.words import Token

__all__ = ["AlignParams", "Alignment", "Linked", "RawGroup", "align", "group_similarity", "link"]

# At most this many adjacent sentences of one report in a group.
_MAX_RUN = 3
# Above this many reports in a group, its pairwise similarity is computed by rapidfuzz.
_PLAIN_DOCS = 32
# Cells of the report x report distance matrix computed at once by _pair_sims.
_BLOCK_CELLS = 1 << 20


@dataclass(frozen=True)
class RawGroup:
    """An aligned group before classification: members and pairwise similarity.

    `elsewhere`: (document, sentence, index of its group) of each report absent from the
    group whose sentence in another group states the group's fact (_elsewhere).
    """

    members: tuple[tuple[int, tuple[int, ...]], ...]
    similarity: float
    elsewhere: tuple[tuple[int, int, int], ...] = ()


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
    ranks: dict[tuple[int, int], float],
) -> list[list[int]]:
    """Join units into groups best link first; a join needs average support of the group.

    Cost: one pass over the links above the threshold. A join refused between two groups
    is remembered until either changes (many links join the same two groups: 500 reports
    of 10 similar sentences have 12 million links between 10 groups), so each pair of
    group states is judged once; each group keeps its set of reports, and the support of
    a join sums the links of the two groups found from the smaller side (`_link_sum`).
    """
    group_of = list(range(len(units)))
    groups: dict[int, list[int]] = {k: [k] for k in range(len(units))}
    docs: dict[int, set[int]] = {k: {u.doc} for k, u in enumerate(units)}
    # A group's state: a new number at every join, so a remembered refusal expires with it.
    state = list(range(len(units)))
    fresh = len(units)
    refused: set[tuple[int, int]] = set()
    # Each unit's scored partners and its place in its group's list, for `_link_sum`.
    adjacent: list[list[int]] = [[] for _ in units]
    for a, b in scores:
        adjacent[a].append(b)
        adjacent[b].append(a)
    position = [0] * len(units)
    # Equal scores (repeated sentences) go nearest position first: in "A. A." compared
    # with itself, a1-b2 came before a2-b2 and the many-to-one rule left a2 unique.
    # `ranks` (topic.rank_scores) order the links and must keep a share of the threshold
    # (topic.TOPIC_GATE); `scores` decide them and the groups' support, whose average rank
    # must keep the same share of it (topic.topic_supported).
    ranked = sorted(
        (
            (ranks[(a, b)], a, b)
            for (a, b), s in scores.items()
            if passes(s, ranks[(a, b)], threshold)
        ),
        key=lambda t: (-t[0], abs(units[t[1]].sent - units[t[2]].sent), t[1], t[2]),
    )
    for _, a, b in ranked:
        ga, gb = group_of[a], group_of[b]
        if ga == gb:
            continue
        seen = (state[ga], state[gb]) if ga < gb else (state[gb], state[ga])
        if seen in refused:
            continue
        if not docs[ga].isdisjoint(docs[gb]):
            # Two groups holding the same report merge only as one report's adjacent
            # sentences, when the merged group as a whole still agrees.
            # Many-to-one only: when two reports both split a passage (many-to-many),
            # neighbouring facts chain together (measured: ECB+ precision 0.81 -> 0.73).
            runs = _split_runs(units, groups[ga], groups[gb])
            if (
                runs is None
                or runs > 1
                or group_similarity(units, [*groups[ga], *groups[gb]], penalty) < support
            ):
                refused.add(seen)
                continue
        else:
            pairs = len(groups[ga]) * len(groups[gb])
            total = _link_sum(groups[ga], groups[gb], scores, adjacent, group_of, position)
            if total / pairs < support or not topic_supported(
                _link_sum(groups[ga], groups[gb], ranks, adjacent, group_of, position) / pairs,
                support,
            ):
                refused.add(seen)
                continue
        keep, drop = min(ga, gb), max(ga, gb)
        for i, k in enumerate(groups[drop], start=len(groups[keep])):
            group_of[k] = keep
            position[k] = i
        groups[keep].extend(groups.pop(drop))
        docs[keep] |= docs.pop(drop)
        state[keep] = fresh
        fresh += 1
    return [sorted(g) for _, g in sorted(groups.items())]


def _link_sum(
    ga: list[int],
    gb: list[int],
    scores: dict[tuple[int, int], float],
    adjacent: Sequence[list[int]],
    group_of: Sequence[int],
    position: Sequence[int],
) -> float:
    """Return the sum of the scores of every pair of a unit of ga and one of gb.

    Pairs without a score add 0.0 (no change to a float), so the sum is that of the scored
    pairs in the order of the loop over ga, then gb: the same float whether the pairs are
    looked up one by one (small groups) or found among the smaller group's partners (two
    groups of 500 have 250,000 pairs but a few thousand scored links).
    """
    small, other = (ga, gb) if len(ga) <= len(gb) else (gb, ga)
    if len(ga) * len(gb) <= sum(len(adjacent[k]) for k in small):
        total = 0.0
        for x in ga:
            for y in gb:
                total += scores.get((x, y) if x < y else (y, x), 0.0)
        return total
    target = group_of[other[0]]
    terms = []
    for k in small:
        for m in adjacent[k]:
            if group_of[m] == target:
                x, y = (k, m) if small is ga else (m, k)
                terms.append((position[x], position[y], scores[(x, y) if x < y else (y, x)]))
    terms.sort()
    total = 0.0
    for _, _, s in terms:
        total += s
    return total


def _bag_overlap(a: dict[str, int], b: dict[str, int]) -> int:
    """Return the weighted overlap of two bags."""
    return sum(min(q, b[n]) for n, q in a.items() if n in b)


def weighted_dice(a: dict[str, int], b: dict[str, int]) -> float:
    """Return the weighted Dice coefficient of two bags."""
    total = sum(a.values()) + sum(b.values())
    return 2 * _bag_overlap(a, b) / total if total else 0.0


def union_bags(bags: Sequence[dict[str, int]]) -> dict[str, int]:
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
                        before = weighted_dice(union_bags(own), o.weights)
                        after = weighted_dice(union_bags([*own, n.weights]), o.weights)
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
    merged = [union_bags(bags[d]) for d in docs]
    marks = [marks_of(toks[d]) for d in docs]
    if len(docs) > _PLAIN_DOCS:
        sims = _pair_sims(merged, marks, penalty)
    else:
        sims = [
            weighted_dice(merged[i], merged[j])
            * (penalty if marks_conflict(marks[i], marks[j]) else 1.0)
            for i in range(len(docs))
            for j in range(i + 1, len(docs))
        ]
    return sum(sims) / len(sims)


def _pair_sims(
    merged: Sequence[dict[str, int]],
    marks: Sequence[Marks],
    penalty: float,
) -> list[float]:
    """Return `group_similarity`'s pair terms in the same order, overlaps from rapidfuzz.

    A group of 500 reports has 124,750 pairs: the overlaps of the bags encoded as sorted
    strings (see newsdiff.align.score) come from `cdist` in blocks of rows, and each term is the
    same float division and product as `weighted_dice` makes.
    """
    import numpy as np
    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    codes = encode_bags(merged)
    length = np.array([len(c) for c in codes], dtype=np.int64)
    n = len(codes)
    rows = max(1, _BLOCK_CELLS // n)
    sims: list[float] = []
    for start in range(0, n - 1, rows):
        block = process.cdist(
            codes[start : start + rows], codes, scorer=Indel.distance, dtype=np.int64, workers=-1
        )
        for r, dist in enumerate(block):
            i = start + r
            total = length[i] + length[i + 1 :]
            # Overlap = (total - dist) / 2, so Dice = 2 * overlap / total = (total - dist) /
            # total: the same correctly rounded division of the same integers.
            diff = total - dist[i + 1 :]
            dice = np.divide(diff, total, out=np.zeros(len(total)), where=total > 0)
            for j, d in enumerate(dice.tolist(), start=i + 1):
                sims.append(d * penalty if marks_conflict(marks[i], marks[j]) else d)
    return sims


def _elsewhere(
    units: Sequence[Unit],
    groups: Sequence[list[int]],
    scores: dict[tuple[int, int], float],
    ranks: dict[tuple[int, int], float],
    params: AlignParams,
) -> dict[int, list[tuple[int, int]]]:
    """Return, per group, (unit, its group) of absent reports that state the group's fact.

    A sentence sits in one group, but it can state the facts of two: "he asked, 'Do you
    want to threaten them?'" joins the group of what was asked, and the group of the
    quotation would list its report as missing. A sentence of a report absent from a group
    states the group's fact when it could have joined it: it has a link the grouping would
    take (the threshold and topic gate of _merge_best_first) to a member, and its links
    to the members average the support a join needs in scores (not the topic-rank
    support a join also needs: on ECB+ it drops more right references than wrong ones).
    Each absent report names its one best such sentence (ties: the earlier). Cost: one pass
    over each unit's links.
    """
    group_of = {k: gi for gi, g in enumerate(groups) for k in g}
    docs_of = [{units[k].doc for k in g} for g in groups]
    # Each unit's summed link scores per group, and whether one link there passes the gate.
    sums: dict[tuple[int, int], float] = defaultdict(float)
    passing: set[tuple[int, int]] = set()
    for (a, b), s in scores.items():
        for k, m in ((a, b), (b, a)):
            gi = group_of[m]
            if units[k].doc in docs_of[gi]:
                continue
            sums[(k, gi)] += s
            if passes(s, ranks[(a, b)], params.link_threshold):
                passing.add((k, gi))
    best: dict[tuple[int, int], tuple[float, int]] = {}
    for k, gi in sorted(passing):
        support = sums[(k, gi)] / len(groups[gi])
        if support < params.group_support:
            continue
        key = (gi, units[k].doc)
        if key not in best or support > best[key][0]:
            best[key] = (support, k)
    out: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for (gi, _), (_, k) in sorted(best.items()):
        out[gi].append((k, group_of[k]))
    return out


@dataclass(frozen=True)
class Linked:
    """What alignment builds on the way to its groups, in the canonical document order.

    `order[c]`: the input index of canonical document c; `joined`: groups of units as the
    links joined them, before _extend_splits; `groups`: the final groups of units. Read by
    `align` and by the diagnosis scripts (benchmarks/factkit.linked_run), so
    they see the aligner's own steps rather than a copy of them.
    """

    order: list[int]
    units: list[Unit]
    scores: dict[tuple[int, int], float]
    ranks: dict[tuple[int, int], float]
    joined: list[list[int]]
    groups: list[list[int]]
    timings: dict[str, float]

    def unit_at(self) -> dict[tuple[int, int], int]:
        """Map (input document, sentence) to the index of its unit."""
        return {(self.order[u.doc], u.sent): k for k, u in enumerate(self.units)}

    def members(self, group: Sequence[int]) -> tuple[tuple[int, tuple[int, ...]], ...]:
        """Return a group of units as (input document, its sentences), by document."""
        per_doc: dict[int, list[int]] = defaultdict(list)
        for k in group:
            per_doc[self.order[self.units[k].doc]].append(self.units[k].sent)
        return tuple((d, tuple(sorted(s))) for d, s in sorted(per_doc.items()))


def link(
    documents: Sequence[Document],
    params: AlignParams,
    words: SentenceWords | None = None,
) -> Linked:
    """Score the content sentences of the documents and join them into groups of units.

    The documents are processed in a canonical order (by text), so the result does not
    depend on their order. `words`: the comparison's tokens (made here when not given).
    """
    order = sorted(range(len(documents)), key=lambda d: (documents[d].text, d))
    canon = [documents[d] for d in order]
    t0 = time.perf_counter()
    units = build_units(canon, words)
    t1 = time.perf_counter()
    links = score_links(units, params)
    scores = links.scores
    t2 = time.perf_counter()
    ranks = rank_scores(units, links)
    joined = _merge_best_first(
        units,
        scores,
        params.link_threshold,
        params.conflict_penalty,
        params.group_support,
        ranks,
    )
    groups = _extend_splits(units, [list(g) for g in joined], params)
    timings = {"tokenize": t1 - t0, "score": t2 - t1, "group": time.perf_counter() - t2}
    return Linked(order, units, scores, ranks, joined, groups, timings)


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
    linked = link(documents, params, words)
    t0 = time.perf_counter()
    order, units, groups = linked.order, linked.units, linked.groups
    stated = _elsewhere(units, groups, linked.scores, linked.ranks, params)
    out = []
    for gi, g in enumerate(groups):
        sim = group_similarity(units, g, params.conflict_penalty)
        refs = sorted((order[units[k].doc], units[k].sent, home) for k, home in stated.get(gi, ()))
        out.append(RawGroup(linked.members(g), sim, tuple(refs)))
    timings = dict(linked.timings)
    timings["group"] += time.perf_counter() - t0
    return Alignment(out, timings)
