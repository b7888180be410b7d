"""The word lists of the word layer, read once from newsdiff/data/words/ and zipf table."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from newsdiff.text.resources import read_lines, read_text, read_words


def _sections(name: str) -> dict[str, list[list[str]]]:
    """Return the entries of a `[section]`-divided data file, each split into words."""
    out: dict[str, list[list[str]]] = {}
    section = ""
    for line in read_lines(name):
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        out.setdefault(section, []).append(line.split())
    return out


@cache
def stopwords() -> frozenset[str]:
    """Return alignment's stop words (weightless, never names; see the file for why)."""
    return frozenset(read_words("words/stopwords.txt"))


@cache
def function_words() -> frozenset[str]:
    """Return the signal detectors' function words (see the file for why they differ)."""
    return frozenset(read_words("words/function_words.txt"))


@dataclass(frozen=True)
class NumberWords:
    """Spelled-out numbers by role: units (incl. multipliers), scales, and alignment's."""

    units: dict[str, int]
    scales: dict[str, int]
    # Alignment reads these as numbers: word -> digits.
    align: dict[str, str]


@cache
def number_words() -> NumberWords:
    """Return the spelled-out numbers of numbers.txt."""
    parts = _sections("words/numbers.txt")
    units = {e[0]: int(e[1]) for e in (*parts["units"], *parts["multipliers"])}
    scales = {e[0]: int(e[1]) for e in parts["scales"]}
    align = {e[0]: e[1] for part in parts.values() for e in part if "align" in e[2:]}
    return NumberWords(units, scales, align)


@cache
def months() -> dict[str, int]:
    """Return month names and abbreviations with their number (may -> 5)."""
    entries = _sections("words/calendar.txt")["months"]
    return {name: i for i, names in enumerate(entries, 1) for name in names}


@cache
def weekdays() -> dict[str, int]:
    """Return weekday names with their place in the week from 0 (monday -> 0)."""
    entries = _sections("words/calendar.txt")["weekdays"]
    return {name: i for i, names in enumerate(entries) for name in names}


@cache
def spellings() -> dict[str, str]:
    """Return irregular British spellings mapped to the one spelling used for both."""
    return {e[0]: e[1] for e in _sections("words/spellings.txt")[""]}


@cache
def zipf_table() -> dict[str, float]:
    """Return background English word frequencies (Zipf scale) derived from wordfreq."""
    return parse_zipf(read_text("wordfreq_en.tsv"))


def parse_zipf(text: str) -> dict[str, float]:
    """Return the `word<TAB>zipf` lines of text as a table ('#' lines are comments)."""
    body = text
    while body.startswith("#"):
        body = body.partition("\n")[2]
    parts = body.split()
    if "\n#" not in body and len(parts) == 2 * body.count("\t"):
        # Every line a word and its value (none holds a space): split in C, not line by
        # line; the table is read on every run's first weighted word (60,000 lines: this
        # halves its 30-40 ms); each of the few distinct values is converted once.
        words, values = parts[0::2], parts[1::2]
        number = {v: float(v) for v in set(values)}
        return dict(zip(words, map(number.__getitem__, values), strict=True))
    table: dict[str, float] = {}
    for line in text.splitlines():
        if line.startswith("#") or not line:
            continue
        word, _, zipf = line.partition("\t")
        table[word] = float(zipf)
    return table
