"""Tests of story clustering: which reports tell the same story."""

from __future__ import annotations

from newsdiff.align import stories as st
from newsdiff.align.units import Unit, build_units
from newsdiff.model import Document
from newsdiff.text.segment import segment

QUAKE_A = "A 6.1 earthquake struck Lima in Peru. Ten people died in Lima."
QUAKE_B = "An earthquake hit Lima, Peru, on Monday. Ten died in Lima."
QUAKE_C = "A strong earthquake shook Lima in Peru on Monday."
SCHOOL_A = "A 7.2 earthquake struck Sumatra in Indonesia. Forty died in Padang."
SCHOOL_B = "An earthquake hit Sumatra, Indonesia. Forty died in Padang, Sumatra."


def _units(*texts: str) -> list[Unit]:
    return build_units([Document(f"d{i}", t, sentences=segment(t)) for i, t in enumerate(texts)])


def test_two_events_become_two_stories() -> None:
    story = st.stories(_units(QUAKE_A, SCHOOL_A, QUAKE_B, SCHOOL_B, QUAKE_C), 0.25)
    assert story[0] == story[2] == story[4]
    assert story[1] == story[3]
    assert story[0] != story[1]


def test_too_few_reports_or_no_floor_tell_no_stories() -> None:
    assert st.stories(_units(QUAKE_A, SCHOOL_A), 0.25) == {}
    assert st.stories(_units(QUAKE_A, SCHOOL_A, QUAKE_B), 0.0) == {}


def test_affinity_is_relative_to_each_reports_closest() -> None:
    aff = st.document_affinity(_units(QUAKE_A, SCHOOL_A, QUAKE_B))
    assert set(aff) == {(0, 1), (0, 2), (1, 2)}
    assert aff[(0, 2)] == max(aff.values())
    assert all(0.0 <= v <= 1.0 for v in aff.values())
    assert aff[(0, 1)] < aff[(0, 2)]


def test_a_report_without_names_or_numbers_is_in_every_story() -> None:
    units = _units(QUAKE_A, SCHOOL_A, QUAKE_B, "the ground shook and people ran")
    assert 3 not in st.stories(units, 0.25)


def test_stories_at_scale_agree_with_the_plain_clustering() -> None:
    units = _units(QUAKE_A, SCHOOL_A, QUAKE_B, SCHOOL_B, QUAKE_C)
    plain = st.stories(units, 0.25)
    scaled = st._stories_at_scale(units, 0.25)
    # Same partition (cluster ids may be other members of the same cluster).
    assert {frozenset(d for d in plain if plain[d] == k) for k in plain.values()} == {
        frozenset(d for d in scaled if scaled[d] == k) for k in scaled.values()
    }
