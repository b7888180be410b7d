"""A report absent from a group that states its fact in another group's sentence."""

from __future__ import annotations

import json

import newsdiff
from newsdiff.model import Comparison
from tests.render_cases import rendered

# Invented reports: A says the warning and the question in one sentence; B and C in two.
A = (
    "City engineers found deep cracks in the old river bridge last week. "
    "The mayor warned on Monday that the bridge could close to traffic in March and asked, "
    '"Who will pay for the repairs once the federal grant runs out?" '
    "Council members are expected to vote on a repair budget next month."
)
B = (
    "The mayor warned on Monday that the river bridge could close to traffic in March. "
    '"Who will pay for the repairs once the federal grant runs out?" she asked reporters. '
    "Engineers had found deep cracks in the bridge last week."
)
C = (
    "The old river bridge could close to traffic in March, the mayor warned on Monday. "
    '"Who will pay for the repairs once the federal grant runs out?" she said. '
    "A vote on the repair budget is expected next month."
)


def compared(*order: int) -> Comparison:
    """Compare the three reports in the given order of A, B, C."""
    named = [("a.txt", A), ("b.txt", B), ("c.txt", C)]
    return newsdiff.compare([named[i] for i in order])


def where(cmp: Comparison, doc_id: str, sentence: int) -> int:
    """Return the group holding a report's sentence."""
    d = next(i for i, doc in enumerate(cmp.documents) if doc.id == doc_id)
    return next(
        g.index for g in cmp.groups for m in g.members if m.doc == d and sentence in m.sentences
    )


def test_the_second_fact_of_a_sentence_names_it() -> None:
    """Check the quotation's group names A's sentence, which sits in the warning's group."""
    cmp = compared(0, 1, 2)
    quote = cmp.groups[where(cmp, "b.txt", 1)]
    assert {m.doc for m in quote.members} == {1, 2}
    warning = where(cmp, "a.txt", 1)
    assert [(e.doc, e.sentence, e.group) for e in quote.elsewhere] == [(0, 1, warning)]
    assert quote.to_dict()["elsewhere"] == [{"doc": 0, "sentence": 1, "group": warning}]


def test_no_reference_without_the_fact() -> None:
    """Check groups whose absent report says nothing of their fact name no sentence."""
    cmp = compared(0, 1, 2)
    # The cracks (A, B; C says nothing of them) and the vote (A, C; B says nothing of it).
    assert cmp.groups[where(cmp, "a.txt", 0)].elsewhere == ()
    assert cmp.groups[where(cmp, "a.txt", 2)].elsewhere == ()
    assert sum(len(g.elsewhere) for g in cmp.groups) == 1


def test_references_do_not_depend_on_the_order_of_the_reports() -> None:
    """Check the same sentence is named whatever order the files come in."""

    def named(cmp: Comparison) -> set[tuple[str, str, int]]:
        ids = [d.id for d in cmp.documents]
        out = set()
        for g in cmp.groups:
            for e in g.elsewhere:
                home = cmp.groups[e.group]
                members = {(ids[m.doc], s) for m in home.members for s in m.sentences}
                assert (ids[e.doc], e.sentence) in members  # the group named holds it
                out.add((ids[e.doc], ",".join(sorted(ids[m.doc] for m in g.members)), e.sentence))
        return out

    assert named(compared(0, 1, 2)) == named(compared(2, 0, 1)) == {("a.txt", "b.txt,c.txt", 1)}


def test_jsonl_does_not_list_the_report_as_missing() -> None:
    """Check JSON Lines moves the report from `missing` to `elsewhere`, with its text."""
    cmp = compared(0, 1, 2)
    lines = [json.loads(line) for line in rendered("jsonl", cmp).splitlines()]
    quote = lines[where(cmp, "b.txt", 1)]
    assert quote["missing"] == []
    (ref,) = quote["elsewhere"]
    assert ref["id"] == "a.txt" and ref["sentence"] == 1 and ref["group"] == where(cmp, "a.txt", 1)
    assert ref["text"].startswith("The mayor warned") and ref["text"].endswith('runs out?"')
    # A group without a reference still lists who lacks it.
    assert lines[where(cmp, "a.txt", 0)]["missing"] == ["c.txt"]


def test_every_format_says_where_it_is_told() -> None:
    """Check the table, Markdown and HTML point the absent column at the group holding it."""
    cmp = compared(0, 1, 2)
    home = where(cmp, "a.txt", 1)
    table = rendered("table", cmp, color=False, width=120)
    assert f"also told in A #{home}" in table
    assert f"told in #{home}" in table
    assert "also told in C #5: C states it in a sentence of group #5" in " ".join(table.split())
    assert f"_told in #{home}_" in rendered("markdown", cmp)
    assert f'told in <a href="#g{home}">#{home}</a>' in rendered("html", cmp)


def test_the_key_explains_references_only_when_there_are_some() -> None:
    """Check a comparison without references keeps the key as it was."""
    cmp = newsdiff.compare([("a.txt", B), ("b.txt", C)])
    assert all(not g.elsewhere for g in cmp.groups)
    assert "also told in" not in rendered("table", cmp, color=False, width=120)


def test_explain_says_why_a_sentence_elsewhere_is_named() -> None:
    """Check --explain pairs the named sentence with a member, with the quotation they share."""
    from newsdiff.render.explain import explain_groups, pair_text

    cmp = compared(0, 1, 2)
    quote = cmp.groups[where(cmp, "b.txt", 1)]
    lines = [pair_text(p, ["A", "B", "C"]) for p in explain_groups(cmp, [quote])[quote.index].pairs]
    home = where(cmp, "a.txt", 1)
    told = [line for line in lines if f"(told in #{home})" in line]
    assert len(lines) == 2 and len(told) == 1, lines
    assert "A (told in" in told[0] and "quote \u201cwill pay for the repairs" in told[0]
    assert f"(told in #{home})" in rendered("table", cmp, color=False, width=120, explain=True)
