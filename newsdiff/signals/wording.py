"""The wording signal: a divergent group no typed signal explains differs in its words."""

from __future__ import annotations

from collections.abc import Sequence

from newsdiff.model import Document, Evidence, Member, Side, Signal
from newsdiff.text.diff import token_spans
from newsdiff.text.sentence_words import SentenceWords
from newsdiff.text.words import Token

# Words shown per side: enough to tell what differs, short enough for a table's head line.
SHOWN = 4
# Honorifics one report writes before names and another leaves out (house style, "Mr.
# Hale" / "Hale"): they tell nothing of what differs.
_HONORIFICS = frozenset({"mr", "mrs", "ms", "mx", "dr"})


def _tokens(documents: Sequence[Document], words: SentenceWords, m: Member) -> list[Token]:
    """Return a member's words, an acronym's expansion as one word (as alignment reads it)."""
    doc = documents[m.doc]
    return words.apply_acronyms(words.member_tokens(doc, m.sentences))


def _differing(mine: Sequence[Token], theirs: Sequence[Token], content: bool) -> list[Token]:
    """Return the words of `mine` that tell it apart from `theirs`, once each, in text order.

    Words in the runs a word diff does not match; with `content`, only content words the
    other member lacks (a word it uses elsewhere only moved).
    """
    runs = token_spans(mine, theirs)
    inside = [t for t in mine if any(r.start <= t.start < r.end for r in runs)]
    found = [
        t
        for t in inside
        if any(c.isalnum() for c in t.text) and t.text.lower().rstrip(".") not in _HONORIFICS
    ]
    if content:
        known = {t.norm for t in theirs}
        found = [t for t in found if not t.is_stop and t.norm not in known]
    once: dict[str, Token] = {}
    for t in found:
        once.setdefault(t.norm, t)
    return list(once.values())


def _side(document: Document, m: Member, differing: Sequence[Token]) -> Side:
    """Return a member's side: its first SHOWN differing words, an ellipsis for the rest."""
    shown = differing[:SHOWN]
    text = ", ".join(t.text for t in shown) + (" …" if len(differing) > SHOWN else "")
    evidence = []
    for t in shown:
        sent = next(i for i in m.sentences if document.sentences[i].end >= t.end)
        evidence.append(Evidence(m.doc, sent, t.start, t.end, document.text[t.start : t.end]))
    return Side((m.doc,), text or None, tuple(evidence))


def wording_signal(
    documents: Sequence[Document], members: Sequence[Member], words: SentenceWords | None = None
) -> Signal:
    """Explain a divergent group no typed signal explains: the content words that differ.

    Compares the member that differs most from a reference member (the first in the
    canonical order of report texts, so the choice does not depend on file order). Each
    side names a few of its member's words the other lacks, and points at them.
    `words`: the comparison's words, if at hand (made here otherwise).
    """
    store = SentenceWords(documents) if words is None else words
    ordered = sorted(members, key=lambda m: (documents[m.doc].text, m.doc))
    ref = ordered[0]
    ref_toks = _tokens(documents, store, ref)
    best: tuple[Member, list[Token], list[Token]] | None = None
    for m in ordered[1:]:
        toks = _tokens(documents, store, m)
        differ = _differing(toks, ref_toks, content=True)
        if best is None or len(differ) > len(best[2]):
            best = (m, toks, differ)
    assert best is not None  # a divergent group has at least two members
    other, other_toks, differ = best
    ref_differ = _differing(ref_toks, other_toks, content=True)
    if not differ and not ref_differ:
        # No content word differs ("has" / "had"): name the function words that do.
        differ = _differing(other_toks, ref_toks, content=False)
        ref_differ = _differing(ref_toks, other_toks, content=False)
    sides = (
        _side(documents[ref.doc], ref, ref_differ),
        _side(documents[other.doc], other, differ),
    )
    first, second = sorted(sides, key=lambda s: s.docs)
    return Signal("wording", ((first, second),))
