"""Tests of saved web pages as inputs: decoding as a browser would, main text via trafilatura."""

from __future__ import annotations

import html
import importlib.abc
import sys
from pathlib import Path

import pytest

from newsdiff.errors import InputError
from newsdiff.sources import read_documents
from newsdiff.sources.html import declared_charset, decode_html, extract_text
from newsdiff.text.segment import segment

ARTICLE = [
    "NASA on Friday shrugged off warnings by the head of Roscosmos about the station.",
    "Dmitry Rogozin had said on Thursday that the sanctions would destroy cooperation.",
    "The new export control measures will continue to allow US-Russia civil space cooperation.",
    "Москва продолжит анализировать новые санкции США.",
]


def page(charset: str = "utf-8") -> str:
    """Return a news page with navigation, a sidebar and a footer around the article."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in ARTICLE)
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>Site | News</title>'
        '<script>var tracker = "never shown";</script></head><body>'
        '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>'
        f"<article><h1>NASA shrugs off warning</h1>{body}</article>"
        "<aside><h3>Most read</h3><ul><li><a href='/a'>Celebrity gossip one</a></li>"
        "<li><a href='/b'>Celebrity gossip two</a></li></ul></aside>"
        "<footer><p>Copyright 2022 Example News. All rights reserved.</p></footer>"
        "</body></html>"
    )


def test_declared_charset() -> None:
    assert declared_charset(b'<meta charset="windows-1251">') == "windows-1251"
    assert (
        declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=KOI8-R">')
        == "koi8-r"
    )
    assert declared_charset(b"<p>charset=nothing</p>") is None


def test_decode_follows_meta_charset_then_encoding_option() -> None:
    data = page("windows-1251").encode("cp1251")
    assert "Москва продолжит" in decode_html(data, "p.html")
    # --encoding wins over what the page says.
    assert "Москва" not in decode_html(data, "p.html", encoding="latin-1")


def test_decode_boms_and_utf8() -> None:
    text = page()
    assert decode_html(b"\xef\xbb\xbf" + text.encode(), "p.html") == text
    assert decode_html(text.encode("utf-16"), "p.html") == text
    assert decode_html(text.encode(), "p.html") == text


def test_undecodable_page_names_offset_and_option() -> None:
    data = page("utf-8").encode() + b"\xff\xfe\xfa"
    with pytest.raises(
        InputError, match=r"p\.html: cannot decode as utf-8 at byte \d+.*--encoding"
    ):
        decode_html(data, "p.html")
    bad_declared = page("ascii").encode("utf-8")
    with pytest.raises(InputError, match=r"declared by the page.*--encoding"):
        decode_html(bad_declared, "p.html")


def test_missing_trafilatura_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(InputError, match=r"pip install 'newsdiff\[html\]'"):
        extract_text(page(), "p.html")


def test_extracts_the_article_not_the_furniture(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura", reason="the optional extra newsdiff[html] is not installed")
    path = tmp_path / "page.htm"
    path.write_bytes(page("windows-1251").encode("cp1251"))
    (doc,) = read_documents(str(path))
    assert doc.id == "page.htm" and doc.path == str(path)
    for paragraph in ARTICLE:
        assert paragraph in doc.text
    for furniture in ("Celebrity gossip", "Copyright", "tracker", "World"):
        assert furniture not in doc.text
    # Offsets refer to the extracted text, which is what the JSON output carries.
    for s in segment(doc.text):
        assert doc.text[s.start : s.end] == s.text


def test_page_without_article_text(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura", reason="the optional extra newsdiff[html] is not installed")
    path = tmp_path / "empty.html"
    path.write_text("<html><body><img src='photo.jpg'></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match=r"empty\.html: no article text found"):
        read_documents(str(path))


class _Broken(importlib.abc.MetaPathFinder):
    """Make `import trafilatura` fail the way a missing lxml_html_clean does."""

    def find_spec(self, name: str, path: object, target: object = None) -> None:
        if name == "trafilatura":
            raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean.")


def test_broken_trafilatura_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "trafilatura", raising=False)
    monkeypatch.setattr(sys, "meta_path", [_Broken(), *sys.meta_path])
    with pytest.raises(
        InputError, match=r"cannot be imported \(lxml\.html\.clean .*newsdiff\[html\]"
    ):
        extract_text(page(), "p.html")
