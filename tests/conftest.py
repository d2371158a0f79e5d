"""Shared fixtures: a temporary raw folder and warehouse, and the real spaCy model."""

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

from pipeline import nlp
from pipeline.settings import PROJECT_ROOT, Settings
from pipeline.store import Warehouse

SAMPLE_CORPUS = PROJECT_ROOT / "data" / "raw"
SHARED = PROJECT_ROOT.parent / "shared"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    raw = tmp_path / "raw"
    raw.mkdir()
    return Settings(raw_dir=raw, warehouse_dir=tmp_path / "warehouse", max_file_bytes=2_000_000)


@pytest.fixture
def warehouse(settings: Settings) -> Warehouse:
    return Warehouse(settings.warehouse_dir)


@pytest.fixture
def load_nlp() -> Callable[[], Language]:
    """The configured model, as the Dagster resource loads it (cached per process)."""
    return lambda: nlp.load_model(nlp.DEFAULT_MODEL)
