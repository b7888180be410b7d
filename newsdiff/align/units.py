"""Content sentences prepared for alignment: tokens (acronyms merged) and weighted bags."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsdiff.align.evidence import overlapping, quote_shingles, quote_spans, weekdays
from newsdiff.model import Document
from newsdiff.text.names import apply_acronyms
from newsdiff.text.sentence_words import SentenceWords
from newsdiff.text.words import Token, background_weight


@dataclass(frozen=True)
class Unit:
    """A content sentence prepared for scoring."""

    doc: int
    sent: int
    script: str
    tokens: tuple[Token, ...]
    weights: dict[str, int]
    # Runs of words quoted in this sentence (evidence.quote_shingles).
    quotes: frozenset[str] = frozenset()
    # Days of the week it names (evidence.weekdays).
    days: frozenset[int] = frozenset()


def build_units(documents: Sequence[Document], words: SentenceWords | None = None) -> list[Unit]:
    """Make every content sentence of every document a weighted bag of its tokens.

    `words`: the comparison's tokens (shared with classification); made here when not given.
    """
    words = SentenceWords(documents) if words is None else words
    acronyms = words.acronyms()
    prepared: list[tuple[int, int, str, list[Token], str, frozenset[str]]] = []
    for d, doc in enumerate(documents):
        spans = quote_spans(doc.text)
        for s in doc.content_sentences():
            toks = apply_acronyms(words.tokens(doc, s.index), acronyms)
            quoted = quote_shingles(toks, overlapping(spans, s.start, s.end))
            prepared.append((d, s.index, s.script, toks, s.text, quoted))
    units = []
    for d, i, script, toks, text, quoted in prepared:
        weights: dict[str, int] = {}
        for t in toks:
            w = background_weight(t)
            if w <= 0:
                continue
            q = max(1, round(w))
            if q > weights.get(t.norm, 0):
                weights[t.norm] = q
        if not weights:
            # A sentence without content words (":", "😀", "It was.") links to nothing, so a
            # report compared with itself had unique groups. Key it on its folded text: exact
            # copies align, nothing else does (no real token starts with NUL).
            weights["\x00" + " ".join(text.casefold().split())] = 1
        units.append(Unit(d, i, script, tuple(toks), weights, quoted, weekdays(toks)))
    return units
