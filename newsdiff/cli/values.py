"""How typer converts the option values newsdiff's commands usually get, without typer.

`direct` gives typer's own result for the values any typer converts unchanged (a `bool`, a
`str`, ASCII digits within the option's range, a plain decimal) and `UNSURE` for anything
else, which is left to typer: cli/coerce.py uses it inside typer (instead of building
pydantic adapters), cli/fastpath.py to run a plain `compare` line without typer at all.
"""

from __future__ import annotations

from typing import Any

UNSURE = object()
# Bounds of --width. Past the upper one a table is no longer read but padded: a width of
# 10^8 spent minutes writing blank columns.
MIN_WIDTH = 40
MAX_WIDTH = 10_000


class Range:
    """An option's bounds, as typer's `min` and `max` (None: unbounded)."""

    __slots__ = ("max", "min")

    def __init__(self, min: float | None = None, max: float | None = None) -> None:
        self.min, self.max = min, max


def _digits(text: str, most: int) -> bool:
    """Tell whether text is 1 to `most` ASCII digits."""
    return 0 < len(text) <= most and text.isascii() and text.isdigit()


def _whole(text: str) -> bool:
    """Tell whether text is a whole number: ASCII digits, optionally after a minus.

    At most 18 digits: within 64 bits, where no reading of a whole number can differ.
    """
    return _digits(text[1:] if text.startswith("-") else text, 18)


def _decimal(text: str) -> bool:
    """Tell whether text is a plain decimal: a whole number, optionally `.` and digits.

    Python and pydantic (Rust) both round such a number correctly, to the same float.
    """
    whole, dot, fraction = text.partition(".")
    return _whole(whole) and len(whole.lstrip("-")) <= 15 and (not dot or _digits(fraction, 15))


def _in_range(number: float, info: Any) -> bool:
    """Tell whether a number satisfies the option's `min` and `max` (pydantic's ge and le)."""
    return (info.min is None or number >= info.min) and (info.max is None or number <= info.max)


def direct(annotation: Any, info: Any, value: Any) -> Any:
    """Return typer's conversion of `value`, or `UNSURE` when only typer can tell it."""
    kind = type(value)
    if annotation is bool:
        # A flag's value (typer skips converting it) or --help's None (never converted).
        return value if kind is bool else UNSURE
    if annotation is str:
        return value if kind is str else UNSURE
    if annotation == list[str]:
        if kind in (tuple, list) and all(type(v) is str for v in value):
            return list(value)
        return UNSURE
    plain = _PLAIN_NUMBER.get(annotation)
    if plain is None:
        return UNSURE
    number: int | float
    if kind is annotation:
        number = value
    elif kind is str and plain(value):
        number = annotation(value)
    else:
        return UNSURE
    # Out of range: typer's converter words the error.
    return number if _in_range(number, info) else UNSURE


# The number types converted here, each with the test of a text any reading gives alike.
_PLAIN_NUMBER = {int: _whole, float: _decimal}
