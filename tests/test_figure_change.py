"""A figure's change: "up" or "down" when the sentence says the amount is the size of a rise or
a fall, read from the parse (`pipeline/figures/change.py`); a level is no change.

The rule tests read `Doc`s built by hand (`tests/docs.py`) from the model's own parses; the
tests "with the real model" parse each shape, so when only those fail the model changed."""

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.figures import find_figures
from tests.docs import build_doc


def changes(doc: Doc) -> dict[str, str | None]:
    return {f.text: f.change for f in find_figures(doc)}


def change_at(doc: Doc, figure: str) -> str | None:
    """The change of the figure that starts where `figure` does (its surface may take in more,
    as the object it counts)."""
    start = doc.text.index(figure)
    [found] = [f for f in find_figures(doc) if f.start == start]
    return found.change


LEVELS = "The FTSE 100 fell 0.4 per cent to 13176, while Maybank rose 18 sen to RM23.50."
SHARED = (
    "Shares of Urban Outfitters and Ross were down 2.3%, Burlington by 2.6% and Foot Locker "
    "was down 1.9% before the bell."
)
NOUNS = "The government announced a £2bn cut and a 5% rise in prices."
SIGNS = "Dow +0.2% S&P +0.3%, with lows of -5C."


def test_the_change_is_not_the_level_it_led_to() -> None:
    doc = build_doc(
        LEVELS,
        r"""
         0  The       1  det       DET
         1  FTSE      3  nsubj     PROPN
         2  100       1  nummod    NUM
         3  fell      3  ROOT      VERB   fall
         4  0.4       3  npadvmod  NUM
         5  per       3  prep      ADP
         6  cent      5  pobj      NOUN
         7  to        3  prep      ADP
         8  13176     7  pobj      NUM
         9  ,         3  punct     PUNCT
        10  while    12  mark      SCONJ
        11  Maybank  12  nsubj     PROPN
        12  rose      3  advcl     VERB   rise
        13  18       14  nummod    NUM
        14  sen      12  npadvmod  PROPN
        15  to       12  prep      ADP
        16  RM23.50  15  pobj      PROPN
        17  .         3  punct     PUNCT
        """,
    )
    found = changes(doc)
    assert found["0.4 per cent"] == "down"
    assert found["13176"] is None
    assert found["18 sen"] == "up"
    assert found["RM23.50"] is None


def test_a_shared_verb_and_its_adverb_give_the_direction() -> None:
    doc = build_doc(
        SHARED,
        r"""
         0  Shares        6  nsubj     NOUN   share
         1  of            0  prep      ADP
         2  Urban         3  compound  PROPN
         3  Outfitters    1  pobj      PROPN
         4  and           3  cc        CCONJ
         5  Ross          3  conj      PROPN
         6  were          6  ROOT      AUX    be
         7  down          6  advmod    ADV
         8  2.3           9  nummod    NUM
         9  %             7  npadvmod  NOUN
        10  ,             6  punct     PUNCT
        11  Burlington    6  npadvmod  PROPN
        12  by            6  prep      ADP
        13  2.6          14  nummod    NUM
        14  %            12  pobj      NOUN
        15  and           6  cc        CCONJ
        16  Foot         17  compound  PROPN
        17  Locker       18  nsubj     PROPN
        18  was           6  conj      AUX    be
        19  down         18  advmod    ADV
        20  1.9          21  nummod    NUM
        21  %            19  npadvmod  NOUN
        22  before       19  prep      ADP
        23  the          24  det       DET
        24  bell         22  pobj      NOUN
        25  .            18  punct     PUNCT
        """,
    )
    assert changes(doc) == {"2.3%": "down", "2.6%": "down", "1.9%": "down"}


def test_nouns_of_change() -> None:
    doc = build_doc(
        NOUNS,
        r"""
         0  The          1  det       DET
         1  government   2  nsubj     NOUN
         2  announced    2  ROOT      VERB   announce
         3  a            6  det       DET
         4  £            6  nmod      SYM
         5  2bn          6  compound  NOUN
         6  cut          2  dobj      NOUN
         7  and          6  cc        CCONJ
         8  a           11  det       DET
         9  5           10  nummod    NUM
        10  %           11  compound  NOUN
        11  rise         6  conj      NOUN
        12  in          11  prep      ADP
        13  prices      12  pobj      NOUN   price
        14  .            2  punct     PUNCT
        """,
    )
    assert changes(doc) == {"£2bn": "down", "5%": "up"}


def test_a_signed_percentage_is_a_change_and_a_signed_temperature_a_level() -> None:
    doc = build_doc(
        SIGNS,
        r"""
         0  Dow     1  compound  PROPN
         1  +0.2    2  nsubj     NOUN
         2  %       2  ROOT      NOUN
         3  S&P     4  compound  PROPN
         4  +0.3    5  compound  PROPN
         5  %       2  appos     NOUN
         6  ,       2  punct     PUNCT
         7  with    2  prep      ADP
         8  lows    7  pobj      NOUN   low
         9  of      8  prep      ADP
        10  -5C     9  pobj      PROPN
        11  .       2  punct     PUNCT
        """,
    )
    assert changes(doc) == {"0.2%": "up", "0.3%": "up", "-5C": None}


# -- with the real model ---------------------------------------------------------------------


class TestWithTheRealModel:
    """Each shape of a change, parsed by the configured model."""

    @pytest.mark.parametrize(
        ("text", "figure", "change"),
        [
            # verbs, with or without "by"
            ("Shares rose 5% on Monday.", "5%", "up"),
            ("Prices rose by 5% last year.", "5%", "up"),
            ("The index gained 3% in early trade.", "3%", "up"),
            ("Sales jumped 8.5% in March.", "8.5%", "up"),
            ("German DAX increased by 2 percent.", "2 percent", "up"),
            ("Sea levels could rise 11 feet per century.", "11 feet per century", "up"),
            ("Healthcare dropped 1.61% on the day.", "1.61%", "down"),
            ("Sony lost 2.70 percent in Tokyo.", "2.70 percent", "down"),
            ("Spending was cut by £2bn this year.", "£2bn", "down"),
            ("Costs were reduced by 5% in the year.", "5%", "down"),
            ("Temperatures dropped by 1 to 1.5 degrees.", "1 to 1.5 degrees", "down"),
            # adverbs and comparatives
            ("The shares were up 19 cents.", "19 cents", "up"),
            ("Shares ended down 1% on Friday.", "1%", "down"),
            ("The index is up nearly 57% this year.", "nearly 57%", "up"),
            ("BioView shares finished 34.4% higher at 3.23 shekels.", "34.4%", "up"),
            ("They pulled the healthcare sector 0.68 percent lower.", "0.68 percent", "down"),
            # nouns
            ("There was a sharp 3 percent drop in sales.", "3 percent", "down"),
            ("There was a 60 basis point improvement in margins.", "60 basis point", "up"),
            ("Wimpey reported a 19% rise in profits.", "19%", "up"),
            ("It saw a sales increase of 6.5%.", "6.5%", "up"),
            # signs
            ("On Wall St: Dow +0.2% S&P 500 +0.3% Nasdaq +0.8%.", "0.8%", "up"),
            ("Dow -1.1% Nasdaq -0.5%.", "-1.1%", "down"),
        ],
    )
    def test_changes(self, model: Language, text: str, figure: str, change: str) -> None:
        assert change_at(model(text), figure) == change

    @pytest.mark.parametrize(
        ("text", "figure"),
        [
            ("The FTSE 100 fell 0.4 per cent to 13176.", "13176"),
            ("The index gained 1% to close at 1,478 points.", "1,478 points"),
            ("Revenue rose to $7.36 billion from $6.78 billion.", "$6.78 billion"),
            ("It increased by $43.6 billion to $419.2 billion.", "$419.2 billion"),
            ("Profits rose 56% to 1.16bn euros ($1.5bn; £800m).", "£800m"),
            ("The firm lost $5m last year.", "$5m"),
            ("It raised $50m from investors.", "$50m"),
            ("Exports make up about two-thirds of output.", "about two-thirds"),
            ("We expect one more rate hike.", "one"),
            ("The dollar had its biggest one-day fall in months.", "one-day"),
            ("Temperatures of -5C are expected.", "-5C"),
            ("Inflation of -0.5% was recorded.", "-0.5%"),
        ],
    )
    def test_levels(self, model: Language, text: str, figure: str) -> None:
        assert change_at(model(text), figure) is None

    def test_an_amount_in_brackets_is_the_change_it_restates(self, model: Language) -> None:
        found = changes(model("He promised to cut taxes by 6.5bn euros ($8.6bn; £4.5bn)."))
        assert found == {"6.5bn euros": "down", "$8.6bn": "down", "£4.5bn": "down"}
