"""Shared fixtures: the seed reports and a helper for golden files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLDEN = Path(__file__).resolve().parent / "golden"
SEED_A = SEEDS / "nasa-shrugs-off-roscosmos.txt"
SEED_B = SEEDS / "nasa-refutes-rogozin.txt"


@pytest.fixture(scope="session")
def seed_texts() -> tuple[str, str]:
    """Return the texts of the two seed reports."""
    return SEED_A.read_text(encoding="utf-8"), SEED_B.read_text(encoding="utf-8")


def check_golden(name: str, actual: str) -> None:
    """Compare output with tests/golden/<name>; NEWSDIFF_UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN / name
    if os.environ.get("NEWSDIFF_UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs; rerun with NEWSDIFF_UPDATE_GOLDEN=1 if intended"
