"""Sources, data, docs and tests quote no article text of the fact gold (its README)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from benchmarks import factkit as fk
from newsdiff.text import wordlists

ROOT = Path(__file__).resolve().parent.parent
FACTS = fk.facts_dir()
# Four words in a row holding an uncommon word (Zipf <= 4.5, the aligner's bound of an
# uncommon word): a phrase lifted from an article. Runs of common words only ("said in a
# statement") are how any report is worded.
RUN = 4
UNCOMMON_ZIPF = 4.5


def _runs(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+(?:['’][a-z]+)?", text.lower().replace("’", "'"))
    return {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


# Text files of the project that could hold a copied phrase (not the public data sets of
# benchmarks/data, nor the benchmarks' own output in benchmarks/results).
_TEXT = (".py", ".md", ".txt", ".tsv", ".csv", ".json", ".jsonl", ".html")


def _project_files() -> list[Path]:
    """Return the package's code and data (but the word-frequency table), tests and docs."""
    package = [
        p
        for p in sorted((ROOT / "newsdiff").rglob("*"))
        if p.suffix in (".py", ".txt", ".tsv") and not p.name.startswith("wordfreq")
    ]
    tests = [p for p in sorted((ROOT / "tests").rglob("*")) if p.suffix in _TEXT]
    docs = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    benchmarks = [
        p
        for p in sorted((ROOT / "benchmarks").glob("*"))
        if p.suffix in _TEXT  # the folder's own files: data/ and results/ are not copies
    ]
    return [*package, *tests, *docs, *benchmarks]


def test_project_files_copy_no_phrase_of_the_gold_articles() -> None:
    if not FACTS.is_dir():
        pytest.skip(f"fact gold not found at {FACTS}")
    gold: set[tuple[str, ...]] = set()
    for article in FACTS.glob("*/*.txt"):
        gold |= _runs(article.read_text(encoding="utf-8"))
    files = _project_files()
    found = {
        " ".join(run) for path in files for run in _runs(path.read_text(encoding="utf-8")) & gold
    }
    zipf = wordlists.zipf_table()
    specific = {f for f in found if any(zipf.get(w, 0.0) <= UNCOMMON_ZIPF for w in f.split())}
    assert not specific, sorted(specific)
