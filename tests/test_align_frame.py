"""Tests of the reporting frame: who says a statement and how, apart from what is said."""

from __future__ import annotations

from newsdiff.align import stories as st
from newsdiff.align.evidence import overlapping, quote_spans
from newsdiff.align.frame import frame_mask
from newsdiff.align.units import Unit, build_units
from newsdiff.model import Document
from newsdiff.text import quotes
from newsdiff.text.segment import segment
from newsdiff.text.words import tokenize


def _framed(text: str) -> list[str]:
    """Return the words of a one-sentence text that frame_mask puts in the frame."""
    toks = tokenize(text)
    mask = frame_mask(toks, text, overlapping(quote_spans(quotes.find(text)), 0, len(text)))
    return [t.text for t, m in zip(toks, mask, strict=True) if m]


def test_the_tag_after_a_quotation_is_frame_and_the_quotation_is_not() -> None:
    text = '"The bridge will reopen in May," mayor Ann Kowal said in a statement.'
    assert _framed(text) == ["mayor", "Ann", "Kowal", "said", "in", "a", "statement"]


def test_a_speaker_before_the_verb_is_frame_and_the_clause_after_it_is_not() -> None:
    text = "Harbour police chief Tom Rees said the ferry sank near the pier."
    assert _framed(text) == ["Harbour", "police", "chief", "Tom", "Rees", "said"]


def test_a_clause_before_the_verb_is_not_a_speaker() -> None:
    # "and" ends the speaker: the arrest is what is told, not who tells it.
    text = "The driver was arrested and police said nothing else."
    assert _framed(text) == ["police", "said"]


def test_a_tail_that_states_something_is_not_frame() -> None:
    # "on Friday that it would close" says what was said, however short.
    text = "The mill said on Friday that it would close."
    assert _framed(text) == ["The", "mill", "said"]
    assert _framed("The ferry sank near the pier, the coast guard said Monday.") == [
        "the",
        "coast",
        "guard",
        "said",
        "Monday",
    ]


def test_capitalised_or_object_taking_verbs_are_not_reporting_verbs() -> None:
    assert _framed("The United States and Chile signed the treaty.") == []
    assert _framed("Kowal claims victory in the mayoral race.") == []


def _units(*texts: str) -> list[Unit]:
    return build_units([Document(f"d{i}", t, sentences=segment(t)) for i, t in enumerate(texts)])


def test_frame_words_are_weakened_only_in_the_content_bag() -> None:
    (u,) = _units('"The bridge will reopen in May," mayor Ann Kowal said in a statement.')
    assert u.weights["kowal"] > 1
    assert u.content_weights["kowal"] == 1
    assert u.content_weights["bridg"] == u.weights["bridg"]


def test_a_frame_without_a_quotation_is_not_weakened() -> None:
    # The speaker of "X said CLAUSE" is often who the story is about.
    (u,) = _units("Harbour police chief Tom Rees said the ferry sank near the pier on Monday.")
    assert u.content is None


def test_a_sentence_that_is_all_frame_keeps_its_words() -> None:
    (u,) = _units("Mayor Ann Kowal said Monday.")
    assert u.content is None
    assert u.content_weights is u.weights


# Two stories of one town: a ferry sinking and a mill closing, each with the same
# spokeswoman quoted. Her name must not join the stories.
FERRY_A = (
    "The Tamsin ferry sank off Porthkeel with 40 aboard. "
    '"Divers found the Tamsin at dawn," council spokeswoman Ivy Marlow said in a statement.'
)
FERRY_B = (
    "Forty people were aboard the Tamsin when it sank off Porthkeel. "
    '"All 40 were rescued from the Tamsin," council spokeswoman Ivy Marlow said in a statement.'
)
FERRY_C = "Divers reached the sunken Tamsin off Porthkeel."
MILL_A = (
    "The Brackwater mill in Porthkeel will close in March. "
    '"Brackwater staff were told on Friday," council spokeswoman Ivy Marlow said in a statement.'
)
MILL_B = (
    "Brackwater, the last mill of Porthkeel, closes in March. "
    '"The Brackwater owners told us first," council spokeswoman Ivy Marlow said in a statement.'
)


def test_a_speaker_quoted_in_two_stories_does_not_join_them() -> None:
    story = st.stories(_units(FERRY_A, MILL_A, FERRY_B, MILL_B, FERRY_C), 0.25)
    assert story[0] == story[2] == story[4]
    assert story[1] == story[3]
    assert story[0] != story[1]
