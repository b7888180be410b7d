"""Errors the library raises and the exit codes the CLI maps them to."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes of the newsdiff CLI (documented in the README)."""

    OK = 0
    # `newsdiff check`: some cluster broke a rule; `corpus`: some cluster failed.
    FAILED = 1
    USAGE = 2
    INPUT = 3
    INTERNAL = 70


class NewsdiffError(Exception):
    """Base class of the errors newsdiff reports to users in one line."""

    exit_code: ExitCode = ExitCode.INTERNAL


class InputError(NewsdiffError):
    """An input cannot be read, decoded or compared (missing, binary, empty, too large...)."""

    exit_code = ExitCode.INPUT


class UsageError(NewsdiffError):
    """The call itself is wrong (unknown format, too few reports, bad option value)."""

    exit_code = ExitCode.USAGE
