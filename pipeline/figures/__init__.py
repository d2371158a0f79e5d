"""Figures: every number that states an amount, with its value, unit, what it counts and how sure
the text is of it.

`scan.py` finds amounts in plain text (numbers, currencies, units, percents, qualifiers, ranges;
dates, times, phone numbers and addresses left out), reading numbers with `numbers.py`;
`extract.py` adds what the parse says (the counted object, the event, names the model knows) and
`change.py` whether an amount is a rise or a fall. The rules are data in `rules.py`, the unit
lexicon in `units.py` and `currencies.py`.
"""

from __future__ import annotations

from pipeline.figures.extract import Figure, find_figures
from pipeline.parsed import ParsedArticle
from pipeline.rows import FigureRow, from_fields

__all__ = ["COMPONENTS", "Figure", "figure_rows", "find_figures"]

# The parse gives objects and events, the tagger and lemmatizer the verbs' lemmas, the
# named entities the numbers that are names.
COMPONENTS = ("tagger", "attribute_ruler", "lemmatizer", "parser", "ner")


def figure_rows(article: ParsedArticle) -> list[FigureRow]:
    """The `figures` rows of one parsed body."""
    return [from_fields(FigureRow, f, doc_id=article.doc_id) for f in find_figures(article.doc)]
