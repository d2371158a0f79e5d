"""Odd values: a date beyond the calendar, a number beyond a float or a numeric date that reads
either way round is one null value, never a lost article and never a guess."""

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import nlp
from pipeline.clean import clean
from pipeline.clean.bylines import parse_date_publisher
from pipeline.dates import COMPONENTS, date_rows, resolve
from pipeline.figures.numbers import NUMBER, value_of
from pipeline.figures.scan import scan
from pipeline.metadata import DAY_FIRST, MONTH_FIRST, numeric_order, parse_date
from pipeline.parsed import ParsedArticle
from pipeline.settings import Settings
from pipeline.store import Warehouse
from tests.reliability.conftest import run_core

THURSDAY = date(2025, 4, 10)
RELATIVE = ["today", "tomorrow", "yesterday", "the day after tomorrow", "Friday", "last Friday",
            "next Friday", "last weekend", "next weekend", "this week", "next week", "last week",
            "next month", "last month", "this year", "next year", "last year", "next decade",
            "last decade", "this financial year", "next financial year", "two weeks ago",
            "5000 years ago", "10 years ago", "April 10"]  # fmt: skip


# -- dates beyond the calendar ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "base"),
    [
        ("tomorrow", date.max),
        ("next week", date.max),
        ("next month", date.max),
        ("next year", date.max),
        ("this financial year", date(9999, 12, 1)),
        ("yesterday", date.min),
        ("last year", date(1, 6, 1)),
        ("5000 years ago", THURSDAY),
        ("9" * 5000 + " days ago", THURSDAY),  # more digits than Python turns into an int
    ],
)
def test_a_date_beyond_the_calendar_is_unresolved(text: str, base: date) -> None:
    assert resolve(text, base, "future") == resolve("the coming weeks", THURSDAY)  # unresolved


def test_dates_inside_the_calendar_still_resolve_at_its_edges() -> None:
    assert str(resolve("yesterday", date.max).value) == "9999-12-30"
    assert str(resolve("tomorrow", date.min).value) == "0001-01-02"


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(RELATIVE), st.dates(), st.sampled_from(["past", "future", "unknown"]))
def test_resolving_against_any_base_never_raises(text: str, base: date, tense: str) -> None:
    found = resolve(text, base, tense)
    assert (found.value is None) == (found.granularity == "unresolved")


# -- numbers beyond a float ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["2 x 10^400", "1e400", "2e-400", "9" * 400, "1/" + "9" * 400, "2 × 10^-400"]
)
def test_a_number_a_float_cannot_hold_has_no_value(text: str) -> None:
    match = NUMBER.fullmatch(text)
    assert match is not None and value_of(match) is None


def test_capital_x_and_e_in_scientific_notation_are_read() -> None:
    assert [a.value for a in scan("It holds 2X10^5 cells and 3E2 more.")] == [2e5, 300]


def test_the_figure_without_a_value_is_skipped_and_the_rest_kept() -> None:
    text = "The model predicts 2 x 10^400 particles, and 18 people were killed."
    assert [(text[a.start : a.end], a.value) for a in scan(text)] == [("18", 18)]


# -- numeric dates that read either way round ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("06/01/2024", None, None),  # 6 January or 1 June
        ("06/01/2024", DAY_FIRST, date(2024, 1, 6)),
        ("06/01/2024", MONTH_FIRST, date(2024, 6, 1)),
        ("13/01/2024", None, date(2024, 1, 13)),  # one reading only
        ("01/13/2024", None, date(2024, 1, 13)),
        ("01/13/2024", DAY_FIRST, date(2024, 1, 13)),
        ("05/05/2024", None, date(2024, 5, 5)),  # both readings the same day
        ("6.1.99", DAY_FIRST, date(1999, 1, 6)),
        ("Monday 13-01-24", None, date(2024, 1, 13)),
        ("31/02/2024", None, None),
        ("99999-01-01", None, None),
        ("0000-01-01", None, None),
        pytest.param(10**400, None, None, id="10**400"),
        (float("nan"), None, None),
    ],
)
def test_published_dates(text: object, order: str | None, expected: date | None) -> None:
    assert parse_date(text, order) == expected


@pytest.mark.parametrize(
    ("text", "order"),
    [
        ("Signed on 13/01/2024, in force from 06/02/2024.", DAY_FIRST),
        ("Signed on 01/13/2024, in force from 06/02/2024.", MONTH_FIRST),
        ("Signed on 06/01/2024, in force from 06/02/2024.", None),
        ("Signed on 13/01/2024, in force from 01/13/2024.", None),  # both: no convention
        ("Version 2.13.2024.1, build 192.168.13.10.", None),  # not dates
    ],
)
def test_the_convention_comes_from_unambiguous_dates(text: str, order: str | None) -> None:
    assert numeric_order(text) == order


def test_an_ambiguous_date_in_a_body_is_unresolved_unless_the_article_says() -> None:
    assert resolve("06/01/2024", THURSDAY).granularity == "unresolved"
    assert resolve("6/1/99", THURSDAY).granularity == "unresolved"  # not 1 June of the base year
    assert str(resolve("13/01/24", None).value) == "2024-01-13"
    assert str(resolve("on 06/01/2024", THURSDAY, order=MONTH_FIRST).value) == "2024-06-01"
    model = nlp.load_model(nlp.DEFAULT_MODEL, COMPONENTS)
    text = "The meeting took place on 13/01/2024 and again on 06/02/2024."
    rows = date_rows(ParsedArticle(model(text), THURSDAY))
    assert [(r.text, str(r.value)) for r in rows] == [
        ("13/01/2024", "2024-01-13"),
        ("06/02/2024", "2024-02-06"),
    ]


def test_an_ambiguous_dateline_is_a_dateline_with_no_date_unless_the_article_says() -> None:
    assert parse_date_publisher("06/01/2024 Ministry of Defence") == (None, "Ministry of Defence")
    body = "The council approved the housing plan after a long debate, officials said tonight."
    page = "Council approves housing plan for the city\n06/01/2024 Ministry of Defence\n" + body
    cleaned = clean(page)
    assert (cleaned.published, cleaned.publisher) == (None, "Ministry of Defence")
    assert [r.kind for r in cleaned.removed] == ["dateline"]
    signed = clean(page + " It was first tabled on 25/12/2023.")
    assert signed.published == date(2024, 1, 6)


# -- end to end ------------------------------------------------------------------------------

LEAD = "The minister said the committee reviewed the plan with officials in London. "
ODD = {
    "far future": ("9999-12-31", "The committee will meet tomorrow to review it."),
    "long ago": ("2025-04-10", "The archive holds records from 5000 years ago, experts said."),
    "huge number": ("2025-04-10", "It predicts 2 x 10^400 particles, and 18 people were killed."),
    "either way": ("06/01/2024", "The ministry confirmed the meeting on 06/02/2024."),
    "huge year": ("99999-01-01", "The committee will meet tomorrow to review it."),
}


def test_articles_with_odd_values_are_kept_with_the_value_null(settings: Settings) -> None:
    records = [
        {"title": f"The {name} article", "published": published, "text": LEAD + text}
        for name, (published, text) in ODD.items()
    ]
    (settings.raw_dir / "odd.json").write_text(json.dumps(records))
    run_core(settings)
    warehouse = Warehouse(settings.warehouse_dir)
    assert warehouse.read("rejected").num_rows == 0
    documents = warehouse.read("documents", ["doc_id", "title", "published"]).to_pylist()
    by_title = {d["title"]: d for d in documents}
    doc = {name: by_title[f"The {name} article"] for name in ODD}
    assert {name: str(doc[name]["published"]) for name in ODD} == {
        "far future": "9999-12-31",
        "long ago": "2025-04-10",
        "huge number": "2025-04-10",
        "either way": "None",
        "huge year": "None",
    }
    dates = warehouse.read("dates", ["doc_id", "text", "value", "granularity"]).to_pylist()
    named = {d["doc_id"]: name for name, d in doc.items()}
    assert sorted((named[r["doc_id"]], r["text"], r["value"], r["granularity"]) for r in dates) == [
        ("either way", "06/02/2024", None, "unresolved"),
        ("far future", "tomorrow", None, "unresolved"),
        ("huge year", "tomorrow", None, "unresolved"),
        ("long ago", "5000 years ago", None, "unresolved"),
    ]
    figures = warehouse.read("figures", ["doc_id", "text", "value"]).to_pylist()
    huge = [(r["text"], r["value"]) for r in figures if named[r["doc_id"]] == "huge number"]
    assert huge == [("18 people", 18.0)]
