"""Tests of the terminal table renderer."""

from __future__ import annotations

import io

import newsdiff
from newsdiff.render import RenderOptions, render


def _table(texts: list[str], **opts: object) -> str:
    out = io.StringIO()
    render("table", newsdiff.compare(texts), out, RenderOptions(**opts))  # type: ignore[arg-type]
    return out.getvalue()


HOSTILE = "The \x1b[31mred\x1b[0m minister [bold red]shouted[/] at [link=http://x]us[/link]."


def test_hostile_text_is_inert_and_literal() -> None:
    out = _table([HOSTILE, "The minister spoke calmly to reporters."], color=True, width=200)
    assert "\x1b[31m" not in out
    assert "\\x1b[31mred" in out
    assert "[bold red]shouted[/]" in out


def test_no_color_has_no_escape_codes(seed_texts: tuple[str, str]) -> None:
    out = _table(list(seed_texts), color=False, width=120)
    assert "\x1b" not in out
    assert "Groups:" in out and "Legend:" in out


def test_color_highlights_differing_words() -> None:
    a = "The storm killed 12 people in the coastal town of Saint-Malo on Sunday."
    b = "The storm killed 12 people in the coastal city of Saint-Malo on Sunday."
    out = _table([a, b], color=True, width=200)
    # rich writes bold underline as SGR 1;4: only the differing words carry it.
    rows = out.split("Legend")[0]
    marked = [part.split("\x1b[0m")[0] for part in rows.split("\x1b[1;4m")[1:]]
    assert sorted(marked) == ["city", "town"]


def test_narrow_or_many_reports_are_stacked(seed_texts: tuple[str, str]) -> None:
    out = _table([seed_texts[0], seed_texts[1], seed_texts[0]], color=False, width=60)
    assert "#0 " in out and "doc1: " in out
    assert max(len(line) for line in out.splitlines()) <= 60
