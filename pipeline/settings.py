"""Where things are and how big they may be: one place that reads the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.nlp import DEFAULT_MODEL

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_RAW_DIR = PROJECT_ROOT / "data" / "raw"
DEFAULT_WAREHOUSE_DIR = PROJECT_ROOT / "data" / "warehouse"
DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024
DEFAULT_BATCH_FILES = 1000
DEFAULT_CELERY_BROKER = "redis://127.0.0.1:6379/0"


@dataclass(frozen=True)
class Settings:
    raw_dir: Path = DEFAULT_RAW_DIR
    warehouse_dir: Path = DEFAULT_WAREHOUSE_DIR
    # Larger files (and gzip data expanding past it) are rejected, never loaded whole.
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    # Files per ingest batch: bounds one run's memory however large the backlog.
    batch_files: int = DEFAULT_BATCH_FILES
    spacy_model: str = DEFAULT_MODEL
    # Processes that parse and extract (the model loads once in each): every core by default.
    workers: int = field(default_factory=lambda: available_cores())
    # Where Dagster runs steps: "" (Dagster's default; `make run` runs in its own process),
    # "in_process", "multiprocess" or "celery" (workers reached through `celery_broker`).
    executor: str = ""
    celery_broker: str = DEFAULT_CELERY_BROKER
    celery_backend: str = ""  # the broker's URL when empty

    @classmethod
    def from_env(cls) -> Settings:
        env = os.environ
        return cls(
            raw_dir=Path(env.get("PIPELINE_RAW_DIR") or DEFAULT_RAW_DIR).resolve(),
            warehouse_dir=Path(
                env.get("PIPELINE_WAREHOUSE_DIR") or DEFAULT_WAREHOUSE_DIR
            ).resolve(),
            max_file_bytes=int(env.get("PIPELINE_MAX_FILE_BYTES") or DEFAULT_MAX_FILE_BYTES),
            batch_files=int(env.get("PIPELINE_BATCH_FILES") or DEFAULT_BATCH_FILES),
            spacy_model=env.get("PIPELINE_SPACY_MODEL") or DEFAULT_MODEL,
            workers=int(env.get("PIPELINE_WORKERS") or available_cores()),
            executor=env.get("PIPELINE_EXECUTOR", ""),
            celery_broker=env.get("PIPELINE_CELERY_BROKER") or DEFAULT_CELERY_BROKER,
            celery_backend=env.get("PIPELINE_CELERY_BACKEND", ""),
        )


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity, which containers narrow)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1
