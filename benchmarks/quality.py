"""Measure newsdiff's alignment quality beside simple baselines: `python benchmarks/quality.py`.

Runs newsdiff (through the public `newsdiff.compare`, default options) and the baselines
of benchmarks/README.md over ECB+ (event links, two similar events mixed; per cluster), STS
news (three-way agreement) and the fact gold of ../shared/eval/facts (links, kinds, facts,
typed signals, consistency), all through the same metric code (benchmarks/evalkit.py and
benchmarks/factkit.py).
Prints a table to stdout, progress to stderr, and writes every figure as JSON.

    python benchmarks/quality.py                 # the full benchmark
    python benchmarks/quality.py --quick         # the CI gate's subset
    python benchmarks/quality.py --quick --pin   # re-pin the gate's floors (deliberately)
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    # Run from a clean checkout: newsdiff and benchmarks import without installing.
    sys.path.insert(0, str(ROOT))

from benchmarks import baselines as bl  # noqa: E402
from benchmarks import evalkit as ek  # noqa: E402
from benchmarks import factkit as fk  # noqa: E402

FLOORS = ROOT / "benchmarks" / "quality_floors.json"
DEFAULT_JSON = ROOT / "benchmarks" / "results" / "quality.json"
# Figures where lower is better; the gate pins a ceiling for these instead of a floor.
LOWER_IS_BETTER = frozenset(
    {
        "ecb_mixed.cross_event",
        "sts.score5_signal_rate",
        "facts.pair_links_changed",
        "facts.absent_but_stated",
    }
)
MARGIN = 0.01

COLUMNS: tuple[tuple[str, str], ...] = (
    ("ecb_mixed.precision", "P"),
    ("ecb_mixed.recall", "R"),
    ("ecb_mixed.f1", "F1"),
    ("ecb_mixed.cross_event", "cross"),
    ("ecb_cluster.precision", "P"),
    ("ecb_cluster.recall", "R"),
    ("ecb_cluster.f1", "F1"),
    ("sts.accuracy", "acc"),
    ("sts.macro_f1", "mF1"),
    ("sts.spearman", "rho"),
)

# The fact gold's table: links, kinds, facts found, typed signals, consistency.
FACT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("facts.link_precision", "P"),
    ("facts.link_recall", "R"),
    ("facts.link_f1", "F1"),
    ("facts.kind_accuracy", "kind"),
    ("facts.fact_recall", "factR"),
    ("facts.signal_precision", "sigP"),
    ("facts.signal_precision_any", "anyP"),
    ("facts.signal_recall", "sigR"),
    ("facts.pair_links_changed", "chg"),
    ("facts.absent_but_stated", "absSt"),
)
SIGNAL_KEYS = frozenset(k for k, _ in FACT_COLUMNS if "signal" in k)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse the command line."""
    p = argparse.ArgumentParser(
        prog="python benchmarks/quality.py",
        description="Measure newsdiff's alignment quality beside simple baselines.",
    )
    p.add_argument(
        "--quick",
        action="store_true",
        help=f"the CI gate's subset: every {ek.QUICK_TOPIC_STEP}th ECB+ topic, "
        f"every {ek.QUICK_STS_EVERY}th STS pair",
    )
    p.add_argument("--topics", help="comma-separated ECB+ topic numbers (default: all)")
    p.add_argument("--sts-every", type=int, help="use every Nth STS pair (default: 1)")
    p.add_argument(
        "--systems",
        default="newsdiff,all,tfidf,rapidfuzz",
        help="comma-separated: newsdiff, all (link everything), tfidf, rapidfuzz",
    )
    p.add_argument(
        "--segmenter",
        choices=("auto", "punkt", "newsdiff"),
        default="auto",
        help="sentence splitter of the baselines; auto = newsdiff's if it exists, else Punkt",
    )
    p.add_argument("--no-cluster", action="store_true", help="skip the per-cluster ECB+ runs")
    p.add_argument("--no-sts", action="store_true", help="skip STS news")
    p.add_argument("--no-ecb", action="store_true", help="skip ECB+")
    p.add_argument(
        "--facts",
        help=f"the fact gold folder (default: ${fk.ENV}, else {fk.DEFAULT_FACTS})",
    )
    p.add_argument("--no-facts", action="store_true", help="skip the fact gold")
    p.add_argument(
        "--signals",
        action="store_true",
        help="always print newsdiff's signal firing rates on STS (printed anyway if any fired)",
    )
    p.add_argument(
        "--json", type=Path, default=DEFAULT_JSON, help=f"where to write JSON ({DEFAULT_JSON})"
    )
    p.add_argument(
        "--pin",
        action="store_true",
        help=f"write newsdiff's figures as the gate's floors to {FLOORS.name} (needs --quick)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    return p.parse_args(argv)


def note(msg: str) -> None:
    """Write a diagnostic line to stderr."""
    print(msg, file=sys.stderr, flush=True)


def prefixed(progress: Callable[[str], None] | None, name: str) -> Callable[[str], None] | None:
    """Return a progress callback that prefixes each line with a system's name."""
    if progress is None:
        return None
    return lambda msg: progress(f"{name}: {msg}")


def fmt(value: float | None) -> str:
    """Format a figure for the table."""
    if value is None:
        return "-"
    if math.isnan(value):
        return "n/a"
    return f"{value:.3f}"


def table(rows: list[tuple[str, dict[str, float], float]]) -> str:
    """Render the results as a plain-text table, newsdiff first, then the baselines."""
    name_w = max(len("system"), *(len(name) for name, _, _ in rows))
    # Column blocks: ECB+ mixed (4 figures), ECB+ per cluster (3), STS news (3).
    blocks = (("ECB+ mixed (headline)", 0, 4), ("ECB+ per cluster", 4, 7), ("STS news", 7, 10))

    def line(first: str, cells: list[str], last: str) -> str:
        parts = [" ".join(cells[a:b]) for _, a, b in blocks]
        return f"{first:<{name_w}}  {'  '.join(parts)}  {last:>6}"

    def titles() -> str:
        parts = [f"{title:<{(b - a) * 6 - 1}}" for title, a, b in blocks]
        return f"{'':<{name_w}}  {'  '.join(parts)}  {'':>6}"

    head = line("system", [f"{label:>5}" for _, label in COLUMNS], "sec")
    lines = [titles().rstrip(), head, "-" * len(head)]
    for name, figs, secs in rows:
        vals = [f"{fmt(figs.get(key)):>5}" for key, _ in COLUMNS]
        lines.append(line(name, vals, f"{secs:.1f}"))
    return "\n".join(lines)


def signals_table(rates: dict[str, dict[str, object]]) -> str:
    """Render signal firing rates per STS score bucket (issue #4)."""
    types: list[str] = []
    try:
        from newsdiff.model import SIGNAL_TYPES

        types.extend(SIGNAL_TYPES)
    except ImportError:
        pass
    for bucket in rates.values():
        for t in bucket["rates"]:  # type: ignore[attr-defined]
            if t not in types:
                types.append(t)
    name_w = max(len(n) for n in rates)
    head = f"{'STS pairs':<{name_w}}  {'pairs':>5} {'grouped':>7} {'any':>6} " + " ".join(
        f"{t:>{max(len(t), 6)}}" for t in types
    )
    lines = [head, "-" * len(head)]
    for name, bucket in rates.items():
        r: dict[str, float] = bucket["rates"]  # type: ignore[assignment]
        lines.append(
            f"{name:<{name_w}}  {bucket['pairs']:>5} {bucket['grouped']:>7} "
            f"{bucket['any']:>6.3f} "
            + " ".join(f"{r.get(t, 0.0):>{max(len(t), 6)}.3f}" for t in types)
        )
    return "\n".join(lines)


def facts_table(rows: list[tuple[str, dict[str, float], bool]]) -> str:
    """Render the fact gold figures; systems that carry no signals get "-" for signals."""
    name_w = max(len("system"), *(len(name) for name, _, _ in rows))
    head = f"{'system':<{name_w}}  " + " ".join(f"{label:>5}" for _, label in FACT_COLUMNS)
    lines = [head, "-" * len(head)]
    for name, figs, signals in rows:
        cells = [
            fmt(None if k in SIGNAL_KEYS and not signals else figs.get(k)) for k, _ in FACT_COLUMNS
        ]
        lines.append(f"{name:<{name_w}}  " + " ".join(f"{c:>5}" for c in cells))
    return "\n".join(lines)


def per_type_table(fm: fk.FactMeasurement) -> str:
    """Render typed signal precision and recall per type, then overall."""
    per = fm.counts.per_type()
    head = f"{'signal':<11} {'fired':>5} {'P':>5} {'anyP':>5} {'gold':>5} {'found':>5} {'R':>5}"
    lines = [head, "-" * len(head)]
    for t, r in per.items():
        fired = int(r["signals"])
        p, pa = (fmt(r["precision"]), fmt(r["precision_any"])) if fired else ("-", "-")
        lines.append(
            f"{t:<11} {fired:>5} {p:>5} {pa:>5} {r['divergences']:>5} {r['found']:>5} "
            f"{fmt(r['recall']):>5}"
        )
    counts = fm.counts.to_dict()["counts"]
    figs = fm.figures()
    assert isinstance(counts, dict)
    lines.append(
        f"{'all typed':<11} {counts['signals']:>5} {fmt(figs['facts.signal_precision']):>5} "
        f"{fmt(figs['facts.signal_precision_any']):>5} {counts['divergences']:>5} "
        f"{counts['divergences_found']:>5} {fmt(figs['facts.signal_recall']):>5}"
    )
    return "\n".join(lines)


def consistency_lines(fm: fk.FactMeasurement) -> str:
    """Describe newsdiff's consistency between all-report and two-report runs."""
    c = fm.consistency
    if c is None:
        return ""
    f = c.figures()
    return (
        f"links between two reports: {c.links_all} in the three-report runs, {c.links_pair} "
        f"in the two-report runs, {c.kept} in both: {c.changed} changed "
        f"({f['facts.pair_links_changed']:.3f} of {c.links_all + c.links_pair - c.kept})\n"
        f"a report missing from a group of 2+ reports: {c.absent} cases; in "
        f"{c.absent_stated} ({f['facts.absent_but_stated']:.3f}) the gold says it states "
        f"the group's fact elsewhere\n"
        f"groups naming an absent report's sentence that states their fact elsewhere: "
        f"{c.elsewhere}; the gold agrees for {c.elsewhere_stated} "
        f"({f['facts.elsewhere_precision']:.3f})"
    )


def finite(obj: object) -> object:
    """Replace NaN and infinities (not valid JSON) by None, recursively."""
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    if isinstance(obj, dict):
        return {k: finite(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [finite(v) for v in obj]
    return obj


def git_commit() -> str | None:
    """Return the checkout's commit (with -dirty), if git knows it."""
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "describe", "--always", "--dirty", "--abbrev=12"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip() or None


def pin(
    figures: dict[str, float],
    topics: list[int],
    sts_every: int,
    sts_pairs: int,
    fact_events: list[str],
) -> None:
    """Write newsdiff's quick-subset figures as the gate's floors (and ceilings)."""
    # Round towards the lenient side so that re-running the same code never fails.
    floors = {k: math.floor(v * 1e4) / 1e4 for k, v in figures.items() if k not in LOWER_IS_BETTER}
    ceilings = {k: math.ceil(v * 1e4) / 1e4 for k, v in figures.items() if k in LOWER_IS_BETTER}
    doc = {
        "note": "Pinned by `python benchmarks/quality.py --quick --pin`; the gate "
        "(tests/test_quality_gate.py) fails when a figure falls more than `margin` below "
        "its floor or rises more than `margin` above its ceiling. Re-pin deliberately, "
        "with the reason in the commit message.",
        "pinned_at": git_commit(),
        "subset": {
            "topics": topics,
            "sts_every": sts_every,
            "sts_pairs": sts_pairs,
            "fact_events": fact_events,
        },
        "margin": MARGIN,
        "floors": dict(sorted(floors.items())),
        "ceilings": dict(sorted(ceilings.items())),
    }
    FLOORS.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    note(f"pinned {len(floors)} floors and {len(ceilings)} ceilings in {FLOORS}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; return the process exit code."""
    args = parse_args(argv)
    progress = None if args.quiet else note
    keys = [k.strip() for k in args.systems.split(",") if k.strip()]
    known = {"newsdiff", "all", "tfidf", "rapidfuzz"}
    if not keys or set(keys) - known:
        note(f"error: --systems takes {', '.join(sorted(known))}")
        return 2
    if args.pin and (
        not args.quick
        or args.topics
        or args.sts_every
        or args.no_cluster
        or args.no_sts
        or args.no_ecb
        or args.no_facts
        or "newsdiff" not in keys
    ):
        note("error: --pin pins the gate's subset: use it with --quick alone")
        return 2

    t_load = time.perf_counter()
    all_topics = ek.load_ecb()
    if args.topics:
        try:
            wanted = [int(t) for t in args.topics.split(",") if t.strip()]
        except ValueError:
            note("error: --topics takes comma-separated numbers")
            return 2
        missing = sorted(set(wanted) - set(all_topics))
        if missing:
            note(f"error: no ECB+ topic {missing}; topics are {sorted(all_topics)}")
            return 2
    elif args.quick:
        wanted = ek.quick_topics(all_topics)
    else:
        wanted = list(all_topics)
    topics = {} if args.no_ecb else {t: all_topics[t] for t in sorted(wanted)}
    sts_every = args.sts_every or (ek.QUICK_STS_EVERY if args.quick else 1)
    pairs = [] if args.no_sts else ek.load_sts(every=sts_every)
    fact_root = fk.facts_dir(args.facts)
    events: list[fk.FactEvent] = []
    if not args.no_facts:
        if fact_root.is_dir():
            events = fk.load_facts(fact_root)
        elif args.facts or args.pin:
            note(f"error: no fact gold at {fact_root}")
            return 2
    note(
        f"data: {len(topics)} ECB+ topics, {len(pairs)} STS pairs, {len(events)} fact events "
        f"(loaded in {time.perf_counter() - t_load:.1f}s)"
    )

    systems: list[tuple[str, str, ek.System, bool]] = []
    if "newsdiff" in keys:
        try:
            systems.append(("newsdiff", "newsdiff", ek.newsdiff_system(), True))
        except (ImportError, AttributeError) as exc:
            note(f"error: cannot import newsdiff.compare ({exc}); leave it out with --systems")
            return 2
    seg_name = args.segmenter
    if seg_name == "auto":
        seg_name = "newsdiff" if bl.newsdiff_segmenter_available() else "punkt"
    for b in bl.baselines(bl.segmenter(seg_name)):
        if b.key in keys:
            # Link everything has no similarity to rank STS pairs by: left out there.
            systems.append((b.key, b.name, b, b.similarity is not None))

    rows: list[tuple[str, dict[str, float], float]] = []
    fact_rows: list[tuple[str, dict[str, float], bool]] = []
    results: dict[str, object] = {}
    nd_measure: ek.Measurement | None = None
    nd_facts: fk.FactMeasurement | None = None
    t_all = time.perf_counter()
    for key, name, system, with_sts in systems:
        t0 = time.perf_counter()
        m = ek.measure(
            system,
            topics,
            pairs if with_sts else [],
            per_cluster=not args.no_cluster,
            progress=prefixed(progress, name),
        )
        fm = None
        if events:
            fm = fk.measure_facts(system, events, progress=prefixed(progress, name))
            # Only newsdiff carries signals; the baselines' signal figures are not shown.
            fact_rows.append((name, fm.figures(), key == "newsdiff"))
        secs = time.perf_counter() - t0
        rows.append((name, m.figures(), secs))
        results[key] = {"name": name, **m.to_dict(), "seconds_total": secs}
        if fm is not None:
            results[key]["facts"] = fm.to_dict()  # type: ignore[index]
        if key == "newsdiff":
            nd_measure, nd_facts = m, fm
    total = time.perf_counter() - t_all

    print(table(rows))
    print(
        f"\nECB+: {len(topics)} topics; STS news: {len(pairs)} pairs; baselines split "
        f"sentences with {seg_name}; {total:.1f}s in all."
    )
    mixed = nd_measure.ecb_mixed if nd_measure is not None else None
    if mixed is not None and mixed.elsewhere:
        right = mixed.elsewhere_correct / mixed.elsewhere_judged if mixed.elsewhere_judged else 0
        print(
            f"newsdiff on ECB+ mixed: groups name {mixed.elsewhere} sentences told elsewhere; "
            f"of {mixed.elsewhere_judged} annotated on both sides, {mixed.elsewhere_correct} "
            f"({right:.3f}) share a gold event with the group"
        )
    if events:
        print(f"\nFact gold ({len(events)} three-outlet events, {fact_root}):")
        print(facts_table(fact_rows))
        print(
            "P/R/F1: links; kind: kind accuracy; factR: facts found; sigP/anyP/sigR: typed "
            "signal precision (any-type) and recall;\nchg: share of two-report links that "
            "change with the third report; absSt: share of absent reports that state the fact"
        )
    elif not args.no_facts:
        print(
            f"\nFact gold: skipped, no folder at {fact_root} (CI has ../shared/eval/facts "
            f"beside the clone; elsewhere set {fk.ENV} or --facts)."
        )
    if nd_facts is not None:
        print("\nnewsdiff typed signals on the fact gold:")
        print(per_type_table(nd_facts))
        print("\nnewsdiff consistency (all reports vs each pair alone):")
        print(consistency_lines(nd_facts))
    rates = None
    if nd_measure is not None and nd_measure.sts is not None:
        rates = ek.signal_rates(nd_measure.sts)
        fired = any(b["rates"] for b in rates.values())
        score5 = rates["score 5"]
        print(
            f"\nnewsdiff typed-signal firing rate on STS pairs scored 5: {score5['any']:.3f} "
            f"({score5['pairs']} pairs)"
        )
        if fired or args.signals:
            print("\nnewsdiff signal firing rates on STS news (share of pairs):")
            print(signals_table(rates))
        if not fired:
            print("\nnewsdiff groups carried no signals on STS news.")

    doc = {
        "schema": "newsdiff-quality/1",
        "commit": git_commit(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "subset": {
            "quick": args.quick,
            "topics": sorted(topics),
            "sts_every": sts_every,
            "sts_pairs": len(pairs),
            "fact_events": [e.name for e in events],
        },
        "baseline_segmenter": seg_name,
        "seconds": total,
        "systems": results,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(finite(doc), indent=2, allow_nan=False) + "\n"
    args.json.write_text(text, encoding="utf-8")
    note(f"wrote {args.json}")
    if args.pin and nd_measure is not None and nd_facts is not None:
        figures = {**nd_measure.figures(), **nd_facts.figures()}
        pin(figures, sorted(topics), sts_every, len(pairs), [e.name for e in events])
    return 0


if __name__ == "__main__":
    sys.exit(main())
