"""Markers of loaded words in facts one report alone states: on the model and in each format."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsdiff import compare
from newsdiff.cli.app import app

A = "The council met on Monday to vote on the budget. The budget passed by nine votes to two."
B = (
    "The council met on Monday to vote on the budget. The budget passed by nine votes to two. "
    "The embattled treasurer did not attend the meeting."
)


def test_a_unique_fact_carries_its_reports_loaded_word_as_a_marker_not_a_signal() -> None:
    c = compare([A, B])
    unique = [g for g in c.groups if g.kind == "unique"]
    assert len(unique) == 1 and unique[0].signals == ()
    (m,) = unique[0].marks
    assert (m.type, m.detail, m.docs) == ("tone", "embattled", (1,))
    assert [e.text for e in m.evidence] == ["embattled"]
    # Groups of two reports carry no markers: a word one side alone uses is a signal there.
    assert all(g.marks == () for g in c.groups if g.coverage > 1)


def test_the_formats_show_the_marker_and_its_filter_keeps_it(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    files = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    runner = CliRunner()
    out = runner.invoke(app, ["compare", *files, "-f", "json"])
    assert out.exit_code == 0 and out.stderr == ""
    groups = json.loads(out.stdout)["groups"]
    marks = [m for g in groups for m in g["marks"]]
    assert [(m["type"], m["detail"], m["docs"]) for m in marks] == [("tone", "embattled", [1])]
    assert marks[0]["parts"][0][1] == {"docs": [], "text": None, "evidence": []}
    for fmt, line in (("markdown", "tone (b.txt): embattled"), ("csv", "tone (b.txt): embattled")):
        out = runner.invoke(app, ["compare", *files, "-f", fmt])
        assert out.exit_code == 0 and line in out.stdout, fmt
    table = runner.invoke(app, ["compare", *files, "--no-color", "--signals", "tone"])
    assert table.exit_code == 0 and "tone (B): embattled" in table.stdout
    assert "The budget passed" not in table.stdout  # the filter keeps the marked group only
