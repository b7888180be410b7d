"""Turn aligned groups into classified, ordered Groups with signals."""

from __future__ import annotations

import time
from collections.abc import Sequence

from newsdiff import signals
from newsdiff.align import RawGroup
from newsdiff.diff import changed_spans
from newsdiff.model import Document, Evidence, Group, Kind, Member, Signal


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
        for i, (s, gi) in enumerate(zip(positions, groups, strict=True)):
            if gi in keys:
                continue
            if d == 0:
                keys[gi] = (s,)
            elif i > 0:
                # After the group of the sentence before it in its own report.
                keys[gi] = (*keys[groups[i - 1]], d, s)
            else:
                # A report's opening sentences go just before the first group they lead to.
                nxt = next((keys[g] for g in groups[i + 1 :] if g in keys), None)
                base = (*nxt[:-1], nxt[-1] - 0.5) if nxt else (float("inf"),)
                keys[gi] = (*base, d, s)
    return sorted(range(len(raw)), key=lambda gi: keys[gi])


def wording_signal(
    documents: Sequence[Document], members: Sequence[Member], similarity: float
) -> Signal:
    """Explain a divergent group no typed signal explains: its words differ too much.

    The evidence is the words of the first two reports that the other does not share.
    """
    first, second = members[0], members[1]
    evidence: list[Evidence] = []
    for m, other in ((first, second), (second, first)):
        doc, odoc = documents[m.doc], documents[other.doc]
        start, end = doc.sentences[m.sentences[0]].start, doc.sentences[m.sentences[-1]].end
        ostart = odoc.sentences[other.sentences[0]].start
        oend = odoc.sentences[other.sentences[-1]].end
        for span in changed_spans(doc.text[start:end], start, odoc.text[ostart:oend], ostart):
            sent = next(i for i in m.sentences if doc.sentences[i].end >= span.end)
            evidence.append(
                Evidence(m.doc, sent, span.start, span.end, doc.text[span.start : span.end])
            )
    detail = f"worded differently (similarity {similarity:.2f})"
    return Signal("wording", detail, (first.doc, second.doc), tuple(evidence))


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
