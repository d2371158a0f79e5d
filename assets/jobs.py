"""Jobs: `ingest` processes one batch partition of the article tables."""

import dagster as dg

from assets.articles import article_tables
from assets.partitions import batches

ingest_job = dg.define_asset_job(
    "ingest",
    selection=dg.AssetSelection.assets(article_tables),
    partitions_def=batches,
    description="Process one ingest batch: the files a scan found new, changed or deleted.",
)
