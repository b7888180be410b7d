"""The terminal renderer: a rich table, one row per group, word differences highlighted."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsdiff.model import Comparison, Group, Member
from newsdiff.render import RenderOptions, register
from newsdiff.render.escape import inert, one_line
from newsdiff.render.view import visible_groups

KIND_STYLE = {"shared": "green", "divergent": "yellow", "unique": "cyan"}
KIND_HELP = {
    "shared": "same fact, same substance",
    "divergent": "same fact, told differently",
    "unique": "in one report only",
}
# Below this many columns per report, reports are stacked instead of side by side.
_MIN_COLUMN = 28
# Line breaks, tabs and line separators inside a cell become one space each, keeping the
# offsets of highlights: rich drops "\r" and expands tabs (which shifted the highlights
# and glued words together) and passed U+2028/U+2029 to the terminal raw.
_SPACES = str.maketrans(dict.fromkeys("\t\n\r\x0b\x0c\x85\u2028\u2029", " "))


class _Console(Console):
    """A Console that lets a closed pipe surface as BrokenPipeError for the CLI to handle.

    rich's own handler exits with status 1, which means "check failed" for newsdiff.
    """

    def on_broken_pipe(self) -> None:
        """Raise instead of exiting."""
        raise BrokenPipeError


def _cell(comparison: Comparison, group: Group, member: Member, color: bool) -> Text:
    """Return a member's text with the words that differ from another member highlighted."""
    doc = comparison.documents[member.doc]
    first, last = doc.sentences[member.sentences[0]], doc.sentences[member.sentences[-1]]
    start, end = first.start, last.end
    raw = doc.text[start:end].translate(_SPACES)
    text = Text(inert(raw))
    if not color or group.kind == "unique":
        return text
    # Where each character of the report text lands in the shown text: a control
    # character is shown as a longer escape, which shifts everything after it.
    at = [0]
    for ch in raw:
        at.append(at[-1] + len(inert(ch)))
    # The words the model marks as differing (the same spans the HTML and Markdown paint).
    for span_start, span_end in member.spans:
        text.stylize("bold underline", at[span_start - start], at[span_end - start])
    for sig in group.signals:
        for ev in sig.evidence:
            if ev.doc == member.doc and start <= ev.start < ev.end <= end:
                text.stylize("bold magenta", at[ev.start - start], at[ev.end - start])
    return text


def _note(group: Group, explain: bool) -> Text:
    """Return the short note of a group: its signals (and its similarity with --explain)."""
    parts = [f"{s.type}: {one_line(s.detail)}" for s in group.signals]
    if explain:
        parts.insert(0, f"sim {group.similarity:.2f}")
    return Text("\n".join(parts))


def _kind_text(group: Group, n_docs: int) -> Text:
    """Return the colored kind label with its coverage."""
    return Text(f"{group.kind}\n{group.coverage}/{n_docs}", style=KIND_STYLE[group.kind])


def _side_by_side(comparison: Comparison, options: RenderOptions, console: Console) -> None:
    """Print one column per report."""
    table = Table(show_lines=True, expand=True, header_style="bold")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    for doc in comparison.documents:
        table.add_column(one_line(doc.id), ratio=3, overflow="fold")
    has_notes = options.explain or any(g.signals for g in comparison.groups)
    if has_notes:
        table.add_column("why", ratio=2, min_width=14, overflow="fold")
    for g in visible_groups(comparison, options):
        cells: list[Text] = [Text(str(g.index)), _kind_text(g, len(comparison.documents))]
        for d in range(len(comparison.documents)):
            m = g.member(d)
            cells.append(_cell(comparison, g, m, options.color) if m else Text(""))
        if has_notes:
            cells.append(_note(g, options.explain))
        table.add_row(*cells)
    console.print(table)


def _stacked(comparison: Comparison, options: RenderOptions, console: Console) -> None:
    """Print each group as a block of lines, one per report: readable at any width."""
    n = len(comparison.documents)
    for g in visible_groups(comparison, options):
        head = Text(f"#{g.index} ", style="bold")
        head.append_text(Text(f"{g.kind} {g.coverage}/{n}", style=KIND_STYLE[g.kind]))
        note = _note(g, options.explain)
        if note.plain:
            head.append("  " + note.plain.replace("\n", "; "))
        lines = [head]
        for m in g.members:
            line = Text(f"{one_line(comparison.documents[m.doc].id)}: ", style="bold")
            line.append_text(_cell(comparison, g, m, options.color))
            lines.append(line)
        for line in lines:
            console.print(line)
        console.print()


def _footer(comparison: Comparison, console: Console) -> None:
    """Print boilerplate, the legend and the counts per kind and per report."""
    boiler = [(doc.id, s) for doc in comparison.documents for s in doc.sentences if s.boilerplate]
    if boiler:
        console.print(Text("Boilerplate (not aligned):", style="bold dim"))
        for doc_id, s in boiler:
            console.print(Text(f"  {one_line(doc_id)}: {one_line(s.text)}", style="dim"))
    legend = Text("Legend: ")
    for kind, help_text in KIND_HELP.items():
        legend.append(kind, style=KIND_STYLE[kind])
        legend.append(f" = {help_text}; ")
    legend.append("bold underline", style="bold underline")
    legend.append(" = words that differ")
    console.print(legend)
    summ = comparison.summary()
    counts = Text(f"Groups: {summ.groups}  (")
    for i, kind in enumerate(("shared", "divergent", "unique")):
        if i:
            counts.append(", ")
        counts.append(f"{getattr(summ, kind)} {kind}", style=KIND_STYLE[kind])
    counts.append(")")
    console.print(counts)
    per = Table(box=None, header_style="bold", pad_edge=False)
    for col in ("report", "sentences", "shared", "divergent", "unique", "boilerplate"):
        per.add_column(col, justify="left" if col == "report" else "right")
    for ds in summ.per_document:
        content = max(1, ds.sentences - ds.boilerplate)

        def pct(x: int, content: int = content) -> str:
            return f"{x} ({100 * x / content:.0f}%)"

        per.add_row(
            one_line(comparison.documents[ds.doc].id),
            str(ds.sentences),
            pct(ds.shared),
            pct(ds.divergent),
            pct(ds.unique),
            str(ds.boilerplate),
        )
    console.print(per)


@register("table")
def render_table(comparison: Comparison, stream: TextIO, options: RenderOptions) -> None:
    """Write the comparison as a colored table (stacked when the terminal is narrow)."""
    console = _Console(
        file=stream,
        width=options.width,
        no_color=not options.color,
        color_system="auto" if options.color else None,
        force_terminal=options.color,
        markup=False,
        emoji=False,
        highlight=False,
    )
    n = len(comparison.documents)
    if (console.width - 20) / n < _MIN_COLUMN:
        _stacked(comparison, options, console)
    else:
        _side_by_side(comparison, options, console)
    _footer(comparison, console)
