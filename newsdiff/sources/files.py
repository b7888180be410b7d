"""Read inputs into Documents: decoding with clear errors, original text kept exactly."""

from __future__ import annotations

import codecs
import os
import sys
import unicodedata
from pathlib import Path

from newsdiff.errors import InputError
from newsdiff.model import Document

# A news report is a few kilobytes; this bound keeps memory and time predictable.
DEFAULT_MAX_BYTES = 8 * 1024 * 1024

# Byte order marks and the codec of what follows them (UTF-32 before UTF-16: FF FE 00 00).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a file (or "-" for standard input) whole, failing clearly past `max_bytes`."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        label = "<stdin>"
    else:
        p = Path(path)
        label = path
        try:
            # exists() raises too, for a name too long or a path through a locked folder.
            if not p.exists():
                raise InputError(f"{label}: no such file")
            if p.is_dir():
                raise InputError(f"{label}: is a directory, not a file")
            with p.open("rb") as fh:
                data = fh.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(f"{label}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(
            f"{label}: larger than the limit of {max_bytes:,} bytes (raise it with --max-bytes)"
        )
    return data


def _check_encoding(name: str, label: str) -> None:
    """Reject an encoding Python does not know, or a codec that does not decode to text."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise InputError(f"{label}: unknown encoding {name!r}") from None
    # rot13, base64, zlib... are codecs too, but bytes.decode refuses them (LookupError).
    if not getattr(info, "_is_text_encoding", True):
        raise InputError(f"{label}: {name!r} is not a text encoding")


def decode(data: bytes, label: str, encoding: str | None = None) -> str:
    """Decode bytes: a BOM wins, then the given encoding or UTF-8; never guess silently."""
    if encoding is not None:
        _check_encoding(encoding, label)
    chosen, skip, why = encoding, 0, ""
    for bom, name in _BOMS:
        if data.startswith(bom):
            # The BOM is dropped before decoding so that error offsets count from the file's
            # first byte (utf-8-sig counted from after the BOM).
            chosen, skip, why = name, len(bom), " (named by its byte order mark)"
            break
    if chosen is None:
        if b"\x00" in data[:8192]:
            raise InputError(
                f"{label}: looks like a binary file (it holds NUL bytes); if it is UTF-16 "
                "without a byte order mark, name it with --encoding utf-16-le (or -be)"
            )
        chosen = "utf-8"
    try:
        text = data[skip:].decode(chosen)
    except UnicodeDecodeError as exc:
        hint = "" if encoding or skip else "; if it is not UTF-8, name its encoding with --encoding"
        raise InputError(
            f"{label}: cannot decode as {chosen}{why} at byte {skip + exc.start}{hint}"
        ) from None
    except UnicodeError as exc:
        # Codecs such as idna, punycode or "undefined" raise the base class, without offset.
        raise InputError(f"{label}: cannot decode as {chosen} ({exc})") from None
    if "\x00" in text:
        raise InputError(f"{label}: looks like a binary file (it holds NUL characters)")
    return text


def check_text(text: str, label: str) -> None:
    """Reject a document with nothing to compare in it (only spaces or invisible marks)."""
    if not "".join(ch for ch in text if unicodedata.category(ch) != "Cf").strip():
        raise InputError(f"{label}: is empty (nothing to compare)")


def load(
    path: str | os.PathLike[str],
    name: str | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Read a file (or "-" for standard input) into an unsegmented Document."""
    spath = os.fspath(path)
    data = read_bytes(spath, max_bytes)
    label = "<stdin>" if spath == "-" else spath
    doc_id = name or ("stdin" if spath == "-" else Path(spath).name)
    text = decode(data, label, encoding)
    check_text(text, label)
    return Document(id=doc_id, text=text, path=spath)
