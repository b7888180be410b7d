"""The entity signal: names that take each other's place (Moscow / Russia)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import pairwise

from newsdiff.model import Signal
from newsdiff.signals.context import NOT_NAMES, View, neighbours, per_member, signal
from newsdiff.text.diff import blocks
from newsdiff.text.lexicons import read
from newsdiff.text.names import same_name
from newsdiff.text.words import STOPWORDS, split_words

_NAME_CONNECTORS = frozenset({"of", "and", "the", "for", "de", "&"})


@lru_cache(maxsize=1)
def _name_data() -> tuple[dict[str, int], frozenset[str]]:
    """Return alias groups (word -> group number) and titles from the names lexicon."""
    aliases: dict[str, int] = {}
    titles: set[str] = set()
    for n, (cls, line) in enumerate(read("names")):
        words = [w for part in line.split("=") for w in (t.norm for t in split_words(part))]
        if cls == "alias":
            for w in words:
                aliases.setdefault(w, n)
        elif cls == "title":
            titles.update(words)
    return aliases, frozenset(titles)


@per_member
def _names(v: View) -> list[int]:
    """Return the indices of the member's tokens that are names (Moscow, NASA)."""
    known = v.context.names(v.doc)
    titles = _name_data()[1]
    out = []
    for k, t in enumerate(v.toks):
        if not t.is_capitalised or t.norm in STOPWORDS or t.norm in NOT_NAMES:
            continue
        if t.norm in titles:
            continue
        if not any(c.isalpha() for c in t.text) or (len(t.text) < 2):
            continue
        if t.is_acronym or not (v.initial[k] or v.title[k]) or t.norm in known:
            out.append(k)
    return out


@per_member
def _runs(v: View, acronyms: bool = False, titles: bool = True) -> list[list[int]]:
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


def _initials(v: View, run: Sequence[int]) -> set[str]:
    """Return the initials of a run, with and without its connectors (BoE, NASA)."""
    words = [v.toks[k].norm for k in range(run[0], run[-1] + 1)]
    return {
        "".join(w[:1] for w in words),
        "".join(w[:1] for w in words if w not in _NAME_CONNECTORS),
        "".join(words),  # Air Algerie = AirAlgerie
    }


@per_member
def _run_initials(v: View) -> list[tuple[list[int], set[str]]]:
    """Return every stretch of two or more words of a name run with its initials."""
    out = []
    for run in _runs(v):
        for i in range(len(run)):
            for j in range(i + 2, len(run) + 1):
                out.append((run[i:j], _initials(v, run[i:j])))
    return out


@per_member
def _all_initials(v: View) -> frozenset[str]:
    """Return every initials string of a member's name runs."""
    return frozenset(n for _, initials in _run_initials(v) for n in initials)


@per_member
def _long_acronyms(v: View) -> frozenset[str]:
    """Return a member's acronyms of three letters or more."""
    return frozenset(t.norm for t in v.toks if t.is_acronym and len(t.norm) >= 3)


def _expanded(x: View, y: View) -> set[int]:
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


@per_member
def _by_initial(v: View) -> dict[str, list[str]]:
    """Return the member's words of three letters or more by their first letter."""
    out: dict[str, list[str]] = {}
    for w in sorted(v.words):
        if len(w) >= 3:
            out.setdefault(w[0], []).append(w)
    return out


@per_member
def _alias_groups(v: View) -> frozenset[int]:
    """Return the alias groups of the names a member uses."""
    aliases = _name_data()[0]
    return frozenset(aliases[w] for w in v.words if w in aliases)


def _unmatched_names(x: View, y: View) -> set[int]:
    """Return x's names that y does not mention in any form."""
    names = _names(x)
    if not names:
        return set()
    aliases = _name_data()[0]
    groups = _alias_groups(y)
    words = y.words
    expanded: set[int] | None = None  # found only for a name y does not write as such
    out = set()
    for k in names:
        n = x.toks[k].norm
        if n in words or aliases.get(n, -1) in groups:
            continue
        if expanded is None:
            expanded = _expanded(x, y)
        if k in expanded:
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


# A change of at most this many words on each side is one name put in another's place.
_SMALL_CHANGE = 3


@lru_cache(maxsize=1)
def _ranks() -> frozenset[str]:
    """Return the titles and ranks that may stand before a surname (Inspector Lee)."""
    ranks = {w for cls, line in read("names") if cls == "rank" for w in line.split()}
    return frozenset(ranks) | _name_data()[1]


@per_member
def _people(v: View) -> list[tuple[str, str, list[int]]]:
    """Return the full names of people in a member: (given name, surname, token run).

    The last two words of a run of two to four capitalised words, outside headlines: "Ann
    Lee", "Ann B. Lee", "Officer Ann Lee" (the given name is the word before the surname).
    """
    titles = _ranks()
    out = []
    for run in _runs(v, titles=False):
        toks = [v.toks[k] for k in range(run[0], run[-1] + 1)]
        if v.title[run[0]]:
            continue  # a headline capitalises every word: "Boost Sanctions On Russia"
        if not 2 <= len(toks) <= 4 or len(run) != len(toks):
            continue  # connectors (Bank of England) make an organisation, not a person
        if any(t.is_acronym or not t.text.isalpha() for t in toks):
            continue
        gaps = [(v.document.text[p.end : t.start], len(p.text)) for p, t in pairwise(toks)]
        if any(g != " " and not (g == ". " and n == 1) for g, n in gaps):
            continue  # "Lee. Ann", "Ruined' Lee": words of two phrases
        named = [k for k, t in zip(run, toks, strict=True) if len(t.text) > 1]
        if len(named) < 2:
            continue
        first, last = v.toks[named[-2]], v.toks[named[-1]]
        if len(first.text) < 3 or len(last.text) < 3 or first.norm in titles:
            continue
        if first.norm in STOPWORDS or first.norm in NOT_NAMES or last.norm in NOT_NAMES:
            continue
        out.append((first.norm, last.norm, run[run.index(named[-2]) :]))
    return out


# Two given names this alike (Indel similarity) are one name spelled two ways: Jon / John,
# Carolos / Karolos, Giannis / Yiannis; Ann / Mary or Linda / Loretta are not.
_SPELLING = 0.6


def _one_given_name(x: str, y: str) -> bool:
    """Return True when two given names may be one person's (Bill / William, Jon / John)."""
    from rapidfuzz.distance import Indel

    aliases = _name_data()[0]
    if aliases.get(x, -1) == aliases.get(y, -2) or x.startswith(y) or y.startswith(x):
        return True  # an alias, or a short form (Mat / Matanuska, Chris / Christopher)
    return Indel.normalized_similarity(x, y) >= _SPELLING


def _same_role(a: View, ra: list[int], b: View, rb: list[int]) -> bool:
    """Return True when two names are told next to the same word (the same role)."""
    ba, aa = neighbours(a, ra)
    bb, ab = neighbours(b, rb)
    return bool((ba and ba == bb) or (aa and aa == ab))


def _namesakes(a: View, b: View) -> Iterable[Signal]:
    """Signal two people of one surname and different given names in one role (Ann / Mary Lee).

    Neither given name may appear on the other side (a report naming both people tells
    of both), nor be a form or spelling of the other (Bill / William, Jon / John).
    """
    for ga, sa, ra in _people(a):
        for gb, sb, rb in _people(b):
            if sa != sb or _one_given_name(ga, gb) or not _same_role(a, ra, b, rb):
                continue
            if ga in b.words or gb in a.words:
                continue
            xt = [a.toks[k] for k in range(ra[0], ra[-1] + 1)]
            yt = [b.toks[k] for k in range(rb[0], rb[-1] + 1)]
            yield signal("entity", a, b, xt, yt)
            return


def detect(a: View, b: View) -> Iterable[Signal]:
    """Signal names of one member put in the place of other names in the other."""
    yield from _namesakes(a, b)
    # b's names matter only when a has one b lacks (most pairs share all their names).
    ua = _unmatched_names(a, b)
    if not ua:
        return
    ub = _unmatched_names(b, a)
    if not ub:
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
            bx, ax = neighbours(a, x)
            for n, y in enumerate(right):
                by, ay = neighbours(b, y)
                shared = (bx and bx == by) or (ax and ax == ay)
                if n in used or not (small or shared):
                    continue
                used.add(n)
                xt, yt = [a.toks[k] for k in x], [b.toks[k] for k in y]
                yield signal("entity", a, b, xt, yt)
                break
