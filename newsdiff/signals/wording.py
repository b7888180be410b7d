"""The wording signal: a divergent group no typed signal explains differs in its words."""

from __future__ import annotations

from collections.abc import Sequence

from newsdiff.model import Document, Evidence, Member, Signal
from newsdiff.text.diff import token_spans
from newsdiff.text.sentence_words import SentenceWords


def _differing_words(
    documents: Sequence[Document], words: SentenceWords, m: Member, other: Member
) -> list[Evidence]:
    """Return the words of member `m` that member `other` does not share."""
    doc, odoc = documents[m.doc], documents[other.doc]
    mine = words.member_tokens(doc, m.sentences)
    theirs = words.member_tokens(odoc, other.sentences)
    out = []
    for span in token_spans(mine, theirs):
        sent = next(i for i in m.sentences if doc.sentences[i].end >= span.end)
        out.append(Evidence(m.doc, sent, span.start, span.end, doc.text[span.start : span.end]))
    return out


def wording_signal(
    documents: Sequence[Document],
    members: Sequence[Member],
    similarity: float,
    words: SentenceWords | None = None,
) -> Signal:
    """Explain a divergent group no typed signal explains: its words differ too much.

    The evidence compares the member that differs most from a reference member (the first
    in the canonical order of report texts, so the choice does not depend on file order).
    `words`: the comparison's words, if at hand (made here otherwise).
    """
    store = SentenceWords(documents) if words is None else words
    ordered = sorted(members, key=lambda m: (documents[m.doc].text, m.doc))
    ref = ordered[0]
    best: tuple[Member, list[Evidence]] | None = None
    for m in ordered[1:]:
        differ = _differing_words(documents, store, m, ref)
        if best is None or len(differ) > len(best[1]):
            best = (m, differ)
    assert best is not None  # a divergent group has at least two members
    other, differ = best
    evidence = sorted(
        [*_differing_words(documents, store, ref, other), *differ], key=lambda e: (e.doc, e.start)
    )
    docs = tuple(sorted((ref.doc, other.doc)))
    detail = f"worded differently (similarity {similarity:.2f})"
    return Signal("wording", detail, docs, tuple(evidence))
