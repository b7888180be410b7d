"""Tests of --explain: per pair of a group's reports, alignment's similarity and evidence."""

from __future__ import annotations

import pytest

import newsdiff
from newsdiff.align.evidence import Quoted
from newsdiff.align.group import group_similarity
from newsdiff.align.units import Unit, build_units
from newsdiff.options import Options
from newsdiff.render.explain import MAX_PAIRS, explain_groups, pair_text
from tests.render_cases import rendered

REPORTS = {
    "a": "Police said 12 people died in Lyon on Monday. The mayor spoke.",
    "b": "Officials said 15 people died in Lyon on Tuesday. The mayor spoke.",
    "c": "Police in Lyon said 12 people died on Monday, AFP reported.",
}


def test_each_pair_shows_its_similarity_and_what_linked_it() -> None:
    c = newsdiff.compare(REPORTS)
    group = c.groups[0]
    ev = explain_groups(c, c.groups)[group.index]
    lines = [pair_text(p, ["A", "B", "C"]) for p in ev.pairs]
    assert [p.docs for p in ev.pairs] == [(0, 1), (0, 2), (1, 2)]
    assert lines[1].startswith("A\u2013C 0.") and "names Lyon, Monday; numbers 12" in lines[1]
    # A and B name different numbers and days: what argues against the link is shown too.
    assert lines[0].endswith("conflict: different numbers, different days")
    # The group's similarity is the mean of its pairs' (alignment's own terms, not new ones).
    mean = sum(p.similarity for p in ev.pairs) / len(ev.pairs)
    assert abs(mean - group.similarity) < 1e-9


def test_a_pair_s_similarity_is_alignment_s_term_for_the_two_members() -> None:
    c = newsdiff.compare(REPORTS)
    units = build_units(c.documents)
    where = {(u.doc, u.sent): k for k, u in enumerate(units)}
    group = c.groups[0]
    a, b = group.members[0], group.members[1]
    keys = [where[(m.doc, s)] for m in (a, b) for s in m.sentences]
    expected = group_similarity(units, keys, Options().conflict_penalty)
    assert explain_groups(c, c.groups)[group.index].pairs[0].similarity == expected


def test_pairs_use_the_penalty_the_comparison_aligned_with() -> None:
    # A milder penalty than the default (0.8): the conflicting pair A-B scores higher.
    c = newsdiff.compare(REPORTS, Options(conflict_penalty=1.0))
    group = c.groups[0]
    ev = explain_groups(c, c.groups)[group.index]
    assert len(ev.pairs) == 3 and ev.pairs[0].conflicts
    # The group's similarity (aligned at 1.0) is still the mean of its pairs'.
    mean = sum(p.similarity for p in ev.pairs) / len(ev.pairs)
    assert abs(mean - group.similarity) < 1e-9
    assert abs(mean - newsdiff.compare(REPORTS).groups[0].similarity) > 1e-6


def test_a_shared_quotation_is_shown_as_the_first_report_words_it() -> None:
    c = newsdiff.compare(
        {
            "a": 'The minister said: "We will rebuild every school before the winter comes."',
            "b": 'Schools matter. "We will rebuild every school before the winter comes," '
            "the minister told parliament.",
        }
    )
    (pair,) = next(iter(explain_groups(c, c.groups).values())).pairs
    assert pair.quote.startswith("We will rebuild every school before the winter")


def test_large_groups_list_the_first_pairs_and_count_the_rest() -> None:
    line = "The bridge over the river reopened on Friday after repairs."
    texts = {f"r{i}": line for i in range(6)}
    c = newsdiff.compare(texts)
    ev = explain_groups(c, c.groups)[c.groups[0].index]
    assert len(ev.pairs) == MAX_PAIRS and ev.more == 15 - MAX_PAIRS


def test_table_and_html_show_the_pairs_only_when_asked() -> None:
    c = newsdiff.compare(REPORTS)
    plain = rendered("table", c)
    explained = rendered("table", c, explain=True)
    assert "A\u2013C" not in plain and "sim 0." not in plain
    assert "A\u2013C 0." in explained and "sim 0." in explained
    html = rendered("html", c, explain=True)
    assert '<ul class="signals pairs muted">' in html and "a vs c 0." in html
    assert '<ul class="pairs' not in rendered("html", c)


# Invented: two headlines (first lines without a stop), and a short quote whose words the
# other report quotes in a longer quotation.
HEADLINES = {
    "a": "Governor Okafor rejects school budget cuts in Lagos\n\n"
    'Okafor called the cuts "reckless" on Monday.',
    "b": "Governor Okafor rejects Lagos school budget cuts as reckless\n\n"
    'The governor said: "These cuts are reckless and they will fail." ',
}


def test_a_short_quote_matched_by_its_words_and_two_headlines_are_shown() -> None:
    c = newsdiff.compare(HEADLINES)
    lines = [
        pair_text(p, ["A", "B"]) for ev in explain_groups(c, c.groups).values() for p in ev.pairs
    ]
    assert any("both headlines" in line for line in lines), lines
    assert any("quote \u201creckless\u201d" in line for line in lines), lines


def test_explain_reads_alignment_s_own_headline_and_quote_rules(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # With the units' rules turned off, nothing is shown.
    c = newsdiff.compare(HEADLINES)
    monkeypatch.setattr(Unit, "headline_conflict", lambda self, other: False)
    monkeypatch.setattr(Unit, "quote_match", lambda self, other: Quoted.NO)
    lines = [
        pair_text(p, ["A", "B"]) for ev in explain_groups(c, c.groups).values() for p in ev.pairs
    ]
    assert lines and not any("both headlines" in line or "quote" in line for line in lines)


def test_a_quote_matched_by_its_words_shows_only_the_quoted_stretch() -> None:
    # Invented: the quoted word also stands, unquoted, earlier in the sentence.
    c = newsdiff.compare(
        {
            "a": "Okafor warned against reckless borrowing on Monday, and called the school "
            'budget cuts "reckless".',
            "b": "The governor said of the school budget cuts: "
            '"These cuts are reckless and they will fail."',
        }
    )
    lines = [
        pair_text(p, ["A", "B"]) for ev in explain_groups(c, c.groups).values() for p in ev.pairs
    ]
    assert lines == [lines[0]] and "quote \u201creckless\u201d" in lines[0], lines
