"""The aligner's array paths (many pairs) against its scalar loops: the same floats."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsdiff.align import score as sc
from newsdiff.align import topic
from newsdiff.align import units as un
from newsdiff.align.evidence import Quoted
from newsdiff.align.group import AlignParams
from newsdiff.api import _as_documents
from newsdiff.options import Options
from newsdiff.text.segment import segment

PARAMS = AlignParams.from_options(Options())


@pytest.fixture(scope="module")
def units(ecb_four_topic_units: list[un.Unit]) -> list[un.Unit]:
    """Return the units of 24 ECB+ reports from four topics (two stories each)."""
    return ecb_four_topic_units


def _links(
    units: list[un.Unit], monkeypatch: pytest.MonkeyPatch, scalar_below: int
) -> tuple[sc.Links, dict[tuple[int, int], float]]:
    monkeypatch.setattr(sc, "SCALAR_PAIRS", scalar_below)
    links = sc.score_links(units, PARAMS)
    return links, topic.rank_scores(units, links)


@pytest.mark.parametrize("index_pairs", [sc._INDEX_PAIRS, 0])
def test_array_scores_and_ranks_equal_the_scalar_loops(
    units: list[un.Unit], monkeypatch: pytest.MonkeyPatch, index_pairs: int
) -> None:
    """Check scores, Dice and ranks, in order and to the last bit, on both overlap paths."""
    # index_pairs 0: the overlaps come from rapidfuzz (the large-input path), not the index.
    monkeypatch.setattr(sc, "_INDEX_PAIRS", index_pairs)
    scalar, scalar_ranks = _links(units, monkeypatch, 10**12)
    arrays, array_ranks = _links(units, monkeypatch, 0)
    assert len(scalar.scores) > 500
    assert list(arrays.scores.items()) == list(scalar.scores.items())
    assert list(arrays.dice) == list(scalar.dice)
    assert list(arrays.topic_dice) == list(scalar.topic_dice)
    assert list(array_ranks.items()) == list(scalar_ranks.items())
    # Either ranking path reads the same Links to the same floats.
    monkeypatch.setattr(sc, "SCALAR_PAIRS", 10**12)
    assert topic.rank_scores(units, arrays) == array_ranks
    # Penalties and quotations took part: not every score is a plain Dice.
    assert any(s != d for s, d in zip(arrays.scores.values(), arrays.dice, strict=True))


def test_bag_overlaps_are_the_encoded_bags_lcs(units: list[un.Unit]) -> None:
    """Check the posting-list overlaps equal rapidfuzz's on the encoded bags."""
    import numpy as np

    codes = sc._encode(units)
    pairs = sc._candidate_pairs(units, codes, 0.0)
    first, second = np.array(pairs, dtype=np.int64).reshape(-1, 2).T
    plain = [sc.plain_words(u) for u in units]
    (weights, words) = sc.bag_overlaps([[u.weights for u in units], plain], first, second)
    assert weights.tolist() == sc.overlaps(codes, pairs)
    assert words.tolist() == sc.overlaps(sc.encode_bags(plain), pairs)


# Invented reports with headlines (a first line without a stop) and short quotations that
# the other report quotes in longer form: the rules that only those sentences trigger.
_HEADLINED = [
    (
        "a",
        "Mayor Delgado vows 'no retreat' on harbour tolls\n\n"
        'Mayor Ana Delgado said on Monday that the city would make "no retreat" on the '
        'harbour tolls. "We will make no retreat on the tolls, whatever the council says," '
        "Delgado told reporters. The council votes on Thursday.",
    ),
    (
        "b",
        "Harbour tolls stay, Delgado tells council critics\n\n"
        'Delgado called the tolls "fair" and said she would keep them. "They are fair and '
        'they stay," she said, adding: "We will make no retreat." '
        "The council is due to vote on Thursday.",
    ),
    (
        "c",
        "Council to vote on harbour tolls after mayor digs in\n\n"
        'The mayor said the harbour tolls were "fair" and promised "no retreat". '
        "A council vote is expected Thursday.",
    ),
]


def test_headline_and_quoted_word_rules_agree_on_both_paths(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Check the headline penalty and quotation-by-words give the same floats on both paths."""
    docs = [replace(d, sentences=segment(d.text)) for d in _as_documents(_HEADLINED)]
    units = un.build_units(docs)
    assert sum(u.headline for u in units) == 3
    import numpy as np

    n = len(units)
    first, second = np.array([(a, b) for a in range(n) for b in range(a + 1, n)]).T
    kinds = sc.quote_matches(units, first, second)
    assert (kinds == Quoted.WORDS).any() and (
        kinds == Quoted.RUN
    ).any()  # both kinds of quotation evidence take part
    scalar, scalar_ranks = _links(units, monkeypatch, 10**12)
    arrays, array_ranks = _links(units, monkeypatch, 0)
    assert list(arrays.scores.items()) == list(scalar.scores.items())
    assert list(array_ranks.items()) == list(scalar_ranks.items())
    heads = [k for k, u in enumerate(units) if u.headline]
    pair = (heads[0], heads[1])
    assert pair in scalar.scores


def test_every_path_reads_the_one_quote_headline_and_conflict_rules(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Check scoring (both paths) and ranking call the units' rules, not copies of them."""
    docs = [replace(d, sentences=segment(d.text)) for d in _as_documents(_HEADLINED)]
    units = un.build_units(docs)
    before = {below: _links(units, monkeypatch, below) for below in (10**12, 0)}
    monkeypatch.setattr(un.Unit, "headline_conflict", lambda self, other: False)
    monkeypatch.setattr(un.Unit, "quote_match", lambda self, other: Quoted.NO)
    monkeypatch.setattr(sc, "conflicting", lambda *args: False)
    monkeypatch.setattr(sc, "few_plain_words", lambda plain: plain < 0)
    heads = (next(k for k, u in enumerate(units) if u.headline), len(units) - 3)
    assert units[heads[1]].headline
    after = {below: _links(units, monkeypatch, below) for below in (10**12, 0)}
    assert after[0][0].scores == after[10**12][0].scores
    for below, (links, ranks) in before.items():
        plain, plain_ranks = after[below]
        # Without the rules only the stories' penalty is left: more pairs keep their Dice.
        assert plain.scores[heads] > links.scores[heads]
        assert plain_ranks != ranks
        changed = sum(plain.scores[k] != s for k, s in links.scores.items())
        assert changed > len(links.scores) // 4
