"""What the file renderers share: which groups to show and how to name things."""

from __future__ import annotations

from newsdiff.model import Comparison, Group, Signal
from newsdiff.render import RenderOptions


def visible_groups(comparison: Comparison, options: RenderOptions) -> list[Group]:
    """Return the groups to show, in the comparison's order, after the signal filter."""
    wanted = options.signal_filter
    if wanted is None:
        return list(comparison.groups)
    return [g for g in comparison.groups if any(s.type in wanted for s in g.signals)]


def signal_line(signal: Signal) -> str:
    """Return one signal as `type: detail` (raw text: escape it for the medium)."""
    return f"{signal.type}: {signal.detail}" if signal.detail else signal.type


def signals_text(group: Group) -> str:
    """Return a group's signals on one line, separated by semicolons (raw text)."""
    return "; ".join(signal_line(s) for s in group.signals)


def coverage_text(comparison: Comparison, group: Group) -> str:
    """Return a group's coverage as `k/N`."""
    return f"{group.coverage}/{len(comparison.documents)}"


def similarity_text(group: Group) -> str:
    """Return a group's similarity with the precision of the JSON contract."""
    return f"{group.similarity:.4f}"
