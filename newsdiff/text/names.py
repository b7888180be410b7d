"""Names: acronyms the inputs spell out, and variants of one name (Russia/Russian)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from operator import itemgetter

from newsdiff.text.words import CACHE_SIZE, POSSESSIVE, Token

_EXPANSION = re.compile(
    r"((?:[A-Z][\w'’-]*\s+(?:(?:of|and|the|for|on|in|de|du|des|&)\s+)*){1,9})\(\s*([A-Z]{2,8})\s*\)"
)
_FUNCTION = frozenset({"of", "and", "the", "for", "on", "in", "de", "du", "des", "&"})


def _initials(words: Sequence[str]) -> str:
    """Return the upper-case initials of the content words of a phrase."""
    return "".join(w[0].upper() for w in words if w.lower() not in _FUNCTION)


# A lower-case word sequence -> the acronym it stands for.
Acronyms = dict[tuple[str, ...], str]


def learn_acronyms(texts: Iterable[str]) -> Acronyms:
    """Learn acronym expansions from the inputs: "Space Agency (ESA)" and initials of names.

    Returns a map from a lower-case word sequence to the acronym it stands for, so that
    `National Aeronautics and Space Administration` and `NASA` become the same token.
    """
    texts = list(texts)
    found: dict[tuple[str, ...], str] = {}
    acronyms: set[str] = set()
    for text in texts:
        for m in _EXPANSION.finditer(text):
            words = m.group(1).split()
            acro = m.group(2)
            # Keep the shortest tail of the phrase whose initials spell the acronym.
            for k in range(len(words)):
                if words[k].lower() not in _FUNCTION and _initials(words[k:]) == acro:
                    found[tuple(w.lower() for w in words[k:])] = acro
                    break
        acronyms.update(
            t.replace(".", "") for t in re.findall(r"\b(?:[A-Z]\.){2,}|\b[A-Z]{2,8}\b", text)
        )
    # Capitalised phrases elsewhere whose initials spell an acronym seen in the inputs.
    phrase = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:(?:of|and|the|for)\s+)?[A-Z][a-z]+){1,7}")
    for text in texts:
        for m in phrase.finditer(text):
            words = m.group().split()
            for i in range(len(words)):
                for j in range(len(words), i + 1, -1):
                    if words[i].lower() in _FUNCTION or words[j - 1].lower() in _FUNCTION:
                        continue
                    ini = _initials(words[i:j])
                    if len(ini) >= 2 and ini in acronyms:
                        found.setdefault(tuple(w.lower() for w in words[i:j]), ini)
    return found


# An acronym table's longest expansion (in words) and the words that start an expansion.
AcronymShape = tuple[int, frozenset[str]]


def acronym_shape(acronyms: Acronyms) -> AcronymShape:
    """Return the longest expansion's length and the words that start an expansion."""
    longest = max(map(len, acronyms), default=0)
    # Only a word that starts an expansion can start a match: most positions try nothing.
    return longest, frozenset(words[0] for words in acronyms if words)


@lru_cache(maxsize=CACHE_SIZE)
def _lowered(text: str) -> str:
    """Return a token's text as an acronym table's words are: lower case, no possessive."""
    return POSSESSIVE.sub("", text.replace("’", "'")).lower()


_TEXT = itemgetter(0)  # a Token's text


def apply_acronyms(
    tokens: list[Token], acronyms: Acronyms, shape: AcronymShape | None = None
) -> list[Token]:
    """Replace each expansion of a known acronym by one acronym token spanning it.

    `shape`: the table's `acronym_shape`, found once by a caller that applies one table to
    many sentences (reading the table costs O(table) a call). Returns `tokens` itself when
    no expansion starts in it (callers do not modify either).
    """
    if not acronyms:
        return tokens
    longest, firsts = acronym_shape(acronyms) if shape is None else shape
    lowered = list(map(_lowered, map(_TEXT, tokens)))
    # Only a word that starts an expansion can start a match: most sentences have none.
    starts = [i for i, w in enumerate(lowered) if w in firsts]
    if not starts:
        return tokens
    out: list[Token] = []
    i = 0
    for start in starts:
        if start < i:
            continue  # inside the expansion just replaced
        out.extend(tokens[i:start])
        i = start
        for n in range(min(longest, len(tokens) - i), 1, -1):
            acro = acronyms.get(tuple(lowered[i : i + n]))
            if acro is not None:
                first, last = tokens[i], tokens[i + n - 1]
                out.append(
                    Token(
                        " ".join(t.text for t in tokens[i : i + n]),
                        first.start,
                        last.end,
                        acro,
                        is_acronym=True,
                        is_name=True,
                    )
                )
                i += n
                break
        else:
            out.append(tokens[i])
            i += 1
    out.extend(tokens[i:])
    return out


_DEMONYM = re.compile(r"(?:ians?|ans?|ese|ish|is|i|ic|s)$")


def _subsequence(short: str, long_: str) -> bool:
    """Return True when the letters of short appear in long_, in order."""
    it = iter(long_)
    return all(c in it for c in short)


@lru_cache(maxsize=CACHE_SIZE)
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
