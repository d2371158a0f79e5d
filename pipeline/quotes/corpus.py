"""Quotations across the corpus: each speaker linked to its entity, and the same words carried
by several articles given one `quote_id`.

Two quotations are the same when they share most of their words: the shorter's word trigrams
stand (at least `SAME_SHARE` of them) in the longer, and they are at least `MOST_OF` of the
longer's, so a quotation repunctuated, trimmed or split over paragraphs in one article meets
itself in another, but a line of a long speech does not take the speech's id. Only quotations of
one kind meet: a phrase ("a disgrace") is never one with a statement or a reported claim that
holds it. A quotation split around its cue is one text, its parts joined, and its rows share the
id. The group's id is a hash of its kind and its longest text, folded.
"""

from __future__ import annotations

import hashlib
from typing import Any

import pyarrow as pa

from pipeline.entities.resolve import Entity, Resolution
from pipeline.normalize import folded_words, word_ngrams
from pipeline.tables import QUOTES

SAME_SHARE = 0.8
MOST_OF = 0.5
SHINGLE = 3


def quote_ids(texts: list[str], kinds: list[str]) -> list[str]:
    """One id per text (of the kind beside it); texts carrying the same quotation share it."""
    words = [folded_words(t) for t in texts]
    shingles = [word_ngrams(w, SHINGLE) for w in words]
    order = sorted(range(len(texts)), key=lambda i: -len(words[i]))
    rank = {i: position for position, i in enumerate(order)}
    index: dict[tuple[str, tuple[str, ...]], set[int]] = {}  # (kind, shingle) -> groups
    group = list(range(len(texts)))
    for i in order:  # longest first: each text joins the longest text that carries it
        hits: dict[int, int] = {}
        for shingle in shingles[i]:
            for g in index.get((kinds[i], shingle), ()):
                hits[g] = hits.get(g, 0) + 1
        # the group sharing most shingles that is the same quotation; on a tie, the group met
        # first in `order` (the longest), never the set's iteration order, which changes with
        # every process's hash seed
        for g in sorted(hits, key=lambda g: (-hits[g], rank[g])):
            if hits[g] < SAME_SHARE * len(shingles[i]):
                break
            if hits[g] >= MOST_OF * len(shingles[g]):
                group[i] = g
                break
        for shingle in shingles[i]:
            index.setdefault((kinds[i], shingle), set()).add(group[i])
    return [
        hashlib.sha256(f"{kinds[i]} {' '.join(words[group[i]])}".encode()).hexdigest()[:16]
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
    # (doc_id, start of its first part) -> the rows of one quotation: its parts when split
    quotations: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for rows in parts.values():
        for row in rows:
            first = row["continues"] if row["continues"] is not None else row["start"]
            quotations.setdefault((row["doc_id"], first), []).append(row)
    keys = list(quotations)
    ids = quote_ids(
        [" ".join(r["text"] for r in quotations[k]) for k in keys],
        [quotations[k][0]["kind"] for k in keys],
    )
    id_of = dict(zip(keys, ids, strict=True))
    entities = _entity_of_name(resolution)
    out: dict[str, pa.Table] = {}
    for key, rows in parts.items():
        linked = []
        for row in rows:
            entity = entities.get(row["speaker"]) if row["speaker"] else None
            first = row["continues"] if row["continues"] is not None else row["start"]
            linked.append(
                {
                    **row,
                    "speaker": entity.name if entity else row["speaker"],
                    "entity_id": entity.entity_id if entity else None,
                    "quote_id": id_of[(row["doc_id"], first)],
                }
            )
        out[key] = pa.Table.from_pylist(linked, schema=QUOTES.schema)
    return out
