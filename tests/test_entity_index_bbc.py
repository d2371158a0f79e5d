"""The entity index on real news: BBC articles folded batch by batch, in order and shuffled,
give the entities a build from scratch gives (`../shared/corpora/bbc`; skipped when absent)."""

from __future__ import annotations

import dataclasses
import random
import sqlite3

import pyarrow as pa
import pytest

from pipeline import nlp
from pipeline.clean import clean_article
from pipeline.entities import COMPONENTS, article_mention_rows, entities_table
from pipeline.entities.index import EntityIndex
from pipeline.entities.places import own_place
from pipeline.formats import read_articles
from pipeline.parsed import ParsedArticle
from pipeline.tables import ARTICLE_MENTIONS
from tests.conftest import SHARED

BBC = SHARED / "corpora" / "bbc"
ARTICLES = 150  # every ninth file: all five topics
BATCHES = 6


@pytest.fixture(scope="module")
def batches() -> dict[str, pa.Table]:
    if not BBC.is_dir():
        pytest.skip(f"{BBC} is absent")
    files = sorted(p for p in BBC.rglob("*.txt"))[::9][:ARTICLES]
    model = nlp.load_model(nlp.DEFAULT_MODEL, COMPONENTS)
    rows: list[list[dict[str, object]]] = [[] for _ in range(BATCHES)]
    for i, path in enumerate(files):
        source = str(path.relative_to(BBC))
        [article, *_] = read_articles(path.read_bytes(), source).articles
        parsed = ParsedArticle(model(clean_article(article).body), doc_id=source)
        rows[i * BATCHES // len(files)] += [
            dataclasses.asdict(r) for r in article_mention_rows(parsed)
        ]
    return {
        f"20260101-1000{i:02d}-0001-bbc{i:05d}": pa.Table.from_pylist(
            r, schema=ARTICLE_MENTIONS.schema
        )
        for i, r in enumerate(rows)
    }


def build(parts: dict[str, pa.Table], order: list[str]) -> EntityIndex:
    index = EntityIndex(sqlite3.connect(":memory:"), own_place)
    for stem in order:
        index.update({stem: parts[stem]})
    return index


def groups(index: EntityIndex) -> set[frozenset[str]]:
    members: dict[str, set[str]] = {}
    for key, entity in index.db.execute("SELECT key, entity FROM ent_names"):
        members.setdefault(entity, set()).add(key)
    return {frozenset(m) for m in members.values()}


def test_bbc_batch_by_batch_equals_from_scratch(batches: dict[str, pa.Table]) -> None:
    scratch = EntityIndex(sqlite3.connect(":memory:"), own_place)
    scratch.update(batches)
    stepwise = build(batches, sorted(batches))
    assert entities_table(stepwise).equals(entities_table(scratch))
    assert entities_table(scratch).num_rows > 1000


def test_bbc_in_shuffled_order_forms_the_same_entities(batches: dict[str, pa.Table]) -> None:
    """Batches that arrive out of their order form the same groups of names with the same
    names, labels, counts and places; only ids may differ (an id is its first name's)."""
    order = sorted(batches)
    random.Random(7).shuffle(order)
    shuffled, scratch = build(batches, order), build(batches, sorted(batches))
    assert groups(shuffled) == groups(scratch)
    drop = ["entity_id"]
    assert (
        entities_table(shuffled)
        .drop_columns(drop)
        .equals(entities_table(scratch).drop_columns(drop))
    )
