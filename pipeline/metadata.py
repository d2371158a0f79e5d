"""Metadata values as publishers' feeds and pages write them, turned into typed values."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y", "%Y/%m/%d", "%d/%m/%Y")
WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b", re.IGNORECASE)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
AUTHOR_SEPARATORS = re.compile(r"\s*(?:,|;|\band\b|&|\|)\s*")


def parse_date(value: object) -> date | None:
    """A calendar date from an ISO timestamp, a Unix time or a common written form."""
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
    text = WEEKDAY.sub("", text)
    text = ORDINAL.sub("", text).replace(",", " ").replace(".", " ")
    text = re.sub(r"\bsept\b", "Sep", " ".join(text.split()), flags=re.IGNORECASE)
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
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
