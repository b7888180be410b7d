"""What a reader must see on the seed reports (the core issue's acceptance list)."""

from __future__ import annotations

import pytest

import newsdiff
from newsdiff.model import Comparison, Group


@pytest.fixture(scope="module")
def comparison(seed_texts: tuple[str, str]) -> Comparison:
    return newsdiff.compare([("a", seed_texts[0]), ("b", seed_texts[1])])


def _group_with(c: Comparison, doc: int, fragment: str) -> Group:
    """Return the group holding the sentence of `doc` that contains `fragment`."""
    for g in c.groups:
        m = g.member(doc)
        if m is not None and fragment in c.member_text(m):
            return g
    raise AssertionError(f"no group holds {fragment!r} of document {doc}")


@pytest.mark.parametrize(
    "fragment",
    [
        "NASA continues working with all our international partners",
        "The new export control measures will continue",
        "No changes are planned to the agency",
        "The ISS does not fly over Russia, so all the risks are yours.",
    ],
)
def test_shared(comparison: Comparison, fragment: str) -> None:
    g = _group_with(comparison, 0, fragment)
    assert g.kind == "shared" and g.coverage == 2
    assert fragment in comparison.member_text(g.members[1])


@pytest.mark.parametrize(
    "fragment", ["dropping a 500-tonne structure", "fall into the United States or Europe"]
)
def test_divergent_quotes(comparison: Comparison, fragment: str) -> None:
    g = _group_with(comparison, 0, fragment)
    assert g.kind == "divergent" and g.coverage == 2
    assert g.signals


@pytest.mark.parametrize(
    ("doc", "fragment"),
    [
        (0, "It is presently home to four NASA, one European, and two Russian astronauts."),
        (1, "Joe Biden in his February 24 speech"),
    ],
)
def test_unique(comparison: Comparison, doc: int, fragment: str) -> None:
    assert _group_with(comparison, doc, fragment).kind == "unique"


def test_russian_passage_is_not_aligned(comparison: Comparison) -> None:
    b = comparison.documents[1]
    for g in comparison.groups:
        m = g.member(1)
        if m and any(b.sentences[i].script == "cyrillic" for i in m.sentences):
            assert g.coverage == 1


def test_boilerplate_not_aligned(comparison: Comparison) -> None:
    for g in comparison.groups:
        for m in g.members:
            doc = comparison.documents[m.doc]
            assert not any(doc.sentences[i].boilerplate for i in m.sentences)
