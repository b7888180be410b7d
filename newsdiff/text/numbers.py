"""Find numbers, amounts, dates and times in text, and compare them by value.

`500-tonne` and `500 tonnes`, `Feb. 24` and `February 24`, `four` and `4`, `1.8 billion` and
`1,800 million`, `1:15 p.m.` and `1:15 PM` are the same value written differently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from typing import NamedTuple

from newsdiff.text import wordlists

Value = tuple[Fraction | None, ...]

# Kinds: amount (with a unit or none), ordinal (24th), year, date (year, month, day), time
# (hour, minute, 1 if am/pm is known), weekday.
KINDS = ("amount", "ordinal", "year", "date", "time", "weekday")


@dataclass(frozen=True)
class Quantity:
    """A number, amount, date or time found in a text, with its offsets."""

    kind: str
    value: Value
    unit: str | None
    start: int
    end: int
    text: str


_ITEM = re.compile(
    r"(?P<time>(?<![\w.,:])\d{1,2}:\d{2}(?![\d:]))"
    r"|(?P<num>(?<![\w.,])\d+(?:[.,]\d+)*)(?P<suf>[^\W\d_]*)"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)"
    r"|(?P<sym>[$€£¥%])"
)
_AMPM = re.compile(r"\s?([AaPp])\.?\s?[Mm](?![^\W_])\.?")
_AMPM_TIGHT = re.compile(r"\s?([AaPp])(?:\.[Mm]\.|[Mm](?![^\W_]))")

_UNITS = {
    "%": "%",
    "percent": "%",
    "pc": "%",
    "tonne": "t",
    "tonnes": "t",
    "ton": "t",
    "tons": "t",
    "t": "t",
    "km": "km",
    "kilometre": "km",
    "kilometres": "km",
    "kilometer": "km",
    "kilometers": "km",
    "mile": "mi",
    "miles": "mi",
    "metre": "m",
    "metres": "m",
    "meter": "m",
    "meters": "m",
    "kg": "kg",
    "kilogram": "kg",
    "kilograms": "kg",
    "lb": "lb",
    "lbs": "lb",
    "mph": "mph",
    "kph": "kph",
    "year": "year",
    "years": "year",
    "yr": "year",
    "month": "month",
    "months": "month",
    "week": "week",
    "weeks": "week",
    "day": "day",
    "days": "day",
    "hour": "hour",
    "hours": "hour",
    "minute": "minute",
    "minutes": "minute",
    "point": "point",
    "points": "point",
    "dollar": "USD",
    "dollars": "USD",
    "usd": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "yuan": "CNY",
    "rupee": "INR",
    "rupees": "INR",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "yen": "JPY",
}
_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "%": "%"}
# Scale words and suffixes and the value they multiply by (signals.number reads them too).
SCALES = {
    "hundred": 100,
    "thousand": 1000,
    "million": 10**6,
    "mln": 10**6,
    "mil": 10**6,
    "mn": 10**6,
    "m": 10**6,
    "billion": 10**9,
    "bln": 10**9,
    "bil": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
    "trn": 10**12,
    "k": 1000,
}
# Letters glued to digits that we understand; anything else (737MAX, 3D) is an identifier.
_ORDINAL_SUFFIXES = {"st", "nd", "rd", "th"}
# Spelled-out numbers and calendar words: newsdiff/data/words/ (text/wordlists.py).
_WORD_UNITS = wordlists.number_words().units
_WORD_SCALES = wordlists.number_words().scales
# "one" is a pronoun after these words (no one, the one who, every one).
_NOT_ONE = {"no", "any", "every", "the", "this", "that", "each", "which", "someone", "anyone"}
_MONTHS = wordlists.months()
# Month names that are also common words stand for a month only next to a day or year.
_AMBIGUOUS_MONTHS = {"may", "march", "mar", "jan", "jun", "aug", "sep", "oct", "dec", "apr"}
_WEEKDAYS = wordlists.weekdays()


class _Item(NamedTuple):
    # A named tuple, not a frozen dataclass: every word of every sentence is one.
    kind: str  # time, num, word, sym
    text: str
    low: str
    start: int
    end: int
    suffix: str = ""


# The last group of each alternative of _ITEM: a number's is its suffix (always matched).
_KIND_OF_LAST = {"time": "time", "suf": "num", "word": "word", "sym": "sym"}


def _items(text: str, start: int, end: int) -> list[_Item]:
    """Split text[start:end] into numbers, words and currency/percent symbols."""
    out = []
    for m in _ITEM.finditer(text, start, end):
        kind = _KIND_OF_LAST[m.lastgroup or ""]
        if kind == "num":
            digits = m.group("num")
            out.append(_Item("num", digits, digits, m.start(), m.end(), m["suf"]))
        else:
            word = m.group()
            out.append(_Item(kind, word, word.lower(), m.start(), m.end()))
    return out


def _parse_digits(s: str) -> Fraction | None:
    """Return the value of 1,800 / 1.8 / 1.800.000 / 3,5, or None if it is not a number."""
    if "," in s and "." in s:
        # The last separator is the decimal one (1,800.5 or 1.800,5).
        dec = "." if s.rfind(".") > s.rfind(",") else ","
        s = s.replace("," if dec == "." else ".", "").replace(dec, ".")
    elif "," in s or "." in s:
        sep = "," if "," in s else "."
        groups = s.split(sep)
        if len(groups) > 2 or (len(groups[-1]) == 3 and sep == ","):
            if not all(len(g) == 3 for g in groups[1:]):
                return None
            s = s.replace(sep, "")
        else:
            s = s.replace(",", ".")
    try:
        return Fraction(s)
    except (ValueError, ZeroDivisionError):
        return None


class _Parser:
    """Left-to-right reader of the items of one text."""

    def __init__(self, text: str, items: list[_Item]) -> None:
        self.text = text
        self.items = items

    def gap(self, i: int) -> str:
        """Return the text between item i-1 and item i."""
        return self.text[self.items[i - 1].end : self.items[i].start]

    def item(self, i: int) -> _Item | None:
        """Return item i, or None past either end."""
        return self.items[i] if 0 <= i < len(self.items) else None

    def tight(self, i: int, allow: str = " -") -> bool:
        """Return True when item i follows item i-1 with only a space or hyphen between."""
        return i < len(self.items) and i > 0 and len(g := self.gap(i)) <= 1 and g in allow + ""

    def run(self) -> list[Quantity]:
        """Return every quantity of the text, in order."""
        out: list[Quantity] = []
        i = 0
        while i < len(self.items):
            found = self.at(i)
            if found is None:
                i += 1
                continue
            q, i = found
            out.append(q)
        return out

    def make(self, kind: str, value: Value, unit: str | None, i: int, j: int) -> Quantity:
        """Build the quantity covering items i..j-1."""
        s, e = self.items[i].start, self.items[j - 1].end
        return Quantity(kind, value, unit, s, e, self.text[s:e])

    def at(self, i: int) -> tuple[Quantity, int] | None:
        """Read a quantity starting at item i, returning it and the next item index."""
        it = self.items[i]
        if it.kind == "time":
            return self.time(i)
        if it.kind == "word" and it.text[:1].isupper():
            if it.low in _MONTHS:
                return self.date_month_first(i)
            if it.low in _WEEKDAYS:
                return self.make("weekday", (Fraction(_WEEKDAYS[it.low]),), None, i, i + 1), i + 1
        if it.kind == "sym" and it.text != "%":
            nxt = self.item(i + 1)
            if nxt is not None and nxt.kind == "num" and self.gap(i + 1) in ("", " "):
                return self.amount(i + 1, i, _SYMBOLS[it.text])
            return None
        if it.kind == "num":
            if self._identifier(it):
                return None
            return self.number(i)
        if it.kind == "word" and (it.low in _WORD_UNITS or it.low in ("a", "an")):
            return self.words(i)
        return None

    def _identifier(self, it: _Item) -> bool:
        """Return True for digits that belong to a name (COVID-19, F-16) or a code (737MAX)."""
        before = self.text[max(0, it.start - 2) : it.start]
        if len(before) == 2 and before[1] == "-" and before[0].isalpha():
            return True
        suf = it.suffix.lower()
        return (
            bool(suf) and suf not in _ORDINAL_SUFFIXES and suf not in SCALES and (suf not in _UNITS)
        )

    def time(self, i: int) -> tuple[Quantity, int]:
        """Read a clock time at item i (1:15, 1:15 p.m.)."""
        it = self.items[i]
        h, m = (int(x) for x in it.text.split(":"))
        j, end, known = i + 1, it.end, 0
        if am := _AMPM.match(self.text, it.end):
            known, end = 1, am.end()
            h = h % 12 + (12 if am.group(1).lower() == "p" else 0)
            while j < len(self.items) and self.items[j].start < end:
                j += 1
        value = (Fraction(h), Fraction(m), Fraction(known))
        return Quantity("time", value, None, it.start, end, self.text[it.start : end]), j

    def number(self, i: int) -> tuple[Quantity, int] | None:
        """Read an ordinal, a day-first date, an hour (5 pm) or an amount at item i."""
        it = self.items[i]
        value = _parse_digits(it.text)
        if value is None:
            return None
        suf = it.suffix.lower()
        if suf in _ORDINAL_SUFFIXES:
            if value.denominator == 1 and 1 <= value <= 31:
                nxt = self.item(i + 1)
                if nxt is not None and nxt.low == "of" and self.tight(i + 1):
                    nxt = self.item(i + 2)
                    month_at = i + 2
                else:
                    month_at = i + 1
                if nxt is not None and nxt.low in _MONTHS and nxt.text[:1].isupper():
                    return self.date_day_first(i, month_at, value)
            return self.make("ordinal", (value,), None, i, i + 1), i + 1
        if not suf and value.denominator == 1 and 1 <= value <= 31:
            nxt = self.item(i + 1)
            if (
                nxt is not None
                and nxt.low in _MONTHS
                and nxt.text[:1].isupper()
                and self.gap(i + 1) == " "
            ):
                return self.date_day_first(i, i + 1, value)
        if not suf and value.denominator == 1 and 1 <= value <= 12:
            am = _AMPM_TIGHT.match(self.text, it.end)
            if am:
                h = int(value) % 12 + (12 if am.group(1).lower() == "p" else 0)
                j = i + 1
                while j < len(self.items) and self.items[j].start < am.end():
                    j += 1
                q = Quantity(
                    "time",
                    (Fraction(h), Fraction(0), Fraction(1)),
                    None,
                    it.start,
                    am.end(),
                    self.text[it.start : am.end()],
                )
                return q, j
        return self.amount(i, None, None)

    def amount(self, i: int, first: int | None, currency: str | None) -> tuple[Quantity, int]:
        """Read digits at item i with their scale and unit; `first` is a currency item."""
        it = self.items[i]
        value = _parse_digits(it.text) or Fraction(0)
        unit = currency
        suf = it.suffix.lower()
        if suf in SCALES:
            value *= SCALES[suf]
        elif suf in _UNITS:
            unit = _UNITS[suf]
        j = i + 1
        is_year = (
            not suf
            and currency is None
            and it.text.isdigit()
            and len(it.text) == 4
            and 1800 <= value <= 2100
        )
        value, unit, j = self.tail(j, value, unit)
        start = i if first is None else first
        if is_year and j == i + 1:
            return self.make("year", (value,), None, start, j), j
        return self.make("amount", (value,), unit, start, j), j

    def tail(self, j: int, value: Fraction, unit: str | None) -> tuple[Fraction, str | None, int]:
        """Read an optional scale word and unit after a number ending before item j."""
        nxt = self.item(j)
        # "1.8 billion", "$250-M"; a lone letter after a space is not a scale ("5 m").
        short_ok = nxt is not None and (len(nxt.low) > 1 or self.gap(j) == "-")
        if nxt is not None and nxt.low in SCALES and short_ok and self.tight(j):
            value *= SCALES[nxt.low]
            j += 1
            nxt = self.item(j)
        if nxt is not None and self.tight(j) and unit in (None, "USD", "EUR", "GBP", "JPY"):
            if nxt.low == "per" and (after := self.item(j + 1)) and after.low == "cent":
                return value, "%", j + 2
            if nxt.kind == "sym" and nxt.text == "%" and self.gap(j) == "":
                return value, "%", j + 1
            if nxt.low in _UNITS and (unit is None or _UNITS[nxt.low] == unit):
                after = self.item(j + 1)
                if after is not None and after.low == "old" and self.gap(j + 1) in ("-", " "):
                    return value, "age", j + 2  # "37-year-old" is an age, not a duration
                return value, _UNITS[nxt.low], j + 1
        return value, unit, j

    def words(self, i: int) -> tuple[Quantity, int] | None:
        """Read a number written in words (four, twenty-five, a million, two hundred)."""
        it = self.items[i]
        prev = self.item(i - 1)
        j = i
        total, current, seen = 0, 0, False
        if it.low in ("a", "an"):
            nxt = self.item(i + 1)
            if nxt is None or (nxt.low not in _WORD_SCALES and nxt.low != "dozen"):
                return None
            current, j = 1, i + 1
        while j < len(self.items):
            w = self.items[j]
            if j > i and not self.tight(j):
                break
            if w.low == "dozen":
                current = (current or 1) * 12
            elif w.low in _WORD_UNITS:
                current += _WORD_UNITS[w.low]
            elif w.low in _WORD_SCALES and (seen or current):
                scale = _WORD_SCALES[w.low]
                if scale == 100:
                    current = (current or 1) * 100
                else:
                    total += (current or 1) * scale
                    current = 0
            elif w.low == "and" and seen and (n := self.item(j + 1)) and n.low in _WORD_UNITS:
                j += 1
                continue
            else:
                break
            seen = True
            j += 1
        if not seen:
            return None
        if it.low == "one" and j == i + 1:
            nxt = self.item(i + 1)
            if nxt is not None and self.gap(i + 1) == "-" and nxt.low not in _UNITS:
                return None  # one-sided, one-off, one-time
            if (prev and prev.low in _NOT_ONE) or (nxt and nxt.low in ("another", "day", "of")):
                return None
        value, unit, j = self.tail(j, Fraction(total + current), None)
        return self.make("amount", (value,), unit, i, j), j

    def date_month_first(self, i: int) -> tuple[Quantity, int] | None:
        """Read a date that starts with its month (February 24, 2022; Feb. 24)."""
        month = Fraction(_MONTHS[self.items[i].low])
        j = i + 1
        day = year = None
        nxt = self.item(j)
        if nxt is not None and self.gap(j) in (" ", ". ", "."):
            d = _parse_digits(nxt.text) if nxt.kind == "num" else None
            if d is not None and nxt.suffix.lower() in ("", *_ORDINAL_SUFFIXES):
                if d.denominator == 1 and 1 <= d <= 31 and len(nxt.text) <= 2:
                    day, j = d, j + 1
                elif d.denominator == 1 and len(nxt.text) == 4 and not nxt.suffix:
                    year, j = d, j + 1
        if day is not None:
            year, j = self.year_after(j, year)
        if day is None and year is None and self.items[i].low in _AMBIGUOUS_MONTHS:
            return None
        return self.make("date", (year, month, day), None, i, j), j

    def date_day_first(self, i: int, m: int, day: Fraction) -> tuple[Quantity, int]:
        """Read a date that starts with its day (24 February; 24th of February)."""
        month = Fraction(_MONTHS[self.items[m].low])
        year, j = self.year_after(m + 1, None)
        return self.make("date", (year, month, day), None, i, j), j

    def year_after(self, j: int, year: Fraction | None) -> tuple[Fraction | None, int]:
        """Read a four-digit year at item j (after ", " or " "), else keep `year`."""
        y = self.item(j)
        if (
            y is not None
            and y.kind == "num"
            and self.gap(j) in (", ", " ")
            and (len(y.text) == 4 and not y.suffix)
        ):
            return _parse_digits(y.text), j + 1
        return year, j


# Every quantity holds a digit or one of these words (lower case): a spelled number or
# scale ("a million", "a dozen"), a month or a weekday (see `_Parser.at`).
_TRIGGERS = frozenset([*_WORD_UNITS, *_WORD_SCALES, "dozen", *_MONTHS, *_WEEKDAYS])
_DIGIT = re.compile(r"\d")
# The words of _ITEM (its "word" alternative): where no digit is, its only items but symbols.
_WORD_ITEM = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def find(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Return the quantities of text[start:end], with offsets into text."""
    stop = len(text) if end is None else end
    if _DIGIT.search(text, start, stop) is None and _TRIGGERS.isdisjoint(
        w.lower() for w in _WORD_ITEM.findall(text, start, stop)
    ):
        return []  # most sentences: no item could start a quantity
    return _Parser(text, _items(text, start, stop)).run()


def _shared_fields(a: Value, b: Value) -> list[tuple[Fraction, Fraction]]:
    """Return the fields (year, month, day) both values have."""
    return [(x, y) for x, y in zip(a, b, strict=False) if x is not None and y is not None]


def comparable(a: Quantity, b: Quantity) -> bool:
    """Return True when two quantities measure the same kind of thing (and can differ)."""
    kinds = {a.kind, b.kind}
    if kinds == {"year", "date"}:
        date = a if a.kind == "date" else b
        return date.value[0] is not None
    if a.kind != b.kind:
        return False
    if a.kind == "amount":
        return a.unit == b.unit or a.unit is None or b.unit is None
    if a.kind == "date":
        return bool(_shared_fields(a.value, b.value))
    return True


def same(a: Quantity, b: Quantity) -> bool:
    """Return True when two quantities have the same value (500-tonne = 500 tonnes)."""
    if not comparable(a, b):
        return False
    if {a.kind, b.kind} == {"year", "date"}:
        year = a if a.kind == "year" else b
        date = b if year is a else a
        return year.value[0] == date.value[0]
    if a.kind == "date":
        return all(x == y for x, y in _shared_fields(a.value, b.value))
    if a.kind == "time":
        ha, ma, ka = a.value
        hb, mb, kb = b.value
        if ka and kb:
            return ha == hb and ma == mb
        return ha is not None and hb is not None and ha % 12 == hb % 12 and ma == mb
    return a.value == b.value
