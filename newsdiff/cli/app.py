"""The newsdiff command line: parse options, call the library, render, set the exit code."""

from __future__ import annotations

import contextlib
import io
import os
import sys
from typing import Annotated, Any, NoReturn

import typer

from newsdiff._version import __version__
from newsdiff.cli import corpus as cli_corpus
from newsdiff.cli.options import Encoding, MaxBytes, NoColor, Output, TextField
from newsdiff.errors import ExitCode, NewsdiffError, UsageError
from newsdiff.render import formats
from newsdiff.sources.files import DEFAULT_MAX_BYTES
from newsdiff.text.budget import DEFAULT_MAX_SENTENCES

app = typer.Typer(
    name="newsdiff",
    help="Compare news reports of one event: shared facts, divergent framing, unique details.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_CODES_HELP = (
    "Exit codes: 0 success, 2 usage error, 3 input error (missing, unreadable, empty)."
)


def _fail(message: str, code: ExitCode) -> NoReturn:
    """Print a one-line error on stderr and exit with the code."""
    from newsdiff.render.escape import one_line

    # Messages quote file names and input text: keep them on one line and inert.
    sys.stderr.write(f"newsdiff: error: {one_line(message)}\n")
    raise typer.Exit(int(code))


def _stdout_gone() -> NoReturn:
    """Stop quietly when the reader of stdout went away (`newsdiff ... | head`)."""
    # Click would exit 1 here, which means "check failed"; a closed pipe is no failure.
    # Point stdout at /dev/null so the interpreter's final flush cannot fail again.
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    raise typer.Exit(int(ExitCode.OK))


def _debug() -> bool:
    """Tell whether tracebacks were asked for (--debug or NEWSDIFF_DEBUG=1)."""
    return os.environ.get("NEWSDIFF_DEBUG", "") not in ("", "0")


def _version(value: bool) -> None:
    """Print the version and exit (eager option)."""
    if value:
        sys.stdout.write(f"newsdiff {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def main_callback(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks of unexpected errors.")
    ] = False,
) -> None:
    """Compare news reports of one event sentence by sentence."""
    if debug:
        os.environ["NEWSDIFF_DEBUG"] = "1"


def _use_color(no_color: bool) -> bool:
    """Decide on color: off with --no-color, NO_COLOR, or when stdout is not a terminal."""
    if no_color or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


@app.command(epilog=EXIT_CODES_HELP)
def compare(
    files: Annotated[
        list[str],
        typer.Argument(
            help="Two or more reports: text (.txt, .md), saved pages (.html), JSON Lines of "
            "articles (.jsonl, one report per line), or - for one text report on stdin."
        ),
    ],
    output_format: Annotated[
        str, typer.Option("--format", "-f", help=f"Output format: {', '.join(formats())}.")
    ] = "table",
    output: Output = None,
    text_field: TextField = "text",
    names: Annotated[
        str | None,
        typer.Option("--names", help="Comma-separated column names, one per report."),
    ] = None,
    encoding: Encoding = None,
    no_color: NoColor = False,
    width: Annotated[
        int | None, typer.Option("--width", min=40, help="Table width (default: terminal).")
    ] = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    signal_types: Annotated[
        str | None,
        typer.Option(
            "--signals",
            help="Show only groups with these signals (comma-separated: number,quote,"
            "attribution,hedge,negation,entity,tone,wording).",
        ),
    ] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show each group's similarity and what fired.")
    ] = False,
    max_sentences: Annotated[
        int,
        typer.Option(
            "--max-sentences",
            min=0,
            help="Most sentences of all reports together aligned in one run (0: no limit).",
        ),
    ] = DEFAULT_MAX_SENTENCES,
) -> None:
    """Align the sentences of two or more reports and show what they share and how they differ."""
    try:
        wanted = _signal_filter(signal_types)
        _run_compare(
            files,
            output_format,
            names,
            encoding,
            no_color,
            width,
            max_bytes,
            output,
            text_field,
            max_sentences=max_sentences,
            signal_filter=wanted,
            explain=explain,
        )
    except BrokenPipeError:
        _stdout_gone()
    except NewsdiffError as exc:
        if _debug():
            raise
        _fail(str(exc), exc.exit_code)


def _signal_filter(value: str | None) -> frozenset[str] | None:
    """Parse --signals into a set of signal types, or raise UsageError for an unknown one."""
    if value is None:
        return None
    from newsdiff.model import SIGNAL_TYPES

    wanted = frozenset(t.strip() for t in value.split(",") if t.strip())
    unknown = sorted(wanted - set(SIGNAL_TYPES))
    if unknown or not wanted:
        raise UsageError(
            f"unknown signal type {', '.join(unknown) or repr(value)}; "
            f"choose from: {', '.join(SIGNAL_TYPES)}"
        )
    return wanted


def _run_compare(
    files: list[str],
    output_format: str,
    names: str | None,
    encoding: str | None,
    no_color: bool,
    width: int | None,
    max_bytes: int,
    output: str | None = None,
    text_field: str = "text",
    signal_filter: frozenset[str] | None = None,
    explain: bool = False,
    max_sentences: int = DEFAULT_MAX_SENTENCES,
) -> None:
    """Load, compare and render (errors propagate as NewsdiffError)."""
    from dataclasses import replace

    from newsdiff import render
    from newsdiff.api import Options, read
    from newsdiff.api import compare as run

    renderer = render.get(output_format)
    # A .jsonl input holds several reports, so counts are checked after reading.
    docs = list(
        read(
            files,
            encoding=encoding,
            text_field=text_field,
            max_bytes=max_bytes,
            max_sentences=max_sentences,
        )
    )
    if len(docs) < 2:
        raise UsageError(f"need at least two reports to compare, got {len(docs)}")
    if names is not None:
        labels = [n.strip() for n in names.split(",")]
        if len(labels) != len(docs):
            raise UsageError(f"--names gives {len(labels)} names for {len(docs)} reports")
        if len(set(labels)) != len(labels):
            raise UsageError("--names gives the same name twice; each report needs its own")
        docs = [replace(d, id=label) for d, label in zip(docs, labels, strict=True)]
    comparison = run(docs, Options(max_sentences=max_sentences))
    options = render.RenderOptions(
        color=_use_color(no_color), width=width, explain=explain, signal_filter=signal_filter
    )
    if output is not None and output != "-":
        from newsdiff.cli.writer import atomic_writer

        # A file gets no terminal colors; it is written whole or not at all.
        with atomic_writer(output) as stream:
            renderer(comparison, stream, replace(options, color=False))
        return
    renderer(comparison, sys.stdout, options)
    sys.stdout.flush()


@app.command(epilog=EXIT_CODES_HELP)
def segment(
    files: Annotated[
        list[str],
        typer.Argument(help="Reports to split (same kinds as compare), or - for stdin."),
    ],
    encoding: Encoding = None,
    text_field: TextField = "text",
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
) -> None:
    """Print each report's sentences as JSON Lines: offsets, paragraph, boilerplate mark, text."""
    try:
        from newsdiff.api import read
        from newsdiff.render.segments import write_segments

        docs = read(
            files, encoding=encoding, text_field=text_field, max_bytes=max_bytes, max_sentences=None
        )
        write_segments(docs, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        _stdout_gone()
    except NewsdiffError as exc:
        if _debug():
            raise
        _fail(str(exc), exc.exit_code)


cli_corpus.register(app)


def main() -> None:
    """Run the CLI (console-script entry point)."""
    from newsdiff.render.escape import one_line

    # click's exception base class: typer vendors click (typer._click) in recent versions,
    # so it is found from a public typer exception rather than imported by name.
    click_error: type[Exception] = next(
        c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
    )
    try:
        # Not standalone: click's own usage errors come here, to be printed on one line.
        code = app(standalone_mode=False, prog_name="newsdiff")
    except typer.Abort:
        sys.exit(130)  # Ctrl-C (click turns KeyboardInterrupt into Abort)
    except click_error as exc:
        err: Any = exc  # a click exception: show(), format_message(), ctx, exit_code
        if type(err).__name__ == "NoArgsIsHelpError":
            err.show()  # `newsdiff` alone: the help
            sys.exit(int(ExitCode.USAGE))
        # click prints usage, a hint and the error on four lines; one line like every error.
        where = err.ctx.command_path if getattr(err, "ctx", None) is not None else "newsdiff"
        sys.stderr.write(
            f"newsdiff: error: {one_line(err.format_message())} (see {where} --help)\n"
        )
        sys.exit(int(getattr(err, "exit_code", ExitCode.USAGE)))
    except BrokenPipeError:
        # The reader went away (`newsdiff ... | head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(int(ExitCode.OK))
    except KeyboardInterrupt:
        sys.exit(130)
    except MemoryError:
        if _debug():
            raise
        sys.stderr.write(
            "newsdiff: error: out of memory; compare fewer or shorter reports "
            "(or lower --max-sentences)\n"
        )
        sys.exit(int(ExitCode.INPUT))
    except Exception as exc:
        if _debug():
            raise
        sys.stderr.write(
            f"newsdiff: internal error: {type(exc).__name__}: {one_line(str(exc))} "
            "(run with --debug for the traceback)\n"
        )
        sys.exit(int(ExitCode.INTERNAL))
    sys.exit(code if isinstance(code, int) else int(ExitCode.OK))
