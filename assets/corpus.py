"""Corpus tables: recomputed whole from every article table whenever articles change."""

import dagster as dg

from assets.metadata import asset_spec, column_schema, preview
from assets.resources import PipelineResource
from pipeline.publishers import publisher_table
from pipeline.tables import BOILERPLATE, DOCUMENTS, PUBLISHERS

_spec = asset_spec(PUBLISHERS, group_name="corpus", deps=[DOCUMENTS.name, BOILERPLATE.name])


@dg.multi_asset(specs=[_spec], name="publishers_table")
def publishers(pipeline: PipelineResource) -> dg.MaterializeResult:
    warehouse = pipeline.warehouse()
    table = publisher_table(warehouse.read(DOCUMENTS.name), warehouse.read(BOILERPLATE.name))
    written = warehouse.replace_table(PUBLISHERS.name, table)
    return dg.MaterializeResult(
        asset_key=PUBLISHERS.name,
        metadata={
            "dagster/row_count": table.num_rows,
            "dagster/column_schema": column_schema(PUBLISHERS),
            "preview": preview(table),
            "rewritten": written,
            "path": dg.MetadataValue.path(str(warehouse.table_dir(PUBLISHERS.name))),
        },
    )
