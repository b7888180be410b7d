"""Hypothesis strategies for hostile report texts, and the invariants every comparison keeps.

Shared by the property tests (tests/test_properties.py) and the fuzzer
(benchmarks/fuzz.py), so that what the fuzzer finds is what the tests check.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

import newsdiff
from newsdiff.model import Comparison, Sentence
from newsdiff.sources.files import check_text

# Deterministic on CI: derandomized, no example database, no deadline on a shared machine.
settings.register_profile(
    "newsdiff-ci",
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
CI = settings.get_profile("newsdiff-ci")

# Pieces a scraped or pasted report is made of, hostile ones included.
_WORDS = [
    "NASA",
    "Rogozin",
    "said",
    "the",
    "station",
    "500",
    "1,200",
    "U.S.",
    "Dr.",
    "Mr.",
    "e.g.",
    "It",
    "reportedly",
    "not",
    "Space",
    "Agency",
    "(ESA)",
    "European",
]
_EXOTIC = [
    "😀",
    "👩‍👩‍👧",  # ZWJ sequence
    "🇺🇦",  # regional indicators
    "e\u0301",  # combining acute
    "\u0301\u0301\u0301",  # combining marks with no base
    "مرحبا بالعالم",  # Arabic (RTL)
    "שלום עולם",  # Hebrew (RTL)
    "\u202eevil\u202c",  # bidi override
    "北京欢迎你。我们很好。",  # CJK without spaces, ideographic full stop
    "東京都は晴れ",
    "Привет, мир.",
    "Ἀθῆναι",
    "\u200b\u200c\u200d\ufeff",  # zero-width characters, BOM inside text
    "\x00",
    "\x1b[31mred\x1b[0m",
    "\x1b]8;;http://x\x07link\x1b]8;;\x07",
    "\x07\x08\x7f\x9b",
    "\x1c\x1d\x1e\x1f\x85",  # Python counts these as whitespace / line breaks
    "\u2028\u2029",
    "[bold red]x[/]",
    "[link=http://x]y[/link]",
    "<script>alert(1)</script>",
    "=1+1",
    "| a | b |",
    "\ufffd",
    "\U0010ffff",
]
_SEPARATORS = [" ", "  ", "\t", "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\r\r", "\u00a0", "\f"]
_PUNCT = [".", "!", "?", "…", ".”", "?”", '."', ":", ";", ",", "—", ")", "(", "'", "’", "»"]
_BOILER = ["Also read: ", "Image: AP", "Photo credit: ", "Copyright 2024", "Click here "]


def _long_word() -> st.SearchStrategy[str]:
    """Return very long words (no space to break on)."""
    return st.builds(
        lambda c, n: c * n,
        st.sampled_from(["a", "Z", "9", "é", "北", "😀", "-", "."]),
        st.integers(min_value=200, max_value=3000),
    )


_PIECE = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(_EXOTIC),
    st.sampled_from(_SEPARATORS),
    st.sampled_from(_PUNCT),
    st.sampled_from(_BOILER),
    st.text(min_size=1, max_size=8),
    _long_word(),
)


def crafted(max_pieces: int) -> st.SearchStrategy[str]:
    """Return report-like texts: sequences of up to `max_pieces` pieces."""
    return st.lists(_PIECE, max_size=max_pieces).map("".join)


crafted_text = crafted(40)

# Any text at all (hypothesis's own unicode generator: all planes, controls included).
any_text = st.text(max_size=200)

# Texts worth comparing: crafted or arbitrary; blank texts are kept on purpose (InputError).
report_text = st.one_of(crafted_text, any_text, st.sampled_from(["", " ", "\n\r\n\t", "\x00"]))

_SENTENCE = st.builds(
    lambda words, end: " ".join(words) + end,
    st.lists(st.one_of(st.sampled_from(_WORDS), st.sampled_from(_EXOTIC)), min_size=1, max_size=9),
    st.sampled_from(_PUNCT),
)


@st.composite
def related_reports(draw: st.DrawFn, max_reports: int = 6, max_pool: int = 8) -> list[str]:
    """Return reports built from one pool of sentences, reordered, dropped and separated.

    Independent random texts rarely share a word; these make the aligner link, merge and
    split groups, which is where order (in)dependence and "exactly one group" can break.
    """
    pool = draw(st.lists(_SENTENCE, min_size=1, max_size=max_pool))
    n = draw(st.integers(min_value=2, max_value=max_reports))
    out = []
    for _ in range(n):
        picks = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=2 * len(pool)))
        seps = draw(
            st.lists(st.sampled_from(_SEPARATORS), min_size=len(picks), max_size=len(picks))
        )
        out.append("".join(p + sep for p, sep in zip(picks, seps, strict=True)))
    return out


# 2 to 6 reports: unrelated hostile texts, or related reports sharing sentences.
reports = st.one_of(st.lists(report_text, min_size=2, max_size=6), related_reports())


def is_blank(text: str) -> bool:
    """Tell whether the library must reject a text as empty, by the library's own rule."""
    # Not str.strip(): invisible format marks (zero-width spaces) count as empty too.
    try:
        check_text(text, "report")
    except newsdiff.InputError:
        return True
    return False


def compare_or_none(texts: Sequence[str]) -> Comparison | None:
    """Compare texts; return None when a documented input error is expected and raised."""
    pairs = [(f"r{i}", t) for i, t in enumerate(texts)]
    if any(is_blank(t) for t in texts):
        try:
            newsdiff.compare(pairs)
        except newsdiff.InputError as exc:
            assert "is empty" in str(exc)
            return None
        raise AssertionError("a blank report was accepted")
    return newsdiff.compare(pairs)


def check_sentences(text: str, sentences: Sequence[Sentence]) -> None:
    """Check that sentences tile the non-space text of `text` in order, without overlap."""
    pos = 0
    for i, s in enumerate(sentences):
        assert s.index == i
        assert pos <= s.start < s.end <= len(text), (pos, s)
        assert s.text == text[s.start : s.end]
        assert not s.text[0].isspace() and not s.text[-1].isspace(), s
        # Everything between two sentences is whitespace: no character is lost.
        assert not text[pos : s.start].strip(), text[pos : s.start]
        pos = s.end
    assert not text[pos:].strip(), text[pos:]
    paragraphs = [s.paragraph for s in sentences]
    assert paragraphs == sorted(paragraphs)


def check_comparison(texts: Sequence[str], comparison: Comparison) -> None:
    """Check the JSON contract's invariants of one comparison of `texts`."""
    assert [d.text for d in comparison.documents] == list(texts)
    seen: Counter[tuple[int, int]] = Counter()
    for gi, g in enumerate(comparison.groups):
        assert g.index == gi
        assert g.coverage == len(g.members) >= 1
        assert (g.kind == "unique") == (g.coverage == 1)
        assert 0.0 <= g.similarity <= 1.0 + 1e-9
        assert [m.doc for m in g.members] == sorted({m.doc for m in g.members})
        for m in g.members:
            assert m.sentences and list(m.sentences) == sorted(set(m.sentences))
            for i in m.sentences:
                seen[(m.doc, i)] += 1
        for sig in g.signals:
            for ev in sig.evidence:
                doc = comparison.documents[ev.doc]
                assert 0 <= ev.start < ev.end <= len(doc.text)
                assert doc.text[ev.start : ev.end] == ev.text
    for d, doc in enumerate(comparison.documents):
        check_sentences(doc.text, doc.sentences)
        for s in doc.sentences:
            # Boilerplate is in no group; every other sentence in exactly one.
            assert seen[(d, s.index)] == (0 if s.boilerplate else 1), (d, s)
    assert sum(seen.values()) == sum(
        1 for doc in comparison.documents for s in doc.sentences if not s.boilerplate
    )
    comparison.to_dict()  # the JSON form builds


GroupingKey = Counter[tuple[str, tuple[tuple[str, tuple[int, ...]], ...]]]


def grouping_key(comparison: Comparison) -> GroupingKey:
    """Return the grouping as a multiset of (kind, sorted (doc text, sentences)) memberships.

    Documents are keyed by their text, not their position, so the key does not change when
    the inputs are permuted; two identical reports are interchangeable.
    """
    key: GroupingKey = Counter()
    for g in comparison.groups:
        members = tuple(sorted((comparison.documents[m.doc].text, m.sentences) for m in g.members))
        key[(g.kind, members)] += 1
    return key
