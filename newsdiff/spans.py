"""The words of each group member that another member lacks: what every renderer highlights.

Computed once, after classification, and stored on the model (`Member.spans`), so that the
table, Markdown and HTML paint the same characters and no renderer runs a word diff.

Two members are diffed word by word. A short changed run (an edit of a near-copy: a word or
a phrase of up to EDIT_WORDS words on each side) is marked whole, function words included
("and" vs "or"), unless its content words only moved. A longer changed run is rewritten
text, where marking every word that is not a verbatim copy floods the cell: there only its
content words are marked, and not those the other member holds elsewhere (told in another
order). Function words and punctuation are marked only between two marked content words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from newsdiff.model import Document, Group, Member
from newsdiff.text.diff import blocks, key
from newsdiff.text.sentence_words import SentenceWords
from newsdiff.text.words import Token

# Members of a group are diffed against at most this many others minus one: up to
# PAIRWISE_MAX members every pair is diffed; past it each member is diffed against the
# first PAIRWISE_MAX - 1 others, so the work grows linearly with the group, not squared.
PAIRWISE_MAX = 8
# The longest changed run (in words, on either side) marked whole: a copy editor's edit
# replaces a word or a short phrase ("another chance" -> "also the option"); past it the
# run is rewritten text and only its differing content words are marked.
EDIT_WORDS = 3

Span = tuple[int, int]


def _tokens(words: SentenceWords, doc: Document, member: Member) -> list[Token]:
    """Return the tokens of a member's sentences, with offsets into the document's text."""
    # The alignment tokens of each sentence (tokenised once per comparison), with the
    # acronyms alignment learned: an expansion and its acronym are one word here too.
    out: list[Token] = []
    for i in member.sentences:
        out.extend(words.aligned(doc, i))
    return out


def _content(token: Token) -> bool:
    """Tell whether a token carries content: not a function word (numbers and "not" do)."""
    return not token.is_stop


def _rewritten(tokens: Sequence[Token], start: int, end: int, other: set[str]) -> set[int]:
    """Return the indices to mark in a long changed run: differing content words and between.

    A content word the other member holds anywhere (same stem) is not a difference: the
    fact is told in another order. Function words are marked only between two marked
    content words of the run, so that a phrase reads as one mark.
    """
    marked = [i for i in range(start, end) if _content(tokens[i]) and tokens[i].norm not in other]
    out: set[int] = set()
    for x, y in pairwise(marked):
        # Bridge the gap when it holds function words only (a held content word breaks it).
        if all(not _content(tokens[k]) for k in range(x + 1, y)):
            out.update(range(x + 1, y))
    return out | set(marked)


def _edited(
    tokens: Sequence[Token], start: int, end: int, other: Counter[str], counterpart: Sequence[Token]
) -> set[int]:
    """Return the indices to mark in a short changed run: all of it, unless it only moved.

    An edit of function words alone ("and" -> "or") is marked. When the run has content
    words and the other member holds each of them outside the run's counterpart (same
    stem), the words were moved, not changed, and nothing is marked.
    """
    words = [tokens[i].norm for i in range(start, end) if _content(tokens[i])]
    if not words:
        return set(range(start, end))
    # The counterpart is what the words became ("falling" -> "fall"), not where they moved.
    there = Counter(t.norm for t in counterpart)
    if all(other[w] > there[w] for w in words):
        return set()
    return set(range(start, end))


class _Words:
    """A member's tokens with what every diff of it reads: keys and norms, found once."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.keys = [key(t) for t in tokens]
        # A word the other member holds anywhere is not a difference of a rewritten run: a
        # name said twice in one report and once in the other is the same name.
        self.counts = Counter(t.norm for t in tokens)
        self.norms = set(self.counts)


def _unmatched(wa: _Words, wb: _Words) -> tuple[set[int], set[int]]:
    """Return the indices of a's and b's tokens that differ (see the module's docstring)."""
    left: set[int] = set()
    right: set[int] = set()
    a, b = wa.tokens, wb.tokens
    a_all, b_all = wa.counts, wb.counts
    a_norms, b_norms = wa.norms, wb.norms
    for i1, i2, j1, j2 in blocks(wa.keys, wb.keys):
        if max(i2 - i1, j2 - j1) <= EDIT_WORDS:
            left |= _edited(a, i1, i2, b_all, b[j1:j2])
            right |= _edited(b, j1, j2, a_all, a[i1:i2])
        else:
            # Rewritten text: a word in another form (warned, warnings) is the same word.
            left |= _rewritten(a, i1, i2, b_norms)
            right |= _rewritten(b, j1, j2, a_norms)
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
    tokens = [_tokens(words, documents[m.doc], m) for m in members]
    diffed = [_Words(t) for t in tokens]
    changed: list[set[int]] = [set() for _ in members]
    done: dict[tuple[int, int], tuple[set[int], set[int]]] = {}
    for i in range(len(members)):
        others = [j for j in range(len(members)) if j != i][: PAIRWISE_MAX - 1]
        for j in others:
            pair = (min(i, j), max(i, j))
            if pair not in done:
                done[pair] = _unmatched(diffed[pair[0]], diffed[pair[1]])
            changed[i] |= done[pair][0 if i < j else 1]
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
