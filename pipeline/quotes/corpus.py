"""Quotations across the corpus: each speaker linked to its entity, and the same words carried
by several articles given one `quote_id`.

Two quotations are the same when one's word trigrams stand (at least `SAME_SHARE` of them) in
the other, so a quotation cut short, repunctuated or split over paragraphs in one article still
meets its whole in another. The group's id is a hash of its longest text, folded.
"""

from __future__ import annotations

import hashlib
from collections import Counter

import pyarrow as pa

from pipeline.entities.resolve import Entity, Resolution
from pipeline.normalize import folded_words, word_ngrams
from pipeline.tables import QUOTES

SAME_SHARE = 0.8
SHINGLE = 3


def quote_ids(texts: list[str]) -> list[str]:
    """One id per text; texts carrying the same quotation share it."""
    words = [folded_words(t) for t in texts]
    shingles = [word_ngrams(w, SHINGLE) for w in words]
    order = sorted(range(len(texts)), key=lambda i: -len(words[i]))
    rank = {i: position for position, i in enumerate(order)}
    index: dict[tuple[str, ...], list[int]] = {}
    group = list(range(len(texts)))
    for i in order:  # longest first: each text joins the longest text that carries it
        hits: Counter[int] = Counter()
        for shingle in shingles[i]:
            for j in index.get(shingle, ()):
                hits[group[j]] += 1
        if hits:
            # the most shared shingles; on a tie, the group met first in `order` (the longest),
            # never the set's iteration order, which changes with every process's hash seed
            best, count = max(hits.items(), key=lambda hit: (hit[1], -rank[hit[0]]))
            if count >= SAME_SHARE * len(shingles[i]):
                group[i] = best
        for shingle in shingles[i]:
            index.setdefault(shingle, []).append(i)
    return [
        hashlib.sha256(" ".join(words[group[i]]).encode()).hexdigest()[:16]
        for i in range(len(texts))
    ]


def _entity_of_name(resolution: Resolution) -> dict[str, Entity]:
    """A speaker's article-level name -> its entity; people first where a name has several."""
    found: dict[str, Entity] = {}
    for (name, _label), entity in sorted(
        resolution.of_name.items(), key=lambda item: item[1].label != "PERSON", reverse=True
    ):
        found[name] = entity
    return found


def quote_tables(
    article_quotes: dict[str, pa.Table], resolution: Resolution
) -> dict[str, pa.Table]:
    """`quotes` per batch: `article_quotes` with canonical speakers, entity ids and quote ids."""
    parts = {k: t.to_pylist() for k, t in article_quotes.items() if t.num_rows}
    everything = [row for rows in parts.values() for row in rows]
    ids = iter(quote_ids([row["text"] for row in everything]))
    entities = _entity_of_name(resolution)
    out: dict[str, pa.Table] = {}
    for key, rows in parts.items():
        linked = []
        for row in rows:
            entity = entities.get(row["speaker"]) if row["speaker"] else None
            linked.append(
                {
                    **row,
                    "speaker": entity.name if entity else row["speaker"],
                    "entity_id": entity.entity_id if entity else None,
                    "quote_id": next(ids),
                }
            )
        out[key] = pa.Table.from_pylist(linked, schema=QUOTES.schema)
    return out
