"""Members that differ only in the form of their words are no divergence of substance."""

from __future__ import annotations

from tests.conftest import whole_members


def _variants_only(*texts: str) -> bool:
    """Return whether whole texts differ only in the form of their content words."""
    from newsdiff.classify import variants_only

    return variants_only(*whole_members(*texts))


def test_function_words_order_and_inflection_are_no_divergence() -> None:
    assert _variants_only(
        "The council approved the new budget on Monday.",
        "On Monday the council approves a new budget.",
    )
    assert _variants_only(
        "Farmers protest rising fuel prices", "Farmers protesting fuel prices rising"
    )


def test_spelling_hyphens_and_joined_words_are_no_divergence() -> None:
    assert _variants_only("Ferry crash in Kal'mar harbour", "Ferry crash in Kalmar harbour")
    assert _variants_only("The ceasefire held overnight", "The cease-fire held over night")


def test_name_variants_and_demonyms_are_no_divergence() -> None:
    assert _variants_only("Sweden votes on a new fishing law", "Swedes vote on new fishing law")


def test_an_acronym_and_its_words_are_no_divergence_either_way() -> None:
    assert _variants_only(
        "Lindqvist leaves the Nordic Fisheries Council", "Lindqvist leaves the NFC"
    )
    assert _variants_only(
        "Lindqvist leaves the NFC", "Lindqvist leaves the Nordic Fisheries Council"
    )
    assert _variants_only("Talks at the U.N. resume", "Talks at the United Nations resume")


def test_a_title_is_no_divergence() -> None:
    assert _variants_only("Dr. Haugen opened the clinic", "Haugen opened the clinic")


def test_another_content_word_is_a_divergence() -> None:
    # A synonym is still another word: nothing here says the two claims are one.
    assert not _variants_only("Floods kill 12 in the valley", "Floods hit 12 in the valley")
    # A detail one side adds.
    assert not _variants_only("The mayor resigned", "The mayor resigned in protest")
    # Another place: not a variant of a name.
    assert not _variants_only("Storm hits Austria", "Storm hits Australia")
    # Initials of words the other member does not hold.
    assert not _variants_only(
        "Lindqvist leaves the NFC", "Lindqvist leaves the Nordic Ferry Company board"
    )


def test_variants_only_makes_a_shared_group_below_the_threshold() -> None:
    import newsdiff

    for a, b in [
        ("Sweden votes in new fishing law", "Swedes Vote On New Fishing Law"),
        ("Ferry cease-fire talks resume in Kal'mar", "Kalmar ferry ceasefire talks resuming"),
    ]:
        c = newsdiff.compare([a, b])
        multi = [g for g in c.groups if g.coverage == 2]
        # Below the similarity a shared group needs, yet the same words in other forms.
        assert multi and all(g.similarity < 0.7 for g in multi)
        assert all(g.kind == "shared" and not g.signals for g in multi)
