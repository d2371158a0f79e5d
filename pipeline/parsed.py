"""One parsed article as the analyses see it: the spaCy `Doc` of its body, its publication date,
and what several analyses share, computed once (the article's entity mentions)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from spacy.tokens import Doc

from pipeline.entities.local import Named, resolve_in_article
from pipeline.entities.mentions import find_mentions
from pipeline.entities.recall import recall
from pipeline.nlp import doc_text


@dataclass
class ParsedArticle:
    doc: Doc
    published: date | None = None
    doc_id: str = ""  # the rows' `doc_id` (tests of one text need none)

    @cached_property
    def mentions(self) -> list[Named]:
        """Entity mentions with the names the article resolves them to (entities, quotes): the
        model's, and the other occurrences of the names it found."""
        found = recall(self.doc, find_mentions(self.doc))
        return resolve_in_article(found, doc_text(self.doc))
