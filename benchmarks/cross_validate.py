"""How well do newsdiff's thresholds carry to topics and events they were not chosen on?

Run: `python benchmarks/cross_validate.py [--thresholds LIST] [--support LIST] [--json PATH]`.

The issue's figures that decide are measured on ECB+ topics and fact events the project
never sees, and precision fell there once (0.81 on the public topics, 0.69 on unseen ones).
This script measures that risk on the public data, three ways, with no article text printed:

1. Cross-validation: newsdiff runs once per grid point (link threshold x group support) on
   every ECB+ mixed topic and every fact event; each topic (event) is then held out in turn,
   the grid point is chosen on the others by a stated rule, and the held-out topic is scored
   at that point. Pooled held-out figures are what choosing by that rule gives on unseen
   topics; the gap to the in-sample figures is the optimism of the choice.
2. Transfer: the point chosen on all ECB+ topics, scored on the fact events (how newsdiff's
   defaults are meant to be chosen: never on the facts).
3. Topic sampling: at the default point, the spread of pooled precision over sets of
   topics drawn (with replacement, seeded) from the public ones, at the public set's size
   and at the size of a held-back set, so a fall on unseen topics can be read as noise or
   as a shift.

Figures are micro averages (benchmarks/README.md); the rules are in `RULES`.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import evalkit as ek
from benchmarks import factkit as fk

# (link threshold, group support)
Point = tuple[float, float]
# Per grid point, per held-out unit (topic or event): its link counts.
Table = Mapping[Point, Mapping[str, ek.LinkCounts]]

THRESHOLDS: tuple[float, ...] = (0.2, 0.225, 0.25, 0.275, 0.3, 0.325, 0.35, 0.4, 0.45, 0.5)
SUPPORTS: tuple[float, ...] = (0.2, 0.3, 0.4)
# The precision target: the "precision first" rule keeps points reaching it.
TARGET_PRECISION = 0.85
# ECB+ has 43 topics (1-45 without 15 and 17); the 33 of 1-35 are public here, the other
# 10 (36-45) are the kind of held-back set the issue measured on.
HELD_BACK_SIZE = 10
DRAWS = 2000
SEED = 0


def pooled(counts: Sequence[ek.LinkCounts]) -> ek.LinkCounts:
    """Return the sum of some units' link counts."""
    total = ek.LinkCounts()
    for c in counts:
        total.add(c)
    return total


def best_f1(table: Table, units: Sequence[str]) -> Point:
    """Return the grid point of highest pooled F1 on the units (first in grid order on ties)."""
    return max(table, key=lambda p: pooled([table[p][u] for u in units]).f1)


def precision_first(table: Table, units: Sequence[str]) -> Point:
    """Return the point of highest recall with precision >= target, else of highest precision."""
    sums = {p: pooled([table[p][u] for u in units]) for p in table}
    meeting = [p for p in table if sums[p].precision >= TARGET_PRECISION]
    if meeting:
        return max(meeting, key=lambda p: sums[p].recall)
    return max(table, key=lambda p: sums[p].precision)


RULES: dict[str, Callable[[Table, Sequence[str]], Point]] = {
    "best F1": best_f1,
    f"recall at P >= {TARGET_PRECISION}": precision_first,
}


def held_out(
    table: Table, rule: Callable[[Table, Sequence[str]], Point]
) -> tuple[ek.LinkCounts, dict[str, Point]]:
    """Hold each unit out in turn, choose a point on the rest by the rule, score the unit there.

    Returns the pooled held-out counts and the point chosen for each held-out unit.
    """
    units = sorted(next(iter(table.values())))
    total = ek.LinkCounts()
    chosen: dict[str, Point] = {}
    for u in units:
        point = rule(table, [v for v in units if v != u])
        chosen[u] = point
        total.add(table[point][u])
    return total, chosen


def sampled_precision(
    counts: Mapping[str, ek.LinkCounts], size: int, draws: int = DRAWS, seed: int = SEED
) -> list[float]:
    """Return pooled precision over `draws` sets of `size` units drawn with replacement, sorted."""
    rng = random.Random(seed)
    units = sorted(counts)
    out = [pooled([counts[rng.choice(units)] for _ in range(size)]).precision for _ in range(draws)]
    return sorted(out)


def percentile(values: Sequence[float], q: float) -> float:
    """Return the q-quantile (0..1) of sorted values, by the nearest lower rank."""
    if not values:
        raise ValueError("percentile of no values")
    return values[min(len(values) - 1, int(q * len(values)))]


def collect(
    points: Sequence[Point],
    topics: dict[int, list[ek.EcbDoc]],
    events: Sequence[fk.FactEvent],
    progress: Callable[[str], None] | None = None,
) -> tuple[dict[Point, dict[str, ek.LinkCounts]], dict[Point, dict[str, ek.LinkCounts]]]:
    """Run newsdiff at each grid point; return per-topic (ECB+ mixed) and per-event link counts."""
    import newsdiff

    ecb: dict[Point, dict[str, ek.LinkCounts]] = {}
    facts: dict[Point, dict[str, ek.LinkCounts]] = {}
    for threshold, support in points:
        t0 = time.perf_counter()
        options = newsdiff.Options(link_threshold=threshold, group_support=support)
        system = ek.newsdiff_system(options)
        m = ek.measure(system, topics, [], per_cluster=False)
        ecb[(threshold, support)] = dict(m.per_topic)
        fm = fk.measure_facts(system, events, consistency=False)
        facts[(threshold, support)] = {name: c.links() for name, c in fm.per_event.items()}
        if progress:
            progress(f"threshold {threshold} support {support}: {time.perf_counter() - t0:.1f}s")
    return ecb, facts


def row(label: str, c: ek.LinkCounts, note: str = "") -> str:
    """Format one line of a table: label, P, R, F1 and a note."""
    return f"{label:<34} {c.precision:5.3f} {c.recall:5.3f} {c.f1:5.3f}  {note}".rstrip()


def fmt_point(p: Point) -> str:
    """Format a grid point as 'threshold/support'."""
    return f"{p[0]:g}/{p[1]:g}"


def chosen_summary(chosen: Mapping[str, Point]) -> str:
    """Say which points the folds chose and how often, most frequent first."""
    tally: dict[Point, int] = {}
    for p in chosen.values():
        tally[p] = tally.get(p, 0) + 1
    ranked = sorted(tally.items(), key=lambda kv: (-kv[1], kv[0]))
    return "chose " + ", ".join(f"{fmt_point(p)} x{n}" for p, n in ranked)


def report(name: str, table: Table, default: Point, figures: dict[str, object]) -> list[str]:
    """Return the lines of one dataset's cross-validation table; record its figures."""
    units = sorted(next(iter(table.values())))
    head = f"{name}, {len(units)} held out in turn"
    lines = [f"{head:<34}     P     R    F1", "-" * 66]
    base = pooled([table[default][u] for u in units])
    lines.append(row(f"default {fmt_point(default)}, in sample", base))
    figures["default"] = counts_json(base)
    for label, rule in RULES.items():
        inside = rule(table, units)
        c_in = pooled([table[inside][u] for u in units])
        c_out, chosen = held_out(table, rule)
        lines.append(row(f"{label}, in sample", c_in, f"at {fmt_point(inside)}"))
        lines.append(row(f"{label}, held out", c_out, chosen_summary(chosen)))
        figures[label] = {
            "in_sample": {"point": list(inside), **counts_json(c_in)},
            "held_out": counts_json(c_out),
            "chosen": {u: list(p) for u, p in chosen.items()},
        }
    return lines


def counts_json(c: ek.LinkCounts) -> dict[str, float]:
    """Return pooled counts' precision, recall and F1 as JSON-ready data."""
    return {"precision": c.precision, "recall": c.recall, "f1": c.f1}


def grid_lines(ecb: Table, facts: Table, default: Point) -> list[str]:
    """Return the pooled figures of every grid point, in sample, ECB+ and facts side by side."""
    lines = [
        "Every grid point, in sample     ECB+ P     R    F1   facts P     R    F1",
        "-" * 72,
    ]
    for p in sorted(ecb):
        e = pooled(list(ecb[p].values()))
        text = f"{fmt_point(p):<12}{'(default)' if p == default else '':<20}"
        text += f"{e.precision:5.3f} {e.recall:5.3f} {e.f1:5.3f}"
        if facts:
            f = pooled(list(facts[p].values()))
            text += f"     {f.precision:5.3f} {f.recall:5.3f} {f.f1:5.3f}"
        lines.append(text)
    return lines


def parse_floats(text: str) -> tuple[float, ...]:
    """Parse a comma-separated list of numbers."""
    try:
        values = tuple(sorted({float(v) for v in text.split(",") if v.strip()}))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {text!r}") from None
    if not values:
        raise argparse.ArgumentTypeError("an empty list")
    if not all(0.0 <= v <= 1.0 for v in values):
        raise argparse.ArgumentTypeError(f"values must lie in [0, 1]: {text!r}")
    return values


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse the command line."""
    p = argparse.ArgumentParser(
        prog="python benchmarks/cross_validate.py",
        description="Cross-validate newsdiff's link threshold and group support across "
        "ECB+ topics and fact events.",
    )
    p.add_argument("--thresholds", type=parse_floats, default=THRESHOLDS, help="link thresholds")
    p.add_argument("--support", type=parse_floats, default=SUPPORTS, help="group supports")
    p.add_argument("--topics", help="comma-separated ECB+ topic numbers (default: all)")
    p.add_argument("--facts", help=f"the fact gold folder (default: ${fk.ENV}, else shared)")
    p.add_argument("--json", type=Path, help="also write every figure as JSON here")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the cross-validation; return the process exit code."""
    import newsdiff

    args = parse_args(argv)

    def progress(msg: str) -> None:
        if not args.quiet:
            print(msg, file=sys.stderr, flush=True)

    all_topics = ek.load_ecb()
    try:
        wanted = (
            [int(t) for t in args.topics.split(",") if t.strip()]
            if args.topics
            else list(all_topics)
        )
    except ValueError:
        wanted = []
    if set(wanted) - set(all_topics) or len(wanted) < 2:
        print(f"error: --topics takes two or more of {sorted(all_topics)}", file=sys.stderr)
        return 2
    topics = {t: all_topics[t] for t in sorted(wanted)}
    root = fk.facts_dir(args.facts)
    events = fk.load_facts(root) if root.is_dir() else []
    defaults = newsdiff.Options()
    default: Point = (defaults.link_threshold, defaults.group_support)
    points = sorted({(t, s) for t in args.thresholds for s in args.support} | {default})
    progress(f"{len(points)} grid points x ({len(topics)} ECB+ topics + {len(events)} events)")
    ecb, facts = collect(points, topics, events, progress)

    figures: dict[str, object] = {"points": [list(p) for p in points], "default": list(default)}
    lines: list[str] = []
    ecb_fig: dict[str, object] = {}
    lines += report("ECB+ mixed topics", ecb, default, ecb_fig)
    figures["ecb_mixed"] = ecb_fig
    if events:
        fact_fig: dict[str, object] = {}
        lines += ["", *report("Fact events", facts, default, fact_fig)]
        lines.append("")
        lines.append("Transfer: chosen on all ECB+ topics, scored on the fact events")
        for label, rule in RULES.items():
            point = rule(ecb, sorted(next(iter(ecb.values()))))
            c = pooled(list(facts[point].values()))
            lines.append(row(f"{label}", c, f"at {fmt_point(point)}"))
            fact_fig[f"transfer {label}"] = {"point": list(point), **counts_json(c)}
        figures["facts"] = fact_fig
    else:
        lines += ["", f"Fact events: none at {root} (skipped)"]

    lines += ["", *grid_lines(ecb, facts if events else {}, default)]
    figures["grid"] = [
        {
            "point": list(p),
            "ecb_mixed": counts_json(pooled(list(ecb[p].values()))),
            **({"facts": counts_json(pooled(list(facts[p].values())))} if events else {}),
        }
        for p in points
    ]

    per_topic = ecb[default]
    spread = [per_topic[u].precision for u in sorted(per_topic) if per_topic[u].predicted]
    lines.append("")
    span = f"per-topic P from {min(spread):.3f} to {max(spread):.3f}" if spread else "no links"
    lines.append(
        f"Topic sampling at the default {fmt_point(default)}: pooled ECB+ precision over "
        f"{DRAWS} draws (seed {SEED}); {span}"
    )
    sampling: dict[str, object] = {}
    for size in sorted({len(per_topic), HELD_BACK_SIZE}):
        values = sampled_precision(per_topic, size)
        lo, mid, hi = (percentile(values, q) for q in (0.05, 0.5, 0.95))
        below = sum(v < TARGET_PRECISION for v in values) / len(values)
        lines.append(
            f"  sets of {size:>2} topics: median {mid:.3f}, 90% of sets in [{lo:.3f}, {hi:.3f}]; "
            f"{below:.0%} below {TARGET_PRECISION}"
        )
        sampling[str(size)] = {"p05": lo, "median": mid, "p95": hi, "below_target": below}
    figures["topic_sampling"] = sampling
    print("\n".join(lines))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
