"""Evidence about two sentences beyond their shared words: quotations, days, headlines.

A quotation reproduced word for word in two reports is the same statement however much
else the two sentences say (a long sentence wraps a short quote in its context); so is a
short quote whose every content word the other sentence also quotes (a headline's 'reckless
folly' inside the full quotation, a trimmed "unfair" of "this toll is deeply unfair"),
though fewer words show it, so it counts for less than a run. Two sentences that name
different days of the week tell of different moments ("landed in Oslo Tuesday" vs "spoke
Wednesday"), however many words they share. Two reports' headlines share
the story's words by construction (each names its actors and its subject), whatever angle
each one takes: their shared words are weaker evidence of one fact than a body sentence's.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from enum import IntEnum

from newsdiff.model import Document
from newsdiff.text import quotes, wordlists
from newsdiff.text.segment import CLOSERS, LINE_ENDS
from newsdiff.text.words import Token

# Consecutive words of a quotation two sentences must share to count as one quote: five
# words rarely recur by chance inside quotation marks ("we are going to" is four).
QUOTE_WORDS = 5
# Of those, the fewest that are not stop words (a run of function words says nothing).
_QUOTE_CONTENT = 2

# Least weight of the quoted content words a sentence needs for its quote to be matched by
# words (`same_quotation`): the weight of one uncommon word (background_weight 3, Zipf
# <= 4.5), as for score._PLAIN_SHARED; a quoted "no" or "it" is no statement.
QUOTED_WEIGHT = 3

_WEEKDAYS = wordlists.weekdays()


def headline(doc: Document) -> int | None:
    """Return the index of a report's headline: a first line of its own without a final stop.

    A report that opens with a line ending in no stop, followed by a new paragraph, opens
    with its title; a single-sentence report has none (an STS pair is two sentences). A stop
    is what ends a line's unit in segmentation (segment.LINE_ENDS: a danda or an ideographic
    stop as well as a period; a colon, which introduces what follows, as a lede's does).
    """
    first = second = None
    for s in doc.content_sentences():
        if first is None:
            first = s
        else:
            second = s
            break
    if first is None or second is None or first.paragraph == second.paragraph:
        return None
    end = first.text.rstrip().rstrip(CLOSERS)
    return first.index if end and end[-1] not in LINE_ENDS else None


def quote_spans(found: Sequence[quotes.Quote], closed: bool = False) -> list[tuple[int, int]]:
    """Return the spans of the outermost of a text's quotations (`closed`: of closed ones).

    `found`: the text's quotations (quotes.find; SentenceWords.quotations keeps them).
    """
    if closed:
        found = tuple(q for q in found if q.closed)
    return [(q.start, q.end) for q in quotes.outermost(found)]


def overlapping(spans: Sequence[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """Return the spans (sorted, disjoint) that overlap [start, end)."""
    k = bisect.bisect_right(spans, (start, start))
    if k and spans[k - 1][1] > start:
        k -= 1
    out = []
    while k < len(spans) and spans[k][0] < end:
        out.append(spans[k])
        k += 1
    return out


def quote_shingles(tokens: Sequence[Token], spans: Sequence[tuple[int, int]]) -> frozenset[str]:
    """Return the runs of QUOTE_WORDS consecutive quoted tokens of a sentence, as keys.

    Tokens are the sentence's alignment tokens (stems, stop words kept); a run must lie
    inside one quotation and hold some content words.
    """
    if len(tokens) < QUOTE_WORDS or not spans:
        return frozenset()
    inside: list[int] = []  # the quotation each token lies in, -1 outside
    for t in tokens:
        where = -1
        for q, (start, end) in enumerate(spans):
            if start <= t.start and t.end <= end:
                where = q
                break
        inside.append(where)
    out = set()
    for i in range(len(tokens) - QUOTE_WORDS + 1):
        q = inside[i]
        if q < 0 or any(inside[j] != q for j in range(i + 1, i + QUOTE_WORDS)):
            continue
        run = tokens[i : i + QUOTE_WORDS]
        if sum(not t.is_stop for t in run) >= _QUOTE_CONTENT:
            out.add(" ".join(t.norm for t in run))
    return frozenset(out)


class Quoted(IntEnum):
    """How two sentences quote one statement (units.Unit.quote_match)."""

    NO = 0
    # One's quoted content words are all quoted by the other (same_quotation).
    WORDS = 1
    # They share a run of QUOTE_WORDS quoted words (quote_shingles).
    RUN = 2


def same_quotation(a: Mapping[str, int] | None, b: Mapping[str, int] | None) -> bool:
    """Tell whether one sentence's quoted content words are all quoted in the other.

    `a`, `b`: each sentence's bag of quoted content words (Unit.quoted_words). The smaller
    quote must weigh QUOTED_WEIGHT or more and the larger hold two words or more: the same
    words quoted, in any order and with words trimmed around them, are one statement
    reproduced.
    """
    if not a or not b:
        return False
    small, large = (a, b) if sum(a.values()) <= sum(b.values()) else (b, a)
    if len(large) < 2:
        # One word quoted by both is a term both use (a scare quote, a title: 'the "reform"'),
        # not a statement reproduced; a word trimmed from a longer quotation is.
        return False
    return sum(small.values()) >= QUOTED_WEIGHT and all(n in large for n in small)


def weekdays(tokens: Sequence[Token]) -> frozenset[int]:
    """Return the days of the week a sentence names (0 = Monday)."""
    days = set()
    for t in tokens:
        day = _WEEKDAYS.get(t.text.lower())
        if day is not None:
            days.add(day)
    return frozenset(days)


def days_conflict(a: frozenset[int], b: frozenset[int]) -> bool:
    """Tell whether two sentences both name days of the week, none the same."""
    return bool(a and b and a.isdisjoint(b))
