"""List newsdiff's missed and wrong typed signals on the fact gold (a diagnosis, not a metric).

Run: `python benchmarks/signal_misses.py [--facts DIR] [--event PREFIX] [-v]`. For every gold
divergence of a typed kind it says where it stands: its sentences not in one group (out of
reach of any signal), in one group with a signal of its type (found), or in one group
without one (missed: the signals that group carries instead). For every typed signal it says
whether it lands on a gold divergence of its type, of another type, or on none. Counts go to
stdout; `-v` adds each case's sentences and the gold's words to the terminal only (the
article texts stay in the gold folder).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import factkit as fk
from benchmarks.evalkit import newsdiff_system


def _short(text: str, n: int = 150) -> str:
    one = " ".join(text.split())
    return one if len(one) <= n else one[: n - 1] + "…"


def diagnose(
    event: fk.FactEvent, folder: Path, verbose: bool, out: dict[str, Counter[str]]
) -> None:
    """Add one event's divergences and signals, by outcome, to `out`; print cases if verbose."""
    import newsdiff

    named = event.named_texts()
    cmp = newsdiff.compare(list(named))
    al = newsdiff_system()(named)
    gold = json.loads((folder / "gold.json").read_bytes().decode("utf-8"))
    names = list(event.docs)
    text = {
        (n, sid): event.texts[d][st:en]
        for d, n in enumerate(names)
        for sid, st, en in event.sentences[n]
    }
    m = fk.Mapped(event, al, names)
    group = m.group

    # newsdiff's groups in the order of `al` (compare() keeps the same order).
    groups = cmp.groups
    lines: list[str] = []
    divs = [(f, d) for f in gold["facts"] for d in f.get("divergences", [])]
    for _, d in divs:
        t = d["type"]
        if t not in fk.TYPED:
            continue
        ka, kb = (d["a"], int(d["sent_a"])), (d["b"], int(d["sent_b"]))
        ga, gb = group(ka), group(kb)
        if ga is None or ga != gb:
            why = "apart" if ga is not None and gb is not None else "ungrouped"
            out[f"gold {t}"][why] += 1
            continue
        pair = {names.index(d["a"]), names.index(d["b"])}
        sigs = [s for s in groups[ga].signals if set(s.docs[:2]) == pair]
        if any(s.type == t for s in sigs):
            out[f"gold {t}"]["found"] += 1
            continue
        kind = groups[ga].kind
        why = (
            f"missed ({kind}"
            + (", has " + "/".join(sorted({s.type for s in sigs})) if sigs else "")
            + ")"
        )
        out[f"gold {t}"][why] += 1
        if verbose:
            lines.append(
                f"MISS {t} [{event.name[:8]} g{ga} {kind}] {d['a']}:{_short(d['words_a'], 60)!r}"
                f" vs {d['b']}:{_short(d['words_b'], 60)!r}"
                f"  note: {_short(d.get('note', ''), 120)}\n"
                f"    {ka} {_short(text[ka])}\n    {kb} {_short(text[kb])}\n"
                + "".join(f"    signal {s.type}: {_short(s.detail, 120)}\n" for s in sigs)
            )
    for gi, g in enumerate(groups):
        for s in g.signals:
            if s.type not in fk.TYPED or len(s.docs) < 2:
                continue
            d1, d2 = (names[d] for d in s.docs[:2])
            sides: dict[str, set[int]] = {}
            for e in s.evidence:
                n = names[e.doc]
                sides.setdefault(n, set()).update(m.to_gold.get((names[e.doc], e.sentence), ()))
            hits = [
                (f, d)
                for f, d in divs
                if {d["a"], d["b"]} == {d1, d2}
                and all(int(d[f"sent_{x}"]) in sides[d[x]] for x in ("a", "b") if sides.get(d[x]))
                and any(sides.get(d[x]) for x in ("a", "b"))
            ]
            if any(d["type"] == s.type for _, d in hits):
                out[f"fired {s.type}"]["right"] += 1
                continue
            why = (
                "other type (" + "/".join(sorted({d["type"] for _, d in hits})) + ")"
                if hits
                else "no divergence"
            )
            out[f"fired {s.type}"][why] += 1
            if verbose:
                ev = "".join(
                    f"    {names[e.doc]}:{e.sentence} {_short(e.text)}\n" for e in s.evidence
                )
                lines.append(
                    f"WRONG {s.type} [{event.name[:8]} g{gi} {g.kind}] {d1}/{d2} {why}:"
                    f" {_short(s.detail, 140)}\n{ev}"
                    + "".join(
                        f"    gold {d['type']}: {d['words_a']!r} vs {d['words_b']!r}\n"
                        for _, d in hits
                    )
                )
    if verbose:
        print("\n".join(lines))


def main(argv: Sequence[str] | None = None) -> int:
    """Print the outcome of each gold divergence and typed signal over the fact gold events."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--facts", default=None)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--event", default=None, help="prefix of one event's folder name")
    args = ap.parse_args(argv)
    root = fk.facts_dir(args.facts)
    total: dict[str, Counter[str]] = defaultdict(Counter)
    for event in fk.load_facts(root):
        if args.event and not event.name.startswith(args.event):
            continue
        per: dict[str, Counter[str]] = defaultdict(Counter)
        diagnose(event, root / event.name, args.verbose, per)
        for k, c in per.items():
            total[k].update(c)
    for part in sorted(total):
        print(f"\n{part} ({sum(total[part].values())}):")
        for why, n in total[part].most_common():
            print(f"  {n:4d}  {why}")
    gold = [c for k, c in total.items() if k.startswith("gold ")]
    every = sum(sum(c.values()) for c in gold)
    apart = sum(c["apart"] + c["ungrouped"] for c in gold)
    found = sum(c["found"] for c in gold)
    print(
        f"\nin one group: {every - apart} of {every} typed divergences"
        f" ({(every - apart) / max(every, 1):.3f}), the ceiling of signal recall; found {found}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
