"""`make run`: scan the raw folder, plan batches, and process each one as a Dagster run.

Exits 0 when every run succeeded (or there was nothing to do), 1 when a run failed, 78
(EX_CONFIG) when a setting cannot work (before anything is written), and 128 + the signal's
number when SIGINT (130) or SIGTERM (143) stopped it: no further batch, no corpus run.
"""

from __future__ import annotations

import fcntl
import logging
import os
import signal
import socket
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import dagster as dg

from assets.partitions import BATCHES
from pipeline.ingest import plan_batches
from pipeline.interrupts import StopSignals
from pipeline.settings import SettingsError
from pipeline.store import Warehouse
from pipeline.workers import stop_workers

log = logging.getLogger("newsroom.run")
# The console shows the pipeline's own progress; Dagster's step events stay in the instance.
QUIET = {"loggers": {"console": {"config": {"log_level": "INFO"}}}}
# Runs started here are tagged with their process, so a later `make run` can tell a run that is
# still going from one whose process was killed.
PID_TAG, HOST_TAG = "newsroom/pid", "newsroom/host"
UNFINISHED = [dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.STARTING]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def open_instance() -> dg.DagsterInstance:
    """The instance at DAGSTER_HOME, opened under a lock: two `make run`s starting at once on a
    new SQLite instance would otherwise both create its schema, and one would fail."""
    if not os.environ.get("DAGSTER_HOME"):
        return dg.DagsterInstance.get()  # which says what to set
    home = Path(os.environ["DAGSTER_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    with (home / ".newsroom-open.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            instance = dg.DagsterInstance.get()
            instance.get_runs(limit=1)  # touch every storage, so its schema exists now
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return instance


def reap_dead_runs(instance: dg.DagsterInstance) -> int:
    """Fail the runs of killed `make run` processes and free their pool slots.

    A process killed mid-run (SIGKILL, a lost machine) leaves its run STARTED and its `nlp`
    pool slot claimed; without this, the next run would wait for that slot forever.
    """
    reaped = 0
    host = socket.gethostname()
    for run in instance.get_runs(filters=dg.RunsFilter(statuses=UNFINISHED)):
        pid = run.tags.get(PID_TAG)
        if run.tags.get(HOST_TAG) != host or pid is None or _alive(int(pid)):
            continue
        instance.report_run_failed(run, message=f"its process {pid} is gone (killed)")
        instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)
        reaped += 1
    return reaped


def execute(
    definitions: ModuleType,
    name: str,
    instance: dg.DagsterInstance,
    tags: dict[str, str],
    partition: str | None = None,
) -> tuple[str, bool]:
    """Run job `name` of `definitions` to its end: in this process by default, else through the
    configured executor (`PIPELINE_EXECUTOR`: a process per step, Celery workers), which
    rebuilds the job by import in the processes it starts."""
    if definitions.settings.executor in ("", "in_process"):
        result = definitions.defs.resolve_job_def(name).execute_in_process(
            run_config=QUIET,
            instance=instance,
            partition_key=partition,
            raise_on_error=False,
            tags=tags,
        )
        return result.run_id, result.success
    builders = {"ingest": definitions.build_ingest_job, "corpus": definitions.build_corpus_job}
    job = dg.reconstructable(builders[name])
    if partition is not None:
        tags = {**tags, "dagster/partition": partition}
    with dg.execute_job(job, instance, run_config=QUIET, tags=tags) as result:
        return result.run_id, result.success


def main() -> int:
    """Run, and say in one line why it stopped early: a bad setting, or a stop signal."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    stops = StopSignals()
    try:
        # The definitions read and check the settings as they load: a bad one stops here.
        from assets import definitions

        return process(definitions, stops)
    except SettingsError as exc:
        log.error("cannot run; nothing was changed:\n" + textwrap.indent(str(exc), "  "))
        return os.EX_CONFIG
    except KeyboardInterrupt:
        signo = stops.received() or signal.SIGINT
        log.error(
            f"stopped by {signo.name}: no further batch or corpus run, no commit half applied; "
            "`make run` again finishes the work"
        )
        return 128 + signo


def process(definitions: ModuleType, stops: StopSignals) -> int:
    """Plan the batches, run each, then the corpus job; a stop signal ends it after any run."""
    settings = definitions.settings
    warehouse = Warehouse(settings.warehouse_dir)
    plan = plan_batches(settings, warehouse)
    scan = plan.scan
    kinds = {
        k: sum(c.kind == k for c in scan.changes) for k in ("new", "changed", "retried", "deleted")
    }
    log.info(
        f"{settings.raw_dir}: {scan.n_files} files, {scan.n_unchanged} unchanged, "
        f"{kinds['new']} new, {kinds['changed']} changed, {kinds['deleted']} deleted, "
        f"{kinds['retried']} rejected before and worth another try"
    )
    if not plan.batches:
        log.info("nothing new or changed: no run needed, every table is as it was")
        return 0
    instance = open_instance()
    if reaped := reap_dead_runs(instance):
        log.warning(f"marked {reaped} run(s) of killed processes as failed, freeing their slots")
    instance.add_dynamic_partitions(BATCHES, plan.batches)
    tags = {PID_TAG: str(os.getpid()), HOST_TAG: socket.gethostname()}
    for i, key in enumerate(plan.batches, start=1):
        log.info(f"run {i}/{len(plan.batches)}: batch {key}")
        run_id, success = execute(definitions, "ingest", instance, tags, partition=key)
        stops.raise_if_received()
        if not success:
            log.error(f"run {run_id} for batch {key} failed; see `make ui` for its logs")
            return 1
    stop_workers()  # the corpus tables parse nothing: free the analysis processes' memory
    log.info("recomputing the corpus tables")
    run_id, success = execute(definitions, "corpus", instance, tags)
    stops.raise_if_received()
    if not success:
        log.error(f"corpus run {run_id} failed; see `make ui` for its logs")
        return 1
    log.info(f"done: tables are in {settings.warehouse_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
