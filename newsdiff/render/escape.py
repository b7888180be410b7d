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
# What a spreadsheet may skip before it reads a formula: spaces, quotes (a leading '"' is
# the text qualifier of CSV and of TSV as most spreadsheets import it) and invisible
# characters (zero-width and format characters, the byte-order mark).
_SKIPPED = re.compile(
    "[\\s\"'\uff02\uff07\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5"
    "\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0]*"
)


def _formula_like(text: str) -> bool:
    """Return True when a spreadsheet could read text as a formula."""
    prefix = _SKIPPED.match(text)
    return text[prefix.end() if prefix else 0 :][:1] in _FORMULA_START


def csv_cell(text: str) -> str:
    """Return a CSV/TSV cell: one line, inert, and never read as a formula by a spreadsheet."""
    cell = one_line(text)
    if text[:1] in _FORMULA_START or _formula_like(text) or _formula_like(cell):
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
# (C1 controls), break JavaScript consumers (U+2028/U+2029) or reorder or hide what a
# reader sees (bidi overrides, isolates and marks).
_JSON_RAW_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_dumps(obj: Any, indent: int | None = None, spaced: bool = False) -> str:
    """Return JSON that reaches a terminal inert but decodes unaltered.

    Compact unless indented; `spaced` puts a space after "," and ":" on one line (the
    corpus and check records).
    """
    if indent is not None:
        separators = (",", ": ")  # line ends follow each comma
    elif spaced:
        separators = (", ", ": ")
    else:
        separators = (",", ":")
    return inert_json(json.dumps(obj, ensure_ascii=False, separators=separators, indent=indent))


def inert_json(text: str) -> str:
    """Return JSON text (ensure_ascii=False) with the unsafe raw characters escaped."""
    # These characters only occur inside JSON strings, where \\uXXXX is the same value.
    return _JSON_RAW_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# XML 1.0 forbids these characters outright, even escaped.
_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Escape text for XML content or a double-quoted attribute; drop forbidden characters."""
    # Forbidden characters become U+FFFD; C1 controls and bidi overrides are shown inert.
    text = inert(_XML_INVALID.sub("\ufffd", text))
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\r", "&#13;")
    )


def xml_attr(text: str) -> str:
    """Escape text for a double-quoted XML attribute, keeping line breaks as references."""
    return xml_text(text).replace("\n", "&#10;").replace("\t", "&#9;")


def gh_data(text: str) -> str:
    """Escape the message of a GitHub Actions workflow command (one line, no commands)."""
    text = inert(text.replace("\t", " "))
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def gh_property(text: str) -> str:
    """Escape a property value (file=, title=) of a GitHub Actions workflow command."""
    return gh_data(text).replace(":", "%3A").replace(",", "%2C")
