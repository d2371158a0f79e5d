"""Batches end to end in the core: incremental reads, replacement, deletion, duplicates."""

import os
from pathlib import Path

from pipeline.ingest import plan_batches, run_batch
from pipeline.settings import Settings
from pipeline.store import Warehouse

STORY = "Ministers from {n} nations met in Brussels on Thursday to discuss support."


def run_all(settings: Settings, warehouse: Warehouse, analyser) -> list:
    plan = plan_batches(settings, warehouse)
    return [run_batch(settings, warehouse, key, analyser) for key in plan.batches]


def docs(warehouse: Warehouse) -> dict[str, str]:
    table = warehouse.read("documents")
    return dict(zip(table["source_path"].to_pylist(), table["body"].to_pylist(), strict=True))


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.parquet"))}


def test_first_run_reads_everything_second_run_nothing(settings, warehouse, analyser) -> None:
    (settings.raw_dir / "a.txt").write_text(STORY.format(n=30))
    (settings.raw_dir / "sub" / "deeper").mkdir(parents=True)
    (settings.raw_dir / "sub" / "deeper" / "b.txt").write_text(STORY.format(n=40))
    (settings.raw_dir / "empty.txt").write_bytes(b"")
    [report] = run_all(settings, warehouse, analyser)
    assert (report.read, report.nlp_docs, report.rejected_files) == (3, 2, 1)
    assert docs(warehouse) == {"a.txt": STORY.format(n=30), "sub/deeper/b.txt": STORY.format(n=40)}
    assert warehouse.read("documents")["n_words"].to_pylist() == [12, 12]
    assert warehouse.read("rejected")["source_path"].to_pylist() == ["empty.txt"]
    before = snapshot(settings.warehouse_dir)
    assert plan_batches(settings, warehouse).batches == []
    assert snapshot(settings.warehouse_dir) == before


def test_touched_but_unchanged_file_starts_no_batch(settings, warehouse, analyser) -> None:
    path = settings.raw_dir / "a.txt"
    path.write_text(STORY.format(n=30))
    run_all(settings, warehouse, analyser)
    os.utime(path, ns=(1, 1))
    assert plan_batches(settings, warehouse).batches == []


def test_changed_file_replaces_its_rows_and_deleted_file_loses_them(
    settings, warehouse, analyser
) -> None:
    for name, n in (("a.txt", 30), ("b.txt", 40)):
        (settings.raw_dir / name).write_text(STORY.format(n=n))
    run_all(settings, warehouse, analyser)
    (settings.raw_dir / "a.txt").write_text(STORY.format(n=31))
    (settings.raw_dir / "b.txt").unlink()
    [report] = run_all(settings, warehouse, analyser)
    assert (report.read, report.deleted, report.nlp_docs) == (1, 1, 1)
    assert docs(warehouse) == {"a.txt": STORY.format(n=31)}
    files = warehouse.read("files")
    assert files["source_path"].to_pylist() == ["a.txt"]
    assert warehouse.read("documents").num_rows == 1


def test_fixed_rejected_file_leaves_rejected(settings, warehouse, analyser) -> None:
    (settings.raw_dir / "a.txt").write_bytes(b"")
    run_all(settings, warehouse, analyser)
    assert warehouse.read("rejected").num_rows == 1
    (settings.raw_dir / "a.txt").write_text(STORY.format(n=5))
    run_all(settings, warehouse, analyser)
    assert warehouse.read("rejected").num_rows == 0
    assert list(docs(warehouse)) == ["a.txt"]


def test_identical_files_give_one_article_that_survives_either_deletion(
    settings, warehouse, analyser
) -> None:
    for name in ("a.txt", "copy.txt"):
        (settings.raw_dir / name).write_text(STORY.format(n=7))
    [report] = run_all(settings, warehouse, analyser)
    assert report.duplicates == 1
    assert warehouse.read("documents").num_rows == 1
    (settings.raw_dir / "a.txt").unlink()
    run_all(settings, warehouse, analyser)
    assert docs(warehouse) == {"copy.txt": STORY.format(n=7)}


def test_duplicate_arriving_later_is_not_written_twice(settings, warehouse, analyser) -> None:
    (settings.raw_dir / "a.txt").write_text(STORY.format(n=7))
    run_all(settings, warehouse, analyser)
    (settings.raw_dir / "later.txt").write_text(STORY.format(n=7))
    [report] = run_all(settings, warehouse, analyser)
    assert report.nlp_docs == 0
    assert docs(warehouse) == {"a.txt": STORY.format(n=7)}
    assert warehouse.read("files").num_rows == 2


def test_backlog_is_split_into_bounded_batches(tmp_path, analyser) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    for i in range(7):
        (raw / f"{i}.txt").write_text(STORY.format(n=i))
    settings = Settings(raw_dir=raw, warehouse_dir=tmp_path / "wh", batch_files=3)
    warehouse = Warehouse(settings.warehouse_dir)
    reports = run_all(settings, warehouse, analyser)
    assert [r.read for r in reports] == [3, 3, 1]
    assert warehouse.read("documents").num_rows == 7
    assert len(warehouse.files_of("documents")) == 3


def test_rerunning_a_finished_batch_changes_nothing(settings, warehouse, analyser) -> None:
    (settings.raw_dir / "a.txt").write_text(STORY.format(n=30))
    plan = plan_batches(settings, warehouse)
    run_batch(settings, warehouse, plan.batches[0], analyser)
    before = snapshot(settings.warehouse_dir)
    report = run_batch(settings, warehouse, plan.batches[0], analyser)
    assert (report.read, report.unchanged, report.nlp_docs) == (0, 1, 0)
    assert snapshot(settings.warehouse_dir) == before


def test_symlinks_outside_the_raw_folder_are_not_followed(settings, warehouse, analyser) -> None:
    outside = settings.raw_dir.parent / "secret.txt"
    outside.write_text("Not an article for this pipeline to read.")
    (settings.raw_dir / "link.txt").symlink_to(outside)
    (settings.raw_dir / "a.txt").write_text(STORY.format(n=1))
    (settings.raw_dir / "inside_link.txt").symlink_to(settings.raw_dir / "a.txt")
    run_all(settings, warehouse, analyser)
    assert warehouse.read("files")["source_path"].to_pylist() == ["a.txt", "inside_link.txt"]
