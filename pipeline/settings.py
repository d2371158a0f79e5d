"""Where things are and how big they may be: one place that reads the environment, and checks it.

A setting that cannot work stops the process before it reads or writes anything, with a message
that names the variable and the fix: left to run, a negative batch size plans no batch and says
there is nothing new, a file given as the raw folder marks every article deleted, and a
warehouse inside the raw folder reads its own tables back as articles.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import spacy.util

from pipeline.nlp import DEFAULT_MODEL

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_RAW_DIR = PROJECT_ROOT / "data" / "raw"
DEFAULT_WAREHOUSE_DIR = PROJECT_ROOT / "data" / "warehouse"
DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024
DEFAULT_BATCH_FILES = 1000
DEFAULT_CELERY_BROKER = "redis://127.0.0.1:6379/0"
# PIPELINE_EXECUTOR's values; "" (unset) runs every step of a run in the run's process.
EXECUTORS = ("", "in_process", "multiprocess", "celery")


class SettingsError(ValueError):
    """Settings that cannot work: one line per problem, each naming its variable and the fix."""


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
    # Where Dagster runs a run's steps: one of EXECUTORS ("" or "in_process": in the run's
    # process; "multiprocess": a process per step; "celery": workers reached through
    # `celery_broker`).
    executor: str = ""
    celery_broker: str = DEFAULT_CELERY_BROKER
    celery_backend: str = ""  # the broker's URL when empty

    @classmethod
    def from_env(cls) -> Settings:
        """The PIPELINE_* variables (unset or empty: the default), checked all at once: a
        SettingsError lists every problem, so one run shows them all."""
        env = os.environ
        problems: list[str] = []
        settings = cls(
            raw_dir=Path(env.get("PIPELINE_RAW_DIR") or DEFAULT_RAW_DIR).resolve(),
            warehouse_dir=warehouse_dir_from_env(),
            max_file_bytes=_count(
                env, "PIPELINE_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES, "bytes", problems
            ),
            batch_files=_count(
                env, "PIPELINE_BATCH_FILES", DEFAULT_BATCH_FILES, "files per batch", problems
            ),
            spacy_model=env.get("PIPELINE_SPACY_MODEL") or DEFAULT_MODEL,
            workers=_count(env, "PIPELINE_WORKERS", available_cores(), "processes", problems),
            executor=env.get("PIPELINE_EXECUTOR", ""),
            celery_broker=env.get("PIPELINE_CELERY_BROKER") or DEFAULT_CELERY_BROKER,
            celery_backend=env.get("PIPELINE_CELERY_BACKEND", ""),
        )
        problems += settings._problems()
        if problems:
            raise SettingsError("\n".join(problems))
        return settings

    def _problems(self) -> list[str]:
        """What is wrong with the folders, the executor, the model and the Celery URLs."""
        raw, warehouse = self.raw_dir, self.warehouse_dir
        problems = []
        if not raw.exists():
            problems.append(
                f"PIPELINE_RAW_DIR={raw}: no such folder; create or mount it, or point "
                "PIPELINE_RAW_DIR at the folder of raw articles"
            )
        elif not raw.is_dir():
            problems.append(
                f"PIPELINE_RAW_DIR={raw}: a file, not a folder; point PIPELINE_RAW_DIR at the "
                "folder that holds the articles"
            )
        elif not os.access(raw, os.R_OK | os.X_OK):
            problems.append(
                f"PIPELINE_RAW_DIR={raw}: the folder cannot be read; give this user read access"
            )
        if warehouse == raw:
            problems.append(
                f"PIPELINE_WAREHOUSE_DIR and PIPELINE_RAW_DIR are the same folder ({raw}): the "
                "tables would be read back as articles; give the warehouse a folder of its own"
            )
        elif warehouse.is_relative_to(raw):
            problems.append(
                f"PIPELINE_WAREHOUSE_DIR={warehouse} is inside PIPELINE_RAW_DIR={raw}: its "
                "Parquet files would be read as articles; put the warehouse outside the raw folder"
            )
        elif raw.is_relative_to(warehouse):
            problems.append(
                f"PIPELINE_RAW_DIR={raw} is inside PIPELINE_WAREHOUSE_DIR={warehouse}, where the "
                "pipeline writes and deletes files; put the raw folder outside the warehouse"
            )
        nearest = next(p for p in (warehouse, *warehouse.parents) if p.exists())
        if not nearest.is_dir():
            problems.append(
                f"PIPELINE_WAREHOUSE_DIR={warehouse}: {nearest} is a file, not a folder; point "
                "PIPELINE_WAREHOUSE_DIR at a folder (it is created if missing)"
            )
        elif not os.access(nearest, os.W_OK | os.X_OK):
            problems.append(
                f"PIPELINE_WAREHOUSE_DIR={warehouse}: {nearest} cannot be written; give this "
                "user write access or choose another folder"
            )
        if self.executor not in EXECUTORS:
            problems.append(
                f"PIPELINE_EXECUTOR={self.executor!r}: no such executor; use "
                f"{', '.join(e for e in EXECUTORS if e)}, or unset it to run steps in the "
                "run's process"
            )
        if not (spacy.util.is_package(self.spacy_model) or Path(self.spacy_model).exists()):
            problems.append(
                f"PIPELINE_SPACY_MODEL={self.spacy_model!r}: no such spaCy model is installed "
                "(a package or a model folder); install it into the virtualenv, or unset "
                f"PIPELINE_SPACY_MODEL for the default ({DEFAULT_MODEL})"
            )
        for name, url in (
            ("PIPELINE_CELERY_BROKER", self.celery_broker),
            ("PIPELINE_CELERY_BACKEND", self.celery_backend),
        ):
            if url and "://" not in url:
                problems.append(
                    f"{name}={url!r}: not a URL; write it as redis://host:port/db (or the URL "
                    "of another Celery transport)"
                )
        return problems


def warehouse_dir_from_env() -> Path:
    """PIPELINE_WAREHOUSE_DIR alone, for readers of the tables (notebooks), which need no raw
    folder, model or executor."""
    return Path(os.environ.get("PIPELINE_WAREHOUSE_DIR") or DEFAULT_WAREHOUSE_DIR).resolve()


def _count(env: Mapping[str, str], name: str, default: int, unit: str, problems: list[str]) -> int:
    """A positive whole number from `env[name]`, or `default` when unset; a bad value is a
    problem (and the default stands in, so the other checks still run)."""
    text = env.get(name) or ""
    if not text:
        return default
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        problems.append(
            f"{name}={text!r}: expected a whole number of {unit}, at least 1; fix it, or unset "
            f"{name} for the default ({default})"
        )
        return default
    return value


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity, which containers narrow)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1
