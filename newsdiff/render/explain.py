"""What `--explain` shows per pair of a group's reports: their similarity and what linked them.

Nothing here is scored anew: the pair's similarity is alignment's own term of the group's
similarity (`group_similarity` of the two members: the weighted Dice of their sentences'
bags, lowered when they name different numbers or names), and what linked them is the
evidence alignment weighs (align/score.py, align/evidence.py): the names and numbers both
sentences carry, a quotation both reproduce (word for word, or a short quote whose words the
other also quotes), and the conflicts that weigh against the link (two headlines among them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import combinations

from newsdiff.align.evidence import QUOTE_WORDS, Quoted, days_conflict
from newsdiff.align.group import group_similarity
from newsdiff.align.score import marks_conflict, marks_of
from newsdiff.align.units import Unit, build_units
from newsdiff.model import Comparison, Group
from newsdiff.options import Options
from newsdiff.text.words import Token

# Pairs explained per group: a group of n reports has n(n-1)/2 pairs; past this many the
# rest are counted, not listed (the group's similarity is their mean anyway).
MAX_PAIRS = 6
# Names or numbers listed per pair; more are counted.
MAX_MARKS = 4
# Longest quotation shown, in characters (cut at a word, with an ellipsis).
QUOTE_CHARS = 48


@dataclass(frozen=True)
class PairEvidence:
    """Why two members of a group were aligned, in alignment's own terms."""

    docs: tuple[int, int]
    similarity: float
    names: tuple[str, ...]
    numbers: tuple[str, ...]
    # A quotation both reproduce (the first, as the first report words it), or "".
    quote: str
    # What argued against the link: "different numbers" or "different names" (which lower
    # the similarity shown), "different days" and "both headlines" (which lowered the
    # sentences' link score).
    conflicts: tuple[str, ...]
    # The group in which the second report's sentence sits when the pair explains a
    # reference (Group.elsewhere): that report is absent here but states the fact there.
    told_in: int | None = None


@dataclass(frozen=True)
class GroupEvidence:
    """The explained pairs of one group and how many more pairs it has."""

    pairs: tuple[PairEvidence, ...]
    more: int


def _shown(tokens: Sequence[Token], keys: frozenset[str]) -> tuple[str, ...]:
    """Return the words (as first written) whose normal forms are in keys, each once."""
    out: dict[str, str] = {}
    for t in tokens:
        if t.norm in keys and t.norm not in out:
            # An acronym merged with its expansion is shown short: NASA, not the name in full.
            out[t.norm] = t.norm if t.is_acronym else t.text
    return tuple(out.values())


def _quote(text: str, units: Sequence[Unit], other: frozenset[str]) -> str:
    """Return the first quoted run of `units` whose shingles `other` shares, as written."""
    for u in units:
        shared = u.quotes & other
        if not shared:
            continue
        norms = [t.norm for t in u.tokens]
        # The tokens the shared runs of QUOTE_WORDS words cover, joined into one stretch.
        covered = [
            i
            for i in range(len(norms) - QUOTE_WORDS + 1)
            if " ".join(norms[i : i + QUOTE_WORDS]) in shared
        ]
        if not covered:
            continue
        first, last = covered[0], covered[0] + QUOTE_WORDS - 1
        for i in covered[1:]:
            if i > last + 1:
                break
            last = i + QUOTE_WORDS - 1
        return _shorten(text[u.tokens[first].start : u.tokens[last].end])
    return ""


def _shorten(text: str) -> str:
    """Return a quotation cut to QUOTE_CHARS at a word, with an ellipsis."""
    quoted = " ".join(text.split())
    if len(quoted) > QUOTE_CHARS:
        quoted = quoted[:QUOTE_CHARS].rsplit(" ", 1)[0] + "\u2026"
    return quoted


def _quoted_words(text: str, units: Sequence[Unit], others: Sequence[Unit]) -> str:
    """Return a short quote of `units` matched by its words in `others`, as written."""
    for u in units:
        if not any(u.quote_match(o) is Quoted.WORDS for o in others):
            continue
        # The first stretch of consecutive quoted tokens (a quotation) that holds a quoted
        # content word: only text inside quotation marks is shown, not a word of the same
        # stem before the quotation.
        words = u.quoted_words or {}
        stretch: list[int] = []
        for k in u.quoted_at:
            if stretch and k != stretch[-1] + 1:
                if any(u.tokens[j].norm in words for j in stretch):
                    break
                stretch = []
            stretch.append(k)
        if stretch and any(u.tokens[j].norm in words for j in stretch):
            return _shorten(text[u.tokens[stretch[0]].start : u.tokens[stretch[-1]].end])
    return ""


def _pair(
    comparison: Comparison, units: Sequence[Unit], a: list[int], b: list[int], penalty: float
) -> PairEvidence:
    """Return the evidence linking two members, given their units' indices."""
    ua, ub = [units[k] for k in a], [units[k] for k in b]
    ta = [t for u in ua for t in u.tokens]
    tb = [t for u in ub for t in u.tokens]
    (na, ma), (nb, mb) = marks_of(ta), marks_of(tb)
    conflicts = []
    if marks_conflict((na, frozenset()), (nb, frozenset())):
        conflicts.append("different numbers")
    if marks_conflict((frozenset(), ma), (frozenset(), mb)):
        conflicts.append("different names")
    days_a = frozenset(d for u in ua for d in u.days)
    days_b = frozenset(d for u in ub for d in u.days)
    if days_conflict(days_a, days_b):
        conflicts.append("different days")
    if any(x.headline_conflict(y) for x in ua for y in ub):
        conflicts.append("both headlines")
    quotes_b = frozenset(q for u in ub for q in u.quotes)
    doc = comparison.documents[ua[0].doc]
    quote = _quote(doc.text, ua, quotes_b) or _quoted_words(doc.text, ua, ub)
    return PairEvidence(
        docs=(ua[0].doc, ub[0].doc),
        similarity=group_similarity(units, [*a, *b], penalty),
        names=_shown(ta, ma & mb),
        numbers=_shown(ta, na & nb),
        quote=quote,
        conflicts=tuple(conflicts),
    )


def explain_groups(comparison: Comparison, groups: Sequence[Group]) -> dict[int, GroupEvidence]:
    """Return, per group index of 2+ members, the evidence of its first MAX_PAIRS pairs.

    A sentence the group names elsewhere (Group.elsewhere) is explained too, beside the
    member it is most similar to, after the members' own pairs.
    """
    if not any(len(g.members) > 1 or g.elsewhere for g in groups):
        return {}
    units = build_units(comparison.documents)
    where = {(u.doc, u.sent): k for k, u in enumerate(units)}
    # The penalty alignment used (a comparison built by hand gives none: the default's).
    penalty = comparison.conflict_penalty
    if penalty is None:
        penalty = Options().conflict_penalty
    out: dict[int, GroupEvidence] = {}
    for g in groups:
        members = [
            [where[(m.doc, s)] for s in m.sentences if (m.doc, s) in where] for m in g.members
        ]
        pairs = [(a, b) for a, b in combinations(members, 2) if a and b]
        told = [
            (e, [where[(e.doc, e.sentence)]]) for e in g.elsewhere if (e.doc, e.sentence) in where
        ]
        if not pairs and not told:
            continue
        shown = [_pair(comparison, units, a, b, penalty) for a, b in pairs[:MAX_PAIRS]]
        for e, ref in told[: max(0, MAX_PAIRS - len(shown))]:
            candidates = [_pair(comparison, units, m, ref, penalty) for m in members if m]
            best = max(candidates, key=lambda p: p.similarity)
            shown.append(replace(best, told_in=e.group))
        total = len(pairs) + len(told)
        out[g.index] = GroupEvidence(tuple(shown), total - len(shown))
    return out


def pair_text(pair: PairEvidence, names: Sequence[str], between: str = "\u2013") -> str:
    """Return one pair's line: `A–B 0.45: names NASA, ISS; numbers 500; quote “…”`."""
    parts = []
    for label, items in (("names", pair.names), ("numbers", pair.numbers)):
        if items:
            extra = len(items) - MAX_MARKS
            listed = ", ".join(items[:MAX_MARKS]) + (f" +{extra}" if extra > 0 else "")
            parts.append(f"{label} {listed}")
    if pair.quote:
        parts.append(f"quote \u201c{pair.quote}\u201d")
    if not parts:
        parts.append("shared words only")
    if pair.conflicts:
        parts.append(f"conflict: {', '.join(pair.conflicts)}")
    a, b = (names[d] for d in pair.docs)
    where = "" if pair.told_in is None else f" (told in #{pair.told_in})"
    return f"{a}{between}{b}{where} {pair.similarity:.2f}: {'; '.join(parts)}"
