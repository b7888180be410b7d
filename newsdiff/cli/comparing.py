"""`newsdiff compare` itself: check the options, read, compare, render (no typer here).

The typer command in cli/app.py and the plain command line of cli/fastpath.py both call
`run`, so the command does the same whichever parsed its line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from newsdiff.cli.shell import COLOR_MODES, guarded, page, pager_command, use_color
from newsdiff.cli.values import MIN_WIDTH
from newsdiff.errors import UsageError
from newsdiff.sources.files import DEFAULT_MAX_BYTES
from newsdiff.text.budget import DEFAULT_MAX_SENTENCES

if TYPE_CHECKING:
    from newsdiff.model import Document


class CompareOptions(NamedTuple):
    """What `newsdiff compare` was asked to do, as parsed from its command line."""

    files: list[str]
    output_format: str = "table"
    output: str | None = None
    text_field: str = "text"
    # Comma-separated column names, one per report (checked non-empty by the command).
    names: str | None = None
    encoding: str | None = None
    no_color: bool = False
    color: str = "auto"
    width: int | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    signal_filter: frozenset[str] | None = None
    explain: bool = False
    # Only groups of these kinds are shown (None: all).
    kinds: frozenset[str] | None = None
    legend: bool = True
    pager: bool = True
    max_sentences: int = DEFAULT_MAX_SENTENCES


def run(
    files: list[str],
    output_format: str = "table",
    output: str | None = None,
    text_field: str = "text",
    names: str | None = None,
    encoding: str | None = None,
    no_color: bool = False,
    color: str = "auto",
    width: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    signal_types: str | None = None,
    kinds: str | None = None,
    only_differences: bool = False,
    no_legend: bool = False,
    no_pager: bool = False,
    explain: bool = False,
    max_sentences: int = DEFAULT_MAX_SENTENCES,
) -> None:
    """Run `newsdiff compare` with its parsed options (the defaults are the command line's)."""
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

        width = max(MIN_WIDTH, shutil.get_terminal_size().columns)
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
