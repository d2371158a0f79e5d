"""Same-story assignment: each new article joins the story of the most similar known article,
or starts its own. Never an all-pairs loop: candidates come from MinHash bands over word
shingles (text reuse: `BANDS` bands of `ROWS` values, so two texts with a Jaccard similarity of
0.15 share a band with probability about 0.5, of 0.3 about 0.95) and from an inverted index of
the article's rarer entities (the same people, places and organisations). Known articles are
searched with vectorised joins over their stored signatures, so a batch costs one linear pass
over what is known, not a Python loop over it; and only a story's first `REPRESENTATIVES`
articles stand for it, so a story's size does not slow its next article. Each candidate is then
scored:

- text: the estimated Jaccard similarity of the two articles' word 5-shingles;
- entities: the overlap of their rarer entity names (a name many articles carry, such as "UK",
  does not count), with at least `MIN_SHARED_ENTITIES` shared;
- time: when both articles have a publication date, they are at most `MAX_DAYS_APART` apart.

An article joins a story when text similarity reaches `SAME_TEXT`, or entity similarity reaches
`SAME_ENTITIES` within the time window. Articles are assigned in publication order, so a story's
id is the id of its first article.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from datasketch import MinHash

from pipeline.normalize import folded_words, word_ngrams

NUM_PERM = 64
BANDS, ROWS = 32, 2
SCHEME = "affine32"  # datasketch's permutation scheme; stored hash values are its uint32s
SHINGLE_WORDS = 5
SAME_TEXT = 0.15
SAME_ENTITIES = 0.5
MIN_SHARED_ENTITIES = 5
MAX_DAYS_APART = 7
REPRESENTATIVES = 5  # articles per story that new articles are compared with
MAX_ENTITY_DF = 0.01  # names in more articles than this share (or 20) are too common to count
# Candidate pairs of new and known articles scored at once (an article with more is scored
# alone): a pair costs about 0.7 KiB while scored (the two signatures side by side). 3,000 new
# articles that were each a candidate of 3,000 known ones peaked at 5.7 GiB scored at once,
# 385 MiB in chunks.
MAX_PAIRS = 200_000

_BAND_SALT = np.arange(BANDS, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)


def shingle_hashes(body: str) -> MinHash:
    grams = {" ".join(g).encode() for g in word_ngrams(folded_words(body), SHINGLE_WORDS)}
    signature = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    signature.update_batch(list(grams))
    return signature


def minhash_bytes(body: str) -> bytes:
    return bytes(shingle_hashes(body).hashvalues.astype(np.uint32).tobytes())


def band_keys(values: np.ndarray) -> np.ndarray:
    """One 64-bit key per band of a signature's values (rows: articles, if two-dimensional)."""
    pairs = values.astype(np.uint64).reshape(*values.shape[:-1], BANDS, ROWS)
    return ((pairs[..., 0] << np.uint64(32)) | pairs[..., 1]) ^ _BAND_SALT


@dataclass
class Signature:
    doc_id: str
    minhash: bytes
    entities: frozenset[str]
    published: date | None
    story_id: str | None = None
    values: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.values = np.frombuffer(self.minhash, dtype=np.uint32)


def assign(new: list[Signature], known: pa.Table) -> dict[str, str]:
    """doc_id -> story_id for `new`, given `known`: the `signatures` table of the articles
    already assigned (doc_id, minhash, entities, published, story_id)."""
    order = sorted(new, key=lambda s: (s.published is None, s.published or date.min, s.doc_id))
    total = known.num_rows + len(new)
    limit = max(20, int(MAX_ENTITY_DF * total))
    rare = _rare_names(new, known, limit)
    members, representative = _representatives(known)
    from_known = _best_known(order, known.filter(pa.array(representative)), rare)
    earlier: list[Signature] = []
    holders: dict[str, list[int]] = {}
    keys: dict[int, list[int]] = {}
    assigned: dict[str, str] = {}
    for signature, (known_story, known_score) in zip(order, from_known, strict=True):
        pool = _batch_candidates(signature, earlier, holders, keys, rare)
        best, score = _best(signature, pool, rare)
        story = best.story_id if best is not None and score > known_score else None
        story = story or known_story or signature.doc_id
        signature.story_id = assigned[signature.doc_id] = story
        members[story] += 1
        if members[story] > REPRESENTATIVES:
            continue  # the story is found through its first articles already
        position = len(earlier)
        earlier.append(signature)
        for name in signature.entities & rare:
            holders.setdefault(name, []).append(position)
        for key in band_keys(signature.values).tolist():
            keys.setdefault(key, []).append(position)
    return assigned


def _representatives(known: pa.Table) -> tuple[Counter[str], np.ndarray]:
    """Members per story, and which known rows stand for their story: the first
    `REPRESENTATIVES` of each. A new article is compared with these only, so a story of a
    thousand copies costs no more to join than one of five."""
    if not known.num_rows:
        return Counter(), np.zeros(0, dtype=bool)
    stories = pc.dictionary_encode(known["story_id"]).combine_chunks()
    codes = stories.indices.to_numpy(zero_copy_only=False)
    order = np.argsort(codes, kind="stable")
    sorted_codes = codes[order]
    starts = np.searchsorted(sorted_codes, sorted_codes, side="left")
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order)) - starts
    counts = np.bincount(codes, minlength=len(stories.dictionary))
    members = Counter(dict(zip(stories.dictionary.to_pylist(), counts.tolist(), strict=True)))
    return members, rank < REPRESENTATIVES


def _rare_names(new: list[Signature], known: pa.Table, limit: int) -> frozenset[str]:
    """The new articles' names that at most `limit` articles carry."""
    names = Counter(n for s in new for n in s.entities)
    if known.num_rows and names:
        flat = pc.list_flatten(known["entities"])
        seen = flat.filter(pc.is_in(flat, pa.array(sorted(names), pa.string())))
        for item in pc.value_counts(seen).to_pylist():
            names[item["values"]] += item["counts"]
    return frozenset(n for n, count in names.items() if count <= limit)


def _best_known(
    new: list[Signature], known: pa.Table, rare: frozenset[str]
) -> list[tuple[str | None, float]]:
    """For each new article, the story of its best-scoring known article and the score (None
    and 0.0 when none qualifies). Candidates and scores are computed with array operations
    over all of `known` at once: one linear pass per batch, no Python loop over known rows.
    New articles are scored in chunks of at most `MAX_PAIRS` candidate pairs, so a batch
    whose articles are each a candidate of thousands of known ones does not hold every pair
    at once; each article's result does not depend on the others in its chunk."""
    if not known.num_rows or not new:
        return [(None, 0.0)] * len(new)
    index = _KnownIndex.of(known, rare)
    values = np.stack([s.values for s in new])
    wanted = band_keys(values)
    left = np.searchsorted(index.sorted_keys, wanted, side="left")
    right = np.searchsorted(index.sorted_keys, wanted, side="right")
    names = [sorted(s.entities & rare) for s in new]
    cost = (right - left).sum(axis=1) + np.array(
        [sum(index.holding.get(name, 0) for name in mine) for mine in names], dtype=np.int64
    )
    found: list[tuple[str | None, float]] = [(None, 0.0)] * len(new)
    for part in _chunks(cost, MAX_PAIRS):
        band_pairs = _shared_keys(left[part], right[part], index.by_key, known.num_rows)
        entity_pairs, shared = _shared_names(names[part], index.holders, known.num_rows)
        pairs, where = np.unique(np.concatenate([band_pairs, entity_pairs]), return_inverse=True)
        names_shared = np.zeros(len(pairs), dtype=np.int64)
        names_shared[where[len(band_pairs) :]] = shared
        i, r = pairs // known.num_rows, pairs % known.num_rows
        new_rare = np.array([len(mine) for mine in names[part]], dtype=np.int64)
        score = _score(
            text=(values[part][i] == index.values[r]).mean(axis=1),
            shared=names_shared,
            smaller=np.minimum(new_rare[i], index.n_rare[r]),
            close=_close_days(_days([s.published for s in new[part]])[i], index.days[r]),
        )
        keep = score > 0
        i, r, score = i[keep], r[keep], score[keep]
        first = np.lexsort((r, -score, i))  # per new article: best score, then earliest known row
        i, r, score = i[first], r[first], score[first]
        lead = np.flatnonzero(np.r_[True, i[1:] != i[:-1]]) if len(i) else np.zeros(0, dtype=int)
        stories = known["story_id"].take(pa.array(r[lead])).to_pylist()
        for n, story, best in zip(i[lead].tolist(), stories, score[lead].tolist(), strict=True):
            found[part.start + n] = (story, best)
    return found


@dataclass(frozen=True)
class _KnownIndex:
    """The known articles as every chunk of new ones is compared with them, built once per
    batch: their MinHash values, their band keys sorted (with the flat position of each), their
    publication days, and which rows hold which rare names."""

    values: np.ndarray
    sorted_keys: np.ndarray
    by_key: np.ndarray
    days: np.ndarray
    holders: pa.Table  # (row, name) per rare name of a known row
    n_rare: np.ndarray  # rare names per known row
    holding: dict[str, int]  # known rows per rare name

    @classmethod
    def of(cls, known: pa.Table, rare: frozenset[str]) -> _KnownIndex:
        values = _minhash_values(known["minhash"]).reshape(known.num_rows, NUM_PERM)
        flat = band_keys(values).ravel()
        by_key = np.argsort(flat, kind="stable")
        holders = pa.table(
            {
                "row": pc.list_parent_indices(known["entities"]),
                "name": pc.list_flatten(known["entities"]),
            }
        )
        holders = holders.filter(pc.is_in(holders["name"], pa.array(sorted(rare), pa.string())))
        holding = {c["values"]: c["counts"] for c in pc.value_counts(holders["name"]).to_pylist()}
        return cls(
            values=values,
            sorted_keys=flat[by_key],
            by_key=by_key,
            days=_days(known["published"]),
            holders=holders,
            n_rare=np.bincount(holders["row"].to_numpy(), minlength=known.num_rows),
            holding=holding,
        )


def _chunks(cost: np.ndarray, limit: int) -> Iterator[slice]:
    """Consecutive runs of items whose costs add up to at most `limit` (an item costing more
    runs alone)."""
    start, total = 0, 0
    for n, item in enumerate(cost.tolist()):
        if n > start and total + item > limit:
            yield slice(start, n)
            start, total = n, 0
        total += item
    if start < len(cost):
        yield slice(start, len(cost))


def _shared_keys(left: np.ndarray, right: np.ndarray, by_key: np.ndarray, rows: int) -> np.ndarray:
    """Pair codes (new index * known rows + known row) of every shared band key, by a sorted
    join: `left:right` is where each new article's band key stands among the sorted stored
    keys (found by binary search), `by_key` the flat position of each sorted key."""
    counts = (right - left).ravel()
    if not counts.sum():
        return np.zeros(0, dtype=np.int64)
    starts = np.repeat(left.ravel() - np.cumsum(counts) + counts, counts)
    matched = by_key[starts + np.arange(counts.sum())] // BANDS
    owners = np.repeat(np.arange(counts.size) // BANDS, counts)
    return np.unique(owners.astype(np.int64) * rows + matched)


def _shared_names(
    names: list[list[str]], holders: pa.Table, rows: int
) -> tuple[np.ndarray, np.ndarray]:
    """Pair codes of new articles (with these rare names) and known rows sharing at least
    `MIN_SHARED_ENTITIES` rare names, and how many they share."""
    wanted = [(n, name) for n, mine in enumerate(names) for name in mine]
    asked = pa.table(
        {"new": [n for n, _ in wanted], "name": [name for _, name in wanted]},
        schema=pa.schema([("new", pa.int64()), ("name", pa.string())]),
    )
    shared = (
        asked.join(holders, keys="name", join_type="inner", use_threads=False)
        .group_by(["new", "row"], use_threads=False)
        .aggregate([("name", "count")])
    )
    shared = shared.filter(pc.greater_equal(shared["name_count"], MIN_SHARED_ENTITIES))
    codes = shared["new"].to_numpy() * rows + shared["row"].to_numpy()
    return codes.astype(np.int64), shared["name_count"].to_numpy()


def _days(published: list[date | None] | pa.ChunkedArray) -> np.ndarray:
    """Publication dates as day numbers, NaN where unknown."""
    array = pa.array(published, pa.date32()) if isinstance(published, list) else published
    days = pc.cast(array, pa.int32()).to_numpy(zero_copy_only=False)
    return np.asarray(days, dtype=np.float64)


def _close_days(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    close: np.ndarray = np.isnan(a) | np.isnan(b) | (np.abs(a - b) <= MAX_DAYS_APART)
    return close


def _minhash_values(column: pa.ChunkedArray) -> np.ndarray:
    """The stored MinHash values of every row, read from the Arrow buffer (no Python list)."""
    array = column.combine_chunks()
    offsets = np.frombuffer(array.buffers()[1], dtype=np.int32)
    offsets = offsets[array.offset : array.offset + len(array) + 1]
    data = np.frombuffer(array.buffers()[2], dtype=np.uint8)[offsets[0] : offsets[-1]]
    return data.view(np.uint32)


def _batch_candidates(
    signature: Signature,
    earlier: list[Signature],
    holders: dict[str, list[int]],
    keys: dict[int, list[int]],
    rare: frozenset[str],
) -> list[Signature]:
    """The articles assigned earlier in this batch that share a band or rare names."""
    positions = {p for key in band_keys(signature.values).tolist() for p in keys.get(key, ())}
    shared = Counter(p for n in signature.entities & rare for p in holders.get(n, ()))
    positions |= {p for p, count in shared.items() if count >= MIN_SHARED_ENTITIES}
    return [earlier[p] for p in sorted(positions)]


def _best(
    signature: Signature, pool: list[Signature], rare: frozenset[str]
) -> tuple[Signature | None, float]:
    """The best-scoring article of `pool` (the first of equals) and its score."""
    if not pool:
        return None, 0.0
    mine = signature.entities & rare
    theirs = [other.entities & rare for other in pool]
    scores = _score(
        text=(np.stack([other.values for other in pool]) == signature.values).mean(axis=1),
        shared=np.array([len(mine & names) for names in theirs]),
        smaller=np.array([min(len(mine), len(names)) for names in theirs]),
        close=_close_days(
            _days([signature.published] * len(pool)), _days([o.published for o in pool])
        ),
    )
    best = int(np.argmax(scores))
    return (pool[best], float(scores[best])) if scores[best] > 0 else (None, 0.0)


def _score(
    text: np.ndarray, shared: np.ndarray, smaller: np.ndarray, close: np.ndarray
) -> np.ndarray:
    """The same-story score of candidate pairs: their text similarity when it reaches
    `SAME_TEXT`; or, within the time window, their shared rare names over the smaller set when
    at least `MIN_SHARED_ENTITIES` are shared and that share reaches `SAME_ENTITIES`; else 0."""
    entities = np.where(shared >= MIN_SHARED_ENTITIES, shared / np.maximum(smaller, 1), 0.0)
    return np.maximum(
        np.where(text >= SAME_TEXT, text, 0.0),
        np.where(close & (entities >= SAME_ENTITIES), entities, 0.0),
    )
