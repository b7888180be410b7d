"""Limits that keep a comparison's time and memory predictable, checked before the work.

Reading and splitting into sentences grow linearly with the input (about 0.4 s and 10 MB
per MB of text), but aligning compares sentences of different reports pairwise: its time
and memory grow with the square of the sentences when the reports share many words. So
the number of sentences to align is capped (docs/limits.md has the measurements), and
the cap is checked report by report as they are split, before anything is aligned.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from newsdiff.errors import InputError
from newsdiff.model import Document

# Content sentences (not boilerplate) of all reports of one comparison together.
DEFAULT_MAX_SENTENCES = 5_000


@dataclass
class SentenceBudget:
    """Count the sentences to align, report by report, and stop past the limit."""

    # None or 0: no limit.
    limit: int | None = DEFAULT_MAX_SENTENCES
    used: int = 0

    def take(self, doc: Document) -> Document:
        """Return the document split into sentences; raise InputError past the limit."""
        from newsdiff.text.segment import segment

        if not doc.sentences:
            doc = replace(doc, sentences=segment(doc.text))
        self.used += sum(1 for s in doc.sentences if not s.boilerplate)
        if self.limit and self.used > self.limit:
            raise InputError(
                f"{doc.path or doc.id}: the reports hold more than {self.limit:,} sentences to "
                f"align ({self.used:,} up to this one; time and memory grow with their square); "
                "raise the limit with --max-sentences"
            )
        return doc
