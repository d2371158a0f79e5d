"""Quotations with their speakers: found per article (`extract.py`), with the speech reported
without quotation marks (`reported.py`), linked to entities and to the same quotation in other
articles across the corpus (`corpus.py`)."""

from __future__ import annotations

from pipeline.parsed import ParsedArticle
from pipeline.quotes.extract import Quote, find_quotes, quote_index
from pipeline.quotes.reported import find_reported
from pipeline.rows import ArticleQuoteRow, from_fields

__all__ = ["COMPONENTS", "Quote", "find_quotes", "find_reported", "quote_rows"]

# Cues and their subjects come from the parse; verbs from the tagger; speakers from the mentions.
COMPONENTS = ("tagger", "attribute_ruler", "lemmatizer", "parser", "ner")


def quote_rows(article: ParsedArticle) -> list[ArticleQuoteRow]:
    """The `article_quotes` rows of one parsed body: its quotations and its speech without
    quotation marks, in text order."""
    index = quote_index(article)
    quotes = find_quotes(article, index)
    found = sorted([*quotes, *find_reported(index, quotes)], key=lambda q: q.start)
    return [from_fields(ArticleQuoteRow, q, doc_id=article.doc_id) for q in found]
