"""Fuzz the segmenter and the aligner outside the test suite, for a bounded time.

Two engines:

* ``hypothesis`` (default): the property tests' strategies and invariants
  (tests/strategies.py) with bigger inputs and fresh random seeds, in rounds until the
  time is up. A failure prints hypothesis's shrunk example and fuzzing goes on.
* ``atheris``: coverage-guided (libFuzzer) on bytes decoded as UTF-8 and split into
  2 to 6 texts; needs ``pip install atheris``. Crashing inputs are written as
  ``crash-*`` files in the current folder.

Keep each crashing input as a test in tests/test_regressions.py. Usage:

    PYTHONPATH=. python benchmarks/fuzz.py --seconds 120
    PYTHONPATH=. python benchmarks/fuzz.py --engine atheris --target compare --seconds 60
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from collections.abc import Callable
from typing import Any

TARGETS = ("segment", "compare", "order", "self")


def _hypothesis_round(target: str, seed: int, examples: int) -> bool:
    """Run one round of a property with a fresh seed; return False if it failed."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as hseed
    from hypothesis import strategies as st

    import newsdiff
    from newsdiff.text.segment import segment
    from tests import strategies as S
    from tests.strategies_near import near_copy_reports

    big_text = st.one_of(S.crafted(300), S.any_text, S.report_text)
    big_reports = st.one_of(
        st.lists(big_text, min_size=2, max_size=6),
        S.related_reports(max_reports=8, max_pool=20),
        near_copy_reports(max_reports=30, max_sentences=20),
    )
    config = settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        print_blob=True,
    )

    def prop_segment(text: str) -> None:
        S.check_sentences(text, segment(text))

    def prop_compare(texts: list[str]) -> None:
        comparison = S.compare_or_none(texts)
        if comparison is not None:
            S.check_comparison(texts, comparison)

    def prop_order(texts: list[str], rnd: random.Random) -> None:
        comparison = S.compare_or_none(texts)
        if comparison is None:
            return
        shuffled = list(texts)
        rnd.shuffle(shuffled)
        other = S.compare_or_none(shuffled)
        assert other is not None and S.grouping_key(other) == S.grouping_key(comparison)

    def prop_self(text: str) -> None:
        if S.is_blank(text):
            return
        comparison = newsdiff.compare([text, text])
        S.check_comparison([text, text], comparison)
        assert {g.kind for g in comparison.groups} <= {"shared"}

    tests: dict[str, Callable[..., Any]] = {
        "segment": given(big_text)(prop_segment),
        "compare": given(big_reports)(prop_compare),
        "order": given(big_reports, st.randoms(use_true_random=False))(prop_order),
        "self": given(big_text)(prop_self),
    }
    test = hseed(seed)(config(tests[target]))
    try:
        test()
    except Exception:
        traceback.print_exc()
        return False
    return True


def run_hypothesis(targets: list[str], seconds: float, examples: int) -> int:
    """Fuzz the targets in turn with hypothesis until the time is up; return failures."""
    deadline = time.monotonic() + seconds
    rounds = failures = 0
    rnd = random.Random()
    while time.monotonic() < deadline:
        target = targets[rounds % len(targets)]
        seed = rnd.getrandbits(32)
        t0 = time.monotonic()
        ok = _hypothesis_round(target, seed, examples)
        print(
            f"round {rounds}: {target} seed={seed} {examples} examples "
            f"{'ok' if ok else 'FAILED'} in {time.monotonic() - t0:.1f}s",
            file=sys.stderr,
        )
        failures += not ok
        rounds += 1
    print(f"{rounds} rounds, {failures} failed", file=sys.stderr)
    return failures


def _split_texts(data: bytes) -> list[str]:
    """Turn fuzzer bytes into 2 to 6 texts (split on the byte 0xFF, decoded leniently)."""
    parts = data.split(b"\xff")[:6]
    while len(parts) < 2:
        parts.append(b"")
    return [p.decode("utf-8", "replace") for p in parts]


def run_atheris(target: str, seconds: float, extra: list[str]) -> int:
    """Fuzz one target with atheris (coverage-guided) for `seconds`."""
    import atheris

    # Instrument newsdiff and nltk's Punkt only: instrument_all() spends minutes on nltk.
    with atheris.instrument_imports(include=["newsdiff", "nltk.tokenize.punkt"]):
        import nltk.tokenize.punkt  # noqa: F401

        import newsdiff
        import newsdiff.align.group
        import newsdiff.align.score
        import newsdiff.align.stories
        import newsdiff.classify
        import newsdiff.signals
        import newsdiff.text.words
        from newsdiff.text.segment import segment
    from tests import strategies as S

    def one(data: bytes) -> None:
        texts = _split_texts(data)
        if target == "segment":
            S.check_sentences(texts[0], segment(texts[0]))
        elif target == "self":
            if not S.is_blank(texts[0]):
                c = newsdiff.compare([texts[0], texts[0]])
                assert {g.kind for g in c.groups} <= {"shared"}, texts[0]
        else:
            comparison = S.compare_or_none(texts)
            if comparison is not None:
                S.check_comparison(texts, comparison)
                if target == "order":
                    other = S.compare_or_none(texts[::-1])
                    assert other is not None
                    assert S.grouping_key(other) == S.grouping_key(comparison)

    argv = [sys.argv[0], f"-max_total_time={int(seconds)}", "-max_len=4096", *extra]
    atheris.Setup(argv, one)
    atheris.Fuzz()
    return 0


def main() -> int:
    """Parse arguments and fuzz."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=("hypothesis", "atheris"), default="hypothesis")
    parser.add_argument(
        "--target", default="all", help=f"one of {', '.join(TARGETS)}, or all (hypothesis)"
    )
    parser.add_argument("--seconds", type=float, default=60.0, help="time budget (default 60)")
    parser.add_argument("--examples", type=int, default=200, help="examples per round")
    args, extra = parser.parse_known_args()
    targets = list(TARGETS) if args.target == "all" else [args.target]
    if any(t not in TARGETS for t in targets):
        parser.error(f"unknown target {args.target!r}")
    if args.engine == "atheris":
        if len(targets) != 1:
            parser.error("atheris fuzzes one --target at a time")
        return run_atheris(targets[0], args.seconds, extra)
    return 1 if run_hypothesis(targets, args.seconds, args.examples) else 0


if __name__ == "__main__":
    sys.exit(main())
