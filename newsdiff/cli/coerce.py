"""Convert option values without pydantic where typer's own conversion is known to agree.

typer 0.29 converts every option value through a pydantic TypeAdapter built on first use
(even --help's, before reading it): importing pydantic and building the adapters was about
0.2 s of `newsdiff compare`'s 0.5 s start-up, to turn strings into the same strings.
`Command` and `Group` (the `cls=` of every newsdiff command and of the app) give each plain
`bool`, `str`, `int`, `float` or `list[str]` parameter a converter that returns the value
directly when it is one typer is known to convert unchanged (a `bool`, a `str`, ASCII
digits within the option's range, a plain decimal). Anything else (a value out of range,
"5.0", " 5", "1_000", "1e3") goes to typer's own converter, so every value and every error
message stays typer's.

This uses typer's private converter slot (`_runtime_param`), so it is installed only on the
typer versions it was checked against (`tests/test_cli_coerce.py` compares it with typer's
converter on random input and fails when `compare` imports pydantic); on any other version
typer's own path runs unchanged.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

# typer versions whose converter slot and conversions this was checked against.
_CHECKED = ("0.29.",)
# At most 18 digits: within 64 bits, where no reading of a whole number can differ.
_INT = re.compile(r"-?[0-9]{1,18}", re.ASCII)
# Plain decimals: Python and pydantic (Rust) both round these correctly, to the same float.
_FLOAT = re.compile(r"-?[0-9]{1,15}(?:\.[0-9]{1,15})?", re.ASCII)
_UNSURE = object()


def _in_range(number: float, info: Any) -> bool:
    """Tell whether a number satisfies the option's `min` and `max` (pydantic's ge and le)."""
    return (info.min is None or number >= info.min) and (info.max is None or number <= info.max)


def direct(annotation: Any, info: Any, value: Any) -> Any:
    """Return typer's conversion of `value`, or `_UNSURE` when only typer can tell it."""
    kind = type(value)
    if annotation is bool:
        # A flag's value (typer skips converting it) or --help's None (never converted).
        return value if kind is bool else _UNSURE
    if annotation is str:
        return value if kind is str else _UNSURE
    if annotation == list[str]:
        if kind in (tuple, list) and all(type(v) is str for v in value):
            return list(value)
        return _UNSURE
    number: int | float
    if annotation is int:
        if kind is int:
            number = value
        elif kind is str and _INT.fullmatch(value):
            number = int(value)
        else:
            return _UNSURE
    elif annotation is float:
        if kind is float:
            number = value
        elif kind is str and _FLOAT.fullmatch(value):
            number = float(value)
        else:
            return _UNSURE
    else:
        return _UNSURE
    # Out of range: typer's converter words the error.
    return number if _in_range(number, info) else _UNSURE


def _supported(param: Any) -> bool:
    """Tell whether `param` is a typer parameter whose values `direct` can convert."""
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is None or getattr(param, "_runtime_param", False) is not None:
        return False
    info = descriptor.parameter_info
    if info.parser is not None or info.clamp or descriptor.file_annotation is not None:
        return False
    return descriptor.annotation in (bool, str, int, float) or descriptor.annotation == list[str]


@cache
def _converter() -> type[Any]:
    """Return the direct converter class (built once, on typer's converter contract)."""
    from typer._coercion import RuntimeParam, build_runtime_param

    class Direct(RuntimeParam):
        """typer's converter contract; values `direct` is unsure of go to typer's own."""

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            done = direct(self.annotation, self.parameter_info, value)
            if done is not _UNSURE:
                return done
            own = build_runtime_param(param.type_descriptor)
            return own._coerce_value(value, param=param, ctx=ctx)

    return Direct


def _install(params: list[Any]) -> None:
    """Give each supported parameter the direct converter (typer's own as its fallback)."""
    for param in params:
        if _supported(param):
            descriptor = param.type_descriptor
            param._runtime_param = _converter()(
                parameter_info=descriptor.parameter_info, annotation=descriptor.annotation
            )


def active() -> bool:
    """Tell whether the direct conversion is used with the installed typer."""
    return typer.__version__.startswith(_CHECKED)


class Command(TyperCommand):
    """typer's command, converting option values directly where that gives typer's result."""

    def get_params(self, ctx: Any) -> list[Any]:
        """Return typer's parameters (--help included), each given the direct converter."""
        params: list[Any] = super().get_params(ctx)
        if active():
            _install(params)
        return params


class Group(TyperGroup):
    """typer's group (the app itself), with the direct converter as in `Command`."""

    def get_params(self, ctx: Any) -> list[Any]:
        """Return typer's parameters (--help included), each given the direct converter."""
        params: list[Any] = super().get_params(ctx)
        if active():
            _install(params)
        return params
