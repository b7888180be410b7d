"""Split a document into sentences with exact offsets, and mark boilerplate."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from newsdiff.model import Sentence
from newsdiff.text import nltk_lite
from newsdiff.text.resources import read_lines

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

# A blank line (possibly holding spaces) separates paragraphs.
_PARA_BREAK = re.compile(r"\n[ \t\f\v\u00a0]*\n\s*|\r\n[ \t]*\r\n\s*|\r[ \t]*\r\s*")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# A list item: a bullet, a dash or a number with a dot or parenthesis.
_BULLET = re.compile(r"^(?:[-*•–—]\s|\d{1,2}[.)]\s)")
# A line that ends a sentence-ish unit: terminal punctuation, a closing quote or a colon.
_LINE_END = re.compile(r"[.!?:;\"'”’»)\]…]\s*$")

# Boilerplate that news pages put between paragraphs: marked, never aligned, never dropped.
# Fixed phrases: furniture whatever follows (a year in a copyright line is no fact).
_FIXED = re.compile(
    r"""^\W{0,3}(?:
        (?:copyright\s*)?(?:©|\(c\)\s*\d{4})
      | copyright\s+\d{4}
      | all\s+rights\s+reserved
      | (?:advertisement|sponsored(?:\s+content)?|subscribe(?:\s+now)?|sign\s+up(?:\s+now)?
        |click\s+here(?:\s+\w+){0,5}|follow\s+us(?:\s+on\s+\w+)?)\W*$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# A pointer to another article: what follows is that article's headline, not this report's,
# so it is furniture even when it states a fact ("Also Read: China to build lunar base as
# part of grand 5-year plan"). Only that sentence: the next one is judged on its own.
_XREF = re.compile(
    r"""^\W{0,3}(?:
        (?:also\s+(?:read|see)|read(?:\s+(?:also|more|here|now))?|see\s+(?:also|more))\s*[:|]
      | related(?:\s+(?:articles?|stories|news|coverage|reading))?\s*[:|]
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# A caption or credit label: furniture only when what follows is short and states no fact.
_CAPTION = re.compile(
    r"""^\W{0,3}(?:
        (?:see|watch|listen)(?:\s+(?:more|here|now))?\s*[:|]
      | (?:image|photo(?:graph)?|picture|pic|video|graphic|illustration|file\s+photo)
        (?:\s+(?:credit|courtesy|source))?\s*[:|]
      | (?:credit|courtesy)\s*[:|]
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# Furniture is short: a longer sentence that starts like it is an article's own text.
_BOILERPLATE_WORDS = 30
_CAPTION_WORDS = 12
# A fact makes a caption the report's own text: a number, or a named actor with a verb.
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_NOT_NAMES = frozenset(
    re.findall(r"\w+", "a an the this that these those here there how what when why")
)
_VERBS = frozenset(
    re.findall(
        r"\w+",
        """is are was were be been has have had will would can could may might must shall say
        says said tell tells told die dies kill kills hit hits win wins lose lost make makes made
        take takes took give gives gave see sees saw go goes went come comes came""",
    )
)

_SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("latin", re.compile(r"[A-Za-z\u00c0-\u024f]")),
    ("cyrillic", re.compile(r"[\u0400-\u04ff]")),
    ("greek", re.compile(r"[\u0370-\u03ff]")),
    ("arabic", re.compile(r"[\u0600-\u06ff]")),
    ("hebrew", re.compile(r"[\u0590-\u05ff]")),
    ("cjk", re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")),
    ("devanagari", re.compile(r"[\u0900-\u097f]")),
)


@lru_cache(maxsize=1)
def _tokenizer() -> PunktSentenceTokenizer:
    """Build a Punkt tokenizer from the shipped abbreviations (no downloaded model)."""
    punkt = nltk_lite.punkt()
    params = punkt.PunktParameters()
    params.abbrev_types = set(read_lines("abbreviations.txt"))
    tokenizer: PunktSentenceTokenizer = punkt.PunktSentenceTokenizer(params)
    return tokenizer


def script_of(text: str) -> str:
    """Return the script most letters of `text` are written in ("none" if no letters)."""
    best, best_n = "none", 0
    for name, pattern in _SCRIPTS:
        n = len(pattern.findall(text))
        if n > best_n:
            best, best_n = name, n
    return best


def _states_fact(text: str) -> bool:
    """Tell whether text holds a number, or a named actor (a capitalised name) with a verb."""
    if _DIGIT.search(text):
        return True
    words = _WORD.findall(text)
    named = any(w[0].isupper() and w.lower() not in _NOT_NAMES for w in words)
    verb = any(w.islower() and (w in _VERBS or (len(w) > 4 and w.endswith("ed"))) for w in words)
    return named and verb


def is_boilerplate(text: str) -> bool:
    """Tell whether a sentence is page furniture ("Also read:", "Image: AP", ...)."""
    text = text.strip()
    if len(text.split()) > _BOILERPLATE_WORDS:
        return False
    if _FIXED.match(text) or _XREF.match(text):
        return True
    label = _CAPTION.match(text)
    if label is None:
        return False
    rest = text[label.end() :]
    return len(text.split()) <= _CAPTION_WORDS and not _states_fact(rest)


def _looks_like_furniture(line: str) -> bool:
    """Tell whether a line starts like furniture, to end it there (the mark is per sentence)."""
    line = line.strip()
    return len(line.split()) <= _BOILERPLATE_WORDS and any(
        p.match(line) for p in (_FIXED, _XREF, _CAPTION)
    )


def _is_heading(line: str) -> bool:
    """Tell whether a line without final punctuation reads as a heading (Title Case)."""
    words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _line_ends_unit(line: str, nxt: str) -> bool:
    """Tell whether a single line break after `line` (before `nxt`) ends a paragraph.

    Text is often hard-wrapped ("The talks were led by\nPresident Biden."), so a line that
    does not end a sentence continues on the next one, unless it is a heading, the next
    line is a list item, or either line is page furniture ("Also read: ...").
    """
    if _LINE_END.search(line):
        return True
    return (
        _is_heading(line)
        or bool(_BULLET.match(nxt))
        or _looks_like_furniture(line)
        or _looks_like_furniture(nxt)
    )


def _blocks(text: str) -> list[tuple[int, int, int]]:
    """Return (start, end, paragraph) of the text's blocks: paragraphs, or their lines."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _PARA_BREAK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out: list[tuple[int, int, int]] = []
    for para, (start, end) in enumerate(spans):
        line_start = start
        for m in _LINE_BREAK.finditer(text, start, end):
            line = text[line_start : m.start()]
            nxt_end = text.find("\n", m.end(), end)
            nxt = text[m.end() : end if nxt_end < 0 else nxt_end]
            if _line_ends_unit(line.strip(), nxt.strip()):
                out.append((line_start, m.start(), para))
                line_start = m.end()
        out.append((line_start, end, para))
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span to exclude surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _merge_fragments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a sentence that starts in lower case to the one before it.

    Punkt ends a sentence at `?”` even when the attribution follows (`"...?" he said.`);
    a lower-case start means the break was wrong, so the attribution stays with its quote.
    """
    out: list[tuple[int, int]] = []
    for start, end in spans:
        first = text[start : start + 1]
        if out and (first.islower() or first in ",;)"):
            prev_start, _ = out[-1]
            out[-1] = (prev_start, end)
        else:
            out.append((start, end))
    return out


def segment(text: str) -> tuple[Sentence, ...]:
    """Split `text` into sentences whose `text == input[start:end]`, marking boilerplate."""
    tokenizer = _tokenizer()
    sentences: list[Sentence] = []
    for b_start, b_end, para in _blocks(text):
        b_start, b_end = _strip(text, b_start, b_end)
        if b_start >= b_end:
            continue
        block = text[b_start:b_end]
        spans = [(b_start + s, b_start + e) for s, e in tokenizer.span_tokenize(block)]
        spans = [_strip(text, s, e) for s, e in spans]
        spans = _merge_fragments(text, [(s, e) for s, e in spans if s < e])
        for s, e in spans:
            chunk = text[s:e]
            # Decided per sentence: "Photo: AP. Police said 12 died." keeps the police fact.
            boiler = is_boilerplate(chunk)
            sentences.append(
                Sentence(
                    index=len(sentences),
                    start=s,
                    end=e,
                    text=chunk,
                    boilerplate=boiler,
                    paragraph=para,
                    script=script_of(chunk),
                )
            )
    return tuple(sentences)
