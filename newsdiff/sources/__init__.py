"""Read report files of any supported kind (text, saved web page, JSON Lines) into Documents."""

from __future__ import annotations

import os
from pathlib import Path

from newsdiff.model import Document
from newsdiff.sources.files import DEFAULT_MAX_BYTES

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})


def kind_of(path: str) -> str:
    """Return the input kind a path is read as: "html", "jsonl" or "text" (by its suffix)."""
    suffix = Path(path).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return "text"


def read_documents(
    path: str | os.PathLike[str],
    name: str | None = None,
    encoding: str | None = None,
    text_field: str = "text",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[Document]:
    """Read one input into its Documents: one for text and HTML, one per line for JSON Lines."""
    spath = os.fspath(path)
    kind = kind_of(spath)
    if kind == "html":
        from newsdiff.sources.html import load_html

        return [load_html(spath, name=name, encoding=encoding, max_bytes=max_bytes)]
    if kind == "jsonl":
        from newsdiff.sources.jsonl import load_jsonl

        return load_jsonl(spath, encoding=encoding, text_field=text_field, max_bytes=max_bytes)
    from newsdiff.sources.files import load

    return [load(spath, name=name, encoding=encoding, max_bytes=max_bytes)]
