"""Divergence signals: each type fires on real differences and stays silent on rewordings."""

from __future__ import annotations

import gc
import weakref
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsdiff
from newsdiff.model import SIGNAL_TYPES, Document, Member, Signal
from newsdiff.signals import Context, detect
from newsdiff.signals import context as signal_context
from newsdiff.text import quotes
from newsdiff.text.lexicons import read
from newsdiff.text.resources import read_text
from newsdiff.text.segment import segment
from newsdiff.text.words import split_words
from tests.conftest import SEED_A, SEED_B


def documents(*texts: str) -> list[Document]:
    """Return segmented documents named a, b, c..."""
    return [Document(chr(97 + i), t, None, segment(t)) for i, t in enumerate(texts)]


def whole(doc: int, d: Document) -> Member:
    """Return a member holding every content sentence of a document."""
    return Member(doc, tuple(s.index for s in d.content_sentences()))


def signals(*texts: str) -> tuple[Signal, ...]:
    """Return the signals of one group made of the whole of each text."""
    docs = documents(*texts)
    return detect(docs, [whole(i, d) for i, d in enumerate(docs)])


def kinds(*texts: str) -> list[tuple[str, str]]:
    """Return (type, detail) of the signals between texts."""
    return [(s.type, s.detail) for s in signals(*texts)]


def check_evidence(docs: list[Document], found: tuple[Signal, ...]) -> None:
    """Assert that every evidence span is exact text of its document and sentence."""
    for s in found:
        assert s.type in SIGNAL_TYPES
        for e in s.evidence:
            d = docs[e.doc]
            assert d.text[e.start : e.end] == e.text and e.text
            sent = d.sentences[e.sentence]
            assert sent.start <= e.start < sent.end


# --- each type: true cases --------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (
            "The sanctions will cost 500 jobs.",
            "The sanctions will cost 400 jobs.",
            ("number", "500 vs 400"),
        ),
        (
            "The summit opened on February 24.",
            "The summit opened on Feb. 25.",
            ("number", "February 24 vs Feb. 25"),
        ),
        (
            "Four people died and 20 were hurt when the toll rose to 352.",
            "Four people died and 20 were hurt when the toll reached 372.",
            ("number", "352 vs 372"),
        ),
        (
            "NASA said the station was safe.",
            "NASA claimed the station was safe.",
            ("attribution", "said vs claimed"),
        ),
        (
            "NASA refuted the claims on Friday.",
            "NASA shrugged off the claims on Friday.",
            ("attribution", "refuted vs shrugged off"),
        ),
        (
            "The sanctions will not endanger cooperation, according to Reuters.",
            "The sanctions will not endanger cooperation.",
            ("attribution", "according to Reuters vs none"),
        ),
        (
            "The minister reportedly resigned on Monday.",
            "The minister resigned on Monday.",
            ("hedge", "reportedly vs none"),
        ),
        (
            "The sanctions could destroy cooperation on the station.",
            "The sanctions destroy cooperation on the station.",
            ("hedge", "could vs none"),
        ),
        (
            "He said the sanctions will end cooperation.",
            "He said the sanctions will not end cooperation.",
            ("negation", "will end vs will not end"),
        ),
        (
            "He said the sanctions will end cooperation.",
            "He said the sanctions won't end cooperation.",
            ("negation", "will end vs won't end"),
        ),
        (
            "Officials confirmed the deal on Monday.",
            "Officials denied the deal on Monday.",
            ("negation", "confirmed vs denied"),
        ),
        (
            "Troops left Moscow on Friday.",
            "Troops left Russia on Friday.",
            ("entity", "Moscow vs Russia"),
        ),
        (
            "Police fired tear gas at protesters in Tunis.",
            "Police fired tear gas at protesters in Cairo.",
            ("entity", "Tunis vs Cairo"),
        ),
        (
            "The regime cracked down on protesters.",
            "The government cracked down on protesters.",
            ("tone", "regime vs none"),
        ),
    ],
)
def test_signal_fires(a: str, b: str, expected: tuple[str, str]) -> None:
    assert expected in kinds(a, b)


def test_quote_with_changed_words() -> None:
    found = kinds(
        'He said, "We will not fall into the United States or Europe."',
        "He said: “We will not be falling into the United States and Europe.”",
    )
    assert found == [("quote", "fall vs be falling; or vs and")]


def test_quote_in_one_report_only() -> None:
    found = kinds(
        "The agency said it would keep working with all its partners on the station.",
        "The agency said: “We continue working with all our partners on the station.”",
    )
    assert found == []  # the same words, quoted by one side: no divergence
    # A quotation the other side tells in its own words, quoting nothing.
    found = kinds(
        "The station could fall on Europe or America, Rogozin warned, asking who would save it.",
        "Rogozin wrote: “Who will save the station from a fall on America or Europe?”",
    )
    assert ("quote", "none vs “Who will save the station from a fall…”") in found
    # A quotation about something the other side does not tell is no difference of this fact.
    found = kinds(
        "Rogozin criticised the sanctions.",
        "Rogozin criticised the sanctions: “Who will save the ISS from a fall?”",
    )
    assert found == []
    # Two sides quoting different things: neither quote is "missing" from the other.
    found = kinds(
        "“We are just passing through,” a hiker told the ranger.",
        "“Show me your permit,” the ranger said to the hiker.",
    )
    assert [k for k in found if k[0] == "quote"] == []


# --- precision: the same thing said differently -----------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # spelling (US/UK), punctuation and case
        ("The colour of the centre was analysed.", "The color of the center was analyzed."),
        ("The programme's defence was criticised.", "The program's defense was criticized."),
        ("NASA, on Friday, said it was safe!", "NASA on Friday said it was safe."),
        # quote style
        ('He said, "we are ready."', "He said, “we are ready.”"),
        ("He called it ‘diplomatic’.", "He called it 'diplomatic'."),
        # word order
        (
            "On Friday, NASA in Washington said 4 were safe.",
            "NASA said 4 were safe in Washington on Friday.",
        ),
        # acronym expansion
        (
            "The National Aeronautics and Space Administration (NASA) said the ISS is safe.",
            "NASA said the International Space Station is safe.",
        ),
        ("The US and the EU agreed.", "The United States and the European Union agreed."),
        ("Kenya Supreme Court upholds election result", "Kenya SC upholds election result"),
        # numbers written differently
        ("A 500-tonne structure fell on Feb. 24.", "A 500 tonnes structure fell on February 24."),
        ("Four people died.", "4 people died."),
        ("The fund holds 1.8 billion dollars.", "The fund holds $1,800 million."),
        # contractions, demonyms, abbreviations, names in part
        ("It won't endanger cooperation.", "It will not endanger cooperation."),
        ("Spanish police arrested him.", "Police in Spain arrested him."),
        ("Romney announces Paul Ryan as running mate", "Romney names Ryan as running mate"),
        # same stance, other verb; same tone class; hedges of one class
        ("NASA said it was safe.", "NASA stated that it was safe."),
        ("Iran signs landmark deal", "Iran clinches breakthrough deal"),
        ("The deal may fail.", "The deal could fail."),
        # a negation on both sides, told differently; a negated word is its opposite
        (
            "The sanctions would not affect cooperation.",
            "The sanctions won't endanger cooperation.",
        ),
        ("The deal was not approved.", "The deal was rejected."),
        ("The court acquitted him.", "The court did not convict him."),
        ("It is not clear who fired.", "It is unclear who fired."),
        (
            "The embargo prohibits the supply of arms.",
            "No arms should be supplied under the embargo.",
        ),
        # reporting words in other senses
        (
            "Boy Scouts delay decision on admitting gays",
            "Boy Scouts delay vote on lifting ban on gays",
        ),
        ("Allen responds to abuse claims in letter", "Allen defends himself against abuse claims"),
        # Title Case headlines: capitals are not names
        ("Obama Picks Ryan As Running Mate", "Obama picks Ryan as running mate"),
        ("Theresa May met the press in May.", "Theresa May met the press in May."),
    ],
)
def test_no_signal_on_same_substance(a: str, b: str) -> None:
    assert kinds(a, b) == []


def test_identical_documents_have_no_signals() -> None:
    text = SEED_A.read_text(encoding="utf-8")
    assert signals(text, text) == ()


# --- robustness -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("", ""),
        ("Спутник упал 24 февраля.", "Спутник упал 25 февраля."),
        ("中国的空间站 🙂", "中国空间站"),
        ("🙂🙂🙂", "“🙂”"),
        ("\x1b[31mred\x1b[0m", "<script>alert(1)</script>"),
        ("'", '"'),
    ],
)
def test_other_languages_and_odd_text(a: str, b: str) -> None:
    docs = documents(a, b)
    check_evidence(docs, detect(docs, [whole(0, docs[0]), whole(1, docs[1])]))


def test_number_in_cyrillic_differs() -> None:
    assert kinds("Спутник упал 24 февраля.", "Спутник упал 25 февраля.") == [("number", "24 vs 25")]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=120), st.text(max_size=120))
def test_any_text(a: str, b: str) -> None:
    docs = documents(a, b)
    found = detect(docs, [whole(0, docs[0]), whole(1, docs[1])])
    check_evidence(docs, found)
    assert detect(docs, [whole(1, docs[1]), whole(0, docs[0])]) == found
    assert signals(a, a) == ()


# --- N-way, order, merging --------------------------------------------------------------


def test_three_reports_merge_one_difference() -> None:
    found = signals(
        "Rockets killed 5 people.", "Rockets killed 6 people.", "Rockets killed 6 people."
    )
    assert [(s.type, s.detail, s.docs) for s in found] == [("number", "5 vs 6", (0, 1, 2))]
    assert [e.doc for e in found[0].evidence] == [0, 1, 2]


def test_order_is_deterministic() -> None:
    a = "NASA reportedly said 500 jobs will go, according to Reuters."
    b = "NASA claimed 400 jobs will not go."
    docs = documents(a, b)
    one = detect(docs, [whole(0, docs[0]), whole(1, docs[1])])
    two = detect(docs, [whole(1, docs[1]), whole(0, docs[0])])
    assert one == two
    assert [s.type for s in one] == sorted((s.type for s in one), key=SIGNAL_TYPES.index)


def test_members_select_sentences() -> None:
    docs = documents("Intro here. The toll rose to 352.", "Other intro. The toll rose to 372.")
    found = detect(docs, [Member(0, (0,)), Member(1, (0,))])
    assert found == ()
    found = detect(docs, [Member(0, (1,)), Member(1, (1,))])
    assert [(s.detail, [e.sentence for e in s.evidence]) for s in found] == [("352 vs 372", [1, 1])]


# --- the seeds --------------------------------------------------------------------------


def _seed_group(docs: list[Document], fa: str, fb: str) -> tuple[Signal, ...]:
    """Return the signals between the seed sentences that contain fa and fb."""
    sa = [s.index for s in docs[0].sentences if fa in s.text]
    sb = [s.index for s in docs[1].sentences if fb in s.text]
    assert sa and sb
    return detect(docs, [Member(0, tuple(sa)), Member(1, tuple(sb))])


@pytest.fixture(scope="module")
def seeds() -> list[Document]:
    return documents(SEED_A.read_text(encoding="utf-8"), SEED_B.read_text(encoding="utf-8"))


def test_seed_quote_fall_into(seeds: list[Document]) -> None:
    found = _seed_group(seeds, "fall into the United States", "falling into the United States")
    check_evidence(seeds, found)
    assert [(s.type, s.detail) for s in found] == [("quote", "fall vs from falling; or vs and")]
    words = {(e.doc, e.text) for e in found[0].evidence}
    assert {(0, "fall"), (0, "or"), (1, "from falling"), (1, "and")} == words


def test_seed_quote_dropping(seeds: list[Document]) -> None:
    found = _seed_group(seeds, "dropping a 500-tonne", "dropping a 500-tonne")
    check_evidence(seeds, found)
    assert [s.type for s in found] == ["quote"]
    assert "to vs on" in found[0].detail
    assert {(0, "to"), (1, "on")} <= {(e.doc, e.text) for e in found[0].evidence}


def test_seed_attribution_and_source(seeds: list[Document]) -> None:
    found = _seed_group(seeds, "clarifying that the new sanctions", "NASA refuted such")
    check_evidence(seeds, found)
    assert ("attribution", "according to Reuters vs none") in [(s.type, s.detail) for s in found]


@pytest.mark.parametrize(
    "fragment",
    [
        "NASA continues working with all our international partners",
        "The new export control measures will continue",
        "No changes are planned to the agency",
        "The ISS does not fly over Russia",
    ],
)
def test_seed_shared_sentences_are_silent(seeds: list[Document], fragment: str) -> None:
    assert _seed_group(seeds, fragment, fragment) == ()


def test_seed_quote_dropping_with_the_documents_swapped(seeds: list[Document]) -> None:
    # Seed B quotes only the question that ends seed A's longer quotation; its match once
    # marked A's quotation as compared, so the change was lost when B came first.
    swapped = [seeds[1], seeds[0]]
    sa = [s.index for s in seeds[0].sentences if "dropping a 500-tonne" in s.text]
    sb = [s.index for s in seeds[1].sentences if "dropping a 500-tonne" in s.text]
    found = detect(swapped, [Member(1, (sa[0], sa[0] + 1)), Member(0, tuple(sb))])
    check_evidence(swapped, found)
    assert [(s.type, s.detail) for s in found] == [
        ("quote", "another chance vs also the option; on vs to")
    ]


# --- one comparison's context -------------------------------------------------------------


def test_context_finds_each_documents_words_once(
    seeds: list[Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    real = signal_context._sentence_words

    def counting(document: Document, *args: Any) -> Any:
        calls.append(seeds.index(document))
        return real(document, *args)

    monkeypatch.setattr(signal_context, "_sentence_words", counting)
    context = Context(seeds)
    pairs = list(zip(range(5), range(5), strict=True))
    first = [detect(seeds, [Member(0, (i,)), Member(1, (j,))], context) for i, j in pairs]
    assert sorted(calls) == sorted(d for d in (0, 1) for _ in seeds[d].sentences)
    # The same signals as without a context (each call finding the words again).
    calls.clear()
    assert [detect(seeds, [Member(0, (i,)), Member(1, (j,))]) for i, j in pairs] == first


def test_no_document_outlives_its_comparison() -> None:
    texts = ['"We will not leave," he said on Friday.', '"We will never leave," he said.']
    docs = documents(*texts)
    refs = [weakref.ref(d) for d in docs]
    assert detect(docs, [whole(i, d) for i, d in enumerate(docs)])
    comparison = newsdiff.compare(docs)
    assert comparison.groups
    del docs, comparison
    gc.collect()
    assert all(r() is None for r in refs)


def test_whole_document_search_matches_a_plain_search(seeds: list[Document]) -> None:
    words = tuple(split_words(seeds[1].text))
    prepared = quotes.Words(words)
    a = tuple(split_words(seeds[0].text))
    for q in quotes.outermost(quotes.find(seeds[0].text)):
        run = tuple(t for t in a if q.start <= t.start < q.end)
        assert quotes.locate(run, prepared) == quotes.locate(run, words)
    # Words the document lacks, repeated, and none at all.
    odd = tuple(split_words("zebra zebra quokka NASA"))
    assert quotes.locate(odd, prepared) == quotes.locate(odd, words)
    assert quotes.locate((), prepared) is None
    assert quotes.locate(odd, quotes.Words(())) is None


# --- lexicons ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["attribution", "sources", "hedges", "tone", "negation", "polarity", "names"]
)
def test_lexicons_load(name: str) -> None:
    entries = read(name)
    assert entries and all(entry == entry.strip() for _cls, entry in entries)


def test_lexicon_readme_documents_every_file() -> None:
    readme = read_text("lexicons/README.md")
    for name in ["attribution", "sources", "hedges", "tone", "negation", "polarity", "names"]:
        assert f"{name}.txt" in readme
