"""The quality gate: newsdiff's figures on a fast subset must not fall below pinned floors.

The subset (benchmarks/evalkit.py: QUICK_*) and the floors (benchmarks/quality_floors.json)
are pinned together by `python benchmarks/quality.py --quick --pin`. Raising or lowering
the floors is a deliberate change: re-pin and say why in the commit message.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from benchmarks import evalkit as ek

FLOORS_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "quality_floors.json"
PINNED = json.loads(FLOORS_PATH.read_text(encoding="utf-8"))
MARGIN: float = PINNED["margin"]
REPIN = "if the change is intended, re-pin: python benchmarks/quality.py --quick --pin"


@pytest.fixture(scope="module")
def topics() -> dict[int, list[ek.EcbDoc]]:
    """Return the ECB+ topics of the fast subset."""
    everything = ek.load_ecb()
    return {t: everything[t] for t in ek.quick_topics(everything)}


@pytest.fixture(scope="module")
def measured(topics: dict[int, list[ek.EcbDoc]]) -> dict[str, float]:
    """Measure newsdiff (public API, default options) on the fast subset."""
    pinned = set(PINNED["floors"]) | set(PINNED["ceilings"])
    per_cluster = any(k.startswith("ecb_cluster.") for k in pinned)
    pairs = ek.load_sts(every=ek.QUICK_STS_EVERY)
    m = ek.measure(ek.newsdiff_system(), topics, pairs, per_cluster=per_cluster)
    return m.figures()


def test_pinned_subset_is_the_gate_subset(topics: dict[int, list[ek.EcbDoc]]) -> None:
    """Check the floors were pinned on the subset the gate measures."""
    sub = PINNED["subset"]
    assert sub["topics"] == sorted(topics)
    assert sub["sts_every"] == ek.QUICK_STS_EVERY
    assert sub["sts_pairs"] == len(ek.load_sts(every=ek.QUICK_STS_EVERY))


def test_every_figure_is_pinned(measured: dict[str, float]) -> None:
    """Check no headline figure escapes the gate."""
    pinned = set(PINNED["floors"]) | set(PINNED["ceilings"])
    assert pinned == set(measured)


@pytest.mark.parametrize("key", sorted(PINNED["floors"]))
def test_figure_holds_its_floor(measured: dict[str, float], key: str) -> None:
    """Fail when a higher-is-better figure falls more than the margin below its floor."""
    value, floor = measured[key], PINNED["floors"][key]
    assert not math.isnan(value), f"{key} is undefined"
    assert value >= floor - MARGIN, f"{key} fell to {value:.4f} (floor {floor:.4f}); {REPIN}"


@pytest.mark.parametrize("key", sorted(PINNED["ceilings"]))
def test_figure_stays_under_its_ceiling(measured: dict[str, float], key: str) -> None:
    """Fail when a lower-is-better figure rises more than the margin above its ceiling."""
    value, ceiling = measured[key], PINNED["ceilings"][key]
    assert not math.isnan(value), f"{key} is undefined"
    assert value <= ceiling + MARGIN, f"{key} rose to {value:.4f} (ceiling {ceiling:.4f}); {REPIN}"
