"""The plain table's key (per-report table, legend) written directly equals rich's output."""

from __future__ import annotations

import pytest

import newsdiff
from newsdiff.render import table as table_module
from tests.render_cases import plain_table

# Invented reports; their names are long, wide (CJK), accented or hold controls.
_NAMES = [
    "springfield-power-cut-tuesday-evening-report-from-the-city-desk.txt",
    "東京電力の停電.txt",
    "caf\u00e9-r\u00e9sum\u00e9.txt",
    "tab\tand\x1bescape.txt",
    "a.txt",
]
_SENTENCES = [
    "The mayor of Springfield said on Tuesday that 1,200 homes lost power.",
    "Officials expect repairs to take three days.",
    "Springfield's mayor said Tuesday 1,400 homes were without power.",
    "Crews worked through the night, the utility said.",
]


@pytest.mark.parametrize("reports", [2, 5, 28])
@pytest.mark.parametrize("width", [20, 34, 52, 80, 120, 200])
def test_direct_key_equals_rich(reports: int, width: int) -> None:
    """Check the key of many, few, long and wide report names at narrow and wide consoles."""
    docs = [
        newsdiff.Document(
            id=f"{i}-{_NAMES[i % len(_NAMES)]}",
            text=" ".join(_SENTENCES[(i + k) % len(_SENTENCES)] for k in range(1 + i % 3)),
        )
        for i in range(reports)
    ]
    for legend in (True, False):
        assert plain_table(docs, True, width=width, legend=legend) == plain_table(
            docs, False, width=width, legend=legend
        )


def test_the_legend_is_rendered_once_per_size() -> None:
    """Check the kept legend is reused for the same report count and width."""
    table_module._plain_legend.cache_clear()
    docs = [newsdiff.Document(id=f"r{i}", text=_SENTENCES[i]) for i in range(2)]
    for _ in range(3):
        plain_table(docs, True, width=90, legend=True)
    info = table_module._plain_legend.cache_info()
    assert (info.misses, info.hits) == (1, 2)
