"""A tiny, predictable stand-in for newsdiff.compare, used by the corpus and engine tests.

Top-level functions only, so that they pickle into worker processes and Dask workers.
"""

from __future__ import annotations

import time

from newsdiff.errors import InputError
from newsdiff.model import Comparison, Document, Group, Member, Sentence, Side, Signal


def fake_compare(docs: list[Document]) -> Comparison:
    """Treat each line as a sentence; equal lines across reports form one group.

    A line holding "!" is divergent with a number signal; "BOOM" raises an internal
    error, "BADINPUT" an InputError, and "SLEEP" waits a little (to scramble finish order).
    """
    segmented = []
    for doc in docs:
        if "BOOM" in doc.text:
            raise RuntimeError("fake compare exploded")
        if "BADINPUT" in doc.text:
            raise InputError(f"{doc.id}: fake input problem")
        if "SLEEP" in doc.text:
            time.sleep(0.3)
        sentences, pos = [], 0
        for line in doc.text.split("\n"):
            if line.strip():
                sentences.append(Sentence(len(sentences), pos, pos + len(line), line))
            pos += len(line) + 1
        segmented.append(Document(doc.id, doc.text, doc.path, tuple(sentences)))
    keys: dict[str, list[tuple[int, int]]] = {}
    for d, doc in enumerate(segmented):
        for s in doc.sentences:
            keys.setdefault(s.text.strip().lower(), []).append((d, s.index))
    groups = []
    for key, where in keys.items():
        members = tuple(Member(d, (i,)) for d, i in where)
        signals: tuple[Signal, ...] = ()
        if len(members) == 1:
            kind = "unique"
        elif "!" in key:
            kind = "divergent"
            held = tuple(d for d, _ in where)
            signals = (Signal("number", ((Side(held[:1], key), Side(held[1:], key)),)),)
        else:
            kind = "shared"
        groups.append(Group(len(groups), kind, len(members), 1.0, members, signals))  # type: ignore[arg-type]
    timings = {"segment": 0.001, "align": 0.002 * len(docs), "classify": 0.0005}
    return Comparison(tuple(segmented), tuple(groups), timings)


def slow_identity(x: int) -> int:
    """Return x, sleeping longer for small x (so later items finish first)."""
    time.sleep(0.05 * (5 - x) if x < 5 else 0)
    return x


def double(x: int) -> int:
    """Return 2x."""
    return 2 * x
