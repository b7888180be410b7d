"""Make untrusted text (cluster names, error reasons, signal details) safe for each sink."""

from __future__ import annotations

import json
import re
from typing import Any

# C0 controls but tab/newline, DEL, C1 controls (\x9b is a one-byte CSI on some
# terminals), and the bidirectional overrides that reorder what a reader sees.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# What json.dumps(ensure_ascii=False) leaves raw but must not reach a terminal raw.
_JSON_RAW = re.compile(r"[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# XML 1.0 forbids these characters outright, even escaped.
_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def visible(text: str) -> str:
    """Show control characters as \\xNN escapes and flatten line breaks to spaces."""
    text = text.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def json_line(obj: Any) -> str:
    """Return one line of JSON, readable Unicode kept, terminal-active characters escaped."""
    text = json.dumps(obj, ensure_ascii=False, separators=(", ", ": "))
    # These can only occur inside JSON strings, where \\uXXXX means the same character.
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def csv_cell(text: str) -> str:
    """Make a CSV cell inert: controls shown, and no formula a spreadsheet would run."""
    text = visible(text)
    if text[:1] in ("=", "+", "-", "@"):
        # OWASP's advice: a leading apostrophe makes the cell plain text.
        return "'" + text
    return text


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
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text.replace("\t", " "))
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def gh_property(text: str) -> str:
    """Escape a property value (file=, title=) of a GitHub Actions workflow command."""
    return gh_data(text).replace(":", "%3A").replace(",", "%2C")
