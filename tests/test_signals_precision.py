"""Issue 13's false signals, one regression each (invented texts), and the true ones kept."""

from __future__ import annotations

import pytest

from newsdiff.model import Document, Member
from newsdiff.signals import detect
from newsdiff.text.segment import segment
from tests.test_signals import kinds


def types(*texts: str) -> set[str]:
    """Return the types of the signals between whole texts."""
    return {t for t, _ in kinds(*texts)}


def test_negation_needs_the_same_predicate_of_the_same_subject() -> None:
    # A speaker's retort against another report's clause that merely shares its verb.
    assert "negation" not in types(
        "The mayor said the city can help itself by getting families into new homes.",
        "“That is not getting families into homes,” her rival said.",
    )
    # Another subject: the staff replied, the spokesman did not.
    assert "negation" not in types(
        "He said the club's staff replied to the note from the league.",
        "The club's spokesman did not reply to a note about the fine.",
    )
    # A condition denies nothing: "if we do not win it".
    assert "negation" not in types(
        "“We will win the contract, and if we do not win it, we will appeal,” she said.",
        "“We will win the contract,” she said.",
    )
    # One paid a penalty, the other faced none: no contradiction.
    assert "negation" not in types(
        "He said both riders fell, but only Jones paid a penalty.",
        "He said Smith faced no penalty after he fell.",
    )
    # The same subject and predicate, negated on one side: a real contradiction.
    assert ("negation", "will resign vs will not resign") in kinds(
        "The governor will resign next month, aides said.",
        "The governor will not resign next month, aides said.",
    )


def test_quote_is_compared_with_the_same_quotation_only() -> None:
    # The same quotation in both, one side also quoting something else: no quote signal.
    assert "quote" not in types(
        "“What I have is a spine,” Reed said.",
        "Reed, asked about the vote, said: “What I have is a spine.” She then left the room.",
    )
    # A quotation running over two sentences against the same words in one sentence.
    assert "quote" not in types(
        "The mayor said: “We will rebuild the old bridge. It will take two years.”",
        "“We will rebuild the old bridge. It will take two years,” the mayor said.",
    )
    # Two different quotations of two speakers are not a misquote of each other.
    assert "quote" not in types(
        "“Or, you might think again,” the coach told his players.",
        "“Anyone I may pick will play,” the coach said later.",
    )
    # The same quotation worded differently is a quote signal.
    assert ("quote", "rescue vs save") in kinds(
        "“Who will rescue the station?” Ivanov asked.",
        "“Who will save the station?” Ivanov asked.",
    )


def test_attribution_only_between_verbs_of_one_speaker() -> None:
    # One report's verb for the agency, the other's for the minister it answers.
    assert "attribution" not in types(
        "The agency on Friday shrugged off warnings by the minister about the station.",
        "The minister has stated that the sanctions could end work on the station.",
    )
    # Nouns are not reporting verbs: "remarks", "comments".
    assert "attribution" not in types(
        "The senator's remarks on the budget drew criticism from the mayor.",
        "The mayor condemned the senator's budget.",
    )
    assert "attribution" not in types(
        "In comments to reporters, the governor defended the budget.",
        "The governor claimed the budget was balanced.",
    )
    # "told Channel Nine": the outlet heard the speaker; it is not a source of the claim.
    assert "attribution" not in types(
        "The records were kept, spokeswoman Ann Hart told Channel Nine on Monday.",
        "Ms. Hart said the records were kept.",
    )
    # The same speaker, another stance: a true attribution signal.
    assert ("attribution", "said vs claimed") in kinds(
        "The minister said the station was safe.",
        "The minister claimed the station was safe.",
    )


def test_hedge_not_on_purpose_clauses_or_words_both_use() -> None:
    # "so he could": the purpose of a wish, not doubt about a claim.
    assert "hedge" not in types(
        "Hale wrote that he wished it were 1850 so he could challenge Wade to a duel.",
        "Hale wrote that he wished to challenge Wade to a duel.",
    )
    # Both sides speak of the potential: "the potential to destroy" / "the potential
    # 'destruction'".
    assert "hedge" not in types(
        "The minister said the sanctions have the potential to destroy the partnership.",
        "The agency dismissed warnings about the potential ‘destruction’ of the partnership.",
    )
    # An indirect question: "unsure what it might cost".
    assert "hedge" not in types(
        "Lee is helping the inquiry, though he is unsure what it might cost the firm.",
        "Lee is helping the inquiry, which cost the firm its accounts.",
    )
    # A hedge on the claim the other side asserts.
    assert ("hedge", "reportedly vs none") in kinds(
        "The minister reportedly resigned on Monday.",
        "The minister resigned on Monday.",
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A count of people is not a timestamp.
        (
            "A bomb went off at the market on Friday, injuring five people.",
            "A bomb went off at the market on Friday (1336 GMT), police said.",
        ),
        # The weekday of a speech is not the weekday of a vote.
        (
            "The senator said in a speech on Wednesday that she would oppose the bill.",
            "The Senate voted on the bill Tuesday, and the senator opposed it.",
        ),
    ],
)
def test_numbers_only_for_the_same_quantity(a: str, b: str) -> None:
    assert "number" not in types(a, b)


def test_numbers_that_measure_the_same_thing_still_differ() -> None:
    found = kinds(
        "The station orbits around 400 km above Earth.",
        "The station orbits around 420 km above Earth.",
    )
    assert found == [("number", "400 km vs 420 km")]
    # The one bare count of two sentences telling one event, each counting something.
    found = kinds("12 hurt in bus crash near Lyon", "14 injured in bus crash near Lyon")
    assert found == [("number", "12 vs 14")]
    found = kinds("The vote was held on Tuesday.", "The vote was held on Wednesday.")
    assert found == [("number", "Tuesday vs Wednesday")]


def test_signals_do_not_depend_on_a_third_report_quoting_something_else() -> None:
    texts = [
        "“Who will rescue the station?” Ivanov asked.",
        "“Who will save the station?” Ivanov asked.",
        "“We are ready,” a spokesman for the agency said.",
    ]
    docs = [Document(chr(97 + i), t, None, segment(t)) for i, t in enumerate(texts)]
    members = [Member(i, tuple(s.index for s in d.content_sentences())) for i, d in enumerate(docs)]
    found = detect(docs, members)
    assert [(s.type, s.detail, s.docs) for s in found] == [("quote", "rescue vs save", (0, 1))]


def test_a_trimmed_quotation_is_a_quote_signal() -> None:
    found = kinds(
        "The mayor wrote that he would “delay the vote on the bridge for now.”",
        "“Delay the vote on the bridge for now until I read every safety report,” the mayor wrote.",
    )
    assert ("quote", "none vs “until I read every safety report”") in found
    # A word or two in quotation marks is no passage that the other side trims.
    found = kinds(
        "The mayor called the plan ‘reckless’ on Monday.",
        "“It is reckless and we will fight it in court,” the mayor said on Monday.",
    )
    assert [k for k in found if k[0] == "quote"] == []


def test_a_participle_reports_for_the_main_clause_subject() -> None:
    found = kinds(
        "The governor on Tuesday called the ruling “plainly absurd,” claiming the judge erred.",
        "The governor on Tuesday said the judge erred.",
    )
    assert ("attribution", "claiming vs said") in found


def test_an_ampersand_for_and_is_no_quote_difference() -> None:

    found = kinds(
        "The minister said “jobs & growth come first in this budget.”",
        "“Jobs and growth come first in this budget,” the minister said.",
    )
    assert not [k for k in found if k[0] == "quote"]
    # A real "and" a quotation adds is still one.
    assert ("quote", "none vs and") in kinds(
        "“Jobs, growth come first in this budget,” the minister said.",
        "“Jobs, and growth come first in this budget,” the minister said.",
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # "three" counts the holdouts, "one" the juror who wore headphones.
        (
            "The three holdouts on the jury refused to deliberate, the lawyer said.",
            "The lawyer said the holdouts refused to deliberate and one wore headphones.",
        ),
        # A count of people is no measure of a quake.
        (
            "A quake struck the island on Monday and left five hurt, the agency said.",
            "The agency said a 6.2 quake struck the island on Monday.",
        ),
        # Two lists: the item before a number is no sign that the numbers count one thing.
        (
            "Customs seized four trucks, a forklift and 14 crates of cigarettes at the port.",
            "Customs seized four trucks, a forklift and 2 speedboats at the port.",
        ),
        # A whole count against a measure.
        (
            "The storm hit the coast at dawn, killing at least 12 people.",
            "The storm hit the coast at dawn, with winds of at least 4.5 on the scale.",
        ),
    ],
)
def test_numbers_of_other_things_are_no_number_difference(a: str, b: str) -> None:
    assert not [k for k in kinds(a, b) if k[0] == "number"]


def test_near_counts_told_with_other_words_are_a_number_difference() -> None:
    assert ("number", "74 vs 73") in kinds(
        "The ferry sank off the coast and 74 drowned, the coast guard said.",
        "The ferry sank off the coast and 73 died, the coast guard said.",
    )


@pytest.mark.parametrize(
    ("a", "detail"),
    [
        # Words that qualify the name are not the source's name.
        (
            "The engineers, according to serving and retired Treasury officials, were drafting a "
            "plan.",
            "according to Treasury vs none",
        ),
        # Nor is the article before it.
        (
            "The engineers, whose work was reported by The Daily Ledger, were drafting a plan.",
            "reported by The Daily Ledger vs none",
        ),
        # A plural noun before a name is the source itself.
        (
            "The engineers, according to various reports Treasury staff helped, were drafting a "
            "plan.",
            "according to various reports vs none",
        ),
    ],
)
def test_a_named_source_is_told_by_its_name(a: str, detail: str) -> None:
    found = kinds(a, "The engineers were drafting a plan for the committee.")
    assert ("attribution", detail) in found


def test_a_source_named_by_its_acronym_on_the_other_side_is_no_attribution() -> None:
    text = "According to The Harbour Gazette, the ferry will run again on Monday."
    for other in (
        "According to THG, the ferry will run again on Monday.",
        "THG says the ferry will run again on Monday.",
    ):
        assert not [k for k in kinds(text, other) if k[0] == "attribution"]
    assert ("attribution", "according to The Harbour Gazette vs none") in kinds(
        "The ferry will run again on Monday, according to The Harbour Gazette.",
        "The ferry will run again on Monday.",
    )


def test_a_shared_verb_before_a_negated_object_is_not_a_shared_subject() -> None:
    # Invented: one player fined, another not: "no penalty" denies nothing said of Jones.
    assert "negation" not in {
        t
        for t, _ in kinds(
            "Only Jones faced a penalty after the match, the league said.",
            "Smith faced no penalty after the match, the league said.",
        )
    }
    # The same subject on both sides still contradicts.
    assert ("negation", "penalty vs no penalty") in kinds(
        "Jones faced a penalty after the match, the league said.",
        "Jones faced no penalty after the match, the league said.",
    )
