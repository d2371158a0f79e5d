"""The article tables of one ingest batch, written together in one atomic commit."""

import dataclasses
from collections.abc import Iterator

import dagster as dg

from assets.metadata import asset_spec, column_schema, preview
from assets.partitions import batches
from assets.resources import PipelineResource, SpacyModel
from pipeline.ingest import run_batch
from pipeline.store import table_rows
from pipeline.tables import ARTICLE_TABLES

# Retries of a failed step (a worker killed, out of memory), with exponential backoff: 10 s, 30 s.
RETRIES, RETRY_DELAY = 2, 10


class BatchConfig(dg.Config):
    """How to run a batch: by default it reads only files that are new, changed, worth another
    try, or outdated (made by an older version of a stage)."""

    reprocess: bool = False  # read every file the batch holds again, however up to date


@dg.multi_asset(
    name="article_tables",
    specs=[asset_spec(spec, group_name="articles") for spec in ARTICLE_TABLES],
    partitions_def=batches,
    pool="nlp",
    description="Read a batch's new and changed files; write their rows to every article table.",
)
def article_tables(
    context: dg.AssetExecutionContext,
    config: BatchConfig,
    pipeline: PipelineResource,
    spacy_model: SpacyModel,
) -> Iterator[dg.MaterializeResult]:
    warehouse = pipeline.warehouse()
    settings = dataclasses.replace(pipeline.settings(), spacy_model=spacy_model.model)
    # Retries are requested here, not by a RetryPolicy: Dagster retries an interrupted step
    # under a policy, so SIGTERM or Ctrl-C would restart the batch instead of stopping the run.
    # An interrupt is no Exception: it passes through and ends the run.
    try:
        report = run_batch(
            settings,
            warehouse,
            context.partition_key,
            spacy_model.analyser(),
            logger=context.log,
            reprocess=config.reprocess,
        )
    except Exception as exc:
        delay = RETRY_DELAY * (2 ** (context.retry_number + 1) - 1)
        raise dg.RetryRequested(max_retries=RETRIES, seconds_to_wait=delay) from exc
    context.log.info(
        f"batch {report.batch}: {report.planned} planned, {report.read} read, "
        f"{report.unchanged} unchanged, {report.outdated} outdated, {report.deleted} deleted, "
        f"{report.rejected_files} rejected, {report.kept} article(s) of changed files kept, "
        f"{report.nlp_docs} analysed in {report.seconds:.1f}s, "
        f"{report.not_analysed.total()} not in the model's language"
    )
    run_facts: dict[str, dg.RawMetadataValue] = {
        "files_planned": report.planned,
        "files_read": report.read,
        "files_skipped_unchanged": report.unchanged,
        "files_outdated": report.outdated,
        "outdated_files_gone": len(report.missing),
        "files_deleted": report.deleted,
        "files_rejected": report.rejected_files,
        "duplicate_articles": report.duplicates,
        "articles_kept_unchanged": report.kept,
        "nlp_docs": report.nlp_docs,
        # language -> articles written without analysis: not in the model's language
        "articles_not_analysed_language": dg.MetadataValue.json(dict(report.not_analysed)),
        "seconds": round(report.seconds, 3),
    }
    for spec in ARTICLE_TABLES:
        added = report.tables.get(spec.name)
        folder = warehouse.table_dir(spec.name)
        yield dg.MaterializeResult(
            asset_key=spec.name,
            metadata={
                **run_facts,
                "dagster/row_count": table_rows(folder),
                "dagster/column_schema": column_schema(spec),
                "dagster/partition_row_count": added.num_rows if added is not None else 0,
                "preview": preview(added if added is not None else spec.empty()),
                "path": dg.MetadataValue.path(str(folder)),
            },
        )
