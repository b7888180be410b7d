"""Score alignments against the fact-level gold of three-outlet news (BASIL events).

The gold lives outside the project, in `../shared/eval/facts` beside the clone (its README
defines the metrics; `score.py` there is the reference implementation, which this module
must agree with). The articles may not be redistributed: they are read from that folder
at run time and never copied. A system is the same `evalkit.System` as for ECB+ and STS.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.evalkit import Alignment, LinkCounts, PGroup, System, covering

if TYPE_CHECKING:
    from newsdiff.align.group import Linked
    from newsdiff.model import Document

ROOT = Path(__file__).resolve().parent.parent
# CI checks the shared data out beside the clone; elsewhere point NEWSDIFF_EVAL at it.
DEFAULT_FACTS = ROOT.parent / "shared" / "eval" / "facts"
ENV = "NEWSDIFF_EVAL"

# The typed signals; `detail` divergences and the `wording` fallback are not typed.
TYPED: tuple[str, ...] = ("number", "quote", "attribution", "hedge", "negation", "entity", "tone")

Key = tuple[str, int]  # (report name, gold sentence id)


def facts_dir(flag: str | os.PathLike[str] | None = None) -> Path:
    """Return the fact gold folder: the flag, else $NEWSDIFF_EVAL, else ../shared/eval/facts."""
    given = flag or os.environ.get(ENV)
    if not given:
        return DEFAULT_FACTS
    path = Path(given)
    # NEWSDIFF_EVAL may name the evaluation folder (holding facts/) or facts/ itself.
    return path / "facts" if (path / "facts").is_dir() else path


# ---------------------------------------------------------------------------------------
# Data


@dataclass(frozen=True)
class Divergence:
    """A typed difference of one fact between a sentence of report a and one of report b."""

    type: str
    a: str
    sent_a: int
    b: str
    sent_b: int


@dataclass(frozen=True)
class Fact:
    """A fact two or more reports state: member sentence ids per report, same or not."""

    summary: str
    members: tuple[tuple[str, tuple[int, ...]], ...]
    same: bool
    divergences: tuple[Divergence, ...] = ()


@dataclass(frozen=True)
class FactEvent:
    """One event: its reports (sorted by file name), their texts, gold sentences and facts."""

    name: str
    docs: tuple[str, ...]
    texts: tuple[str, ...]
    sentences: dict[str, tuple[tuple[int, int, int], ...]]  # report -> (id, start, end)
    facts: tuple[Fact, ...]

    def named_texts(self, docs: Sequence[str] | None = None) -> list[tuple[str, str]]:
        """Return (file name, text) of the given reports (all by default), in name order."""
        keep = self.docs if docs is None else docs
        return [(f"{n}.txt", t) for n, t in zip(self.docs, self.texts, strict=True) if n in keep]


def read_sentences(path: Path) -> dict[str, tuple[tuple[int, int, int], ...]]:
    """Return each report's gold sentences (id, start, end) from sentences.tsv."""
    out: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    lines = path.read_bytes().decode("utf-8").split("\n")
    for line in lines[1:]:
        if line:
            doc, sid, start, end = line.split("\t")[:4]
            out[doc].append((int(sid), int(start), int(end)))
    return {doc: tuple(rows) for doc, rows in out.items()}


def load_event(folder: Path) -> FactEvent:
    """Read one event folder (texts, sentences.tsv, gold.json)."""
    files = sorted(folder.glob("*.txt"))
    gold = json.loads((folder / "gold.json").read_bytes().decode("utf-8"))
    facts = tuple(
        Fact(
            str(f.get("summary", "")),
            tuple((n, tuple(int(s) for s in ss)) for n, ss in f["members"].items()),
            bool(f["same"]),
            tuple(
                Divergence(d["type"], d["a"], int(d["sent_a"]), d["b"], int(d["sent_b"]))
                for d in f.get("divergences", [])
            ),
        )
        for f in gold["facts"]
    )
    return FactEvent(
        folder.name,
        tuple(f.stem for f in files),
        tuple(f.read_bytes().decode("utf-8") for f in files),
        read_sentences(folder / "sentences.tsv"),
        facts,
    )


def load_facts(root: Path) -> list[FactEvent]:
    """Return every event under root that has a gold.json, sorted by folder name."""
    return [load_event(p) for p in sorted(root.iterdir()) if (p / "gold.json").is_file()]


# ---------------------------------------------------------------------------------------
# Metrics


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


@dataclass
class FactCounts:
    """Counts behind the fact figures, summed over events (micro averages)."""

    correct: int = 0  # gold and predicted links
    predicted: int = 0
    gold: int = 0
    kind_ok: int = 0
    facts: int = 0
    facts_found: int = 0
    signals: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPED, 0))
    signals_ok: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPED, 0))
    signals_any: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPED, 0))
    divergences: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPED, 0))
    found: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPED, 0))

    def add(self, other: FactCounts) -> None:
        """Add another event's counts to these."""
        for name in ("correct", "predicted", "gold", "kind_ok", "facts", "facts_found"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("signals", "signals_ok", "signals_any", "divergences", "found"):
            mine, theirs = getattr(self, name), getattr(other, name)
            for t in TYPED:
                mine[t] += theirs[t]

    def links(self) -> LinkCounts:
        """Return the link counts alone."""
        return LinkCounts(predicted=self.predicted, gold=self.gold, correct=self.correct)

    def figures(self) -> dict[str, float]:
        """Return the headline figures (what the gate pins) under "facts." keys."""
        p, r = _ratio(self.correct, self.predicted), _ratio(self.correct, self.gold)
        sig = sum(self.signals.values())
        return {
            "facts.link_precision": p,
            "facts.link_recall": r,
            "facts.link_f1": 2 * p * r / (p + r) if p + r else 0.0,
            "facts.kind_accuracy": _ratio(self.kind_ok, self.correct),
            "facts.fact_recall": _ratio(self.facts_found, self.facts),
            "facts.signal_precision": _ratio(sum(self.signals_ok.values()), sig),
            "facts.signal_precision_any": _ratio(sum(self.signals_any.values()), sig),
            "facts.signal_recall": _ratio(sum(self.found.values()), sum(self.divergences.values())),
        }

    def per_type(self) -> dict[str, dict[str, float | int]]:
        """Return signal precision and recall with their counts, per typed signal."""
        return {
            t: {
                "signals": self.signals[t],
                "precision": _ratio(self.signals_ok[t], self.signals[t]),
                "precision_any": _ratio(self.signals_any[t], self.signals[t]),
                "divergences": self.divergences[t],
                "found": self.found[t],
                "recall": _ratio(self.found[t], self.divergences[t]),
            }
            for t in TYPED
        }

    def to_dict(self) -> dict[str, object]:
        """Return figures, per-type figures and counts as JSON-ready data."""
        return {
            "figures": self.figures(),
            "per_type": self.per_type(),
            "counts": {
                "links_correct": self.correct,
                "links_predicted": self.predicted,
                "links_gold": self.gold,
                "kind_ok": self.kind_ok,
                "facts": self.facts,
                "facts_found": self.facts_found,
                "signals": sum(self.signals.values()),
                "signals_ok": sum(self.signals_ok.values()),
                "signals_any": sum(self.signals_any.values()),
                "divergences": sum(self.divergences.values()),
                "divergences_found": sum(self.found.values()),
            },
        }


class Mapped:
    """An alignment read through the gold sentences of one event (the covering rule)."""

    def __init__(self, event: FactEvent, al: Alignment, docs: Sequence[str]) -> None:
        if len(al.spans) != len(docs):
            raise ValueError(f"alignment has {len(al.spans)} documents, run has {len(docs)}")
        self.docs = tuple(docs)
        self.to_pred: dict[Key, int | None] = {}
        # predicted (report, sentence) -> the gold sentence ids it covers
        self.to_gold: dict[tuple[str, int], set[int]] = defaultdict(set)
        for d, name in enumerate(docs):
            for sid, start, end in event.sentences.get(name, ()):
                pi = covering(al.spans[d], start, end)
                self.to_pred[(name, sid)] = pi
                if pi is not None:
                    self.to_gold[(name, pi)].add(sid)
        self.where = {(docs[d], s): g for (d, s), g in al.group_of().items()}

    def group(self, key: Key) -> int | None:
        """Return the predicted group holding a gold sentence, if any."""
        pi = self.to_pred.get(key)
        return None if pi is None else self.where.get((key[0], pi))


def linked_run(named: Sequence[tuple[str, str]]) -> tuple[Linked, list[Document]]:
    """Return alignment's own steps (default options) on named texts, split as compare() does.

    The diagnosis scripts read the aligner's units, scores, ranks and groups through this,
    not a copy of its steps.
    """
    import newsdiff
    from newsdiff.align.group import link
    from newsdiff.align.score import AlignParams
    from newsdiff.model import Document
    from newsdiff.text.budget import SentenceBudget
    from newsdiff.text.sentence_words import SentenceWords

    seg = [SentenceBudget(None).take(Document(id=n, text=t)) for n, t in named]
    params = AlignParams.from_options(newsdiff.Options())
    return link(seg, params, SentenceWords(seg)), seg


def linked_alignment(linked: Linked, documents: Sequence[Document]) -> Alignment:
    """Return a linked run's groups (unclassified) as an Alignment of its documents."""
    spans = tuple(tuple((s.start, s.end) for s in d.sentences) for d in documents)
    groups = tuple(PGroup("", 0.0, linked.members(g)) for g in linked.groups)
    return Alignment(spans, groups)


def gold_links(event: FactEvent) -> dict[frozenset[Key], bool]:
    """Return every gold cross-report sentence pair, true when every fact listing it is same."""
    out: dict[frozenset[Key], bool] = {}
    for f in event.facts:
        members = [(n, s) for n, ss in f.members for s in ss]
        for a, b in combinations(members, 2):
            if a[0] != b[0]:
                k = frozenset((a, b))
                out[k] = out.get(k, True) and f.same
    return out


def fact_found(f: Fact, group: Callable[[Key], int | None]) -> bool:
    """Return whether two of a fact's reports have member sentences in one predicted group."""
    per_doc = [{group((n, s)) for s in ss} - {None} for n, ss in f.members if ss]
    return any(x & y for x, y in combinations(per_doc, 2))


def score_fact_run(event: FactEvent, al: Alignment) -> FactCounts:
    """Count links, kinds, facts found and signals of one event's run on all its reports."""
    m = Mapped(event, al, event.docs)
    c = FactCounts()
    golds = gold_links(event)
    keys = [(n, sid) for n in event.docs for sid, _, _ in event.sentences.get(n, ())]
    for a, b in combinations(keys, 2):
        if a[0] == b[0]:
            continue
        ga, gb = m.group(a), m.group(b)
        if ga is None or ga != gb:
            continue
        c.predicted += 1
        same = golds.get(frozenset((a, b)))
        if same is not None:
            c.correct += 1
            c.kind_ok += (al.groups[ga].kind == "shared") == same
    c.gold = len(golds)
    for f in event.facts:
        c.facts += 1
        c.facts_found += fact_found(f, m.group)
    divs = [d for f in event.facts for d in f.divergences]
    # (type, report, report) of the typed signals of each group
    by_group: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
    for g, group in enumerate(al.groups):
        for s in group.signals:
            if s.type not in TYPED or len(s.docs) < 2:
                # A one-report marker (a loaded word of a unique sentence) compares no
                # two reports: it is no divergence to score.
                continue
            d1, d2 = (event.docs[d] for d in s.docs[:2])
            by_group[g].append((s.type, d1, d2))
            sides = _sides(m, group, s.evidence, (d1, d2))
            c.signals[s.type] += 1
            c.signals_ok[s.type] += any(_hit(d, s.type, d1, d2, sides) for d in divs)
            c.signals_any[s.type] += any(_hit(d, None, d1, d2, sides) for d in divs)
    for d in divs:
        if d.type not in TYPED:
            continue
        c.divergences[d.type] += 1
        ga, gb = m.group((d.a, d.sent_a)), m.group((d.b, d.sent_b))
        c.found[d.type] += (
            ga is not None
            and ga == gb
            and any(t == d.type and {x, y} == {d.a, d.b} for t, x, y in by_group[ga])
        )
    return c


def _sides(
    m: Mapped, group: PGroup, evidence: Sequence[tuple[int, int]], pair: tuple[str, str]
) -> dict[str, set[int]]:
    """Return the gold sentences each report's side of a signal points at."""
    sides: dict[str, set[int]] = {}
    for d, s in evidence:
        name = m.docs[d]
        sides.setdefault(name, set()).update(m.to_gold.get((name, s), ()))
    if not evidence:
        # No evidence: the signal is about the group's members in its two reports.
        for d, sents in group.members:
            if m.docs[d] in pair:
                for s in sents:
                    sides.setdefault(m.docs[d], set()).update(m.to_gold.get((m.docs[d], s), ()))
    return sides


def _hit(d: Divergence, typ: str | None, d1: str, d2: str, sides: dict[str, set[int]]) -> bool:
    """Return whether a signal lands on a gold divergence (of its type unless typ is None)."""
    if (typ is not None and d.type != typ) or {d.a, d.b} != {d1, d2}:
        return False
    # A side whose evidence maps to no gold sentence is not checked; one side must be.
    checks = [sent in sides[n] for n, sent in ((d.a, d.sent_a), (d.b, d.sent_b)) if sides.get(n)]
    return bool(checks) and all(checks)


# ---------------------------------------------------------------------------------------
# Consistency (issue 12): does a pair's result depend on the third report?

Span = tuple[int, int]


def pair_links(al: Alignment, a: int, b: int) -> set[tuple[Span, Span]]:
    """Return the links between documents a and b: pairs of sentence spans in one group."""
    out: set[tuple[Span, Span]] = set()
    for group in al.groups:
        sents = dict(group.members)
        for sa in sents.get(a, ()):
            for sb in sents.get(b, ()):
                out.add((al.spans[a][sa], al.spans[b][sb]))
    return out


@dataclass
class Consistency:
    """Links of each report pair with and without the other reports, and missing members."""

    links_all: int = 0  # links between two reports in the all-report runs
    links_pair: int = 0  # links of the same two reports compared alone
    kept: int = 0  # links in both
    absent: int = 0  # (group, report) where a group of 2+ reports lacks that report
    absent_stated: int = 0  # of those, the gold says the report states the group's fact
    # (group, report) where a group names a sentence of an absent report stating its fact
    elsewhere: int = 0
    elsewhere_stated: int = 0  # of those, the gold says that sentence states the fact
    per_pair: dict[str, dict[str, int]] = field(default_factory=dict)
    examples: list[dict[str, object]] = field(default_factory=list)

    @property
    def changed(self) -> int:
        """Return the links that are in one run and not the other."""
        return self.links_all + self.links_pair - 2 * self.kept

    def figures(self) -> dict[str, float]:
        """Return the share of links changed and of absent reports that state the fact."""
        union = self.links_all + self.links_pair - self.kept
        return {
            "facts.pair_links_changed": _ratio(self.changed, union),
            "facts.absent_but_stated": _ratio(self.absent_stated, self.absent),
            "facts.elsewhere_precision": _ratio(self.elsewhere_stated, self.elsewhere),
        }

    def to_dict(self) -> dict[str, object]:
        """Return figures and counts as JSON-ready data."""
        return {
            "figures": self.figures(),
            "links_all": self.links_all,
            "links_pair": self.links_pair,
            "kept": self.kept,
            "changed": self.changed,
            "absent": self.absent,
            "absent_stated": self.absent_stated,
            "elsewhere": self.elsewhere,
            "elsewhere_stated": self.elsewhere_stated,
            "per_pair": self.per_pair,
            "examples": self.examples,
        }


def consistency_run(event: FactEvent, al: Alignment, system: System, out: Consistency) -> None:
    """Compare each report pair's links alone and in the full run; count stated absentees."""
    for a, b in combinations(range(len(event.docs)), 2):
        pair = (event.docs[a], event.docs[b])
        alone = pair_links(system(event.named_texts(pair)), 0, 1)
        together = pair_links(al, a, b)
        kept = len(alone & together)
        row = out.per_pair.setdefault(f"{event.name}:{pair[0]}-{pair[1]}", {})
        row.update(all=len(together), pair=len(alone), kept=kept)
        out.links_all += len(together)
        out.links_pair += len(alone)
        out.kept += kept
    m = Mapped(event, al, event.docs)
    for g, group in enumerate(al.groups):
        present = {event.docs[d] for d, sents in group.members if sents}
        if len(present) < 2:
            continue
        told = {event.docs[d]: s for d, s in group.elsewhere}
        for name in event.docs:
            if name in present:
                continue
            if name in told:
                # Not absent: the group names the sentence that states its fact.
                out.elsewhere += 1
                said = m.to_gold.get((name, told[name]), set())
                out.elsewhere_stated += any(
                    _in_group(f, g, m) and said & set(dict(f.members).get(name, ()))
                    for f in event.facts
                )
                continue
            out.absent += 1
            stated = [f for f in event.facts if _in_group(f, g, m) and dict(f.members).get(name)]
            if stated:
                out.absent_stated += 1
                out.examples.append(
                    {"event": event.name, "group": g, "absent": name, "fact": stated[0].summary}
                )


def _in_group(f: Fact, g: int, m: Mapped) -> bool:
    """Return whether two of a fact's reports have member sentences in group g."""
    return sum(any(m.group((n, s)) == g for s in ss) for n, ss in f.members) >= 2


# ---------------------------------------------------------------------------------------
# One system over the events


@dataclass
class FactMeasurement:
    """A system's fact figures over the events, per event, and its consistency."""

    counts: FactCounts = field(default_factory=FactCounts)
    per_event: dict[str, FactCounts] = field(default_factory=dict)
    consistency: Consistency | None = None
    seconds: float = 0.0

    def figures(self) -> dict[str, float]:
        """Return the headline figures as flat "facts.figure" keys."""
        out = self.counts.figures()
        if self.consistency is not None:
            out.update(self.consistency.figures())
        return out

    def to_dict(self) -> dict[str, object]:
        """Return every figure and count as JSON-ready data."""
        out = self.counts.to_dict()
        out["figures"] = self.figures()
        out["per_event"] = {name: c.to_dict()["counts"] for name, c in self.per_event.items()}
        if self.consistency is not None:
            out["consistency"] = self.consistency.to_dict()
        out["seconds"] = self.seconds
        return out


def measure_facts(
    system: System,
    events: Sequence[FactEvent],
    *,
    consistency: bool = True,
    progress: Callable[[str], None] | None = None,
) -> FactMeasurement:
    """Run a system on each event's reports (and pairs, for consistency) and score it."""
    import time

    t0 = time.perf_counter()
    fm = FactMeasurement(consistency=Consistency() if consistency else None)
    for event in events:
        al = system(event.named_texts())
        counts = score_fact_run(event, al)
        fm.per_event[event.name] = counts
        fm.counts.add(counts)
        if fm.consistency is not None:
            consistency_run(event, al, system, fm.consistency)
        if progress:
            progress(f"facts {event.name[:8]}")
    fm.seconds = time.perf_counter() - t0
    return fm


def alignment_json(al: Alignment) -> dict[str, object]:
    """Return an alignment as the part of newsdiff/1 JSON the reference scorer reads."""
    return {
        "documents": [
            {"sentences": [{"index": i, "start": s, "end": e} for i, (s, e) in enumerate(spans)]}
            for spans in al.spans
        ],
        "groups": [
            {
                "index": g,
                "kind": group.kind,
                "members": [{"doc": d, "sentences": list(s)} for d, s in group.members],
                "signals": [
                    {
                        "type": s.type,
                        "docs": list(s.docs),
                        "evidence": [{"doc": d, "sentence": i} for d, i in s.evidence],
                    }
                    for s in group.signals
                ],
            }
            for g, group in enumerate(al.groups)
        ],
    }
