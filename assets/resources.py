"""Configurable resources: where the pipeline reads and writes, and the spaCy model."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from pipeline import nlp
from pipeline.settings import Settings
from pipeline.store import Warehouse
from pipeline.workers import Analyser


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
    """The spaCy model by name, and how many processes parse with it (each loads it once, and
    only when a batch has text to parse)."""

    model: str = nlp.DEFAULT_MODEL
    workers: int = 1
    batch_size: int = nlp.BATCH_SIZE  # docs per `nlp.pipe` batch

    def analyser(self) -> Analyser:
        return Analyser(self.model, self.workers, self.batch_size)
