"""The story tables from the article and entity tables: `stories`, `reuse`, `figure_conflicts`.

Work is per story (only stories of two or more articles are compared), so it grows with the
articles, not with their pairs. It is also incremental: a story whose articles are the same as
in the previous `stories` table keeps its `reuse` and `figure_conflicts` rows (an article's
`doc_id` is a hash of its bytes, so the same ids mean the same texts and figures); only stories
that gained or lost articles are compared again, and only their bodies and figures are read.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.stories.conflicts import Count, story_conflicts
from pipeline.stories.reuse import MAX_SOURCES, Article, first_articles, story_reuse
from pipeline.tables import FIGURE_CONFLICTS, REUSE, STORIES

TOP_ENTITIES = 5


@dataclass(frozen=True)
class StoryTables:
    stories: pa.Table
    reuse: pa.Table
    conflicts: pa.Table

    @classmethod
    def empty(cls) -> StoryTables:
        return cls(STORIES.empty(), REUSE.empty(), FIGURE_CONFLICTS.empty())


def changed_stories(documents: pa.Table, previous: pa.Table) -> set[str]:
    """The stories of `documents` (doc_id, story_id) whose articles differ from those the
    `previous` stories table lists: the ones whose reuse and conflicts must be computed."""
    now = _members(documents)
    before = dict(
        zip(previous["story_id"].to_pylist(), previous["doc_ids"].to_pylist(), strict=True)
    )
    return {story for story, docs in now.items() if before.get(story) != docs}


def story_tables(
    documents: pa.Table,
    bodies: pa.Table,
    figures: pa.Table,
    mentions: pa.Table,
    entities: pa.Table,
    previous: StoryTables | None = None,
    changed: set[str] | None = None,
) -> StoryTables:
    """`documents` needs doc_id, title, published, story_id for every article; `bodies` doc_id
    and body, and `figures` the figure columns, at least for the articles of the `changed`
    stories (all stories when None); `mentions` doc_id, entity_id; `entities` entity_id, name,
    label. Unchanged stories keep their rows from `previous`."""
    previous = previous or StoryTables.empty()
    docs = documents.select(["doc_id", "title", "published", "story_id"]).to_pylist()
    members: dict[str, list[dict[str, Any]]] = {}
    for doc in docs:
        members.setdefault(doc["story_id"], []).append(doc)
    changed = set(members) if changed is None else changed & set(members)
    kept = pa.array(sorted(set(members) - changed), pa.string())
    story_of = {d["doc_id"]: d["story_id"] for d in docs if d["story_id"] in changed}
    multi = {s for s in changed if len(members[s]) > 1}
    reuse = pa.concat_tables(
        [
            _kept(previous.reuse, kept, REUSE.schema),
            pa.Table.from_pylist(_reuse(members, bodies, multi), schema=REUSE.schema),
        ]
    )
    conflicts = pa.concat_tables(
        [
            _kept(previous.conflicts, kept, FIGURE_CONFLICTS.schema),
            pa.Table.from_pylist(
                _conflicts(figures, story_of, members), schema=FIGURE_CONFLICTS.schema
            ),
        ]
    )
    return StoryTables(
        stories=pa.Table.from_pylist(_stories(members, mentions, entities), schema=STORIES.schema),
        reuse=reuse.sort_by([(c, "ascending") for c in ("story_id", "doc_id", "source_doc_id")]),
        conflicts=conflicts.sort_by([("story_id", "ascending")]),
    )


def _members(documents: pa.Table) -> dict[str, list[str]]:
    """story_id -> its articles' doc_ids, sorted (as the `stories` table lists them)."""
    found: dict[str, list[str]] = {}
    for doc_id, story in zip(
        documents["doc_id"].to_pylist(), documents["story_id"].to_pylist(), strict=True
    ):
        found.setdefault(story, []).append(doc_id)
    return {story: sorted(docs) for story, docs in found.items()}


def _kept(table: pa.Table, stories: pa.Array, schema: pa.Schema) -> pa.Table:
    return table.filter(pc.is_in(table["story_id"], stories)).cast(schema)


def _stories(
    members: dict[str, list[dict[str, Any]]], mentions: pa.Table, entities: pa.Table
) -> list[dict[str, Any]]:
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
                "doc_ids": sorted(d["doc_id"] for d in docs),
            }
        )
    return rows


def _reuse(
    members: dict[str, list[dict[str, Any]]], bodies: pa.Table, multi: set[str]
) -> list[dict[str, Any]]:
    body = dict(zip(bodies["doc_id"].to_pylist(), bodies["body"].to_pylist(), strict=True))
    rows = []
    for story_id in sorted(multi):
        articles = [
            Article(d["doc_id"], body[d["doc_id"]], d["published"]) for d in members[story_id]
        ]
        for found in story_reuse(articles):
            rows.append({**found.__dict__, "story_id": story_id})
    return rows


def _conflicts(
    figures: pa.Table, story_of: dict[str, str], members: dict[str, list[dict[str, Any]]]
) -> list[dict[str, Any]]:
    """Within every story, one article alone included."""
    counts: dict[str, list[tuple[Count, dict[str, Any]]]] = {}
    compared = pc.and_(
        pc.and_(pc.equal(figures["kind"], "count"), pc.is_valid(figures["event"])),
        pc.is_null(figures["value_high"]),
    )
    for row in figures.filter(compared).to_pylist():
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
        dated = [(d["doc_id"], d["published"]) for d in members[story_id]]
        first = first_articles(dated, MAX_SOURCES)
        for conflict in story_conflicts([c for c, _ in found], first):
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
