"""The `publishers` corpus table: one row per publisher, recomputed from the article tables."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.tables import PUBLISHERS


def publisher_table(documents: pa.Table, boilerplate: pa.Table) -> pa.Table:
    """Aggregate articles by publisher (articles naming none form one row of their own)."""
    removed = boilerplate.group_by("doc_id").aggregate([("kind", "count")])
    per_doc = dict(
        zip(removed["doc_id"].to_pylist(), removed["kind_count"].to_pylist(), strict=True)
    )
    docs = documents.append_column(
        "removed",
        pa.array([per_doc.get(d, 0) for d in documents["doc_id"].to_pylist()], pa.int64()),
    )
    grouped = docs.group_by("publisher", use_threads=False).aggregate(
        [
            ("doc_id", "count"),
            ("n_words", "sum"),
            ("published", "min"),
            ("published", "max"),
            ("removed", "sum"),
        ]
    )
    names: dict[str | None, set[str]] = {}
    for publisher, people in zip(
        documents["publisher"].to_pylist(), documents["authors"].to_pylist(), strict=True
    ):
        names.setdefault(publisher, set()).update(people)
    table = pa.table(
        {
            "publisher": grouped["publisher"],
            "n_docs": pc.cast(grouped["doc_id_count"], pa.int32()),
            "n_words": pc.cast(grouped["n_words_sum"], pa.int64()),
            "first_published": grouped["published_min"],
            "last_published": grouped["published_max"],
            "authors": pa.array(
                [sorted(names[p]) for p in grouped["publisher"].to_pylist()], pa.list_(pa.string())
            ),
            "boilerplate_removed": pc.cast(grouped["removed_sum"], pa.int32()),
        }
    )
    order = [("n_docs", "descending"), ("publisher", "ascending")]
    return table.sort_by(order).cast(PUBLISHERS.schema)
