"""Quotations: found across sentences and paragraphs, compared word by word."""

from __future__ import annotations

import pytest

from newsdiff.text.quotes import Inside, find, locate, outermost, reportable
from newsdiff.text.words import Token, split_words


def texts(text: str) -> list[str]:
    """Return the text of each outermost quotation."""
    return [text[q.start : q.end] for q in outermost(find(text))]


def test_curly_quote_across_sentences() -> None:
    text = "“There is an option. Do you want it? Are you ready?” he said in another tweet."
    assert texts(text) == ["There is an option. Do you want it? Are you ready?"]


def test_straight_quotes() -> None:
    text = 'He said, "If you block us, who will save the ISS." Then he left.'
    assert texts(text) == ["If you block us, who will save the ISS."]


def test_apostrophes_are_not_quotes() -> None:
    text = "The agency’s support and Russia's role in the ’90s won't change."
    assert texts(text) == []


def test_single_curly_quotes_and_nesting() -> None:
    text = "Rogozin called it ‘diplomatic’. It said, \"As diplomats say, 'our concerns'.\""
    assert texts(text) == ["diplomatic", "As diplomats say, 'our concerns'."]
    assert len(find(text)) == 3  # the nested quote is found too


def test_unclosed_quote_runs_to_the_paragraph_end() -> None:
    text = "He said: “First part. Second part.\n\n“Next paragraph,” he added."
    assert texts(text) == ["First part. Second part.", "Next paragraph,"]
    assert not find(text)[0].closed


def test_typewriter_quotes() -> None:
    text = "\"Tara Reid has checked in, '' her rep told Us. ``We are glad,'' he said."
    assert texts(text) == ["Tara Reid has checked in, ", "We are glad,"]


def test_guillemets_and_low_quotes() -> None:
    assert texts("Он сказал: «Мы готовы». Dann „Ja“ sagte er.") == ["Мы готовы", "Ja"]


@pytest.mark.parametrize("text", ["", '"', "“", "’", "'''", "🙂“🙂”", "a\n\n\n”b“"])
def test_odd_text_does_not_break(text: str) -> None:
    for q in find(text):
        assert 0 <= q.start <= q.end <= len(text)


def test_inside() -> None:
    text = 'a "b c" d'
    inside = Inside(find(text))
    assert [inside(i) for i in range(len(text))] == [
        c in "b c" and i in (3, 4, 5) for i, c in enumerate(text)
    ]


def _toks(text: str) -> list[Token]:
    return split_words(text, quoted=Inside(find(text)))


def test_locate_names_the_changed_words() -> None:
    q = split_words("fall into the United States or Europe")
    t = _toks('he said, "and from falling into the United States and Europe."')
    m = locate(q, t)
    assert m is not None and m.coverage > 0.5
    changes = [
        ([w.text for w in q[c.q[0] : c.q[1]]], [w.text for w in t[c.t[0] : c.t[1]]])
        for c in m.changes
        if reportable(c, q, t)
    ]
    assert changes == [(["fall"], ["falling"]), (["or"], ["and"])]


def test_words_outside_the_other_quote_are_not_changes() -> None:
    # The other report breaks the quote with its own words ("he asked"): not a change.
    q = split_words("We are ready. Do you want it?")
    t = _toks('"We are ready," he asked, "Do you want it?"')
    m = locate(q, t)
    assert m is not None and m.coverage == 1.0
    assert not [c for c in m.changes if reportable(c, q, t)]


def test_reported_speech_pronoun_shift_is_not_a_change() -> None:
    q = split_words("we will destroy the station")
    t = _toks("he said they would destroy the station")
    m = locate(q, t)
    assert m is not None
    assert not [c for c in m.changes if reportable(c, q, t)]
