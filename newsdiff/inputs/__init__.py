"""Read report files of any supported kind (text, saved web page, JSON Lines) into Documents."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from newsdiff.errors import InputError
from newsdiff.load import DEFAULT_MAX_BYTES
from newsdiff.model import Document

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


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a file (or "-" for standard input) whole, failing clearly past `max_bytes`."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        label = "<stdin>"
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{path}: no such file")
        if p.is_dir():
            raise InputError(f"{path}: is a directory, not a file")
        try:
            with p.open("rb") as fh:
                data = fh.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
        label = path
    if len(data) > max_bytes:
        raise InputError(
            f"{label}: larger than the limit of {max_bytes:,} bytes (raise it with --max-bytes)"
        )
    return data


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
        from newsdiff.inputs.html import load_html

        return [load_html(spath, name=name, encoding=encoding, max_bytes=max_bytes)]
    if kind == "jsonl":
        from newsdiff.inputs.jsonl import load_jsonl

        return load_jsonl(spath, encoding=encoding, text_field=text_field, max_bytes=max_bytes)
    from newsdiff.load import load

    return [load(spath, name=name, encoding=encoding, max_bytes=max_bytes)]
