"""What corpus and check runs produce per cluster: records and verdicts.

Data beside model.py, below every layer: corpus/ makes them and render/ paints them, so
neither imports the other's package for them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ClusterRecord:
    """The summary of one cluster: counts, shares, signals and the slowest step, or an error."""

    index: int
    cluster: str
    source: str
    line: int | None = None
    reports: int = 0
    sentences: int = 0
    # Groups per kind, in KINDS order.
    groups: Mapping[str, int] = field(default_factory=dict)
    # Share of the cluster's content sentences in groups of each kind (0..1).
    shares: Mapping[str, float] = field(default_factory=dict)
    # Signals per type, every SIGNAL_TYPES key present, other types after them.
    signals: Mapping[str, int] = field(default_factory=dict)
    # (type, "group N (report vs report): detail") pairs, at most EXAMPLES_PER_TYPE per type.
    examples: tuple[tuple[str, str], ...] = ()
    slowest_step: str | None = None
    # Measured times vary from run to run, so records compare equal without them.
    slowest_seconds: float | None = field(default=None, compare=False)
    seconds: float = field(default=0.0, compare=False)
    error: str | None = None
    # Folder corpora: the report files, in the cluster's order, and per signal type the file
    # of the first report its first example names; what a GitHub annotation points at
    # (not part of the JSON form).
    files: tuple[str, ...] = field(default=(), compare=False)
    signal_files: Mapping[str, str] = field(default_factory=dict, compare=False)

    @property
    def ok(self) -> bool:
        """Return True when the cluster was compared."""
        return self.error is None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the record (what `--format jsonl` prints)."""
        slowest = (
            None
            if self.slowest_step is None
            else {"step": self.slowest_step, "seconds": round(self.slowest_seconds or 0.0, 4)}
        )
        return {
            "cluster": self.cluster,
            "status": "ok" if self.ok else "error",
            "source": self.source,
            "line": self.line,
            "reports": self.reports,
            "sentences": self.sentences,
            "groups": dict(self.groups),
            "shares": dict(self.shares),
            "signals": dict(self.signals),
            "slowest": slowest,
            "error": self.error,
        }


@dataclass(frozen=True)
class Failure:
    """One rule a cluster broke, with what was measured and the evidence."""

    rule: str
    message: str
    evidence: tuple[str, ...] = ()
    # The report file the failure is about (folder corpora), for annotations; not in JSON.
    file: str | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the failure."""
        return {"rule": self.rule, "message": self.message, "evidence": list(self.evidence)}


@dataclass(frozen=True)
class CheckResult:
    """A cluster's record and the rules it broke (none: it passed)."""

    record: ClusterRecord
    failures: tuple[Failure, ...]

    @property
    def passed(self) -> bool:
        """Return True when the cluster was compared and broke no rule."""
        return not self.failures

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form: the record with its verdict and failures."""
        out = self.record.to_dict()
        out["passed"] = self.passed
        out["failures"] = [f.to_dict() for f in self.failures]
        return out
