"""Date expressions to the calendar: pure functions over a string and a base date.

Relative expressions ("Thursday", "last weekend", "next week", "tomorrow", "two weeks ago",
"this financial year") are resolved here by rule against the article's publication date, with
the verb's tense choosing between last and next for a bare weekday. Explicit dates ("6
September 2024", "February 2025", "April 10", "2027") go to dateparser, whose `period` gives the
granularity. Numeric dates ("06/01/2024") are read by the article's convention (see
`metadata.numeric_date`). What none can place ("the coming weeks", "spring", a day either way
round, a day beyond the calendar's years 1 to 9999) is kept unresolved.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateparser.date import DateDataParser

from pipeline.dates.rules import PERIOD_COUNTS, PERIODS, RELATIVE_DAYS
from pipeline.lexicon.calendar import WEEKDAYS
from pipeline.metadata import NUMERIC_DATE, numeric_date

_PARSER = DateDataParser(
    languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": True}
)
_YEAR = re.compile(r"\b(1[0-9]{3}|2[01][0-9]{2})\b")
_DECADE = re.compile(r"\b(1[0-9]{3}|2[01][0-9]{2})s\b")
_LEADING = re.compile(r"^(?:the|on|from|since|by|until|till|in|of|at|during|this coming)\s+", re.I)
_AGO = re.compile(rf"^(?:(?P<n>\d+|{'|'.join(PERIOD_COUNTS)}|a couple of|a few|a|an)\s+)?"
                  r"(?P<unit>day|week|month|year)s?\s+ago$", re.I)  # fmt: skip
_SHIFTED = re.compile(
    r"^(?P<shift>this|last|next|coming|past|previous|following|current)\s+"
    r"(?P<unit>week|weekend|month|year|financial year|decade)$",
    re.I,
)
_WEEKDAY = re.compile(
    rf"^(?:(?P<shift>this|last|next|coming|past)\s+)?(?P<day>{'|'.join(WEEKDAYS)})"
    r"(?:\s+(?:morning|afternoon|evening|night))?$",
    re.I,
)


_SHIFT_WORDS = {"past": "last", "previous": "last", "following": "next", "coming": "next",
                "current": "this"}  # fmt: skip


@dataclass(frozen=True)
class Resolved:
    value: date | None
    value_end: date | None
    granularity: str  # day, week, month, year, time, unresolved


UNRESOLVED = Resolved(None, None, "unresolved")


def resolve(
    text: str, base: date | None, tense: str = "unknown", order: str | None = None
) -> Resolved:
    """Place `text` on the calendar. `tense` is 'past', 'future' or 'unknown'; `order` the
    article's numeric date convention (`metadata.DAY_FIRST`, `MONTH_FIRST` or None)."""
    try:
        return _resolve(text, base, tense, order)
    except (OverflowError, ValueError):  # "5000 years ago", "tomorrow" after 31 December 9999
        return UNRESOLVED  # beyond what a date holds: this expression unplaced, not the article


def _resolve(text: str, base: date | None, tense: str, order: str | None) -> Resolved:
    phrase = " ".join(text.split()).strip(" ,.;:").casefold()
    while _LEADING.match(phrase):
        phrase = _LEADING.sub("", phrase, count=1)
    numeric = NUMERIC_DATE.search(phrase)
    if numeric:
        day = numeric_date(numeric, order)
        return Resolved(day, day, "day") if day else UNRESOLVED
    if phrase in RELATIVE_DAYS:
        if base is None:
            return UNRESOLVED
        day = base + timedelta(days=RELATIVE_DAYS[phrase])
        return Resolved(day, day, "day")
    relative = _relative(phrase, base, tense)
    if relative is not None:
        return relative
    return _explicit(phrase, base)


def _relative(phrase: str, base: date | None, tense: str) -> Resolved | None:
    for pattern, read in ((_WEEKDAY, _weekday), (_SHIFTED, _shifted), (_AGO, _ago)):
        match = pattern.match(phrase)
        if match:
            return read(match, base, tense) if base is not None else UNRESOLVED
    return None


def _weekday(match: re.Match[str], base: date, tense: str) -> Resolved:
    target = WEEKDAYS.index(match["day"].casefold())
    shift = (match["shift"] or "").casefold()
    ahead = (target - base.weekday()) % 7
    behind = (base.weekday() - target) % 7
    if shift in {"next", "coming"} or (shift != "last" and tense == "future"):
        delta = ahead or (7 if shift == "next" else 0)
    elif shift in {"last", "past"} or tense == "past":
        delta = -(behind or (7 if shift == "last" else 0))
    else:
        delta = ahead if ahead <= behind else -behind
    day = base + timedelta(days=delta)
    return Resolved(day, day, "day")


def _shifted(match: re.Match[str], base: date, _tense: str) -> Resolved:
    written = match["shift"].casefold()
    shift = _SHIFT_WORDS.get(written, written)
    step = {"last": -1, "this": 0, "next": 1}[shift]
    unit = match["unit"].casefold()
    if unit == "week":
        monday = base - timedelta(days=base.weekday()) + timedelta(weeks=step)
        return Resolved(monday, monday + timedelta(days=6), "week")
    if unit == "weekend":
        saturday = base + timedelta(days=(5 - base.weekday()) % 7)
        if shift == "last":
            saturday -= timedelta(weeks=1)
        elif shift == "next" and (saturday - base).days < 2:
            saturday += timedelta(weeks=1)
        return Resolved(saturday, saturday + timedelta(days=1), "week")
    if unit == "month":
        year, month = divmod(base.year * 12 + base.month - 1 + step, 12)
        return _month(year, month + 1)
    if unit == "financial year":  # the UK's: 1 April to 31 March
        start_year = (base.year if base.month >= 4 else base.year - 1) + step
        return Resolved(date(start_year, 4, 1), date(start_year + 1, 3, 31), "year")
    if unit == "decade":
        start = base.year // 10 * 10 + 10 * step
        return Resolved(date(start, 1, 1), date(start + 9, 12, 31), "year")
    year = base.year + step
    return Resolved(date(year, 1, 1), date(year, 12, 31), "year")


def _ago(match: re.Match[str], base: date, _tense: str) -> Resolved:
    written = (match["n"] or "a").casefold()
    count = int(written) if written.isdigit() else PERIOD_COUNTS.get(written, 1)
    unit = match["unit"].casefold()
    days = count * PERIODS[unit]
    day = base - timedelta(days=days)
    if unit == "week":
        monday = day - timedelta(days=day.weekday())
        return Resolved(monday, monday + timedelta(days=6), "week")
    if unit == "month":
        return _month(day.year, day.month)
    if unit == "year":
        return Resolved(date(day.year, 1, 1), date(day.year, 12, 31), "year")
    return Resolved(day, day, "day")


def _month(year: int, month: int) -> Resolved:
    last = calendar.monthrange(year, month)[1]
    return Resolved(date(year, month, 1), date(year, month, last), "month")


def _explicit(phrase: str, base: date | None) -> Resolved:
    decade = _DECADE.search(phrase)
    if decade:
        start = int(decade[1])
        return Resolved(date(start, 1, 1), date(start + 9, 12, 31), "year")
    has_year = _YEAR.search(phrase) is not None
    if base is None and not has_year:
        return UNRESOLVED  # "April 10" with no publication date: which year?
    if re.fullmatch(r"\d{4}", phrase):
        year = int(phrase)
        return Resolved(date(year, 1, 1), date(year, 12, 31), "year")
    anchor = datetime.combine(base or date(2000, 1, 1), datetime.min.time())
    parsed = _PARSER.get_date_data(phrase, date_formats=None)
    if parsed.date_obj is None:
        return UNRESOLVED
    found = parsed.date_obj.date()
    if not has_year:  # dateparser fills the year from today; the article's year is the base's
        found = _with_year(found, anchor.year)
    period = parsed.period or "day"
    if period == "month":
        return _month(found.year, found.month)
    if period == "year":
        return Resolved(date(found.year, 1, 1), date(found.year, 12, 31), "year")
    if period == "week":
        monday = found - timedelta(days=found.weekday())
        return Resolved(monday, monday + timedelta(days=6), "week")
    if period == "time":
        return Resolved(found, found, "time")
    return Resolved(found, found, "day")


def _with_year(day: date, year: int) -> date:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return day.replace(year=year, day=28)
