"""The number signal: values, amounts and dates that differ between two members."""

from __future__ import annotations

import re
from collections.abc import Iterable
from fractions import Fraction

from newsdiff.model import Signal
from newsdiff.signals.context import View, neighbours, per_member, signal
from newsdiff.text import numbers
from newsdiff.text.diff import blocks
from newsdiff.text.words import STOPWORDS, Token, word_stem


@per_member
def quantities(v: View) -> list[numbers.Quantity]:
    """Return the numbers, amounts and dates of a member's sentences."""
    out: list[numbers.Quantity] = []
    for start, end in v.spans:
        out += numbers.find(v.document.text, start, end)
    return out


def _token_range(v: View, q: numbers.Quantity) -> list[int]:
    """Return the indices of the member's tokens inside a quantity's span."""
    return [k for k, t in enumerate(v.toks) if q.start <= t.start < q.end]


def _context(v: View, q: numbers.Quantity) -> tuple[str, str]:
    """Return the stems of the content words just around a quantity (what it counts)."""
    ks = _token_range(v, q)
    return neighbours(v, ks) if ks else ("", "")


# Share of content words two members must have in common for their only differing values
# to be taken as the same quantity ("74 dead in Egypt soccer violence" / "73 die in ...").
_ALONE_OVERLAP = 0.25


def _overlap(a: View, b: View) -> float:
    """Return the Dice overlap of two members' content-word stems."""
    sa, sb = _content_stems(a), _content_stems(b)
    return 2 * len(sa & sb) / (len(sa) + len(sb)) if sa or sb else 0.0


@per_member
def _content_stems(v: View) -> frozenset[str]:
    """Return the stems of a member's content words (no stop words, no numbers)."""
    return frozenset(word_stem(w) for w in v.words if w not in STOPWORDS and not w[:1].isdigit())


def _head(v: View, q: numbers.Quantity) -> str:
    """Return the stem of the word a bare number counts: the word just after it."""
    ks = _token_range(v, q)
    k = ks[-1] + 1 if ks else len(v.toks)
    if k >= len(v.toks) or v.document.text[q.end : v.toks[k].start].strip():
        return ""  # "five, ...": no counted word follows
    if v.toks[k].text.isupper():
        return ""  # "1336 GMT", "5 PM": a clock time and its zone, not a count
    return word_stem(v.toks[k].norm)


# Two counts of one thing told by two reports differ by a little (a toll of 73 or 74, 352
# or 372), not by an order of magnitude: "13 miles away" and "1100 hrs" count other things.
_NEAR = 0.5


def _same_count(a: View, x: numbers.Quantity, b: View, y: numbers.Quantity) -> bool:
    """Return True when two bare numbers may count the same thing ("74 dead" / "73 die").

    Each must count a word that follows it; told of other words, they must be near in value
    and both whole or both not ("five hurt" is no "6.1 quake").
    """
    ha, hb = _head(a, x), _head(b, y)
    if not ha or not hb:
        return False
    if ha == hb:
        return True
    return _whole(x) == _whole(y) and _closeness(x, y) >= _NEAR


def _other_things(a: View, x: numbers.Quantity, b: View, y: numbers.Quantity) -> bool:
    """Return True when two bare numbers plainly count other things.

    Each counts the word after it, and the words differ: "13 magazines" is not "3 machine
    guns" though both follow "a grenade launcher and" in a list. Or one is whole and the
    other not, told of other words: "10 people" is no "5.9" magnitude. Told of the same
    word, or both closing a clause ("a magnitude of 6.1," / "of 6,": one measure rounded),
    they may be one count.
    """
    if x.kind != "amount" or y.kind != "amount" or x.unit is not None or y.unit is not None:
        return False
    ha, hb = _head(a, x), _head(b, y)
    if _whole(x) != _whole(y):
        return ha != hb
    return bool(ha and hb) and ha != hb and _closeness(x, y) < _NEAR


def _whole(q: numbers.Quantity) -> bool:
    """Tell whether a quantity's (first) value is a whole number."""
    return Fraction(q.value[0] or 0).denominator == 1


def _closeness(x: numbers.Quantity, y: numbers.Quantity) -> float:
    """Return how near two values are, 1 for equal, towards 0 for far apart."""
    if x.kind != "amount" or y.kind != "amount":
        return 0.0
    vx, vy = sorted(abs(float(q.value[0] or 0)) for q in (x, y))
    return vx / vy if vy else 1.0


def _span_toks(v: View, start: int, end: int) -> list[Token]:
    """Return a pseudo-token covering text[start:end], for evidence of a quantity."""
    return [Token(v.document.text[start:end], start, end, "")]


# Words that place a time within its span or raise a value above itself: "early 1979" is
# not "1979", nor "90-plus percent" "90 percent". A bound word before a number ("up to
# 18,000", "over 100,000", "at least 12") is not one: readers take "up to 18,000 jobs" and
# "18,000 jobs" for the same news (STS pairs scored 5), as they do rounding words ("about").
_TIME_BOUNDS = frozenset({"early", "late", "mid"})
_PLUS = re.compile(r"-plus(?![^\W\d_])", re.IGNORECASE)


def _bound(v: View, q: numbers.Quantity) -> tuple[str, int, int]:
    """Return a quantity's bound ("" if none) with the span of the quantity and its bound."""
    text = v.document.text
    if q.kind == "amount":
        plus = _PLUS.match(text, q.end)
        return ("plus", q.start, plus.end()) if plus else ("", q.start, q.end)
    # "late Friday" only tells the hour of a day: a year or month told "early" is another
    # span of time ("early 1979" is its first months, not the year).
    if q.kind == "year" or (q.kind == "date" and q.value[2] is None):
        word = re.search(r"([^\W\d_]+)[\s-]+$", text[max(0, q.start - 12) : q.start])
        if word and word.group(1).lower() in _TIME_BOUNDS:
            return word.group(1).lower(), q.start - len(word.group()), q.end
    return "", q.start, q.end


def _bounded(a: View, b: View, x: numbers.Quantity, y: numbers.Quantity) -> Signal | None:
    """Signal one value told with a bound the other lacks ("early 1979" vs "1979")."""
    bx, sx, ex = _bound(a, x)
    by, sy, ey = _bound(b, y)
    if bx == by:
        return None
    return signal("number", a, b, _span_toks(a, sx, ex), _span_toks(b, sy, ey))


# Scale words and suffixes an amount may be written with, by power of ten: the parser's
# from a thousand up, and "MM", finance's million, which the parser does not read as a
# scale ("5mm" is five millimetres) but which after an amount's digits ("$30MM") is one.
_SCALE_WORDS = {w: len(str(v)) - 1 for w, v in numbers.SCALES.items() if v >= 1000} | {"mm": 6}
# The digits of an amount and the word after them: glued ("60m"), after a hyphen ("250-M")
# or after a space when longer than a letter ("5 m" is five metres).
_WRITTEN = re.compile(r"(\d+(?:[.,]\d+)*)(?:([^\W\d_]+)|-\s*([^\W\d_]+)|\s+([^\W\d_]{2,}))?")


def _written(q: numbers.Quantity) -> tuple[str, int | None]:
    """Return an amount's digits as written and the power of ten of its scale word, if any."""
    m = _WRITTEN.search(q.text)
    if m is None:
        return "", None
    word = next((w for w in m.groups()[1:] if w), "")
    return m.group(1), _SCALE_WORDS.get(word.lower())


def _rescaled(x: numbers.Quantity, y: numbers.Quantity) -> bool:
    """Return True when two amounts are the same digits, one with a scale word the other lacks.

    "$140" in "$140-150 million" is the range's first bound, and "$200MM" an abbreviation
    the parser does not scale: no report means 140 dollars against 140 million. Other
    digits ("3" / "3,000") or two scale words ("$2 million" / "$2 billion") differ.
    """
    if x.kind != "amount" or y.kind != "amount" or not numbers.comparable(x, y):
        return False
    (dx, sx), (dy, sy) = _written(x), _written(y)
    if not dx or dx != dy:
        return False
    return sx is None or sy is None or sx == sy


def detect(a: View, b: View) -> Iterable[Signal]:
    """Signal values that differ for the same thing (500 vs 400 jobs, Feb. 24 vs 25)."""
    qa, qb = quantities(a), quantities(b)
    free_b = list(qb)
    left = []
    for x in qa:
        y = next((y for y in free_b if numbers.same(x, y) or _rescaled(x, y)), None)
        if y is None:
            left.append(x)
        else:
            free_b.remove(y)
            bounded = _bounded(a, b, x, y)
            if bounded is not None:
                yield bounded
    if not left or not free_b:
        return  # no value left on one side: nothing to pair (most pairs of a group)
    # Pair each differing value with the one that counts the same thing: same neighbouring
    # words first, then same unit, then the nearest value ("toll rises to 352" / "reaches 372").
    # Two values are told about the same thing when a word next to them is the same ("500
    # jobs" / "400 jobs") or when one takes the other's place in a short change of words.
    changes = blocks(a.norms, b.norms)
    # Or, in two sentences that share much of their words, the one value each has left.
    alone = _overlap(a, b) >= _ALONE_OVERLAP
    ranked = []
    for i, x in enumerate(left):
        cx, kx = _context(a, x), _token_range(a, x)
        for j, y in enumerate(free_b):
            if not numbers.comparable(x, y):
                continue
            cy, ky = _context(b, y), _token_range(b, y)
            same_word = (bool(cx[0]) and cx[0] == cy[0], bool(cx[1]) and cx[1] == cy[1])
            swapped = bool(kx and ky) and any(
                a0 <= kx[0]
                and kx[-1] < a1 <= a0 + len(kx) + 2
                and b0 <= ky[0]
                and ky[-1] < b1 <= b0 + len(ky) + 2
                for a0, a1, b0, b1 in changes
            )
            # A day, date or time is the time of one event: two of them are the same
            # quantity only when told next to the same word or put in each other's place
            # ("said Tuesday" / "voted Wednesday" are two events). A bare number counts
            # something only when a word follows it ("74 dead" / "73 die"), not a
            # timestamp ("(1336 GMT)") or a number closing a clause.
            only = (
                alone
                and x.kind == "amount"
                and x.unit == y.unit
                and (x.unit is not None or _same_count(a, x, b, y))
                and sum(numbers.comparable(x, z) for z in free_b) == 1
                and sum(numbers.comparable(z, y) for z in left) == 1
            )
            if not (any(same_word) or swapped or only) or _other_things(a, x, b, y):
                continue
            key = (same_word[1], same_word[0], y.unit == x.unit, _closeness(x, y))
            ranked.append((key, -i, -j, x, y))
    ranked.sort(key=lambda r: r[:3], reverse=True)
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs_ = []
    for _key, ni, nj, x, y in ranked:
        if -ni in used_a or -nj in used_b:
            continue
        used_a.add(-ni)
        used_b.add(-nj)
        pairs_.append((x, y))
    for x, y in sorted(pairs_, key=lambda p: p[0].start):
        yield signal("number", a, b, _span_toks(a, x.start, x.end), _span_toks(b, y.start, y.end))
