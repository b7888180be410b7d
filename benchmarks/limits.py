"""Measure time and peak memory of one comparison per case, each in its own process.

The figures in docs/limits.md come from this script. Each case runs in a child process
under an address-space cap (--cap-gb, default 4), so a runaway case ends in MemoryError
instead of taking the machine down. Usage:

    PYTHONPATH=. python benchmarks/limits.py                  # all cases
    PYTHONPATH=. python benchmarks/limits.py ecb200 worst5000 # some
    PYTHONPATH=. python benchmarks/limits.py --align-only many500 # the aligner's share
"""

from __future__ import annotations

import argparse
import glob
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ECB = ROOT / "benchmarks" / "data" / "ecbplus"
SEED = ROOT / "seeds" / "nasa-refutes-rogozin.txt"
SMALL = ROOT / "seeds" / "nasa-shrugs-off-roscosmos.txt"

CASES = {
    "ecb200": "200 ECB+ reports of 43 events at once (real news, mixed events)",
    "same200": "200 reports of one event (ECB+ topic 1 reprinted with an extra line each)",
    "worst2000": "2 reports, 2,000 sentences, every sentence similar to every other",
    "worst5000": "the same at the default --max-sentences (5,000)",
    "big4": "a 4 MB report against a 5 KB one (--max-sentences 0: no limit)",
    "big20": "a 20 MB report against a 5 KB one, default --max-sentences",
    "near5000": "2 reports of 2,500 near-identical sentences differing only in a number",
    "many100": "100 reports of 10 similar sentences each (1,000), rendered as JSON",
    "many200": "200 reports of 10 similar sentences each (2,000), rendered as JSON",
    "many500": "500 reports of 10 similar sentences each (5,000, the default limit), JSON",
    "tiny5000": "5,000 reports of one such sentence each (story clustering: reports squared)",
    "wide24": "24 reports of 208 such sentences (4,992): groups of 24, every pair signalled",
    "fact500": "one fact in 500 one-sentence reports, 50 wordings (signals of one big group)",
}

# The adversarial shapes of issue 16 (near-copies at scale, many small similar reports).
STORM = (
    "The storm flooded the river town on Monday and officials said {n} people were moved"
    " to school number {k}."
)


def near_copies(reports: int, sentences: int) -> list[tuple[str, str]]:
    """Return reports of sentences that differ only in their numbers (issue 16)."""
    return [
        (
            f"r{r:03d}",
            "\n\n".join(STORM.format(n=r * sentences + k, k=k) for k in range(sentences)),
        )
        for r in range(reports)
    ]


def _docs(case: str) -> tuple[list[tuple[str, str]], int | None]:
    """Return the reports of a case and the sentence limit to use."""
    if case in ("ecb200", "same200"):
        if case == "ecb200":
            files = sorted(glob.glob(str(ECB / "*" / "*.txt")))
            random.Random(0).shuffle(files)
            texts = [Path(f).read_text(encoding="utf-8") for f in files[:200]]
        else:
            files = sorted(glob.glob(str(ECB / "1ecb*" / "*.txt")))
            texts = [
                Path(files[i % len(files)]).read_text(encoding="utf-8")
                + f"\n\nExtra sentence number {i}."
                for i in range(200)
            ]
        return [(f"r{i}", t) for i, t in enumerate(texts)], None
    if case.startswith("near"):
        return near_copies(2, int(case[4:]) // 2), None
    if case.startswith("many"):
        return near_copies(int(case[4:]), 10), None
    if case.startswith("tiny"):
        return near_copies(int(case[4:]), 1), None
    if case.startswith("wide"):
        return near_copies(int(case[4:]), 5000 // int(case[4:])), None
    if case.startswith("fact"):
        # One fact, reported by every report; the wire copies repeat one of 50 wordings.
        return [(f"r{r:03d}", STORM.format(n=r % 50, k=7)) for r in range(int(case[4:]))], None
    if case.startswith("worst"):
        half = int(case[5:]) // 2
        a = " ".join(f"NASA said item {i} rose." for i in range(half))
        b = " ".join(f"NASA said thing {i} fell." for i in range(half))
        return [("a", a), ("b", b)], 0
    mb = int(case[3:])
    base = SEED.read_text(encoding="utf-8")
    big = "\n\n".join([base] * (mb * 2**20 // len(base.encode()) + 1))
    return [("big", big), ("small", SMALL.read_text(encoding="utf-8"))], (0 if mb < 20 else None)


def _skip_classify() -> dict[str, int]:
    """Make `newsdiff.compare` stop after aligning; return where the groups are counted."""
    import newsdiff.classify

    seen = {"groups": 0}

    def count(documents: Any, raw: Any, *args: Any, **kwargs: Any) -> Any:
        seen["groups"] = len(raw)
        return newsdiff.classify.Classified((), 0.0)

    newsdiff.classify.classify = count  # type: ignore[assignment]
    return seen


def child(case: str, cap_gb: float, align_only: bool) -> None:
    """Run one case in this process and print a JSON line of its figures."""
    cap = int(cap_gb * 2**30)
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    import newsdiff
    from newsdiff.text.budget import DEFAULT_MAX_SENTENCES

    seen = _skip_classify() if align_only else None

    docs, limit = _docs(case)
    options = newsdiff.Options(max_sentences=DEFAULT_MAX_SENTENCES if limit is None else limit)
    t0 = time.perf_counter()
    try:
        c = newsdiff.compare(docs, options)
        groups = seen["groups"] if seen else len(c.groups)
        result = f"{groups} groups, {sum(len(d.sentences) for d in c.documents)} sentences"
        if seen:
            result += " (aligned only)"
        elif case.startswith(("many", "tiny", "fact", "wide")):
            # As `newsdiff compare r*.txt -f json`: the pairwise signals are most of it.
            import io

            from newsdiff.render import RenderOptions, render

            out = io.StringIO()
            render("json", c, out, RenderOptions())
            signals = sum(len(g.signals) for g in c.groups)
            result += f", {signals} signals, {len(out.getvalue()) // 2**20} MB of JSON"
    except MemoryError:
        result = "MemoryError"
    except newsdiff.NewsdiffError as exc:
        result = f"stopped: {str(exc)[:90]}"
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    chars = sum(len(t) for _, t in docs)
    print(
        json.dumps(
            {"case": case, "reports": len(docs), "chars": chars, "result": result,
             "seconds": round(time.perf_counter() - t0, 1), "peak_mb": round(peak)}
        )
    )  # fmt: skip


def main() -> int:
    """Run the asked cases, each in a child process, and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", default=list(CASES))
    parser.add_argument("--cap-gb", type=float, default=4.0)
    parser.add_argument(
        "--align-only", action="store_true", help="stop after aligning (no signals, no output)"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.cases[0], args.cap_gb, args.align_only)
        return 0
    for case in args.cases:
        r = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                "--cap-gb",
                str(args.cap_gb),
                *(["--align-only"] if args.align_only else []),
                case,
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        line = r.stdout.strip().splitlines()[-1] if r.stdout.strip() else r.stderr[-300:]
        print(f"{case:10} {CASES.get(case, '')}\n           {line}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
