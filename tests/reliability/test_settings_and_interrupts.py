"""Bad settings and stop signals, against real `make run` processes.

A setting that cannot work stops the run before anything is written, with a message that names
the variable; a raw folder that is gone or suddenly empty deletes nothing; SIGINT and SIGTERM
stop the run (no retry of the step, no further batch, no corpus run, no commit half applied, no
worker left) with exit code 128 + the signal, and the next run ends with a clean run's tables.
"""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType

import dagster as dg
import psutil
import pytest

from pipeline.settings import PROJECT_ROOT
from pipeline.store import Commit, Warehouse
from pipeline.tables import ARTICLE_TABLES

from ..conftest import instance_env, run_cli
from .conftest import copy_corpus, start_cli, tables_equal

NAMES = tuple(spec.name for spec in ARTICLE_TABLES)
# The interrupted runs: batches of 17 files (more than a worker chunk, so the analysis runs on
# the two worker processes) out of 20.
RUN_SETTINGS = {"PIPELINE_BATCH_FILES": "17", "PIPELINE_WORKERS": "2"}


def snapshot(folder: Path) -> dict[Path, bytes | None]:
    """Every path under `folder`, with each file's bytes: equal snapshots, nothing written."""
    return {p: p.read_bytes() if p.is_file() else None for p in sorted(folder.rglob("*"))}


def refused(env: dict[str, str], variable: str) -> str:
    """Run `make run`, expect it to stop on a setting before any work; its stderr."""
    done = run_cli(env)
    assert done.returncode == os.EX_CONFIG, done.stderr[-3000:]
    assert variable in done.stderr and "nothing was changed" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    return done.stderr


# A case: what stderr must name, and the variables to set, given the raw folder.
BAD_SETTINGS: dict[str, tuple[str, Callable[[Path], dict[str, str]]]] = {
    "negative batch": ("PIPELINE_BATCH_FILES='-5'", lambda raw: {"PIPELINE_BATCH_FILES": "-5"}),
    "zero batch": ("PIPELINE_BATCH_FILES='0'", lambda raw: {"PIPELINE_BATCH_FILES": "0"}),
    "word batch": ("PIPELINE_BATCH_FILES='abc'", lambda raw: {"PIPELINE_BATCH_FILES": "abc"}),
    "no workers": ("PIPELINE_WORKERS='0'", lambda raw: {"PIPELINE_WORKERS": "0"}),
    "unit": ("PIPELINE_MAX_FILE_BYTES='64MB'", lambda raw: {"PIPELINE_MAX_FILE_BYTES": "64MB"}),
    "executor": ("PIPELINE_EXECUTOR='threads'", lambda raw: {"PIPELINE_EXECUTOR": "threads"}),
    "model": (
        "PIPELINE_SPACY_MODEL='en_core_xx'",
        lambda raw: {"PIPELINE_SPACY_MODEL": "en_core_xx"},
    ),
    "broker": (
        "PIPELINE_CELERY_BROKER='localhost:6379'",
        lambda raw: {"PIPELINE_CELERY_BROKER": "localhost:6379"},
    ),
    "raw is a file": (
        "PIPELINE_RAW_DIR=",
        lambda raw: {"PIPELINE_RAW_DIR": str(next(raw.iterdir()))},
    ),
    "raw is missing": ("PIPELINE_RAW_DIR=", lambda raw: {"PIPELINE_RAW_DIR": str(raw / "nope")}),
    "same folder": ("PIPELINE_WAREHOUSE_DIR", lambda raw: {"PIPELINE_WAREHOUSE_DIR": str(raw)}),
    "warehouse in raw": (
        "PIPELINE_WAREHOUSE_DIR",
        lambda raw: {"PIPELINE_WAREHOUSE_DIR": str(raw / "warehouse")},
    ),
    "raw in warehouse": (
        "PIPELINE_RAW_DIR",
        lambda raw: {"PIPELINE_WAREHOUSE_DIR": str(raw.parent)},
    ),
}


@pytest.mark.parametrize("case", BAD_SETTINGS)
def test_a_bad_setting_stops_the_run_before_any_write(tmp_path: Path, case: str) -> None:
    named, overrides = BAD_SETTINGS[case]
    raw = tmp_path / "raw"
    copy_corpus(raw)
    env = {**instance_env(tmp_path, raw, tmp_path / "warehouse"), **overrides(raw)}
    before = snapshot(tmp_path)
    refused(env, named)
    assert snapshot(tmp_path) == before  # no warehouse, no run in DAGSTER_HOME, no plan


def test_the_ui_names_a_bad_setting(tmp_path: Path) -> None:
    """The UI loads the same definitions: `dagster definitions validate` reports what it
    would show."""
    env = instance_env(tmp_path, PROJECT_ROOT / "data" / "raw", tmp_path / "warehouse")
    done = subprocess.run(
        [
            Path(sys.executable).with_name("dagster"),
            "definitions",
            "validate",
            "-w",
            "workspace.yaml",
        ],
        env={**env, "PIPELINE_BATCH_FILES": "-5"},
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert "PIPELINE_BATCH_FILES='-5': expected a whole number" in output, output


def test_a_raw_folder_that_is_gone_or_empty_deletes_nothing(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    copy_corpus(raw)
    warehouse = tmp_path / "warehouse"
    env = instance_env(tmp_path, raw, warehouse)
    first = run_cli(env)
    assert first.returncode == 0, first.stderr[-3000:]
    tables = snapshot(warehouse)
    aside = tmp_path / "aside"
    raw.rename(aside)  # unmounted, moved away
    assert "no such folder" in refused(env, "PIPELINE_RAW_DIR")
    raw.mkdir()  # an empty mount point
    assert "holds no files" in refused(env, "PIPELINE_RAW_DIR")
    assert snapshot(warehouse) == tables
    raw.rmdir()
    aside.rename(raw)
    again = run_cli(env)
    assert again.returncode == 0 and "no run needed" in again.stderr, again.stderr[-3000:]
    assert snapshot(warehouse) == tables


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A raw folder of 20 articles, and the warehouse one uninterrupted run makes of it."""
    tmp = tmp_path_factory.mktemp("clean")
    copy_corpus(tmp / "raw", copies=4)
    done = run_cli(instance_env(tmp, tmp / "raw", tmp / "warehouse", **RUN_SETTINGS))
    assert done.returncode == 0, done.stderr[-3000:]
    return tmp / "raw", tmp / "warehouse"


def worker_processes(pid: int) -> list[psutil.Process]:
    return [
        p
        for p in psutil.Process(pid).children(recursive=True)
        if "spawn_main" in " ".join(p.cmdline())
    ]


@pytest.mark.parametrize(
    ("stop", "group"),
    [(signal.SIGINT, True), (signal.SIGTERM, False)],
    ids=["ctrl-c to the process group", "sigterm to the process"],
)
def test_a_stop_signal_stops_the_run_and_the_next_run_finishes_it(
    tmp_path: Path, corpus: tuple[Path, Path], stop: signal.Signals, group: bool
) -> None:
    raw, clean = corpus
    warehouse = tmp_path / "warehouse"
    env = instance_env(tmp_path, raw, warehouse, **RUN_SETTINGS)
    proc = start_cli(env, prefix=("setsid",) if group else ())
    seen: list[str] = []
    for line in proc.stderr:  # wait until the first batch's analysis has begun
        seen.append(line)
        if "analysing" in line:
            break
    else:
        pytest.fail("the run ended before its analysis began:\n" + "".join(seen)[-3000:])
    deadline = time.monotonic() + 300
    while len(worker_processes(proc.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(worker_processes(proc.pid)) == 2, "the analysis did not start its workers"
    left = psutil.Process(proc.pid).children(recursive=True)
    if group:
        os.killpg(proc.pid, stop)  # what Ctrl-C in a terminal does
    else:
        proc.send_signal(stop)
    _out, err = proc.communicate(timeout=300)
    assert proc.returncode == 128 + stop, "".join(seen)[-2000:] + err[-3000:]
    assert len([line for line in err.splitlines() if f"stopped by {stop.name}" in line]) == 1
    _gone, alive = psutil.wait_procs(left, timeout=60)
    assert not alive, f"processes left behind: {[p.cmdline() for p in alive]}"

    with dg.DagsterInstance.from_config(env["DAGSTER_HOME"]) as instance:
        [run] = instance.get_runs()  # one batch's run: no further batch, no corpus run
        assert run.job_name == "ingest" and run.status == dg.DagsterRunStatus.FAILURE
        for kind in (dg.DagsterEventType.STEP_UP_FOR_RETRY, dg.DagsterEventType.STEP_RESTARTED):
            assert not instance.all_logs(run.run_id, of_type=kind), f"the step had {kind}"
    assert Warehouse(warehouse).read("documents").num_rows == 0  # the batch committed nothing
    assert not list(warehouse.glob("_staging/*/journal.json")), "a commit was left half applied"

    again = run_cli(env)
    assert again.returncode == 0, again.stderr[-3000:]
    tables_equal(clean, warehouse, NAMES)


class Stopped(Exception):
    """What the test's SIGTERM handler raises (a KeyboardInterrupt would stop pytest)."""


def test_a_stop_signal_during_a_commit_waits_until_it_is_applied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once its journal is written, a commit is applied whole before the signal acts: readers
    never see half of it, even before the next run would roll it forward."""
    apply = Warehouse._apply

    def signalled(self: Warehouse, journal: dict) -> None:
        os.kill(os.getpid(), signal.SIGTERM)  # arrives as the renames begin
        apply(self, journal)

    def stop(_signo: int, _frame: FrameType | None) -> None:
        raise Stopped

    monkeypatch.setattr(Warehouse, "_apply", signalled)
    warehouse = Warehouse(tmp_path / "warehouse")
    previous = signal.signal(signal.SIGTERM, stop)
    try:
        with pytest.raises(Stopped):
            warehouse.commit(Commit(batch="b1"))
    finally:
        signal.signal(signal.SIGTERM, previous)
    for name in NAMES:
        assert (warehouse.root / name / "b1.parquet").is_file(), name
    assert not any((warehouse.root / "_staging").iterdir())
