"""Schedules: a daily full refresh of the corpus tables (the sensor keeps the articles fresh)."""

import dagster as dg

from assets.jobs import corpus_job

daily_corpus_refresh = dg.ScheduleDefinition(
    name="daily_corpus_refresh",  # Dagster would call it `corpus_schedule`, unlike the docs
    job=corpus_job,
    cron_schedule="0 3 * * *",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Every day at 03:00: recompute the corpus tables from all article tables.",
)
