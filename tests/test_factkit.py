"""Tests of the fact gold metrics (benchmarks/factkit.py) and their agreement with score.py.

The synthetic event is made up here; the real events are read from the fact gold folder
(../shared/eval/facts or $NEWSDIFF_EVAL) and the tests that need them skip without it.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import pytest

from benchmarks import baselines as bl
from benchmarks import evalkit as ek
from benchmarks import factkit as fk

FACTS = fk.facts_dir()
REFERENCE = FACTS / "score.py"
NO_REFERENCE = f"no reference scorer at {REFERENCE} (set {fk.ENV} to the fact gold folder)"

TEXT = "Aaa. Bbb. Ccc."
SPANS = ((0, 4), (5, 9), (10, 14))
GOLD = {
    "event": "synthetic",
    "facts": [
        {"id": 1, "summary": "one", "members": {"fox": [0], "hpo": [0], "nyt": [0]}, "same": True},
        {
            "id": 2,
            "summary": "two",
            "members": {"fox": [1], "hpo": [], "nyt": [1, 2]},
            "same": False,
            "divergences": [
                {"type": "number", "a": "fox", "sent_a": 1, "b": "nyt", "sent_b": 1},
                {"type": "quote", "a": "fox", "sent_a": 1, "b": "nyt", "sent_b": 2},
                {"type": "detail", "a": "nyt", "sent_a": 1, "b": "fox", "sent_b": 1},
            ],
        },
        {"id": 3, "summary": "three", "members": {"fox": [], "hpo": [2], "nyt": [2]}, "same": True},
        {"id": 4, "summary": "four", "members": {"fox": [2], "hpo": [1], "nyt": []}, "same": True},
    ],
}


def write_event(folder: Path) -> fk.FactEvent:
    """Write the synthetic event (three identical texts, three sentences each) and load it."""
    folder.mkdir()
    rows = ["doc\tid\tstart\tend\ttext"]
    for name in ("fox", "hpo", "nyt"):
        (folder / f"{name}.txt").write_text(TEXT, encoding="utf-8")
        rows += [f"{name}\t{i}\t{s}\t{e}\t{TEXT[s:e]}" for i, (s, e) in enumerate(SPANS)]
    (folder / "sentences.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return fk.load_event(folder)


def prediction() -> ek.Alignment:
    """Return a hand-made three-report alignment; fox's first predicted sentence spans two."""
    spans = (((0, 9), (10, 14)), SPANS, SPANS)
    sig = ek.PSignal
    groups = (
        ek.PGroup(
            "shared",
            0.9,
            ((0, (0,)), (1, (0,)), (2, (1,))),
            (
                sig("number", (0, 2), ((0, 0), (2, 1))),  # both sides on the gold number
                sig("quote", (0, 2), ((0, 0),)),  # one side, on the gold quote's fox side
                sig("number", (2, 0)),  # no evidence: the members, which hold the number
                sig("quote", (0, 2), ((0, 0), (2, 1))),  # nyt's side is not the quote's
                sig("entity", (0, 2), ((0, 0), (2, 1))),  # no entity there, but a number
                sig("wording", (0, 1)),  # untyped: not counted
            ),
        ),
        ek.PGroup(
            "divergent", 0.6, ((1, (2,)), (2, (2,))), (sig("tone", (1, 2), ((1, 2), (2, 2))),)
        ),
        ek.PGroup("unique", 1.0, ((0, (1,)),)),
        ek.PGroup("unique", 1.0, ((2, (0,)),)),
        ek.PGroup("unique", 1.0, ((1, (1,)),)),
    )
    return ek.Alignment(spans, groups)


def reference() -> ModuleType:
    """Import the reference scorer from the fact gold folder, or skip."""
    if not REFERENCE.is_file():
        pytest.skip(NO_REFERENCE)
    spec = importlib.util.spec_from_file_location("facts_score_reference", REFERENCE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def as_reference(c: fk.FactCounts) -> dict[str, int]:
    """Return counts under the reference scorer's names."""
    out = {
        "tp": c.correct,
        "pred": c.predicted,
        "gold": c.gold,
        "kind_ok": c.kind_ok,
        "facts": c.facts,
        "facts_found": c.facts_found,
        "sig": sum(c.signals.values()),
        "sig_ok": sum(c.signals_ok.values()),
        "sig_any": sum(c.signals_any.values()),
        "div": sum(c.divergences.values()),
        "div_found": sum(c.found.values()),
    }
    for t in fk.TYPED:
        out |= {f"sig_{t}": c.signals[t], f"div_{t}": c.divergences[t]}
        out[f"div_found_{t}"] = c.found[t]
    return out


def reference_counts(
    ref: ModuleType, runs: Sequence[tuple[Path, fk.FactEvent, ek.Alignment]]
) -> dict[str, int]:
    """Score alignments with the reference scorer, through the JSON it reads."""
    tot: dict[str, int] = defaultdict(int)
    for folder, event, al in runs:
        ref.score_event(folder, fk.alignment_json(al), list(event.docs), tot)
    # The reference only creates the counters it touches: read the others as 0.
    return {k: tot[k] for k in as_reference(fk.FactCounts()) | tot}


def test_synthetic_counts_by_hand(tmp_path: Path) -> None:
    """Check every count of the synthetic case against the README's definitions by hand."""
    event = write_event(tmp_path / "ev")
    c = fk.score_fact_run(event, prediction())
    # Group 0 links fox 0 and fox 1 (one predicted sentence) with hpo 0 and nyt 1: five
    # pairs, two gold (fox0-hpo0 same, fox1-nyt1 not same); group 1 links hpo2-nyt2 (gold).
    assert (c.predicted, c.correct, c.gold) == (6, 3, 7)
    assert c.kind_ok == 1  # fox0-hpo0 shared and same; the other two disagree
    assert (c.facts, c.facts_found) == (4, 3)  # fact 4: fox 2 is in no group with hpo 1
    assert c.signals == dict(
        number=2, quote=2, attribution=0, hedge=0, negation=0, entity=1, tone=1
    )
    assert (c.signals_ok["number"], c.signals_ok["quote"], sum(c.signals_ok.values())) == (2, 1, 3)
    # Any type: the second quote and the entity land on the number (and detail) of fox1-nyt1.
    assert sum(c.signals_any.values()) == 5 and c.signals_any["entity"] == 1
    assert (c.divergences["number"], c.found["number"]) == (1, 1)
    assert (c.divergences["quote"], c.found["quote"]) == (1, 0)  # its sentences are apart
    f = c.figures()
    assert f["facts.link_precision"] == 0.5
    assert f["facts.link_recall"] == pytest.approx(3 / 7)
    assert f["facts.kind_accuracy"] == pytest.approx(1 / 3)
    assert (f["facts.signal_precision"], f["facts.signal_precision_any"]) == (0.5, 5 / 6)
    assert f["facts.signal_recall"] == 0.5
    assert c.per_type()["entity"]["precision"] == 0.0


def test_synthetic_counts_agree_with_the_reference(tmp_path: Path) -> None:
    """Check the reference scorer counts the synthetic case exactly as factkit does."""
    ref = reference()
    event = write_event(tmp_path / "ev")
    al = prediction()
    assert reference_counts(ref, [(tmp_path / "ev", event, al)]) == as_reference(
        fk.score_fact_run(event, al)
    )


def test_consistency_counts_changed_links_and_stated_absentees(tmp_path: Path) -> None:
    """Check pair links alone vs together, and absent reports that state the group's fact."""
    event = write_event(tmp_path / "ev")
    together = ek.Alignment(
        (SPANS,) * 3,
        (
            ek.PGroup("shared", 1.0, ((1, (2,)), (2, (2,)))),  # fact 3; fox does not state it
            ek.PGroup("shared", 1.0, ((1, (0,)), (2, (0,)))),  # fact 1; fox states it
            ek.PGroup("shared", 1.0, ((0, (1,)), (2, (1,)))),
        ),
    )

    def alone(named: Sequence[tuple[str, str]]) -> ek.Alignment:
        assert len(named) == 2
        return ek.Alignment((SPANS, SPANS), (ek.PGroup("shared", 1.0, ((0, (0,)), (1, (0,)))),))

    out = fk.Consistency()
    fk.consistency_run(event, together, alone, out)
    # Together: fox-nyt 1 link, hpo-nyt 2; alone: one link (sentence 0 to 0) per pair.
    assert (out.links_all, out.links_pair, out.kept) == (3, 3, 1)
    assert out.figures()["facts.pair_links_changed"] == pytest.approx(4 / 5)
    assert (out.absent, out.absent_stated) == (3, 1)
    assert out.examples == [{"event": "ev", "group": 1, "absent": "fox", "fact": "one"}]
    # Group 1 naming fox's sentence 0 (which states fact 1) and group 0 naming fox's
    # sentence 1 (fact 3 is not fox's): neither is absent any more; one reference is right.
    named = ek.Alignment(
        together.spans,
        (
            ek.PGroup("shared", 1.0, ((1, (2,)), (2, (2,))), (), ((0, 1),)),
            ek.PGroup("shared", 1.0, ((1, (0,)), (2, (0,))), (), ((0, 0),)),
            together.groups[2],
        ),
    )
    out = fk.Consistency()
    fk.consistency_run(event, named, alone, out)
    assert (out.absent, out.absent_stated, out.elsewhere, out.elsewhere_stated) == (1, 0, 2, 1)
    assert out.figures()["facts.elsewhere_precision"] == 0.5


def test_facts_dir_resolution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Check the flag wins, then $NEWSDIFF_EVAL (the eval folder or facts/), then the default."""
    monkeypatch.delenv(fk.ENV, raising=False)
    assert fk.facts_dir() == fk.ROOT.parent / "shared" / "eval" / "facts"
    (tmp_path / "facts").mkdir()
    monkeypatch.setenv(fk.ENV, str(tmp_path))
    assert fk.facts_dir() == tmp_path / "facts"
    monkeypatch.setenv(fk.ENV, str(tmp_path / "facts"))
    assert fk.facts_dir() == tmp_path / "facts"
    assert fk.facts_dir(tmp_path / "x") == tmp_path / "x"


@pytest.fixture(scope="module")
def events() -> list[fk.FactEvent]:
    """Return the real events, or skip when the fact gold is absent."""
    if not (FACTS / "score.py").is_file():
        pytest.skip(NO_REFERENCE)
    return fk.load_facts(FACTS)


def test_real_events_agree_with_the_reference(events: list[fk.FactEvent]) -> None:
    """Check newsdiff's and tf-idf's counts on every real event equal the reference's."""
    ref = reference()
    tfidf = next(b for b in bl.baselines(bl.segmenter("auto")) if b.key == "tfidf")
    for system in (ek.newsdiff_system(), tfidf):
        runs = [(FACTS / e.name, e, system(e.named_texts())) for e in events]
        ours = fk.FactCounts()
        for _, event, al in runs:
            ours.add(fk.score_fact_run(event, al))
        assert reference_counts(ref, runs) == as_reference(ours)


def test_one_event_through_the_cli_agrees(events: list[fk.FactEvent], tmp_path: Path) -> None:
    """Check score.py running the newsdiff CLI gives the figures factkit gets via the API."""
    event = min(events, key=lambda e: sum(len(t) for t in e.texts))
    (tmp_path / event.name).symlink_to(FACTS / event.name)
    cmd = f"{sys.executable} -m newsdiff compare --format json"
    run = [sys.executable, str(REFERENCE), str(tmp_path), "--cmd", cmd]
    out = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    theirs = dict(w.split("=", 1) for w in out.split() if "=" in w and not w.startswith("["))
    c = fk.score_fact_run(event, ek.newsdiff_system()(event.named_texts()))
    f = c.figures()
    assert theirs["errors"] == "0"
    assert (int(theirs["tp"]), int(theirs["pred"]), int(theirs["gold"])) == (
        c.correct,
        c.predicted,
        c.gold,
    )
    assert int(theirs["signals"]) == sum(c.signals.values())
    for key, name in (("P", "link_precision"), ("R", "link_recall"), ("sigP", "signal_precision")):
        assert theirs[key] == f"{f[f'facts.{name}']:.3f}"
    assert theirs["fact_R"] == f"{f['facts.fact_recall']:.3f}"
    assert theirs["sigR"] == f"{f['facts.signal_recall']:.3f}"
