"""Tests of the public API and the JSON contract."""

from __future__ import annotations

import json

import pytest

import newsdiff
from newsdiff.errors import InputError, UsageError
from tests.conftest import check_golden


def test_compare_accepts_texts_pairs_and_mapping(seed_texts: tuple[str, str]) -> None:
    a, b = seed_texts
    by_list = newsdiff.compare([a, b])
    assert [d.id for d in by_list.documents] == ["doc1", "doc2"]
    by_map = newsdiff.compare({"x": a, "y": b})
    assert [d.id for d in by_map.documents] == ["x", "y"]
    assert by_map.groups == newsdiff.compare([("x", a), ("y", b)]).groups


def test_contract(seed_texts: tuple[str, str]) -> None:
    c = newsdiff.compare(list(seed_texts))
    d = c.to_dict()
    assert d["schema"] == "newsdiff/1"
    json.dumps(d)
    seen: dict[tuple[int, int], int] = {}
    for g in d["groups"]:
        assert g["kind"] in ("shared", "divergent", "unique")
        assert g["coverage"] == len(g["members"])
        assert 0.0 <= g["similarity"] <= 1.0
        if g["kind"] == "shared":
            assert g["signals"] == []
        for m in g["members"]:
            assert m["sentences"] == list(range(m["sentences"][0], m["sentences"][-1] + 1))
            for s in m["sentences"]:
                seen[(m["doc"], s)] = seen.get((m["doc"], s), 0) + 1
    for di, doc in enumerate(d["documents"]):
        for s in doc["sentences"]:
            assert doc["text"][s["start"] : s["end"]] == s["text"]
            expected = 0 if s["boilerplate"] else 1
            assert seen.get((di, s["index"]), 0) == expected
    summ = d["summary"]
    assert summ["groups"] == summ["shared"] + summ["divergent"] + summ["unique"]


def test_deterministic(seed_texts: tuple[str, str]) -> None:
    a = newsdiff.compare(list(seed_texts)).to_dict()
    b = newsdiff.compare(list(seed_texts)).to_dict()
    assert a == b


def test_golden_json(seed_texts: tuple[str, str]) -> None:
    c = newsdiff.compare(
        [
            ("nasa-shrugs-off-roscosmos.txt", seed_texts[0]),
            ("nasa-refutes-rogozin.txt", seed_texts[1]),
        ]
    )
    check_golden("seeds.json", json.dumps(c.to_dict(), ensure_ascii=False, indent=2) + "\n")


def test_errors() -> None:
    with pytest.raises(UsageError, match="at least two"):
        newsdiff.compare(["only one"])
    with pytest.raises(InputError, match="empty"):
        newsdiff.compare(["text", "   "])
