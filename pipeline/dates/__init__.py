"""Dates: every date or time expression of a body, placed on the calendar.

The spans are spaCy's `DATE` and `TIME` entities that hold a calendar anchor (a month, a weekday,
a relative day word, a year); `resolve.py` places each against the article's publication date.
"""

from __future__ import annotations

from typing import cast

from spacy.tokens import Span

from pipeline.dates.resolve import Resolved, resolve
from pipeline.dates.rules import ANCHOR
from pipeline.metadata import numeric_order
from pipeline.nlp import doc_text
from pipeline.parsed import ParsedArticle
from pipeline.rows import DateRow, Granularity

__all__ = ["COMPONENTS", "Resolved", "date_rows", "resolve"]

COMPONENTS = ("tagger", "attribute_ruler", "parser", "ner")
_FUTURE_AUX = {"will", "'ll", "shall", "wo"}


def date_rows(article: ParsedArticle) -> list[DateRow]:
    """The `dates` rows of one parsed body. Its numeric dates are read by
    the convention its unambiguous ones show ("13/01/2024" makes "06/01/2024" 6 January)."""
    order = numeric_order(doc_text(article.doc))
    rows = []
    for ent in article.doc.ents:
        if ent.label_ not in {"DATE", "TIME"} or not ANCHOR.search(ent.text):
            continue
        start, end = _trimmed(ent)
        text = doc_text(article.doc)[start:end]
        found = resolve(text, article.published, _tense(ent), order)
        if ent.label_ == "TIME" and found.granularity == "day":
            found = Resolved(found.value, found.value_end, "time")
        rows.append(
            DateRow(
                doc_id=article.doc_id,
                start=start,
                end=end,
                text=text,
                value=found.value,
                value_end=found.value_end,
                granularity=cast(Granularity, found.granularity),  # checked by the record
            )
        )
    return rows


def _trimmed(ent: Span) -> tuple[int, int]:
    """The span without the spaces and punctuation the model sometimes keeps at its edges."""
    tokens = [t for t in ent if not (t.is_space or t.is_punct)]
    if not tokens:
        return ent.start_char, ent.end_char
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _tense(ent: Span) -> str:
    """Whether the clause holding the date speaks of the future or the past."""
    verb = ent.root.head
    for _ in range(3):
        if verb.pos_ in {"VERB", "AUX"}:
            break
        verb = verb.head
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if auxiliaries & _FUTURE_AUX or verb.head.lemma_ in {"expect", "set", "due", "go"}:
        return "future"
    if "to" in auxiliaries and verb.dep_ == "xcomp":
        return "future"  # "is set to convene", "is expected to say"
    if verb.tag_ in {"VBD", "VBN"}:
        return "past"
    return "unknown"
