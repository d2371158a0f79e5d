"""The sensor that turns new and changed raw files into ingest runs, one per batch partition."""

import json

import dagster as dg

from assets.config import versions
from assets.jobs import corpus_job, ingest_job
from assets.partitions import batches
from assets.resources import PipelineResource
from pipeline.ingest import plan_batches
from pipeline.tables import FILES
from pipeline.versions import table_version

FINISHED = [
    dg.DagsterRunStatus.SUCCESS,
    dg.DagsterRunStatus.FAILURE,
    dg.DagsterRunStatus.CANCELED,
]


def _finished(instance: dg.DagsterInstance, batch: str) -> bool:
    runs = instance.get_runs(
        filters=dg.RunsFilter(tags={"dagster/partition": batch}, statuses=FINISHED), limit=1
    )
    return bool(runs)


@dg.sensor(
    job=ingest_job,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description=(
        "Scans PIPELINE_RAW_DIR (a stat per file, a hash only where the stat changed) and "
        "requests one ingest run per batch of new, changed or deleted files, and one per stored "
        "batch that an older version of a stage made (after an upgrade). The cursor holds "
        "the batches whose runs have not finished, so their files are not planned twice."
    ),
)
def raw_files_sensor(
    context: dg.SensorEvaluationContext, pipeline: PipelineResource
) -> dg.SensorResult | dg.SkipReason:
    pending = [b for b in json.loads(context.cursor or "[]") if not _finished(context.instance, b)]
    warehouse = pipeline.warehouse()
    in_flight = frozenset(p for b in pending for p in warehouse.load_plan(b))
    plan = plan_batches(pipeline.settings(), warehouse, exclude=in_flight)
    scan = plan.scan
    again = [key for key in plan.outdated if key not in pending]
    if not plan.batches and not again:
        context.update_cursor(json.dumps(pending))
        return dg.SkipReason(
            f"{scan.n_files} files, {scan.n_unchanged} unchanged, nothing new to plan "
            f"({len(pending)} batch(es) still running)"
        )
    context.log.info(
        f"{len(scan.changes)} changed file(s) in {len(plan.batches)} batch(es); "
        f"{len(again)} stored batch(es) made by an older version to run again"
    )
    # A rerun's key names the version it brings the batch to: one rerun per batch and upgrade.
    version = table_version(FILES.name, versions)
    requests = [dg.RunRequest(run_key=f"{key}@{version}", partition_key=key) for key in again]
    requests += [dg.RunRequest(run_key=key, partition_key=key) for key in plan.batches]
    return dg.SensorResult(
        run_requests=requests,
        dynamic_partitions_requests=[batches.build_add_request(again + plan.batches)],
        cursor=json.dumps(pending + again + plan.batches),
    )


@dg.run_status_sensor(
    run_status=dg.DagsterRunStatus.SUCCESS,
    monitored_jobs=[ingest_job],
    request_job=corpus_job,
    default_status=dg.DefaultSensorStatus.RUNNING,
    # As often as the daemon looks (every 5 s): a dropped file reaches the corpus tables soon
    # after its article tables, and a tick reads only the run events since the last one.
    minimum_interval_seconds=5,
    description="After each successful ingest run, recompute the corpus tables from every "
    "article table.",
)
def corpus_after_ingest(context: dg.RunStatusSensorContext) -> dg.RunRequest:
    return dg.RunRequest(run_key=f"corpus-after-{context.dagster_run.run_id}")
