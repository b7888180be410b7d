"""Inputs that broke newsdiff once, found by the property tests and the fuzzer.

Each test names how the input was found and what went wrong; the fix is in the commit
that added the test. benchmarks/fuzz.py is the fuzzer; tests/strategies.py the
properties both share.
"""

from __future__ import annotations

import codecs
import io
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsdiff
from newsdiff.cli.app import app
from newsdiff.errors import InputError
from newsdiff.render import RenderOptions, render
from newsdiff.sources.files import decode
from tests.strategies import check_comparison

SGR = re.compile(r"\x1b\[[0-9;]*m")


@pytest.mark.parametrize("n", [2, 3, 4])
def test_story_clustering_off_does_not_raise_keyerror(n: int) -> None:
    # Property test, first run: every comparison raised KeyError (0, 1) in the aligner's
    # story clustering when it was switched off (its affinity table was empty).
    texts = [f"The council met on Monday, report {i} said." for i in range(n)]
    comparison = newsdiff.compare(texts, newsdiff.Options(affinity_floor=0.0))
    check_comparison(texts, comparison)
    assert [g.coverage for g in comparison.groups] == [n]


@pytest.mark.parametrize("text", [":", "😀", "It was.", "—", "The. The.", "a\u0301!"])
def test_sentence_without_content_words_is_shared_with_its_copy(text: str) -> None:
    # Property "a text compared with itself is all shared", falsified by ":" (hypothesis,
    # shrunk): a sentence with no weighted token linked to nothing and came out as two
    # unique groups.
    comparison = newsdiff.compare([text, text])
    check_comparison([text, text], comparison)
    assert comparison.groups and all(g.kind == "shared" for g in comparison.groups)


@pytest.mark.parametrize(
    "text", ["Stocks rose. Stocks rose.", "!!", "A vote. A vote. A vote.", "Hi. Hi. Yo. Hi."]
)
def test_repeated_sentences_compared_with_themselves_are_all_shared(text: str) -> None:
    # After the aligner went many-to-one only, the self-comparison property (and "The.
    # The." above) found the second of two equal adjacent sentences left unique: the tied
    # link (a1, b2) was taken before (a2, b2).
    comparison = newsdiff.compare([text, text])
    check_comparison([text, text], comparison)
    assert all(g.kind == "shared" and g.coverage == 2 for g in comparison.groups)


def test_sentence_without_content_words_links_only_to_an_exact_copy() -> None:
    comparison = newsdiff.compare(["Stocks rose. 😀", "Stocks rose. 😡"])
    kinds = sorted((g.kind, g.coverage) for g in comparison.groups)
    assert kinds == [("shared", 2), ("unique", 1), ("unique", 1)]


def _table(texts: list[str], width: int = 120) -> str:
    out = io.StringIO()
    comparison = newsdiff.compare(texts)
    render("table", comparison, out, RenderOptions(color=True, width=width))
    return out.getvalue()


def test_table_carriage_return_inside_a_sentence_keeps_words_and_highlights() -> None:
    # Rendering the property tests' texts: rich drops "\r", so "has\rresigned" showed
    # "hasresigned" and every highlight after it was one character off ("o[ver ]").
    out = _table(["The minister has\rresigned today over claims.", "The minister has resigned."])
    assert "\r" not in out
    plain = SGR.sub("", out)
    assert "The minister has resigned today over" in plain
    # The first highlight after the key is the cell's: whole words (it was "ver " before the fix).
    highlighted = re.findall(r"\x1b\[4m(.*?)\x1b\[0m", out.split("#0", 1)[1])
    assert highlighted[0] == "today over claims"


@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\t", "\x0b", "\x0c", "\x85"])
def test_table_never_prints_raw_line_separators(sep: str) -> None:
    # Same run: U+2028/U+2029 reached the terminal raw from the table's cells.
    out = _table([f"The minister{sep}resigned today.", "The minister resigned today."])
    assert sep not in out


@pytest.mark.parametrize("codec", ["rot13", "base64", "zlib", "hex", "undefined"])
def test_encoding_that_is_not_a_text_encoding_is_an_input_error(codec: str) -> None:
    # CLI error-path tests: `--encoding rot13` escaped as LookupError and `undefined` as
    # UnicodeError, i.e. "internal error", exit 70.
    with pytest.raises(InputError, match=r"^x\.txt: "):
        decode(b"Hello world.", "x.txt", encoding=codec)


def test_utf8_bom_error_offset_counts_from_the_first_byte() -> None:
    # Encoding tests: with a UTF-8 BOM the offset of a bad byte was 3 too low
    # (utf-8-sig counts from after the BOM).
    data = codecs.BOM_UTF8 + b"ab\xffc"
    with pytest.raises(InputError, match=r"at byte 5$"):
        decode(data, "x.txt")
    assert data[5:6] == b"\xff"


def test_bom_wins_over_a_given_encoding() -> None:
    # Encoding tests: `--encoding latin-1` on a UTF-8 file with a BOM gave silent
    # mojibake ("ï»¿Привет") although the docstring says a BOM wins.
    data = codecs.BOM_UTF8 + "Привет, мир.".encode()
    assert decode(data, "x", encoding="latin-1") == "Привет, мир."
    assert decode(codecs.BOM_UTF16_LE + "Hi.".encode("utf-16-le"), "x", "cp1251") == "Hi."


def test_error_line_shows_a_hostile_file_name_inert(tmp_path: Path) -> None:
    # CLI error-path tests: a missing file named with an escape sequence and a newline put
    # a raw OSC sequence and a second line into the error on stderr.
    name = "evil\x1b]0;pwned\x07\nsecond line.txt"
    r = CliRunner().invoke(app, ["compare", name, str(tmp_path / "b.txt")])
    assert r.exit_code == 3
    assert r.stderr.count("\n") == 1 and "\x1b" not in r.stderr and "\x07" not in r.stderr
    assert "evil\\x1b]0;pwned\\x07 second line.txt: no such file" in r.stderr
