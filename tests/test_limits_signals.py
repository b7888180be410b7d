"""The bound on a group's signal pairs: all pairs up to 24 members, representatives past it."""

from __future__ import annotations

import random
from collections.abc import Sequence
from itertools import combinations
from typing import Any

import pytest
from hypothesis import given, settings

import newsdiff
from newsdiff import signals as sig
from newsdiff.model import Document, Member, Signal, side_text
from newsdiff.signals import context as signal_context
from newsdiff.text.segment import segment
from tests.strategies import CI
from tests.strategies_near import near_copy_reports

STORM = "The storm flooded the river town on {day} and officials said {n} people were moved."


def _documents(texts: Sequence[str]) -> list[Document]:
    """Return segmented documents named r0, r1..."""
    return [Document(f"r{i}", t, None, segment(t)) for i, t in enumerate(texts)]


def _whole(docs: Sequence[Document]) -> list[Member]:
    """Return one member per document, holding all its content sentences."""
    return [Member(i, tuple(s.index for s in d.content_sentences())) for i, d in enumerate(docs)]


def _plain_detect(docs: Sequence[Document], members: Sequence[Member]) -> tuple[Signal, ...]:
    """Return the signals of every pair of members, as before the bound."""
    context = sig.Context(docs)
    ordered = sorted(members, key=lambda m: (context.rank(m.doc), m.doc))
    views = [signal_context.view(context, m) for m in ordered]
    found: list[Signal] = []
    for a, b in combinations(views, 2):
        if not a.toks or not b.toks or a.norms == b.norms:
            continue
        for detector in sig._DETECTORS:
            found.extend(detector(a, b))
    return sig._merge(found)


def _key(s: Signal) -> tuple[str, frozenset[tuple[str, ...]]]:
    """Return a signal's type and its differences, each with its sides' words unordered."""
    return (s.type, frozenset(tuple(sorted(side_text(x).lower() for x in p)) for p in s.parts))


def _within(s: Signal, plain: dict[tuple[str, str], Signal]) -> Signal:
    """Return the signal of the plain loop that holds every difference of s.

    `plain`: each difference of the plain loop's signals (type, words) -> its signal.
    """
    kind, parts = _key(s)
    (whole,) = {id(plain[(kind, str(p))]): plain[(kind, str(p))] for p in parts}.values()
    return whole


def _count_pairs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """Make the first detector record each pair it is asked about; return the record."""
    seen: list[tuple[int, int]] = []
    first = sig._DETECTORS[0]

    def counting(a: signal_context.View, b: signal_context.View) -> Any:
        seen.append((a.doc, b.doc))
        return first(a, b)

    monkeypatch.setattr(sig, "_DETECTORS", (counting, *sig._DETECTORS[1:]))
    return seen


@settings(CI, max_examples=40)
@given(near_copy_reports(max_reports=12, max_sentences=3))
def test_small_groups_compare_every_pair(texts: list[str]) -> None:
    """Check that up to PAIRWISE_MAX members the signals are those of every pair, exactly."""
    docs = _documents(texts)
    members = _whole(docs)
    assert sig.detect(docs, members) == _plain_detect(docs, members)
    for g in newsdiff.compare(texts).groups:
        assert sig.detect(docs, g.members) == _plain_detect(docs, g.members)


def test_the_switch_sits_at_pairwise_max(monkeypatch: pytest.MonkeyPatch) -> None:
    """Check 24 members make all 276 pairs, and 25 only those with the 12 representatives."""
    assert (sig.PAIRWISE_MAX, sig.REPRESENTATIVES) == (24, 12)
    seen = _count_pairs(monkeypatch)
    all_pairs = _documents([STORM.format(day="Monday", n=n) for n in range(24)])
    sig.detect(all_pairs, _whole(all_pairs))
    assert len(seen) == 24 * 23 // 2
    seen.clear()
    bounded = _documents([STORM.format(day="Monday", n=n) for n in range(25)])
    sig.detect(bounded, _whole(bounded))
    # The 66 pairs among the 12 representatives, and each of the other 13 with the 12.
    assert len(seen) == 12 * 11 // 2 + 13 * 12
    assert len(set(seen)) == len(seen), "a pair was compared twice"


def test_a_fact_in_many_reports_costs_linear_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Check 300 reports of one fact make at most 12 pair checks each, not 300 x 299 / 2."""
    seen = _count_pairs(monkeypatch)
    texts = [STORM.format(day="Monday", n=n) for n in range(300)]
    docs = _documents(texts)
    members = _whole(docs)
    bounded = sig.detect(docs, members)
    assert len(seen) <= sig.REPRESENTATIVES * len(texts)
    # What is found is what the plain loop finds, on fewer pairs: no invented difference.
    monkeypatch.undo()
    plain = {(s.type, str(p)): s for s in _plain_detect(docs, members) for p in _key(s)[1]}
    for s in bounded:
        # Fewer pairs may join fewer differences into one signal, never other ones.
        whole = _within(s, plain)
        assert set(s.docs) <= set(whole.docs)
        assert set(s.evidence) <= set(whole.evidence)
    # Every report's number is told apart from a representative's.
    told = {d for s in bounded if s.type == "number" for d in s.docs}
    assert told == set(range(len(texts)))


def test_copies_are_not_representatives(monkeypatch: pytest.MonkeyPatch) -> None:
    """Check that word-for-word copies count once among the representatives."""
    seen = _count_pairs(monkeypatch)
    # 40 reports (past PAIRWISE_MAX), 4 wordings each repeated 10 times (wire copies).
    texts = [STORM.format(day=("Monday", "Tuesday")[n % 2], n=n % 4) for n in range(40)]
    docs = _documents(texts)
    bounded = sig.detect(docs, _whole(docs))
    # Pairs of equal wording are skipped before the detectors, so only the 4 wordings'
    # differences are checked: 40 members x 3 other wordings, minus the pairs among reps.
    assert len(seen) == 40 * 3 - 3 * 4 // 2
    plain = _plain_detect(docs, _whole(docs))
    assert {_key(s) for s in bounded} == {_key(s) for s in plain}
    assert {_key(s): s.docs for s in bounded} == {_key(s): s.docs for s in plain}


def test_bounded_signals_do_not_depend_on_the_order_of_reports() -> None:
    """Check that the representatives are chosen in the canonical order, not file order."""
    texts = [STORM.format(day=("Monday", "Sunday", "Friday")[n % 3], n=n % 11) for n in range(30)]
    docs = _documents(texts)
    found = sig.detect(docs, _whole(docs))
    order = list(range(len(texts)))
    random.Random(4).shuffle(order)
    shuffled = _documents([texts[i] for i in order])
    again = sig.detect(shuffled, _whole(shuffled))
    back = {new: old for new, old in enumerate(order)}

    def canon(signals: tuple[Signal, ...], docmap: dict[int, int]) -> set[Any]:
        return {(_key(s), tuple(sorted(docmap[d] for d in s.docs))) for s in signals}

    # Reports of equal text are interchangeable: compare by text, not index.
    by_text = {i: texts[i] for i in range(len(texts))}
    same = {i: i for i in range(len(texts))}
    a = {(k, tuple(sorted(by_text[d] for d in ds))) for k, ds in canon(found, same)}
    b = {(k, tuple(sorted(by_text[d] for d in ds))) for k, ds in canon(again, back)}
    assert a == b
