"""Stories across sources: articles that report the same story (`assign.py`, at ingest), how
much text each repeats from another (`reuse.py`) and figures about the same thing that disagree
(`conflicts.py`), with a `stories` table over them (`tables.py`)."""

from __future__ import annotations

from pipeline.entities.names import fold
from pipeline.nlp import doc_text
from pipeline.parsed import ParsedArticle
from pipeline.rows import SignatureRow
from pipeline.stories.assign import minhash_bytes

__all__ = ["COMPONENTS", "signature_rows"]

COMPONENTS = ("ner",)

# Entities that tell stories apart; nationalities and languages are too common to.
STORY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "PRODUCT", "LAW"})


def signature_rows(article: ParsedArticle) -> list[SignatureRow]:
    """The article's `signatures` row: its text's MinHash and its entity names (the story is
    assigned at commit time, against the articles already known)."""
    names = {fold(m.name) for m in article.mentions if m.label in STORY_LABELS}
    return [
        SignatureRow(
            doc_id=article.doc_id,
            minhash=minhash_bytes(doc_text(article.doc)),
            entities=sorted(n for n in names if n),
            published=article.published,
            story_id=article.doc_id,  # its own story until assignment places it
        )
    ]
