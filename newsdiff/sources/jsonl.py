"""JSON Lines of articles (`{"id", "title", "text", "source"}` per line): one Document each.

One rule for every reader of JSON Lines (`compare`, `segment`, `corpus`, `check`): an
article is named by its id field (a string or a number), else its `source`, else
`file:line` (`stdin:line` for standard input); its text must be a non-empty string of
real characters. A lone surrogate escape (`"\\ud800"`) is refused with the line's number
rather than replaced, because newsdiff never alters a report's text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsdiff.errors import InputError
from newsdiff.model import Document
from newsdiff.sources.files import (
    DEFAULT_MAX_BYTES,
    STDIN,
    STDIN_NAME,
    check_characters,
    decode,
    is_blank,
    label_of,
    read_bytes,
)

# The field tried after the id field to name an article (an outlet such as "reuters").
SOURCE_FIELD = "source"


def line_stem(path: str) -> str:
    """Return what names an unnamed article of this file before its line number."""
    return STDIN_NAME if path == STDIN else Path(path).stem


def _name(record: dict[str, Any], id_field: str, where: str) -> str | None:
    """Return an article's name from its id field or its source, if either holds one."""
    for key in (id_field, SOURCE_FIELD):
        value = record.get(key)
        # bool is an int subclass, but True as a name is surely a mistake.
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            continue
        name = str(value).strip()
        if name:
            check_characters(name, where, f"field {key!r} ")
            return name
    return None


def parse_record(
    line: str,
    path: str,
    lineno: int,
    text_field: str = "text",
    id_field: str = "id",
) -> Document:
    """Parse one JSON Lines article into a Document named by the JSON Lines naming rule."""
    where = f"{label_of(path)}:{lineno}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object per line, got {type(record).__name__}")
    if text_field not in record:
        fields = ", ".join(sorted(map(str, record))) or "none"
        raise InputError(
            f"{where}: no {text_field!r} field (fields: {fields}); choose one with --text-field"
        )
    body = record[text_field]
    if not isinstance(body, str):
        raise InputError(f"{where}: field {text_field!r} is not a string")
    if is_blank(body):
        raise InputError(f"{where}: field {text_field!r} is empty (nothing to compare)")
    check_characters(body, where, f"field {text_field!r} ")
    name = _name(record, id_field, where) or f"{line_stem(path)}:{lineno}"
    return Document(id=name, text=body, path=f"{path}:{lineno}")


def parse_jsonl(
    text: str, path: str, text_field: str = "text", id_field: str = "id"
) -> list[Document]:
    """Parse decoded JSON Lines into Documents; blank lines are skipped, bad ones fail by number."""
    docs: list[Document] = []
    # Split on "\n" only: a JSON string may hold a raw U+2028, which splitlines() breaks at.
    for lineno, line in enumerate(text.split("\n"), 1):
        if line.strip():
            docs.append(parse_record(line, path, lineno, text_field, id_field))
    if not docs:
        raise InputError(f"{label_of(path)}: holds no articles (no non-blank lines)")
    return docs


def load_jsonl(
    path: str,
    encoding: str | None = None,
    text_field: str = "text",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[Document]:
    """Read a JSON Lines file (or "-") of articles into one Document per line."""
    text = decode(read_bytes(path, max_bytes), label_of(path), encoding)
    return parse_jsonl(text, path, text_field=text_field)
