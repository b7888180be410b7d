"""Tests of the word lists: lexicon files, phrase matching, and data/words/."""

from __future__ import annotations

import pytest

from newsdiff.text import lexicons, wordlists
from newsdiff.text.lexicons import Hit, Lexicon, _inflections
from newsdiff.text.words import STOPWORDS, split_words


def _norms(text: str) -> list[str]:
    return [t.norm for t in split_words(text)]


def test_lexicon_matches_longest_entry_first() -> None:
    lex = Lexicon([("negator", "not"), ("idiom", "not only")], inflect=False)
    assert lex.find(_norms("not only this")) == [Hit("idiom", 0, 2)]
    assert lex.find(_norms("we will not go")) == [Hit("negator", 2, 3)]
    assert lex.classes(_norms("nothing here")) == set()


def test_lexicon_entries_are_normalised_like_words() -> None:
    # Entries go through the signals' words: clitics split, one spelling.
    lex = Lexicon([("neg", "won't"), ("uk", "analyse")], inflect=False)
    assert lex.find(_norms("they will not")) == [Hit("neg", 1, 3)]
    assert lex.classes(_norms("we analyze it")) == {"uk"}


def test_inflection_of_the_first_word_only_when_asked() -> None:
    entries = [("say", "claim"), ("plain", "note")]
    lex = Lexicon(entries, inflect=frozenset({"say"}))
    assert lex.classes(_norms("he claimed it")) == {"say"}
    assert lex.classes(_norms("he noted it")) == set()
    assert {"tried", "tries", "stopped", "stopping", "baking"} <= (
        _inflections("try") | _inflections("stop") | _inflections("bake")
    )


def test_lexicon_files_have_classes() -> None:
    entries = lexicons.read("negation")
    classes = {cls for cls, _ in entries}
    assert {"negator", "idiom"} <= classes
    assert ("negator", "no longer") in entries


def test_pairs_read_opposites_with_their_inflections() -> None:
    pairs = lexicons.pairs("polarity")
    assert any("confirmed" in a and "denied" in b for a, b in pairs)


def test_lexicon_loaded_once() -> None:
    assert lexicons.lexicon("hedges") is lexicons.lexicon("hedges")


# --- data/words/ -------------------------------------------------------------------------


def test_number_words_by_role() -> None:
    numbers = wordlists.number_words()
    assert numbers.units["twelve"] == 12 and numbers.units["dozen"] == 12
    assert numbers.scales["million"] == 10**6
    # "one" is a pronoun for alignment; the teens are words for it.
    assert "one" not in numbers.align and "thirteen" not in numbers.align
    assert numbers.align["four"] == "4" and numbers.align["hundred"] == "100"


def test_calendar_words() -> None:
    months, days = wordlists.months(), wordlists.weekdays()
    assert months["january"] == months["jan"] == 1 and months["sept"] == 9
    assert months["may"] == 5 and len(set(months.values())) == 12
    assert days["monday"] == 0 and days["sunday"] == 6


def test_two_stop_word_lists_for_two_purposes() -> None:
    align, signals = wordlists.stopwords(), wordlists.function_words()
    assert signals is STOPWORDS
    # Alignment weighs negations and modals (they change a fact); reporting verbs not.
    assert "said" in align and "not" not in align and "may" not in align
    # The signals read negations themselves and never take a title for a name.
    assert "not" in signals and "mr" in signals and "said" not in signals


@pytest.mark.parametrize(("british", "common"), [("defence", "defense"), ("grey", "gray")])
def test_spelling_variants(british: str, common: str) -> None:
    assert wordlists.spellings()[british] == common


def _plain_zipf(text: str) -> dict[str, float]:
    """Parse `word<TAB>zipf` lines one by one (the reference for `parse_zipf`)."""
    table: dict[str, float] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, _, zipf = line.partition("\t")
            table[word] = float(zipf)
    return table


def test_the_shipped_zipf_table_parses_as_line_by_line() -> None:
    from newsdiff.text.resources import read_text

    text = read_text("wordfreq_en.tsv")
    table = wordlists.parse_zipf(text)
    assert len(table) > 50_000
    assert list(table.items()) == list(_plain_zipf(text).items())


@pytest.mark.parametrize(
    "text",
    [
        "# head\nthe\t7.7\nof\t7.3\n",
        "the\t7.7\n# a comment inside\nof\t7.3",
        "new york\t5.1\nthe\t7.7\n",  # a space inside a word: the line-by-line path
        "the\t7.7\nof\t7.3\nthe\t7.1\n",  # a repeated word: the last value, as before
    ],
)
def test_zipf_parsing_equals_the_plain_parse(text: str) -> None:
    assert list(wordlists.parse_zipf(text).items()) == list(_plain_zipf(text).items())
