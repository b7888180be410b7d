"""Tell what limits newsdiff's fact-link figures on the fact gold (a diagnosis, not a metric).

Run: `python benchmarks/fact_ceiling.py [--facts DIR] [--restarts N]`. Three tables, micro over
the events, no article text printed or stored:

1. Structural ceiling, from the gold alone: the best link precision and recall a partition
   of the gold sentences into groups reaches when every group keeps a shape (one sentence
   per report, newsdiff's many-to-one rule of adjacent runs, ..., no restriction). The
   partition is found by a deterministic local search maximising tp - lam * fp, so each
   figure is a LOWER BOUND of the true optimum of that shape (an exact search is NP-hard).
2. Pairwise ceiling of newsdiff's own scores: link precision and recall if every
   cross-report pair of gold sentences were linked when its link score (or its
   topic-discounted rank) reaches a threshold, beside the default grouped run.
3. Consistency ceiling, from the gold alone: how many of the links between two reports an
   aligner that knew the gold would change with the third report, when it gives each
   sentence one group. The best partition of all the reports (table 1's search), cut down
   to each pair of reports, is where a search of the pair's gold begins; it changes only
   what raises the pair's objective (an estimate of the least change, not a bound). The
   report pairs are counted where the cut is worse on the pair's gold than what the search
   finds: there an aligner that gets both runs right must change links.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import factkit as fk
from benchmarks.evalkit import LinkCounts

if TYPE_CHECKING:
    from newsdiff.align.group import Linked
    from newsdiff.model import Document

LAMS: tuple[float, ...] = (0.5, 1.0, 4.0)
THRESHOLDS: tuple[float, ...] = (0.6, 0.5, 0.4, 0.3, 0.25, 0.2, 0.15, 0.1, 0.05)
# Visiting orders of the local search: sorted, then this many seeded shuffles.
RESTARTS = 10
# A move must raise the objective by more than this (float sums of lam).
_EPS = 1e-9


# ---------------------------------------------------------------------------------------
# Shapes of a group


@dataclass(frozen=True)
class Shape:
    """What a group may hold of each report."""

    label: str
    per_report: int | None  # most sentences of one report (None: any number)
    adjacent: bool  # one report's sentences must be one run of adjacent sentences
    multi_reports: int | None  # most reports with more than one sentence (None: any)

    def fits(self, members: Iterable[fk.Key]) -> bool:
        """Return whether a group of these gold sentences keeps the shape."""
        per_doc: dict[str, list[int]] = defaultdict(list)
        for doc, sid in members:
            per_doc[doc].append(sid)
        multi = 0
        for sids in per_doc.values():
            if self.per_report is not None and len(sids) > self.per_report:
                return False
            if self.adjacent and max(sids) - min(sids) != len(sids) - 1:
                return False
            multi += len(sids) > 1
        return self.multi_reports is None or multi <= self.multi_reports


SHAPES: tuple[Shape, ...] = (
    Shape("(a) one sentence per report", 1, False, None),
    Shape("(b) adjacent run <=3, one report with >1 (current)", 3, True, 1),
    Shape("(c) adjacent run <=3 per report", 3, True, None),
    Shape("(d) <=3 per report, anywhere", 3, False, None),
    Shape("(e) <=5 per report, anywhere", 5, False, None),
    Shape("(f) no restriction", None, False, None),
)


# ---------------------------------------------------------------------------------------
# Table 1: the best partition of a shape (local search)


def partition_links(groups: Iterable[Iterable[fk.Key]], gold: set[frozenset[fk.Key]]) -> LinkCounts:
    """Count the links of a partition: cross-report pairs inside one group."""
    tp = pred = 0
    for g in groups:
        for a, b in combinations(sorted(g), 2):
            if a[0] != b[0]:
                pred += 1
                tp += frozenset((a, b)) in gold
    return LinkCounts(predicted=pred, gold=len(gold), correct=tp)


class _Search:
    """One local search: sentences move to a gold partner's group while tp - lam*fp rises."""

    def __init__(
        self, gold: set[frozenset[fk.Key]], shape: Shape, lam: float, merges: bool = True
    ) -> None:
        self.gold, self.shape, self.lam, self.merges = gold, shape, lam, merges
        partners: dict[fk.Key, set[fk.Key]] = defaultdict(set)
        for pair in gold:
            a, b = sorted(pair)
            partners[a].add(b)
            partners[b].add(a)
        self.near = dict(partners)
        self.partners = {k: sorted(v) for k, v in partners.items()}
        self.nodes = sorted(self.partners)

    def gain(self, k: fk.Key, members: Iterable[fk.Key]) -> float:
        """Return the objective k adds beside these members (k itself is not counted)."""
        near = self.near[k]
        hits = cross = 0
        for t in members:
            if t[0] != k[0]:
                cross += 1
                hits += t in near
        return hits - self.lam * (cross - hits)

    def run(
        self, order: Sequence[fk.Key], start: Sequence[Iterable[fk.Key]] = ()
    ) -> list[set[fk.Key]]:
        """Return the groups (of 2+ sentences) a search from `start` ends in.

        `start`: groups to begin from (their sentences without a gold partner dropped);
        every other sentence begins alone.
        """
        groups: dict[int, set[fk.Key]] = {}
        for g in start:
            kept = {k for k in g if k in self.near}
            if kept:
                groups[len(groups)] = kept
        group_of = {k: i for i, g in groups.items() for k in g}
        for k in self.nodes:
            if k not in group_of:
                group_of[k] = len(groups)
                groups[len(groups)] = {k}
        fresh = len(groups)
        changed = True
        while changed:
            changed = False
            for k in order:
                here = group_of[k]
                best, target, movers = self._best_move(k, groups, group_of)
                if best <= _EPS:
                    continue
                if target < 0:
                    target, fresh = fresh, fresh + 1
                    groups[target] = set()
                for m in movers:
                    groups[here].discard(m)
                    groups[target].add(m)
                    group_of[m] = target
                if not groups[here]:
                    del groups[here]
                changed = True
        return [g for g in groups.values() if len(g) > 1]

    def _best_move(
        self, k: fk.Key, groups: dict[int, set[fk.Key]], group_of: dict[fk.Key, int]
    ) -> tuple[float, int, set[fk.Key]]:
        """Return the best rise of the objective, its target group (-1: new) and who moves.

        Two moves: k alone to a partner's group or a new one, and k's whole group joining
        a partner's group (a merge no single move reaches when every step alone costs).
        """
        here = groups[group_of[k]]
        rest = here - {k}
        best, target, movers = 0.0, -1, {k}
        stay = self.gain(k, rest)
        # Taking k out must leave its group in shape (an adjacent run broken in the middle);
        # checked only when a move would pay (the shape test is the search's cost).
        alone: bool | None = None if rest else True
        if rest and -stay > _EPS:
            alone = self.shape.fits(rest)
            if alone:
                best = -stay
        seen = {group_of[k]}
        for t in self.partners[k]:
            g = group_of[t]
            if g in seen:
                continue
            seen.add(g)
            move = self.gain(k, groups[g]) - stay
            if move > best + _EPS and alone is not False:
                if alone is None:
                    alone = self.shape.fits(rest)
                if alone and self.shape.fits(groups[g] | {k}):
                    best, target, movers = move, g, {k}
            if rest and self.merges:
                move = sum(self.gain(m, groups[g]) for m in here)
                if move > best + _EPS and self.shape.fits(groups[g] | here):
                    best, target, movers = move, g, set(here)
        return best, target, movers


def best_partition(
    gold: set[frozenset[fk.Key]],
    shape: Shape,
    lam: float,
    restarts: int = RESTARTS,
    start: Sequence[Iterable[fk.Key]] = (),
) -> list[set[fk.Key]]:
    """Return the best partition of the searches: without and with merges, each order.

    `start`: a partition every search begins from (see _Search.run); singletons otherwise.
    """
    best: list[set[fk.Key]] = []
    best_value = 0.0
    for merges in (False, True):
        search = _Search(gold, shape, lam, merges)
        for seed in range(restarts + 1):
            order = list(search.nodes)
            if seed:
                random.Random(seed).shuffle(order)
            groups = search.run(order, start)
            value = objective(groups, gold, lam)
            if value > best_value + _EPS:
                best, best_value = groups, value
    return best


def objective(
    groups: Iterable[Iterable[fk.Key]], gold: set[frozenset[fk.Key]], lam: float
) -> float:
    """Return what the searches maximise: right links less lam times wrong ones."""
    links = partition_links(groups, gold)
    return links.correct - lam * (links.predicted - links.correct)


# The best partition of each event's gold per (event name, shape label, lam).
Partitions = dict[tuple[str, str, float], list[set[fk.Key]]]


def partitions(
    events: Sequence[fk.FactEvent], shapes: Sequence[Shape] = SHAPES, restarts: int = RESTARTS
) -> Partitions:
    """Return the best partition of every event's gold links per shape and lam."""
    out: Partitions = {}
    for event in events:
        gold = set(fk.gold_links(event))
        for shape in shapes:
            for lam in LAMS:
                out[(event.name, shape.label, lam)] = best_partition(gold, shape, lam, restarts)
    return out


def structural(
    events: Sequence[fk.FactEvent], best: Partitions, shapes: Sequence[Shape] = SHAPES
) -> dict[tuple[str, float], LinkCounts]:
    """Return the links of the best partition per (shape, lam), summed over the events."""
    out: dict[tuple[str, float], LinkCounts] = {}
    for event in events:
        gold = set(fk.gold_links(event))
        for shape in shapes:
            for lam in LAMS:
                links = partition_links(best[(event.name, shape.label, lam)], gold)
                out.setdefault((shape.label, lam), LinkCounts()).add(links)
    return out


def components(gold: set[frozenset[fk.Key]]) -> list[set[fk.Key]]:
    """Return the connected components of the gold links (the partition with recall 1)."""
    parent: dict[fk.Key, fk.Key] = {}

    def root(k: fk.Key) -> fk.Key:
        while parent.get(k, k) != k:
            k = parent[k]
        return k

    for x, y in sorted(tuple(sorted(p)) for p in gold):
        a, b = root(x), root(y)
        if a != b:
            parent[max(a, b)] = min(a, b)
    out: dict[fk.Key, set[fk.Key]] = defaultdict(set)
    for pair in gold:
        for k in pair:
            out[root(k)].add(k)
    return [out[r] for r in sorted(out)]


def between(groups: Iterable[Iterable[fk.Key]], a: str, b: str) -> set[frozenset[fk.Key]]:
    """Return the links a partition makes between reports a and b."""
    return {
        frozenset((x, y))
        for g in groups
        for x, y in combinations(sorted(g), 2)
        if {x[0], y[0]} == {a, b}
    }


@dataclass
class GoldConsistency:
    """The gold's best partitions of all reports against those of each pair of reports."""

    changed: int = 0  # links between two reports in one partition and not the other
    union: int = 0  # links between two reports in either
    worse: int = 0  # report pairs where the all-report partition is worse on the pair
    pairs: int = 0

    @property
    def rate(self) -> float:
        """Return the share of the links between two reports that change."""
        return self.changed / self.union if self.union else 0.0


def consistency(
    events: Sequence[fk.FactEvent],
    best: Partitions,
    shape: Shape,
    lam: float,
    restarts: int = RESTARTS,
) -> GoldConsistency:
    """Compare the best partition of every event's reports with the best of each pair.

    `best`: the all-report partitions (`partitions`). The pair's search begins from the
    all-report partition cut down to the pair, so it changes only what raises the pair's
    objective: the least change a search finds.
    """
    out = GoldConsistency()
    for event in events:
        gold = set(fk.gold_links(event))
        everyone = best[(event.name, shape.label, lam)]
        for a, b in combinations(event.docs, 2):
            pair_gold = {k for k in gold if {x[0] for x in k} == {a, b}}
            cut = [{k for k in g if k[0] in (a, b)} for g in everyone]
            alone = best_partition(pair_gold, shape, lam, restarts, cut)
            both, own = between(cut, a, b), between(alone, a, b)
            out.changed += len(both ^ own)
            out.union += len(both | own)
            out.worse += objective(cut, pair_gold, lam) < objective(alone, pair_gold, lam) - _EPS
            out.pairs += 1
    return out


# ---------------------------------------------------------------------------------------
# Table 2: thresholds on newsdiff's pair scores


@dataclass(frozen=True)
class Pair:
    """A cross-report pair of gold sentences: gold or not, its link score and rank."""

    gold: bool
    score: float
    rank: float
    covered: bool  # both sentences map to scored sentences (units) of newsdiff
    # What the caller's `extra` computed of the pair's two units (fact_scorers.py).
    values: tuple[float, ...] = ()


def event_pairs(
    event: fk.FactEvent,
    linked: Linked,
    documents: Sequence[Document],
    more: Callable[[int, int], tuple[float, ...]] | None = None,
) -> list[Pair]:
    """Return every cross-report gold-sentence pair of one event with newsdiff's scores.

    `linked`, `documents`: the aligner's own run on the event (factkit.linked_run);
    `more(a, b)`: more values of a pair of units a < b (kept in `Pair.values`).
    """
    scores, ranks = linked.scores, linked.ranks
    unit_of = linked.unit_at()
    names = list(event.docs)
    to_pred = fk.Mapped(event, fk.linked_alignment(linked, documents), names).to_pred
    golds = fk.gold_links(event)

    def unit(key: fk.Key) -> int | None:
        p = to_pred.get(key)
        return None if p is None else unit_of.get((names.index(key[0]), p))

    keys = [(n, sid) for n in names for sid, _, _ in event.sentences.get(n, ())]
    out: list[Pair] = []
    for a, b in combinations(keys, 2):
        if a[0] == b[0]:
            continue
        ua, ub = unit(a), unit(b)
        gold = frozenset((a, b)) in golds
        if ua is None or ub is None:
            out.append(Pair(gold, 0.0, 0.0, False))
            continue
        key = (min(ua, ub), max(ua, ub))
        values = () if more is None else more(*key)
        out.append(Pair(gold, scores.get(key, 0.0), ranks.get(key, 0.0), True, values))
    return out


def threshold_links(
    pairs: Sequence[Pair], gold: int, thresholds: Sequence[float], rank: bool = False
) -> list[LinkCounts]:
    """Return the links at each threshold when a pair is linked iff its value reaches it."""
    out = []
    for thr in thresholds:
        hit = [p for p in pairs if (p.rank if rank else p.score) >= thr]
        out.append(LinkCounts(predicted=len(hit), gold=gold, correct=sum(p.gold for p in hit)))
    return out


# ---------------------------------------------------------------------------------------
# Output


def shape_rows(
    shapes: Sequence[Shape], heads: tuple[str, str], cell: Callable[[str, float], tuple[str, str]]
) -> list[str]:
    """Return a shape-by-lam table's head and rows: two columns a lam, `cell(label, lam)`."""
    lines = [
        f"   {'':<52}" + "".join(f"  {'lam=' + format(lam, 'g'):>12}" for lam in LAMS),
        f"   {'shape':<52}" + "  {:>5} {:>6}".format(*heads) * len(LAMS),
    ]
    for shape in shapes:
        cells = "".join("  {:>5} {:>6}".format(*cell(shape.label, lam)) for lam in LAMS)
        lines.append(f"   {shape.label:<52}{cells}")
    return lines


def structural_table(
    table: dict[tuple[str, float], LinkCounts], shapes: Sequence[Shape], joined: LinkCounts
) -> list[str]:
    """Return the lines of table 1; `joined`: the links of the gold components as groups."""

    def cell(label: str, lam: float) -> tuple[str, str]:
        links = table[(label, lam)]
        return f"{links.precision:.3f}", f"{links.recall:.3f}"

    p, r = joined.precision, joined.recall
    return [
        "1. Structural ceiling (gold only): best link P/R of a partition of the gold sentences",
        "   into groups of each shape; local search maximising tp - lam*fp, so every figure is",
        "   a LOWER BOUND of the shape's true optimum.",
        *shape_rows(shapes, ("P", "R"), cell),
        f"   ({joined.gold} gold links; each connected component of them as one group: "
        f"P {p:.3f} R {r:.3f})",
    ]


def pairwise_table(pairs: Sequence[Pair], gold: int, grouped: LinkCounts) -> list[str]:
    """Return the lines of table 2."""
    by_score = threshold_links(pairs, gold, THRESHOLDS)
    by_rank = threshold_links(pairs, gold, THRESHOLDS, rank=True)
    lost = sum(p.gold and not p.covered for p in pairs)
    lines = [
        "2. Pairwise ceiling of newsdiff's scores: every cross-report pair of gold sentences",
        "   linked when its value reaches the threshold (no grouping, no transitivity).",
        f"   {'threshold':>9}  {'score P':>7} {'R':>5} {'F1':>5} {'pred':>5}"
        f"   {'rank P':>7} {'R':>5} {'F1':>5} {'pred':>5}",
    ]
    for thr, s, r in zip(THRESHOLDS, by_score, by_rank, strict=True):
        (sp, sr), (rp, rr) = (s.precision, s.recall), (r.precision, r.recall)
        lines.append(
            f"   {thr:>9.2f}  {sp:>7.3f} {sr:>5.3f} {s.f1:>5.3f} {s.predicted:>5}"
            f"   {rp:>7.3f} {rr:>5.3f} {r.f1:>5.3f} {r.predicted:>5}"
        )
    gp, gr = grouped.precision, grouped.recall
    lines.append(
        f"   {'grouped':>9}  {gp:>7.3f} {gr:>5.3f} {grouped.f1:>5.3f} {grouped.predicted:>5}"
        "   (newsdiff's groups, default options)"
    )
    lines.append(f"   ({gold} gold links, {len(pairs)} cross-report pairs of gold sentences;")
    lines.append(
        f"   {lost} gold links have a sentence newsdiff scores with none: unmapped/boilerplate)"
    )
    return lines


def consistency_table(
    rows: dict[tuple[str, float], GoldConsistency], shapes: Sequence[Shape]
) -> list[str]:
    """Return the lines of table 3."""

    def cell(label: str, lam: float) -> tuple[str, str]:
        c = rows[(label, lam)]
        return f"{c.rate:.3f}", f"{c.worse}/{c.pairs}"

    return [
        "3. Consistency ceiling (gold only): the share of links between two reports that change",
        "   when an aligner that knew the gold compares the two alone ('chg', as the benchmark's",
        "   'changed by a third report'): the pair's search begins from the all-report partition",
        "   cut to the pair and changes only what raises its objective. 'worse': report pairs",
        "   where that cut is worse on the pair's gold than what the search finds.",
        *shape_rows(shapes, ("chg", "worse"), cell),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Print the structural, pairwise and consistency ceilings of the fact links."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--facts", default=None, help="the fact gold folder")
    ap.add_argument(
        "--restarts",
        type=int,
        default=RESTARTS,
        help=f"shuffled visiting orders of the local search besides the sorted one ({RESTARTS})",
    )
    args = ap.parse_args(argv)
    root = fk.facts_dir(args.facts)
    if not root.is_dir():
        print(f"fact ceiling: skipped, no fact gold folder at {root} (--facts or ${fk.ENV})")
        return 0
    events = fk.load_facts(root)
    joined = LinkCounts()
    for event in events:
        links = set(fk.gold_links(event))
        joined.add(partition_links(components(links), links))
    best = partitions(events, SHAPES, args.restarts)
    print("\n".join(structural_table(structural(events, best, SHAPES), SHAPES, joined)))
    pairs: list[Pair] = []
    grouped = LinkCounts()
    for event in events:
        linked, seg = fk.linked_run(event.named_texts())
        pairs += event_pairs(event, linked, seg)
        grouped.add(fk.score_fact_run(event, fk.linked_alignment(linked, seg)).links())
    print()
    print("\n".join(pairwise_table(pairs, grouped.gold, grouped)))
    rows = {
        (shape.label, lam): consistency(events, best, shape, lam, args.restarts)
        for shape in SHAPES
        for lam in LAMS
    }
    print()
    print("\n".join(consistency_table(rows, SHAPES)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
