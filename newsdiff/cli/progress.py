"""A progress bar on stderr for corpus runs: clusters done, rate and time left."""

from __future__ import annotations

import io
import os
from types import TracebackType
from typing import IO, TextIO, cast

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    """Clusters per second."""

    def render(self, task: Task) -> Text:
        """Return the rate, or nothing before it is known."""
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:.1f}/s", style="progress.data.speed")


class Bar:
    """A live progress bar on a stderr console; writes to a shared terminal pass above it."""

    def __init__(self, total: int, label: str, stderr: TextIO) -> None:
        self.console = Console(file=stderr, highlight=False, markup=False)
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            RateColumn(),
            TimeRemainingColumn(),
            console=self.console,
            transient=True,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self.task = self.progress.add_task(label, total=total)

    def advance(self) -> None:
        """Count one more cluster done."""
        self.progress.advance(self.task)

    def stdout(self, stdout: TextIO) -> TextIO:
        """Return the stream results should go to while the bar is shown.

        When stdout and stderr are the same terminal, lines written straight to stdout
        would tear the bar apart, so they are printed above it through the bar's console.
        """
        if not _same_terminal(stdout, self.console.file):
            return stdout
        return cast(TextIO, _AboveBar(self.console))

    def __enter__(self) -> Bar:
        self.progress.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.progress.stop()


class NoBar:
    """What runs when the bar is off (--quiet, or stderr is not a terminal)."""

    def advance(self) -> None:
        """Do nothing."""

    def stdout(self, stdout: TextIO) -> TextIO:
        """Return stdout unchanged."""
        return stdout

    def __enter__(self) -> NoBar:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None


def progress(total: int, label: str, stderr: TextIO, quiet: bool) -> Bar | NoBar:
    """Return a bar on stderr, or a stand-in when quiet or stderr is not a terminal."""
    if quiet or not stderr.isatty() or os.environ.get("TERM") == "dumb":
        return NoBar()
    return Bar(total, label, stderr)


def _same_terminal(a: IO[str], b: IO[str]) -> bool:
    """Tell whether two streams are the same terminal device."""
    try:
        if not (a.isatty() and b.isatty()):
            return False
        sa, sb = os.fstat(a.fileno()), os.fstat(b.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        return False
    return (sa.st_dev, sa.st_ino, sa.st_rdev) == (sb.st_dev, sb.st_ino, sb.st_rdev)


class _AboveBar(io.TextIOBase):
    """A text stream that prints whole lines through a live console, above its bar."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.pending = ""

    def write(self, s: str) -> int:
        """Print complete lines (ANSI styles kept), keep a partial line for later."""
        self.pending += s
        *lines, self.pending = self.pending.split("\n")
        for line in lines:
            # Text.from_ansi keeps colours and drops other escapes; markup is never parsed.
            self.console.print(Text.from_ansi(line), soft_wrap=True)
        return len(s)

    def flush(self) -> None:
        """Print a partial line, if any."""
        if self.pending:
            self.console.print(Text.from_ansi(self.pending), soft_wrap=True, end="")
            self.pending = ""

    def isatty(self) -> bool:
        """Say yes: what is written here ends on a terminal."""
        return True
