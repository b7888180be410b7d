"""Signals from word lists: attribution (verbs and sources), hedges and tone."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from newsdiff.model import Side, Signal, SignalType
from newsdiff.signals.context import (
    NOT_NAMES,
    PRONOUNS,
    SAY,
    View,
    closest_sentence,
    per_member,
    sentence_at,
    side,
    signal,
    signal_of,
    stems,
    text_of,
)
from newsdiff.text.lexicons import Hit, lexicon, pairs
from newsdiff.text.words import STOPWORDS, Token, word_stem


@per_member
def _found(v: View, name: str, inflect: bool) -> list[Hit]:
    """Return a lexicon's entries in a member, quoted or not (searched once for both)."""
    found = [h for h in lexicon(name, inflect).find(v.norms) if not _capital_use(v, h)]
    if name == "attribution":
        found = [h for h in found if _verb_use(v, h)]
    return found


@per_member
def hits(v: View, name: str, inflect: bool, unquoted: bool) -> list[Hit]:
    """Return a lexicon's entries in a member (outside quotations if `unquoted`)."""
    found = list(_found(v, name, inflect))
    if unquoted:
        found = [h for h in found if not any(t.quoted for t in v.toks[h.i : h.j])]
    return found


def _one_sided(
    kind: SignalType,
    name: str,
    inflect: bool,
    a: View,
    b: View,
    ignore: frozenset[str],
    anchored: Callable[[View, Hit, View], bool] | None = None,
) -> Iterable[Signal]:
    """Signal each class of a lexicon that one side uses (outside quotes) and the other not."""
    own = {v.doc: hits(v, name, inflect, True) for v in (a, b)}
    if not own[a.doc] and not own[b.doc]:
        return  # no entry outside quotations on either side (most pairs)
    every = {v.doc: {h.cls for h in hits(v, name, inflect, False)} for v in (a, b)}
    for x, y in ((a, b), (b, a)):
        for cls in sorted({h.cls for h in own[x.doc]} - every[y.doc] - ignore):
            # The word must be about something the other side says too: one of its
            # neighbouring content words is there ("reportedly resigned" / "resigned").
            test = anchored or _anchored
            hit = next((h for h in own[x.doc] if h.cls == cls and test(x, h, y)), None)
            if hit is None:
                continue
            toks = x.toks[hit.i : hit.j]
            yield signal(kind, a, b, toks, []) if x is a else signal(kind, a, b, [], toks)


def _anchored(x: View, h: Hit, y: View) -> bool:
    """Return True when a content word next to a hit (within 3 words) is also in y."""
    known = stems(y)
    for k in (*range(h.i - 1, max(-1, h.i - 4), -1), *range(h.j, min(len(x.toks), h.j + 3))):
        n = x.toks[k].norm
        if n not in STOPWORDS and n not in SAY and word_stem(n) in known:
            return True
    return False


# Words before a modal that make it part of a purpose clause ("so he could shoot", "in order
# that they might"), an indirect question ("unsure what it might cost", "whether it
# could") or a free relative ("any permits they might hold"): the modal hedges nothing
# the report asserts.
_PURPOSE = frozenset({"so", "order", "what", "whether", "how", "if", "any", "whatever"})


def _hedged(x: View, h: Hit, y: View) -> bool:
    """Return True when a hedge qualifies a claim y asserts, and y has none of its words.

    The claim is the first content word after the hedge ("may have broken" -> broken);
    y must state it. "the potential to destroy" is not hedged against "the potential
    'destruction'": y uses the hedge's own word.
    """
    before = [t.norm for t in x.toks[max(0, h.i - 4) : h.i]]
    if any(w in _PURPOSE for w in before):
        return False
    own = {word_stem(t.norm) for t in x.toks[h.i : h.j] if t.norm not in STOPWORDS}
    if own & stems(y):
        return False
    known = stems(y)
    claim = [
        word_stem(t.norm)
        for t in x.toks[h.j : h.j + 5]
        if t.norm.isalpha() and t.norm not in STOPWORDS and t.norm not in SAY
    ]
    # The hedged claim's verb and its object: one of them must be what y states.
    return any(w in known for w in claim[:2])


def hedges(a: View, b: View) -> Iterable[Signal]:
    """Signal a class of hedges (may, reportedly) used on one side only."""
    return _one_sided("hedge", "hedges", False, a, b, frozenset({"ignore"}), _hedged)


def _capital_use(v: View, h: Hit) -> bool:
    """Return True when a lexicon word is capitalised as a name or month (Theresa May, May 6)."""
    t = v.toks[h.i]
    if not t.is_capitalised or t.is_acronym:
        return False
    if not v.initial[h.i] and not v.title[h.i]:
        return True  # a name inside an ordinary sentence: Theresa May
    if v.initial[h.i] and t.norm in NOT_NAMES:
        return True  # a month opening a headline: "May Housing Starts Up"
    nxt = v.toks[h.i + 1] if h.i + 1 < len(v.toks) else None
    return nxt is not None and nxt.norm[:1].isdigit()


def reported(v: View, h: Hit) -> bool:
    """Return True when a word is in what a speaker is reported to say ("X said it was absurd").

    A reporting verb earlier in the word's clause (no comma or dash between them) makes
    the rest of it the speaker's claim: the loaded word is the speaker's, not the report's.
    """
    text = v.document.text
    start = v.toks[h.i].start
    for r in hits(v, "attribution", True, False):
        if r.cls == "ignore" or r.j > h.i:
            continue
        between = text[v.toks[r.j - 1].end : start]
        if not any(c in between for c in ",;:—–()\n.!?"):
            return True
    return False


def _loaded(x: View, h: Hit, y: View) -> bool:
    """Return True for a loaded word of the report's own, next to something y says too."""
    return not reported(x, h) and _anchored(x, h, y)


def tone(a: View, b: View) -> Iterable[Signal]:
    """Signal a class of loaded words (regime, landmark) used on one side only."""
    return _one_sided("tone", "tone", True, a, b, frozenset(), _loaded)


def tone_marks(v: View) -> Iterable[Signal]:
    """Mark the loaded words of a member no other report states (a unique sentence).

    Each mark names the one report and points at its word: there is no other side to
    compare, so its detail is the word alone ("controversial"), once per word.
    """
    seen: set[str] = set()
    for h in hits(v, "tone", True, True):
        if reported(v, h):
            continue
        toks = v.toks[h.i : h.j]
        words = text_of(v, toks)
        if words.lower() not in seen:
            seen.add(words.lower())
            yield Signal("tone", ((side(v, toks), Side((), None)),))


_DETERMINERS_TEXT = (
    "the a an this that these those his her their its our my your 's such no any new"
)
_DETERMINERS = frozenset(_DETERMINERS_TEXT.split())
# Words after a plural noun, not after a verb: "claims were false", "abuse claims in a letter".
_FOLLOWERS_TEXT = "is are was were be been have has had will would in against about by and or"
_FOLLOWERS = frozenset(_FOLLOWERS_TEXT.split())


def _verb_use(v: View, h: Hit) -> bool:
    """Return True when a reporting word is used as a finite verb, not a noun or gerund."""
    t = v.toks[h.i]
    if h.cls == "ignore":
        return True
    if t.norm.endswith("ing"):
        # "admitting gays", "warning signs", "Speaking on it"; but "clarifying that ...",
        # and after a comma a participle clause: `called it "absurd," claiming she erred`.
        gap = v.document.text[v.toks[h.i - 1].end : t.start] if h.i else ""
        return (h.j < len(v.toks) and v.toks[h.j].norm == "that") or "," in gap
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


# Words that join a second verb to the first one's subject: "said A and said B".
_COORDINATORS = frozenset({"and", "but", "then"})


def _speaker(v: View, h: Hit) -> frozenset[str]:
    """Return who a reporting verb gives the word to: names and the subject before it.

    Empty when the word has no subject in its clause ("his remarks", "racist comments"):
    then it is a noun, or a verb whose speaker cannot be told.
    """
    out: set[str] = set()
    subject = ""
    if h.i > 0 and v.toks[h.i - 1].norm in _COORDINATORS:
        # "X said A and said B": a verb joined to an earlier one of its clause has its subject.
        same = sentence_at(v, h.i)
        earlier = [
            r
            for r in hits(v, "attribution", True, False)
            if r.cls != "ignore" and r.j < h.i and sentence_at(v, r.i) == same
        ]
        if earlier:
            return _speaker(v, earlier[-1])
    if h.i > 0 and v.toks[h.i - 1].norm == "who":
        # "two drivers who were on the road that night who claimed": the speaker is the
        # antecedent, some words back and not told apart by a parse; any noun of the clause
        # before the verb may be it.
        return _clause_words(v, h)
    if v.toks[h.i].norm.endswith("ing") and h.i > 0:
        gap = v.document.text[v.toks[h.i - 1].end : v.toks[h.i].start]
        if "," in gap:
            # ", claiming that ...": the speaker is the subject of the sentence's main clause.
            first = _sentence_start(v, h.i)
            head = [
                t
                for t in v.toks[first : min(h.i, first + 4)]
                if t.norm.isalpha() and not t.quoted and t.norm not in NOT_NAMES | STOPWORDS
            ]
            # Its names, or the head of a common noun subject ("The governor on Monday").
            return frozenset(word_stem(t.norm) for t in head if t.is_capitalised) or (
                frozenset({word_stem(head[0].norm)}) if head else frozenset()
            )
    for k in range(h.i - 1, max(-1, h.i - 9), -1):
        t = v.toks[k]
        if any(c in v.document.text[t.end : v.toks[k + 1].start] for c in ".;:?!"):
            break  # the verb's clause starts after a sentence's end
        if t.quoted:
            continue  # the words quoted are not the speaker: `called it "unfair," claiming`
        if t.norm in PRONOUNS and not out and not subject:
            return frozenset({"<pronoun>"})
        if t.norm in STOPWORDS or t.norm in SAY or t.norm in NOT_NAMES or not t.norm.isalpha():
            continue
        if t.is_capitalised:
            out.add(word_stem(t.norm))
        # The nearest content word is the subject's head ("two drivers who claimed").
        subject = subject or word_stem(t.norm)
    # "...," said Smith: after a quotation or a comma, the speaker follows the verb.
    gap = v.document.text[v.toks[h.i - 1].end : v.toks[h.i].start] if h.i else ""
    inverted = h.i > 0 and (v.toks[h.i - 1].quoted or "," in gap)
    for t in v.toks[h.j : h.j + 3] if inverted else ():
        if not t.is_capitalised or t.norm in NOT_NAMES | STOPWORDS:
            break
        out.add(word_stem(t.norm))
    if subject:
        out.add(subject)
    return frozenset(out)


def _clause_words(v: View, h: Hit) -> frozenset[str]:
    """Return the stems of the content words before a verb in its sentence (a clause's worth)."""
    out: set[str] = set()
    for k in range(h.i - 1, max(-1, h.i - 1 - CLAIM_WORDS), -1):
        t = v.toks[k]
        if any(c in v.document.text[t.end : v.toks[k + 1].start] for c in ".;:?!"):
            break
        if t.quoted or t.norm in STOPWORDS or t.norm in SAY or t.norm in NOT_NAMES:
            continue
        if t.norm.isalpha() and t.norm not in PRONOUNS:
            out.add(word_stem(t.norm))
    return frozenset(out)


def _sentence_start(v: View, k: int) -> int:
    """Return the index of the first token of the sentence holding token k."""
    start = v.spans[sentence_at(v, k)][0]
    return next(i for i, t in enumerate(v.toks) if t.start >= start)


def _same_source(x: frozenset[str], y: frozenset[str]) -> bool:
    """Return True when two reporting verbs give the word to the same speaker."""
    if not x or not y:
        return False
    return bool(x & y) or "<pronoun>" in x or "<pronoun>" in y


# How many words after a reporting verb (or before it, when it ends its sentence: "...,"
# he said) hold what it reports: a clause, not the rest of a long sentence.
CLAIM_WORDS = 12


def _claim(v: View, h: Hit) -> frozenset[str]:
    """Return the content-word stems of what a reporting verb reports (its clause's words)."""
    first = _sentence_start(v, h.i)
    end = v.spans[sentence_at(v, h.i)][1]
    after = [t for t in v.toks[h.j : h.j + CLAIM_WORDS] if t.start < end]
    words = after if len(after) >= 3 else v.toks[max(first, h.i - CLAIM_WORDS) : h.i]
    return frozenset(
        word_stem(t.norm) for t in words if t.norm.isalpha() and t.norm not in STOPWORDS
    )


def _same_claim(a: View, ha: Hit, b: View, hb: Hit) -> bool:
    """Return True when two reporting verbs report one claim: their clauses share two words.

    "claiming she misled the auditors" and "said the auditors cost the town a year" give
    one speaker two claims: their verbs are no difference of attribution.
    """
    return len(_claim(a, ha) & _claim(b, hb)) >= 2


def _aligned_hits(x: View, y: View, found: list[Hit]) -> list[Hit]:
    """Return the hits of x in its sentence that states what y states."""
    if len(x.spans) < 2:
        return found
    best = closest_sentence(x, y)
    return [h for h in found if sentence_at(x, h.i) == best]


def _plain_too(x: View, hx: Hit, other: Hit, found: Sequence[Hit]) -> bool:
    """Return True when x reports with the other side's neutral verb first, same speaker.

    "the mayor said, before claiming that ..." against "the mayor said": the shared claim
    is told with "said" on both sides; the later "claiming" reports another claim. A neutral
    verb after the stance verb elaborates it ("denied it, telling reporters"): no excuse.
    """
    if other.cls != "neutral" or hx.cls == "neutral":
        return False
    speaker = _speaker(x, hx)
    return any(
        h.cls == "neutral" and h.i < hx.i and _same_source(_speaker(x, h), speaker) for h in found
    )


def attribution(a: View, b: View) -> Iterable[Signal]:
    """Signal reporting verbs of another stance for one speaker, and sources on one side only."""
    if not all(any(h.cls != "ignore" for h in hits(v, "attribution", True, True)) for v in (a, b)):
        # One side attributes nothing (checked below on its aligned sentence's verbs, a
        # subset): skip finding the sentences that state the same thing.
        yield from _sources(a, b)
        return
    own = {
        x.doc: _aligned_hits(x, y, hits(x, "attribution", True, True)) for x, y in ((a, b), (b, a))
    }
    every = {
        x.doc: {h.cls for h in _aligned_hits(x, y, hits(x, "attribution", True, False))}
        for x, y in ((a, b), (b, a))
    }
    only = {
        x.doc: sorted({h.cls for h in own[x.doc]} - every[y.doc] - {"neutral", "ignore"})
        for x, y in ((a, b), (b, a))
    }
    # Both sides must attribute: "said vs claimed". A reporting word on one side only is too
    # often a noun or another sense ("jobless claims", "is claimed by both countries").
    speaks = all(any(h.cls != "ignore" for h in own[v.doc]) for v in (a, b))
    if speaks and (only[a.doc] or only[b.doc]):
        found = _verb_pair(a, b, own, only)
        if found is not None:
            ha, hb = found
            left, right = a.toks[ha.i : ha.j], b.toks[hb.i : hb.j]
            if not _opposite([t.norm for t in left], [t.norm for t in right]):
                yield signal("attribution", a, b, left, right)
    yield from _sources(a, b)


def _verb_pair(
    a: View, b: View, own: dict[int, list[Hit]], only: dict[int, list[str]]
) -> tuple[Hit, Hit] | None:
    """Return the first two verbs, one a side, that report one claim of one speaker.

    Each side offers its verbs of a stance the other lacks, else its neutral ones. A side
    with two "said" reports two claims: its verb is the one whose clause tells what the
    other side's verb reports, not merely the first. The agency's "refuted" is not the
    minister's "stated", nor "claiming she erred" the "said" of another claim.
    """
    offered = []
    for v in (a, b):
        mine = [h for h in own[v.doc] if h.cls in only[v.doc]]
        offered.append(mine or [h for h in own[v.doc] if h.cls == "neutral"])
    for ha in offered[0]:
        for hb in offered[1]:
            if (
                _same_source(_speaker(a, ha), _speaker(b, hb))
                and _same_claim(a, ha, b, hb)
                and not (_plain_too(a, ha, hb, own[a.doc]) or _plain_too(b, hb, ha, own[b.doc]))
            ):
                return ha, hb
    return None


# Words that lead from "according to" to the name of the source ("a report by Reuters").
_SOURCE_LINKS_TEXT = "by from of at agency newspaper magazine daily website channel broadcaster"
_SOURCE_LINKS = frozenset(f"{_SOURCE_LINKS_TEXT} network outlet station tv radio".split())


@dataclass(frozen=True)
class _Source:
    """A named source: the trigger words (according to), its words, and its name words."""

    trigger: tuple[Token, ...]
    run: tuple[Token, ...]
    names: tuple[Token, ...]

    @property
    def toks(self) -> list[Token]:
        return [*self.trigger, *self.run[: self.run.index(self.names[-1]) + 1]]


@per_member
def _source_names(v: View) -> list[_Source]:
    """Return the sources a member names (according to Reuters, citing officials)."""
    out = []
    for h in hits(v, "sources", False, False):
        run: list[Token] = []
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
            if first and run[first - 1].norm not in _SOURCE_LINKS and _nouns(run[:first]):
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


def _nouns(toks: Sequence[Token]) -> bool:
    """Return True when words before a name hold a noun of their own ("various reports").

    An article ("the Associated Press") or two words joined by "and" or "or" ("serving
    and retired Treasury officials") qualify the name that follows instead.
    """
    if all(t.norm in STOPWORDS for t in toks):
        return False
    return not (len(toks) >= 3 and toks[-2].norm in ("and", "or"))


def _source_side(v: View, src: _Source | None) -> Side:
    """Return `according to Reuters` for `according to a report by news agency Reuters`."""
    if src is None:
        return side(v, [])
    words = src.names if len(src.toks) > 5 else src.toks[len(src.trigger) :]
    text = f"{text_of(v, src.trigger)} {' '.join(text_of(v, [t]) for t in words[:4])}"
    return side(v, src.toks, text)


def _acronym_of(src: _Source) -> set[str]:
    """Return the acronyms a source's name may take: THG or HG for The Harbour Gazette."""
    caps = [t.norm[0] for t in src.run if t.is_capitalised]
    forms = {"".join(caps), "".join(t.norm[0] for t in src.names)}
    return {f for f in forms if len(f) >= 2}  # one word's letter is no acronym ("a")


# The longest name an acronym stands for, in words.
_ACRONYM_MAX = 6
# Words that may open a name without being part of its acronym ("The Associated Press").
_ARTICLES = frozenset({"the", "a", "an"})


@per_member
def _acronyms(v: View) -> frozenset[str]:
    """Return a member's acronyms (AP, THG), lower-cased as its words are."""
    return frozenset(t.norm for t in v.toks if t.is_acronym)


@per_member
def _initials(v: View) -> frozenset[str]:
    """Return the initials of a member's names, for an acronym the other side uses.

    A name is a whole run of capitalised words, ended by punctuation: "The Hollywood
    Reporter" gives "thr" and "hr" (no article), never a stretch inside a run ("Acting
    President Mills" is no AP). A sentence's first word may be no name: left off too.
    """
    runs: list[list[int]] = []
    prev: Token | None = None
    for k, t in enumerate(v.toks):
        if not (t.is_capitalised and t.norm.isalpha() and not t.is_acronym) or (
            t.norm in NOT_NAMES or v.title[k]
        ):
            prev = None  # a headline's capitals mark no names
            continue
        if prev is None or v.document.text[prev.end : t.start].strip():
            runs.append([])
        runs[-1].append(k)
        prev = t
    out: set[str] = set()
    for run in runs:
        first = v.toks[run[0]]
        starts = [run, run[1:]] if first.norm in _ARTICLES or v.initial[run[0]] else [run]
        out |= {
            "".join(v.toks[k].norm[0] for k in ks) for ks in starts if 2 <= len(ks) <= _ACRONYM_MAX
        }
    return frozenset(out)


def _sources(a: View, b: View) -> Iterable[Signal]:
    """Signal a source named on one side whose name the other side never mentions."""
    sides = []
    for x, y in ((a, b), (b, a)):
        words, initials, acronyms = y.words, _initials(y), _acronyms(y)
        # A name the other side writes, or writes as an acronym (THR, The Hollywood Reporter):
        # an acronym is matched with names only, not any word of its letters ("tap").
        sides.append(
            [
                s
                for s in _source_names(x)
                if not any(
                    t.norm in words or (t.is_acronym and t.norm in initials) for t in s.names
                )
                and not _acronym_of(s) & acronyms
            ]
        )
    for i in range(max(len(sides[0]), len(sides[1]))):
        left = sides[0][i] if i < len(sides[0]) else None
        right = sides[1][i] if i < len(sides[1]) else None
        yield signal_of("attribution", a, b, [(_source_side(a, left), _source_side(b, right))])
