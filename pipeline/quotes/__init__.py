"""Quotations with their speakers: found per article (`extract.py`), linked to entities and
to the same quotation in other articles across the corpus (`corpus.py`)."""

from __future__ import annotations

from pipeline.parsed import ParsedArticle
from pipeline.quotes.extract import Quote, find_quotes
from pipeline.rows import ArticleQuoteRow, from_fields

__all__ = ["COMPONENTS", "Quote", "find_quotes", "quote_rows"]

# Cues and their subjects come from the parse; verbs from the tagger; speakers from the mentions.
COMPONENTS = ("tagger", "attribute_ruler", "lemmatizer", "parser", "ner")


def quote_rows(article: ParsedArticle) -> list[ArticleQuoteRow]:
    """The `article_quotes` rows of one parsed body."""
    return [from_fields(ArticleQuoteRow, q, doc_id=article.doc_id) for q in find_quotes(article)]
