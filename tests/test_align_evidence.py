"""Tests of the evidence beyond shared words: quotations reproduced, days of the week."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsdiff.align import evidence as ev
from newsdiff.align import score as sc
from newsdiff.align.topic import rank_scores
from newsdiff.align.units import build_units
from newsdiff.model import Document
from newsdiff.options import Options
from newsdiff.text.segment import segment

PARAMS = sc.AlignParams.from_options(Options())


def _docs(*texts: str) -> list[Document]:
    return [Document(f"d{i}", t, sentences=segment(t)) for i, t in enumerate(texts)]


def test_overlapping_finds_the_spans_that_touch_a_range() -> None:
    spans = [(0, 5), (10, 20), (30, 40)]
    assert ev.overlapping(spans, 12, 31) == [(10, 20), (30, 40)]
    assert ev.overlapping(spans, 5, 10) == []
    assert ev.overlapping(spans, 4, 6) == [(0, 5)]


def test_quote_shingles_need_five_quoted_words_with_content() -> None:
    text = 'The mayor said "we will rebuild every bridge in town" on the radio.'
    (unit,) = build_units(_docs(text))
    assert unit.quotes  # seven quoted words: three runs of five
    (plain,) = build_units(_docs("The mayor said we will rebuild every bridge in town."))
    assert plain.quotes == frozenset()
    (short,) = build_units(_docs('The mayor said "never again" on the radio.'))
    assert short.quotes == frozenset()


def test_a_shared_quote_links_a_long_sentence_to_a_short_one() -> None:
    quote = "“We will rebuild every bridge in this town before winter,”"
    long = (
        f"Speaking to farmers at the county fair after a week of floods, the governor "
        f"of the state repeated her pledge, {quote} and took questions on taxes, "
        f"pensions, tuition, highway tolls, fishing licences, ferry fares, broadband "
        f"subsidies and the harbour dredging."
    )
    short = f"{quote} she said."
    units = build_units(_docs(long, short))
    assert units[0].quotes & units[1].quotes
    no_quote = replace(PARAMS, quote_link=0.0)
    plain = sc.score_pairs(units, no_quote)[(0, 1)]
    assert plain < PARAMS.link_threshold
    assert sc.score_pairs(units, PARAMS)[(0, 1)] == PARAMS.quote_link


def test_different_days_of_the_week_weaken_a_link() -> None:
    units = build_units(
        _docs(
            "The senator said Tuesday that she would resign from the committee.",
            "The senator said Wednesday that she would resign from the committee.",
            "The senator said Tuesday that she would resign from the panel.",
        )
    )
    assert units[0].days == frozenset({1})
    scores = sc.score_pairs(units, PARAMS)
    assert ev.days_conflict(units[0].days, units[1].days)
    assert not ev.days_conflict(units[0].days, units[2].days)
    # Same words, but the days differ: penalised like different numbers.
    assert scores[(0, 1)] < 0.9
    assert scores[(0, 2)] > scores[(1, 2)]


def test_a_sentence_without_a_day_is_no_conflict() -> None:
    assert not ev.days_conflict(frozenset(), frozenset({4}))
    assert ev.weekdays([]) == frozenset()


def test_sentences_sharing_only_names_are_weakened() -> None:
    units = build_units(
        _docs(
            "After the vote Marta Okonkwo of Brightwater resigned abruptly from the board.",
            "Analysts in the city praised Marta Okonkwo of Brightwater for her patience.",
            "After the vote Marta Okonkwo of Brightwater quit abruptly from the board.",
        )
    )
    assert set(sc.plain_words(units[0])) == {"vote", "resign", "abrupt", "board"}
    scores = sc.score_pairs(units, PARAMS)
    codes = sc.encode_bags([u.weights for u in units])
    (inter,) = sc.overlaps(codes, [(0, 1)])
    # Names alone: the plain Dice, weakened as for conflicting names or numbers.
    assert scores[(0, 1)] == pytest.approx(sc._dice(codes, inter, 0, 1) * PARAMS.conflict_penalty)
    (inter,) = sc.overlaps(codes, [(0, 2)])
    assert scores[(0, 2)] == pytest.approx(sc._dice(codes, inter, 0, 2))


def test_a_pair_scores_the_same_with_or_without_a_third_report() -> None:
    a = (
        "The city council of Brightwater voted on Monday to close the old harbour bridge. "
        "Mayor Marta Okonkwo said the bridge was unsafe for trucks. "
        "Repairs would cost the city far more than a new crossing, she said."
    )
    b = (
        "Brightwater will close its harbour bridge after a council vote on Monday. "
        "Okonkwo called the bridge unsafe for heavy trucks."
    )
    c = (
        "Brightwater's council shut the harbour bridge. Okonkwo said trucks were at risk. "
        "The bridge carried trucks to the harbour, and the council said trucks must detour."
    )
    pair = sc.score_pairs(build_units(_docs(a, b)), PARAMS)
    units = build_units(_docs(a, b, c))
    three = {k: s for k, s in sc.score_pairs(units, PARAMS).items() if units[k[1]].doc < 2}
    assert pair == three


def test_a_headline_is_a_first_line_of_its_own_without_a_stop() -> None:
    titled = "Harbour Ferry Fares Rise Again\n\nThe ferry company raised fares on Monday."
    (doc,) = _docs(titled)
    assert ev.headline(doc) == 0
    (plain,) = _docs("The ferry company raised fares.\n\nPassengers were angry on Monday.")
    assert ev.headline(plain) is None
    # One line only, or a first line running on in the same paragraph: no headline.
    (single,) = _docs("Harbour ferry fares rise again")
    assert ev.headline(single) is None
    (quoted,) = _docs("‘We will not pay,’ say commuters\n\nCommuters protested on the quay.")
    assert ev.headline(quoted) == 0


@pytest.mark.parametrize(
    "lede",
    [
        "नगर निगम ने पुल की मरम्मत शुरू की।",  # a danda
        "市政府周一开始修桥。",  # an ideographic full stop
        "Die Stadt beginnt mit der Reparatur der Brücke！",  # a full-width stop
        "The council listed three reasons for the delay:",  # a colon introduces what follows
        "The council met on Monday and then, as so often\u2026",  # an ellipsis
    ],
)
def test_a_first_paragraph_ending_in_any_script_s_stop_is_no_headline(lede: str) -> None:
    (doc,) = _docs(lede + "\n\nThe work will take a month.")
    assert len(list(doc.content_sentences())) >= 2
    assert ev.headline(doc) is None
    (titled,) = _docs(lede.rstrip("।。！:\u2026") + "\n\nThe work will take a month.")
    assert ev.headline(titled) == 0


def test_two_headlines_link_more_weakly_than_two_body_sentences() -> None:
    head_a = "Mayor Lindqvist Defends Harbour Ferry Fare Rise"
    head_b = "Harbour Ferry Fare Rise Draws Anger At Mayor Lindqvist"
    body = "\n\nThe council met in the town hall.\n"
    as_heads = build_units(_docs(head_a + body, head_b + body))
    as_body = build_units(_docs("Intro line.\n\n" + head_a + ".", "Intro line.\n\n" + head_b + "."))
    heads = [u for u in as_heads if u.sent == 0]
    bodies = [u for u in as_body if u.sent == 1]
    assert all(u.headline for u in heads) and not any(u.headline for u in bodies)
    k = len(as_heads) // 2
    head_score = sc.score_pairs(as_heads, PARAMS)[(0, k)]
    body_score = sc.score_pairs(as_body, PARAMS)[(1, len(as_body) // 2 + 1)]
    assert head_score == pytest.approx(body_score * PARAMS.conflict_penalty, rel=0.05)


def test_a_headline_reprinted_word_for_word_keeps_its_full_link() -> None:
    text = "Harbour Ferry Fares Rise Again\n\nHarbour ferry fares rise again"
    units = build_units(_docs(text, text))
    k = len(units) // 2
    assert units[0].headline and units[k].headline
    assert sc.score_pairs(units, PARAMS)[(0, k)] == pytest.approx(1.0)


def test_a_short_quote_matches_a_longer_quote_holding_all_its_words() -> None:
    head = "Harbour board chair calls dredging plan 'reckless folly'"
    body = (
        "“It is reckless folly, plain and simple,” a retired pilot who worked the estuary "
        "for thirty winters told listeners of the morning radio programme."
    )
    units = build_units(_docs(head + "\n\nThe council met.", body))
    h, b = units[0], units[-1]
    assert h.quoted_words and b.quoted_words
    assert not h.quotes & b.quotes  # no five-word run in common
    assert h.same_quote(b) and b.same_quote(h)
    pair = (0, len(units) - 1)
    links = sc.score_links(units, PARAMS)
    # Enough to link (the words alone are not), not a five-word run's precedence.
    assert links.scores[pair] == PARAMS.link_threshold
    assert rank_scores(units, links)[pair] == links.scores[pair]


def test_quoted_words_must_all_be_quoted_and_weigh_an_uncommon_word() -> None:
    assert ev.same_quotation({"rebuild": 4, "bridg": 4}, {"rebuild": 4, "bridg": 4, "town": 2})
    # One word of the shorter quote is missing from the other quote: no match.
    assert not ev.same_quotation({"rebuild": 4, "tunnel": 4}, {"rebuild": 4, "bridg": 4})
    # A quote of common words only ("it is over") is no statement to match.
    assert not ev.same_quotation({"over": 1}, {"over": 1, "game": 2})
    assert not ev.same_quotation(None, {"rebuild": 4})
    # Words outside quotation marks are not quoted words.
    (plain,) = build_units(_docs("The mayor will rebuild every bridge in town."))
    assert plain.quoted_words is None


def test_one_scare_quoted_word_on_both_sides_is_no_shared_statement() -> None:
    a = 'Opposition leaders denounced the "reform" as a giveaway to insurers.'
    b = 'Union officials said the "reform" would cut wages for younger staff.'
    units = build_units(_docs(a, b))
    assert units[0].quoted_words == units[1].quoted_words  # the same one word quoted
    assert not units[0].same_quote(units[1])
    assert sc.score_pairs(units, PARAMS).get((0, 1), 0.0) < PARAMS.link_threshold
    # The word trimmed from a longer quotation still is one statement reproduced.
    c = 'The minister said: "This reform is fair to every worker." '
    trimmed = build_units(_docs(a, c))
    assert trimmed[0].same_quote(trimmed[1])


def test_an_unclosed_quotation_quotes_no_words() -> None:
    # An opening mark that nothing closes: the sentences after it are no quotation.
    text = (
        "Officials called the plan \u201ca start. Crews replaced the old pipe under the "
        "square. The repair cost the city a great deal, officials said."
    )
    units = build_units(_docs(text))
    assert len(units) == 3 and all(u.quoted_words is None for u in units)
    closed = build_units(_docs('Crews called the pipe "a hazard" and the repair "urgent".'))
    assert closed[0].quoted_words
