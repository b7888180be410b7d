"""Tests of the word layer: both grains of words, stems, numbers, acronyms, the store."""

from __future__ import annotations

from newsdiff.text.names import apply_acronyms, learn_acronyms
from newsdiff.text.words import background_weight, normalise_number, stem, tokenize


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
