"""JSON Lines of sentences, so users can check and pipe the segmentation (`newsdiff segment`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from newsdiff.model import Document
from newsdiff.render.escape import json_dumps


def sentence_records(doc: Document) -> Iterator[dict[str, Any]]:
    """Yield one record per sentence of a segmented document, with offsets and marks."""
    for s in doc.sentences:
        yield {
            "doc": doc.id,
            "path": doc.path,
            "index": s.index,
            "start": s.start,
            "end": s.end,
            "paragraph": s.paragraph,
            "boilerplate": s.boilerplate,
            "script": s.script,
            "text": s.text,
        }


def write_segments(docs: Iterable[Document], stream: TextIO) -> None:
    """Write every sentence of the documents as one JSON object per line."""
    for doc in docs:
        for record in sentence_records(doc):
            stream.write(json_dumps(record) + "\n")
