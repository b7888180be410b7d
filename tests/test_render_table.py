"""Tests of the terminal table renderer: key, layout by width, marks, filters, names."""

from __future__ import annotations

import io
import re

import pytest

import newsdiff
from newsdiff.render import RenderOptions, render
from newsdiff.render.table import MIN_COLUMN, side_by_side
from newsdiff.render.view import letter, shorten
from tests.conftest import check_golden
from tests.render_cases import seeds, three_way


def _table(texts: list[str], **opts: object) -> str:
    out = io.StringIO()
    render("table", newsdiff.compare(texts), out, RenderOptions(**opts))  # type: ignore[arg-type]
    return out.getvalue()


def _rendered(comparison: newsdiff.Comparison, **opts: object) -> str:
    out = io.StringIO()
    render("table", comparison, out, RenderOptions(**opts))  # type: ignore[arg-type]
    return out.getvalue()


HOSTILE = "The \x1b[31mred\x1b[0m minister [bold red]shouted[/] at [link=http://x]us[/link]."
TOWN = "The storm killed 12 people in the coastal town of Saint-Malo on Sunday."
CITY = "The storm killed 12 people in the coastal city of Saint-Malo on Sunday."


def test_hostile_text_is_inert_and_literal() -> None:
    for color in (True, False):
        out = _table([HOSTILE, "The minister spoke calmly to reporters."], color=color, width=200)
        assert "\x1b[31m" not in out
        assert "\\x1b[31mred" in out
        assert "[bold red]shouted[/]" in out


def test_no_color_has_no_escape_codes_and_explains_its_marks() -> None:
    out = _rendered(seeds(), color=False, width=120)
    assert "\x1b" not in out
    key = out.split("#0")[0]
    # The key comes first: the summary, the report letters, the kinds, k/N and the marks.
    assert key.startswith("2 reports, 27 groups:")
    assert "A  nasa-shrugs-off-roscosmos.txt" in key and "B  nasa-refutes-rogozin.txt" in key
    assert "#n kind k/2 \u00b7 signals: one fact, told in k of the 2 reports" in key
    assert "[-words-]" in key and "{+words+}" in key
    # Said once: nothing of the key is repeated after the groups.
    assert out.count("k/2 ") == 1 and "Legend" not in out


def test_color_underlines_only_the_differing_words() -> None:
    out = _table([TOWN, CITY], color=True, width=200)
    body = out.split("#0")[1]
    # rich writes underline as SGR 4: only the differing words carry it.
    marked = [part.split("\x1b[0m")[0] for part in body.split("\x1b[4m")[1:]]
    assert sorted(marked) == ["city", "town"]
    assert "[-" not in body and "{+" not in body


def test_without_color_differences_stay_visible_as_wdiff_marks() -> None:
    out = _table([TOWN, CITY], color=False, width=200)
    body = out.split("#0")[1]
    assert "coastal [-town-] of" in body and "coastal {+city+} of" in body
    assert body.count("[-") == body.count("{+") == 1


def test_marks_follow_the_model_spans_not_a_new_diff() -> None:
    c = three_way()
    out = _rendered(c, color=False, width=200)
    expected = 0
    for g in c.groups:
        for i, m in enumerate(g.members):
            expected += len(m.spans)
            for start, end in m.spans:
                word = c.documents[m.doc].text[start:end]
                opening, closing = ("[-", "-]") if i == 0 else ("{+", "+}")
                assert f"{opening}{word}{closing}" in out.replace("\n", " ")
    body = out.split("#0", 1)[1]
    assert body.count("[-") + body.count("{+") == expected


@pytest.mark.parametrize("reports", [2, 3, 4])
def test_columns_only_when_each_is_readable(reports: int) -> None:
    a, b = TOWN, CITY
    texts = [a, b, a.replace("Sunday", "Monday"), b.replace("12", "13")][:reports]
    c = newsdiff.compare(texts)
    # The narrowest width with side-by-side columns, and one column less.
    widest_stacked = max(w for w in range(40, 300) if not side_by_side(w, reports))
    for width in (widest_stacked, widest_stacked + 1):
        out = _rendered(c, color=False, width=width)
        group = out.split("#0", 1)[1]
        rows = [line for line in group.splitlines() if "\u2502" in line]
        assert all(len(line) <= width for line in out.splitlines())
        if width == widest_stacked:
            assert not rows
        else:
            # Measured: every text column is at least MIN_COLUMN wide.
            assert rows
            first = min(line.index("\u2502") for line in rows)
            assert first >= MIN_COLUMN


def test_stacked_blocks_name_each_report_by_letter(seed_texts: tuple[str, str]) -> None:
    out = _table([seed_texts[0], seed_texts[1], seed_texts[0]], color=False, width=60)
    assert "#0 " in out and "\u2502" not in out
    assert re.search(r"^A \S", out, re.M) and re.search(r"^C \S", out, re.M)
    assert max(len(line) for line in out.splitlines()) <= 60


def test_no_trailing_spaces_without_color(seed_texts: tuple[str, str]) -> None:
    for width in (60, 80, 120):
        out = _table(list(seed_texts), color=False, width=width)
        assert not [line for line in out.splitlines() if line.endswith(" ")]


def test_kind_filter_counts_what_is_shown() -> None:
    c = seeds()
    divergent = sum(g.kind == "divergent" for g in c.groups)
    out = _rendered(c, color=False, width=120, kinds=frozenset({"divergent"}))
    assert out.splitlines()[-1] == f"{divergent} of {len(c.groups)} groups shown"
    heads = re.findall(r"^#\d+ (\w+)", out, re.M)
    assert heads == ["divergent"] * divergent
    full = _rendered(c, color=False, width=120)
    assert full.splitlines()[-1] == f"{len(c.groups)} groups"


def test_no_legend_keeps_the_report_letters() -> None:
    out = _rendered(seeds(), color=False, width=120, legend=False)
    assert "A  nasa-shrugs-off-roscosmos.txt" in out
    assert "k/2" not in out and "[-words-]" not in out


def test_unique_groups_say_where_they_are() -> None:
    out = _table([TOWN, "A second, unrelated sentence about the weather in Oslo."], color=False)
    assert "only in A" in out and "only in B" in out


def test_long_names_are_cut_at_word_borders_keeping_the_end() -> None:
    names = [
        "reuters-2024-03-01-storm-hits-the-northern-coast.txt",
        "associated-press-2024-03-01-storm-hits-the-southern-coast.txt",
    ]
    c = newsdiff.compare(
        [newsdiff.Document(id=n, text=t) for n, t in zip(names, [TOWN, CITY], strict=True)]
    )
    out = _rendered(c, color=False, width=80)
    header = next(line for line in out.splitlines() if "\u2502" in line)
    assert "\u2026" in header
    for part in header.split("\u2502"):
        name = part.strip()[2:]
        head, tail = name.split("\u2026")
        full = next(n for n in names if n.endswith(tail))
        # Both sides of the ellipsis are whole words of the name, and its end is kept.
        assert full.startswith(head) and head.endswith("-") and tail.endswith("coast.txt")


@pytest.mark.parametrize("width", [8, 12, 20, 25, 40])
def test_shorten_fits_and_keeps_the_extension(width: int) -> None:
    for name in ("nasa-shrugs-off-roscosmos.txt", "averyveryverylongsinglewordname.txt"):
        short = shorten(name, width)
        assert len(short) <= width
        if width >= 20:
            assert short.endswith(".txt")
    assert shorten("short.txt", 20) == "short.txt"


def test_letters_go_on_past_z() -> None:
    assert [letter(i) for i in (0, 1, 25, 26, 27, 51, 52)] == [
        "A",
        "B",
        "Z",
        "AA",
        "AB",
        "AZ",
        "BA",
    ]


@pytest.mark.parametrize("width", [80, 120, 200])
def test_seeds_golden_plain(width: int) -> None:
    check_golden(f"seeds.table{width}.txt", _rendered(seeds(), color=False, width=width))


def test_seeds_golden_color() -> None:
    check_golden("seeds.table.color.txt", _rendered(seeds(), color=True, width=120))


PARAGRAPHS = [
    "The council approved the new bridge on Tuesday after a long debate.",
    "Construction will start in spring and last two years.",
    "The mayor said the project would create three hundred jobs.",
    "Opponents argued the money should go to schools instead.",
    "A final vote on the budget is expected next month.",
]


def test_a_moved_paragraph_is_named_and_counted() -> None:
    from newsdiff.render.view import moved

    reordered = [PARAGRAPHS[i] for i in (0, 1, 3, 4, 2)]
    same = newsdiff.compare(["\n\n".join(PARAGRAPHS), "\n\n".join(PARAGRAPHS)])
    assert moved(same) == {}
    c = newsdiff.compare(["\n\n".join(PARAGRAPHS), "\n\n".join(reordered)])
    assert all(g.kind == "shared" for g in c.groups)
    # One paragraph moved: exactly its group, in report B; the rest keep their order.
    moves = moved(c)
    assert list(moves.values()) == [(1,)]
    (index,) = moves
    member = c.groups[index].member(0)
    assert member is not None and "mayor" in c.documents[0].sentences[member.sentences[0]].text
    out = _rendered(c, color=False, width=120)
    assert "; 1 moved" in out.splitlines()[0]
    assert f"#{index} shared 2/2 \u00b7 moved in B: A \u00b63, B \u00b65" in out
    html = io.StringIO()
    render("html", c, html, RenderOptions())
    assert "moved in doc2</span> (doc1 \u00b63, doc2 \u00b65)" in html.getvalue()


def test_moves_are_counted_per_other_report() -> None:
    from newsdiff.render.view import moved

    first = "\n\n".join(PARAGRAPHS)
    swapped = "\n\n".join([PARAGRAPHS[1], PARAGRAPHS[0], *PARAGRAPHS[2:]])
    c = newsdiff.compare([first, first, swapped])
    moves = moved(c)
    # Only the third report changed the order, and one swap moves one fact.
    assert len(moves) == 1 and list(moves.values()) == [(2,)]
