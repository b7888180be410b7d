"""Shortcuts of the shared word layer against the plain definitions they stand in for."""

from __future__ import annotations

import random

import pytest

from newsdiff.model import Document
from newsdiff.signals.context import OPENERS, _sentence_words
from newsdiff.text import quotes
from newsdiff.text.words import split_words

_TEXT = (
    'The mayor said: "We will rebuild (all of it) — soon." Crews -- tired -- worked on. '
    "\u201cNot yet,\u201d she said \u2018twice\u2019 in  a   row; «mais oui», he won't say."
)


@pytest.mark.parametrize("seed", range(20))
def test_meets_tells_whether_some_offset_is_quoted(seed: int) -> None:
    """Check `Inside.meets` against asking every offset of the range."""
    rng = random.Random(seed)
    inside = quotes.Inside(quotes.find(_TEXT))
    for _ in range(200):
        start = rng.randrange(len(_TEXT))
        end = rng.randrange(start, len(_TEXT) + 1)
        assert inside.meets(start, end) == any(inside(p) for p in range(start, end))


def _initial_plain(text: str, start: int, toks: list) -> list[bool]:  # type: ignore[type-arg]
    out = []
    for i, t in enumerate(toks):
        p = t.start - 1
        while p >= start and text[p].isspace():
            p -= 1
        out.append(i == 0 or p < start or text[p] in OPENERS)
    return out


@pytest.mark.parametrize("start", [0, 5, 17, 52, 80])
def test_sentence_initials_match_the_backward_scan(start: int) -> None:
    """Check which words start a clause, found gap by gap, against the character scan."""
    toks = split_words(_TEXT, start)
    doc = Document("d", _TEXT)
    _, initial, _ = _sentence_words(doc, start, tuple(toks))
    assert list(initial) == _initial_plain(_TEXT, start, toks)
    assert any(initial[1:])  # openers inside the text mark some words


def test_numbers_found_past_the_quick_test_equal_the_full_parse() -> None:
    """Check sentences without a digit or number word have no quantity in the full parse."""
    from newsdiff.text import numbers

    texts = [
        _TEXT,
        "A dozen crews and a million thanks; the one who came on Tuesday in March.",
        "Two hundred and five people, twenty-five of them children, left at 5:30 p.m.",
        "Prices rose 3% to $1.2bn on 5th May, the MS08 code and COVID-19 aside.",
        "Nothing here counts anything at all, an idea and a plan aside.",
    ]
    for text in texts:
        for start in range(0, len(text), 7):
            for end in (start + 12, start + 40, len(text)):
                full = numbers._Parser(text, numbers._items(text, start, end)).run()
                assert numbers.find(text, start, end) == full
