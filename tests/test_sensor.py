"""The sensor plans batches from the raw folder with a real instance, never twice."""

import dataclasses
import json
import shutil
from pathlib import Path

import dagster as dg

from assets.definitions import defs
from assets.resources import PipelineResource
from assets.sensors import raw_files_sensor
from pipeline import nlp, versions
from pipeline.ingest import plan_batches, run_batch
from pipeline.settings import Settings
from pipeline.store import Warehouse
from pipeline.workers import Analyser

from .conftest import SAMPLE_CORPUS


def evaluate(instance: dg.DagsterInstance, resource: PipelineResource, cursor: str | None):
    context = dg.build_sensor_context(
        instance=instance, cursor=cursor, resources={"pipeline": resource}, definitions=defs
    )
    return raw_files_sensor(context)


def test_sensor_requests_one_run_per_batch_and_remembers_them(tmp_path: Path) -> None:
    shutil.copytree(SAMPLE_CORPUS, tmp_path / "raw")
    settings = Settings(
        raw_dir=tmp_path / "raw", warehouse_dir=tmp_path / "warehouse", batch_files=2
    )
    resource = PipelineResource.from_settings(settings)
    with dg.instance_for_test() as instance:
        result = evaluate(instance, resource, None)
        assert isinstance(result, dg.SensorResult)
        keys = [r.partition_key for r in result.run_requests]
        assert len(keys) == 3  # 5 files in batches of 2
        assert [r.run_key for r in result.run_requests] == keys
        assert result.dynamic_partitions_requests[0].partition_keys == keys
        assert json.loads(result.cursor) == keys
        # the runs have not happened: the next tick plans nothing again
        again = evaluate(instance, resource, result.cursor)
        assert isinstance(again, dg.SkipReason)
        assert "3 batch(es) still running" in again.skip_message
        # a new file while they run: only it is planned
        (settings.raw_dir / "new.txt").write_text("A new article arrived about the summit.")
        third = evaluate(instance, resource, result.cursor)
        [request] = third.run_requests
        assert json.loads(third.cursor) == [*keys, request.partition_key]


def test_sensor_requests_a_rerun_of_each_batch_an_upgrade_outdated(
    tmp_path: Path, monkeypatch
) -> None:
    shutil.copytree(SAMPLE_CORPUS, tmp_path / "raw")
    settings = Settings(raw_dir=tmp_path / "raw", warehouse_dir=tmp_path / "warehouse")
    resource = PipelineResource.from_settings(settings)
    warehouse = Warehouse(settings.warehouse_dir)
    [key] = plan_batches(settings, warehouse).batches
    run_batch(settings, warehouse, key, Analyser(nlp.DEFAULT_MODEL, workers=1))
    with dg.instance_for_test() as instance:
        assert isinstance(evaluate(instance, resource, None), dg.SkipReason)
        stages = tuple(
            dataclasses.replace(s, code="next") if s.name == "quotes" else s
            for s in versions.ARTICLE_STAGES
        )
        monkeypatch.setattr(versions, "ARTICLE_STAGES", stages)
        result = evaluate(instance, resource, None)
        [request] = result.run_requests
        assert request.partition_key == key and request.run_key.startswith(f"{key}@")
        assert json.loads(result.cursor) == [key]
        assert isinstance(evaluate(instance, resource, result.cursor), dg.SkipReason)
