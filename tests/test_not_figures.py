"""Numbers that are not amounts, and the 'm' of sport: names, models, codes, dates, compound
modifiers, and metres written like millions.

The scanner's rules are read from plain text; the name rules that read the parse get `Doc`s
built by hand (`tests/docs.py`), and the sentences of the brief are parsed by the real model at
the end (when only those fail, the model's parse changed, not the rules)."""

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.figures import find_figures
from pipeline.figures.scan import scan
from tests.docs import build_doc


def amounts(text: str) -> list[tuple]:
    return [(text[a.start : a.end], a.value, a.kind, a.unit) for a in scan(text)]


def figures_of(doc: Doc) -> list[tuple]:
    return [(f.text, f.value, f.kind, f.unit) for f in find_figures(doc)]


# -- names, codes, dates (plain text) --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The category 4 hurricane hit.",
        "He has type 2 diabetes.",
        "The COVID-19 tests.",
        "The summit runs on 19-20 March.",
        "It runs on March 19-20.",
        "In the 2013-14 season.",
        "The 1939-45 war.",
        "He won in 2004/05.",
        "The dollar was at 104 yen at 0950 GMT.",
        "Trading closes at 10.30 EDT, or 0900 ET.",
        "He lives at 9 E 71st St, Manhattan.",
        "It is at 16-18 Industrial Avenue, Leeds.",
    ],
)
def test_names_codes_and_dates_are_not_amounts(text: str) -> None:
    assert [a for a in amounts(text) if a[2] != "money"] == []


def test_a_word_glued_before_that_says_when_leaves_an_amount() -> None:
    assert amounts("Her now-18 month-old daughter.") == [("18 month", 18, "duration", "month")]
    assert amounts("It can dip to minus-130 degrees Fahrenheit.") == [
        ("minus-130 degrees Fahrenheit", -130, "temperature", "degree Fahrenheit")
    ]


# -- compound modifiers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A third-party evaluation.",
        "A two-way street.",
        "A one-off payment.",
        "A five-star hotel.",
        "A three-judge panel.",
        "The minister set out a four-point plan.",
        "A 10-point scale.",
    ],
)
def test_compound_modifiers_are_not_amounts(text: str) -> None:
    assert amounts(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A six-point lead.", ("six-point", 6, "other", "point")),
        ("A five-year deal.", ("five-year", 5, "duration", "year")),
        ("A 60,000-seat stadium.", ("60,000", 60_000, "count", None)),
        ("A four-fold rise.", ("four", 4, "count", None)),
    ],
)
def test_compounds_of_units_digits_and_multipliers_stay_amounts(text: str, expected: tuple) -> None:
    assert amounts(text) == [expected]


def test_a_unit_hyphenated_into_another_compound_is_not_the_numbers() -> None:
    assert amounts("Up from $639m year-earlier.") == [("$639m", 639e6, "money", "USD")]
    assert amounts("A 12 year-old girl.") == [("12 year", 12, "duration", "year")]


# -- metres and millions ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("She won the 60m hurdles.", 60),
        ("He is the 100m champion.", 100),
        ("A world record of 4.91m in the pole vault.", 4.91),
        ("The 37m (121ft)-long skeleton.", 37),
        ("The 508m tall tower.", 508),
        ("He won the men's 400m.", 400),
    ],
)
def test_the_m_of_a_distance_is_metres(text: str, value: float) -> None:
    assert amounts(text)[0][1:] == (value, "distance", "metre")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("There are 18m people.", (18e6, "count", None)),
        ("It sold 14m last year.", (14e6, "count", None)),
        ("Chelsea paid £5m for him.", (5e6, "money", "GBP")),
        ("The 37m euros deal.", (37e6, "money", "EUR")),
    ],
)
def test_the_m_of_money_and_counts_is_millions(text: str, expected: tuple) -> None:
    assert amounts(text)[0][1:] == expected


def test_an_athletics_report_reads_every_m_as_metres() -> None:
    report = (
        "The Olympic champion won the sprint at the indoor meeting. "
        "He stepped down from his favoured 400m to 200m. A relay win followed."
    )
    assert [a[1:] for a in amounts(report)] == [
        (400, "distance", "metre"),
        (200, "distance", "metre"),
    ]


def test_a_business_report_keeps_its_millions() -> None:
    report = "Shares jumped after a record year on track. Profits rose to 400m."
    assert amounts(report)[-1] == ("400m", 400e6, "count", None)


# -- names from the parse ---------------------------------------------------------------------


def test_a_number_after_a_name_word_is_part_of_the_name() -> None:
    doc = build_doc(
        "Shares in the S&P 500 rose and the iPhone 11 sold.",
        r"""
         0  Shares        5  nsubj      NOUN   share
         1  in            0  prep       ADP
         2  the           3  det        DET
         3  S&P           1  pobj       PROPN
         4  500           3  nummod     NUM
         5  rose          5  ROOT       VERB   rise
         6  and           5  cc         CCONJ
         7  the           8  det        DET
         8  iPhone       10  nsubj      PROPN
         9  11            8  nummod     NUM
        10  sold          5  conj       VERB   sell
        11  .             5  punct      PUNCT
        """,
    )
    assert figures_of(doc) == []


def test_a_count_of_a_singular_proper_noun_is_a_name_and_of_a_plural_one_a_count() -> None:
    doc = build_doc(
        "Boeing flew its 787 Dreamliner past 12 Republicans.",
        r"""
         0  Boeing        1  nsubj      PROPN
         1  flew          1  ROOT       VERB   fly
         2  its           4  poss       PRON
         3  787           4  nummod     NUM
         4  Dreamliner    1  dobj       PROPN
         5  past          1  prep       ADP
         6  12            7  nummod     NUM
         7  Republicans   5  pobj       PROPN
         8  .             1  punct      PUNCT
        """,
    )
    assert [f[1:] for f in figures_of(doc)] == [(12, "count", None)]


def test_a_capitalised_number_word_is_a_name_unless_it_starts_a_sentence() -> None:
    doc = build_doc(
        "Five were hurt, he told Five Live.",
        r"""
         0  Five          2  nsubjpass  NUM    five
         1  were          2  auxpass    AUX    be
         2  hurt          5  ccomp      VERB
         3  ,             5  punct      PUNCT
         4  he            5  nsubj      PRON
         5  told          5  ROOT       VERB   tell
         6  Five          7  nummod     NUM    five
         7  Live          5  dobj       PROPN
         8  .             5  punct      PUNCT
        """,
    )
    assert [f[:2] for f in figures_of(doc)] == [("Five", 5)]


def test_a_number_before_a_model_word_is_part_of_the_name() -> None:
    doc = build_doc(
        "It grounded two 737 Max jets.",
        r"""
         0  It            1  nsubj      PRON
         1  grounded      1  ROOT       VERB   ground
         2  two           5  nummod     NUM
         3  737           5  nummod     NUM
         4  Max           5  compound   PROPN
         5  jets          1  dobj       NOUN   jet
         6  .             1  punct      PUNCT
        """,
    )
    assert [f[:2] for f in figures_of(doc)] == [("two", 2)]


# -- with the real model ---------------------------------------------------------------------

NAMES = [
    "Dow +0.2% S&P 500 +0.3% Nasdaq +0.8%.",
    "The company has 60% of the Fortune 100 on its books.",
    "The base iPhone 11 has just 64GB of storage.",
    "The Samsung Galaxy Note 20 Ultra beats the iPhone 12 Pro Max.",
    "The debut of Boeing's own 787 Dreamliner was marred.",
    "Cayman Airways said it was grounding two new 737 Max jets.",
    "The car passed the ISO 3888-2 test.",
    "He sat in Section 427 Row 21.",
    "An office, Unit 3 at 16-18 Industrial Avenue, has leased.",
    "Klay Thompson's layup tied Game 7.",
    "They procured thousands of COVID -19 tests.",
    "The TA-35 index and PLX-R18 were up.",
    "Homes in the 90049 ZIP Code sold well.",
]


class TestWithTheRealModel:
    @pytest.mark.parametrize("text", NAMES)
    def test_numbers_in_names_are_not_figures(self, model: Language, text: str) -> None:
        kept = [f for f in figures_of(model(text)) if f[2] == "count"]
        assert kept in ([], [("thousands", 1000, "count", None)], [("two", 2, "count", None)])

    def test_real_counts_after_capitalised_words_stay(self, model: Language) -> None:
        found = figures_of(model("Apple sold 5 million iPhones and 12 Republicans voted."))
        assert [f[1] for f in found] == [5e6, 12]

    @pytest.mark.parametrize(
        "text",
        [
            "There are about 100 Muslim schools in the country.",  # a people, not a name
            "The band had 12 UK hit singles.",  # a place, not a name
        ],
    )
    def test_counts_of_nations_and_places_stay(self, model: Language, text: str) -> None:
        assert [f[1] for f in figures_of(model(text))] in ([100], [12])
