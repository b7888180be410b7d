"""The quote signal: a quotation told with other words, or carried by one member only."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from newsdiff import numbers, quotes
from newsdiff._words import STOPWORDS, Tok, stem, tokenize
from newsdiff.model import Document, Evidence, Signal
from newsdiff.signals._member import View, evidence, per_member, text_of


@lru_cache(maxsize=256)
def all_words(document: Document) -> tuple[Tok, ...]:
    """Return the words of a whole document, cached."""
    return tuple(tokenize(document.text))


@per_member
def _member_quotes(v: View) -> list[tuple[int, int]]:
    """Return token ranges of the member's words inside each outermost quotation."""
    out = []
    for q in quotes.outermost(quotes.find(v.document.text)):
        idx = [i for i, t in enumerate(v.toks) if q.start <= t.start < q.end]
        if idx:
            out.append((idx[0], idx[-1] + 1))
    return out


def _same_numbers(x: View, xs: Sequence[Tok], y: View, ys: Sequence[Tok]) -> bool:
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


def _absent(q: Sequence[Tok], document: Document) -> bool:
    """Return True when a quotation's words are found nowhere in a document."""
    whole = quotes.locate(q, all_words(document))
    return whole is None or whole.coverage < 0.5


def _new_words(q: Sequence[Tok], y: View) -> bool:
    """Return True when most content words of a quote are not in y (not a paraphrase of it)."""
    content = {stem(t.norm) for t in q if t.norm not in STOPWORDS}
    known = {stem(w) for w in y.words}
    return len(content & known) <= len(content) / 3


def _quote_side(x: View, y: View, skip: set[int], taken: set[int]) -> Iterable[Signal]:
    """Compare the quotations of x with y's words; record y's words they matched in taken."""
    first = x.doc < y.doc

    def pair(xs: str, ys: str) -> str:
        return f"{xs} vs {ys}" if first else f"{ys} vs {xs}"

    docs = (min(x.doc, y.doc), max(x.doc, y.doc))
    for qa, qb in _member_quotes(x):
        if skip & set(range(qa, qb)):
            continue
        q = x.toks[qa:qb]
        m = quotes.locate(q, y.toks)
        matched = 0 if m is None else round(m.coverage * len(q))
        if m is None or m.coverage < 0.5 or matched < min(3, len(q)):
            if len(q) >= 4 and _new_words(q, y) and _absent(q, y.document):
                # A quotation the other report does not carry at all.
                words = text_of(x, q[:8]) + ("…" if len(q) > 8 else "")
                yield Signal("quote", pair(f"“{words}”", "none"), docs, (evidence(x, q),))
            continue
        taken.update(range(*m.t_range))
        parts: list[str] = []
        ev: list[Evidence] = []
        for c in m.changes:
            qw, tw = q[c.q[0] : c.q[1]], y.toks[c.t[0] : c.t[1]]
            if not quotes.reportable(c, q, y.toks) or _same_numbers(x, qw, y, tw):
                continue
            parts.append(pair(text_of(x, qw) if qw else "none", text_of(y, tw) if tw else "none"))
            ev += ([evidence(x, qw)] if qw else []) + ([evidence(y, tw)] if tw else [])
        if parts:
            yield Signal("quote", "; ".join(parts), docs, tuple(ev))


def detect(a: View, b: View) -> Iterable[Signal]:
    """Signal quotations worded differently, and quotations one member only carries."""
    taken: set[int] = set()
    yield from _quote_side(a, b, set(), taken)
    yield from _quote_side(b, a, taken, set())
