"""Divergence signals: say why aligned sentences of different reports differ, with evidence.

`detect` compares every pair of a group's members and returns typed signals (number, quote,
attribution, hedge, negation, entity, tone). Each detector prefers silence to a guess: two
sentences that say the same thing in other words, spelling, punctuation, quote style, word
order or with an acronym spelled out carry no signal.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from typing import Any, Concatenate, ParamSpec, TypeVar

from newsdiff import numbers, quotes
from newsdiff._words import STOPWORDS, Tok, blocks, same_name, stem, tokenize
from newsdiff.lexicons import Hit, lexicon, pairs, read
from newsdiff.model import SIGNAL_TYPES, Document, Evidence, Member, Signal

# Words that may start a quotation or a clause with a capital letter without being names.
_OPENERS = "“\"‘'«(:—–-"
_NAME_CONNECTORS = frozenset({"of", "and", "the", "for", "de", "&"})
_NOT_NAMES_TEXT = """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday
"""
_NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split())


@lru_cache(maxsize=1)
def _name_data() -> tuple[dict[str, int], frozenset[str]]:
    """Return alias groups (word -> group number) and titles from the names lexicon."""
    aliases: dict[str, int] = {}
    titles: set[str] = set()
    for n, (cls, line) in enumerate(read("names")):
        words = [w for part in line.split("=") for w in (t.norm for t in tokenize(part))]
        if cls == "alias":
            for w in words:
                aliases.setdefault(w, n)
        elif cls == "title":
            titles.update(words)
    return aliases, frozenset(titles)


@dataclass(frozen=True)
class _View:
    """One member of a group: its document, sentences' words and what was found in them."""

    doc: int
    document: Document
    toks: tuple[Tok, ...]
    # Per token: first word of its sentence or of a quotation; sentence written in Title Case.
    initial: tuple[bool, ...]
    title: tuple[bool, ...]
    spans: tuple[tuple[int, int], ...]
    norms: tuple[str, ...] = ()
    # Results of the per-member helpers below: a member is compared with every other one.
    memo: dict[tuple[str, tuple[Any, ...]], Any] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )

    @property
    def words(self) -> frozenset[str]:
        """Return the set of the member's normalised words."""
        return _word_set(self)


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _per_member(fn: Callable[Concatenate[_View, _P], _R]) -> Callable[Concatenate[_View, _P], _R]:
    """Compute a helper once per member (and arguments), however many pairs it is in."""

    def wrapper(v: _View, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        key = (fn.__name__, (*args, *sorted(kwargs.items())))
        if key not in v.memo:
            v.memo[key] = fn(v, *args, **kwargs)
        result: _R = v.memo[key]
        return result

    wrapper.__doc__ = fn.__doc__
    return wrapper


@_per_member
def _word_set(v: _View) -> frozenset[str]:
    return frozenset(v.norms)


def _is_title_case(toks: Sequence[Tok]) -> bool:
    """Return True for a headline-style sentence where most words are capitalised."""
    long_words = [
        t for t in toks[1:] if len(t.text) >= 4 and t.text.isalpha() and t.norm not in STOPWORDS
    ]
    caps = sum(1 for t in long_words if t.is_capitalised)
    # Ordinary sentences have lower-case content words; headlines capitalise (nearly) all.
    return caps >= 2 and caps >= 0.8 * len(long_words)


def _sentence_spans(document: Document) -> list[tuple[int, int]]:
    """Return the sentences' spans, or the whole text when the document is not segmented."""
    if document.sentences:
        return [(s.start, s.end) for s in document.sentences]
    return [(0, len(document.text))]


_Words = tuple[tuple[Tok, ...], tuple[bool, ...], bool]


def _sentence_words(
    document: Document, start: int, end: int, inside: Callable[[int], bool]
) -> _Words:
    """Return one sentence's tokens, which of them start a clause, and if it is Title Case."""
    text = document.text
    toks = tokenize(text, start, end, inside)
    initial = []
    for i, t in enumerate(toks):
        p = t.start - 1
        while p >= start and text[p].isspace():
            p -= 1
        initial.append(i == 0 or p < start or text[p] in _OPENERS)
    return tuple(toks), tuple(initial), _is_title_case(toks)


@lru_cache(maxsize=256)
def _document_words(document: Document) -> tuple[_Words, ...]:
    """Return the words of every sentence of a document (or of its text, unsegmented)."""
    inside = quotes.Inside(quotes.find(document.text))
    return tuple(
        _sentence_words(document, start, end, inside) for start, end in _sentence_spans(document)
    )


@lru_cache(maxsize=256)
def _name_words(document: Document) -> frozenset[str]:
    """Return words written with a capital inside ordinary sentences of a document."""
    out: set[str] = set()
    for toks, initial, title in _document_words(document):
        if title:
            continue
        pairs_ = zip(toks, initial, strict=True)
        out.update(t.norm for t, ini in pairs_ if t.is_capitalised and not ini)
    return frozenset(out)


def _view(documents: Sequence[Document], member: Member) -> _View:
    """Collect one member's words."""
    document = documents[member.doc]
    spans = _sentence_spans(document)
    words = _document_words(document)
    toks: list[Tok] = []
    initial: list[bool] = []
    title: list[bool] = []
    used = []
    for i in member.sentences:
        if not 0 <= i < len(spans):
            continue
        used.append(spans[i])
        t, ini, tc = words[i]
        toks += t
        initial += ini
        title += [tc] * len(t)
    norms = tuple(t.norm for t in toks)
    return _View(
        member.doc, document, tuple(toks), tuple(initial), tuple(title), tuple(used), norms
    )


def _evidence(v: _View, toks: Sequence[Tok]) -> Evidence:
    """Return the evidence spanning a run of a member's tokens."""
    start, end = toks[0].start, toks[-1].end
    starts = [s.start for s in v.document.sentences]
    sentence = max(0, bisect.bisect_right(starts, start) - 1) if starts else 0
    return Evidence(v.doc, sentence, start, end, v.document.text[start:end])


def _words(v: _View, toks: Sequence[Tok]) -> str:
    """Return the exact text of a run of tokens, on one line."""
    return " ".join(v.document.text[toks[0].start : toks[-1].end].split())


def _signal(kind: str, a: _View, b: _View, left: Sequence[Tok], right: Sequence[Tok]) -> Signal:
    """Return a signal `left vs right` with evidence on each side that has words."""
    detail = f"{_words(a, left) if left else 'none'} vs {_words(b, right) if right else 'none'}"
    ev = ([_evidence(a, left)] if left else []) + ([_evidence(b, right)] if right else [])
    return Signal(kind, detail, (a.doc, b.doc), tuple(ev))


# --- number -----------------------------------------------------------------------------


@_per_member
def _quantities(v: _View) -> list[numbers.Quantity]:
    out: list[numbers.Quantity] = []
    for start, end in v.spans:
        out += numbers.find(v.document.text, start, end)
    return out


def _token_range(v: _View, q: numbers.Quantity) -> list[int]:
    """Return the indices of the member's tokens inside a quantity's span."""
    return [k for k, t in enumerate(v.toks) if q.start <= t.start < q.end]


def _context(v: _View, q: numbers.Quantity) -> tuple[str, str]:
    """Return the stems of the content words just around a quantity (what it counts)."""
    ks = _token_range(v, q)
    return _neighbours(v, ks) if ks else ("", "")


# Share of content words two members must have in common for their only differing values
# to be taken as the same quantity ("74 dead in Egypt soccer violence" / "73 die in ...").
_ALONE_OVERLAP = 0.25


def _overlap(a: _View, b: _View) -> float:
    """Return the Dice overlap of two members' content-word stems."""
    sa, sb = _content_stems(a), _content_stems(b)
    return 2 * len(sa & sb) / (len(sa) + len(sb)) if sa or sb else 0.0


@_per_member
def _content_stems(v: _View) -> frozenset[str]:
    return frozenset(stem(w) for w in v.words if w not in STOPWORDS and not w[:1].isdigit())


def _closeness(x: numbers.Quantity, y: numbers.Quantity) -> float:
    """Return how near two values are, 1 for equal, towards 0 for far apart."""
    if x.kind != "amount" or y.kind != "amount":
        return 0.0
    vx, vy = sorted(abs(float(q.value[0] or 0)) for q in (x, y))
    return vx / vy if vy else 1.0


def _span_toks(v: _View, start: int, end: int) -> list[Tok]:
    """Return a pseudo-token covering text[start:end], for evidence of a quantity."""
    return [Tok(v.document.text[start:end], start, end, "")]


def _numbers(a: _View, b: _View) -> Iterable[Signal]:
    qa, qb = _quantities(a), _quantities(b)
    free_b = list(qb)
    left = []
    for x in qa:
        y = next((y for y in free_b if numbers.same(x, y)), None)
        if y is None:
            left.append(x)
        else:
            free_b.remove(y)
    # Pair each differing value with the one that counts the same thing: same neighbouring
    # words first, then same unit, then the nearest value ("toll rises to 352" / "reaches 372").
    # Two values are told about the same thing when a word next to them is the same ("500
    # jobs" / "400 jobs") or when one takes the other's place in a short change of words.
    changes = blocks(a.norms, b.norms)
    # Or, in two sentences that share much of their words, the one value each has left.
    alone = _overlap(a, b) >= _ALONE_OVERLAP
    ranked = []
    for i, x in enumerate(left):
        cx, kx = _context(a, x), _token_range(a, x)
        for j, y in enumerate(free_b):
            if not numbers.comparable(x, y):
                continue
            cy, ky = _context(b, y), _token_range(b, y)
            same_word = (bool(cx[0]) and cx[0] == cy[0], bool(cx[1]) and cx[1] == cy[1])
            swapped = bool(kx and ky) and any(
                a0 <= kx[0]
                and kx[-1] < a1 <= a0 + len(kx) + 2
                and b0 <= ky[0]
                and ky[-1] < b1 <= b0 + len(ky) + 2
                for a0, a1, b0, b1 in changes
            )
            only = (
                alone
                and x.unit == y.unit
                and sum(numbers.comparable(x, z) for z in free_b) == 1
                and sum(numbers.comparable(z, y) for z in left) == 1
            )
            if not (any(same_word) or swapped or only):
                continue
            key = (same_word[1], same_word[0], y.unit == x.unit, _closeness(x, y))
            ranked.append((key, -i, -j, x, y))
    ranked.sort(key=lambda r: r[:3], reverse=True)
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs_ = []
    for _key, ni, nj, x, y in ranked:
        if -ni in used_a or -nj in used_b:
            continue
        used_a.add(-ni)
        used_b.add(-nj)
        pairs_.append((x, y))
    for x, y in sorted(pairs_, key=lambda p: p[0].start):
        yield _signal("number", a, b, _span_toks(a, x.start, x.end), _span_toks(b, y.start, y.end))


# --- quote ------------------------------------------------------------------------------


@lru_cache(maxsize=256)
def _all_words(document: Document) -> tuple[Tok, ...]:
    return tuple(tokenize(document.text))


@_per_member
def _member_quotes(v: _View) -> list[tuple[int, int]]:
    """Return token ranges of the member's words inside each outermost quotation."""
    out = []
    for q in quotes.outermost(quotes.find(v.document.text)):
        idx = [i for i, t in enumerate(v.toks) if q.start <= t.start < q.end]
        if idx:
            out.append((idx[0], idx[-1] + 1))
    return out


def _same_numbers(x: _View, xs: Sequence[Tok], y: _View, ys: Sequence[Tok]) -> bool:
    """Return True when a change only writes the same numbers differently ($53m / $53 million)."""
    if not xs or not ys:
        return False
    qx = numbers.find(x.document.text, xs[0].start, xs[-1].end)
    qy = numbers.find(y.document.text, ys[0].start, ys[-1].end)
    if (
        not qx
        or len(qx) != len(qy)
        or not all(numbers.same(p, r) for p, r in zip(qx, qy, strict=True))
    ):
        return False
    rest = [
        [t for t in toks if not any(n.start <= t.start < n.end for n in found)]
        for toks, found in ((xs, qx), (ys, qy))
    ]
    return not rest[0] or not rest[1]


def _absent(q: Sequence[Tok], document: Document) -> bool:
    """Return True when a quotation's words are found nowhere in a document."""
    whole = quotes.locate(q, _all_words(document))
    return whole is None or whole.coverage < 0.5


def _new_words(q: Sequence[Tok], y: _View) -> bool:
    """Return True when most content words of a quote are not in y (not a paraphrase of it)."""
    content = {stem(t.norm) for t in q if t.norm not in STOPWORDS}
    known = {stem(w) for w in y.words}
    return len(content & known) <= len(content) / 3


def _quote_side(x: _View, y: _View, skip: set[int], taken: set[int]) -> Iterable[Signal]:
    """Compare the quotations of x with y's words; record y's words they matched in taken."""
    first = x.doc < y.doc

    def pair(xs: str, ys: str) -> str:
        return f"{xs} vs {ys}" if first else f"{ys} vs {xs}"

    docs = (min(x.doc, y.doc), max(x.doc, y.doc))
    for qa, qb in _member_quotes(x):
        if skip & set(range(qa, qb)):
            continue
        q = x.toks[qa:qb]
        m = quotes.locate(q, y.toks)
        matched = 0 if m is None else round(m.coverage * len(q))
        if m is None or m.coverage < 0.5 or matched < min(3, len(q)):
            if len(q) >= 4 and _new_words(q, y) and _absent(q, y.document):
                # A quotation the other report does not carry at all.
                words = _words(x, q[:8]) + ("…" if len(q) > 8 else "")
                yield Signal("quote", pair(f"“{words}”", "none"), docs, (_evidence(x, q),))
            continue
        taken.update(range(*m.t_range))
        parts: list[str] = []
        ev: list[Evidence] = []
        for c in m.changes:
            qw, tw = q[c.q[0] : c.q[1]], y.toks[c.t[0] : c.t[1]]
            if not quotes.reportable(c, q, y.toks) or _same_numbers(x, qw, y, tw):
                continue
            parts.append(pair(_words(x, qw) if qw else "none", _words(y, tw) if tw else "none"))
            ev += ([_evidence(x, qw)] if qw else []) + ([_evidence(y, tw)] if tw else [])
        if parts:
            yield Signal("quote", "; ".join(parts), docs, tuple(ev))


def _quotes(a: _View, b: _View) -> Iterable[Signal]:
    taken: set[int] = set()
    yield from _quote_side(a, b, set(), taken)
    yield from _quote_side(b, a, taken, set())


# --- attribution, hedge, tone: lexicon classes used on one side only --------------------


@_per_member
def _hits(v: _View, name: str, inflect: bool, unquoted: bool) -> list[Hit]:
    hits = [h for h in lexicon(name, inflect).find(v.norms) if not _capital_use(v, h)]
    if name == "attribution":
        hits = [h for h in hits if _verb_use(v, h)]
    if unquoted:
        hits = [h for h in hits if not any(t.quoted for t in v.toks[h.i : h.j])]
    return hits


def _one_sided(
    kind: str, name: str, inflect: bool, a: _View, b: _View, ignore: frozenset[str]
) -> Iterable[Signal]:
    """Signal each class of a lexicon that one side uses (outside quotes) and the other not."""
    own = {v.doc: _hits(v, name, inflect, True) for v in (a, b)}
    every = {v.doc: {h.cls for h in _hits(v, name, inflect, False)} for v in (a, b)}
    for x, y in ((a, b), (b, a)):
        for cls in sorted({h.cls for h in own[x.doc]} - every[y.doc] - ignore):
            # The word must be about something the other side says too: one of its
            # neighbouring content words is there ("reportedly resigned" / "resigned").
            hit = next((h for h in own[x.doc] if h.cls == cls and _anchored(x, h, y)), None)
            if hit is None:
                continue
            toks = x.toks[hit.i : hit.j]
            yield _signal(kind, a, b, toks, []) if x is a else _signal(kind, a, b, [], toks)


def _anchored(x: _View, h: Hit, y: _View) -> bool:
    """Return True when a content word next to a hit (within 3 words) is also in y."""
    stems = _stems(y)
    for k in (*range(h.i - 1, max(-1, h.i - 4), -1), *range(h.j, min(len(x.toks), h.j + 3))):
        n = x.toks[k].norm
        if n not in STOPWORDS and n not in _SAY and stem(n) in stems:
            return True
    return False


@_per_member
def _stems(v: _View) -> frozenset[str]:
    return frozenset(stem(w) for w in v.words)


def _hedges(a: _View, b: _View) -> Iterable[Signal]:
    return _one_sided("hedge", "hedges", False, a, b, frozenset({"ignore"}))


def _capital_use(v: _View, h: Hit) -> bool:
    """Return True when a lexicon word is capitalised as a name or month (Theresa May, May 6)."""
    t = v.toks[h.i]
    if not t.is_capitalised or t.is_acronym:
        return False
    if not v.initial[h.i] and not v.title[h.i]:
        return True  # a name inside an ordinary sentence: Theresa May
    if v.initial[h.i] and t.norm in _NOT_NAMES:
        return True  # a month opening a headline: "May Housing Starts Up"
    nxt = v.toks[h.i + 1] if h.i + 1 < len(v.toks) else None
    return nxt is not None and nxt.norm[:1].isdigit()


def _tone(a: _View, b: _View) -> Iterable[Signal]:
    return _one_sided("tone", "tone", True, a, b, frozenset())


_DETERMINERS_TEXT = (
    "the a an this that these those his her their its our my your 's such no any new"
)
_DETERMINERS = frozenset(_DETERMINERS_TEXT.split())
# Words after a plural noun, not after a verb: "claims were false", "abuse claims in a letter".
_FOLLOWERS_TEXT = "is are was were be been have has had will would in against about by and or"
_FOLLOWERS = frozenset(_FOLLOWERS_TEXT.split())


def _verb_use(v: _View, h: Hit) -> bool:
    """Return True when a reporting word is used as a finite verb, not a noun or gerund."""
    t = v.toks[h.i]
    if h.cls == "ignore":
        return True
    if t.norm.endswith("ing"):
        # "admitting gays", "warning signs", "Speaking on it"; but "clarifying that ..."
        return h.j < len(v.toks) and v.toks[h.j].norm == "that"
    if h.cls == "neutral":
        return True
    prev = v.toks[h.i - 1].norm if h.i > 0 else ""
    if prev in _DETERMINERS:
        return False  # "the claim", "US hacking claims" is caught below
    if t.norm.endswith("s") and not t.norm.endswith("ss"):
        nxt = v.toks[h.j] if h.j < len(v.toks) else None
        # A plural noun ends its phrase or is followed by a verb ("claims were false").
        gap = v.document.text[t.end : nxt.start] if nxt else ""
        if nxt is None or nxt.norm in _FOLLOWERS or any(c in gap for c in ".;:!?"):
            return False
    return True


def _opposite(x: Sequence[str], y: Sequence[str]) -> bool:
    """Return True when words x and y are a polarity pair (confirmed / denied)."""
    sx, sy = set(x), set(y)
    return any((p & sx and q & sy) or (q & sx and p & sy) for p, q in pairs("polarity"))


def _attribution(a: _View, b: _View) -> Iterable[Signal]:
    own = {v.doc: _hits(v, "attribution", True, True) for v in (a, b)}
    every = {v.doc: {h.cls for h in _hits(v, "attribution", True, False)} for v in (a, b)}
    only = {
        x.doc: sorted({h.cls for h in own[x.doc]} - every[y.doc] - {"neutral", "ignore"})
        for x, y in ((a, b), (b, a))
    }
    # Both sides must attribute: "said vs claimed". A reporting word on one side only is too
    # often a noun or another sense ("jobless claims", "is claimed by both countries").
    speaks = all(any(h.cls != "ignore" for h in own[v.doc]) for v in (a, b))
    if speaks and (only[a.doc] or only[b.doc]):
        sides = []
        for v in (a, b):
            hits = [h for h in own[v.doc] if h.cls in only[v.doc]]
            hits = hits or [h for h in own[v.doc] if h.cls == "neutral"][:1]
            sides.append([t for h in hits for t in v.toks[h.i : h.j]])
        if not _opposite([t.norm for t in sides[0]], [t.norm for t in sides[1]]):
            yield _signal("attribution", a, b, sides[0], sides[1])
    yield from _sources(a, b)


# Words that lead from "according to" to the name of the source ("a report by Reuters").
_SOURCE_LINKS_TEXT = "by from of at agency newspaper magazine daily website channel broadcaster"
_SOURCE_LINKS = frozenset(f"{_SOURCE_LINKS_TEXT} network outlet station tv radio".split())


@dataclass(frozen=True)
class _Source:
    """A named source: the trigger words (according to), its words, and its name words."""

    trigger: tuple[Tok, ...]
    run: tuple[Tok, ...]
    names: tuple[Tok, ...]

    @property
    def toks(self) -> list[Tok]:
        return [*self.trigger, *self.run[: self.run.index(self.names[-1]) + 1]]


@_per_member
def _source_names(v: _View) -> list[_Source]:
    """Return the sources a member names (according to Reuters, citing officials)."""
    out = []
    for h in _hits(v, "sources", False, False):
        run: list[Tok] = []
        for t in v.toks[h.j : h.j + 8]:
            gap = v.document.text[(run[-1].end if run else v.toks[h.j - 1].end) : t.start]
            if any(c in gap for c in ',;.:()"“”'):
                break
            run.append(t)
        names = [t for t in run if t.is_capitalised and t.norm not in STOPWORDS]
        if names:
            # The first name only ("a report by news agency Reuters", "Tara Reid Jack ...").
            block = [names[0]]
            for t in run[run.index(names[0]) + 1 :]:
                if not t.is_capitalised or t.norm in STOPWORDS:
                    break
                block.append(t)
            first = run.index(block[0])
            if first and run[first - 1].norm not in _SOURCE_LINKS:
                # "according to various reports Tara Reid's rep": the reports are the source.
                names, run = [], run[:first]
            else:
                names, run = block, run[: first + len(block)]
        if h.cls == "open":
            names = names or [t for t in run if t.norm not in STOPWORDS]
        else:
            # "told Reuters", not "reported in North America": the name comes first.
            lead = [t for t in run[:4] if not t.is_capitalised][:1]
            names = [t for t in names if not lead or t.start < lead[0].start]
        if names:
            out.append(_Source(tuple(v.toks[h.i : h.j]), tuple(run), tuple(names)))
    return out


def _source_detail(v: _View, src: _Source | None) -> str:
    """Return `according to Reuters` for `according to a report by news agency Reuters`."""
    if src is None:
        return "none"
    words = src.names if len(src.toks) > 5 else src.toks[len(src.trigger) :]
    return f"{_words(v, src.trigger)} {' '.join(_words(v, [t]) for t in words[:4])}"


def _sources(a: _View, b: _View) -> Iterable[Signal]:
    """Signal a source named on one side whose name the other side never mentions."""
    sides = []
    for x, y in ((a, b), (b, a)):
        words = y.words
        sides.append([s for s in _source_names(x) if not any(t.norm in words for t in s.names)])
    for i in range(max(len(sides[0]), len(sides[1]))):
        left = sides[0][i] if i < len(sides[0]) else None
        right = sides[1][i] if i < len(sides[1]) else None
        ev = ([_evidence(a, left.toks)] if left else []) + (
            [_evidence(b, right.toks)] if right else []
        )
        detail = f"{_source_detail(a, left)} vs {_source_detail(b, right)}"
        yield Signal("attribution", detail, (a.doc, b.doc), tuple(ev))


# --- negation ---------------------------------------------------------------------------

_AUX_TEXT = "will would shall should can could may might must is are was were be been do does did"
_AUX_TEXT += " have has had to"
_AUX = frozenset(_AUX_TEXT.split())


@_per_member
def _negation_hits(v: _View) -> list[Hit]:
    return lexicon("negation", frozenset({"negative"})).find(v.norms)


@_per_member
def _negated(v: _View) -> dict[str, tuple[int, int]]:
    """Return negated word stems with the token range from the negation to the word."""
    out: dict[str, tuple[int, int]] = {}
    for h in _negation_hits(v):
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
            out.setdefault(stem(w), (i, k + 1))
            break
    return out


def _plain(v: _View, word: str, negated: dict[str, tuple[int, int]]) -> int | None:
    """Return the index of an occurrence of a word stem outside any negation, if any."""
    covered = {k for i, j in negated.values() for k in range(i, j)}
    for k, t in enumerate(v.toks):
        if k not in covered and stem(t.norm) == word:
            return k
    return None


def _with_aux(v: _View, k: int) -> list[Tok]:
    """Return a word with the auxiliary just before it (will allow)."""
    i = k - 1 if k > 0 and v.toks[k - 1].norm in _AUX else k
    return list(v.toks[i : k + 1])


def _negation(a: _View, b: _View) -> Iterable[Signal]:
    neg = {v.doc: _negated(v) for v in (a, b)}
    for x, y in ((a, b), (b, a)):
        if _negation_hits(y):
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
            yield (
                _signal("negation", a, b, left, right)
                if x is a
                else _signal("negation", a, b, right, left)
            )
    yield from _polarity(a, b)


@_per_member
def _plain_words(v: _View) -> dict[str, Tok]:
    """Return the member's words outside negations ("not approved" is not "approved")."""
    covered = {k for i, j in _negated(v).values() for k in range(i, j)}
    out: dict[str, Tok] = {}
    for k, t in enumerate(v.toks):
        if k not in covered:
            out.setdefault(t.norm, t)
    return out


def _polarity(a: _View, b: _View) -> Iterable[Signal]:
    pa, pb = _plain_words(a), _plain_words(b)
    na, nb = pa.keys(), pb.keys()
    for p, q in pairs("polarity"):
        for one, other in ((p, q), (q, p)):
            if one & na and other & nb and not (other & a.words) and not (one & b.words):
                left = next(t for t in a.toks if t.norm in one and pa.get(t.norm) is t)
                right = next(t for t in b.toks if t.norm in other and pb.get(t.norm) is t)
                yield _signal("negation", a, b, [left], [right])


# --- entity -----------------------------------------------------------------------------


@_per_member
def _names(v: _View) -> list[int]:
    """Return the indices of the member's tokens that are names (Moscow, NASA)."""
    known = _name_words(v.document)
    titles = _name_data()[1]
    out = []
    for k, t in enumerate(v.toks):
        if not t.is_capitalised or t.norm in STOPWORDS or t.norm in _NOT_NAMES:
            continue
        if t.norm in titles:
            continue
        if not any(c.isalpha() for c in t.text) or (len(t.text) < 2):
            continue
        if t.is_acronym or not (v.initial[k] or v.title[k]) or t.norm in known:
            out.append(k)
    return out


@_per_member
def _runs(v: _View, acronyms: bool = False, titles: bool = True) -> list[list[int]]:
    """Return runs of capitalised words (National Aeronautics and Space Administration)."""
    skip = frozenset() if titles else _name_data()[1]
    runs: list[list[int]] = []
    cur: list[int] = []
    for k, t in enumerate(v.toks):
        if t.is_capitalised and t.norm not in skip and (acronyms or not t.is_acronym):
            cur.append(k)
        elif cur and t.norm in _NAME_CONNECTORS:
            continue
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def _initials(v: _View, run: Sequence[int]) -> set[str]:
    """Return the initials of a run, with and without its connectors (BoE, NASA)."""
    words = [v.toks[k].norm for k in range(run[0], run[-1] + 1)]
    return {
        "".join(w[:1] for w in words),
        "".join(w[:1] for w in words if w not in _NAME_CONNECTORS),
        "".join(words),  # Air Algerie = AirAlgerie
    }


@_per_member
def _run_initials(v: _View) -> list[tuple[list[int], set[str]]]:
    """Return every stretch of two or more words of a name run with its initials."""
    out = []
    for run in _runs(v):
        for i in range(len(run)):
            for j in range(i + 2, len(run) + 1):
                out.append((run[i:j], _initials(v, run[i:j])))
    return out


@_per_member
def _all_initials(v: _View) -> frozenset[str]:
    return frozenset(n for _, initials in _run_initials(v) for n in initials)


@_per_member
def _long_acronyms(v: _View) -> frozenset[str]:
    return frozenset(t.norm for t in v.toks if t.is_acronym and len(t.norm) >= 3)


def _expanded(x: _View, y: _View) -> set[int]:
    """Return x's tokens that spell out an acronym y uses, and x's acronyms y spells out."""
    # NYC = New York (City), NOLA = New Orleans (LA): an acronym that extends the initials.
    y_long = _long_acronyms(y)
    out: set[int] = set()
    for stretch, initials in _run_initials(x):
        if initials & y.words or any(w.startswith(n) for n in initials for w in y_long):
            out.update(stretch)
    y_initials = _all_initials(y)
    out.update(k for k, t in enumerate(x.toks) if t.norm in y_initials)
    return out


@_per_member
def _by_initial(v: _View) -> dict[str, list[str]]:
    """Return the member's words of three letters or more by their first letter."""
    out: dict[str, list[str]] = {}
    for w in sorted(v.words):
        if len(w) >= 3:
            out.setdefault(w[0], []).append(w)
    return out


@_per_member
def _alias_groups(v: _View) -> frozenset[int]:
    aliases = _name_data()[0]
    return frozenset(aliases[w] for w in v.words if w in aliases)


def _unmatched_names(x: _View, y: _View) -> set[int]:
    """Return x's names that y does not mention in any form."""
    aliases = _name_data()[0]
    groups = _alias_groups(y)
    expanded = _expanded(x, y)
    out = set()
    for k in _names(x):
        n = x.toks[k].norm
        if k in expanded or n in y.words or aliases.get(n, -1) in groups:
            continue
        # Variants share their first letter (Russia/Russian, Pak/Pakistan).
        if any(same_name(n, w) for w in _by_initial(y).get(n[:1], ())):
            continue
        out.add(k)
    # A name that shares a run with a name y mentions is a detail of the same name (NBA
    # Finals / NBA Championship, Jaipur Lit Fest / Jaipur Literature Festival).
    for run in _runs(x, acronyms=True, titles=False):
        if any(k not in out for k in run):
            out.difference_update(run)
    return out


def _phrases(names: set[int]) -> list[list[int]]:
    """Group adjacent name tokens into phrases (North Waziristan)."""
    out: list[list[int]] = []
    for k in sorted(names):
        if out and out[-1][-1] == k - 1:
            out[-1].append(k)
        else:
            out.append([k])
    return out


def _neighbours(v: _View, phrase: Sequence[int], width: int = 3) -> tuple[str, str]:
    """Return the stems of the nearest content words before and after a phrase."""

    def first(ks: Iterable[int]) -> str:
        for k in ks:
            n = v.toks[k].norm
            if n not in STOPWORDS and n not in _SAY:
                return stem(n)
        return ""

    before = first(range(phrase[0] - 1, max(-1, phrase[0] - 1 - width), -1))
    after = first(range(phrase[-1] + 1, min(len(v.toks), phrase[-1] + 1 + width)))
    return before, after


# Words around any name in a report: sharing them says nothing about two names' places.
_SAY = frozenset({"say", "says", "said", "tell", "tells", "told", "according"})
# A change of at most this many words on each side is one name put in another's place.
_SMALL_CHANGE = 3


def _entities(a: _View, b: _View) -> Iterable[Signal]:
    ua, ub = _unmatched_names(a, b), _unmatched_names(b, a)
    if not ua or not ub:
        return
    pa, pb = _phrases(ua), _phrases(ub)
    # Names differ when one takes the other's place: in the same changed run of words, and
    # either that run is short or the names have the same word just before or after them
    # ("left Moscow" / "left Russia", "Moscow was analysing" / "Russia will analyse").
    for a0, a1, b0, b1 in blocks(a.norms, b.norms):
        small = a1 - a0 <= _SMALL_CHANGE and b1 - b0 <= _SMALL_CHANGE
        left = [p for p in pa if a0 <= p[0] < a1]
        right = [p for p in pb if b0 <= p[0] < b1]
        used: set[int] = set()
        for x in left:
            bx, ax = _neighbours(a, x)
            for n, y in enumerate(right):
                by, ay = _neighbours(b, y)
                shared = (bx and bx == by) or (ax and ax == ay)
                if n in used or not (small or shared):
                    continue
                used.add(n)
                xt, yt = [a.toks[k] for k in x], [b.toks[k] for k in y]
                ev = (_evidence(a, xt), _evidence(b, yt))
                yield Signal("entity", f"{_words(a, xt)} vs {_words(b, yt)}", (a.doc, b.doc), ev)
                break


# --- detect -----------------------------------------------------------------------------

_DETECTORS: tuple[Callable[[_View, _View], Iterable[Signal]], ...] = (
    _numbers,
    _quotes,
    _attribution,
    _hedges,
    _negation,
    _entities,
    _tone,
)


def _merge(signals: Iterable[Signal]) -> tuple[Signal, ...]:
    """Merge signals of one type and detail found in several pairs; sort them."""
    merged: dict[tuple[str, tuple[tuple[str, ...], ...]], Signal] = {}
    for s in signals:
        # "500 vs 400" between reports 0 and 1 and "400 vs 500" between 1 and 2 are one
        # difference among three reports: merge on the unordered sides of each part.
        parts = s.detail.lower().split("; ")
        key = (s.type, tuple(tuple(sorted(p.split(" vs "))) for p in parts))
        if key in merged:
            old = merged[key]
            docs = tuple(sorted(set(old.docs) | set(s.docs)))
            merged[key] = Signal(s.type, s.detail, docs, (*old.evidence, *s.evidence))
        else:
            merged[key] = s
    out = []
    for s in merged.values():
        ev = tuple(sorted(set(s.evidence), key=lambda e: (e.doc, e.start, e.end)))
        out.append(Signal(s.type, s.detail, tuple(sorted(set(s.docs))), ev))
    rank = {t: i for i, t in enumerate(SIGNAL_TYPES)}

    def order(s: Signal) -> tuple[int, tuple[int, ...], tuple[tuple[int, int], ...], str]:
        where = tuple((e.doc, e.start) for e in s.evidence)
        return (rank.get(s.type, len(rank)), s.docs, where, s.detail)

    return tuple(sorted(out, key=order))


def detect(documents: Sequence[Document], members: Sequence[Member]) -> tuple[Signal, ...]:
    """Return the signals that explain how a group's members differ (empty: same substance)."""
    views = [_view(documents, m) for m in sorted(members, key=lambda m: m.doc)]
    found: list[Signal] = []
    for a, b in combinations(views, 2):
        if not a.toks or not b.toks or a.norms == b.norms:
            continue  # nothing to tell apart (wire copies repeat sentences word for word)
        for detector in _DETECTORS:
            found.extend(detector(a, b))
    return _merge(found)
