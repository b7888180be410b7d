"""How typer converts the option values newsdiff's commands usually get, without typer.

`direct` gives typer's own result for the values any typer converts unchanged (a `bool`, a
`str`, ASCII digits within the option's range, a plain decimal) and `UNSURE` for anything
else, which is left to typer: cli/coerce.py uses it inside typer (instead of building
pydantic adapters), cli/fastpath.py to run a plain `compare` line without typer at all.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

# At most 18 digits: within 64 bits, where no reading of a whole number can differ.
_INT = re.compile(r"-?[0-9]{1,18}", re.ASCII)
# Plain decimals: Python and pydantic (Rust) both round these correctly, to the same float.
_FLOAT = re.compile(r"-?[0-9]{1,15}(?:\.[0-9]{1,15})?", re.ASCII)
UNSURE = object()


class Range(NamedTuple):
    """An option's bounds, as typer's `min` and `max` (None: unbounded)."""

    min: float | None = None
    max: float | None = None


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
    number: int | float
    if annotation is int:
        if kind is int:
            number = value
        elif kind is str and _INT.fullmatch(value):
            number = int(value)
        else:
            return UNSURE
    elif annotation is float:
        if kind is float:
            number = value
        elif kind is str and _FLOAT.fullmatch(value):
            number = float(value)
        else:
            return UNSURE
    else:
        return UNSURE
    # Out of range: typer's converter words the error.
    return number if _in_range(number, info) else UNSURE
