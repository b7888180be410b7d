"""Turn aligned groups into classified, ordered Groups with signals."""

from __future__ import annotations

import time
from collections.abc import Sequence

from newsdiff import signals
from newsdiff.align.group import RawGroup
from newsdiff.model import Document, Evidence, Group, Kind, Member, Signal
from newsdiff.text.diff import changed_spans


def kind_of(coverage: int, similarity: float, has_signals: bool, shared_threshold: float) -> Kind:
    """Return a group's kind: unique (one report), shared, or divergent."""
    if coverage < 2:
        return "unique"
    if has_signals or similarity < shared_threshold:
        return "divergent"
    return "shared"


def reading_order(raw: Sequence[RawGroup], n_docs: int) -> list[int]:
    """Order groups as the first report reads, others' sentences beside their neighbours."""
    group_at: dict[tuple[int, int], int] = {}
    for gi, g in enumerate(raw):
        for d, sents in g.members:
            for s in sents:
                group_at[(d, s)] = gi
    # Each report's grouped sentences, gathered once (not a scan of all per report).
    by_doc: dict[int, list[int]] = {}
    for dd, s in group_at:
        by_doc.setdefault(dd, []).append(s)
    keys: dict[int, tuple[float, ...]] = {}
    for d in range(n_docs):
        positions = sorted(by_doc.get(d, ()))
        groups = [group_at[(d, s)] for s in positions]
        placed_before = {gi for gi in groups if gi in keys}
        # The key of the last group an earlier report placed: this report's own sentences
        # follow it, keyed (anchor, report, position) so keys stay short however long
        # a run of unaligned sentences is.
        anchor: tuple[float, ...] | None = None
        for i, (s, gi) in enumerate(zip(positions, groups, strict=True)):
            if gi in placed_before:
                anchor = keys[gi]
                continue
            if gi in keys:
                continue
            if d == 0:
                keys[gi] = (s,)
            elif anchor is not None:
                keys[gi] = (*anchor, d, s)
            else:
                # A report's opening sentences go just before the first group they lead to.
                nxt = next((keys[g] for g in groups[i + 1 :] if g in placed_before), None)
                base = (*nxt[:-1], nxt[-1] - 0.5) if nxt else (float("inf"),)
                keys[gi] = (*base, d, s)
    return sorted(range(len(raw)), key=lambda gi: keys[gi])


def _differing_words(documents: Sequence[Document], m: Member, other: Member) -> list[Evidence]:
    """Return the words of member `m` that member `other` does not share."""
    doc, odoc = documents[m.doc], documents[other.doc]
    start, end = doc.sentences[m.sentences[0]].start, doc.sentences[m.sentences[-1]].end
    ostart = odoc.sentences[other.sentences[0]].start
    oend = odoc.sentences[other.sentences[-1]].end
    out = []
    for span in changed_spans(doc.text[start:end], start, odoc.text[ostart:oend], ostart):
        sent = next(i for i in m.sentences if doc.sentences[i].end >= span.end)
        out.append(Evidence(m.doc, sent, span.start, span.end, doc.text[span.start : span.end]))
    return out


def wording_signal(
    documents: Sequence[Document], members: Sequence[Member], similarity: float
) -> Signal:
    """Explain a divergent group no typed signal explains: its words differ too much.

    The evidence compares the member that differs most from a reference member (the first
    in the canonical order of report texts, so the choice does not depend on file order).
    """
    ordered = sorted(members, key=lambda m: (documents[m.doc].text, m.doc))
    ref = ordered[0]
    best: tuple[Member, list[Evidence]] | None = None
    for m in ordered[1:]:
        words = _differing_words(documents, m, ref)
        if best is None or len(words) > len(best[1]):
            best = (m, words)
    assert best is not None  # a divergent group has at least two members
    other, words = best
    evidence = sorted(
        [*_differing_words(documents, ref, other), *words], key=lambda e: (e.doc, e.start)
    )
    docs = tuple(sorted((ref.doc, other.doc)))
    detail = f"worded differently (similarity {similarity:.2f})"
    return Signal("wording", detail, docs, tuple(evidence))


def classify(
    documents: Sequence[Document],
    raw: Sequence[RawGroup],
    shared_threshold: float,
    timings: dict[str, float] | None = None,
) -> tuple[Group, ...]:
    """Classify each group, attach its signals, and number them in reading order."""
    out = []
    spent = 0.0
    # Each document's words for the signals, found once for all its groups.
    context = signals.Context(documents)
    for idx, gi in enumerate(reading_order(raw, len(documents))):
        g = raw[gi]
        members = tuple(Member(d, s) for d, s in g.members)
        coverage = len(members)
        t0 = time.perf_counter()
        sigs = signals.detect(documents, members, context) if coverage >= 2 else ()
        spent += time.perf_counter() - t0
        kind = kind_of(coverage, g.similarity, bool(sigs), shared_threshold)
        if kind == "shared":
            sigs = ()
        elif kind == "divergent" and not sigs:
            sigs = (wording_signal(documents, members, g.similarity),)
        out.append(Group(idx, kind, coverage, g.similarity, members, sigs))
    if timings is not None:
        timings["signals"] = spent
    return tuple(out)
