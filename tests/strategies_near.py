"""Hypothesis strategies of near-copies: many reports of sentences that differ in a number.

The aligner's costly shape (issue 16): every sentence resembles every other, so links
are many and ties are everywhere. Used by tests/test_align_bounds.py and benchmarks/fuzz.py.
"""

from __future__ import annotations

from hypothesis import strategies as st

_TEMPLATES = (
    "The storm flooded the river town on Monday and officials said {n} people were moved.",
    "Police said {n} people were hurt in the blast at school number {m}.",
    "NASA said item {n} rose by {m} percent",
    "{n} {m}.",
)
_SEPARATORS = (" ", "\n", "\n\n", "  ")


@st.composite
def near_copy_reports(draw: st.DrawFn, max_reports: int = 8, max_sentences: int = 8) -> list[str]:
    """Return 2+ reports of one or two templates whose numbers vary (and sometimes repeat)."""
    templates = draw(st.lists(st.sampled_from(_TEMPLATES), min_size=1, max_size=2, unique=True))
    number = st.integers(min_value=0, max_value=30)
    n = draw(st.integers(min_value=2, max_value=max_reports))
    out = []
    for _ in range(n):
        k = draw(st.integers(min_value=1, max_value=max_sentences))
        parts = []
        for _ in range(k):
            template = draw(st.sampled_from(templates))
            parts.append(template.format(n=draw(number), m=draw(number)))
            parts.append(draw(st.sampled_from(_SEPARATORS)))
        out.append("".join(parts))
    return out
