"""Divergence signals (minimal core version: differing numbers)."""

from __future__ import annotations

from collections.abc import Sequence

from newsdiff.model import Document, Evidence, Member, Signal
from newsdiff.normalize import tokenize


def detect(documents: Sequence[Document], members: Sequence[Member]) -> tuple[Signal, ...]:
    """Return the signals of a group: numbers present on one side only."""
    sides = []
    for m in members:
        doc = documents[m.doc]
        nums: dict[str, Evidence] = {}
        for i in m.sentences:
            s = doc.sentences[i]
            for t in tokenize(s.text, s.start):
                if t.is_number:
                    nums.setdefault(t.norm, Evidence(m.doc, i, t.start, t.end, t.text))
        sides.append((m.doc, nums))
    out = []
    for x in range(len(sides)):
        for y in range(x + 1, len(sides)):
            (da, na), (db, nb) = sides[x], sides[y]
            only_a, only_b = sorted(set(na) - set(nb)), sorted(set(nb) - set(na))
            if only_a and only_b:
                ev = tuple(na[n] for n in only_a) + tuple(nb[n] for n in only_b)
                detail = f"{', '.join(only_a)} vs {', '.join(only_b)}"
                out.append(Signal("number", detail, (da, db), ev))
    return tuple(out)
