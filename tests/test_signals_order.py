"""The order of the reports changes neither the groups, their kinds nor their signals."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import permutations
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsdiff
from newsdiff.model import Comparison, Document, Member, Signal, side_text
from newsdiff.signals import Context, detect
from newsdiff.text.segment import segment
from tests.conftest import SEED_A, SEED_B
from tests.strategies import CI

# A group, named by its sentences as (report as first given, sentence index).
Key = frozenset[tuple[int, int]]
# A signal with its sides unordered and its reports named as first given.
Sig = tuple[str, tuple[Any, ...], tuple[int, ...], tuple[tuple[int, int, int], ...]]


def _sides(detail: str) -> tuple[tuple[str, ...], ...]:
    """Return the parts of a detail, each part's two sides sorted ("x vs y" = "y vs x")."""
    return tuple(tuple(sorted(part.split(" vs "))) for part in detail.split("; "))


def _named_sides(s: Signal, order: Sequence[int]) -> tuple[Any, ...]:
    """Return each part's sides as (words, reports as first given), unordered."""
    return tuple(
        tuple(sorted((side_text(x), tuple(sorted(order[d] for d in x.docs))) for x in part))
        for part in s.parts
    )


def summary(texts: Sequence[str], order: Sequence[int]) -> dict[Key, tuple[str, list[Sig]]]:
    """Compare texts given in `order`; return each group's kind and signals by its sentences."""
    c = newsdiff.compare([texts[i] for i in order])
    out: dict[Key, tuple[str, list[Sig]]] = {}
    for g in c.groups:
        key = frozenset((order[m.doc], s) for m in g.members for s in m.sentences)
        sigs = []
        for s in g.signals:
            if s.type == "wording":
                # Its evidence is the first two members' words: which two depends on the
                # order (newsdiff/classify.py), its type and detail do not.
                sigs.append((s.type, _sides(s.detail), (), ()))
                continue
            docs = tuple(sorted(order[d] for d in s.docs))
            ev = tuple(sorted((order[e.doc], e.start, e.end) for e in s.evidence))
            sigs.append((s.type, _named_sides(s, order), docs, ev))
        out[key] = (g.kind, sorted(sigs))
    return out


def assert_order_free(texts: Sequence[str]) -> None:
    """Assert that every order of the texts gives the same groups, kinds and signals."""
    first = summary(texts, range(len(texts)))
    for order in permutations(range(len(texts))):
        assert summary(texts, order) == first, order


def details_in_document_order(c: Comparison) -> None:
    """Assert that each part reads in the order of its reports, each side's words in them."""
    for g in c.groups:
        for s in g.signals:
            if s.type == "wording":
                continue
            for left, right in s.parts:
                assert min(left.docs) < min(right.docs), s
                for side in (left, right):
                    words = (side.text or "").strip("“”…")
                    for d in side.docs if words else ():
                        assert words.split()[0] in c.documents[d].text, (s, side)


# --- the seeds --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in (SEED_A, SEED_B)]


def test_seeds_same_groups_kinds_and_signals_both_ways(seeds: list[str]) -> None:
    forward, backward = summary(seeds, [0, 1]), summary(seeds, [1, 0])
    assert forward.keys() == backward.keys()
    for key, (kind, sigs) in forward.items():
        assert backward[key][0] == kind, sorted(key)
        assert [s[0] for s in backward[key][1]] == [s[0] for s in sigs], sorted(key)
    assert forward == backward


def test_seeds_paraphrased_quote_is_divergent_both_ways(seeds: list[str]) -> None:
    # Seed A quotes "There is also the option of dropping a 500-tonne structure to India or
    # China. Do you want to threaten them ...?"; seed B paraphrases the first sentence and
    # quotes only the second. Matching B's short quote first once hid A's longer one.
    for order in ([0, 1], [1, 0]):
        c = newsdiff.compare([seeds[i] for i in order])
        g = next(
            g
            for g in c.groups
            if g.coverage == 2 and "500-tonne" in c.member_text(g.members[order.index(0)])
        )
        assert g.kind == "divergent"
        quote = [s for s in g.signals if s.type == "quote"]
        assert len(quote) == 1
        assert _sides(quote[0].detail) == _sides("also the option vs another chance; to vs on")
        details_in_document_order(c)


# --- small pairs, both ways -------------------------------------------------------------

PAIRS = [
    pytest.param(
        '"We will not leave the station," Rogozin said on Friday.',
        '"We will never leave this station," Rogozin said on Friday.',
        id="quote-worded-differently",
    ),
    pytest.param(
        'The minister spoke on Friday. "The budget is secure and will grow," she said.',
        "The minister said on Friday that growth of the budget was secure.",
        id="quote-one-side",
    ),
    pytest.param(
        "The sanctions will cost 500 jobs and 20 million dollars.",
        "The sanctions will cost 400 jobs and 20 million dollars.",
        id="number",
    ),
    pytest.param(
        "The factory will close next year, officials said.",
        "The factory may reportedly close next year, officials said.",
        id="hedge",
    ),
    pytest.param(
        "NASA said the station was safe, according to Reuters.",
        "NASA claimed the station was safe.",
        id="attribution",
    ),
    pytest.param(
        # One side quotes only the question, and paraphrases what the other quotes before it.
        "He said there is another chance of dropping the station on India and asked,"
        ' "Do you want to threaten them with such a prospect?"',
        '"There is also the option of dropping the station to India. Do you want to threaten'
        ' them with such a prospect?" he said.',
        id="overlapping-quotes",
    ),
]


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_pair_both_ways(a: str, b: str) -> None:
    assert_order_free([a, b])
    details_in_document_order(newsdiff.compare([a, b]))
    details_in_document_order(newsdiff.compare([b, a]))


def _whole(docs: Sequence[Document]) -> list[Member]:
    """Return one member per document holding all its sentences."""
    return [Member(i, tuple(s.index for s in d.sentences)) for i, d in enumerate(docs)]


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_detect_same_signals_with_documents_swapped(a: str, b: str) -> None:
    docs = [Document(n, t, None, segment(t)) for n, t in (("a", a), ("b", b))]
    found = detect(docs, _whole(docs))
    assert found
    swapped = detect(docs[::-1], _whole(docs[::-1]))
    assert [s.type for s in swapped] == [s.type for s in found]
    assert sorted(_sides(s.detail) for s in swapped) == sorted(_sides(s.detail) for s in found)
    flip = {(1 - e.doc, e.start, e.end) for s in swapped for e in s.evidence}
    assert flip == {(e.doc, e.start, e.end) for s in found for e in s.evidence}
    # One context for all the groups of a comparison finds the same.
    assert detect(docs, _whole(docs), Context(docs)) == found


def test_detail_reads_in_document_order() -> None:
    a = "The sanctions will cost 500 jobs."
    b = "The sanctions will cost 400 jobs."
    for x, y in ((a, b), (b, a)):
        c = newsdiff.compare([x, y])
        (sig,) = [s for g in c.groups for s in g.signals if s.type == "number"]
        want = "500 vs 400" if x is a else "400 vs 500"
        assert sig.detail == want and sig.docs == (0, 1)


def test_three_reports_every_order() -> None:
    assert_order_free(
        [
            '"We will not leave," Rogozin said. The toll rose to 352 on Friday.',
            '"We will never leave," Rogozin claimed. The toll reached 372 on Friday.',
            "Rogozin said they will not leave. The toll rose to 352 on Saturday.",
        ]
    )


def test_context_of_other_documents_is_refused() -> None:
    docs = [Document("a", "One.", None, segment("One."))]
    with pytest.raises(ValueError, match="other documents"):
        detect(docs, [Member(0, (0,))], Context(list(docs)))


# --- any order of a few short reports ----------------------------------------------------

# Ways each report may tell one part of a story: the reports pick parts and variants, so
# that their sentences align and differ in quotes, numbers, hedges and attribution.
_PARTS = [
    [
        '"We will not leave the station," Rogozin said.',
        '"We will never leave this station," Rogozin claimed.',
        "Rogozin said they would leave the station.",
    ],
    [
        "He said there is another chance of leaving on Friday and asked,"
        ' "Do you want them with such a prospect?"',
        '"There is also the option of leaving on Friday. Do you want them with such a'
        ' prospect?" he said.',
    ],
    [
        "The sanctions will cost 500 jobs, officials said.",
        "The sanctions may cost 400 jobs, officials reportedly said.",
        "The sanctions will cost 500 jobs by Feb. 24, according to Reuters.",
    ],
    [
        '"It is a disaster for 1,200 workers," the union said.',
        '"It is a blow for 1,500 workers," the union told Reuters.',
    ],
]


@st.composite
def _report(draw: st.DrawFn) -> str:
    """Return a short report: some parts of the story, each in one of its wordings."""
    chosen = draw(st.lists(st.sampled_from(range(len(_PARTS))), min_size=1, unique=True))
    return " ".join(draw(st.sampled_from(_PARTS[k])) for k in sorted(chosen))


@settings(CI, max_examples=30)
@given(texts=st.lists(_report(), min_size=2, max_size=3, unique=True), data=st.data())
def test_any_order_same_groups_kinds_and_signals(texts: list[str], data: st.DataObject) -> None:
    order = data.draw(st.permutations(range(len(texts))))
    assert summary(texts, order) == summary(texts, range(len(texts)))
