"""The comparison model: frozen dataclasses shared by every stage and renderer."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal, get_args

SCHEMA = "newsdiff/1"

Kind = Literal["shared", "divergent", "unique"]
KINDS: tuple[Kind, ...] = ("shared", "divergent", "unique")

# Signal types, in the order renderers list them.
SignalType = Literal[
    "number", "quote", "attribution", "hedge", "negation", "entity", "tone", "wording"
]
# As plain strings (counted by name in corpus records).
SIGNAL_TYPES: tuple[str, ...] = get_args(SignalType)


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document, with exact character offsets into its text."""

    index: int
    start: int
    end: int
    text: str
    boilerplate: bool = False
    paragraph: int = 0
    # Dominant script ("latin", "cyrillic", ...); sentences of different scripts never align.
    script: str = "latin"

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the sentence."""
        return {
            "index": self.index,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "boilerplate": self.boilerplate,
            "paragraph": self.paragraph,
            "script": self.script,
        }


@dataclass(frozen=True)
class Document:
    """One report: its name, where it came from, its decoded text and its sentences."""

    id: str
    text: str
    path: str | None = None
    sentences: tuple[Sentence, ...] = ()

    def content_sentences(self) -> Iterator[Sentence]:
        """Yield the sentences that take part in alignment (not boilerplate)."""
        return (s for s in self.sentences if not s.boilerplate)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the document."""
        return {
            "id": self.id,
            "path": self.path,
            "text": self.text,
            "sentences": [s.to_dict() for s in self.sentences],
        }


@dataclass(frozen=True)
class Evidence:
    """The words on one side of a signal: a span of one document's text."""

    doc: int
    sentence: int
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the evidence."""
        return {
            "doc": self.doc,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


@dataclass(frozen=True)
class Side:
    """One side of a difference: the reports that say it, their words and where they stand.

    `text` is None when these reports have no words in its place (shown as `none`).
    """

    docs: tuple[int, ...]
    text: str | None
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the side."""
        return {
            "docs": list(self.docs),
            "text": self.text,
            "evidence": [e.to_dict() for e in self.evidence],
        }


# One difference of a signal: what one side says in the place of the other's words.
Part = tuple[Side, Side]


def side_text(side: Side) -> str:
    """Return a side's words, or `none` when its reports have none there."""
    return "none" if side.text is None else side.text


@dataclass(frozen=True)
class Signal:
    """A typed, explainable reason why a group's reports diverge: its differences as data.

    Each part is one difference with two sides; the reports compared, the evidence and the
    one-line `detail` ("x vs y; z vs none") are derived from the parts.
    """

    type: SignalType
    parts: tuple[Part, ...]

    # Cached: a renderer reads them once per member, and a tone word in 500 reports has
    # as many sides to gather.
    @cached_property
    def docs(self) -> tuple[int, ...]:
        """Return the reports the signal compares: a pair it sets apart first, then the rest.

        The first two are the first report of each side of its first part (in document
        order), so that `docs[:2]` is always two reports that differ: "none (0, 1) vs and
        (2)" compares (0, 2, 1). The others follow in document order.
        """
        every = sorted({d for part in self.parts for side in part for d in side.docs})
        if not self.parts or not self.parts[0][0].docs or not self.parts[0][1].docs:
            return tuple(every)
        pair = sorted((self.parts[0][0].docs[0], self.parts[0][1].docs[0]))
        return (*pair, *(d for d in every if d not in pair))

    @cached_property
    def evidence(self) -> tuple[Evidence, ...]:
        """Return the words of every side, in document and text order."""
        found = {e for part in self.parts for side in part for e in side.evidence}
        return tuple(sorted(found, key=lambda e: (e.doc, e.start, e.end)))

    @property
    def detail(self) -> str:
        """Return the parts as `x vs y`, joined by `; ` (raw text, no report names).

        A side of no report (a mark on one report's words, nothing compared) reads as the
        other side's words alone.
        """
        return "; ".join(
            side_text(a) if not b.docs else f"{side_text(a)} vs {side_text(b)}"
            for a, b in self.parts
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the signal."""
        return {
            "type": self.type,
            "detail": self.detail,
            "docs": list(self.docs),
            "evidence": [e.to_dict() for e in self.evidence],
            "parts": [[a.to_dict(), b.to_dict()] for a, b in self.parts],
        }


def signal_between(
    type: SignalType,
    docs: tuple[int, int],
    parts: Sequence[tuple[str | None, str | None]],
    evidence: Sequence[Evidence] = (),
) -> Signal:
    """Return a signal between two reports from each part's words (None: no words there).

    `docs`: the reports of the left and right sides. Each evidence goes to its report's
    side of the first part whose words it holds (of the first part if none).
    """
    sides: list[list[list[Evidence]]] = [[[], []] for _ in parts]
    for e in evidence:
        k = 0 if e.doc == docs[0] else 1
        at = next((i for i, p in enumerate(parts) if p[k] and e.text in (p[k] or "")), 0)
        sides[at][k].append(e)
    return Signal(
        type,
        tuple(
            (
                Side((docs[0],), left, tuple(sides[i][0])),
                Side((docs[1],), right, tuple(sides[i][1])),
            )
            for i, (left, right) in enumerate(parts)
        ),
    )


@dataclass(frozen=True)
class Member:
    """The sentences (consecutive, in text order) one document contributes to a group."""

    doc: int
    sentences: tuple[int, ...]
    # Character spans (start, end) of the document's text, within the member, holding the
    # words another member of the group lacks: what every renderer highlights.
    spans: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the member."""
        return {
            "doc": self.doc,
            "sentences": list(self.sentences),
            "spans": [list(s) for s in self.spans],
        }


@dataclass(frozen=True)
class Elsewhere:
    """A sentence of a report absent from a group that states the group's fact in another.

    A sentence has one group, but can state two facts ("he asked, 'Do you want ...?'"):
    the report is then not missing from the second fact's group, only told elsewhere.
    """

    doc: int
    sentence: int
    group: int

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the reference."""
        return {"doc": self.doc, "sentence": self.sentence, "group": self.group}


@dataclass(frozen=True)
class Group:
    """One fact as told by the reports that carry it."""

    index: int
    kind: Kind
    coverage: int
    similarity: float
    members: tuple[Member, ...]
    signals: tuple[Signal, ...] = ()
    # Markers of a fact one report alone states (its loaded words, `tone`): each names that
    # report and compares nothing, so they are not signals of a divergence.
    marks: tuple[Signal, ...] = ()
    # Reports absent from the group that state its fact in a sentence of another group.
    elsewhere: tuple[Elsewhere, ...] = ()

    def member(self, doc: int) -> Member | None:
        """Return the member of document `doc`, if it has one."""
        for m in self.members:
            if m.doc == doc:
                return m
        return None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the group."""
        return {
            "index": self.index,
            "kind": self.kind,
            "coverage": self.coverage,
            "similarity": round(self.similarity, 4),
            "members": [m.to_dict() for m in self.members],
            "signals": [s.to_dict() for s in self.signals],
            "marks": [s.to_dict() for s in self.marks],
            "elsewhere": [e.to_dict() for e in self.elsewhere],
        }


@dataclass(frozen=True)
class DocumentSummary:
    """How much of one document is shared, divergent, unique or boilerplate (in sentences)."""

    doc: int
    sentences: int
    shared: int
    divergent: int
    unique: int
    boilerplate: int

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the document summary."""
        return {
            "doc": self.doc,
            "sentences": self.sentences,
            "shared": self.shared,
            "divergent": self.divergent,
            "unique": self.unique,
            "boilerplate": self.boilerplate,
        }


@dataclass(frozen=True)
class Summary:
    """Counts of groups per kind and per-document shares."""

    documents: int
    groups: int
    shared: int
    divergent: int
    unique: int
    per_document: tuple[DocumentSummary, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the summary."""
        return {
            "documents": self.documents,
            "groups": self.groups,
            "shared": self.shared,
            "divergent": self.divergent,
            "unique": self.unique,
            "per_document": [d.to_dict() for d in self.per_document],
        }


@dataclass(frozen=True)
class Comparison:
    """The result of comparing two or more documents: what every renderer is fed."""

    documents: tuple[Document, ...]
    groups: tuple[Group, ...]
    # Seconds per pipeline step; not part of the JSON, which must be deterministic.
    timings: dict[str, float] = field(default_factory=dict, compare=False, repr=False)
    # The name-conflict penalty alignment used (None: the default options'), so that
    # --explain recomputes each pair's similarity with the comparison's own term.
    conflict_penalty: float | None = field(default=None, compare=False, repr=False)

    def summary(self) -> Summary:
        """Count groups per kind and each document's sentences per kind."""
        counts = {k: 0 for k in KINDS}
        for g in self.groups:
            counts[g.kind] += 1
        per_doc = []
        for d, doc in enumerate(self.documents):
            by_kind = {k: 0 for k in KINDS}
            for g in self.groups:
                m = g.member(d)
                if m is not None:
                    by_kind[g.kind] += len(m.sentences)
            boiler = sum(1 for s in doc.sentences if s.boilerplate)
            per_doc.append(
                DocumentSummary(
                    doc=d,
                    sentences=len(doc.sentences),
                    shared=by_kind["shared"],
                    divergent=by_kind["divergent"],
                    unique=by_kind["unique"],
                    boilerplate=boiler,
                )
            )
        return Summary(
            documents=len(self.documents),
            groups=len(self.groups),
            shared=counts["shared"],
            divergent=counts["divergent"],
            unique=counts["unique"],
            per_document=tuple(per_doc),
        )

    def sentence(self, doc: int, index: int) -> Sentence:
        """Return sentence `index` of document `doc`."""
        return self.documents[doc].sentences[index]

    def member_text(self, member: Member) -> str:
        """Return a member's sentences joined by a space."""
        doc = self.documents[member.doc]
        return " ".join(doc.sentences[i].text for i in member.sentences)

    def to_dict(self) -> dict[str, Any]:
        """Return the newsdiff/1 JSON object."""
        return {
            "schema": SCHEMA,
            "documents": [d.to_dict() for d in self.documents],
            "groups": [g.to_dict() for g in self.groups],
            "summary": self.summary().to_dict(),
        }
