"""Schema evolution: a removed or retyped column is migrated once, atomically and on record; a
nullable column added since is given to older files as nulls; nothing is read by a guess."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.migrations import MIGRATIONS, Migration
from pipeline.store import MIGRATIONS_LOG, STAGING, Commit, Warehouse
from pipeline.tables import FILES, REJECTED, TABLES, conform

from .conftest import file_row

NOW = datetime(2025, 4, 10, tzinfo=UTC)
REJECTION = {"source_path": "a.txt", "stage": "read", "error": "empty file", "seen_at": NOW}


def write_old(wh: Warehouse, name: str, table: pa.Table, batch: str = "b1") -> Path:
    """A file as an older release wrote it."""
    path = wh.table_dir(name) / f"{batch}.parquet"
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path)
    return path


def old_rejections(n: int = 1) -> pa.Table:
    """`rejected` as a release might have written it: the stage as an integer code and a
    column since removed."""
    current = conform(REJECTED, [{**REJECTION, "source_path": f"{i}.txt"} for i in range(n)])
    return current.set_column(1, "stage", pa.array([0] * n, pa.int32())).append_column(
        "legacy", pa.array(["x"] * n)
    )


STAGES = ("read", "decode", "parse", "clean", "nlp", "extract")


def stage_names(table: pa.Table) -> pa.Table:
    names = pa.array(STAGES).take(table["stage"].cast(pa.int64()))
    return table.drop_columns(["legacy"]).set_column(1, "stage", names)


RETYPE = Migration("0001-rejected-stage-names", "rejected", "stage codes become names", stage_names)


def test_the_reader_refuses_a_retyped_or_removed_column_rather_than_guess(tmp_path: Path) -> None:
    wh = Warehouse(tmp_path)
    write_old(wh, "rejected", old_rejections().drop_columns(["legacy"]))
    with pytest.raises(ValueError, match=r"column 'stage' as int32, not string.*make run"):
        wh.read("rejected")
    write_old(wh, "rejected", conform(REJECTED, [REJECTION]).append_column("legacy", ["x"]))
    with pytest.raises(ValueError, match="a column 'legacy' it no longer has"):
        wh.read("rejected")


def test_a_migration_converts_every_file_once_and_is_recorded(tmp_path: Path) -> None:
    wh = Warehouse(tmp_path, migrations=(RETYPE,))
    write_old(wh, "rejected", old_rejections(2), "b1")
    write_old(wh, "rejected", old_rejections(1), "b2")
    before = {p.name: p.stat().st_mtime_ns for p in wh.files_of("rejected")}

    with wh.lock():
        steps = wh.prepare()[1]
    assert steps[0] == "0001-rejected-stage-names (2 rejected file(s))"
    table = wh.read("rejected")
    assert table.num_rows == 3 and set(table["stage"].to_pylist()) == {"read"}
    assert pd.read_parquet(wh.table_dir("rejected"))["stage"].tolist() == ["read"] * 3
    log = json.loads((tmp_path / MIGRATIONS_LOG).read_text())
    assert log["applied"] == [{"id": RETYPE.id, "table": "rejected", "files": 2}]

    after = {p.name: p.stat().st_mtime_ns for p in wh.files_of("rejected")}
    with wh.lock():
        assert wh.prepare()[1] == [], "applied once"
    assert {p.name: p.stat().st_mtime_ns for p in wh.files_of("rejected")} == after != before


def test_a_migration_that_fails_changes_nothing(tmp_path: Path) -> None:
    calls = []

    def fails_on_second(table: pa.Table) -> pa.Table:
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return stage_names(table)

    wh = Warehouse(tmp_path, migrations=(Migration("0001", "rejected", "", fails_on_second),))
    write_old(wh, "rejected", old_rejections(), "b1")
    write_old(wh, "rejected", old_rejections(), "b2")
    with pytest.raises(RuntimeError), wh.lock():
        wh.prepare()
    assert all(pq.read_schema(p).field("stage").type == pa.int32() for p in wh.files_of("rejected"))
    assert not (tmp_path / MIGRATIONS_LOG).exists()
    staged = tmp_path / STAGING
    assert not staged.exists() or not any(staged.iterdir()), "nothing staged either"


def test_a_migration_that_yields_another_schema_is_refused(tmp_path: Path) -> None:
    wrong = Migration("0001", "rejected", "forgets the removed column", lambda t: t)
    wh = Warehouse(tmp_path, migrations=(wrong,))
    write_old(wh, "rejected", old_rejections())
    refused = r"migration 0001 leaves .* column 'stage' as int32"
    with pytest.raises(ValueError, match=refused), wh.lock():
        wh.prepare()


def test_a_new_warehouse_is_born_with_every_migration_applied(tmp_path: Path) -> None:
    wh = Warehouse(tmp_path, migrations=(RETYPE,))
    with wh.lock():
        wh.prepare()
    assert json.loads((tmp_path / MIGRATIONS_LOG).read_text())["applied"][0]["files"] == 0
    wh.commit(Commit("b1", add={REJECTED.name: conform(REJECTED, [REJECTION])}))
    with wh.lock():
        assert wh.prepare()[1] == []
    assert wh.read("rejected")["stage"].to_pylist() == ["read"]


def test_older_files_get_columns_added_since_as_nulls_in_one_schema(tmp_path: Path) -> None:
    wh = Warehouse(tmp_path)
    row = file_row(versions="read=1", doc_ids=["d"], batch="b2")
    write_old(
        wh,
        "files",
        conform(FILES, [{**row, "source_path": "old.txt", "versions": None}]).drop_columns(
            ["retry_key", "versions"]
        ),
        "b1",
    )
    write_old(wh, "files", conform(FILES, [row]), "b2")
    with wh.lock():
        steps = wh.prepare()[1]
    assert steps == ["1 file(s) of files given new columns"]
    frame = pd.read_parquet(wh.table_dir("files"))  # one schema: no reader has to reconcile
    assert list(frame.columns) == FILES.schema.names
    assert frame.set_index("source_path")["versions"].isna().to_dict() == {
        "old.txt": True,
        "a.txt": False,
    }
    with wh.lock():
        assert wh.prepare()[1] == [], "the footers are read once per schema change"


def test_the_release_migrations_are_well_formed() -> None:
    ids = [m.id for m in MIGRATIONS]
    assert ids == sorted(set(ids)), "ids are unique and in the order they apply"
    assert all(m.doc and m.table in TABLES for m in MIGRATIONS)
