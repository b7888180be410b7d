"""What the file renderers share: which groups to show and how to name things."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from newsdiff.model import Comparison, Group, Member, Signal, side_text
from newsdiff.render import RenderOptions


def visible_groups(comparison: Comparison, options: RenderOptions) -> list[Group]:
    """Return the groups to show, in the comparison's order, after the kind and signal filters."""
    wanted, kinds = options.signal_filter, options.kinds
    return [
        g
        for g in comparison.groups
        if (kinds is None or g.kind in kinds)
        # A marker counts: `--signals tone` shows the loaded words of unique facts too.
        and (wanted is None or any(s.type in wanted for s in (*g.signals, *g.marks)))
    ]


def filtered(options: RenderOptions) -> bool:
    """Tell whether a filter may hide groups (so a count of those shown is due)."""
    return options.signal_filter is not None or options.kinds is not None


def shown_text(comparison: Comparison, shown: int, options: RenderOptions) -> str:
    """Return `N of M groups shown` (or `M groups` without a filter)."""
    total = len(comparison.groups)
    if not filtered(options):
        return f"{total} group{'' if total == 1 else 's'}"
    return f"{shown} of {total} groups shown"


def letter(index: int) -> str:
    """Return the column letter of the index-th report: A..Z, then AA, AB, ..."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


# A word of a file name with the separators that follow it.
_NAME_WORDS = re.compile(r"[^-_ ./\\]+[-_ ./\\]*|[-_ ./\\]+")


def shorten(name: str, width: int) -> str:
    """Return name within width, whole words of its start and end around an ellipsis.

    The end of a name (its last words and extension) is what tells reports of one event
    apart; the start is often a shared prefix, so the end gets two thirds of the room.
    """
    if len(name) <= width:
        return name
    room = width - 1
    if room <= 0:
        return "\u2026"[:width]
    words = _NAME_WORDS.findall(name)
    head: list[str] = []
    tail: list[str] = []
    size = 0
    front, back = 0, len(words) - 1
    while front <= back:
        tail_first = sum(map(len, tail)) <= 2 * sum(map(len, head))
        order = (back, front) if tail_first else (front, back)
        for i in order:
            if size + len(words[i]) <= room:
                (tail if i == back else head).append(words[i])
                size += len(words[i])
                front, back = (front, back - 1) if i == back else (front + 1, back)
                break
        else:
            break
    if size < room // 2:
        # Too few whole words fit (one long word): cut inside words after all.
        head_n = room // 3
        return name[:head_n] + "\u2026" + name[len(name) - (room - head_n) :]
    return "".join(head) + "\u2026" + "".join(reversed(tail))


# How a renderer names report d: by its letter (the table) or its id (the files).
Namer = Callable[[int], str]


# Reports named per side at most: a tone word in 500 reports would name them all on every
# CSV row of the group (the JSON lists every report of each side).
NAMED = 6


def _who(docs: tuple[int, ...], name: Namer) -> str:
    if len(docs) <= NAMED:
        return ", ".join(name(d) for d in docs)
    return ", ".join(name(d) for d in docs[: NAMED - 1]) + f" and {len(docs) - NAMED + 1} more"


def signal_line(signal: Signal, name: Namer) -> str:
    """Return one signal naming its reports (raw text: escape it for the medium).

    `name(d)` names report d (a letter or an id). When every difference sets the same
    reports against each other, they are named once: `quote (A, C vs B): save vs rescue;
    or vs and`; else each side names its own: `quote: save (A, B) vs rescue (C); ...`.
    """
    parts = signal.parts
    if not parts:
        return signal.type
    if not any(b.docs for _, b in parts):
        # A marker: one report's own words, compared with none.
        return f"{signal.type} ({_who(parts[0][0].docs, name)}): {signal.detail}"
    first = (parts[0][0].docs, parts[0][1].docs)
    if all((a.docs, b.docs) == first for a, b in parts):
        who = f"{_who(first[0], name)} vs {_who(first[1], name)}"
        return f"{signal.type} ({who}): {signal.detail}"
    each = "; ".join(
        f"{side_text(a)} ({_who(a.docs, name)}) vs {side_text(b)} ({_who(b.docs, name)})"
        for a, b in parts
    )
    return f"{signal.type}: {each}"


def report_names(comparison: Comparison) -> Namer:
    """Return how the file formats name a signal's reports: by their ids."""
    documents = comparison.documents
    return lambda d: documents[d].id


def signals_text(group: Group, name: Namer) -> str:
    """Return a group's signals, then its markers, on one line, separated by semicolons."""
    return "; ".join(signal_line(s, name) for s in (*group.signals, *group.marks))


def elsewhere_text(group: Group, name: Namer) -> str:
    """Return `also told in B #5, C #6`: absent reports that state the fact in other groups.

    Empty when there are none; past NAMED references the rest are counted, not named.
    """
    refs = [f"{name(e.doc)} #{e.group}" for e in group.elsewhere]
    if not refs:
        return ""
    if len(refs) > NAMED:
        refs = [*refs[: NAMED - 1], f"{len(refs) - NAMED + 1} more"]
    return "also told in " + ", ".join(refs)


def told_in(group: Group, doc: int) -> int | None:
    """Return the group in which report `doc`, absent from this one, states its fact."""
    return next((e.group for e in group.elsewhere if e.doc == doc), None)


def coverage_text(comparison: Comparison, group: Group) -> str:
    """Return a group's coverage as `k/N`."""
    return f"{group.coverage}/{len(comparison.documents)}"


def similarity_text(group: Group) -> str:
    """Return a group's similarity with the precision of the JSON contract."""
    return f"{group.similarity:.4f}"


@dataclass(frozen=True)
class Piece:
    """A run of a member's text; `differs` marks the words the model's spans highlight."""

    text: str
    differs: bool


def member_pieces(comparison: Comparison, member: Member) -> list[Piece]:
    """Cut a member's text (its sentences joined by a space) at the borders of its spans."""
    doc = comparison.documents[member.doc]
    spans = member.spans
    pieces: list[Piece] = []
    for k, i in enumerate(member.sentences):
        s = doc.sentences[i]
        if k:
            gap_start = doc.sentences[member.sentences[k - 1]].end
            # The joining space is highlighted when one run goes on across the sentence break.
            _add(pieces, " ", any(a < gap_start and b > s.start for a, b in spans))
        cuts = {s.start, s.end}
        cuts.update(x for a, b in spans for x in (a, b) if s.start < x < s.end)
        for a, b in pairwise(sorted(cuts)):
            differs = any(x <= a and b <= y for x, y in spans)
            _add(pieces, s.text[a - s.start : b - s.start], differs)
    return pieces


def text_pieces(text: str, start: int, end: int, spans: tuple[tuple[int, int], ...]) -> list[Piece]:
    """Cut text[start:end] at the borders of spans (offsets into text) into Pieces."""
    cuts = {start, end}
    cuts.update(x for a, b in spans for x in (a, b) if start < x < end)
    pieces: list[Piece] = []
    for a, b in pairwise(sorted(cuts)):
        _add(pieces, text[a:b], any(x <= a and b <= y for x, y in spans))
    return pieces


def _add(pieces: list[Piece], text: str, differs: bool) -> None:
    """Append text, merging it into the last piece when both are (not) highlighted."""
    if pieces and pieces[-1].differs == differs:
        pieces[-1] = Piece(pieces[-1].text + text, differs)
    elif text:
        pieces.append(Piece(text, differs))


def _longest_rising(values: list[int]) -> set[int]:
    """Return the indices of one longest strictly rising subsequence of values."""
    tails: list[int] = []  # tails[k]: index ending the best rising run of length k + 1
    before: list[int] = [-1] * len(values)
    for i, v in enumerate(values):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if values[tails[mid]] < v:
                lo = mid + 1
            else:
                hi = mid
        before[i] = tails[lo - 1] if lo else -1
        if lo == len(tails):
            tails.append(i)
        else:
            tails[lo] = i
    kept: set[int] = set()
    i = tails[-1] if tails else -1
    while i >= 0:
        kept.add(i)
        i = before[i]
    return kept


def moved(comparison: Comparison) -> dict[int, tuple[int, ...]]:
    """Return, per group index, the reports that tell its fact in another order than the first.

    For each other report, the groups it shares with the first report are put in the first
    report's order; the longest run that the other report tells in the same order stays,
    and the groups outside it are the ones that report moved (as a reviser's reordering
    shows: the fewest facts whose moving explains the new order).
    """
    out: dict[int, list[int]] = {}
    for d in range(1, len(comparison.documents)):
        both = [
            (first.sentences[0], other.sentences[0], g.index)
            for g in comparison.groups
            if (first := g.member(0)) is not None and (other := g.member(d)) is not None
        ]
        both.sort()
        kept = _longest_rising([pos for _, pos, _ in both])
        for k, (_, _, index) in enumerate(both):
            if k not in kept:
                out.setdefault(index, []).append(d)
    return {index: tuple(docs) for index, docs in out.items()}


def paragraph_of(comparison: Comparison, member: Member) -> int:
    """Return the 1-based paragraph where a member's first sentence stands in its report."""
    return comparison.documents[member.doc].sentences[member.sentences[0]].paragraph + 1


def moved_places(
    comparison: Comparison, group: Group, docs: tuple[int, ...]
) -> list[tuple[int, int]]:
    """Return (report, paragraph) of a moved fact in the first report and the moving ones."""
    return [
        (m.doc, paragraph_of(comparison, m)) for m in group.members if m.doc == 0 or m.doc in docs
    ]
