"""Divergence signals: say why aligned sentences of different reports differ, with evidence.

`detect` compares every pair of a group's members and returns typed signals (number, quote,
attribution, hedge, negation, entity, tone). Each detector prefers silence to a guess: two
sentences that say the same thing in other words, spelling, punctuation, quote style, word
order or with an acronym spelled out carry no signal. One module per signal; the word lists
are in newsdiff/data/lexicons/.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import combinations

from newsdiff.model import SIGNAL_TYPES, Document, Member, Signal
from newsdiff.signals import entity, lexical, negation, number, quote
from newsdiff.signals.context import Context, View, view

__all__ = ["Context", "detect"]

_DETECTORS: tuple[Callable[[View, View], Iterable[Signal]], ...] = (
    number.detect,
    quote.detect,
    lexical.attribution,
    lexical.hedges,
    negation.detect,
    entity.detect,
    lexical.tone,
)


def _merge(signals: Iterable[Signal]) -> tuple[Signal, ...]:
    """Merge signals of one type and detail found in several pairs; sort them."""
    merged: dict[tuple[str, tuple[tuple[str, ...], ...]], Signal] = {}
    for s in signals:
        # "500 vs 400" between reports 0 and 1 and "400 vs 500" between 1 and 2 are one
        # difference among three reports: merge on the unordered sides of each part.
        parts = s.detail.lower().split("; ")
        key = (s.type, tuple(tuple(sorted(p.split(" vs "))) for p in parts))
        if key in merged:
            old = merged[key]
            docs = tuple(sorted(set(old.docs) | set(s.docs)))
            merged[key] = Signal(s.type, s.detail, docs, (*old.evidence, *s.evidence))
        else:
            merged[key] = s
    out = []
    for s in merged.values():
        ev = tuple(sorted(set(s.evidence), key=lambda e: (e.doc, e.start, e.end)))
        out.append(Signal(s.type, s.detail, tuple(sorted(set(s.docs))), ev))
    rank = {t: i for i, t in enumerate(SIGNAL_TYPES)}

    def order(s: Signal) -> tuple[int, tuple[int, ...], tuple[tuple[int, int], ...], str]:
        where = tuple((e.doc, e.start) for e in s.evidence)
        return (rank.get(s.type, len(rank)), s.docs, where, s.detail)

    return tuple(sorted(out, key=order))


def detect(
    documents: Sequence[Document], members: Sequence[Member], context: Context | None = None
) -> tuple[Signal, ...]:
    """Return the signals that explain how a group's members differ (empty: same substance).

    Pass one `Context(documents)` to every call of a comparison to find each document's
    words once; without it, they are found again for each group.
    """
    if context is None:
        context = Context(documents)
    elif context.documents is not documents:
        raise ValueError("the signal context was made for other documents")
    # Detectors are not symmetric (a quote of one side is matched first): compare members
    # in the canonical order, so that the reports' order changes no signal. Each detail
    # still reads in document order ("x vs y": the first report's words first).
    ordered = sorted(members, key=lambda m: (context.rank(m.doc), m.doc))
    views = [view(context, m) for m in ordered]
    found: list[Signal] = []
    for a, b in combinations(views, 2):
        if not a.toks or not b.toks or a.norms == b.norms:
            continue  # nothing to tell apart (wire copies repeat sentences word for word)
        for detector in _DETECTORS:
            found.extend(detector(a, b))
    return _merge(found)
