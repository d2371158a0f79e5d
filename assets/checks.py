"""Asset checks: blocking ones for the data contract, warnings for drift. Each says what failed
and shows examples."""

from collections.abc import Iterable

import dagster as dg
import pyarrow.compute as pc
import pyarrow.parquet as pq

from assets.resources import PipelineResource
from pipeline.clean import ANYWHERE_RULES
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

EXAMPLES = 5
MAX_REJECTED_SHARE = 0.2  # more rejected files than this is a sign the input changed shape
MAX_ROW_DROP = 0.5  # documents shrinking by more than half between runs is worth a look
# News articles name people, places and organisations; many bodies with none means the bodies
# or the model went wrong (an empty extraction, a model for another language).
MAX_NO_ENTITY_SHARE = 0.2


def _examples(values: Iterable[object]) -> dg.MetadataValue:
    return dg.MetadataValue.json([str(v)[:200] for v in list(values)[:EXAMPLES]])


def _share_warning(measure: str, found: list, total: int, limit: float) -> dg.AssetCheckResult:
    """A warning when `found` is more than `limit` of `total`, with examples."""
    share = len(found) / total if total else 0.0
    return dg.AssetCheckResult(
        passed=share <= limit,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={measure: round(share, 4), "examples": _examples(found)},
    )


def _schema_check(spec: TableSpec) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=spec.name,
        name="schema_matches_contract",
        blocking=True,
        description=f"Every Parquet file of `{spec.name}` has exactly the contract's schema.",
    )
    def check(pipeline: PipelineResource) -> dg.AssetCheckResult:
        folder = pipeline.warehouse().table_dir(spec.name)
        wrong = [
            p.name
            for p in sorted(folder.glob("*.parquet"))
            if not pq.read_schema(p).equals(spec.schema, check_metadata=False)
        ]
        return dg.AssetCheckResult(
            passed=not wrong,
            metadata={"files_with_other_schema": len(wrong), "examples": _examples(wrong)},
        )

    return check


def _unique_check(spec: TableSpec) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=spec.name,
        name=f"unique_{spec.key}",
        blocking=True,
        description=f"No two rows of `{spec.name}` share a `{spec.key}`.",
    )
    def check(pipeline: PipelineResource) -> dg.AssetCheckResult:
        keys = pipeline.warehouse().read(spec.name, columns=[spec.key])[spec.key]
        counts = pc.value_counts(keys)
        repeated = [v["values"] for v in counts.to_pylist() if v["counts"] > 1]
        return dg.AssetCheckResult(
            passed=not repeated,
            metadata={"repeated_keys": len(repeated), "examples": _examples(repeated)},
        )

    return check


def _offset_check(spec: TableSpec) -> dg.AssetChecksDefinition:
    """For every table whose rows point into a body: `body[start:end] == text`, always."""

    @dg.asset_check(
        asset=spec.name,
        name="offsets_match_body",
        blocking=True,
        description=f"Every `{spec.name}` row's `body[start:end]` equals its `text`.",
    )
    def check(pipeline: PipelineResource) -> dg.AssetCheckResult:
        warehouse = pipeline.warehouse()
        documents = warehouse.read(DOCUMENTS.name, columns=["doc_id", "body"]).to_pylist()
        bodies = {d["doc_id"]: d["body"] for d in documents}
        rows = warehouse.read(spec.name, columns=["doc_id", "start", "end", "text"]).to_pylist()
        wrong = [r for r in rows if bodies.get(r["doc_id"], "")[r["start"] : r["end"]] != r["text"]]
        return dg.AssetCheckResult(
            passed=not wrong,
            metadata={"rows_off": len(wrong), "examples": _examples(wrong)},
        )

    return check


# Tables whose rows point into `documents.body` (mentions, figures, quotes, dates as they land).
OFFSET_TABLES = [
    spec for spec in TABLES.values() if {"doc_id", "start", "end", "text"} <= set(spec.schema.names)
]


@dg.asset_check(
    asset=DOCUMENTS.name,
    blocking=True,
    description="No paragraph of any body is still a line the boilerplate rules remove.",
)
def no_boilerplate_in_bodies(pipeline: PipelineResource) -> dg.AssetCheckResult:
    documents = pipeline.warehouse().read(DOCUMENTS.name, columns=["doc_id", "body"])
    found = []
    for doc_id, body in zip(
        documents["doc_id"].to_pylist(), documents["body"].to_pylist(), strict=True
    ):
        for paragraph in body.split("\n\n"):
            rule = next((r.name for r in ANYWHERE_RULES if r.matches(paragraph)), None)
            if rule:
                found.append(f"{doc_id} [{rule}] {paragraph}")
    return dg.AssetCheckResult(
        passed=not found,
        metadata={"paragraphs_left": len(found), "examples": _examples(found)},
    )


@dg.asset_check(
    asset=FILES.name,
    description=f"Warns when more than {MAX_REJECTED_SHARE:.0%} of the raw files are rejected.",
)
def rejected_share(pipeline: PipelineResource) -> dg.AssetCheckResult:
    files = pipeline.warehouse().read(FILES.name, columns=["source_path", "status"])
    rejected = [
        p
        for p, s in zip(files["source_path"].to_pylist(), files["status"].to_pylist(), strict=True)
        if s == "rejected"
    ]
    return _share_warning("rejected_share", rejected, files.num_rows, MAX_REJECTED_SHARE)


@dg.asset_check(
    asset=DOCUMENTS.name,
    description=f"Warns when `documents` lost more than {MAX_ROW_DROP:.0%} of its rows.",
)
def documents_row_drop(
    context: dg.AssetCheckExecutionContext, pipeline: PipelineResource
) -> dg.AssetCheckResult:
    now = pipeline.warehouse().read(DOCUMENTS.name, columns=["doc_id"]).num_rows
    records = context.instance.fetch_materializations(dg.AssetKey(DOCUMENTS.name), limit=2).records
    counts = [
        r.asset_materialization.metadata["dagster/row_count"].value
        for r in records
        if r.asset_materialization and "dagster/row_count" in r.asset_materialization.metadata
    ]
    before = counts[1] if len(counts) > 1 else now
    drop = (before - now) / before if before else 0.0
    return dg.AssetCheckResult(
        passed=drop <= MAX_ROW_DROP,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"rows_now": now, "rows_before": before, "drop": round(drop, 4)},
    )


@dg.asset_check(
    asset=ARTICLE_MENTIONS.name,
    description=f"Warns when more than {MAX_NO_ENTITY_SHARE:.0%} of the articles mention no "
    "entity at all.",
)
def articles_without_entities(pipeline: PipelineResource) -> dg.AssetCheckResult:
    warehouse = pipeline.warehouse()
    docs = warehouse.read(DOCUMENTS.name, columns=["doc_id"])["doc_id"]
    named = pc.unique(warehouse.read(ARTICLE_MENTIONS.name, columns=["doc_id"])["doc_id"])
    without = docs.filter(pc.invert(pc.is_in(docs, named))).to_pylist()
    return _share_warning("share_without_entities", without, len(docs), MAX_NO_ENTITY_SHARE)


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
        warehouse = pipeline.warehouse()
        ids = warehouse.read(ENTITIES.name, columns=["entity_id"])["entity_id"]
        linked = pc.drop_null(warehouse.read(spec.name, columns=["entity_id"])["entity_id"])
        dangling = pc.unique(linked.filter(pc.invert(pc.is_in(linked, ids)))).to_pylist()
        return dg.AssetCheckResult(
            passed=not dangling,
            metadata={"dangling_entity_ids": len(dangling), "examples": _examples(dangling)},
        )

    return check


ASSET_CHECKS = [
    *(_schema_check(spec) for spec in TABLES.values()),
    *(_offset_check(spec) for spec in OFFSET_TABLES),
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
