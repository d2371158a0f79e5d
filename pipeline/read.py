"""The warehouse for notebooks: every table as a typed pandas DataFrame, and the joins analyses
keep needing, written once.

    from pipeline.read import tables
    t = tables("data/warehouse")
    t.mentions_named.head()        # mentions with the entity's name and label, and the publisher
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from pipeline.store import Warehouse
from pipeline.tables import TABLES

HEADLINE_CHARS = 60


@dataclass
class Tables:
    """Every table by name (`t.documents`, `t.figures`, ...) plus joined views."""

    warehouse: Warehouse

    def __getattr__(self, name: str) -> pd.DataFrame:
        if name not in TABLES:
            raise AttributeError(f"no table {name!r}; the tables are {sorted(TABLES)}")
        frame = self.warehouse.read(name).to_pandas(date_as_object=False)
        self.__dict__[name] = frame  # read once
        return frame

    @cached_property
    def articles(self) -> pd.DataFrame:
        """One row per article (no body): id, file, url, publisher, title, date and story, and
        a `headline` to label it by: its title, else its opening words."""
        documents = self.documents
        opening = documents["body"].str.slice(0, HEADLINE_CHARS).str.rsplit(" ", n=1).str[0]
        columns = ["doc_id", "source_path", "url", "publisher", "title", "published", "story_id"]
        return documents[columns].assign(headline=documents["title"].fillna(opening + "…"))

    @cached_property
    def mentions_named(self) -> pd.DataFrame:
        """Mentions with their entity's canonical name and label, and the article's metadata."""
        named = self.mentions.drop(columns=["label"]).merge(
            self.entities[["entity_id", "name", "label"]], on="entity_id", how="left"
        )
        return named.merge(self.articles, on="doc_id", how="left")

    @cached_property
    def figures_dated(self) -> pd.DataFrame:
        """Figures with the publisher, date, title and story of their article."""
        return self.figures.merge(self.articles, on="doc_id", how="left")

    @cached_property
    def quotes_attributed(self) -> pd.DataFrame:
        """Quotations with the publisher, date and story of the article that carries them."""
        return self.quotes.merge(self.articles, on="doc_id", how="left")

    @cached_property
    def reuse_titled(self) -> pd.DataFrame:
        """Reuse pairs with both articles' publishers and titles."""
        left = self.articles.add_suffix("_doc").rename(columns={"doc_id_doc": "doc_id"})
        right = self.articles.add_suffix("_source").rename(
            columns={"doc_id_source": "source_doc_id"}
        )
        return self.reuse.merge(left, on="doc_id").merge(right, on="source_doc_id")


def tables(warehouse: str | Path) -> Tables:
    """The warehouse at `warehouse` (`PIPELINE_WAREHOUSE_DIR`, `data/warehouse` by default)."""
    return Tables(Warehouse(Path(warehouse)))
