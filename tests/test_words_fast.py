"""The word layer's fast paths build whole, correct tokens (text/words.py)."""

from __future__ import annotations

from newsdiff.text.words import Token, split_words, tokenize

_TEXT = (
    "On Tuesday NASA and the U.S. Space Force won't say if 1,200 (or 5th) staff's "
    "e\u0301quipe we're told about \u201cit\u2019s over\u201d will move."
)


def test_tokens_are_whole_named_tuples() -> None:
    """Check every token has all ten fields and equals one built by name."""
    for tokens in (tokenize(_TEXT, 3), split_words(_TEXT, 0, None, lambda p: p > 40)):
        assert tokens
        for t in tokens:
            assert type(t) is Token and len(t) == len(Token._fields)
            assert Token(*t) == t and isinstance(t.start, int) and t.text == t[0]


def test_cached_analysis_does_not_leak_between_places() -> None:
    """Check a word's token depends on its place (offsets, first word, quotes) as before."""
    first, again = tokenize("Storm hit. Storm left.", 10)[0], tokenize("Storm hit. Storm left.")[2]
    assert (first.start, first.is_name) == (10, False)
    assert (again.start, again.is_name) == (11, True)
    inside = split_words("a 'big' big", 0, None, lambda p: 2 < p < 6)
    assert [(t.text, t.quoted) for t in inside] == [("a", False), ("big", True), ("big", False)]
