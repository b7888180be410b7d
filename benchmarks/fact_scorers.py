"""Tell whether another scorer of the same evidence separates same-fact pairs better.

Run: `python benchmarks/fact_scorers.py [--facts DIR]` (a diagnosis, not a metric; no article
text printed or stored). For every cross-report pair of gold sentences of the fact gold, it
prints the link precision a scorer keeps at fixed link recalls when pairs are linked best
first by that scorer alone (no grouping):

- `link score` and `topic rank`: alignment's own (align/score.py, align/topic.py);
- `topic Dice`: the weighted Dice of the topic-discounted bags, without the rules;
- `clause max`: the best topic-bag Dice of any clause of one sentence with any clause of
  the other (clauses cut at punctuation, quotation marks, conjunctions and relatives), the
  unit of alignment the issue suggests when a sentence states two facts;
- `mutual best`: the topic rank of a pair that is each sentence's best partner in the
  other report, 0 otherwise (competitive linking);
- `learned (ECB+)`: a logistic regression of FEATURES, fitted on the annotated sentence
  pairs of ECB+ mixed topics (same gold event or not) and never on the fact gold.

It answers "are the words used badly, or are the words not enough?": when no scorer of these
features beats the topic rank, a better weighting will not reach the issue's targets.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections.abc import Callable, Sequence
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import factkit as fk
from benchmarks.fact_ceiling import Pair, event_pairs
from newsdiff.align.group import weighted_dice

if TYPE_CHECKING:
    from newsdiff.align.group import Linked
    from newsdiff.model import Document

RECALLS: tuple[float, ...] = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
FEATURES: tuple[str, ...] = (
    "dice",
    "topic dice",
    "plain dice",
    "names shared (Jaccard)",
    "a name shared",
    "a number shared",
    "numbers conflict",
    "days conflict",
    "quote run",
    "quote words",
    "a headline",
    "two headlines",
    "position apart",
    "length ratio",
    "log length",
)
# Clause boundaries: clause punctuation, quotation marks, and the words that open a clause.
_CLAUSE = re.compile(
    r"[;:,()\"\u201c\u201d\u2013\u2014]"
    r"|\b(?:and|but|while|although|though|because|after|before|when|who|which|whom|whose)\b",
    re.IGNORECASE,
)
# Least weight of a clause: a shorter stretch joins the clause before it (names alone,
# "he said", are no fact).
CLAUSE_WEIGHT = 6
# Logistic regression: L2 strength and full-batch gradient steps (standardised features).
_L2 = 1.0
_STEPS = 3000
_RATE = 0.5


def clauses(
    text: str, start: int, tokens: Sequence[Any], bag: dict[str, int]
) -> list[dict[str, int]]:
    """Return the bags of a sentence's clauses: its tokens' weights in `bag`, cut at _CLAUSE."""
    cuts = [m.start() + start for m in _CLAUSE.finditer(text)]
    parts: list[dict[str, int]] = [{}]
    at = 0
    for t in sorted(tokens, key=lambda t: t.start):
        while at < len(cuts) and cuts[at] <= t.start:
            if parts[-1]:
                parts.append({})
            at += 1
        if t.norm in bag:
            parts[-1][t.norm] = max(parts[-1].get(t.norm, 0), bag[t.norm])
    from newsdiff.align.group import union_bags

    out: list[dict[str, int]] = []
    for part in (p for p in parts if p):
        if out and sum(out[-1].values()) < CLAUSE_WEIGHT:
            out[-1] = union_bags([out[-1], part])
        else:
            out.append(part)
    if len(out) > 1 and sum(out[-1].values()) < CLAUSE_WEIGHT:
        last = out.pop()
        out[-1] = union_bags([out[-1], last])
    return out


class Evidence:
    """The features and clause bags of one comparison's units (from alignment's own steps)."""

    def __init__(self, linked: Linked, documents: Sequence[Document]) -> None:
        from newsdiff.align.score import marks_of, plain_words
        from newsdiff.align.topic import topic_bags

        units = linked.units
        self.linked = linked
        self.topic = topic_bags(units)
        self.plain = [plain_words(u) for u in units]
        self.marks = [marks_of(u.tokens) for u in units]
        canon = [documents[d] for d in linked.order]
        self.clauses = []
        for k, u in enumerate(units):
            s = canon[u.doc].sentences[u.sent]
            self.clauses.append(clauses(s.text, s.start, u.tokens, self.topic[k]))
        self.length: dict[int, int] = {}
        for u in units:
            self.length[u.doc] = max(self.length.get(u.doc, 0), u.sent + 1)
        # Each unit's best rank per other report, for `mutual best`.
        self.best: dict[tuple[int, int], tuple[float, int]] = {}
        for (a, b), r in sorted(linked.ranks.items()):
            for x, y in ((a, b), (b, a)):
                key = (x, units[y].doc)
                if r > self.best.get(key, (0.0, -1))[0]:
                    self.best[key] = (r, y)

    def features(self, a: int, b: int) -> list[float]:
        """Return FEATURES of the pair of units a, b."""
        from newsdiff.align.evidence import Quoted, days_conflict

        ua, ub = self.linked.units[a], self.linked.units[b]
        (na, ma), (nb, mb) = self.marks[a], self.marks[b]
        quoted = ua.quote_match(ub)
        la, lb = sum(ua.weights.values()), sum(ub.weights.values())
        apart = abs(ua.sent / self.length[ua.doc] - ub.sent / self.length[ub.doc])
        return [
            weighted_dice(ua.weights, ub.weights),
            weighted_dice(self.topic[a], self.topic[b]),
            weighted_dice(self.plain[a], self.plain[b]),
            len(ma & mb) / (len(ma | mb) or 1),
            float(bool(ma & mb)),
            float(bool(na & nb)),
            float(bool(na and nb and na.isdisjoint(nb))),
            float(days_conflict(ua.days, ub.days)),
            float(quoted is Quoted.RUN),
            float(quoted is Quoted.WORDS),
            float(ua.headline or ub.headline),
            float(ua.headline and ub.headline),
            apart,
            min(la, lb) / max(la, lb, 1),
            math.log1p(min(la, lb)),
        ]

    def values(self, a: int, b: int) -> tuple[float, ...]:
        """Return (clause max, mutual best, *FEATURES) of the pair a < b."""
        units = self.linked.units
        clause = max(
            (weighted_dice(x, y) for x in self.clauses[a] for y in self.clauses[b]), default=0.0
        )
        rank = self.linked.ranks.get((a, b), 0.0)
        mutual = (
            self.best.get((a, units[b].doc), (0.0, -1))[1] == b
            and self.best.get((b, units[a].doc), (0.0, -1))[1] == a
        )
        return (clause, rank if mutual else 0.0, *self.features(a, b))


def ecb_pairs() -> tuple[list[list[float]], list[int]]:
    """Return FEATURES and same-event labels of the annotated cross-report pairs of ECB+."""
    from benchmarks import evalkit as ek

    xs: list[list[float]] = []
    ys: list[int] = []
    for _, docs in ek.ecb_runs(ek.load_ecb(), "mixed"):
        linked, seg = fk.linked_run([(d.id, d.text) for d in docs])
        ev = Evidence(linked, seg)
        unit_of = linked.unit_at()
        marked = []
        for d, doc in enumerate(docs):
            spans = [(s.start, s.end) for s in seg[d].sentences]
            for g in doc.gold:
                cov = ek.covering(spans, g.start, g.end) if g.annotated else None
                unit = None if cov is None else unit_of.get((d, cov))
                if unit is not None:
                    marked.append((d, unit, g.events))
        for (da, ua, ea), (db, ub, eb) in combinations(marked, 2):
            if da != db and ua != ub:
                xs.append(ev.features(min(ua, ub), max(ua, ub)))
                ys.append(int(not ea.isdisjoint(eb)))
    return xs, ys


class Logistic:
    """A logistic regression on standardised features, fitted by full-batch gradient descent."""

    def __init__(self, xs: Sequence[Sequence[float]], ys: Sequence[int]) -> None:
        import numpy as np

        x = np.asarray(xs, dtype=np.float64)
        y = np.asarray(ys, dtype=np.float64)
        self.mean = x.mean(axis=0)
        self.scale = x.std(axis=0) + 1e-9
        z = np.hstack([(x - self.mean) / self.scale, np.ones((len(x), 1))])
        w = np.zeros(z.shape[1])
        for _ in range(_STEPS):
            p = 1 / (1 + np.exp(-z @ w))
            grad = z.T @ (p - y) / len(y) + _L2 * np.r_[w[:-1], 0.0] / len(y)
            w -= _RATE * grad
        self.weights = w

    def __call__(self, features: Sequence[float]) -> float:
        """Return the probability the pair is a positive."""
        import numpy as np

        z = (np.asarray(features, dtype=np.float64) - self.mean) / self.scale
        return float(1 / (1 + math.exp(-(float(z @ self.weights[:-1]) + self.weights[-1]))))


def precision_at(
    scores: Sequence[float], gold: Sequence[bool], total: int, recall: float
) -> float | None:
    """Return the precision when pairs are taken best first until `recall` of `total` is found.

    Ties are taken together; None when that recall is never reached (pairs scored 0 are
    never taken).
    """
    order = sorted((s, g) for s, g in zip(scores, gold, strict=True) if s > 0)[::-1]
    need = recall * total
    found = taken = 0
    i = 0
    while i < len(order):
        j = i
        while j < len(order) and order[j][0] == order[i][0]:
            found += order[j][1]
            j += 1
        taken, i = j, j
        if found >= need:
            return found / taken
    return None


def scorer_table(pairs: Sequence[Pair], model: Callable[[Sequence[float]], float]) -> list[str]:
    """Return the table: each scorer's link precision at each of RECALLS."""
    gold = [p.gold for p in pairs]
    total = sum(gold)
    # Pair.values is Evidence.values: clause max, mutual best, then the FEATURES.
    topic_dice = 2 + FEATURES.index("topic dice")
    rows: list[tuple[str, list[float]]] = [
        ("link score", [p.score for p in pairs]),
        ("topic rank", [p.rank for p in pairs]),
        ("topic Dice", [p.values[topic_dice] if p.values else 0.0 for p in pairs]),
        ("clause max", [p.values[0] if p.values else 0.0 for p in pairs]),
        ("mutual best", [p.values[1] if p.values else 0.0 for p in pairs]),
        ("learned (ECB+)", [model(p.values[2:]) if p.values else 0.0 for p in pairs]),
    ]
    head = "precision at link recall" + "".join(f"{r:>7.2f}" for r in RECALLS)
    out = [head, "-" * len(head)]
    for name, scores in rows:
        cells = [precision_at(scores, gold, total, r) for r in RECALLS]
        out.append(f"{name:<24}" + "".join("      -" if c is None else f"{c:>7.3f}" for c in cells))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Print each scorer's precision at fixed recalls on the fact gold."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--facts", help="the fact gold folder (default: ../shared/eval/facts)")
    args = ap.parse_args(argv)
    root = fk.facts_dir(args.facts)
    if not root.is_dir():
        print(f"fact gold not found at {root}: skipped")
        return 0
    xs, ys = ecb_pairs()
    model = Logistic(xs, ys)
    pairs: list[Pair] = []
    for event in fk.load_facts(root):
        linked, seg = fk.linked_run(event.named_texts())
        pairs.extend(event_pairs(event, linked, seg, Evidence(linked, seg).values))
    print(f"fact gold: {sum(p.gold for p in pairs)} gold links, {len(pairs)} cross-report pairs;")
    print(f"learned scorer fitted on {len(ys)} ECB+ pairs ({sum(ys)} same event), never the facts")
    print()
    print("\n".join(scorer_table(pairs, model)))
    weights = ", ".join(f"{n} {w:+.2f}" for n, w in zip(FEATURES, model.weights, strict=False))
    print(f"\nlearned weights (standardised): {weights}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
