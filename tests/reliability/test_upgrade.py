"""Upgrades that reach the data: a warehouse written by the previous release is brought up to
date by one `make run`, a changed rule marks exactly its assets stale in Dagster, and a kill in
the middle of a reprocess loses nothing.

The old warehouse is written when the tests start, by `tests/upgrade/build.sh`, from the previous
release's code (a commit of this repository's history) over `tests/upgrade/raw` (two batches of
four files: the five sample articles, a JSON Lines export of two, and an empty file that is
rejected).
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipeline.settings import PROJECT_ROOT
from pipeline.store import Warehouse
from pipeline.tables import TABLES

from ..conftest import instance_env

UPGRADE = PROJECT_ROOT / "tests" / "upgrade"
PREVIOUS_RELEASE = "fea16da"  # the last commit before stage versions were recorded
ALL_TABLES = tuple(TABLES)
RUN_COLUMNS = ("ingested_at", "seen_at", "batch", "changed_ns")  # name a run, not its data
SETTINGS = {"PIPELINE_BATCH_FILES": "4", "PIPELINE_WORKERS": "1"}

# `make run`'s entry point, with an audit hook that notes every raw file opened.
AUDITED_RUN = textwrap.dedent(
    """
    import json, os, sys
    raw = os.path.realpath(os.environ["PIPELINE_RAW_DIR"]) + os.sep
    opened = []

    def hook(event, args):
        if event == "open" and isinstance(args[0], (str, os.PathLike)):
            path = os.path.realpath(os.fspath(args[0]))
            if path.startswith(raw):
                opened.append(path[len(raw):])

    sys.addaudithook(hook)
    from assets.run import main

    code = main()
    with open(os.environ["READ_LOG"], "w") as fh:
        json.dump(opened, fh)
    sys.exit(code)
    """
)


def audited_run(env: dict[str, str], cwd: Path, log: Path) -> tuple[str, Counter[str]]:
    """Run `make run`'s entry point to its end; its output and how often each raw file was
    opened."""
    done = subprocess.run(
        [sys.executable, "-c", AUDITED_RUN],
        env={**env, "READ_LOG": str(log)},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    return done.stderr, Counter(json.loads(log.read_text()))


def rows(warehouse: Path, name: str) -> list[str]:
    """A table's rows as the current schema reads them, run columns aside, sorted."""
    table = Warehouse(warehouse).read(name)
    keep = [c for c in table.column_names if c not in RUN_COLUMNS]
    return sorted(repr(r) for r in table.select(keep).to_pylist())


def assert_same_tables(a: Path, b: Path) -> None:
    for name in ALL_TABLES:
        assert rows(a, name) == rows(b, name), name


@pytest.fixture(scope="module")
def raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The raw folder, copied: new modification times, as after a checkout or a restore."""
    folder = tmp_path_factory.mktemp("upgrade") / "raw"
    shutil.copytree(UPGRADE / "raw", folder)
    return folder


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory, raw: Path) -> Path:
    """What this release makes of the raw folder in a new warehouse."""
    tmp = tmp_path_factory.mktemp("fresh")
    env = instance_env(tmp, raw, tmp / "warehouse", **SETTINGS)
    audited_run(env, PROJECT_ROOT, tmp / "reads.json")
    return tmp / "warehouse"


@pytest.fixture(scope="module")
def old_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The warehouse the previous release's code writes of `tests/upgrade/raw`."""
    known = subprocess.run(
        ["git", "-C", str(PROJECT_ROOT), "cat-file", "-e", f"{PREVIOUS_RELEASE}^{{commit}}"],
        capture_output=True,
    )
    if known.returncode:
        pytest.skip(f"commit {PREVIOUS_RELEASE} is not in this clone's history (a shallow clone)")
    out = tmp_path_factory.mktemp("old-release") / "warehouse"
    done = subprocess.run(
        [str(UPGRADE / "build.sh"), PREVIOUS_RELEASE, str(out)],
        env={**os.environ, "PYTHON": sys.executable},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    return out


def old_warehouse(tmp: Path, old_release: Path) -> Path:
    warehouse = tmp / "warehouse"
    shutil.copytree(old_release, warehouse)
    return warehouse


def test_make_run_brings_a_previous_release_warehouse_up_to_date(
    tmp_path: Path, raw: Path, fresh: Path, old_release: Path
) -> None:
    warehouse = old_warehouse(tmp_path, old_release)
    old_rows = Warehouse(warehouse).read("documents", columns=["ingested_at"])
    env = instance_env(tmp_path, raw, warehouse, **SETTINGS)
    out, reads = audited_run(env, PROJECT_ROOT, tmp_path / "reads.json")
    new_rows = Warehouse(warehouse).read("documents", columns=["ingested_at"])
    assert min(new_rows["ingested_at"].to_pylist()) > max(old_rows["ingested_at"].to_pylist())

    assert "7 made by an older version of a stage" in out
    assert "2 stored batch(es) to process again" in out
    assert sorted(reads) == sorted(p.name for p in raw.iterdir()), "every raw file is read"
    assert max(reads.values()) == 1, f"a raw file was read twice: {reads}"
    assert_same_tables(warehouse, fresh)
    # Every file of a table now has one schema: pandas and DuckDB read the folders as they are.
    recorded = duckdb.sql(
        f"SELECT count(*), count(versions) FROM read_parquet('{warehouse}/files/*.parquet')"
    ).fetchall()
    assert recorded == [(7, 7)]
    assert len(pd.read_parquet(warehouse / "files").dropna(subset=["versions"])) == 7

    out, reads = audited_run(env, PROJECT_ROOT, tmp_path / "again.json")
    assert "nothing new, changed or outdated" in out
    assert not reads, "an up-to-date warehouse costs no read"


def test_sigkill_during_a_reprocess_keeps_the_old_rows(
    tmp_path: Path, raw: Path, fresh: Path, old_release: Path
) -> None:
    warehouse = old_warehouse(tmp_path, old_release)
    before = {name: rows(warehouse, name) for name in ALL_TABLES}
    env = instance_env(tmp_path, raw, warehouse, **SETTINGS)
    proc = subprocess.Popen(
        [sys.executable, "-m", "assets.run"],
        env=env,
        cwd=PROJECT_ROOT,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stderr is not None
    for line in proc.stderr:
        if "analysing" in line:  # the first outdated batch is being parsed again
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"

    assert {name: rows(warehouse, name) for name in ALL_TABLES} == before
    audited_run(env, PROJECT_ROOT, tmp_path / "reads.json")
    assert_same_tables(warehouse, fresh)


# Each asset's stale status, per partition, as the UI shows it (the instance's stale resolver).
STALE_STATUS = textwrap.dedent(
    """
    import json
    import dagster as dg
    from dagster._utils.test.data_versions import get_stale_status_resolver
    from assets.definitions import defs
    from assets.partitions import BATCHES

    instance = dg.DagsterInstance.get()
    graph = defs.resolve_asset_graph()
    resolver = get_stale_status_resolver(instance, list(defs.assets))
    partitions = instance.get_dynamic_partitions(BATCHES)
    status = {}
    for key in graph.materializable_asset_keys:
        keys = partitions if graph.get(key).is_partitioned else [None]
        status[key.to_user_string()] = sorted({resolver.get_status(key, p).value for p in keys})
    print(json.dumps(status))
    """
)


def stale_status(env: dict[str, str], code: Path) -> dict[str, list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", STALE_STATUS],
        env=env,
        cwd=code,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_changed_rule_marks_exactly_its_assets_stale_and_make_run_clears_them(
    tmp_path: Path, raw: Path
) -> None:
    code = tmp_path / "code"  # this release's code, to change a rule of
    for part in ("pipeline", "assets", "deploy"):
        shutil.copytree(PROJECT_ROOT / part, code / part, ignore=shutil.ignore_patterns("__py*"))
    env = instance_env(tmp_path, raw, tmp_path / "warehouse", **SETTINGS)
    audited_run(env, code, tmp_path / "first.json")
    status = stale_status(env, code)
    assert set(status) == set(ALL_TABLES)
    assert all(s == ["FRESH"] for s in status.values()), status

    rules = code / "pipeline" / "figures" / "rules.py"
    rules.write_text(rules.read_text() + "\n# a new rule would go here\n")
    status = stale_status(env, code)
    stale = {name for name, s in status.items() if "STALE" in s}
    # The figures, and the manifest and rejections, which record every article stage.
    assert stale == {"figures", "files", "rejected"}, status
    assert all(s == ["STALE"] for name, s in status.items() if name in stale), status

    out, reads = audited_run(env, code, tmp_path / "second.json")
    assert "7 made by an older version of a stage" in out
    assert max(reads.values()) == 1
    status = stale_status(env, code)
    assert all(s == ["FRESH"] for s in status.values()), status


def test_a_changed_corpus_rule_recomputes_only_the_corpus_tables(tmp_path: Path, raw: Path) -> None:
    code = tmp_path / "code"
    for part in ("pipeline", "assets", "deploy"):
        shutil.copytree(PROJECT_ROOT / part, code / part, ignore=shutil.ignore_patterns("__py*"))
    env = instance_env(tmp_path, raw, tmp_path / "warehouse", **SETTINGS)
    audited_run(env, code, tmp_path / "first.json")
    versions = code / "pipeline" / "versions.py"
    text = versions.read_text()
    assert 'Stage("stories", "1"' in text
    versions.write_text(text.replace('Stage("stories", "1"', 'Stage("stories", "2"'))
    status = stale_status(env, code)
    assert {n for n, s in status.items() if "STALE" in s} == {
        "stories",
        "reuse",
        "figure_conflicts",
    }

    out, reads = audited_run(env, code, tmp_path / "second.json")
    assert not reads, "a corpus rule costs no article work"
    assert "recomputing the corpus tables: a new version of stories" in out
    assert "recomputing every story: the story rules' version changed" in out
    assert all(s == ["FRESH"] for s in stale_status(env, code).values())
