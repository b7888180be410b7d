"""Word lists the signal detectors use, read from newsdiff/data/lexicons/*.txt."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from newsdiff.text.resources import read_text
from newsdiff.text.words import split_words


@dataclass(frozen=True)
class Hit:
    """A lexicon entry found in a token list: its class and token range [i, j)."""

    cls: str
    i: int
    j: int


def _inflections(word: str) -> set[str]:
    """Return a verb or noun with its regular inflections (over-generating is harmless)."""
    forms = {word, word + "s", word + "es", word + "ed", word + "ing", word + "d"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing"}
    if word.endswith("y") and len(word) > 2:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) > 2 and word[-1] not in "aeiouwxy":
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


def _norm_entry(entry: str) -> tuple[str, ...]:
    """Normalise an entry the way tokens are normalised (lower case, one spelling)."""
    return tuple(t.norm for t in split_words(entry))


def read(name: str) -> list[tuple[str, str]]:
    """Return the (class, entry) lines of a lexicon file; `[class]` lines start a class."""
    cls = name
    out: list[tuple[str, str]] = []
    for raw in read_text(f"lexicons/{name}.txt").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            cls = line[1:-1].strip()
            continue
        out.append((cls, line))
    return out


class Lexicon:
    """Phrases grouped in classes, matched longest-first on normalised token lists."""

    def __init__(self, entries: Sequence[tuple[str, str]], inflect: bool | frozenset[str]) -> None:
        self._index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for cls, entry in entries:
            words = _norm_entry(entry)
            if not words:
                continue
            on = inflect is True or (isinstance(inflect, frozenset) and cls in inflect)
            firsts = _inflections(words[0]) if on else {words[0]}
            for first in firsts:
                phrase = (first, *words[1:])
                self._index.setdefault(first, []).append((phrase, cls))
        for options in self._index.values():
            options.sort(key=lambda p: -len(p[0]))
        self._firsts = frozenset(self._index)

    def find(self, norms: Sequence[str]) -> list[Hit]:
        """Return the non-overlapping entries found in a list of normalised words."""
        if self._firsts.isdisjoint(norms):
            return []  # no word starts an entry (most members): one set test in C
        hits: list[Hit] = []
        i = 0
        while i < len(norms):
            for phrase, cls in self._index.get(norms[i], ()):
                if tuple(norms[i : i + len(phrase)]) == phrase:
                    hits.append(Hit(cls, i, i + len(phrase)))
                    i += len(phrase)
                    break
            else:
                i += 1
        return hits

    def classes(self, norms: Sequence[str]) -> set[str]:
        """Return the classes of the entries found in a list of normalised words."""
        return {h.cls for h in self.find(norms)}


@cache
def lexicon(name: str, inflect: bool | frozenset[str] = False) -> Lexicon:
    """Return the named lexicon, loaded once; inflect: all classes, or the classes named."""
    return Lexicon(read(name), inflect)


@cache
def pairs(name: str) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """Return `a, b | c` lines of a lexicon as pairs of inflected word sets (win, won | lose)."""
    out = []
    for _cls, line in read(name):
        left, sep, right = line.partition("|")
        if not sep:
            continue
        sides = [
            frozenset().union(*(_inflections(w) for w in _norm_entry(side)))
            for side in (left, right)
        ]
        out.append((sides[0], sides[1]))
    return tuple(out)
