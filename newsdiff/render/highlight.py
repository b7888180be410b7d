"""Split each member's text of a group into runs of words that all members share or not."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from newsdiff.model import Comparison, Group
from newsdiff.text.normalize import Token, tokenize

# Largest group whose members are all diffed against each other (see member_pieces).
PAIRWISE_MAX = 8


@dataclass(frozen=True)
class Piece:
    """A run of a member's text; `differs` marks words not carried by every member."""

    text: str
    differs: bool


def _changed(a: Sequence[Token], b: Sequence[Token]) -> tuple[set[int], set[int]]:
    """Return the indices of a's and b's tokens that a word diff does not match."""
    from newsdiff.text.diff import word_diff

    left: set[int] = set()
    right: set[int] = set()
    for tag, i1, i2, j1, j2 in word_diff(a, b):
        if tag != "equal":
            left.update(range(i1, i2))
            right.update(range(j1, j2))
    return left, right


def member_pieces(comparison: Comparison, group: Group) -> dict[int, list[Piece]]:
    """Return, per document of the group, its member text cut into shared and differing runs."""
    texts = {m.doc: comparison.member_text(m) for m in group.members}
    if len(texts) < 2:
        return {d: [Piece(t, False)] for d, t in texts.items() if t}
    tokens = {d: tokenize(t) for d, t in texts.items()}
    changed: dict[int, set[int]] = {d: set() for d in texts}
    # A word is highlighted when some other member lacks it: pairwise, so that in an
    # N-way group the words not carried by every member stand out. Past PAIRWISE_MAX
    # members the pairs grow quadratically, so each member is diffed against the first.
    docs = sorted(texts)
    pairs = combinations(docs, 2) if len(docs) <= PAIRWISE_MAX else ((docs[0], d) for d in docs[1:])
    for a, b in pairs:
        left, right = _changed(tokens[a], tokens[b])
        changed[a] |= left
        changed[b] |= right
    return {d: _cut(texts[d], [(t.start, t.end) for t in tokens[d]], changed[d]) for d in texts}


def _cut(text: str, spans: list[tuple[int, int]], changed: set[int]) -> list[Piece]:
    """Cut text into pieces at the borders of changed token runs."""
    pieces: list[Piece] = []
    pos = 0
    i = 0
    while i < len(spans):
        if i not in changed:
            i += 1
            continue
        j = i
        # Extend over consecutive changed tokens, so "and Europe" is one highlighted run.
        while j + 1 < len(spans) and j + 1 in changed:
            j += 1
        start, end = spans[i][0], spans[j][1]
        if start > pos:
            pieces.append(Piece(text[pos:start], False))
        pieces.append(Piece(text[start:end], True))
        pos = end
        i = j + 1
    if pos < len(text):
        pieces.append(Piece(text[pos:], False))
    return pieces
