"""Build newsdiff/data/wordfreq_en.tsv from the wordfreq package (run by hand, not in CI).

The table holds English word frequencies as Zipf values (log10 of frequency per billion
words), rounded to one decimal, for the most frequent words; newsdiff uses it to weight
rare words (names, numbers) above common ones. Requires `pip install wordfreq`.
"""

from __future__ import annotations

import sys
from importlib.metadata import version
from pathlib import Path

import wordfreq

LIMIT = 60_000


def main() -> None:
    """Write the table beside the package's other data files."""
    out = Path(__file__).resolve().parent.parent / "newsdiff" / "data" / "wordfreq_en.tsv"
    rows = []
    for word in wordfreq.iter_wordlist("en", wordlist="best"):
        if not word.replace("'", "").isalpha() or not word.isascii():
            continue
        rows.append(f"{word}\t{wordfreq.zipf_frequency(word, 'en'):.1f}")
        if len(rows) >= LIMIT:
            break
    header = f"# wordfreq {version('wordfreq')} 'en' best; top {LIMIT} ASCII words; zipf\n"
    out.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} rows to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
