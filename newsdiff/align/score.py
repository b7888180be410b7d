"""Score sentence pairs across documents: weighted bags, candidate pairs, link scores.

Each sentence becomes a weighted bag of normalised tokens. To let rapidfuzz do the work,
a bag is encoded as a string: every distinct token is one code point, repeated as often
as its (integer) weight, and the code points are sorted. For two sorted strings the
longest common subsequence is exactly the weighted overlap of the bags, so rapidfuzz's
Indel distance (vectorised by `process.cdist`) yields a weighted Dice coefficient.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from newsdiff.align.evidence import Quoted, days_conflict
from newsdiff.align.stories import stories
from newsdiff.align.topic import topic_bags
from newsdiff.align.units import Unit
from newsdiff.options import Options
from newsdiff.text.words import Token

# Below this many candidate pairs scalar loops beat numpy (imported with nltk anyway); the
# ranking (topic.rank_scores) switches at the same count.
SCALAR_PAIRS = 2_000
# Above this many unit pairs sharing a token, candidates are the pairs that are similar
# enough (_similar_pairs) rather than all pairs sharing a token.
_INDEX_PAIRS = 1_000_000
# In that case, the share of the link threshold a pair's plain Dice must reach to be
# scored: pairs below it count 0 in a group's average support (penalties only lower a
# score, so every pair that can link is kept).
_SIMILAR_SHARE = 0.5
# Rows of the similarity matrix computed at once by _similar_pairs (bounds its memory).
_BLOCK_ROWS = 256
# Most candidate pairs kept in all (_best_pairs): past it each unit keeps its best few
# partners, so scoring and grouping stay linear in the units (near-copies at scale).
_MAX_PAIRS = 1_000_000
# Fewest partners a unit keeps in that case, however many units there are.
_MIN_BEST = 50
# Cells of the unit x unit similarity matrix computed at once by _best_pairs.
_BLOCK_CELLS = 1 << 22
# Least weighted overlap of words other than names and numbers two sentences need to be
# scored in full: the weight of one uncommon word (background_weight 3, Zipf <= 4.5) or of
# two common ones. Sentences that share only names and numbers share a topic ("then-Harbour
# Board chair Ana Delgado"), rarely a fact; they are weakened as conflicting marks are.
_PLAIN_SHARED = 3
# First code point of the token alphabet: above the BMP, so no surrogates are hit.
_ALPHABET = 0x10000


@dataclass(frozen=True)
class AlignParams:
    """Thresholds of the aligner (see Options for their meaning)."""

    link_threshold: float
    conflict_penalty: float
    split_containment: float
    affinity_floor: float = 0.0
    cross_story_penalty: float = 0.5
    group_support: float = 0.3
    quote_link: float = 0.5

    @classmethod
    def from_options(cls, options: Options) -> AlignParams:
        """Return the aligner's share of a comparison's options."""
        return cls(
            link_threshold=options.link_threshold,
            conflict_penalty=options.conflict_penalty,
            split_containment=options.split_containment,
            affinity_floor=options.affinity_floor,
            cross_story_penalty=options.cross_story_penalty,
            group_support=options.group_support,
            quote_link=options.quote_link,
        )


def _encode(units: Sequence[Unit]) -> list[str]:
    """Encode each unit's bag as a sorted string of repeated token code points."""
    return encode_bags([u.weights for u in units])


def encode_bags(bags: Sequence[Mapping[str, int]]) -> list[str]:
    """Encode weighted bags of words as strings whose Indel overlap is the bags' overlap."""
    vocab: dict[str, int] = {}
    for bag in bags:
        for norm in sorted(bag):
            vocab.setdefault(norm, len(vocab))
    out = []
    for bag in bags:
        ids = sorted((vocab[n], q) for n, q in bag.items())
        out.append("".join(chr(_ALPHABET + i) * q for i, q in ids))
    return out


def _candidate_pairs(
    units: Sequence[Unit], codes: Sequence[str], min_dice: float
) -> list[tuple[int, int]]:
    """Return index pairs of units in different documents, same script, sharing a token.

    Every such pair while there are few (the pairs' count grows with the square of the
    reports sharing a word); above `_INDEX_PAIRS`, only the pairs whose weighted Dice
    reaches `min_dice` (see `_similar_pairs`).
    """
    found = _candidates(units, lambda: codes, min_dice)
    if isinstance(found, list):
        return found
    return list(zip(found[0].tolist(), found[1].tolist(), strict=True))


def _candidates(
    units: Sequence[Unit], codes: Callable[[], Sequence[str]], min_dice: float
) -> list[tuple[int, int]] | tuple[Any, Any]:
    """Return `_candidate_pairs`' pairs: a list, or (first, second) numpy arrays when many.

    `codes` gives the encoded units, encoded only when the large-input path needs them.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for k, u in enumerate(units):
        for norm in u.weights:
            postings[norm].append(k)
    estimate = sum(len(ks) * (len(ks) - 1) // 2 for ks in postings.values())
    if estimate > _INDEX_PAIRS:
        return _similar_pairs(units, codes(), min_dice)
    if estimate >= SCALAR_PAIRS:
        return _index_arrays(units, list(postings.values()))
    pairs: set[tuple[int, int]] = set()
    for ks in postings.values():
        for x in range(len(ks)):
            for y in range(x + 1, len(ks)):
                a, b = ks[x], ks[y]
                if units[a].doc != units[b].doc and units[a].script == units[b].script:
                    pairs.add((a, b))
    return sorted(pairs)


def _index_arrays(units: Sequence[Unit], postings: list[list[int]]) -> tuple[Any, Any]:
    """Return `_candidate_pairs`' pairs from the posting lists as two arrays (same order)."""
    import numpy as np

    flat = np.fromiter((k for ks in postings for k in ks), dtype=np.int64)
    size = np.array([len(ks) for ks in postings], dtype=np.int64)
    # Each entry pairs with the entries after it in its posting list.
    after = np.repeat(np.cumsum(size), size) - np.arange(len(flat)) - 1
    first = np.repeat(np.arange(len(flat)), after)
    second = first + 1 + np.arange(len(first)) - np.repeat(np.cumsum(after) - after, after)
    a, b = flat[first], flat[second]
    doc = np.array([u.doc for u in units])
    script_of: dict[str, int] = {}
    script = np.array([script_of.setdefault(u.script, len(script_of)) for u in units])
    ok = (doc[a] != doc[b]) & (script[a] == script[b])
    keys = np.unique(a[ok] * len(units) + b[ok])
    return keys // len(units), keys % len(units)


def _similar_pairs(
    units: Sequence[Unit], codes: Sequence[str], min_dice: float
) -> list[tuple[int, int]]:
    """Return the pairs of units (as `_candidate_pairs`) whose weighted Dice >= min_dice.

    Large inputs: in a cluster of hundreds of reports most sentences share some word, so
    the inverted index yields nearly all pairs. Instead rapidfuzz scores the distinct bags
    against each other in blocks of rows (Indel's normalised similarity of two encoded
    bags is their weighted Dice) and keeps what reaches the cut-off, in C and in bounded
    memory. Identical bags (a report reprinted, wire copy) are scored once and their
    copies paired afterwards. The cost still grows with the square of the distinct
    sentences, at tens of nanoseconds a pair.
    """
    import numpy as np
    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    index: dict[str, int] = {}
    of_unit = np.full(len(codes), -1, dtype=np.int64)
    for k, code in enumerate(codes):
        if code:  # a unit without weighted tokens shares nothing with anything
            of_unit[k] = index.setdefault(code, len(index))
    distinct = list(index)
    # The units of each distinct bag, as slices of one array.
    members = np.argsort(of_unit, kind="stable")[np.count_nonzero(of_unit < 0) :]
    count = np.bincount(of_unit[of_unit >= 0], minlength=len(distinct))
    offset = np.concatenate(([0], np.cumsum(count)[:-1]))
    firsts: list[Any] = []
    seconds: list[Any] = []
    pairs = 0
    for start in range(0, len(distinct), _BLOCK_ROWS):
        block = process.cdist(
            distinct[start : start + _BLOCK_ROWS],
            distinct[start:],
            scorer=Indel.normalized_similarity,
            score_cutoff=min_dice,
            dtype=np.float32,
            workers=-1,
        )
        rows, cols = np.nonzero(block)
        i, j = rows + start, cols + start
        keep = j >= i  # each pair of distinct bags once (the block's lower part is a repeat)
        firsts.append(i[keep])
        seconds.append(j[keep])
        pairs += int((count[i[keep]] * count[j[keep]]).sum())
        if pairs > _MAX_PAIRS:
            return _best_pairs(units, codes, min_dice)
    i = np.concatenate(firsts) if firsts else np.zeros(0, dtype=np.int64)
    j = np.concatenate(seconds) if seconds else np.zeros(0, dtype=np.int64)
    # Every unit of bag i with every unit of bag j: pair p has count[i] * count[j] of them.
    per = count[i] * count[j]
    p = np.repeat(np.arange(len(i)), per)
    k = np.arange(len(p)) - np.repeat(np.cumsum(per) - per, per)
    a = members[offset[i[p]] + k // count[j[p]]]
    b = members[offset[j[p]] + k % count[j[p]]]
    x, y = np.minimum(a, b), np.maximum(a, b)
    doc = np.array([u.doc for u in units])
    script_of: dict[str, int] = {}
    script = np.array([script_of.setdefault(u.script, len(script_of)) for u in units])
    # Within one bag each pair comes twice (a, b and b, a) and with itself: keep a < b.
    ok = ((i[p] != j[p]) | (a < b)) & (doc[x] != doc[y]) & (script[x] == script[y])
    x, y = x[ok], y[ok]
    order = np.lexsort((y, x))
    return list(zip(x[order].tolist(), y[order].tolist(), strict=True))


def _best_pairs(
    units: Sequence[Unit], codes: Sequence[str], min_dice: float
) -> list[tuple[int, int]]:
    """Return the pairs (as `_similar_pairs`) in which one unit is among the other's best.

    When the similar pairs pass `_MAX_PAIRS` (thousands of near-identical sentences) every
    unit keeps its `max(_MIN_BEST, _MAX_PAIRS // units)` most similar partners by weighted
    Dice (ties: the nearest position, then the earlier unit), so there are at most
    `units * max(_MIN_BEST, _MAX_PAIRS // units)` pairs. A pair left out counts 0 in a
    group's average support, as a pair below `min_dice` does.
    """
    import numpy as np
    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    n = len(units)
    best = max(_MIN_BEST, _MAX_PAIRS // max(n, 1))
    doc = np.array([u.doc for u in units])
    sent = np.array([u.sent for u in units])
    script_of: dict[str, int] = {}
    script = np.array([script_of.setdefault(u.script, len(script_of)) for u in units])
    empty = np.array([not c for c in codes])
    rows = max(1, _BLOCK_CELLS // max(n, 1))
    firsts: list[Any] = []
    seconds: list[Any] = []
    for start in range(0, n, rows):
        stop = min(n, start + rows)
        sim = process.cdist(
            codes[start:stop],
            codes,
            scorer=Indel.normalized_similarity,
            score_cutoff=min_dice,
            dtype=np.float32,
            workers=-1,
        )
        own = np.arange(start, stop)
        sim[(doc[own, None] == doc[None, :]) | (script[own, None] != script[None, :])] = 0
        sim[:, empty] = 0
        sim[empty[start:stop]] = 0
        # Each row's `best` most similar partners: among equal similarities the nearest
        # position first (as the grouping ranks links), then the earlier unit (copies that
        # differ in a number pair in order). Only the cells above the cut-off are sorted
        # (a zero is never kept), not whole rows: most cells are below it.
        r, c = np.nonzero(sim)
        far = np.abs(sent[own[r]] - sent[c])
        order = np.lexsort((c, far, -sim[r, c], r))
        r, c = r[order], c[order]
        counts = np.bincount(r, minlength=stop - start)
        rank = np.arange(len(r)) - (np.cumsum(counts) - counts)[r]
        keep = rank < best
        a, b = own[r[keep]], c[keep]
        firsts.append(np.minimum(a, b))
        seconds.append(np.maximum(a, b))
    x = np.concatenate(firsts) if firsts else np.zeros(0, dtype=np.int64)
    y = np.concatenate(seconds) if seconds else np.zeros(0, dtype=np.int64)
    keys = np.unique(x.astype(np.int64) * n + y)
    return list(zip((keys // n).tolist(), (keys % n).tolist(), strict=True))


def overlaps(codes: Sequence[str], pairs: Sequence[tuple[int, int]]) -> list[int]:
    """Return the weighted overlap (LCS length) of each pair of encoded units."""
    from rapidfuzz.distance import Indel

    if len(pairs) < SCALAR_PAIRS:
        return [
            (len(codes[a]) + len(codes[b]) - Indel.distance(codes[a], codes[b])) // 2
            for a, b in pairs
        ]
    import numpy as np

    first, second = np.array(pairs, dtype=np.int64).reshape(-1, 2).T
    result: list[int] = _overlap_array(codes, first, second).tolist()
    return result


def _overlap_array(codes: Sequence[str], first: Any, second: Any) -> Any:
    """Return the weighted overlaps of the pairs (first[k], second[k]) as a numpy array."""
    import numpy as np
    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    # Pair by pair (cpdist), not a rows x columns matrix: memory stays linear in pairs.
    dist = process.cpdist(
        [codes[a] for a in first.tolist()],
        [codes[b] for b in second.tolist()],
        scorer=Indel.distance,
        dtype=np.int64,
        workers=-1,
    )
    length = np.fromiter(map(len, codes), dtype=np.int64, count=len(codes))
    return (length[first] + length[second] - dist) // 2


def plain_words(unit: Unit) -> dict[str, int]:
    """Return a unit's weighted bag without its names and numbers."""
    marked = {t.norm for t in unit.tokens if t.is_name or t.is_number}
    return {n: q for n, q in unit.weights.items() if n not in marked}


def conflict(a: Sequence[Token], b: Sequence[Token]) -> bool:
    """Tell whether two sentences name different numbers or different names, none shared."""
    return marks_conflict(marks_of(a), marks_of(b))


Marks = tuple[frozenset[str], frozenset[str]]


def marks_of(tokens: Sequence[Token]) -> Marks:
    """Return a sentence's numbers and names (what `conflict` compares)."""
    return (
        frozenset(t.norm for t in tokens if t.is_number),
        frozenset(t.norm for t in tokens if t.is_name),
    )


def marks_conflict(a: Marks, b: Marks) -> bool:
    """Tell `conflict` from the sentences' marks (computed once per sentence, not pair)."""
    # Unrolled: this runs for every scored pair, millions in a large cluster.
    (na, ma), (nb, mb) = a, b
    return bool(na and nb and na.isdisjoint(nb)) or bool(ma and mb and ma.isdisjoint(mb))


def lifted(score: float, quoted: Quoted, params: AlignParams) -> float:
    """Return a pair's score raised by the quotation both sentences reproduce (Unit.quote_match)."""
    if quoted is Quoted.RUN:
        # The same words quoted: one statement, however long the sentence around it.
        return max(score, params.quote_link)
    if quoted is Quoted.WORDS:
        # A short quote whose words the other also quotes: the same statement, shown by
        # fewer words than a run, so it earns a link but not a run's precedence
        # (measured: at quote_link, ECB+ quick-subset F1 0.340 -> 0.325).
        return max(score, params.link_threshold)
    return score


def conflicting(
    a: Marks, b: Marks, days_a: frozenset[int], days_b: frozenset[int], plain: int
) -> bool:
    """Tell whether a pair's link is weakened: conflicting marks or days, or few plain words.

    `plain`: the weighted overlap of their bags without names and numbers (plain_words).
    """
    return few_plain_words(plain) or marks_conflict(a, b) or days_conflict(days_a, days_b)


def few_plain_words(plain: Any) -> Any:
    """Tell whether a pair shares too few words besides names and numbers (_PLAIN_SHARED).

    `plain`: one overlap (a bool is returned) or a numpy array of them (an array of bools).
    """
    return plain < _PLAIN_SHARED


def _dice(codes: Sequence[str], inter: int, a: int, b: int) -> float:
    """Return the weighted Dice coefficient of two units from their overlap."""
    total = len(codes[a]) + len(codes[b])
    return 2 * inter / total if total else 0.0


def score_pairs(units: Sequence[Unit], params: AlignParams) -> dict[tuple[int, int], float]:
    """Return the link score of every candidate pair (a < b) of units."""
    return score_links(units, params).scores


@dataclass(frozen=True)
class Links:
    """Scored pairs, and in their order what topic.rank_scores reads of each pair again.

    `dice`: the weighted Dice of the pair's bags (its score before any rule);
    `topic_dice`: that of their topic bags (each word divided by its report's sentences).
    """

    scores: dict[tuple[int, int], float]
    dice: Sequence[float]
    topic_dice: Sequence[float]


def score_links(units: Sequence[Unit], params: AlignParams) -> Links:
    """Return the link score of every candidate pair (a < b) of units, and their overlaps."""
    encoded: list[list[str]] = []

    def encode() -> list[str]:
        if not encoded:
            encoded.append(_encode(units))
        return encoded[0]

    pairs = _candidates(units, encode, params.link_threshold * _SIMILAR_SHARE)
    story = stories(units, params.affinity_floor)
    marks = [marks_of(u.tokens) for u in units]
    plain_bags = [plain_words(u) for u in units]
    if not isinstance(pairs, list) or len(pairs) >= SCALAR_PAIRS:
        return _score_arrays(units, params, plain_bags, pairs, marks, story)
    codes = encode()
    topic = encode_bags(topic_bags(units))
    scores: dict[tuple[int, int], float] = {}
    kept: list[float] = []
    kept_topic: list[float] = []
    inters = overlaps(codes, pairs)
    plains = overlaps(encode_bags(plain_bags), pairs)
    topics = overlaps(topic, pairs)
    for (a, b), inter, plain, inter_t in zip(pairs, inters, plains, topics, strict=True):
        dice = _dice(codes, inter, a, b)
        ua, ub = units[a], units[b]
        s = lifted(dice, ua.quote_match(ub), params)
        if conflicting(marks[a], marks[b], ua.days, ub.days, plain):
            s *= params.conflict_penalty
        if ua.headline_conflict(ub):
            s *= params.conflict_penalty
        if story:
            da, db = units[a].doc, units[b].doc
            # A report left out of the story clustering (no names) is in every story.
            if da in story and db in story and story[da] != story[db]:
                s *= params.cross_story_penalty
        if s > 0:
            scores[(a, b)] = s
            kept.append(dice)
            kept_topic.append(_dice(topic, inter_t, a, b))
    return Links(scores, kept, kept_topic)


def bag_overlaps(
    bag_lists: Sequence[Sequence[Mapping[str, int]]], first: Any, second: Any
) -> list[Any]:
    """Return, per list of bags (one bag a unit), the weighted overlap of each pair's bags.

    Pairs (first[k], second[k]) with first[k] < second[k], each once. The bags of every list
    hold only words of the first list's bags. While the pairs of units that share a word
    are few (the inverted index's bound, `_INDEX_PAIRS`), each overlap is summed word by
    word from the posting lists (the minimum of the two weights of every shared word: the
    same integer as the LCS of the encoded bags); otherwise rapidfuzz's `cpdist` compares
    the encoded bags.
    """
    import numpy as np

    base = bag_lists[0]
    postings: dict[str, list[int]] = defaultdict(list)
    for k, bag in enumerate(base):
        for norm in bag:
            postings[norm].append(k)
    size = np.fromiter(map(len, postings.values()), dtype=np.int64, count=len(postings))
    if int((size * (size - 1) // 2).sum()) > _INDEX_PAIRS:
        return [_overlap_array(encode_bags(bags), first, second) for bags in bag_lists]
    entries = int(size.sum())
    flat = np.fromiter((k for ks in postings.values() for k in ks), dtype=np.int64, count=entries)
    # Every pair of entries of one posting list, as _index_arrays enumerates them: a < b.
    after = np.repeat(np.cumsum(size), size) - np.arange(entries) - 1
    x = np.repeat(np.arange(entries), after)
    y = x + 1 + np.arange(len(x)) - np.repeat(np.cumsum(after) - after, after)
    n = len(base)
    target = first * n + second
    sorter = np.argsort(target, kind="stable")
    key = flat[x] * n + flat[y]
    at = np.searchsorted(target, key, sorter=sorter)
    hit = at < len(target)
    hit[hit] = target[sorter[at[hit]]] == key[hit]
    pair = sorter[at[hit]]
    out = []
    for bags in bag_lists:
        weight = np.fromiter(
            (bags[k].get(norm, 0) for norm, ks in postings.items() for k in ks),
            dtype=np.int64,
            count=entries,
        )
        shared = np.minimum(weight[x[hit]], weight[y[hit]])
        out.append(np.bincount(pair, weights=shared, minlength=len(target)).astype(np.int64))
    return out


def quote_matches(units: Sequence[Unit], first: Any, second: Any) -> Any:
    """Return Unit.quote_match of each pair (first[k], second[k]), as an int8 array."""
    import numpy as np

    # Both kinds of evidence need quoted content words on both sides.
    said = np.array([bool(u.quoted_words) for u in units], dtype=bool)
    out = np.zeros(len(first), dtype=np.int8)
    picked = np.flatnonzero(said[first] & said[second])
    out[picked] = [
        units[a].quote_match(units[b])
        for a, b in zip(first[picked].tolist(), second[picked].tolist(), strict=True)
    ]
    return out


def _score_arrays(
    units: Sequence[Unit],
    params: AlignParams,
    plain_bags: Sequence[Mapping[str, int]],
    pairs: list[tuple[int, int]] | tuple[Any, Any],
    marks: Sequence[Marks],
    story: dict[int, int],
) -> Links:
    """Return `score_links` for many pairs: the same rules and floats, a pair per array cell.

    Each step is the scalar loop's, element-wise in float64 (a division of the same
    integers, a product by the same penalty), so every score is the same to the last bit.
    The topic bags' overlaps are found with the others, for topic.rank_scores.
    """
    import numpy as np

    if isinstance(pairs, list):
        first, second = np.array(pairs, dtype=np.int64).reshape(-1, 2).T
    else:
        first, second = pairs
    bags = [u.weights for u in units]
    topic = topic_bags(units)
    inter, plain, inter_t = bag_overlaps([bags, plain_bags, topic], first, second)
    dice = bag_dice(bags, first, second, inter)
    # Each rule is the scalar loop's own function, called on the pairs it can apply to.
    s = dice.copy()
    kinds = quote_matches(units, first, second)
    picked = np.flatnonzero(kinds)
    s[picked] = [
        lifted(d, Quoted(q), params)
        for d, q in zip(dice[picked].tolist(), kinds[picked].tolist(), strict=True)
    ]
    # A conflict needs marks or days on both sides, unless few plain words are shared.
    conflict = few_plain_words(plain)
    marked = np.array([bool(m[0] or m[1] or u.days) for m, u in zip(marks, units, strict=True)])
    picked = np.flatnonzero(marked[first] & marked[second] & ~conflict)
    conflict[picked] = [
        conflicting(marks[a], marks[b], units[a].days, units[b].days, p)
        for a, b, p in zip(
            first[picked].tolist(), second[picked].tolist(), plain[picked].tolist(), strict=True
        )
    ]
    s = np.where(conflict, s * params.conflict_penalty, s)
    heads = np.array([u.headline for u in units], dtype=bool)
    picked = np.flatnonzero(heads[first] & heads[second])
    both = np.zeros(len(first), dtype=bool)
    both[picked] = [
        units[a].headline_conflict(units[b])
        for a, b in zip(first[picked].tolist(), second[picked].tolist(), strict=True)
    ]
    s = np.where(both, s * params.conflict_penalty, s)
    if story:
        # A report left out of the story clustering (no names) is in every story.
        of_doc = np.array([story.get(u.doc, -1) for u in units], dtype=np.int64)
        sa, sb = of_doc[first], of_doc[second]
        s = np.where((sa >= 0) & (sb >= 0) & (sa != sb), s * params.cross_story_penalty, s)
    keep = s > 0
    keys = zip(first[keep].tolist(), second[keep].tolist(), strict=True)
    scores = dict(zip(keys, s[keep].tolist(), strict=True))
    topic_dice = bag_dice(topic, first[keep], second[keep], inter_t[keep])
    return Links(scores, dice[keep], topic_dice)


def bag_dice(bags: Sequence[Mapping[str, int]], first: Any, second: Any, inter: Any) -> Any:
    """Return the weighted Dice of each pair of bags from their overlaps (0 for two empty)."""
    import numpy as np

    # An encoded bag's length (see encode_bags) is the sum of its weights.
    length = np.fromiter((sum(b.values()) for b in bags), dtype=np.int64, count=len(bags))
    total = length[first] + length[second]
    return np.divide(2 * inter, total, out=np.zeros(len(total)), where=total > 0)
