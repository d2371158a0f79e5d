"""The warehouse: atomic commits, row replacement by key, and recovery after a crash."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.rows import DocumentRow
from pipeline.store import JOURNAL, STAGING, Commit, Warehouse, write_parquet
from pipeline.tables import DOCUMENTS, FILES, REJECTED, conform

from .conftest import file_row

NOW = datetime(2025, 4, 10, tzinfo=UTC)


def doc(doc_id: str, path: str) -> DocumentRow:
    return DocumentRow(
        doc_id=doc_id,
        source_path=path,
        source_format="txt",
        url=None,
        source_id=None,
        publisher=None,
        language=None,
        title=None,
        standfirst=None,
        subheadings=[],
        authors=[],
        published=None,
        updated=None,
        body=f"body of {doc_id}",
        n_words=3,
        story_id=doc_id,
        ingested_at=NOW,
    )


def test_commit_writes_every_table_and_replaces_rows_by_key(tmp_path: Path) -> None:
    wh = Warehouse(tmp_path)
    wh.commit(
        Commit("b1", add={DOCUMENTS.name: conform(DOCUMENTS, [doc("d1", "a"), doc("d2", "b")])})
    )
    assert {p.name for p in wh.files_of("documents")} == {"b1.parquet"}
    # the rejected table exists, empty, so readers see its schema
    assert pq.read_table(wh.table_dir("rejected")).num_rows == 0
    wh.commit(
        Commit(
            "b2",
            add={DOCUMENTS.name: conform(DOCUMENTS, [doc("d3", "a")])},
            remove={DOCUMENTS.name: {"d1"}},
            files_to_check={"b1"},
        )
    )
    table = wh.read("documents")
    assert sorted(table["doc_id"].to_pylist()) == ["d2", "d3"]
    # removing the last rows of a file deletes it
    wh.commit(Commit("b3", remove={DOCUMENTS.name: {"d2"}}, files_to_check={"b1"}))
    assert {p.name for p in wh.files_of("documents")} == {"b2.parquet"}


def test_commit_without_changes_writes_nothing(tmp_path: Path) -> None:
    wh = Warehouse(tmp_path)
    wh.commit(Commit("b1", add={DOCUMENTS.name: conform(DOCUMENTS, [doc("d1", "a")])}))
    before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.parquet")}
    assert wh.commit(Commit("b2", remove={DOCUMENTS.name: {"zz"}}, files_to_check={"b1"})) == {}
    assert {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.parquet")} == before


def test_rerunning_a_batch_merges_into_its_file(tmp_path: Path) -> None:
    wh = Warehouse(tmp_path)
    wh.commit(
        Commit("b1", add={DOCUMENTS.name: conform(DOCUMENTS, [doc("d1", "a"), doc("d2", "b")])})
    )
    wh.commit(
        Commit(
            "b1",
            add={DOCUMENTS.name: conform(DOCUMENTS, [doc("d9", "b")])},
            remove={DOCUMENTS.name: {"d2"}},
            files_to_check={"b1"},
        )
    )
    assert sorted(wh.read("documents")["doc_id"].to_pylist()) == ["d1", "d9"]


def _crash_after_staging(wh: Warehouse, with_journal: bool) -> None:
    """Stage a commit the way `commit` does, then stop before applying it."""
    folder = wh.root / STAGING / "b2-deadbeef"
    src = folder / "documents" / "b2.parquet"
    src.parent.mkdir(parents=True)
    pq.write_table(conform(DOCUMENTS, [doc("d2", "b")]), src)
    if with_journal:
        ops = [
            {"op": "replace", "src": str(src), "dst": str(wh.table_dir("documents") / "b2.parquet")}
        ]
        (folder / JOURNAL).write_text(json.dumps({"ops": ops}))


@pytest.mark.parametrize("with_journal", [False, True])
def test_recover_rolls_back_or_forward(tmp_path: Path, with_journal: bool) -> None:
    wh = Warehouse(tmp_path)
    wh.commit(Commit("b1", add={DOCUMENTS.name: conform(DOCUMENTS, [doc("d1", "a")])}))
    _crash_after_staging(wh, with_journal)
    # readers never see the staged file: it is outside the table folder
    assert wh.read("documents")["doc_id"].to_pylist() == ["d1"]
    assert wh.recover() == int(with_journal)
    expected = ["d1", "d2"] if with_journal else ["d1"]
    assert sorted(wh.read("documents")["doc_id"].to_pylist()) == expected
    assert not any((tmp_path / STAGING).iterdir())


def test_recover_applies_a_journal_before_clearing_the_files_it_names(tmp_path: Path) -> None:
    """A journal may name files staged in another folder (`StagedParts`), one that sorts
    first: every journal is applied before any folder is cleared."""
    wh = Warehouse(tmp_path)
    wh.commit(Commit("b1", add={DOCUMENTS.name: conform(DOCUMENTS, [doc("d1", "a")])}))
    src = tmp_path / STAGING / "a-parts" / "b2.parquet"
    write_parquet(conform(DOCUMENTS, [doc("d2", "b")]), src)
    dst = wh.table_dir("documents") / "b2.parquet"
    journal = tmp_path / STAGING / "b-commit" / JOURNAL
    journal.parent.mkdir(parents=True)
    journal.write_text(json.dumps({"ops": [{"op": "replace", "src": str(src), "dst": str(dst)}]}))
    assert wh.recover() == 1
    assert sorted(wh.read("documents")["doc_id"].to_pylist()) == ["d1", "d2"]
    assert not any((tmp_path / STAGING).iterdir())


def test_schemas_are_enforced(tmp_path: Path) -> None:
    wh = Warehouse(tmp_path)
    rows = [{"source_path": "x", "stage": "read", "error": "boom", "seen_at": NOW}]
    wh.commit(Commit("b1", add={REJECTED.name: conform(REJECTED, rows)}))
    schema = pq.read_schema(wh.files_of("rejected")[0])
    assert schema.equals(REJECTED.schema, check_metadata=False)
    assert wh.read(FILES.name).schema.equals(FILES.schema)


def test_a_file_written_before_a_nullable_column_existed_reads_it_as_null(tmp_path: Path) -> None:
    """A warehouse from an earlier release: its `files` manifest has no `retry_key` and no
    `versions`."""
    wh = Warehouse(tmp_path)
    row = file_row(status="rejected", seen_at=NOW)
    old = conform(FILES, [row]).drop_columns(["retry_key", "versions"])
    wh.table_dir("files").mkdir(parents=True)
    pq.write_table(old, wh.table_dir("files") / "b1.parquet")
    [read] = wh.read("files").to_pylist()
    assert read == row
    wh.commit(Commit("b2", add={FILES.name: conform(FILES, [{**row, "source_path": "b.txt"}])}))
    assert sorted(wh.read("files")["source_path"].to_pylist()) == ["a.txt", "b.txt"]


def test_a_file_missing_a_required_column_is_an_error_not_a_guess(tmp_path: Path) -> None:
    wh = Warehouse(tmp_path)
    old = conform(REJECTED, [{"source_path": "a", "stage": "read", "error": "e", "seen_at": NOW}])
    wh.table_dir("rejected").mkdir(parents=True)
    pq.write_table(old.drop_columns(["stage"]), wh.table_dir("rejected") / "b1.parquet")
    with pytest.raises(ValueError, match="no column 'stage'"):
        wh.read("rejected")
