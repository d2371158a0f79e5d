"""The per-article analyses: each reads the one spaCy parse of a body and yields table rows.

Ingest parses every new body once, with the union of the components the analyses need, and
hands the `Doc` to each. A new extractor is one entry here and a table in `tables.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline import entities, figures
from pipeline.tables import ARTICLE_MENTIONS, FIGURES, TableSpec


@dataclass(frozen=True)
class Analysis:
    table: TableSpec
    components: tuple[str, ...]  # the spaCy pipes it reads
    rows: Callable[[Doc], list[dict]]  # rows of `table` for one body, without `doc_id`


ANALYSES: tuple[Analysis, ...] = (
    Analysis(ARTICLE_MENTIONS, entities.COMPONENTS, entities.article_mention_rows),
    Analysis(FIGURES, figures.COMPONENTS, figures.figure_rows),
)

COMPONENTS: tuple[str, ...] = tuple(sorted({c for a in ANALYSES for c in a.components}))
