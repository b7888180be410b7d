"""Classify newsdiff's missed and false fact links by cause (a diagnosis, not a metric).

Run: `python benchmarks/fact_misses.py [--facts DIR] [-v]`. For every gold link the default
run misses, and every predicted link the gold does not hold, it says why, from the
aligner's own scores: a gold sentence lost to segmentation, a score below the threshold
(by band), a score above it but the link refused by the grouping (and by which rule), or
a link the pair of reports makes alone but loses beside the third report. The article
texts stay in the gold folder; `-v` prints examples to the terminal only.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import factkit as fk

BANDS = (0.25, 0.2, 0.15, 0.1, 0.05, 0.0)


def band(s: float) -> str:
    """Return the score band a link score falls in."""
    for b in BANDS:
        if s > b or (b == 0.0 and s > 0):
            return f">{b:.2f}"
    return "none"


def diagnose(event: fk.FactEvent, verbose: bool, out: dict[str, Counter[str]]) -> None:
    """Add one event's missed and false links, by cause, to `out`."""
    import newsdiff
    from newsdiff.align.group import _split_runs, group_similarity
    from newsdiff.align.score import AlignParams
    from newsdiff.align.topic import passes

    params = AlignParams.from_options(newsdiff.Options())
    # The aligner's own steps: its units, scores, ranks, joins before split-extension and
    # final groups (those of compare(), before classification).
    linked, seg = fk.linked_run(event.named_texts())
    units, scores, ranks, raw = linked.units, linked.scores, linked.ranks, linked.joined
    raw_of = {k: gi for gi, g in enumerate(raw) for k in g}
    unit_of = linked.unit_at()
    names = list(event.docs)
    mapped = fk.Mapped(event, fk.linked_alignment(linked, seg), names)
    to_pred = mapped.to_pred
    text = {
        (n, sid): event.texts[d][st:en]
        for d, n in enumerate(names)
        for sid, st, en in event.sentences[n]
    }
    # the pair-alone runs
    alone: dict[tuple[int, int], set[tuple[int, int]]] = {}
    for a, b in combinations(range(len(names)), 2):
        two, _ = fk.linked_run([event.named_texts()[a], event.named_texts()[b]])
        links = set()
        for g in two.groups:
            side = {(a if d == 0 else b): sents for d, sents in two.members(g)}
            for sa in side.get(a, ()):
                for sb in side.get(b, ()):
                    links.add((sa, sb))
        alone[(a, b)] = links
    golds = fk.gold_links(event)
    thr = params.link_threshold

    def pair_info(ka: fk.Key, kb: fk.Key) -> tuple[str, float]:
        da, db = names.index(ka[0]), names.index(kb[0])
        pa, pb = to_pred[ka], to_pred[kb]
        if pa is None or pb is None:
            return "segmentation: gold sentence not covered", 0.0
        ua, ub = unit_of.get((da, pa)), unit_of.get((db, pb))
        if ua is None or ub is None:
            return "segmentation: boilerplate", 0.0
        key = (ua, ub) if ua < ub else (ub, ua)
        s = scores.get(key, 0.0)
        r = ranks.get(key, 0.0)
        if s < thr:
            return f"below {band(s)}", s
        if not passes(s, r, thr):
            return "topic gate", s
        x, y = (da, pa), (db, pb)
        lo, hi = (x, y) if da < db else (y, x)
        linked_alone = (lo[1], hi[1]) in alone[(lo[0], hi[0])]
        ga, gb = raw_of[ua], raw_of[ub]
        if ga == gb:
            return "linked before split-extend/mapping", s
        g1, g2 = raw[ga], raw[gb]
        d1 = {units[k].doc for k in g1}
        d2 = {units[k].doc for k in g2}
        if not d1.isdisjoint(d2):
            runs = _split_runs(units, g1, g2)
            if runs is None:
                why = "blocked: non-consecutive/long run"
            elif runs > 1:
                why = "blocked: many-to-many"
            elif (
                group_similarity(units, [*g1, *g2], params.conflict_penalty) < params.group_support
            ):
                why = "blocked: support (same doc)"
            else:
                why = "blocked: other (same doc)"
        else:
            why = "blocked: support"
        return why + (" [linked alone]" if linked_alone else ""), s

    examples: dict[str, list[str]] = defaultdict(list)
    keys = [(n, sid) for n in names for sid, _, _ in event.sentences.get(n, ())]
    for ka, kb in combinations(keys, 2):
        if ka[0] == kb[0]:
            continue
        gold = frozenset((ka, kb)) in golds
        da, db = names.index(ka[0]), names.index(kb[0])
        pa, pb = to_pred[ka], to_pred[kb]
        ga, gb = mapped.group(ka), mapped.group(kb)
        predicted = ga is not None and ga == gb
        if gold and not predicted:
            why, s = pair_info(ka, kb)
            # headline?
            if ka[1] == 0 or kb[1] == 0:
                out["miss-headline"][why] += 1
            out["miss"][why] += 1
            examples[why].append(f"  {s:.3f} {ka}{text[ka][:90]!r}\n        {kb}{text[kb][:90]!r}")
        elif predicted and not gold and pa is not None and pb is not None:
            # (A sentence in a group maps to a predicted one: pa and pb are never None here.)
            ua, ub = unit_of.get((da, pa)), unit_of.get((db, pb))
            s = 0.0
            if ua is not None and ub is not None:
                s = scores.get((min(ua, ub), max(ua, ub)), 0.0)
            multi = len(mapped.to_gold[(ka[0], pa)]) > 1 or len(mapped.to_gold[(kb[0], pb)]) > 1
            related = any(
                dict(f.members).get(ka[0])
                and ka[1] in dict(f.members)[ka[0]]
                and dict(f.members).get(kb[0])
                for f in event.facts
            ) or any(
                dict(f.members).get(kb[0])
                and kb[1] in dict(f.members)[kb[0]]
                and dict(f.members).get(ka[0])
                for f in event.facts
            )
            why = "direct" if s >= thr else f"chained {band(s)}"
            why += " (merged gold sents)" if multi else ""
            why += " (in other fact w/ that report)" if related else " (fact-less)"
            out["false"][why] += 1
            examples["FALSE " + why].append(
                f"  {s:.3f} {ka}{text[ka][:90]!r}\n        {kb}{text[kb][:90]!r}"
            )
    # Facts never found: the cause of their best-scored member pair.
    for f in event.facts:
        if fk.fact_found(f, mapped.group):
            continue
        mem = [(n, s) for n, ss in f.members for s in ss]
        pairs = [(x, y) for x, y in combinations(mem, 2) if x[0] != y[0]]
        best = max(((*pair_info(x, y), x, y) for x, y in pairs), key=lambda t: t[1])
        why = best[0]
        out["fact-miss"][why] += 1
        x, y = best[2], best[3]
        examples["FACT " + why].append(
            f"  {best[1]:.3f} {f.summary[:80]}\n"
            f"        {x}{text[x][:90]!r}\n        {y}{text[y][:90]!r}"
        )
    if verbose:
        for why, ex in sorted(examples.items()):
            print(f"== {event.name[:8]} {why}")
            print("\n".join(ex[:6]))


def main(argv: Sequence[str] | None = None) -> int:
    """Print the causes of missed and false links over the fact gold events."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--facts", default=None)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--event", default=None, help="prefix of one event's folder name")
    args = ap.parse_args(argv)
    events = fk.load_facts(fk.facts_dir(args.facts))
    if args.event:
        events = [e for e in events if e.name.startswith(args.event)]
    total: dict[str, Counter[str]] = defaultdict(Counter)
    for event in events:
        per: dict[str, Counter[str]] = defaultdict(Counter)
        diagnose(event, args.verbose, per)
        for k, c in per.items():
            total[k].update(c)
        missed, false = sum(per["miss"].values()), sum(per["false"].values())
        print(f"{event.name[:8]}: missed {missed}, false {false}")
    for part in ("miss", "miss-headline", "false", "fact-miss"):
        print(f"\n{part} ({sum(total[part].values())}):")
        for why, n in total[part].most_common():
            print(f"  {n:4d}  {why}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
