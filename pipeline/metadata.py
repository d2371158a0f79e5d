"""Metadata values as publishers' feeds and pages write them, turned into typed values."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

from pipeline.lexicon.calendar import WEEKDAY_PATTERN

DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y", "%Y/%m/%d")
# A date in numbers alone, day and month in either order: "06/01/2024", "6.1.24", "13-01-2024".
NUMERIC_DATE = re.compile(
    r"(?<![\d/.-])(?P<first>\d{1,2})(?P<sep>[/.-])(?P<second>\d{1,2})(?P=sep)"
    r"(?P<year>\d{4}|\d{2})(?![\d/.-]?\d)"
)
DAY_FIRST, MONTH_FIRST = "day_first", "month_first"  # "13/01/2024", "01/13/2024"
# Two-digit years from this one on are the 1900s ("6/1/99"), below it the 2000s, as strptime's.
CENTURY_PIVOT = 69
WEEKDAY = re.compile(rf"^{WEEKDAY_PATTERN}\.?,?\s+", re.IGNORECASE)
ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b", re.IGNORECASE)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# A basic-format ISO timestamp, as GDELT writes `seendate`: "20250306T101500Z", "20250306101500".
COMPACT_TIMESTAMP = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T\d{6}Z?|\d{6})")
AUTHOR_SEPARATORS = re.compile(r"\s*(?:,|;|\band\b|&|\|)\s*")


def parse_date(value: object, order: str | None = None) -> date | None:
    """A calendar date from an ISO timestamp, a Unix time or a common written form. A numeric
    date that reads as two days ("06/01/2024") needs `order` (`DAY_FIRST` or `MONTH_FIRST`):
    without it the date is unknown, not guessed."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float):
        try:
            return datetime.fromtimestamp(value / 1000 if value > 1e11 else value).date()
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    match = ISO_DATE.match(text)
    if match:
        try:
            return date.fromisoformat(match.group(0))
        except ValueError:
            return None
    if compact := COMPACT_TIMESTAMP.fullmatch(text):
        try:
            return date(*map(int, compact.groups()))
        except ValueError:
            return None
    text = WEEKDAY.sub("", text)
    numeric = NUMERIC_DATE.fullmatch(text)
    if numeric:
        return numeric_date(numeric, order)
    text = ORDINAL.sub("", text).replace(",", " ").replace(".", " ")
    text = re.sub(r"\bsept\b", "Sep", " ".join(text.split()), flags=re.IGNORECASE)
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def is_date(value: object) -> bool:
    """Whether `value` names a calendar day in some convention: a date, even one `parse_date`
    leaves unknown for want of the order of its day and month."""
    return any(parse_date(value, order) for order in (DAY_FIRST, MONTH_FIRST))


def numeric_order(text: str) -> str | None:
    """The convention `text`'s numeric dates show: day first when one has a first number over 12
    ("13/01/2024"), month first when one has a second number over 12; None when none does or
    both kinds occur."""
    seen = set()
    for match in NUMERIC_DATE.finditer(text):
        first, second = int(match["first"]), int(match["second"])
        if first > 12 >= second:
            seen.add(DAY_FIRST)
        elif second > 12 >= first:
            seen.add(MONTH_FIRST)
    return seen.pop() if len(seen) == 1 else None


def numeric_date(match: re.Match[str], order: str | None) -> date | None:
    """The day a `NUMERIC_DATE` match names: None when it names none, or when both readings are
    days ("06/01/2024": 6 January or 1 June) and `order` does not say which."""
    first, second = int(match["first"]), int(match["second"])
    year = int(match["year"])
    if len(match["year"]) == 2:
        year += 1900 if year >= CENTURY_PIVOT else 2000
    day_first = _calendar_day(year, second, first)
    month_first = _calendar_day(year, first, second)
    if day_first and month_first and day_first != month_first:
        return {DAY_FIRST: day_first, MONTH_FIRST: month_first}.get(order or "")
    return day_first or month_first


def _calendar_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # 30 February, month 13, year 0
        return None


def split_authors(value: object) -> tuple[str, ...]:
    """Author names from a string ("A and B", "A, B") or a list of strings or {"name": ...}."""
    if value is None:
        return ()
    items: Iterable[object] = value if isinstance(value, list | tuple) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("name")
        if not isinstance(item, str):
            continue
        for name in AUTHOR_SEPARATORS.split(item.strip()):
            name = re.sub(r"^by\s+", "", name.strip(), flags=re.IGNORECASE)
            if name and name not in names:
                names.append(name)
    return _paired_surnames(names)


def _paired_surnames(names: list[str]) -> tuple[str, ...]:
    """ "You; Xiaoying; Lenharo; Mariana" is surname, given name pairs: "Xiaoying You", ..."""
    if len(names) >= 2 and len(names) % 2 == 0 and all(" " not in n for n in names):
        return tuple(f"{names[i + 1]} {names[i]}" for i in range(0, len(names), 2))
    return tuple(names)
