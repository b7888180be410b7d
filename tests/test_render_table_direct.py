"""The plain table's labelled rows written directly equal rich's grid, byte for byte."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsdiff
from newsdiff.render import table as table_module
from tests.render_cases import plain_table

# Invented reports with what wraps unusually: wide (CJK, emoji) and zero-width characters,
# combining marks, a word longer than any column, tabs, controls, right-to-left text.
_TEXTS = [
    "The mayor of Springfield said on Tuesday that 1,200 homes lost power. "
    "Officials expect repairs to take three days.",
    "Springfield's mayor said Tuesday 1,400 homes were without power; 东京电力公司 crews "
    "helped 🚒🚒 and the e\u0301lectricite\u0301 board said repairs take two days.",
    "A Supercalifragilisticexpialidociousantidisestablishmentarianismfloccinaucinihilipil"
    "ification word, a\ttab, a \x1b[31mcontrol\x1b[0m, zero\u200bwidth and "
    "\u05e9\u05dc\u05d5\u05dd text. Repairs take three days, officials said.",
]


@pytest.mark.parametrize("width", [40, 47, 63, 80, 120, 200])
@pytest.mark.parametrize("explain", [False, True])
def test_direct_rows_equal_the_grid(width: int, explain: bool) -> None:
    """Check stacked and side-by-side tables of unusual texts are the same either way."""
    docs = [newsdiff.Document(id=f"r{i}", text=t) for i, t in enumerate(_TEXTS)]
    assert plain_table(docs, True, width=width, explain=explain) == plain_table(
        docs, False, width=width, explain=explain
    )


_WORDS = st.sampled_from(
    ["power", "homes", "1,200", "东京", "🚒", "e\u0301", "said", "Tuesday", "x" * 70, "\u200b"]
)
_SENTENCE = st.lists(_WORDS, min_size=1, max_size=14).map(lambda ws: " ".join(ws) + ".")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(_SENTENCE, min_size=1, max_size=4), min_size=2, max_size=3))
def test_random_reports_render_the_same(reports: list[list[str]]) -> None:
    """Check random reports of mixed-width words render the same either way."""
    docs = [newsdiff.Document(id=f"r{i}", text=" ".join(r)) for i, r in enumerate(reports)]
    for width in (40, 90):
        assert plain_table(docs, True, width=width, explain=False) == plain_table(
            docs, False, width=width, explain=False
        )


_NARROW_WORDS = st.sampled_from(
    [
        "\u00b7 caf\u00e9 \u00b62",
        "a",
        "said",
        "\u201cquoted\u201d",
        "\u2014",
        "",
        "y" * 45,
        "1,200.",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_NARROW_WORDS, max_size=20), st.integers(2, 40), st.sampled_from([" ", "  "]))
def test_narrow_wrap_equals_rich(words: list[str], width: int, sep: str) -> None:
    """Check the one-cell wrap breaks and folds lines where rich's Text wrap does."""
    from rich.console import Console
    from rich.text import Text

    text = sep.join(words)
    console = Console(file=io.StringIO(), width=200, color_system=None, highlight=False)
    options = console.options.update(width=width, justify=None, overflow="fold", no_wrap=False)
    lines = console.render_lines(Text(text), options, pad=False) or [[]]
    want = ["".join(s.text for s in line).rstrip(" ") for line in lines]
    got = [line.rstrip(" ") for line in table_module.wrap_narrow(text, width)]
    assert got == want
