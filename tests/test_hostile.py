"""Hostile report text through the whole pipeline and every output format.

The renderer tests check each escaping function on hand-built comparisons; these run
real files through the CLI (and random hostile texts through the library) and check
each medium's own rule: nothing reaches a terminal that acts on it, no tag or attribute
reaches a browser, no formula a spreadsheet, no pipe breaks a Markdown table; and JSON
still carries the exact text.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from typer.testing import CliRunner

import newsdiff
from newsdiff.cli.app import app
from newsdiff.model import Comparison
from newsdiff.render import RenderOptions, formats, render
from tests.strategies import CI, compare_or_none, reports

runner = CliRunner()

# Text that acts on a terminal, a browser, a spreadsheet or a Markdown page if passed raw.
REPORT_A = (
    "The \x1b[31mred\x1b[0m minister [bold red]shouted[/] at [link=https://evil.example]us"
    "[/link] on Monday.\n\n"
    "\x1b]0;pwned\x07Officials said 500 people\x1b[2J were moved.\n\n"
    '=HYPERLINK("https://evil.example","click") said the mayor.\n\n'
    "+1 more | a | b | said the police, <script>alert(1)</script> and "
    '<img src=x onerror="alert(2)"> too.\n\n'
    "@SUM(A1) -2 \u202eevil\u202c \x9b31m end\x07.\n\n"
    "Line\u2028separated\u2029paragraph\x85next \x00nul \x08back\rreturn.\n"
)
REPORT_B = (
    "The red minister shouted at us on Monday.\n\n"
    "Officials said 400 people were moved.\n\n"
    '-HYPERLINK("https://evil.example") said the mayor.\n\n'
    "+1 more | a | b | said the police, <script>alert(1)</script> too.\n"
)
NAMES = "=evil|<b>name</b>\x1b[31m,@b \"q\" 'r' |x|"

SGR = re.compile(r"\x1b\[[0-9;]*m")
# What must never reach a terminal raw: C0 (but newline), DEL, C1, line/paragraph
# separators and the bidi embeddings, overrides and isolates.
TERMINAL_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
FORMULA_START = tuple("=+-@\t\r")
HTML_TAGS = {
    *("html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "ul", "li"),
    *("strong", "code", "section", "p", "span", "table", "thead", "tbody", "tr", "th"),
    *("td", "div", "dl", "dt", "dd", "mark", "main", "article", "a", "footer", "details"),
    "summary",
}


class _Page(HTMLParser):
    """Collect tags, attributes and text of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def check_output(fmt: str, out: str, comparison: Comparison | None = None) -> None:
    """Check the output of one format against its medium's rule."""
    if fmt == "html":
        page = _Page()
        page.feed(out)
        assert page.tags <= HTML_TAGS, page.tags - HTML_TAGS
        assert "\x1b" not in out and "\x07" not in out and "\x00" not in out
        for name, value in page.attrs:
            assert not name.startswith("on"), name  # no event handler from the input
            if name == "href":
                assert value is not None and value.startswith("#"), value
        return
    plain = SGR.sub("", out) if fmt == "table" else out
    unsafe = set(TERMINAL_UNSAFE.findall(plain)) - ({"\t"} if fmt == "tsv" else set())
    assert not unsafe, (fmt, unsafe)
    if fmt in ("csv", "tsv"):
        sep = "," if fmt == "csv" else "\t"
        rows = list(csv.reader(io.StringIO(out), delimiter=sep, quoting=csv.QUOTE_MINIMAL))
        width = len(rows[0])
        for row in rows:
            assert len(row) == width, row
            for cell in row:
                assert not cell.startswith(FORMULA_START), cell
    elif fmt == "markdown":
        table = [line for line in out.splitlines() if line.startswith("| #")]
        header = table[0]
        count = len(re.findall(r"(?<!\\)\|", header))
        rows = out.splitlines()[out.splitlines().index(header) :]
        for row in rows:
            if row.startswith("|"):
                assert len(re.findall(r"(?<!\\)\|", row)) == count, row
    elif fmt in ("json", "jsonl") and comparison is not None:
        lines = [out] if fmt == "json" else out.splitlines()
        objs = [json.loads(line) for line in lines]
        if fmt == "json":
            got = [d["text"] for d in objs[0]["documents"]]
            assert got == [d.text for d in comparison.documents]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    root = tmp_path_factory.mktemp("hostile")
    paths = []
    for name, text in (("a.txt", REPORT_A.replace("\x00", "")), ("b.txt", REPORT_B)):
        path = root / name
        path.write_text(text, encoding="utf-8", newline="")
        paths.append(str(path))
    return paths


@pytest.mark.parametrize("fmt", formats())
def test_every_format_is_inert_end_to_end(files: list[str], fmt: str) -> None:
    r = runner.invoke(app, ["compare", *files, "-f", fmt, "--names", NAMES, "--width", "120"])
    assert r.exit_code == 0, r.stderr
    assert r.stderr == ""
    check_output(fmt, r.stdout)
    if fmt == "json":
        texts = [d["text"] for d in json.loads(r.stdout)["documents"]]
        assert texts == [Path(f).read_bytes().decode() for f in files]  # unaltered, \r too


def test_terminal_table_in_color_is_inert_and_shows_markup_literally(files: list[str]) -> None:
    docs = [newsdiff.load(f) for f in files]
    out = io.StringIO()
    render("table", newsdiff.compare(docs), out, RenderOptions(color=True, width=200))
    text = out.getvalue()
    check_output("table", text)
    plain = SGR.sub("", text)
    assert "[bold red]shouted[/]" in plain and "[link=https://evil.example]us[/link]" in plain
    assert "\\x1b[31mred\\x1b[0m" in plain and "\\x1b]0;pwned\\x07" in plain
    assert "\\u202eevil\\u202c" in plain and "\\x9b31m" in plain
    assert "\x1b]8;" not in text  # rich made no hyperlink of the [link=...] text


def test_html_keeps_hostile_text_as_text(files: list[str]) -> None:
    r = runner.invoke(app, ["compare", *files, "-f", "html", "--names", NAMES])
    assert r.exit_code == 0, r.stderr
    page = _Page()
    page.feed(r.stdout)
    text = "".join(page.text)
    assert "<script>alert(1)</script>" in text and 'onerror="alert(2)"' in text
    assert "script" not in page.tags and "img" not in page.tags
    assert "=evil|<b>name</b>" in text


def test_csv_formulas_are_neutralised_but_kept(files: list[str]) -> None:
    r = runner.invoke(app, ["compare", *files, "-f", "csv", "--names", NAMES])
    assert r.exit_code == 0, r.stderr
    cells = [cell for row in csv.reader(io.StringIO(r.stdout)) for cell in row]
    assert any(c.startswith("'=HYPERLINK(") for c in cells)
    assert any(c.startswith("'-HYPERLINK(") for c in cells)
    assert any(c.startswith("'+1 more | a | b |") for c in cells)
    assert any(c.startswith("'@SUM(A1)") for c in cells)
    assert "'=evil|<b>name</b>\\x1b[31m" in cells


@settings(CI, max_examples=25)
@given(reports)
def test_any_text_renders_inert_in_every_format(texts: list[str]) -> None:
    comparison = compare_or_none(texts)
    if comparison is None:
        return
    for fmt in formats():
        for color in (False, True) if fmt == "table" else (False,):
            out = io.StringIO()
            render(fmt, comparison, out, RenderOptions(color=color, width=100))
            check_output(fmt, out.getvalue(), comparison)
