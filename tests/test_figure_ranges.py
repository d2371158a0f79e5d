"""Ranges and approximate counts: one figure with a low and a high end, whatever the wording,
and "millions of", "dozens of" as ranges qualified "approx"; scores of games are no figures.

Plain text goes through `scan`; the tests "with the real model" at the end parse sentences, so
what is counted comes from the parse as for other counts."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from pipeline.figures import find_figures
from pipeline.figures.numbers import APPROXIMATE, approximate_range
from pipeline.figures.rules import APPROXIMATE_COUNTS
from pipeline.figures.scan import scan


def read(text: str) -> list[tuple]:
    """(surface, low, high, kind, unit, qualifier) of each amount of `text`."""
    return [
        (text[a.start : a.end], a.value, a.value_high, a.kind, a.unit, a.qualifier)
        for a in scan(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Between 10 and 20 people came.", ("10 and 20", 10, 20, "count", None)),
        ("It took 10-20 minutes.", ("10-20 minutes", 10, 20, "duration", "minute")),
        ("It took 10–20 minutes.", ("10–20 minutes", 10, 20, "duration", "minute")),
        ("Aged 18 to 24, they", ("18 to 24", 18, 24, "count", None)),
        ("Horsepower jumped from 240 to 273, and", ("240 to 273", 240, 273, "count", None)),
        ("past three or four years", ("three or four years", 3, 4, "duration", "year")),
        ("in 2 or 3 weeks", ("2 or 3 weeks", 2, 3, "duration", "week")),
        ("fined $3 billion to $5 billion", ("$3 billion to $5 billion", 3e9, 5e9, "money", "USD")),
        ("from $370,000 to $5.5m", ("$370,000 to $5.5m", 370e3, 5.5e6, "money", "USD")),
        ("between $48,000 and $90,000", ("$48,000 and $90,000", 48_000, 90_000, "money", "USD")),
        ("from £5m to £7.5m", ("£5m to £7.5m", 5e6, 7.5e6, "money", "GBP")),
        ("from 50p to 80p", ("50p to 80p", 0.5, 0.8, "money", "GBP")),
        ("shares rose about 5% to 7%", ("about 5% to 7%", 5, 7, "percent", "percent")),
        ("it is expected to grow 2% to 3%", ("2% to 3%", 2, 3, "percent", "percent")),
        ("to raise $1m to $2m", ("$1m to $2m", 1e6, 2e6, "money", "USD")),
        ("from 1200 to 1800 tonnes", ("1200 to 1800 tonnes", 1200, 1800, "weight", "tonne")),
        ("It costs 5-10p.", ("5-10p", 0.05, 0.1, "money", "GBP")),
        ("There are 1 to 2 thousand people.", ("1 to 2 thousand", 1000, 2000, "count", None)),
        ("It will cost $3-5bn.", ("$3-5bn", 3e9, 5e9, "money", "USD")),
        ("between 1.5 and 2 million", ("1.5 and 2 million", 1.5e6, 2e6, "count", None)),
        ("from 500 to 2 million", ("500 to 2 million", 500, 2e6, "count", None)),
        ("It holds 3 to 4 L.", ("3 to 4 L", 3, 4, "other", "litre")),
        ("a 5-10W laser", ("5-10W", 5, 10, "other", "watt")),
        ("at 15 to 22 mph", ("15 to 22 mph", 15, 22, "speed", "mile per hour")),
        ("a five per cent to 20 pc rise", ("five per cent to 20 pc", 5, 20, "percent", "percent")),
        ("between 5% and 6%", ("5% and 6%", 5, 6, "percent", "percent")),
        ("prices rose 5 to 10 per cent", ("5 to 10 per cent", 5, 10, "percent", "percent")),
        ("its 0-to-60-mph time", ("0-to-60-mph", 0, 60, "speed", "mile per hour")),
        ("from -18 °C to -34 °C", ("-18 °C to -34 °C", -34, -18, "temperature", "degree Celsius")),
        ("lows of -5 to -10 °C", ("-5 to -10 °C", -10, -5, "temperature", "degree Celsius")),
    ],
)  # fmt: skip
def test_a_range_is_one_amount_low_first(text: str, expected: tuple) -> None:
    [(surface, low, high, kind, unit, _)] = read(text)
    assert (surface, low, high, kind, unit) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It fell from $75 per barrel to $45.88 on Monday.", (45.88, 75, "USD")),
        ("It went from 20 miles in 2008 to 29 miles in 2020.", (20, 29, "mile")),
        ("It climbed from 21 km combined to 23 for FWD models.", (21, 23, "kilometre")),
        ("from about 14-18 km to 24 for SUVs", (14, 18, "kilometre")),
    ],
)
def test_from_x_to_y_is_a_range_in_either_order_and_across_a_few_words(
    text: str, expected: tuple
) -> None:
    low, high, unit = expected
    assert (read(text)[0][1], read(text)[0][2], read(text)[0][4]) == (low, high, unit)


def test_from_a_range_to_a_number_keeps_the_number_apart() -> None:
    [(_, *first), (surface, low, high, *_)] = read("from about 14-18 km to 24 for SUVs")
    assert first == [14, 18, "distance", "kilometre", "approx"]
    assert (surface, low, high) == ("24", 24, None)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("the dax fell 0.4 per cent to 13176.", [(0.4, None), (13176, None)]),
        ("it increased by $43.6 billion to $419.2 billion", [(43.6e9, None), (419.2e9, None)]),
        ("shares fell 20p to 180p", [(0.2, None), (1.8, None)]),
        ("shares edged 2p to 180p", [(0.02, None), (1.8, None)]),
        ("a 1 to 1 ratio", [(1, None), (1, None)]),
        ("they counted 1, 2 or 3 votes", [(1, None), (2, None), (3, None)]),
        ("it could cost £30m, £40m or £50m", [(30e6, None), (40e6, None), (50e6, None)]),
        ("oil rose, adding $1.89 to $48.62", [(1.89, None), (48.62, None)]),  # any verb form
        ("five, six or seven", [(5, None), (6, None), (7, None)]),
        ("1 million, 2 million or 3 million", [(1e6, None), (2e6, None), (3e6, None)]),
        ("it was slipping 20p to 180p", [(0.2, None), (1.8, None)]),
    ],
)
def test_a_change_then_a_level_is_two_amounts(text: str, values: list) -> None:
    assert [(low, high) for _, low, high, *_ in read(text)] == values


@pytest.mark.parametrize(
    "text",
    [
        "They won 3-1 at home.",
        "Thompson's layup tied the game at 89-89.",
        "It ended 2-2.",
        "At 2-0 down, they rallied.",
        "They lost 1-3 in the final.",
        "It was a 1-2 defeat.",
        "The court ruled 5-4.",
        "They drew the match 1 to 1.",
    ],
)
def test_scores_of_games_are_not_figures(text: str) -> None:
    assert read(text) == []


def test_a_range_of_dates_is_not_an_amount() -> None:
    assert read("The festival runs 5-10 March.") == []


def test_a_pair_with_a_unit_is_no_score() -> None:
    assert read("It lasted 2-3 days.")[0][1:3] == (2, 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("millions of Americans", ("millions", 1e6, 1e7, "count", None)),
        ("hundreds of miles away", ("hundreds of miles", 100, 1000, "distance", "mile")),
        ("tens of thousands of students", ("tens of thousands", 1e4, 1e5, "count", None)),
        ("tens of millions of dollars", ("tens of millions of dollars", 1e7, 1e8, "money", "USD")),
        ("hundreds of thousands fled", ("hundreds of thousands", 1e5, 1e6, "count", None)),
        ("thousands of tests", ("thousands", 1000, 10_000, "count", None)),
        ("billions of pounds", ("billions of pounds", 1e9, 1e10, "money", "GBP")),
        ("dozens of people", ("dozens", 12, 120, "count", None)),
        ("Scores of people", ("Scores", 20, 200, "count", None)),
        ("a handful of people", ("a handful", 2, 5, "count", None)),
        ("thousands more people", ("thousands", 1000, 10_000, "count", None)),
    ],
)  # fmt: skip
def test_approximate_counts_are_ranges_qualified_approx(text: str, expected: tuple) -> None:
    [(surface, low, high, kind, unit, qualifier)] = read(text)
    assert (surface, low, high, kind, unit) == expected
    assert qualifier == "approx"


def test_every_approximate_count_reads_as_its_range() -> None:
    for word, (low, high) in APPROXIMATE_COUNTS.items():
        match = APPROXIMATE.search(f"There were {word} of them.")
        assert match is not None, word
        assert approximate_range(match) == (low, high)


@pytest.mark.parametrize(
    "text", ["Their test scores of 90 rose.", "He read the thousands.", "several hundred years"]
)
def test_words_that_are_no_approximate_counts(text: str) -> None:
    assert all(qualifier != "approx" for *_, qualifier in read(text))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["$", "£", "3", "4.5", "bn", " ", "-", "–", "to", "and", "or", "from", "between",
             "about", "thousand", "thousands", "of", "tens", "dozens", "a handful", "km", "%",
             "per cent", "won", "March", ",", "0", "-to-", "mph", "miles"]
        ),
        max_size=14,
    ).map("".join)
)  # fmt: skip
def test_ranges_keep_exact_offsets_and_their_order(text: str) -> None:
    for a in scan(text):
        assert 0 <= a.start <= a.number_start < a.number_end <= a.end <= len(text)
        assert a.value_high is None or a.value < a.value_high


class TestWithTheRealModel:
    """What is counted comes from the parse, as for other counts."""

    def test_approximate_counts_have_their_object(self, model: Language) -> None:
        text = (
            "Reuters said engineers had the data of millions of Americans. Tens of thousands "
            "of students marched, and the firm lost tens of millions of dollars."
        )
        found = [
            (f.text, f.value, f.value_high, f.object, f.qualifier)
            for f in find_figures(model(text))
        ]
        assert found == [
            ("millions", 1e6, 1e7, "Americans", "approx"),
            ("Tens of thousands", 1e4, 1e5, "students", "approx"),
            ("tens of millions of dollars", 1e7, 1e8, None, "approx"),
        ]

    def test_ranges_and_scores(self, model: Language) -> None:
        text = (
            "Horsepower jumped from 240 to 273, and the price from $75 per barrel to $45.88. "
            "They won 3-1 at home after three or four years."
        )
        found = [(f.value, f.value_high, f.unit) for f in find_figures(model(text))]
        assert found == [(240, 273, None), (45.88, 75, "USD"), (3, 4, "year")]

    def test_one_or_two_is_a_range_not_a_pronoun(self, model: Language) -> None:
        found = [(f.value, f.value_high) for f in find_figures(model("We saw one or two of them."))]
        assert found == [(1, 2)]

    def test_offsets_hold(self, model: Language) -> None:
        text = "Between 10 and 20 people and dozens of soldiers, from $3 billion to $5 billion."
        for figure in find_figures(model(text)):
            assert text[figure.start : figure.end] == figure.text
