"""Tests of reading and decoding inputs."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from newsdiff.errors import InputError
from newsdiff.sources import load
from newsdiff.sources.files import decode


def test_load_utf8_file(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("Héllo “world”.", encoding="utf-8")
    doc = load(p)
    assert doc.text == "Héllo “world”." and doc.id == "a.txt" and doc.path == str(p)


def test_boms_are_honoured() -> None:
    assert decode(codecs.BOM_UTF8 + "Привет".encode(), "x") == "Привет"
    assert decode(codecs.BOM_UTF16_LE + "Привет".encode("utf-16-le"), "x") == "Привет"
    assert decode("Привет".encode("cp1251"), "x", encoding="cp1251") == "Привет"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"  \n\t\n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("Привет".encode("cp1251"), "cannot decode as utf-8 at byte 0"),
    ],
)
def test_bad_files(tmp_path: Path, content: bytes, message: str) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(InputError, match=message):
        load(p)


def test_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        load(tmp_path)


def test_size_limit(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_text("word " * 100, encoding="utf-8")
    with pytest.raises(InputError, match="--max-bytes"):
        load(p, max_bytes=100)


def test_unknown_encoding(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("hi", encoding="utf-8")
    with pytest.raises(InputError, match="unknown encoding"):
        load(p, encoding="no-such-codec")
