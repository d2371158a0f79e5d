"""Figures: amounts found and read in plain text, then objects and events from the parse.

Numbers and amounts are read from plain text, with no model. The tests of what the parse adds
read `Doc`s built by hand (`tests/docs.py`); the tests "with the real model" at the end parse
real sentences, so the wiring is tested too. When only those fail, the model's parse changed,
not the rules."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.figures import figure_rows, find_figures
from pipeline.figures.numbers import NUMBER, value_of, words_value
from pipeline.figures.rules import QUALIFIERS
from pipeline.figures.scan import scan
from pipeline.parsed import ParsedArticle
from tests.docs import build_doc


def amounts(text: str) -> list[tuple]:
    return [(text[a.start : a.end], a.value, a.kind, a.unit, a.qualifier) for a in scan(text)]


def one(text: str) -> tuple:
    [found] = amounts(text)
    return found


# -- numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("434,000", 434_000),
        ("2.5", 2.5),
        ("nine", 9),
        ("five thousand", 5_000),
        ("1.5 billion", 1.5e9),
        ("4.5bn", 4.5e9),
        ("3m", 3e6),
        ("half a million", 5e5),
        ("a hundred and two", 102),
        ("twenty-one", 21),
        ("two and a half", 2.5),
        ("two thirds", 2 / 3),
        ("2 1/2", 2.5),
        ("⅓", 1 / 3),
        ("2.48×10−5", 2.48e-5),
        ("10 000", 10_000),
        ("a dozen", 12),
        ("three million, two hundred & forty", 3_000_240),
    ],
)
def test_numbers_are_read(text: str, value: float) -> None:
    match = NUMBER.fullmatch(text)
    assert match is not None and value_of(match) == pytest.approx(value)


def test_words_that_are_not_numbers() -> None:
    assert words_value("five banana") is None
    assert NUMBER.search("G7 summit") is None


# -- amounts ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They pledged £4.5bn.", ("£4.5bn", 4.5e9, "money", "GBP", "exact")),
        ("It costs US$3m.", ("US$3m", 3e6, "money", "USD", "exact")),
        ("A €20 fee.", ("€20", 20, "money", "EUR", "exact")),
        ("It gave 1.5 billion euros.", ("1.5 billion euros", 1.5e9, "money", "EUR", "exact")),
        ("Some 200 dollars went.", ("Some 200 dollars", 200, "money", "USD", "approx")),
        ("Fees of GBP 40 apply.", ("GBP 40", 40, "money", "GBP", "exact")),
        ("Only 50p each.", ("50p", 0.5, "money", "GBP", "exact")),
        ("A five-cent hit.", ("five-cent", 0.05, "money", "USD", "exact")),
        ("A 20-pence stamp.", ("20-pence", 0.2, "money", "GBP", "exact")),
        ("It rose 2.5% in a year.", ("2.5%", 2.5, "percent", "percent", "exact")),
        ("Up 5 per cent.", ("5 per cent", 5, "percent", "percent", "exact")),
        ("A 2 percentage points rise.", ("2 percentage points", 2, "percent", "percentage point",
                                         "exact")),
        ("The 620-mile front line.", ("620-mile", 620, "distance", "mile", "exact")),
        ("A 30-day ceasefire.", ("30-day", 30, "duration", "day", "exact")),
        ("It weighs 10kg.", ("10kg", 10, "weight", "kilogram", "exact")),
        ("An area of 301,338 km2.", ("301,338 km2", 301_338, "area", "square kilometre", "exact")),
        ("At 200 km/h it shook.", ("200 km/h", 200, "speed", "kilometre per hour", "exact")),
        ("It hit 32 degrees Celsius.", ("32 degrees Celsius", 32, "temperature",
                                        "degree Celsius", "exact")),
        ("Their 27th meeting.", ("27th", 27, "ordinal", None, "exact")),
    ],
)  # fmt: skip
def test_amounts_with_units_and_currencies(text: str, expected: tuple) -> None:
    assert one(text) == expected


@pytest.mark.parametrize(("word", "qualifier"), sorted(QUALIFIERS.items()))
def test_every_qualifier(word: str, qualifier: str) -> None:
    [found] = amounts(f"We saw {word} 40 ships.")
    assert found[0].casefold().startswith(word.casefold()) and found[4] == qualifier


def test_ranges_are_one_figure_with_a_high_end() -> None:
    [low] = scan("Between 10 and 20 people came.")
    assert (low.value, low.value_high) == (10, 20)
    [span] = scan("It took 10-20 minutes.")
    assert (span.value, span.value_high, span.unit) == (10, 20, "minute")
    [cold] = scan("Temperatures ranged from -18 °C to -34 °C.")
    assert (cold.value, cold.value_high) == (-34, -18)
    assert all(a.value_high is None for a in scan("They won 3-1 at home."))  # a score


@pytest.mark.parametrize(
    "text",
    [
        "It happened on 6 September 2024.",
        "Talks resume on April 10.",
        "Spending rises from 2027.",
        "The 1960s were different.",
        "We produced nothing in 2013-14.",
        "At 10:30 the doors opened; by 2pm and 2.17pm it was over.",
        "Call 0800 123 4567 or +44 20 7946 0958.",
        "She lives at 10 Downing Street.",
        "He met them at Number 10.",
        "The F-35 and COVID-19 were discussed.",
    ],
)
def test_not_amounts(text: str) -> None:
    assert amounts(text) == []


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_scanning_any_text_never_raises_and_offsets_hold(text: str) -> None:
    for a in scan(text):
        assert 0 <= a.start <= a.number_start < a.number_end <= a.end <= len(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["£", "$", "4.5", "bn", " ", "-", "million", "five", "%", "to", "and", "between",
             "km", "about", "1/2", "½", "2027", "st", ",", "000", "a", "half", "per cent", "p",
             "cent"]
        ),
        max_size=12,
    ).map("".join)
)  # fmt: skip
def test_scanning_number_like_text_never_raises(text: str) -> None:
    for a in scan(text):
        assert a.start < a.end


# -- with the parse --------------------------------------------------------------------------


def figures_of(doc: Doc) -> list[tuple]:
    return [(f.text, f.value, f.object, f.event) for f in find_figures(doc)]


OBJECTS = (
    "The UK will send more than five thousand air defence missiles and support more than "
    "434,000 skilled jobs across 30 nations."
)
KILLED = "At least 18 people, including nine children, were killed."
BOTH = "More than 50 people injured and 16 killed, including 6 children."
ARRESTED = "Police arrested 12 protesters."
MADE = "The firm made 40 cars."


def test_objects_come_from_the_parse() -> None:
    doc = build_doc(
        OBJECTS,
        r"""
         0  The           1  det        DET
         1  UK            3  nsubj      PROPN
         2  will          3  aux        AUX
         3  send          3  ROOT       VERB
         4  more          7  amod       ADJ
         5  than          7  quantmod   ADP
         6  five          7  compound   NUM
         7  thousand     10  nummod     NUM
         8  air           9  compound   NOUN
         9  defence      10  compound   NOUN
        10  missiles      3  dobj       NOUN   missile
        11  and           3  cc         CCONJ
        12  support       3  conj       VERB
        13  more         15  amod       ADJ
        14  than         15  quantmod   ADP
        15  434,000      17  nummod     NUM
        16  skilled      17  amod       ADJ
        17  jobs         12  dobj       NOUN   job
        18  across       17  prep       ADP
        19  30           20  nummod     NUM
        20  nations      18  pobj       NOUN   nation
        21  .             3  punct      PUNCT
        """,
        ents=[(1, 2, "GPE"), (4, 8, "CARDINAL"), (13, 16, "CARDINAL"), (19, 20, "CARDINAL")],
    )
    found = {f[0]: f[2] for f in figures_of(doc)}
    assert found == {
        "more than five thousand air defence missiles": "air defence missiles",
        "more than 434,000 skilled jobs": "skilled jobs",
        "30 nations": "nations",
    }


def test_events_of_people_counts() -> None:
    killed = build_doc(
        KILLED,
        r"""
         0  At            1  advmod     ADV
         1  least         2  advmod     ADV
         2  18            3  nummod     NUM
         3  people       10  nsubjpass  NOUN
         4  ,             3  punct      PUNCT
         5  including     3  prep       VERB   include
         6  nine          7  nummod     NUM
         7  children      5  pobj       NOUN   child
         8  ,            10  punct      PUNCT
         9  were         10  auxpass    AUX    be
        10  killed       10  ROOT       VERB   kill
        11  .            10  punct      PUNCT
        """,
        ents=[(0, 3, "CARDINAL"), (6, 7, "CARDINAL")],
    )
    assert [(f[1], f[3]) for f in figures_of(killed)] == [(18, "killed"), (9, "killed")]
    both = build_doc(
        BOTH,
        r"""
         0  More          2  amod       ADJ
         1  than          2  quantmod   ADP
         2  50            3  nummod     NUM
         3  people        7  nsubj      NOUN
         4  injured       3  acl        VERB   injure
         5  and           3  cc         CCONJ
         6  16            7  nsubj      NUM
         7  killed        7  ROOT       VERB   kill
         8  ,             7  punct      PUNCT
         9  including     3  prep       VERB   include
        10  6            11  nummod     NUM
        11  children      9  pobj       NOUN   child
        12  .             7  punct      PUNCT
        """,
        ents=[(0, 3, "CARDINAL"), (6, 7, "CARDINAL"), (10, 11, "CARDINAL")],
    )
    assert [(f[1], f[3]) for f in figures_of(both)] == [
        (50, "injured"),
        (16, "killed"),
        (6, "killed"),
    ]
    arrested = build_doc(
        ARRESTED,
        r"""
         0  Police        1  nsubj      NOUN
         1  arrested      1  ROOT       VERB   arrest
         2  12            3  nummod     NUM
         3  protesters    1  dobj       NOUN   protester
         4  .             1  punct      PUNCT
        """,
        ents=[(2, 3, "CARDINAL")],
    )
    assert figures_of(arrested)[0][3] == "arrested"
    made = build_doc(
        MADE,
        r"""
         0  The           1  det        DET
         1  firm          2  nsubj      NOUN
         2  made          2  ROOT       VERB   make
         3  40            4  nummod     NUM
         4  cars          2  dobj       NOUN   car
         5  .             2  punct      PUNCT
        """,
        ents=[(3, 4, "CARDINAL")],
    )
    assert figures_of(made)[0][3] is None


def test_names_and_pronouns_are_not_figures() -> None:
    doc = build_doc(
        "The G7 met Voyager 2 engineers and the one who spoke.",
        r"""
         0  The           1  det        DET
         1  G7            2  nsubj      PROPN
         2  met           2  ROOT       VERB   meet
         3  Voyager       5  nmod       PROPN
         4  2             5  nummod     NUM
         5  engineers     2  dobj       NOUN   engineer
         6  and           5  cc         CCONJ
         7  the           8  det        DET
         8  one           5  conj       NOUN
         9  who          10  nsubj      PRON
        10  spoke         8  relcl      VERB   speak
        11  .             2  punct      PUNCT
        """,
        ents=[(1, 2, "GPE"), (3, 5, "PRODUCT")],
    )
    assert figures_of(doc) == []


def test_ordinal_words_modify_nouns() -> None:
    doc = build_doc(
        "The war is in its third year.",
        r"""
         0  The           1  det        DET
         1  war           2  nsubj      NOUN
         2  is            2  ROOT       AUX    be
         3  in            2  prep       ADP
         4  its           6  poss       PRON
         5  third         6  amod       ADJ
         6  year          3  pobj       NOUN
         7  .             2  punct      PUNCT
        """,
        ents=[(4, 7, "DATE")],
    )
    assert figures_of(doc) == [("third year", 3.0, "year", None)]


# -- with the real model ---------------------------------------------------------------------


class TestWithTheRealModel:
    """The sentences above and any text, parsed by the configured model: tagger, lemmatizer,
    parser and named entities wired to the rules."""

    def test_objects_come_from_the_parse(self, model: Language) -> None:
        found = {f[0]: f[2] for f in figures_of(model(OBJECTS))}
        assert found == {
            "more than five thousand air defence missiles": "air defence missiles",
            "more than 434,000 skilled jobs": "skilled jobs",
            "30 nations": "nations",
        }

    def test_events_of_people_counts(self, model: Language) -> None:
        assert [(f[1], f[3]) for f in figures_of(model(KILLED))] == [
            (18, "killed"),
            (9, "killed"),
        ]
        assert [(f[1], f[3]) for f in figures_of(model(BOTH))] == [
            (50, "injured"),
            (16, "killed"),
            (6, "killed"),
        ]
        assert figures_of(model(ARRESTED))[0][3] == "arrested"
        assert figures_of(model(MADE))[0][3] is None

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-£$%abcdkm\n")), max_size=120))
    def test_any_text_gives_exact_offsets(self, model: Language, text: str) -> None:
        for row in figure_rows(ParsedArticle(model(text))):
            assert text[row.start : row.end] == row.text


def test_a_times_sign_before_a_round_number_is_no_power_of_ten() -> None:
    """'3 x 1000 metres' is three times a thousand metres, never 3 x 10^00."""
    assert [(a.value, a.unit) for a in scan("They ran 3 x 1000 metres.")] == [
        (3.0, None),
        (1000.0, "metre"),
    ]
    assert [a.value for a in scan("A dose of 2 x 10^5 cells.")] == [200000.0]
    assert [a.value for a in scan("It measured 2.48×10−5 across.")] == [2.48e-05]
