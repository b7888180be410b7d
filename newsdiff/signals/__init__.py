"""Divergence signals: say why aligned sentences of different reports differ, with evidence.

`detect` compares every pair of a group's members (past `PAIRWISE_MAX` members, each member
with `REPRESENTATIVES` others of distinct wording) and returns typed signals (number,
quote, attribution, hedge, negation, entity, tone). Each detector prefers silence to a guess: two
sentences that say the same thing in other words, spelling, punctuation, quote style, word
order or with an acronym spelled out carry no signal. One module per signal; the word lists
are in newsdiff/data/lexicons/.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import combinations

from newsdiff.model import SIGNAL_TYPES, Document, Evidence, Member, Signal
from newsdiff.signals import entity, lexical, negation, number, quote
from newsdiff.signals.context import Context, View, view

__all__ = ["PAIRWISE_MAX", "REPRESENTATIVES", "Context", "detect", "mark"]

# Up to this many members every pair of a group is compared: a member then has at most
# 11.5 pair checks on average, and the clusters of real news compared at once get every
# pair (the ECB+ clusters hold up to 22 reports). Past it each member is compared with
# REPRESENTATIVES members of distinct wording, so a member has at most 12 pair checks in
# either regime and a comparison at most 12 per sentence (60,000 at the default limit of
# 5,000 sentences). Without it 500 near-copies of one fact made 124,750 checks and as
# many signals per group: more than 4 GB for 500 reports of 10 sentences.
PAIRWISE_MAX = 24
REPRESENTATIVES = 12

_DETECTORS: tuple[Callable[[View, View], Iterable[Signal]], ...] = (
    number.detect,
    quote.detect,
    lexical.attribution,
    lexical.hedges,
    negation.detect,
    entity.detect,
    lexical.tone,
)


_Key = tuple[str, tuple[tuple[str, ...], ...]]


def _merge(signals: Iterable[Signal]) -> tuple[Signal, ...]:
    """Merge signals of one type and detail found in several pairs; sort them."""
    # Per key: the last detail seen, and the documents and evidence of every pair, gathered
    # in sets (not re-copied tuples: one tone word in 500 reports is thousands of pairs).
    merged: dict[
        tuple[str, tuple[tuple[str, ...], ...]], tuple[Signal, set[int], set[Evidence]]
    ] = {}
    for s in signals:
        # "500 vs 400" between reports 0 and 1 and "400 vs 500" between 1 and 2 are one
        # difference among three reports: merge on the unordered sides of each part.
        parts = s.detail.lower().split("; ")
        key = (s.type, tuple(tuple(sorted(p.split(" vs "))) for p in parts))
        if key in merged:
            _, docs, seen = merged[key]
            docs.update(s.docs)
            seen.update(s.evidence)
            merged[key] = (s, docs, seen)
        else:
            merged[key] = (s, set(s.docs), set(s.evidence))
    out = []
    for s, docs, evs in merged.values():
        ordered = tuple(sorted(evs, key=lambda e: (e.doc, e.start, e.end)))
        out.append(Signal(s.type, s.detail, tuple(sorted(docs)), ordered))
    rank = {t: i for i, t in enumerate(SIGNAL_TYPES)}

    def order(s: Signal) -> tuple[int, tuple[int, ...], tuple[tuple[int, int], ...], str]:
        where = tuple((e.doc, e.start) for e in s.evidence)
        return (rank.get(s.type, len(rank)), s.docs, where, s.detail)

    return tuple(sorted(out, key=order))


def _pairs(views: Sequence[View]) -> Iterator[tuple[View, View]]:
    """Yield the pairs of members to compare, each in the canonical order of `views`.

    Every pair up to PAIRWISE_MAX members; past it each member with each representative:
    the first REPRESENTATIVES members with words, one per distinct wording (a member
    worded as an earlier one has no signal against it, so a copy is no new viewpoint).
    """
    if len(views) <= PAIRWISE_MAX:
        yield from combinations(views, 2)
        return
    reps: list[int] = []
    wordings: set[tuple[str, ...]] = set()
    for i, v in enumerate(views):
        if v.toks and v.norms not in wordings:
            wordings.add(v.norms)
            reps.append(i)
            if len(reps) == REPRESENTATIVES:
                break
    # Generated one at a time in member order, each pair once: never a list of all pairs.
    for i in range(len(views)):
        for r in reps:
            if r == i or (r < i and i in reps):
                continue  # itself, or a pair of representatives already yielded
            yield (views[i], views[r]) if i < r else (views[r], views[i])


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
    for a, b in _pairs(views):
        if not a.toks or not b.toks or a.norms == b.norms:
            continue  # nothing to tell apart (wire copies repeat sentences word for word)
        for detector in _DETECTORS:
            found.extend(detector(a, b))
    return _merge(found)


def mark(
    documents: Sequence[Document], member: Member, context: Context | None = None
) -> tuple[Signal, ...]:
    """Return the markers of a fact one report alone states: its loaded words (`tone`).

    Each marker names that one report (`docs` holds one index) and has evidence on its
    side only: it compares nothing, it shows the report's own framing.
    """
    if context is None:
        context = Context(documents)
    elif context.documents is not documents:
        raise ValueError("the signal context was made for other documents")
    v = view(context, member)
    return tuple(lexical.tone_marks(v)) if v.toks else ()
