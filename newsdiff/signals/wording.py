"""The wording signal: a divergent group no typed signal explains differs in its words."""

from __future__ import annotations

from collections.abc import Sequence

from newsdiff.model import Document, Evidence, Member, Side, Signal
from newsdiff.text.diff import token_spans
from newsdiff.text.names import apply_acronyms
from newsdiff.text.sentence_words import SentenceWords
from newsdiff.text.words import Token

# Words shown per side: enough to tell what differs, short enough for a table's head line.
SHOWN = 4


def _differing(
    documents: Sequence[Document], words: SentenceWords, m: Member, other: Member
) -> tuple[list[Token], list[Evidence], frozenset[str]]:
    """Return member m's tokens, the spans of its words `other` lacks, and other's words."""
    doc, odoc = documents[m.doc], documents[other.doc]
    # With the acronyms alignment learned: "NASA" is not a word the expansion's side lacks.
    acronyms = words.acronyms()
    mine = apply_acronyms(words.member_tokens(doc, m.sentences), acronyms)
    theirs = apply_acronyms(words.member_tokens(odoc, other.sentences), acronyms)
    out = []
    for span in token_spans(mine, theirs):
        sent = next(i for i in m.sentences if doc.sentences[i].end >= span.end)
        out.append(Evidence(m.doc, sent, span.start, span.end, doc.text[span.start : span.end]))
    return mine, out, frozenset(t.norm for t in theirs)


def _words(toks: Sequence[Token], spans: Sequence[Evidence], theirs: frozenset[str]) -> list[str]:
    """Return the differing content words, once each in text order (all differing words if none).

    A content word the other member uses elsewhere only moved: it is not what differs.
    """
    inside = [t for t in toks if any(e.start <= t.start < e.end for e in spans)]
    inside = [t for t in inside if any(c.isalnum() for c in t.text)]
    content = [t for t in inside if not t.is_stop and t.norm not in theirs]
    shown: dict[str, str] = {}
    for t in content or inside:
        shown.setdefault(t.norm, t.text)
    return list(shown.values())


def _side(m: Member, words: list[str], evidence: Sequence[Evidence]) -> Side:
    """Return a member's side: its first SHOWN differing words, an ellipsis for the rest."""
    text = ", ".join(words[:SHOWN]) + (" …" if len(words) > SHOWN else "")
    return Side((m.doc,), text or None, tuple(evidence))


def wording_signal(
    documents: Sequence[Document],
    members: Sequence[Member],
    words: SentenceWords | None = None,
) -> Signal:
    """Explain a divergent group no typed signal explains: the content words that differ.

    Compares the member that differs most from a reference member (the first in the
    canonical order of report texts, so the choice does not depend on file order). Each
    side is that member's words the other lacks: content words first (function words
    only when no content word differs), a few of them, in text order.
    `words`: the comparison's words, if at hand (made here otherwise).
    """
    store = SentenceWords(documents) if words is None else words
    ordered = sorted(members, key=lambda m: (documents[m.doc].text, m.doc))
    ref = ordered[0]
    best: tuple[Member, tuple[list[Token], list[Evidence], frozenset[str]]] | None = None
    for m in ordered[1:]:
        found = _differing(documents, store, m, ref)
        if best is None or len(found[1]) > len(best[1][1]):
            best = (m, found)
    assert best is not None  # a divergent group has at least two members
    other, (toks, spans, ref_norms) = best
    ref_toks, ref_spans, other_norms = _differing(documents, store, ref, other)
    sides = (
        _side(ref, _words(ref_toks, ref_spans, other_norms), ref_spans),
        _side(other, _words(toks, spans, ref_norms), spans),
    )
    first, second = sorted(sides, key=lambda s: s.docs)
    return Signal("wording", ((first, second),))
