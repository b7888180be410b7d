"""Load the evaluation data and score alignments with the metrics of benchmarks/README.md.

Everything here is tool-neutral: a system under test (newsdiff or a baseline) turns a list
of named texts into an `Alignment` (each document's predicted sentence spans and the
groups over them), and the scoring functions never look at how it was made. The CI gate
(tests/test_quality_gate.py) and the benchmark (benchmarks/quality.py) share this code,
so a figure means the same in both.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import newsdiff

DATA = Path(__file__).resolve().parent / "data"

# The fast subset the CI gate runs and `quality.py --quick` reproduces. Topics are every
# sixth topic in numeric order (a spread over the corpus chosen by position, not by
# score); STS pairs are every eighth line of pairs.tsv, which keeps the genre mix.
QUICK_TOPIC_STEP = 6
QUICK_STS_EVERY = 8

STS_CLASSES: tuple[str, ...] = ("same", "overlap", "different")


# ---------------------------------------------------------------------------------------
# Data


@dataclass(frozen=True)
class GoldSentence:
    """One gold sentence of an ECB+ document: its span, event chains and annotation flag."""

    start: int
    end: int
    events: frozenset[str]
    annotated: bool


@dataclass(frozen=True)
class EcbDoc:
    """One ECB+ document with its text and gold sentences."""

    id: str
    cluster: str
    topic: int
    text: str
    gold: tuple[GoldSentence, ...]


@dataclass(frozen=True)
class StsPair:
    """One STS news sentence pair with its human score."""

    id: str
    genre: str
    score: float
    s1: str
    s2: str


def load_ecb(data: Path = DATA) -> dict[int, list[EcbDoc]]:
    """Return every topic's documents (both subtopics), sorted by file name."""
    topics: dict[int, list[EcbDoc]] = {}
    root = data / "ecbplus"
    with open(root / "gold.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            cluster, topic = row["cluster"], int(row["topic"])
            for doc_id, sents in row["docs"].items():
                # Decode bytes ourselves: the offsets are code points into the exact file.
                text = (root / cluster / f"{doc_id}.txt").read_bytes().decode("utf-8")
                gold = tuple(
                    GoldSentence(s["start"], s["end"], frozenset(s["events"]), s["annotated"])
                    for s in sents
                )
                topics.setdefault(topic, []).append(EcbDoc(doc_id, cluster, topic, text, gold))
    for docs in topics.values():
        docs.sort(key=lambda d: f"{d.id}.txt")
    return dict(sorted(topics.items()))


def quick_topics(all_topics: Iterable[int]) -> list[int]:
    """Return the topics of the fast subset: every QUICK_TOPIC_STEP-th in numeric order."""
    return sorted(all_topics)[::QUICK_TOPIC_STEP]


def load_sts(data: Path = DATA, every: int = 1) -> list[StsPair]:
    """Return the STS news pairs (every `every`-th line), split on tabs without quoting."""
    pairs = []
    lines = (data / "sts-news" / "pairs.tsv").read_bytes().decode("utf-8").split("\n")
    for n, line in enumerate(lines[1:]):
        if not line or n % every:
            continue
        pid, genre, score, s1, s2 = line.split("\t")
        pairs.append(StsPair(pid, genre, float(score), s1, s2))
    return pairs


# ---------------------------------------------------------------------------------------
# The neutral form of a system's output


@dataclass(frozen=True)
class PSignal:
    """A predicted signal: its type, the documents it compares, its (doc, sentence) evidence."""

    type: str
    docs: tuple[int, ...] = ()
    evidence: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class PGroup:
    """A predicted group: kind, similarity, (doc, sentence indices) members, signals.

    `elsewhere`: (doc, sentence) of absent reports that state the group's fact elsewhere.
    """

    kind: str
    similarity: float
    members: tuple[tuple[int, tuple[int, ...]], ...]
    signals: tuple[PSignal, ...] = ()
    elsewhere: tuple[tuple[int, int], ...] = ()

    @property
    def signal_types(self) -> tuple[str, ...]:
        """Return the type of each signal, in order."""
        return tuple(s.type for s in self.signals)


@dataclass(frozen=True)
class Alignment:
    """What a system predicts for one run: sentence spans per document and groups."""

    spans: tuple[tuple[tuple[int, int], ...], ...]
    groups: tuple[PGroup, ...]

    def group_of(self) -> dict[tuple[int, int], int]:
        """Map (doc, sentence) to the index of the group holding it."""
        where: dict[tuple[int, int], int] = {}
        for g, group in enumerate(self.groups):
            for doc, sents in group.members:
                for s in sents:
                    where[(doc, s)] = g
        return where


# A system: named texts in, alignment out.
System = Callable[[Sequence[tuple[str, str]]], Alignment]


def covering(spans: Sequence[tuple[int, int]], start: int, end: int) -> int | None:
    """Return the predicted sentence holding at least half of [start, end), if any."""
    length = end - start
    best, best_overlap = None, 0
    for i, (s, e) in enumerate(spans):
        overlap = min(e, end) - max(s, start)
        # Two sentences can each hold exactly half; the first (in text order) wins.
        if overlap > best_overlap and 2 * overlap >= length:
            best, best_overlap = i, overlap
    return best


# ---------------------------------------------------------------------------------------
# ECB+ metrics


@dataclass
class LinkCounts:
    """Link counts over one or more runs; the figures are micro averages over them."""

    predicted: int = 0
    gold: int = 0
    correct: int = 0
    links: int = 0  # every predicted cross-document sentence link, annotated or not
    cross_event: int = 0  # of those, links joining an <N>ecb with an <N>ecbplus document
    # Sentences groups name as stating their fact elsewhere (PGroup.elsewhere); of those,
    # the ones whose sentence and group are both annotated, and of those the ones that
    # share a gold event with a member.
    elsewhere: int = 0
    elsewhere_judged: int = 0
    elsewhere_correct: int = 0

    def add(self, other: LinkCounts) -> None:
        """Add another run's counts to these."""
        self.predicted += other.predicted
        self.gold += other.gold
        self.correct += other.correct
        self.links += other.links
        self.cross_event += other.cross_event
        self.elsewhere += other.elsewhere
        self.elsewhere_judged += other.elsewhere_judged
        self.elsewhere_correct += other.elsewhere_correct

    @property
    def precision(self) -> float:
        """Return |predicted ∩ gold| / |predicted| (0 when nothing is predicted)."""
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Return |predicted ∩ gold| / |gold|."""
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Return the harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def cross_event_rate(self) -> float:
        """Return the share of predicted cross-document links that join the two events."""
        return self.cross_event / self.links if self.links else 0.0

    def figures(self, cross: bool = True) -> dict[str, float | int]:
        """Return the figures and the counts behind them as a JSON-ready dict."""
        out: dict[str, float | int] = {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }
        if cross:
            out["cross_event"] = self.cross_event_rate
        out.update(
            predicted=self.predicted,
            gold=self.gold,
            correct=self.correct,
            links=self.links,
            cross_event_links=self.cross_event,
            elsewhere=self.elsewhere,
            elsewhere_judged=self.elsewhere_judged,
            elsewhere_correct=self.elsewhere_correct,
        )
        return out


def score_ecb_run(docs: Sequence[EcbDoc], al: Alignment) -> LinkCounts:
    """Count predicted, gold and correct links of one run over its annotated sentences."""
    if len(al.spans) != len(docs):
        raise ValueError(f"alignment has {len(al.spans)} documents, run has {len(docs)}")
    where = al.group_of()
    # (doc, events, group of the covering sentence or None) for every annotated sentence.
    annotated: list[tuple[int, frozenset[str], int | None]] = []
    # The gold events of each predicted sentence that covers an annotated one.
    events: dict[tuple[int, int], set[str]] = defaultdict(set)
    for d, doc in enumerate(docs):
        for g in doc.gold:
            if not g.annotated:
                continue
            cov = covering(al.spans[d], g.start, g.end)
            annotated.append((d, g.events, None if cov is None else where.get((d, cov))))
            if cov is not None:
                events[(d, cov)] |= g.events
    counts = LinkCounts()
    for group in al.groups:
        told = set().union(*(events.get((d, s), set()) for d, ss in group.members for s in ss))
        for ref in group.elsewhere:
            counts.elsewhere += 1
            said = events.get(ref)
            if told and said:
                counts.elsewhere_judged += 1
                counts.elsewhere_correct += not told.isdisjoint(said)
    for i, (da, ea, ga) in enumerate(annotated):
        for db, eb, gb in annotated[i + 1 :]:
            if da == db:
                continue
            is_gold = not ea.isdisjoint(eb)
            is_pred = ga is not None and ga == gb
            counts.gold += is_gold
            counts.predicted += is_pred
            counts.correct += is_gold and is_pred
    for group in al.groups:
        per_doc = [(docs[d].cluster, len(s)) for d, s in group.members if s]
        for i, (ca, na) in enumerate(per_doc):
            for cb, nb in per_doc[i + 1 :]:
                counts.links += na * nb
                counts.cross_event += na * nb if ca != cb else 0
    return counts


def ecb_runs(topics: dict[int, list[EcbDoc]], mode: str) -> list[tuple[str, list[EcbDoc]]]:
    """Return the runs of a mode: one per topic ("mixed") or one per cluster ("cluster")."""
    runs: list[tuple[str, list[EcbDoc]]] = []
    for topic, docs in topics.items():
        if mode == "mixed":
            runs.append((str(topic), docs))
        elif mode == "cluster":
            for cluster in sorted({d.cluster for d in docs}):
                runs.append((cluster, [d for d in docs if d.cluster == cluster]))
        else:
            raise ValueError(f"unknown ECB+ mode {mode!r}")
    return runs


# ---------------------------------------------------------------------------------------
# STS metrics


def gold_class(score: float) -> str:
    """Return the gold class of an STS score: same >= 4, overlap >= 2, else different."""
    if score >= 4:
        return "same"
    if score >= 2:
        return "overlap"
    return "different"


@dataclass(frozen=True)
class StsPrediction:
    """What a system says about one pair: class, similarity and the group's signals."""

    cls: str
    similarity: float
    signals: tuple[str, ...] = ()


def predict_sts(pair: StsPair, al: Alignment) -> StsPrediction:
    """Classify a pair from the alignment of its two one-sentence documents.

    "The group holding both sentences" is read through the covering rule of ECB+: each
    input's sentence is the predicted sentence holding at least half of its characters,
    so a segmenter that splits an input does not make the pair undefined.
    """
    where = al.group_of()
    groups = []
    for d, text in enumerate((pair.s1, pair.s2)):
        cov = covering(al.spans[d], 0, len(text))
        groups.append(None if cov is None else where.get((d, cov)))
    g = groups[0]
    if g is None or g != groups[1]:
        return StsPrediction("different", 0.0)
    group = al.groups[g]
    cls = {"shared": "same", "divergent": "overlap"}.get(group.kind, "different")
    return StsPrediction(cls, float(group.similarity), group.signal_types)


def average_ranks(values: Sequence[float]) -> list[float]:
    """Return 1-based ranks, ties sharing the average of the ranks they span."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    """Return Pearson's r, or NaN when either side is constant."""
    n = len(x)
    if n != len(y) or n < 2:
        raise ValueError("pearson needs two sequences of the same length >= 2")
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    if sxx == 0 or syy == 0:
        return math.nan
    return sxy / math.sqrt(sxx * syy)


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    """Return Spearman's rank correlation (Pearson on average ranks, so ties are fair)."""
    return pearson(average_ranks(x), average_ranks(y))


@dataclass
class StsResult:
    """Gold scores and predictions over a set of pairs, with the three figures."""

    scores: list[float] = field(default_factory=list)
    predictions: list[StsPrediction] = field(default_factory=list)

    def add(self, pair: StsPair, pred: StsPrediction) -> None:
        """Record one pair's prediction."""
        self.scores.append(pair.score)
        self.predictions.append(pred)

    def confusion(self) -> dict[str, dict[str, int]]:
        """Return counts[gold][predicted]."""
        table = {g: {p: 0 for p in STS_CLASSES} for g in STS_CLASSES}
        for score, pred in zip(self.scores, self.predictions, strict=True):
            table[gold_class(score)][pred.cls] += 1
        return table

    def figures(self) -> dict[str, object]:
        """Return accuracy, macro-F1, Spearman, per-class F1 and the confusion table."""
        table = self.confusion()
        n = len(self.scores)
        hits = sum(table[c][c] for c in STS_CLASSES)
        per_class = {}
        for c in STS_CLASSES:
            predicted = sum(table[g][c] for g in STS_CLASSES)
            gold = sum(table[c].values())
            p = table[c][c] / predicted if predicted else 0.0
            r = table[c][c] / gold if gold else 0.0
            per_class[c] = 2 * p * r / (p + r) if p + r else 0.0
        sims = [p.similarity for p in self.predictions]
        return {
            "pairs": n,
            "accuracy": hits / n if n else 0.0,
            "macro_f1": sum(per_class.values()) / len(per_class),
            "spearman": spearman(sims, self.scores) if n >= 2 else math.nan,
            "f1_per_class": per_class,
            "confusion": table,
        }


# ---------------------------------------------------------------------------------------
# Signal firing rates (issue #4)

# Score buckets for signal firing rates: equivalent pairs should carry no signal, pairs
# that share a topic with differing details should.
SIGNAL_BUCKETS: tuple[tuple[str, Callable[[float], bool]], ...] = (
    ("score 5", lambda s: s >= 5.0),
    ("score 2-4", lambda s: 2.0 <= s <= 4.0),
)


def signal_rates(result: StsResult) -> dict[str, dict[str, object]]:
    """Return, per score bucket, the share of pairs on which each signal type fires."""
    out: dict[str, dict[str, object]] = {}
    for name, keep in SIGNAL_BUCKETS:
        preds = [p for s, p in zip(result.scores, result.predictions, strict=True) if keep(s)]
        fired: dict[str, int] = {}
        for p in preds:
            for t in set(p.signals):
                fired[t] = fired.get(t, 0) + 1
        # "wording" is the untyped fallback of a divergent group no typed signal explains.
        any_signal = sum(1 for p in preds if set(p.signals) - {"wording"})
        out[name] = {
            "pairs": len(preds),
            "grouped": sum(1 for p in preds if p.cls != "different"),
            "any": any_signal / len(preds) if preds else 0.0,
            "rates": {t: c / len(preds) for t, c in sorted(fired.items())},
        }
    return out


# ---------------------------------------------------------------------------------------
# newsdiff as a system, and one system's measurement over a data set


def newsdiff_system(options: newsdiff.Options | None = None) -> System:
    """Return newsdiff's public `compare` as a System (default options unless given)."""
    import newsdiff

    def run(named_texts: Sequence[tuple[str, str]]) -> Alignment:
        cmp = newsdiff.compare(list(named_texts), options)
        by_id = {doc.id: d for d, doc in enumerate(cmp.documents)}
        if sorted(by_id) != sorted(name for name, _ in named_texts):
            raise ValueError("newsdiff.compare returned other documents than it was given")
        # Our documents in input order; newsdiff's indices mapped to ours via the names.
        ours = {name: k for k, (name, _) in enumerate(named_texts)}
        to_ours = {d: ours[doc.id] for d, doc in enumerate(cmp.documents)}
        spans: list[tuple[tuple[int, int], ...]] = [()] * len(named_texts)
        for d, doc in enumerate(cmp.documents):
            if doc.text != named_texts[to_ours[d]][1]:
                # Offsets would point into another string: measuring would be meaningless.
                raise ValueError(f"newsdiff changed the text of document {doc.id!r}")
            spans[to_ours[d]] = tuple((s.start, s.end) for s in doc.sentences)
        groups = tuple(
            PGroup(
                g.kind,
                float(g.similarity),
                tuple(sorted((to_ours[m.doc], tuple(m.sentences)) for m in g.members)),
                tuple(
                    PSignal(
                        s.type,
                        tuple(to_ours[d] for d in s.docs),
                        tuple((to_ours[e.doc], e.sentence) for e in s.evidence),
                    )
                    for s in g.signals
                ),
                tuple(sorted((to_ours[e.doc], e.sentence) for e in g.elsewhere)),
            )
            for g in cmp.groups
        )
        return Alignment(tuple(spans), groups)

    return run


@dataclass
class Measurement:
    """All figures of one system on one data set, with the seconds each part took."""

    ecb_mixed: LinkCounts | None = None
    ecb_cluster: LinkCounts | None = None
    sts: StsResult | None = None
    per_topic: dict[str, LinkCounts] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)

    def figures(self) -> dict[str, float]:
        """Return the headline figures as flat "part.figure" keys (what the gate pins)."""
        out: dict[str, float] = {}
        if self.ecb_mixed is not None:
            for k in ("precision", "recall", "f1", "cross_event"):
                out[f"ecb_mixed.{k}"] = float(self.ecb_mixed.figures()[k])
        if self.ecb_cluster is not None:
            for k in ("precision", "recall", "f1"):
                out[f"ecb_cluster.{k}"] = float(self.ecb_cluster.figures(cross=False)[k])
        if self.sts is not None:
            f = self.sts.figures()
            for k in ("accuracy", "macro_f1", "spearman"):
                out[f"sts.{k}"] = float(f[k])  # type: ignore[arg-type]
            # Pairs people scored 5 say the same thing: any typed signal there is false.
            score5 = signal_rates(self.sts)["score 5"]["any"]
            out["sts.score5_signal_rate"] = float(score5)  # type: ignore[arg-type]
        return out

    def to_dict(self) -> dict[str, object]:
        """Return every figure, the counts behind them and the timings as JSON-ready data."""
        out: dict[str, object] = {"figures": self.figures(), "seconds": self.seconds}
        if self.ecb_mixed is not None:
            out["ecb_mixed"] = self.ecb_mixed.figures()
            out["ecb_mixed_per_topic"] = {t: c.figures() for t, c in self.per_topic.items()}
        if self.ecb_cluster is not None:
            out["ecb_cluster"] = self.ecb_cluster.figures(cross=False)
        if self.sts is not None:
            out["sts"] = self.sts.figures()
            out["signals"] = signal_rates(self.sts)
        return out


def measure(
    system: System,
    topics: dict[int, list[EcbDoc]],
    pairs: Sequence[StsPair],
    *,
    per_cluster: bool = True,
    sts: bool = True,
    progress: Callable[[str], None] | None = None,
) -> Measurement:
    """Run a system over ECB+ (mixed, optionally per cluster) and STS news and score it."""
    import time

    m = Measurement()
    modes = ["mixed", "cluster"] if per_cluster else ["mixed"]
    for mode in modes if topics else []:
        t0 = time.perf_counter()
        total = LinkCounts()
        for name, docs in ecb_runs(topics, mode):
            counts = score_ecb_run(docs, system([(d.id, d.text) for d in docs]))
            total.add(counts)
            if mode == "mixed":
                m.per_topic[name] = counts
            if progress:
                progress(f"ecb {mode} {name}")
        m.seconds[f"ecb_{mode}"] = time.perf_counter() - t0
        if mode == "mixed":
            m.ecb_mixed = total
        else:
            m.ecb_cluster = total
    if sts and pairs:
        t0 = time.perf_counter()
        result = StsResult()
        for pair in pairs:
            al = system([("s1", pair.s1), ("s2", pair.s2)])
            result.add(pair, predict_sts(pair, al))
        m.sts = result
        m.seconds["sts"] = time.perf_counter() - t0
        if progress:
            progress(f"sts {len(pairs)} pairs")
    return m
