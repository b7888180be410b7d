"""Tests of scoring and grouping."""

from __future__ import annotations

import itertools

import newsdiff
from newsdiff.model import Comparison


def _groups(c: Comparison) -> set[frozenset[tuple[str, str]]]:
    """Return the grouping as sets of (document id, member text), independent of order."""
    return {
        frozenset((c.documents[m.doc].id, c.member_text(m)) for m in g.members) for g in c.groups
    }


A = (
    "The earthquake struck Lisbon at dawn on Monday. "
    "Rescue teams pulled 14 survivors from the rubble of the cathedral. "
    "Mayor Carla Mendes declared three days of mourning."
)
B = (
    "Mayor Carla Mendes has declared three days of mourning in the city. "
    "A powerful earthquake hit Lisbon at dawn on Monday. "
    "The tremor also cracked the old aqueduct."
)
C = (
    "Lisbon was hit by an earthquake at dawn on Monday, and rescue teams pulled 14 survivors "
    "from the cathedral rubble."
)


def test_reordered_sentences_align() -> None:
    c = newsdiff.compare([("a", A), ("b", B)])
    groups = _groups(c)
    assert (
        frozenset(
            {
                ("a", "Mayor Carla Mendes declared three days of mourning."),
                ("b", "Mayor Carla Mendes has declared three days of mourning in the city."),
            }
        )
        in groups
    )
    assert frozenset({("b", "The tremor also cracked the old aqueduct.")}) in groups


def test_many_to_one() -> None:
    c = newsdiff.compare([("a", A), ("c", C)])
    merged = [g for g in c.groups if any(len(m.sentences) == 2 for m in g.members)]
    assert len(merged) == 1
    assert merged[0].member(1) is not None and merged[0].member(0) is not None


def test_n_way_coverage() -> None:
    c = newsdiff.compare([("a", A), ("b", B), ("c", C)])
    quake = [g for g in c.groups if g.coverage == 3]
    assert quake, "the earthquake sentence is in all three reports"
    assert all(g.coverage == len(g.members) for g in c.groups)


def test_grouping_does_not_depend_on_argument_order() -> None:
    docs = [("a", A), ("b", B), ("c", C)]
    expected = _groups(newsdiff.compare(docs))
    for perm in itertools.permutations(docs):
        assert _groups(newsdiff.compare(list(perm))) == expected


def test_identical_reports_are_all_shared(seed_texts: tuple[str, str]) -> None:
    c = newsdiff.compare([seed_texts[0], seed_texts[0]])
    assert c.groups and all(g.kind == "shared" and g.coverage == 2 for g in c.groups)


def test_different_events_do_not_link() -> None:
    a = "Actress Lindsay Lohan checked into the Betty Ford rehab clinic on Thursday."
    b = "Singer Amy Winehouse entered a London rehab centre on Friday."
    c = newsdiff.compare([a, b])
    assert [g.kind for g in c.groups] == ["unique", "unique"]


def test_scripts_never_align() -> None:
    a = "Russia will analyse the sanctions, Rogozin said on February 24, 2022."
    b = "Россия проанализирует санкции, сказал Рогозин February 24, 2022."
    c = newsdiff.compare([a, b])
    assert all(g.coverage == 1 for g in c.groups)


def test_a_group_holds_at_most_three_adjacent_sentences_of_a_report() -> None:
    long = (
        "The minister arrived in Paris on Monday, met the president, signed the trade deal, "
        "visited the port, toured the museum and flew home to Rome on Tuesday."
    )
    short = (
        "The minister arrived in Paris on Monday. He met the president. He signed the trade "
        "deal. He visited the port. He toured the museum. He flew home to Rome on Tuesday."
    )
    c = newsdiff.compare([long, short])
    assert all(len(m.sentences) <= 3 for g in c.groups for m in g.members)
    assert sum(len(m.sentences) for g in c.groups for m in g.members if m.doc == 1) == 6


def test_seeds_kinds_and_signals_do_not_depend_on_argument_order(
    seed_texts: tuple[str, str],
) -> None:
    def view(c: Comparison) -> set[tuple[frozenset[tuple[str, tuple[int, ...]]], str, str]]:
        return {
            (
                frozenset((c.documents[m.doc].id, m.sentences) for m in g.members),
                g.kind,
                ",".join(sorted({s.type for s in g.signals})),
            )
            for g in c.groups
        }

    a, b = seed_texts
    assert view(newsdiff.compare([("a", a), ("b", b)])) == view(
        newsdiff.compare([("b", b), ("a", a)])
    )
