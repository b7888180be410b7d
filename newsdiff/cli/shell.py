"""What every command shares: one-line errors, the exit code of each failure, colour, std streams.

This is the one place that maps errors to exit codes: newsdiff's own errors carry theirs,
an OS or decode error the user's environment caused is an input error (3), a reader that
went away (`newsdiff ... | head`) ends quietly with 0. Anything else is a bug (70, in main).
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import sys
from collections.abc import Iterator
from typing import NoReturn, TextIO, cast

from newsdiff.errors import ExitCode, NewsdiffError

# Errors of a write that found no room: disk full, quota, file too large, device error.
_FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


def debug() -> bool:
    """Tell whether tracebacks were asked for (--debug or NEWSDIFF_DEBUG=1)."""
    return os.environ.get("NEWSDIFF_DEBUG", "") not in ("", "0")


def fail(message: str, code: ExitCode) -> NoReturn:
    """Print a one-line error on stderr and exit with the code."""
    # typer only now: `compare` on a plain command line runs without it (cli/fastpath.py).
    import typer

    from newsdiff.render.escape import one_line

    # Messages quote file names and input text: keep them on one line and inert.
    sys.stderr.write(f"newsdiff: error: {one_line(message)}\n")
    raise typer.Exit(int(code))


# How typer words a value out of an option's range or of the wrong type, and how every
# other newsdiff error reads: "--width must be at least 40". Compiled on first use (by re's
# cache): only a usage error needs them.
_RANGE = (
    (r"greater than or equal to (\S+)$", "must be at least {}"),
    (r"less than or equal to (\S+)$", "must be at most {}"),
    (r"greater than (\S+)$", "must be more than {}"),
    (r"less than (\S+)$", "must be less than {}"),
    (r"a valid integer\b.*$", "must be a whole number"),
    (r"a valid number\b.*$", "must be a number"),
)
# The option's first name: click hints '--workers' / '-w'.
_INVALID = r"^Invalid value for '([^']+)'[^:]*: Input should be (.*)$"


def usage_message(message: str) -> str:
    """Return a command-line error in newsdiff's words: `--width must be at least 40`."""
    found = re.match(_INVALID, message, re.S)
    if found is None:
        return message
    option, rest = found.groups()
    for pattern, wording in _RANGE:
        m = re.search(pattern, rest)
        if m is not None:
            return f"{option} {wording.format(*m.groups())}"
    return f"{option} must be {rest}"


COLOR_MODES = ("auto", "always", "never")


def use_color(no_color: bool, output: str | None = None, mode: str = "auto") -> bool:
    """Decide on colour: --color always/never first, then NO_COLOR, FORCE_COLOR, a terminal.

    `--color always` keeps colour through a pipe (`| less -R`) and into a file; in auto mode
    a non-empty NO_COLOR turns it off (no-color.org), a FORCE_COLOR other than 0 or
    false turns it on, and otherwise only a terminal on stdout gets colour.
    """
    if mode == "always":
        return True
    if no_color or mode == "never" or os.environ.get("NO_COLOR"):
        return False
    force = os.environ.get("FORCE_COLOR")
    if force is not None and force.strip().lower() not in ("0", "false", "no"):
        # FORCE_COLOR= (empty) means "on" for Node and chalk too.
        return True
    if output not in (None, "-"):
        return False
    return sys.stdout.isatty()


def pager_command(no_pager: bool, output: str | None = None) -> list[str] | None:
    """Return the pager to show output through, as git does, or None to print directly.

    Only output to a terminal is paged; NEWSDIFF_PAGER, then PAGER, name the pager (an
    empty value or `cat` means none), and `less` is the default.
    """
    if no_pager or output not in (None, "-") or not sys.stdout.isatty():
        return None
    import shlex

    chosen = os.environ.get("NEWSDIFF_PAGER")
    if chosen is None:
        chosen = os.environ.get("PAGER", "less")
    try:
        command = shlex.split(chosen)
    except ValueError:
        return None
    return None if not command or command == ["cat"] else command


def page(text: str, command: list[str], stream: TextIO, height: int | None = None) -> None:
    """Write text through the pager when it is taller than the terminal, else directly."""
    import shutil
    import subprocess

    if height is None:
        height = shutil.get_terminal_size().lines
    if text.count("\n") < height:
        stream.write(text)
        return
    env = dict(os.environ)
    # As git does: quit when it fits one screen, pass colours through, leave the screen.
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        proc = subprocess.Popen(
            command, stdin=subprocess.PIPE, env=env, encoding=encoding, errors="replace"
        )
    except OSError:
        # No such pager: the text is still worth showing.
        stream.write(text)
        return
    assert proc.stdin is not None
    stream.flush()
    with contextlib.suppress(BrokenPipeError):  # the reader quit before the end
        proc.stdin.write(text)
    with contextlib.suppress(BrokenPipeError):
        proc.stdin.close()
    while True:
        try:
            proc.wait()
            break
        except KeyboardInterrupt:
            # Ctrl-C belongs to the pager (less uses it to stop a search).
            continue


def silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's final flush cannot fail again."""
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def describe(exc: BaseException) -> tuple[str, ExitCode] | None:
    """Return the one-line message and exit code of a failure the user can fix, else None."""
    if isinstance(exc, NewsdiffError):
        return str(exc), exc.exit_code
    if isinstance(exc, OSError):
        # Disk full, a closed stream, permissions: the environment, not a bug.
        reason = exc.strerror or str(exc) or type(exc).__name__
        if exc.filename is not None:
            return f"{exc.filename}: {reason}", ExitCode.INPUT
        if exc.errno in _FULL:
            # Files are written by cli.writer, which names them: this is standard output.
            return f"cannot write the output ({reason})", ExitCode.INPUT
        return reason, ExitCode.INPUT
    if isinstance(exc, UnicodeDecodeError):
        return f"cannot decode input as {exc.encoding} ({exc.reason})", ExitCode.INPUT
    return None


@contextlib.contextmanager
def guarded() -> Iterator[None]:
    """Run a command body: a known failure becomes one line on stderr and its exit code."""
    try:
        yield
    except BrokenPipeError:
        # Click would exit 1 here, which means "check failed"; a closed pipe is no failure.
        import typer

        silence_stdout()
        raise typer.Exit(int(ExitCode.OK)) from None
    except (NewsdiffError, OSError, UnicodeDecodeError) as exc:
        if debug():
            raise
        described = describe(exc)
        assert described is not None
        if isinstance(exc, OSError):
            # Output that could not be written may still sit in stdout's buffer.
            silence_stdout()
        fail(*described)


class _Closed(io.TextIOBase):
    """Stands in for a standard stream the shell closed (`>&-`, `<&-`)."""

    def __init__(self, what: str, quiet: bool = False) -> None:
        self.what = what
        self.quiet = quiet

    def _closed(self) -> OSError:
        return OSError(errno.EBADF, f"standard {self.what} is closed")

    def write(self, s: str) -> int:
        """Fail as a closed descriptor does (quietly drop text when this is stderr)."""
        if self.quiet:
            return len(s)
        raise self._closed()

    def read(self, size: int | None = -1) -> str:
        """Fail as a closed descriptor does."""
        raise self._closed()

    @property
    def buffer(self) -> _Closed:
        """Return itself: binary reads fail the same way."""
        return self

    def isatty(self) -> bool:
        """Say no: nothing is there."""
        return False

    def flush(self) -> None:
        """Do nothing (the final flush at exit must not fail)."""


def stand_in_for_closed_streams() -> None:
    """Replace a standard stream the shell closed, so using it is a clear error, not a crash."""
    if sys.stdin is None:
        sys.stdin = cast(TextIO, _Closed("input"))
    if sys.stdout is None:
        sys.stdout = cast(TextIO, _Closed("output"))
    if sys.stderr is None:
        sys.stderr = cast(TextIO, _Closed("error", quiet=True))


def crash_code(exc: Exception) -> int:
    """Print the one-line error of an exception no command handled; return its exit code.

    Out of memory is an input error (3); an OS or decode error the user can fix gets its
    own message and code; anything else is a bug (70). (With --debug the caller raises it
    again instead, for its traceback.)
    """
    from newsdiff.render.escape import one_line

    if isinstance(exc, MemoryError):
        sys.stderr.write(
            "newsdiff: error: out of memory; compare fewer or shorter reports "
            "(or lower --max-sentences)\n"
        )
        return int(ExitCode.INPUT)
    described = describe(exc)
    if described is not None:
        # An OS or decode error outside a command (click writing its help, say).
        sys.stderr.write(f"newsdiff: error: {one_line(described[0])}\n")
        return int(described[1])
    sys.stderr.write(
        f"newsdiff: internal error: {type(exc).__name__}: {one_line(str(exc))} "
        "(run with --debug for the traceback)\n"
    )
    return int(ExitCode.INTERNAL)
