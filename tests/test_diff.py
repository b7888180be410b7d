"""Tests of word differences: opcodes, changed runs and highlighted spans."""

from __future__ import annotations

from newsdiff.text.diff import Span, blocks, changed_spans, opcodes, token_spans, word_diff
from newsdiff.text.words import tokenize


def test_opcodes_compare_words_not_characters() -> None:
    ops = opcodes(["the", "crew", "left"], ["the", "crew", "stayed"])
    assert ops[0] == ("equal", 0, 2, 0, 2)
    assert {op[0] for op in ops[1:]} == {"delete", "insert"}
    assert opcodes([], []) == []


def test_blocks_merge_a_deletion_with_the_insertion_beside_it() -> None:
    assert blocks(["a", "b", "c"], ["a", "x", "c"]) == [(1, 2, 1, 2)]
    assert blocks(["a", "b"], ["a", "b"]) == []
    # Separate changes stay separate.
    assert blocks(["a", "b", "c", "d"], ["x", "b", "c", "y"]) == [(0, 1, 0, 1), (3, 4, 3, 4)]


def test_word_diff_ignores_case_and_apostrophe_style() -> None:
    a, b = tokenize("NASA’s crew"), tokenize("nasa's crew")
    assert word_diff(a, b) == [("equal", 0, 2, 0, 2)]


def test_changed_spans_give_offsets_of_the_words_only_text_has() -> None:
    text = "Five people died on Monday."
    other = "Four people died on Tuesday."
    spans = changed_spans(text, 100, other, 0)
    assert spans == [Span(100, 104), Span(120, 126)]
    assert [text[s.start - 100 : s.end - 100] for s in spans] == ["Five", "Monday"]
    assert changed_spans(text, 0, text, 0) == []


def test_changed_spans_join_a_run_of_changed_words() -> None:
    text = "the United States and Europe agreed"
    spans = changed_spans(text, 0, "the EU agreed", 0)
    assert [text[s.start : s.end] for s in spans] == ["United States and Europe"]


def test_token_spans_equal_changed_spans() -> None:
    a, b = "He said it would rain.", "She said it will rain."
    assert token_spans(tokenize(a, 7), tokenize(b, 3)) == changed_spans(a, 7, b, 3)
