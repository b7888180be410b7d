"""Writers of corpus records: a streamed rich table, JSON Lines and CSV, one row per cluster."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsdiff.model import KINDS, SIGNAL_TYPES
from newsdiff.records import ClusterRecord
from newsdiff.render import RenderOptions, Writer, register
from newsdiff.render.escape import csv_cell, json_dumps
from newsdiff.render.escape import one_line as visible

# Columns narrower than this are useless; wider cluster names are cut with an ellipsis.
MAX_NAME_WIDTH = 32
MIN_LAST_WIDTH = 24


@dataclass(frozen=True)
class Column:
    """A table column of fixed width (the last one takes the remaining width)."""

    header: str
    width: int
    justify: str = "left"


class StreamTable:
    """A rich table printed row by row: fixed widths, so no row has to wait for the rest."""

    def __init__(self, stream: TextIO, options: RenderOptions, columns: Sequence[Column]) -> None:
        self.stream = stream
        self.color = options.color
        self.buffer = io.StringIO()
        self.console = Console(
            file=self.buffer,
            width=options.width or (_terminal_width(stream) if self.color else 100),
            color_system="auto" if self.color else None,
            force_terminal=self.color,
            no_color=not self.color,
            highlight=False,
            emoji=False,
            markup=False,
        )
        fixed = sum(c.width + 1 for c in columns[:-1])
        last = max(self.console.width - fixed, MIN_LAST_WIDTH)
        self.columns = [*columns[:-1], Column(columns[-1].header, last, columns[-1].justify)]
        self._started = False

    def _table(self, columns: Sequence[Column], header: bool) -> Table:
        table = Table(
            box=box.SIMPLE_HEAD,
            show_edge=False,
            show_header=header,
            padding=(0, 0, 0, 0),
            pad_edge=False,
            collapse_padding=True,
            header_style="bold" if self.color else "",
        )
        for i, c in enumerate(columns):
            last = i == len(columns) - 1
            table.add_column(
                c.header,
                width=c.width,
                min_width=c.width,
                max_width=c.width,
                justify=c.justify,  # type: ignore[arg-type]
                no_wrap=not last,
                overflow="fold" if last else "ellipsis",
            )
        return table

    def _print(self, table: Table) -> None:
        """Render into the buffer, then write it out without the padding at line ends."""
        self.console.print(table)
        text = self.buffer.getvalue()
        self.buffer.seek(0)
        self.buffer.truncate()
        if not self.color:
            text = "\n".join(line.rstrip() for line in text.split("\n"))
        self.stream.write(text)

    def row(self, cells: Sequence[Text]) -> None:
        """Print one row; with fewer cells than columns, the last cell spans the rest."""
        if not self._started:
            self._print(self._table(self.columns, header=True))
            self._started = True
        columns = self.columns
        if len(cells) < len(columns):
            k = len(cells) - 1
            span = sum(c.width + 1 for c in columns[k:]) - 1
            columns = [*columns[:k], Column("", span)]
        table = self._table(columns, header=False)
        table.add_row(*cells)
        self._print(table)


def _terminal_width(stream: TextIO) -> int | None:
    """Return the width of the terminal behind a stream (None: let rich decide)."""
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return None


def name_width(names: Sequence[str]) -> int:
    """Return the width of the cluster column for these names."""
    widest = max((len(visible(n)) for n in names), default=7)
    return min(max(widest, 7), MAX_NAME_WIDTH)


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _signals_text(record: ClusterRecord) -> str:
    return ", ".join(f"{t} {n}" for t, n in record.signals.items() if n) or "-"


@register("table", "corpus")
class CorpusTable(Writer[ClusterRecord]):
    """One table row per cluster, printed as soon as the cluster is done."""

    def __init__(self, stream: TextIO, options: RenderOptions) -> None:
        super().__init__(stream, options)
        self.table = StreamTable(
            stream,
            options,
            [
                Column("cluster", options.name_width),
                Column("reports", 7, "right"),
                Column("sents", 5, "right"),
                Column("groups s/d/u", 12, "right"),
                Column("shared", 6, "right"),
                Column("diverg", 6, "right"),
                Column("unique", 6, "right"),
                Column("slowest step", 16),
                Column("signals", 0),
            ],
        )

    def write(self, item: ClusterRecord) -> None:
        """Print the cluster's row (an error row in red, with its reason)."""
        name = Text(visible(item.cluster))
        if item.error is not None:
            reason = Text("error: " + visible(item.error), style="red")
            self.table.row([name, Text(str(item.reports)), reason])
            return
        groups = "/".join(str(item.groups.get(k, 0)) for k in KINDS)
        slowest = (
            f"{item.slowest_step} {item.slowest_seconds:.2f}s"
            if item.slowest_step is not None and item.slowest_seconds is not None
            else "-"
        )
        self.table.row(
            [
                name,
                Text(str(item.reports)),
                Text(str(item.sentences)),
                Text(groups),
                Text(_pct(item.shares.get("shared", 0.0)), style="green"),
                Text(_pct(item.shares.get("divergent", 0.0)), style="yellow"),
                Text(_pct(item.shares.get("unique", 0.0)), style="cyan"),
                Text(slowest),
                Text(visible(_signals_text(item))),
            ]
        )


@register("jsonl", "corpus")
class CorpusJsonl(Writer[ClusterRecord]):
    """One JSON object per line and cluster."""

    def write(self, item: ClusterRecord) -> None:
        """Write the record's JSON line."""
        self.stream.write(json_dumps(item.to_dict(), spaced=True) + "\n")


def csv_header() -> list[str]:
    """Return the CSV columns of a corpus record."""
    return [
        "cluster",
        "status",
        "reports",
        "sentences",
        *(f"groups_{k}" for k in KINDS),
        *(f"share_{k}" for k in KINDS),
        *(f"signals_{t}" for t in SIGNAL_TYPES),
        "signals_other",
        "slowest_step",
        "slowest_seconds",
        "error",
    ]


def csv_row(record: ClusterRecord) -> list[Any]:
    """Return a record as CSV cells (strings from the data made inert)."""
    other = sum(n for t, n in record.signals.items() if t not in SIGNAL_TYPES)
    ok = record.error is None
    return [
        csv_cell(record.cluster),
        "ok" if ok else "error",
        record.reports,
        record.sentences if ok else "",
        *((record.groups.get(k, 0) if ok else "") for k in KINDS),
        *((record.shares.get(k, 0.0) if ok else "") for k in KINDS),
        *((record.signals.get(t, 0) if ok else "") for t in SIGNAL_TYPES),
        other if ok else "",
        record.slowest_step or "",
        "" if record.slowest_seconds is None else round(record.slowest_seconds, 4),
        csv_cell(record.error or ""),
    ]


@register("csv", "corpus")
class CorpusCsv(Writer[ClusterRecord]):
    """A header line, then one CSV row per cluster."""

    def __init__(self, stream: TextIO, options: RenderOptions) -> None:
        super().__init__(stream, options)
        self.csv = csv.writer(stream, lineterminator="\n")
        self.csv.writerow(csv_header())

    def write(self, item: ClusterRecord) -> None:
        """Write the record's row."""
        self.csv.writerow(csv_row(item))
