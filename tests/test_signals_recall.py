"""Signals that issue 13 found missing (invented texts): each found, and its false twin not."""

from __future__ import annotations

import pytest

from newsdiff.signals import Context, mark
from tests.test_signals import check_evidence, documents, kinds, whole


def types(*texts: str) -> set[str]:
    """Return the types of the signals between whole texts."""
    return {t for t, _ in kinds(*texts)}


@pytest.mark.parametrize(
    ("a", "b", "detail"),
    [
        (
            "The old bridge was built in early 1962, the council said.",
            "The old bridge was built in 1962, the council said.",
            "early 1962 vs 1962",
        ),
        (
            "Some 80-plus percent of the members backed the strike.",
            "Some 80 percent of the members backed the strike.",
            "80-plus vs 80 percent",
        ),
        (
            "Car sales fell in late 2019, the ministry said.",
            "Car sales fell in 2019, the ministry said.",
            "late 2019 vs 2019",
        ),
    ],
)
def test_a_bound_on_the_same_value_is_a_number_difference(a: str, b: str, detail: str) -> None:
    assert ("number", detail) in kinds(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Rounding words tell the same value.
        (
            "About 40 workers lost their jobs at the mill.",
            "Some 40 workers lost their jobs at the mill.",
        ),
        # "late Friday" only tells the hour of the same day.
        (
            "The company announced the sale late Friday.",
            "The company announced the sale on Friday.",
        ),
        # Readers take a bound before a number for the same news (STS pairs scored 5).
        (
            "The bank will cut up to 9,000 jobs in its overhaul.",
            "The bank will cut 9,000 jobs in its overhaul.",
        ),
        (
            "The toll from the floods is now over 2,000.",
            "The toll from the floods now tops 2,000.",
        ),
    ],
)
def test_rounding_and_the_hour_of_a_day_are_no_number_difference(a: str, b: str) -> None:
    assert "number" not in types(a, b)


def test_a_judging_word_only_one_report_uses_is_tone() -> None:
    # The report's own judgement of the same plan.
    assert ("tone", "controversial vs none") in kinds(
        "The council passed its controversial parking plan on Monday.",
        "The council passed its parking plan on Monday.",
    )
    # Scorn told in the report's own verb.
    assert "tone" in types(
        "The minister mocked the opposition's budget in parliament.",
        "The minister criticized the opposition's budget in parliament.",
    )


def test_a_loaded_word_a_speaker_is_reported_to_use_is_no_tone() -> None:
    # Indirect speech: "bizarre" is the senator's word, told after "said".
    assert "tone" not in types(
        "The senator said the council's parking plan was bizarre.",
        "The senator criticized the council's parking plan.",
    )
    # A reporting verb in another clause (after a comma) does not own the word.
    assert "tone" in types(
        "The group, which first reported the change, slammed the council's parking plan.",
        "The group criticized the council's parking plan.",
    )


def test_a_judging_word_does_not_hide_another_class() -> None:
    # "controversial" on one side does not make "slammed" on the other a like word.
    assert ("tone", "slammed vs none") in kinds(
        "Residents slammed the controversial parking plan at the meeting.",
        "Residents opposed the controversial parking plan at the meeting.",
    )


def test_two_people_of_one_surname_are_an_entity_difference() -> None:
    assert ("entity", "Maria Lopez vs Anna López") in kinds(
        "Rep. Maria Lopez said on Monday that she would run for the open Senate seat.",
        "Rep. Anna López said on Monday that she would run for the open Senate seat.",
    )
    assert ("entity", "Maria Lopez vs Anna B. Lopez") in kinds(
        "Rep. Maria Lopez said on Monday that she would run for the open Senate seat.",
        "Rep. Anna B. Lopez said on Monday that she would run for the open Senate seat.",
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A short form of the same given name.
        (
            "Bill Hartley said the plant would close by the end of the year.",
            "William Hartley said the plant would close by the end of the year.",
        ),
        # A report that names both people tells of both.
        (
            "Maria Lopez, whose sister Anna Lopez also serves, said she would run.",
            "Anna Lopez said she would run for the open seat.",
        ),
        # A middle name on one side only.
        (
            "Mary Ann Keller said the school would reopen in a week.",
            "Ann Keller said the school would reopen in a week.",
        ),
        # A headline capitalises words that are no names.
        (
            "Allies Widen Sanctions On Russia",
            "Allies Boost Sanctions On Russia",
        ),
        # A rank before the surname is no given name.
        (
            "Inspector Hale said the driver was arrested at the scene.",
            "Dave Hale said the driver was arrested at the scene.",
        ),
        # One given name spelled two ways.
        (
            "Jon Hale said the driver was arrested at the scene.",
            "John Hale said the driver was arrested at the scene.",
        ),
        # Two people of one family in two roles of a group: the son arrested, the
        # daughter found.
        (
            "Police arrested John Hale, 23, near the house on Saturday.",
            "The body of Kathryn Hale, 20, was found in the house on Saturday.",
        ),
    ],
)
def test_one_person_named_two_ways_is_no_entity_difference(a: str, b: str) -> None:
    assert "entity" not in types(a, b)


def test_a_report_alone_is_marked_for_its_own_loaded_words() -> None:
    docs = documents(
        "The council met on Monday.",
        "The embattled treasurer resigned after a bizarre week. “It was a fiasco,” "
        "a member said. The mayor said the vote was shameful.",
    )
    found = mark(docs, whole(1, docs[1]), Context(docs))
    check_evidence(docs, found)
    # The report's own words only: not a quotation, not what the mayor is said to say.
    assert [(s.type, s.detail, s.docs) for s in found] == [
        ("tone", "embattled", (1,)),
        ("tone", "bizarre", (1,)),
    ]
    assert all(len(s.evidence) == 1 and s.evidence[0].doc == 1 for s in found)
    assert mark(docs, whole(0, docs[0])) == ()
    with pytest.raises(ValueError, match="other documents"):
        mark(docs, whole(0, docs[0]), Context(documents("Another text.")))


def test_a_later_stance_verb_of_another_claim_is_no_attribution() -> None:
    # Both report the shared claim with "said"; "claiming" reports a further claim.
    assert "attribution" not in types(
        "“The bridge is safe,” the mayor said, before claiming that the audit was rigged.",
        "“The bridge is safe,” the mayor said.",
    )
    # A plain verb after the stance verb elaborates it: the denial stands against "told".
    assert "attribution" in types(
        "The mayor's office denied the report, telling reporters the bridge is safe.",
        "The mayor's office told reporters the bridge is safe.",
    )


def test_verbs_of_one_speaker_reporting_two_claims_are_no_attribution_difference() -> None:
    # The same speaker, two different claims: "claiming" and "said" report different things.
    assert "attribution" not in types(
        "The mayor on Monday criticised the audit, claiming the auditors ignored the new "
        "parking rules entirely.",
        "The mayor on Monday said the audit cost the town too much money and took a year.",
    )
    # One claim, reported as a claim by one side and plainly by the other: a difference.
    assert "attribution" in types(
        "The mayor claimed the auditors ignored the new parking rules.",
        "The mayor said the auditors ignored the new parking rules.",
    )


def test_a_stance_verb_is_compared_with_the_verb_of_the_same_claim() -> None:
    # The second "said" reports the claim "claiming" reports, and shares the first's subject.
    assert "attribution" in types(
        "The mayor on Monday said the storm cost the town its old bridge and said the "
        "governor, Ann Holt, ignored the warnings of the river engineers.",
        "The mayor on Monday criticised the state, claiming the governor, Ann Holt, ignored "
        "the warnings of engineers.",
    )
    # The same sentence against a stance verb of the first claim only: no shared claim.
    assert "attribution" not in types(
        "The mayor on Monday said the storm cost the town its old bridge and said the "
        "governor, Ann Holt, ignored the warnings of the river engineers.",
        "The mayor on Monday criticised the state, claiming its inspectors had closed the "
        "ferry pier for no reason at all.",
    )


def test_a_quotation_trimmed_by_one_report_is_a_quote_difference() -> None:
    # One report quotes a few words of the statement the other quotes in full: the longer
    # quotation, matched first, cannot tell; the shorter one, found whole in it, does.
    found = kinds(
        "A council spokesman said: “This report is a clear case of wasted public money and "
        "a political stunt.”",
        "The council dismissed the audit, telling reporters the findings were “a clear case "
        "of wasted public money.”",
    )
    assert ("quote", "“This report is” vs none; “and a political stunt” vs none") in found
    # The same quotation in full on both sides: nothing trimmed.
    assert "quote" not in types(
        "The council said “this report is a clear case of wasted public money.”",
        "“This report is a clear case of wasted public money,” the council said.",
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # The first bound of a range carries no scale word of its own.
        (
            "The club offered the striker $ 40- $ 45 million over five years.",
            "The club's offer to the striker was $ 40 million over five years.",
        ),
        # An abbreviated scale the number parser reads as no scale.
        (
            "The rival club made a $30MM offer for the striker.",
            "The rival club made a $30 million offer for the striker.",
        ),
    ],
)
def test_the_same_digits_with_and_without_a_scale_word_are_no_number_difference(
    a: str, b: str
) -> None:
    assert "number" not in types(a, b)
    # Other digits are a difference still.
    assert "number" in types(a.replace("$ 40-", "$ 35-").replace("$30MM", "$50MM"), b)


def test_a_relative_clause_verb_is_given_to_its_antecedent() -> None:
    # "drivers who were on the road that night who claimed": the drivers claim, as they
    # say in the other report.
    assert "attribution" in types(
        "Police spoke to two other drivers who were on the road that night who claimed the "
        "truck ran the red light.",
        "Police found two other drivers who said the truck had run the red light.",
    )
    # Another speaker's verb after "who" is no difference of stance.
    assert "attribution" not in types(
        "Police spoke to the owner of the shop, who claimed the truck ran the red light.",
        "Two other drivers said the truck had run the red light.",
    )


@pytest.mark.parametrize(
    ("a", "b", "detail"),
    [
        # Two scale words: a thousandfold difference, not one value written two ways.
        (
            "The city will spend $4 million on the new ferry terminal.",
            "The city will spend $4 billion on the new ferry terminal.",
            "$4 million vs $4 billion",
        ),
        # Other digits with no scale word at all.
        (
            "The fire forced 6 families from their homes overnight.",
            "The fire forced 6,000 families from their homes overnight.",
            "6 vs 6,000",
        ),
    ],
)
def test_amounts_a_scale_apart_with_other_written_forms_are_a_number_difference(
    a: str, b: str, detail: str
) -> None:
    assert ("number", detail) in kinds(a, b)


def test_a_whole_and_a_decimal_closing_the_same_words_are_a_number_difference() -> None:
    # No counted word after either: one measure told rounded and not.
    assert ("number", "5.8 vs 5") in kinds(
        "The tremor had a magnitude of 5.8, the institute said.",
        "The tremor had a magnitude of 5, the institute said.",
    )
    # A count of people is still no measure.
    assert not [
        k
        for k in kinds(
            "The tremor left 7 people hurt, the institute said.",
            "The tremor had a magnitude of 5.8, the institute said.",
        )
        if k[0] == "number"
    ]


@pytest.mark.parametrize(
    ("a", "b", "detail"),
    [
        # A word spelled as the name's initials is no acronym of it.
        (
            "The ferry will run again on Monday, according to The Associated Press.",
            "The ferry will run again on Monday, and tap water is safe to drink.",
            "according to The Associated Press vs none",
        ),
        # Nor is a stretch of a longer name: a title and a surname.
        (
            "The ferry will run again on Monday, according to AP.",
            "The ferry will run again on Monday, said Acting President Mills.",
            "according to AP vs none",
        ),
        # Nor are the initials of a person's names a source named as a word.
        (
            "The ferry will run again on Monday, according to Mills.",
            "The ferry will run again on Monday, said Mark Ivan Lee Lloyd Smith.",
            "according to Mills vs none",
        ),
    ],
)
def test_a_source_is_not_taken_for_initials_the_other_side_spells_by_chance(
    a: str, b: str, detail: str
) -> None:
    assert ("attribution", detail) in kinds(a, b)
    # The name's acronym on the other side, or the name for its acronym, is the same source.
    assert "attribution" not in types(
        "The ferry will run again on Monday, according to AP.",
        "The ferry will run again on Monday, the Associated Press said.",
    )
