"""`make run`: scan the raw folder, plan batches, and process each one as a Dagster run.

Batches an older version of a stage made are run again first (in their own partitions, reading
only their outdated files), then the new batches, then the corpus job, which also runs alone
when only a corpus table's version changed. `--reprocess` (`make reprocess`) runs every stored
batch again reading every file; `--reprocess corpus` recomputes the corpus tables alone. It ends
with what the runs did: rows added per table, the files rejected and why, and a command to look
at the tables (`pipeline/summary.py`).

Exits 0 when every run succeeded (or there was nothing to do), 1 when a run failed, 78
(EX_CONFIG) when a setting cannot work (before anything is written), and 128 + the signal's
number when SIGINT (130) or SIGTERM (143) stopped it: no further batch, no corpus run.
"""

from __future__ import annotations

import argparse
import fcntl
import logging
import os
import signal
import socket
import sys
import textwrap
from pathlib import Path
from types import ModuleType
from typing import Any

import dagster as dg
from dagster._core.storage.event_log.schema import SqlEventLogStorageMetadata  # its own tables
from dagster._core.storage.event_log.sql_event_log import SqlEventLogStorage

from assets.partitions import BATCHES
from pipeline.ingest import plan_batches
from pipeline.interrupts import StopSignals
from pipeline.settings import SettingsError
from pipeline.store import Warehouse
from pipeline.summary import RunSummary
from pipeline.tables import CORPUS_TABLES
from pipeline.versions import outdated_tables
from pipeline.workers import stop_workers

log = logging.getLogger("newsroom.run")
# Loggers that speak at INFO on the console; every other (alembic's migrations, ...) only warns.
OWN_LOGGERS = ("newsroom", "pipeline")
# The console shows the pipeline's own progress; Dagster's step events stay in the instance.
QUIET = {"loggers": {"console": {"config": {"log_level": "INFO"}}}}
# Runs started here are tagged with their process, so a later `make run` can tell a run that is
# still going from one whose process was killed.
PID_TAG, HOST_TAG = "newsroom/pid", "newsroom/host"
UNFINISHED = [dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.STARTING]
# Run config that asks the assets to redo everything (`--reprocess`).
REPROCESS: dict[str, object] = {"ops": {"article_tables": {"config": {"reprocess": True}}}}
RECOMPUTE: dict[str, object] = {
    "ops": {op: {"config": {"recompute": True}} for op in ("entity_tables", "story_tables")}
}


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
            if missing := missing_event_tables(instance):
                instance = complete_schema(instance, missing)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return instance


def missing_event_tables(instance: dg.DagsterInstance) -> list[str]:
    """The event log's tables that do not exist. Dagster creates a new SQLite event log's tables
    only when its index file is new: a process killed while creating them (the first `make
    run`, stopped in its first seconds) leaves a file with some tables missing for good, and
    every later run would fail on the first one it needs."""
    storage = instance.event_log_storage
    if not isinstance(storage, SqlEventLogStorage):
        return []
    return [t for t in SqlEventLogStorageMetadata.tables if not storage.has_table(t)]


def complete_schema(instance: dg.DagsterInstance, missing: list[str]) -> dg.DagsterInstance:
    """Create the missing tables as `dagster instance migrate` would, and say so."""
    log.warning(
        "the instance's event log lacks %s (a run killed while creating it): completing its schema",
        ", ".join(missing),
    )
    instance.upgrade(print_fn=log.info)
    instance = dg.DagsterInstance.get()
    if still := missing_event_tables(instance):
        raise RuntimeError(
            f"the Dagster instance at {os.environ['DAGSTER_HOME']} lacks the tables "
            f"{', '.join(still)}; run `dagster instance migrate` with DAGSTER_HOME set to it"
        )
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
    config: dict[str, object] | None = None,
) -> tuple[str, bool]:
    """Run job `name` of `definitions` to its end: in this process by default, else through the
    configured executor (`PIPELINE_EXECUTOR`: a process per step, Celery workers), which
    rebuilds the job by import in the processes it starts."""
    run_config = {**QUIET, **(config or {})}
    if definitions.settings.executor in ("", "in_process"):
        result = definitions.defs.resolve_job_def(name).execute_in_process(
            run_config=run_config,
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
    with dg.execute_job(job, instance, run_config=run_config, tags=tags) as result:
        return result.run_id, result.success


def main(argv: list[str] | None = None) -> int:
    """Run, and say in one line why it stopped early: a bad setting, or a stop signal."""
    parser = argparse.ArgumentParser(prog="python -m assets.run", description=__doc__)
    parser.add_argument(
        "--reprocess",
        nargs="?",
        const="all",
        choices=["all", "corpus"],
        help="process every stored batch again from its raw files and recompute the corpus "
        "tables (all), or recompute the corpus tables alone (corpus)",
    )
    args = parser.parse_args(argv)
    summary = RunSummary()  # before the definitions load: the time to report includes theirs
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(message)s")
    for name in OWN_LOGGERS:
        logging.getLogger(name).setLevel(logging.INFO)
    stops = StopSignals()
    try:
        # The definitions read and check the settings as they load: a bad one stops here.
        from assets import definitions

        return process(definitions, stops, summary, args.reprocess)
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


def process(
    definitions: ModuleType,
    stops: StopSignals,
    summary: RunSummary,
    reprocess: str | None = None,
) -> int:
    """Run the outdated batches again, then the new ones, then the corpus job; a stop signal
    ends it after any run; say what they did (`summary`)."""
    settings = definitions.settings
    warehouse = Warehouse(settings.warehouse_dir)
    plan = plan_batches(settings, warehouse, reprocess=reprocess == "all")
    scan = plan.scan
    kinds = {
        k: sum(c.kind == k for c in scan.changes)
        for k in ("new", "changed", "retried", "deleted", "outdated")
    }
    log.info(
        f"{settings.raw_dir}: {scan.n_files} files, {scan.n_unchanged} unchanged, "
        f"{kinds['new']} new, {kinds['changed']} changed, {kinds['deleted']} deleted, "
        f"{kinds['retried']} rejected before and worth another try, "
        f"{kinds['outdated']} made by an older version of a stage"
    )
    stale_corpus = outdated_tables(
        warehouse.corpus_versions(), definitions.versions, [t.name for t in CORPUS_TABLES]
    )
    if not plan.runs and not stale_corpus and not reprocess:
        log.info("nothing new, changed or outdated: no run needed, every table is as it was")
        return 0
    instance = open_instance()
    if reaped := reap_dead_runs(instance):
        log.warning(f"marked {reaped} run(s) of killed processes as failed, freeing their slots")
    instance.add_dynamic_partitions(BATCHES, plan.runs)
    tags = {PID_TAG: str(os.getpid()), HOST_TAG: socket.gethostname()}
    if plan.outdated:
        why = "asked to reprocess" if reprocess == "all" else "made by an older version"
        log.info(f"{len(plan.outdated)} stored batch(es) to process again ({why})")
    for i, key in enumerate(plan.runs, start=1):
        again = key in plan.outdated
        log.info(f"run {i}/{len(plan.runs)}: batch {key}{' again' if again else ''}")
        config = REPROCESS if again and reprocess == "all" else None
        run_id, success = execute(definitions, "ingest", instance, tags, key, config)
        stops.raise_if_received()
        if not success:
            log.error(f"run {run_id} for batch {key} failed; see `make ui` for its logs")
            return 1
        tables = materialized(instance, run_id)
        facts = next(iter(tables.values()), {})
        rows = {name: m.get("dagster/partition_row_count", 0) for name, m in tables.items()}
        summary.add_batch(
            key,
            rows,
            facts.get("files_read", 0),
            facts.get("nlp_docs", 0),
            facts.get("articles_not_analysed_language") or {},
        )
    stop_workers()  # the corpus tables parse nothing: free the analysis processes' memory
    if stale_corpus and not plan.runs:
        log.info(f"recomputing the corpus tables: a new version of {', '.join(stale_corpus)}")
    else:
        log.info("recomputing the corpus tables")
    config = RECOMPUTE if reprocess else None
    run_id, success = execute(definitions, "corpus", instance, tags, config=config)
    stops.raise_if_received()
    if not success:
        log.error(f"corpus run {run_id} failed; see `make ui` for its logs")
        return 1
    tables = materialized(instance, run_id)
    summary.corpus = {
        t.name: tables[t.name]["dagster/row_count"] for t in CORPUS_TABLES if t.name in tables
    }
    log.info(summary.text(warehouse))
    return 0


def materialized(instance: dg.DagsterInstance, run_id: str) -> dict[str, dict[str, Any]]:
    """Table -> the metadata run `run_id` recorded with it (whichever executor ran it)."""
    found = {}
    for entry in instance.all_logs(run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION):
        if (event := entry.asset_materialization) is not None:
            found[event.asset_key.to_user_string()] = {
                key: value.value for key, value in event.metadata.items()
            }
    return found


if __name__ == "__main__":
    sys.exit(main())
