"""Hand-built comparisons for renderer tests: no aligner involved, so they never drift."""

from __future__ import annotations

import io
from functools import cache

import newsdiff
from newsdiff.model import (
    Comparison,
    Document,
    Evidence,
    Group,
    Member,
    Sentence,
    signal_between,
)
from newsdiff.render import RenderOptions, render
from newsdiff.spans import mark_spans
from tests.conftest import SEED_A, SEED_B

# Text that tries to act on a terminal, a browser, a spreadsheet and a Markdown page.
HOSTILE = [
    "\x1b[31mRED\x1b[0m alert [bold red]loud[/] text\x07.",
    "<script>alert('x')</script> and <img src=x onerror=alert(1)> here.",
    "=cmd|' /C calc'!A0",
    "a | b | `code` **bold** @octocat #12 &amp; $x$.",
]


def _document(
    doc_id: str, paragraphs: list[str], boilerplate: frozenset[int] = frozenset()
) -> Document:
    """Build a document whose sentences are its paragraphs, with exact offsets."""
    text = "\n\n".join(paragraphs)
    sentences = []
    pos = 0
    for i, para in enumerate(paragraphs):
        start = text.index(para, pos)
        sentences.append(
            Sentence(i, start, start + len(para), para, boilerplate=i in boilerplate, paragraph=i)
        )
        pos = start + len(para)
    return Document(id=doc_id, text=text, path=f"{doc_id}.txt", sentences=tuple(sentences))


def _evidence(doc: Document, d: int, sentence: int, word: str) -> Evidence:
    """Return the evidence of `word` in one sentence of a document."""
    s = doc.sentences[sentence]
    start = doc.text.index(word, s.start)
    return Evidence(d, sentence, start, start + len(word), word)


def three_way() -> Comparison:
    """Return a 3-report comparison with every kind, a 2-sentence member and signals."""
    a = _document(
        "a",
        [
            "NASA said the station is safe.",
            "Rogozin warned of a 500-tonne structure falling on India or China.",
            "Image: AP",
            "It is home to four NASA astronauts.",
        ],
        boilerplate=frozenset({2}),
    )
    b = _document(
        "b",
        [
            "NASA said the station is safe.",
            "Rogozin warned of a 400-tonne structure.",
            "It could fall on India or China.",
        ],
    )
    c = _document("c", ["NASA said that the station is safe.", "Moscow invaded Ukraine."])
    evidence = (_evidence(a, 0, 1, "500"), _evidence(b, 1, 1, "400"))
    number = signal_between("number", (0, 1), [("500", "400")], evidence)
    groups = (
        Group(0, "shared", 3, 0.9512, (Member(0, (0,)), Member(1, (0,)), Member(2, (0,)))),
        Group(1, "divergent", 2, 0.7, (Member(0, (1,)), Member(1, (1, 2))), (number,)),
        Group(2, "unique", 1, 1.0, (Member(0, (3,)),)),
        Group(3, "unique", 1, 1.0, (Member(2, (1,)),)),
    )
    # The spans are what the library computes after classification (renderers only paint).
    return Comparison(documents=(a, b, c), groups=mark_spans((a, b, c), groups))


def hostile() -> Comparison:
    """Return a comparison whose report names, texts and signals are all hostile."""
    a = _document("=evil|name", HOSTILE)
    b = _document("<b>b</b>", [*HOSTILE[:2], "+1 plain", "-2 plain"])
    sig = signal_between("quote", (0, 1), [("\x1b[2J<i>x</i> | =1+1", None)])
    groups = (
        Group(0, "divergent", 2, 0.8, (Member(0, (0,)), Member(1, (0,))), (sig,)),
        Group(1, "shared", 2, 1.0, (Member(0, (1,)), Member(1, (1,)))),
        Group(2, "unique", 1, 1.0, (Member(0, (2,)),)),
        Group(3, "unique", 1, 1.0, (Member(0, (3,)),)),
        Group(4, "unique", 1, 1.0, (Member(1, (2,)),)),
        Group(5, "unique", 1, 1.0, (Member(1, (3,)),)),
    )
    return Comparison(documents=(a, b), groups=mark_spans((a, b), groups))


@cache
def seeds() -> Comparison:
    """Return the comparison of the two seeds, named and pathed as the CLI would."""
    docs = [
        Document(id=p.name, text=p.read_text(encoding="utf-8"), path=f"seeds/{p.name}")
        for p in (SEED_A, SEED_B)
    ]
    return newsdiff.compare(docs)


def rendered(fmt: str, comparison: Comparison, **options: object) -> str:
    """Render a comparison in a format to a string."""
    out = io.StringIO()
    render(fmt, comparison, out, RenderOptions(**options))  # type: ignore[arg-type]
    return out.getvalue()


def plain_table(docs: list[newsdiff.Document], direct: bool, **options: object) -> str:
    """Render the plain table of `docs`, rows written directly or through rich's grid."""
    from newsdiff.render import table

    table._DIRECT = direct
    try:
        return rendered("table", newsdiff.compare(docs), color=False, **options)
    finally:
        table._DIRECT = True
