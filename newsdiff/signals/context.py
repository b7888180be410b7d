"""A group member's words, and the helpers every detector shares."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Concatenate, ParamSpec, TypeVar

from newsdiff.model import Document, Evidence, Member, Side, Signal, SignalType
from newsdiff.text import quotes, wordlists
from newsdiff.text.sentence_words import SentenceWords, spans
from newsdiff.text.words import STOPWORDS, Token, word_stem

# Words that may start a quotation or a clause with a capital letter without being names.
OPENERS = "“\"‘'«(:—–-"
# Months and weekdays are written with a capital but name no one.
NOT_NAMES = frozenset(wordlists.months()) | frozenset(wordlists.weekdays())


# Words around any name in a report: sharing them says nothing about two names' places.
SAY = frozenset({"say", "says", "said", "tell", "tells", "told", "according"})


@dataclass(frozen=True)
class View:
    """One member of a group: its document, sentences' words and what was found in them."""

    doc: int
    document: Document
    context: Context = field(compare=False, hash=False, repr=False)
    toks: tuple[Token, ...]
    # Per token: first word of its sentence or of a quotation; sentence written in Title Case.
    initial: tuple[bool, ...]
    title: tuple[bool, ...]
    spans: tuple[tuple[int, int], ...]
    norms: tuple[str, ...] = ()
    # Results of the per-member helpers below: a member is compared with every other one.
    memo: dict[str | tuple[str, tuple[Any, ...]], Any] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )

    @property
    def words(self) -> frozenset[str]:
        """Return the set of the member's normalised words."""
        # Read straight from the memo: detectors ask for it some 180,000 times a corpus.
        found: frozenset[str] | None = self.memo.get(_WORD_SET)
        return word_set(self) if found is None else found


_P = ParamSpec("_P")
_R = TypeVar("_R")


def per_member(fn: Callable[Concatenate[View, _P], _R]) -> Callable[Concatenate[View, _P], _R]:
    """Compute a helper once per member (and arguments), however many pairs it is in."""

    name = fn.__qualname__

    def wrapper(v: View, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        # Called hundreds of thousands of times per corpus: the name alone for a call
        # without arguments (most), no sort without keywords, one look-up on a hit.
        key: str | tuple[str, tuple[Any, ...]] = name
        if kwargs:
            key = (name, (*args, *sorted(kwargs.items())))
        elif args:
            key = (name, args)
        memo = v.memo
        try:
            result: _R = memo[key]
        except KeyError:
            result = memo[key] = fn(v, *args, **kwargs)
        return result

    wrapper.__doc__ = fn.__doc__
    return wrapper


@per_member
def word_set(v: View) -> frozenset[str]:
    """Return the set of a member's normalised words."""
    return frozenset(v.norms)


# word_set's key in a member's memo (per_member's key for a call without arguments).
_WORD_SET = "word_set"


def _is_title_case(toks: Sequence[Token]) -> bool:
    """Return True for a headline-style sentence where most words are capitalised."""
    long_words = [
        t for t in toks[1:] if len(t.text) >= 4 and t.text.isalpha() and t.norm not in STOPWORDS
    ]
    caps = sum(1 for t in long_words if t.is_capitalised)
    # Ordinary sentences have lower-case content words; headlines capitalise (nearly) all.
    return caps >= 2 and caps >= 0.8 * len(long_words)


_Words = tuple[tuple[Token, ...], tuple[bool, ...], bool]


def _sentence_words(document: Document, start: int, toks: tuple[Token, ...]) -> _Words:
    """Return one sentence's tokens, which of them start a clause, and if it is Title Case."""
    text = document.text
    initial = []
    # The character before a word, white space aside: in the gap after the previous word,
    # or else that word's last character (a letter, digit or dot, never an opener).
    before = start
    for i, t in enumerate(toks):
        gap = text[before : t.start].rstrip()
        initial.append(i == 0 or (gap[-1] in OPENERS if gap else before <= start))
        before = t.end
    return toks, tuple(initial), _is_title_case(toks)


class Context:
    """Words of a comparison's documents, computed once each and kept for that comparison only.

    Keyed by document index: hashing a Document hashes all its sentences, and a cache that
    outlives the comparison would keep its documents (up to 8 MiB each) alive.
    """

    def __init__(self, documents: Sequence[Document], words: SentenceWords | None = None) -> None:
        self.documents = documents
        # The comparison's words, shared with alignment and classification when given.
        self.sentence_words = SentenceWords(documents) if words is None else words
        self._words: dict[int, tuple[_Words, ...]] = {}
        self._names: dict[int, frozenset[str]] = {}
        self._all: dict[int, quotes.Words] = {}
        self._starts: dict[int, list[int]] = {}
        self._bounds: dict[int, list[tuple[int, int]]] = {}
        self._rank: dict[int, int] = {}

    def quotations(self, doc: int) -> tuple[quotes.Quote, ...]:
        """Return every quotation of a document."""
        return self.sentence_words.quotations(self.documents[doc])

    def words(self, doc: int) -> tuple[_Words, ...]:
        """Return the words of every sentence of a document (or of its text, unsegmented)."""
        if doc not in self._words:
            document = self.documents[doc]
            found = self.sentence_words.words(document)
            self._words[doc] = tuple(
                _sentence_words(document, start, toks)
                for (start, _), toks in zip(spans(document), found, strict=True)
            )
        return self._words[doc]

    def names(self, doc: int) -> frozenset[str]:
        """Return words written with a capital inside ordinary sentences of a document."""
        if doc not in self._names:
            out: set[str] = set()
            for toks, initial, title in self.words(doc):
                if title:
                    continue
                pairs_ = zip(toks, initial, strict=True)
                out.update(t.norm for t, ini in pairs_ if t.is_capitalised and not ini)
            self._names[doc] = frozenset(out)
        return self._names[doc]

    def all_words(self, doc: int) -> quotes.Words:
        """Return the words of a whole document, sentence bounds aside, ready to search."""
        if doc not in self._all:
            self._all[doc] = quotes.Words(self.sentence_words.all_words(self.documents[doc]))
        return self._all[doc]

    def bounds(self, doc: int) -> list[tuple[int, int]]:
        """Return the spans of a document's sentences (found once, not once per member)."""
        if doc not in self._bounds:
            self._bounds[doc] = spans(self.documents[doc])
        return self._bounds[doc]

    def starts(self, doc: int) -> list[int]:
        """Return the start offsets of a document's sentences."""
        if doc not in self._starts:
            self._starts[doc] = [s.start for s in self.documents[doc].sentences]
        return self._starts[doc]

    def rank(self, doc: int) -> int:
        """Return a document's place in the canonical order: by text, then by index.

        Signals are looked for in this order, so that they do not depend on the order in
        which the reports were given (newsdiff/align.py groups in the same order).
        """
        if not self._rank:
            order = sorted(range(len(self.documents)), key=lambda d: (self.documents[d].text, d))
            self._rank = {d: r for r, d in enumerate(order)}
        return self._rank[doc]


def view(context: Context, member: Member) -> View:
    """Collect one member's words."""
    document = context.documents[member.doc]
    # Cached: a report of 2,500 sentences is a member of 2,500 groups, and listing its
    # spans for each made the views quadratic in the sentences.
    bounds = context.bounds(member.doc)
    words = context.words(member.doc)
    toks: list[Token] = []
    initial: list[bool] = []
    title: list[bool] = []
    used = []
    for i in member.sentences:
        if not 0 <= i < len(bounds):
            continue
        used.append(bounds[i])
        t, ini, tc = words[i]
        toks += t
        initial += ini
        title += [tc] * len(t)
    norms = tuple(t.norm for t in toks)
    return View(
        member.doc,
        document,
        context,
        tuple(toks),
        tuple(initial),
        tuple(title),
        tuple(used),
        norms,
    )


def evidence(v: View, toks: Sequence[Token]) -> Evidence:
    """Return the evidence spanning a run of a member's tokens."""
    start, end = toks[0].start, toks[-1].end
    starts = v.context.starts(v.doc)
    sentence = max(0, bisect.bisect_right(starts, start) - 1) if starts else 0
    return Evidence(v.doc, sentence, start, end, v.document.text[start:end])


def text_of(v: View, toks: Sequence[Token]) -> str:
    """Return the exact text of a run of tokens, on one line."""
    return " ".join(v.document.text[toks[0].start : toks[-1].end].split())


def side(v: View, toks: Sequence[Token], text: str | None = None) -> Side:
    """Return v's side of a difference: its words (`text`, else the tokens' text) and where.

    No tokens and no text: v has no words in the other side's place (`none`).
    """
    words = text if text is not None else (text_of(v, toks) if toks else None)
    return Side((v.doc,), words, (evidence(v, toks),) if toks else ())


def signal_of(kind: SignalType, a: View, b: View, parts: Iterable[tuple[Side, Side]]) -> Signal:
    """Return a signal of parts (a's side, b's side), each part's sides in document order."""
    ordered = tuple((x, y) if a.doc < b.doc else (y, x) for x, y in parts)
    return Signal(kind, ordered)


def signal(
    kind: SignalType, a: View, b: View, left: Sequence[Token], right: Sequence[Token]
) -> Signal:
    """Return a signal `left vs right` (a's words, b's words; none for no tokens)."""
    return signal_of(kind, a, b, [(side(a, left), side(b, right))])


def neighbours(v: View, phrase: Sequence[int], width: int = 3) -> tuple[str, str]:
    """Return the stems of the nearest content words before and after a phrase."""

    def first(ks: Iterable[int]) -> str:
        for k in ks:
            n = v.toks[k].norm
            if n not in STOPWORDS and n not in SAY:
                return word_stem(n)
        return ""

    before = first(range(phrase[0] - 1, max(-1, phrase[0] - 1 - width), -1))
    after = first(range(phrase[-1] + 1, min(len(v.toks), phrase[-1] + 1 + width)))
    return before, after


@per_member
def stems(v: View) -> frozenset[str]:
    """Return the stems of a member's words."""
    return frozenset(word_stem(w) for w in v.words)


# Personal pronouns: a speaker named by a pronoun may be any speaker the other side names.
_PRONOUNS_TEXT = "he she they it we i you his her their its"
PRONOUNS = frozenset(_PRONOUNS_TEXT.split())


def sentence_at(v: View, k: int) -> int:
    """Return which of a member's sentences (0, 1, ...) holds its token k."""
    start = v.toks[k].start
    for i, (s, e) in enumerate(v.spans):
        if s <= start < e:
            return i
    return 0


@per_member
def _sentence_stems(v: View) -> tuple[frozenset[str], ...]:
    """Return the content-word stems of each of a member's sentences."""
    out: list[set[str]] = [set() for _ in v.spans] or [set()]
    for k, t in enumerate(v.toks):
        if t.norm not in STOPWORDS and t.norm.isalpha():
            out[sentence_at(v, k)].add(word_stem(t.norm))
    return tuple(frozenset(s) for s in out)


def closest_sentence(x: View, y: View) -> int:
    """Return the sentence of x that shares the most content words with y (the aligned one).

    A member of several sentences states more than the fact it shares with y: a word of
    its other sentences is about something else (a verb reporting another claim).
    """
    known = stems(y)
    per = _sentence_stems(x)
    return max(range(len(per)), key=lambda i: (len(per[i] & known), -i))
