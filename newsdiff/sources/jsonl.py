"""JSON Lines of articles (`{"id", "title", "text", "source"}` per line): one Document each."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsdiff.errors import InputError
from newsdiff.model import Document
from newsdiff.sources.files import DEFAULT_MAX_BYTES, decode


def _doc_id(record: dict[str, Any], fallback: str) -> str:
    """Return an article's name: its id, else its source, else the file and line."""
    for key in ("id", "source"):
        value = record.get(key)
        if value is not None and str(value).strip():
            return str(value).strip()
    return fallback


def parse_jsonl(
    text: str, label: str, text_field: str = "text", path: str | None = None
) -> list[Document]:
    """Parse decoded JSON Lines into Documents; blank lines are skipped, bad ones fail by number."""
    stem = Path(label).stem if path not in (None, "-") else "stdin"
    docs: list[Document] = []
    # Split on "\n" only: a JSON string may hold a raw U+2028, which splitlines() breaks at.
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{label}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from None
        if not isinstance(record, dict):
            raise InputError(
                f"{where}: expected a JSON object per line, got {type(record).__name__}"
            )
        if text_field not in record:
            fields = ", ".join(sorted(map(str, record))) or "none"
            raise InputError(
                f"{where}: no {text_field!r} field (fields: {fields}); choose one with --text-field"
            )
        body = record[text_field]
        if not isinstance(body, str):
            raise InputError(f"{where}: field {text_field!r} is not a string")
        if not body.strip():
            raise InputError(f"{where}: field {text_field!r} is empty (nothing to compare)")
        docs.append(
            Document(
                id=_doc_id(record, f"{stem}:{lineno}"),
                text=body,
                path=f"{path}:{lineno}" if path is not None else None,
            )
        )
    if not docs:
        raise InputError(f"{label}: holds no articles (no non-blank lines)")
    return docs


def load_jsonl(
    path: str,
    encoding: str | None = None,
    text_field: str = "text",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[Document]:
    """Read a JSON Lines file (or "-") of articles into one Document per line."""
    from newsdiff.sources.files import read_bytes

    label = "<stdin>" if path == "-" else path
    text = decode(read_bytes(path, max_bytes), label, encoding)
    return parse_jsonl(text, label, text_field=text_field, path=path)
