"""Tests of the JSON Lines renderer: one self-contained group per line."""

from __future__ import annotations

import json

from tests.conftest import check_golden
from tests.render_cases import hostile, rendered, seeds, three_way


def _lines(text: str) -> list[dict[str, object]]:
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def test_seeds_golden() -> None:
    check_golden("seeds.jsonl", rendered("jsonl", seeds()))


def test_one_line_per_group_with_member_texts() -> None:
    c = three_way()
    records = _lines(rendered("jsonl", c))
    assert [r["group"] for r in records] == [g.index for g in c.groups]
    divergent = records[1]
    assert divergent["kind"] == "divergent" and divergent["documents"] == 3
    assert divergent["missing"] == ["c"]
    b = divergent["members"][1]  # type: ignore[index]
    assert b["id"] == "b" and [s["index"] for s in b["sentences"]] == [1, 2]
    assert b["text"] == "Rogozin warned of a 400-tonne structure. It could fall on India or China."
    assert divergent["signals"][0]["detail"] == "500 vs 400"  # type: ignore[index]


def test_sentences_keep_exact_offsets() -> None:
    c = seeds()
    for record in _lines(rendered("jsonl", c)):
        for m in record["members"]:  # type: ignore[attr-defined]
            text = c.documents[m["doc"]].text
            for s in m["sentences"]:
                assert text[s["start"] : s["end"]] == s["text"]


def test_every_content_sentence_once() -> None:
    c = seeds()
    seen = [
        (m["doc"], s["index"])
        for r in _lines(rendered("jsonl", c))
        for m in r["members"]  # type: ignore[attr-defined]
        for s in m["sentences"]
    ]
    expected = [(d, s.index) for d, doc in enumerate(c.documents) for s in doc.content_sentences()]
    assert sorted(seen) == sorted(expected)


def test_hostile_text_round_trips_but_reaches_no_terminal() -> None:
    out = rendered("jsonl", hostile())
    assert not any(ord(ch) < 0x20 and ch != "\n" for ch in out)
    first = _lines(out)[0]
    assert first["members"][0]["text"].startswith("\x1b[31mRED")  # type: ignore[index]


def test_signal_filter() -> None:
    out = rendered("jsonl", three_way(), signal_filter=frozenset({"number"}))
    assert [r["group"] for r in _lines(out)] == [1]
    assert rendered("jsonl", three_way(), signal_filter=frozenset({"quote"})) == ""
