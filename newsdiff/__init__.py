"""newsdiff: compare news reports of one event sentence by sentence."""

from __future__ import annotations

from newsdiff._version import __version__

# Not `from typing import TYPE_CHECKING`: importing typing costs a few milliseconds that
# `newsdiff --help` and `--version` need not pay; type checkers treat this name the same.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from newsdiff.api import compare, load
    from newsdiff.errors import ExitCode, InputError, NewsdiffError, UsageError
    from newsdiff.model import (
        Comparison,
        Document,
        Evidence,
        Group,
        Member,
        Sentence,
        Signal,
        Summary,
    )
    from newsdiff.options import Options

# Where each public name lives. They are imported on first use (PEP 562) so that
# `newsdiff --help`, which imports this package first, does not pay for the model's
# dataclasses, pathlib and the rest of the work path.
_HOMES = {
    "Options": "newsdiff.options",
    "compare": "newsdiff.api",
    "load": "newsdiff.api",
    "ExitCode": "newsdiff.errors",
    "InputError": "newsdiff.errors",
    "NewsdiffError": "newsdiff.errors",
    "UsageError": "newsdiff.errors",
    "Comparison": "newsdiff.model",
    "Document": "newsdiff.model",
    "Evidence": "newsdiff.model",
    "Group": "newsdiff.model",
    "Member": "newsdiff.model",
    "Sentence": "newsdiff.model",
    "Signal": "newsdiff.model",
    "Summary": "newsdiff.model",
}

__all__ = [
    "Comparison",
    "Document",
    "Evidence",
    "ExitCode",
    "Group",
    "InputError",
    "Member",
    "NewsdiffError",
    "Options",
    "Sentence",
    "Signal",
    "Summary",
    "UsageError",
    "__version__",
    "compare",
    "load",
]


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'newsdiff' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """List the public names with the module's own."""
    return sorted({*globals(), *__all__})
