"""The Dagster layer with a real instance: materialize, metadata, `make run`, validation."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd
import polars as pl
import pytest

from assets.articles import article_tables
from assets.partitions import batches
from assets.resources import PipelineResource, SpacyModel
from pipeline.ingest import plan_batches
from pipeline.settings import PROJECT_ROOT, Settings
from pipeline.store import Warehouse
from pipeline.tables import ARTICLE_TABLES, DOCUMENTS

from .conftest import SAMPLE_CORPUS, instance_env, run_cli


def materialize_batches(
    settings: Settings, instance: dg.DagsterInstance
) -> list[dg.ExecuteInProcessResult]:
    plan = plan_batches(settings, Warehouse(settings.warehouse_dir))
    instance.add_dynamic_partitions(batches.name, plan.batches)
    resources = {
        "pipeline": PipelineResource.from_settings(settings),
        "spacy_model": SpacyModel(),
    }
    return [
        dg.materialize([article_tables], instance=instance, partition_key=key, resources=resources)
        for key in plan.batches
    ]


def test_materialize_sample_corpus_and_read_back(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(SAMPLE_CORPUS, raw)
    (raw / "bad.bin").write_bytes(b"%PDF-1.4 not an article")
    settings = Settings(raw_dir=raw, warehouse_dir=tmp_path / "warehouse")
    home = tmp_path / "dagster_home"
    home.mkdir()
    with dg.instance_for_test(temp_dir=str(home)) as instance:
        [result] = materialize_batches(settings, instance)
        assert result.success
        mats = {m.asset_key.to_user_string(): m for m in result.get_asset_materialization_events()}
        assert set(mats) == {spec.name for spec in ARTICLE_TABLES}
        meta = mats["documents"].materialization.metadata
        assert meta["dagster/row_count"].value == 5
        assert meta["files_read"].value == 6 and meta["files_rejected"].value == 1
        assert meta["nlp_docs"].value == 5
        assert "| doc_id |" in meta["preview"].value
        # the column schema comes from the pyarrow schema
        spec_schema = instance.get_latest_materialization_event(dg.AssetKey("documents"))
        assert spec_schema is not None
        record = instance.fetch_materializations(dg.AssetKey("rejected"), limit=1).records[0]
        assert record.asset_materialization.metadata["dagster/row_count"].value == 1

    wh = settings.warehouse_dir
    documents = pd.read_parquet(wh / "documents")
    assert len(documents) == 5 and documents["doc_id"].is_unique
    assert list(documents.columns) == DOCUMENTS.schema.names
    rejected = duckdb.sql(
        f"select source_path, stage, error from read_parquet('{wh}/rejected/**/*.parquet')"
    ).fetchall()
    assert rejected[0][:2] == ("bad.bin", "decode") and "PDF" in rejected[0][2]
    assert pl.read_parquet(f"{wh}/documents/**/*.parquet").height == 5
    n = duckdb.sql(f"select sum(n_words) from read_parquet('{wh}/documents/**/*.parquet')")
    assert n.fetchall()[0][0] > 2000


def test_asset_specs_carry_descriptions_and_column_schemas() -> None:
    specs = {s.key.to_user_string(): s for s in article_tables.specs}
    schema = specs["documents"].metadata["dagster/column_schema"]
    assert [c.name for c in schema.columns] == DOCUMENTS.schema.names
    assert all(c.description for c in schema.columns)
    assert specs["rejected"].description


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    shutil.copytree(SAMPLE_CORPUS, tmp_path / "raw")
    return instance_env(tmp_path, tmp_path / "raw", tmp_path / "warehouse")


def test_main_job_twice_second_is_a_byte_identical_no_op(cli_env: dict[str, str]) -> None:
    first = run_cli(cli_env)
    assert first.returncode == 0, first.stderr[-3000:]
    wh = Path(cli_env["PIPELINE_WAREHOUSE_DIR"])
    snapshot = {p: p.read_bytes() for p in wh.rglob("*.parquet")}
    assert pd.read_parquet(wh / "documents").shape[0] == 5
    assert pd.read_parquet(wh / "rejected").shape[0] == 0
    publishers = pd.read_parquet(wh / "publishers")
    assert publishers["n_docs"].sum() == 5
    second = run_cli(cli_env)
    assert second.returncode == 0, second.stderr[-3000:]
    assert "no run needed" in second.stderr
    assert "analysing" not in second.stderr  # no NLP work
    assert {p: p.read_bytes() for p in wh.rglob("*.parquet")} == snapshot
    # the run is recorded in the real instance at DAGSTER_HOME
    with dg.DagsterInstance.from_config(cli_env["DAGSTER_HOME"]) as instance:
        runs = instance.get_runs()
        assert sorted(r.job_name for r in runs) == ["corpus", "ingest"]
        assert {r.status for r in runs} == {dg.DagsterRunStatus.SUCCESS}
        assert len(instance.get_dynamic_partitions(batches.name)) == 1


def test_main_job_picks_up_a_new_file_and_exits_nonzero_on_failure(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    assert run_cli(cli_env).returncode == 0
    raw = Path(cli_env["PIPELINE_RAW_DIR"])
    (raw / "new" / "story.txt").parent.mkdir()
    (raw / "new" / "story.txt").write_text("A brand new article about the summit in Brussels.")
    third = run_cli(cli_env)
    assert third.returncode == 0, third.stderr[-3000:]
    wh = Path(cli_env["PIPELINE_WAREHOUSE_DIR"])
    assert pd.read_parquet(wh / "documents").shape[0] == 6
    # a failing run (the model cannot load: its folder holds none) makes the command fail
    (raw / "another.txt").write_text("Another new article.")
    (tmp_path / "not_a_model").mkdir()
    broken = run_cli({**cli_env, "PIPELINE_SPACY_MODEL": str(tmp_path / "not_a_model")})
    assert broken.returncode == 1
    assert "failed" in broken.stderr


def test_definitions_validate_on_the_workspace(cli_env: dict[str, str]) -> None:
    dagster = Path(sys.executable).with_name("dagster")
    done = subprocess.run(
        [str(dagster), "definitions", "validate", "-w", "workspace.yaml"],
        env=cli_env,
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_schedules_and_sensors_carry_the_names_the_docs_use() -> None:
    from assets.definitions import defs

    docs = (PROJECT_ROOT / "README.md").read_text() + (
        PROJECT_ROOT / "docs" / "operations.md"
    ).read_text()
    names = [s.name for s in defs.schedules or []] + [s.name for s in defs.sensors or []]
    assert "daily_corpus_refresh" in names
    assert all(f"`{name}`" in docs for name in names), names


def test_every_schedule_sensor_and_job_the_docs_name_exists() -> None:
    """The other way round: a name the docs give a schedule, sensor or job is one the UI
    shows (the README once named a schedule the product called otherwise)."""
    from assets.definitions import defs

    pages = [PROJECT_ROOT / "README.md", *(PROJECT_ROOT / "docs").glob("*.md")]
    text = "\n".join(page.read_text() for page in pages)
    named = set(re.findall(r"`([a-z][a-z_]*_(?:sensor|schedule|refresh|ingest))`", text))
    named |= set(re.findall(r"`([a-z_]+)` job", text))
    defined = {s.name for s in defs.schedules or []} | {s.name for s in defs.sensors or []}
    defined |= {job.name for job in defs.resolve_all_job_defs()}
    assert named, "the docs name no schedule or sensor: the pattern is stale"
    assert named <= defined, f"named in the docs but not defined: {sorted(named - defined)}"
