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

from newsdiff.model import (
    SIGNAL_TYPES,
    Document,
    Evidence,
    Member,
    Part,
    Side,
    Signal,
    SignalType,
)
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


# A side by its words (case aside; "none" apart from any words), and a part by its two
# sides unordered: "500 vs 400" between reports 0 and 1 and "400 vs 500" between 1 and 2
# are one difference among three reports. The last number tells apart the differences of
# the same words that would put a report on both sides: "either vs none" where B quotes
# "either" and C does not, and "none vs either" elsewhere, where C quotes it and B not.
_SideKey = tuple[bool, str]
_PartKey = tuple[SignalType, _SideKey, _SideKey, int]


def _side_key(side: Side) -> _SideKey:
    return (side.text is None, (side.text or "").lower())


class _Gathered:
    """One difference found in several pairs: per side its words, reports and evidence."""

    def __init__(self, part: Part) -> None:
        # Sets, not re-copied tuples: one tone word in 500 reports is thousands of pairs.
        self.sides = [(side.text, set(side.docs), set(side.evidence)) for side in part]

    def fits(self, part: Part, flip: bool) -> bool:
        """Tell whether a part found again keeps every report on one side only."""
        one, other = reversed(part) if flip else part
        return self.sides[0][1].isdisjoint(other.docs) and self.sides[1][1].isdisjoint(one.docs)

    def add(self, part: Part, flip: bool) -> None:
        """Add the reports and evidence of a part found again (flip: its sides swapped)."""
        for mine, side in zip(self.sides, reversed(part) if flip else part, strict=True):
            mine[1].update(side.docs)
            mine[2].update(side.evidence)

    def part(self) -> Part:
        """Return the gathered part, the side of the first report first."""
        a, b = (
            Side(tuple(sorted(docs)), text, tuple(sorted(ev, key=_place)))
            for text, docs, ev in self.sides
        )
        return (a, b) if (a.docs, _side_key(a)) <= (b.docs, _side_key(b)) else (b, a)


def _place(e: Evidence) -> tuple[int, int, int]:
    return (e.doc, e.start, e.end)


def _merge(signals: Iterable[Signal]) -> tuple[Signal, ...]:
    """Merge the signals of a group's pairs: each difference once, naming who says what.

    A difference (a part) found in several pairs is one part whose sides gather their
    reports, so a group of three reports lists "save vs rescue" once whichever pairs found
    it. The differences of signals of one type that share one are then split by the
    reports on each side: "save (A, B) vs rescue (C)" and "fall (A, C) vs from falling (B);
    or vs and" are two signals, each naming its reports once.
    """
    gathered: dict[_PartKey, _Gathered] = {}
    # Union-find over the parts' keys: the signals of one type sharing any part are one.
    parent: dict[_PartKey, _PartKey] = {}
    found_at: dict[_PartKey, int] = {}

    def root(k: _PartKey) -> _PartKey:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for s in signals:
        first: _PartKey | None = None
        for part in s.parts:
            ka, kb = _side_key(part[0]), _side_key(part[1])
            key: _PartKey = (s.type, min(ka, kb), max(ka, kb), 0)
            while key in gathered and not gathered[key].fits(part, ka > kb):
                key = (*key[:3], key[3] + 1)
            if key in gathered:
                gathered[key].add(part, flip=ka > kb)
            else:
                gathered[key] = _Gathered(part if ka <= kb else (part[1], part[0]))
                parent[key] = key
                found_at[key] = len(found_at)
            if first is None:
                first = root(key)
            else:
                # The earlier-found root stays, so a signal's parts keep the order found.
                ra, rb = first, root(key)
                if ra != rb:
                    keep, drop = sorted((ra, rb), key=found_at.__getitem__)
                    parent[drop] = keep
                    first = keep
    # A signal per set of differences sharing a part, and per reports on each side: one
    # whose every difference sets the same reports against each other names them once.
    members: dict[tuple[_PartKey, tuple[int, ...], tuple[int, ...]], list[Part]] = {}
    for key, g in gathered.items():  # in the order found
        part = g.part()
        members.setdefault((root(key), part[0].docs, part[1].docs), []).append(part)
    out = [Signal(key[0][0], tuple(parts)) for key, parts in members.items()]
    rank = {t: i for i, t in enumerate(SIGNAL_TYPES)}

    def order(s: Signal) -> tuple[int, tuple[int, ...], tuple[tuple[int, int], ...], str]:
        where = tuple((e.doc, e.start) for e in s.evidence)
        return (rank.get(s.type, len(rank)), tuple(sorted(s.docs)), where, s.detail)

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
