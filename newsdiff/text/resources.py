"""Read the data files shipped inside the package."""

from __future__ import annotations

import os
from functools import cache

# The package's data folder when newsdiff is installed as files (the usual case): read
# directly, as importlib.resources would, without importing it (and zipfile) at start-up.
_DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data")


@cache
def read_text(name: str) -> str:
    """Return the text of a data file of the package."""
    try:
        with open(os.path.join(_DATA, *name.split("/")), encoding="utf-8") as fh:
            return fh.read()
    except OSError:
        # Installed some other way (a zip file, say): importlib.resources finds it or fails.
        from importlib import resources

        data = resources.files("newsdiff").joinpath("data")
        return data.joinpath(name).read_text(encoding="utf-8")


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
