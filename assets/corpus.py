"""Corpus tables: recomputed from every article table whenever articles change."""

from collections.abc import Iterator

import dagster as dg
import pyarrow as pa
import pyarrow.compute as pc

from assets.config import versions
from assets.metadata import asset_spec, column_schema, preview
from assets.resources import PipelineResource
from pipeline.corpus import update_entities
from pipeline.publishers import publisher_table
from pipeline.store import Warehouse
from pipeline.stories.tables import StoryTables, changed_stories, story_tables
from pipeline.tables import (
    ARTICLE_MENTIONS,
    ARTICLE_QUOTES,
    BOILERPLATE,
    DOCUMENTS,
    ENTITIES,
    FIGURE_CONFLICTS,
    FIGURES,
    MENTIONS,
    PUBLISHERS,
    QUOTES,
    REUSE,
    STORIES,
    TableSpec,
)
from pipeline.versions import table_version


class CorpusConfig(dg.Config):
    """How to recompute: by default only what new or changed articles touch (stories whose
    articles did not change keep their rows; the entity index folds the new batch files)."""

    recompute: bool = False  # recompute everything, as after a change of rules


def _warehouse(pipeline: PipelineResource) -> Warehouse:
    """The warehouse, with interrupted commits finished and pending migrations applied."""
    warehouse = pipeline.warehouse()
    with warehouse.lock():
        warehouse.prepare()
    return warehouse


def _write(
    warehouse: Warehouse, spec: TableSpec, parts: dict[str, pa.Table]
) -> dg.MaterializeResult:
    """Replace a corpus table by `parts` (unchanged files are kept) and describe it."""
    written = warehouse.replace_parts(spec.name, parts)
    return _described(warehouse, spec, sum(t.num_rows for t in parts.values()), written)


def _described(
    warehouse: Warehouse, spec: TableSpec, rows: int, written: int
) -> dg.MaterializeResult:
    """Note the version that wrote corpus table `spec`, and describe it: rows, columns, a
    preview of its first file, files written."""
    warehouse.record_corpus_version(spec.name, table_version(spec.name, versions))
    first = next(iter(warehouse.files_of(spec.name)), None)
    sample = warehouse.read_file(spec.name, first) if first else spec.empty()
    return dg.MaterializeResult(
        asset_key=spec.name,
        metadata={
            "dagster/row_count": rows,
            "dagster/column_schema": column_schema(spec),
            "preview": preview(sample),
            "files_rewritten": written,
            "path": dg.MetadataValue.path(str(warehouse.table_dir(spec.name))),
        },
    )


@dg.multi_asset(
    specs=[asset_spec(PUBLISHERS, group_name="corpus", deps=[DOCUMENTS.name, BOILERPLATE.name])],
    name="publishers_table",
)
def publishers(pipeline: PipelineResource) -> dg.MaterializeResult:
    warehouse = _warehouse(pipeline)
    table = publisher_table(warehouse.read(DOCUMENTS.name), warehouse.read(BOILERPLATE.name))
    return _write(warehouse, PUBLISHERS, {"part-0": table})


@dg.multi_asset(
    specs=[
        asset_spec(MENTIONS, group_name="corpus", deps=[ARTICLE_MENTIONS.name]),
        asset_spec(ENTITIES, group_name="corpus", deps=[ARTICLE_MENTIONS.name]),
        asset_spec(QUOTES, group_name="corpus", deps=[ARTICLE_QUOTES.name, ARTICLE_MENTIONS.name]),
    ],
    name="entity_tables",
    description="Resolve every article's mentions across the corpus into entities, and link "
    "quotations to their speakers' entities and to the same words in other articles. The work "
    "is over distinct names; `mentions` and `quotes` keep one file per batch and only files "
    "that change are rewritten.",
)
def entities(
    context: dg.AssetExecutionContext, config: CorpusConfig, pipeline: PipelineResource
) -> Iterator[dg.MaterializeResult]:
    warehouse = _warehouse(pipeline)
    rules = "+".join(table_version(s.name, versions) for s in (MENTIONS, ENTITIES, QUOTES))
    done = update_entities(warehouse, rules, context.log.info, rebuild=config.recompute)
    for spec in (MENTIONS, ENTITIES, QUOTES):
        yield _described(warehouse, spec, done.rows[spec.name], done.files[spec.name])


@dg.multi_asset(
    specs=[
        asset_spec(
            spec,
            group_name="corpus",
            deps=[DOCUMENTS.name, FIGURES.name, MENTIONS.name, ENTITIES.name],
        )
        for spec in (STORIES, REUSE, FIGURE_CONFLICTS)
    ],
    name="story_tables",
    description="Stories (articles share `documents.story_id`, assigned at ingest against every "
    "known article), the text each article repeats from another in its story, and figures "
    "about the same thing that disagree.",
)
def stories(
    context: dg.AssetExecutionContext, config: CorpusConfig, pipeline: PipelineResource
) -> Iterator[dg.MaterializeResult]:
    warehouse = _warehouse(pipeline)
    documents = warehouse.read(DOCUMENTS.name, columns=["doc_id", "title", "published", "story_id"])
    previous = _previous_stories(context, warehouse, config.recompute)
    changed = changed_stories(documents, previous.stories)
    in_changed = pc.is_in(documents["story_id"], pa.array(sorted(changed), pa.string()))
    where = pc.field("doc_id").isin(documents.filter(in_changed)["doc_id"].combine_chunks())
    context.log.info(
        f"{len(changed):,} of {pc.count_distinct(documents['story_id']).as_py():,} stories "
        "have new or changed articles: comparing their texts and figures"
    )
    tables = story_tables(
        documents,
        warehouse.read(DOCUMENTS.name, columns=["doc_id", "body"], where=where),
        warehouse.read(FIGURES.name, where=where),
        warehouse.read(MENTIONS.name, columns=["doc_id", "entity_id"]),
        warehouse.read(ENTITIES.name, columns=["entity_id", "name", "label"]),
        previous,
        changed,
    )
    context.log.info(
        f"{tables.stories.num_rows:,} stories, {tables.reuse.num_rows:,} reuse pairs, "
        f"{tables.conflicts.num_rows:,} figure conflicts"
    )
    yield _write(warehouse, STORIES, {"part-0": tables.stories})
    yield _write(warehouse, REUSE, {"part-0": tables.reuse})
    yield _write(warehouse, FIGURE_CONFLICTS, {"part-0": tables.conflicts})


def _previous_stories(
    context: dg.AssetExecutionContext, warehouse: Warehouse, recompute: bool
) -> StoryTables:
    """The story tables of the last run; none when asked to recompute, or when another
    version of the story rules wrote them."""
    made_by = {warehouse.corpus_versions().get(s.name) for s in (STORIES, REUSE, FIGURE_CONFLICTS)}
    current = table_version(STORIES.name, versions)
    if recompute or made_by != {current}:
        if recompute:
            context.log.info("recomputing every story: asked to")
        elif made_by != {None}:
            context.log.info("recomputing every story: the story rules' version changed")
        return StoryTables.empty()
    try:
        return StoryTables(
            warehouse.read(STORIES.name),
            warehouse.read(REUSE.name),
            warehouse.read(FIGURE_CONFLICTS.name),
        )
    except (ValueError, pa.ArrowInvalid) as exc:
        context.log.warning(f"previous story tables not readable ({exc}): recomputing all")
        return StoryTables.empty()
