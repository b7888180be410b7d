"""Print how often each divergence signal fires on STS-Benchmark news pairs.

Each pair goes straight to `newsdiff.signals.detect` as two one-sentence documents (no
alignment, no threshold), so the figures measure the detectors alone. Pairs scored 5 say
the same thing: a signal there is a false alarm, and the rate should stay near 0. Pairs
scored 2 to 4 are same-topic sentences with differing details, where signals should fire.
(`benchmarks/quality.py` reports the rates of the whole pipeline, through the groups.)

    python benchmarks/signal_rates.py                  # the table
    python benchmarks/signal_rates.py --show entity    # also list the pairs where it fires
    python benchmarks/signal_rates.py --show any --band 5
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    # Run from a clean checkout: newsdiff and benchmarks import without installing.
    sys.path.insert(0, str(ROOT))

from benchmarks import evalkit as ek  # noqa: E402
from newsdiff.model import SIGNAL_TYPES, Document, Member, Sentence, Signal  # noqa: E402
from newsdiff.signals import detect  # noqa: E402

BANDS = {"5": lambda s: s == 5, "2-4": lambda s: 2 <= s <= 4}


def one_sentence(doc_id: str, text: str) -> Document:
    """Return a document holding one sentence: the whole text."""
    return Document(doc_id, text, None, (Sentence(0, 0, len(text), text),))


def pair_signals(s1: str, s2: str) -> tuple[Signal, ...]:
    """Return the signals detected between two sentences."""
    docs = [one_sentence("s1", s1), one_sentence("s2", s2)]
    return detect(docs, [Member(0, (0,)), Member(1, (0,))])


def rates(
    pairs: list[ek.StsPair], show: str, band: str
) -> tuple[dict[str, int], dict[str, Counter[str]]]:
    """Return pairs per band and, per band, how many pairs each signal type fired on."""
    totals = dict.fromkeys(BANDS, 0)
    fired = {name: Counter[str]() for name in BANDS}
    for p in pairs:
        name = next((n for n, keep in BANDS.items() if keep(p.score)), None)
        if name is None:
            continue
        totals[name] += 1
        signals = pair_signals(p.s1, p.s2)
        kinds = {s.type for s in signals} | ({"any"} if signals else set())
        fired[name].update(kinds)
        if show and band in (name, "all"):
            for s in signals:
                if show in (s.type, "any"):
                    sys.stderr.write(f"{p.id}\t{p.score:g}\t{s.type}: {s.detail}\n")
                    sys.stderr.write(f"    {p.s1}\n    {p.s2}\n")
    return totals, fired


def main(argv: list[str] | None = None) -> int:
    """Detect signals on every pair and print the firing rate per type and score band."""
    ap = argparse.ArgumentParser(description="Signal firing rates on STS news pairs.")
    ap.add_argument("--data", type=Path, default=ek.DATA, help="folder holding sts-news/")
    ap.add_argument("--show", default="", help="list (on stderr) the pairs where TYPE fires")
    ap.add_argument("--band", choices=[*BANDS, "all"], default="all", help="with --show")
    args = ap.parse_args(argv)
    totals, fired = rates(ek.load_sts(args.data), args.show, args.band)
    print(f"{'signal':<12} {'score 5':>9} {'score 2-4':>10}")
    print(f"{'(pairs)':<12} {totals['5']:>9} {totals['2-4']:>10}")
    for t in [*(t for t in SIGNAL_TYPES if t != "wording"), "any"]:
        r5 = fired["5"][t] / max(1, totals["5"])
        r24 = fired["2-4"][t] / max(1, totals["2-4"])
        print(f"{t:<12} {r5:>9.3f} {r24:>10.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
