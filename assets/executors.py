"""The executor, picked by configuration (`PIPELINE_EXECUTOR`): the same definitions run in one
process, in a process per step, or on Celery workers, with no code change.

By default every step of a run (the article step, the corpus steps and every asset check) runs
in the run's process, as in `make run`: Dagster's default, a process per step, loads Dagster,
the definitions and spaCy again for each of a run's twenty steps, which made a run of one file
take over a minute from the UI or the sensor. The article step still uses every core through
its analysis workers (`pipeline/workers.py`), and the `nlp` pool still bounds how many run at
once (the in-process executor claims pool slots too).
"""

from __future__ import annotations

from typing import Any

import dagster as dg

from pipeline.settings import Settings


def executor(settings: Settings) -> dg.ExecutorDefinition:
    """The `Definitions`' executor (`settings.executor`, checked by `Settings.from_env`): in
    process unless set otherwise."""
    if settings.executor == "multiprocess":
        return dg.multiprocess_executor
    if settings.executor == "celery":
        return celery_executor(settings)
    return dg.in_process_executor


def celery_executor(settings: Settings) -> dg.ExecutorDefinition:
    try:
        from dagster_celery import celery_executor as celery
    except ImportError as exc:
        raise RuntimeError(
            "PIPELINE_EXECUTOR=celery needs dagster-celery: "
            ".venv/bin/pip install -c requirements/dev.txt dagster-celery redis"
        ) from exc
    return celery.configured(celery_app_args(settings), name="celery")


def celery_app_args(settings: Settings) -> dict[str, Any]:
    """Broker, result backend and task settings, shared by the executor and the workers
    (`celery_app.py`). A step is long (it parses a batch), so a worker takes one task at a time
    and acknowledges it when done: an idle worker gets the next step, and a step whose worker
    dies goes back to the queue."""
    return {
        "broker": settings.celery_broker,
        "backend": settings.celery_backend or settings.celery_broker,
        "config_source": {"worker_prefetch_multiplier": 1, "task_acks_late": True},
    }
