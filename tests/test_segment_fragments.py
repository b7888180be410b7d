"""Tests that no fragment (a title, a dateline, a speech tag) becomes a sentence of its own."""

from __future__ import annotations

import pytest

from newsdiff.text.segment import segment


def texts_of(text: str) -> list[str]:
    """Return the sentence texts of `text`, checking the offsets on the way."""
    sentences = segment(text)
    for s in sentences:
        assert text[s.start : s.end] == s.text
    return [s.text for s in sentences]


@pytest.mark.parametrize(
    "text",
    [
        "Reps. Ann Smith and Bo Lee voted no.",
        "Police Const. Tim Hale said the road was closed.",
        "Msgr. Paul Dunne led the service.",
        "Mr. He met Dr. Who in Beijing.",  # a title before a surname that is also a pronoun
        "Sens. Ortiz and Kaye, both Democrats, objected.",
    ],
)
def test_titles_stay_with_the_name(text: str) -> None:
    assert texts_of(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "The F.B.I. Director spoke to the committee.",
        "The club signed A.J. Moreno and P.J. Vance.",
        "A win would give them their first N.F.C. North title.",
        "The D.A.'s office declined to comment.",
        "The deal went to coach Randy Kell/P.J. Dorn for now.",
        "They met on E. 52nd St. near the park.",
        "N.C. Mayor Apologizes for Shoving Reporter",
    ],
)
def test_initials_do_not_end_sentences(text: str) -> None:
    assert texts_of(text) == [text]


def test_a_sentence_starter_after_an_abbreviation_starts_a_sentence() -> None:
    text = (
        "The firm moved its offices to the U.S. The move cost $4 million. "
        "It sold them to Acme Co. In March the U.S. Army bought them. He fell ill. It rained."
    )
    assert texts_of(text) == [
        "The firm moved its offices to the U.S.",
        "The move cost $4 million.",
        "It sold them to Acme Co.",
        "In March the U.S. Army bought them.",
        "He fell ill.",
        "It rained.",
    ]


def test_title_case_headings_are_not_split_at_starters() -> None:
    text = "Fugitive Carl Dunn Jr. On The Run in Nevada\n\nHe fled on Friday."
    assert texts_of(text) == ["Fugitive Carl Dunn Jr. On The Run in Nevada", "He fled on Friday."]


@pytest.mark.parametrize(
    "text",
    [
        "AUGUSTA, Me. — Gov. Jane Dole said on Tuesday she would veto the bill.",
        "PORTLAND, Ore. (AP) — A storm knocked out power to 9,000 homes.",
        "SALEM, Me. (Reuters) - The mill closed after 80 years.",
        "SPRINGFIELD, Ill. -- Lawmakers passed the budget late on Friday.",
    ],
)
def test_a_dateline_stays_with_its_sentence(text: str) -> None:
    sentences = segment(text + " It was the second time.")
    assert [s.text for s in sentences] == [text, "It was the second time."]
    assert not any(s.boilerplate for s in sentences)


def test_a_speech_tag_after_a_quote_stays_with_it() -> None:
    text = (
        '"Is that what we want?" Lee said. "I doubt it." '
        '"Why now?" Mayor Ann Ruiz asked reporters on Monday. '
        "“We will not go back,” she said. “Never.” Sen. Ortiz told The Daily Star."
    )
    assert texts_of(text) == [
        '"Is that what we want?" Lee said.',
        '"I doubt it."',
        '"Why now?" Mayor Ann Ruiz asked reporters on Monday.',
        "“We will not go back,” she said.",
        "“Never.” Sen. Ortiz told The Daily Star.",
    ]


@pytest.mark.parametrize(
    "second",
    [
        "Lee told them to leave.",  # an order, not a tag
        "Ruiz said the vote was rigged.",  # a statement with its own content
        "He asked not to be named.",
        '"Yes," he replied.',  # another quote, with its own tag
    ],
)
def test_a_sentence_after_a_quote_is_not_taken_for_a_tag(second: str) -> None:
    first = '"Did they win?"'
    assert texts_of(f"{first} {second}") == [first, second]


def test_a_tag_without_a_quote_before_it_stands_alone() -> None:
    text = "The council met on Monday. Lee said. Then it voted."
    assert texts_of(text) == ["The council met on Monday.", "Lee said.", "Then it voted."]


def test_stray_punctuation_closes_the_sentence_before_it() -> None:
    text = "“We will stay until the end. ” He left on Monday. [...]\n\nThe talks went on."
    assert texts_of(text) == [
        "“We will stay until the end. ”",
        "He left on Monday. [...]",
        "The talks went on.",
    ]


def test_an_emoji_is_no_stray_punctuation() -> None:
    assert texts_of("Stocks rose. 😀") == ["Stocks rose.", "😀"]


def test_an_update_label_is_furniture() -> None:
    sentences = segment("UPDATE:\n\nThe company said on Friday it would appeal.")
    assert [(s.text, s.boilerplate) for s in sentences] == [
        ("UPDATE:", True),
        ("The company said on Friday it would appeal.", False),
    ]


def test_every_character_stays_in_a_sentence() -> None:
    text = (
        "AUGUSTA, Me. — Reps. Ann Smith and Bo Lee met the F.B.I. Director. ”\n"
        '"Why?" Lee asked. ” It ended at 4 p.m. The vote is in the U.S. Senate.'
    )
    sentences = segment(text)
    held = [False] * len(text)
    for s in sentences:
        assert text[s.start : s.end] == s.text
        assert not any(held[s.start : s.end])  # no character in two sentences
        held[s.start : s.end] = [True] * (s.end - s.start)
    assert all(ch.isspace() for ch, h in zip(text, held, strict=True) if not h)
    assert [s.text for s in sentences] == [
        "AUGUSTA, Me. — Reps. Ann Smith and Bo Lee met the F.B.I. Director. ”",
        '"Why?" Lee asked. ”',
        "It ended at 4 p.m.",
        "The vote is in the U.S. Senate.",
    ]


def test_an_upper_case_abbreviation_is_no_title() -> None:
    # "MS." is the illness, not "Ms.": a sentence can end there.
    assert texts_of("She was diagnosed with MS. She is fine.") == [
        "She was diagnosed with MS.",
        "She is fine.",
    ]


def test_a_detached_quote_mark_before_a_lower_case_tag_joins() -> None:
    assert texts_of('Why now? "he said. The talks ended.') == [
        'Why now? "he said.',
        "The talks ended.",
    ]
    # A quotation that starts in lower case after a full stop is a sentence of its own.
    assert texts_of('The phone sold well. "iPhone sales rose," Apple said.') == [
        "The phone sold well.",
        '"iPhone sales rose," Apple said.',
    ]
