"""The per-article analyses: each reads the one spaCy parse of a body and yields table rows.

Ingest parses every new body once, with the union of the components the analyses need, and
hands each analysis the `ParsedArticle` (the `Doc`, the publication date, and what analyses
share, such as the article's mentions). A new extractor is one entry here and a table in
`tables.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pipeline import dates, entities, figures, quotes, stories
from pipeline.parsed import ParsedArticle
from pipeline.rows import ArticleMentionRow, ArticleQuoteRow, DateRow, FigureRow, SignatureRow
from pipeline.tables import (
    ARTICLE_MENTIONS,
    ARTICLE_QUOTES,
    DATES,
    FIGURES,
    SIGNATURES,
    TableSpec,
)

# What the analyses write: one record type per article table they fill.
AnalysisRow = ArticleMentionRow | FigureRow | ArticleQuoteRow | DateRow | SignatureRow


@dataclass(frozen=True)
class Analysis:
    table: TableSpec
    components: tuple[str, ...]  # the spaCy pipes it reads
    rows: Callable[[ParsedArticle], Sequence[AnalysisRow]]  # rows of `table` for one body


ANALYSES: tuple[Analysis, ...] = (
    Analysis(ARTICLE_MENTIONS, entities.COMPONENTS, entities.article_mention_rows),
    Analysis(FIGURES, figures.COMPONENTS, figures.figure_rows),
    Analysis(ARTICLE_QUOTES, quotes.COMPONENTS, quotes.quote_rows),
    Analysis(DATES, dates.COMPONENTS, dates.date_rows),
    Analysis(SIGNATURES, stories.COMPONENTS, stories.signature_rows),
)

COMPONENTS: tuple[str, ...] = tuple(sorted({c for a in ANALYSES for c in a.components}))
