"""What money and percentages are for, of or measure: the `object` of a money or percent figure,
read from the parse (issue #20).

The rule tests read `Doc`s built by hand (`tests/docs.py`); the tests "with the real model" at
the end parse real sentences, one per shape. When only those fail, the model's parse changed,
not the rules."""

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.figures import find_figures
from tests.docs import build_doc


def objects(doc: Doc) -> dict[str, str | None]:
    return {f.text: f.object for f in find_figures(doc) if f.kind in {"money", "percent"}}


def test_money_spent_on_something_is_for_it() -> None:
    doc = build_doc(
        "The UK will spend £5bn for air defence.",
        r"""
         0  The       1  det        DET
         1  UK        3  nsubj      PROPN
         2  will      3  aux        AUX
         3  spend     3  ROOT       VERB
         4  £         5  nmod       SYM
         5  5bn       3  dobj       NOUN
         6  for       3  prep       ADP
         7  air       8  compound   NOUN
         8  defence   6  pobj       NOUN
         9  .         3  punct      PUNCT
        """,
        ents=[(1, 2, "GPE"), (5, 6, "MONEY")],
    )
    assert objects(doc) == {"£5bn": "air defence"}


def test_money_modifying_a_noun_is_for_it() -> None:
    doc = build_doc(
        "She won a $700000 award.",
        r"""
         0  She      1  nsubj      PRON
         1  won      1  ROOT       VERB   win
         2  a        5  det        DET
         3  $        4  nmod       SYM
         4  700000   5  nummod     NUM
         5  award    1  dobj       NOUN
         6  .        1  punct      PUNCT
        """,
    )
    found = find_figures(doc)
    assert [(f.text, f.object) for f in found] == [("$700000", "award")]  # the surface stays


def test_money_as_the_of_of_a_noun_is_that_noun() -> None:
    doc = build_doc(
        "The bank reported a net profit of $590 billion.",
        r"""
         0  The        1  det        DET
         1  bank       2  nsubj      NOUN
         2  reported   2  ROOT       VERB   report
         3  a          5  det        DET
         4  net        5  amod       ADJ
         5  profit     2  dobj       NOUN
         6  of         5  prep       ADP
         7  $          8  nmod       SYM
         8  590        9  compound   NUM
         9  billion    6  pobj       NUM
        10  .          2  punct      PUNCT
        """,
    )
    assert objects(doc) == {"$590 billion": "net profit"}


def test_a_rise_is_of_what_rose() -> None:
    doc = build_doc(
        "There was a 3% rise in prices.",
        r"""
         0  There    1  expl       PRON
         1  was      1  ROOT       VERB   be
         2  a        5  det        DET
         3  3        4  nummod     NUM
         4  %        5  compound   NOUN
         5  rise     1  attr       NOUN
         6  in       5  prep       ADP
         7  prices   6  pobj       NOUN   price
         8  .        1  punct      PUNCT
        """,
    )
    assert objects(doc) == {"3%": "prices"}


def test_a_percentage_a_verb_changes_by_is_of_its_subject() -> None:
    doc = build_doc(
        "Shares fell 3% on Monday.",
        r"""
         0  Shares   1  nsubj      NOUN   share
         1  fell     1  ROOT       VERB   fall
         2  3        3  nummod     NUM
         3  %        1  npadvmod   NOUN
         4  on       1  prep       ADP
         5  Monday   4  pobj       PROPN
         6  .        1  punct      PUNCT
        """,
        ents=[(2, 4, "PERCENT"), (5, 6, "DATE")],
    )
    assert objects(doc) == {"3%": "Shares"}


def test_money_raised_says_nothing_of_what_it_is_for() -> None:
    doc = build_doc(
        "It will raise $1bn from the flotation.",
        r"""
         0  It          2  nsubj      PRON
         1  will        2  aux        AUX
         2  raise       2  ROOT       VERB
         3  $           4  nmod       SYM
         4  1bn         2  dobj       NOUN
         5  from        2  prep       ADP
         6  the         7  det        DET
         7  flotation   5  pobj       NOUN
         8  .           2  punct      PUNCT
        """,
    )
    assert objects(doc) == {"$1bn": None}


def test_no_object_across_a_full_stop_the_parse_missed() -> None:
    doc = build_doc(
        "The unit could sell for up to £350m. WPP has bought firms.",
        r"""
         0  The        1  det        DET
         1  unit       3  nsubj      NOUN
         2  could      3  aux        AUX
         3  sell       3  ROOT       VERB
         4  for        3  prep       ADP
         5  up         8  quantmod   ADP
         6  to         8  quantmod   PART
         7  £          8  quantmod   SYM
         8  350        9  nummod     NUM
         9  m.        10  compound   NOUN
        10  WPP       12  nsubj      PROPN
        11  has       12  aux        AUX    have
        12  bought     3  ccomp      VERB   buy
        13  firms     12  dobj       NOUN   firm
        14  .          3  punct      PUNCT
        """,
        ents=[(10, 11, "ORG")],
    )
    assert list(objects(doc).values()) == [None]


SHAPES = [
    # money: its own phrase, the noun it modifies or is the `of` of, or what a verb prices
    ("It approved £5 billion of defence spending.", "£5 billion", "defence spending"),
    ("The firm paid a fine of $3 billion.", "$3 billion", "fine"),
    ("Shell signed a $6bn (£3.12bn) deal.", "£3.12bn", "deal"),  # a conversion
    ("They agreed the deal, worth $2bn, on Monday.", "$2bn", "deal"),
    ("The council spent £40m on new schools.", "£40m", "new schools"),
    ("A ticket costs $5.", "$5", "ticket"),
    ("Net income jumped to 3bn yuan in 2004.", "3bn yuan", "Net income"),
    ("The average house price was £182,920.", "£182,920", "average house price"),
    ("The mill was sold for $800m.", "$800m", "mill"),
    ("Mr Brown said a record high of $1.48 was reached.", "$1.48", None),
    ("Net profit was $186m, compared with $1.13bn in the same period.", "$1.13bn", None),
    # percentages
    ("About 60% of voters backed the plan.", "About 60%", "voters"),
    ("Unemployment of 5% is expected.", "5%", "Unemployment"),
    ("Inflation rose 2% last year.", "2%", "Inflation"),
    # any verb of a rise or a fall (`rules.RISE_VERBS`, `FALL_VERBS`) measures its subject
    ("Sales plummeted 20%.", "20%", "Sales"),
    ("Profits skyrocketed 20%.", "20%", "Profits"),
    ("The index weakened 2%.", "2%", "index"),
    ("Exports contracted 3%.", "3%", "Exports"),
    ("The bank will charge a 0.6 per cent fee.", "0.6 per cent", "fee"),
    (
        "Lenders offer 95 per cent loan-to-value mortgages.",
        "95 per cent",
        "loan-to-value mortgages",
    ),
    ("The stock has a dividend yield of 4.1 per cent.", "4.1 per cent", "dividend yield"),
    ("The 0.8% rise in October was expected.", "0.8%", None),
    ("Asahi is predicting profits to rise 50% in 2005.", "50%", "profits"),
    ("Foreign aid is due to rise by 10%.", "10%", "Foreign aid"),
    ("Orders were 15% higher than a year earlier.", "15%", "Orders"),
    ("The firm sold 2.1% more cars in 2004.", "2.1%", "cars"),
]


class TestWithTheRealModel:
    @pytest.mark.parametrize(("text", "figure", "expected"), SHAPES)
    def test_shapes(self, model: Language, text: str, figure: str, expected: str | None) -> None:
        assert objects(model(text))[figure] == expected
