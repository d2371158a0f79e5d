"""Asset checks: blocking ones for the data contract, warnings for drift. Each says what failed
and shows examples.

A check reads its table one file at a time, so its memory is one batch's, however large the
corpus. In an ingest run (one batch partition) the checks that look at rows read only that
batch's files: the run added rows there and only removed rows elsewhere. Global properties
(unique keys, schemas, the share of rejected files) are read from one column or the footers of
every file.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from assets.metadata import table_rows
from assets.resources import PipelineResource
from pipeline.clean import ANYWHERE_RULES
from pipeline.store import Warehouse
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


@dataclass
class _Found:
    """What a check found: how many, and the first few as examples (not all of them: a broken
    table can have millions)."""

    count: int = 0
    examples: list = field(default_factory=list)

    def add(self, example: object) -> None:
        self.count += 1
        if len(self.examples) < EXAMPLES:
            self.examples.append(example)


def _share_warning(
    measure: str, found: _Found, total: int, limit: float, **facts: int
) -> dg.AssetCheckResult:
    """A warning when `found` is more than `limit` of `total`, with examples."""
    share = found.count / total if total else 0.0
    return dg.AssetCheckResult(
        passed=share <= limit,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={measure: round(share, 4), "examples": _examples(found.examples), **facts},
    )


def _files_to_check(
    context: dg.AssetCheckExecutionContext, warehouse: Warehouse, name: str
) -> list[Path]:
    """The files of table `name` whose rows a check reads: in a batch partition's run, that
    batch's file; otherwise every file."""
    files = warehouse.files_of(name)
    if context.has_partition_key:
        return [p for p in files if p.stem == context.partition_key]
    return files


def _rows_of(
    warehouse: Warehouse, name: str, columns: list[str], doc_ids: pa.Array, stem: str
) -> pa.Table:
    """The rows of table `name` for `doc_ids`. A batch's articles have their rows in the files
    named by the batch, so that file is read first, and the others only for ids it lacks."""
    files = sorted(warehouse.files_of(name), key=lambda p: p.stem != stem)
    found = [TABLES[name].columns_schema(columns).empty_table()]
    wanted = doc_ids
    for path in files:
        if not len(wanted):
            break
        part = warehouse.read_file(name, path, columns, where=pc.field("doc_id").isin(wanted))
        found.append(part)
        wanted = wanted.filter(pc.invert(pc.is_in(wanted, part["doc_id"].combine_chunks())))
    return pa.concat_tables(found)


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
        repeated = counts.filter(pc.greater(pc.struct_field(counts, "counts"), 1))
        return dg.AssetCheckResult(
            passed=not len(repeated),
            metadata={
                "repeated_keys": len(repeated),
                "examples": _examples(pc.struct_field(repeated, "values").to_pylist()[:EXAMPLES]),
            },
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
    def check(
        context: dg.AssetCheckExecutionContext, pipeline: PipelineResource
    ) -> dg.AssetCheckResult:
        warehouse = pipeline.warehouse()
        files = _files_to_check(context, warehouse, spec.name)
        wrong, checked = _Found(), 0
        for path in files:
            part = warehouse.read_file(spec.name, path, ["doc_id", "start", "end", "text"])
            ids = pc.unique(part["doc_id"].combine_chunks())
            documents = _rows_of(warehouse, DOCUMENTS.name, ["doc_id", "body"], ids, path.stem)
            bodies = dict(
                zip(documents["doc_id"].to_pylist(), documents["body"].to_pylist(), strict=True)
            )
            for row in part.to_pylist():
                if bodies.get(row["doc_id"], "")[row["start"] : row["end"]] != row["text"]:
                    wrong.add(row)
            checked += part.num_rows
        return dg.AssetCheckResult(
            passed=not wrong.count,
            metadata={
                "rows_off": wrong.count,
                "rows_checked": checked,
                "files_checked": len(files),
                "examples": _examples(wrong.examples),
            },
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
def no_boilerplate_in_bodies(
    context: dg.AssetCheckExecutionContext, pipeline: PipelineResource
) -> dg.AssetCheckResult:
    warehouse = pipeline.warehouse()
    files = _files_to_check(context, warehouse, DOCUMENTS.name)
    left = _Found()
    for path in files:
        documents = warehouse.read_file(DOCUMENTS.name, path, ["doc_id", "body"])
        for doc_id, body in zip(
            documents["doc_id"].to_pylist(), documents["body"].to_pylist(), strict=True
        ):
            for paragraph in body.split("\n\n"):
                rule = next((r.name for r in ANYWHERE_RULES if r.matches(paragraph)), None)
                if rule:
                    left.add(f"{doc_id} [{rule}] {paragraph}")
    return dg.AssetCheckResult(
        passed=not left.count,
        metadata={
            "paragraphs_left": left.count,
            "files_checked": len(files),
            "examples": _examples(left.examples),
        },
    )


@dg.asset_check(
    asset=FILES.name,
    description=f"Warns when more than {MAX_REJECTED_SHARE:.0%} of the raw files are rejected.",
)
def rejected_share(pipeline: PipelineResource) -> dg.AssetCheckResult:
    files = pipeline.warehouse().read(FILES.name, columns=["source_path", "status"])
    rejected = files.filter(pc.equal(files["status"], "rejected"))["source_path"]
    found = _Found(len(rejected), rejected.slice(0, EXAMPLES).to_pylist())
    return _share_warning("rejected_share", found, files.num_rows, MAX_REJECTED_SHARE)


@dg.asset_check(
    asset=DOCUMENTS.name,
    description=f"Warns when `documents` lost more than {MAX_ROW_DROP:.0%} of its rows.",
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
    before = counts[1] if len(counts) > 1 else now
    drop = (before - now) / before if before else 0.0
    return dg.AssetCheckResult(
        passed=drop <= MAX_ROW_DROP,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"rows_now": now, "rows_before": before, "drop": round(drop, 4)},
    )


@dg.asset_check(
    asset=ARTICLE_MENTIONS.name,
    description=f"Warns when more than {MAX_NO_ENTITY_SHARE:.0%} of the articles (of the run's "
    "batch, in an ingest run) mention no entity at all.",
)
def articles_without_entities(
    context: dg.AssetCheckExecutionContext, pipeline: PipelineResource
) -> dg.AssetCheckResult:
    warehouse = pipeline.warehouse()
    files = _files_to_check(context, warehouse, DOCUMENTS.name)
    total, without = 0, _Found()
    for path in files:
        docs = warehouse.read_file(DOCUMENTS.name, path, ["doc_id"])["doc_id"].combine_chunks()
        named = _rows_of(warehouse, ARTICLE_MENTIONS.name, ["doc_id"], docs, path.stem)
        total += len(docs)
        for doc_id in docs.filter(pc.invert(pc.is_in(docs, named["doc_id"].combine_chunks()))):
            without.add(doc_id.as_py())
    return _share_warning(
        "share_without_entities", without, total, MAX_NO_ENTITY_SHARE, articles_checked=total
    )


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
        ids = warehouse.read(ENTITIES.name, columns=["entity_id"])["entity_id"].combine_chunks()
        dangling: set[str] = set()
        for path in warehouse.files_of(spec.name):
            linked = pc.drop_null(warehouse.read_file(spec.name, path, ["entity_id"])["entity_id"])
            dangling.update(pc.unique(linked.filter(pc.invert(pc.is_in(linked, ids)))).to_pylist())
        return dg.AssetCheckResult(
            passed=not dangling,
            metadata={
                "dangling_entity_ids": len(dangling),
                "examples": _examples(sorted(dangling)),
            },
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
