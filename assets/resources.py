"""Configurable resources: where the pipeline reads and writes, and the spaCy model."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
from spacy.language import Language

from pipeline import nlp
from pipeline.settings import Settings
from pipeline.store import Warehouse


class PipelineResource(dg.ConfigurableResource):
    """The raw folder, the warehouse and the limits (defaults from PIPELINE_* variables)."""

    raw_dir: str
    warehouse_dir: str
    max_file_bytes: int
    batch_files: int

    @classmethod
    def from_settings(cls, settings: Settings) -> PipelineResource:
        return cls(
            raw_dir=str(settings.raw_dir),
            warehouse_dir=str(settings.warehouse_dir),
            max_file_bytes=settings.max_file_bytes,
            batch_files=settings.batch_files,
        )

    def settings(self) -> Settings:
        return Settings(
            raw_dir=Path(self.raw_dir),
            warehouse_dir=Path(self.warehouse_dir),
            max_file_bytes=self.max_file_bytes,
            batch_files=self.batch_files,
        )

    def warehouse(self) -> Warehouse:
        return Warehouse(Path(self.warehouse_dir))


class SpacyModel(dg.ConfigurableResource):
    """The spaCy model by name; loaded once per process, only when an asset has text to parse."""

    model: str = nlp.DEFAULT_MODEL
    batch_size: int = 64

    def load(self, components: tuple[str, ...] = ()) -> Language:
        return nlp.load_model(self.model, components)
