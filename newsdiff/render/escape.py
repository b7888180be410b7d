"""Make untrusted report text inert for each output medium.

News text is scraped and pasted from anywhere, so it may carry terminal escape
sequences, HTML, spreadsheet formulas or Markdown syntax. Every renderer passes the
text it shows through one of the functions here; the comparison object itself keeps
the user's text unaltered.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

# C0 controls (bar tab, newline and carriage return), DEL, C1 controls (0x9b is a
# one-byte CSI on some terminals) and the bidi embeddings/overrides/isolates that can
# reorder what a reader sees ("Trojan source"). Plain directional marks (U+200E/U+200F)
# are legitimate text.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_WHITESPACE_CONTROL = re.compile(r"[\t\n\r\x0b\x0c\x85\u2028\u2029]+")


def _show_control(match: re.Match[str]) -> str:
    """Return a visible, inert stand-in for one control character (as the table shows it)."""
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert(text: str) -> str:
    """Return text with control characters shown as escapes (ESC as the four characters \\x1b)."""
    # Replacing ESC alone defuses a whole escape sequence: "\x1b[31m" shows literally.
    return _CONTROL.sub(_show_control, text)


def one_line(text: str) -> str:
    """Return inert text on one line: runs of tabs, newlines and line separators become a space."""
    return inert(_WHITESPACE_CONTROL.sub(" ", text))


# Cells a spreadsheet would evaluate: =SUM(), +1, -1+1, @SUM(), and tab/CR-led variants
# (OWASP "CSV injection"). Fullwidth forms are normalised to ASCII by some spreadsheets.
_FORMULA_START = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")


def csv_cell(text: str) -> str:
    """Return a CSV/TSV cell: one line, inert, and never read as a formula by a spreadsheet."""
    cell = one_line(text)
    if text[:1] in _FORMULA_START or cell[:1] in _FORMULA_START:
        # A leading apostrophe is the spreadsheet convention for "this is text".
        return "'" + cell
    return cell


# CommonMark lets any ASCII punctuation be backslash-escaped; these are the characters
# that start emphasis, code, links, HTML, tables, strikethrough, math or entities.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$])")
# GitHub turns @name into a mention (a notification) and #123 into an issue link, even
# when escaped; a zero-width space after the sign stops both and is invisible.
_MENTION = re.compile(r"([@#])(?=[0-9A-Za-z])")


def markdown_cell(text: str) -> str:
    """Return text safe inside a GitHub-flavoured Markdown table cell, shown literally."""
    cell = _MARKDOWN_SPECIAL.sub(r"\\\1", one_line(text))
    return _MENTION.sub(r"\1&#8203;", cell)


def html_text(text: str) -> str:
    """Return text escaped for an HTML element's content."""
    return html.escape(inert(text), quote=False)


def html_attr(text: str) -> str:
    """Return text escaped for a double- or single-quoted HTML attribute value."""
    return html.escape(one_line(text), quote=True)


# Characters json.dumps(ensure_ascii=False) leaves raw although they act on a terminal
# (C1 controls) or break JavaScript consumers (U+2028/U+2029), plus bidi overrides.
_JSON_RAW_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_dumps(obj: Any, indent: int | None = None) -> str:
    """Return JSON (compact unless indented) that reaches a terminal inert but decodes unaltered."""
    separators = (",", ":") if indent is None else (",", ": ")
    text = json.dumps(obj, ensure_ascii=False, separators=separators, indent=indent)
    # These characters only occur inside JSON strings, where \\uXXXX is the same value.
    return _JSON_RAW_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
