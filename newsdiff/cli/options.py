"""Command-line options that several newsdiff commands share (typer annotations)."""

from __future__ import annotations

from typing import Annotated

import typer

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
