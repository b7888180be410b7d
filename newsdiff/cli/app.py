"""The newsdiff command line: parse options, call the library, render, set the exit code."""

from __future__ import annotations

import os
import sys
from typing import Annotated, Any

import typer

from newsdiff._version import __version__
from newsdiff.cli import comparing
from newsdiff.cli import corpus as cli_corpus
from newsdiff.cli.coerce import Command, Group
from newsdiff.cli.options import (
    Color,
    Encoding,
    MaxBytes,
    NoColor,
    Output,
    TextField,
)
from newsdiff.cli.shell import (
    crash_code,
    debug,
    guarded,
    silence_stdout,
    stand_in_for_closed_streams,
    usage_message,
)
from newsdiff.cli.values import MAX_WIDTH, MIN_WIDTH
from newsdiff.errors import ExitCode
from newsdiff.render import formats
from newsdiff.sources.files import DEFAULT_MAX_BYTES
from newsdiff.text.budget import DEFAULT_MAX_SENTENCES

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
            min=MIN_WIDTH,
            max=MAX_WIDTH,
            help=f"Table width, {MIN_WIDTH} to {MAX_WIDTH} (default: the terminal's, 80 off a"
            " terminal).",
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
    comparing.run(
        files=files,
        output_format=output_format,
        output=output,
        text_field=text_field,
        names=names,
        encoding=encoding,
        no_color=no_color,
        color=color,
        width=width,
        max_bytes=max_bytes,
        signal_types=signal_types,
        kinds=kinds,
        only_differences=only_differences,
        no_legend=no_legend,
        no_pager=no_pager,
        explain=explain,
        max_sentences=max_sentences,
    )


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
    except Exception as exc:  # out of memory, an OS error outside a command, a bug
        if debug():
            raise
        sys.exit(crash_code(exc))
    sys.exit(code if isinstance(code, int) else int(ExitCode.OK))
