"""Quotations across the corpus: each speaker linked to its entity, and the same words carried
by several articles given one `quote_id` (which quotations are the same, and their ids:
`pipeline/quotes/index.py`).

A quotation split around its cue is one text, its parts joined in order, under the key of its
first part (`quote_key`), and its rows share the id. A batch's rows are linked with the ids its
quotations were given (`link_quotes`), so a batch written earlier is relinked when its speakers'
entities change without being regrouped (`QuoteIndex.ids_of`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from contextlib import closing

import pyarrow as pa

from pipeline.entities.resolve import Entity, Resolution
from pipeline.quotes.index import QuoteIndex
from pipeline.store import batch_order
from pipeline.tables import QUOTES


def quote_key(doc_id: str, start: int) -> str:
    """A quotation's key in the index: its article and where its first part starts."""
    return f"{doc_id}:{start}"


def _keys(rows: pa.Table) -> list[str]:
    """Each `article_quotes` row's quotation key: a part's is its first part's."""
    return [
        quote_key(doc_id, start if continues is None else continues)
        for doc_id, start, continues in zip(
            rows.column("doc_id").to_pylist(),
            rows.column("start").to_pylist(),
            rows.column("continues").to_pylist(),
            strict=True,
        )
    ]


def quotations(rows: pa.Table) -> list[tuple[str, str, str]]:
    """One batch's `article_quotes` rows as the quotations `QuoteIndex.assign` takes: (key,
    text, kind), the parts of a split quotation joined in one text, the first part's kind."""
    parts: dict[str, list[tuple[int, str, str]]] = {}
    for key, start, text, kind in zip(
        _keys(rows),
        rows.column("start").to_pylist(),
        rows.column("text").to_pylist(),
        rows.column("kind").to_pylist(),
        strict=True,
    ):
        parts.setdefault(key, []).append((start, text, kind))
    found = []
    for key, held in parts.items():
        held.sort()
        found.append((key, " ".join(text for _, text, _ in held), held[0][2]))
    return found


def quote_ids(texts: list[str], kinds: list[str]) -> list[str]:
    """One id per text (of the kind beside it); texts carrying the same quotation share it.
    The texts are one batch of a new index, so ties go by their order here."""
    keys = [f"{i:0{len(str(len(texts)))}d}" for i in range(len(texts))]
    with closing(sqlite3.connect(":memory:")) as conn:
        ids = QuoteIndex(conn).assign("", list(zip(keys, texts, kinds, strict=True)))
    return [ids[key] for key in keys]


def _entity_of_name(resolution: Resolution) -> dict[str, Entity]:
    """A speaker's article-level name -> its entity; people first where a name has several."""
    found: dict[str, Entity] = {}
    for (name, _label), entity in sorted(
        resolution.of_name.items(), key=lambda item: item[1].label != "PERSON", reverse=True
    ):
        found[name] = entity
    return found


def link_quotes(
    rows: pa.Table, ids: Mapping[str, str], entity_of: Callable[[str], Entity | None]
) -> pa.Table:
    """One batch's `article_quotes` rows as `quotes`: canonical speakers, entity ids and the
    quote ids `ids` gives their quotations' keys."""
    speakers = rows.column("speaker").to_pylist()
    entities = [entity_of(speaker) if speaker else None for speaker in speakers]
    columns = {
        **{name: rows.column(name) for name in rows.column_names},
        "speaker": pa.array(
            [e.name if e else s for e, s in zip(entities, speakers, strict=True)], pa.string()
        ),
        "entity_id": pa.array([e.entity_id if e else None for e in entities], pa.string()),
        "quote_id": pa.array([ids[key] for key in _keys(rows)], pa.string()),
    }
    return pa.Table.from_arrays(
        [columns[name] for name in QUOTES.schema.names], schema=QUOTES.schema
    )


def quote_tables(
    article_quotes: dict[str, pa.Table], resolution: Resolution
) -> dict[str, pa.Table]:
    """`quotes` per batch file, from scratch: the batches folded into a new index in the order
    they ran, each linked to `resolution`'s entities."""
    entity_of = _entity_of_name(resolution).get
    out: dict[str, pa.Table] = {}
    with closing(sqlite3.connect(":memory:")) as conn:
        index = QuoteIndex(conn)
        for batch in sorted(article_quotes, key=lambda b: (batch_order(b), b)):
            rows = article_quotes[batch]
            if rows.num_rows:
                out[batch] = link_quotes(rows, index.assign(batch, quotations(rows)), entity_of)
    return out
