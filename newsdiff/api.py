"""The public API: compare documents and get a Comparison."""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence

from newsdiff.errors import UsageError
from newsdiff.model import Comparison, Document
from newsdiff.options import Options as Options
from newsdiff.sources import load as load
from newsdiff.sources.files import DEFAULT_MAX_BYTES, check_text
from newsdiff.text.budget import DEFAULT_MAX_SENTENCES

DocInput = str | tuple[str, str] | Document


def _as_documents(docs: Sequence[DocInput] | Mapping[str, str]) -> list[Document]:
    """Accept texts, (name, text) pairs, a {name: text} mapping or Documents."""
    items: list[DocInput] = list(docs.items()) if isinstance(docs, Mapping) else list(docs)
    out = []
    for i, item in enumerate(items, 1):
        if isinstance(item, Document):
            out.append(item)
        elif isinstance(item, str):
            out.append(Document(id=f"doc{i}", text=item))
        elif isinstance(item, tuple) and len(item) == 2:
            out.append(Document(id=str(item[0]), text=str(item[1])))
        else:
            raise UsageError(f"document {i}: expected text, (name, text) or Document")
    return out


def read(
    paths: Iterable[str | os.PathLike[str]],
    *,
    encoding: str | None = None,
    text_field: str = "text",
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_sentences: int | None = DEFAULT_MAX_SENTENCES,
) -> Iterator[Document]:
    """Read reports one at a time and split each into sentences, stopping past the budget.

    Too many sentences stop the reading before the remaining files are even loaded (200
    large files must not fill the memory first); `compare` does not split them again.
    """
    from newsdiff.sources import iter_documents
    from newsdiff.text.budget import SentenceBudget

    budget = SentenceBudget(max_sentences)
    for doc in iter_documents(paths, encoding, text_field, max_bytes):
        yield budget.take(doc)


def compare(
    docs: Sequence[DocInput] | Mapping[str, str], options: Options | None = None
) -> Comparison:
    """Compare two or more reports and return their aligned, classified sentence groups."""
    from newsdiff.align.group import AlignParams, align
    from newsdiff.classify import classify
    from newsdiff.spans import mark_spans
    from newsdiff.text.budget import SentenceBudget
    from newsdiff.text.sentence_words import SentenceWords

    opts = options or Options()
    documents = _as_documents(docs)
    if len(documents) < 2:
        raise UsageError(f"need at least two reports to compare, got {len(documents)}")
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    segmented = []
    budget = SentenceBudget(opts.max_sentences)
    for doc in documents:
        check_text(doc.text, doc.path or doc.id)
        # Split report by report (unless `read` did), and stop before aligning when there
        # are too many sentences.
        segmented.append(budget.take(doc))
    t1 = time.perf_counter()
    timings["segment"] = t1 - t0
    # Each sentence's words, tokenised once for alignment, classification and signals.
    words = SentenceWords(segmented)
    aligned = align(segmented, AlignParams.from_options(opts), words)
    t2 = time.perf_counter()
    timings.update(aligned.timings, align=t2 - t1)
    classified = classify(segmented, aligned.groups, opts.shared_threshold, words)
    timings.update(signals=classified.signals_seconds)
    # What differs within each group, marked once here so every format paints the same words.
    groups = mark_spans(segmented, classified.groups, words)
    timings["classify"] = time.perf_counter() - t2
    return Comparison(
        documents=tuple(segmented),
        groups=groups,
        timings=timings,
        conflict_penalty=opts.conflict_penalty,
    )
