"""Asset checks pass on a clean warehouse and fail, with examples, on a broken one."""

import shutil
from datetime import UTC, datetime
from pathlib import Path

import dagster as dg
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from assets.checks import (
    ASSET_CHECKS,
    MAX_REJECTED_SHARE,
    no_boilerplate_in_bodies,
    rejected_share,
)
from assets.resources import PipelineResource, SpacyModel
from pipeline import nlp
from pipeline.ingest import plan_batches, run_batch
from pipeline.settings import Settings
from pipeline.store import Warehouse
from pipeline.tables import ARTICLE_TABLES, DOCUMENTS, conform
from pipeline.workers import Analyser

from .conftest import SAMPLE_CORPUS

ARTICLE_NAMES = {spec.name for spec in ARTICLE_TABLES}
BY_NAME = {
    c.check_specs and next(iter(c.check_specs)).key.to_user_string(): c for c in ASSET_CHECKS
}


def _run(check: dg.AssetChecksDefinition, resource: PipelineResource) -> dg.AssetCheckResult:
    """A check invoked directly, as outside a partitioned run: over every file of its table."""
    return check(dg.build_asset_check_context(), pipeline=resource)


@pytest.fixture
def loaded(tmp_path: Path) -> tuple[Settings, PipelineResource]:
    shutil.copytree(SAMPLE_CORPUS, tmp_path / "raw")
    settings = Settings(raw_dir=tmp_path / "raw", warehouse_dir=tmp_path / "warehouse")
    warehouse = Warehouse(settings.warehouse_dir)
    for key in plan_batches(settings, warehouse).batches:
        run_batch(settings, warehouse, key, Analyser(nlp.DEFAULT_MODEL))
    return settings, PipelineResource.from_settings(settings)


def test_every_check_passes_on_a_clean_run(loaded) -> None:
    _, resource = loaded
    for name, check in BY_NAME.items():
        if "row_drop" in name:
            continue  # needs an instance: covered in test_dagster
        assert _run(check, resource).passed, name


def test_duplicate_keys_and_foreign_schemas_fail_with_examples(loaded) -> None:
    settings, resource = loaded
    folder = settings.warehouse_dir / "documents"
    first = sorted(folder.glob("*.parquet"))[0]
    shutil.copy(first, folder / "copy.parquet")  # every doc_id twice
    pq.write_table(pa.table({"doc_id": ["x"]}), folder / "stray.parquet")
    unique = _run(BY_NAME["documents:unique_doc_id"], resource)
    assert not unique.passed and unique.metadata["repeated_keys"].value == 5
    schema = _run(BY_NAME["documents:schema_matches_contract"], resource)
    assert not schema.passed
    assert schema.metadata["examples"].data == ["stray.parquet"]


def test_boilerplate_left_in_a_body_fails(loaded) -> None:
    settings, resource = loaded
    row = {
        "doc_id": "d1",
        "source_path": "x.txt",
        "source_format": "txt",
        "subheadings": [],
        "authors": [],
        "n_words": 3,
        "story_id": "d1",
        "ingested_at": datetime.now(UTC),
        "body": "A paragraph.\n\nSorry, we are not accepting comments on this article.",
    }
    pq.write_table(conform(DOCUMENTS, [row]), settings.warehouse_dir / "documents" / "z.parquet")
    result = _run(no_boilerplate_in_bodies, resource)
    assert not result.passed
    assert "comments_notice" in result.metadata["examples"].data[0]


def test_rejected_share_warns(loaded) -> None:
    settings, resource = loaded
    for i in range(5):
        (settings.raw_dir / f"empty{i}.txt").write_bytes(b"")
    warehouse = Warehouse(settings.warehouse_dir)
    for key in plan_batches(settings, warehouse).batches:
        run_batch(settings, warehouse, key, Analyser(nlp.DEFAULT_MODEL))
    result = _run(rejected_share, resource)
    assert not result.passed and result.metadata["rejected_share"].value > MAX_REJECTED_SHARE


def test_offset_check_catches_a_slice_that_does_not_match(loaded) -> None:
    """No offset table exists yet; the check factory is tried on an ad hoc one."""
    import pyarrow as pa

    from assets.checks import _offset_check
    from pipeline.tables import TABLES, TableSpec, col

    settings, resource = loaded
    body = Warehouse(settings.warehouse_dir).read("documents").to_pylist()[0]
    spec = TableSpec(
        name="spans_for_test",
        doc="test",
        key="doc_id",
        schema=pa.schema(
            [
                col("doc_id", pa.string(), "d"),
                col("start", pa.int32(), "s"),
                col("end", pa.int32(), "e"),
                col("text", pa.string(), "t"),
            ]
        ),
    )
    rows = [
        {"doc_id": body["doc_id"], "start": 0, "end": 8, "text": body["body"][:8]},
        {"doc_id": body["doc_id"], "start": 0, "end": 8, "text": "not this"},
    ]
    folder = settings.warehouse_dir / spec.name
    folder.mkdir()
    pq.write_table(conform(spec, rows), folder / "part-0.parquet")
    TABLES[spec.name] = spec
    try:
        result = _run(_offset_check(spec), resource)
    finally:
        del TABLES[spec.name]
    assert not result.passed and result.metadata["rows_off"].value == 1


def test_checks_in_a_batch_run_read_that_batch_only(tmp_path: Path) -> None:
    """A partitioned ingest run checks the rows it wrote, not the whole corpus again: the cost
    of a batch's checks stays the same however many batches came before."""
    from assets.articles import article_tables
    from assets.partitions import batches

    shutil.copytree(SAMPLE_CORPUS, tmp_path / "raw")
    settings = Settings(
        raw_dir=tmp_path / "raw", warehouse_dir=tmp_path / "warehouse", batch_files=2
    )
    warehouse = Warehouse(settings.warehouse_dir)
    plan = plan_batches(settings, warehouse)
    assert len(plan.batches) == 3
    resources = {
        "pipeline": PipelineResource.from_settings(settings),
        "spacy_model": SpacyModel(),
    }
    article_checks = [
        c
        for c in ASSET_CHECKS
        if all(s.asset_key.to_user_string() in ARTICLE_NAMES for s in c.check_specs)
    ]
    (tmp_path / "home").mkdir()
    with dg.instance_for_test(temp_dir=str(tmp_path / "home")) as instance:
        instance.add_dynamic_partitions(batches.name, plan.batches)
        for key in plan.batches:
            result = dg.materialize(
                [article_tables, *article_checks],
                instance=instance,
                partition_key=key,
                resources=resources,
            )
            assert result.success
            found = {
                e.asset_check_key.to_user_string(): e for e in result.get_asset_check_evaluations()
            }
            assert all(e.passed for e in found.values()), found
            offsets = found["article_mentions:offsets_match_body"].metadata
            mentions = pq.read_table(warehouse.table_dir("article_mentions") / f"{key}.parquet")
            assert offsets["files_checked"].value == 1
            assert offsets["rows_checked"].value == mentions.num_rows > 0
            documents = pq.read_table(warehouse.table_dir("documents") / f"{key}.parquet")
            named = found["article_mentions:articles_without_entities"].metadata
            assert named["articles_checked"].value == documents.num_rows
    everything = _run(BY_NAME["article_mentions:offsets_match_body"], resources["pipeline"])
    assert everything.metadata["files_checked"].value == 3
    assert everything.metadata["rows_checked"].value == warehouse.read("article_mentions").num_rows
