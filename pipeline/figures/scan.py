"""Amounts in plain text: a number with its currency, unit or percent sign, qualifier and range.

`scan(text)` is a pure function over a string: it finds every number (`numbers.NUMBER`), drops
the ones that are dates, times, phone numbers, decades or parts of names by their look, then
reads what stands around it: a qualifier and a currency before it, a scale, unit, percent or
currency name after it, and a second number that makes it a range. The parse-based steps (what
is counted, events, names the model knows) are in `extract.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.figures.numbers import NUMBER, value_of
from pipeline.figures.rules import (
    ABBREVIATED_UNITS,
    CASE_SENSITIVE_UNITS,
    CONTEXT_UNITS,
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DOZEN,
    MINOR_CURRENCY,
    NAME_BEFORE,
    PERCENT_FORMS,
    QUALIFIERS,
    SCALES,
    STREET_WORDS,
    UNITS,
)
from pipeline.lexicon.calendar import MONTH_PATTERN, WEEKDAYS
from pipeline.wordlist import alternation


@dataclass(frozen=True)
class Amount:
    """One amount in a text. `start:end` is its whole surface, `number_start:number_end` the
    number alone (for finding its token in a parse)."""

    start: int
    end: int
    number_start: int
    number_end: int
    value: float
    value_high: float | None  # the top of a range ("between 10 and 20")
    kind: str
    unit: str | None
    qualifier: str
    ordinal: bool = False


_MONTH = MONTH_PATTERN
_DAY = alternation(WEEKDAYS)

# Spans that are never amounts: times, ISO and numeric dates, phone numbers.
_MASKS = re.compile(
    r"(?<![\d.])\d{1,2}:[0-5]\d(?::[0-5]\d)?(?!\d)(?:\s*(?:[ap]\.?m\.?)(?!\w))?"
    r"|(?<![\d.])\d{1,2}\.[0-5]\d(?!\d)\s*(?:[ap]\.?m\.?|h|hrs|GMT|BST|CET|EST|ET)(?!\w)"
    r"|(?<![\d.])\d{1,2}\s*[ap]\.?m\.?(?!\w)"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|(?<![\w+])(?:\+\d{1,3}[\s-]?\(?0?\d{1,4}\)?|\(?0\d{2,4}\)?)[\s-]\d{3,4}[\s-]\d{3,4}(?!\d)",
    re.IGNORECASE,
)
_DATE_AFTER = re.compile(
    rf"(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{_MONTH})\b\.?(?!\w)", re.IGNORECASE
)  # "6 September", "10th of April"
_DATE_BEFORE = re.compile(
    rf"(?:\b(?:{_MONTH})\.?|\b(?:{_DAY}),?)\s+(?:the\s+)?$", re.IGNORECASE
)  # "April 10", "September 2024", "Monday 3"
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
_QUALIFIER = re.compile(rf"(?<!\w)(?P<q>{alternation(list(QUALIFIERS))})\s*$", re.IGNORECASE)
_SYMBOL = re.compile(
    rf"(?P<cur>{alternation(list(CURRENCY_SYMBOLS))}|(?:{'|'.join(sorted(CURRENCY_CODES))})\s)"
    rf"\s?(?P<sign>[-−])?$"
)
_ARTICLE = re.compile(r"(?<![\w'’])an?(?=\s)", re.IGNORECASE)
_SIGN = re.compile(r"(?<![\w.,)-])[-−]$")
_RANGE_JOIN = re.compile(r"-?\s*(?:-|–|—|to|and)\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_CAPITALISED = re.compile(r"\s+(?:[A-Z][\w'’-]+\s+){1,3}")
_WORD = re.compile(r"\S+")


def _forms() -> dict[str, tuple[str, str | None]]:
    """Everything that can follow a number and say what it is: surface -> (kind, unit)."""
    forms: dict[str, tuple[str, str | None]] = dict(UNITS)
    forms.update({form: ("percent", unit) for form, unit in PERCENT_FORMS.items()})
    forms.update({form: ("money", code) for form, code in CURRENCY_WORDS.items()})
    forms.update({code: ("money", code) for code in CURRENCY_CODES})
    forms.update({form: ("minor", code) for form, (code, _) in MINOR_CURRENCY.items()})
    forms.update({form: ("money", code) for form, code in CURRENCY_SYMBOLS.items()})
    return forms


_FORMS = _forms()
_FOLDED_FORMS = {f.casefold(): f for f in _FORMS if f not in CASE_SENSITIVE_UNITS}
_UNIT_AFTER = re.compile(
    rf"(?P<gap>-|\s?)(?P<unit>{alternation(list(_FORMS))})(?![\w°/^²³])", re.IGNORECASE
)


def _unit_at(text: str, pos: int, glued_only: bool = False) -> tuple[int, str, str] | None:
    """(end, kind, unit) of a unit, percent or currency word starting at `pos`, if one does."""
    match = _UNIT_AFTER.match(text, pos)
    if match is None:
        return None
    written = match["unit"]
    form = written if written in _FORMS else _FOLDED_FORMS.get(written.casefold())
    if form is None or (form in CASE_SENSITIVE_UNITS and form != written):
        return None
    if glued_only and match["gap"] and form in ABBREVIATED_UNITS:
        return None
    if form in CONTEXT_UNITS and not CONTEXT_UNITS[form].match(text, match.end()):
        return None
    kind, unit = _FORMS[form]
    return match.end(), kind, unit or form


def scan(text: str) -> list[Amount]:
    """Every amount in `text`, in order."""
    masked = [False] * (len(text) + 1)
    for mask in _MASKS.finditer(text):
        masked[mask.start() : mask.end()] = [True] * (mask.end() - mask.start())
    found: list[Amount] = []
    pos = 0
    while True:
        match = NUMBER.search(text, pos)
        if match is None:
            break
        amount = _amount(text, match, masked)
        if amount is None:
            pos = match.end()
            continue
        found.append(amount)
        pos = max(amount.end, match.end())
    taken = [False] * (len(text) + 1)
    for amount in found:
        taken[amount.start : amount.end] = [True] * (amount.end - amount.start)
    found.extend(a for a in _one_unit(text) if not any(taken[a.start : a.end]))
    return sorted(found, key=lambda a: a.start)


def _one_unit(text: str) -> list[Amount]:
    """'a gallon of beer', 'a kibibyte': one of a measure. Durations ('a day') and money ('a
    pound') are left out: in news they are rates and idioms far more often than amounts."""
    found = []
    for article in _ARTICLE.finditer(text):
        unit = _unit_at(text, article.end(), glued_only=True)
        if unit and unit[1] not in {"duration", "money", "minor", "percent"}:
            end, kind, name = unit
            start = article.start()
            found.append(Amount(start, end, start, article.end(), 1.0, None, kind, name, "exact"))
    return found


def _amount(text: str, match: re.Match[str], masked: list[bool]) -> Amount | None:
    start, end = match.start(), match.end()
    if any(masked[start:end]):
        return None
    value = value_of(match)
    if value is None or _is_name(text, start) or _bare_scale(text, match):
        return None
    is_digits = bool(match["digits"] or match["sci"] or match["fraction"])
    after = end
    ordinal = False
    kind, unit = "count", None
    suffix = _ORDINAL_SUFFIX.match(text, end)
    if suffix and match["digits"] and not match["abbr"] and not match["scale"]:
        ordinal, after, kind = True, suffix.end(), "ordinal"
    else:
        found = _unit_at(text, end, glued_only=not is_digits)
        if found:
            after, kind, unit = found
            if kind == "minor":
                written = text[end:after].lstrip("-").strip()  # "five-cent", "50 p"
                code, scale = MINOR_CURRENCY[written.casefold()]
                kind, unit, value = "money", code, value * scale
        elif end < len(text) and text[end].isalpha():
            return None  # "1960s", "4x4": letters glued to the digits are not an amount
    if _is_date(text, start, after, value, match, kind, ordinal):
        return None
    begin = start
    sign = _SIGN.search(text, max(0, begin - 2), begin)  # `$` matches before a last line break
    symbol = _SYMBOL.search(text, max(0, begin - 5), begin)
    if symbol:
        kind, unit = "money", CURRENCY_SYMBOLS.get(symbol["cur"].strip(), symbol["cur"].strip())
        begin = symbol.start()
        if symbol["sign"]:
            value = -value
    elif sign:
        begin, value = sign.start(), -value
    high, after, kind, unit = _range(text, begin, after, kind, unit, value)
    if high is not None and high < value:  # "from -18 °C to -34 °C"
        value, high = high, value
    qualifier = "exact"
    before = _QUALIFIER.search(text, max(0, begin - 30), begin)
    if before:
        qualifier = QUALIFIERS[before["q"].casefold()]
        begin = before.start("q")
    return Amount(begin, after, start, end, value, high, kind, unit, qualifier, ordinal)


def _is_name(text: str, start: int) -> bool:
    """'F-35', 'COVID-19', 'Number 10', 'Room 101': a number that is part of a name; and the
    '14' of '2013-14', whose first part was not an amount."""
    if start >= 2 and text[start - 1] in "-–−/+^" and text[start - 2].isalnum():
        return True
    previous = text[max(0, start - 12) : start].split()
    return bool(previous) and previous[-1] in NAME_BEFORE and text[start - 1] == " "


def _bare_scale(text: str, match: re.Match[str]) -> bool:
    """'several hundred years', "a baker's dozen": a scale word with no number before it."""
    if not match["words"]:
        return False
    first = match["words"].split()[0].casefold().split("-")[0]
    return first in SCALES or first in DOZEN


def _is_date(
    text: str,
    start: int,
    end: int,
    value: float,
    match: re.Match[str],
    kind: str,
    ordinal: bool,
) -> bool:
    """Days of months, years, decades and addresses are not amounts."""
    if not match["digits"] or match["scale"] or match["abbr"]:
        return False
    near_month = _DATE_AFTER.match(text, end) or _DATE_BEFORE.search(
        text, max(0, start - 14), start
    )
    if (kind == "count" or ordinal) and near_month:
        return True
    digits = match["digits"]
    if kind == "count" and not ordinal and re.fullmatch(r"\d{4}", digits):
        year = int(digits)
        if 1000 <= year <= 2199:
            return True  # a year; the dates work reads it
    if kind == "count" and value.is_integer():
        street = _CAPITALISED.match(text, end)
        if street:
            words = text[street.start() : street.end()].split()
            tail = _WORD.search(text, street.end())
            if tail and tail[0].rstrip(".,") in STREET_WORDS:
                return True
            if words and words[-1].rstrip(".,") in STREET_WORDS:
                return True
    return False


def _range(
    text: str, start: int, end: int, kind: str, unit: str | None, low: float
) -> tuple[float | None, int, str, str | None]:
    """A second number joined to the first by '-', 'to' or 'and' ('between 10 and 20'); the
    unit written after the second applies to both ('3 to 4 L'). Returns (high, end, kind,
    unit)."""
    unchanged = None, end, kind, unit
    join = _RANGE_JOIN.match(text, end)
    if join is None:
        return unchanged
    word = join.group(0).strip().strip("-").strip().casefold()
    if word == "and" and not _BETWEEN.search(text, max(0, start - 40), start):
        return unchanged
    at = join.end()
    negative = text[at : at + 1] in ("-", "−") and word != ""  # "from -18 °C to -34 °C"
    second = NUMBER.match(text, at + negative)
    if second is None:
        return unchanged
    high = value_of(second)
    if high is not None and negative:
        high = -high
    if high is None or (high < low and word != "to"):  # "won 3-1" is a score, not a range
        return unchanged
    stop = second.end()
    found = _unit_at(text, stop, glued_only=not second["digits"])
    if found:
        if (unit is not None and found[2] != unit) or found[1] == "minor":
            return unchanged
        stop, kind, unit = found
    elif stop < len(text) and text[stop].isalpha():
        return unchanged
    return high, stop, kind, unit
