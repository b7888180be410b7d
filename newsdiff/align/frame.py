"""Find a sentence's reporting frame: who says it and how, as opposed to what is said.

"..., general manager A.J. Smith said in a statement." and "CHP Officer Brad Baehr said
Jackson ..." wrap a statement in a frame: the speaker (names, titles), a reporting verb and
a short tail ("in a statement", "to reporters"). Two reports that quote the same speaker
share the whole frame whatever the speaker says, so shared frame words are weak evidence
of the same fact; the words of the statement carry it. The rules are about kinds of
words (reporting verbs, the short clause around them, quotation marks), not about any
story.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsdiff.text.words import Token

# Reporting verbs (surface forms, lower case: "States" is a name) that open or close an
# attribution.
# Verbs of speech only: "declare", "claim", "announce" take what is said as their object
# ("claims victory"), so their object is the statement, not a frame.
_REPORTING_TEXT = """
    say says said tell tells told add adds added stated write writes wrote tweeted noted
    explained according asked insisted replied responded"""
REPORTING = frozenset(_REPORTING_TEXT.split())
# Most tokens of a speaker before the verb ("Chargers general manager A.J. Smith").
SPEAKER_TOKENS = 6
# Most content words (not stop words) in the tail after the verb ("in a statement
# released by the team"); a longer tail is the statement itself.
TAIL_WORDS = 4
# Function words a speaker may hold ("the head of the agency"); any other function word
# ("and", "was") means the words before the verb are a clause of their own.
_SPEAKER_STOPS_TEXT = "the a an of for at"
_SPEAKER_STOPS = frozenset(_SPEAKER_STOPS_TEXT.split())
# Function words that open a clause: a tail holding one is what was said ("said on
# Tuesday that it would ..."), not how.
_CLAUSE_TEXT = """that he she it they we i you there this these those who which what whether if
    because would will could should can may might was were is are has have had not"""
_CLAUSE = frozenset(_CLAUSE_TEXT.split())
# Prepositions that open a tail saying where, when or to whom ("in a statement", "to
# reporters", "according to police"); a tail opening otherwise is an object ("said the
# ferry sank").
_TAIL_OPENERS_TEXT = "in on at to during after before from via by outside late early"
_TAIL_OPENERS = frozenset(_TAIL_OPENERS_TEXT.split())
# Characters that end a frame's clause: punctuation and quotation marks.
_BREAKS = frozenset(",;:()[]\"'“”‘’«»—–")


def _break_between(text: str, end: int, start: int) -> bool:
    """Tell whether the text between two tokens holds a clause break."""
    return any(c in _BREAKS for c in text[end:start])


def frame_mask(tokens: Sequence[Token], text: str, quotes: Sequence[tuple[int, int]]) -> list[bool]:
    """Return, for each token of a sentence, whether it belongs to a reporting frame.

    `text`: the document's text (token offsets point into it); `quotes`: its quotation
    spans overlapping the sentence. Quoted words are never frame.
    """
    n = len(tokens)
    inside = [any(s <= t.start and t.end <= e for s, e in quotes) for t in tokens]
    mask = [False] * n
    for v, t in enumerate(tokens):
        if inside[v] or t.text not in REPORTING:
            continue
        # The speaker: names, titles and role nouns right before the verb, in one clause.
        first = v
        while first > 0 and v - first < SPEAKER_TOKENS:
            prev = tokens[first - 1]
            if inside[first - 1] or _break_between(text, prev.end, tokens[first].start):
                break
            if prev.is_stop and prev.text.lower() not in _SPEAKER_STOPS:
                break
            first -= 1
        # The tail: up to the next break; frame when it says where or to whom, not what.
        k = v + 1
        while (
            k < n and not inside[k] and not _break_between(text, tokens[k - 1].end, tokens[k].start)
        ):
            k += 1
        tail = tokens[v + 1 : k]
        words = sum(not x.is_stop for x in tail)
        clause = any(x.text.lower() in _CLAUSE for x in tail)
        last = v
        if (
            tail
            and not clause
            and (words <= 1 or (tail[0].text.lower() in _TAIL_OPENERS and words <= TAIL_WORDS))
        ):
            last = k - 1
        for j in range(first, last + 1):
            mask[j] = True
    return mask
