"""Tests of JSON Lines of articles as inputs: one report per line, clear errors by line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdiff.errors import InputError
from newsdiff.sources import kind_of, read_documents
from newsdiff.sources.jsonl import parse_jsonl


def _lines(*records: object) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def test_one_document_per_line_named_by_id_then_source() -> None:
    text = _lines(
        {"id": 7, "title": "T", "text": "First report.", "source": "Reuters"},
        {"title": "U", "text": "Second report.", "source": "AP"},
        {"text": "Third report."},
    )
    docs = parse_jsonl("\n" + text + "\n\n", "data/news.jsonl")
    assert [d.id for d in docs] == ["7", "AP", "news:4"]
    assert [d.text for d in docs] == ["First report.", "Second report.", "Third report."]
    assert [d.path for d in docs] == [
        "data/news.jsonl:2",
        "data/news.jsonl:3",
        "data/news.jsonl:4",
    ]


def test_text_field_picks_the_compared_text() -> None:
    text = _lines({"id": "a", "title": "NASA refutes", "text": "x"}, {"id": "b", "title": "Y"})
    docs = parse_jsonl(text, "n.jsonl", text_field="title")
    assert [d.text for d in docs] == ["NASA refutes", "Y"]


def test_line_separator_inside_a_string_is_not_a_line_break() -> None:
    text = _lines({"id": "a", "text": "one\u2028two"}, {"id": "b", "text": "three"})
    assert [d.text for d in parse_jsonl(text, "n.jsonl")] == ["one\u2028two", "three"]


def test_crlf_line_ends() -> None:
    text = _lines({"id": "a", "text": "one"}, {"id": "b", "text": "two"}).replace("\n", "\r\n")
    assert [d.text for d in parse_jsonl(text, "n.jsonl")] == ["one", "two"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"id": "a", "text": "ok"}\n{"id": "b", "text": \n', r"n\.jsonl:2: not valid JSON"),
        ('["not", "an", "object"]\n', r"n\.jsonl:1: expected a JSON object per line, got list"),
        (
            '{"id": "a", "body": "x", "title": "t"}\n',
            r"n\.jsonl:1: no .text. field \(fields: body, id, title\); choose one with --text-f",
        ),
        ('{"id": "a", "text": 5}\n', r"n\.jsonl:1: field 'text' is not a string"),
        ('{"id": "a", "text": "  "}\n', r"n\.jsonl:1: field 'text' is empty"),
        ("\n\n", r"n\.jsonl: holds no articles"),
    ],
)
def test_errors_name_the_line(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_jsonl(text, "n.jsonl")


def test_read_documents_decodes_utf16_and_dispatches_by_suffix(tmp_path: Path) -> None:
    path = tmp_path / "corpus.ndjson"
    path.write_bytes(
        _lines({"id": "a", "text": "Россия"}, {"id": "b", "text": "x"}).encode("utf-16")
    )
    docs = read_documents(str(path))
    assert [(d.id, d.text) for d in docs] == [("a", "Россия"), ("b", "x")]
    assert kind_of("x.JSONL") == "jsonl" and kind_of("x.HTM") == "html"
    assert kind_of("x.txt") == "text" and kind_of("-") == "text"


def test_undecodable_file_names_offset(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(b'{"id": "a", "text": "caf\xe9"}\n')
    with pytest.raises(
        InputError, match=r"c\.jsonl: cannot decode as utf-8 at byte 24.*--encoding"
    ):
        read_documents(str(path))
    (doc,) = read_documents(str(path), encoding="latin-1")
    assert doc.text == "café"
