"""Tests of kinds and reading order."""

from __future__ import annotations

from newsdiff.align.group import RawGroup
from newsdiff.classify import group_kind, reading_order
from tests.conftest import whole_members


def test_group_kind() -> None:
    assert group_kind(1, 0.0, False, 0.7) == "unique"
    assert group_kind(2, 0.9, False, 0.7) == "shared"
    assert group_kind(2, 0.9, True, 0.7) == "divergent"
    assert group_kind(3, 0.5, False, 0.7) == "divergent"


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


def test_divergent_group_without_typed_signal_says_wording() -> None:
    import newsdiff

    a = "Rogozin said in a Twitter post, soon after the US announced new sanctions."
    b = (
        "Following this, Rogozin in another tweet said that NASA has confirmed it and "
        "Russia will analyse the new US sanctions before detailing its response."
    )
    c = newsdiff.compare([a, b])
    (group,) = [g for g in c.groups if g.coverage == 2]
    assert group.kind == "divergent"
    assert [s.type for s in group.signals] == ["wording"]
    sig = group.signals[0]
    # The content words each side has and the other lacks, a few, in text order: not
    # "Rogozin", "said", "US" or "sanctions" (both say them), nor "in", "a", "the".
    ((left, right),) = sig.parts
    assert (left.docs, right.docs) == ((0,), (1,))
    assert left.text == "Twitter, post, soon, announced"
    assert right.text == "Following, another, tweet, NASA …"
    for ev in sig.evidence:
        assert c.documents[ev.doc].text[ev.start : ev.end] == ev.text
    assert {ev.doc for ev in sig.evidence} == {0, 1}


def test_wording_signal_explains_the_pair_that_differs() -> None:
    from newsdiff.model import Document, Member
    from newsdiff.signals.wording import wording_signal
    from newsdiff.text.segment import segment

    a = "Rogozin said in a Twitter post, soon after the US announced new sanctions."
    b = "Following this, Rogozin in another tweet said that NASA has confirmed it."
    for order in ([a, a, b], [b, a, a], [a, b, a]):
        docs = [Document(f"d{i}", t, sentences=segment(t)) for i, t in enumerate(order)]
        members = [Member(i, (0,)) for i in range(3)]
        sig = wording_signal(docs, members)
        assert {docs[d].text for d in sig.docs} == {a, b}
        assert sig.evidence and {docs[e.doc].text for e in sig.evidence} == {a, b}


def test_steps_report_their_timings_in_their_results() -> None:
    import newsdiff
    from newsdiff.align.group import AlignParams, align
    from newsdiff.classify import classify
    from newsdiff.options import Options
    from newsdiff.text.segment import segment

    texts = ["Five people died on Monday.", "Six people died on Monday."]
    docs = [newsdiff.Document(f"d{i}", t, sentences=segment(t)) for i, t in enumerate(texts)]
    aligned = align(docs, AlignParams.from_options(Options()))
    assert set(aligned.timings) == {"tokenize", "score", "group"}
    classified = classify(docs, aligned.groups, 0.7)
    assert classified.signals_seconds >= 0.0
    assert [g.kind for g in classified.groups] == ["divergent"]
    timings = newsdiff.compare(texts).timings
    assert list(timings) == [
        "segment",
        "tokenize",
        "score",
        "group",
        "align",
        "signals",
        "classify",
    ]


def _tag_only(*texts: str) -> bool:
    """Return whether whole texts differ only in attribution tag, pronoun or title."""
    from newsdiff.classify import tag_only

    return tag_only(*whole_members(*texts))


def test_a_tag_pronoun_or_title_alone_is_no_divergence() -> None:
    # The same quotation with and without its tag.
    assert _tag_only(
        "“Are you ready to pay for it?” he asked in another post.", "“Are you ready to pay for it?”"
    )
    # "she" vs "Ms. Lindqvist": the same quotation, the speaker named two ways.
    assert _tag_only(
        "“We have the votes and we will pass it,” she said.",
        "“We have the votes and we will pass it,” Ms. Lindqvist said.",
    )
    # The same statement with a pronoun for the name.
    assert _tag_only("She won the vote, 134 to 63.", "Ms. Lindqvist won the vote, 134 to 63.")


def test_substance_around_a_shared_quotation_is_a_divergence() -> None:
    # The same short quotation inside two different statements.
    assert not _tag_only(
        "The mayor said the plan had been “on the shelf since spring” but gave no date.",
        "“On the shelf since spring,” the mayor's aide wrote, adding that a vote would follow.",
    )
    # Another name, not a pronoun for it: another person.
    assert not _tag_only("Ms. Lindqvist won the vote.", "Mr. Haugen won the vote.")
    # A longer quotation on one side.
    assert not _tag_only(
        "“We will win the contract, and if we do not win it, we will appeal,” she said.",
        "“We will win the contract,” she said.",
    )


def test_quoted_tag_difference_makes_a_shared_group() -> None:
    import newsdiff

    a = (
        "Gray wrote: “The bridge does not cross the river, so all the risk is yours. "
        "Are you ready for that?”"
    )
    b = (
        "“The bridge does not cross the river, so all the risk is yours.” "
        "“Are you ready for that?” he asked in another post."
    )
    c = newsdiff.compare([a, b])
    multi = [g for g in c.groups if g.coverage == 2]
    assert multi and all(g.kind == "shared" for g in multi)
