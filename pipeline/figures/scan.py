"""Amounts in plain text: a number with its currency, unit or percent sign, qualifier and range.

`scan(text)` is a pure function over a string: it finds every number (`numbers.NUMBER`), drops
the ones that are dates, years, times, phone numbers, decades or parts of names by their look,
then reads what stands around it: a qualifier and a currency before it, a scale, unit, percent
or currency name after it, and a second number that makes it a range. The parse-based steps
(what is counted, events, names the model knows, which year-like numbers count: `scan(text,
years=True)`) are in `extract.py`.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from pipeline.figures.currencies import CURRENCY_CODES, CURRENCY_WORDS
from pipeline.figures.numbers import (
    APPROXIMATE,
    NUMBER,
    approximate_range,
    scale_of,
    value_of,
)
from pipeline.figures.rules import (
    AGE_BEFORE,
    AMOUNT_PREFIXES,
    CHANGE_BEFORE_LEVEL,
    CHANGE_TO_LEVEL,
    DOZEN,
    MEASURE_ADJECTIVES,
    METRES_AFTER,
    METRES_BEFORE,
    METRES_CUES,
    METRES_TEXT_CUES,
    METRES_TEXT_CUES_NEEDED,
    MILLIONS_AFTER,
    NAME_BEFORE,
    NAME_BEFORE_ANY_CASE,
    NUMBER_HYPHEN_AMOUNT,
    POINT_SCORES,
    QUALIFIERS,
    SCALE_ABBREVIATIONS,
    SCALES,
    SCORE_NOUNS,
    SCORE_VERBS,
    SCORES_NOT_COUNTS,
    STREET_WORDS,
    TIME_ZONES,
    YEAR_BEFORE,
    YEAR_PARTS,
)
from pipeline.figures.units import (
    ABBREVIATED_UNITS,
    CASE_SENSITIVE_UNITS,
    CENT_CURRENCIES,
    CENTS,
    CONTEXT_UNITS,
    CURRENCY_SYMBOLS,
    DENOMINATORS,
    DIMENSION_MARKS,
    MAGNITUDE_ONLY_SYMBOLS,
    MINOR_CURRENCY,
    NOT_AFTER_DENOMINATOR,
    NOT_DENOMINATORS,
    NOT_ONE_OF,
    NOT_RATE_AFTER_A,
    PERCENT_FORMS,
    PREFIX_SYMBOLS,
    QUOTE_UNIT_AFTER,
    QUOTE_UNIT_BEFORE,
    QUOTE_UNITS,
    SCALED_ONLY_SYMBOLS,
    SIDES_OF_ZERO,
    UNIT_DENOMINATORS,
    UNIT_SCALES,
    UNITS,
)
from pipeline.lexicon.calendar import MONTH_PATTERN, WEEKDAYS
from pipeline.lexicon.numbers import NUMBER_WORDS
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
    per: str | None = None  # the rate's denominator, singular ("barrel" of "$58 per barrel")
    # A bare count from 1000 to 2199, which reads as a year too ("2000 people", "in 2000"):
    # only `scan(text, years=True)` gives these, for the parse to tell (`extract.py`).
    year_like: bool = False


_MONTH = MONTH_PATTERN
_DAY = alternation(WEEKDAYS)

_ZONES = alternation(TIME_ZONES)
# Spans that are never amounts: times, ISO and numeric dates, phone numbers.
_MASKS = re.compile(
    r"(?<![\d.])\d{1,2}:[0-5]\d(?::[0-5]\d)?(?!\d)(?:\s*(?:[ap]\.?m\.?)(?!\w))?"
    rf"|(?<![\d.])\d{{1,2}}\.[0-5]\d(?!\d)\s*(?:[ap]\.?m\.?|h|hrs|{_ZONES})(?!\w)"
    r"|(?<![\d.])\d{1,2}\s*[ap]\.?m\.?(?!\w)"
    rf"|(?<![\d.,])[0-2]\d[0-5]\d\s*(?:{_ZONES})\b"  # "0900 GMT"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|(?<![\w+])(?:\+\d{1,3}[\s-]?\(?0?\d{1,4}\)?|\(?0\d{2,4}\)?)[\s-]\d{3,4}[\s-]\d{3,4}(?!\d)",
    re.IGNORECASE,
)
_DATE_AFTER = re.compile(
    rf"(?:st|nd|rd|th)?(?:[-–]\d{{1,2}}(?:st|nd|rd|th)?)?\s*(?:of\s+)?(?:{_MONTH})\b\.?(?!\w)",
    re.IGNORECASE,
)  # "6 September", "10th of April", "19-20 March"
# "2004/05", "2004/2005": a season or a financial year, not a fraction.
_SEASON = re.compile(r"(?:1[89]|20|21)\d\d/(?:\d\d){1,2}")
_DATE_BEFORE = re.compile(
    rf"(?:\b(?:{_MONTH})\.?|\b(?:{_DAY}),?)\s+(?:the\s+)?$", re.IGNORECASE
)  # "April 10", "September 2024", "Monday 3"
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
_QUALIFIER = re.compile(rf"(?<!\w)(?P<q>{alternation(list(QUALIFIERS))})\s*$", re.IGNORECASE)
_SYMBOL = re.compile(
    rf"(?<![^\W\d_])(?P<cur>{alternation(list(CURRENCY_SYMBOLS))}"
    rf"|(?:{'|'.join(sorted(CURRENCY_CODES))})\s)\s?(?P<sign>[-−])?$"
)
# Symbols ending in a letter or a dot hide the digits glued to them from `NUMBER` (which takes
# no number out of a word, "F35"): "RM50", "Rs.500", "PS8.1bn", "$US5".
_GLUED = [symbol for symbol in CURRENCY_SYMBOLS if symbol[-1].isalpha() or symbol[-1] == "."]
_GLUED_SYMBOL = re.compile(rf"(?<![^\W\d_])(?:{alternation(_GLUED)})(?=\d)")
_ARTICLE = re.compile(r"(?<![\w'’])an?(?=\s)", re.IGNORECASE)
_SIGN = re.compile(r"(?<![\w.,)-])[-−]$")
_MINUS = re.compile(r"(?<![\w-])minus[\s-]$", re.IGNORECASE)
_MINUS_AT = re.compile(r"minus[\s-]", re.IGNORECASE)  # "between minus 2 and minus 5"
_QUALIFIED = rf"(?:(?:{alternation(list(QUALIFIERS))})\s+)?"  # a qualifier, if any, then space
_RANGE_JOIN = re.compile(r"-?\s*(?P<word>-|–|—|to|and|or)\s*", re.IGNORECASE)
# "between" or "from" before the first number of a range, maybe with a qualifier ("from about")
# or an age word ("between the ages of 5 and 11", `rules.AGE_BEFORE`).
_OPENER = re.compile(
    rf"\b(?P<word>between|from)\s+(?:(?:the\s+)?(?:{alternation(AGE_BEFORE)})\s+)?"
    rf"{_QUALIFIED}$".replace(r"\ ", r"\s+"),
    re.IGNORECASE,
)
# After "from X", a few words before "to Y": "from 20 mpg in 2008 to 29 mpg", "from $75 U.S.
# per barrel to $45.88".
_GAP_TO = re.compile(
    r"(?:\s+(?!(?:to|from|and|or|but|than|between)\b)(?:[^\W\d][\w.'’-]*|\d{4})){1,4}?"
    r"\s+(?P<word>to)\s+",
    re.IGNORECASE,
)
# An amount then a comma before "X or Y": a list ("1, 2 or 3", "£30m, £40m or £50m", "two,
# three or four", "5 per cent, 6 per cent or 7 per cent"), not a range.
_LIST_BEFORE = re.compile(
    rf"(?:\d[\w%]*|\b(?:{alternation([*NUMBER_WORDS, *SCALES, 'cent', 'percent'])}))\s*,\s*$",
    re.IGNORECASE,
)
_FOUR_DIGITS = re.compile(r"\d{4}")
# A word that takes a year right before a number: "in 2000", "since early 1990".
_YEAR_BEFORE = re.compile(
    rf"(?<![\w'’-])(?:{alternation(YEAR_BEFORE)})(?:\s+(?:{alternation(YEAR_PARTS)}))?[\s-]+$",
    re.IGNORECASE,
)
_CHANGE_BEFORE = re.compile(
    rf"(?<![\w'’-])(?:{alternation(CHANGE_BEFORE_LEVEL)})\s+"
    rf"{_QUALIFIED}$",
    re.IGNORECASE,
)
_SCORE = re.compile(
    r"(?<![\w.,$£€/-])(?P<first>\d{1,3})(?P<join>\s?[-–]\s?|\s+to\s+)(?P<second>\d{1,3})"
    r"(?![\w%°]|[.,]\d)"
)
_OF = re.compile(r"\s+of(?=\s)")
# The words between an address's number (or numbers, "16-18") and its street word: capitalised
# words, initials and ordinals ("10 Downing Street", "9 E 71st St").
_CAPITALISED = re.compile(r"(?:[-–]\d+)?\s+(?:(?:[A-Z][\w'’-]*|\d+(?:st|nd|rd|th))\s+){0,3}")
_WORD = re.compile(r"\S+")
_GLUED_WORD = re.compile(r"[^\W\d_]+$")
_HYPHENED = re.compile(r"[-–](?P<word>[^\W\d_]+)")
_NEXT_WORD = re.compile(r"[\s-]*(?P<word>[^\W\d_]+)")
# A length in feet or yards beside a number: "37m (121ft)".
_LENGTH_BESIDE = re.compile(r"\s*\(\s*[\d.,]+\s*(?:ft|feet|foot|yd|yards?|in|inches)\b")
_LETTERS = re.compile(r"[^\W\d_]+")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_SENTENCE_REACH = 200  # characters searched for the ends of a number's sentence


def _forms() -> dict[str, tuple[str, str | None]]:
    """Everything that can follow a number and say what it is: surface -> (kind, unit)."""
    forms: dict[str, tuple[str, str | None]] = dict(UNITS)
    forms.update({form: ("percent", unit) for form, unit in PERCENT_FORMS.items()})
    forms.update({form: ("money", code) for form, code in CURRENCY_WORDS.items()})
    forms.update({code: ("money", code) for code in CURRENCY_CODES})
    forms.update({form: ("minor", code) for form, (code, _) in MINOR_CURRENCY.items()})
    forms.update(
        {f: ("money", code) for f, code in CURRENCY_SYMBOLS.items() if f not in PREFIX_SYMBOLS}
    )  # "50€", "500 NIS"
    return forms


_FORMS = _forms()
_FOLDED_FORMS = {f.casefold(): f for f in _FORMS if f not in CASE_SENSITIVE_UNITS}
# A unit ends where no letter, mark or slash goes on, but a slash before a known denominator
# ("5mg/dL", "35 µg/m³") leaves the unit its rate.
_UNIT_AFTER = re.compile(
    rf"(?P<gap>-|\s?)(?P<unit>{alternation(list(_FORMS))})"
    rf"(?![\w°^²³])(?!/(?!(?:{alternation(DENOMINATORS)})(?![\w/])))",
    re.IGNORECASE,
)
# Units whose written form holds a scale or a denominator ("55 bcm", "1.2m bpd"), at the end
# of an amount's surface.
_HOLDING_UNIT = re.compile(rf"(?:{alternation([*UNIT_SCALES, *UNIT_DENOMINATORS])})$")
# "5 degrees below zero" is -5; "below zero" alone is no figure.
_SIDE_OF_ZERO = re.compile(
    rf"\s+(?P<side>{alternation(SIDES_OF_ZERO)})\b".replace(r"\ ", r"\s+"), re.IGNORECASE
)
_SIDE_BEFORE_ZERO = re.compile(r"\b(?:below|above)\s+$", re.IGNORECASE)
# "4m x 5m": metres by metres, not millions.
_BY_METRES = re.compile(rf"\s*[{DIMENSION_MARKS}]\s*[\d.,]+\s?m\b")
_METRES_BY = re.compile(rf"[\d.,]+\s?m\s*[{DIMENSION_MARKS}]\s*$")


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
    if form in QUOTE_UNITS and (match["gap"] or not _inch_mark(text, match.start("unit"))):
        return None
    kind, unit = _FORMS[form]
    return match.end(), kind, unit or form


def _inch_mark(text: str, pos: int) -> bool:
    """Whether the quotation mark at `pos` is an inch mark: after feet, or before a word of size
    (`QUOTE_UNIT_BEFORE`, `QUOTE_UNIT_AFTER`)."""
    return bool(
        QUOTE_UNIT_BEFORE.search(text, max(0, pos - 16), pos)
        or QUOTE_UNIT_AFTER.match(text, pos + 1)
    )


_DENOMINATOR_FORMS = {f.casefold(): f for f in DENOMINATORS if f not in CASE_SENSITIVE_UNITS}
_RATE = re.compile(
    r"(?P<aside>\s*\([^()]{1,40}\))?"  # "9 billion shekels ($2.4 billion) a year"
    r"(?:\s+(?P<join>per|an?)[\s-]+|\s?(?P<slash>/)\s?)"
    rf"(?P<den>{alternation(DENOMINATORS)}|[^\W\d_]+)(?![\w/-])(?:\s+(?P<next>[^\W\d_]+))?",
    re.IGNORECASE,
)


def rate_at(text: str, pos: int) -> tuple[int, str] | None:
    """(end, denominator) of a rate starting at `pos` ("per barrel", "an ounce", "/kg"), if
    one does. After "per" any noun is a denominator, after "a", "an" or "/" only a known one.
    A rate after an aside in brackets leaves the end at `pos`: the aside has amounts of its
    own ("9 billion shekels ($2.4 billion) a year")."""
    match = _RATE.match(text, pos)
    if match is None:
        return None
    written = match["den"]
    form = written if written in DENOMINATORS else _DENOMINATOR_FORMS.get(written.casefold())
    join = (match["join"] or match["slash"]).casefold()
    if join in {"a", "an"} and (
        (match["next"] or "").casefold() in NOT_AFTER_DENOMINATOR or form in NOT_RATE_AFTER_A
    ):
        return None
    if join != "per" and (form is None or (join != "/" and form in ABBREVIATED_UNITS)):
        return None
    if form is None and written.casefold() in NOT_DENOMINATORS:
        return None
    end = pos if match["aside"] else match.end("den")
    return end, DENOMINATORS[form] if form else written.casefold()


def scan(text: str, years: bool = False) -> list[Amount]:
    """Every amount in `text`, in order. A bare number from 1000 to 2199 is a year and left
    out, unless `years`: then one that no year word stands before (`rules.YEAR_BEFORE`) is
    kept with `year_like` set, for a parse to tell a count ("1500 jobs") from a year."""
    masked = [False] * (len(text) + 1)
    for mask in _MASKS.finditer(text):
        masked[mask.start() : mask.end()] = [True] * (mask.end() - mask.start())
    for first, last in _scores(text):
        masked[first:last] = [True] * (last - first)
    found: list[Amount] = []
    pos = 0
    searched = _GLUED_SYMBOL.sub(lambda m: " " * len(m[0]), text)
    while True:
        match = NUMBER.search(searched, pos)
        if match is None:
            break
        amount = _amount(text, match, masked, years)
        if amount is None:
            pos = match.end()
            continue
        found.append(amount)
        pos = max(amount.end, match.end())
    ones = _one_unit(text)
    tailed = [a for a in ones if a.kind == "money"]  # "a dollar fifty" takes its "fifty"
    found = [a for a in found if not any(t.start <= a.start < t.end for t in tailed)]
    taken = [False] * (len(text) + 1)
    for amount in found:
        taken[amount.start : amount.end] = [True] * (amount.end - amount.start)
    found.extend(a for a in ones if not any(taken[a.start : a.end]))
    found.extend(a for a in _approximate(text) if not any(taken[a.start : a.end]))
    return sorted(found, key=lambda a: a.start)


def _one_unit(text: str) -> list[Amount]:
    """'a gallon of beer', 'a kibibyte': one of a measure. Durations ('a day'), money ('a
    pound') and `NOT_ONE_OF` are left out: in news they are rates and idioms far more often
    than amounts."""
    found = []
    for article in _ARTICLE.finditer(text):
        unit = _unit_at(text, article.end(), glued_only=True)
        if unit and text[article.end() : unit[0]].strip().casefold() in NOT_ONE_OF:
            continue
        tail = _minor_tail(text, unit[0], unit[2]) if unit and unit[1] == "money" else None
        if unit and (tail or unit[1] not in {"duration", "money", "minor", "percent"}):
            end, kind, name = unit
            value = 1.0
            if tail:  # "a dollar fifty"
                end, value = tail[0], value + tail[1]
            start = article.start()
            found.append(Amount(start, end, start, article.end(), value, None, kind, name, "exact"))
    return found


# After money in a major unit, its minor units: "twenty dollars and fifty cents", "a dollar
# fifty", "two pounds 50". A bare number is minor units only where the amount ends there.
_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_BARE_MINOR = re.compile(r"\s+(?=\S)")
_MINOR_TAIL_END = re.compile(r"\s*(?:[.,;:!?)]|$)|\s+(?:for|each|a|an|per|and|or|but)\b")


def _minor_tail(text: str, pos: int, code: str) -> tuple[int, float] | None:
    """(end, value in the major unit) of the minor units written after money in `code` that
    ends at `pos`, if any."""
    joined = _AND.match(text, pos) or _BARE_MINOR.match(text, pos)
    number = NUMBER.match(text, joined.end()) if joined else None
    value = value_of(number) if number else None
    if number is None or value is None or not (value.is_integer() and 0 < value < 100):
        return None
    minor = _unit_at(text, number.end(), glued_only=not number["digits"])
    if minor and minor[1] == "minor":
        written = text[number.end() : minor[0]].strip().casefold()
        minor_code, scale = MINOR_CURRENCY[written]
        same = minor_code == code or (written in CENTS and code in CENT_CURRENCIES)
        return (minor[0], value * scale) if same else None
    bare = joined is not None and joined[0].strip() == "" and not number["scale"]
    if minor or not bare or not _MINOR_TAIL_END.match(text, number.end()):
        return None
    return number.end(), value / 100


def _amount(
    text: str, match: re.Match[str], masked: list[bool], years: bool = False
) -> Amount | None:
    start, end = match.start(), match.end()
    if any(masked[start:end]):
        return None
    value = value_of(match)
    if value is None or _is_name(text, start) or _bare_scale(match):
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
        if found and _unit_in_compound(text, found[0]):
            found = None
        if found and found[2] == "point" and _point_items(text, end, found[0]):
            return None
        if found:
            after, kind, unit = found
            if kind == "minor":
                written = text[end:after].lstrip("-").strip()  # "five-cent", "50 p"
                code, scale = MINOR_CURRENCY[written.casefold()]
                if written.casefold() in CENTS:
                    code = _cents_currency(text, start, code)
                kind, unit, value = "money", code, value * scale
            if kind == "money" and (tail := _minor_tail(text, after, unit)):
                after, value = tail[0], value + tail[1]  # "twenty dollars and fifty cents"
            if kind == "temperature" and (side := _SIDE_OF_ZERO.match(text, after)):
                after, value = side.end(), value * SIDES_OF_ZERO[side["side"].casefold()]
        elif end < len(text) and text[end].isalpha():
            return None  # "1960s", "4x4": letters glued to the digits are not an amount
    if _is_date(text, start, after, value, match, kind, ordinal):
        return None
    begin = start
    sign = _SIGN.search(text, max(0, begin - 2), begin)  # `$` matches before a last line break
    symbol = _SYMBOL.search(text, max(0, begin - 5), begin)
    if symbol and symbol["cur"] in MAGNITUDE_ONLY_SYMBOLS and not (match["scale"] or match["abbr"]):
        if not text[begin - 1].isspace():
            return None  # "R2": a name
        symbol = None  # "the R 0.9": a reproduction number
    if symbol:
        if symbol["cur"] in SCALED_ONLY_SYMBOLS and not _scaled(match):
            return None
        kind, unit = "money", CURRENCY_SYMBOLS.get(symbol["cur"].strip(), symbol["cur"].strip())
        begin = symbol.start()
        if symbol["sign"]:
            value = -value
    elif sign:
        begin, value = sign.start(), -value
    elif minus := _MINUS.search(text, max(0, begin - 6), begin):  # "minus-130 degrees"
        begin, value = minus.start(), -value
    if kind == "count" and match["words"] and _compound_modifier(text, end):
        return None
    if kind == "count" and value == 0 and _SIDE_BEFORE_ZERO.search(text, max(0, start - 8), start):
        return None  # "temperatures fell below zero"
    year_like = value > 0 and _year_like(match, kind, ordinal)  # "$1500", "-1500" are no years
    ranged = _range(text, match, begin, after, kind, unit, value)
    if ranged is None:
        return None
    value, high, after, kind, unit = ranged
    year_like = year_like and kind == "count"  # "from 1200 to 1800 tonnes" is a measure
    if year_like and (not years or _YEAR_BEFORE.search(text, max(0, start - 40), start)):
        return None  # a year; the dates work reads it
    metres = match["abbr"] == "m" and (high is None or text[after - 1] == "m")  # "400m to 200m"
    if kind == "count" and metres and _metres(text, start, after):
        kind, unit, value = "distance", "metre", value / SCALE_ABBREVIATIONS["m"]
        high = None if high is None else high / SCALE_ABBREVIATIONS["m"]
    per = None
    if unit is not None and (holding := _HOLDING_UNIT.search(text, end, after)):
        per = UNIT_DENOMINATORS.get(holding[0])  # "1.2m bpd"
        value *= UNIT_SCALES.get(holding[0], 1.0)  # "55 bcm"
        high = None if high is None else high * UNIT_SCALES.get(holding[0], 1.0)
    rate = rate_at(text, after) if kind not in {"percent", "ordinal"} else None
    if rate:  # a percent is a ratio already: "5% a year" is no rate
        after, per = rate
    qualifier = "exact"
    before = _QUALIFIER.search(text, max(0, begin - 30), begin)
    if before:
        qualifier = QUALIFIERS[before["q"].casefold()]
        begin = before.start("q")
    return Amount(
        begin, after, start, end, value, high, kind, unit, qualifier, ordinal, per, year_like
    )


_CENTS = [symbol for symbol, code in CURRENCY_SYMBOLS.items() if code in CENT_CURRENCIES]
_CENT_SYMBOL = re.compile(
    rf"(?<![^\W\d_])({alternation(_CENTS)}|{'|'.join(CENT_CURRENCIES)}\s?)\s?\d"
)


def _cents_currency(text: str, start: int, default: str) -> str:
    """The currency of an amount in cents at `start`: that of the last amount written with the
    symbol or code of a currency of cents before it in its paragraph, else `default`."""
    paragraph = max(text.rfind("\n", 0, start) + 1, start - 1_000)
    symbols = [m[1].strip() for m in _CENT_SYMBOL.finditer(text, paragraph, start)]
    return CURRENCY_SYMBOLS.get(symbols[-1], symbols[-1]) if symbols else default


def _scaled(match: re.Match[str]) -> bool:
    """'8.1bn', '2.7 million', '3.5': a number with a scale or decimals."""
    return bool(match["scale"] or match["abbr"] or "." in (match["digits"] or ""))


def _is_name(text: str, start: int) -> bool:
    """'F-35', 'COVID-19', 'Number 10', 'Room 101', 'a category 4 hurricane': a number that is
    part of a name; and the '14' of '2013-14', whose first part was not an amount. A word of
    `AMOUNT_PREFIXES` glued before is no name: "her now-18 month-old daughter"."""
    if start >= 2 and text[start - 1] in "-–−/+^" and text[start - 2].isalnum():
        glued = _GLUED_WORD.search(text, max(0, start - 20), start - 1)
        return glued is None or glued[0].casefold() not in AMOUNT_PREFIXES
    previous = text[max(0, start - 12) : start].split()
    if not previous or text[start - 1] != " ":
        return False
    word = previous[-1]
    return word in NAME_BEFORE or word in NAME_BEFORE_ANY_CASE


def _bare_scale(match: re.Match[str]) -> bool:
    """'several hundred years', "a baker's dozen": a scale word with no number before it."""
    if not match["words"]:
        return False
    first = match["words"].split()[0].casefold().split("-")[0]
    return first in SCALES or first in DOZEN


def _compound_modifier(text: str, end: int) -> bool:
    """'a third-party review', 'two-way', 'one-off': a number word hyphenated to a word that is
    not a unit names a kind of thing, not an amount (`NUMBER_HYPHEN_AMOUNT`)."""
    joined = _HYPHENED.match(text, end)
    return joined is not None and joined["word"].casefold() not in NUMBER_HYPHEN_AMOUNT


def _unit_in_compound(text: str, end: int) -> bool:
    """'$639m year-earlier': a unit word hyphenated on to a word other than a measure adjective
    belongs to that compound, not to the number before it (`MEASURE_ADJECTIVES`)."""
    joined = _HYPHENED.match(text, end)
    return joined is not None and joined["word"].casefold() not in MEASURE_ADJECTIVES


def _point_items(text: str, end: int, unit_end: int) -> bool:
    """'a four-point plan': a number hyphenated to 'point' before a noun that no score is of
    counts items (`POINT_SCORES`)."""
    after = _NEXT_WORD.match(text, unit_end)
    noun = after["word"].casefold() if after else ""
    return text.startswith("-", end) and noun not in POINT_SCORES


def _metres(text: str, start: int, end: int) -> bool:
    """Whether the 'm' of a number written '100m' with no currency is metres, not a million:
    a distance shows around it (`METRES_AFTER`)."""
    after = _NEXT_WORD.match(text, end)
    word = after["word"].casefold() if after else ""
    if word in MILLIONS_AFTER:
        return False
    if word in METRES_AFTER or word in MEASURE_ADJECTIVES or _LENGTH_BESIDE.match(text, end):
        return True
    if _BY_METRES.match(text, end) or _METRES_BY.search(text, max(0, start - 20), start):
        return True  # "4m x 5m"
    before = text[max(0, start - 10) : start].split()
    if before and before[-1].casefold() in METRES_BEFORE:
        return True
    first, last = max(0, start - _SENTENCE_REACH), end + _SENTENCE_REACH
    for stop in _SENTENCE_END.finditer(text, first, start):
        first = stop.end()
    ending = _SENTENCE_END.search(text, end, last)
    sentence = _cue_words(text[first : ending.start() if ending else last])
    athletics = len(_cue_words(text) & METRES_TEXT_CUES) >= METRES_TEXT_CUES_NEEDED
    return bool(sentence & METRES_CUES) or athletics


@functools.lru_cache(maxsize=8)
def _cue_words(text: str) -> frozenset[str]:
    """The words of `text` and its pairs of words ("long jump"), in lower case; kept for the
    last texts, as every '100m' of an article asks for its whole text's."""
    found = [w.casefold() for w in _LETTERS.findall(text)]
    return frozenset(found) | {f"{a} {b}" for a, b in itertools.pairwise(found)}


def _is_date(
    text: str,
    start: int,
    end: int,
    value: float,
    match: re.Match[str],
    kind: str,
    ordinal: bool,
) -> bool:
    """Days of months, seasons ("2004/05"), decades and addresses are not amounts (years are
    `_year_like`)."""
    if match["fraction"] and _SEASON.fullmatch(match["fraction"]):
        return True
    if not match["digits"] or match["scale"] or match["abbr"]:
        return False
    near_month = _DATE_AFTER.match(text, end) or _DATE_BEFORE.search(
        text, max(0, start - 14), start
    )
    if (kind == "count" or ordinal) and near_month:
        return True
    if (kind == "count" or ordinal) and value.is_integer():  # "10 Downing St", "5th Avenue"
        street = _CAPITALISED.match(text, end)
        if street:
            words = text[street.start() : street.end()].split()
            tail = _WORD.search(text, street.end())
            if tail and tail[0].rstrip(".,") in STREET_WORDS:
                return True
            if words and words[-1].rstrip(".,") in STREET_WORDS:
                return True
    return False


def _year_like(match: re.Match[str], kind: str, ordinal: bool) -> bool:
    """'2004', '1500': a bare count written as four digits from 1000 to 2199, a year as often
    as a count."""
    if kind != "count" or ordinal or match["scale"] or match["abbr"] or match["half_tail"]:
        return False
    digits = match["digits"] or ""
    return _FOUR_DIGITS.fullmatch(digits) is not None and 1000 <= int(digits) <= 2199


def _range(
    text: str, number: re.Match[str], start: int, end: int, kind: str, unit: str | None, low: float
) -> tuple[float, float | None, int, str, str | None] | None:
    """A second number that makes the amount `number` (written at `start:end`) a range:
    'between 10 and 20', '10-20', '3 to 4 L', 'three or four years', '$3 billion to $5
    billion', 'from $75 per barrel to $45.88'. The unit or scale written once applies to both
    ends ('1 to 2 thousand'), and the range is low first. Returns (low, high, end, kind,
    unit); None when the pair is a span of dates ('5-10 March'), which is no amount at all."""
    unchanged = low, None, end, kind, unit
    opener = _OPENER.search(text, max(0, start - 40), start)
    opened = opener["word"].casefold() if opener else None
    join = _RANGE_JOIN.match(text, end) or (_GAP_TO.match(text, end) if opened == "from" else None)
    if join is None:
        return unchanged
    word = join["word"].casefold()
    if word == "and" and opened != "between":
        return unchanged
    if word == "or" and _LIST_BEFORE.search(text, max(0, start - 16), start):
        return unchanged  # "1, 2 or 3" is a list
    change = _CHANGE_BEFORE.search(text, max(0, start - 40), start) if word == "to" else None
    at = join.end()
    currency = _currency_at(text, at)
    if currency is not None:
        at, code = currency
        if kind != "money" or code != unit:
            return unchanged
    hyphen = text[at : at + 1] in ("-", "−")  # "to -34 °C" is negative, "0-to-60" is not
    negative = hyphen and join[0][-1:].isspace()
    minus = _MINUS_AT.match(text, at)
    if minus is not None:  # "and minus 5"
        at, negative = minus.end(), True
    second = NUMBER.match(text, at + hyphen)
    high = value_of(second) if second is not None else None
    if second is None or high is None:
        return unchanged
    high = -high if negative else high
    scale = scale_of(second)
    carried = scale != 1 and scale_of(number) == 1 and abs(low) * scale <= abs(high)
    if carried:
        low *= scale  # "1 to 2 thousand", "$3-5bn"
    stop = second.end()
    found = _unit_at(text, stop, glued_only=not second["digits"])
    if found and found[1] == "minor":  # "from 50p to 80p", "5-10p"
        code, minor = MINOR_CURRENCY[text[stop : found[0]].lstrip("-").strip().casefold()]
        low, high = (low * minor if unit is None else low), high * minor
        found = found[0], "money", code
    if found:
        if unit is not None and found[2] != unit:
            return unchanged
        stop, kind, unit = found
    elif stop < len(text) and text[stop].isalpha():
        return unchanged
    elif kind == "count" and second["digits"] and _DATE_AFTER.match(text, stop):
        return None  # "5-10 March"
    elif unit is not None and not (currency or carried or opened) and word in {"to", "or"}:
        return unchanged  # "fell 0.4 per cent to 13176": a change, then a level
    if change and unit is not None and high > CHANGE_TO_LEVEL * low:
        return unchanged  # "fell 20p to 180p", "rose by $4bn to $41bn": a change, then a level
    if high == low or (high < low and opened != "from" and low >= 0):
        return unchanged  # "a 1 to 1 ratio"; "fell 10 to 5", but "-5 to -10 °C"
    if word == "or" and not 0 < low < high <= 10 * low:
        return unchanged  # "three or four", never "1 or 100"
    return min(low, high), max(low, high), stop, kind, unit


def _currency_at(text: str, pos: int) -> tuple[int, str] | None:
    """(end, code) of a currency symbol written at `pos` before a number ("to $5 billion")."""
    for stop in range(pos + 1, min(len(text), pos + 5) + 1):
        symbol = _SYMBOL.match(text, pos, stop)
        if symbol and not symbol["sign"] and NUMBER.match(text, stop):
            written = symbol["cur"].strip()
            return stop, CURRENCY_SYMBOLS.get(written, written)
    return None


def _scores(text: str) -> list[tuple[int, int]]:
    """Spans of game scores and votes ('won 3-1', 'tied at 89-89', 'lost 1-3', 'a 5-4
    ruling'): pairs written high first or level, or next to a word of games
    (`rules.SCORE_VERBS`, `rules.SCORE_NOUNS`)."""
    spans = []
    for pair in _SCORE.finditer(text):
        if _unit_at(text, pair.end()) is not None:
            continue  # "10-5 per cent" is an amount
        before = _WORD.findall(text, max(0, pair.start() - 30), pair.start())[-3:]
        after = _WORD.findall(text, pair.end(), pair.end() + 20)[:1]
        dashed = "to" not in pair["join"]
        if (
            (dashed and int(pair["first"]) >= int(pair["second"]))
            or SCORE_VERBS.intersection(_plain(w) for w in before)
            or SCORE_NOUNS.intersection(_plain(w) for w in after)
        ):
            spans.append(pair.span())
    return spans


def _approximate(text: str) -> list[Amount]:
    """'millions of Americans', 'tens of millions of dollars', 'hundreds of miles': counts
    with no number, as ranges with qualifier 'approx' (`rules.APPROXIMATE_COUNTS`); the unit
    or currency after 'of' is theirs."""
    found = []
    for match in APPROXIMATE.finditer(text):
        before = _WORD.findall(text, max(0, match.start() - 20), match.start())[-1:]
        if match["outer"].casefold() == "scores" and SCORES_NOT_COUNTS.intersection(
            _plain(w) for w in before
        ):
            continue  # "test scores of 90"
        low, high = approximate_range(match)
        end, kind, unit = match.end(), "count", None
        of = _OF.match(text, end)
        measure = _unit_at(text, of.end(), glued_only=True) if of else None
        if measure is not None and measure[1] != "minor":
            end, kind, unit = measure
        start = match.start()
        found.append(Amount(start, end, start, match.end(), low, high, kind, unit, "approx"))
    return found


def _plain(word: str) -> str:
    return word.strip(".,;:!?()\"'“”‘’").casefold()
