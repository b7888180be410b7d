"""Tests of the word layer: both grains of words, stems, numbers, acronyms, the store."""

from __future__ import annotations

import pytest

from newsdiff.model import Document, Sentence
from newsdiff.text import sentence_words
from newsdiff.text.names import apply_acronyms, learn_acronyms
from newsdiff.text.segment import segment
from newsdiff.text.sentence_words import SentenceWords
from newsdiff.text.words import (
    Token,
    background_weight,
    normalise_number,
    spelling,
    split_words,
    stem,
    tokenize,
    word_stem,
)


def test_token_offsets_and_kinds() -> None:
    text = "NASA’s 1,800 staff in the U.S. said: analysing."
    toks = tokenize(text, 10)
    assert [t.text for t in toks] == [
        "NASA’s",
        "1,800",
        "staff",
        "in",
        "the",
        "U.S.",
        "said",
        "analysing",
    ]
    for t in toks:
        assert text[t.start - 10 : t.end - 10] == t.text
    by_text = {t.text: t for t in toks}
    assert by_text["1,800"].is_number and by_text["1,800"].norm == "1800"
    assert by_text["U.S."].is_acronym and by_text["U.S."].norm == "US"
    assert by_text["the"].is_stop
    assert by_text["NASA’s"].norm == "nasa"


def test_us_uk_spellings_share_a_stem() -> None:
    assert stem("analysing") == stem("analyzing") == stem("analyze")
    assert stem("organisation") == stem("organization")
    assert stem("colour") == stem("color")
    assert stem("four") != stem("for")


def test_number_words_and_forms() -> None:
    assert normalise_number("24th") == "24"
    assert normalise_number("1,800,000") == "1800000"
    assert normalise_number("2.5") == "2.5"
    assert [t.norm for t in tokenize("four astronauts") if t.is_number] == ["4"]


def test_acronyms_learned_from_parentheses_and_initials() -> None:
    texts = [
        "The National Aeronautics and Space Administration (NASA) said so.",
        "Officials in the United States disagreed with the US plan.",
    ]
    acr = learn_acronyms(texts)
    assert acr[("national", "aeronautics", "and", "space", "administration")] == "NASA"
    assert acr[("united", "states")] == "US"
    toks = apply_acronyms(tokenize(texts[0]), acr)
    assert [t.norm for t in toks if t.is_acronym] == ["NASA", "NASA"]
    span = next(t for t in toks if t.is_acronym)
    assert texts[0][span.start : span.end] == "National Aeronautics and Space Administration"


def test_rare_words_weigh_more() -> None:
    toks = {t.text: t for t in tokenize("Rogozin said the earthquake shook 500 homes")}
    assert background_weight(toks["the"]) == 0
    assert background_weight(toks["Rogozin"]) > background_weight(toks["earthquake"])
    assert background_weight(toks["earthquake"]) > background_weight(toks["homes"])
    assert background_weight(toks["500"]) > background_weight(toks["homes"])


def test_combining_marks_stay_in_their_word() -> None:
    decomposed = "L’e\u0301te\u0301 fut chaud"
    toks = tokenize(decomposed)
    assert [t.text for t in toks] == ["L’e\u0301te\u0301", "fut", "chaud"]
    assert toks[0].norm == tokenize("L’\u00e9t\u00e9")[0].norm


# --- the signals' grain --------------------------------------------------------------------


def test_signal_words_split_clitics_and_keep_offsets() -> None:
    text = "NASA won't say it's 1,800 or four; Reid’s U.S. team didn't."
    words = split_words(text)
    assert [w.norm for w in words] == [
        "nasa", "will", "not", "say", "it", "'s", "1800", "or", "4",
        "reid", "'s", "us", "team", "did", "not",
    ]  # fmt: skip
    for w in words:
        assert text[w.start : w.end] == w.text
    assert words[0].is_acronym and words[0].is_capitalised
    assert not words[3].is_capitalised and not words[3].quoted


def test_the_two_grains_cut_words_differently() -> None:
    # Letters glued to digits are one signal word but two alignment tokens.
    assert [t.text for t in split_words("the 1990s")] == ["the", "1990s"]
    assert [t.text for t in tokenize("the 1990s")] == ["the", "1990", "s"]
    # "one" is a number for the signals, a pronoun for alignment.
    assert split_words("one")[0].norm == "1"
    assert not tokenize("one")[0].is_number


def test_signal_words_range_and_quotes() -> None:
    text = 'He said "we stay" today.'
    words = split_words(text, 3, 17, quoted=lambda p: 9 <= p < 16)
    assert [(w.text, w.quoted) for w in words] == [("said", False), ("we", True), ("stay", True)]


def test_stems_are_bounded_caches() -> None:
    for fn in (stem, word_stem, spelling):
        info = fn.cache_info()  # type: ignore[attr-defined]
        assert info.maxsize is not None and info.maxsize > 0
    assert word_stem("sanctions") == "sanction"
    assert word_stem("rock'n'roll") == "rock'n'roll"  # not a plain word: kept whole
    assert spelling("colour") == "color" and spelling("defence") == "defense"


# --- one comparison's words ----------------------------------------------------------------


def _doc(text: str) -> Document:
    return Document("d", text, sentences=segment(text))


def test_sentence_words_tokenise_each_sentence_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = sentence_words.tokenize

    def counting(text: str, start: int = 0, script: str = "latin") -> list[Token]:
        calls.append(text)
        return real(text, start, script)

    monkeypatch.setattr(sentence_words, "tokenize", counting)
    doc = _doc("Rogozin spoke. NASA answered him. Then it ended.")
    store = SentenceWords([doc])
    first = store.tokens(doc, 1)
    assert store.tokens(doc, 1) is first and len(calls) == 1
    # A run of sentences reuses the sentences' tokens, as if tokenised in one piece.
    run = store.member_tokens(doc, (1, 2))
    assert len(calls) == 2
    whole = real(doc.text[doc.sentences[1].start : doc.sentences[2].end], doc.sentences[1].start)
    assert [(t.text, t.start, t.end) for t in run] == [(t.text, t.start, t.end) for t in whole]


def test_sentence_words_of_glued_sentences_tokenise_the_run() -> None:
    # A cut with no white space at it: "U.S." is one token of the run, not "U" + "S".
    text = "Made in U.S. goods."
    cut = Sentence(0, 0, 9, text[:9]), Sentence(1, 9, len(text), text[9:])
    doc = Document("d", text, sentences=cut)
    store = SentenceWords([doc])
    assert [t.text for t in store.tokens(doc, 0)] == ["Made", "in", "U"]
    run = store.member_tokens(doc, (0, 1))
    assert [t.text for t in run] == ["Made", "in", "U.S.", "goods"]


def test_whole_document_words_equal_a_plain_split() -> None:
    doc = _doc('  "We will not leave," he said.\n\nThe crew (six) stayed on Monday.  ')
    store = SentenceWords([doc])
    got = store.all_words(doc)
    assert [(w.norm, w.start) for w in got] == [(w.norm, w.start) for w in split_words(doc.text)]
    # Unsegmented: the whole text is one sentence.
    bare = Document("b", "one two")
    assert [w.norm for w in SentenceWords([bare]).all_words(bare)] == ["1", "2"]
