"""Tests of topic ranking: links held by a report's repeated words are weak evidence."""

from __future__ import annotations

from newsdiff.align import score as sc
from newsdiff.align import topic
from newsdiff.align.group import AlignParams, _merge_best_first, align
from newsdiff.align.units import build_units
from newsdiff.model import Document
from newsdiff.options import Options
from newsdiff.text.segment import segment

PARAMS = AlignParams.from_options(Options())

# Two reports of a mill closing: "Brackwater mill" is in every sentence of both.
MILL_A = (
    "The Brackwater mill will close in March. The Brackwater mill opened in 1890. "
    "The Brackwater mill owners blamed energy prices. Brackwater mill staff learned of it "
    "on Friday. Brackwater mill trucks stood idle. Brackwater mill pensions are safe."
)
MILL_B = (
    "Energy prices forced the owners to shut the Brackwater mill. "
    "Brackwater mill union leaders vowed to fight. The Brackwater mill canteen stayed open. "
    "The town council met the Brackwater mill managers. Brackwater mill shares fell sharply."
)


def _docs(*texts: str) -> list[Document]:
    return [Document(f"d{i}", t, sentences=segment(t)) for i, t in enumerate(texts)]


def test_one_sentence_reports_rank_as_they_score() -> None:
    units = build_units(_docs("The mill will close in March.", "The mill closes in March."))
    links = sc.score_links(units, PARAMS)
    assert topic.rank_scores(units, links) == links.scores


def test_topic_words_are_divided_by_their_report_sentences() -> None:
    units = build_units(_docs(MILL_A, MILL_B))
    bags = topic.topic_bags(units)
    # "brackwat" is in all six sentences of A: a sixth of its weight, at least 1.
    assert bags[0]["brackwat"] == max(1, round(4 * units[0].weights["brackwat"] / 6))
    assert bags[0]["march"] == 4 * units[0].weights["march"]


def _grouped(groups: list[tuple[tuple[int, tuple[int, ...]], ...]], doc: int, sent: int) -> bool:
    return any(len(g) > 1 and any(d == doc and sent in s for d, s in g) for g in groups)


def test_links_held_by_topic_words_only_are_not_joined() -> None:
    docs = _docs(MILL_A, MILL_B)
    units = build_units(docs)
    scores = sc.score_pairs(units, PARAMS)
    # "staff learned of it on Friday" shares only the mill's name with B's sentences,
    # yet scores above the threshold with some of them.
    staff = next(k for k, u in enumerate(units) if u.doc == 0 and u.sent == 3)
    assert max(s for (a, b), s in scores.items() if staff in (a, b)) >= PARAMS.link_threshold
    groups = [g.members for g in align(docs, PARAMS).groups]
    assert not _grouped(groups, 0, 3)
    assert not _grouped(groups, 0, 4)
    # The energy prices sentences share specific words: joined.
    assert ((0, (2,)), (1, (0,))) in groups


def test_a_shared_quotation_keeps_its_score_as_rank() -> None:
    a = (
        "The Brackwater mill will close. The Brackwater mill owners met on Monday. "
        'The Brackwater mill owner said: "We kept the looms running through two wars."'
    )
    b = (
        "The Brackwater mill shuts in March. Brackwater mill staff were told first. "
        '"We kept the looms running through two wars," the Brackwater mill owner wrote.'
    )
    units = build_units(_docs(a, b))
    links = sc.score_links(units, PARAMS)
    scores, ranks = links.scores, topic.rank_scores(units, links)
    quoted = next((x, y) for (x, y) in scores if units[x].quotes & units[y].quotes)
    assert ranks[quoted] == scores[quoted]
    # A pair without the quotation is ranked below its score (topic words discounted).
    other = next(p for p in scores if p != quoted and units[p[0]].sent == units[p[1]].sent)
    assert ranks[other] < scores[other]


def test_a_join_held_by_topic_words_on_average_is_refused() -> None:
    units = build_units(_docs("Mill closes.", "Mill shuts.", "Mill staff told."))
    threshold, support = PARAMS.link_threshold, PARAMS.group_support
    # a-b join first; c's links to them average a score of 0.35 (above the support), but
    # their topic ranks average 0.125, under TOPIC_GATE of the support (0.15).
    scores = {(0, 1): 0.9, (0, 2): 0.4, (1, 2): 0.3}
    ranks = {(0, 1): 0.9, (0, 2): 0.2, (1, 2): 0.05}
    assert not topic.topic_supported(0.125, support) and topic.topic_supported(0.15, support)
    penalty = PARAMS.conflict_penalty
    assert _merge_best_first(units, scores, threshold, penalty, support, ranks) == [[0, 1], [2]]
    # Ranks as high as the scores: the same links join all three.
    assert _merge_best_first(units, scores, threshold, penalty, support, scores) == [[0, 1, 2]]
