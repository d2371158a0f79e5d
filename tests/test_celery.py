"""Scale-out with no code change: the sample corpus through Dagster's Celery executor, with a
real Redis broker and two Celery workers on 127.0.0.1, selected by `PIPELINE_EXECUTOR=celery`.

`.ci/run` installs Debian's `redis-server`; without it the test is skipped, saying so.
"""

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import pandas as pd
import pytest
import redis

from pipeline.settings import PROJECT_ROOT

from .conftest import SAMPLE_CORPUS, free_port, instance_env, run_cli

pytestmark = pytest.mark.skipif(
    shutil.which("redis-server") is None,
    reason="needs Debian's redis-server package (.ci/run installs it)",
)
WORKERS = ("alpha", "beta")


@pytest.fixture
def broker(tmp_path: Path) -> Iterator[str]:
    port = free_port()
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    try:
        _wait(lambda: _pings(client), "redis-server to answer")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture
def workers(tmp_path: Path, broker: str) -> Iterator[dict[str, str]]:
    """Two Celery workers on the broker, and the environment they and the run share."""
    env = instance_env(
        tmp_path, SAMPLE_CORPUS, tmp_path / "warehouse",
        PIPELINE_EXECUTOR="celery", PIPELINE_CELERY_BROKER=broker,
    )  # fmt: skip
    logs = {name: tmp_path / f"worker-{name}.log" for name in WORKERS}
    procs = [_start_worker(name, log, env) for name, log in logs.items()]
    try:
        for log in logs.values():
            _wait(lambda log=log: " ready." in log.read_text(), f"the worker of {log.name}")
        yield env
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=60)


def test_the_sample_corpus_runs_on_celery_workers(workers: dict[str, str]) -> None:
    done = run_cli(workers)
    assert done.returncode == 0, done.stderr[-3000:]
    instance = dg.DagsterInstance.from_config(workers["DAGSTER_HOME"])
    runs = instance.get_runs()
    assert {r.job_name for r in runs} == {"ingest", "corpus"}
    assert all(r.status == dg.DagsterRunStatus.SUCCESS for r in runs)
    executed_by: dict[str, str] = {}
    for run in runs:
        started = set()
        for record in instance.all_logs(run.run_id):
            event = record.dagster_event
            if event is None:
                continue
            if event.event_type_value == "STEP_START":
                started.add(event.step_key)
            data = event.event_specific_data
            worker = getattr(data, "metadata", {}).get("Celery worker")
            if worker is not None:
                executed_by[event.step_key] = worker.value
        assert started and started <= set(executed_by), "every step ran in a Celery worker"
    assert {w.split("@")[0] for w in executed_by.values()} == set(WORKERS)  # both took steps
    warehouse = Path(workers["PIPELINE_WAREHOUSE_DIR"])
    documents = pd.read_parquet(warehouse / "documents")
    stories = pd.read_parquet(warehouse / "stories")
    assert len(documents) == 5 and documents["story_id"].nunique() == 1
    assert stories["n_docs"].tolist() == [5]
    assert len(pd.read_parquet(warehouse / "figure_conflicts")) >= 2


def _start_worker(name: str, log: Path, env: dict[str, str]) -> subprocess.Popen:
    command = [
        sys.executable, "-m", "celery", "-A", "assets.celery_app", "worker",
        "--pool", "solo", "-Q", "dagster", "-n", f"{name}@%h", "--loglevel", "INFO",
    ]  # fmt: skip
    with log.open("w") as out:
        return subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
        )


def _pings(client: redis.Redis) -> bool:
    try:
        return bool(client.ping())
    except redis.ConnectionError:
        return False


def _wait(ready, what: str, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while not ready():
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {seconds:.0f} s for {what}")
        time.sleep(0.5)
