"""Asset checks: blocking ones for the data contract, warnings for drift. Each says what failed
and shows examples.

What a check computes is in `pipeline/checks.py`; here each is declared (its asset, name and
whether it blocks) and its result becomes Dagster's: pass or fail, severity, metadata. In an
ingest run (one batch partition) the checks that look at rows read only that batch's files.
"""

from collections.abc import Mapping

import dagster as dg

from assets.resources import PipelineResource
from pipeline import checks
from pipeline.store import table_rows
from pipeline.tables import (
    ARTICLE_MENTIONS,
    DOCUMENTS,
    ENTITIES,
    FILES,
    MENTIONS,
    QUOTES,
    TABLES,
    TableSpec,
)


def _result(
    found: checks.Found,
    facts: Mapping[str, int | float],
    severity: dg.AssetCheckSeverity = dg.AssetCheckSeverity.ERROR,
) -> dg.AssetCheckResult:
    """Dagster's result of a check: its verdict at `severity`, with `facts` and the examples as
    metadata for the UI."""
    return dg.AssetCheckResult(
        passed=found.passed,
        severity=severity,
        metadata={**facts, "examples": dg.MetadataValue.json(list(found.examples))},
    )


def _share_warning(measure: str, found: checks.Share, **facts: int) -> dg.AssetCheckResult:
    """A warning when the share `found` is above its limit, named `measure` in the metadata."""
    return _result(found, {measure: round(found.share, 4), **facts}, dg.AssetCheckSeverity.WARN)


def _batch(context: dg.AssetCheckExecutionContext) -> str | None:
    """The batch whose files a check over rows reads: the run's partition; every file (None)
    when the check runs on its own."""
    return context.partition_key if context.has_partition_key else None


def _schema_check(spec: TableSpec) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=spec.name,
        name="schema_matches_contract",
        blocking=True,
        description=f"Every Parquet file of `{spec.name}` has exactly the contract's schema.",
    )
    def check(pipeline: PipelineResource) -> dg.AssetCheckResult:
        found = checks.schema_mismatches(pipeline.warehouse(), spec)
        return _result(found, {"files_with_other_schema": found.count})

    return check


def _unique_check(spec: TableSpec) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=spec.name,
        name=f"unique_{spec.key}",
        blocking=True,
        description=f"No two rows of `{spec.name}` share a `{spec.key}`.",
    )
    def check(pipeline: PipelineResource) -> dg.AssetCheckResult:
        found = checks.repeated_keys(pipeline.warehouse(), spec)
        return _result(found, {"repeated_keys": found.count})

    return check


def _offset_check(spec: TableSpec) -> dg.AssetChecksDefinition:
    """For every table whose rows point into a body: `body[start:end] == text`, always."""

    @dg.asset_check(
        asset=spec.name,
        name="offsets_match_body",
        blocking=True,
        description=f"Every `{spec.name}` row's `body[start:end]` equals its `text`.",
    )
    def check(
        context: dg.AssetCheckExecutionContext, pipeline: PipelineResource
    ) -> dg.AssetCheckResult:
        found = checks.offsets_off_body(pipeline.warehouse(), spec, _batch(context))
        facts = {
            "rows_off": found.count,
            "rows_checked": found.rows_checked,
            "files_checked": found.files_checked,
        }
        return _result(found, facts)

    return check


@dg.asset_check(
    asset=DOCUMENTS.name,
    blocking=True,
    description="No paragraph of any body is still a line the boilerplate rules remove.",
)
def no_boilerplate_in_bodies(
    context: dg.AssetCheckExecutionContext, pipeline: PipelineResource
) -> dg.AssetCheckResult:
    found = checks.boilerplate_left(pipeline.warehouse(), _batch(context))
    return _result(found, {"paragraphs_left": found.count, "files_checked": found.files_checked})


@dg.asset_check(
    asset=FILES.name,
    description=f"Warns when more than {checks.MAX_REJECTED_SHARE:.0%} of the raw files are "
    "rejected.",
)
def rejected_share(pipeline: PipelineResource) -> dg.AssetCheckResult:
    return _share_warning("rejected_share", checks.rejected_files(pipeline.warehouse()))


@dg.asset_check(
    asset=DOCUMENTS.name,
    description=f"Warns when `documents` lost more than {checks.MAX_ROW_DROP:.0%} of its rows.",
)
def documents_row_drop(
    context: dg.AssetCheckExecutionContext, pipeline: PipelineResource
) -> dg.AssetCheckResult:
    now = table_rows(pipeline.warehouse().table_dir(DOCUMENTS.name))
    records = context.instance.fetch_materializations(dg.AssetKey(DOCUMENTS.name), limit=2).records
    counts = [
        r.asset_materialization.metadata["dagster/row_count"].value
        for r in records
        if r.asset_materialization and "dagster/row_count" in r.asset_materialization.metadata
    ]
    # The newest materialization is this run's; the one before it is the comparison.
    drop = checks.RowDrop(now, counts[1] if len(counts) > 1 else now)
    return dg.AssetCheckResult(
        passed=drop.passed,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"rows_now": drop.now, "rows_before": drop.before, "drop": round(drop.drop, 4)},
    )


@dg.asset_check(
    asset=ARTICLE_MENTIONS.name,
    description=f"Warns when more than {checks.MAX_NO_ENTITY_SHARE:.0%} of the articles (of the "
    "run's batch, in an ingest run) mention no entity at all.",
)
def articles_without_entities(
    context: dg.AssetCheckExecutionContext, pipeline: PipelineResource
) -> dg.AssetCheckResult:
    found = checks.articles_without_entities(pipeline.warehouse(), _batch(context))
    return _share_warning("share_without_entities", found, articles_checked=found.total)


def _links_to_entities(spec: TableSpec) -> dg.AssetChecksDefinition:
    """Every `entity_id` of `spec`'s rows (when set) is a row of `entities`."""

    @dg.asset_check(
        asset=spec.name,
        name="entity_ids_exist",
        blocking=True,
        additional_deps=[ENTITIES.name],
        description=f"Every `{spec.name}.entity_id` is a row of `entities`.",
    )
    def check(pipeline: PipelineResource) -> dg.AssetCheckResult:
        found = checks.dangling_entity_ids(pipeline.warehouse(), spec)
        return _result(found, {"dangling_entity_ids": found.count})

    return check


ASSET_CHECKS = [
    *(_schema_check(spec) for spec in TABLES.values()),
    *(_offset_check(spec) for spec in TABLES.values() if checks.has_offsets(spec)),
    _unique_check(DOCUMENTS),
    _unique_check(FILES),
    no_boilerplate_in_bodies,
    rejected_share,
    documents_row_drop,
    articles_without_entities,
    _links_to_entities(MENTIONS),
    _links_to_entities(QUOTES),
    _unique_check(ENTITIES),
]
