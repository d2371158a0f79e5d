"""`newsroom`, the console script: its commands, and `status` on an empty and a full warehouse."""

import subprocess
import sys
import tomllib
from pathlib import Path

from pipeline import nlp
from pipeline.ingest import plan_batches, run_batch
from pipeline.settings import PROJECT_ROOT, Settings
from pipeline.status import render, warehouse_status
from pipeline.store import Warehouse
from pipeline.versions import stage_versions
from pipeline.workers import Analyser

from .conftest import instance_env


def newsroom(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "assets.cli", *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_console_script_is_declared() -> None:
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"]["newsroom"] == "assets.cli:main"


def test_status_of_an_empty_and_a_full_warehouse(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("Ministers from 30 nations met in Brussels on Thursday.")
    (raw / "b.txt").write_text("   \n")
    env = instance_env(tmp_path, raw, tmp_path / "warehouse")
    empty = newsroom("status", env=env, cwd=tmp_path)
    assert empty.returncode == 0, empty.stderr
    assert "files: 0 known (none)" in empty.stdout
    assert "latest batch: none yet" in empty.stdout

    settings = Settings(raw_dir=raw, warehouse_dir=tmp_path / "warehouse")
    warehouse = Warehouse(settings.warehouse_dir)
    [key] = plan_batches(settings, warehouse).batches
    run_batch(settings, warehouse, key, Analyser(nlp.DEFAULT_MODEL, workers=1))
    full = newsroom("status", env=env, cwd=tmp_path)
    assert full.returncode == 0, full.stderr
    assert "files: 2 known (1 ok, 1 rejected)" in full.stdout
    assert f"latest batch: {key}" in full.stdout
    assert "b.txt [read]: file holds only whitespace" in full.stdout
    assert "last run: none" in full.stdout  # ingested without Dagster here


def test_status_says_what_an_upgrade_left_outdated(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("Ministers from 30 nations met in Brussels on Thursday.")
    settings = Settings(raw_dir=raw, warehouse_dir=tmp_path / "warehouse")
    warehouse = Warehouse(settings.warehouse_dir)
    [key] = plan_batches(settings, warehouse).batches
    run_batch(settings, warehouse, key, Analyser(nlp.DEFAULT_MODEL, workers=1))
    versions = stage_versions(settings)
    assert "outdated" not in render(warehouse_status(warehouse, versions))
    newer = {**versions, "figures": "another"}
    text = render(warehouse_status(warehouse, newer))
    assert "outdated: 1 file(s)" in text


def test_bad_settings_are_named(tmp_path: Path) -> None:
    env = instance_env(tmp_path, tmp_path / "missing", tmp_path / "warehouse")
    done = newsroom("status", env=env, cwd=tmp_path)
    assert done.returncode == 78
    assert "PIPELINE_RAW_DIR" in done.stderr


def test_help_lists_the_commands(tmp_path: Path) -> None:
    done = newsroom("--help", env=instance_env(tmp_path, tmp_path, tmp_path / "w"), cwd=tmp_path)
    assert all(c in done.stdout for c in ("run", "reprocess", "status", "ui"))
