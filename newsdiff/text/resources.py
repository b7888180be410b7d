"""Read the data files shipped inside the package."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def read_text(name: str) -> str:
    """Return the text of a data file of the package."""
    return resources.files("newsdiff").joinpath("data").joinpath(name).read_text(encoding="utf-8")


def read_lines(name: str) -> list[str]:
    """Return a data file's entries: its non-blank lines without `#` comments."""
    out: list[str] = []
    for line in read_text(name).splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def read_words(name: str) -> list[str]:
    """Return the whitespace-separated words of a data file's entries."""
    return [w for line in read_lines(name) for w in line.split()]
