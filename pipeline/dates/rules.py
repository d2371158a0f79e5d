"""Date rules as named data: relative day words, weekdays, periods, what anchors a date."""

from __future__ import annotations

import re

from pipeline.lexicon.calendar import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from pipeline.lexicon.numbers import NUMBER_WORDS
from pipeline.metadata import NUMERIC_DATE
from pipeline.wordlist import alternation

# Words that name a day relative to the publication date.
RELATIVE_DAYS: dict[str, int] = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "later today": 0, "earlier today": 0, "today's": 0, "tomorrow": 1, "tomorrow night": 1,
    "tomorrow morning": 1, "yesterday": -1, "last night": -1, "yesterday morning": -1,
    "the day before yesterday": -2, "the day after tomorrow": 2,
}  # fmt: skip

# Days in a period, for "two weeks ago".
PERIODS = {"day": 1, "week": 7, "month": 30, "year": 365}

# Counts of periods ("two weeks ago", "a few days ago").
PERIOD_COUNTS = {
    **{word: n for word, n in NUMBER_WORDS.items() if 1 <= n <= 10},
    "a couple of": 2,
    "a few": 3,
    "several": 3,
}

# A date expression needs one of these; spaCy's DATE spans without one are durations or ages
# ("30-day", "three years", "27th") and belong to figures.
ANCHOR = re.compile(
    rf"\b(?:{alternation([*MONTHS, *MONTH_ABBREVIATIONS, *WEEKDAYS])}|today|tonight|tomorrow|"
    r"yesterday|weekend|"
    r"(?:this|last|next|coming|past|previous|following|current)\s+(?:\w+\s+)?"
    r"(?:week|weeks|month|months|year|years|decade|quarter|spring|summer|autumn|winter)|"
    rf"ago|1[0-9]{{3}}|2[01][0-9]{{2}}|\d{{4}}-\d{{2}}-\d{{2}}|{NUMERIC_DATE.pattern})\b",
    re.IGNORECASE,
)
