"""Named entities: mentions found in each article, resolved across the corpus into entities.

Per article (during ingest, on the one parse): `find_mentions` cuts spaCy's spans to names and
`resolve_in_article` links surnames and acronyms to the fuller names the article uses; the rows go
to `article_mentions`. Across the corpus (a corpus asset): `resolve` groups the names into
entities, and `entity_tables` writes `entities` and `mentions` (each mention with its entity),
each place entity geocoded from the places its articles name (`places.locate`); two names the
gazetteer knows as one place are one entity (`places.same_places`).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import pyarrow as pa

from pipeline.entities.places import NOWHERE, Candidate, locate, same_places
from pipeline.entities.resolve import Resolution, resolve, resolved_mentions
from pipeline.rows import ArticleMentionRow, from_fields
from pipeline.tables import ARTICLE_MENTIONS, ENTITIES, MENTIONS

if TYPE_CHECKING:  # parsed.py imports this package's modules
    from pipeline.parsed import ParsedArticle

__all__ = ["EntityTables", "article_mention_rows", "entity_tables", "resolve"]

COMPONENTS = ("ner",)


def article_mention_rows(article: ParsedArticle) -> list[ArticleMentionRow]:
    """The `article_mentions` rows of one parsed body."""
    return [from_fields(ArticleMentionRow, m, doc_id=article.doc_id) for m in article.mentions]


def entities_table(resolution: Resolution, places: dict[str, Candidate]) -> pa.Table:
    """The entities, each place with where it is."""
    if not resolution.entities:
        return ENTITIES.empty()
    rows = [
        dataclasses.asdict(e)
        | dataclasses.asdict(found.place if (found := places.get(e.entity_id)) else NOWHERE)
        for e in resolution.entities
    ]
    return pa.Table.from_pylist(rows, schema=ENTITIES.schema)


@dataclasses.dataclass(frozen=True)
class EntityTables:
    mentions: dict[str, pa.Table]  # per batch file
    entities: pa.Table
    resolution: Resolution  # for the tables that link to entities (quotes)


def entity_tables(article_mentions: dict[str, pa.Table]) -> EntityTables:
    """Resolve every batch's article mentions together into `mentions` and `entities`."""
    parts = {k: t for k, t in article_mentions.items() if t.num_rows}
    everything = pa.concat_tables(parts.values()) if parts else ARTICLE_MENTIONS.empty()
    resolution = resolve(everything, same_places)
    mentions = {k: mentions_table(t, resolution) for k, t in parts.items()}
    every = pa.concat_tables(mentions.values()) if mentions else MENTIONS.empty()
    # each place entity's place, its context the resolved mentions
    named = ((e.entity_id, e.label, (e.name, *e.aliases)) for e in resolution.entities)
    places = locate(named, every)
    return EntityTables(mentions, entities_table(resolution, places), resolution)


def mentions_table(article_mentions: pa.Table, resolution: Resolution) -> pa.Table:
    """`article_mentions` linked to their entities, in the `mentions` schema."""
    linked = resolved_mentions(article_mentions, resolution)
    return linked.select(MENTIONS.schema.names).cast(MENTIONS.schema)
