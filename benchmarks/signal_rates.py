"""Print how often each divergence signal fires on STS-Benchmark news pairs.

Each pair is compared as two one-sentence documents. Pairs scored 5 say the same thing, so
a signal there is (nearly always) a false alarm; pairs scored 2 to 4 are same-topic pairs
with differing details, where signals should fire.

    python benchmarks/signal_rates.py [../shared/eval/sts-news/pairs.tsv] [--show TYPE]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from newsdiff.model import SIGNAL_TYPES, Document, Member, Sentence, Signal
from newsdiff.signals import detect

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "sts-news" / "pairs.tsv"


def one_sentence(doc_id: str, text: str) -> Document:
    """Return a document holding one sentence: the whole text."""
    return Document(doc_id, text, None, (Sentence(0, 0, len(text), text),))


def pair_signals(s1: str, s2: str) -> tuple[Signal, ...]:
    """Return the signals detected between two sentences."""
    docs = [one_sentence("s1", s1), one_sentence("s2", s2)]
    return detect(docs, [Member(0, (0,)), Member(1, (0,))])


def main(argv: list[str] | None = None) -> int:
    """Read the pairs, detect signals and print firing rates per signal type."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pairs", nargs="?", default=str(DEFAULT))
    ap.add_argument("--show", help="print the pairs where this signal type fires", default="")
    ap.add_argument("--band", choices=["5", "2-4", "all"], default="all")
    args = ap.parse_args(argv)
    bands = {"5": Counter[str](), "2-4": Counter[str]()}
    totals = {"5": 0, "2-4": 0}
    with open(args.pairs, encoding="utf-8") as f:
        next(f)
        for line in f:
            pid, _genre, score_s, s1, s2 = line.rstrip("\n").split("\t")
            score = float(score_s)
            band = "5" if score == 5 else "2-4" if 2 <= score <= 4 else None
            if band is None:
                continue
            totals[band] += 1
            signals = pair_signals(s1, s2)
            kinds = {s.type for s in signals}
            bands[band].update(kinds)
            if kinds:
                bands[band]["any"] += 1
            if args.show and args.band in (band, "all"):
                for s in signals:
                    if s.type == args.show:
                        print(f"{pid}\t{score_s}\t{s.detail}\n    {s1}\n    {s2}", file=sys.stderr)
    types = [t for t in SIGNAL_TYPES if t != "wording"] + ["any"]
    print(f"{'signal':<12} {'score 5':>10} {'score 2-4':>10}")
    print(f"{'pairs':<12} {totals['5']:>10} {totals['2-4']:>10}")
    for t in types:
        r5 = bands["5"][t] / max(1, totals["5"])
        r24 = bands["2-4"][t] / max(1, totals["2-4"])
        print(f"{t:<12} {r5:>10.3f} {r24:>10.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
