"""Turn sentence text into normalised tokens: case, quotes, numbers, stems, acronyms."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

from newsdiff.text.resources import read_text, read_words

# Acronyms with dots (U.S., U.K.), numbers with separators, words with inner apostrophes
# or hyphens are single tokens; everything else that is neither letter nor digit splits.
_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"
    r"|\d+(?:[.,:]\d+)*(?:st|nd|rd|th)?"
    # Combining marks (decomposed "é" is "e" + U+0301) belong to their word.
    r"|[^\W\d_](?:[^\W\d_]|[\u0300-\u036f])*(?:['’][^\W\d_](?:[^\W\d_]|[\u0300-\u036f])*)*",
)
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)$")
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")

# Spelled-out numbers, shared with the signals' tokenizer (newsdiff.text.words).
NUMBER_WORDS = {
    "zero": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "hundred": "100",
    "thousand": "1000",
}
# For alignment, "zero" and "one" are left out: "one" is also a pronoun ("one of them").
_NUMBER_WORDS = {w: n for w, n in NUMBER_WORDS.items() if w not in ("zero", "one")}
# US and UK spellings of one word become one before stemming (analyse/analyze).
_SPELLINGS = {
    "defence": "defense",
    "offence": "offense",
    "licence": "license",
    "pretence": "pretense",
    "programme": "program",
    "programmes": "programs",
    "grey": "gray",
    "cheque": "check",
    "cheques": "checks",
    "tyre": "tire",
    "tyres": "tires",
    "aluminium": "aluminum",
    "kerb": "curb",
    "plough": "plow",
    "sceptic": "skeptic",
    "sceptical": "skeptical",
    "manoeuvre": "maneuver",
    "manoeuvres": "maneuvers",
    "paediatric": "pediatric",
    "oestrogen": "estrogen",
    "judgement": "judgment",
    "ageing": "aging",
}
_OUR = re.compile(r"(?<=\w{2})our(s|ed|ing|able|ably|ite|ites|ful|er|ers|ist|ists|less)?$")
_ISE = re.compile(r"(?<=\w{2})(i|y)s(e|es|ed|ing|ation|ations|er|ers)$")
_TRE = re.compile(r"(?<=\w{2})(t|b)re(s|d)?$")
_LL = re.compile(r"(?<=\w{3}[aeiou])ll(ed|ing|er|ers)$")
_OGUE = re.compile(r"(?<=\w{3})ogue(s)?$")


@cache
def spelling(word: str) -> str:
    """Return a lower-case word in one spelling for US and UK variants (colour -> color)."""
    if word in _SPELLINGS:
        return _SPELLINGS[word]
    if len(word) < 5 or not word.isascii():
        return word
    # Each rule maps both spellings to the same form; collisions with other words are rare
    # because the rules only touch endings (our/ise/yse/tre/lled/ogue).
    word = _OUR.sub(lambda m: "or" + (m.group(1) or ""), word)
    word = _ISE.sub(lambda m: m.group(1) + "z" + m.group(2), word)
    word = _TRE.sub(lambda m: m.group(1) + "er" + (m.group(2) or ""), word)
    if len(word) >= 7:
        word = _LL.sub(lambda m: "l" + m.group(1), word)
    return _OGUE.sub(lambda m: "og" + (m.group(1) or ""), word)


# A capitalised word this frequent in English is a headline's capital, not a name.
_COMMON_ZIPF = 4.0


@dataclass(frozen=True)
class Token:
    """A token of a sentence: its surface text, offsets and normalised form."""

    text: str
    start: int
    end: int
    norm: str
    is_number: bool = False
    is_acronym: bool = False
    is_stop: bool = False
    # A capitalised word not at the start of its sentence: a likely name.
    is_name: bool = False


@cache
def stopwords() -> frozenset[str]:
    """Return the English stop words shipped with the package."""
    return frozenset(read_words("stopwords_en.txt"))


@cache
def zipf_table() -> dict[str, float]:
    """Return background English word frequencies (Zipf scale) derived from wordfreq."""
    table: dict[str, float] = {}
    for line in read_text("wordfreq_en.tsv").splitlines():
        if line.startswith("#"):
            continue
        word, _, zipf = line.partition("\t")
        table[word] = float(zipf)
    return table


@cache
def snowball(language: str) -> Any:
    """Return nltk's Snowball stemmer for a language (it needs no data files)."""
    # Loaded without nltk's package __init__, which imports scipy when it is installed.
    from newsdiff.text import nltk_lite

    return nltk_lite.snowball().SnowballStemmer(language)


@lru_cache(maxsize=65536)
def stem(word: str, script: str = "latin") -> str:
    """Return the stem of a lower-case word, with US/UK spellings unified."""
    if script == "cyrillic":
        return str(snowball("russian").stem(word))
    if script != "latin" or not word.isascii():
        return word
    return str(snowball("english").stem(spelling(word)))


def _is_acronym(word: str) -> bool:
    """Tell whether a word is an acronym (NASA, U.S., ISS), not a shouted word or "I"."""
    letters = word.replace(".", "")
    return 2 <= len(letters) <= 8 and letters.isupper() and letters.isalpha()


def normalise_number(text: str) -> str:
    """Return a canonical form of a number token: no thousands commas, no ordinal suffix."""
    text = _ORDINAL.sub("", text)
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
    return text


def tokenize(text: str, start: int = 0, script: str = "latin") -> list[Token]:
    """Split text into tokens whose offsets are relative to `start`."""
    stops = stopwords()
    tokens: list[Token] = []
    for i, m in enumerate(_TOKEN.finditer(text)):
        raw = m.group()
        s, e = start + m.start(), start + m.end()
        if raw[0].isdigit():
            tokens.append(Token(raw, s, e, normalise_number(raw), is_number=True))
            continue
        if _is_acronym(raw):
            tokens.append(Token(raw, s, e, raw.replace(".", ""), is_acronym=True, is_name=True))
            continue
        # NFC: decomposed and precomposed spellings of a word are the same word.
        word = _POSSESSIVE.sub("", unicodedata.normalize("NFC", raw).replace("’", "'")).lower()
        if word in _NUMBER_WORDS:
            tokens.append(Token(raw, s, e, _NUMBER_WORDS[word], is_number=True))
            continue
        is_stop = word in stops
        tokens.append(
            Token(
                raw,
                s,
                e,
                stem(word, script),
                is_stop=is_stop,
                is_name=i > 0 and raw[0].isupper() and not is_stop,
            )
        )
    return _untitle(tokens)


def _untitle(tokens: list[Token]) -> list[Token]:
    """In a Title Case headline capitals mark no names: keep only rare capitalised words."""
    words = [t for t in tokens if not t.is_number and not t.is_stop and len(t.text) > 3]
    if len(words) < 3 or sum(t.text[0].isupper() for t in words) < 0.7 * len(words):
        return tokens
    table = zipf_table()
    return [
        replace(t, is_name=table.get(t.text.lower(), 0.0) < _COMMON_ZIPF)
        if t.is_name and not t.is_acronym
        else t
        for t in tokens
    ]


_EXPANSION = re.compile(
    r"((?:[A-Z][\w'’-]*\s+(?:(?:of|and|the|for|on|in|de|du|des|&)\s+)*){1,9})\(\s*([A-Z]{2,8})\s*\)"
)
_FUNCTION = frozenset({"of", "and", "the", "for", "on", "in", "de", "du", "des", "&"})


def _initials(words: Sequence[str]) -> str:
    """Return the upper-case initials of the content words of a phrase."""
    return "".join(w[0].upper() for w in words if w.lower() not in _FUNCTION)


def learn_acronyms(texts: Iterable[str]) -> dict[tuple[str, ...], str]:
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


def apply_acronyms(tokens: list[Token], acronyms: dict[tuple[str, ...], str]) -> list[Token]:
    """Replace each expansion of a known acronym by one acronym token spanning it."""
    if not acronyms:
        return tokens
    # map(len, ...) in C: this runs per sentence over every acronym the inputs taught.
    longest = max(map(len, acronyms))
    lowered = [_POSSESSIVE.sub("", t.text.replace("’", "'")).lower() for t in tokens]
    out: list[Token] = []
    i = 0
    while i < len(tokens):
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
    return out


def background_weight(token: Token) -> float:
    """Return how much a token says on its own: rare words and numbers weigh most."""
    if token.is_stop:
        return 0.0
    if token.is_number:
        return 4.0
    word = token.text.replace(".", "").replace("’", "'").lower()
    word = _POSSESSIVE.sub("", word)
    zipf = zipf_table().get(word)
    if zipf is None:
        # Not among the 60,000 most frequent English words: a name or a rare word.
        zipf = 2.0 if word.isascii() else 3.0
    return max(0.5, min(6.0, 7.5 - zipf))
