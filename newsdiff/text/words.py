"""The word layer: one token type, the two grains of words, stems and spellings.

A sentence is cut into words at two grains, each for the consumer whose behaviour depends
on it (measured on the ECB+ clusters, about 1 word boundary in 250 differs):

- `tokenize` (alignment and highlighting): letters and digits apart (`1990s` is 1990 + s),
  combining marks kept in their word, ordinals whole (`5th`); `norm` is the stem, number
  words and numbers are digits, stop words and likely names are marked.
- `split_words` (signals): letters and digits together (`1990s`, `AK-47s`), clitics split
  off (`won't` -> will + not); `norm` is the lower-case word in one spelling.

Both grains of a comparison's sentences are computed once (text/sentence_words.py).
The word lists live in newsdiff/data/words/ (text/wordlists.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Any, NamedTuple

from newsdiff.text import wordlists

# Bound of each per-word cache: the vocabulary of a long-lived corpus worker grows without end.
CACHE_SIZE = 65536


class Token(NamedTuple):
    """A word of a text: its exact text and offsets, and its normalised form.

    `norm` is the grain's form: the stem (tokenize) or the lower-case word (split_words).
    A named tuple, not a frozen dataclass: sentences make millions of tokens, and a tuple
    is built several times faster.
    """

    text: str
    start: int
    end: int
    norm: str
    is_number: bool = False
    # tokenize: 2-8 capitals (NASA, U.S.); split_words: capitals only, digits allowed (MS08).
    is_acronym: bool = False
    # A stop word (tokenize only; signals test their function words themselves).
    is_stop: bool = False
    # A capitalised word not at the start of its sentence: a likely name (tokenize only).
    is_name: bool = False
    # Inside a quotation (split_words, when asked).
    quoted: bool = False
    # Starts with an upper-case letter (split_words only).
    is_capitalised: bool = False


# Words the signal detectors treat as function words (see data/words/function_words.txt).
STOPWORDS = wordlists.function_words()


# ---- Spellings and stems ------------------------------------------------------------------

_SPELLINGS = wordlists.spellings()
_OUR = re.compile(r"(?<=\w{2})our(s|ed|ing|able|ably|ite|ites|ful|er|ers|ist|ists|less)?$")
_ISE = re.compile(r"(?<=\w{2})(i|y)s(e|es|ed|ing|ation|ations|er|ers)$")
_TRE = re.compile(r"(?<=\w{2})(t|b)re(s|d)?$")
_LL = re.compile(r"(?<=\w{3}[aeiou])ll(ed|ing|er|ers)$")
_OGUE = re.compile(r"(?<=\w{3})ogue(s)?$")


@lru_cache(maxsize=CACHE_SIZE)
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


@lru_cache(maxsize=4)
def snowball(language: str) -> Any:
    """Return nltk's Snowball stemmer for a language (it needs no data files)."""
    # Loaded without nltk's package __init__, which imports scipy when it is installed.
    from newsdiff.text import nltk_lite

    return nltk_lite.snowball().SnowballStemmer(language)


@lru_cache(maxsize=CACHE_SIZE)
def stem(word: str, script: str = "latin") -> str:
    """Return the alignment stem of a lower-case word, with US/UK spellings unified."""
    if script == "cyrillic":
        return str(snowball("russian").stem(word))
    if script != "latin" or not word.isascii():
        return word
    return str(snowball("english").stem(spelling(word)))


@lru_cache(maxsize=CACHE_SIZE)
def word_stem(word: str) -> str:
    """Return the Snowball stem of a signal word's norm (non-ASCII words are kept whole).

    Unlike `stem`, the spelling is not unified again (a norm is in one spelling already)
    and words with apostrophes or digits are kept whole.
    """
    if not word.isascii() or not word.isalpha():
        return word
    return str(snowball("english").stem(word))


# ---- Alignment grain ----------------------------------------------------------------------

# Acronyms with dots (U.S., U.K.), numbers with separators, words with inner apostrophes
# are single tokens; everything else that is neither letter nor digit splits.
_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"
    r"|\d+(?:[.,:]\d+)*(?:st|nd|rd|th)?"
    # Combining marks (decomposed "é" is "e" + U+0301) belong to their word.
    r"|[^\W\d_](?:[^\W\d_]|[\u0300-\u036f])*(?:['’][^\W\d_](?:[^\W\d_]|[\u0300-\u036f])*)*",
)
POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)$")
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_ALIGN_NUMBERS = wordlists.number_words().align
# A capitalised word this frequent in English is a headline's capital, not a name.
_COMMON_ZIPF = 4.0


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


# What a raw token is, whatever its place (tokenize): numbers, acronyms, number words,
# stop words and other words, each with its norm.
_NUMBER, _ACRONYM, _STOP, _WORD_KIND = 0, 1, 2, 3


def _analyse(raw: str, script: str) -> tuple[int, str]:
    """Return (kind, norm) of a raw alignment token (tokenize caches the result, _TAILS)."""
    if raw[0].isdigit():
        return _NUMBER, normalise_number(raw)
    if _is_acronym(raw):
        return _ACRONYM, raw.replace(".", "")
    # NFC: decomposed and precomposed spellings of a word are the same word.
    word = POSSESSIVE.sub("", unicodedata.normalize("NFC", raw).replace("’", "'")).lower()
    if word in _ALIGN_NUMBERS:
        return _NUMBER, _ALIGN_NUMBERS[word]
    if word in wordlists.stopwords():
        return _STOP, stem(word, script)
    return _WORD_KIND, stem(word, script)


# A token's fields after its text and offsets: (norm, is_number, is_acronym, is_stop,
# is_name, quoted, is_capitalised).
_Tail = tuple[str, bool, bool, bool, bool, bool, bool]


def _tails(raw: str, script: str) -> tuple[_Tail, _Tail]:
    """Return a raw alignment token's fields after its offsets: as a sentence's first word, else.

    Only a capitalised word's likely-name flag depends on its place (not at the start).
    """
    kind, norm = _analyse(raw, script)
    if kind == _NUMBER:
        tail: _Tail = (norm, True, False, False, False, False, False)
    elif kind == _ACRONYM:
        tail = (norm, False, True, False, True, False, False)
    elif kind == _STOP:
        tail = (norm, False, False, True, False, False, False)
    else:
        tail = (norm, False, False, False, False, False, False)
        if raw[0].isupper():
            return tail, (norm, False, False, False, True, False, False)
    return tail, tail


# Per script, each raw token's (first, later) tails: a dict read in the loop, not a call.
_TAILS: dict[str, dict[str, tuple[_Tail, _Tail]]] = {}


def tokenize(text: str, start: int = 0, script: str = "latin") -> list[Token]:
    """Split text into alignment tokens whose offsets are relative to `start`."""
    tails = _TAILS.get(script)
    if tails is None or len(tails) > CACHE_SIZE:
        # Bounded as the other per-word caches: a long-lived worker's vocabulary grows.
        tails = _TAILS[script] = {}
    tokens: list[Token] = []
    append = tokens.append
    new = tuple.__new__
    later = 0  # 0 for the first word, 1 after it
    for m in _TOKEN.finditer(text):
        raw = m.group()
        pair = tails.get(raw)
        if pair is None:
            pair = tails[raw] = _tails(raw, script)
        s, e = m.span()
        append(new(Token, (raw, start + s, start + e, *pair[later])))
        later = 1
    return _untitle(tokens)


def _untitle(tokens: list[Token]) -> list[Token]:
    """In a Title Case headline capitals mark no names: keep only rare capitalised words."""
    words = [t for t in tokens if not t.is_number and not t.is_stop and len(t.text) > 3]
    if len(words) < 3 or sum(t.text[0].isupper() for t in words) < 0.7 * len(words):
        return tokens
    table = wordlists.zipf_table()
    return [
        t._replace(is_name=table.get(t.text.lower(), 0.0) < _COMMON_ZIPF)
        if t.is_name and not t.is_acronym
        else t
        for t in tokens
    ]


def background_weight(token: Token) -> float:
    """Return how much an alignment token says on its own: rare words and numbers weigh most."""
    if token.is_stop:
        return 0.0
    if token.is_number:
        return 4.0
    return _word_weight(token.text)


@lru_cache(maxsize=CACHE_SIZE)
def _word_weight(text: str) -> float:
    """Return `background_weight` of a word that is neither a stop word nor a number."""
    word = text.replace(".", "").replace("’", "'").lower()
    word = POSSESSIVE.sub("", word)
    zipf = wordlists.zipf_table().get(word)
    if zipf is None:
        # Not among the 60,000 most frequent English words: a name or a rare word.
        zipf = 2.0 if word.isascii() else 3.0
    return max(0.5, min(6.0, 7.5 - zipf))


# ---- Signals grain ------------------------------------------------------------------------

# Dotted acronyms (U.S., p.m.) first, then numbers with separators (1,800.5, 1:15), then runs
# of letters and digits with inner apostrophes (Russia's, won't); everything else is dropped.
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|\d+(?:[.,:]\d+)+|[^\W_]+(?:['’][^\W_]+)*")
_WORD_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})

# Clitics split off a word so that `won't` and `will not` compare equal.
_IRREGULAR_NEGATIONS = {"won't": "will", "can't": "can", "shan't": "shall", "ain't": "is"}
_CLITICS = {"'re": "are", "'ve": "have", "'ll": "will", "'m": "am", "'d": "would", "'s": "'s"}

# Signals compare small spelled-out numbers with digits ("four" = "4"), "one" included.
_SIGNAL_NUMBERS = {w: str(n) for w, n in wordlists.number_words().units.items() if n <= 12}
_SIGNAL_NUMBERS.pop("dozen", None)  # a multiplier ("two dozen"), not the number 12


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _split(text: str, start: int) -> list[tuple[str, int, int, str]]:
    """Split one raw word into (text, start, end, lower) parts, expanding clitics."""
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


@lru_cache(maxsize=CACHE_SIZE)
def _signal_parts(raw: str) -> tuple[tuple[str, int, int, str, bool, bool], ...]:
    """Return a raw signal word's parts: (text, start, end, norm, capitalised, acronym).

    Offsets are relative to the word; cached, as a corpus repeats its words.
    """
    out = []
    for part, s, e, low in _split(raw, 0):
        if _WORD_THOUSANDS.fullmatch(low):
            low = low.replace(",", "")
        norm = _SIGNAL_NUMBERS.get(low) or spelling(low)
        cap = part[:1].isupper()
        out.append((part, s, e, norm, cap, cap and _capitals(part)))
    return tuple(out)


def split_words(
    text: str,
    start: int = 0,
    end: int | None = None,
    quoted: Callable[[int], bool] | None = None,
) -> list[Token]:
    """Return the signal words of text[start:end] with offsets into text, clitics split off."""
    stop = len(text) if end is None else end
    out: list[Token] = []
    append = out.append
    new = tuple.__new__
    if quoted is None:
        # Nothing quoted (most sentences): the same loop without a test per word.
        for m in _WORD.finditer(text, start, stop):
            at = m.start()
            for part, s, e, norm, cap, acronym in _signal_parts(m.group()):
                fields = (part, s + at, e + at, norm, False, acronym, False, False, False, cap)
                append(new(Token, fields))
        return out
    for m in _WORD.finditer(text, start, stop):
        at = m.start()
        for part, s, e, norm, cap, acronym in _signal_parts(m.group()):
            s += at
            inside = quoted(s)
            append(new(Token, (part, s, e + at, norm, False, acronym, False, False, inside, cap)))
    return out
