"""Weekday and month names, full and abbreviated, and the patterns that match them."""

from __future__ import annotations

from pipeline.wordlist import alternation

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
# Month abbreviations in news and feeds: the first three letters, and "Sept".
MONTH_ABBREVIATIONS = (*(m[:3] for m in MONTHS if len(m) > 3), "sept")

# Any weekday: its first three letters and what follows ("Thu", "Thurs", "Thursday").
WEEKDAY_PATTERN = rf"(?:{'|'.join(d[:3] for d in WEEKDAYS)})[a-z]*"
# Any month, full or abbreviated (match ignoring case).
MONTH_PATTERN = rf"(?:{alternation([*MONTHS, *MONTH_ABBREVIATIONS])})"
