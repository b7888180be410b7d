"""Split a document into sentences with exact offsets, and mark boilerplate."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from newsdiff.model import Sentence
from newsdiff.resources import read_lines

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

# A blank line (possibly holding spaces) separates paragraphs.
_PARA_BREAK = re.compile(r"\n[ \t\f\v\u00a0]*\n\s*|\r\n[ \t]*\r\n\s*|\r[ \t]*\r\s*")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# A line that ends a sentence-ish unit: terminal punctuation, a closing quote or a colon.
_LINE_END = re.compile(r"[.!?:;\"'”’»)\]…]\s*$")

# Boilerplate that news pages put between paragraphs: marked, never aligned, never dropped.
_BOILERPLATE = re.compile(
    r"""^\W{0,3}(?:
        (?:also|read|see|watch|listen)(?:\s+(?:also|more|read|here|now))?\s*:
      | read\s+(?:also|more)\b
      | related(?:\s+(?:articles?|stories|news|coverage|reading))?\s*:
      | (?:image|photo(?:graph)?|picture|pic|video|graphic|illustration|file\s+photo)
        (?:\s+(?:credit|courtesy|source))?\s*[:|]
      | (?:credit|source|courtesy)\s*:
      | (?:click|tap)\s+here\b
      | (?:subscribe|sign\s+up|follow\s+us|share\s+this|advertisement|sponsored)\b
      | (?:copyright|©|\(c\)\s*\d{4})
      | all\s+rights\s+reserved
    )""",
    re.IGNORECASE | re.VERBOSE,
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
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(read_lines("abbreviations.txt"))
    return PunktSentenceTokenizer(params)


def script_of(text: str) -> str:
    """Return the script most letters of `text` are written in ("none" if no letters)."""
    best, best_n = "none", 0
    for name, pattern in _SCRIPTS:
        n = len(pattern.findall(text))
        if n > best_n:
            best, best_n = name, n
    return best


def is_boilerplate(text: str) -> bool:
    """Tell whether a sentence is page furniture ("Also read:", "Image: AP", ...)."""
    return bool(_BOILERPLATE.match(text.strip()))


def _blocks(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of paragraphs; single line breaks split unless hard-wrapped."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _PARA_BREAK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out: list[tuple[int, int]] = []
    for start, end in spans:
        line_start = start
        for m in _LINE_BREAK.finditer(text, start, end):
            line = text[line_start : m.start()]
            nxt = text[m.end() : m.end() + 1]
            # A line that does not end a sentence, followed by a lower-case letter, is
            # hard-wrapped prose: keep it with the next line.
            if not _LINE_END.search(line) and nxt.islower():
                continue
            out.append((line_start, m.start()))
            line_start = m.end()
        out.append((line_start, end))
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
    for para, (b_start, b_end) in enumerate(_blocks(text)):
        b_start, b_end = _strip(text, b_start, b_end)
        if b_start >= b_end:
            continue
        block = text[b_start:b_end]
        spans = [(b_start + s, b_start + e) for s, e in tokenizer.span_tokenize(block)]
        spans = [_strip(text, s, e) for s, e in spans]
        spans = _merge_fragments(text, [(s, e) for s, e in spans if s < e])
        # Boilerplate is a paragraph-level mark: "Also Read: A. B." is furniture throughout.
        boiler = bool(spans) and is_boilerplate(text[spans[0][0] : spans[0][1]])
        for s, e in spans:
            chunk = text[s:e]
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
