"""Shared fixtures: the seed reports and a helper for golden files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsdiff.align.units import Unit
from newsdiff.model import Document, Member
from newsdiff.text.sentence_words import SentenceWords

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


@pytest.fixture(scope="module")
def ecb_four_topic_units() -> list[Unit]:
    """Return the alignment units of 24 ECB+ reports from four topics (two stories each)."""
    from dataclasses import replace

    from benchmarks import evalkit as ek
    from newsdiff.align.units import build_units
    from newsdiff.api import _as_documents
    from newsdiff.text.segment import segment

    topics = ek.load_ecb()
    texts = [(d.id, d.text) for t in (1, 3, 8, 23) for d in topics[t][:6]]
    docs = [replace(d, sentences=segment(d.text)) for d in _as_documents(texts)]
    return build_units(docs)


def whole_members(*texts: str) -> tuple[list[Document], list[Member], SentenceWords]:
    """Return each text as a document, all its content sentences one member, and their words."""
    from newsdiff.text.segment import segment

    docs = [Document(f"d{i}", t, sentences=segment(t)) for i, t in enumerate(texts)]
    members = [Member(i, tuple(s.index for s in d.content_sentences())) for i, d in enumerate(docs)]
    return docs, members, SentenceWords(docs)


@pytest.fixture
def fact_gold() -> Path:
    """Return the fact gold's folder, or skip the test with the reason when it is absent."""
    from benchmarks import factkit as fk

    root = fk.facts_dir()
    if not root.is_dir():
        pytest.skip(f"fact gold not found at {root}")
    return root
