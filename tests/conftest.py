"""Shared fixtures and helpers: a temporary raw folder and warehouse, the real spaCy model, and
the environment and command of a `make run` process. Rule tests build their `Doc`s by hand
(`tests/docs.py`); only end-to-end tests ask for the model."""

import os
import shutil
import socket
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from spacy.language import Language

from pipeline import analysis, nlp
from pipeline.settings import PROJECT_ROOT, Settings
from pipeline.store import Warehouse
from pipeline.workers import Analyser

SAMPLE_CORPUS = PROJECT_ROOT / "data" / "raw"
SHARED = PROJECT_ROOT.parent / "shared"


def instance_env(
    tmp: Path, raw: Path, warehouse: Path, config: str = "dagster.yaml", **extra: str
) -> dict[str, str]:
    """The environment of a pipeline process: a new DAGSTER_HOME under `tmp` holding
    `deploy/<config>`, and the raw folder and warehouse to use."""
    home = tmp / "dagster_home"
    home.mkdir(parents=True, exist_ok=True)
    shutil.copy(PROJECT_ROOT / "deploy" / config, home / "dagster.yaml")
    return {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "PIPELINE_RAW_DIR": str(raw),
        "PIPELINE_WAREHOUSE_DIR": str(warehouse),
        **extra,
    }


def file_row(**changes: object) -> dict[str, object]:
    """One `files` row as a mapping of every column, with `changes`."""
    row: dict[str, object] = {
        "source_path": "a.txt",
        "content_hash": "h",
        "size_bytes": 1,
        "changed_ns": 1,
        "status": "ok",
        "retry_key": None,
        "versions": None,
        "declared": None,
        "doc_ids": [],
        "batch": "b1",
        "seen_at": datetime(2025, 4, 10, tzinfo=UTC),
    }
    return {**row, **changes}


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now, for a server a test starts."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_cli(env: dict[str, str]) -> subprocess.CompletedProcess:
    """`make run`'s entry point, to completion."""
    return subprocess.run(
        [sys.executable, "-m", "assets.run"],
        env=env,
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    raw = tmp_path / "raw"
    raw.mkdir()
    return Settings(raw_dir=raw, warehouse_dir=tmp_path / "warehouse", max_file_bytes=2_000_000)


@pytest.fixture
def warehouse(settings: Settings) -> Warehouse:
    return Warehouse(settings.warehouse_dir)


@pytest.fixture
def analyser() -> Analyser:
    """The configured model in this process (cached per process); `tests/test_workers.py`
    checks that worker processes give the same rows."""
    return Analyser(nlp.DEFAULT_MODEL, workers=1)


@pytest.fixture(scope="session")
def model() -> Language:
    """The configured spaCy model with every component the analyses use (as the workers load
    it), loaded on first use: importing a test module never loads it."""
    return nlp.load_model(nlp.DEFAULT_MODEL, analysis.COMPONENTS)
