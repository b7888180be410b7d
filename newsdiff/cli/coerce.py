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

from functools import cache
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from newsdiff.cli.values import UNSURE, direct

# typer versions whose converter slot and conversions this was checked against.
_CHECKED = ("0.29.",)


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
            if done is not UNSURE:
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


def _direct(params: list[Any]) -> list[Any]:
    """Give typer's parameters the direct converter, when the installed typer is checked."""
    if active():
        _install(params)
    return params


class Command(TyperCommand):
    """typer's command, converting option values directly where that gives typer's result."""

    def get_params(self, ctx: Any) -> list[Any]:
        """Return typer's parameters (--help included), each given the direct converter."""
        return _direct(super().get_params(ctx))


class Group(TyperGroup):
    """typer's group (the app itself), with the direct converter as in `Command`."""

    def get_params(self, ctx: Any) -> list[Any]:
        """Return typer's parameters (--help included), each given the direct converter."""
        return _direct(super().get_params(ctx))
