"""Byline and dateline parsing: the forms publishers use, names only in `authors`."""

from datetime import date

import pytest

from pipeline.clean.bylines import bare_names, is_person_name, parse_byline, parse_date_publisher


@pytest.mark.parametrize(
    ("line", "names", "publisher"),
    [
        ("By Jane Roe", ("Jane Roe",), None),
        ("By contributor Sam Okafor, Deputy Political Editor", ("Sam Okafor",), None),
        ("Maria Lopez, Political Editor", ("Maria Lopez",), None),
        ("By Jane Roe and John Doe", ("Jane Roe", "John Doe"), None),
        ("By Ana Silva, Tom Lee and Raj Patel", ("Ana Silva", "Tom Lee", "Raj Patel"), None),
        ("Words by Sam Smith", ("Sam Smith",), None),
        ("Jane Roe | The Daily Example", ("Jane Roe",), "The Daily Example"),
        ("By Jane Roe for The Guardian", ("Jane Roe",), "The Guardian"),
        ("By Jane Roe, BBC News", ("Jane Roe",), "BBC News"),
        ("Reporting by Jane Roe; Editing by Bob Smith", ("Jane Roe",), None),
        ("By Ursula von der Leyen", ("Ursula von der Leyen",), None),
        ("By Jane Roe | 10 April 2025", ("Jane Roe",), None),
        ("By Reuters", (), "Reuters"),
    ],
)
def test_byline_forms(line: str, names: tuple[str, ...], publisher: str | None) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.names, byline.publisher) == (names, publisher)


@pytest.mark.parametrize(
    "line",
    [
        "By Christmas the talks will have ended, officials said.",
        "Ministers met in Brussels on Thursday.",
        "The Prime Minister and the President agreed",
        "John Healey and Sebastien Lecorno",  # bare names: only a byline beside a headline
    ],
)
def test_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


def test_bare_names_and_person_names() -> None:
    assert bare_names("Jane Roe and John Doe") == ("Jane Roe", "John Doe")
    assert bare_names("Talks in Brussels") == ()
    assert is_person_name("Sébastien Lecornu")
    assert not is_person_name("The Daily Example")
    assert not is_person_name("Room 101")


@pytest.mark.parametrize(
    ("line", "when", "publisher"),
    [
        ("date 2025-04-10 Ministry of Defence", date(2025, 4, 10), "Ministry of Defence"),
        ("Ministry of Defence 10 April 2025", date(2025, 4, 10), "Ministry of Defence"),
        ("The Example Times | Thursday 10 April 2025", date(2025, 4, 10), "The Example Times"),
        ("April 10, 2025 - Example Wire", date(2025, 4, 10), "Example Wire"),
    ],
)
def test_date_and_publisher_lines(line: str, when: date, publisher: str) -> None:
    assert parse_date_publisher(line) == (when, publisher)


def test_a_dateline_word_is_not_a_publisher() -> None:
    assert parse_date_publisher("Published 10 April 2025") is None


def test_clean_authors() -> None:
    from pipeline.clean.bylines import clean_authors

    raw = (
        "View all posts by Daniel Lemire",
        "Grant Tinsley, PhD",
        "Sophie-Foster",
        "Sophie Foster",
    )
    assert clean_authors(raw, None) == ("Daniel Lemire", "Grant Tinsley", "Sophie-Foster")
    assert clean_authors(("The Daily Example", "Jane Roe"), "The Daily Example") == ("Jane Roe",)
    assert clean_authors(("Associated Press",), "Associated Press") == ("Associated Press",)
    assert clean_authors(("No Author", "https://www.example.com"), None) == ()
