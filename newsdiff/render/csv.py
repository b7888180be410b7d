"""CSV and TSV: one row per group and report, for spreadsheets and column tools."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import TextIO

from newsdiff.model import Comparison
from newsdiff.render import RenderOptions, register
from newsdiff.render.escape import csv_cell
from newsdiff.render.view import report_names, signals_text, similarity_text, visible_groups

HEADER = (
    "group",
    "kind",
    "coverage",
    "documents",
    "similarity",
    "signals",
    "doc",
    "sentences",
    "text",
)


def rows(comparison: Comparison, options: RenderOptions) -> Iterator[list[str]]:
    """Yield the header and one escaped row per member of each visible group."""
    yield list(HEADER)
    names = report_names(comparison)
    for group in visible_groups(comparison, options):
        signals = csv_cell(signals_text(group, names))
        for member in group.members:
            yield [
                str(group.index),
                group.kind,
                # k and N apart: a spreadsheet would read "2/3" as a date.
                str(group.coverage),
                str(len(comparison.documents)),
                similarity_text(group),
                signals,
                csv_cell(comparison.documents[member.doc].id),
                " ".join(str(i) for i in member.sentences),
                csv_cell(comparison.member_text(member)),
            ]


@register("csv")
def render_csv(comparison: Comparison, stream: TextIO, options: RenderOptions) -> None:
    """Write RFC 4180 CSV (quoted where needed) with Unix line ends."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerows(rows(comparison, options))


@register("tsv")
def render_tsv(comparison: Comparison, stream: TextIO, options: RenderOptions) -> None:
    """Write tab-separated values with no quoting, ready for cut, sort and awk."""
    # csv_cell folds tabs and newlines into spaces, so a cell never needs quoting here.
    for row in rows(comparison, options):
        stream.write("\t".join(row) + "\n")
