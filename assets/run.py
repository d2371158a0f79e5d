"""`make run`: scan the raw folder, plan batches, and process each one as a Dagster run.

Exits 0 when every run succeeded (or there was nothing to do), 1 when a run failed.
"""

from __future__ import annotations

import logging
import sys

import dagster as dg

from assets.definitions import defs, settings
from assets.partitions import batches
from pipeline.ingest import plan_batches
from pipeline.store import Warehouse

log = logging.getLogger("newsroom.run")
# The console shows the pipeline's own progress; Dagster's step events stay in the instance.
QUIET = {"loggers": {"console": {"config": {"log_level": "INFO"}}}}


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    warehouse = Warehouse(settings.warehouse_dir)
    plan = plan_batches(settings, warehouse)
    scan = plan.scan
    kinds = {k: sum(c.kind == k for c in scan.changes) for k in ("new", "changed", "deleted")}
    log.info(
        f"{settings.raw_dir}: {scan.n_files} files, {scan.n_unchanged} unchanged, "
        f"{kinds['new']} new, {kinds['changed']} changed, {kinds['deleted']} deleted"
    )
    if not plan.batches:
        log.info("nothing new or changed: no run needed, every table is as it was")
        return 0
    instance = dg.DagsterInstance.get()
    instance.add_dynamic_partitions(batches.name, plan.batches)
    job = defs.resolve_job_def("ingest")
    for i, key in enumerate(plan.batches, start=1):
        log.info(f"run {i}/{len(plan.batches)}: batch {key}")
        result = job.execute_in_process(
            run_config=QUIET, instance=instance, partition_key=key, raise_on_error=False
        )
        if not result.success:
            log.error(f"run {result.run_id} for batch {key} failed; see `make ui` for its logs")
            return 1
    log.info("recomputing the corpus tables")
    result = defs.resolve_job_def("corpus").execute_in_process(
        run_config=QUIET, instance=instance, raise_on_error=False
    )
    if not result.success:
        log.error(f"corpus run {result.run_id} failed; see `make ui` for its logs")
        return 1
    log.info(f"done: tables are in {settings.warehouse_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
