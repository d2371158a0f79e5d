"""The code location: every asset, job and resource, in one place."""

import dagster as dg

from assets.articles import article_tables
from assets.jobs import ingest_job
from assets.resources import PipelineResource, SpacyModel
from pipeline.settings import Settings

settings = Settings.from_env()

defs = dg.Definitions(
    assets=[article_tables],
    jobs=[ingest_job],
    resources={
        "pipeline": PipelineResource.from_settings(settings),
        "spacy_model": SpacyModel(model=settings.spacy_model),
    },
)
