"""The signals' views of group members: a document's sentence spans are listed once."""

from __future__ import annotations

from typing import Any

import pytest

import newsdiff
from benchmarks.limits import near_copies
from newsdiff.model import Document
from newsdiff.signals import context as signal_context


def test_views_list_a_documents_spans_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Check 2 reports of 300 sentences list their spans a few times, not once per group."""
    calls: list[int] = []
    real = signal_context.spans

    def counting(document: Document) -> Any:
        calls.append(len(document.sentences))
        return real(document)

    monkeypatch.setattr(signal_context, "spans", counting)
    comparison = newsdiff.compare(near_copies(2, 300))
    assert len(comparison.groups) >= 300
    # Once for the words of each document, once for the bounds: not 300 groups x 300.
    assert len(calls) <= 2 * len(comparison.documents)


def test_cached_bounds_are_the_documents_spans() -> None:
    """Check the cached bounds are the sentence spans, per document of the comparison."""
    comparison = newsdiff.compare(near_copies(3, 4))
    docs = comparison.documents
    ctx = signal_context.Context(docs)
    for i, d in enumerate(docs):
        assert ctx.bounds(i) == [(s.start, s.end) for s in d.sentences]
        assert ctx.bounds(i) is ctx.bounds(i)
