"""Structured sides: each difference of a signal as data, merged across a group's pairs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from typer.testing import CliRunner

import newsdiff
from newsdiff.cli.app import app
from newsdiff.model import Evidence, Side, Signal, signal_between
from newsdiff.render.view import signal_line
from newsdiff.signals import _merge
from tests.strategies import CI
from tests.strategies_near import near_copy_reports
from tests.test_signals_order import assert_order_free

runner = CliRunner()

# Three reports of one question: B and A say "save", C "rescue"; A and C say "a fall ...
# or", B "falling ... and". Each difference is held by two reports against the third.
SAVE = "“Who will save the station from a fall into the sea or the river?” Ivanov asked."
FALLING = "“Who will save the station from falling into the sea and the river?” Ivanov asked."
RESCUE = "“Who will rescue the station from a fall into the sea or the river?” Ivanov asked."


def letters(d: int) -> str:
    return "ABC"[d]


def test_detail_is_derived_from_the_parts() -> None:
    sig = signal_between("quote", (0, 1), [("fall", "from falling"), ("or", None)])
    assert sig.detail == "fall vs from falling; or vs none"
    assert sig.docs == (0, 1)
    assert signal_line(sig, letters) == "quote (A vs B): fall vs from falling; or vs none"
    (first, second) = sig.to_dict()["parts"]
    assert first == [
        {"docs": [0], "text": "fall", "evidence": []},
        {"docs": [1], "text": "from falling", "evidence": []},
    ]
    assert second[1] == {"docs": [1], "text": None, "evidence": []}


def test_a_side_holding_semicolons_and_vs_is_one_side() -> None:
    # "a vs b" against "c" and "a" against "b vs c" read alike as one line ("a vs b vs c"),
    # which split on " vs " once merged them; as data they are two differences.
    ev = Evidence(0, 0, 0, 6, "a vs b")
    one = Signal("quote", ((Side((0,), "a vs b", (ev,)), Side((1,), "c")),))
    two = Signal("quote", ((Side((0,), "a"), Side((2,), "b vs c")),))
    three = Signal("quote", ((Side((1,), "x; y"), Side((2,), "z")),))
    merged = _merge([one, two, three])
    assert [[(s.docs, s.text) for s in p] for m in merged for p in m.parts] == [
        [((0,), "a vs b"), ((1,), "c")],
        [((0,), "a"), ((2,), "b vs c")],
        [((1,), "x; y"), ((2,), "z")],
    ]
    assert merged[0].evidence == (ev,)
    assert merged[2].detail == "x; y vs z"


def test_detected_side_with_semicolon_and_vs_stays_whole() -> None:
    c = newsdiff.compare(
        [
            "The mayor wrote that he would put the “bridge decision on hold for now.”",
            "“Put the bridge decision on hold for now, it is Smith vs Jones; the vote is "
            "close,” the mayor wrote.",
        ]
    )
    (sig,) = [s for g in c.groups for s in g.signals]
    ((left, right),) = sig.parts
    assert (left.docs, left.text) == ((0,), None)
    assert (right.docs, right.text) == ((1,), "“it is Smith vs Jones; the vote is…”")
    assert [e.text for e in right.evidence] == ["it is Smith vs Jones; the vote is close"]
    # Merged with itself from the other order, it stays one difference.
    again = newsdiff.compare([c.documents[1].text, c.documents[0].text])
    (flipped,) = [s for g in again.groups for s in g.signals]
    assert [(x.docs, x.text) for x in flipped.parts[0]] == [((0,), right.text), ((1,), None)]


def test_three_reports_list_each_difference_once() -> None:
    c = newsdiff.compare([SAVE, FALLING, RESCUE])
    (group,) = [g for g in c.groups if g.coverage == 3]
    lines = [signal_line(s, letters) for s in group.signals]
    assert lines == [
        "quote (A, B vs C): save vs rescue",
        "quote (A, C vs B): a fall vs falling; or vs and",
    ]
    # Each side points at the words of each of its reports.
    save = group.signals[0].parts[0][0]
    assert [(e.doc, e.text) for e in save.evidence] == [(0, "save"), (1, "save")]
    parts = [tuple(sorted(str(s.text) for s in p)) for s in group.signals for p in s.parts]
    assert len(parts) == len(set(parts))


def test_three_reports_merge_in_any_order() -> None:
    assert_order_free([SAVE, FALLING, RESCUE])


def test_a_report_is_never_on_both_sides_of_a_difference() -> None:
    # B quotes "either" where C does not, and C quotes it where B does not.
    a = Signal("quote", ((Side((1,), "either"), Side((2,), None)),))
    b = Signal("quote", ((Side((1,), None), Side((2,), "either")),))
    c = Signal("quote", ((Side((0,), "either"), Side((2,), None)),))
    merged = _merge([a, b, c])
    for sig in merged:
        for left, right in sig.parts:
            assert not set(left.docs) & set(right.docs)
    assert sorted(signal_line(s, letters) for s in merged) == [
        "quote (A, B vs C): either vs none",
        "quote (B vs C): none vs either",
    ]


def test_a_line_names_each_side_when_the_reports_differ_per_part() -> None:
    sig = Signal(
        "number",
        (
            (Side((0, 2), "5"), Side((1,), "6")),
            (Side((0,), "Monday"), Side((1, 2), "Tuesday")),
        ),
    )
    assert signal_line(sig, letters) == "number: 5 (A, C) vs 6 (B); Monday (A) vs Tuesday (B, C)"


def test_a_side_of_many_reports_names_a_few() -> None:
    sig = Signal("tone", ((Side(tuple(range(9)), "regime"), Side((9,), None)),))
    line = signal_line(sig, lambda d: f"r{d}")
    assert line == "tone (r0, r1, r2, r3, r4 and 4 more vs r9): regime vs none"


@settings(CI, max_examples=30)
@given(near_copy_reports(max_reports=5, max_sentences=3))
def test_parts_are_consistent_in_any_group(texts: list[str]) -> None:
    """Check each side's evidence is its reports' words and no report is on both sides."""
    c = newsdiff.compare(texts)
    for g in c.groups:
        members = {m.doc for m in g.members}
        for sig in g.signals:
            seen = []
            for left, right in sig.parts:
                assert not set(left.docs) & set(right.docs)
                assert min(left.docs) < min(right.docs)
                for side in (left, right):
                    assert set(side.docs) <= members
                    for e in side.evidence:
                        assert e.doc in side.docs
                        assert c.documents[e.doc].text[e.start : e.end] == e.text
                seen.append((str(left.text).lower(), str(right.text).lower()))
                # One signal sets the same reports against each other in every part.
                assert (left.docs, right.docs) == (sig.parts[0][0].docs, sig.parts[0][1].docs)
            assert len(seen) == len(set(seen)), "a difference listed twice"


# --- every format names the reports of each signal ---------------------------------------


@pytest.fixture()
def reports(tmp_path: Path) -> list[str]:
    paths = []
    for name, text in (("fox.txt", SAVE), ("hpo.txt", FALLING), ("nyt.txt", RESCUE)):
        p = tmp_path / name
        p.write_text(text + "\n", encoding="utf-8")
        paths.append(str(p))
    return paths


def compare(*args: str) -> str:
    r = runner.invoke(app, ["compare", *args])
    assert r.exit_code == 0, r.stderr
    assert r.stderr == ""
    return r.stdout


SAVE_NAMED = "quote (fox.txt, hpo.txt vs nyt.txt): save vs rescue"
FALL_NAMED = "quote (fox.txt, nyt.txt vs hpo.txt): a fall vs falling; or vs and"


def test_table_names_reports_by_their_letters(reports: list[str]) -> None:
    out = compare(*reports, "--no-color", "--width", "160")
    assert "A  fox.txt" in out and "C  nyt.txt" in out
    assert "quote (A, B vs C): save vs rescue · quote (A, C vs B): a fall vs falling" in out


@pytest.mark.parametrize("fmt", ["markdown", "html", "csv", "tsv"])
def test_files_name_reports_by_their_ids(reports: list[str], fmt: str) -> None:
    out = compare(*reports, "-f", fmt)
    if fmt == "html":
        # The type is a styled span: `<span class="sig">quote</span> (fox.txt, ...`.
        assert '<span class="sig">quote</span> (fox.txt, hpo.txt vs nyt.txt)' in out
        out = re.sub(r"<[^>]*>", "", out)
    assert SAVE_NAMED in out and FALL_NAMED in out
    # Each difference once (CSV and TSV repeat a group's signals on each report's row).
    assert out.count("save vs rescue") == (3 if fmt in ("csv", "tsv") else 1)


def test_names_flag_names_the_signal_sides(reports: list[str]) -> None:
    out = compare(*reports, "--names", "fox,hpo,nyt", "-f", "markdown")
    assert "quote (fox, hpo vs nyt): save vs rescue" in out


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_carries_the_parts(reports: list[str], fmt: str) -> None:
    out = compare(*reports, "-f", fmt)
    lines = [json.loads(line) for line in out.splitlines()] if fmt == "jsonl" else None
    groups = lines if lines is not None else json.loads(out)["groups"]
    (group,) = [g for g in groups if g["coverage"] == 3]
    first = group["signals"][0]
    # Its reports: first two that differ (fox and nyt), then the others.
    assert first["detail"] == "save vs rescue" and first["docs"] == [0, 2, 1]
    (left, right) = first["parts"][0]
    assert (left["docs"], left["text"], right["docs"], right["text"]) == (
        [0, 1],
        "save",
        [2],
        "rescue",
    )
    assert [e["doc"] for e in left["evidence"]] == [0, 1]
    assert first["evidence"] == [*left["evidence"], *right["evidence"]]
