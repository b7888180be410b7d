"""Word tokens with offsets, and the normalisations the signal detectors share."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from newsdiff.text.normalize import NUMBER_WORDS, snowball, spelling

# Dotted acronyms (U.S., p.m.) first, then numbers with separators (1,800.5, 1:15), then runs
# of letters and digits with inner apostrophes (Russia's, won't); everything else is dropped.
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|\d+(?:[.,:]\d+)+|[^\W_]+(?:['’][^\W_]+)*")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})

# Clitics split off a word so that `won't` and `will not` compare equal.
_IRREGULAR_NEGATIONS = {"won't": "will", "can't": "can", "shan't": "shall", "ain't": "is"}
_CLITICS = {"'re": "are", "'ve": "have", "'ll": "will", "'m": "am", "'d": "would", "'s": "'s"}

# Signals compare small spelled-out numbers with digits ("four" = "4"), "one" included.
_NUMBER_WORDS = {w: n for w, n in NUMBER_WORDS.items() if int(n) <= 12}

# Function words: never names, never the head of a negation, ignored in a few comparisons.
_STOPWORDS = """
    a an the and or but if then so as of in on at to for from by with without into onto over
    under about after before between through during against among than that this these those
    there here where when while who whom whose which what why how all any both each every some
    such no nor not only own same too very just also again further once more most other
    i me my we us our you your he him his she her it its they them their myself itself
    is are was were be been being am do does did doing have has had having will would shall
    should can could may might must 's yet ever even still already up down out off
    mr mrs ms dr
"""
STOPWORDS = frozenset(_STOPWORDS.split())


@dataclass(frozen=True, slots=True)
class Tok:
    """One word of a document: its exact text and offsets, and its normalised form."""

    text: str
    start: int
    end: int
    norm: str
    quoted: bool = False
    # An all-capitals word of two or more letters (NASA, U.S.).
    is_acronym: bool = False
    # Starts with an upper-case letter.
    is_capitalised: bool = False


def _acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _split(text: str, start: int) -> list[tuple[str, int, int, str]]:
    """Split one raw token into (text, start, end, norm) parts, expanding clitics."""
    low = text.translate(_APOSTROPHES).lower()
    end = start + len(text)
    if "'" not in low and "." not in low:
        return [(text, start, end, low)]
    if "." in low and not low[0].isdigit():
        # A dotted acronym: U.S. -> us, p.m. -> pm.
        return [(text, start, end, low.replace(".", ""))]
    if low in _IRREGULAR_NEGATIONS:
        cut = start + len(text) - 3
        return [
            (text[:-3], start, cut, _IRREGULAR_NEGATIONS[low]),
            (text[-3:], cut, end, "not"),
        ]
    if low.endswith("n't") and len(low) > 3:
        cut = end - 3
        return [(text[:-3], start, cut, low[:-3]), (text[-3:], cut, end, "not")]
    for clitic, full in _CLITICS.items():
        if low.endswith(clitic) and len(low) > len(clitic):
            cut = end - len(clitic)
            head = low[: -len(clitic)]
            tail = text[-len(clitic) :]
            return [(text[: -len(clitic)], start, cut, head), (tail, cut, end, full)]
    return [(text, start, end, low)]


def tokenize(
    text: str,
    start: int = 0,
    end: int | None = None,
    quoted: Callable[[int], bool] | None = None,
) -> list[Tok]:
    """Return the words of text[start:end] with offsets into text, clitics split off."""
    stop = len(text) if end is None else end
    out: list[Tok] = []
    for m in _TOKEN.finditer(text, start, stop):
        for part, s, e, low in _split(m.group(), m.start()):
            if _THOUSANDS.fullmatch(low):
                low = low.replace(",", "")
            norm = _NUMBER_WORDS.get(low) or spelling(low)
            cap = part[:1].isupper()
            acronym = cap and _acronym(part)
            out.append(Tok(part, s, e, norm, quoted(s) if quoted else False, acronym, cap))
    return out


@cache
def stem(word: str) -> str:
    """Return the Snowball stem of a normalised word (non-ASCII words are kept whole)."""
    if not word.isascii() or not word.isalpha():
        return word
    return str(snowball("english").stem(word))


Block = tuple[int, int, int, int]


def blocks(a: Sequence[str], b: Sequence[str]) -> list[Block]:
    """Return the changed runs (a_start, a_end, b_start, b_end) of a word diff of a and b."""
    from rapidfuzz.distance import Indel

    out: list[Block] = []
    for op in Indel.opcodes(list(a), list(b)):
        if op.tag == "equal":
            continue
        if out and out[-1][1] == op.src_start and out[-1][3] == op.dest_start:
            # Indel has no "replace": merge a delete next to an insert into one change.
            prev = out[-1]
            out[-1] = (prev[0], op.src_end, prev[2], op.dest_end)
        else:
            out.append((op.src_start, op.src_end, op.dest_start, op.dest_end))
    return out


_DEMONYM = re.compile(r"(?:ians?|ans?|ese|ish|is|i|ic|s)$")


def _subsequence(short: str, long_: str) -> bool:
    """Return True when the letters of short appear in long_, in order."""
    it = iter(long_)
    return all(c in it for c in short)


@lru_cache(maxsize=65536)
def same_name(a: str, b: str) -> bool:
    """Return True when two lower-case name words are variants of one name.

    Russia/Russian, Philippine/Philippines, Spain/Spanish, Pak/Pakistan, Dept/Department and
    Taliban/Taleban are; Iran/Iraq and Austria/Australia are not.
    """
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) < 3 or short[0] != long_[0]:
        return False
    # A prefix is a shortening, plural or demonym; a much shorter subsequence an abbreviation.
    if long_.startswith(short):
        return True
    if len(long_) >= 2 * len(short) and _subsequence(short, long_):
        return True
    sa, sb = _DEMONYM.sub("", a), _DEMONYM.sub("", b)
    from rapidfuzz.distance import OSA

    # Country and demonym (Spain/Spanish, Britain/British) once the suffix is off.
    stripped = min(len(sa), len(sb)) >= 4 and (sa, sb) != (a, b)
    if stripped and (sa.startswith(sb) or sb.startswith(sa) or OSA.distance(sa, sb) <= 1):
        return True

    # One edit (or swap) apart in a long name: a transliteration, spelling variant or typo.
    return len(short) >= 6 and OSA.distance(a, b) <= 1
