"""Turn aligned groups into classified, ordered Groups with signals."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from newsdiff import signals
from newsdiff.align.group import RawGroup
from newsdiff.model import Document, Elsewhere, Group, Kind, Member
from newsdiff.signals.wording import wording_signal
from newsdiff.text.names import same_name
from newsdiff.text.sentence_words import SentenceWords
from newsdiff.text.words import STOPWORDS, Token, word_stem


@dataclass(frozen=True)
class Classified:
    """The classified groups, and the seconds spent finding their signals."""

    groups: tuple[Group, ...]
    signals_seconds: float


def group_kind(
    coverage: int, similarity: float, has_signals: bool, shared_threshold: float
) -> Kind:
    """Return a group's kind: unique (one report), shared, or divergent."""
    if coverage < 2:
        return "unique"
    if has_signals or similarity < shared_threshold:
        return "divergent"
    return "shared"


# Words of an attribution tag or a way of naming a person: "she said" / "Ms. Pelosi said",
# "he said in another tweet" / none. They say who speaks, not what is claimed.
_TITLES_TEXT = "mr mrs ms miss dr sen senator rep gov president gen general prof sir madam"
_TITLES = frozenset(_TITLES_TEXT.split())
_PRONOUNS_TEXT = "he she they it him her them his hers their its"
_PRONOUNS = frozenset(_PRONOUNS_TEXT.split())
_TAG_TEXT = "say says said tell tells told add adds added write writes wrote tweet tweets"
_TAG_WORDS = frozenset(f"{_TAG_TEXT} tweeted post posted according another".split())


def _member_words(words: SentenceWords, document: Document, member: Member) -> list[Token]:
    """Return a member's signal words (quotations marked)."""
    per = words.words(document)
    return [t for s in member.sentences if 0 <= s < len(per) for t in per[s]]


def _quoted(toks: Sequence[Token]) -> tuple[str, ...]:
    """Return the words of a member inside quotations."""
    return tuple(t.norm for t in toks if t.quoted and t.norm[:1].isalnum())


def _told(toks: Sequence[Token], quoted: bool | None = None) -> Counter[str]:
    """Return the stems of what a member states: content words but for names' forms.

    `quoted`: only the words inside (True) or outside (False) quotations.
    """
    return Counter(
        word_stem(t.norm)
        for t in toks
        if t.norm[:1].isalnum()
        and t.norm not in STOPWORDS
        and t.norm not in _TITLES
        and t.norm not in _TAG_WORDS
        and (quoted is None or t.quoted == quoted)
    )


# Content words a tag may hold besides the speaker's name: "in a statement", "on Sunday".
_TAG_ROOM = 2


def tag_only(
    documents: Sequence[Document], members: Sequence[Member], words: SentenceWords
) -> bool:
    """Return True when members differ only in how they name or attribute the speaker.

    The same quotation with another tag (`"...," he said in a tweet` / `"..."`), or the
    same statement with a pronoun or a title for the name (she / Ms. Pelosi): no divergence
    of substance.
    """
    toks = [_member_words(words, documents[m.doc], m) for m in members]
    if any(not t for t in toks):
        return False
    names = {word_stem(w.norm) for t in toks for w in t if w.is_capitalised}
    quoted = [_quoted(t) for t in toks]
    if len(quoted[0]) >= 3 and all(q == quoted[0] for q in quoted):
        # One quotation, word for word: the words around it must be a tag only (a name,
        # a reporting verb, a couple of words such as "in a statement").
        outside = [_told(t, quoted=False) for t in toks]
        return all(sum(n for w, n in o.items() if w not in names) <= _TAG_ROOM for o in outside)
    told = [_told(t) for t in toks]
    union: Counter[str] = Counter()
    for c in told:
        union |= c
    for t, own in zip(toks, told, strict=True):
        missing = set((union - own).elements())
        # A side may lack a name only where it names that person with a pronoun.
        if missing and not (missing <= names and any(w.norm in _PRONOUNS for w in t)):
            return False
    return True


def _flat(word: str) -> str:
    """Return a word's letters and digits only (gang-rape / gangrape, Tian'anmen / Tiananmen)."""
    return "".join(c for c in word if c.isalnum())


def _unheld(mine: Sequence[Token], theirs: Sequence[Token]) -> list[Token]:
    """Return the content words of `mine` that `theirs` holds in no form.

    Held: the same stem anywhere (word order, inflection); the same letters (hyphens,
    apostrophes, an acronym's dots) or two adjacent words joined; a name's variant (Syria /
    Syrian, Pak / Pakistan). An acronym's expansion is one word already (`_as_aligned`).
    """
    stems = {word_stem(t.norm) for t in theirs}
    flats0 = {_flat(t.norm) for t in theirs}
    flats = flats0 | {_flat(a.norm + b.norm) for a, b in pairwise(theirs)}
    names = [t.norm for t in theirs if t.is_capitalised and t.norm[:1].isalpha()]
    # My two adjacent words that they write as one (cease-fire / ceasefire).
    joined = {
        k + d
        for k, (a, b) in enumerate(pairwise(mine))
        if _flat(a.norm + b.norm) in flats0
        for d in (0, 1)
    }
    out = []
    for k, t in enumerate(mine):
        if not t.norm[:1].isalnum() or t.norm in STOPWORDS or t.norm in _TITLES:
            continue
        if len(t.norm) == 1 and t.norm.isalpha():
            # A stray letter of a split clitic or initial ("U.N.'s" leaves "s").
            continue
        if k in joined or word_stem(t.norm) in stems or _flat(t.norm) in flats:
            continue
        if t.is_capitalised and any(same_name(t.norm, n) for n in names):
            continue
        out.append(t)
    return out


def _as_aligned(toks: list[Token], words: SentenceWords) -> list[Token]:
    """Return a member's words with each learned acronym expansion as one acronym word.

    The comparison's own acronym table (what alignment and highlights use): "Nordic
    Fisheries Council" reads as NFC when a report writes NFC.
    """
    return [
        t._replace(norm=t.norm.lower()) if t.is_acronym else t for t in words.apply_acronyms(toks)
    ]


def variants_only(
    documents: Sequence[Document], members: Sequence[Member], words: SentenceWords
) -> bool:
    """Return True when every content word of each member is held by every other in some form.

    Members that differ only in function words, word order, inflection, spelling, titles or
    an acronym's form state the same thing, however low their similarity.
    """
    if len(members) > signals.PAIRWISE_MAX:
        # Every ordered pair is checked: past the signals' own pairwise bound (500 copies of
        # one fact) that is no longer cheap, and such a group keeps its similarity's kind.
        return False
    toks = [_as_aligned(_member_words(words, documents[m.doc], m), words) for m in members]
    if any(not t for t in toks):
        return False
    return all(not _unheld(a, b) for a in toks for b in toks if a is not b)


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


def classify(
    documents: Sequence[Document],
    raw: Sequence[RawGroup],
    shared_threshold: float,
    words: SentenceWords | None = None,
) -> Classified:
    """Classify each group, attach its signals, and number them in reading order.

    `words`: the comparison's words (shared with alignment); made here when not given.
    """
    out = []
    spent = 0.0
    words = SentenceWords(documents) if words is None else words
    # Each document's words for the signals, found once for all its groups.
    context = signals.Context(documents, words)
    order = reading_order(raw, len(documents))
    # Groups are numbered in reading order; references to other groups follow.
    number = {gi: idx for idx, gi in enumerate(order)}
    for idx, gi in enumerate(order):
        g = raw[gi]
        members = tuple(Member(d, s) for d, s in g.members)
        coverage = len(members)
        t0 = time.perf_counter()
        sigs = signals.detect(documents, members, context) if coverage >= 2 else ()
        spent += time.perf_counter() - t0
        kind = group_kind(coverage, g.similarity, bool(sigs), shared_threshold)
        if (
            kind == "divergent"
            and not sigs
            and (tag_only(documents, members, words) or variants_only(documents, members, words))
        ):
            kind = "shared"
        if kind == "shared":
            sigs = ()
        elif kind == "divergent" and not sigs:
            sigs = (wording_signal(documents, members, words),)
        marks = signals.mark(documents, members[0], context) if coverage == 1 else ()
        elsewhere = tuple(Elsewhere(d, s, number[h]) for d, s, h in g.elsewhere)
        out.append(Group(idx, kind, coverage, g.similarity, members, sigs, marks, elsewhere))
    return Classified(tuple(out), spent)
