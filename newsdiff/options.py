"""The tuning of a comparison, named and typed (re-exported as newsdiff.Options)."""

from __future__ import annotations

from dataclasses import dataclass

from newsdiff.text.budget import DEFAULT_MAX_SENTENCES


@dataclass(frozen=True)
class Options:
    """Tuning of the comparison; the defaults are what the benchmarks measure."""

    # Weighted Dice similarity at which two sentences (and a group, on average) link.
    link_threshold: float = 0.3
    # Group similarity at and above which a group without signals is "shared".
    shared_threshold: float = 0.7
    # Factor on a link between sentences that name different numbers, names or days of the
    # week, none shared, and between two reports' headlines (align/evidence.py).
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
    # Least link score of two sentences that quote the same five words or more in a row
    # (evidence.QUOTE_WORDS): a quote reproduced word for word is one statement.
    quote_link: float = 0.5
    # Most sentences (of all reports together) aligned in one comparison; None: no limit.
    # Aligning grows with their square; see newsdiff/limits.py and docs/limits.md.
    max_sentences: int | None = DEFAULT_MAX_SENTENCES
