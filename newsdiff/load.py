"""Read inputs into Documents: decoding with clear errors, original text kept exactly."""

from __future__ import annotations

import codecs
import os
import sys
from pathlib import Path
from typing import BinaryIO

from newsdiff.errors import InputError
from newsdiff.model import Document

# A news report is a few kilobytes; this bound keeps memory and time predictable.
DEFAULT_MAX_BYTES = 8 * 1024 * 1024

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _read_bytes(stream: BinaryIO, label: str, max_bytes: int) -> bytes:
    """Read at most `max_bytes` from a stream, failing clearly past the bound."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(
            f"{label}: larger than the limit of {max_bytes:,} bytes (raise it with --max-bytes)"
        )
    return data


def decode(data: bytes, label: str, encoding: str | None = None) -> str:
    """Decode bytes: a BOM wins, then the given encoding or UTF-8; never guess silently."""
    chosen = encoding
    if chosen is None:
        for bom, name in _BOMS:
            if data.startswith(bom):
                chosen = name
                break
    if chosen is None:
        if b"\x00" in data[:8192]:
            raise InputError(f"{label}: looks like a binary file (it holds NUL bytes)")
        chosen = "utf-8"
    try:
        codecs.lookup(chosen)
    except LookupError:
        raise InputError(f"{label}: unknown encoding {chosen!r}") from None
    try:
        text = data.decode(chosen)
    except UnicodeDecodeError as exc:
        hint = "" if encoding else "; if it is not UTF-8, name its encoding with --encoding"
        raise InputError(f"{label}: cannot decode as {chosen} at byte {exc.start}{hint}") from None
    if chosen == "utf-8" and text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise InputError(f"{label}: looks like a binary file (it holds NUL characters)")
    return text


def check_text(text: str, label: str) -> None:
    """Reject a document with nothing to compare in it."""
    if not text.strip():
        raise InputError(f"{label}: is empty (nothing to compare)")


def load(
    path: str | os.PathLike[str],
    name: str | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Read a file (or "-" for standard input) into an unsegmented Document."""
    spath = os.fspath(path)
    if spath == "-":
        label = "<stdin>"
        data = _read_bytes(sys.stdin.buffer, label, max_bytes)
        doc_id = name or "stdin"
        doc_path = "-"
    else:
        p = Path(spath)
        label = spath
        if not p.exists():
            raise InputError(f"{label}: no such file")
        if p.is_dir():
            raise InputError(f"{label}: is a directory, not a file")
        try:
            with p.open("rb") as fh:
                data = _read_bytes(fh, label, max_bytes)
        except OSError as exc:
            raise InputError(f"{label}: cannot read ({exc.strerror or exc})") from None
        doc_id = name or p.name
        doc_path = spath
    text = decode(data, label, encoding)
    check_text(text, label)
    return Document(id=doc_id, text=text, path=doc_path)
