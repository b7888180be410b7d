"""The newsdiff command line: parse options, call the library, render, set the exit code."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from newsdiff._version import __version__
from newsdiff.cli import corpus as cli_corpus
from newsdiff.cli.coerce import Command, Group
from newsdiff.cli.options import (
    Color,
    CompareOptions,
    Encoding,
    MaxBytes,
    NoColor,
    Output,
    TextField,
)
from newsdiff.cli.shell import (
    COLOR_MODES,
    debug,
    describe,
    guarded,
    page,
    pager_command,
    silence_stdout,
    stand_in_for_closed_streams,
    usage_message,
    use_color,
)
from newsdiff.errors import ExitCode, UsageError
from newsdiff.render import formats
from newsdiff.sources.files import DEFAULT_MAX_BYTES
from newsdiff.text.budget import DEFAULT_MAX_SENTENCES

if TYPE_CHECKING:
    from newsdiff.model import Document

app = typer.Typer(
    name="newsdiff",
    cls=Group,
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


@app.command(
    cls=Command,
    epilog=EXIT_CODES_HELP,
    short_help="Show what reports share and how they differ.",
)
def compare(
    files: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE",
            help="Two or more reports: text (.txt, .md), saved pages (.html), JSON Lines of "
            "articles (.jsonl, one report per line), or - for one text report on stdin.",
        ),
    ],
    output_format: Annotated[
        str,
        typer.Option(
            "--format", "-f", metavar="FORMAT", help=f"Output format: {', '.join(formats())}."
        ),
    ] = "table",
    output: Output = None,
    text_field: TextField = "text",
    names: Annotated[
        str | None,
        typer.Option(
            "--names", metavar="NAME,...", help="Comma-separated column names, one per report."
        ),
    ] = None,
    encoding: Encoding = None,
    no_color: NoColor = False,
    color: Color = "auto",
    width: Annotated[
        int | None,
        typer.Option(
            "--width",
            metavar="COLUMNS",
            min=40,
            help="Table width, 40 or more (default: the terminal's, 80 off a terminal).",
        ),
    ] = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    signal_types: Annotated[
        str | None,
        typer.Option(
            "--signals",
            metavar="TYPE,...",
            help="Show only groups with these signals (comma-separated: number, quote, "
            "attribution, hedge, negation, entity, tone, wording).",
        ),
    ] = None,
    kinds: Annotated[
        str | None,
        typer.Option(
            "--kind",
            metavar="KIND,...",
            help="Show only groups of these kinds (comma-separated: shared,divergent,unique).",
        ),
    ] = None,
    only_differences: Annotated[
        bool,
        typer.Option(
            "--only-differences",
            help="Show only divergent and unique groups (--kind divergent,unique).",
        ),
    ] = False,
    no_legend: Annotated[
        bool,
        typer.Option("--no-legend", help="Table: leave out the key of kinds and marks."),
    ] = False,
    no_pager: Annotated[
        bool,
        typer.Option(
            "--no-pager",
            help="Table: never page. On a terminal a table taller than the screen goes "
            "through NEWSDIFF_PAGER, PAGER or less.",
        ),
    ] = False,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show each group's similarity and what fired.")
    ] = False,
    max_sentences: Annotated[
        int,
        typer.Option(
            "--max-sentences",
            metavar="N",
            min=0,
            help="Most sentences of all reports together aligned in one run (0: no limit).",
        ),
    ] = DEFAULT_MAX_SENTENCES,
) -> None:
    """Align the sentences of two or more reports and show what they share and how they differ."""
    with guarded():
        opts = CompareOptions(
            files=files,
            output_format=output_format,
            output=output,
            text_field=text_field,
            encoding=encoding,
            no_color=no_color,
            color=_color_mode(color),
            width=width,
            max_bytes=max_bytes,
            names=_check_names(names),
            signal_filter=_signal_filter(signal_types),
            explain=explain,
            kinds=_kind_filter(kinds, only_differences),
            legend=not no_legend,
            pager=not no_pager,
            max_sentences=max_sentences,
        )
        _run_compare(opts)


def _check_names(value: str | None) -> str | None:
    """Return --names unchanged, or raise UsageError when it gives an empty name."""
    if value is not None and any(not n.strip() for n in value.split(",")):
        raise UsageError(f"--names {value!r} gives an empty name; each report needs one")
    return value


def _color_mode(value: str) -> str:
    """Return --color's value, or raise UsageError for one that is not a mode."""
    if value not in COLOR_MODES:
        raise UsageError(f"--color {value!r}: choose one of {', '.join(COLOR_MODES)}")
    return value


def _kind_filter(value: str | None, only_differences: bool) -> frozenset[str] | None:
    """Parse --kind (and --only-differences) into a set of kinds, or raise UsageError."""
    from newsdiff.model import KINDS

    if value is None:
        return frozenset({"divergent", "unique"}) if only_differences else None
    wanted = frozenset(t.strip() for t in value.split(",") if t.strip())
    unknown = sorted(wanted - set(KINDS))
    if unknown or not wanted:
        raise UsageError(
            f"unknown kind {', '.join(unknown) or repr(value)}; choose from: {', '.join(KINDS)}"
        )
    if only_differences:
        # Both given: the kinds of --kind that are differences.
        wanted -= {"shared"}
        if not wanted:
            raise UsageError("--kind shared with --only-differences leaves no group to show")
    return wanted


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


def _documents(opts: CompareOptions) -> list[Document]:
    """Read the reports named on the command line into uniquely named Documents."""
    from dataclasses import replace

    from newsdiff.api import read

    files, names = opts.files, opts.names
    # A .jsonl input holds several reports, so counts are checked after reading. Each
    # report is split as it is read (api.read), so too many sentences stop the run before
    # the rest of the reports are even loaded.
    docs = list(
        read(
            files,
            encoding=opts.encoding,
            text_field=opts.text_field,
            max_bytes=opts.max_bytes,
            max_sentences=opts.max_sentences,
        )
    )
    if len(docs) < 2:
        raise UsageError(f"need at least two reports to compare, got {len(docs)}")
    if names is not None:
        labels = [n.strip() for n in names.split(",")]
        if len(labels) != len(docs):
            given = f"{len(labels)} name{'' if len(labels) == 1 else 's'}"
            raise UsageError(f"--names gives {given} for {len(docs)} reports")
        if len(set(labels)) != len(labels):
            raise UsageError("--names gives the same name twice; each report needs its own")
        docs = [replace(d, id=label) for d, label in zip(docs, labels, strict=True)]
    return docs


def _run_compare(opts: CompareOptions) -> None:
    """Load, compare and render (errors propagate as NewsdiffError)."""
    from newsdiff import render
    from newsdiff.api import Options
    from newsdiff.api import compare as run
    from newsdiff.cli.writer import output_stream

    renderer = render.get(opts.output_format)
    docs = _documents(opts)
    comparison = run(docs, Options(max_sentences=opts.max_sentences))
    pager = pager_command(not opts.pager, opts.output) if opts.output_format == "table" else None
    width = opts.width
    if pager is not None and width is None:
        # Rendered into memory first: the width is the terminal's, as it would be directly.
        import shutil

        width = max(40, shutil.get_terminal_size().columns)
    options = render.RenderOptions(
        color=use_color(opts.no_color, opts.output, opts.color),
        width=width,
        explain=opts.explain,
        signal_filter=opts.signal_filter,
        kinds=opts.kinds,
        legend=opts.legend,
    )
    # A file gets no terminal colours; it is written whole or not at all (cli.writer).
    with output_stream(opts.output) as stream:
        if pager is None:
            renderer(comparison, stream, options)
        else:
            import io

            text = io.StringIO()
            renderer(comparison, text, options)
            page(text.getvalue(), pager, stream)


@app.command(
    cls=Command,
    epilog=EXIT_CODES_HELP,
    short_help="Print each report's sentences as JSON Lines.",
)
def segment(
    files: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE", help="Reports to split (same kinds as compare), or - for stdin."
        ),
    ],
    encoding: Encoding = None,
    text_field: TextField = "text",
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
) -> None:
    """Print each report's sentences as JSON Lines: offsets, paragraph, boilerplate mark, text."""
    with guarded():
        from newsdiff.api import read
        from newsdiff.cli.writer import output_stream
        from newsdiff.render.segments import write_segments

        docs = read(
            files, encoding=encoding, text_field=text_field, max_bytes=max_bytes, max_sentences=None
        )
        with output_stream(None) as stream:
            write_segments(docs, stream)


cli_corpus.register(app)


def main() -> None:
    """Run the CLI (console-script entry point)."""
    from newsdiff.render.escape import one_line

    stand_in_for_closed_streams()
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
        message = one_line(usage_message(err.format_message()))
        sys.stderr.write(f"newsdiff: error: {message} (see {where} --help)\n")
        sys.exit(int(getattr(err, "exit_code", ExitCode.USAGE)))
    except BrokenPipeError:
        # The reader went away (`newsdiff ... | head`): stop quietly.
        silence_stdout()
        sys.exit(int(ExitCode.OK))
    except KeyboardInterrupt:
        sys.exit(130)
    except MemoryError:
        if debug():
            raise
        sys.stderr.write(
            "newsdiff: error: out of memory; compare fewer or shorter reports "
            "(or lower --max-sentences)\n"
        )
        sys.exit(int(ExitCode.INPUT))
    except Exception as exc:
        if debug():
            raise
        described = describe(exc)
        if described is not None:
            # An OS or decode error outside a command (click writing its help, say).
            sys.stderr.write(f"newsdiff: error: {one_line(described[0])}\n")
            sys.exit(int(described[1]))
        sys.stderr.write(
            f"newsdiff: internal error: {type(exc).__name__}: {one_line(str(exc))} "
            "(run with --debug for the traceback)\n"
        )
        sys.exit(int(ExitCode.INTERNAL))
    sys.exit(code if isinstance(code, int) else int(ExitCode.OK))
