"""The words of each group member that another member lacks: what every renderer highlights.

Computed once, after classification, and stored on the model (`Member.spans`), so that the
table, Markdown and HTML paint the same characters and no renderer runs a word diff.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsdiff.model import Document, Group, Member
from newsdiff.text.diff import word_diff
from newsdiff.text.names import Acronyms, apply_acronyms
from newsdiff.text.sentence_words import SentenceWords
from newsdiff.text.words import Token

# Members of a group are diffed against at most this many others minus one: up to
# PAIRWISE_MAX members every pair is diffed; past it each member is diffed against the
# first PAIRWISE_MAX - 1 others, so the work grows linearly with the group, not squared.
PAIRWISE_MAX = 8

Span = tuple[int, int]


def _tokens(words: SentenceWords, doc: Document, member: Member, acronyms: Acronyms) -> list[Token]:
    """Return the tokens of a member's sentences, with offsets into the document's text."""
    # The alignment tokens of each sentence (tokenised once per comparison), with the
    # acronyms alignment learned: an expansion and its acronym are one word here too.
    out: list[Token] = []
    for i in member.sentences:
        out.extend(apply_acronyms(words.tokens(doc, i), acronyms))
    return out


def _unmatched(a: Sequence[Token], b: Sequence[Token]) -> tuple[set[int], set[int]]:
    """Return the indices of a's and b's tokens that the word diff does not match."""
    left: set[int] = set()
    right: set[int] = set()
    for tag, i1, i2, j1, j2 in word_diff(a, b):
        if tag != "equal":
            left.update(range(i1, i2))
            right.update(range(j1, j2))
    return left, right


def _runs(tokens: Sequence[Token], changed: set[int]) -> tuple[Span, ...]:
    """Return runs of consecutive changed tokens as (start, end) character spans."""
    runs: list[Span] = []
    last = -2
    for i in sorted(changed):
        if i == last + 1:
            runs[-1] = (runs[-1][0], tokens[i].end)
        else:
            runs.append((tokens[i].start, tokens[i].end))
        last = i
    return tuple(runs)


def differing_spans(
    documents: Sequence[Document],
    group: Group,
    words: SentenceWords | None = None,
) -> tuple[tuple[Span, ...], ...]:
    """Return, per member of a group, the spans of its words that some compared member lacks."""
    members = group.members
    if len(members) < 2:
        return tuple(() for _ in members)
    words = words or SentenceWords(documents)
    acronyms = words.acronyms()
    tokens = [_tokens(words, documents[m.doc], m, acronyms) for m in members]
    changed: list[set[int]] = [set() for _ in members]
    done: dict[tuple[int, int], tuple[set[int], set[int]]] = {}
    for i in range(len(members)):
        others = [j for j in range(len(members)) if j != i][: PAIRWISE_MAX - 1]
        for j in others:
            key = (min(i, j), max(i, j))
            if key not in done:
                done[key] = _unmatched(tokens[key[0]], tokens[key[1]])
            changed[i] |= done[key][0 if i < j else 1]
    return tuple(_runs(t, c) for t, c in zip(tokens, changed, strict=True))


def mark_spans(
    documents: Sequence[Document], groups: Sequence[Group], words: SentenceWords | None = None
) -> tuple[Group, ...]:
    """Return the groups with each member's differing spans filled in."""
    words = words or SentenceWords(documents)
    out = []
    for group in groups:
        spans = differing_spans(documents, group, words)
        members = tuple(replace(m, spans=s) for m, s in zip(group.members, spans, strict=True))
        out.append(replace(group, members=members))
    return tuple(out)
