"""Corpus tables: recomputed from every article table whenever articles change."""

from collections.abc import Iterator

import dagster as dg
import pyarrow as pa

from assets.metadata import asset_spec, column_schema, preview
from assets.resources import PipelineResource
from pipeline.entities import entity_tables
from pipeline.publishers import publisher_table
from pipeline.store import Warehouse
from pipeline.tables import (
    ARTICLE_MENTIONS,
    BOILERPLATE,
    DOCUMENTS,
    ENTITIES,
    MENTIONS,
    PUBLISHERS,
    TableSpec,
)


def _write(
    warehouse: Warehouse, spec: TableSpec, parts: dict[str, pa.Table]
) -> dg.MaterializeResult:
    """Replace a corpus table by `parts` (unchanged files are kept) and describe it."""
    written = warehouse.replace_parts(spec.name, parts)
    rows = sum(t.num_rows for t in parts.values())
    sample = next((t for t in parts.values() if t.num_rows), spec.empty())
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
    warehouse = pipeline.warehouse()
    table = publisher_table(warehouse.read(DOCUMENTS.name), warehouse.read(BOILERPLATE.name))
    return _write(warehouse, PUBLISHERS, {"part-0": table})


@dg.multi_asset(
    specs=[
        asset_spec(MENTIONS, group_name="corpus", deps=[ARTICLE_MENTIONS.name]),
        asset_spec(ENTITIES, group_name="corpus", deps=[ARTICLE_MENTIONS.name]),
    ],
    name="entity_tables",
    description="Resolve every article's mentions across the corpus into entities. The work "
    "is over distinct names; `mentions` keeps one file per batch and only files that change "
    "are rewritten.",
)
def entities(
    context: dg.AssetExecutionContext, pipeline: PipelineResource
) -> Iterator[dg.MaterializeResult]:
    warehouse = pipeline.warehouse()
    found = warehouse.read_parts(ARTICLE_MENTIONS.name)
    total = sum(t.num_rows for t in found.values())
    context.log.info(f"resolving {total:,} mentions from {len(found)} batch file(s)")
    mentions, table = entity_tables(found)
    context.log.info(f"{table.num_rows:,} entities")
    yield _write(warehouse, MENTIONS, mentions)
    yield _write(warehouse, ENTITIES, {"part-0": table})
