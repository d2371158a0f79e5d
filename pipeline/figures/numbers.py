"""Numbers as written in news text, to their values: pure functions over strings.

`NUMBER` finds a number ("434,000", "2.5", "1.5 billion", "4.5bn", "five thousand", "a hundred
and two", "two and a half", "3 and a half", "half a million", "a quarter of a million", "2 1/2",
"⅓", "2.48×10−5") and `value_of` reads the text it matched; a number a float cannot hold ("2 x
10^400") has no value. `APPROXIMATE` finds counts written without a number ("tens of thousands
of", "dozens of") and `approximate_range` reads their range (`rules.APPROXIMATE_COUNTS`).
"""

from __future__ import annotations

import math
import re

from pipeline.figures.rules import (
    APPROXIMATE_COUNTS,
    DOZEN,
    FRACTION_WORDS,
    SCALE_ABBREVIATIONS,
    SCALES,
    VULGAR_FRACTIONS,
)
from pipeline.lexicon.numbers import NUMBER_WORDS
from pipeline.wordlist import alternation

_WORD = alternation([*NUMBER_WORDS, *SCALES, *DOZEN])
_SCALE_WORD = alternation(list(SCALES))
_SCALE_ABBR = alternation(list(SCALE_ABBREVIATIONS))
_FRACTION = alternation(list(FRACTION_WORDS))
_VULGAR = "".join(VULGAR_FRACTIONS)
_CARDINAL = alternation([w for w in NUMBER_WORDS if w != "zero"])
_POWER = re.compile(r"([\d.]+)(?:e|[×x]10(?:\^|\*\*)?)([-+]?\d+)", re.IGNORECASE)
_NONZERO = re.compile(r"[1-9]")
_SPACES = re.compile(r"\s+")
_APPROXIMATE_WORD = alternation(list(APPROXIMATE_COUNTS)).replace(r"\ ", r"\s+")

DIGITS = (
    r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.])|\d+)(?:\.\d+)?"
    r"|\.\d+"
)
# "2 x 10^5", "2.48×10−5" (a superscript lost in copying keeps its sign); never "3 x 1000",
# which is three times a thousand, not 3 x 10^00.
_SCIENTIFIC = r"\d+(?:\.\d+)?(?:[eE][-+−]?\d+|\s?[×x]\s?10(?:(?:\^|\*\*)[-+−]?\d+|[-−]\d+))"
_MIXED_FRACTION = r"\d+\s+\d+/\d+|\d+/\d+"
# "and" and a comma join number words after a scale only ("a hundred and two", "three million,
# two hundred"): "five and six" are two numbers, "one, two, three" three.
_AFTER_SCALE = "(?:" + "|".join(f"(?<={scale})" for scale in SCALES) + ")"
_WORDS = (
    rf"(?:half\s+an?\s+(?:{_SCALE_WORD}|dozen)"  # half a million
    rf"|(?:{_CARDINAL}|an?)[\s-]+(?:{_FRACTION})"  # two thirds, a half, one-half
    rf"(?:\s+of\s+an?\s+(?:{_SCALE_WORD}|dozen)\b)?"  # a quarter of a million
    rf"|(?:an?\s+(?=(?:{_SCALE_WORD}|dozen)\b))?(?:{_WORD})"  # a hundred, five thousand
    rf"(?:(?:\s+|-|{_AFTER_SCALE}(?:,\s+|\s+(?:and|&)\s+))(?:{_WORD}))*"  # hundred and two
    rf"(?:\s+and\s+a\s+half)?)"  # two and a half
)

NUMBER = re.compile(
    rf"(?<![\w.,/^])(?:"
    rf"(?P<sci>{_SCIENTIFIC})"
    rf"|(?P<fraction>{_MIXED_FRACTION})(?![\d/])"
    rf"|(?P<digits>{DIGITS})"
    rf"(?:\s?(?P<vulgar_tail>[{_VULGAR}])|(?P<half_tail>\s+and\s+a\s+half)(?![\w-]))?"
    rf"(?:\s*(?P<scale>{_SCALE_WORD})\b|(?P<abbr>{_SCALE_ABBR})(?![^\W\d_]))?"
    rf"|(?P<vulgar>[{_VULGAR}])"
    rf"|(?P<words>{_WORDS})(?:\s+(?P<word_scale>{_SCALE_WORD}))?\b"
    rf")",
    re.IGNORECASE,
)

# "millions of", "tens of thousands of", "a handful of", "thousands more": a count with no
# number; "hundreds of thousands" stands alone too ("hundreds of thousands fled").
APPROXIMATE = re.compile(
    rf"(?<![\w'’-])(?P<outer>{_APPROXIMATE_WORD})"
    rf"(?:\s+of\s+(?P<inner>{_APPROXIMATE_WORD})(?![\w-])|(?=\s+(?:of|more)\b))",
    re.IGNORECASE,
)


def approximate_range(match: re.Match[str]) -> tuple[float, float]:
    """The (low, high) of an `APPROXIMATE` match: "tens of thousands" is 10 x 1,000 up to
    100 x 1,000."""
    low, high = APPROXIMATE_COUNTS[_SPACES.sub(" ", match["outer"].casefold())]
    if match["inner"]:
        scale = APPROXIMATE_COUNTS[_SPACES.sub(" ", match["inner"].casefold())][0]
        low, high = low * scale, high * scale
    return float(low), float(high)


def scale_of(match: re.Match[str]) -> float:
    """The scale written in a `NUMBER` match ("2 thousand", "5bn", "two million"), 1 if none:
    a scale written once may apply to both ends of a range ("1 to 2 thousand")."""
    if match["scale"]:
        return SCALES[match["scale"].casefold()]
    if match["abbr"]:
        return _abbreviation_scale(match["abbr"])
    if match["word_scale"]:
        return SCALES[match["word_scale"].casefold()]
    tokens = (match["words"] or "").casefold().split()  # "two thousand", not "2,500" in words
    if len(tokens) > 1 and tokens[-1] in SCALES and not SCALES.keys() & set(tokens[:-1]):
        return SCALES[tokens[-1]]
    return 1.0


def _abbreviation_scale(abbr: str) -> float:
    """The scale of an abbreviation as written ("B" a billion, "m" a million), else of its lower
    case ("MN", "Tn"); 1 if none."""
    return SCALE_ABBREVIATIONS.get(abbr, SCALE_ABBREVIATIONS.get(abbr.lower(), 1.0))


def value_of(match: re.Match[str]) -> float | None:
    """The value of a `NUMBER` match; None when it cannot be one (1/0) or is beyond what a
    float holds ("2 x 10^400", "2e-400"): that figure is skipped, not the article."""
    value = _value(match.groupdict())
    return value if value is not None and math.isfinite(value) else None


def _value(parts: dict[str, str | None]) -> float | None:
    if parts["sci"]:
        return _scientific(parts["sci"])
    if parts["fraction"]:
        return _fraction(parts["fraction"])
    if parts["vulgar"]:
        return VULGAR_FRACTIONS[parts["vulgar"]]
    if parts["digits"]:
        value = _float(re.sub(r"[,\s\u00a0\u202f]", "", parts["digits"]))
        if value is None:
            return None
        if parts["vulgar_tail"]:
            value += VULGAR_FRACTIONS[parts["vulgar_tail"]]
        elif parts["half_tail"]:  # "3 and a half"
            value += 0.5
        if parts["scale"]:
            value *= SCALES[parts["scale"].casefold()]
        elif parts["abbr"]:
            value *= _abbreviation_scale(parts["abbr"])
        return value
    value = words_value(parts["words"] or "")
    if value is not None and parts["word_scale"]:
        value *= SCALES[parts["word_scale"].casefold()]
    return value


def _scientific(text: str) -> float | None:
    """'2.48×10−5', '1.5e9', '2 X 10^5'."""
    power = _POWER.fullmatch(text.replace("−", "-").replace(" ", ""))
    return _float(power[1], power[2]) if power else None


def _fraction(text: str) -> float | None:
    first = "0"
    if " " in text.strip():
        first, text = text.split(maxsplit=1)
    whole, top, bottom = (_float(part) for part in (first, *text.split("/")))
    if whole is None or top is None or not bottom:
        return None
    return whole + top / bottom


def _float(mantissa: str, exponent: str = "0") -> float | None:
    """The float of `mantissa` times ten to `exponent`; None when it is out of a float's range:
    infinite, or so small that it would read as 0."""
    value = float(f"{mantissa}e{exponent}")
    if math.isinf(value) or (value == 0 and _NONZERO.search(mantissa)):
        return None
    return value


def words_value(text: str) -> float | None:
    """'five thousand' 5000, 'a hundred and two' 102, 'twenty-one' 21, 'two thirds' 0.667,
    'half a million' 500000, 'a quarter of a million' 250000, 'two and a half' 2.5, 'a dozen'
    12."""
    tokens = [t for t in re.split(r"[\s,&-]+", text.casefold()) if t and t != "and"]
    if not tokens:
        return None
    if "of" in tokens:  # a fraction of a scale: "a quarter of a million"
        at = tokens.index("of")
        part, whole = words_value(" ".join(tokens[:at])), words_value(" ".join(tokens[at + 1 :]))
        return None if part is None or whole is None else part * whole
    if tokens[0] == "half" and len(tokens) == 3:  # half a million
        return 0.5 * (SCALES.get(tokens[2]) or DOZEN[tokens[2]])
    half = tokens[-2:] == ["a", "half"]
    if half:
        tokens = tokens[:-2]
    if tokens and tokens[-1] in FRACTION_WORDS:  # two thirds, a half, one sixth
        top = 1.0 if tokens[0] in {"a", "an"} else float(NUMBER_WORDS.get(tokens[0], 1))
        return top / FRACTION_WORDS[tokens[-1]]
    total, current = 0.0, 0.0
    for token in tokens:
        if token in {"a", "an"}:
            current = max(current, 1.0)
        elif token in NUMBER_WORDS:
            current += NUMBER_WORDS[token]
        elif token in DOZEN:
            current = max(current, 1.0) * DOZEN[token]
        elif token == "hundred":
            current = max(current, 1.0) * 100
        elif token in SCALES:
            total += max(current, 1.0) * SCALES[token]
            current = 0.0
        else:
            return None
    value = total + current
    return value + 0.5 if half else value
