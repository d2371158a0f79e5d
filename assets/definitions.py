"""The code location: every asset, job and resource, in one place."""

import dagster as dg

from assets.articles import article_tables
from assets.checks import ASSET_CHECKS
from assets.config import settings, versions
from assets.corpus import entities, publishers, stories
from assets.executors import executor
from assets.jobs import corpus_job, ingest_job
from assets.resources import PipelineResource, SpacyModel
from assets.schedules import daily_corpus_refresh
from assets.sensors import corpus_after_ingest, raw_files_sensor

__all__ = ["build_corpus_job", "build_ingest_job", "defs", "settings", "versions"]

defs = dg.Definitions(
    assets=[article_tables, publishers, entities, stories],
    asset_checks=ASSET_CHECKS,
    jobs=[ingest_job, corpus_job],
    sensors=[raw_files_sensor, corpus_after_ingest],
    schedules=[daily_corpus_refresh],
    resources={
        "pipeline": PipelineResource.from_settings(settings),
        "spacy_model": SpacyModel(model=settings.spacy_model, workers=settings.workers),
    },
    executor=executor(settings),
)


def build_ingest_job() -> dg.JobDefinition:
    """The `ingest` job, rebuilt by import in the processes an out-of-process executor starts
    (a process per step, a Celery worker)."""
    return defs.resolve_job_def(ingest_job.name)


def build_corpus_job() -> dg.JobDefinition:
    """The `corpus` job, as `build_ingest_job`."""
    return defs.resolve_job_def(corpus_job.name)
