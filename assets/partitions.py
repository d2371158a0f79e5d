"""Ingest batches as dynamic partitions: one partition per scan's worth of new or changed files.

Not one partition per file (the UI and backfills degrade past ~100k partitions) and not daily
partitions on arrival (a day's files are unknown until the day ends, and a re-scan would mix two
days): a batch is exactly the set of files one scan found changed, recorded in the warehouse.
"""

import dagster as dg

BATCHES = "batches"
batches = dg.DynamicPartitionsDefinition(name=BATCHES)
