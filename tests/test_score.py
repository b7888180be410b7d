"""Tests of sentence scoring: bags, their encoding, candidate pairs and link scores."""

from __future__ import annotations

import pytest

from newsdiff.align import score as sc
from newsdiff.align.units import Unit, build_units
from newsdiff.model import Document
from newsdiff.options import Options
from newsdiff.text.segment import segment
from newsdiff.text.words import tokenize


def _docs(*texts: str) -> list[Document]:
    return [Document(f"d{i}", t, sentences=segment(t)) for i, t in enumerate(texts)]


def _bag_dice(a: dict[str, int], b: dict[str, int]) -> float:
    shared = sum(min(q, b[n]) for n, q in a.items() if n in b)
    return 2 * shared / (sum(a.values()) + sum(b.values()))


def test_units_weigh_rare_words_and_skip_stop_words() -> None:
    (unit,) = build_units(_docs("The Roscosmos chief said 500 homes burned."))
    assert "the" not in unit.weights
    assert unit.weights["500"] >= 4
    assert unit.weights["roscosmo"] > unit.weights["home"]


def test_a_unit_without_content_words_is_keyed_on_its_text() -> None:
    (unit,) = build_units(_docs("It was."))
    assert list(unit.weights) == ["\x00it was."]


def test_encoded_bags_overlap_by_their_weighted_dice() -> None:
    units = build_units(_docs("NASA sent four astronauts.", "NASA sent two astronauts home."))
    codes = sc._encode(units)
    (inter,) = sc.overlaps(codes, [(0, 1)])
    assert sc._dice(codes, inter, 0, 1) == pytest.approx(
        _bag_dice(units[0].weights, units[1].weights)
    )


def test_candidates_are_pairs_of_other_reports_sharing_a_token() -> None:
    units = build_units(
        _docs("Rogozin spoke. NASA answered.", "Rogozin tweeted.", "Unrelated weather today.")
    )
    pairs = sc._candidate_pairs(units, sc._encode(units), 0.0)
    docs = {(units[a].doc, units[b].doc) for a, b in pairs}
    assert docs == {(0, 1)}  # the two Rogozin sentences; never two sentences of one report


def test_conflict_needs_numbers_or_names_none_shared() -> None:
    assert sc.conflict(tokenize("Five people died"), tokenize("Six people died"))
    assert not sc.conflict(tokenize("Five people died"), tokenize("Five or six people died"))
    assert not sc.conflict(tokenize("Five people died"), tokenize("Many people died"))
    assert sc.conflict(tokenize("He met Smith there"), tokenize("He met Jones there"))


def test_score_pairs_penalise_conflicting_numbers() -> None:
    units = build_units(_docs("Five people died in the fire.", "Six people died in the fire."))
    params = sc.AlignParams(link_threshold=0.3, conflict_penalty=0.5, split_containment=0.6)
    codes = sc._encode(units)
    plain = sc._dice(codes, sc.overlaps(codes, [(0, 1)])[0], 0, 1)
    assert sc.score_pairs(units, params) == {(0, 1): pytest.approx(plain * 0.5)}


def test_align_params_take_the_options_by_name() -> None:
    opts = Options(link_threshold=0.4, conflict_penalty=0.7, group_support=0.2)
    params = sc.AlignParams.from_options(opts)
    assert params.link_threshold == 0.4 and params.conflict_penalty == 0.7
    assert params.group_support == 0.2
    assert params.split_containment == opts.split_containment
    assert params.affinity_floor == opts.affinity_floor
    assert params.cross_story_penalty == opts.cross_story_penalty


def test_unit_keeps_its_tokens() -> None:
    (unit,) = build_units(_docs("NASA left."))
    assert isinstance(unit, Unit) and [t.text for t in unit.tokens] == ["NASA", "left"]
