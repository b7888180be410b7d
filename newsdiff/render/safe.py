"""Make untrusted text (cluster names, error reasons, signal details) safe for each sink."""

from __future__ import annotations

import json
import re
from typing import Any

# One escaping of control characters and spreadsheet formulas for every renderer.
from newsdiff.render.escape import csv_cell, inert
from newsdiff.render.escape import one_line as visible

__all__ = ["csv_cell", "gh_data", "gh_property", "json_line", "visible", "xml_attr", "xml_text"]

# What json.dumps(ensure_ascii=False) leaves raw but must not reach a terminal raw.
_JSON_RAW = re.compile(r"[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# XML 1.0 forbids these characters outright, even escaped.
_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def json_line(obj: Any) -> str:
    """Return one line of JSON, readable Unicode kept, terminal-active characters escaped."""
    text = json.dumps(obj, ensure_ascii=False, separators=(", ", ": "))
    # These can only occur inside JSON strings, where \\uXXXX means the same character.
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def xml_text(text: str) -> str:
    """Escape text for XML content or a double-quoted attribute; drop forbidden characters."""
    text = _XML_INVALID.sub("\ufffd", text)
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
