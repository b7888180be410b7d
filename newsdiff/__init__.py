"""newsdiff: compare news reports of one event sentence by sentence."""

from __future__ import annotations

from newsdiff._version import __version__
from newsdiff.api import Options, compare, load
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
