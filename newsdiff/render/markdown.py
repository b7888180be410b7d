"""GitHub-flavoured Markdown: a summary and a side-by-side table that renders on a PR page."""

from __future__ import annotations

from typing import TextIO

from newsdiff.model import Comparison, Group
from newsdiff.render import RenderOptions, register
from newsdiff.render.escape import markdown_cell
from newsdiff.render.view import (
    coverage_text,
    filtered,
    member_pieces,
    report_names,
    shown_text,
    signals_text,
    told_in,
    visible_groups,
)


def _row(cells: list[str]) -> str:
    """Return one table row."""
    return "| " + " | ".join(cells) + " |"


# wdiff's marks as the table shows them without colour (brackets escaped for Markdown):
# words of a group's first report that another lacks, then those of the other reports.
_MARK_FIRST = (r"\[-", r"-\]")
_MARK_OTHER = ("{+", "+}")


def _cells(comparison: Comparison, group: Group) -> list[str]:
    """Return one cell per document: its member text, differing words bold and marked."""
    cells = []
    for d in range(len(comparison.documents)):
        member = group.member(d)
        if member is None:
            home = told_in(group, d)
            cells.append("" if home is None else f"_told in #{home}_")
            continue
        pieces = member_pieces(comparison, member)
        opening, closing = _MARK_FIRST if member is group.members[0] else _MARK_OTHER
        # Word runs never start or end with a space, so "**" always opens and closes; the
        # marks keep the differences visible in the raw text and where bold is not shown.
        parts = [
            f"**{opening}{markdown_cell(p.text)}{closing}**" if p.differs else markdown_cell(p.text)
            for p in pieces
        ]
        cells.append("".join(parts).strip())
    return cells


def _summary(comparison: Comparison, out: list[str]) -> None:
    """Append the counts per kind and the per-report shares."""
    s = comparison.summary()
    out.append(
        f"**{s.documents} reports, {s.groups} groups:** {s.shared} shared, "
        f"{s.divergent} divergent, {s.unique} unique"
    )
    out.append("")
    out.append(_row(["report", "sentences", "shared", "divergent", "unique", "boilerplate"]))
    out.append(_row(["---", "--:", "--:", "--:", "--:", "--:"]))
    for d in s.per_document:
        doc = comparison.documents[d.doc]
        out.append(
            _row(
                [
                    markdown_cell(doc.id),
                    str(d.sentences),
                    str(d.shared),
                    str(d.divergent),
                    str(d.unique),
                    str(d.boilerplate),
                ]
            )
        )


@register("markdown")
def render_markdown(comparison: Comparison, stream: TextIO, options: RenderOptions) -> None:
    """Write a Markdown report: heading, summary, then one table row per group."""
    ids = [markdown_cell(d.id) for d in comparison.documents]
    out = ["## newsdiff: " + " vs ".join(ids), ""]
    _summary(comparison, out)
    out.append("")
    n = len(comparison.documents)
    if options.legend:
        out.append(
            "Kinds: **shared** (same fact, same substance), **divergent** (same fact, told "
            f"differently), **unique** (one report only); coverage k/{n}: told in k of the "
            f"{n} reports. Words that another report of the group lacks are bold and marked "
            r"**\[-so-\]** in the group's first report, **{+so+}** in the others."
        )
        out.append("")
    out.append(_row(["#", "kind", "coverage", *ids, "signals"]))
    out.append(_row(["--:", "---", ":-:", *["---"] * len(ids), "---"]))
    groups = visible_groups(comparison, options)
    names = report_names(comparison)
    for group in groups:
        kind = f"**{group.kind}**" if group.kind == "divergent" else group.kind
        out.append(
            _row(
                [
                    str(group.index),
                    kind,
                    coverage_text(comparison, group),
                    *_cells(comparison, group),
                    markdown_cell(signals_text(group, names)),
                ]
            )
        )
    if filtered(options):
        out.append("")
        out.append(f"_{shown_text(comparison, len(groups), options)}_")
    stream.write("\n".join(out) + "\n")
