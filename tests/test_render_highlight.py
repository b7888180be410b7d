"""Tests of word-level highlights: which words of a group's members differ."""

from __future__ import annotations

from newsdiff.model import Comparison, Document, Group, Member, Sentence
from newsdiff.render.highlight import PAIRWISE_MAX, Piece, member_pieces


def _group_of(texts: list[str]) -> tuple[Comparison, Group]:
    docs = tuple(
        Document(id=f"d{i}", text=t, sentences=(Sentence(0, 0, len(t), t),))
        for i, t in enumerate(texts)
    )
    group = Group(
        0, "divergent", len(texts), 0.8, tuple(Member(i, (0,)) for i in range(len(texts)))
    )
    return Comparison(documents=docs, groups=(group,)), group


def _marked(pieces: list[Piece]) -> list[str]:
    return [p.text for p in pieces if p.differs]


def test_pieces_rebuild_the_text_and_mark_differing_runs() -> None:
    c, g = _group_of(
        [
            "and fall into the United States or Europe?",
            "and from falling into the United States and Europe.",
        ]
    )
    pieces = member_pieces(c, g)
    assert "".join(p.text for p in pieces[0]) == c.documents[0].text
    assert _marked(pieces[0]) == ["fall", "or"]
    assert _marked(pieces[1]) == ["from falling", "and"]


def test_case_and_curly_quotes_do_not_count_as_differences() -> None:
    c, g = _group_of(["NASA’s agency said", "nasa's Agency said"])
    assert all(not p.differs for ps in member_pieces(c, g).values() for p in ps)


def test_n_way_marks_words_not_carried_by_every_member() -> None:
    c, g = _group_of(["the big red ship", "the big red ship", "the red ship"])
    pieces = member_pieces(c, g)
    assert _marked(pieces[0]) == ["big"] and _marked(pieces[1]) == ["big"]
    assert _marked(pieces[2]) == []


def test_large_groups_diff_against_the_first_member() -> None:
    texts = ["one two three"] * PAIRWISE_MAX + ["one two three four", "one three"]
    c, g = _group_of(texts)
    pieces = member_pieces(c, g)
    assert _marked(pieces[0]) == ["two"]
    assert _marked(pieces[len(texts) - 2]) == ["four"]
    assert _marked(pieces[len(texts) - 1]) == []


def test_unique_group_has_no_highlight() -> None:
    c, _ = _group_of(["only this", "other"])
    lone = Group(1, "unique", 1, 0.0, (Member(0, (0,)),))
    assert member_pieces(c, lone) == {0: [Piece("only this", False)]}
