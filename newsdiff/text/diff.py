"""Word-level differences between aligned sentences (rapidfuzz opcodes over tokens)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsdiff.text.normalize import Token, tokenize


@dataclass(frozen=True)
class Span:
    """A character span of a document's text that differs from the other side."""

    start: int
    end: int


def _key(token: Token) -> str:
    """Return the form two tokens must share to count as the same word."""
    return token.text.replace("’", "'").lower()


def word_diff(a: Sequence[Token], b: Sequence[Token]) -> list[tuple[str, int, int, int, int]]:
    """Return opcodes (tag, a_start, a_end, b_start, b_end) turning token list a into b."""
    from rapidfuzz.distance import Indel

    ops = Indel.opcodes([_key(t) for t in a], [_key(t) for t in b])
    return [(op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end) for op in ops]


def changed_spans(text: str, start: int, other: str, other_start: int) -> list[Span]:
    """Return the spans of `text` (offsets from `start`) whose words `other` does not share."""
    a = tokenize(text, start)
    b = tokenize(other, other_start)
    spans: list[Span] = []
    for tag, i1, i2, _, _ in word_diff(a, b):
        if tag in ("delete", "replace") and i1 < i2:
            spans.append(Span(a[i1].start, a[i2 - 1].end))
    return spans
