"""Read inputs into text: bytes with clear errors, decoding that never guesses silently."""

from __future__ import annotations

import codecs
import re
import stat
import sys
import unicodedata
from pathlib import Path
from typing import BinaryIO

from newsdiff.errors import InputError

# A news report is a few kilobytes; this bound keeps memory and time predictable.
DEFAULT_MAX_BYTES = 8 * 1024 * 1024

# The path that means standard input, and how messages and documents name it.
STDIN = "-"
STDIN_LABEL = "<stdin>"
STDIN_NAME = "stdin"

# Byte order marks and the codec of what follows them (UTF-32 before UTF-16: FF FE 00 00).
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Reads go in chunks, so that a huge --max-bytes never allocates its size up front.
_CHUNK = 1 << 20

# A UTF-16 text without a BOM whose code units all have ASCII-range bytes (CJK without
# spaces, say) decodes "fine" as UTF-8 into mojibake; see decode_text.
_UTF16_SUSPECT_BYTES = 16
_ASCII_WHITESPACE = re.compile(rb"[ \t\n\r\f\v]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def label_of(path: str) -> str:
    """Return how messages name an input: its path, or <stdin> for "-"."""
    return STDIN_LABEL if path == STDIN else path


def name_of(path: str) -> str:
    """Return a report's default name: its file name, or "stdin" for "-"."""
    return STDIN_NAME if path == STDIN else Path(path).name


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """Return the codec a byte order mark names and the BOM's length, if data starts with one."""
    for bom, name in BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def _read_at_most(fh: BinaryIO, limit: int) -> bytes:
    """Read until the end or just past `limit` bytes, in chunks."""
    parts: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = fh.read(min(_CHUNK, limit + 1 - size))
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a regular file (or "-" for standard input) whole, failing clearly past `max_bytes`."""
    label = label_of(path)
    if path == STDIN:
        data = _read_at_most(sys.stdin.buffer, max_bytes)
    else:
        p = Path(path)
        try:
            # stat() raises too, for a name too long or a path through a locked folder.
            try:
                mode = p.stat().st_mode
            except FileNotFoundError:
                raise InputError(f"{label}: no such file") from None
            if stat.S_ISDIR(mode):
                raise InputError(f"{label}: is a directory, not a file")
            if not stat.S_ISREG(mode):
                # Opening a FIFO with no writer waits forever; a device may never end.
                raise InputError(
                    f"{label}: not a regular file (a pipe, socket or device); "
                    "give it on standard input as - instead"
                )
            with p.open("rb") as fh:
                data = _read_at_most(fh, max_bytes)
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
    found = bom_encoding(data)
    if found is not None:
        # The BOM is dropped before decoding so that error offsets count from the file's
        # first byte (utf-8-sig counted from after the BOM).
        chosen, skip = found
        why = " (named by its byte order mark)"
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


def is_blank(text: str) -> bool:
    """Tell whether text holds nothing to compare (only spaces or invisible marks)."""
    stripped = text.strip()
    if not stripped or unicodedata.category(stripped[0]) != "Cf":
        # Nothing but spaces, or a visible first character: no need to look at each one.
        return not stripped
    return not "".join(ch for ch in text if unicodedata.category(ch) != "Cf").strip()


def decode_text(data: bytes, label: str, encoding: str | None = None) -> str:
    """Decode a plain-text report, refusing what looks like UTF-16 without a byte order mark."""
    # Pages and JSON Lines always hold ASCII markup, a NUL byte each in UTF-16, so only
    # plain text can pass as UTF-8 while being UTF-16: ASCII bytes, not one space or line
    # break (in UTF-16 those hold a NUL), too long to be a single word.
    if (
        encoding is None
        and bom_encoding(data) is None
        and len(data) >= _UTF16_SUSPECT_BYTES
        and len(data) % 2 == 0
        and data.isascii()
        and _ASCII_WHITESPACE.search(data) is None
    ):
        raise InputError(
            f"{label}: looks like UTF-16 without a byte order mark (read as UTF-8 it has no "
            "space or line break); name it with --encoding utf-16-le (or -be), or with "
            "--encoding utf-8 if it is one long word"
        )
    return decode(data, label, encoding)


def check_characters(text: str, label: str, what: str = "") -> None:
    """Reject text holding a lone surrogate (from a JSON escape such as \\ud800): no character."""
    m = _SURROGATE.search(text)
    if m is not None:
        raise InputError(
            f"{label}: {what}holds a lone surrogate U+{ord(m.group()):04X} at character "
            f"{m.start()} (a broken escape, not a character); fix the source"
        )


def check_text(text: str, label: str) -> None:
    """Reject a document with nothing to compare in it, or with a character that is none."""
    if is_blank(text):
        raise InputError(f"{label}: is empty (nothing to compare)")
    check_characters(text, label)
