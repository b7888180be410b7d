"""Split a document into sentences with exact offsets, and mark boilerplate."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from newsdiff.model import Sentence
from newsdiff.text import nltk_lite
from newsdiff.text.resources import read_lines, read_words

if TYPE_CHECKING:
    from types import ModuleType

    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

# A blank line (possibly holding spaces) separates paragraphs.
_PARA_BREAK = re.compile(r"\n[ \t\f\v\u00a0]*\n\s*|\r\n[ \t]*\r\n\s*|\r[ \t]*\r\s*")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# A list item: a bullet, a dash or a number with a dot or parenthesis.
_BULLET = re.compile(r"^(?:[-*•–—]\s|\d{1,2}[.)]\s)")
# Characters that end a sentence, in the scripts read: the ellipsis, the Devanagari danda
# and double danda, the ideographic and full-width stops, the Arabic question mark and the
# Urdu full stop. Shared with align/evidence.headline (one set, not two that drift).
SENTENCE_ENDS = ".!?…।॥。！？؟۔"
# What ends a line's unit besides a sentence end: a colon or a semicolon (a list follows).
LINE_ENDS = SENTENCE_ENDS + ":;"
# Characters that may follow a final stop: closing quotes and brackets.
CLOSERS = "\"'”’»)]"
# A line that ends a sentence-ish unit: one of LINE_ENDS, or a closing quote or bracket.
_LINE_END = re.compile(f"[{re.escape(LINE_ENDS + CLOSERS)}]\\s*$")

# Boilerplate that news pages put between paragraphs: marked, never aligned, never dropped.
# Fixed phrases: furniture whatever follows (a year in a copyright line is no fact).
_FIXED = re.compile(
    r"""^\W{0,3}(?:
        (?:copyright\s*)?(?:©|\(c\)\s*\d{4})
      | copyright\s+\d{4}
      | all\s+rights\s+reserved
      | (?:advertisement|sponsored(?:\s+content)?|subscribe(?:\s+now)?|sign\s+up(?:\s+now)?
        |click\s+here(?:\s+\w+){0,5}|follow\s+us(?:\s+on\s+\w+)?
        |update[sd]?|editor['’]?s\s+note|correction|clarification)\W*$
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

# Fragment repair after Punkt (see _joins_previous).
# "f.b.i", "w.va", "ph.d", also glued to a word by a slash or parenthesis ("wittman/p.j").
_INITIALISM = re.compile(r"(?:.*[/(])?[a-z]{1,2}(?:\.[a-z]{1,3})+")
# An initial before a number is a street or a name part ("E. 52nd St."), not a sentence end.
_INITIAL_END = re.compile(r"(?:^|[^\w.])[A-Z]\.$")
_QUOTE_CHARS = "\"'“”‘’«»"
_CONTINUES = re.compile(r"(?:—|–|--?\s|\([A-Za-z][\w .&-]{0,30}\)\s*(?:—|–|--?\s))")
_ALNUM = re.compile(r"[^\W_]")
_LAST_WORD = re.compile(r"([^\W\d_]+)\.$")
_STOPS = frozenset(";:?!")
_TAIL = 24
_HEADING_CHARS = 200
# A speech tag: a speaker (up to 4 words), a reporting verb, and a short time or place.
_TAG_WORDS = 10
_TAG_VERBS = frozenset(
    re.findall(
        r"\w+",
        """said says asked asks added adds told tells wrote writes tweeted tweets explained
        explains continued continues insisted insists noted notes recalled recalls replied
        replies responded responds declared declares stated states remarked argued argues
        warned warns admitted admits acknowledged acknowledges conceded concedes claimed
        claims joked jokes quipped shouted yelled exclaimed announced announces concluded
        countered observed pleaded testified agreed agrees""",
    )
)
_TAG_OBJECT_VERBS = frozenset(("told", "tells", "asked", "asks", "warned", "warns"))
_TAG_HEARERS = frozenset(
    re.findall(
        r"\w+",
        """the a an him her them us me you reporters journalists police officials
        investigators lawmakers supporters listeners viewers readers""",
    )
)
_TAG_ADJUNCT_WORDS = 6
_TAG_ADJUNCT = frozenset(
    re.findall(
        r"\w+",
        """in on at to by during after before from via through with of for over outside
        inside later earlier afterward afterwards then again too yesterday today tonight
        recently last this monday tuesday wednesday thursday friday saturday sunday""",
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


class _Abbreviations(set[str]):
    """Punkt's abbreviation types: the shipped lists, and any dotted initialism ("f.b.i")."""

    def __contains__(self, item: object) -> bool:
        return super().__contains__(item) or (
            isinstance(item, str) and "." in item and _INITIALISM.fullmatch(item) is not None
        )


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Return the titles written before a name ("sen", "reps"): never a sentence's end."""
    return frozenset(read_lines("titles.txt"))


def punkt_parameters(punkt: ModuleType, starters: bool = True) -> PunktParameters:
    """Return Punkt parameters of `punkt` (nltk's module) from the shipped word lists.

    Without `starters`, for Title Case headings: there "The" or "On" after an abbreviation
    starts no sentence ("Smith Jr. On The Run").
    """
    params: PunktParameters = punkt.PunktParameters()
    params.abbrev_types = _Abbreviations(set(read_lines("abbreviations.txt")) | _titles())
    # Seen only in lower case inside sentences: capitalised after an abbreviation or an
    # initial, such a word starts a sentence ("in the U.S. The talks", "Plan B. It failed").
    for word in read_words("sentence_starters.txt") if starters else ():
        params.ortho_context[word] = punkt._ORTHO_MID_LC
    return params


@lru_cache(maxsize=2)
def _tokenizer(starters: bool = True) -> PunktSentenceTokenizer:
    """Build a Punkt tokenizer from the shipped word lists (no downloaded model)."""
    punkt = nltk_lite.punkt()
    tokenizer: PunktSentenceTokenizer = punkt.PunktSentenceTokenizer(
        punkt_parameters(punkt, starters)
    )
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


def _is_speech_tag(chunk: str) -> bool:
    """Tell whether a sentence is only a speaker and a reporting verb ("Smith said Monday.")."""
    body = chunk.strip(_QUOTE_CHARS + " ")
    if not body.endswith("."):
        return False
    words = body[:-1].split()
    if not 2 <= len(words) <= _TAG_WORDS or not words[0][:1].isupper():
        return False
    # One clause, no quotation: a quote mark or a clause break inside is more than a tag.
    if any(w[0] in _QUOTE_CHARS or w[-1] in _QUOTE_CHARS or w[-1] in _STOPS for w in words):
        return False
    lower = [w.lower() for w in words]
    verb = next((i for i in range(1, min(len(words), 6)) if lower[i] in _TAG_VERBS), 0)
    if not verb or any(w.endswith(",") for w in words[:verb]):
        return False
    rest = words[verb + 1 :]
    if rest and lower[verb] in _TAG_OBJECT_VERBS:
        # The hearer comes first: "told reporters", "told The Associated Press".
        hearer = 0
        while hearer < min(len(rest), 3) and (
            rest[hearer][0].isupper() or rest[hearer].lower() in _TAG_HEARERS
        ):
            hearer += 1
        if not hearer or rest[hearer:][:1] == ["to"]:  # "told them to leave" is a fact
            return False
        rest = rest[hearer:]
    return not rest or (len(rest) <= _TAG_ADJUNCT_WORDS and rest[0].lower() in _TAG_ADJUNCT)


def _joins_previous(text: str, prev: tuple[int, int], start: int, end: int) -> bool:
    """Tell whether the sentence at start:end is a fragment of the one before it."""
    # Read in place: copying every sentence would cost more than the checks.
    first = text[start]
    # Only the end of the previous sentence matters (a title, an initial, a quote mark).
    before = text[max(prev[0], prev[1] - _TAIL) : prev[1]]
    # A lower-case start: Punkt broke at `?”` before the attribution (`"...?" he said.`),
    # or at `?` before a detached quote mark (`...? "he said.`; not `"iPhone sales rose"`).
    if first.islower() or first in ",;)":
        return True
    if (
        first in _QUOTE_CHARS
        and before.endswith(("?", "!"))
        and text[start : start + 4].lstrip(_QUOTE_CHARS)[:1].islower()
    ):
        return True
    # A dash or "(AP) —" continues a dateline ("AUGUSTA, Me. — The governor ...").
    if first in "—–-(" and _CONTINUES.match(text, start, end):
        return True
    # Stray punctuation ("”", "[...]") belongs to the sentence it closes (an emoji does not).
    if _ALNUM.search(text, start, end) is None and all(
        unicodedata.category(c)[0] == "P" or c.isspace() for c in text[start:end]
    ):
        return True
    if first.isdigit() and _INITIAL_END.search(before):
        return True
    # A title is followed by a name: "Reps." or "Const." alone is no sentence ("MS." may be).
    last = _LAST_WORD.search(before)
    if last is not None and last.group(1).istitle() and last.group(1).lower() in _titles():
        return True
    # A speech tag after a quote belongs to the quote: `"... that?" McCain said.`
    quoted = before[-1:] in _QUOTE_CHARS or first in _QUOTE_CHARS
    return quoted and _is_speech_tag(text[start:end])


def _merge_fragments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join each fragment of a block (a speech tag, a title, a dateline) to its sentence."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and _joins_previous(text, out[-1], start, end):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def segment(text: str) -> tuple[Sentence, ...]:
    """Split `text` into sentences whose `text == input[start:end]`, marking boilerplate."""
    sentences: list[Sentence] = []
    for b_start, b_end, para in _blocks(text):
        b_start, b_end = _strip(text, b_start, b_end)
        if b_start >= b_end:
            continue
        block = text[b_start:b_end]
        # A heading is short: a paragraph is never taken for one (and is not scanned).
        heading = len(block) <= _HEADING_CHARS and _is_heading(block)
        tokenizer = _tokenizer(starters=not heading)
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
