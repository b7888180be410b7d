"""Encodings through `newsdiff.sources.files` and the CLI: decoded exactly, or a clear error.

Every accepted file must come back as the same text, with sentence offsets into that
text; every undecodable file must name the file and the byte where decoding failed.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import newsdiff
from newsdiff.cli.app import app
from newsdiff.errors import InputError

TEXT = "Пожар в «Москве»: 500 человек. Café naïve — “quoted”, 2024!\r\nSecond line 😀."
LATIN = "Café naïve, façade. Über große Straße; 50 °C, £5."
RUSSIAN = "Пожар в Москве. Погибли 5 человек, сообщили власти."

runner = CliRunner()


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _json(*args: str, input: str | None = None) -> dict[str, Any]:
    r = runner.invoke(app, ["compare", *args, "-f", "json"], input=input)
    assert r.exit_code == 0, r.stderr
    assert r.stderr == ""
    out: dict[str, Any] = json.loads(r.stdout)
    return out


ENCODED = {
    "utf-8": TEXT.encode("utf-8"),
    "utf-8 with BOM": codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    "utf-16-le with BOM": codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
    "utf-16-be with BOM": codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    "utf-16 (Python's, BOM first)": TEXT.encode("utf-16"),
    "utf-32 with BOM": TEXT.encode("utf-32"),
}


@pytest.mark.parametrize("kind", list(ENCODED))
def test_unicode_files_with_or_without_bom_decode_exactly(tmp_path: Path, kind: str) -> None:
    path = _write(tmp_path, "a.txt", ENCODED[kind])
    doc = newsdiff.load(path)
    assert doc.text == TEXT  # the BOM is not part of the text
    out = _json(str(path), str(path))
    for d in out["documents"]:
        assert d["text"] == TEXT
        for s in d["sentences"]:
            assert TEXT[s["start"] : s["end"]] == s["text"]
    assert {g["kind"] for g in out["groups"]} == {"shared"}


@pytest.mark.parametrize(
    ("encoding", "text"),
    [("cp1251", RUSSIAN), ("latin-1", LATIN), ("iso-8859-15", LATIN), ("koi8-r", RUSSIAN)],
)
def test_legacy_encodings_with_the_encoding_option(
    tmp_path: Path, encoding: str, text: str
) -> None:
    a = _write(tmp_path, "a.txt", text.encode(encoding))
    assert newsdiff.load(a, encoding=encoding).text == text
    out = _json(str(a), str(a), "--encoding", encoding)
    assert [d["text"] for d in out["documents"]] == [text, text]
    # Without the option the file is not silently read as something else.
    r = runner.invoke(app, ["compare", str(a), str(a)])
    assert r.exit_code == 3 and "--encoding" in r.stderr


def test_cp1251_without_encoding_names_file_byte_and_option(tmp_path: Path) -> None:
    data = RUSSIAN.encode("cp1251")
    path = _write(tmp_path, "ru.txt", data)
    with pytest.raises(InputError) as err:
        newsdiff.load(path)
    message = str(err.value)
    assert message == (
        f"{path}: cannot decode as utf-8 at byte 0; "
        "if it is not UTF-8, name its encoding with --encoding"
    )


def _first_bad_utf8(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    raise AssertionError("valid UTF-8")


@pytest.mark.parametrize(
    ("name", "data", "offset"),
    [
        ("mid.txt", b"Plain ASCII first. Then \xff here.", 24),
        ("truncated.txt", "Ends in the middle of é".encode()[:-1], 22),
        ("overlong.txt", b"Over \xc0\xaf long.", 5),
        ("surrogate.txt", b"Lone \xed\xa0\x80 surrogate.", 5),
        ("bom.txt", codecs.BOM_UTF8 + b"With BOM, then \xfe.", 18),
    ],
)
def test_undecodable_utf8_names_the_file_and_the_byte(
    tmp_path: Path, name: str, data: bytes, offset: int
) -> None:
    path = _write(tmp_path, name, data)
    r = runner.invoke(app, ["compare", str(path), str(path)])
    assert r.exit_code == 3 and r.stdout == ""
    assert r.stderr.startswith(f"newsdiff: error: {path}: cannot decode as utf-8")
    assert f"at byte {offset}" in r.stderr
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    # The offset is the file's: the byte there is the first one that is not UTF-8.
    body = data[3:] if data.startswith(codecs.BOM_UTF8) else data
    assert offset == _first_bad_utf8(body) + (len(data) - len(body))


@pytest.mark.parametrize(
    ("data", "encoding", "message"),
    [
        (b"\xff\xfeA\x00\x00\xd8B\x00", None, "cannot decode as utf-16-le (named by its byte"),
        (b"\xff\xfeA\x00B", None, "at byte 4"),
        ("Привет".encode("cp1251"), "ascii", "cannot decode as ascii at byte 0"),
        ("Hi".encode("utf-16-le"), None, "--encoding utf-16-le"),
        (b"Hi there.", "no-such-codec", "unknown encoding 'no-such-codec'"),
        (b"Hi there.", "rot13", "'rot13' is not a text encoding"),
    ],
)
def test_decoding_errors_are_one_clear_line(
    tmp_path: Path, data: bytes, encoding: str | None, message: str
) -> None:
    path = _write(tmp_path, "x.txt", data)
    args = ["compare", str(path), str(path)] + (["--encoding", encoding] if encoding else [])
    r = runner.invoke(app, args)
    assert r.exit_code == 3, r.stderr
    assert r.stdout == "" and message in r.stderr and str(path) in r.stderr
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr


def test_latin1_never_fails_but_is_only_used_when_asked(tmp_path: Path) -> None:
    # latin-1 decodes any byte: newsdiff must not fall back to it on its own.
    data = LATIN.encode("latin-1")
    path = _write(tmp_path, "l.txt", data)
    with pytest.raises(InputError, match="cannot decode as utf-8"):
        newsdiff.load(path)
    assert newsdiff.load(path, encoding="latin-1").text == LATIN


def test_stdin_with_bom_and_encoding(tmp_path: Path) -> None:
    other = _write(tmp_path, "b.txt", LATIN.encode("utf-8"))
    r = runner.invoke(
        app,
        ["compare", "-", str(other), "-f", "json"],
        input=codecs.BOM_UTF8 + LATIN.encode("utf-8"),
    )
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["documents"][0]["text"] == LATIN
    r = runner.invoke(app, ["compare", "-", str(other)], input=b"\xffbad")
    assert r.exit_code == 3 and "<stdin>: cannot decode as utf-8 at byte 0" in r.stderr


# Chinese whose UTF-16 code units have only ASCII-range bytes (中 is 2D 4E): without a
# BOM these bytes are valid UTF-8 (ASCII) and would be read as "-N:N;N..." mojibake.
ASCII_RANGE_CJK = "中为主久也书年来" * 3


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_in_ascii_range_is_refused_not_mojibake(
    tmp_path: Path, codec: str
) -> None:
    data = ASCII_RANGE_CJK.encode(codec)
    assert data.isascii() and b"\x00" not in data
    path = _write(tmp_path, "cjk.txt", data)
    with pytest.raises(InputError, match=r"looks like UTF-16 without a byte order mark"):
        newsdiff.load(path)
    r = runner.invoke(app, ["compare", str(path), str(path)])
    assert r.exit_code == 3 and r.stderr.count("\n") == 1
    assert "--encoding utf-16-le (or -be)" in r.stderr
    # Named, it reads exactly; and a file that really is one long ASCII word can be named too.
    assert newsdiff.load(path, encoding=codec).text == ASCII_RANGE_CJK
    word = _write(tmp_path, "word.txt", b"Supercalifragilisticexpialidocious")
    with pytest.raises(InputError, match="or with --encoding utf-8 if it is one long word"):
        newsdiff.load(word)
    assert newsdiff.load(word, encoding="utf-8").text == "Supercalifragilisticexpialidocious"


def test_short_or_spaced_ascii_is_plain_text(tmp_path: Path) -> None:
    assert newsdiff.load(_write(tmp_path, "a.txt", b"Yes.")).text == "Yes."
    spaced = b"The council met on Monday."
    assert newsdiff.load(_write(tmp_path, "b.txt", spaced)).text == spaced.decode()
