"""Quotations with their speakers: found per article (`extract.py`), linked to entities and
to the same quotation in other articles across the corpus (`corpus.py`)."""

from __future__ import annotations

import dataclasses

from pipeline.parsed import ParsedArticle
from pipeline.quotes.extract import Quote, find_quotes

__all__ = ["COMPONENTS", "Quote", "find_quotes", "quote_rows"]

# Cues and their subjects come from the parse; verbs from the tagger; speakers from the mentions.
COMPONENTS = ("tagger", "attribute_ruler", "lemmatizer", "parser", "ner")


def quote_rows(article: ParsedArticle) -> list[dict]:
    """The `article_quotes` rows of one parsed body (without `doc_id`)."""
    return [dataclasses.asdict(q) for q in find_quotes(article)]
