"""The Celery app the pipeline's Celery workers run:

    celery -A assets.celery_app worker --pool solo -Q dagster -n worker1@%h

Its broker and result backend come from the settings the executor reads (`PIPELINE_CELERY_*`),
so workers and runs always meet on the same queue. `--pool solo` runs each step in the worker's
own process, which may start the analysis processes (a prefork child may not).
"""

from dagster_celery.executor import CeleryExecutor
from dagster_celery.make_app import make_app
from dagster_celery.tasks import create_task

from assets.executors import celery_app_args
from pipeline.settings import Settings

app = make_app(CeleryExecutor.for_cli(**celery_app_args(Settings.from_env())).app_args())
execute_plan = create_task(app)
