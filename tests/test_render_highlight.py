"""Tests of word-level highlights: the model's differing spans and how renderers cut them."""

from __future__ import annotations

import re

from newsdiff.model import Comparison, Document, Group, Member, Sentence
from newsdiff.render.table import _cell
from newsdiff.render.view import Piece, member_pieces
from newsdiff.spans import PAIRWISE_MAX, mark_spans
from tests.render_cases import rendered, seeds


def _group_of(texts: list[str]) -> Comparison:
    docs = tuple(
        Document(id=f"d{i}", text=t, sentences=(Sentence(0, 0, len(t), t),))
        for i, t in enumerate(texts)
    )
    group = Group(
        0, "divergent", len(texts), 0.8, tuple(Member(i, (0,)) for i in range(len(texts)))
    )
    return Comparison(documents=docs, groups=mark_spans(docs, (group,)))


def _marked(c: Comparison, member: int) -> list[str]:
    return [p.text for p in member_pieces(c, c.groups[0].members[member]) if p.differs]


def test_pieces_rebuild_the_text_and_mark_differing_runs() -> None:
    c = _group_of(
        [
            "and fall into the United States or Europe?",
            "and from falling into the United States and Europe.",
        ]
    )
    pieces = member_pieces(c, c.groups[0].members[0])
    assert "".join(p.text for p in pieces) == c.documents[0].text
    assert _marked(c, 0) == ["fall", "or"]
    assert _marked(c, 1) == ["from falling", "and"]
    assert c.groups[0].members[1].spans == ((4, 16), (40, 43))


def test_case_and_curly_quotes_do_not_count_as_differences() -> None:
    c = _group_of(["NASA’s agency said", "nasa's Agency said"])
    assert all(m.spans == () for m in c.groups[0].members)


def test_n_way_marks_words_not_carried_by_every_member() -> None:
    c = _group_of(["the big red ship", "the big red ship", "the red ship"])
    assert _marked(c, 0) == ["big"] and _marked(c, 1) == ["big"]
    assert _marked(c, 2) == []


def test_large_groups_diff_each_member_against_the_first_others() -> None:
    texts = ["one two three"] * PAIRWISE_MAX + ["one two three four", "one three"]
    c = _group_of(texts)
    # Past PAIRWISE_MAX members, each is compared with the first PAIRWISE_MAX - 1 others
    # only: the first member never meets the last two, so nothing of it is marked.
    assert _marked(c, 0) == []
    assert _marked(c, len(texts) - 2) == ["four"]
    assert _marked(c, len(texts) - 1) == []


def test_a_run_across_a_sentence_break_marks_the_joining_space() -> None:
    a_text = "Police came.\n\nFire crews left."
    a = Document(
        "a",
        a_text,
        sentences=(Sentence(0, 0, 12, "Police came."), Sentence(1, 14, 30, "Fire crews left.")),
    )
    b = Document("b", "Police left.", sentences=(Sentence(0, 0, 12, "Police left."),))
    group = Group(0, "divergent", 2, 0.5, (Member(0, (0, 1)), Member(1, (0,))))
    c = Comparison(documents=(a, b), groups=mark_spans((a, b), (group,)))
    pieces = member_pieces(c, c.groups[0].members[0])
    assert "".join(p.text for p in pieces) == "Police came. Fire crews left."
    assert [p.text for p in pieces if p.differs] == ["came. Fire crews"]


def test_unique_group_has_no_highlight() -> None:
    docs = (Document("d0", "only this", sentences=(Sentence(0, 0, 9, "only this"),)),)
    lone = Group(1, "unique", 1, 0.0, (Member(0, (0,)),))
    c = Comparison(documents=docs, groups=mark_spans(docs, (lone,)))
    assert member_pieces(c, c.groups[0].members[0]) == [Piece("only this", False)]


def test_table_markdown_and_html_paint_the_same_words() -> None:
    c = seeds()
    expected = [
        p.text for g in c.groups for m in g.members for p in member_pieces(c, m) if p.differs
    ]
    assert expected
    # Highlighted runs as HTML (<mark>) and Markdown (**) show them, legends left out.
    html = rendered("html", c).split("<main")[1]
    assert sorted(re.findall(r"<mark>(.*?)</mark>", html)) == sorted(expected)
    rows = rendered("markdown", c).split("| --: |")[-1]
    marked = [t for t in re.findall(r"\*\*(.*?)\*\*", rows) if t != "divergent"]
    # Each run is wrapped in wdiff's marks inside the bold: [-run-] or {+run+}.
    unmarked = [re.sub(r"^(\\\[-|\{\+)|(-\\\]|\+\})$", "", t) for t in marked]
    assert sorted(t.replace("\\", "") for t in unmarked) == sorted(expected)
    # The table styles exactly the characters of the same spans.
    for g in c.groups:
        for m in g.members:
            start = c.documents[m.doc].sentences[m.sentences[0]].start
            cell = _cell(c, g, m, color=True)
            styled = {
                i
                for span in cell.spans
                if span.style == "underline"
                for i in range(span.start + start, span.end + start)
            }
            assert styled == {i for a, b in m.spans for i in range(a, b)}


def test_table_highlights_the_right_words_after_a_control_character() -> None:
    # The control character is shown as a longer escape; the highlight still lands on
    # the word (it used to be dropped for the whole cell).
    a_text, b_text = "Police \x1b[2J came today.", "Police left today."
    a = Document("a", a_text, sentences=(Sentence(0, 0, len(a_text), a_text),))
    b = Document("b", b_text, sentences=(Sentence(0, 0, len(b_text), b_text),))
    group = Group(0, "divergent", 2, 0.5, (Member(0, (0,)), Member(1, (0,))))
    c = Comparison(documents=(a, b), groups=mark_spans((a, b), (group,)))
    cell = _cell(c, c.groups[0], c.groups[0].members[0], color=True)
    assert cell.plain == "Police \\x1b[2J came today."
    styled = [cell.plain[s.start : s.end] for s in cell.spans if s.style == "underline"]
    assert styled == ["2J came"]


def test_an_acronym_and_its_expansion_are_not_highlighted_against_each_other() -> None:
    c = _group_of(
        [
            "The Federal Emergency Management Agency (FEMA) sent 40 trucks on Monday.",
            "FEMA sent 40 trucks to the coast on Monday.",
        ]
    )
    # The expansion is the name the other report abbreviates; "(FEMA)" repeats a name the
    # other report holds, so it is not a difference either.
    assert _marked(c, 0) == ["The"]
    assert _marked(c, 1) == ["to the coast"]


def test_dotted_and_plain_acronyms_are_one_word() -> None:
    c = _group_of(["The U.S. Navy sent a ship.", "The US Navy sent a ship."])
    assert _marked(c, 0) == [] and _marked(c, 1) == []


def test_a_loose_rewrite_marks_its_differing_content_words_not_the_words_between() -> None:
    c = _group_of(
        [
            "Officials in the city said on Monday that the old bridge would reopen after "
            "repairs to its deck and rails.",
            "The old bridge, closed since the winter storm, will reopen after repairs, "
            "city officials told reporters on Monday.",
        ]
    )
    # "Officials", "city" and "Monday" are in the other report, in another order: not
    # differences. "and" is marked only between two differing content words.
    assert _marked(c, 0) == ["deck and rails"]
    assert _marked(c, 1) == ["closed since the winter storm", "reporters"]


def test_a_rewrite_marks_no_lone_function_word_and_no_word_held_elsewhere() -> None:
    c = _group_of(
        [
            "Rescuers pulled two hikers from the flooded canyon late on Sunday.",
            "Late on Sunday, two hikers stranded by the flood were pulled from the canyon by "
            "rescuers in a helicopter.",
        ]
    )
    # "flooded" and "flood" are one word in two forms; "by", "in a" are not marked alone.
    assert _marked(c, 0) == []
    assert _marked(c, 1) == ["stranded", "helicopter"]


def test_reordered_text_is_not_marked() -> None:
    c = _group_of(
        [
            "The mayor said the new library will open in March with a cafe and a garden.",
            "With a cafe and a garden, the new library will open in March, the mayor said.",
        ]
    )
    assert _marked(c, 0) == [] and _marked(c, 1) == []


def test_a_near_copy_marks_each_edit_whole_function_words_included() -> None:
    c = _group_of(
        [
            "The council voted on Tuesday to close the pool and the gym in June.",
            "The council voted on Tuesday to close the pool or the gym by July.",
        ]
    )
    assert _marked(c, 0) == ["and", "in June"]
    assert _marked(c, 1) == ["or", "by July"]


def test_colour_paints_the_words_each_signal_names_and_no_more() -> None:
    c = seeds()
    for g in c.groups:
        for m in g.members:
            cell = _cell(c, g, m, color=True)
            painted = {
                cell.plain[span.start : span.end]
                for span in cell.spans
                if span.style == "bold magenta"
            }
            named = {ev.text for s in g.signals for ev in s.evidence if ev.doc == m.doc}
            assert painted <= named
            wording = [s for s in g.signals if s.type == "wording"]
            # A rewrite's line names a few content words: only they stand out, never the
            # whole rewrite (the spans' underline marks the rest).
            for s in wording:
                words = [ev.text for ev in s.evidence if ev.doc == m.doc]
                assert len(words) <= 4 and all(len(w.split()) == 1 for w in words)
