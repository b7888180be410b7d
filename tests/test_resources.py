"""Tests of reading the package's data files (text/resources.py)."""

from __future__ import annotations

from importlib import resources as importlib_resources

import pytest

from newsdiff.text import resources


def _data_files() -> list[str]:
    """Return the names of every data file, as read_text takes them."""
    root = importlib_resources.files("newsdiff").joinpath("data")
    names: list[str] = []
    for entry in root.iterdir():
        if entry.is_dir():
            names.extend(f"{entry.name}/{sub.name}" for sub in entry.iterdir() if sub.is_file())
        else:
            names.append(entry.name)
    return sorted(names)


@pytest.mark.parametrize("name", _data_files())
def test_direct_read_equals_importlib_resources(name: str) -> None:
    """Check the direct read of each data file gives what importlib.resources gives."""
    expected = importlib_resources.files("newsdiff").joinpath("data", name)
    assert resources.read_text(name) == expected.read_text(encoding="utf-8")


def test_falls_back_to_importlib_resources(monkeypatch: pytest.MonkeyPatch) -> None:
    """Check a package not installed as files (no data folder on disk) is still read."""
    monkeypatch.setattr(resources, "_DATA", "/nonexistent/newsdiff-data")
    resources.read_text.cache_clear()
    try:
        assert resources.read_lines("titles.txt")
        with pytest.raises(FileNotFoundError):
            resources.read_text("no-such-file.txt")
    finally:
        resources.read_text.cache_clear()
