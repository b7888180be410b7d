"""Measure newsdiff's speed beside baselines timed in the same run: `python benchmarks/speed.py`.

Five parts, each figure next to the thing it is compared with, measured in the same
process or the same shell session so that a ratio holds on a noisy shared machine:

1. start-up: `newsdiff --help` / `--version` against `python -c pass`, and `newsdiff
   compare` on the seeds against the import floor (numpy, rapidfuzz, rich and Punkt), in
   this environment and, with --scipy-env, in one that also holds scipy (subprocesses,
   interleaved rounds, medians; see benchmarks/startup.py);
2. throughput: every ECB+ cluster compared in-process through `newsdiff.compare`, in
   reports per second, split by pipeline step (load, segment, tokenize, score, group,
   classify, signals, render);
3. baselines on the same clusters and the same sentences (newsdiff's segmentation): every
   cross-report sentence pair scored by `difflib.SequenceMatcher` and by a Python double
   loop over rapidfuzz's scalar `fuzz.ratio`;
4. scale: one cluster of 10 ... 3,000 reports drawn from ECB+ (seeded shuffle, repeated
   past the corpus' 772 reports), each size in its own subprocess: time, peak memory,
   growth per doubling;
5. parallel: a corpus of clusters with 1 and 2 workers.

The table goes to stdout, progress to stderr, every figure to JSON (--json).

    python benchmarks/speed.py            # everything (a few minutes)
    python benchmarks/speed.py --quick    # a smoke run (under a minute)
    python benchmarks/speed.py --parts startup --scipy-env create   # start-up, both envs
"""

from __future__ import annotations

import argparse
import difflib  # the baseline to beat; allowed here only, never in newsdiff/ or tests/
import io
import itertools
import json
import math
import os
import platform
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    # Run from a clean checkout: newsdiff and benchmarks import without installing.
    sys.path.insert(0, str(ROOT))

from benchmarks import evalkit as ek  # noqa: E402
from benchmarks import startup  # noqa: E402

DEFAULT_JSON = ROOT / "benchmarks" / "results" / "speed.json"
SEEDS = (
    ROOT / "seeds" / "nasa-shrugs-off-roscosmos.txt",
    ROOT / "seeds" / "nasa-refutes-rogozin.txt",
)
ECB_ROOT = ek.DATA / "ecbplus"
FULL_SIZES = (10, 100, 1000, 3000)
QUICK_SIZES = (10, 100)
# The steps of Comparison.timings shown, in pipeline order ("classify" includes
# "signals" and "align" is tokenize + score + group: the table shows the parts).
# Issue 15: the whole run (load..render) against segmentation alone, and signals' share (%).
THROUGHPUT_TARGETS = {"end to end / segment": 8.0, "signals share": 20.0}
STEPS = ("load", "segment", "tokenize", "score", "group", "classify", "signals", "render")


def note(msg: str) -> None:
    """Print a progress line on stderr."""
    sys.stderr.write(f"speed: {msg}\n")
    sys.stderr.flush()


# ---------------------------------------------------------------------------------------
# Data


@dataclass(frozen=True)
class Cluster:
    """One ECB+ cluster (one event): its report files and texts."""

    name: str
    paths: tuple[Path, ...]
    texts: tuple[tuple[str, str], ...]


def load_clusters(every: int = 1, limit: int | None = None) -> list[Cluster]:
    """Return the ECB+ clusters (`<N>ecb` and `<N>ecbplus` apart), every `every`-th."""
    by_cluster: dict[str, list[ek.EcbDoc]] = {}
    for docs in ek.load_ecb().values():
        for d in docs:
            by_cluster.setdefault(d.cluster, []).append(d)
    names = sorted(by_cluster, key=lambda c: (int(c.rstrip("ecbplus")), c))[::every]
    out = [
        Cluster(
            name,
            tuple(ECB_ROOT / name / f"{d.id}.txt" for d in by_cluster[name]),
            tuple((d.id, d.text) for d in by_cluster[name]),
        )
        for name in names
    ]
    return out[:limit] if limit else out


def scale_texts(n: int, seed: int) -> list[tuple[str, str]]:
    """Return n reports drawn from all of ECB+: shuffled, reshuffled and repeated past 772."""
    pool = sorted((d.id, d.text) for docs in ek.load_ecb().values() for d in docs)
    rng = random.Random(seed)
    out: list[tuple[str, str]] = []
    while len(out) < n:
        batch = pool[:]
        rng.shuffle(batch)
        out.extend(batch)
    return [(f"r{i:05d}-{name}", text) for i, (name, text) in enumerate(out[:n])]


# ---------------------------------------------------------------------------------------
# 1. Start-up


# Measured in benchmarks/startup.py (two environments: with and without scipy).


# ---------------------------------------------------------------------------------------
# 2. Throughput


def throughput(clusters: Sequence[Cluster], repeats: int) -> dict[str, Any]:
    """Load, compare and render every cluster; keep the repeat with the median total."""
    import newsdiff
    from newsdiff import render

    runs: list[dict[str, float]] = []
    sentences: list[list[list[str]]] = []
    opts = render.RenderOptions(color=False, width=120)
    for r in range(repeats):
        steps = dict.fromkeys(STEPS, 0.0)
        first = not sentences
        for c in clusters:
            t0 = time.perf_counter()
            docs = [newsdiff.load(p) for p in c.paths]
            steps["load"] += time.perf_counter() - t0
            cmp = newsdiff.compare(docs)
            for k in ("segment", "tokenize", "score", "group", "classify", "signals"):
                steps[k] += cmp.timings.get(k, 0.0)
            t0 = time.perf_counter()
            for fmt in ("json", "table"):
                render.get(fmt)(cmp, io.StringIO(), opts)
            steps["render"] += time.perf_counter() - t0
            if first:
                # The same sentences go to the baselines: newsdiff's content sentences.
                sentences.append([[s.text for s in d.content_sentences()] for d in cmp.documents])
        steps["classify"] -= steps["signals"]  # shown apart
        runs.append(steps)
        note(f"throughput run {r + 1}/{repeats}: {sum(steps.values()):.2f}s")
    pick = sorted(runs, key=lambda s: sum(s.values()))[len(runs) // 2]
    reports = sum(len(c.paths) for c in clusters)
    compare_s = sum(
        pick[k] for k in ("segment", "tokenize", "score", "group", "classify", "signals")
    )
    after_segment = compare_s - pick["segment"]
    return {
        "clusters": len(clusters),
        "reports": reports,
        "sentences": sum(len(s) for doc in sentences for s in doc),
        "repeats": repeats,
        "steps_s": pick,
        "total_s": sum(pick.values()),
        "compare_s": compare_s,
        "after_segment_s": after_segment,
        "reports_per_s": reports / compare_s,
        "reports_per_s_end_to_end": reports / sum(pick.values()),
        "_sentences": sentences,
    }


# ---------------------------------------------------------------------------------------
# 3. Baselines


def cross_pairs(docs: Sequence[Sequence[str]]) -> list[tuple[str, str]]:
    """Return every pair of sentences from two different reports of a cluster."""
    out: list[tuple[str, str]] = []
    for i in range(len(docs)):
        for j in range(i + 1, len(docs)):
            out.extend((a, b) for a in docs[i] for b in docs[j])
    return out


def scalar_loop(clusters: Sequence[Sequence[Sequence[str]]]) -> tuple[float, int]:
    """Score every cross-report pair with rapidfuzz's scalar `fuzz.ratio` in a Python loop."""
    from rapidfuzz import fuzz

    n = 0
    t0 = time.perf_counter()
    for docs in clusters:
        for i in range(len(docs)):
            for j in range(i + 1, len(docs)):
                for a in docs[i]:
                    for b in docs[j]:
                        fuzz.ratio(a, b)
                        n += 1
    return time.perf_counter() - t0, n


def difflib_ratio(a: str, b: str) -> float:
    """Return the standard library's similarity ratio of two sentences (the baseline)."""
    return difflib.SequenceMatcher(None, a, b).ratio()


def difflib_loop(clusters: Sequence[Sequence[Sequence[str]]], every: int) -> tuple[float, int, int]:
    """Score every `every`-th cross-report pair with difflib; return the time for all pairs.

    difflib takes about half a millisecond a pair, over ten minutes for the corpus: a
    fixed sample (every k-th pair in a fixed order, so every cluster is in it) is timed
    and the time scaled by the share of pairs it holds.
    """
    sample: list[tuple[str, str]] = []
    total = 0
    for docs in clusters:
        pairs = cross_pairs(docs)
        sample.extend(pairs[total % every :: every] if every > 1 else pairs)
        total += len(pairs)
    t0 = time.perf_counter()
    for a, b in sample:
        difflib_ratio(a, b)
    dt = time.perf_counter() - t0
    return dt * total / max(1, len(sample)), len(sample), total


def baselines(tp: dict[str, Any], difflib_every: int) -> dict[str, Any]:
    """Time both baselines on the throughput run's sentences; return newsdiff's speed-ups."""
    sents: list[list[list[str]]] = tp["_sentences"]
    scalar_s, pairs = scalar_loop(sents)
    note(f"scalar rapidfuzz loop: {pairs} pairs in {scalar_s:.2f}s")
    difflib_s, sampled, total = difflib_loop(sents, difflib_every)
    note(f"difflib: {sampled} of {total} pairs timed, {difflib_s:.1f}s for all (scaled)")
    seg = tp["steps_s"]["segment"]
    ours = tp["after_segment_s"]
    return {
        "pairs": pairs,
        "difflib_s": difflib_s,
        "difflib_sampled_pairs": sampled,
        "difflib_every": difflib_every,
        "scalar_s": scalar_s,
        "newsdiff_after_segment_s": ours,
        "segment_s": seg,
        "speedup": {
            "vs difflib": difflib_s / ours,
            "vs scalar loop": scalar_s / ours,
        },
        # With the shared segmentation counted on both sides.
        "speedup_with_segmentation": {
            "vs difflib": (difflib_s + seg) / (ours + seg),
            "vs scalar loop": (scalar_s + seg) / (ours + seg),
        },
        "targets": {"vs difflib": 300.0, "vs scalar loop": 20.0},
    }


# ---------------------------------------------------------------------------------------
# 4. Scale


def scale_child(n: int, seed: int) -> dict[str, Any]:
    """Compare n reports as one cluster in this process; return time and peak memory."""
    import newsdiff

    texts = scale_texts(n, seed)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    # The scale test measures past the default sentence limit (5,000) on purpose.
    cmp = newsdiff.compare(texts, newsdiff.Options(max_sentences=None))
    seconds = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "reports": n,
        "sentences": sum(1 for d in cmp.documents for _ in d.content_sentences()),
        "groups": len(cmp.groups),
        "seconds": seconds,
        "steps_s": dict(cmp.timings),
        # ru_maxrss is in KiB on Linux: the whole process, imports and data included.
        "peak_rss_mb": rss / 1024,
        "rss_before_mb": rss0 / 1024,
    }


def scale(sizes: Sequence[int], seed: int, timeout: float, mem_gb: float) -> dict[str, Any]:
    """Run each size in a fresh subprocess (its own peak memory); add growth per doubling."""
    rows: list[dict[str, Any]] = []
    for n in sizes:
        argv = [sys.executable, str(Path(__file__).resolve()), "--scale-child", str(n)]
        argv += ["--seed", str(seed), "--mem-gb", str(mem_gb)]
        note(f"scale: {n} reports ...")
        try:
            proc = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            rows.append({"reports": n, "error": f"timed out after {timeout:.0f}s"})
            note(f"scale: {n} reports timed out")
            continue
        if proc.returncode != 0:
            last = (proc.stderr.strip().splitlines() or ["?"])[-1]
            rows.append({"reports": n, "error": f"exit {proc.returncode}: {last}"})
            note(f"scale: {n} reports failed: {last}")
            continue
        row = json.loads(proc.stdout.strip().splitlines()[-1])
        rows.append(row)
        note(f"scale: {n} reports in {row['seconds']:.2f}s, {row['peak_rss_mb']:.0f} MB")
    ok = [r for r in rows if "seconds" in r]
    for prev, cur in itertools.pairwise(ok):
        doublings = math.log2(cur["reports"] / prev["reports"])
        cur["growth_per_doubling"] = (cur["seconds"] / prev["seconds"]) ** (1 / doublings)
    return {
        "seed": seed,
        "rows": rows,
        "targets": {"seconds_1000": 60.0, "peak_mb_1000": 2048.0, "growth_per_doubling": 2.5},
    }


# ---------------------------------------------------------------------------------------
# 5. Parallel corpus


def _compare_cluster(texts: tuple[tuple[str, str], ...]) -> int:
    """Compare one cluster (in a worker process); return its number of groups."""
    import newsdiff

    return len(newsdiff.compare(list(texts)).groups)


# Issue 15: `corpus` with 2 workers at least this many times faster than with 1.
PARALLEL_TARGET = 1.8


def parallel(
    clusters: Sequence[Cluster], workers: Sequence[int], rounds: int = 2
) -> dict[str, Any]:
    """Time `newsdiff corpus` over the ECB+ clusters with each worker count, best of rounds.

    The worker counts run in alternation, `rounds` times each: on a machine other jobs
    share, the fastest run of each count is the one the others disturbed least.
    """
    import shutil
    import subprocess
    import tempfile

    out: dict[str, Any] = {
        "engine": "newsdiff corpus (local process pool), JSON Lines output",
        "clusters": len(clusters),
        "seconds": {},
        "runs": {str(w): [] for w in workers},
    }
    with tempfile.TemporaryDirectory() as tmp:
        # The clusters this run measures, as a corpus folder of cluster folders.
        for c in clusters:
            folder = Path(tmp) / c.name
            folder.mkdir()
            for name, text in c.texts:
                (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        outputs = set()
        for _ in range(max(1, rounds)):
            for w in workers:
                cmd = [sys.executable, "-m", "newsdiff", "corpus", tmp, "-f", "jsonl", "-q"]
                t0 = time.perf_counter()
                proc = subprocess.run(
                    [*cmd, "--workers", str(w)], capture_output=True, text=True, check=False
                )
                seconds = time.perf_counter() - t0
                if proc.returncode != 0:
                    raise RuntimeError(f"newsdiff corpus failed: {proc.stderr.strip()}")
                out["runs"][str(w)].append(seconds)
                # Timings differ between runs; everything else must not.
                outputs.add(_without_timings(proc.stdout))
                note(f"parallel: {w} worker(s) {seconds:.2f}s")
        out["seconds"] = {w: min(runs) for w, runs in out["runs"].items()}
        out["same_output"] = len(outputs) == 1
        shutil.rmtree(tmp, ignore_errors=True)
    if "1" in out["seconds"] and "2" in out["seconds"]:
        out["speedup_2_vs_1"] = out["seconds"]["1"] / out["seconds"]["2"]
    out["targets"] = {"speedup_2_vs_1": PARALLEL_TARGET}
    return out


def _without_timings(jsonl: str) -> str:
    """Return corpus JSON Lines with the measured-time fields removed."""
    rows = []
    for line in jsonl.splitlines():
        row = json.loads(line)
        for key in [k for k in row if "time" in k or "second" in k or "slowest" in k]:
            row.pop(key)
        rows.append(json.dumps(row, sort_keys=True))
    return "\n".join(rows)


# ---------------------------------------------------------------------------------------
# Report


def _mark(value: float, target: float, higher_is_better: bool) -> str:
    """Return 'ok' or 'MISS' for a figure against its target."""
    met = value >= target if higher_is_better else value <= target
    return "ok" if met else "MISS"


def report(doc: dict[str, Any]) -> str:
    """Return the human-readable table of a run."""
    lines: list[str] = []
    add = lines.append
    st = doc.get("startup")
    if st:
        lines.extend(startup.report_lines(st, _mark))
    tp = doc.get("throughput")
    if tp:
        add("")
        add(
            f"2. Throughput: {tp['reports']} reports in {tp['clusters']} ECB+ clusters, "
            f"{tp['sentences']} sentences (median of {tp['repeats']})"
        )
        total = tp["total_s"]
        for k in STEPS:
            v = tp["steps_s"][k]
            add(f"   {k:<28} {v:8.3f}s {100 * v / total:5.1f}%")
        add(f"   {'total':<28} {total:8.3f}s")
        add(f"   {'compare (segment..signals)':<28} {tp['reports_per_s']:8.1f} reports/s")
        add(f"   {'end to end (load..render)':<28} {tp['reports_per_s_end_to_end']:8.1f} reports/s")
        # Issue 15's targets: end to end within 8x segmentation alone, signals a fifth.
        steps = tp["steps_s"]
        x = total / max(steps["segment"], 1e-9)
        t = THROUGHPUT_TARGETS["end to end / segment"]
        add(f"   {'end to end / segment':<28} {x:8.1f}x  target <= {t:g}x  {_mark(x, t, False)}")
        share = 100 * steps["signals"] / total
        t = THROUGHPUT_TARGETS["signals share"]
        add(f"   {'signals share':<28} {share:7.1f}%  target <= {t:g}%  {_mark(share, t, False)}")
    bl = doc.get("baselines")
    if bl:
        add("")
        add(
            f"3. Baselines: {bl['pairs']} cross-report sentence pairs, newsdiff's sentences; "
            "newsdiff timed after segmentation"
        )
        every = bl["difflib_every"]
        sampled = f" (1 pair in {every} timed, scaled)" if every > 1 else ""
        add(f"   {'difflib ratio, all pairs':<28} {bl['difflib_s']:8.2f}s{sampled}")
        add(f"   {'rapidfuzz fuzz.ratio loop':<28} {bl['scalar_s']:8.2f}s")
        add(f"   {'newsdiff tokenize..signals':<28} {bl['newsdiff_after_segment_s']:8.2f}s")
        for name, v in bl["speedup"].items():
            t = bl["targets"][name]
            w = bl["speedup_with_segmentation"][name]
            add(
                f"   speed-up {name:<19} {v:8.1f}x  target >= {t:g}x  {_mark(v, t, True):<4}"
                f"  (with segmentation on both sides: {w:.1f}x)"
            )
    sc = doc.get("scale")
    if sc:
        add("")
        add(f"4. Scale: one cluster of ECB+ reports (seed {sc['seed']}), one subprocess each")
        add(f"   {'reports':>8} {'sentences':>9} {'seconds':>9} {'peak MB':>8} {'x/doubling':>10}")
        for r in sc["rows"]:
            if "error" in r:
                add(f"   {r['reports']:>8} {r['error']}")
                continue
            g = r.get("growth_per_doubling")
            gs = f"{g:10.2f}" if g is not None else f"{'':>10}"
            add(
                f"   {r['reports']:>8} {r['sentences']:>9} {r['seconds']:9.2f} "
                f"{r['peak_rss_mb']:8.0f} {gs}"
            )
        t = sc["targets"]
        add(
            f"   targets: 1000 reports < {t['seconds_1000']:g}s and < {t['peak_mb_1000']:g} MB; "
            f"growth <= {t['growth_per_doubling']}x per doubling from 100 up"
        )
    pa = doc.get("parallel")
    if pa:
        add("")
        add(f"5. Parallel: {pa['clusters']} clusters, {pa['engine']}")
        if not pa["same_output"]:
            add("   WARNING: the outputs differ between worker counts")
        for w, v in pa["seconds"].items():
            runs = pa.get("runs", {}).get(w, [])
            shown = f"  (best of {', '.join(f'{r:.2f}' for r in runs)})" if len(runs) > 1 else ""
            add(f"   {w} worker(s) {v:8.2f}s{shown}")
        if "speedup_2_vs_1" in pa:
            v, t = pa["speedup_2_vs_1"], pa["targets"]["speedup_2_vs_1"]
            add(f"   speed-up 2 vs 1 {v:6.2f}x  target >= {t}x  {_mark(v, t, True)}")
    m = doc["machine"]
    add("")
    add(f"Machine: {m['cpu']}, {m['nproc']} cores, Python {m['python']}; commit {m['commit']}")
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    """Describe the machine and checkout the figures come from."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        commit = subprocess.run(
            ["git", "-C", str(ROOT), "describe", "--always", "--dirty", "--abbrev=12"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    return {
        "cpu": cpu,
        "nproc": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "commit": commit,
        "load_average": os.getloadavg(),
    }


# ---------------------------------------------------------------------------------------
# Command line


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse the command line."""
    p = argparse.ArgumentParser(
        prog="python benchmarks/speed.py",
        description="Measure newsdiff's speed beside baselines timed in the same run.",
    )
    p.add_argument("--quick", action="store_true", help="a smoke run: fewer runs, clusters, sizes")
    p.add_argument("--json", type=Path, default=DEFAULT_JSON, help="where the JSON goes")
    p.add_argument("--parts", default="startup,throughput,baselines,scale,parallel")
    p.add_argument("--runs", type=int, help="start-up runs per command (default 11, quick 3)")
    p.add_argument("--repeats", type=int, help="throughput repeats (default 3, quick 1)")
    p.add_argument("--every", type=int, help="every n-th ECB+ cluster (default 1, quick 6)")
    p.add_argument("--clusters", type=int, help="at most this many clusters")
    p.add_argument(
        "--difflib-every", type=int, help="time 1 difflib pair in n (default 50, quick 500)"
    )
    p.add_argument("--sizes", help="scale sizes (default 10,100,1000,3000; quick 10,100)")
    p.add_argument("--seed", type=int, default=7, help="seed of the scale cluster's shuffle")
    p.add_argument("--timeout", type=float, default=900.0, help="seconds per scale size")
    p.add_argument("--mem-gb", type=float, default=8.0, help="address-space cap per scale size")
    p.add_argument("--workers", default="1,2", help="parallel worker counts")
    p.add_argument(
        "--rounds",
        type=int,
        help="parallel runs of each worker count, best kept (default 2, quick 1)",
    )
    p.add_argument(
        "--scipy-env",
        metavar="create|PYTHON",
        help="also time start-up beside scipy: 'create' a temporary virtual environment "
        "(newsdiff's dependencies and scipy), or name its interpreter; skipped when absent",
    )
    p.add_argument(
        "--redlines",
        metavar="PATH",
        help="the redlines command to time beside compare (default: the one on the PATH)",
    )
    p.add_argument("--scale-child", type=int, help=argparse.SUPPRESS)
    return p.parse_args(argv)


def _child(n: int, seed: int, mem_gb: float) -> int:
    """Run one scale size and print its JSON line (the parent reads it)."""
    cap = int(mem_gb * 1024**3)
    # A cap on the address space, so that a blow-up fails here rather than swapping the
    # shared machine; the figure that matters is the peak resident set below it.
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    sys.stdout.write(json.dumps(scale_child(n, seed)) + "\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; return the process exit code."""
    args = parse_args(argv)
    if args.scale_child is not None:
        return _child(args.scale_child, args.seed, args.mem_gb)
    parts = {p.strip() for p in args.parts.split(",") if p.strip()}
    known = {"startup", "throughput", "baselines", "scale", "parallel"}
    if parts - known:
        note(f"error: --parts takes {', '.join(sorted(known))}")
        return 2
    q = args.quick
    runs = args.runs or (3 if q else 11)
    repeats = args.repeats or (1 if q else 3)
    every = args.every or (6 if q else 1)
    difflib_every = args.difflib_every or (500 if q else 50)
    sizes = (
        [int(s) for s in args.sizes.split(",") if s.strip()]
        if args.sizes
        else list(QUICK_SIZES if q else FULL_SIZES)
    )
    doc: dict[str, Any] = {"schema": "newsdiff-speed/1", "quick": q, "machine": machine()}
    clusters = load_clusters(every, args.clusters)
    steps: list[tuple[str, Callable[[], Any]]] = []
    if "startup" in parts:
        scipy_env, redlines = args.scipy_env, args.redlines
        steps.append(("startup", lambda: startup.startup(runs, scipy_env, note, redlines)))
    if "throughput" in parts or "baselines" in parts:
        steps.append(("throughput", lambda: throughput(clusters, repeats)))
    if "baselines" in parts:
        steps.append(("baselines", lambda: baselines(doc["throughput"], difflib_every)))
    if "scale" in parts:
        steps.append(("scale", lambda: scale(sizes, args.seed, args.timeout, args.mem_gb)))
    if "parallel" in parts:
        workers = [int(w) for w in args.workers.split(",") if w.strip()]
        rounds = args.rounds or (1 if q else 2)
        steps.append(("parallel", lambda: parallel(clusters, workers, rounds)))
    for name, fn in steps:
        t0 = time.perf_counter()
        doc[name] = fn()
        note(f"{name} done in {time.perf_counter() - t0:.1f}s")
    if "throughput" in doc:
        doc["throughput"].pop("_sentences", None)
        if "throughput" not in parts:
            doc.pop("throughput")
    print(report(doc))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    note(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
