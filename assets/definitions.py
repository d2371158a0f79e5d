"""The code location: every asset, job and resource, in one place."""

import dagster as dg

from assets.articles import article_tables
from assets.checks import ASSET_CHECKS
from assets.jobs import ingest_job
from assets.resources import PipelineResource, SpacyModel
from assets.sensors import raw_files_sensor
from pipeline.settings import Settings

settings = Settings.from_env()

defs = dg.Definitions(
    assets=[article_tables],
    asset_checks=ASSET_CHECKS,
    jobs=[ingest_job],
    sensors=[raw_files_sensor],
    resources={
        "pipeline": PipelineResource.from_settings(settings),
        "spacy_model": SpacyModel(model=settings.spacy_model),
    },
)
