"""Rank links by what is specific to two sentences, not by their reports' topic words.

A report about an arrest says "arrested" and the player's name in most of its sentences:
those words tell that two sentences are about the same story, not that they state the same
fact. Each link is also scored on the sentences' bags with every word divided by the number
of its report's sentences that use it (its "topic" score). Links are joined best topic
score first, so a sentence goes to the partner it shares specific words with; and a link
whose topic score falls below TOPIC_GATE of the threshold (it holds mostly through its
reports' topic words) is not joined; nor is a join of two groups whose links' average topic
score falls below TOPIC_GATE of the group support, though their scores average enough. The
link scores themselves (the threshold, a group's support, its similarity) are unchanged.
Two one-sentence reports use every word once: their topic score is their score, so single
sentences (STS pairs) are judged as before.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsdiff.align.units import Unit

if TYPE_CHECKING:
    from newsdiff.align.score import Links

# Share of the link threshold a link's topic score must keep: half means that, once each
# word counts once per report, the two sentences still share half of what a link needs.
# A link made of words its reports repeat in many sentences falls below it.
TOPIC_GATE = 0.5
# Weights are integers (see score.encode_bags): the discounted weight is this many times
# the weight divided by the word's sentence count, rounded, so that a word used twice keeps
# half its weight rather than rounding to it.
_SCALE = 4


def passes(score: float, rank: float, threshold: float) -> bool:
    """Tell whether the grouping may take a link: its score and its topic rank are enough."""
    return score >= threshold and rank >= TOPIC_GATE * threshold


def topic_supported(rank: float, support: float) -> bool:
    """Tell whether a join's average topic rank keeps the gate's share of the group support.

    The gate of a single link, applied to a join of two groups: a join whose average
    link holds mostly through its reports' topic words is refused.
    """
    return rank >= TOPIC_GATE * support


def topic_bags(units: Sequence[Unit]) -> list[dict[str, int]]:
    """Return each unit's bag, every word divided by how many of its report's sentences use it."""
    count: Counter[tuple[int, str]] = Counter()
    for u in units:
        for norm in u.weights:
            count[(u.doc, norm)] += 1
    out = []
    for u in units:
        bag = {}
        for norm, q in u.weights.items():
            bag[norm] = max(1, round(_SCALE * q / count[(u.doc, norm)]))
        out.append(bag)
    return out


def rank_scores(units: Sequence[Unit], links: Links) -> dict[tuple[int, int], float]:
    """Return each scored pair's score scaled by its topic-discounted Dice over its plain Dice.

    The penalties a score carries (conflicting marks, stories) carry over; pairs whose
    words are all topic words fall behind pairs that share words specific to them.
    """
    from newsdiff.align.score import SCALAR_PAIRS

    if len(links.scores) >= SCALAR_PAIRS:
        return _rank_arrays(units, links)
    out = {}
    for (a, b), score, dice, dice_t in zip(
        links.scores, links.scores.values(), links.dice, links.topic_dice, strict=True
    ):
        rank = score * (dice_t / dice) if dice > 0 else score
        if units[a].same_quote(units[b]):
            # The same words quoted are specific to the statement, however often the
            # report repeats its topic words around them.
            rank = score
        out[(a, b)] = rank
    return out


def _rank_arrays(units: Sequence[Unit], links: Links) -> dict[tuple[int, int], float]:
    """Return `rank_scores` for many pairs, element-wise in float64: the same floats."""
    import numpy as np

    from newsdiff.align.score import quote_matches

    first, second = np.array(list(links.scores), dtype=np.int64).reshape(-1, 2).T
    score = np.array(list(links.scores.values()), dtype=np.float64)
    plain_d = np.asarray(links.dice, dtype=np.float64)
    topic_d = np.asarray(links.topic_dice, dtype=np.float64)
    ratio = np.divide(topic_d, plain_d, out=np.ones(len(plain_d)), where=plain_d > 0)
    rank = np.where(plain_d > 0, score * ratio, score)
    # The same words quoted are specific to the statement, however often the report
    # repeats its topic words around them.
    rank = np.where(quote_matches(units, first, second) > 0, score, rank)
    return dict(zip(links.scores, rank.tolist(), strict=True))
