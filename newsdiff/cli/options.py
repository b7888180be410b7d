"""Command-line options that several newsdiff commands share (typer annotations)."""

from __future__ import annotations

from typing import Annotated

import typer

Encoding = Annotated[
    str | None,
    typer.Option("--encoding", help="Decode the reports with this encoding (default UTF-8)."),
]
TextField = Annotated[
    str,
    typer.Option("--text-field", help="JSON Lines inputs: the field holding the article text."),
]
Output = Annotated[
    str | None,
    typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout."),
]
NoColor = Annotated[bool, typer.Option("--no-color", help="Print without color.")]
# The upper bound (1 TiB) turns an absurd value into a usage error, not an overflow.
MaxBytes = Annotated[
    int,
    typer.Option("--max-bytes", min=1, max=1 << 40, help="Largest report accepted, in bytes."),
]
