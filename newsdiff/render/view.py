"""What the file renderers share: which groups to show and how to name things."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from newsdiff.model import Comparison, Group, Member, Signal
from newsdiff.render import RenderOptions


def visible_groups(comparison: Comparison, options: RenderOptions) -> list[Group]:
    """Return the groups to show, in the comparison's order, after the signal filter."""
    wanted = options.signal_filter
    if wanted is None:
        return list(comparison.groups)
    return [g for g in comparison.groups if any(s.type in wanted for s in g.signals)]


def signal_line(signal: Signal) -> str:
    """Return one signal as `type: detail` (raw text: escape it for the medium)."""
    return f"{signal.type}: {signal.detail}" if signal.detail else signal.type


def signals_text(group: Group) -> str:
    """Return a group's signals on one line, separated by semicolons (raw text)."""
    return "; ".join(signal_line(s) for s in group.signals)


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


def _add(pieces: list[Piece], text: str, differs: bool) -> None:
    """Append text, merging it into the last piece when both are (not) highlighted."""
    if pieces and pieces[-1].differs == differs:
        pieces[-1] = Piece(pieces[-1].text + text, differs)
    elif text:
        pieces.append(Piece(text, differs))
