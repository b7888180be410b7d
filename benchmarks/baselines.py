"""Simple aligners that newsdiff is measured against, in the same run and the same metrics.

Each baseline scores every pair of sentences from different documents, then joins them
best-first: the most similar pair first, a group never holds two sentences of one
document, and a merge is kept only while the average similarity over all pairs of the
merged group stays at or above the threshold. "Link everything" puts every sentence of a
run into one group (the ceiling of recall and the floor of precision).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from benchmarks.evalkit import Alignment, PGroup

Spans = tuple[tuple[int, int], ...]
Segmenter = Callable[[str], Spans]

_WORD = re.compile(r"[^\W_]+")


# ---------------------------------------------------------------------------------------
# Sentences


@cache
def _punkt() -> Any:
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    # Empty parameters: no abbreviation list, nothing downloaded; what the reference used.
    return PunktSentenceTokenizer(PunktParameters())


def punkt_spans(text: str) -> Spans:
    """Split with nltk's Punkt and empty parameters (the eval README's reference setup)."""
    return tuple((s, e) for s, e in _punkt().span_tokenize(text))


def newsdiff_spans(text: str) -> Spans:
    """Split with newsdiff's own segmenter (every sentence, boilerplate included)."""
    from newsdiff.text.segment import segment

    return tuple((s.start, s.end) for s in segment(text))


def newsdiff_segmenter_available() -> bool:
    """Return whether newsdiff.segment.segment can be imported."""
    try:
        from newsdiff.text.segment import segment  # noqa: F401
    except ImportError:
        return False
    return True


def segmenter(name: str) -> Segmenter:
    """Return the segmenter called `name` ("punkt", "newsdiff" or "auto")."""
    if name == "auto":
        name = "newsdiff" if newsdiff_segmenter_available() else "punkt"
    if name == "punkt":
        return punkt_spans
    if name == "newsdiff":
        return newsdiff_spans
    raise ValueError(f"unknown segmenter {name!r}")


# ---------------------------------------------------------------------------------------
# Similarity matrices over all sentences of a run


def words(text: str) -> list[str]:
    """Return the case-folded words of a text."""
    return _WORD.findall(text.casefold())


@cache
def _stemmer() -> Any:
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


def stems(text: str) -> list[str]:
    """Return the Snowball stems of a text's words."""
    stem = _stemmer().stem
    return [stem(w) for w in words(text)]


def tfidf_matrix(sentences: Sequence[str]) -> Any:
    """Return cosine similarities of tf-idf vectors; idf is learned from the run's sentences."""
    import numpy as np

    bags = [words(s) for s in sentences]
    vocab: dict[str, int] = {}
    for bag in bags:
        for w in bag:
            vocab.setdefault(w, len(vocab))
    n = len(bags)
    tf = np.zeros((n, max(len(vocab), 1)))
    for i, bag in enumerate(bags):
        for w in bag:
            tf[i, vocab[w]] += 1
    df = (tf > 0).sum(axis=0)
    # Smoothed idf (as scikit-learn's default): words in every sentence still count a little.
    idf = np.log((1 + n) / (1 + df)) + 1
    vec = tf * idf
    norms = np.linalg.norm(vec, axis=1)
    norms[norms == 0] = 1
    vec /= norms[:, None]
    return vec @ vec.T


def rapidfuzz_matrix(sentences: Sequence[str]) -> Any:
    """Return rapidfuzz token_sort_ratio / 100 between the sentences' stem strings."""
    from rapidfuzz import fuzz, process

    stemmed = [" ".join(stems(s)) for s in sentences]
    return process.cdist(stemmed, stemmed, scorer=fuzz.token_sort_ratio, workers=1) / 100.0


# ---------------------------------------------------------------------------------------
# Grouping


def join_best_first(doc_of: Sequence[int], sim: Any, threshold: float) -> list[list[int]]:
    """Join sentences best-first into groups of at most one sentence per document."""
    import numpy as np

    n = len(doc_of)
    docs = np.asarray(doc_of)
    upper = np.triu(np.ones((n, n), dtype=bool), k=1) & (docs[:, None] != docs[None, :])
    ii, jj = np.nonzero(upper & (sim >= threshold))
    # Most similar first; ties broken by position so the result is deterministic.
    order = np.lexsort((jj, ii, -sim[ii, jj]))
    group = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    doc_sets: dict[int, set[int]] = {i: {doc_of[i]} for i in range(n)}
    total = {i: 0.0 for i in range(n)}  # sum of similarities over the group's pairs
    for k in order:
        a, b = group[ii[k]], group[jj[k]]
        if a == b or doc_sets[a] & doc_sets[b]:
            continue
        ma, mb = members[a], members[b]
        cross = float(sim[np.ix_(ma, mb)].sum())
        pairs = (len(ma) + len(mb)) * (len(ma) + len(mb) - 1) // 2
        merged_total = total[a] + total[b] + cross
        if merged_total / pairs < threshold:
            continue
        for i in mb:
            group[i] = a
        ma.extend(mb)
        doc_sets[a] |= doc_sets.pop(b)
        total[a] = merged_total
        del members[b], total[b]
    return [sorted(m) for _, m in sorted(members.items())]


def _average(sim: Any, ids: Sequence[int]) -> float:
    """Return the average similarity over all pairs of a group (1.0 for one sentence)."""
    if len(ids) < 2:
        return 1.0
    block = sim[ids][:, ids]
    pairs = len(ids) * (len(ids) - 1)
    return float((block.sum() - block.trace()) / pairs)


@dataclass(frozen=True)
class Baseline:
    """A baseline aligner: a similarity, a join threshold and a shared/divergent cut."""

    key: str
    name: str
    similarity: Callable[[Sequence[str]], Any] | None  # None: link everything
    threshold: float
    shared_at: float
    segment: Segmenter

    def __call__(self, named_texts: Sequence[tuple[str, str]]) -> Alignment:
        """Align named texts into groups (the evalkit.System interface)."""
        spans = tuple(self.segment(text) for _, text in named_texts)
        flat = [(d, i) for d, doc in enumerate(spans) for i in range(len(doc))]
        texts = [named_texts[d][1][s:e] for d, doc in enumerate(spans) for s, e in doc]
        if self.similarity is None:
            groups = [list(range(len(flat)))] if flat else []
            sim = None
        else:
            sim = self.similarity(texts)
            groups = join_best_first([d for d, _ in flat], sim, self.threshold)
        out = []
        for ids in groups:
            by_doc: dict[int, list[int]] = {}
            for k in ids:
                d, i = flat[k]
                by_doc.setdefault(d, []).append(i)
            avg = 1.0 if sim is None else _average(sim, ids)
            if len(by_doc) < 2:
                kind = "unique"
            else:
                kind = "shared" if avg >= self.shared_at else "divergent"
            members = tuple((d, tuple(sorted(s))) for d, s in sorted(by_doc.items()))
            out.append(PGroup(kind, avg, members))
        return Alignment(spans, tuple(out))


def baselines(seg: Segmenter) -> list[Baseline]:
    """Return the baselines of the eval README, splitting sentences with `seg`."""
    return [
        Baseline("all", "link everything", None, -math.inf, math.inf, seg),
        Baseline("tfidf", "tf-idf cosine >= 0.2", tfidf_matrix, 0.2, 0.8, seg),
        Baseline("rapidfuzz", "rapidfuzz stems >= 0.5", rapidfuzz_matrix, 0.5, 0.8, seg),
    ]
