"""Content sentences prepared for alignment: tokens (acronyms merged) and weighted bags."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from newsdiff.align.evidence import overlapping, quote_shingles, quote_spans, weekdays
from newsdiff.model import Document
from newsdiff.text.names import apply_acronyms, learn_acronyms
from newsdiff.text.sentence_words import SentenceWords
from newsdiff.text.words import Token, background_weight

# A token's weight is counted in halves (background_weight x 2), so that the topic factor
# below is not rounded away.
WEIGHT_SCALE = 2
# A word in more than this share of its report's sentences is the report's topic (the
# person or thing every fact is about), not what tells one fact from another ...
_TOPIC_SHARE = 0.1
# ... in a report of at least this many sentences (fewer tell no topic from a fact) ...
_TOPIC_SENTENCES = 10
# ... and keeps this share of its weight at least (it weighs by log(1/share) / log(10)).
_TOPIC_FLOOR = 0.25


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

    A token weighs by its rarity in English (background_weight), less when it occurs in
    many sentences of its own report (the report's topic).

    `words`: the comparison's tokens (shared with classification); made here when not given.
    """
    words = SentenceWords(documents) if words is None else words
    acronyms = learn_acronyms(d.text for d in documents)
    prepared: list[tuple[int, int, str, list[Token], str, frozenset[str]]] = []
    for d, doc in enumerate(documents):
        spans = quote_spans(doc.text)
        for s in doc.content_sentences():
            toks = apply_acronyms(words.tokens(doc, s.index), acronyms)
            quoted = quote_shingles(toks, overlapping(spans, s.start, s.end))
            prepared.append((d, s.index, s.script, toks, s.text, quoted))
    # In how many sentences of its report each token occurs.
    df: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    size: dict[int, int] = defaultdict(int)
    for d, _, _, toks, _, _ in prepared:
        size[d] += 1
        for n in {t.norm for t in toks}:
            df[d][n] += 1
    units = []
    for d, i, script, toks, text, quoted in prepared:
        weights: dict[str, int] = {}
        for t in toks:
            w = background_weight(t)
            if w <= 0:
                continue
            share = df[d][t.norm] / size[d]
            if share > _TOPIC_SHARE and size[d] >= _TOPIC_SENTENCES:
                # Only the report's own sentences count: a link between two reports does
                # not depend on a third.
                w *= max(_TOPIC_FLOOR, math.log(share) / math.log(_TOPIC_SHARE))
            q = max(1, round(w * WEIGHT_SCALE))
            if q > weights.get(t.norm, 0):
                weights[t.norm] = q
        if not weights:
            # A sentence without content words (":", "😀", "It was.") links to nothing, so a
            # report compared with itself had unique groups. Key it on its folded text: exact
            # copies align, nothing else does (no real token starts with NUL).
            weights["\x00" + " ".join(text.casefold().split())] = 1
        units.append(Unit(d, i, script, tuple(toks), weights, quoted, weekdays(toks)))
    return units
