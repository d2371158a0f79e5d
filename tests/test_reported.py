"""Speech without quotation marks: reported speech ("said that ...", "according to ...") and
press-release statements, from sentences of our own.

The first test reads a `Doc` built by hand (`tests/docs.py`), so the rule is tested whatever
the model; the others parse with the configured model, so the wiring is tested too. When only
those fail, the model's parse changed, not the rules."""

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.parsed import ParsedArticle
from pipeline.quotes import quote_rows
from tests.docs import build_doc

Row = tuple[str, str, str | None, str | None]


def rows_of(doc: Doc) -> list[Row]:
    """(kind, text, speaker, cue) of each row of the article, in text order."""
    return [(q.kind, q.text, q.speaker, q.cue) for q in quote_rows(ParsedArticle(doc))]


def test_said_that_reports_its_clause_without_that() -> None:
    doc = build_doc(
        "Anna Berg said that the bridge would open in May.",
        r"""
         0  Anna          1  compound   PROPN
         1  Berg          2  nsubj      PROPN
         2  said          2  ROOT       VERB   say
         3  that          7  mark       SCONJ
         4  the           5  det        DET
         5  bridge        7  nsubj      NOUN
         6  would         7  aux        AUX
         7  open          2  ccomp      VERB
         8  in            7  prep       ADP
         9  May           8  pobj       PROPN
        10  .             2  punct      PUNCT
        """,
        ents=[(0, 2, "PERSON"), (9, 10, "DATE")],
    )
    assert rows_of(doc) == [
        ("reported", "the bridge would open in May", "Anna Berg", "said"),
    ]


# Each construction: (body, its rows).
CONSTRUCTIONS: dict[str, tuple[str, list[Row]]] = {
    "X said that ...": (
        "Mayor Anna Berg said on Tuesday that the new bridge would open in May.",
        [("reported", "the new bridge would open in May", "Anna Berg", "said")],
    ),
    "X told Y ..., the pronoun the person named before": (
        "Tom Hale met the council on Monday. He told reporters the budget had been cut by a third.",
        [("reported", "the budget had been cut by a third", "Tom Hale", "told")],
    ),
    "X told Y that ...": (
        "Maria Lopez, the treasurer, told the council that the budget had been cut by a third.",
        [("reported", "the budget had been cut by a third", "Maria Lopez", "told")],
    ),
    "inverted: ..., X said": (
        "The budget had been cut by a third, the treasurer Maria Lopez said.",
        [("reported", "The budget had been cut by a third", "Maria Lopez", "said")],
    ),
    "inverted: X said set into the clause": (
        "Tom Hale spoke first. The harbour had been losing money for years, he added, and the "
        "council would sell it.",
        [
            (
                "reported",
                "The harbour had been losing money for years, he added, and the council would "
                "sell it",
                "Tom Hale",
                "added",
            )
        ],
    ),
    "according to X, ...": (
        "According to Maria Lopez, the harbour will close for repairs next winter.",
        [
            (
                "reported",
                "the harbour will close for repairs next winter",
                "Maria Lopez",
                "according to",
            )
        ],
    ),
    "..., according to X": (
        "The harbour will close for repairs next winter, according to Maria Lopez.",
        [
            (
                "reported",
                "The harbour will close for repairs next winter",
                "Maria Lopez",
                "according to",
            )
        ],
    ),
    "X warned that ...": (
        "Anna Berg warned that the river could flood the old town again.",
        [("reported", "the river could flood the old town again", "Anna Berg", "warned")],
    ),
    "X announced that ...": (
        "Anna Berg announced that the council would build a second bridge in Leeds.",
        [
            (
                "reported",
                "the council would build a second bridge in Leeds",
                "Anna Berg",
                "announced",
            )
        ],
    ),
    "X denied that ...": (
        "Anna Berg denied that the council had sold the harbour.",
        [("reported", "the council had sold the harbour", "Anna Berg", "denied")],
    ),
    "X believes, X wants, X thinks: thought, not speech": (
        "Anna Berg believes that the bridge will open in May. Tom Hale wants the council to pay "
        "for it. He thinks the river could flood the old town again.",
        [],
    ),
    "a clause of a few words is too little": ("Anna Berg said so.", []),
    "a quotation is not reported again": (
        "Anna Berg said: “The bridge will open in May, whatever the council decides.”",
        [
            (
                "statement",
                "The bridge will open in May, whatever the council decides.",
                "Anna Berg",
                "said",
            )
        ],
    ),
    "a clause holding a short quotation is reported": (
        "Anna Berg said the plan was “a waste of money” and should be dropped.",
        [
            (
                "reported",
                "the plan was “a waste of money” and should be dropped",
                "Anna Berg",
                "said",
            ),
            ("phrase", "a waste of money", "Anna Berg", "said"),
        ],
    ),
    "a press release: the paragraph after 'X said:' is X's statement": (
        "Council leader Anna Berg said:\n\nThe bridge will open in May, and the council will "
        "pay for every repair it needs.\n\nShe left for Leeds.",
        [
            (
                "statement",
                "The bridge will open in May, and the council will pay for every repair it needs.",
                "Anna Berg",
                "said",
            )
        ],
    ),
    "not after a heading": (
        "Council leader Anna Berg said:\n\nKey facts\n\nThe bridge opened in May.",
        [],
    ),
    "not a list of one-word items": (
        "Council leader Anna Berg said:\n\nBridges, roads, schools.",
        [],
    ),
}


@pytest.mark.parametrize(("body", "expected"), CONSTRUCTIONS.values(), ids=list(CONSTRUCTIONS))
def test_constructions_with_the_real_model(model: Language, body: str, expected: list[Row]) -> None:
    assert rows_of(model(body)) == expected
