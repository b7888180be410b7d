"""Property tests: any 2 to 6 unicode texts keep the comparison's contract.

Deterministic on CI: the "newsdiff-ci" profile derandomizes hypothesis and keeps no
example database, so a failure here is the same failure on every machine. The fuzzer
(benchmarks/fuzz.py) runs the same properties much longer, outside the suite.
"""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

import newsdiff
from newsdiff.text.segment import segment
from tests.strategies import (
    CI,
    check_comparison,
    check_sentences,
    compare_or_none,
    crafted_text,
    grouping_key,
    is_blank,
    related_reports,
    report_text,
    reports,
)


@settings(CI, max_examples=300)
@given(report_text)
def test_segment_tiles_the_text(text: str) -> None:
    check_sentences(text, segment(text))


@settings(CI, max_examples=120)
@given(reports)
def test_compare_keeps_the_contract(texts: list[str]) -> None:
    comparison = compare_or_none(texts)
    if comparison is not None:
        check_comparison(texts, comparison)


@settings(CI, max_examples=60)
@given(reports, st.randoms(use_true_random=False))
def test_grouping_does_not_depend_on_input_order(texts: list[str], rnd: random.Random) -> None:
    comparison = compare_or_none(texts)
    if comparison is None:
        return
    shuffled = list(texts)
    rnd.shuffle(shuffled)
    other = compare_or_none(shuffled)
    assert other is not None
    assert grouping_key(other) == grouping_key(comparison)


# Texts that repeat sentences (picked from a small pool), as well as hostile ones.
_self_texts = st.one_of(crafted_text, report_text, related_reports().map(lambda rs: rs[0]))


@settings(CI, max_examples=100)
@given(_self_texts.filter(lambda t: not is_blank(t)))
def test_text_compared_with_itself_is_all_shared(text: str) -> None:
    comparison = newsdiff.compare([text, text])
    check_comparison([text, text], comparison)
    assert {g.kind for g in comparison.groups} <= {"shared"}
    assert all(g.coverage == 2 for g in comparison.groups)


@settings(CI, max_examples=40)
@given(st.lists(report_text, max_size=1))
def test_fewer_than_two_reports_is_a_usage_error(texts: list[str]) -> None:
    try:
        newsdiff.compare(texts)
    except newsdiff.UsageError as exc:
        assert "at least two" in str(exc)
    else:
        raise AssertionError("compare accepted fewer than two reports")
