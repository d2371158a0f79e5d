"""Versions as data: stage fingerprints, table versions, and what a new version makes `make run`
do to the articles already in the warehouse."""

import dataclasses
import os
import subprocess
import sys

import pytest

from pipeline import versions
from pipeline.ingest import plan_batches, run_batch
from pipeline.settings import PROJECT_ROOT, Settings
from pipeline.store import Warehouse, batch_order
from pipeline.tables import TABLES
from pipeline.versions import TABLE_STAGES, stage_versions, table_version

STORY = "Ministers from {n} nations met in Brussels on Thursday to discuss support."
RUN_COLUMNS = ("ingested_at", "seen_at")


def bump(monkeypatch: pytest.MonkeyPatch, stage: str) -> None:
    """Declare a new code version of one article stage, as a release that changes it would."""
    stages = tuple(
        dataclasses.replace(s, code=s.code + "+1") if s.name == stage else s
        for s in versions.ARTICLE_STAGES
    )
    monkeypatch.setattr(versions, "ARTICLE_STAGES", stages)


def rows(warehouse: Warehouse) -> dict[str, list[str]]:
    out = {}
    for name in ("documents", "figures", "article_mentions", "files", "signatures"):
        table = warehouse.read(name)
        keep = [c for c in table.column_names if c not in RUN_COLUMNS]
        out[name] = sorted(repr(r) for r in table.select(keep).to_pylist())
    return out


def ingest_two(settings: Settings, warehouse: Warehouse, analyser) -> str:
    """Two articles in one batch, processed; the batch's key."""
    for name, n in (("a.txt", 30), ("b.txt", 40)):
        (settings.raw_dir / name).write_text(STORY.format(n=n))
    [key] = plan_batches(settings, warehouse).batches
    run_batch(settings, warehouse, key, analyser)
    return key


def test_fingerprints_are_the_same_in_every_process() -> None:
    code = "from pipeline.settings import Settings; from pipeline.versions import stage_versions; "
    code += "print(sorted(stage_versions(Settings()).items()))"
    seen = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(seen) == 1


def test_a_stage_change_changes_exactly_the_tables_it_writes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert set(TABLE_STAGES) == set(TABLES)
    before = stage_versions(Settings())
    bump(monkeypatch, "figures")
    after = stage_versions(Settings())
    assert {s for s in before if before[s] != after[s]} == {"figures"}
    changed = {t for t in TABLES if table_version(t, before) != table_version(t, after)}
    assert changed == {"figures", "files", "rejected"}


def test_editing_a_rules_module_is_a_new_version(monkeypatch: pytest.MonkeyPatch) -> None:
    before = stage_versions(Settings())
    text = versions._module_text
    monkeypatch.setattr(
        versions,
        "_module_text",
        lambda name: text(name) + ("# new" if name == "pipeline.lexicon.speech" else ""),
    )
    after = stage_versions(Settings())
    assert {s for s in before if before[s] != after[s]} == {"quotes"}


def test_the_model_and_the_size_limit_are_part_of_the_versions() -> None:
    base = stage_versions(Settings())
    other_model = stage_versions(Settings(spacy_model="en_core_web_md"))
    assert {s for s in base if base[s] != other_model[s]} == {"model"}
    bigger = stage_versions(Settings(max_file_bytes=10**9))
    assert {s for s in base if base[s] != bigger[s]} == {"limits"}
    # a raised limit retries rejections but makes no stored article outdated
    assert versions.article_record(base) == versions.article_record(bigger)


def test_a_new_version_reprocesses_old_batches_in_place(
    settings, warehouse, analyser, monkeypatch
) -> None:
    key = ingest_two(settings, warehouse, analyser)
    before = rows(warehouse)
    assert plan_batches(settings, warehouse).runs == []

    bump(monkeypatch, "figures")
    plan = plan_batches(settings, warehouse)
    assert (plan.batches, plan.outdated) == ([], [key])
    assert [c.kind for c in plan.scan.changes] == ["outdated", "outdated"]
    report = run_batch(settings, warehouse, key, analyser)
    assert (report.outdated, report.nlp_docs, report.kept) == (2, 2, 0)
    after = rows(warehouse)
    assert after.pop("files") != before.pop("files"), "the manifest records the new versions"
    assert after == before
    assert [p.stem for p in warehouse.files_of("documents")] == [key], "the same partition"

    assert plan_batches(settings, warehouse).runs == []
    report = run_batch(settings, warehouse, key, analyser)
    assert (report.read, report.unchanged, report.nlp_docs) == (0, 2, 0), "nothing to redo"


def test_an_outdated_file_that_is_gone_keeps_its_rows_until_the_scan_deletes_it(
    settings, warehouse, analyser, monkeypatch
) -> None:
    key = ingest_two(settings, warehouse, analyser)
    bump(monkeypatch, "clean")
    (settings.raw_dir / "b.txt").unlink()
    report = run_batch(settings, warehouse, key, analyser)  # a backfill of the partition
    assert report.missing == ["b.txt"] and report.deleted == 0
    assert sorted(warehouse.read("documents")["source_path"].to_pylist()) == ["a.txt", "b.txt"]

    plan = plan_batches(settings, warehouse)
    assert [c.kind for c in plan.scan.changes] == ["deleted"]
    [deletion] = plan.batches
    run_batch(settings, warehouse, deletion, analyser)
    assert warehouse.read("documents")["source_path"].to_pylist() == ["a.txt"]


def test_reprocess_reads_every_file_of_an_up_to_date_batch(settings, warehouse, analyser) -> None:
    (settings.raw_dir / "a.txt").write_text(STORY.format(n=30))
    [key] = plan_batches(settings, warehouse).batches
    run_batch(settings, warehouse, key, analyser)
    assert plan_batches(settings, warehouse, reprocess=True).outdated == [key]
    report = run_batch(settings, warehouse, key, analyser, reprocess=True)
    assert (report.read, report.outdated, report.nlp_docs) == (1, 1, 1)


def test_batches_sort_in_the_order_they_ran() -> None:
    keys = ["20250410-101500-0002-aaaa", "20250410-101500-0010-bbbb", "20250409-235959-0001-cccc"]
    assert sorted(keys, key=batch_order) == [keys[2], keys[0], keys[1]]
    # keys of releases before places in the plan: ranked by time, tied within one plan
    assert batch_order("20250410-101500-1a2b3c4d") == batch_order("20250410-101500-ffffffff")
    assert batch_order("20250410-101500-1a2b3c4d") < batch_order(keys[0])


def test_a_rerun_assigns_stories_as_the_first_run_did(settings, analyser) -> None:
    """Two batches of the same story: run again oldest first, each article meets the articles
    of its own and earlier batches only, so the stories come out as they were."""
    settings = dataclasses.replace(settings, batch_files=1)
    warehouse = Warehouse(settings.warehouse_dir)
    for name in ("a.txt", "b.txt"):
        (settings.raw_dir / name).write_text(STORY.format(n=30) + f" Filed as {name}.")
    plan = plan_batches(settings, warehouse)
    for key in plan.batches:
        run_batch(settings, warehouse, key, analyser)
    before = rows(warehouse)["documents"]
    plan = plan_batches(settings, warehouse, reprocess=True)
    assert plan.outdated == sorted(plan.outdated, key=batch_order) and len(plan.outdated) == 2
    for key in plan.outdated:
        run_batch(settings, warehouse, key, analyser, reprocess=True)
    assert rows(warehouse)["documents"] == before
    assert len(set(warehouse.read("documents")["story_id"].to_pylist())) == 1
