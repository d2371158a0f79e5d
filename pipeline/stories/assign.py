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

_BAND_SALT = np.arange(BANDS, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)


def shingle_hashes(body: str) -> MinHash:
    grams = {" ".join(g).encode() for g in word_ngrams(folded_words(body), SHINGLE_WORDS)}
    signature = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    signature.update_batch(list(grams))
    return signature


def minhash_bytes(body: str) -> bytes:
    return shingle_hashes(body).hashvalues.astype(np.uint32).tobytes()


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

    def similarity(self, other: Signature) -> float:
        """Estimated Jaccard similarity of the two texts' shingles."""
        return float(np.mean(self.values == other.values))


def assign(new: list[Signature], known: pa.Table) -> dict[str, str]:
    """doc_id -> story_id for `new`, given `known`: the `signatures` table of the articles
    already assigned (doc_id, minhash, entities, published, story_id)."""
    order = sorted(new, key=lambda s: (s.published is None, s.published or date.min, s.doc_id))
    total = known.num_rows + len(new)
    limit = max(20, int(MAX_ENTITY_DF * total))
    rare = _rare_names(new, known, limit)
    members, representative = _representatives(known)
    candidates = _known_candidates(order, known.filter(pa.array(representative)), rare)
    candidates = {  # back to rows of `known`
        doc: {int(r) for r in np.flatnonzero(representative)[sorted(rows)]}
        for doc, rows in candidates.items()
    }
    rows = sorted({r for found in candidates.values() for r in found})
    found_known = _signatures(known.take(pa.array(rows, pa.int64()))) if rows else []
    by_row = dict(zip(rows, found_known, strict=True))
    earlier: list[Signature] = []
    holders: dict[str, list[int]] = {}
    keys: dict[int, list[int]] = {}
    assigned: dict[str, str] = {}
    for signature in order:
        pool = [by_row[r] for r in sorted(candidates.get(signature.doc_id, ()))]
        pool += _batch_candidates(signature, earlier, holders, keys, rare)
        best = _best(signature, pool, rare)
        signature.story_id = best.story_id if best is not None else signature.doc_id
        assigned[signature.doc_id] = signature.story_id
        members[signature.story_id] += 1
        if members[signature.story_id] > REPRESENTATIVES:
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


def _signatures(table: pa.Table) -> list[Signature]:
    return [
        Signature(r["doc_id"], r["minhash"], frozenset(r["entities"]), r["published"],
                  r["story_id"])
        for r in table.to_pylist()
    ]  # fmt: skip


def _rare_names(new: list[Signature], known: pa.Table, limit: int) -> frozenset[str]:
    """The new articles' names that at most `limit` articles carry."""
    names = Counter(n for s in new for n in s.entities)
    if known.num_rows and names:
        flat = pc.list_flatten(known["entities"])
        seen = flat.filter(pc.is_in(flat, pa.array(sorted(names), pa.string())))
        for item in pc.value_counts(seen).to_pylist():
            names[item["values"]] += item["counts"]
    return frozenset(n for n, count in names.items() if count <= limit)


def _known_candidates(
    new: list[Signature], known: pa.Table, rare: frozenset[str]
) -> dict[str, set[int]]:
    """Rows of `known` that share a band or `MIN_SHARED_ENTITIES` rare names with each new
    article, found with vectorised lookups over all of `known` at once."""
    found: dict[str, set[int]] = {}
    if not known.num_rows or not new:
        return found
    stored = _minhash_values(known["minhash"])
    stored_keys = band_keys(stored.reshape(known.num_rows, NUM_PERM)).ravel()
    wanted: dict[int, list[str]] = {}
    for signature in new:
        for key in band_keys(signature.values).tolist():
            wanted.setdefault(key, []).append(signature.doc_id)
    hits = np.flatnonzero(np.isin(stored_keys, np.fromiter(wanted, dtype=np.uint64)))
    for flat_index in hits.tolist():
        for doc_id in wanted[int(stored_keys[flat_index])]:
            found.setdefault(doc_id, set()).add(flat_index // BANDS)
    if rare:
        holders = pa.table(
            {
                "row": pc.list_parent_indices(known["entities"]),
                "name": pc.list_flatten(known["entities"]),
            }
        )
        holders = holders.filter(pc.is_in(holders["name"], pa.array(sorted(rare), pa.string())))
        wanted_names = [(s.doc_id, n) for s in new for n in sorted(s.entities & rare)]
        asked = pa.table(
            {"doc": [d for d, _ in wanted_names], "name": [n for _, n in wanted_names]},
            schema=pa.schema([("doc", pa.string()), ("name", pa.string())]),
        )
        shared = (
            asked.join(holders, keys="name", join_type="inner", use_threads=False)
            .group_by(["doc", "row"], use_threads=False)
            .aggregate([("name", "count")])
        )
        shared = shared.filter(pc.greater_equal(shared["name_count"], MIN_SHARED_ENTITIES))
        for doc_id, row in zip(shared["doc"].to_pylist(), shared["row"].to_pylist(), strict=True):
            found.setdefault(doc_id, set()).add(row)
    return found


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


def _best(signature: Signature, pool: list[Signature], rare: frozenset[str]) -> Signature | None:
    best, best_score = None, 0.0
    for other in pool:
        text = signature.similarity(other)
        score = text if text >= SAME_TEXT else 0.0
        if _close_in_time(signature.published, other.published):
            entities = _entity_similarity(signature.entities & rare, other.entities & rare)
            if entities >= SAME_ENTITIES:
                score = max(score, entities)
        if score > best_score:
            best, best_score = other, score
    return best


def _entity_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared rare names over the smaller set, zero below `MIN_SHARED_ENTITIES` shared."""
    common = a & b
    if len(common) < MIN_SHARED_ENTITIES:
        return 0.0
    return len(common) / min(len(a), len(b))


def _close_in_time(a: date | None, b: date | None) -> bool:
    return a is None or b is None or abs((a - b).days) <= MAX_DAYS_APART
