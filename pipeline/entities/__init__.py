"""Named entities: mentions found in each article, resolved across the corpus into entities.

Per article (during ingest, on the one parse): `find_mentions` cuts spaCy's spans to names and
`resolve_in_article` links surnames and acronyms to the fuller names the article uses; the rows go
to `article_mentions`. Across the corpus (a corpus asset): the entity index (`index.py`) folds each
batch file's mentions, groups the names into entities by the rules of `resolve.py` and geocodes
each place entity from the places its articles name (`places.py`); `mentions_table` links each
mention to its entity. `entity_tables` does it all at once in memory, for a corpus with no
warehouse (benchmarks, tests).
"""

from __future__ import annotations

import dataclasses
import sqlite3
from typing import TYPE_CHECKING

import pyarrow as pa

from pipeline.entities.index import EntityIndex
from pipeline.entities.places import own_place
from pipeline.entities.resolve import Entity, Resolution
from pipeline.rows import ArticleMentionRow, from_fields
from pipeline.tables import ENTITIES, MENTIONS

if TYPE_CHECKING:  # parsed.py imports this package's modules
    from pipeline.parsed import ParsedArticle

__all__ = ["EntityTables", "article_mention_rows", "entity_tables", "resolve"]

COMPONENTS = ("ner",)


def article_mention_rows(article: ParsedArticle) -> list[ArticleMentionRow]:
    """The `article_mentions` rows of one parsed body."""
    return [from_fields(ArticleMentionRow, m, doc_id=article.doc_id) for m in article.mentions]


def entities_table(index: EntityIndex, file: str | None = None) -> pa.Table:
    """The `entities` rows of every entity of the index, or of those batch file `file` named
    first (one file of the table), most mentioned first."""
    return pa.table(index.entity_columns(file), schema=ENTITIES.schema)


def mentions_table(article_mentions: pa.Table, links: pa.Table) -> pa.Table:
    """One batch file's `article_mentions` linked to their entities (`links`: name, entity_id,
    entity_label, from `EntityIndex.name_links`), in text order and the `mentions` schema."""
    joined = article_mentions.join(links, keys="name", join_type="inner", use_threads=False)
    joined = joined.drop_columns(["label"])
    joined = joined.rename_columns(
        ["label" if c == "entity_label" else c for c in joined.column_names]
    )
    joined = joined.sort_by([("doc_id", "ascending"), ("start", "ascending")])
    return joined.select(MENTIONS.schema.names).cast(MENTIONS.schema)


@dataclasses.dataclass(frozen=True)
class EntityTables:
    mentions: dict[str, pa.Table]  # per batch file
    entities: pa.Table
    resolution: Resolution  # for the tables that link to entities (quotes)


def entity_tables(article_mentions: dict[str, pa.Table], places: bool = True) -> EntityTables:
    """Resolve every batch's article mentions together, in memory, into `mentions` and
    `entities` (`places`: join names of one place and geocode)."""
    index = EntityIndex(sqlite3.connect(":memory:"), own_place if places else None)
    parts = {k: t for k, t in article_mentions.items() if t.num_rows}
    index.update(parts)
    mentions = {k: mentions_table(t, index.name_links(k)) for k, t in parts.items()}
    return EntityTables(mentions, entities_table(index), _resolution(index))


def resolve(mentions: pa.Table) -> Resolution:
    """Group the names of `mentions` (columns of `article_mentions`) into entities, without
    places: the rules alone."""
    return entity_tables({"mentions": mentions}, places=False).resolution


def _resolution(index: EntityIndex) -> Resolution:
    of_name: dict[tuple[str, str], Entity] = {}
    entities = {e.entity_id: e for e in index.entities()}
    for name, label, eid in index.db.execute(
        "SELECT DISTINCT u.name, u.label, n.entity FROM ent_uses u JOIN ent_names n USING (key)"
    ):
        of_name[(name, label)] = entities[eid]
    return Resolution(of_name, list(entities.values()))
