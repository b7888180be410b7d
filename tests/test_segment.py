"""Tests of sentence splitting, offsets and boilerplate marks."""

from __future__ import annotations

from newsdiff.text.segment import is_boilerplate, script_of, segment


def test_offsets_are_exact(seed_texts: tuple[str, str]) -> None:
    for text in seed_texts:
        sentences = segment(text)
        assert sentences
        for i, s in enumerate(sentences):
            assert s.index == i
            assert text[s.start : s.end] == s.text
            assert s.text == s.text.strip()


def test_abbreviations_do_not_end_sentences() -> None:
    text = "Mr. Smith met Gen. Lee in the U.S. capital on Feb. 24 at 10 a.m. local time. It rained."
    assert [s.text for s in segment(text)] == [
        "Mr. Smith met Gen. Lee in the U.S. capital on Feb. 24 at 10 a.m. local time.",
        "It rained.",
    ]


def test_paragraph_breaks_end_sentences() -> None:
    text = "A headline without a period\n\nThe body starts here. It goes on."
    assert [s.text for s in segment(text)] == [
        "A headline without a period",
        "The body starts here.",
        "It goes on.",
    ]
    assert [s.paragraph for s in segment(text)] == [0, 1, 1]


def test_hard_wrapped_lines_are_joined() -> None:
    text = "The minister said the plan\nwould go ahead next week. Critics disagreed."
    assert [s.text for s in segment(text)] == [
        "The minister said the plan\nwould go ahead next week.",
        "Critics disagreed.",
    ]


def test_attribution_after_quote_stays_with_it(seed_texts: tuple[str, str]) -> None:
    texts = [s.text for s in segment(seed_texts[0])]
    assert "Are you ready for them?” he said in another tweet." in texts
    assert not any(t.startswith("he said") for t in texts)


def test_boilerplate_is_marked_not_dropped(seed_texts: tuple[str, str]) -> None:
    a = segment(seed_texts[0])
    marked = [s.text for s in a if s.boilerplate]
    assert len(marked) == 3
    assert all(t.lower().startswith("also read:") for t in marked)
    b = segment(seed_texts[1])
    assert [s.text for s in b if s.boilerplate] == ["Image: AP"]


def test_is_boilerplate_examples() -> None:
    assert is_boilerplate("Read more: How the deal was done")
    assert is_boilerplate("Photo credit: Reuters")
    assert is_boilerplate("Watch: the launch")
    assert not is_boilerplate("Also, the agency said it would read the report.")
    assert not is_boilerplate("Imagery from the satellite shows damage.")


def test_russian_passage_is_cyrillic(seed_texts: tuple[str, str]) -> None:
    b = segment(seed_texts[1])
    cyr = [s for s in b if s.script == "cyrillic"]
    assert len(cyr) >= 5
    assert all("Россией" not in s.text or s.script == "cyrillic" for s in b)


def test_script_of() -> None:
    assert script_of("Hello world") == "latin"
    assert script_of("Привет мир") == "cyrillic"
    assert script_of("東京都") == "cjk"
    assert script_of("2022 — 24") == "none"


def test_empty_and_odd_inputs() -> None:
    assert segment("") == ()
    assert segment("   \n\n  ") == ()
    for text in ("\r\nOne.\r\n\r\nTwo.\r\n", "x" * 5000, "🙂 ok. 🙂", "\x00\x1b[31m red."):
        for s in segment(text):
            assert text[s.start : s.end] == s.text


def test_article_text_is_not_boilerplate() -> None:
    for text in (
        "Copyright lawsuits rose 30% last year, the court said. Judges were busy.",
        "Sponsored by the UN, the talks began.",
        "Source: the ministry said 40 soldiers died.",
        "Subscribers to the paper read more about it every day.",
    ):
        assert not any(s.boilerplate for s in segment(text)), text
    for text in (
        "© 2024 Reuters. All rights reserved.",
        "Advertisement",
        "Click here to subscribe",
    ):
        assert all(s.boilerplate for s in segment(text)), text


def test_long_paragraph_starting_like_furniture_is_text() -> None:
    text = "Read more: " + " ".join(["word"] * 40) + "."
    assert not segment(text)[0].boilerplate


def test_single_line_breaks() -> None:
    cases = {
        # Hard-wrapped prose continues on the next line, whatever its first letter.
        "The talks were led by\nPresident Biden, who arrived late.": 1,
        "He said 5\n000 people came.": 1,
        # A Title Case heading, a list item and furniture end their line.
        "NASA Refutes Russian Claims Over Station\nThe agency said so on Friday.": 2,
        "Key points:\n- one thing\n- another thing": 3,
        "Body text here\nAlso read: something else\nMore text.": 3,
    }
    for text, n in cases.items():
        assert len(segment(text)) == n, text


def test_paragraphs_count_blank_lines_not_lines() -> None:
    text = "Key points:\n- one\n- two\n\nNext paragraph."
    assert [s.paragraph for s in segment(text)] == [0, 0, 0, 1]


def test_furniture_mark_is_per_sentence() -> None:
    # Issue 16 item 7: the credit stays furniture, the police sentence is the report's text.
    text = "Photo: AP. Police said 12 people died in the blast on Monday and 40 were injured."
    marks = [(s.text, s.boilerplate) for s in segment(text)]
    assert marks == [
        ("Photo: AP.", True),
        ("Police said 12 people died in the blast on Monday and 40 were injured.", False),
    ]


def test_one_paragraph_article_after_watch_label_is_text() -> None:
    text = (
        "WATCH: The moment the bridge collapsed as a lorry crossed it. "
        "Two people were hurt, police said. The council closed the road until Friday."
    )
    sentences = segment(text)
    assert len(sentences) == 3
    assert sentences[0].boilerplate
    assert not any(s.boilerplate for s in sentences[1:])


def test_caption_with_a_fact_is_not_furniture() -> None:
    for text in (
        "WATCH: The bridge collapsed on Monday, killing 3 people.",
        "Video: Biden said the bridge would be rebuilt.",
        "Photo: Police said the man died.",
    ):
        assert not segment(text)[0].boilerplate, text
    for text in ("Image: AP", "Photo: Getty Images/Scott Olson", "Watch: the launch"):
        assert segment(text)[0].boilerplate, text


def test_long_caption_is_not_furniture() -> None:
    text = "Watch: " + " ".join(["word"] * 14) + "."
    assert not segment(text)[0].boilerplate
