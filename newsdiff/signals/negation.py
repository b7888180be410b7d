"""The negation signal: a statement negated on one side only, or opposite words."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from newsdiff.model import Signal
from newsdiff.signals.context import PRONOUNS, View, per_member, signal
from newsdiff.text.lexicons import Hit, lexicon, pairs
from newsdiff.text.words import STOPWORDS, Token, word_stem

_AUX_TEXT = "will would shall should can could may might must is are was were be been do does did"
_AUX_TEXT += " have has had to"
_AUX = frozenset(_AUX_TEXT.split())


@per_member
def negation_hits(v: View) -> list[Hit]:
    """Return the negation words of a member (negators, idioms, negative words)."""
    return lexicon("negation", frozenset({"negative"})).find(v.norms)


@per_member
def negated(v: View) -> dict[str, tuple[int, int]]:
    """Return negated word stems with the token range from the negation to the word."""
    out: dict[str, tuple[int, int]] = {}
    for h in negation_hits(v):
        if h.cls != "negator":
            continue
        for k in range(h.j, min(h.j + 4, len(v.toks))):
            w = v.toks[k].norm
            if w in STOPWORDS or w in ("longer", "any", "yet", "ever") or not w.isalpha():
                continue
            if v.toks[k].is_capitalised and not v.initial[k]:
                break  # a name is not what is negated ("never been an NBA coach")
            # Start at the auxiliary before the negation: "will not allow".
            i = h.i - 1 if h.i > 0 and v.toks[h.i - 1].norm in _AUX else h.i
            out.setdefault(word_stem(w), (i, k + 1))
            break
    return out


def _plain(v: View, word: str, negated: dict[str, tuple[int, int]]) -> int | None:
    """Return the index of an occurrence of a word stem outside any negation, if any."""
    covered = {k for i, j in negated.values() for k in range(i, j)}
    for k, t in enumerate(v.toks):
        if k not in covered and word_stem(t.norm) == word:
            return k
    return None


def _with_aux(v: View, k: int) -> list[Token]:
    """Return a word with the auxiliary just before it (will allow)."""
    i = k - 1 if k > 0 and v.toks[k - 1].norm in _AUX else k
    return list(v.toks[i : k + 1])


# Words opening a condition or a question: "if they do not sign" denies nothing.
_CONDITIONS = frozenset({"if", "unless", "whether"})


def _subject(v: View, k: int) -> str | None:
    """Return the word a negation or predicate at k is about (its subject).

    "*" for a pronoun, "" when the clause has none, None when the clause is a condition.
    """
    if any(t.norm in _CONDITIONS for t in v.toks[max(0, k - 4) : k]):
        return None
    return _word_before(v, k)[0]


def _word_before(v: View, k: int) -> tuple[str, int]:
    """Return the nearest content word before k (within six tokens) and its index.

    "*" for a pronoun, "" (index -1) when there is none.
    """
    for m in range(k - 1, max(-1, k - 7), -1):
        t = v.toks[m]
        if t.norm in PRONOUNS:
            return "*", m
        if t.norm in STOPWORDS or t.norm in _AUX or not t.norm.isalpha():
            continue
        return t.norm, m
    return "", -1


def _same_subject(x: View, i: int, y: View, k: int) -> bool:
    """Return True when a predicate is about the same subject on both sides.

    "Smith faced no penalty" does not deny "only Jones paid a penalty", and
    "the team responded" is not contradicted by "the spokesman did not respond". A pronoun
    stands for a subject only when that is a name its own report uses.
    """
    sx, sy = _subject(x, i), _subject(y, k)
    if not sx or not sy:
        return False
    if "*" in (sx, sy):
        other, v = (sy, x) if sx == "*" else (sx, y)
        return other == "*" or other in v.context.names(v.doc)
    if word_stem(sx) != word_stem(sy):
        return False
    # The same word before a negated object is often the shared verb ("Smith faced no
    # penalty" / "only Jones faced a penalty"): the words before it name the subjects, and
    # two different ones are no contradiction. None found on a side: as before, the same.
    (px, _), (py, _) = (_word_before(v, _word_before(v, at)[1]) for v, at in ((x, i), (y, k)))
    return not px or not py or "*" in (px, py) or word_stem(px) == word_stem(py)


def detect(a: View, b: View) -> Iterable[Signal]:
    """Signal a word negated on one side and stated on the other, or opposite words."""
    neg = {v.doc: negated(v) for v in (a, b)}
    for x, y in ((a, b), (b, a)):
        if negation_hits(y):
            # y negates in its own way ("prohibits", "never before", "not only"): a flip
            # cannot be told from a rewording.
            continue
        for word, (i, j) in sorted(neg[x.doc].items(), key=lambda p: p[1]):
            if word in neg[y.doc]:
                continue
            k = _plain(y, word, neg[y.doc])
            if k is None:
                continue
            left, right = list(x.toks[i:j]), _with_aux(y, k)
            if not _same_subject(x, i, y, k - len(right) + 1):
                continue
            yield (
                signal("negation", a, b, left, right)
                if x is a
                else signal("negation", a, b, right, left)
            )
    yield from _polarity(a, b)


@per_member
def _plain_words(v: View) -> dict[str, Token]:
    """Return the member's words outside negations ("not approved" is not "approved")."""
    covered = {k for i, j in negated(v).values() for k in range(i, j)}
    out: dict[str, Token] = {}
    for k, t in enumerate(v.toks):
        if k not in covered:
            out.setdefault(t.norm, t)
    return out


@lru_cache(maxsize=1)
def _polar_index() -> dict[str, tuple[tuple[int, int], ...]]:
    """Return, per word, the polarity pairs it is in: (pair number, side 0 or 1)."""
    out: dict[str, list[tuple[int, int]]] = {}
    for n, sides in enumerate(pairs("polarity")):
        for s, words in enumerate(sides):
            for w in words:
                out.setdefault(w, []).append((n, s))
    return {w: tuple(where) for w, where in out.items()}


def _polar_sides(words: Iterable[str]) -> frozenset[tuple[int, int]]:
    """Return the (pair number, side) of every polarity pair side some of the words are on."""
    index = _polar_index()
    return frozenset(where for w in words for where in index.get(w, ()))


@per_member
def _plain_sides(v: View) -> frozenset[tuple[int, int]]:
    """Return the polarity pair sides the member's words outside negations are on."""
    return _polar_sides(_plain_words(v))


@per_member
def _word_sides(v: View) -> frozenset[tuple[int, int]]:
    """Return the polarity pair sides any of the member's words are on."""
    return _polar_sides(v.words)


def _polarity(a: View, b: View) -> Iterable[Signal]:
    """Signal the two words of a polarity pair, one on each side (confirmed / denied)."""
    # The pair sides of each member are found once, not by a scan of the lexicon per pair.
    sa, sb = _plain_sides(a), _plain_sides(b)
    both = {n for n, _ in sa} & {n for n, _ in sb}
    if not both:
        return
    pa, pb = _plain_words(a), _plain_words(b)
    wa, wb = _word_sides(a), _word_sides(b)
    table = pairs("polarity")
    for n in sorted(both):
        p, q = table[n]
        for s, (one, other) in enumerate(((p, q), (q, p))):
            if (n, s) in sa and (n, 1 - s) in sb and (n, 1 - s) not in wa and (n, s) not in wb:
                i = next(k for k, t in enumerate(a.toks) if t.norm in one and pa[t.norm] is t)
                k = next(k for k, t in enumerate(b.toks) if t.norm in other and pb[t.norm] is t)
                if _same_subject(a, i, b, k):
                    yield signal("negation", a, b, [a.toks[i]], [b.toks[k]])
