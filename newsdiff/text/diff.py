"""Word-level differences: one wrapper over rapidfuzz's word opcodes, and its views."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from newsdiff.text.words import Token, tokenize

Opcode = tuple[str, int, int, int, int]
# A changed run of a word diff: (a_start, a_end, b_start, b_end).
Block = tuple[int, int, int, int]


@dataclass(frozen=True)
class Span:
    """A character span of a document's text that differs from the other side."""

    start: int
    end: int


def opcodes(a: Sequence[str], b: Sequence[str]) -> list[Opcode]:
    """Return the opcodes (tag, a_start, a_end, b_start, b_end) turning word list a into b."""
    from rapidfuzz.distance import Indel

    # Lists, not strings: rapidfuzz compares a list's items (words), not its characters.
    # as_list: the same (tag, a_start, a_end, b_start, b_end) tuples, built in C (typed by
    # rapidfuzz as its Opcode objects, which it returns only when iterated).
    return cast(list[Opcode], Indel.opcodes(list(a), list(b)).as_list())


def blocks(a: Sequence[str], b: Sequence[str]) -> list[Block]:
    """Return the changed runs of a word diff; a deletion next to an insertion is one run."""
    out: list[Block] = []
    for tag, i1, i2, j1, j2 in opcodes(a, b):
        if tag == "equal":
            continue
        if out and out[-1][1] == i1 and out[-1][3] == j1:
            # Indel has no "replace": merge a delete next to an insert into one change.
            prev = out[-1]
            out[-1] = (prev[0], i2, prev[2], j2)
        else:
            out.append((i1, i2, j1, j2))
    return out


def key(token: Token) -> str:
    """Return the form two tokens must share to count as the same word when highlighting."""
    if token.is_acronym:
        # "NASA", "N.A.S.A." and a learned expansion ("National Aeronautics and Space
        # Administration") are one name, as alignment treats them.
        return token.norm.lower()
    return token.text.replace("’", "'").lower()


def word_diff(a: Sequence[Token], b: Sequence[Token]) -> list[Opcode]:
    """Return opcodes turning token list a into b, tokens compared by their `key`."""
    return opcodes([key(t) for t in a], [key(t) for t in b])


def token_spans(a: Sequence[Token], b: Sequence[Token]) -> list[Span]:
    """Return the spans of a's tokens that b does not share."""
    spans: list[Span] = []
    for tag, i1, i2, _, _ in word_diff(a, b):
        if tag in ("delete", "replace") and i1 < i2:
            spans.append(Span(a[i1].start, a[i2 - 1].end))
    return spans


def changed_spans(text: str, start: int, other: str, other_start: int) -> list[Span]:
    """Return the spans of `text` (offsets from `start`) whose words `other` does not share."""
    return token_spans(tokenize(text, start), tokenize(other, other_start))
