"""Renderer registry: each output format is a function (Comparison, stream, options) -> None."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from newsdiff.errors import UsageError
from newsdiff.model import Comparison


@dataclass(frozen=True)
class RenderOptions:
    """Presentation choices shared by the renderers."""

    color: bool = True
    width: int | None = None
    explain: bool = False
    # Only groups carrying one of these signal types are shown (None: all groups).
    signal_filter: frozenset[str] | None = None


Renderer = Callable[[Comparison, TextIO, RenderOptions], None]

_RENDERERS: dict[str, Renderer] = {}
# Format name -> module that registers it; imported on first use to keep start-up fast.
_MODULES: dict[str, str] = {
    "table": "newsdiff.render.table",
    "json": "newsdiff.render.json",
    "jsonl": "newsdiff.render.jsonl",
    "csv": "newsdiff.render.csv",
    "tsv": "newsdiff.render.csv",
    "markdown": "newsdiff.render.markdown",
    "html": "newsdiff.render.html",
}


def register(name: str) -> Callable[[Renderer], Renderer]:
    """Register a renderer under a format name."""

    def deco(fn: Renderer) -> Renderer:
        _RENDERERS[name] = fn
        return fn

    return deco


def formats() -> list[str]:
    """Return the names of the known output formats."""
    return sorted(_MODULES)


def get(name: str) -> Renderer:
    """Return the renderer of a format, or raise UsageError for an unknown one."""
    if name not in _MODULES:
        raise UsageError(f"unknown format {name!r}; choose one of: {', '.join(formats())}")
    if name not in _RENDERERS:
        importlib.import_module(_MODULES[name])
    return _RENDERERS[name]


def render(name: str, comparison: Comparison, stream: TextIO, options: RenderOptions) -> None:
    """Render a comparison in the named format to a stream."""
    get(name)(comparison, stream, options)
