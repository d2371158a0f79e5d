"""Numbers, years or counts, and ages: number shapes ("3 and a half", "a quarter of a million",
"between minus 2 and minus 5"), four-digit numbers that are counts rather than years ("more than
1000 customers", never "in 2004" or "the 2005 budget"), and ages (kind `duration`, object "age").

Plain text goes through `scan`; the tests "with the real model" parse sentences, as the year and
age rules read the parse and the named entities."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from pipeline.figures import find_figures
from pipeline.figures.numbers import NUMBER, value_of
from pipeline.figures.scan import scan


def read(text: str, years: bool = False) -> list[tuple]:
    """(surface, low, high, kind, unit) of each amount of `text`."""
    return [
        (text[a.start : a.end], a.value, a.value_high, a.kind, a.unit)
        for a in scan(text, years=years)
    ]


# -- number shapes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3 and a half", 3.5),
        ("2 and a half million", 2.5e6),
        ("a quarter of a million", 250_000),
        ("three quarters of a billion", 7.5e8),
        ("a third of a dozen", 4),
    ],
)
def test_number_shapes_are_read(text: str, value: float) -> None:
    match = NUMBER.fullmatch(text)
    assert match is not None and value_of(match) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The charity hopes to raise a quarter of a million pounds.",
            ("a quarter of a million pounds", 250_000, None, "money", "GBP"),
        ),
        ("She is 3 and a half years old.", ("3 and a half years", 3.5, None, "duration", "year")),
        (
            "Temperatures of between minus 2 and minus 5 are forecast.",
            ("minus 2 and minus 5", -5, -2, "count", None),
        ),
        (
            "It fell from minus 3 to minus 8 degrees.",
            ("minus 3 to minus 8 degrees", -8, -3, "temperature", "degree"),
        ),
        ("Children between the ages of 5 and 11.", ("5 and 11", 5, 11, "count", None)),
        ("Those aged between 18 and 24 voted.", ("18 and 24", 18, 24, "count", None)),
    ],
)
def test_shapes_in_text(text: str, expected: tuple) -> None:
    assert read(text) == [expected]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Between five and six people came.", [(5, 6)]),
        ("He counted one, two, three.", [(1, None), (2, None), (3, None)]),
        ("It is for three and four-year-olds.", [(3, None), (4, None)]),
        ("They paid a hundred and two pounds.", [(102, None)]),
        ("Three million, two hundred & forty.", [(3_000_240, None)]),
    ],
)
def test_and_and_commas_join_number_words_after_a_scale_only(text: str, values: list) -> None:
    """ "five and six" are two numbers (a range after "between"), never eleven."""
    assert [(a.value, a.value_high) for a in scan(text)] == values


def test_a_third_of_a_mile_is_no_scale() -> None:
    """Only a scale word ("million", "dozen") follows "a quarter of a": a third of a mile is a
    fraction and a mile, as before."""
    first = scan("It is a third of a mile away.")[0]
    assert first.value == pytest.approx(1 / 3)


# -- years or counts, in plain text ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "It has more than 1000 customers.",
        "In 2004 prices rose.",
        "The 2005 budget was cut.",
        "Between 1998 and 2004 it grew.",
    ],
)
def test_scan_alone_leaves_every_year_like_number_out(text: str) -> None:
    assert scan(text) == []


def test_a_year_like_number_is_kept_flagged_when_asked() -> None:
    [kept] = scan("It has more than 1000 customers.", years=True)
    assert (kept.value, kept.year_like, kept.qualifier) == (1000, True, "more_than")


@pytest.mark.parametrize(
    "text",
    ["In 2004 prices rose.", "Since 1990 levels have doubled.", "In early 2000 people left."],
)
def test_after_a_year_word_it_is_a_year_even_when_asked(text: str) -> None:
    assert scan(text, years=True) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It cost $1500.", ("$1500", 1500, None, "money", "USD")),
        ("It was 1500 km away.", ("1500 km", 1500, None, "distance", "kilometre")),
        (
            "Between 1500 and 2000 metres.",
            ("1500 and 2000 metres", 1500, 2000, "distance", "metre"),
        ),
    ],
)
def test_money_and_measures_are_never_years(text: str, expected: tuple) -> None:
    """A currency or a unit makes a four-digit number an amount ("$1500" was once a year)."""
    assert read(text, years=True) == [expected]
    assert not scan(text, years=True)[0].year_like


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0129 ,.-$aginmnostuy\n")), max_size=80))
def test_offsets_hold_with_years_kept(text: str) -> None:
    for amount in scan(text, years=True):
        assert 0 <= amount.start <= amount.number_start < amount.number_end <= amount.end
        assert amount.end <= len(text)


# -- with the real model ---------------------------------------------------------------------


def figures(model: Language, text: str) -> list[tuple]:
    return [
        (f.text, f.value, f.value_high, f.kind, f.unit, f.object) for f in find_figures(model(text))
    ]


class TestWithTheRealModel:
    """Years or counts and ages read with the configured model's parse and entities."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("It has more than 1000 customers.", ("more than 1000 customers", 1000, "customers")),
            ("Some 1500 jobs will go.", ("Some 1500 jobs", 1500, "jobs")),
            ("The firm cut 1200 jobs in 2004.", ("1200 jobs", 1200, "jobs")),
            ("About 2000 people marched.", ("About 2000 people", 2000, "people")),
        ],
    )
    def test_four_digit_counts_are_kept(self, model: Language, text: str, expected: tuple) -> None:
        [found] = figures(model, text)
        assert (found[0], found[1], found[5]) == expected

    def test_a_wide_range_counts(self, model: Language) -> None:
        assert figures(model, "Between 1000 and 2000 people marched.") == [
            ("1000 and 2000 people", 1000, 2000, "count", None, "people")
        ]

    @pytest.mark.parametrize(
        "text",
        [
            "In 2004 prices rose.",
            "The 2005 budget was cut.",
            "Emissions fell to 1990 levels.",
            "Its 2004 profits rose.",
            "England could face 2001 winners New Zealand.",
            "The late Douglas Adams' original 1977 scripts were found.",
            "The recall covers the 2004 and 2005 model years.",
            "The 2012 Olympics will be in London.",
        ],
    )
    def test_years_stay_out(self, model: Language, text: str) -> None:
        assert figures(model, text) == []

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("A 50-year-old man was arrested.", ("50-year-old", 50, None, "year")),
            ("The 45-year-old denies it.", ("45-year-old", 45, None, "year")),
            ("The drug is for 16-year-olds.", ("16-year-olds", 16, None, "year")),
            ("Turnout among 18-24 year olds fell.", ("18-24 year olds", 18, 24, "year")),
            ("She is 3 and a half years old.", ("3 and a half years old", 3.5, None, "year")),
            ("He is 20 years of age.", ("20 years of age", 20, None, "year")),
            ("A 3-month-old baby died.", ("3-month-old", 3, None, "month")),
            ("He left school aged 16.", ("16", 16, None, "year")),
            ("She started at the age of 7.", ("7", 7, None, "year")),
            ("Children ages 5 to 11 can get it.", ("5 to 11", 5, 11, "year")),
            (
                "The vaccine is offered to children between the ages of 5 and 11.",
                ("5 and 11", 5, 11, "year"),
            ),
            ("Jamie Armstrong, 25, said she ended up there.", ("25", 25, None, "year")),
            ("The man, in his 60s, was hurt.", ("60s", 60, 69, "year")),
            ("She is in her early 30s.", ("early 30s", 30, 33, "year")),
        ],
    )
    def test_ages(self, model: Language, text: str, expected: tuple) -> None:
        [found] = figures(model, text)
        surface, low, high, kind, unit, obj = found
        assert (surface, low, high, unit) == expected
        assert (kind, obj) == ("duration", "age")

    @pytest.mark.parametrize(
        "text",
        [
            "It took 20 years to build.",  # a span of time
            "In an age of 24-hour news, it spread.",  # an hour is no unit of age
            "Arsenal, 2, were ahead.",  # no person's name
            "Demand in the 1990s rose.",  # a decade of history, not of a life
        ],
    )
    def test_not_ages(self, model: Language, text: str) -> None:
        assert all(f.object != "age" for f in find_figures(model(text)))

    def test_a_mother_of_two_is_no_figure(self, model: Language) -> None:
        """A compound naming a person ("mother-of-two") is left out, like other number compounds;
        the age beside it is one."""
        assert figures(model, "The 35-year-old mother-of-two ran the race.") == [
            ("35-year-old", 35, None, "duration", "year", "age")
        ]
