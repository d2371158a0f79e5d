"""The pipeline against a real PostgreSQL instance storage (deploy/dagster.postgres.yaml).

A PostgreSQL server is started on 127.0.0.1 in a temporary folder and stopped afterwards.
`.ci/run` installs Debian's `postgresql`; without it the test is skipped, saying so.
"""

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import psycopg2
import pytest

from .conftest import SAMPLE_CORPUS, free_port, instance_env, run_cli

PG_BINS = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
pytestmark = pytest.mark.skipif(
    not PG_BINS, reason="needs Debian's postgresql package (.ci/run installs it)"
)


def _as_postgres(args: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its tools as the `postgres` user then."""
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


@pytest.fixture
def postgres() -> Iterator[dict[str, str]]:
    bin_dir = PG_BINS[-1].parent
    root = Path(tempfile.mkdtemp(prefix="newsroom-pg-"))
    root.chmod(0o755)
    data, sock = root / "data", root / "sock"
    sock.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(sock, "postgres")
    port = free_port()
    run = lambda *args: subprocess.run(_as_postgres(list(args)), check=True, capture_output=True)  # noqa: E731
    run(str(bin_dir / "initdb"), "-D", str(data), "-U", "dagster", "--auth=trust")
    options = f"-p {port} -k {sock} -c listen_addresses=127.0.0.1"
    run(
        str(bin_dir / "pg_ctl"),
        "-D",
        str(data),
        "-o",
        options,
        "-w",
        "-l",
        str(root / "log"),
        "start",
    )
    try:
        run(
            str(bin_dir / "createdb"),
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
            "-U",
            "dagster",
            "dagster",
        )
        yield {
            "DAGSTER_PG_HOST": "127.0.0.1",
            "DAGSTER_PG_PORT": str(port),
            "DAGSTER_PG_DB": "dagster",
            "DAGSTER_PG_USERNAME": "dagster",
            "DAGSTER_PG_PASSWORD": "unused-with-trust-auth",
        }
    finally:
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)


def test_pipeline_runs_with_postgres_instance_storage(postgres, tmp_path: Path) -> None:
    shutil.copytree(SAMPLE_CORPUS, tmp_path / "raw")
    env = instance_env(
        tmp_path, tmp_path / "raw", tmp_path / "warehouse", "dagster.postgres.yaml", **postgres
    )
    home = Path(env["DAGSTER_HOME"])
    for _ in range(2):  # the second run finds nothing new
        done = run_cli(env)
        assert done.returncode == 0, done.stderr[-3000:]
    assert "no run needed" in done.stderr
    assert len(pd.read_parquet(tmp_path / "warehouse" / "documents")) == 5
    with (
        psycopg2.connect(
            host="127.0.0.1", port=postgres["DAGSTER_PG_PORT"], dbname="dagster", user="dagster"
        ) as conn,
        conn.cursor() as cur,
    ):
        cur.execute("select status from runs")
        assert [row[0] for row in cur.fetchall()] == ["SUCCESS", "SUCCESS"]  # ingest, corpus
        cur.execute("select count(*) from dynamic_partitions where partitions_def_name = 'batches'")
        assert cur.fetchone()[0] == 1
    assert not (home / "history").exists(), "SQLite storage was used instead of PostgreSQL"
