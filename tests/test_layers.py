"""The package's layering: a module imports only from its own unit or from lower layers."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "newsdiff"

# Each unit (a subpackage or a top-level module) and its layer; see the README's module map.
LAYERS: dict[str, int] = {
    "_version": 0,
    "errors": 0,
    "model": 0,
    "records": 1,
    "sources": 2,
    "text": 2,
    "options": 3,
    "align": 4,
    "signals": 4,
    "spans": 4,
    "classify": 5,
    "render": 5,
    "api": 6,
    "__init__": 7,
    "corpus": 8,
    "cli": 9,
    "__main__": 10,
}


def _unit(module: str) -> str:
    """Return the unit of a dotted newsdiff module name ("newsdiff" itself is __init__)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path) -> list[tuple[int, str]]:
    """Return (line, module) of every newsdiff import in a file, lazy ones included."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
            if node.module == "newsdiff":
                names = [f"newsdiff.{a.name}" for a in node.names]
            found += [(node.lineno, n) for n in names if n.split(".")[0] == "newsdiff"]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("newsdiff")]
    return found


def _files() -> list[Path]:
    """Return every module of the package."""
    return sorted(PACKAGE.rglob("*.py"))


def test_every_unit_has_a_layer() -> None:
    units = {_unit(".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts)) for p in _files()}
    assert units <= set(LAYERS), f"give these a layer: {sorted(units - set(LAYERS))}"


@pytest.mark.parametrize("path", _files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_run_downwards(path: Path) -> None:
    here = _unit(".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts))
    upward = [
        f"line {line}: {module}"
        for line, module in _imports(path)
        if _unit(module) != here and LAYERS.get(_unit(module), 99) >= LAYERS[here]
    ]
    assert not upward, f"{here} (layer {LAYERS[here]}) imports upward or sideways: {upward}"
