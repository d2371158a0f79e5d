"""Asset checks: their logic (`pipeline/checks.py`) over small warehouses written through the
Warehouse API, and the Dagster checks that wire it, over real runs."""

import shutil
from datetime import UTC, datetime
from pathlib import Path

import dagster as dg
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from assets.checks import ASSET_CHECKS
from assets.resources import PipelineResource, SpacyModel
from pipeline import checks, nlp
from pipeline.ingest import plan_batches, run_batch
from pipeline.settings import Settings
from pipeline.store import Commit, Warehouse
from pipeline.tables import (
    ARTICLE_MENTIONS,
    ARTICLE_TABLES,
    DOCUMENTS,
    ENTITIES,
    FILES,
    MENTIONS,
    QUOTES,
    TABLES,
    conform,
)
from pipeline.workers import Analyser

from .conftest import SAMPLE_CORPUS

Row = dict[str, object]

NOW = datetime(2024, 5, 1, tzinfo=UTC)
ARTICLE_NAMES = {spec.name for spec in ARTICLE_TABLES}
BY_NAME = {next(iter(c.check_specs)).key.to_user_string(): c for c in ASSET_CHECKS}
BOILERPLATE_BODY = "A paragraph.\n\nSorry, we are not accepting comments on this article."


def _document(doc_id: str, body: str) -> Row:
    return {
        "doc_id": doc_id,
        "source_path": f"{doc_id}.txt",
        "source_format": "txt",
        "subheadings": [],
        "authors": [],
        "body": body,
        "n_words": len(body.split()),
        "story_id": doc_id,
        "ingested_at": NOW,
    }


def _file(path: str, status: str) -> Row:
    return {
        "source_path": path,
        "content_hash": path,
        "size_bytes": 1,
        "changed_ns": 0,
        "status": status,
        "doc_ids": [],
        "batch": "b",
        "seen_at": NOW,
    }


def _mention(doc_id: str, body: str, text: str, start: int | None = None, **more: object) -> Row:
    """A span of `text`, at its first place in `body` unless `start` says otherwise, with what
    any table of spans needs besides (`conform` keeps the columns its table has)."""
    at = body.index(text) if start is None else start
    row = {"doc_id": doc_id, "start": at, "end": at + len(text), "text": text}
    return {**row, "label": "PERSON", "name": text, "kind": "statement", "quote_id": "q", **more}


def _entity(entity_id: str) -> Row:
    return {
        "entity_id": entity_id,
        "name": entity_id,
        "label": "PERSON",
        "aliases": [],
        "n_docs": 1,
        "n_mentions": 1,
    }


def _table(name: str, rows: list[Row]) -> pa.Table:
    """Rows of table `name` from the helpers' dicts: its columns taken, the rest null."""
    spec = TABLES[name]
    return conform(spec, [{c: row.get(c) for c in spec.schema.names} for row in rows])


def _commit(warehouse: Warehouse, batch: str, **rows: list[Row]) -> None:
    """One batch's rows (table name -> rows), written as an ingest run writes them."""
    add = {name: _table(name, table_rows) for name, table_rows in rows.items()}
    warehouse.commit(Commit(batch, add=add))


def _replace(warehouse: Warehouse, name: str, parts: dict[str, list[Row]]) -> None:
    """A corpus table's files (stem -> rows), written as a recomputation writes them."""
    warehouse.replace_parts(name, {stem: _table(name, rows) for stem, rows in parts.items()})


BODIES = {"d1": "Alice met Bob in Paris.", "d2": "Carol spoke.", "d3": "Dan left Rome."}


@pytest.fixture
def clean(tmp_path: Path) -> Warehouse:
    """Two batches of articles, each naming someone, and the corpus tables over them."""
    warehouse = Warehouse(tmp_path / "warehouse")
    _commit(
        warehouse,
        "a",
        documents=[_document("d1", BODIES["d1"]), _document("d2", BODIES["d2"])],
        article_mentions=[
            _mention("d1", BODIES["d1"], "Alice"),
            _mention("d1", BODIES["d1"], "Paris"),
            _mention("d2", BODIES["d2"], "Carol"),
        ],
        files=[_file("a.txt", "ok")],
    )
    _commit(
        warehouse,
        "b",
        documents=[_document("d3", BODIES["d3"])],
        article_mentions=[_mention("d3", BODIES["d3"], "Dan")],
        files=[_file("b.txt", "ok")],
    )
    _replace(warehouse, ENTITIES.name, {"part-0": [_entity("e1")]})
    _replace(
        warehouse, MENTIONS.name, {"a": [_mention("d1", BODIES["d1"], "Alice", entity_id="e1")]}
    )
    return warehouse


def test_a_clean_warehouse_passes_every_check(clean: Warehouse) -> None:
    for spec in TABLES.values():
        assert checks.schema_mismatches(clean, spec) == checks.Found(0, ()), spec.name
        if checks.has_offsets(spec):
            assert checks.offsets_off_body(clean, spec).passed, spec.name
    for spec in (DOCUMENTS, FILES, ENTITIES):
        assert checks.repeated_keys(clean, spec) == checks.Found(0, ()), spec.name
    for spec in (MENTIONS, QUOTES):
        assert checks.dangling_entity_ids(clean, spec) == checks.Found(0, ()), spec.name
    assert checks.boilerplate_left(clean) == checks.Scanned(0, (), 2, 3)
    assert checks.rejected_files(clean).passed
    assert checks.articles_without_entities(clean) == checks.Share(
        0, (), 3, checks.MAX_NO_ENTITY_SHARE
    )


def test_the_offset_tables_are_those_whose_rows_point_into_a_body() -> None:
    assert {spec.name for spec in TABLES.values() if checks.has_offsets(spec)} == {
        "article_mentions",
        "figures",
        "article_quotes",
        "dates",
        "mentions",
        "quotes",
    }


def test_a_slice_that_is_not_its_text_is_found_in_its_batch_only(clean: Warehouse) -> None:
    body = "Then Eve came."
    _commit(
        clean,
        "c",
        documents=[_document("d4", body)],
        article_mentions=[_mention("d4", body, "Eve"), _mention("d4", body, "Eve", start=0)],
    )
    everything = checks.offsets_off_body(clean, ARTICLE_MENTIONS)
    assert (everything.count, everything.files_checked, everything.rows_checked) == (1, 3, 6)
    assert "'start': 0" in everything.examples[0]
    assert checks.offsets_off_body(clean, ARTICLE_MENTIONS, "a") == checks.Scanned(0, (), 1, 3)
    assert checks.offsets_off_body(clean, ARTICLE_MENTIONS, "c").count == 1


def test_offsets_are_checked_against_a_body_in_another_batch_file(clean: Warehouse) -> None:
    """A row whose article's body is not in the file named by the row's batch is still checked
    against that body, found in the other files."""
    _replace(clean, MENTIONS.name, {"b": [_mention("d1", BODIES["d1"], "Bob", entity_id="e1")]})
    assert checks.offsets_off_body(clean, MENTIONS, "b") == checks.Scanned(0, (), 1, 1)


def test_repeated_keys_are_found(clean: Warehouse) -> None:
    _commit(clean, "c", documents=[_document("d1", BODIES["d1"])])
    assert checks.repeated_keys(clean, DOCUMENTS) == checks.Found(1, ("d1",))


def test_a_file_with_another_schema_is_found(clean: Warehouse) -> None:
    """Written around the Warehouse, which only writes the contract's schema."""
    pq.write_table(pa.table({"doc_id": ["x"]}), clean.table_dir(DOCUMENTS.name) / "z.parquet")
    assert checks.schema_mismatches(clean, DOCUMENTS) == checks.Found(1, ("z.parquet",))


def test_boilerplate_left_in_a_body_is_found(clean: Warehouse) -> None:
    _commit(clean, "c", documents=[_document("d4", BOILERPLATE_BODY)])
    left = checks.boilerplate_left(clean)
    assert (left.count, left.files_checked, left.rows_checked) == (1, 3, 4)
    assert left.examples[0].startswith("d4 [comments_notice] Sorry")
    assert checks.boilerplate_left(clean, "a") == checks.Scanned(0, (), 1, 2)


def test_rejected_files_warn_above_their_limit(clean: Warehouse) -> None:
    _commit(clean, "c", files=[_file(f"c{i}.txt", "rejected") for i in range(3)])
    rejected = checks.rejected_files(clean)
    assert (rejected.count, rejected.total, rejected.share) == (3, 5, 0.6)
    assert rejected.examples == ("c0.txt", "c1.txt", "c2.txt") and not rejected.passed
    limit = checks.MAX_REJECTED_SHARE
    assert checks.Share(1, (), 5, limit).passed and checks.Share(0, (), 0, limit).passed


def test_articles_without_entities_are_counted_in_the_batch_read(clean: Warehouse) -> None:
    _commit(clean, "c", documents=[_document("d4", "Nobody."), _document("d5", "None.")])
    everything = checks.articles_without_entities(clean)
    assert (everything.count, everything.total, everything.share) == (2, 5, 0.4)
    assert not everything.passed
    assert checks.articles_without_entities(clean, "a").total == 2
    batch = checks.articles_without_entities(clean, "c")
    assert (batch.examples, batch.total) == (("d4", "d5"), 2)


def test_entity_ids_that_are_no_entity_are_found(clean: Warehouse) -> None:
    body = BODIES["d1"]
    _replace(clean, MENTIONS.name, {"a": [_mention("d1", body, "Alice", entity_id="e9")]})
    ids = ["e9", None, "e8", "e9", "e1"]
    _replace(clean, QUOTES.name, {"a": [_mention("d1", body, "Alice", entity_id=i) for i in ids]})
    assert checks.dangling_entity_ids(clean, MENTIONS) == checks.Found(1, ("e9",))
    assert checks.dangling_entity_ids(clean, QUOTES) == checks.Found(2, ("e8", "e9"))


def test_a_row_drop_warns_past_half() -> None:
    assert checks.RowDrop(now=4, before=10).drop == 0.6
    assert not checks.RowDrop(now=4, before=10).passed
    assert checks.RowDrop(now=5, before=10).passed  # exactly half
    assert checks.RowDrop(now=12, before=10).passed and checks.RowDrop(0, 0).drop == 0.0


# -- the Dagster checks ------------------------------------------------------------------------

WARNINGS = {
    "files:rejected_share": {"rejected_share", "examples"},
    "documents:documents_row_drop": {"rows_now", "rows_before", "drop"},
    "article_mentions:articles_without_entities": {
        "share_without_entities",
        "articles_checked",
        "examples",
    },
}
BLOCKING = {
    **{
        f"{name}:schema_matches_contract": {"files_with_other_schema", "examples"}
        for name in TABLES
    },
    **{
        f"{spec.name}:offsets_match_body": {"rows_off", "rows_checked", "files_checked", "examples"}
        for spec in TABLES.values()
        if checks.has_offsets(spec)
    },
    **{
        f"{spec.name}:unique_{spec.key}": {"repeated_keys", "examples"}
        for spec in (DOCUMENTS, FILES, ENTITIES)
    },
    "documents:no_boilerplate_in_bodies": {"paragraphs_left", "files_checked", "examples"},
    "mentions:entity_ids_exist": {"dangling_entity_ids", "examples"},
    "quotes:entity_ids_exist": {"dangling_entity_ids", "examples"},
}


def _run(
    check: dg.AssetChecksDefinition,
    resource: PipelineResource,
    instance: dg.DagsterInstance | None = None,
) -> dg.AssetCheckResult:
    """A check invoked directly, as outside a partitioned run: over every file of its table."""
    result = check(dg.build_asset_check_context(instance=instance), pipeline=resource)
    assert isinstance(result, dg.AssetCheckResult)
    return result


def test_each_check_reports_its_verdict_severity_and_metadata(tmp_path: Path) -> None:
    """Over a warehouse where every kind of check has something to find (direct invocation)."""
    warehouse = Warehouse(tmp_path / "warehouse")
    body = BODIES["d1"]
    _commit(
        warehouse,
        "a",
        documents=[_document("d1", body), _document("d2", BOILERPLATE_BODY)],
        article_mentions=[_mention("d1", body, "Alice"), _mention("d1", body, "Bob", start=0)],
        files=[_file("a.txt", "rejected")],
    )
    _commit(warehouse, "b", documents=[_document("d1", body)], files=[_file("a.txt", "ok")])
    pq.write_table(pa.table({"x": [1]}), warehouse.table_dir("boilerplate") / "z.parquet")
    _replace(warehouse, ENTITIES.name, {"part-0": [_entity("e1"), _entity("e1")]})
    for name in (MENTIONS.name, QUOTES.name):
        _replace(warehouse, name, {"a": [_mention("d1", body, "Alice", entity_id="e9")]})
    settings = Settings(raw_dir=tmp_path / "raw", warehouse_dir=warehouse.root)
    resource = PipelineResource.from_settings(settings)
    with dg.instance_for_test() as instance:
        for rows in (10, 3):  # the previous materialization, then this one
            instance.report_runless_asset_event(
                dg.AssetMaterialization(DOCUMENTS.name, metadata={"dagster/row_count": rows})
            )
        results = {name: _run(check, resource, instance) for name, check in BY_NAME.items()}
    assert set(results) == set(BLOCKING) | set(WARNINGS)
    for name, result in results.items():
        assert set(result.metadata) == (BLOCKING | WARNINGS)[name], name
        warns = result.severity == dg.AssetCheckSeverity.WARN
        assert warns == (name in WARNINGS), name
    failed = {name for name, result in results.items() if not result.passed}
    assert failed == {
        "boilerplate:schema_matches_contract",
        "article_mentions:offsets_match_body",
        "documents:unique_doc_id",
        "files:unique_source_path",
        "entities:unique_entity_id",
        "documents:no_boilerplate_in_bodies",
        "files:rejected_share",
        "documents:documents_row_drop",
        "article_mentions:articles_without_entities",
        "mentions:entity_ids_exist",
        "quotes:entity_ids_exist",
    }
    assert results["documents:unique_doc_id"].metadata["repeated_keys"].value == 1
    assert results["boilerplate:schema_matches_contract"].metadata["examples"].value == [
        "z.parquet"
    ]
    drop = results["documents:documents_row_drop"].metadata
    assert (drop["rows_now"].value, drop["rows_before"].value, drop["drop"].value) == (3, 10, 0.7)
    share = results["files:rejected_share"].metadata["rejected_share"].value
    assert share == 0.5 > checks.MAX_REJECTED_SHARE


@pytest.fixture
def loaded(tmp_path: Path) -> tuple[Settings, PipelineResource]:
    shutil.copytree(SAMPLE_CORPUS, tmp_path / "raw")
    settings = Settings(raw_dir=tmp_path / "raw", warehouse_dir=tmp_path / "warehouse")
    warehouse = Warehouse(settings.warehouse_dir)
    for key in plan_batches(settings, warehouse).batches:
        run_batch(settings, warehouse, key, Analyser(nlp.DEFAULT_MODEL))
    return settings, PipelineResource.from_settings(settings)


def test_every_check_passes_on_a_clean_run(
    loaded: tuple[Settings, PipelineResource],
) -> None:
    _, resource = loaded
    with dg.instance_for_test() as instance:
        for name, check in BY_NAME.items():
            assert _run(check, resource, instance).passed, name


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
    resource = PipelineResource.from_settings(settings)
    article_checks = [
        c
        for c in ASSET_CHECKS
        if all(s.asset_key.to_user_string() in ARTICLE_NAMES for s in c.check_specs)
    ]
    (tmp_path / "home").mkdir()
    with dg.instance_for_test(temp_dir=str(tmp_path / "home")) as instance:
        assert batches.name is not None
        instance.add_dynamic_partitions(batches.name, plan.batches)
        for key in plan.batches:
            result = dg.materialize(
                [article_tables, *article_checks],
                instance=instance,
                partition_key=key,
                resources={"pipeline": resource, "spacy_model": SpacyModel()},
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
    everything = _run(BY_NAME["article_mentions:offsets_match_body"], resource)
    assert everything.metadata["files_checked"].value == 3
    assert everything.metadata["rows_checked"].value == warehouse.read("article_mentions").num_rows
