"""The words of a comparison's sentences, at both grains, each computed once and shared.

Alignment, classification, highlighting and the signals of one comparison read their words
here, so that no sentence is tokenised twice. Kept per comparison, not in a module cache:
a cache that outlives the comparison would keep its documents (up to 8 MiB each) alive.
Keyed by the Document object (its id; the store holds the documents), not by its hash,
which hashes all its sentences, nor by its index, which alignment reorders.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from newsdiff.model import Document
from newsdiff.text import quotes
from newsdiff.text.names import (
    Acronyms,
    AcronymShape,
    acronym_shape,
    apply_acronyms,
    learn_acronyms,
)
from newsdiff.text.words import Token, split_words, tokenize


def spans(document: Document) -> list[tuple[int, int]]:
    """Return the sentences' spans, or the whole text when the document is not segmented."""
    if document.sentences:
        return [(s.start, s.end) for s in document.sentences]
    return [(0, len(document.text))]


def _spaced(text: str, bounds: Sequence[tuple[int, int]]) -> bool:
    """Tell whether only white space, at least one character of it, lies between the spans.

    No word runs across white space, so the words of such spans, put together, are the
    words of the text from the first span's start to the last one's end.
    """
    return all(
        a_end < b_start and text[a_end:b_start].isspace()
        for (_, a_end), (b_start, _) in pairwise(bounds)
    )


class SentenceWords:
    """Each sentence's alignment tokens and signal words for one comparison."""

    def __init__(self, documents: Sequence[Document]) -> None:
        self.documents = documents
        self._tokens: dict[tuple[int, int], list[Token]] = {}
        self._aligned: dict[tuple[int, int], list[Token]] = {}
        self._words: dict[int, tuple[tuple[Token, ...], ...]] = {}
        self._all: dict[int, tuple[Token, ...]] = {}
        self._quotes: dict[int, tuple[quotes.Quote, ...]] = {}
        self._acronyms: Acronyms | None = None
        self._shape: AcronymShape | None = None
        # Documents of the comparison by id: the store keeps them (and their ids) alive.
        self._known = {id(d) for d in documents}

    def acronyms(self) -> Acronyms:
        """Return the acronyms the comparison's texts teach, learned once (alignment, spans)."""
        if self._acronyms is None:
            self._acronyms = learn_acronyms(d.text for d in self.documents)
        return self._acronyms

    def acronym_shape(self) -> AcronymShape:
        """Return the shape of the comparison's acronym table (names.acronym_shape), once."""
        if self._shape is None:
            self._shape = acronym_shape(self.acronyms())
        return self._shape

    def apply_acronyms(self, tokens: list[Token]) -> list[Token]:
        """Return tokens with the comparison's acronym expansions merged (names.apply_acronyms)."""
        return apply_acronyms(tokens, self.acronyms(), self.acronym_shape())

    def tokens(self, document: Document, index: int) -> list[Token]:
        """Return the alignment tokens of one sentence (do not modify the list)."""
        key = (id(document), index)
        toks = self._tokens.get(key)
        if toks is None:
            s = document.sentences[index]
            toks = tokenize(s.text, s.start, s.script)
            if id(document) in self._known:
                self._tokens[key] = toks
        return toks

    def aligned(self, document: Document, index: int) -> list[Token]:
        """Return a sentence's alignment tokens, the comparison's acronyms applied (do not modify).

        What alignment scores and highlighting diffs: an expansion and its acronym are one word.
        """
        key = (id(document), index)
        toks = self._aligned.get(key)
        if toks is None:
            toks = self.apply_acronyms(self.tokens(document, index))
            if id(document) in self._known:
                self._aligned[key] = toks
        return toks

    def member_tokens(self, document: Document, sentences: Sequence[int]) -> list[Token]:
        """Return the alignment tokens of a run of sentences, as of their text in one piece.

        Tokens are compared by their text here (highlighting), so the sentence-wise ones
        serve whenever only white space lies between the sentences.
        """
        sents = [document.sentences[i] for i in sentences]
        start, end = sents[0].start, sents[-1].end
        if not _spaced(document.text, [(s.start, s.end) for s in sents]):
            return tokenize(document.text[start:end], start)
        return [t for i in sentences for t in self.tokens(document, i)]

    def quotations(self, document: Document) -> tuple[quotes.Quote, ...]:
        """Return every quotation of a document."""
        if id(document) not in self._quotes:
            self._quotes[id(document)] = quotes.find(document.text)
        return self._quotes[id(document)]

    def words(self, document: Document) -> tuple[tuple[Token, ...], ...]:
        """Return the signal words of each sentence (or of the text, unsegmented), quotes marked."""
        if id(document) not in self._words:
            inside = quotes.Inside(self.quotations(document))
            # A sentence no quotation reaches has no quoted word: no test per word.
            self._words[id(document)] = tuple(
                tuple(
                    split_words(
                        document.text, start, end, inside if inside.meets(start, end) else None
                    )
                )
                for start, end in spans(document)
            )
        return self._words[id(document)]

    def all_words(self, document: Document) -> tuple[Token, ...]:
        """Return the signal words of a whole document, sentence bounds aside."""
        if id(document) not in self._all:
            text = document.text
            bounds = spans(document)
            whole = (
                not text[: bounds[0][0]].strip()
                and not text[bounds[-1][1] :].strip()
                and _spaced(text, bounds)
            )
            if whole:
                found = tuple(t for sentence in self.words(document) for t in sentence)
            else:
                found = tuple(split_words(text))
            self._all[id(document)] = found
        return self._all[id(document)]
