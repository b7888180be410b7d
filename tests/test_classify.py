"""Tests of kinds and reading order."""

from __future__ import annotations

from newsdiff.align import RawGroup
from newsdiff.classify import kind_of, reading_order


def test_kind_of() -> None:
    assert kind_of(1, 0.0, False, 0.7) == "unique"
    assert kind_of(2, 0.9, False, 0.7) == "shared"
    assert kind_of(2, 0.9, True, 0.7) == "divergent"
    assert kind_of(3, 0.5, False, 0.7) == "divergent"


def test_reading_order_places_unique_sentences_beside_neighbours() -> None:
    raw = [
        RawGroup(((1, (0,)),), 0.0),  # report 1 only, before anything else of report 1
        RawGroup(((0, (1,)), (1, (2,))), 0.9),
        RawGroup(((0, (0,)), (1, (1,))), 0.9),
        RawGroup(((1, (3,)),), 0.0),  # report 1 only, after the group holding (0, 1)
        RawGroup(((0, (2,)),), 0.0),
    ]
    order = reading_order(raw, 2)
    assert order == [0, 2, 1, 3, 4]
