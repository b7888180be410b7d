"""The quote signal: a quotation told with other words, or carried by one member only."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from newsdiff.model import Side, Signal
from newsdiff.signals.context import View, per_member, side, signal_of, text_of
from newsdiff.text import numbers, quotes
from newsdiff.text.words import STOPWORDS, Token, word_stem


@per_member
def _member_quotes(v: View) -> list[tuple[int, int]]:
    """Return token ranges of the member's words inside each outermost quotation."""
    starts = [t.start for t in v.toks]
    if not starts:
        return []
    out = []
    top = quotes.outermost(v.context.quotations(v.doc))
    # Outermost quotations do not overlap: their ends are in order too. Look only at those
    # around the member's words, not at every quotation of the document.
    ends = [q.end for q in top]
    lo, hi = min(starts), max(starts)
    for q in top[bisect.bisect_right(ends, lo) :]:
        if q.start > hi:
            break
        idx = [i for i, s in enumerate(starts) if q.start <= s < q.end]
        if idx:
            out.append((idx[0], idx[-1] + 1))
    return out


def _same_numbers(x: View, xs: Sequence[Token], y: View, ys: Sequence[Token]) -> bool:
    """Return True when a change only writes the same numbers differently ($53m / $53 million)."""
    if not xs or not ys:
        return False
    qx = numbers.find(x.document.text, xs[0].start, xs[-1].end)
    qy = numbers.find(y.document.text, ys[0].start, ys[-1].end)
    if (
        not qx
        or len(qx) != len(qy)
        or not all(numbers.same(p, r) for p, r in zip(qx, qy, strict=True))
    ):
        return False
    rest = [
        [t for t in toks if not any(n.start <= t.start < n.end for n in found)]
        for toks, found in ((xs, qx), (ys, qy))
    ]
    return not rest[0] or not rest[1]


def _misquote(qw: Sequence[Token], tw: Sequence[Token]) -> bool:
    """Return True for a changed pronoun or auxiliary between two direct quotations.

    Reported speech shifts them ("we have" -> "they had"); two reports that both quote
    the speaker word for word do not: "who had voted" vs "who have voted".
    """
    if not qw or not tw or not all(t.quoted for t in (*qw, *tw)):
        return False
    return [t.norm for t in qw] != [t.norm for t in tw] and len(qw) + len(tw) <= 4


def _ampersand(v: View, toks: Sequence[Token], at: int, words: Sequence[Token]) -> bool:
    """Return True when words are "and", or none with "&" written in their place (at `at`)."""
    if words:
        return [t.norm for t in words] == ["and"]
    if not 0 < at < len(toks):
        return False
    return "&" in v.document.text[toks[at - 1].end : toks[at].start]


# Quoted words one side has beyond the end of the same quotation in the other: fewer are
# the quote's own punctuation and tag shifts ("and", "he said"), not a trimmed quote.
_TRIMMED = 3


def _trimmed(x: View, q: Sequence[Token], y: View, t_range: tuple[int, int]) -> list[list[Token]]:
    """Return y's quoted words before or after where x's quotation q matched in y.

    The same quotation, but y quotes more of it ("Delay the vote until every audit is
    read" vs "delay the vote"): x's report leaves those words out everywhere.
    """
    out: list[list[Token]] = []
    if len(q) <= _TRIMMED:
        return out  # a word or two in quotation marks ('Destroyed') quotes no passage
    for start, end in _member_quotes(y):
        if not (start <= t_range[0] and t_range[1] <= end):
            continue
        for lo, hi in ((start, t_range[0]), (t_range[1], end)):
            extra = [t for t in y.toks[lo:hi] if t.quoted and t.norm[:1].isalnum()]
            if len(extra) >= _TRIMMED and _absent(extra, x):
                out.append(extra)
    return out


def _absent(q: Sequence[Token], y: View) -> bool:
    """Return True when a quotation's words are found nowhere in y's document."""
    whole = quotes.locate(q, y.context.all_words(y.doc))
    return whole is None or whole.coverage < 0.5


# Share of a quotation's content words the other side must use to tell the same thing in
# its own words. Below it, the other side is about something else and the missing quote is
# no difference of this fact.
_PARAPHRASE = 0.5


def _paraphrased(q: Sequence[Token], y: View) -> bool:
    """Return True when y tells a quote's content in its own words (most of its stems)."""
    content = {word_stem(t.norm) for t in q if t.norm not in STOPWORDS and t.norm.isalpha()}
    known = {word_stem(w) for w in y.words}
    return len(content) >= 2 and len(content & known) >= _PARAPHRASE * len(content)


# Where a change of words was reported: its words' character span in each document.
_Place = dict[int, tuple[int, int]]


def _place(x: View, xs: Sequence[Token], y: View, ys: Sequence[Token]) -> _Place:
    """Return the spans of a change's words in each member that has words in it."""
    out: _Place = {}
    for v, toks in ((x, xs), (y, ys)):
        if toks:
            out[v.doc] = (toks[0].start, toks[-1].end)
    return out


def _reported(place: _Place, done: Sequence[_Place]) -> bool:
    """Return True when a change lies where a reported one is, in every member it has words."""
    for other in done:
        common = place.keys() & other.keys()
        if common and all(place[d][0] < other[d][1] and other[d][0] < place[d][1] for d in common):
            return True
    return False


def _quote_side(
    x: View, y: View, skip: set[int], taken: set[int], done: list[_Place]
) -> Iterable[Signal]:
    """Compare the quotations of x with y's words; record y's words they matched in taken.

    A quotation all of whose words were matched by the other side's quotations (skip) was
    compared already; one partly matched is compared again, but reports only changes in
    places not reported yet (done), and is not taken for one the other side lacks.
    """
    for qa, qb in _member_quotes(x):
        overlap = len(skip.intersection(range(qa, qb)))
        q = x.toks[qa:qb]
        if overlap == qb - qa:
            # Compared already from the other side's longer quotation, which cannot tell
            # that it is this one's trimmed version ("a stunt" in "This audit is a stunt
            # and a waste"): only the words y quotes beyond it are left to report.
            yield from _trimmed_only(x, q, y, done)
            continue
        m = quotes.locate(q, y.toks)
        matched = 0 if m is None else round(m.coverage * len(q))
        if m is None or m.coverage < 0.5 or matched < min(3, len(q)):
            if (
                not overlap
                and len(q) >= 4
                and not _member_quotes(y)
                and _paraphrased(q, y)
                and _absent(q, y)
            ):
                # A quotation the other report tells in its own words, quoting none: a
                # side quoting something else is not telling this quotation.
                words = text_of(x, q[:8]) + ("…" if len(q) > 8 else "")
                yield signal_of("quote", x, y, [(side(x, q, f"“{words}”"), side(y, []))])
            continue
        taken.update(range(*m.t_range))
        parts: list[tuple[Side, Side]] = []
        # Where y's quotation of it closes: y's words after it are y's narration ("...the
        # town.” The mayor did not say ..."), not other words of the quotation.
        closed = max((k for k in range(*m.t_range) if y.toks[k].quoted), default=m.t_range[1])
        for c in m.changes:
            qw, tw = q[c.q[0] : c.q[1]], y.toks[c.t[0] : c.t[1]]
            if tw and c.t[0] > closed:
                continue
            reportable = quotes.reportable(c, q, y.toks) or _misquote(qw, tw)
            if not reportable or _same_numbers(x, qw, y, tw):
                continue
            if _ampersand(x, q, c.q[0], qw) and _ampersand(y, y.toks, c.t[0], tw):
                continue  # "jobs & growth": "&" is the word "and"
            place = _place(x, qw, y, tw)
            if _reported(place, done):
                continue  # the other side's quotation told this change already
            done.append(place)
            parts.append((side(x, qw), side(y, tw)))
        parts += _trimmed_parts(x, q, y, m.t_range, done)
        if parts:
            yield signal_of("quote", x, y, parts)


def _trimmed_parts(
    x: View, q: Sequence[Token], y: View, t_range: tuple[int, int], done: list[_Place]
) -> list[tuple[Side, Side]]:
    """Return `none vs “words”` for y's quoted words beyond x's quotation q, not yet reported."""
    parts: list[tuple[Side, Side]] = []
    for extra in _trimmed(x, q, y, t_range):
        place = _place(x, [], y, extra)
        if _reported(place, done):
            continue
        done.append(place)
        words = text_of(y, extra[:8]) + ("…" if len(extra) > 8 else "")
        parts.append((side(x, []), side(y, extra, f"“{words}”")))
    return parts


# Share of a quotation's words found in the other side's quotation for it to be that one's
# excerpt ("jobs & growth" in "... more jobs and growth for all ...").
_WHOLE = 0.8


def _trimmed_only(x: View, q: Sequence[Token], y: View, done: list[_Place]) -> Iterable[Signal]:
    """Signal y's quoted words beyond x's quotation q when q is found whole in y's quotation."""
    if len(q) <= _TRIMMED:
        return
    for start, end in _member_quotes(y):
        m = quotes.locate(q, y.toks[start:end])
        if m is None or m.coverage < _WHOLE:
            continue  # not this quotation (its changes of words were compared already)
        t_range = (start + m.t_range[0], start + m.t_range[1])
        parts = _trimmed_parts(x, q, y, t_range, done)
        if parts:
            yield signal_of("quote", x, y, parts)
        return


def detect(a: View, b: View) -> Iterable[Signal]:
    """Signal quotations worded differently, and quotations one member only carries."""
    taken: set[int] = set()
    done: list[_Place] = []
    yield from _quote_side(a, b, set(), taken, done)
    yield from _quote_side(b, a, taken, set(), done)
