"""Signals that issue 13 found missing (invented texts): each found, and its false twin not."""

from __future__ import annotations

import pytest

from tests.test_signals import kinds


def types(*texts: str) -> set[str]:
    """Return the types of the signals between whole texts."""
    return {t for t, _ in kinds(*texts)}


@pytest.mark.parametrize(
    ("a", "b", "detail"),
    [
        (
            "The old bridge was built in early 1962, the council said.",
            "The old bridge was built in 1962, the council said.",
            "early 1962 vs 1962",
        ),
        (
            "Some 80-plus percent of the members backed the strike.",
            "Some 80 percent of the members backed the strike.",
            "80-plus vs 80 percent",
        ),
        (
            "At least 12 people were hurt when the roof fell in.",
            "Twelve people were hurt when the roof fell in.",
            "At least 12 vs Twelve",
        ),
    ],
)
def test_a_bound_on_the_same_value_is_a_number_difference(a: str, b: str, detail: str) -> None:
    assert ("number", detail) in kinds(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Rounding words tell the same value.
        (
            "About 40 workers lost their jobs at the mill.",
            "Some 40 workers lost their jobs at the mill.",
        ),
        # "late Friday" only tells the hour of the same day.
        (
            "The company announced the sale late Friday.",
            "The company announced the sale on Friday.",
        ),
        # A bound in one report against another value's bound, both "more".
        (
            "More than 300 homes lost power in the storm.",
            "Over 300 homes lost power in the storm.",
        ),
    ],
)
def test_rounding_and_the_hour_of_a_day_are_no_number_difference(a: str, b: str) -> None:
    assert "number" not in types(a, b)
