"""Helpers for the reliability suite: real runs of the pipeline, in-process and as processes."""

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline import nlp
from pipeline.ingest import BatchReport, plan_batches, run_batch
from pipeline.settings import PROJECT_ROOT, Settings
from pipeline.store import Warehouse
from pipeline.workers import Analyser

SAMPLE_CORPUS = PROJECT_ROOT / "data" / "raw"


def run_core(settings: Settings) -> list[BatchReport]:
    """Plan and run every batch in this process, as the Dagster asset does."""
    warehouse = Warehouse(settings.warehouse_dir)
    plan = plan_batches(settings, warehouse)
    analyser = Analyser(nlp.DEFAULT_MODEL)
    return [run_batch(settings, warehouse, key, analyser) for key in plan.batches]


def start_cli(env: dict[str, str], prefix: tuple[str, ...] = ()) -> subprocess.Popen:
    """`make run`'s entry point as a separate process."""
    return subprocess.Popen(
        [*prefix, sys.executable, "-m", "assets.run"],
        env=env,
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def table_rows(warehouse: Path, name: str, drop: tuple[str, ...] = ()) -> list[dict]:
    """A table's rows without the columns that name a run (timestamps, batch keys), sorted."""
    folder = warehouse / name
    table = pq.read_table(folder)
    keep = [c for c in table.column_names if c not in drop]
    rows = table.select(keep).to_pylist()
    return sorted(rows, key=repr)


# Columns that name a run (timestamps, batch keys), and the story id: stories are assigned
# greedily as articles arrive, so runs that split the files into other batches may name and
# group the same articles' stories differently at the margins (docs/extraction.md, "Stories").
# What must hold whatever the batches is checked by `stories_consistent`.
VOLATILE = ("ingested_at", "seen_at", "batch", "changed_ns", "story_id")


def stories_consistent(warehouse: Path) -> None:
    """Every story is named after one of its own articles, and `signatures` agrees with
    `documents` on every article's story."""
    documents = pq.read_table(warehouse / "documents", columns=["doc_id", "story_id"]).to_pylist()
    signatures = pq.read_table(warehouse / "signatures", columns=["doc_id", "story_id"])
    assert sorted(documents, key=repr) == sorted(signatures.to_pylist(), key=repr)
    members: dict[str, set[str]] = {}
    for row in documents:
        members.setdefault(row["story_id"], set()).add(row["doc_id"])
    assert all(story in docs for story, docs in members.items())


def tables_equal(a: Path, b: Path, names: tuple[str, ...]) -> None:
    for name in names:
        assert table_rows(a, name, VOLATILE) == table_rows(b, name, VOLATILE), name
    if "documents" in names:
        stories_consistent(a)
        stories_consistent(b)


@pytest.fixture
def make_settings(tmp_path: Path) -> Callable[..., Settings]:
    def make(**kwargs) -> Settings:
        raw = tmp_path / "raw"
        raw.mkdir(exist_ok=True)
        return Settings(raw_dir=raw, warehouse_dir=tmp_path / "warehouse", **kwargs)

    return make


def copy_corpus(dest: Path, copies: int = 1) -> None:
    """The sample corpus, `copies` times over, each copy a different article (a changed line)."""
    dest.mkdir(parents=True, exist_ok=True)
    for n in range(copies):
        for src in sorted(SAMPLE_CORPUS.iterdir()):
            target = dest / f"{n:03d}_{src.name}"
            target.write_text(f"Edition {n}\n\n" + src.read_text(encoding="utf-8"))
