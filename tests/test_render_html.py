"""Tests of the HTML report: self-contained, escaped, and checked in a real headless browser."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import check_golden
from tests.render_cases import HOSTILE, hostile, rendered, seeds, three_way


class _Page(HTMLParser):
    """Collect the elements, attributes and visible text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend((tag, name, value) for name, value in attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def test_seeds_golden() -> None:
    check_golden("seeds.html", rendered("html", seeds()))


def test_self_contained_without_scripts() -> None:
    page = _parse(rendered("html", seeds()))
    assert "script" not in page.tags
    assert page.tags.count("style") == 1 and "link" not in page.tags
    # No attribute loads anything: only in-page anchors.
    for tag, name, value in page.attrs:
        assert name not in ("src", "srcset", "action")
        if name == "href":
            assert value is not None and value.startswith("#"), (tag, value)


def test_one_article_per_group_with_a_cell_per_report() -> None:
    c = three_way()
    html = rendered("html", c)
    assert html.count('<article class="group') == len(c.groups)
    assert html.count('<div class="cell') == len(c.groups) * len(c.documents)
    assert '<article class="group kind-divergent" id="g1">' in html
    assert "not in c" in html


def test_word_highlights_in_aligned_cells() -> None:
    html = rendered("html", three_way())
    assert "Rogozin warned of a <mark>500</mark>-tonne structure <mark>falling</mark> on" in html
    assert "NASA said <mark>that</mark> the station" in html
    # A unique group has nothing to differ from.
    assert "<mark>It is home" not in html and "home to four NASA astronauts." in html


def test_legend_summary_and_responsive_print_css() -> None:
    html = rendered("html", seeds())
    assert 'id="legend-h">Legend' in html and 'id="summary-h">Summary' in html
    assert '<meta name="viewport"' in html
    assert "@media (max-width:720px)" in html and "@media print" in html


def test_signal_filter_and_explain() -> None:
    html = rendered("html", three_way(), signal_filter=frozenset({"number"}), explain=True)
    assert html.count('<article class="group') == 1
    assert "Groups (1 of 4)" in html
    assert "a: “500”; b: “400”" in html


def test_hostile_text_is_escaped() -> None:
    html = rendered("html", hostile())
    page = _parse(html)
    assert set(page.tags) <= {
        *("html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "ul", "li"),
        *("strong", "code", "section", "p", "span", "table", "thead", "tbody", "tr", "th"),
        *("td", "div", "dl", "dt", "dd", "mark", "main", "article", "a", "footer"),
    }
    text = "".join(page.text)
    assert HOSTILE[1] in text and "<b>b</b>" in text
    assert "\\x1b[31mRED\\x1b[0m alert [bold red]loud[/]" in text
    assert "\x1b" not in html and "\x07" not in html
    # Attribute values cannot break out of their quotes.
    for tag, name, value in page.attrs:
        if tag == "div" and name == "title":
            assert value is not None and value.startswith(("=evil|name", "<b>b</b>"))


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _dump_dom(html: str, tmp: Path) -> str:
    """Load a page in headless Chromium and return the DOM it built."""
    browser = _chromium()
    if browser is None:
        pytest.skip("no headless Chromium on PATH (Debian: apt-get install chromium)")
    page = tmp / "report.html"
    page.write_text(html, encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="newsdiff-chromium-") as profile:
        result = subprocess.run(
            [
                browser,
                *("--headless", "--no-sandbox", "--disable-gpu"),
                *("--disable-background-networking", "--disable-component-update"),
                *("--disable-sync", "--no-first-run", f"--user-data-dir={profile}"),
                "--dump-dom",
                page.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_chromium_renders_the_seeds_report(tmp_path: Path) -> None:
    c = seeds()
    dom = _dump_dom(rendered("html", c), tmp_path)
    names = " vs ".join(d.id for d in c.documents)
    assert f"<title>newsdiff: {names}</title>" in dom
    assert dom.count('<article class="group') == len(c.groups)
    summary = c.summary()
    assert f">{summary.divergent} divergent</span>" in dom
    assert "The ISS does not fly over Russia, so all the risks are yours." in dom
    assert "<mark>" in dom
    assert "<script" not in dom


def test_chromium_keeps_hostile_text_as_text(tmp_path: Path) -> None:
    dom = _dump_dom(rendered("html", hostile()), tmp_path)
    # Had the markup gone through, the browser would have built these elements.
    assert not re.search(r"<(script|img|i|b)[\s>]", dom)
    assert "&lt;script&gt;alert('x')&lt;/script&gt; and &lt;img src=x onerror=alert(1)&gt;" in dom
    assert "&lt;b&gt;b&lt;/b&gt;" in dom
