"""The quality gate: newsdiff's figures on a fast subset must not fall below pinned floors.

The subset (benchmarks/evalkit.py: QUICK_*; every event of the fact gold) and the floors
(benchmarks/quality_floors.json) are pinned together by `python benchmarks/quality.py
--quick --pin`. Raising or lowering the floors is a deliberate change: re-pin and say why
in the commit message. The fact gold is not part of the project (its articles may not be
redistributed): its figures are checked when ../shared/eval/facts is beside the clone (or
$NEWSDIFF_EVAL names it) and skipped, with the reason, when it is not.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from benchmarks import evalkit as ek
from benchmarks import factkit as fk

FLOORS_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "quality_floors.json"
PINNED = json.loads(FLOORS_PATH.read_text(encoding="utf-8"))
MARGIN: float = PINNED["margin"]
REPIN = "if the change is intended, re-pin: python benchmarks/quality.py --quick --pin"
FACTS = fk.facts_dir()
NO_FACTS = (
    f"fact gold not found at {FACTS}: CI has ../shared/eval/facts beside the clone; "
    f"elsewhere set {fk.ENV} to the folder"
)
PINNED_KEYS = set(PINNED["floors"]) | set(PINNED["ceilings"])


def is_fact(key: str) -> bool:
    """Return whether a figure comes from the fact gold."""
    return key.startswith("facts.")


@pytest.fixture(scope="module")
def topics() -> dict[int, list[ek.EcbDoc]]:
    """Return the ECB+ topics of the fast subset."""
    everything = ek.load_ecb()
    return {t: everything[t] for t in ek.quick_topics(everything)}


@pytest.fixture(scope="module")
def measured(topics: dict[int, list[ek.EcbDoc]]) -> dict[str, float]:
    """Measure newsdiff (public API, default options) on the fast subset of ECB+ and STS."""
    per_cluster = any(k.startswith("ecb_cluster.") for k in PINNED_KEYS)
    pairs = ek.load_sts(every=ek.QUICK_STS_EVERY)
    m = ek.measure(ek.newsdiff_system(), topics, pairs, per_cluster=per_cluster)
    return m.figures()


@pytest.fixture(scope="module")
def events() -> list[fk.FactEvent]:
    """Return the fact gold's events, or skip when the folder is absent."""
    if not FACTS.is_dir():
        pytest.skip(NO_FACTS)
    return fk.load_facts(FACTS)


@pytest.fixture(scope="module")
def fact_figures(events: list[fk.FactEvent]) -> dict[str, float]:
    """Measure newsdiff on every event of the fact gold."""
    return fk.measure_facts(ek.newsdiff_system(), events).figures()


def test_pinned_subset_is_the_gate_subset(topics: dict[int, list[ek.EcbDoc]]) -> None:
    """Check the floors were pinned on the subset the gate measures."""
    sub = PINNED["subset"]
    assert sub["topics"] == sorted(topics)
    assert sub["sts_every"] == ek.QUICK_STS_EVERY
    assert sub["sts_pairs"] == len(ek.load_sts(every=ek.QUICK_STS_EVERY))


def test_pinned_fact_events_are_the_gold_events(events: list[fk.FactEvent]) -> None:
    """Check the fact floors were pinned on the events the gate measures."""
    assert PINNED["subset"]["fact_events"] == [e.name for e in events]


def test_every_figure_is_pinned(measured: dict[str, float]) -> None:
    """Check no headline figure of ECB+ and STS escapes the gate."""
    assert {k for k in PINNED_KEYS if not is_fact(k)} == set(measured)


def test_every_fact_figure_is_pinned(fact_figures: dict[str, float]) -> None:
    """Check no headline figure of the fact gold escapes the gate."""
    assert {k for k in PINNED_KEYS if is_fact(k)} == set(fact_figures)


def value_of(request: pytest.FixtureRequest, key: str) -> float:
    """Return a measured figure from the fixture that measures its part."""
    figures: dict[str, float] = request.getfixturevalue(
        "fact_figures" if is_fact(key) else "measured"
    )
    value = figures[key]
    assert not math.isnan(value), f"{key} is undefined"
    return value


@pytest.mark.parametrize("key", sorted(PINNED["floors"]))
def test_figure_holds_its_floor(request: pytest.FixtureRequest, key: str) -> None:
    """Fail when a higher-is-better figure falls more than the margin below its floor."""
    value, floor = value_of(request, key), PINNED["floors"][key]
    assert value >= floor - MARGIN, f"{key} fell to {value:.4f} (floor {floor:.4f}); {REPIN}"


@pytest.mark.parametrize("key", sorted(PINNED["ceilings"]))
def test_figure_stays_under_its_ceiling(request: pytest.FixtureRequest, key: str) -> None:
    """Fail when a lower-is-better figure rises more than the margin above its ceiling."""
    value, ceiling = value_of(request, key), PINNED["ceilings"][key]
    assert value <= ceiling + MARGIN, f"{key} rose to {value:.4f} (ceiling {ceiling:.4f}); {REPIN}"
