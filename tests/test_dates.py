"""Dates: relative expressions against the publication date, explicit ones always."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import nlp
from pipeline.dates import COMPONENTS, date_rows, resolve
from pipeline.parsed import ParsedArticle

THURSDAY = date(2025, 4, 10)


@pytest.mark.parametrize(
    ("text", "tense", "value", "end", "granularity"),
    [
        ("today", "unknown", "2025-04-10", "2025-04-10", "day"),
        ("Tomorrow", "unknown", "2025-04-11", "2025-04-11", "day"),
        ("yesterday", "unknown", "2025-04-09", "2025-04-09", "day"),
        ("Friday", "past", "2025-04-04", "2025-04-04", "day"),
        ("Friday", "future", "2025-04-11", "2025-04-11", "day"),
        ("on Thursday", "future", "2025-04-10", "2025-04-10", "day"),
        ("last weekend", "unknown", "2025-04-05", "2025-04-06", "week"),
        ("next week", "unknown", "2025-04-14", "2025-04-20", "week"),
        ("last month", "unknown", "2025-03-01", "2025-03-31", "month"),
        ("this year", "unknown", "2025-01-01", "2025-12-31", "year"),
        ("this financial year", "unknown", "2025-04-01", "2026-03-31", "year"),
        ("two weeks ago", "unknown", "2025-03-24", "2025-03-30", "week"),
        ("6 September 2024", "unknown", "2024-09-06", "2024-09-06", "day"),
        ("12 February 2025", "unknown", "2025-02-12", "2025-02-12", "day"),
        ("February 2025", "unknown", "2025-02-01", "2025-02-28", "month"),
        ("April 10", "unknown", "2025-04-10", "2025-04-10", "day"),
        ("from 2027", "unknown", "2027-01-01", "2027-12-31", "year"),
        ("the 1960s", "unknown", "1960-01-01", "1969-12-31", "year"),
    ],
)
def test_resolution(text: str, tense: str, value: str, end: str, granularity: str) -> None:
    found = resolve(text, THURSDAY, tense)
    assert (str(found.value), str(found.value_end), found.granularity) == (
        value,
        end,
        granularity,
    )


@pytest.mark.parametrize("text", ["Thursday", "next week", "tomorrow", "last month", "April 10"])
def test_relative_without_a_base_is_kept_unresolved(text: str) -> None:
    found = resolve(text, None)
    assert (found.value, found.granularity) == (None, "unresolved")


def test_explicit_dates_resolve_without_a_base() -> None:
    assert str(resolve("12 February 2025", None).value) == "2025-02-12"
    assert resolve("the coming weeks", THURSDAY).granularity == "unresolved"


def test_rows_from_a_parsed_article_keep_durations_out() -> None:
    model = nlp.load_model(nlp.DEFAULT_MODEL, COMPONENTS)
    text = "The talks will resume on Friday after a 30-day ceasefire agreed on 6 September 2024."
    rows = date_rows(ParsedArticle(model(text), THURSDAY))
    assert [(r.text, str(r.value)) for r in rows] == [
        ("Friday", "2025-04-11"),
        ("6 September 2024", "2024-09-06"),
    ]
    for row in rows:
        assert text[row.start : row.end] == row.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.sampled_from(["past", "future", "unknown"]))
def test_resolving_any_text_never_raises(text: str, tense: str) -> None:
    found = resolve(text, THURSDAY, tense)
    assert found.granularity in {"day", "week", "month", "year", "time", "unresolved"}
