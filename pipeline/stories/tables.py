"""The story tables from the article and entity tables: `stories`, `reuse`, `figure_conflicts`.

Work is per story (only stories of two or more articles are compared), so it grows with the
articles, not with their pairs.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pyarrow as pa

from pipeline.stories.conflicts import Count, story_conflicts
from pipeline.stories.reuse import Article, story_reuse
from pipeline.tables import FIGURE_CONFLICTS, REUSE, STORIES

TOP_ENTITIES = 5


@dataclass(frozen=True)
class StoryTables:
    stories: pa.Table
    reuse: pa.Table
    conflicts: pa.Table


def story_tables(
    documents: pa.Table, figures: pa.Table, mentions: pa.Table, entities: pa.Table
) -> StoryTables:
    """`documents` needs doc_id, title, published, story_id, body; `figures` the figure columns;
    `mentions` doc_id, entity_id; `entities` entity_id, name, label."""
    docs = documents.select(["doc_id", "title", "published", "story_id"]).to_pylist()
    members: dict[str, list[dict]] = {}
    for doc in docs:
        members.setdefault(doc["story_id"], []).append(doc)
    story_of = {d["doc_id"]: d["story_id"] for d in docs}
    stories = _stories(members, mentions, entities)
    multi = {s for s, m in members.items() if len(m) > 1}
    reuse_rows = _reuse(documents, multi)
    conflict_rows = _conflicts(figures, story_of)
    return StoryTables(
        stories=pa.Table.from_pylist(stories, schema=STORIES.schema),
        reuse=pa.Table.from_pylist(reuse_rows, schema=REUSE.schema),
        conflicts=pa.Table.from_pylist(conflict_rows, schema=FIGURE_CONFLICTS.schema),
    )


def _stories(members: dict[str, list[dict]], mentions: pa.Table, entities: pa.Table) -> list:
    names = dict(zip(entities["entity_id"].to_pylist(), entities["name"].to_pylist(), strict=True))
    labels = dict(
        zip(entities["entity_id"].to_pylist(), entities["label"].to_pylist(), strict=True)
    )
    story_of = {d["doc_id"]: s for s, docs in members.items() for d in docs}
    counts: dict[str, Counter[str]] = {}
    for doc_id, entity_id in zip(
        mentions["doc_id"].to_pylist(), mentions["entity_id"].to_pylist(), strict=True
    ):
        if labels.get(entity_id) not in {None, "NORP", "LANGUAGE"} and doc_id in story_of:
            counts.setdefault(story_of[doc_id], Counter())[entity_id] += 1
    rows = []
    for story_id, docs in sorted(members.items()):
        dated = [d for d in docs if d["published"] is not None]
        first = min(dated, key=lambda d: (d["published"], d["doc_id"])) if dated else None
        lead = first or min(docs, key=lambda d: d["doc_id"])
        top = counts.get(story_id, Counter()).most_common(TOP_ENTITIES)
        rows.append(
            {
                "story_id": story_id,
                "n_docs": len(docs),
                "first_published": first["published"] if first else None,
                "headline": lead["title"] or next((d["title"] for d in docs if d["title"]), ""),
                "top_entities": [names[e] for e, _ in top],
            }
        )
    return rows


def _reuse(documents: pa.Table, multi: set[str]) -> list[dict]:
    if not multi:
        return []
    keep = [s in multi for s in documents["story_id"].to_pylist()]
    chosen = documents.filter(pa.array(keep)).select(["doc_id", "body", "published", "story_id"])
    by_story: dict[str, list[Article]] = {}
    for row in chosen.to_pylist():
        article = Article(row["doc_id"], row["body"], row["published"])
        by_story.setdefault(row["story_id"], []).append(article)
    rows = []
    for story_id, articles in sorted(by_story.items()):
        for found in story_reuse(articles):
            rows.append({**found.__dict__, "story_id": story_id})
    return rows


def _conflicts(figures: pa.Table, story_of: dict[str, str]) -> list[dict]:
    """Within every story, one article alone included."""
    counts: dict[str, list[tuple[Count, dict]]] = {}
    for row in figures.to_pylist():
        if row["kind"] != "count" or row["event"] is None or row["value_high"] is not None:
            continue
        story = story_of.get(row["doc_id"])
        if story is None:
            continue
        count = Count(
            row["doc_id"], row["start"], row["value"], row["qualifier"], row["event"],
            row["object"],
        )  # fmt: skip
        counts.setdefault(story, []).append((count, row))
    rows = []
    for story_id, found in sorted(counts.items()):
        details = {(c.doc_id, c.start): r for c, r in found}
        for conflict in story_conflicts([c for c, _ in found]):
            a = details[(conflict.a.doc_id, conflict.a.start)]
            b = details[(conflict.b.doc_id, conflict.b.start)]
            rows.append(
                {
                    "story_id": story_id,
                    "about": conflict.about,
                    **{f"{k}_a": a[k] for k in ("doc_id", "start", "value", "text", "sentence")},
                    **{f"{k}_b": b[k] for k in ("doc_id", "start", "value", "text", "sentence")},
                }
            )
    return rows
