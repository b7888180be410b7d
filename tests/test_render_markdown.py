"""Tests of the Markdown renderer: a GFM table that renders, with hostile text shown literally."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from markdown_it import MarkdownIt

from tests.conftest import check_golden
from tests.render_cases import hostile, rendered, seeds, three_way


class _Tags(HTMLParser):
    """Collect the tags and the table cell texts of rendered Markdown."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _render(markdown: str) -> _Tags:
    """Render Markdown as a CommonMark + GFM-tables parser does and collect the result."""
    parsed = _Tags()
    parsed.feed(MarkdownIt("commonmark").enable("table").render(markdown))
    return parsed


def test_seeds_golden() -> None:
    check_golden("seeds.md", rendered("markdown", seeds()))


def test_table_renders_one_row_per_group() -> None:
    c = seeds()
    page = _render(rendered("markdown", c))
    assert page.tags.count("table") == 2
    header = ["#", "kind", "coverage", *(d.id for d in c.documents), "signals"]
    rows = page.rows[page.rows.index(header) + 1 :]
    assert [r[0] for r in rows] == [str(g.index) for g in c.groups]
    assert [r[1] for r in rows] == [g.kind for g in c.groups]


def test_differing_words_are_bold() -> None:
    md = rendered("markdown", three_way())
    # Bold, and inside the bold wdiff's marks: [-first report-], {+other reports+}.
    assert "a **\\[-500-\\]**-tonne structure **\\[-falling-\\]** on" in md
    assert "a **{+400+}**-tonne structure. **{+It could fall+}** on India" in md
    assert "NASA said **{+that+}** the station" in md


def test_hostile_text_is_literal_after_rendering() -> None:
    c = hostile()
    page = _render(rendered("markdown", c))
    assert not {"script", "img", "i", "b", "code", "em", "a", "s", "del"} & set(page.tags)
    cells = [cell for row in page.rows for cell in row]
    assert "<script>alert('x')</script> and <img src=x onerror=alert(1)> here." in cells
    assert "=cmd|' /C calc'!A0" in cells
    assert "a | b | `code` **bold** @\u200boctocat #\u200b12 &amp; $x$." in cells
    assert "\\x1b[31mRED\\x1b[0m alert [bold red]loud[/] text\\x07." in cells
    # Report names with pipes and tags stay one header cell each.
    assert ["#", "kind", "coverage", "=evil|name", "<b>b</b>", "signals"] in page.rows


def test_every_row_has_the_header_column_count() -> None:
    md = rendered("markdown", hostile())
    table = [line for line in md.splitlines() if line.startswith("| #")]
    header = table[0]
    rows = [line for line in md.splitlines() if line.startswith("| ")][-7:]
    count = len(re.findall(r"(?<!\\)\|", header))
    assert all(len(re.findall(r"(?<!\\)\|", row)) == count for row in rows)
