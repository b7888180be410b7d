"""The public API: compare documents and get a Comparison."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsdiff.errors import UsageError
from newsdiff.model import Comparison, Document
from newsdiff.sources.files import check_text
from newsdiff.sources.files import load as load
from newsdiff.text.budget import DEFAULT_MAX_SENTENCES

DocInput = str | tuple[str, str] | Document


@dataclass(frozen=True)
class Options:
    """Tuning of the comparison; the defaults are what the benchmarks measure."""

    # Weighted Dice similarity at which two sentences (and a group, on average) link.
    link_threshold: float = 0.3
    # Group similarity at and above which a group without signals is "shared".
    shared_threshold: float = 0.7
    # Factor on a link between sentences that name different numbers or names, none shared.
    conflict_penalty: float = 0.8
    # Share of a neighbouring sentence's weight another report must cover to join a group.
    split_containment: float = 0.6
    # Relative document affinity below which links between two reports are weakened
    # (reports of another event compared in the same run); 0 turns this off.
    affinity_floor: float = 0.25
    # Factor on links between reports of different stories.
    cross_story_penalty: float = 0.5
    # Average similarity a merged group must keep over all its pairs of reports.
    group_support: float = 0.3
    # Most sentences (of all reports together) aligned in one comparison; None: no limit.
    # Aligning grows with their square; see newsdiff/limits.py and docs/limits.md.
    max_sentences: int | None = DEFAULT_MAX_SENTENCES


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


def compare(
    docs: Sequence[DocInput] | Mapping[str, str], options: Options | None = None
) -> Comparison:
    """Compare two or more reports and return their aligned, classified sentence groups."""
    from newsdiff.align.group import AlignParams, align
    from newsdiff.classify import classify
    from newsdiff.spans import mark_spans
    from newsdiff.text.budget import SentenceBudget

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
        # Split report by report, and stop before aligning when there are too many sentences.
        segmented.append(budget.take(doc))
    t1 = time.perf_counter()
    timings["segment"] = t1 - t0
    params = AlignParams(
        opts.link_threshold,
        opts.conflict_penalty,
        opts.split_containment,
        opts.affinity_floor,
        opts.cross_story_penalty,
        opts.group_support,
    )
    raw = align(segmented, params, timings)
    t2 = time.perf_counter()
    timings["align"] = t2 - t1
    groups = classify(segmented, raw, opts.shared_threshold, timings)
    groups = mark_spans(segmented, groups)
    timings["classify"] = time.perf_counter() - t2
    return Comparison(documents=tuple(segmented), groups=groups, timings=timings)
