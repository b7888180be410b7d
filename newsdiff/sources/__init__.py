"""Read report files of any supported kind (text, saved web page, JSON Lines) into Documents.

This is the one loader: the API, `compare`, `segment`, `corpus` and `check` all read through
`read_documents` (one path) or `iter_documents` (several, uniquely named).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from newsdiff.errors import InputError, UsageError
from newsdiff.model import Document
from newsdiff.sources.files import DEFAULT_MAX_BYTES, STDIN, check_text, label_of, name_of

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
    from newsdiff.sources.files import decode_text, read_bytes

    label = label_of(spath)
    text = decode_text(read_bytes(spath, max_bytes), label, encoding)
    check_text(text, label)
    return [Document(id=name or name_of(spath), text=text, path=spath)]


def load(
    path: str | os.PathLike[str],
    name: str | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    text_field: str = "text",
) -> Document:
    """Read one report (text, saved web page, a one-article JSON Lines file, or "-")."""
    docs = read_documents(path, name, encoding, text_field, max_bytes)
    if len(docs) != 1:
        raise InputError(
            f"{label_of(os.fspath(path))}: holds {len(docs)} articles, not one; "
            "read them all with newsdiff.sources.read_documents"
        )
    if name is not None:
        return replace(docs[0], id=name)
    return docs[0]


def unique_names(docs: Iterable[Document]) -> Iterator[Document]:
    """Rename a report whose name an earlier one took to "name (2)", "name (3)", ...

    The one naming rule of newsdiff: the first report keeps its name, and the path of
    each (`--format json`) still says where it came from.
    """
    taken: set[str] = set()
    for doc in docs:
        name, n = doc.id, 1
        while name in taken:
            n += 1
            name = f"{doc.id} ({n})"
        taken.add(name)
        yield doc if name == doc.id else replace(doc, id=name)


def iter_documents(
    paths: Iterable[str | os.PathLike[str]],
    encoding: str | None = None,
    text_field: str = "text",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Document]:
    """Read inputs one after the other into uniquely named Documents, lazily."""
    spaths = [os.fspath(p) for p in paths]
    # Standard input can be read once only.
    if spaths.count(STDIN) > 1:
        raise UsageError("only one report can come from stdin (-)")
    yield from unique_names(
        doc
        for p in spaths
        for doc in read_documents(p, encoding=encoding, text_field=text_field, max_bytes=max_bytes)
    )
