"""Jobs: `ingest` processes one batch partition of the article tables."""

import dagster as dg

from assets.articles import article_tables

ingest_job = dg.define_asset_job(
    "ingest",
    selection=dg.AssetSelection.assets(article_tables),
    description="Process one ingest batch: the files a scan found new, changed or deleted.",
)

corpus_job = dg.define_asset_job(
    "corpus",
    selection=dg.AssetSelection.groups("corpus"),
    description="Recompute the corpus tables from every article table.",
)
