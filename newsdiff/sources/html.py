"""Saved web pages: decode them as a browser would and extract the article's main text."""

from __future__ import annotations

import re
from typing import Any

from newsdiff.errors import InputError
from newsdiff.model import Document
from newsdiff.sources.files import (
    DEFAULT_MAX_BYTES,
    bom_encoding,
    check_text,
    decode,
    label_of,
    name_of,
    read_bytes,
)

INSTALL_HINT = "install the HTML extra: pip install 'newsdiff[html]'"

# The charset a page declares in its first bytes (<meta charset> or http-equiv).
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    """Return the charset a page declares in a <meta> tag of its first 4 KB, if any."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def decode_html(data: bytes, label: str, encoding: str | None = None) -> str:
    """Decode a page: a BOM wins (as in HTML5), then --encoding, its <meta charset>, UTF-8."""
    if encoding is not None or bom_encoding(data) is not None:
        return decode(data, label, encoding)
    declared = declared_charset(data)
    if declared is None or declared in ("utf-8", "utf8"):
        return decode(data, label)
    try:
        return decode(data, label, declared)
    except InputError as exc:
        raise InputError(f"{exc} (declared by the page); override it with --encoding") from None


def _trafilatura() -> Any:
    """Import trafilatura, or say how to install it."""
    try:
        import trafilatura
    except ImportError as exc:
        if isinstance(exc, ModuleNotFoundError) and exc.name == "trafilatura":
            why = "which is not installed"
        else:
            # e.g. lxml >= 5.2 moved lxml.html.clean out, and trafilatura's jusText needs it.
            first = str(exc.args[0]) if exc.args else type(exc).__name__
            why = f"which cannot be imported ({first.splitlines()[0]})"
        raise InputError(f"reading HTML needs trafilatura, {why}; {INSTALL_HINT}") from None
    return trafilatura


def extract_text(html: str, label: str) -> str:
    """Return the main text of a page (paragraphs on their own lines), as trafilatura finds it."""
    trafilatura = _trafilatura()
    text = trafilatura.extract(
        html,
        output_format="txt",
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        with_metadata=False,
        deduplicate=False,
    )
    if not text or not text.strip():
        raise InputError(f"{label}: no article text found in this page")
    return str(text)


def load_html(
    path: str,
    name: str | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Read a saved web page into a Document whose text (and offsets) is the extracted article."""
    # Fail on a missing extra before reading anything, with the install command.
    _trafilatura()
    label = label_of(path)
    page = decode_html(read_bytes(path, max_bytes), label, encoding)
    text = extract_text(page, label)
    check_text(text, label)
    return Document(id=name or name_of(path), text=text, path=path)
