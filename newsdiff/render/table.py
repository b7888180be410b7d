"""The terminal renderer: a key on top, then each group as a head line and its reports' texts.

Reports are named by column letters (A, B, ...) listed in the key. Texts stand side by side
when each column is wide enough to read, otherwise they are stacked one under another.
Differing words are underlined in colour, or wrapped in wdiff-style marks without colour.
"""

from __future__ import annotations

import io
import re
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, TextIO

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsdiff.model import Comparison, Group, Member
from newsdiff.render import RenderOptions, register
from newsdiff.render.escape import inert, one_line
from newsdiff.render.view import (
    elsewhere_text,
    letter,
    moved,
    moved_places,
    shorten,
    shown_text,
    signal_line,
    text_pieces,
    told_in,
    visible_groups,
)

if TYPE_CHECKING:
    from newsdiff.render.explain import GroupEvidence

KIND_STYLE = {"shared": "green", "divergent": "yellow", "unique": "cyan"}
KIND_HELP = {
    "shared": "same fact, same substance",
    "divergent": "same fact, told differently",
    "unique": "in one report only",
}
# The narrowest text column shown side by side: a newspaper column holds 28 to 40
# characters (five or six words a line), so 30 is as narrow as news is printed. Below
# it the texts are stacked, each at the full width.
MIN_COLUMN = 30
# Between two side-by-side columns: a space, the rule and a space.
_GUTTER = 3
# wdiff's marks: words of the first report of a group that another lacks, and words of
# the other reports that the first (or another) lacks.
MARK_FIRST = ("[-", "-]")
MARK_OTHER = ("{+", "+}")
# Line breaks, tabs and line separators inside a cell become one space each, keeping the
# offsets of highlights: rich drops "\r" and expands tabs (which shifted the highlights
# and glued words together) and passed U+2028/U+2029 to the terminal raw.
_SPACES = str.maketrans(dict.fromkeys("\t\n\r\x0b\x0c\x85\u2028\u2029", " "))


_TRAILING = re.compile(" +\n")
# rich's own default when the terminal's height is unknown.
_HEIGHT = 25


class _Console(Console):
    """A Console that lets a closed pipe surface as BrokenPipeError for the CLI to handle.

    rich's own handler exits with status 1, which means "check failed" for newsdiff.
    """

    def on_broken_pipe(self) -> None:
        """Raise instead of exiting."""
        raise BrokenPipeError


def side_by_side(width: int, reports: int) -> bool:
    """Tell whether reports fit side by side at this width, each column MIN_COLUMN or wider."""
    return (width - _GUTTER * (reports - 1)) // reports >= MIN_COLUMN


def _cell(comparison: Comparison, group: Group, member: Member, color: bool) -> Text:
    """Return a member's text with the words that differ from another member shown."""
    doc = comparison.documents[member.doc]
    first, last = doc.sentences[member.sentences[0]], doc.sentences[member.sentences[-1]]
    start, end = first.start, last.end
    if not color:
        # Plain text: the model's spans wrapped in wdiff's marks, leftmost member first.
        opening, closing = MARK_FIRST if member is group.members[0] else MARK_OTHER
        parts = []
        for piece in text_pieces(doc.text, start, end, member.spans):
            shown = inert(piece.text.translate(_SPACES))
            parts.append(f"{opening}{shown}{closing}" if piece.differs else shown)
        # One Text of the joined pieces: appending them one by one gives the same text.
        return Text("".join(parts))
    raw = doc.text[start:end].translate(_SPACES)
    text = Text(inert(raw))
    # Where each character of the report text lands in the shown text: a control
    # character is shown as a longer escape, which shifts everything after it.
    at = [0]
    for ch in raw:
        at.append(at[-1] + len(inert(ch)))
    # The words the model marks as differing (the same spans the HTML and Markdown paint).
    for span_start, span_end in member.spans:
        text.stylize("underline", at[span_start - start], at[span_end - start])
    for sig in (*group.signals, *group.marks):
        for ev in sig.evidence:
            if ev.doc == member.doc and start <= ev.start < ev.end <= end:
                text.stylize("bold magenta", at[ev.start - start], at[ev.end - start])
    return text


def _moved_text(comparison: Comparison, group: Group, docs: tuple[int, ...]) -> str:
    """Return `moved in B: A ¶2, B ¶7`: which reports moved the fact, and where it stands."""
    where = ", ".join(f"{letter(d)} \u00b6{p}" for d, p in moved_places(comparison, group, docs))
    return f"moved in {', '.join(letter(d) for d in docs)}: {where}"


def _head(
    comparison: Comparison,
    group: Group,
    options: RenderOptions,
    moves: dict[int, tuple[int, ...]],
    evidence: dict[int, GroupEvidence] | None = None,
) -> list[tuple[str, Text]]:
    """Return a group's head rows: number, kind, k/N, then its signals (wrapped past the #).

    With --explain, one row per pair of its reports follows: their similarity and what
    linked them.
    """
    n = len(comparison.documents)
    head = Text()
    head.append(f"{group.kind} {group.coverage}/{n}", style=KIND_STYLE[group.kind])
    parts = [one_line(signal_line(s, letter)) for s in (*group.signals, *group.marks)]
    if options.explain and group.kind != "unique":
        # The mean of the pairs' similarities listed under the head (a unique group has none).
        parts.insert(0, f"sim {group.similarity:.2f}")
    if group.elsewhere:
        parts.insert(0, elsewhere_text(group, letter))
    if group.index in moves:
        parts.insert(0, _moved_text(comparison, group, moves[group.index]))
    if group.kind == "unique":
        only = ", ".join(letter(m.doc) for m in group.members)
        parts.insert(0, f"only in {only}")
    for part in parts:
        head.append(" \u00b7 ", style="dim")
        head.append(part)
    rows = [(f"#{group.index}", head)]
    explained = (evidence or {}).get(group.index)
    if explained is not None:
        from newsdiff.render.explain import pair_text

        letters = [letter(i) for i in range(n)]
        for pair in explained.pairs:
            rows.append(("", Text(one_line(pair_text(pair, letters)), style="dim")))
        if explained.more:
            more = f"{explained.more} more pair{'' if explained.more == 1 else 's'}"
            rows.append(("", Text(more, style="dim")))
    return rows


# Characters one cell wide in every terminal and in rich's measure, none of them a line
# break or white space other than " ": printable ASCII, Latin-1's letters and signs (not its
# no-break space or soft hyphen), the head's dot and pilcrow, the usual punctuation of news.
_NARROW = frozenset(
    [chr(c) for c in range(0x20, 0x7F)]
    + [
        ch
        for ch in [chr(c) for c in range(0xA1, 0x100) if c != 0xAD]
        + list("\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac")
        if ch.isprintable() and cell_len(ch) == 1
    ]
)
_WORD = re.compile(r"\s*\S+\s*")


def wrap_narrow(text: str, width: int) -> list[str]:
    """Return the lines rich wraps a text of one-cell characters into, folding long words.

    The same breaks as rich's divide_line, with lengths for cell counts; each line is cut at
    the width (only its trailing spaces can pass it, which the plain output drops anyway).
    """
    if len(text) <= width:
        return [text]  # every word fits: one line (most heads, short sentences)
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:
            # Folded into pieces of the width, the last one carrying on the line.
            pieces = [word[i : i + width] for i in range(0, len(word), width)]
            for last, piece in enumerate(pieces, 1 - len(pieces)):
                if start:
                    breaks.append(start)
                if last == 0:
                    offset = len(piece)
                else:
                    start += len(piece)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    bounds = [0, *breaks, len(text)]
    return [text[a:b][:width] for a, b in pairwise(bounds)]


# Tests turn this off to compare the direct writing of labelled rows with rich's grid.
_DIRECT = True


def _print_labelled(console: Console, rows: list[tuple[str, Text]], color: bool) -> None:
    """Print bold labels (never wrapped) and texts wrapped past them, as a rich grid would.

    Without colour the grid's lines are written directly: each text wrapped by rich at the
    width the grid gives it (the console's, less the widest label and a space), the label
    and the indent before it. A grid re-measures every cell and pads and re-splits every
    line, which made the table most of newsdiff's time on a large corpus; the text is the
    same (trailing spaces, which differ, are taken off the plain output).
    """
    width = max(len(label) for label, _ in rows) + 1
    room = console.width - width
    if (
        color
        or not _DIRECT
        or room < 2
        or not all(label.isascii() for label, _ in rows)
        # The grid measures a tab as one cell but wraps it expanded: let it do so.
        or any("\t" in text.plain for _, text in rows)
    ):
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, style="bold")
        grid.add_column(overflow="fold")
        for label, text in rows:
            grid.add_row(label, text)
        console.print(grid)
        return
    # The options a grid's cell is rendered with (Table._render's, for this column).
    options = console.options.update(
        width=room, justify=None, no_wrap=False, overflow="fold", height=None, highlight=False
    )
    indent = " " * width
    out: list[str] = []
    for label, text in rows:
        plain = text.plain
        if _NARROW.issuperset(plain):
            # One cell a character and no line break: rich's wrap without its segments.
            for i, shown in enumerate(wrap_narrow(plain, room)):
                out.append(label.ljust(width) if i == 0 else indent)
                out.append(shown)
                out.append("\n")
            continue
        lines = console.render_lines(text, options, pad=False) or [[]]
        for i, line in enumerate(lines):
            out.append(label.ljust(width) if i == 0 else indent)
            out.extend(segment.text for segment in line)
            out.append("\n")
    console.file.write("".join(out))


def _blank_line(console: Console, color: bool) -> None:
    """Print an empty line (written directly without colour, as `console.print()` writes it)."""
    if color or not _DIRECT:
        console.print()
    else:
        console.file.write("\n")


def _columns(reports: int, width: int) -> Table:
    """Return an empty borderless table with one column per report, all as wide, rules between."""
    table = Table(
        box=box.MINIMAL,
        show_header=False,
        show_edge=False,
        padding=(0, 1),
        pad_edge=False,
    )
    for _ in range(reports):
        # A fixed width, so that the same text wraps the same way in every column.
        table.add_column(width=width, overflow="fold")
    return table


def _print_side_by_side(
    comparison: Comparison,
    groups: list[Group],
    options: RenderOptions,
    console: Console,
    moves: dict[int, tuple[int, ...]],
    evidence: dict[int, GroupEvidence],
) -> None:
    """Print a header row of letters and names, then per group its head and its columns."""
    docs = comparison.documents
    # The gutters hold the padding, so each text column gets the whole room.
    room = (console.width - _GUTTER * (len(docs) - 1)) // len(docs)
    header = _columns(len(docs), room)
    header.add_row(
        *(
            Text(f"{letter(i)} {shorten(one_line(d.id), room - 2)}", style="bold")
            for i, d in enumerate(docs)
        )
    )
    console.print(header)
    console.rule(style="dim")
    for g in groups:
        _print_labelled(console, _head(comparison, g, options, moves, evidence), options.color)
        row = _columns(len(docs), room)
        cells = []
        for d in range(len(docs)):
            m = g.member(d)
            if m is not None:
                cells.append(_cell(comparison, g, m, options.color))
            else:
                home = told_in(g, d)
                cells.append(Text() if home is None else Text(f"told in #{home}", style="dim"))
        row.add_row(*cells)
        console.print(row)
        console.print()


def _print_stacked(
    comparison: Comparison,
    groups: list[Group],
    options: RenderOptions,
    console: Console,
    moves: dict[int, tuple[int, ...]],
    evidence: dict[int, GroupEvidence],
) -> None:
    """Print per group its head and one block per report, text indented past the letter."""
    for g in groups:
        _print_labelled(console, _head(comparison, g, options, moves, evidence), options.color)
        cells = [(letter(m.doc), _cell(comparison, g, m, options.color)) for m in g.members]
        _print_labelled(console, cells, options.color)
        _blank_line(console, options.color)


def _key(comparison: Comparison, options: RenderOptions, console: Console, moves: int) -> None:
    """Print the key: the summary, each report with its letter and shares, what marks mean."""
    summ = comparison.summary()
    groups = f"{summ.groups} group{'' if summ.groups == 1 else 's'}"
    counts = Text(f"{summ.documents} reports, {groups}: ", style="bold")
    for i, kind in enumerate(("shared", "divergent", "unique")):
        counts.append(", " if i else "")
        counts.append(f"{getattr(summ, kind)} {kind}", style=KIND_STYLE[kind])
    if summ.documents > 1:
        # Facts another report tells in a different order than the first (A).
        counts.append(f"; {moves} moved")
    console.print(counts)
    names = [one_line(d.id) for d in comparison.documents]
    heads = ("sentences", "shared", "divergent", "unique", "boilerplate")
    rows: list[list[str]] = []
    for percent in (True, False):
        rows = []
        for ds in summ.per_document:
            content = max(1, ds.sentences - ds.boilerplate)
            shares = [ds.shared, ds.divergent, ds.unique]
            rows.append(
                [
                    str(ds.sentences),
                    *(f"{x} ({100 * x / content:.0f}%)" if percent else str(x) for x in shares),
                    str(ds.boilerplate),
                ]
            )
        # What the letter, the numbers and the spaces between columns take.
        fixed = len(letter(len(names) - 1)) + 2 * len(heads) + 2
        fixed += sum(max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(heads))
        room = console.width - fixed
        # Shares in per cent go first when the names would not fit beside them.
        if room >= max(len(name) for name in names):
            break
    table = [[letter(i), shorten(names[i], max(room, 12)), *row] for i, row in enumerate(rows)]
    if options.color or not _DIRECT or not _print_columns(console, ["", "report", *heads], table):
        per = Table(box=None, header_style="bold", pad_edge=False, padding=(0, 1))
        per.add_column("", no_wrap=True)
        per.add_column("report", no_wrap=True)
        for col in heads:
            per.add_column(col, justify="right", no_wrap=True)
        for cells in table:
            per.add_row(Text(cells[0], style="bold"), *cells[1:])
        console.print(per)
    if not options.legend:
        return
    n = len(comparison.documents)
    told = any(g.elsewhere for g in comparison.groups)
    if not options.color and _DIRECT:
        # The same n and width give the same legend: rendered by rich once, then reused.
        console.file.write(_plain_legend(n, console.width, told))
        return
    console.print(_legend(n, options.color, told))


def _print_columns(console: Console, heads: list[str], rows: list[list[str]]) -> bool:
    """Write the key's per-report table as rich lays it out plain; False when it cannot.

    rich's borderless table of no-wrap columns, padded by one space on each inner side
    (the first two columns to the left, the numbers to the right), each as wide as its
    widest cell: written directly while every cell is one cell a character and the
    table fits the console (otherwise rich squeezes columns, and rich prints it).
    """
    cells = [heads, *rows]
    if not all(_NARROW.issuperset(cell) for row in cells for cell in row):
        return False
    widths = [max(len(row[i]) for row in cells) for i in range(len(heads))]
    if sum(widths) + 2 * (len(widths) - 1) > console.width:
        return False
    lines = []
    for row in cells:
        left = [row[i].ljust(widths[i]) for i in range(2)]
        right = [row[i].rjust(widths[i]) for i in range(2, len(row))]
        lines.append("  ".join(left + right) + "\n")
    console.file.write("".join(lines))
    return True


@lru_cache(maxsize=64)
def _plain_legend(n: int, width: int, told: bool = False) -> str:
    """Return the legend as a plain console `width` wide prints it (see `_legend`)."""
    out = io.StringIO()
    console = _Console(
        file=out,
        width=width,
        height=_HEIGHT,
        no_color=True,
        color_system=None,
        force_terminal=False,
        markup=False,
        emoji=False,
        highlight=False,
    )
    console.print(_legend(n, False, told))
    return out.getvalue()


def _legend(n: int, color: bool, told: bool = False) -> Table:
    """Return the legend: what a group's head says, the kinds, what the marks mean.

    `told`: some group names a report that states its fact in another group's sentence.
    """
    kinds = Text()
    for i, (kind, help_text) in enumerate(KIND_HELP.items()):
        kinds.append("; " if i else "")
        kinds.append(kind, style=KIND_STYLE[kind])
        kinds.append(f" = {help_text}")
    head_help = Text(
        f"#n kind k/{n} \u00b7 signals: one fact, told in k of the {n} reports; moved in B: "
        "B tells it in another order than A (\u00b6 = paragraph)"
        + ("; also told in C #5: C states it in a sentence of group #5" if told else "")
    )
    if color:
        marks = Text("underlined", style="underline")
        marks.append(" = words another report of the group lacks; ")
        marks.append("magenta", style="bold magenta")
        marks.append(" = the words a signal is about")
    else:
        marks = Text(
            f"{MARK_FIRST[0]}words{MARK_FIRST[1]} in a group's first report, "
            f"{MARK_OTHER[0]}words{MARK_OTHER[1]} in the others: words another report "
            "of the group lacks"
        )
    # A label column, so that a wrapped line starts under its text, not under the label.
    legend = Table.grid(padding=(0, 1))
    legend.add_column(no_wrap=True, style="bold")
    legend.add_column(overflow="fold")
    legend.add_row("groups", head_help)
    legend.add_row("kinds", kinds)
    legend.add_row("marks", marks)
    return legend


def _footer(comparison: Comparison, shown: int, options: RenderOptions, console: Console) -> None:
    """Print the boilerplate left out of the comparison and how many groups were shown."""
    boiler = [
        (i, s) for i, doc in enumerate(comparison.documents) for s in doc.sentences if s.boilerplate
    ]
    if boiler:
        console.print(Text("Boilerplate (not compared):", style="bold dim"))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, style="bold")
        grid.add_column(overflow="fold", style="dim")
        for index, s in boiler:
            grid.add_row(letter(index), one_line(s.text))
        console.print(grid)
    console.print(Text(shown_text(comparison, shown, options), style="bold"))


@register("table")
def render_table(comparison: Comparison, stream: TextIO, options: RenderOptions) -> None:
    """Write the comparison for a terminal: key, groups (side by side or stacked), footer."""
    # Without colour the text is written once rendered, with the padding rich adds at the
    # end of each line taken off (it shows in files and diffs, and wraps in narrow pagers).
    plain = None if options.color else io.StringIO()
    console = _Console(
        file=plain or stream,
        width=options.width,
        # No renderable here depends on the height; given, rich stops asking the terminal
        # for its size on every print (a few system calls each, thousands of prints).
        height=_HEIGHT,
        no_color=not options.color,
        # Only the eight standard colours are used: the same codes on every terminal.
        color_system="standard" if options.color else None,
        force_terminal=options.color,
        markup=False,
        emoji=False,
        highlight=False,
    )
    groups = visible_groups(comparison, options)
    moves = moved(comparison)
    evidence: dict[int, GroupEvidence] = {}
    if options.explain:
        # Imported only here: it rebuilds alignment's sentence bags.
        from newsdiff.render.explain import explain_groups

        evidence = explain_groups(comparison, groups)
    _key(comparison, options, console, len(moves))
    console.print()
    if side_by_side(console.width, len(comparison.documents)):
        _print_side_by_side(comparison, groups, options, console, moves, evidence)
    else:
        _print_stacked(comparison, groups, options, console, moves, evidence)
    _footer(comparison, len(groups), options, console)
    if plain is not None:
        stream.write(_TRAILING.sub("\n", plain.getvalue()))
