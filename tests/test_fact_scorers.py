"""Tests of the scorer comparison (benchmarks/fact_scorers.py) on invented text and numbers."""

from __future__ import annotations

import pytest

from benchmarks import fact_scorers as fs
from benchmarks import factkit as fk
from newsdiff.text.words import Token


def token(text: str, start: int) -> Token:
    """Return a token of `text` at `start`, normalised to lower case."""
    return Token(text, start, start + len(text), text.lower())


def test_clauses_cut_at_punctuation_and_conjunctions_and_join_short_stretches() -> None:
    text = "The mayor closed the bridge, and engineers found deep cracks, he said."
    tokens = [token(m, text.index(m)) for m in ("mayor", "closed", "bridge", "engineers")]
    tokens += [token(m, text.index(m)) for m in ("found", "deep", "cracks", "said")]
    bag = {t.norm: 2 for t in tokens}
    # "he said" (weight 2) is too short to be a clause: it joins the one before.
    assert fs.clauses(text, 0, tokens, bag) == [
        {"mayor": 2, "closed": 2, "bridge": 2},
        {"engineers": 2, "found": 2, "deep": 2, "cracks": 2, "said": 2},
    ]
    # Offsets are the document's: the same sentence at 100 cuts in the same places.
    moved = [Token(t.text, t.start + 100, t.end + 100, t.norm) for t in tokens]
    assert fs.clauses(text, 100, moved, bag) == fs.clauses(text, 0, tokens, bag)


def test_precision_at_takes_ties_together_and_says_when_a_recall_is_never_reached() -> None:
    scores = [0.9, 0.8, 0.8, 0.5, 0.0]
    gold = [True, False, True, True, True]
    # Four gold links in all: half of them needs the two pairs tied at 0.8 too.
    assert fs.precision_at(scores, gold, 4, 0.25) == 1.0
    assert fs.precision_at(scores, gold, 4, 0.5) == pytest.approx(2 / 3)
    assert fs.precision_at(scores, gold, 4, 0.75) == pytest.approx(3 / 4)
    assert fs.precision_at(scores, gold, 4, 1.0) is None  # a pair scored 0 is never taken


def test_the_logistic_regression_learns_which_feature_tells() -> None:
    # The first feature decides; the second is noise.
    xs = [[float(i % 2), float(i % 3)] for i in range(60)]
    ys = [i % 2 for i in range(60)]
    model = fs.Logistic(xs, ys)
    assert model([1.0, 0.0]) > 0.9 and model([0.0, 0.0]) < 0.1
    assert abs(model.weights[0]) > 5 * abs(model.weights[1])


def test_evidence_of_an_invented_pair() -> None:
    linked, seg = fk.linked_run(
        [
            (
                "a",
                "Fishermen blocked the harbour of Tolvik on Tuesday. "
                '"We will not accept these quotas," their leader said.',
            ),
            (
                "b",
                '"We will not accept these quotas," the union leader told reporters. '
                "The harbour of Tolvik was blocked by fishing boats on Tuesday.",
            ),
        ]
    )
    ev = fs.Evidence(linked, seg)
    at = linked.unit_at()
    quote = min(at[(0, 1)], at[(1, 0)]), max(at[(0, 1)], at[(1, 0)])
    harbour = min(at[(0, 0)], at[(1, 1)]), max(at[(0, 0)], at[(1, 1)])
    for pair in (quote, harbour):
        values = ev.values(*pair)
        assert len(values) == 2 + len(fs.FEATURES)
        assert values[1] == linked.ranks[pair] > 0  # each is the other's best partner
    features = dict(zip(fs.FEATURES, ev.values(*quote)[2:], strict=True))
    assert features["quote run"] == 1.0 and features["a name shared"] == 0.0
    features = dict(zip(fs.FEATURES, ev.values(*harbour)[2:], strict=True))
    assert features["quote run"] == 0.0 and features["a name shared"] == 1.0
    # A pair across the two facts is no one's best partner.
    cross = min(at[(0, 0)], at[(1, 0)]), max(at[(0, 0)], at[(1, 0)])
    assert ev.values(*cross)[1] == 0.0


@pytest.mark.usefixtures("fact_gold")
def test_main_on_the_fact_gold(capsys: pytest.CaptureFixture[str]) -> None:
    assert fs.main([]) == 0
    out = capsys.readouterr().out
    rows = {line[:24].strip(): line[24:].split() for line in out.splitlines()}
    for name in ("link score", "topic rank", "topic Dice", "clause max", "mutual best"):
        assert len(rows[name]) == len(fs.RECALLS), rows
    learned = [float(x) for x in rows["learned (ECB+)"]]
    assert len(learned) == len(fs.RECALLS) and all(0.0 < x <= 1.0 for x in learned)
    assert "never the facts" in out
