"""One renderer registry for every output: a comparison, corpus records, check results.

Each format of an output is a Writer factory (stream, options) -> Writer: write() takes one
item (the comparison, or one record or result as a run streams it) and close() finishes.
A comparison format may be registered as a plain function; it is wrapped in a Writer.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Literal, TextIO, TypeVar, cast

from newsdiff.errors import UsageError
from newsdiff.model import Comparison

Output = Literal["compare", "corpus", "check"]
Item = TypeVar("Item")


@dataclass(frozen=True)
class RenderOptions:
    """Presentation choices shared by every renderer (each reads the ones it needs)."""

    color: bool = True
    # Table width; None: the terminal's (corpus and check tables: 100 off a terminal).
    width: int | None = None
    explain: bool = False
    # Only groups carrying one of these signal types are shown (None: all groups).
    signal_filter: frozenset[str] | None = None
    # Only groups of these kinds are shown (None: every kind).
    kinds: frozenset[str] | None = None
    # The table's key on top (report letters, k/N, kinds, marks); off for scripts.
    legend: bool = True
    # Widest cluster name of a corpus, known from discovery before the first row is printed.
    name_width: int = 12
    # What the corpus is (a path): the JUnit suite name.
    title: str = "newsdiff"


class Writer(Generic[Item]):
    """Streams items to a text stream; close() finishes the output."""

    def __init__(self, stream: TextIO, options: RenderOptions) -> None:
        self.stream = stream
        self.options = options

    def write(self, item: Item) -> None:
        """Write one item."""
        raise NotImplementedError

    def close(self) -> None:
        """Finish the output (headers or totals that need every item)."""
        self.stream.flush()


Renderer = Callable[[Comparison, TextIO, RenderOptions], None]
WriterFactory = Callable[[TextIO, RenderOptions], Writer[Any]]
F = TypeVar("F", bound=Callable[..., Any])


class _Whole(Writer[Comparison]):
    """A comparison format written by one function call."""

    def __init__(self, fn: Renderer, stream: TextIO, options: RenderOptions) -> None:
        super().__init__(stream, options)
        self.fn = fn

    def write(self, item: Comparison) -> None:
        """Render the comparison."""
        self.fn(item, self.stream, self.options)

    def close(self) -> None:
        """Leave flushing to the caller, as for any function writing to a stream."""


# (output, format) -> module that registers it; imported on first use to keep start-up
# fast. The order is the order formats are listed in help and error messages.
_MODULES: dict[tuple[Output, str], str] = {
    ("compare", "csv"): "newsdiff.render.csv",
    ("compare", "html"): "newsdiff.render.html",
    ("compare", "json"): "newsdiff.render.json",
    ("compare", "jsonl"): "newsdiff.render.jsonl",
    ("compare", "markdown"): "newsdiff.render.markdown",
    ("compare", "table"): "newsdiff.render.table",
    ("compare", "tsv"): "newsdiff.render.csv",
    ("corpus", "table"): "newsdiff.render.corpus",
    ("corpus", "jsonl"): "newsdiff.render.corpus",
    ("corpus", "csv"): "newsdiff.render.corpus",
    ("check", "table"): "newsdiff.render.check",
    ("check", "jsonl"): "newsdiff.render.check",
    ("check", "csv"): "newsdiff.render.check",
    ("check", "github"): "newsdiff.render.check",
    ("check", "junit"): "newsdiff.render.check",
}
_FACTORIES: dict[tuple[Output, str], WriterFactory] = {}


def register(name: str, output: Output = "compare") -> Callable[[F], F]:
    """Register a format: a Writer factory, or for a comparison also a Renderer function."""

    def deco(fn: F) -> F:
        is_class = isinstance(fn, type) and issubclass(fn, Writer)
        factory = fn if is_class else functools.partial(_Whole, cast(Renderer, fn))
        _FACTORIES[(output, name)] = cast(WriterFactory, factory)
        return fn

    return deco


def formats(output: Output = "compare") -> list[str]:
    """Return the names of the formats of an output."""
    return [name for out, name in _MODULES if out == output]


def factory(name: str, output: Output = "compare") -> WriterFactory:
    """Return the Writer factory of a format, or raise UsageError naming the choices."""
    key = (output, name)
    if key not in _MODULES:
        raise UsageError(f"unknown format {name!r}; choose one of: {', '.join(formats(output))}")
    if key not in _FACTORIES:
        importlib.import_module(_MODULES[key])
    return _FACTORIES[key]


def writers(output: Output) -> dict[str, WriterFactory]:
    """Return every format of an output with its Writer factory."""
    return {name: factory(name, output) for name in formats(output)}


def render(name: str, comparison: Comparison, stream: TextIO, options: RenderOptions) -> None:
    """Render a comparison in the named format to a stream."""
    factory(name)(stream, options).write(comparison)


def get(name: str) -> Renderer:
    """Return a function rendering comparisons in a format (UsageError for an unknown one)."""
    factory(name)
    return functools.partial(render, name)
