"""Tests of the fact-link miss diagnosis (benchmarks/fact_misses.py) on the fact gold."""

from __future__ import annotations

import re

import pytest

from benchmarks import fact_misses as fm
from benchmarks import factkit as fk


@pytest.mark.usefixtures("fact_gold")
def test_every_gold_link_is_found_or_diagnosed_and_every_wrong_one_listed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    events = fk.load_facts(fk.facts_dir())
    assert fm.main([]) == 0
    out = capsys.readouterr().out
    per_event = {
        m[1]: (int(m[2]), int(m[3]))
        for m in re.finditer(r"^(\w{8}): missed (\d+), false (\d+)$", out, re.M)
    }
    assert sorted(per_event) == sorted(e.name[:8] for e in events)
    for event in events:
        linked, seg = fk.linked_run(event.named_texts())
        counts = fk.score_fact_run(event, fk.linked_alignment(linked, seg))
        missed, false = per_event[event.name[:8]]
        # A gold link is either predicted or a miss with a cause; a predicted one not in
        # the gold is a false link.
        assert missed + counts.correct == counts.gold, event.name
        assert false == counts.predicted - counts.correct, event.name
    # The causes add up to the misses.
    block = out.split("\nmiss (", 1)[1]
    total, rest = block.split("):", 1)
    causes = re.findall(r"^\s+(\d+)\s{2}\S", rest.split("\n\n", 1)[0], re.M)
    assert int(total) == sum(m for m, _ in per_event.values()) == sum(map(int, causes))
