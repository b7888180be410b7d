"""Find quotations in a text (across sentence boundaries) and compare a quote with a report."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsdiff.text.diff import blocks
from newsdiff.text.names import same_name
from newsdiff.text.words import STOPWORDS, Token, word_stem

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
# A blank line, or a line break after sentence-final punctuation, ends a paragraph: an
# unclosed double quote stops there (news style reopens a quote in each paragraph).
_PARAGRAPH = re.compile(r"\n[ \t]*\n|(?<=[.!?:\"”’])[ \t]*\n")
# Pronoun and auxiliary changes are how direct speech becomes reported speech ("we will"
# -> "they would"): not a change of the quote's words.
_SHIFT_TEXT = """
    i me my mine we us our ours you your yours he him his she her hers it its they them their
    theirs will would shall should can could may might is was are were am be been have has had
    do does did 's
"""
_SHIFT_WORDS = frozenset(_SHIFT_TEXT.split())
# Every character the scan below acts on; any other character changes nothing, so only
# these positions are visited (most of a text has none).
_MARKS = re.compile("[\"'`“„«”»‘‚’]")


@dataclass(frozen=True)
class Quote:
    """The text between a pair of quotation marks: text[start:end], without the marks."""

    start: int
    end: int
    closed: bool = True


def _alnum(c: str) -> bool:
    return c.isalnum()


def _paragraph_quotes(text: str, lo: int, hi: int) -> list[Quote]:
    """Return the quotes of text[lo:hi], one paragraph."""
    out: list[Quote] = []
    # Open marks: (kind, position, character); kind "d" double, "s" single.
    stack: list[tuple[str, int, str]] = []

    def close(kind: str, pos: int) -> None:
        while stack:
            k, at, _ = stack.pop()
            if k == kind:
                out.append(Quote(at + 1, pos))
                return

    skip = -1
    for mark in _MARKS.finditer(text, lo, hi):
        p = mark.start()
        if p == skip:
            continue
        c = text[p]
        prev = text[p - 1] if p > lo else " "
        nxt = text[p + 1] if p + 1 < hi else " "
        open_double = any(k == "d" for k, _, _ in stack)
        if c + nxt in ("``", "''"):
            # Typewriter-style marks of tokenised text (``like this'').
            skip = p + 1
            if c == "`":
                stack.append(("d", p + 1, c))
            elif open_double:
                close("d", p)
            continue
        if c in _DOUBLE_OPEN:
            if open_double and (c == "“" and any(ch == "„" for _, _, ch in stack)):
                close("d", p)
            elif open_double and c == "“" and not nxt.isspace() and prev.isspace():
                stack.append(("d", p, c))  # a quote inside a quote with the same marks
            elif open_double and c == "“":
                close("d", p)
            else:
                stack.append(("d", p, c))
        elif c in _DOUBLE_CLOSE:
            if open_double:
                close("d", p)
        elif c == '"':
            # Straight double quotes do not nest: one closes the one open, however spaced
            # (tokenised text has `decision, "a friend said`).
            if any(k == "d" and ch == '"' for k, _, ch in stack) or (
                open_double and not prev.isspace()
            ):
                close("d", p)
            elif not nxt.isspace() and not _alnum(prev):
                stack.append(("d", p, c))
        elif c in "‘‚" or (c == "'" and not _alnum(prev)):
            if _alnum(nxt) or nxt in '"“':
                stack.append(("s", p, c))
        elif (
            c in "’'"
            and not _alnum(nxt)
            and not prev.isspace()
            and any(k == "s" for k, _, _ in stack)
        ):
            close("s", p)
    for k, at, _ in stack:
        # Single marks left open were apostrophes; a double quote runs to the paragraph end.
        if k == "d":
            end = hi
            while end > at + 1 and text[end - 1].isspace():
                end -= 1
            out.append(Quote(at + 1, end, closed=False))
    return out


def find(text: str) -> tuple[Quote, ...]:
    """Return every quotation of a text, in order of start (nested ones included)."""
    out: list[Quote] = []
    lo = 0
    for m in _PARAGRAPH.finditer(text):
        out.extend(_paragraph_quotes(text, lo, m.start()))
        lo = m.end()
    out.extend(_paragraph_quotes(text, lo, len(text)))
    return tuple(sorted((q for q in out if q.end > q.start), key=lambda q: (q.start, -q.end)))


def outermost(quotes: Sequence[Quote]) -> list[Quote]:
    """Return the quotes not inside another quote."""
    out: list[Quote] = []
    for q in quotes:
        if not out or q.start >= out[-1].end:
            out.append(q)
    return out


class Inside:
    """Answer "is offset p inside a quotation?" for one text."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        top = outermost(quotes)
        self._starts = [q.start for q in top]
        self._ends = [q.end for q in top]

    def __call__(self, pos: int) -> bool:
        i = bisect.bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._ends[i]

    def meets(self, start: int, end: int) -> bool:
        """Tell whether some offset of [start, end) is inside a quotation."""
        # The outermost quotations do not overlap: their ends rise with their starts.
        i = bisect.bisect_right(self._ends, start)
        return start < end and i < len(self._starts) and self._starts[i] < end


@dataclass(frozen=True)
class Change:
    """Quote words (q range) told differently by a report (t range); edge: at the quote's end."""

    q: tuple[int, int]
    t: tuple[int, int]
    edge: bool = False


@dataclass(frozen=True)
class Match:
    """Where a quote is found in a report's words, and what differs inside it."""

    coverage: float
    t_range: tuple[int, int]
    changes: tuple[Change, ...]


def _as_chars(a: Sequence[str], b: Sequence[str]) -> tuple[str, str]:
    """Map each distinct word to one private-use character, so strings align word by word."""
    ids: dict[str, str] = {}
    for w in (*a, *b):
        ids.setdefault(w, chr(0xF0000 + len(ids)))
    return "".join(ids[w] for w in a), "".join(ids[w] for w in b)


class Words:
    """A report's words mapped to characters once, for many quotes to be located in them."""

    def __init__(self, toks: Sequence[Token]) -> None:
        self.toks = toks
        self.norms = [x.norm for x in toks]
        self._ids: dict[str, str] = {}
        for w in self.norms:
            self._ids.setdefault(w, chr(0xF0000 + len(self._ids)))
        self.chars = "".join(self._ids[w] for w in self.norms)

    def encode(self, words: Sequence[str]) -> str:
        """Return words as characters; words the report lacks get characters of their own."""
        # Alignment only compares characters for equality: any one-to-one map will do.
        extra: dict[str, str] = {}
        base = 0xF0000 + len(self._ids)
        out = []
        for w in words:
            c = self._ids.get(w)
            if c is None:
                c = extra.setdefault(w, chr(base + len(extra)))
            out.append(c)
        return "".join(out)


def locate(q: Sequence[Token], t: Sequence[Token] | Words) -> Match | None:
    """Align a quote's words with the best-matching stretch of a report's words."""
    from rapidfuzz import fuzz

    if not q or not (t.toks if isinstance(t, Words) else t):
        return None
    qn = [x.norm for x in q]
    if isinstance(t, Words):
        # A whole document, searched by many quotes: its characters are made once.
        tn, qs, ts = t.norms, t.encode(qn), t.chars
    else:
        tn = [x.norm for x in t]
        qs, ts = _as_chars(qn, tn)
    lo, hi = 0, len(tn)
    al = fuzz.partial_ratio_alignment(qs, ts) if len(qs) < len(ts) else None
    if al is not None:
        # Widen the window: the report may break the quote with its own words ("he said").
        pad = max(2, len(qn))
        lo, hi = max(0, al.dest_start - pad), min(len(tn), al.dest_end + pad)
    changed = blocks(qn, tn[lo:hi])
    matched = len(qn) - sum(b[1] - b[0] for b in changed)
    if matched == 0:
        return Match(0.0, (lo, lo), ())
    out: list[Change] = []
    first, last = lo, hi
    for k, (qa, qb, wa, wb) in enumerate(changed):
        ta, tb = lo + wa, lo + wb
        lead = k == 0 and qa == 0 and wa == 0
        trail = k == len(changed) - 1 and qb == len(qn) and wb == hi - lo
        if lead:
            # Keep only as many report words as the quote has, next to the shared stretch.
            first = tb
            ta = max(ta, tb - (qb - qa))
        if trail:
            last = ta
            tb = min(tb, ta + (qb - qa))
        if (lead or trail) and (qa == qb or ta == tb):
            continue  # the report starts or stops elsewhere: nothing to compare
        out.append(Change((qa, qb), (ta, tb), edge=lead or trail))
    return Match(matched / len(qn), (first, last), tuple(out))


def _variants(a: Sequence[str], b: Sequence[str]) -> bool:
    """Return True when two word runs differ only in inflection, name form or function words."""

    def content(words: Sequence[str]) -> list[str]:
        return [w for w in words if w not in STOPWORDS and w not in _SHIFT_WORDS]

    ca, cb = content(a), content(b)
    if not ca and not cb:
        return False  # only small words, and they differ: "to" vs "on", "or" vs "and"
    return len(ca) == len(cb) and all(
        word_stem(x) == word_stem(y) or same_name(x, y) for x, y in zip(ca, cb, strict=True)
    )


# Words one side quotes and the other does not, beyond this many, are a quote of another
# extent (a report quoting less of the statement), not an edit of its words.
_MAX_GAP = 4


def reportable(change: Change, q: Sequence[Token], t: Sequence[Token]) -> bool:
    """Return True when a change inside an aligned quote is a real change of words."""
    qw = [x.norm for x in q[change.q[0] : change.q[1]]]
    tt = t[change.t[0] : change.t[1]]
    if all(w in _SHIFT_WORDS for w in (*qw, *(x.norm for x in tt))):
        return False
    if (not qw or not tt) and max(len(qw), len(tt)) > _MAX_GAP:
        return False
    if change.edge or not qw:
        # At the quote's edges, or words only the report has: a change when the report quotes
        # there too; otherwise the report's own words around a quote (`"...," he said`).
        return bool(tt) and all(x.quoted for x in tt)
    if tt:
        if all(x.quoted for x in tt):
            return True  # both quote: every word counts ("fall" vs "falling")
        # A paraphrase of the quote: inflections, name forms and pronouns for names are its
        # own (Russian / Russia's, her / Reid's).
        tw = [x.norm for x in tt]
        if all(w in _SHIFT_WORDS for w in qw) or all(w in _SHIFT_WORDS for w in tw):
            return False
        return not _variants(qw, tw)
    # Quote words the report leaves out: a change when the report quotes around the gap.
    around = [t[i] for i in (change.t[0] - 1, change.t[0]) if 0 <= i < len(t)]
    return bool(around) and all(x.quoted for x in around)
