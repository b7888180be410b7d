"""Command-line options that several newsdiff commands share (typer annotations)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

import typer

from newsdiff.sources.files import DEFAULT_MAX_BYTES
from newsdiff.text.budget import DEFAULT_MAX_SENTENCES

Encoding = Annotated[
    str | None,
    typer.Option(
        "--encoding", metavar="CODEC", help="Decode the reports with this encoding (default UTF-8)."
    ),
]
TextField = Annotated[
    str,
    typer.Option(
        "--text-field",
        metavar="FIELD",
        help="JSON Lines inputs: the field holding the article text.",
    ),
]
Output = Annotated[
    str | None,
    typer.Option(
        "--output", "-o", metavar="FILE", help="Write to this file (atomically) instead of stdout."
    ),
]
NoColor = Annotated[
    bool, typer.Option("--no-color", help="Print without color (same as --color never).")
]
Color = Annotated[
    str,
    typer.Option(
        "--color",
        metavar="WHEN",
        help="Color: auto (a terminal, unless NO_COLOR is set or FORCE_COLOR asks for it), "
        "always (keeps it through `| less -R`) or never.",
    ),
]
# The upper bound (1 TiB) turns an absurd value into a usage error, not an overflow.
MaxBytes = Annotated[
    int,
    typer.Option(
        "--max-bytes",
        metavar="BYTES",
        min=1,
        max=1 << 40,
        help="Largest report accepted, in bytes.",
    ),
]


@dataclass(frozen=True)
class CompareOptions:
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
