"""SIGKILL in the middle of runs, and two runs at once: readers never see a partial file, and the
tables end up exactly as one clean run leaves them."""

import logging
import signal
import sqlite3
import time
from pathlib import Path

import dagster as dg
import pandas as pd
import pyarrow.parquet as pq
import pytest

from assets.partitions import BATCHES
from assets.run import open_instance
from pipeline.tables import ARTICLE_TABLES

from ..conftest import instance_env
from .conftest import copy_corpus, start_cli, tables_equal

NAMES = tuple(spec.name for spec in ARTICLE_TABLES)
# Seconds after start to kill a run: start-up, planning, analysis, commits of early and late
# batches. Each run resumes where the last one died.
KILL_AFTER = (2.5, 4.0, 5.0, 6.0, 7.0, 8.5, 10.0)


def finish(env: dict[str, str]) -> None:
    proc = start_cli(env)
    _out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err[-3000:]


def assert_readable(warehouse: Path) -> None:
    """What a reader can see is always whole: every file parses, every table reads as one."""
    for name in NAMES:
        folder = warehouse / name
        if not folder.exists():
            continue
        for path in folder.glob("*.parquet"):
            pq.read_table(path)
        pd.read_parquet(folder)


def test_sigkill_anywhere_loses_nothing_and_doubles_nothing(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    copy_corpus(raw, copies=30)  # 150 articles
    clean = tmp_path / "clean"
    finish(instance_env(tmp_path / "a", raw, clean, PIPELINE_BATCH_FILES="20"))

    crashed = tmp_path / "crashed"
    env = instance_env(tmp_path / "b", raw, crashed, PIPELINE_BATCH_FILES="20")
    kills = 0
    for delay in KILL_AFTER:
        proc = start_cli(env)
        time.sleep(delay)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.communicate(timeout=60)
        assert_readable(crashed)
    finish(env)
    assert kills >= 3, "the runs finished before they could be killed: raise the corpus size"
    tables_equal(clean, crashed, NAMES)
    assert not any((crashed / "_staging").glob("*")), "no commit left half-applied"


def test_two_runs_at_once_leave_the_tables_one_run_leaves(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    copy_corpus(raw, copies=6)
    single = tmp_path / "single"
    finish(instance_env(tmp_path / "a", raw, single))

    both = tmp_path / "both"
    env = instance_env(tmp_path / "b", raw, both)
    procs = [start_cli(env), start_cli(env)]
    for proc in procs:
        _out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err[-3000:]
    tables_equal(single, both, NAMES)
    documents = pd.read_parquet(both / "documents")
    assert documents["doc_id"].is_unique and len(documents) == 30


def test_an_event_log_left_half_created_is_completed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The SIGKILL test's rarest case, made certain: a first run killed while Dagster created
    the event log's tables leaves its index file without some of them."""
    env = instance_env(tmp_path, tmp_path / "raw", tmp_path / "warehouse")
    monkeypatch.setenv("DAGSTER_HOME", env["DAGSTER_HOME"])
    dg.DagsterInstance.get().get_runs(limit=1)
    with sqlite3.connect(Path(env["DAGSTER_HOME"]) / "history" / "runs" / "index.db") as db:
        db.execute("DROP TABLE dynamic_partitions")
        db.execute("DROP TABLE alembic_version")  # never stamped: the kill came first
    with caplog.at_level(logging.WARNING, logger="newsroom.run"):
        instance = open_instance()
    instance.add_dynamic_partitions(BATCHES, ["20261203-000000-0001-abc"])
    assert instance.get_dynamic_partitions(BATCHES) == ["20261203-000000-0001-abc"]
    assert "lacks dynamic_partitions" in caplog.text
